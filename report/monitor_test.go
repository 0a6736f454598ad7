package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

// TestMonitorConformance2 checks jixiao monitor's JSON against the public
// contract-2 case at 2023-09-30 (../engine/testdata/conformance2): the
// elapsed share, and every light and expected value. The ruleset is
// loaded without issue 16's keys and with the indicators that share an
// input's id renamed, which moves no light (lights read values and
// targets, not points).
func TestMonitorConformance2(t *testing.T) {
	const dir = "../engine/testdata/conformance2/"
	src, err := os.ReadFile(dir + "ruleset.yaml")
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
		case "indicators":
			for _, ind := range m.Content[i+1].Content {
				for j := 0; j+1 < len(ind.Content); j += 2 {
					if ind.Content[j].Value == "id" && (ind.Content[j+1].Value == "cost" || ind.Content[j+1].Value == "coverage") {
						ind.Content[j+1].Value += "_ind"
					}
				}
			}
		}
		kept = append(kept, m.Content[i], m.Content[i+1])
	}
	m.Content = kept
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("conformance2.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	units, err := data.Open(dir+"units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	defer units.Close()
	var buf bytes.Buffer
	mon := monitor.New(prog.Ruleset(), time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC))
	format, err := report.MonitorFormats(mon, false).Lookup("json")
	if err != nil {
		t.Fatal(err)
	}
	sink, err := report.NewSink(&buf, format, report.Options{}, report.NewMeta(prog, nil))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := prog.Stream(context.Background(), units, sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.End(sum); err != nil {
		t.Fatal(err)
	}
	type result struct {
		Units []struct {
			Unit       string  `json:"unit"`
			Light      *string `json:"light"`
			Indicators []struct {
				ID       string   `json:"id"`
				Light    *string  `json:"light"`
				Expected *float64 `json:"expected"`
			} `json:"indicators"`
		} `json:"units"`
		Monitor struct {
			AsOf    string  `json:"as_of"`
			Elapsed float64 `json:"elapsed"`
			Day     int     `json:"day"`
			Days    int     `json:"days"`
			Green   float64 `json:"green"`
			Yellow  float64 `json:"yellow"`
		} `json:"monitor"`
	}
	var got, want result
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	raw, err := os.ReadFile(dir + "expected-monitor-2023-09-30.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if got.Monitor != want.Monitor {
		t.Errorf("monitor %+v, want %+v", got.Monitor, want.Monitor)
	}
	str := func(s *string) string {
		if s == nil {
			return "none"
		}
		return *s
	}
	if len(got.Units) != len(want.Units) {
		t.Fatalf("%d units, want %d", len(got.Units), len(want.Units))
	}
	for i, w := range want.Units {
		g := got.Units[i]
		if g.Unit != w.Unit || str(g.Light) != str(w.Light) {
			t.Errorf("%s: light %s, want %s", w.Unit, str(g.Light), str(w.Light))
		}
		for k, wi := range w.Indicators {
			gi := g.Indicators[k]
			if str(gi.Light) != str(wi.Light) {
				t.Errorf("%s.%s: light %s, want %s", w.Unit, wi.ID, str(gi.Light), str(wi.Light))
			}
			if (gi.Expected == nil) != (wi.Expected == nil) || gi.Expected != nil && math.Abs(*gi.Expected-*wi.Expected) > 1e-12 {
				t.Errorf("%s.%s: expected %v, want %v", w.Unit, wi.ID, gi.Expected, wi.Expected)
			}
		}
	}
}
