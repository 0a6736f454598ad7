package diff

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/engine"
)

// TestPairByPlaceEqualsByID: indicators in the same order are paired by
// place; the result is the one pairing by id gives (the same indicators
// listed in another order).
func TestPairByPlaceEqualsByID(t *testing.T) {
	unit := func(points ...float64) engine.UnitResult {
		u := engine.UnitResult{Unit: "U1", Name: "甲", Score: 0, Grade: "优"}
		for k, p := range points {
			id := string(rune('a' + k))
			u.Indicators = append(u.Indicators, engine.IndicatorResult{ID: id, Label: "指标" + id, Points: p})
			u.Score += p
		}
		return u
	}
	old := &engine.Result{Units: []engine.UnitResult{unit(1, 2, 3)}}
	same := &engine.Result{Units: []engine.UnitResult{unit(1, 5, 3)}}
	// The same points with b listed first: pairing goes by id.
	swapped := &engine.Result{Units: []engine.UnitResult{unit(1, 5, 3)}}
	ind := swapped.Units[0].Indicators
	ind[0], ind[1] = ind[1], ind[0]
	byPlace := Diff(old, same).Units[0]
	byID := Diff(old, swapped).Units[0]
	if len(byPlace.Indicators) != 1 || byPlace.Indicators[0].ID != "b" || *byPlace.Indicators[0].Old != 2 || *byPlace.Indicators[0].New != 5 || byPlace.Indicators[0].Delta != 3 {
		t.Fatalf("paired by place: %+v", byPlace.Indicators)
	}
	if !reflect.DeepEqual(byPlace, byID) {
		t.Errorf("by place %+v, by id %+v", byPlace, byID)
	}
}
