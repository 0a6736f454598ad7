package report

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/cputime"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

// monitorPopulation scores n generated grid-center units (synth's, with
// their ratios, tiers and unreadable cells, as `jixiao gen` writes them).
func monitorPopulation(tb testing.TB, n int) (*engine.Program, []engine.UnitResult) {
	tb.Helper()
	rs, err := rulesets.Open("grid-center")
	if err != nil {
		tb.Fatal(err)
	}
	return monitorPopulationOf(tb, rs, n)
}

// monitorPopulationOf is monitorPopulation for ruleset rs.
func monitorPopulationOf(tb testing.TB, rs *indicators.Ruleset, n int) (*engine.Program, []engine.UnitResult) {
	tb.Helper()
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := synth.NewGenerator(rs, prog.NewProbe(), n, 1).WriteCSV(&buf, n); err != nil {
		tb.Fatal(err)
	}
	src, err := data.OpenReader("gen.csv", &buf, data.NewSchema(rs))
	if err != nil {
		tb.Fatal(err)
	}
	units, _, _, err := data.Collect(src)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		tb.Fatal(err)
	}
	return prog, res.Units
}

// BenchmarkMonitorRows is monitor's own per-unit work over scored units:
// the record a worker makes (lights, explanations, the row's bytes) and
// its writing in order with the rank; eval-csv is eval's csv rows of the
// same units (its record, then its row written with the rank and the
// failed checks), the rendering monitor's csv takes the place of. The
// bytes a unit are reported beside the time.
func BenchmarkMonitorRows(b *testing.B) {
	prog, units := monitorPopulation(b, 2000)
	mon := monitor.New(prog.Ruleset(), time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC))
	for _, f := range []string{"csv", "json", "table", "eval-csv"} {
		b.Run(fmt.Sprintf("%s/units=%d", f, len(units)), func(b *testing.B) {
			var rows Rows
			if f == "eval-csv" {
				rows = newCSVRows(Options{}, NewMeta(prog, nil))
			} else {
				rows = newMonitorRows(f, NewMeta(prog, nil), mon, false)
			}
			var out countWriter
			if err := rows.Begin(&out, NewMeta(prog, nil)); err != nil {
				b.Fatal(err)
			}
			var rec []byte
			b.ReportAllocs()
			b.ResetTimer()
			start := cputime.Now()
			for i := 0; i < b.N; i++ {
				for k := range units {
					rec = rows.AppendUnit(rec[:0], &units[k])
					if err := rows.WriteUnit(&out, rec, k+1); err != nil {
						b.Fatal(err)
					}
				}
			}
			// CPU time, not the wall clock: the machine is shared.
			b.ReportMetric(float64(cputime.Now()-start)/float64(b.N*len(units)), "cpu-ns/unit")
			if err := rows.End(&out, engine.Summary{}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(out.n)/float64(b.N*len(units)), "bytes/unit")
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }
