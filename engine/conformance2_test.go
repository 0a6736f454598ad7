package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/jsonpos"
	"github.com/jixiao/jixiao/rulesets"
)

// expected2 mirrors testdata/conformance2/expected.json (contract 2): the
// fields of the reference scorer this test checks.
type expected2 struct {
	Units []struct {
		Unit        string  `json:"unit"`
		Score       float64 `json:"score"`
		Grade       string  `json:"grade"`
		Rank        int     `json:"rank"`
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
		Indicators []struct {
			ID     string   `json:"id"`
			Points float64  `json:"points"`
			Status string   `json:"status"`
			Flags  []string `json:"flags"`
		} `json:"indicators"`
	} `json:"units"`
	Summary struct {
		Units    int            `json:"units"`
		Errors   int            `json:"errors"`
		Grades   map[string]int `json:"grades"`
		Outcomes map[string]struct {
			Units  int     `json:"units"`
			Change float64 `json:"change"`
		} `json:"outcomes"`
	} `json:"summary"`
}

func TestConformance2(t *testing.T) {
	src, err := os.ReadFile("testdata/conformance2/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/conformance2/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := jsonpos.CheckKeys("testdata/conformance2/expected.json", bytes.NewReader(raw), false); err != nil {
		t.Fatal(err)
	}
	var want expected2
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 4} {
		rs, err := rulesets.Load("testdata/conformance2/ruleset.yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := engine.Compile(rs, &engine.Options{Workers: workers, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		units, _, _, err := data.ReadAll("testdata/conformance2/units.csv", data.NewSchema(rs))
		if err != nil {
			t.Fatal(err)
		}
		res, err := prog.Eval(context.Background(), units)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Units) != len(want.Units) {
			t.Fatalf("got %d units, want %d", len(res.Units), len(want.Units))
		}
		for i, w := range want.Units {
			got := res.Units[i]
			if got.Unit != w.Unit || got.Failed() {
				t.Errorf("unit %d: %s (errors %v), want %s scored", i, got.Unit, got.Errors, w.Unit)
				continue
			}
			if got.Score != w.Score || got.Grade != w.Grade || got.Rank != w.Rank {
				t.Errorf("%s: score %v grade %s rank %d, want %v %s %d", w.Unit, got.Score, got.Grade, got.Rank, w.Score, w.Grade, w.Rank)
			}
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
			if len(got.Indicators) != len(w.Indicators) {
				t.Fatalf("%s: %d indicators, want %d", w.Unit, len(got.Indicators), len(w.Indicators))
			}
			for k, wi := range w.Indicators {
				ir := got.Indicators[k]
				flags := ir.Flags
				if flags == nil {
					flags = []string{}
				}
				if ir.ID != wi.ID || ir.Points != wi.Points || ir.Status != wi.Status || !reflect.DeepEqual(flags, wi.Flags) {
					t.Errorf("%s.%s: points %v status %s flags %v, want %s %v %s %v (%s)", w.Unit, ir.ID, ir.Points, ir.Status, flags, wi.ID, wi.Points, wi.Status, wi.Flags, ir.Explain)
				}
			}
		}
		s := res.Summary
		if s.Units != want.Summary.Units || s.Errors != want.Summary.Errors {
			t.Errorf("summary units %d errors %d, want %d %d", s.Units, s.Errors, want.Summary.Units, want.Summary.Errors)
		}
		for _, g := range s.Grades {
			if g.Units != want.Summary.Grades[g.Label] {
				t.Errorf("summary grade %s: %d, want %d", g.Label, g.Units, want.Summary.Grades[g.Label])
			}
		}
		if len(s.Outcomes) != len(want.Summary.Outcomes) {
			t.Errorf("summary outcomes %+v, want %+v", s.Outcomes, want.Summary.Outcomes)
		}
		for _, o := range s.Outcomes {
			w, ok := want.Summary.Outcomes[o.Action]
			if !ok || o.Units != w.Units || o.Change != w.Change || o.Unknown != 0 {
				t.Errorf("summary outcome %+v, want %+v", o, w)
			}
		}
	}
}
