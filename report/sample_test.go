package report

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/rulesets"
)

// sample evaluates testdata/sample.yaml over testdata/sample.csv, whose
// figures testdata/README.md derives by hand, and returns the meta and the
// result a report is written from.
func sample(t testing.TB) (Meta, *engine.Result) {
	t.Helper()
	src, err := os.ReadFile("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("testdata/sample.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, engine.Explain(true))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := data.OpenReader("testdata/sample.csv", f, data.NewSchema(rs))
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
	return m, res
}

// render writes the sample in format name with options o.
func render(t testing.TB, name string, o Options) []byte {
	t.Helper()
	m, res := sample(t)
	return renderMeta(t, name, o, m, res)
}

func renderMeta(t testing.TB, name string, o Options, m Meta, res *engine.Result) []byte {
	t.Helper()
	f, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, f, o, m, res); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	return b.Bytes()
}

// stamp is an explicit report time for the tests that want one.
var stamp = time.Date(2024, 3, 31, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

// builtin evaluates the demonstration units of a built-in ruleset.
func builtin(t testing.TB, id string) (Meta, *engine.Result) {
	t.Helper()
	rs, err := rulesets.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, engine.Explain(true))
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
	in, err := data.OpenReader(name, f, data.NewSchema(rs))
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
	return NewMeta(prog, info), res
}

// unitResult is a scored unit with no indicators.
func unitResult(id, name string) *engine.UnitResult {
	return &engine.UnitResult{Unit: id, Name: name}
}
