package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/rulesets"
)

func newIndicatorsCmd(io *streams) *cobra.Command {
	var long bool
	cmd := &cobra.Command{
		Use:     "indicators [WORD]",
		Short:   io.msg.Sprintf(msg.HelpIndicators),
		Long:    io.msg.Sprintf(msg.HelpIndicatorsLong),
		Example: io.msg.Sprintf(msg.HelpIndicatorsExample),
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			defs, err := rulesets.Library()
			if err != nil {
				return failWith(exitNothing, err)
			}
			word := ""
			if len(args) == 1 {
				word = args[0]
			}
			found := rulesets.SearchLibrary(defs, word)
			if len(found) == 0 {
				fmt.Fprint(io.ErrOut, io.msg.Sprintf(msg.RunNoIndicator, word))
				return failWith(exitUnitsFailed, nil)
			}
			for _, d := range found {
				fmt.Fprintf(io.Out, "%-36s %s  [%s]  %s %s\n", d.ID, d.Label, strings.Join(d.Group, "/"), d.Direction, d.Value)
				if long {
					var ins []string
					for _, in := range d.Inputs {
						s := in.ID + " " + in.Label
						if in.Unit != "" {
							s += "（" + in.Unit + "）"
						}
						ins = append(ins, s)
					}
					sort.Strings(ins)
					fmt.Fprint(io.Out, io.msg.Sprintf(msg.RunIndicatorInputs, strings.Join(ins, "；"), d.Note))
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&long, "long", "l", false, io.msg.Sprintf(msg.FlagLong))
	return cmd
}
