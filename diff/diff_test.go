package diff_test

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/diff"
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
	d := diff.Diff(old, new)
	f := func(x float64) *float64 { return &x }
	wantUnits := []diff.Unit{
		// A: x unchanged (not listed); z +25 (new only), y −35 (dropped);
		// 95 → 85 = −10.
		{Unit: "A", Name: "单位A", Old: diff.Side{Scored: true, Score: 95, Grade: "优", Rank: 1}, New: diff.Side{Scored: true, Score: 85, Grade: "良", Rank: 1}, Delta: -10,
			Indicators: []diff.PointsChange{{ID: "z", Label: "z名", New: f(25), Delta: 25}, {ID: "y", Label: "y名", Old: f(35), Delta: -35}}},
		// B: x 50 → 50.5; 85 → 80.5 = −4.5.
		{Unit: "B", Name: "单位B", Old: diff.Side{Scored: true, Score: 85, Grade: "良", Rank: 3}, New: diff.Side{Scored: true, Score: 80.5, Grade: "良", Rank: 2}, Delta: -4.5,
			Indicators: []diff.PointsChange{{ID: "x", Label: "x名", Old: f(50), New: f(50.5), Delta: 0.5}, {ID: "z", Label: "z名", New: f(30), Delta: 30}, {ID: "y", Label: "y名", Old: f(35), Delta: -35}}},
		{Unit: "C", Name: "单位C", Old: diff.Side{Scored: true, Score: 90, Grade: "优", Rank: 2}, New: diff.Side{Errors: failed.Errors}},
		{Unit: "D", Name: "单位D", Old: diff.Side{Scored: true, Score: 10, Grade: "差", Rank: 4}},
		{Unit: "E", Name: "单位E", New: diff.Side{Scored: true, Score: 50, Grade: "差", Rank: 3}},
	}
	if !reflect.DeepEqual(d.Units, wantUnits) {
		t.Errorf("units:\n%+v\nwant\n%+v", d.Units, wantUnits)
	}
	// Matrix over 优/良/差 × 优/良/差: A 优→良, B 良→良; C 优→(not
	// scored), D 差→(absent), E (absent)→差 appear as extra cells.
	wantMig := []diff.Migration{
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
	wantInd := []diff.IndicatorChange{
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
