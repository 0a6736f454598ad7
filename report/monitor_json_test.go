package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/monitor"
)

// The JSON of a monitored unit as json.Marshal wrote it before jsonUnit
// (issue 17): the reference that the hand-written bytes must equal.
type monitorUnitJSON struct {
	Unit       string                 `json:"unit"`
	Name       string                 `json:"name"`
	Score      *float64               `json:"score,omitempty"`
	Grade      string                 `json:"grade,omitempty"`
	Rank       int                    `json:"rank,omitempty"`
	Light      *string                `json:"light"`
	Why        string                 `json:"why"`
	Indicators []monitorIndicatorJSON `json:"indicators"`
	Checks     []jsonCheck            `json:"checks"`
	Errors     []jsonError            `json:"errors"`
}

type monitorIndicatorJSON struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Weight   float64  `json:"weight"`
	Value    any      `json:"value"`
	Tier     string   `json:"tier,omitempty"`
	Target   *float64 `json:"target,omitempty"`
	Points   float64  `json:"points"`
	Status   string   `json:"status"`
	Flags    []string `json:"flags"`
	Light    *string  `json:"light"`
	Expected *float64 `json:"expected"`
	Share    *float64 `json:"share"`
	Why      string   `json:"why,omitempty"`
}

// marshalMonitorUnit is the unit's JSON with its rank, by json.Marshal.
func marshalMonitorUnit(mon *monitor.Monitor, u *engine.UnitResult, rank int) []byte {
	lu := mon.Unit(u)
	ju := monitorUnitJSON{Unit: u.Unit, Name: u.Name, Why: lu.Why, Indicators: []monitorIndicatorJSON{}, Checks: []jsonCheck{}, Errors: []jsonError{}}
	for _, c := range u.Checks {
		ju.Checks = append(ju.Checks, jsonCheck{ID: c.ID, OK: c.OK, Skipped: c.Skipped, Message: c.Message})
	}
	if lu.Light != "" {
		l := lu.Light
		ju.Light = &l
	}
	if u.Failed() {
		for _, e := range u.Errors {
			ju.Errors = append(ju.Errors, errorJSON(e))
		}
	} else {
		score := u.Score
		ju.Score, ju.Grade, ju.Rank = &score, u.Grade, rank
		for k := range u.Indicators {
			ir := &u.Indicators[k]
			ji := monitorIndicatorJSON{ID: ir.ID, Label: ir.Label, Weight: ir.Weight, Tier: ir.Tier, Points: ir.Points, Status: ir.Status, Flags: ir.Flags}
			if ji.Flags == nil {
				ji.Flags = []string{}
			}
			if ir.HasValue && indicators.Finite(ir.Value) {
				ji.Value = round4(ir.Value)
			}
			if ir.HasTarget {
				t := ir.Target
				ji.Target = &t
			}
			if k < len(lu.Indicators) {
				l := lu.Indicators[k]
				if l.Light != "" {
					ji.Light = &l.Light
				}
				if l.HasExpected {
					e := l.Expected
					ji.Expected = &e
				}
				if l.HasShare {
					sh := l.Share
					ji.Share = &sh
				}
				ji.Why = l.Why
			}
			ju.Indicators = append(ju.Indicators, ji)
		}
	}
	b, err := json.Marshal(ju)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"unit": u.Unit, "error": err.Error()})
	}
	return b
}

// csvFromCells is a unit's csv line spelled from its cells (the path of
// the other formats) with appendCSVField, as monitor's csv was written
// before csvLine, but for each indicator's value (the first of its four
// cells), which csv writes to 4 decimals as the explanations do
// (monitor.AppendValue) where the cells keep every digit for xlsx.
func csvFromCells(t *testing.T, s *monitorRows, u *engine.UnitResult, rank int) []byte {
	t.Helper()
	sc := new(monitorScratch)
	s.mon.Lights(&sc.lu, u)
	rec := s.cells(nil, u, sc)
	cells, err := decodeCells(nil, rec[1:], rank, []byte(strconv.Itoa(rank)))
	if err != nil {
		t.Fatal(err)
	}
	var b []byte
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		switch c.kind {
		case mcLight:
			b = append(b, monitor.Chinese(string(c.v))...)
		case mcShare:
			v, err := strconv.ParseFloat(string(c.v), 64)
			if err != nil {
				t.Fatal(err)
			}
			b = monitor.AppendShare(b, v)
		case mcNum:
			if i >= 6 && (i-6)%5 == 0 && i < len(cells)-1 {
				v, err := strconv.ParseFloat(string(c.v), 64)
				if err != nil {
					t.Fatal(err)
				}
				b = monitor.AppendValue(b, v)
			} else {
				b = append(b, c.v...)
			}
		default:
			b = appendCSVField(b, string(c.v))
		}
	}
	return append(b, '\n')
}

