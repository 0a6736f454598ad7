package indicators

import (
	"math"
	"testing"
)

// scoreTargetByOp is ScoreTarget as it was before directions: the
// comparator compared as a string on every call. Directions must score
// exactly as it did.
func scoreTargetByOp(op string, reverse string, value, target, weight float64) (float64, Rule) {
	switch op {
	case "=":
		if target > 0 {
			return scoreTargetByOp(">=", reverse, value, target, weight)
		}
		if target == 0 {
			if value <= 0 {
				return weight, RuleMet
			}
			return 0, RuleZero
		}
		return scoreTargetByOp(">=", reverse, value, target, weight)
	case "<=":
		if atMost(value, target) {
			return weight, RuleMet
		}
		if target <= 0 {
			return 0, RuleZero
		}
		if reverse == ReverseRatio {
			return weight * target / value, RuleReverseRatio
		}
		if atLeast(value, 2*target) {
			return 0, RuleZero
		}
		return weight * (1 - (value-target)/target), RuleReverseLinear
	default: // ">="
		if atLeast(value, target) {
			return weight, RuleMet
		}
		if target <= 0 {
			return 0, RuleZero
		}
		return weight * value / target, RuleProportional
	}
}

func overshootByOp(op string, value, target, ratio float64) bool {
	return (op == ">=" || op == "=") && target > 0 && atLeast(value, ratio*target)
}

// Every comparator and reverse method, resolved once, gives the bits and
// rule the string comparison gave, on edges (T = 0, T < 0, 2T, 1.2T, the
// eps band), signed zeros, NaN and ±Inf.
func TestDirectionScoresAsOperator(t *testing.T) {
	nums := []float64{0, math.Copysign(0, -1), 1, -1, 0.9, 1.2, 2, 0.3, 0.1 + 0.2, 1 - 1e-13, 1 + 1e-13,
		1.5, 3, 5.99, 100, -100, 1e300, math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1), math.Inf(-1)}
	ops := []string{">=", "=", "<=", "", ">", "≥"}
	revs := []string{"", ReverseLinear, ReverseRatio}
	n := 0
	for _, op := range ops {
		for _, rev := range revs {
			d := DirectionOf(op, rev)
			for _, v := range nums {
				for _, tg := range nums {
					for _, w := range []float64{10, 0.5} {
						got, gr := d.Score(v, tg, w)
						want, wr := scoreTargetByOp(op, rev, v, tg, w)
						if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) || gr != wr {
							t.Fatalf("%q %q value %v target %v weight %v: direction %v (%v), operator %v (%v)", op, rev, v, tg, w, got, gr, want, wr)
						}
						n++
					}
					for _, ratio := range []float64{OvershootFactor, 1.3} {
						if got, want := d.Penalized(v, tg, ratio), overshootByOp(op, v, tg, ratio); got != want {
							t.Fatalf("%q value %v target %v ratio %v: penalized %v, want %v", op, v, tg, ratio, got, want)
						}
					}
					if got, want := d.Overshoot(v, tg), overshootByOp(op, v, tg, OvershootFactor); got != want {
						t.Fatalf("%q value %v target %v: overshoot %v, want %v", op, v, tg, got, want)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("nothing compared")
	}
}

// The comparators the loader accepts resolve to directions of their own.
func TestDirectionOf(t *testing.T) {
	for _, c := range []struct {
		op, rev string
		want    Direction
	}{
		{">=", "", AtLeast}, {"=", "", Equal}, {"=", ReverseRatio, Equal}, {"<=", "", AtMostLinear},
		{"<=", ReverseLinear, AtMostLinear}, {"<=", ReverseRatio, AtMostRatio}, {"", "", Unstated},
	} {
		if got := DirectionOf(c.op, c.rev); got != c.want {
			t.Errorf("DirectionOf(%q, %q) = %v, want %v", c.op, c.rev, got, c.want)
		}
	}
}
