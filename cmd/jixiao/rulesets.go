package main

import (
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

func newRulesetsCmd(st *streams) *cobra.Command {
	return &cobra.Command{
		Use:     "rulesets",
		Short:   st.msg.Sprintf(msg.HelpRulesets),
		Long:    st.msg.Sprintf(msg.HelpRulesetsLong),
		Example: st.msg.Sprintf(msg.HelpRulesetsExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			rows := [][]string{strings.Split(st.msg.Sprintf(msg.RunRulesetsHeader), "\t")}
			for _, id := range rulesets.IDs() {
				rs, err := rulesets.Open(id)
				if err != nil {
					return failWith(exitNothing, err)
				}
				mark := ""
				if id == rulesets.Default {
					mark = st.msg.Sprintf(msg.RunRulesetDefault)
				}
				rows = append(rows, []string{id + mark, strconv.Itoa(len(rs.Indicators)), report.Num(rs.TotalWeight()), rs.Title})
			}
			_, err := io.WriteString(st.Out, columns(rows))
			return err
		},
	}
}

// columns lays rows out in columns two spaces apart, by the width the
// text takes on a terminal (a Chinese character takes two columns), so
// that Chinese headings line up; the last column is not padded.
func columns(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for i, c := range r[:len(r)-1] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]+2-runewidth.StringWidth(c)))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
