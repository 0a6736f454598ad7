package report

import (
	"bytes"
	"context"
	"io"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// evaluated is what a report is written from, the program and the units
// (Write evaluates them), with Eval's result of them for the tests that
// read results.
type evaluated struct {
	*engine.Result
	prog  *engine.Program
	units []indicators.Unit
}

// unitList is a slice of units as engine.Stream reads them.
type unitList struct {
	units []indicators.Unit
	next  int
}

func (l *unitList) Next() (*indicators.Unit, error) {
	if l.next == len(l.units) {
		return nil, io.EOF
	}
	l.next++
	return &l.units[l.next-1], nil
}

// write writes the units of e in format f with options o.
func (e *evaluated) write(w io.Writer, f Format, o Options, m Meta) error {
	_, err := Write(context.Background(), w, f, o, m, e.prog, &unitList{units: e.units})
	return err
}

// replay writes res in format name through a Sink as engine.Stream drives
// one, for the tests that edit a result by hand: each unit rendered, Start
// with res's summary, each record emitted with the unit's rank in the
// sink's order (ties in input order, failed units last), End.
func replay(t testing.TB, name string, o Options, m Meta, res *engine.Result) []byte {
	t.Helper()
	f, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	sink, err := NewSink(&b, f, o, m)
	if err != nil {
		t.Fatal(err)
	}
	order := make([]int, len(res.Units))
	recs := make([][]byte, len(res.Units))
	for i := range res.Units {
		order[i], recs[i] = i, sink.Render(nil, &res.Units[i])
	}
	if sink.Ordered() {
		sort.SliceStable(order, func(a, b int) bool {
			ua, ub := &res.Units[order[a]], &res.Units[order[b]]
			if ua.Failed() || ub.Failed() {
				return !ua.Failed() && ub.Failed()
			}
			return sink.CompareKeys(sink.OrderKey(ua), sink.OrderKey(ub)) < 0
		})
	}
	if err := sink.Start(res.Summary); err != nil {
		t.Fatal(err)
	}
	for _, i := range order {
		if err := sink.Emit(recs[i], res.Units[i].Rank); err != nil {
			t.Fatal(err)
		}
	}
	if err := sink.End(res.Summary); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sample evaluates testdata/sample.yaml over testdata/sample.csv, whose
// figures testdata/README.md derives by hand, and returns the meta and
// what a report is written from.
func sample(t testing.TB) (Meta, *evaluated) {
	t.Helper()
	src, err := os.ReadFile("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("testdata/sample.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := data.Options{Lang: "en"}.OpenReader("testdata/sample.csv", f, data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	units, _, sum, err := data.Collect(in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	info := &engine.DataInfo{Files: []string{"testdata/sample.csv"}, SHA256: sum}
	res.Data = info
	m := NewMeta(prog, info)
	for _, u := range units {
		if u.Claims != nil || u.ClaimedGrade != "" {
			m.HasClaims = true
		}
	}
	return m, &evaluated{res, prog, units}
}

// render writes the sample in format name with options o.
func render(t testing.TB, name string, o Options) []byte {
	t.Helper()
	m, res := sample(t)
	return renderMeta(t, name, o, m, res)
}

func renderMeta(t testing.TB, name string, o Options, m Meta, e *evaluated) []byte {
	t.Helper()
	f, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := e.write(&b, f, o, m); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	return b.Bytes()
}

// stamp is an explicit report time for the tests that want one.
var stamp = time.Date(2024, 3, 31, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

// builtin evaluates the demonstration units of a built-in ruleset.
func builtin(t testing.TB, id string) (Meta, *evaluated) {
	t.Helper()
	rs, err := rulesets.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	name, ok := fixtures.Demo(id)
	if !ok {
		t.Fatalf("no demo data for %s", id)
	}
	f, err := fixtures.FS.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := data.Options{Lang: "en"}.OpenReader(name, f, data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	units, _, sum, err := data.Collect(in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	info := &engine.DataInfo{Files: []string{"fixtures/" + name}, SHA256: sum}
	return NewMeta(prog, info), &evaluated{res, prog, units}
}

// unitResult is a scored unit with no indicators.
func unitResult(id, name string) *engine.UnitResult {
	return &engine.UnitResult{Unit: id, Name: name}
}
