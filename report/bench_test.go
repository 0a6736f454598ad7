package report

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// population repeats the demonstration units of grid-center (21
// indicators) until there are n, each with its own id.
func population(b *testing.B, n int) (Meta, *evaluated) {
	m, demo := builtin(b, "grid-center")
	e := &evaluated{prog: demo.prog}
	for i := 0; i < n; i++ {
		u := demo.units[i%len(demo.units)]
		u.ID = fmt.Sprintf("U%06d", i)
		e.units = append(e.units, u)
	}
	res, err := e.prog.Eval(context.Background(), e.units)
	if err != nil {
		b.Fatal(err)
	}
	e.Result = res
	return m, e
}

// BenchmarkWrite evaluates a population of grid-center units and writes
// it in every format (the 自评表 for fewer: it is a sheet per unit).
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
				if err := res.write(io.Discard, f, o, m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
