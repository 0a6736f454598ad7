package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/cputime"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

// genUnits returns n synthetic units of a built-in ruleset, read back
// through the CSV reader as jixiao eval would read them.
func genUnits(tb testing.TB, id string, n int, o *engine.Options) (*engine.Program, []indicators.Unit) {
	tb.Helper()
	rs, err := rulesets.Open(id)
	if err != nil {
		tb.Fatal(err)
	}
	prog, err := engine.Compile(rs, o)
	if err != nil {
		tb.Fatal(err)
	}
	return prog, genData(tb, prog, n, 1)
}

var genCache sync.Map

func genData(tb testing.TB, prog *engine.Program, n int, seed int64) []indicators.Unit {
	key := fmt.Sprintf("%s/%d/%d", prog.Ruleset().ID, n, seed)
	if u, ok := genCache.Load(key); ok {
		return u.([]indicators.Unit)
	}
	var buf bytes.Buffer
	if err := synth.NewGenerator(prog.Ruleset(), prog.NewProbe(), n, seed).WriteCSV(&buf, n); err != nil {
		tb.Fatal(err)
	}
	src, err := data.OpenReader("gen.csv", &buf, data.NewSchema(prog.Ruleset()))
	if err != nil {
		tb.Fatal(err)
	}
	units, _, _, err := data.Collect(src)
	if err != nil {
		tb.Fatal(err)
	}
	genCache.Store(key, units)
	return units
}

func BenchmarkEval(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			prog, units := genUnits(b, "grid-center", n, nil)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := prog.Eval(context.Background(), units); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/unit")
		})
	}
}

// BenchmarkEvalParallel is BenchmarkEval's RunParallel variant: every
// goroutine evaluates its own run over 1000 units in memory.
func BenchmarkEvalParallel(b *testing.B) {
	prog, units := genUnits(b, "grid-center", 1000, &engine.Options{Workers: 1})
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := prog.Eval(context.Background(), units); err != nil {
				b.Error(err)
			}
		}
	})
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(units)), "ns/unit")
}

// BenchmarkStream runs the whole streaming path in the process: CSV bytes
// of generated units read, scored by a worker per core, written as CSV to
// io.Discard. ns/op is per unit.
func BenchmarkStream(b *testing.B) {
	for _, explain := range []bool{false, true} {
		name := "grid-center/csv"
		if explain {
			name += "-explain"
		}
		b.Run(name, func(b *testing.B) {
			prog := compile(b, "grid-center", &engine.Options{Explain: explain})
			text := streamData(b, prog, 100000)
			f, _ := report.Lookup("csv")
			b.ReportAllocs()
			b.ResetTimer()
			start := cputime.Now()
			for i := 0; i < b.N; i += 100000 {
				src, err := data.OpenStreamReader("b.csv", bytes.NewReader(text), data.NewSchema(prog.Ruleset()), false)
				if err != nil {
					b.Fatal(err)
				}
				sink, err := report.NewSink(io.Discard, f, report.Options{Explain: explain}, report.NewMeta(prog, nil))
				if err != nil {
					b.Fatal(err)
				}
				sum, err := prog.Stream(context.Background(), src, sink)
				if err != nil {
					b.Fatal(err)
				}
				sink.End(sum)
			}
			cputime.Report(b, start)
		})
	}
}

// BenchmarkEvalUnit scores one unit at a time the way Stream's workers
// do (an Evaluator: own scratch, reused result): ns/op is ns per unit,
// allocs/op allocations per unit.
func BenchmarkEvalUnit(b *testing.B) {
	for _, id := range []string{"grid-center", "dept-2013"} {
		for _, explain := range []bool{false, true} {
			name := id + "/plain"
			if explain {
				name = id + "/explain"
			}
			b.Run(name, func(b *testing.B) {
				prog, units := genUnits(b, id, 10000, &engine.Options{Explain: explain})
				ev := prog.NewEvaluator()
				b.ReportAllocs()
				b.ResetTimer()
				start := cputime.Now()
				for i := 0; i < b.N; i++ {
					ev.Eval(&units[i%len(units)])
				}
				cputime.Report(b, start)
			})
			b.Run(name+"/parallel", func(b *testing.B) {
				prog, units := genUnits(b, id, 10000, &engine.Options{Explain: explain})
				b.ReportAllocs()
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					ev := prog.NewEvaluator()
					for i := 0; pb.Next(); i++ {
						ev.Eval(&units[i%len(units)])
					}
				})
			})
		}
	}
}

// BenchmarkScore compares the engine with grid-center written by hand
// (handwritten_test.go) on the same units in memory: the scoring target
// is engine ≤ 2 × handwritten.
func BenchmarkScore(b *testing.B) {
	prog, units := genUnits(b, "grid-center", 10000, nil)
	b.Run("grid-center/engine", func(b *testing.B) {
		ev := prog.NewEvaluator()
		b.ReportAllocs()
		b.ResetTimer()
		start := cputime.Now()
		for i := 0; i < b.N; i++ {
			ev.Eval(&units[i%len(units)])
		}
		cputime.Report(b, start)
	})
	b.Run("grid-center/handwritten", func(b *testing.B) {
		x := newGridIdx(prog.Ruleset())
		var r hwResult
		b.ReportAllocs()
		b.ResetTimer()
		start := cputime.Now()
		for i := 0; i < b.N; i++ {
			scoreGrid(x, &units[i%len(units)], &r)
		}
		cputime.Report(b, start)
	})
}
