package report_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

// memUnits is units held in memory, read again from the start on Rewind.
type memUnits struct {
	units []indicators.Unit
	next  int
}

func (m *memUnits) Next() (*indicators.Unit, error) {
	if m.next == len(m.units) {
		return nil, io.EOF
	}
	m.next++
	return &m.units[m.next-1], nil
}

func (m *memUnits) Rewind() error { m.next = 0; return nil }

// A run with relative indicators reads its data twice; streamed from the
// file or from units held in memory, with 1 worker or 3, every format
// writes the same bytes, and JSON carries the populations in its stamp and
// statistics.
func TestRelativeStreamedEqualsInMemory(t *testing.T) {
	const dir = "../engine/testdata/relative/"
	rs, err := rulesets.LoadFile(dir + "ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.ReadAll(dir+"units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"json", "csv", "md", "table", "html"} {
		f, err := report.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		var outs []string
		for _, workers := range []int{1, 3} {
			p, err := engine.Compile(rs, &engine.Options{Workers: workers, Explain: !f.Lean})
			if err != nil {
				t.Fatal(err)
			}
			for _, fromFile := range []bool{true, false} {
				var src engine.Units = &memUnits{units: units}
				if fromFile {
					s, err := data.Open(dir+"units.csv", data.NewSchema(rs))
					if err != nil {
						t.Fatal(err)
					}
					defer s.Close()
					src = s
				}
				var buf bytes.Buffer
				if _, err := report.Write(context.Background(), &buf, f, report.Options{Explain: !f.Lean}, report.NewMeta(p, nil), p, src); err != nil {
					t.Fatal(err)
				}
				outs = append(outs, buf.String())
			}
		}
		for i := 1; i < len(outs); i++ {
			if outs[i] != outs[0] {
				t.Errorf("%s: run %d differs from run 0:\n%s\n---\n%s", name, i, outs[i], outs[0])
			}
		}
		if name == "json" {
			for _, part := range []string{
				`"populations":[{"id":"cost_rel","relative":"best_ratio","reverse":true,"population":{"best":100,"worst":400,"count":5}}`,
				`"statistics":{"indicators":[{"id":"cost_rel","relative":"best_ratio","reverse":true,"population":{"best":100,"worst":400,"count":5}},{"id":"quality","relative":"efficacy","reverse":false,"population":{"best":1,"worst":0.2,"count":4}}`,
			} {
				if !strings.Contains(outs[0], part) {
					t.Errorf("json lacks %s", part)
				}
			}
		}
		if name == "table" && !strings.Contains(outs[0], "比较总体") {
			t.Errorf("the table's stamp lacks the populations:\n%s", outs[0])
		}
	}
}
