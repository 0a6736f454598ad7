package diff

import (
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// A unit that fails under the new rules leaves the population of a
// relative indicator: the comparison must show it, since every other
// unit's relative points move with it.
func TestPopulationChanges(t *testing.T) {
	cost := func(min, max float64, n int) indicators.RelativeStat {
		return indicators.RelativeStat{ID: "cost", Method: "best_ratio", Reverse: true, Population: indicators.Population{Min: min, Max: max, Count: n}}
	}
	old := &engine.Result{Summary: engine.Summary{Populations: []indicators.RelativeStat{cost(100, 400, 5),
		{ID: "same", Method: "efficacy", Population: indicators.Population{Min: 5, Max: 5, Count: 5}}}}}
	new := &engine.Result{Summary: engine.Summary{Populations: []indicators.RelativeStat{
		{ID: "same", Method: "efficacy", Population: indicators.Population{Min: 5, Max: 5, Count: 5}},
		cost(200, 400, 4), {ID: "q", Method: "efficacy"}}}}
	d := Diff(old, new)
	if len(d.Populations) != 3 {
		t.Fatalf("populations %+v, want cost, same, q", d.Populations)
	}
	want := []struct {
		id       string
		changed  bool
		old, new bool
	}{{"cost", true, true, true}, {"same", false, true, true}, {"q", true, false, true}}
	for i, w := range want {
		p := d.Populations[i]
		if p.ID != w.id || p.Changed() != w.changed || (p.Old != nil) != w.old || (p.New != nil) != w.new {
			t.Errorf("population %d: %+v (changed %v), want %+v", i, p, p.Changed(), w)
		}
	}
	if d.Populations[0].New.Min != 200 {
		t.Errorf("cost's new population %+v, want best 200", d.Populations[0].New)
	}
}
