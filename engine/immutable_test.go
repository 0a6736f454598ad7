package engine_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// mutate changes everything in rs that scoring reads: weights, grades,
// labels, groups, formulas, bands, tiers, deductions, the missing policy
// and the test cases.
func mutate(rs *indicators.Ruleset) {
	rs.Missing = indicators.MissingError
	rs.Reverse = indicators.ReverseRatio
	for i := range rs.Grades {
		rs.Grades[i].Min += 5
		rs.Grades[i].Label = "改"
	}
	for i := range rs.Inputs {
		rs.Inputs[i].Label = "改"
		rs.Inputs[i].Type = indicators.TypeNumber
	}
	for i := range rs.Indicators {
		ind := &rs.Indicators[i]
		ind.Weight *= 3
		ind.Label = "改"
		for g := range ind.Group {
			ind.Group[g] = "改"
		}
		ind.Value.Src = "1"
		ind.Target.Op = "="
		ind.Target.Expr.Src = "0"
		for b := range ind.Bands {
			ind.Bands[b].Score.Src = "0"
		}
		ind.Tiers = indicators.Tiers{}
		ind.Deduct.Points = 100
		ind.Score.Src = "0"
	}
	for i := range rs.Tests {
		rs.Tests[i].Data["spent"] = 0
	}
}

// cellsUnit reads a unit of the scoring ruleset from cell texts.
func cellsUnit(t *testing.T, rs *indicators.Ruleset, cells map[string]any) indicators.Unit {
	t.Helper()
	u := indicators.Unit{ID: "u1", Name: "甲", Values: make([]indicators.Value, len(rs.Inputs))}
	for i := range rs.Inputs {
		in := rs.Inputs[i]
		v, err := indicators.ParseCell(fmt.Sprint(cells[in.ID]), &in)
		if err != nil {
			t.Fatalf("%s: %v", in.ID, err)
		}
		u.Values[i] = v
	}
	return u
}

// TestProgramImmutable: a compiled Program scores the same after the
// ruleset given to Compile is changed: Compile keeps its own copy, so a
// weight changed afterwards cannot change points while the full marks
// worked out at Compile stay those of the old weight.
func TestProgramImmutable(t *testing.T) {
	rs, err := rulesets.Load("forms.yaml", []byte(scoringRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	units := []map[string]any{full, with(map[string]any{"spent": 80, "done": 96, "days": 14, "cost": 5, "quality": "B", "problems": 2})}
	var before []engine.UnitResult
	for _, cells := range units {
		u := cellsUnit(t, rs, cells)
		before = append(before, prog.EvalUnit(&u))
	}
	loaded := rs.Clone()
	if got := prog.Ruleset(); !reflect.DeepEqual(got, loaded) {
		t.Fatalf("Ruleset() differs from the ruleset compiled:\n%+v\nwant\n%+v", got, loaded)
	}
	for _, change := range []struct {
		what string
		rs   *indicators.Ruleset
	}{{"the ruleset given to Compile", rs}, {"the ruleset Ruleset() returned", prog.Ruleset()}} {
		mutate(change.rs)
		for i, cells := range units {
			u := cellsUnit(t, loaded, cells)
			if got := prog.EvalUnit(&u); !reflect.DeepEqual(got, before[i]) {
				t.Errorf("unit %d after changing %s:\n%+v\nwant\n%+v", i, change.what, got, before[i])
			}
		}
		if got := prog.Ruleset(); !reflect.DeepEqual(got, loaded) {
			t.Errorf("Ruleset() after changing %s:\n%+v\nwant\n%+v", change.what, got, loaded)
		}
	}
}
