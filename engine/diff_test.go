package engine_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
)

// unitOf builds a scored unit result from indicator id → points.
func unitOf(id string, score float64, grade string, rank int, points ...any) engine.UnitResult {
	u := engine.UnitResult{Unit: id, Name: "单位" + id, Score: score, Grade: grade, Rank: rank}
	for i := 0; i+1 < len(points); i += 2 {
		u.Indicators = append(u.Indicators, engine.IndicatorResult{ID: points[i].(string), Label: points[i].(string) + "名", Points: points[i+1].(float64)})
	}
	return u
}

func grades(labels ...string) engine.Summary {
	var s engine.Summary
	for _, l := range labels {
		s.Grades = append(s.Grades, engine.GradeCount{Label: l})
	}
	return s
}

// TestDiff compares hand-built results: A and B scored on both sides, C
// failed under the new rules, D only in the old result, E only in the new
// one; indicator y is dropped and z added by the change.
func TestDiff(t *testing.T) {
	failed := engine.UnitResult{Unit: "C", Name: "单位C", Errors: []*diag.Error{{Code: "bad_cell", Msg: "bad"}}}
	old := &engine.Result{Ruleset: engine.RulesetInfo{ID: "old", Version: "1"}, Summary: grades("优", "良", "差"), Units: []engine.UnitResult{
		unitOf("A", 95, "优", 1, "x", 60.0, "y", 35.0),
		unitOf("B", 85, "良", 3, "x", 50.0, "y", 35.0),
		unitOf("C", 90, "优", 2, "x", 60.0, "y", 30.0),
		unitOf("D", 10, "差", 4, "x", 10.0, "y", 0.0),
	}}
	new := &engine.Result{Ruleset: engine.RulesetInfo{ID: "new", Version: "2"}, Summary: grades("优", "良", "差"), Units: []engine.UnitResult{
		unitOf("A", 85, "良", 1, "x", 60.0, "z", 25.0),
		unitOf("B", 80.5, "良", 2, "x", 50.5, "z", 30.0),
		failed,
		unitOf("E", 50, "差", 3, "x", 30.0, "z", 20.0),
	}}
	d := engine.Diff(old, new)
	f := func(x float64) *float64 { return &x }
	wantUnits := []engine.UnitDiff{
		// A: x unchanged (not listed); z +25 (new only), y −35 (dropped);
		// 95 → 85 = −10.
		{Unit: "A", Name: "单位A", Old: engine.Side{Scored: true, Score: 95, Grade: "优", Rank: 1}, New: engine.Side{Scored: true, Score: 85, Grade: "良", Rank: 1}, Delta: -10,
			Indicators: []engine.PointsChange{{ID: "z", Label: "z名", New: f(25), Delta: 25}, {ID: "y", Label: "y名", Old: f(35), Delta: -35}}},
		// B: x 50 → 50.5; 85 → 80.5 = −4.5.
		{Unit: "B", Name: "单位B", Old: engine.Side{Scored: true, Score: 85, Grade: "良", Rank: 3}, New: engine.Side{Scored: true, Score: 80.5, Grade: "良", Rank: 2}, Delta: -4.5,
			Indicators: []engine.PointsChange{{ID: "x", Label: "x名", Old: f(50), New: f(50.5), Delta: 0.5}, {ID: "z", Label: "z名", New: f(30), Delta: 30}, {ID: "y", Label: "y名", Old: f(35), Delta: -35}}},
		{Unit: "C", Name: "单位C", Old: engine.Side{Scored: true, Score: 90, Grade: "优", Rank: 2}, New: engine.Side{Errors: failed.Errors}},
		{Unit: "D", Name: "单位D", Old: engine.Side{Scored: true, Score: 10, Grade: "差", Rank: 4}},
		{Unit: "E", Name: "单位E", New: engine.Side{Scored: true, Score: 50, Grade: "差", Rank: 3}},
	}
	if !reflect.DeepEqual(d.Units, wantUnits) {
		t.Errorf("units:\n%+v\nwant\n%+v", d.Units, wantUnits)
	}
	// Matrix over 优/良/差 × 优/良/差: A 优→良, B 良→良; C 优→(not
	// scored), D 差→(absent), E (absent)→差 appear as extra cells.
	wantMig := []engine.Migration{
		{"优", "优", 0}, {"优", "良", 1}, {"优", "差", 0}, {"优", "", 1},
		{"良", "优", 0}, {"良", "良", 1}, {"良", "差", 0},
		{"差", "优", 0}, {"差", "良", 0}, {"差", "差", 0}, {"差", "", 1},
		{"", "差", 1},
	}
	if !reflect.DeepEqual(d.Migration, wantMig) {
		t.Errorf("migration:\n%v\nwant\n%v", d.Migration, wantMig)
	}
	// Over A and B (scored on both sides): y 35 + 35 = 70 → 0 (−70);
	// z 0 → 25 + 30 = 55; x 110 → 110.5 (+0.5). Largest change first.
	wantInd := []engine.IndicatorChange{
		{ID: "y", Label: "y名", InOld: true, Old: 70, New: 0, Delta: -70, Units: 2},
		{ID: "z", Label: "z名", InNew: true, Old: 0, New: 55, Delta: 55, Units: 2},
		{ID: "x", Label: "x名", InOld: true, InNew: true, Old: 110, New: 110.5, Delta: 0.5, Units: 1},
	}
	if !reflect.DeepEqual(d.Indicators, wantInd) {
		t.Errorf("indicators:\n%+v\nwant\n%+v", d.Indicators, wantInd)
	}
	if m := d.Moved(1); len(m) != 1 || m[0].Unit != "A" {
		t.Errorf("moved most: %+v, want A", m)
	}
	if m := d.Moved(10); len(m) != 2 {
		t.Errorf("moved: %d units, want the 2 scored on both sides", len(m))
	}
}

func ExampleDiff() {
	old := &engine.Result{Ruleset: engine.RulesetInfo{ID: "rules", Version: "2023"}, Summary: grades("优", "良"),
		Units: []engine.UnitResult{unitOf("U1", 91, "优", 1, "exec", 51.0, "output", 40.0)}}
	new := &engine.Result{Ruleset: engine.RulesetInfo{ID: "rules", Version: "2024"}, Summary: grades("优", "良"),
		Units: []engine.UnitResult{unitOf("U1", 88.5, "良", 1, "exec", 48.5, "output", 40.0)}}
	d := engine.Diff(old, new)
	u := d.Units[0]
	fmt.Printf("%s: %v → %v (%v), %s → %s\n", u.Unit, u.Old.Score, u.New.Score, u.Delta, u.Old.Grade, u.New.Grade)
	for _, pc := range u.Indicators {
		fmt.Printf("  %s %v → %v\n", pc.ID, *pc.Old, *pc.New)
	}
	for _, m := range d.Migration {
		if m.Units > 0 {
			fmt.Printf("%s → %s: %d\n", m.From, m.To, m.Units)
		}
	}
	// Output:
	// U1: 91 → 88.5 (-2.5), 优 → 良
	//   exec 51 → 48.5
	// 优 → 良: 1
}
