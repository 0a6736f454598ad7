package engine_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Crashes the fuzz targets found, each kept as a test (and its input under
// testdata/fuzz).

// TestFuzzCrashEmptyFormula: FuzzCompileFormula found that a ruleset built
// in Go with an empty formula where the scoring form needs one compiled,
// then panicked with a nil dereference while scoring
// (testdata/fuzz/FuzzCompileFormula/54843d82ae263882). The loader refuses
// such a file; Compile must refuse such a ruleset too.
func TestFuzzCrashEmptyFormula(t *testing.T) {
	empty := indicators.Formula{}
	x := indicators.Formula{Src: "x"}
	tests := []struct {
		name string
		ind  indicators.Indicator
		want string
	}{
		{"target without value", indicators.Indicator{Form: indicators.FormTarget, Target: indicators.Target{Op: ">=", Expr: x}}, "indicator i value: the formula is missing"},
		{"target without expression", indicators.Indicator{Form: indicators.FormTarget, Value: x, Target: indicators.Target{Op: ">="}}, "indicator i target: the formula is missing"},
		{"band without score", indicators.Indicator{Form: indicators.FormBands, Value: x, Bands: []indicators.Band{{When: x}}}, "indicator i band score: the formula is missing"},
		{"band without condition", indicators.Indicator{Form: indicators.FormBands, Value: x, Bands: []indicators.Band{{Score: x}}}, "indicator i band condition: the formula is missing"},
		{"no bands", indicators.Indicator{Form: indicators.FormBands, Value: x}, "indicator i: bands: the list is empty"},
		{"deduct without count", indicators.Indicator{Form: indicators.FormDeduct, Deduct: indicators.Deduct{Count: empty, Points: 1}}, "indicator i deduct count: the formula is missing"},
		{"score without formula", indicators.Indicator{Form: indicators.FormScore}, "indicator i score: the formula is missing"},
		{"no form", indicators.Indicator{Value: x}, "indicator i has no scoring form"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ind := tc.ind
			ind.ID, ind.Label, ind.Weight = "i", "i", 10
			rs := &indicators.Ruleset{ID: "r", Missing: indicators.MissingZero, Grades: indicators.DefaultGrades(),
				Inputs: []indicators.Input{{ID: "x", Type: indicators.TypeNumber}}, Indicators: []indicators.Indicator{ind}}
			_, err := engine.Compile(rs, &engine.Options{Lang: "en"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Compile: %v, want %q", err, tc.want)
			}
		})
	}
}
