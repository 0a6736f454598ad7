package engine

import "github.com/jixiao/jixiao/indicators"

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
		l.warn(def.Value.Pos, "relative_negative", "indicator %s: best_ratio needs values of at least 0, and %s %s: units with a negative value fail (efficacy takes any values)", def.ID, valueText(ci), v.describe())
	case def.Lower && v.lo <= 0 && v.hi >= 0:
		l.warn(def.Value.Pos, "relative_zero", "indicator %s: reverse best_ratio scores weight × best ÷ value, and %s %s: a unit at 0 would be the best and every other unit would score 0 (leave a figure not reported blank, so that it stays out of the population)", def.ID, valueText(ci), v.describe())
	}
}

// panel lints a panel indicator's spread (专家评分): the loader keeps it
// within [0, 1], but at 0 any difference between raters is flagged, and
// at 1 none can be, since points lie within 0..weight.
func (l *linter) panel(ci *compiledIndicator) {
	def := ci.def
	switch {
	case def.Spread <= 0:
		l.warn(def.Pos, "panel_spread", "indicator %s: spread 0 flags panel_spread on every unit whose raters differ at all (spread is the share of the weight raters may differ by, 0.2 by default)", def.ID)
	case def.Spread >= 1:
		l.warn(def.Pos, "panel_spread", "indicator %s: spread %s never flags panel_spread: points lie within 0..%s, so raters never differ by more than the weight", def.ID, fmtNum(def.Spread), fmtNum(def.Weight))
	}
}
