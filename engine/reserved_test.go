package engine_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// TestCompileRefusesReservedInputs: the loader refuses an input named as
// a word formulas give a meaning of their own, but a ruleset built in Go
// never meets the loader. Compiled, an input named value would read as
// the indicator's value and score 0 without a word; Compile refuses it.
func TestCompileRefusesReservedInputs(t *testing.T) {
	for _, id := range []string{"value", "weight", "true", "__jixiao_step", "__jixiao_meter", "__jixiaox"} {
		t.Run(id, func(t *testing.T) {
			rs := &indicators.Ruleset{ID: "r", File: "r.yaml", Missing: indicators.MissingZero, Grades: indicators.DefaultGrades(),
				Inputs: []indicators.Input{{ID: id, Label: "甲", Type: indicators.TypeNumber}},
				Indicators: []indicators.Indicator{{ID: "i", Label: "i", Weight: 100, Form: indicators.FormScore,
					Score: indicators.Formula{Src: "weight"}}}}
			_, err := engine.Compile(rs, &engine.Options{Lang: "en"})
			if want := `input id "` + id + `" is a reserved word`; err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Compile: %v, want %q", err, want)
			}
		})
	}
}
