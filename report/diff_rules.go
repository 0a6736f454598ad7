package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/diff"
)

// writeRuleSections writes, under the comparison, the rule changes
// (规则变更: grade bands, weights, targets, formulas, by label) and, for
// each unit whose grade changed, which of them gave it its new grade;
// nothing when the comparison carries no rules (diff.AddRules). lead is
// "  " for the terminal, "- " for Markdown; head formats a heading.
func writeRuleSections(w io.Writer, c *diff.Comparison, head func(string) string, lead string) {
	if len(c.Rules) == 0 {
		return
	}
	fmt.Fprint(w, head("规则变更"))
	for _, r := range c.Rules {
		fmt.Fprintln(w, lead+r.Text())
	}
	var lines []string
	for i := range c.Units {
		u := &c.Units[i]
		if len(u.Causes) == 0 {
			continue
		}
		var why []string
		for _, r := range u.Causes {
			why = append(why, r.Text())
		}
		lines = append(lines, fmt.Sprintf("%s %s：%s → %s（%s → %s），因为 %s", u.Unit, u.Name, u.Old.Grade, u.New.Grade,
			Num(u.Old.Score), Num(u.New.Score), strings.Join(why, "；")))
	}
	if len(lines) > 0 {
		fmt.Fprint(w, head("等级变化的原因"))
		for _, l := range lines {
			fmt.Fprintln(w, lead+l)
		}
	}
}
