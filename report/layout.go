package report

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Column is one scored column of the comparison table: an indicator, or
// the subtotal of a 一级指标. Every tabular format lays out the same
// columns, so they all show the same figures side by side.
type Column struct {
	// Indicator is the index into Meta.Indicators, or -1 for a subtotal.
	Indicator int
	// Group is the index into the Groups of the meta.
	Group int
	// Num numbers the indicator columns from 1 in table order, for short
	// headers with a legend; 0 for subtotals.
	Num    int
	Key    string // indicator id, or the group name for a subtotal (a --sort key)
	Label  string // indicator label, or the group name
	Weight float64
}

// Subtotal reports whether the column is a 一级指标 subtotal.
func (c Column) Subtotal() bool { return c.Indicator < 0 }

// Header is the column's title with its weight: 预算执行率（10）, or
// 产出小计（50） for a subtotal.
func (c Column) Header() string {
	if c.Subtotal() {
		return fmt.Sprintf("%s小计（%s）", c.Label, Num(c.Weight))
	}
	return fmt.Sprintf("%s（%s）", c.Label, Num(c.Weight))
}

// Layout is the column layout of a comparison table.
type Layout struct {
	Groups  []Group
	Columns []Column
}

// NewLayout lays out the scored columns for options o. Indicators stand
// grouped under their 一级指标, in the ruleset's order of first appearance,
// each group followed by its subtotal when it has more than one indicator
// (the subtotal of one indicator would repeat it). With o.Groups only the
// subtotals are shown, one per group.
func NewLayout(m Meta, o Options) Layout {
	l := Layout{Groups: Groups(m.Indicators)}
	n := 0
	for gi, g := range l.Groups {
		sub := Column{Indicator: -1, Group: gi, Key: g.Name, Label: g.Name, Weight: g.Weight}
		if o.Groups {
			l.Columns = append(l.Columns, sub)
			continue
		}
		for _, i := range g.Members {
			n++
			ind := &m.Indicators[i]
			l.Columns = append(l.Columns, Column{Indicator: i, Group: gi, Num: n, Key: ind.ID, Label: ind.Label, Weight: ind.Weight})
		}
		if len(g.Members) > 1 {
			l.Columns = append(l.Columns, sub)
		}
	}
	return l
}

// Points returns a scored unit's points in column c, and its indicator
// result for an indicator column (nil for a subtotal).
func (l *Layout) Points(u *engine.UnitResult, c Column) (float64, *engine.IndicatorResult) {
	if !c.Subtotal() {
		ir := &u.Indicators[c.Indicator]
		return ir.Points, ir
	}
	return Subtotal(u, l.Groups[c.Group]), nil
}

// Mark is how a cell shows a status or flag beside its points.
type Mark struct {
	Sym    string // after the points; the whole cell for N/A
	Legend string
	Class  string // CSS class and style key: na, missing, error, overshoot, check
}

// Marks a cell may carry. The symbols are plain ASCII or wide CJK
// characters, never East Asian "ambiguous" ones (—, ↑, ·), so the terminal
// table lines up whatever width a terminal gives those.
var (
	MarkNA        = Mark{Sym: "NA", Legend: "NA 不适用，不计分，总分按适用指标折算", Class: "na"}
	MarkMissing   = Mark{Sym: "缺", Legend: "缺 数据缺失，记 0 分", Class: "missing"}
	MarkError     = Mark{Sym: "错", Legend: "错 无法计算（如除以零），记 0 分", Class: "error"}
	MarkOvershoot = Mark{Sym: "超", Legend: "超 超过目标 20% 以上，需说明偏离原因", Class: "overshoot"}
	// MarkCheck stands in the 校验 column of a unit that failed a
	// consistency check: a check is about the unit's data as a whole, not
	// one indicator, and it changes no points, so it gets a
	// column of its own rather than a cell's mark.
	MarkCheck = Mark{Sym: "不符", Legend: "不符 数据未通过一致性校验（不影响得分），见「未通过的检查」", Class: "check"}
)

// allMarks lists the marks in legend order.
var allMarks = []Mark{MarkNA, MarkMissing, MarkError, MarkOvershoot, MarkCheck}

// checkHeader heads the column of MarkCheck in the comparison tables.
const checkHeader = "校验"

// MarkOf returns the mark of an indicator result, and false when it has
// none (scored normally, nothing to flag).
func MarkOf(ir *engine.IndicatorResult) (Mark, bool) {
	switch ir.Status {
	case indicators.StatusNA:
		return MarkNA, true
	case indicators.StatusMissing:
		return MarkMissing, true
	case indicators.StatusError:
		return MarkError, true
	}
	for _, f := range ir.Flags {
		if f == indicators.FlagOvershoot {
			return MarkOvershoot, true
		}
	}
	return Mark{}, false
}

// Mark returns the mark of a scored unit's cell in column c: the
// indicator's (MarkOf), or for a subtotal what its sum hides: 缺 when an
// indicator of the group is missing, else 错 when one could not be
// computed (both count 0 in the sum), and NA when every indicator of the
// group is 不适用 (the sum is then no score at all). A subtotal is never
// marked 超: that is one indicator's note, not a problem of the sum.
func (l *Layout) Mark(u *engine.UnitResult, c Column) (Mark, bool) {
	if !c.Subtotal() {
		return MarkOf(&u.Indicators[c.Indicator])
	}
	return GroupMark(u, l.Groups[c.Group])
}

