package workbench

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/jixiao/jixiao/internal/cputime"
	"github.com/jixiao/jixiao/synth"
)

// population writes n generated units of the default ruleset as CSV, as
// jixiao gen does.
func population(tb testing.TB, n int) text {
	tb.Helper()
	name, src, err := builtinYAML(defaultRuleset)
	if err != nil {
		tb.Fatal(err)
	}
	rs, err := loadRuleset(name, src)
	if err != nil {
		tb.Fatal(err)
	}
	prog, err := compile(rs, false)
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if err := synth.NewGenerator(rs, prog.NewProbe(), n, 1).WriteCSV(&b, n); err != nil {
		tb.Fatal(err)
	}
	return text{Name: fmt.Sprintf("units-%d.csv", n), Src: b.Bytes()}
}

// BenchmarkRetune10k is the tuning loop over 10,000 units: a weight
// changed (a new ruleset text each time, so nothing is reused but the
// units read and the saved version's result), compiled, evaluated and
// compared with the saved version. The workbench promises 200 ms.
func BenchmarkRetune10k(b *testing.B) {
	s := newTestServer(b, Config{DB: ":memory:"})
	// Hashed once, as a stored dataset comes (its hash is its key).
	data := population(b, 10000).hashed()
	name, src, _ := builtinYAML(defaultRuleset)
	base := text{Name: name, Src: src}
	ctx := context.Background()
	if _, _, err := s.retune(ctx, base, base, data); err != nil { // reads the units once
		b.Fatal(err)
	}
	cpu := cputime.Now()
	for i := 0; b.Loop(); i++ {
		edited, err := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: fmt.Sprintf("%d.%04d", 5+i%10, i%10000)}})
		if err != nil {
			b.Fatal(err)
		}
		res, cmp, err := s.retune(ctx, text{Name: name, Src: edited}, base, data)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.rows) != 10000 || len(cmp.Units) != 10000 {
			b.Fatalf("%d units scored, %d compared", len(res.rows), len(cmp.Units))
		}
	}
	// CPU time of all goroutines (the evaluation runs a worker per core):
	// on a shared machine the wall clock counts the neighbours too.
	cputime.Report(b, cpu)
}

// BenchmarkRetuneParts splits the loop: compile, score 10,000 units,
// compare with the saved version.
func BenchmarkRetuneParts(b *testing.B) {
	s := newTestServer(b, Config{DB: ":memory:"})
	data := population(b, 10000)
	name, src, _ := builtinYAML(defaultRuleset)
	base := text{Name: name, Src: src}
	ctx := context.Background()
	res, _, err := s.retune(ctx, base, text{}, data)
	if err != nil {
		b.Fatal(err)
	}
	c, _ := s.compile(base, false)
	rd, _ := s.units(c, data)
	b.Run("compile", func(b *testing.B) {
		for b.Loop() {
			rs, _ := loadRuleset(name, src)
			if _, err := compile(rs, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("evaluate", func(b *testing.B) {
		cpu := cputime.Now()
		defer cputime.Report(b, cpu)
		for b.Loop() {
			if _, err := evaluate(ctx, c.prog, rd.units, rd.info); err != nil {
				b.Fatal(err)
			}
		}
	})
	// score: what the loop does instead, streamed into compact rows
	// (evaluate is the engine.Result it no longer builds).
	b.Run("score", func(b *testing.B) {
		cpu := cputime.Now()
		defer cputime.Report(b, cpu)
		for b.Loop() {
			if _, err := scoreUnits(ctx, c.prog, rd.units, rd.info); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("diff", func(b *testing.B) {
		cpu := cputime.Now()
		defer cputime.Report(b, cpu)
		for b.Loop() {
			compareScored(res, res)
		}
	})
}
