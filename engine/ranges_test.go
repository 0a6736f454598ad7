package engine

import (
	"math"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

var inf = math.Inf(1)

// rangeRuleset has two number inputs (a, b ≥ 0 by lint's assumption) and
// a tier input t.
var rangeRuleset = &indicators.Ruleset{Inputs: []indicators.Input{
	{ID: "a", Type: indicators.TypeNumber}, {ID: "b", Type: indicators.TypeNumber}, {ID: "t", Type: indicators.TypeTier}}}

func rangeNode(t *testing.T, src string) ast.Node {
	t.Helper()
	env := map[string]any{"a": 0.0, "b": 0.0, "t": "", "value": 0.0, "weight": 0.0}
	p, err := expr.Compile(src, expr.Env(env))
	if err != nil {
		t.Fatal(err)
	}
	return p.Node()
}

func TestSpanOf(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		value  span // what value can be
		lo, hi float64
	}{
		{"literal", "2 / 4", anySpan, 0.5, 0.5},
		{"input", "a", anySpan, 0, inf},
		{"ratio", "a / b", anySpan, 0, inf},                // [0,∞) ÷ (0,∞) → [0,∞)
		{"one minus ratio", "1 - a / b", anySpan, -inf, 1}, // 1 − [0,∞)
		{"difference", "a - b", anySpan, -inf, inf},
		{"scaled", "a * 0.5 + 2", anySpan, 2, inf},
		{"negated", "-a", anySpan, -inf, 0},
		{"constant over input", "1 / (a + 2)", anySpan, 0, 0.5}, // a + 2 ∈ [2, ∞) → 1/[2,∞) = (0, 0.5]
		{"abs", "abs(a - b)", anySpan, 0, inf},
		{"min", "min(a, 1)", anySpan, 0, 1},
		{"max", "max(a, 1)", anySpan, 1, inf},
		{"value", "value * 2", span{0, 1}, 0, 2},
		{"conditional", "value >= 1 ? 10 : value * 5", span{0, 2}, 0, 10},
		{"decided conditional", "value >= 0 ? 3 : a", span{0, 2}, 3, 3},
		{"floor", "floor(value)", span{0.5, 2.5}, 0, 2},
		{"power of constants", "2 ** 3", anySpan, 8, 8},
		{"power of an input", "a ** 2", anySpan, -inf, inf},
		{"weight", "weight * 0.5", anySpan, 5, 5}, // weight 10
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newRangeEnv(rangeRuleset)
			e.value, e.weight = tc.value, point(10)
			got := e.of(rangeNode(t, tc.src))
			if got.lo != tc.lo || got.hi != tc.hi {
				t.Errorf("%s: got %s, want [%v, %v]", tc.src, got.text(), tc.lo, tc.hi)
			}
		})
	}
}

func TestCondSets(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		upper, lower string // ivset.String of each
	}{
		{"at least", "value >= 0.9", "value >= 0.9", "value >= 0.9"},
		{"flipped", "0.9 < value", "value > 0.9", "value > 0.9"},
		{"between", "value >= 0.8 and value < 0.9", "0.8 <= value < 0.9", "0.8 <= value < 0.9"},
		{"either side", "value < 0.2 or value > 0.8", "value < 0.2 or value > 0.8", "value < 0.2 or value > 0.8"},
		{"not", "not (value >= 1)", "value < 1", "value < 1"},
		{"equal", "value == 1", "value = 1", "value = 1"},
		{"not equal", "value != 1", "value < 1 or value > 1", "value < 1 or value > 1"},
		{"always", "value >= 0 or value < 0", "any value", "any value"},
		{"never", "value > 1 and value < 0", "no value", "no value"},
		{"constant", "1 > 2", "no value", "no value"},
		// value ≥ a with a ∈ [0, ∞): may hold for value ≥ 0, surely never.
		{"against an input", "value >= a", "value >= 0", "no value"},
		{"input only", "a > 1", "any value", "no value"},
		// a ≥ 0 by assumption, so a ≥ 0 always holds.
		{"input settled by its range", "a >= 0", "any value", "any value"},
		{"and with unknown", "value >= 0.5 and a > 1", "value >= 0.5", "no value"},
		{"tier", "t == \"A\"", "any value", "no value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newRangeEnv(rangeRuleset).cond(rangeNode(t, tc.src))
			en := msg.Printer{Lang: msg.EN}
			if c.upper.text(en) != tc.upper || c.lower.text(en) != tc.lower {
				t.Errorf("%s: got upper %q lower %q, want %q %q", tc.src, c.upper.text(en), c.lower.text(en), tc.upper, tc.lower)
			}
		})
	}
}

func TestIvset(t *testing.T) {
	closed := func(lo, hi float64) ivset { return ivset{{lo, hi, true, true}} }
	tests := []struct {
		name string
		got  ivset
		want string
	}{
		{"merge touching", closed(0, 1).union(closed(1, 2)), "0 <= value <= 2"},
		{"merge open and closed ends", ivset{{0, 1, true, false}}.union(ivset{{1, 2, true, true}}), "0 <= value <= 2"},
		{"keep a hole", ivset{{0, 1, true, false}}.union(ivset{{1, 2, false, true}}), "0 <= value < 1 or 1 < value <= 2"},
		{"intersect", closed(0, 2).intersect(ivset{{1, 3, false, true}}), "1 < value <= 2"},
		{"intersect to a point", closed(0, 1).intersect(closed(1, 2)), "value = 1"},
		{"intersect to nothing", ivset{{0, 1, true, false}}.intersect(closed(1, 2)), "no value"},
		{"complement", closed(0, 1).complement(), "value < 0 or value > 1"},
		{"complement of all", allReals.complement(), "no value"},
		{"complement of nothing", ivset(nil).complement(), "any value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if s := tc.got.text(msg.Printer{Lang: msg.EN}); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
		})
	}
	if !closed(0, 2).contains(closed(0.5, 1)) || closed(0, 1).contains(closed(0.5, 2)) {
		t.Error("contains is wrong")
	}
}
