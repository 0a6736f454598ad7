package engine

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/indicators"
)

// The review (复核) of a unit whose total the rules above the row changed:
// the rules' total is after them, a claimed total above a cap that
// applied ignored it, and a claimed total that applied the same rules to
// the claimed rows is no sum_mismatch.

// adjustedWhy says how the rules above the row took the rules' total
// from the row's sum: "，经总分调整 89.5 → 79 → 80".
func adjustedWhy(r *UnitResult) string {
	var steps []string
	for _, a := range r.Adjustments {
		if a.After != a.Before {
			if len(steps) == 0 {
				steps = append(steps, fmtNum(a.Before))
			}
			steps = append(steps, fmtNum(a.After)+"（"+a.Label+"）")
		}
	}
	if len(steps) == 0 {
		return ""
	}
	return "，经总分调整 " + strings.Join(steps, " → ")
}

// ignoredCaps names each cap that applied to the unit and that the
// claimed total is above: the unit did not apply it (自评未执行封顶).
func ignoredCaps(r *UnitResult, claimed float64) string {
	var b strings.Builder
	for _, a := range r.Adjustments {
		if a.Kind == indicators.AdjustCap && claimed > a.After+0.005 {
			fmt.Fprintf(&b, "；自评总分未执行「%s」（总分不得高于 %s 分）", a.Label, fmtNum(a.After))
		}
	}
	return b.String()
}

// adjustedSum reports whether the claimed total is the claimed rows' sum
// taken through the unit's adjustments as the rules applied them (a cap
// to its bound, an add by its amount, the ceiling), with its caps or
// without them: the unit summed its rows and applied the rules, and the
// total is no sum_mismatch (a cap it skipped is the claim_high finding's
// to name, see ignoredCaps).
func (p *Program) adjustedSum(r *UnitResult, claimed, sum float64) bool {
	if len(r.Adjustments) == 0 {
		return false
	}
	for _, caps := range []bool{true, false} {
		x := sum
		for _, a := range r.Adjustments {
			switch a.Kind {
			case indicators.AdjustCap:
				if caps {
					x = min(x, a.After)
				}
			case indicators.AdjustAdd:
				x = indicators.Round2(x + a.After - a.Before)
			case indicators.AdjustMaxTotal:
				if ceiling, ok := p.rs.TotalCeiling(); ok {
					x = min(max(x, 0), ceiling)
				}
			}
		}
		if p.departs(claimed, x) == 0 {
			return true
		}
	}
	return false
}