// GroupMark is the mark of a scored unit's subtotal of group g (see
// Layout.Mark).
func GroupMark(u *engine.UnitResult, g Group) (Mark, bool) {
	var missing, failed bool
	na := 0
	members := g.Members
	for _, i := range members {
		if i >= len(u.Indicators) {
			continue
		}
		switch u.Indicators[i].Status {
		case indicators.StatusMissing:
			missing = true
		case indicators.StatusError:
			failed = true
		case indicators.StatusNA:
			na++
		}
	}
	switch {
	case missing:
		return MarkMissing, true
	case failed:
		return MarkError, true
	case na > 0 && na == len(members):
		return MarkNA, true
	}
	return Mark{}, false
}

// CellText renders points with their mark: 9.55, 0缺, /, 3超.
func CellText(pts float64, ir *engine.IndicatorResult) string {
	if ir == nil {
		return Num(pts)
	}
	mk, ok := MarkOf(ir)
	return MarkText(pts, mk, ok)
}

// MarkText renders points with mark mk when marked: 9.55, 0缺, NA, 3超.
func MarkText(pts float64, mk Mark, marked bool) string {
	switch {
	case !marked:
		return Num(pts)
	case mk == MarkNA:
		return mk.Sym
	}
	return Num(pts) + mk.Sym
}

// failedChecks returns the consistency checks the unit failed.
func failedChecks(u *engine.UnitResult) []engine.CheckResult {
	var out []engine.CheckResult
	for _, c := range u.Checks {
		if !c.OK && !c.Skipped {
			out = append(out, c)
		}
	}
	return out
}

// checkText names a failed check for people: its message, which the
// ruleset writes for them, then its id, to find it in the ruleset.
func checkText(c engine.CheckResult) string { return string(appendCheckText(nil, &c)) }

func appendCheckText(dst []byte, c *engine.CheckResult) []byte {
	dst = append(dst, c.Message...)
	dst = append(dst, "（"...)
	dst = append(dst, c.ID...)
	return append(dst, "）"...)
}

// checksText lists the failed checks of a unit, "" when none failed.
func checksText(u *engine.UnitResult) string { return string(appendChecks(nil, u)) }

// appendChecks appends the failed checks of u, joined by listSep (the
// csv writes it for most units of a population that fails a check: it
// allocates nothing).
func appendChecks(dst []byte, u *engine.UnitResult) []byte {
	first := true
	for k := range u.Checks {
		if c := &u.Checks[k]; !c.OK && !c.Skipped {
			if !first {
				dst = append(dst, listSep...)
			}
			first = false
			dst = appendCheckText(dst, c)
		}
	}
	return dst
}

// listSep separates the items of a list in one cell. Not 、: labels may
// hold it (基础数据“一次采集、多次利用”实现程度).
const listSep = "；"

// labelsWith lists, joined by listSep, the labels of the unit's
// indicators with the given status; "" when none has it.
func labelsWith(u *engine.UnitResult, status string) string {
	return string(appendLabels(nil, u, status))
}

func appendLabels(dst []byte, u *engine.UnitResult, status string) []byte {
	first := true
	for k := range u.Indicators {
		if ir := &u.Indicators[k]; ir.Status == status {
			if !first {
				dst = append(dst, listSep...)
			}
			first = false
			dst = append(dst, ir.Label...)
		}
	}
	return dst
}

// marksSeen collects which marks a report used, for its legend.
type marksSeen map[string]bool

func (s marksSeen) add(ir *engine.IndicatorResult) {
	if ir == nil {
		return
	}
	s.addMark(MarkOf(ir))
}

// addMark notes mk when marked is set.
func (s marksSeen) addMark(mk Mark, marked bool) {
	if marked {
		s[mk.Class] = true
	}
}

// legend returns the legends of the marks seen, in a fixed order.
func (s marksSeen) legend() []string {
	var out []string
	for _, mk := range allMarks {
		if s[mk.Class] {
			out = append(out, mk.Legend)
		}
	}
	return out
}

// Deviation is the text for a 偏差原因分析 cell: the explanation of an
// indicator below full marks, flagged or not scored, and the unit's own
// reason where the data has one. It is empty for an indicator at full
// marks with nothing to say.
func Deviation(ir *engine.IndicatorResult) string {
	_, marked := MarkOf(ir)
	if ir.Points < ir.Weight || marked {
		return explainWithReason(ir)
	}
	if ir.Reason != "" {
		return "单位说明：" + ir.Reason
	}
	return ""
}

// explainWithReason is an indicator's explanation with the unit's own
// reason added where the explanation does not already quote it.
func explainWithReason(ir *engine.IndicatorResult) string {
	text := ir.Explain
	if ir.Reason != "" && !strings.Contains(text, ir.Reason) {
		if text != "" {
			text += "；"
		}
		text += "单位说明：" + ir.Reason
	}
	return text
}

// gradeIndex returns the band index of a grade label, or -1.
func gradeIndex(grades []indicators.Grade, label string) int {
	for i, g := range grades {
		if g.Label == label {
			return i
		}
	}
	return -1
}
