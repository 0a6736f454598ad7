// Package demotest loads the made-up demonstration data of fixtures/ for
// the tests of several packages (engine, review, synth), so that each
// reads it the same way: a fixtures CSV read for a ruleset, and the review
// demo evaluated whole.
package demotest

import (
	"context"
	"io/fs"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// Units reads the fixtures file name (a CSV of units) for rs.
func Units(t testing.TB, rs *indicators.Ruleset, name string) []indicators.Unit {
	t.Helper()
	f, err := fixtures.FS.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := data.OpenReader("fixtures/"+name, f, data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	return units
}

// ReviewDemo evaluates the review demo of fixtures/ (ruleset
// review-demo-rules.yaml, units review-demo.csv, worked by hand in
// fixtures/README.md) compiled with o.
func ReviewDemo(t testing.TB, o *engine.Options) (*engine.Program, *engine.Result) {
	t.Helper()
	src, err := fs.ReadFile(fixtures.FS, "review-demo-rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("fixtures/review-demo-rules.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, o)
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), Units(t, rs, "review-demo.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return prog, res
}
