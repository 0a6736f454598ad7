package report

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

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
// expected value, why); csv's and xlsx's, whose rows have the value, the
// expected value and the share in columns of their own, the note alone
// (words only where those leave something unsaid: here the units with a
// missing value). All carry the unit's own.
func TestMonitorExplanationsOnlyWhereShown(t *testing.T) {
	p, mon, units := monitorTestUnits(t)
	// full is only in AppendWhy's text, note in both texts.
	const full, note, unitWhy = "按时间进度应达", "缺少数据", "取最差指标"
	for f, want := range map[string]string{"csv": "note", "html": "full", "xlsx": "note", "table": "", "md": ""} {
		s := newMonitorRows(f, NewMeta(p, nil), mon, false)
		var all []byte
		for i := range units {
			all = s.AppendUnit(all, &units[i])
		}
		got := ""
		switch {
		case bytes.Contains(all, []byte(full)):
			got = "full"
		case bytes.Contains(all, []byte(note)):
			got = "note"
		}
		if got != want {
			t.Errorf("%s: records hold indicator explanations %q, want %q", f, got, want)
		}
		if !bytes.Contains(all, []byte(unitWhy)) {
			t.Errorf("%s: records lack the units' explanations (%q)", f, unitWhy)
		}
	}
}

// TestMonitorSheetFull: a monitor workbook with more units than a sheet
// has rows says so, and what to use instead, in the language of
// Options.Lang (Options carries it through the Rows MonitorFormats makes).
func TestMonitorSheetFull(t *testing.T) {
	p, mon, units := monitorTestUnits(t)
	f, err := MonitorFormats(mon, false).Lookup("xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"":   "monitor：单位数超过一张工作表的 1048576 行：请用 -f csv 或 json",
		"en": "monitor: more units than a sheet's 1048576 rows: use -f csv or json",
	} {
		m := NewMeta(p, nil)
		r := f.Rows(Options{Lang: lang}, m).(*monitorRows)
		if err := r.Begin(&bytes.Buffer{}, m); err != nil {
			t.Fatal(err)
		}
		rec := r.AppendUnit(nil, &units[0])
		if err := r.WriteUnit(nil, rec, 1); err != nil {
			t.Fatalf("%q: the first row: %v", lang, err)
		}
		r.xl.next = excelize.TotalRows + 1 // the sheet is full
		if err := r.WriteUnit(nil, rec, 2); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", lang, err, want)
		}
	}
}
