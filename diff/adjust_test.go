package diff_test

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
)

func withAdj(u engine.UnitResult, adj ...engine.Adjustment) engine.UnitResult {
	u.Adjustments = append([]engine.Adjustment{}, adj...)
	return u
}

// TestDiffRules: the new rules add a cap at 89 (执行率 below 80 %) and
// raise the bonus from +1 to +2. A (row total 95, 执行率 0.75): old 95 +
// 1 = 96; new 95 → 89 + 2 = 91. B (row total 80, no cap either way): old
// 81, new 82. C: the old ruleset has no rules above the row at all.
func TestDiffRules(t *testing.T) {
	old := &engine.Result{Summary: grades("优", "良"), Units: []engine.UnitResult{
		withAdj(unitOf("A", 96, "优", 1, "x", 95.0), engine.Adjustment{ID: "bonus", Label: "加分", Before: 95, After: 96}),
		withAdj(unitOf("B", 81, "良", 2, "x", 80.0), engine.Adjustment{ID: "bonus", Label: "加分", Before: 80, After: 81}),
	}}
	new := &engine.Result{Summary: grades("优", "良"), Units: []engine.UnitResult{
		withAdj(unitOf("A", 91, "优", 1, "x", 95.0),
			engine.Adjustment{ID: "cap", Label: "封顶", Before: 95, After: 89},
			engine.Adjustment{ID: "bonus", Label: "加分", Before: 89, After: 91}),
		withAdj(unitOf("B", 82, "良", 2, "x", 80.0), engine.Adjustment{ID: "bonus", Label: "加分", Before: 80, After: 82}),
	}}
	d := diff.Diff(old, new)
	f := func(x float64) *float64 { return &x }
	wantA := []diff.PointsChange{
		{ID: "cap", Label: "封顶", Old: f(0), New: f(-6), Delta: -6},
		{ID: "bonus", Label: "加分", Old: f(1), New: f(2), Delta: 1},
	}
	if !reflect.DeepEqual(d.Units[0].Adjustments, wantA) {
		t.Errorf("A: %+v, want %+v", d.Units[0].Adjustments, wantA)
	}
	if want := []diff.PointsChange{{ID: "bonus", Label: "加分", Old: f(1), New: f(2), Delta: 1}}; !reflect.DeepEqual(d.Units[1].Adjustments, want) {
		t.Errorf("B: %+v, want %+v", d.Units[1].Adjustments, want)
	}
	want := []diff.IndicatorChange{
		{ID: "cap", Label: "封顶", InOld: true, InNew: true, Old: 0, New: -6, Delta: -6, Units: 1},
		{ID: "bonus", Label: "加分", InOld: true, InNew: true, Old: 2, New: 4, Delta: 2, Units: 2},
	}
	if !reflect.DeepEqual(d.Adjustments, want) {
		t.Errorf("population: %+v, want %+v", d.Adjustments, want)
	}
	// An old ruleset without rules above the row: the cap is new.
	old.Units[0].Adjustments = nil
	old.Units[0].Score = 95
	d = diff.Diff(old, new)
	if got := d.Units[0].Adjustments; len(got) != 2 || got[0].Old != nil || *got[0].New != -6 || got[0].Delta != -6 || got[1].Old != nil || got[1].Delta != 2 {
		t.Errorf("A without old rules: %+v", got)
	}
}
