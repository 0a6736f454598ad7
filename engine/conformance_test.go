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
	"github.com/jixiao/jixiao/internal/jsonpos"
	"github.com/jixiao/jixiao/rulesets"
)

// expected mirrors testdata/conformance/expected.json, the public suite of
// ../shared/conformance kept as a copy in the project.
type expected struct {
	Summary struct {
		Units  int            `json:"units"`
		Errors int            `json:"errors"`
		Grades map[string]int `json:"grades"`
	} `json:"summary"`
	Units []struct {
		Unit       string  `json:"unit"`
		Failed     bool    `json:"failed"`
		Score      float64 `json:"score"`
		Grade      string  `json:"grade"`
		Rank       int     `json:"rank"`
		Indicators map[string]struct {
			Points float64  `json:"points"`
			Status string   `json:"status"`
			Flags  []string `json:"flags"`
		} `json:"indicators"`
	} `json:"units"`
}

func TestConformance(t *testing.T) {
	for _, workers := range []int{1, 4} {
		rs, err := rulesets.LoadFile("testdata/conformance/ruleset.yaml")
		if err != nil {
			t.Fatal(err)
		}
		prog, err := engine.Compile(rs, &engine.Options{Workers: workers, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		units, _, _, err := data.ReadAll("testdata/conformance/units.csv", data.NewSchema(rs))
		if err != nil {
			t.Fatal(err)
		}
		res, err := prog.Eval(context.Background(), units)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile("testdata/conformance/expected.json")
		if err != nil {
			t.Fatal(err)
		}
		// json.Unmarshal keeps the last of two keys: a duplicate in the
		// expectations would check one value and hide the other.
		if err := jsonpos.CheckKeys("testdata/conformance/expected.json", bytes.NewReader(raw), false); err != nil {
			t.Fatal(err)
		}
		var want expected
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if len(res.Units) != len(want.Units) {
			t.Fatalf("got %d units, want %d", len(res.Units), len(want.Units))
		}
		for i, w := range want.Units {
			got := res.Units[i]
			if got.Unit != w.Unit {
				t.Errorf("unit %d is %s, want %s", i, got.Unit, w.Unit)
				continue
			}
			if got.Failed() != w.Failed {
				t.Errorf("%s: failed = %v (%v), want %v", w.Unit, got.Failed(), got.Errors, w.Failed)
				continue
			}
			if w.Failed {
				continue
			}
			if got.Score != w.Score || got.Grade != w.Grade || got.Rank != w.Rank {
				t.Errorf("%s: score %v grade %s rank %d, want %v %s %d", w.Unit, got.Score, got.Grade, got.Rank, w.Score, w.Grade, w.Rank)
			}
			for _, ir := range got.Indicators {
				wi, ok := w.Indicators[ir.ID]
				if !ok {
					t.Errorf("%s: unexpected indicator %s", w.Unit, ir.ID)
					continue
				}
				flags := ir.Flags
				if flags == nil {
					flags = []string{}
				}
				if ir.Points != wi.Points || ir.Status != wi.Status || !reflect.DeepEqual(flags, wi.Flags) {
					t.Errorf("%s.%s: points %v status %s flags %v, want %v %s %v (%s)", w.Unit, ir.ID, ir.Points, ir.Status, flags, wi.Points, wi.Status, wi.Flags, ir.Explain)
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
	}
}
