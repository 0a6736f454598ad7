package engine

import (
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// relative lints a relative indicator (比较法) by the range of its value:
// best_ratio divides by the best (reverse: by the unit's value), so
// values below 0 fail the unit, and with reverse a value of 0 is a best
// that leaves every other unit 0 points. efficacy takes any values.
func (l *linter) relative(ci *compiledIndicator, e rangeEnv) {
	def := ci.def
	if def.Relative != indicators.RelativeBestRatio || ci.value == nil || ci.value.node == nil {
		return
	}
	v := e.value
	switch {
	case v.lo < 0:
		l.warn(def.Value.Pos, "relative_negative", msg.LintRelNegative, def.ID, valueText(ci), v.describe(l.pr))
	case def.Lower && v.lo <= 0 && v.hi >= 0:
		l.warn(def.Value.Pos, "relative_zero", msg.LintRelZero, def.ID, valueText(ci), v.describe(l.pr))
	}
}

// panel lints a panel indicator's spread (专家评分): the loader keeps it
// within [0, 1], but at 0 any difference between raters is flagged, and
// at 1 none can be, since points lie within 0..weight.
func (l *linter) panel(ci *compiledIndicator) {
	def := ci.def
	switch {
	case def.Spread <= 0:
		l.warn(def.Pos, "panel_spread", msg.LintSpreadZero, def.ID)
	case def.Spread >= 1:
		l.warn(def.Pos, "panel_spread", msg.LintSpreadOne, def.ID, fmtNum(def.Spread), fmtNum(def.Weight))
	}
}
