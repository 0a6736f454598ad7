package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/jixiao/jixiao/engine"
)

// tableWriter prints the comparison table: units × indicator points, total,
// grade and rank. It buffers the rows, since the table sizes its columns
// from all of them.
type tableWriter struct {
	w      io.Writer
	o      Options
	m      Meta
	groups []Group
	rows   [][]string
	failed []*engine.UnitResult
	legend map[string]bool
}

func newTable(w io.Writer, o Options) Writer {
	return &tableWriter{w: w, o: o, legend: map[string]bool{}}
}

func (t *tableWriter) Begin(m Meta) error {
	t.m = m
	t.groups = Groups(m.Indicators)
	return nil
}

// Header returns the column titles of the comparison table.
func (t *tableWriter) header() []string {
	h := []string{"排名", "单位", "名称"}
	if t.o.Groups {
		for _, g := range t.groups {
			h = append(h, fmt.Sprintf("%s(%s)", g.Name, Num(g.Weight)))
		}
	} else {
		for _, ind := range t.m.Indicators {
			h = append(h, fmt.Sprintf("%s(%s)", ind.Label, Num(ind.Weight)))
		}
	}
	h = append(h, "总分", "等级")
	if t.m.HasClaims {
		h = append(h, "自评总分", "自评等级")
	}
	return h
}

// Cell renders the points of one indicator result with its status.
func Cell(ir *engine.IndicatorResult) (string, string) {
	switch ir.Status {
	case engine.StatusNA:
		return "—", "— 不适用"
	case engine.StatusMissing:
		return Num(ir.Points) + "缺", "缺 数据缺失，记 0 分"
	case engine.StatusError:
		return Num(ir.Points) + "错", "错 无法计算（如除以零），记 0 分"
	}
	s := Num(ir.Points)
	for _, f := range ir.Flags {
		switch f {
		case engine.FlagOvershoot:
			return s + "↑", "↑ 超过目标 20% 以上，需说明偏离原因"
		}
	}
	return s, ""
}

func (t *tableWriter) Unit(u *engine.UnitResult) error {
	if u.Failed() {
		t.failed = append(t.failed, u)
		return nil
	}
	row := []string{fmt.Sprint(u.Rank), u.Unit, u.Name}
	if t.o.Groups {
		for _, g := range t.groups {
			row = append(row, Num(Subtotal(u, g)))
		}
	} else {
		for k := range u.Indicators {
			ir := &u.Indicators[k]
			c, legend := Cell(ir)
			if legend != "" {
				t.legend[legend] = true
			}
			if cl, ok := claimCell(ir); ok {
				c += cl
				t.legend[legendClaim] = true
			}
			row = append(row, c)
		}
	}
	row = append(row, Num(u.Score), u.Grade)
	if t.m.HasClaims {
		cs, cg := "", ""
		if u.Claimed != nil {
			if u.Claimed.Score != nil {
				cs = Num(*u.Claimed.Score)
			}
			cg = u.Claimed.Grade
		}
		row = append(row, cs, cg)
	}
	t.rows = append(t.rows, row) // a fresh slice per row: Append keeps it
	return nil
}

func (t *tableWriter) End(s engine.Summary) error {
	title := t.m.Ruleset.Title
	if title == "" {
		title = t.m.Ruleset.ID
	}
	fmt.Fprintf(t.w, "%s（%s %s）\n", title, t.m.Ruleset.ID, t.m.Ruleset.Version)
	if len(t.rows) > 0 {
		align := make([]tw.Align, len(t.header()))
		for i := range align {
			align[i] = tw.AlignRight
		}
		align[1], align[2] = tw.AlignLeft, tw.AlignLeft
		tbl := tablewriter.NewTable(t.w,
			tablewriter.WithEastAsian(tw.Off), // else CJK columns misalign under LANG=zh_CN in a pipe
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
			tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
			tablewriter.WithHeaderAlignment(tw.AlignCenter),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
			tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		)
		tbl.Header(t.header())
		if err := tbl.Bulk(t.rows); err != nil {
			return err
		}
		if err := tbl.Render(); err != nil {
			return err
		}
	}
	var parts []string
	for _, g := range s.Grades {
		parts = append(parts, fmt.Sprintf("%s %d", g.Label, g.Units))
	}
	fmt.Fprintf(t.w, "共 %d 个单位：%s", s.Units, strings.Join(parts, "，"))
	if s.Errors > 0 {
		fmt.Fprintf(t.w, "，未能评分 %d", s.Errors)
	}
	fmt.Fprintln(t.w)
	for _, l := range sortedLegend(t.legend) {
		fmt.Fprintf(t.w, "  %s\n", l)
	}
	if len(t.failed) > 0 {
		fmt.Fprintln(t.w, "未能评分的单位：")
		for _, u := range t.failed {
			fmt.Fprintf(t.w, "  %s %s\n", u.Unit, u.Name)
			for _, e := range u.Errors {
				fmt.Fprintf(t.w, "    %s\n", strings.ReplaceAll(e.Error(), "\n", "\n    "))
			}
		}
	}
	return nil
}

// legendClaim explains the "8.62/9" cells of claimed data.
const legendClaim = "a/b 按规则得 a 分，单位自评 b 分（相差超过容差，见 jixiao review）"

// claimCell is "/claim" for an indicator whose claim departs from the
// rules (flag claim_high or claim_low): 8.62/9. Claims that agree are not
// repeated, so the table stays readable.
func claimCell(ir *engine.IndicatorResult) (string, bool) {
	if ir.Claimed == nil {
		return "", false
	}
	for _, f := range ir.Flags {
		if f == engine.FlagClaimHigh || f == engine.FlagClaimLow {
			return "/" + claimNum(*ir.Claimed), true
		}
	}
	return "", false
}

// claimNum prints a claim as written, to at most 4 decimals: a claim of
// 8.631 against 8.62 must not show as 8.63.
func claimNum(x float64) string {
	s := strconv.FormatFloat(x, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func sortedLegend(m map[string]bool) []string {
	var out []string
	for _, k := range []string{"— 不适用", "缺 数据缺失，记 0 分", "错 无法计算（如除以零），记 0 分", "↑ 超过目标 20% 以上，需说明偏离原因", legendClaim} {
		if m[k] {
			out = append(out, k)
		}
	}
	return out
}
