package engine_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
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

// evalWrite is the path that holds every unit: read all, Eval, Write.
func evalWrite(t testing.TB, prog *engine.Program, text []byte, f report.Format, o report.Options) ([]byte, engine.Summary) {
	t.Helper()
	src, err := data.OpenReader("t.csv", bytes.NewReader(text), data.NewSchema(prog.Ruleset()))
	if err != nil {
		t.Fatal(err)
	}
	units, _, sum, err := data.Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	meta := report.NewMeta(prog, &engine.DataInfo{Files: []string{"t.csv"}, SHA256: sum})
	meta.HasClaims = res.Summary.Claimed > 0
	var out bytes.Buffer
	if err := report.Write(&out, f, o, meta, res); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), res.Summary
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

func compile(t testing.TB, id string, opts ...engine.Option) *engine.Program {
	t.Helper()
	rs, err := rulesets.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestStreamLikeEval holds Stream's output to the in-memory path, byte
// for byte, for each streaming format, with 1 worker and with several,
// with the records in memory and spilled to a file at once; and sorted:
// xlsx by rank (its default) and the others by --sort keys of every kind
// (rank, a score descending, grade, an indicator, a 一级指标, the unit id
// and name), which the
// stream emits by key, ties and failed units in input order, as
// report.Write sorts.
func TestStreamLikeEval(t *testing.T) {
	// Units the data holds, one of them repeated (U0001) and one failed
	// (U0009); a few not kept between them.
	units := []string{"U0001", " U0009", "U0003", "U0100", "", "U2000"}
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
		text := streamData(t, compile(t, "grid-center"), 3000)
		want, wantSum := evalWrite(t, compile(t, "grid-center", engine.Explain(explain)), text, f, o)
		if wantSum.Errors < 40 || wantSum.Claimed == 0 || wantSum.MissingUnits == 0 || wantSum.CheckUnits == 0 {
			t.Fatalf("the data should have failed units, claims, missing data and failed checks: %+v", wantSum)
		}
		type config struct{ workers, spill int }
		configs := []config{{1, 0}, {4, 0}, {1, 1 << 30}, {4, 1 << 30}}
		if tc.sort != "" || tc.units != nil {
			// Sorting and keeping do not depend on them: two, to keep -race quick.
			configs = []config{{4, 0}, {1, 1 << 30}}
		}
		for _, c := range configs {
			t.Run(fmt.Sprintf("%s/sort=%s/units=%d/workers=%d/spill=%d", tc.format, tc.sort, len(tc.units), c.workers, c.spill), func(t *testing.T) {
				prog := compile(t, "grid-center", engine.Explain(explain), engine.Workers(c.workers), engine.SpillMemory(c.spill))
				got, sum := streamWrite(t, prog, text, f, o)
				if fmt.Sprint(sum) != fmt.Sprint(wantSum) {
					t.Errorf("summary %+v, want %+v", sum, wantSum)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("stream output differs from Eval's at byte %d:\n%s\nwant:\n%s", firstDiff(got, want),
						around(got, firstDiff(got, want)), around(want, firstDiff(got, want)))
				}
			})
		}
	}
}

// TestStreamDeterministic: two runs give the same bytes, and one worker
// the same as many, with explanations.
func TestStreamDeterministic(t *testing.T) {
	f, _ := report.Lookup("csv")
	text := streamData(t, compile(t, "grid-center"), 2000)
	o := report.Options{Explain: true}
	a, _ := streamWrite(t, compile(t, "grid-center", engine.Explain(true), engine.Workers(1)), text, f, o)
	b, _ := streamWrite(t, compile(t, "grid-center", engine.Explain(true), engine.Workers(3)), text, f, o)
	c, _ := streamWrite(t, compile(t, "grid-center", engine.Explain(true), engine.Workers(3)), text, f, o)
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
	prog := compile(t, "grid-center")
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
