package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

func newRulesetsCmd(io *streams) *cobra.Command {
	return &cobra.Command{
		Use:     "rulesets",
		Short:   io.msg.Sprintf(msg.HelpRulesets),
		Long:    io.msg.Sprintf(msg.HelpRulesetsLong),
		Example: io.msg.Sprintf(msg.HelpRulesetsExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tINDICATORS\tWEIGHT\tTITLE")
			for _, id := range rulesets.IDs() {
				rs, err := rulesets.Open(id)
				if err != nil {
					return failWith(exitNothing, err)
				}
				mark := ""
				if id == rulesets.Default {
					mark = " (default)"
				}
				fmt.Fprintf(tw, "%s%s\t%d\t%s\t%s\n", id, mark, len(rs.Indicators), report.Num(rs.TotalWeight()), rs.Title)
			}
			return tw.Flush()
		},
	}
}
