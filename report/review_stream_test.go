package report

import (
	"bytes"
	"context"
	"io/fs"
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/review"
	"github.com/jixiao/jixiao/rulesets"
)

// TestReviewFormatsHoldNoResults: the review formats keep each unit's
// review record in a spill, not its result, so that `jixiao review` runs
// in memory that does not grow with the units.
func TestReviewFormatsHoldNoResults(t *testing.T) {
	m, _ := sample(t)
	for _, f := range ReviewFormats() {
		rows := f.Rows(Options{Tolerance: 0.01}, m)
		if path := holdsResults(reflect.ValueOf(rows), f.Name, map[reflect.Type]bool{}); path != "" {
			t.Errorf("review format %s keeps unit results in %s", f.Name, path)
		}
	}
}

// TestReviewStreamIsWholeReview: every review format written through a
// Sink as engine.Stream evaluates the review demo is byte for byte what
// WriteReview writes of review.Of over the whole result (the review order
// by over-claimed points, the summary, the failed unit last).
func TestReviewStreamIsWholeReview(t *testing.T) {
	text, err := fs.ReadFile(fixtures.FS, "review-demo-rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("fixtures/review-demo-rules.yaml", text)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Tolerance: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	open := func() data.Source {
		f, err := fixtures.FS.Open("review-demo.csv")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		src, err := data.OpenReader("fixtures/review-demo.csv", f, data.NewSchema(rs))
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	units, _, sum, err := data.Collect(open())
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	rv := review.Of(res, 0.01)
	m := NewMeta(prog, &engine.DataInfo{Files: []string{"fixtures/review-demo.csv"}})
	digested := m
	digested.Data = &engine.DataInfo{Files: m.Data.Files, SHA256: sum}
	for _, f := range ReviewFormats() {
		var whole, streamed bytes.Buffer
		if err := WriteReview(&whole, f, digested, rv); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(context.Background(), &streamed, f, Options{Tolerance: 0.01}, m, prog, open()); err != nil {
			t.Fatal(err)
		}
		if whole.Len() == 0 || !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
			t.Errorf("%s: streamed review (%d bytes) is not the whole review (%d bytes)", f.Name, streamed.Len(), whole.Len())
		}
	}
}
