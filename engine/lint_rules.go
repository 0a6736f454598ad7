package engine

import (
	"math"
	"strings"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
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
			l.warn(def.When.Pos, "adjust_never", msg.LintAdjustFalse, def.ID, displayFormula(def.When.Src))
		}
		if a.amount == nil || a.amount.node == nil {
			continue
		}
		amt := env.of(a.amount.node)
		switch def.Kind {
		case indicators.AdjustCap:
			switch {
			case cr.hasCeiling && amt.lo > cr.ceiling:
				l.warn(def.Cap.Pos, "cap_above_max_total", msg.LintCapMax, def.ID, amt.describe(l.pr), fmtNum(cr.ceiling))
			case amt.lo >= high:
				l.warn(def.Cap.Pos, "adjust_never", msg.LintCapHigh, def.ID, amt.describe(l.pr), fmtNum(high))
			}
		case indicators.AdjustAdd:
			if v, ok := amt.constant(); ok && v == 0 {
				l.warn(def.Add.Pos, "adjust_never", msg.LintAddZero, def.ID)
			}
			high += math.Max(0, amt.hi)
		}
	}
	if cr.hasCeiling && rs.MaxTotal != nil && *rs.MaxTotal < rs.TotalWeight() {
		l.warn(rs.Pos, "max_total_below_weights", msg.LintMaxTotal, fmtNum(*rs.MaxTotal), fmtNum(rs.TotalWeight()), fmtNum(*rs.MaxTotal))
	}
	if len(rs.Outcomes) > 0 {
		var missing []string
		for g := range rs.Grades {
			if cr.outcomes[g].def == nil {
				missing = append(missing, rs.Grades[g].Label)
			}
		}
		if len(missing) > 0 {
			l.warn(rs.Outcomes[0].Pos, "outcome_missing", msg.LintOutcomeMissing, strings.Join(missing, ", "))
		}
	}
}
