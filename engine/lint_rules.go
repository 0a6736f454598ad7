package engine

import (
	"math"
	"strings"

	"github.com/jixiao/jixiao/indicators"
)

// rules lints the rules above the indicator row (contract 2): an adjust
// rule that can never apply, a cap above the ceiling (max_total clamps
// lower anyway), a ceiling below what the weights give, and outcomes that
// leave a grade out.
func (l *linter) rules(p *Program) {
	cr := p.rules
	if cr == nil {
		return
	}
	rs := l.rs
	env := newRangeEnv(rs)
	// The highest total the running total can hold before each rule: the
	// row's (weights, or 100 rescaled), raised by the adds before it.
	high := l.maxTotal()
	for _, a := range cr.adjust {
		def := a.def
		if a.when != nil && a.when.node != nil && env.truth(a.when.node) == -1 {
			l.warn(def.When.Pos, "adjust_never", "adjust rule %s can never apply: its condition %s is never true", def.ID, displayFormula(def.When.Src))
		}
		if a.amount == nil || a.amount.node == nil {
			continue
		}
		amt := env.of(a.amount.node)
		switch def.Kind {
		case indicators.AdjustCap:
			switch {
			case cr.hasCeiling && amt.lo > cr.ceiling:
				l.warn(def.Cap.Pos, "cap_above_max_total", "adjust rule %s: the cap never matters: it %s, above max_total %s, which clamps every total lower anyway", def.ID, amt.describe(), fmtNum(cr.ceiling))
			case amt.lo >= high:
				l.warn(def.Cap.Pos, "adjust_never", "adjust rule %s can never apply: its cap %s, never below the highest total %s (a cap applies only to a total above it)", def.ID, amt.describe(), fmtNum(high))
			}
		case indicators.AdjustAdd:
			if v, ok := amt.constant(); ok && v == 0 {
				l.warn(def.Add.Pos, "adjust_never", "adjust rule %s adds 0: it never changes a total", def.ID)
			}
			high += math.Max(0, amt.hi)
		}
	}
	if cr.hasCeiling && rs.MaxTotal != nil && *rs.MaxTotal < rs.TotalWeight() {
		l.warn(rs.Pos, "max_total_below_weights", "max_total %s is below the sum of the weights %s: full marks are clamped to %s", fmtNum(*rs.MaxTotal), fmtNum(rs.TotalWeight()), fmtNum(*rs.MaxTotal))
	}
	if len(rs.Outcomes) > 0 {
		var missing []string
		for g := range rs.Grades {
			if cr.outcomes[g].def == nil {
				missing = append(missing, rs.Grades[g].Label)
			}
		}
		if len(missing) > 0 {
			l.warn(rs.Outcomes[0].Pos, "outcome_missing", "outcomes give no action for grade %s: units of that grade get no outcome and leave the sums", strings.Join(missing, ", "))
		}
	}
}
