package engine

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// The fast path (fast.go) must compute what expr computes, bit for bit.
// These tests compile every formula twice, once with typed closures and
// once for expr's VM only (ExprOnly), and compare the two on random
// inputs, NaN, ±Inf, ±0 and extremes included.

// specials are the inputs most likely to split the two paths.
var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, 100, 1e-300, 5e-324, 1e300, math.MaxFloat64,
	-math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 0.1, 0.2, 0.3, 1.2, 0.95, 0.005}

func randomNumber(r *rand.Rand) float64 {
	switch r.IntN(4) {
	case 0:
		return specials[r.IntN(len(specials))]
	case 1:
		return float64(r.IntN(200) - 50)
	case 2:
		return r.NormFloat64() * math.Pow(10, float64(r.IntN(12)-4))
	}
	return math.Round(r.Float64()*1e4) / 100
}

// sameFloat is bit equality, with every NaN equal to every NaN.
func sameFloat(a, b float64) bool {
	if math.IsNaN(a) && math.IsNaN(b) {
		return true
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// pairFormulas yields the formulas of two compiles of one ruleset side by
// side: what, fast, reference.
func pairFormulas(fast, ref *Program, fn func(what string, f, g *formula)) {
	for k := range fast.inds {
		a, b := fast.inds[k].formulas(), ref.inds[k].formulas()
		for i := range a {
			fn(fast.inds[k].def.ID+": "+a[i].src, a[i], b[i])
		}
	}
	for k := range fast.checks {
		fn("check "+fast.checks[k].def.ID, fast.checks[k].assert, ref.checks[k].assert)
	}
}

// compareOn evaluates f (fast) and g (expr only) with the same inputs,
// value and weight, and reports a difference.
func compareOn(t *testing.T, what string, f, g *formula, sf, sg *scratch) {
	t.Helper()
	sf.envOK, sg.envOK = false, false
	// Each set of inputs stands for a unit: the per-unit limits start
	// afresh, or thousands of evaluations add up to the unit time limit.
	sf.meter.reset()
	sg.meter.reset()
	if f.boolean {
		a, errA := f.bool(sf)
		b, errB := g.bool(sg)
		if a != b || (errA == nil) != (errB == nil) {
			t.Fatalf("%s with %v: fast %v %v, expr %v %v", what, sf.in, a, errA, b, errB)
		}
		return
	}
	a, errA := f.float(sf)
	b, errB := g.float(sg)
	if (errA == nil) != (errB == nil) || errA == nil && !sameFloat(a, b) {
		t.Fatalf("%s with %v: fast %v (%x) %v, expr %v (%x) %v", what, sf.in, a, math.Float64bits(a), errA, b, math.Float64bits(b), errB)
	}
}

// rulesetFiles are the built-in rulesets and the conformance one.
func rulesetFiles(t *testing.T) []*indicators.Ruleset {
	var out []*indicators.Ruleset
	for _, id := range rulesets.IDs() {
		rs, err := rulesets.Open(id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rs)
	}
	rs, err := rulesets.LoadFile(filepath.Join("testdata", "conformance", "ruleset.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return append(out, rs)
}

// TestFastPathEqualsExpr compares every formula of the built-in rulesets
// and the conformance ruleset on random inputs.
func TestFastPathEqualsExpr(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	covered := 0
	for _, rs := range rulesetFiles(t) {
		fast, err := Compile(rs, nil)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := Compile(rs, &Options{ExprOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		sf, sg := fast.newScratch(context.Background()), ref.newScratch(context.Background())
		pairFormulas(fast, ref, func(what string, f, g *formula) {
			if f.num == nil && f.cond == nil {
				return // not on the fast path: both run on expr
			}
			if g.num != nil || g.cond != nil {
				t.Fatalf("%s: ExprOnly compiled a fast closure", what)
			}
			covered++
			for n := 0; n < 2000; n++ {
				for i := range sf.in {
					x := randomNumber(r)
					sf.in[i], sg.in[i] = x, x
				}
				for j := range sf.tiers {
					tier := []string{"A", "B", "C"}[r.IntN(3)]
					sf.tiers[j], sg.tiers[j] = tier, tier
				}
				compareOn(t, rs.ID+" "+what, f, g, sf, sg)
			}
		})
	}
	if covered < 50 {
		t.Fatalf("only %d formulas took the fast path; the test would prove little", covered)
	}
}

// formulaProgram compiles src as the score formula of a one-indicator
// ruleset over number inputs a, b, c (and value, weight).
func formulaProgram(src string, o *Options) (*Program, error) {
	rs := &indicators.Ruleset{ID: "f", Grades: indicators.DefaultGrades(), Missing: indicators.MissingZero,
		Inputs: []indicators.Input{{ID: "a", Type: indicators.TypeNumber}, {ID: "b", Type: indicators.TypeNumber},
			{ID: "c", Type: indicators.TypeNumber}},
		Indicators: []indicators.Indicator{
			{ID: "x", Label: "x", Weight: 10, Form: indicators.FormScore, Score: indicators.Formula{Src: src}},
			{ID: "y", Label: "y", Weight: 10, Form: indicators.FormBands, Value: indicators.Formula{Src: "a"},
				Bands: []indicators.Band{{When: indicators.Formula{Src: "(" + src + ") > 0"}, Score: indicators.Formula{Src: "1"}},
					{Else: true, Score: indicators.Formula{Src: "0"}}}},
		},
	}
	return Compile(rs, o)
}

// FuzzFastPath compiles any formula over a, b, c, value and weight both
// ways and compares the results on the fuzzed numbers.
func FuzzFastPath(f *testing.F) {
	for _, src := range []string{"a / b", "1 - a / b", "a >= 1 ? weight : value * weight", "abs(a + b - c)",
		"min(a, b, c) * 2", "max(a, value) / weight", "a ** 2 + b ^ 0.5", "-a + +b", "ceil(a) - floor(b) + round(c)",
		"a > b and b > c ? 1 : 0", "value * 0.8", "a / 0", "(a + 1) * (b - 2) / (c + 3)", "2 - a", "a - 2", "3 / a"} {
		f.Add(src, 1.0, 2.0, 3.0, 0.5, 10.0)
	}
	f.Add("a / b", 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add("a / b", math.Inf(1), math.NaN(), -0.0, 1e308, 5e-324)
	f.Fuzz(func(t *testing.T, src string, a, b, c, value, weight float64) {
		fast, err := formulaProgram(src, nil)
		if err != nil {
			return // not a formula: nothing to compare
		}
		ref, err := formulaProgram(src, &Options{ExprOnly: true})
		if err != nil {
			t.Fatalf("%q compiles only with the fast path: %v", src, err)
		}
		sf, sg := fast.newScratch(context.Background()), ref.newScratch(context.Background())
		for _, s := range []*scratch{sf, sg} {
			copy(s.in, []float64{a, b, c})
			s.setValue(value)
			s.setWeight(weight)
		}
		pairFormulas(fast, ref, func(what string, f, g *formula) { compareOn(t, what, f, g, sf, sg) })
	})
}
