package indicators

import "math"

// Rule names the branch of a scoring method that applied, for explanations
// and coverage.
type Rule uint8

// Rules of the target methods.
const (
	RuleMet           Rule = iota + 1 // target reached: full weight
	RuleProportional                  // positive target missed: weight × value / T
	RuleZero                          // nothing earned (T ≤ 0 missed, or value ≥ 2T on a reverse target)
	RuleReverseLinear                 // T < value < 2T: weight × (1 − (value − T)/T)
	RuleReverseRatio                  // value > T: weight × T / value
)

// String returns the Chinese wording of the rule for explanations.
func (r Rule) String() string {
	switch r {
	case RuleMet:
		return "达到目标，得满分"
	case RuleProportional:
		return "未达到目标，按比例计分"
	case RuleZero:
		return "偏离目标过大，不得分"
	case RuleReverseLinear:
		return "超出目标，按超出比例扣分"
	case RuleReverseRatio:
		return "超出目标，按目标与实际之比计分"
	}
	return ""
}

// OvershootFactor is the over-completion threshold: a positive target
// reached by 120 % or more asks for a deviation explanation (偏离度).
const OvershootFactor = 1.2

// eps makes comparisons with targets robust to the noise of binary floats:
// 0.1 + 0.2 reaches a target of 0.3. It is relative to the target.
const eps = 1e-12

func atLeast(x, t float64) bool { return x >= t-eps*math.Abs(t) }
func atMost(x, t float64) bool  { return x <= t+eps*math.Abs(t) }

// ScoreTarget scores value against a target comparator under 财预〔2020〕10号:
//
//   - ">= T": value ≥ T → weight; otherwise weight × value / T (0 when T ≤ 0).
//   - "= T": T > 0 as ">="; T = 0 → weight when value ≤ 0, else 0.
//   - "<= T": value ≤ T → weight; linear: T < value < 2T → weight × (1 − (value − T)/T),
//     value ≥ 2T → 0; ratio: weight × T / value.
//
// The points are not yet clamped or rounded.
func ScoreTarget(op string, reverse string, value, target, weight float64) (float64, Rule) {
	return DirectionOf(op, reverse).Score(value, target, weight)
}

// Overshoot reports over-completion: value ≥ 1.2 × T with T > 0 on a
// positive (">=", or "=" with T > 0) target.
func Overshoot(op string, value, target float64) bool {
	return DirectionOf(op, "").Overshoot(value, target)
}

// ScoreTier returns the points of a tier value: the ruleset's tier point for
// a bare letter, or the given fraction of the weight.
func ScoreTier(v Value, tiers Tiers, weight float64) float64 {
	if v.HasFrac {
		return v.Num * weight
	}
	return tiers.Of(v.Tier) * weight
}

// ScoreDeduct returns weight − points × count (not yet clamped).
func ScoreDeduct(count, points, weight float64) float64 {
	return weight - points*count
}

// Finite reports whether x is neither NaN nor ±Inf: only finite numbers may
// produce points.
func Finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Points clamps raw points to [0, weight] and rounds them as Excel's
// ROUND(x, 2).
func Points(raw, weight float64) float64 { return Round2(Clamp(raw, weight)) }
