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

// conformanceUnit, conformanceIndicator and conformanceSummary are what
// the expectations of both public suites (contract 1 and contract 2) say
// alike of a unit, an indicator and the summary.
type conformanceUnit struct {
	Unit   string  `json:"unit"`
	Failed bool    `json:"failed"`
	Score  float64 `json:"score"`
	Grade  string  `json:"grade"`
	Rank   int     `json:"rank"`
}

type conformanceIndicator struct {
	ID     string   `json:"id"`
	Points float64  `json:"points"`
	Status string   `json:"status"`
	Flags  []string `json:"flags"`
}

type conformanceSummary struct {
	Units  int            `json:"units"`
	Errors int            `json:"errors"`
	Grades map[string]int `json:"grades"`
}

// conformanceSuite is one public suite, testdata/<dir>/ (ruleset.yaml,
// units.csv, expected.json), as checkConformance runs it.
type conformanceSuite struct {
	dir     string
	workers []int
	// want is filled from expected.json; units gives what it says of
	// the units alike, each with its indicators in the ruleset's order,
	// and summary of the summary.
	want    any
	units   func() ([]conformanceUnit, [][]conformanceIndicator)
	summary func() conformanceSummary
	// unit and sum are the suite's own checks of a scored unit (the i-th
	// expected) and of the summary; nil for none.
	unit func(t *testing.T, i int, got *engine.UnitResult)
	sum  func(t *testing.T, s engine.Summary)
}

// checkConformance scores the suite's units with each number of workers
// and compares every unit (id, failed or not, score, grade, rank, each
// indicator's points, status and flags), the summary's counts, and what
// the suite checks itself.
func checkConformance(t *testing.T, s conformanceSuite) {
	t.Helper()
	dir := "testdata/" + s.dir + "/"
	raw, err := os.ReadFile(dir + "expected.json")
	if err != nil {
		t.Fatal(err)
	}
	// json.Unmarshal keeps the last of two keys: a duplicate in the
	// expectations would check one value and hide the other.
	if err := jsonpos.CheckKeys(dir+"expected.json", bytes.NewReader(raw), false); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, s.want); err != nil {
		t.Fatal(err)
	}
	want, wantInds := s.units()
	for _, workers := range s.workers {
		rs, err := rulesets.LoadFile(dir + "ruleset.yaml")
		if err != nil {
			t.Fatal(err)
		}
		prog, err := engine.Compile(rs, &engine.Options{Workers: workers, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		units, _, _, err := data.ReadAll(dir+"units.csv", data.NewSchema(rs))
		if err != nil {
			t.Fatal(err)
		}
		res, err := prog.Eval(context.Background(), units)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Units) != len(want) {
			t.Fatalf("got %d units, want %d", len(res.Units), len(want))
		}
		for i, w := range want {
			got := &res.Units[i]
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
			if s.unit != nil {
				s.unit(t, i, got)
			}
			if len(got.Indicators) != len(wantInds[i]) {
				t.Errorf("%s: %d indicators, want %d", w.Unit, len(got.Indicators), len(wantInds[i]))
				continue
			}
			for k, wi := range wantInds[i] {
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
		sum, ws := res.Summary, s.summary()
		if sum.Units != ws.Units || sum.Errors != ws.Errors {
			t.Errorf("summary units %d errors %d, want %d %d", sum.Units, sum.Errors, ws.Units, ws.Errors)
		}
		for _, g := range sum.Grades {
			if g.Units != ws.Grades[g.Label] {
				t.Errorf("summary grade %s: %d, want %d", g.Label, g.Units, ws.Grades[g.Label])
			}
		}
		if s.sum != nil {
			s.sum(t, sum)
		}
	}
}

// expected mirrors testdata/conformance/expected.json, the public suite of
// ../shared/conformance kept as a copy in the project; its indicators are
// keyed by id.
type expected struct {
	Summary conformanceSummary `json:"summary"`
	Units   []struct {
		conformanceUnit
		Indicators map[string]conformanceIndicator `json:"indicators"`
	} `json:"units"`
}

func TestConformance(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/conformance/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want expected
	checkConformance(t, conformanceSuite{dir: "conformance", workers: []int{1, 4}, want: &want,
		units: func() ([]conformanceUnit, [][]conformanceIndicator) {
			var units []conformanceUnit
			var inds [][]conformanceIndicator
			for _, u := range want.Units {
				units = append(units, u.conformanceUnit)
				// In the ruleset's order, as results list them.
				var list []conformanceIndicator
				for _, ind := range rs.Indicators {
					if wi, ok := u.Indicators[ind.ID]; ok {
						wi.ID = ind.ID
						list = append(list, wi)
					}
				}
				if len(list) != len(u.Indicators) {
					t.Fatalf("%s: expected.json names indicators the ruleset has not", u.Unit)
				}
				inds = append(inds, list)
			}
			return units, inds
		},
		summary: func() conformanceSummary { return want.Summary },
	})
}