// odd makes units whose texts need escaping or quoting: names and ids
// with quotes, commas, <>&, U+2028, invalid UTF-8, a leading space;
// labels with a comma (the unit's explanation names its worst
// indicator), an error message with a comma; and numbers at the edges.
func odd(units []engine.UnitResult) []engine.UnitResult {
	names := []string{`甲"乙`, "a,b", "<b>&", "x\u2028y", "bad\xffutf8", " leading", `\.`, "tab\there", "line\nbreak"}
	var out []engine.UnitResult
	for i, n := range names {
		u := units[i%len(units)]
		u.Unit, u.Name = "O"+strconv.Itoa(i)+n, n
		inds := append([]engine.IndicatorResult(nil), u.Indicators...)
		for k := range inds {
			inds[k].Label += ", " + n
			switch i % 3 {
			case 0:
				inds[k].Value, inds[k].Target = -inds[k].Value, inds[k].Target*1e7
			case 1:
				inds[k].Value, inds[k].Target = inds[k].Value*1e9, 1e-7
			case 2:
				if inds[k].Tier != "" {
					inds[k].Tier = `C,"x"` // a tier that needs quotes
				}
			}
		}
		u.Indicators = inds
		out = append(out, u)
	}
	failed := units[0]
	failed.Unit, failed.Name, failed.Indicators = "F1", "失败,单位", nil
	failed.Errors = []*diag.Error{{Code: "bad_cell", Msg: `单元格 "x", 无法识别`, Field: "spent", Pos: diag.Pos{File: "a.csv", Line: 3, Col: 4}}}
	return append(out, failed)
}

// TestMonitorJSONAsMarshal: monitor's JSON and csv, written by hand on
// the workers, are the bytes json.Marshal and the cells wrote, unit for
// unit, for generated units at dates across the year (a leap day
// included), with texts that need escaping and numbers at the edges.
func TestMonitorJSONAsMarshal(t *testing.T) {
	prog, units := monitorPopulation(t, 600)
	units = append(units, odd(units)...)
	// Labels that need escaping and quoting, as the units' explanations
	// name their worst indicator.
	rs := prog.Ruleset()
	for k := range rs.Indicators {
		rs.Indicators[k].Label += []string{",", "<", `"`, "&", ">", "\u2028", "\xff", "\n", `\`}[k%9]
	}
	_, oddLabels := monitorPopulationOf(t, rs, 100)
	units = append(units, oddLabels...)
	nonFinite := units[1]
	nonFinite.Unit = "NaN1"
	nonFinite.Indicators = append([]engine.IndicatorResult(nil), nonFinite.Indicators...)
	nonFinite.Indicators[0].Target = math.Inf(1)
	units = append(units, nonFinite)
	failed := 0
	for _, date := range []time.Time{time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)} {
		// Monitored with the odd labels: the units' explanations carry
		// them (the results' own labels are their program's).
		mon := monitor.New(rs, date)
		js := newMonitorRows("json", NewMeta(prog, nil), mon, false)
		cs := newMonitorRows("csv", NewMeta(prog, nil), mon, false)
		var rec []byte
		for i := range units {
			u := &units[i]
			if u.Failed() {
				failed++
			}
			rank := i + 1
			if u.Failed() {
				rank = 0
			}
			want := marshalMonitorUnit(mon, u, rank)
			rec = js.AppendUnit(rec[:0], u)
			var buf bytes.Buffer
			js.w = bufio.NewWriter(&buf)
			js.first = true
			if err := js.WriteUnit(&buf, rec, rank); err != nil {
				t.Fatal(err)
			}
			js.w.Flush()
			got := bytes.TrimPrefix(buf.Bytes(), []byte("\n"))
			if !bytes.Equal(got, want) {
				i := firstDiffAt(got, want)
				t.Fatalf("%s %s json, byte %d:\n got %s\nwant %s", date.Format(time.DateOnly), u.Unit, i, got, want)
			}
			if u.Unit == "NaN1" && !bytes.Contains(got, []byte(`"error"`)) {
				t.Fatalf("a target of +Inf: %s, want the unit's error", got)
			}
			wantCSV := csvFromCells(t, cs, u, rank)
			rec = cs.AppendUnit(rec[:0], u)
			buf.Reset()
			cs.w = bufio.NewWriter(&buf)
			if err := cs.WriteUnit(&buf, rec, rank); err != nil {
				t.Fatal(err)
			}
			cs.w.Flush()
			if !bytes.Equal(buf.Bytes(), wantCSV) {
				i := firstDiffAt(buf.Bytes(), wantCSV)
				t.Fatalf("%s %s csv, byte %d:\n got %s\nwant %s", date.Format(time.DateOnly), u.Unit, i, buf.Bytes(), wantCSV)
			}
		}
	}
	if failed == 0 {
		t.Fatal("no failed unit compared")
	}
}

func firstDiffAt(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// appendColLetter writes colLetter's letters.
func TestAppendColLetter(t *testing.T) {
	for _, i := range []int{0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 16383, 1 << 30} {
		if got, want := string(appendColLetter([]byte("x"), i)), "x"+colLetter(i); got != want {
			t.Errorf("appendColLetter(%d) = %q, want %q", i, got, want)
		}
	}
}
