package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/jixiao/jixiao/engine"
)

// population repeats the demonstration units of grid-center (21
// indicators) until there are n, each with its own id.
func population(b *testing.B, n int) (Meta, *engine.Result) {
	m, demo := builtin(b, "grid-center")
	res := &engine.Result{Ruleset: demo.Ruleset, Data: demo.Data, Summary: demo.Summary}
	for i := 0; i < n; i++ {
		u := demo.Units[i%len(demo.Units)]
		u.Unit = fmt.Sprintf("U%06d", i)
		res.Units = append(res.Units, u)
	}
	return m, res
}

// BenchmarkWrite writes every format of a population of grid-center units
// (the 自评表 for fewer: it is a sheet per unit).
func BenchmarkWrite(b *testing.B) {
	for _, f := range Formats() {
		n := 10000
		if f.Name == "selfeval" {
			n = 500
		}
		b.Run(fmt.Sprintf("%s/units=%d", f.Name, n), func(b *testing.B) {
			m, res := population(b, n)
			o := Options{Explain: true}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := Write(io.Discard, f, o, m, res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStats accumulates the per-indicator statistics of 100k units.
func BenchmarkStats(b *testing.B) {
	m, res := population(b, 100000)
	l := NewLayout(m, Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ComputeStats(l, res.Units)
	}
}
