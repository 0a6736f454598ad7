package engine_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

// streamData is generated grid-center data with everything that makes a
// unit fail or stand out: repeated ids (of a scored unit, of a failed
// one, three times), a bad cell, a ragged row, a missing id, claims and
// reasons on some units, and a unit (i = 11) with a blank input and a
// failed check (spent over budget), which every unit i%89 == 11 repeats,
// blank and check included.
func streamData(t testing.TB, prog *engine.Program, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	g := synth.NewGenerator(prog.Ruleset(), prog.NewProbe(), n, 3)
	head := append(g.Header(), "claimed.score", "claimed.grade", "claimed.budget_execution_rate", "reason.training")
	w.Write(head)
	col := func(id string) int {
		for k, h := range head {
			if h == id {
				return k
			}
		}
		t.Fatalf("no column %s in %v", id, head)
		return -1
	}
	budget, spent, articles := col("budget"), col("spent"), col("articles_published")
	var row synth.Row
	for i := 0; i < n; i++ {
		g.Unit(i, &row)
		rec := append([]string{row.ID, row.Name}, row.Cells...)
		switch {
		case i%89 == 11:
			rec[articles] = ""
			rec[budget], rec[spent] = "100", "120"
			if i > 11 {
				rec[0] = "U0012" // a repeat of i = 11: fails, its blank and check uncounted
			}
		case i%97 == 5:
			rec[0] = "U0001" // a repeat of the first unit (line 2)
		case i%101 == 30:
			rec[0] = "U0009" // a repeat of a unit that fails (i = 8, line 10)
		case i == 8:
			rec[2] = "1,0,0" // bad cell: misplaced thousands separator
		case i == 9:
			rec = rec[:5] // ragged
		case i == 10:
			rec[0] = ""
		}
		if len(rec) == len(row.Cells)+2 {
			claim := []string{"", "", "", ""}
			if i%13 == 0 {
				claim = []string{"88.5", "良", "9", "培训推迟"}
			}
			rec = append(rec, claim...)
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// streamWrite is the streaming path of jixiao eval.
func streamWrite(t testing.TB, prog *engine.Program, text []byte, f report.Format, o report.Options) ([]byte, engine.Summary) {
	t.Helper()
	src, err := data.OpenStreamReader("t.csv", bytes.NewReader(text), data.NewSchema(prog.Ruleset()), f.Digest)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sink, err := report.NewSink(&out, f, o, report.NewMeta(prog, &engine.DataInfo{Files: []string{"t.csv"}}))
	if err != nil {
		t.Fatal(err)
	}
	sink.Digest = src.SHA256
	sum, err := prog.Stream(context.Background(), src, sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.End(sum); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), sum
}

func compile(t testing.TB, id string, o *engine.Options) *engine.Program {
	t.Helper()
	rs, err := rulesets.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, o)
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestStreamOrders holds Stream's output, for each format that has no
// order of its own to keep (csv, json, xlsx), to the same bytes with 1
// worker and with several, with the records in memory and spilled to a
// file at once; and its order to that of Eval's results sorted here: by
// --sort keys of every kind (rank, a score descending, grade, an
// indicator, a 一级指标, the unit id and name), ties and failed units in
// input order, and with --units only those units.
func TestStreamOrders(t *testing.T) {
	// Units the data holds, one of them repeated (U0001) and one failed
	// (U0009); a few not kept between them.
	units := []string{"U0001", " U0009", "U0003", "U0100", "", "U2000"}
	text := streamData(t, compile(t, "grid-center", nil), 3000)
	res, err := evalAll(compile(t, "grid-center", nil), text)
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Summary; s.Errors < 40 || s.Claimed == 0 || s.MissingUnits == 0 || s.CheckUnits == 0 {
		t.Fatalf("the data should have failed units, claims, missing data and failed checks: %+v", s)
	}
	for _, tc := range []struct {
		format, sort string
		units        []string
	}{
		{"csv", "", nil}, {"json", "", nil}, {"xlsx", "", nil},
		{"csv", "rank", nil}, {"csv", "-rank", nil}, {"csv", "-score", nil}, {"csv", "grade", nil},
		{"csv", "-base_info_check", nil}, {"csv", "产出", nil}, {"json", "score", nil}, {"xlsx", "-grade", nil},
		{"csv", "", units}, {"json", "-score", units}, {"xlsx", "", units},
		{"csv", "unit", nil}, {"json", "-name", nil}, {"xlsx", "-unit", units},
	} {
		f, err := report.Lookup(tc.format)
		if err != nil {
			t.Fatal(err)
		}
		explain := tc.format == "json"
		o := report.Options{Explain: explain, Sort: tc.sort, Units: tc.units}
		want, wantSum := streamWrite(t, compile(t, "grid-center", &engine.Options{Explain: explain, Workers: 1}), text, f, o)
		streamSum, evalSum := wantSum, res.Summary
		if tc.format == "csv" {
			// A csv shows no statistics: Stream gathers none for it.
			if len(streamSum.Indicators)+len(streamSum.Groups) > 0 || streamSum.Score.Units > 0 {
				t.Errorf("csv: statistics gathered: %+v", streamSum.Score)
			}
			evalSum.Indicators, evalSum.Groups, evalSum.Score = nil, nil, engine.Stat{}
		}
		if tc.units != nil {
			// The statistics are of the units kept, the rest of all
			// (TestStreamStatsKeptAndDuplicates checks them).
			streamSum.Indicators, streamSum.Groups, streamSum.Score = nil, nil, engine.Stat{}
			evalSum.Indicators, evalSum.Groups, evalSum.Score = nil, nil, engine.Stat{}
		}
		if fmt.Sprint(streamSum) != fmt.Sprint(evalSum) {
			t.Errorf("summary %+v, Eval's %+v", streamSum, evalSum)
		}
		if tc.format != "xlsx" {
			key := tc.sort
			if key == "" {
				key = f.Sort
			}
			got, order := idsOf(t, tc.format, want), sortedIDs(t, res, key, tc.units)
			if got != order {
				t.Errorf("%s --sort %q --units %q: units in the order\n%s\nwant\n%s", tc.format, tc.sort, tc.units, got, order)
			}
		}
		type config struct{ workers, spill int }
		configs := []config{{4, -1}, {1, 1 << 30}, {4, 1 << 30}}
		if tc.sort != "" || tc.units != nil {
			// Sorting and keeping do not depend on them: one, to keep -race quick.
			configs = []config{{4, -1}}
		}
		for _, c := range configs {
			t.Run(fmt.Sprintf("%s/sort=%s/units=%d/workers=%d/spill=%d", tc.format, tc.sort, len(tc.units), c.workers, c.spill), func(t *testing.T) {
				prog := compile(t, "grid-center", &engine.Options{Explain: explain, Workers: c.workers, SpillMemory: c.spill})
				got, sum := streamWrite(t, prog, text, f, o)
				if fmt.Sprint(sum) != fmt.Sprint(wantSum) {
					t.Errorf("summary %+v, want %+v", sum, wantSum)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("output differs from 1 worker's at byte %d:\n%s\nwant:\n%s", firstDiff(got, want),
						around(got, firstDiff(got, want)), around(want, firstDiff(got, want)))
				}
			})
		}
	}
}

// evalAll reads every unit of text and evaluates them with Eval.
func evalAll(prog *engine.Program, text []byte) (*engine.Result, error) {
	src, err := data.OpenReader("t.csv", bytes.NewReader(text), data.NewSchema(prog.Ruleset()))
	if err != nil {
		return nil, err
	}
	units, _, _, err := data.Collect(src)
	if err != nil {
		return nil, err
	}
	return prog.Eval(context.Background(), units)
}

// idsOf lists the unit ids of a csv or json report in their order.
func idsOf(t *testing.T, format string, out []byte) string {
	t.Helper()
	var ids []string
	if format == "csv" {
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			ids = append(ids, r[0])
		}
		return strings.Join(ids, " ")
	}
	var doc struct{ Units []struct{ Unit string } }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, u := range doc.Units {
		ids = append(ids, u.Unit)
	}
	return strings.Join(ids, " ")
}

// sortedIDs lists the ids of the units a report keeps (all, or those of
// --units) in the order of --sort key: a stable sort, failed units last;
// rank and grade put the best first and "-" reverses.
func sortedIDs(t *testing.T, res *engine.Result, key string, keep []string) string {
	t.Helper()
	m := report.NewMeta(compile(t, "grid-center", nil), nil)
	desc := strings.HasPrefix(key, "-")
	key = strings.TrimPrefix(key, "-")
	value := func(u *engine.UnitResult) any {
		switch key {
		case "rank":
			return float64(u.Rank)
		case "score":
			return u.Score
		case "grade":
			for i, g := range m.Grades {
				if g.Label == u.Grade {
					return float64(i)
				}
			}
		case "unit":
			return u.Unit
		case "name":
			return u.Name
		}
		for i, ind := range m.Indicators {
			if ind.ID == key {
				return u.Indicators[i].Points
			}
		}
		for gi, g := range indicators.Groups(m.Indicators) {
			if g.Name == key {
				return u.Groups[gi].Points
			}
		}
		return 0.0
	}
	less := func(a, b *engine.UnitResult) bool {
		switch x := value(a).(type) {
		case string:
			return x < value(b).(string)
		default:
			return x.(float64) < value(b).(float64)
		}
	}
	var units []*engine.UnitResult
	for i := range res.Units {
		u := &res.Units[i]
		if keep == nil || slices.ContainsFunc(keep, func(id string) bool { return strings.TrimSpace(id) == u.Unit && u.Unit != "" }) {
			units = append(units, u)
		}
	}
	if key != "" {
		sort.SliceStable(units, func(i, j int) bool {
			a, b := units[i], units[j]
			if a.Failed() || b.Failed() {
				return !a.Failed() && b.Failed()
			}
			if desc {
				return less(b, a)
			}
			return less(a, b)
		})
	}
	var ids []string
	for _, u := range units {
		ids = append(ids, u.Unit)
	}
	return strings.Join(ids, " ")
}

// TestStreamDeterministic: two runs give the same bytes, and one worker
// the same as many, with explanations.
func TestStreamDeterministic(t *testing.T) {
	f, _ := report.Lookup("csv")
	text := streamData(t, compile(t, "grid-center", nil), 2000)
	o := report.Options{Explain: true}
	a, _ := streamWrite(t, compile(t, "grid-center", &engine.Options{Explain: true, Workers: 1}), text, f, o)
	b, _ := streamWrite(t, compile(t, "grid-center", &engine.Options{Explain: true, Workers: 3}), text, f, o)
	c, _ := streamWrite(t, compile(t, "grid-center", &engine.Options{Explain: true, Workers: 3}), text, f, o)
	if !bytes.Equal(a, b) || !bytes.Equal(b, c) {
		t.Fatalf("outputs differ: 1 worker vs 3 at byte %d, run 1 vs 2 at byte %d", firstDiff(a, b), firstDiff(b, c))
	}
	if !bytes.Contains(a, []byte("说明")) {
		t.Fatal("explanations missing from the csv")
	}
}

// TestStreamDuplicates checks the duplicate verdicts on a small file:
// every repeat fails naming the first line, the first stays scored, and
// ranks and grade counts leave the repeats out.
func TestStreamDuplicates(t *testing.T) {
	prog := compile(t, "grid-center", nil)
	text := streamData(t, prog, 60)
	f, _ := report.Lookup("csv")
	out, sum := streamWrite(t, prog, text, f, report.Options{})
	// With 60 units, unit i = 5 repeats U0001 (line 2 of the file) and
	// i = 30 repeats U0009 (i = 8, line 10), which fails for a bad cell.
	for _, want := range []string{"unit U0001 appears again: it was first at line 2", "unit U0009 appears again: it was first at line 10"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Failed: the two repeats, the bad cell (U0009), the ragged row
	// (U0010) and the unit without id.
	if sum.Errors != 5 {
		t.Errorf("%d failed units, want 5", sum.Errors)
	}
	graded := 0
	for _, g := range sum.Grades {
		graded += g.Units
	}
	if graded != sum.Units-sum.Errors {
		t.Errorf("grade counts %v add up to %d, want %d", sum.Grades, graded, sum.Units-sum.Errors)
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) string {
	lo, hi := max(0, i-200), min(len(b), i+200)
	return string(b[lo:hi])
}
