package engine_test

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// expected2 mirrors testdata/conformance2/expected.json (contract 2): the
// fields of the reference scorer this test checks.
type expected2 struct {
	Units []struct {
		conformanceUnit
		Adjustments []struct {
			ID           string   `json:"id"`
			Label        string   `json:"label"`
			Kind         string   `json:"kind"`
			Before       float64  `json:"before"`
			After        float64  `json:"after"`
			AfterClamped *float64 `json:"after_clamped"`
		} `json:"adjustments"`
		Outcome struct {
			Action string  `json:"action"`
			Change float64 `json:"change"`
		} `json:"outcome"`
		Indicators []conformanceIndicator `json:"indicators"`
	} `json:"units"`
	Summary struct {
		conformanceSummary
		Outcomes map[string]struct {
			Units  int     `json:"units"`
			Change float64 `json:"change"`
		} `json:"outcomes"`
	} `json:"summary"`
}

// TestConformance2 runs the contract-2 suite as TestConformance runs
// contract 1's, and checks besides each unit's adjustments (with their
// explanations) and outcome, and the summary's outcome sums.
func TestConformance2(t *testing.T) {
	var want expected2
	checkConformance(t, conformanceSuite{dir: "conformance2", workers: []int{1, 4}, want: &want,
		units: func() ([]conformanceUnit, [][]conformanceIndicator) {
			var units []conformanceUnit
			var inds [][]conformanceIndicator
			for _, u := range want.Units {
				units, inds = append(units, u.conformanceUnit), append(inds, u.Indicators)
			}
			return units, inds
		},
		summary: func() conformanceSummary { return want.Summary.conformanceSummary },
		unit: func(t *testing.T, i int, got *engine.UnitResult) {
			w := &want.Units[i]
			// The reference gives the ceiling as after_clamped on the last
			// rule; jixiao lists it as an adjustment of its own.
			type adj struct {
				ID, Label, Kind string
				Before, After   float64
			}
			var wantAdj, gotAdj []adj
			for _, a := range w.Adjustments {
				wantAdj = append(wantAdj, adj{a.ID, a.Label, a.Kind, a.Before, a.After})
				if a.AfterClamped != nil {
					wantAdj = append(wantAdj, adj{indicators.AdjustMaxTotal, "总分上限 101 分", indicators.AdjustMaxTotal, a.After, *a.AfterClamped})
				}
			}
			for _, a := range got.Adjustments {
				gotAdj = append(gotAdj, adj{a.ID, a.Label, a.Kind, a.Before, a.After})
				if a.Explain == "" {
					t.Errorf("%s: adjustment %s has no explanation", w.Unit, a.ID)
				}
			}
			if !reflect.DeepEqual(gotAdj, wantAdj) {
				t.Errorf("%s: adjustments\n%+v\nwant\n%+v", w.Unit, gotAdj, wantAdj)
			}
			if o := got.Outcome; o == nil || o.Action != w.Outcome.Action || !o.HasChange || o.Change != w.Outcome.Change {
				t.Errorf("%s: outcome %+v, want %+v", w.Unit, o, w.Outcome)
			}
		},
		sum: func(t *testing.T, s engine.Summary) {
			if len(s.Outcomes) != len(want.Summary.Outcomes) {
				t.Errorf("summary outcomes %+v, want %+v", s.Outcomes, want.Summary.Outcomes)
			}
			for _, o := range s.Outcomes {
				w, ok := want.Summary.Outcomes[o.Action]
				if !ok || o.Units != w.Units || o.Change != w.Change || o.Unknown != 0 {
					t.Errorf("summary outcome %+v, want %+v", o, w)
				}
			}
		},
	})
}
