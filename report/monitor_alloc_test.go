package report

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/rulesets"
)

func monitorTestUnits(t *testing.T) (*engine.Program, *monitor.Monitor, []engine.UnitResult) {
	t.Helper()
	rs, err := rulesets.LoadFile("../monitor/testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.ReadAll("../monitor/testdata/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	return p, monitor.New(rs, time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)), res.Units
}

// table and md show each indicator's light alone: their records carry no
// indicator explanation (never made); html's carry the full one (value,
// expected value, why); csv's and xlsx's, whose rows have the value and
// the expected value in columns of their own, the reason alone. All carry
// the unit's own.
func TestMonitorExplanationsOnlyWhereShown(t *testing.T) {
	p, mon, units := monitorTestUnits(t)
	// full is only in AppendWhy's text, reason in both texts.
	const full, reason, unitWhy = "按时间进度应达", "为应达值的", "取最差指标"
	for f, want := range map[string]string{"csv": "reason", "html": "full", "xlsx": "reason", "table": "", "md": ""} {
		s := newMonitorRows(f, NewMeta(p, nil), mon, false)
		var all []byte
		for i := range units {
			all = s.AppendUnit(all, &units[i])
		}
		got := ""
		switch {
		case bytes.Contains(all, []byte(full)):
			got = "full"
		case bytes.Contains(all, []byte(reason)):
			got = "reason"
		}
		if got != want {
			t.Errorf("%s: records hold indicator explanations %q, want %q", f, got, want)
		}
		if !bytes.Contains(all, []byte(unitWhy)) {
			t.Errorf("%s: records lack the units' explanations (%q)", f, unitWhy)
		}
	}
}
