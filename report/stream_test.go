package report

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendNum holds the fast number formatting to Num.
func TestAppendNum(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 0.01, 0.1, 0.5, 1, 2.5, 9.99, 10, 99.99, 100, 1234.56, -1.5, 5.993,
		0.125, 1e15, 1e20, math.MaxFloat64, math.Inf(1), math.NaN(), 0.004, 0.005, 123456789.12}
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 200000; i++ {
		xs = append(xs, float64(r.IntN(1000000))/100, r.Float64()*100, float64(r.IntN(2000)-1000)/100)
	}
	for _, x := range xs {
		if got, want := string(appendNum(nil, x)), Num(x); got != want {
			t.Fatalf("appendNum(%v) = %q, Num gives %q", x, got, want)
		}
	}
}
