package indicators

// Direction is a target's comparator and reverse method (ReverseLinear or
// ReverseRatio) resolved once, when a ruleset is compiled, so that
// scoring a unit compares no strings. ScoreTarget and Overshoot are the
// same code reached through DirectionOf.
type Direction uint8

// Directions of a target.
const (
	AtLeast      Direction = iota // ">= T"
	Equal                         // "= T"
	AtMostLinear                  // "<= T", reverse linear (the default)
	AtMostRatio                   // "<= T", reverse: ratio
	// Unstated is any other comparator (a ruleset built in Go may leave
	// it empty): it scores as ">=" but is never over-completed, as
	// ScoreTarget and Overshoot have always done.
	Unstated
)

// DirectionOf resolves a target's comparator and reverse method.
func DirectionOf(op, reverse string) Direction {
	switch op {
	case "=":
		return Equal
	case "<=":
		if reverse == ReverseRatio {
			return AtMostRatio
		}
		return AtMostLinear
	case ">=":
		return AtLeast
	}
	return Unstated
}

// Score is ScoreTarget of the direction: the points of value against
// target, not yet clamped or rounded, and the rule that applied.
func (d Direction) Score(value, target, weight float64) (float64, Rule) {
	switch d {
	case Equal:
		if target == 0 {
			if value <= 0 {
				return weight, RuleMet
			}
			return 0, RuleZero
		}
		return AtLeast.Score(value, target, weight)
	case AtMostLinear, AtMostRatio:
		if atMost(value, target) {
			return weight, RuleMet
		}
		if target <= 0 {
			return 0, RuleZero
		}
		if d == AtMostRatio {
			return weight * target / value, RuleReverseRatio
		}
		if atLeast(value, 2*target) {
			return 0, RuleZero
		}
		return weight * (1 - (value-target)/target), RuleReverseLinear
	}
	if atLeast(value, target) {
		return weight, RuleMet
	}
	if target <= 0 {
		return 0, RuleZero
	}
	return weight * value / target, RuleProportional
}

// Overshoot is Overshoot of the direction: value ≥ 1.2 × T with T > 0 on
// a positive target.
func (d Direction) Overshoot(value, target float64) bool {
	return d.Penalized(value, target, OvershootFactor)
}

// Penalized is OvershootPenalized of the direction: value ≥ ratio × T
// with T > 0 on a positive target.
func (d Direction) Penalized(value, target, ratio float64) bool {
	return (d == AtLeast || d == Equal) && target > 0 && atLeast(value, ratio*target)
}
