package engine_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// contract2 is the part of testdata/conformance2/expected*.json that
// relative scoring and monitoring decide (the rest is issue 16's:
// overshoot, adjust, max_total, outcomes).
type contract2 struct {
	Units []struct {
		Unit       string `json:"unit"`
		Light      string `json:"light"`
		Indicators []struct {
			ID       string   `json:"id"`
			Points   float64  `json:"points"`
			Status   string   `json:"status"`
			Light    *string  `json:"light"`
			Expected *float64 `json:"expected"`
			Value    *float64 `json:"value"`
		} `json:"indicators"`
	} `json:"units"`
	Statistics struct {
		Indicators []struct {
			ID         string `json:"id"`
			Relative   string `json:"relative"`
			Reverse    bool   `json:"reverse"`
			Population struct {
				Best, Worst float64
				Count       int
			} `json:"population"`
		} `json:"indicators"`
	} `json:"statistics"`
	Monitor struct {
		AsOf          string  `json:"as_of"`
		Elapsed       float64 `json:"elapsed"`
		Day           int     `json:"day"`
		Days          int     `json:"days"`
		Green, Yellow float64
	} `json:"monitor"`
}

func readContract2(t *testing.T, name string) contract2 {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata/conformance2", name))
	if err != nil {
		t.Fatal(err)
	}
	var c contract2
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// contract2Ruleset loads the contract-2 ruleset without the top-level
// keys of issue 16 (overshoot, adjust, max_total, outcomes) and with the
// indicators that share an input's id renamed (issue 16 gives indicators
// a namespace of their own), so that this test checks the relative
// indicators whatever the loader knows of issue 16: none of that moves a
// relative indicator's points. Indicators keep their order.
func contract2Ruleset(t *testing.T) *indicators.Ruleset {
	t.Helper()
	src, err := os.ReadFile("testdata/conformance2/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	var kept []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		switch m.Content[i].Value {
		case "overshoot", "adjust", "max_total", "outcomes":
			continue
		}
		kept = append(kept, m.Content[i], m.Content[i+1])
	}
	m.Content = kept
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "indicators" {
			continue
		}
		for _, ind := range m.Content[i+1].Content {
			for j := 0; j+1 < len(ind.Content); j += 2 {
				if k := ind.Content[j]; k.Value == "id" && (ind.Content[j+1].Value == "cost" || ind.Content[j+1].Value == "coverage") {
					ind.Content[j+1].Value += "_ind"
				}
			}
		}
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("conformance2.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestConformance2Relative(t *testing.T) {
	want := readContract2(t, "expected.json")
	rs := contract2Ruleset(t)
	for _, workers := range []int{1, 3} {
		prog, err := engine.Compile(rs, &engine.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		// Streamed from the file (two passes over it) and in memory.
		src, err := data.Open("testdata/conformance2/units.csv", data.NewSchema(rs))
		if err != nil {
			t.Fatal(err)
		}
		streamed := &engine.Result{}
		res, err := prog.Eval(context.Background(), mustReadAll(t, rs))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := prog.Stream(context.Background(), src, collectSink(streamed))
		src.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range []struct {
			name  string
			units []engine.UnitResult
			pops  []indicators.RelativeStat
		}{{"in memory", res.Units, res.Summary.Populations}, {"streamed", streamed.Units, sum.Populations}} {
			if len(got.units) != len(want.Units) {
				t.Fatalf("%s: %d units, want %d", got.name, len(got.units), len(want.Units))
			}
			for i, w := range want.Units {
				u := got.units[i]
				for k, wi := range w.Indicators {
					if wi.ID != "cost" && wi.ID != "quality" {
						continue
					}
					ir := u.Indicators[k]
					if ir.ID != wi.ID+"_ind" && ir.ID != wi.ID || ir.Points != wi.Points || ir.Status != wi.Status {
						t.Errorf("%s %s.%s: %v points (%s), want %v (%s)", got.name, w.Unit, wi.ID, ir.Points, ir.Status, wi.Points, wi.Status)
					}
				}
			}
			if len(got.pops) != len(want.Statistics.Indicators) {
				t.Fatalf("%s: populations %+v, want %+v", got.name, got.pops, want.Statistics.Indicators)
			}
			for i, w := range want.Statistics.Indicators {
				p := got.pops[i]
				if (p.ID != w.ID && p.ID != w.ID+"_ind") || p.Method != w.Relative || p.Reverse != w.Reverse ||
					p.Best(p.Reverse) != w.Population.Best || p.Worst(p.Reverse) != w.Population.Worst || p.Count != w.Population.Count {
					t.Errorf("%s: population %+v (best %v worst %v), want %+v", got.name, p, p.Best(p.Reverse), p.Worst(p.Reverse), w)
				}
			}
		}
	}
}

func mustReadAll(t *testing.T, rs *indicators.Ruleset) []indicators.Unit {
	t.Helper()
	units, _, _, err := data.ReadAll("testdata/conformance2/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	return units
}

// jsonSink keeps every unit a stream emits, through JSON (Render's unit is
// reused after it returns).
type jsonSink struct{ res *engine.Result }

func collectSink(res *engine.Result) *jsonSink { return &jsonSink{res: res} }

func (s *jsonSink) Render(dst []byte, u *engine.UnitResult) []byte {
	c := *u
	c.Indicators = append([]engine.IndicatorResult(nil), u.Indicators...)
	for k := range c.Indicators {
		if !indicators.Finite(c.Indicators[k].Value) {
			c.Indicators[k].Value = 0 // JSON has no ±Inf; an error's value is not compared
		}
		c.Indicators[k].Err = nil
	}
	b, err := json.Marshal(&c)
	if err != nil {
		panic(err)
	}
	return append(dst, b...)
}

func (s *jsonSink) Start(sum engine.Summary) error { s.res.Summary = sum; return nil }

func (s *jsonSink) Emit(rec []byte, rank int) error {
	var u engine.UnitResult
	if err := json.Unmarshal(rec, &u); err != nil {
		return err
	}
	u.Rank = rank
	s.res.Units = append(s.res.Units, u)
	return nil
}
