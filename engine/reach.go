package engine

import (
	"math"

	"github.com/jixiao/jixiao/indicators"
)

// TargetRules lists the rules of indicators.ScoreTarget by which indicator
// k (numbered as in the ruleset) can score, as the ranges of its value and
// target allow (see Lint for how ranges are found), in the order met,
// proportional, reverse linear, reverse ratio, zero: a test runner's
// coverage counts the cases that reached each. It is nil for an indicator
// of another form.
func (p *Program) TargetRules(k int) []indicators.Rule {
	if k < 0 || k >= len(p.inds) || p.inds[k].def.Form != indicators.FormTarget {
		return nil
	}
	return p.targetRules(&p.inds[k])
}

// targetRules lists the rules of indicators.ScoreTarget that the ranges
// of the value and the target allow.
func (p *Program) targetRules(ci *compiledIndicator) []indicators.Rule {
	def := ci.def
	if ci.value == nil || ci.value.node == nil || ci.target == nil || ci.target.node == nil {
		return nil
	}
	e := newRangeEnv(p.rs)
	v, t := e.of(ci.value.node), e.of(ci.target.node)
	can := map[indicators.Rule]bool{}
	posT := math.Max(t.lo, 0) // the smallest positive target, near enough
	switch def.Target.Op {
	case "<=":
		can[indicators.RuleMet] = v.lo <= t.hi
		if t.lo <= 0 && v.hi > t.lo {
			can[indicators.RuleZero] = true
		}
		if t.hi > 0 && v.hi > posT {
			if def.Reverse == indicators.ReverseRatio {
				can[indicators.RuleReverseRatio] = true
			} else {
				can[indicators.RuleReverseLinear] = v.lo < 2*t.hi
				can[indicators.RuleZero] = can[indicators.RuleZero] || v.hi >= 2*posT
			}
		}
	default: // ">=", "="
		if t.hi > 0 { // T > 0: met or proportional
			can[indicators.RuleMet] = v.hi >= posT
			can[indicators.RuleProportional] = v.lo < t.hi
		}
		if def.Target.Op == "=" && t.lo <= 0 && t.hi >= 0 { // T = 0
			can[indicators.RuleMet] = can[indicators.RuleMet] || v.lo <= 0
			can[indicators.RuleZero] = v.hi > 0
		}
		if t.lo < 0 || def.Target.Op == ">=" && t.lo <= 0 { // T ≤ 0 on ">="; T < 0 on "="
			can[indicators.RuleMet] = can[indicators.RuleMet] || v.hi >= t.lo
			can[indicators.RuleZero] = can[indicators.RuleZero] || v.lo < math.Min(t.hi, 0)
		}
	}
	var out []indicators.Rule
	for _, r := range []indicators.Rule{indicators.RuleMet, indicators.RuleProportional, indicators.RuleReverseLinear, indicators.RuleReverseRatio, indicators.RuleZero} {
		if can[r] {
			out = append(out, r)
		}
	}
	return out
}
