package monitor

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// numCases are values at the edges of appendNum's and appendPct's own
// digits: ties at the last decimal and the doubles beside them, zeros of
// both signs, the bounds of the fast paths, and what strconv alone writes.
func numCases() []float64 {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-4, -1e-4, 4e-5, 5e-5, 6e-5, -5e-5,
		0.00005, 0.00015, 0.12345, 0.99995, 99.995, 0.005, 0.015, 0.125, 0.135, 1.005, -1.005,
		0.7479452054794521, 7479.45205479452, 1e11, -1e11, math.Nextafter(1e11, 0), 1e10 / 3,
		1e12, 1e15, 1e21, 1e-7, 123456789.12345, math.NaN(), math.Inf(1), math.Inf(-1),
		math.MaxFloat64, math.SmallestNonzeroFloat64, 1e-300}
	for k := int64(-2000); k <= 2000; k++ {
		// ties of 4 decimals (appendNum) and of percent's 2 (appendPct),
		// with the doubles on either side.
		for _, x := range []float64{(float64(k) + 0.5) / 1e4, (float64(k) + 0.5) / 1e4 / 100 * 100, float64(k) / 1e4, float64(k) / 1e6, (float64(k) + 0.5) / 1e6} {
			xs = append(xs, x, math.Nextafter(x, math.Inf(1)), math.Nextafter(x, math.Inf(-1)))
		}
	}
	for m := -300; m <= 300; m++ {
		// percentages that are exact ties at 2 decimals (x.xx5 in binary:
		// eighths), which strconv rounds to even.
		for _, f := range []float64{0.125, 0.375, 0.625, 0.875, 0.005, 0.015} {
			p := float64(m) + f
			xs = append(xs, p/100, math.Nextafter(p/100, 0), math.Nextafter(p/100, 1))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		// uniform in the exponent, from 10⁻⁸ to 10¹³, either sign, and
		// ratios of small counts as the rates of a ruleset are.
		x := math.Pow(10, -8+21*r.Float64())
		if r.IntN(2) == 0 {
			x = -x
		}
		xs = append(xs, x, float64(r.IntN(1000))/float64(1+r.IntN(1000)))
	}
	return xs
}

// appendNum and appendPct write what strconv writes (as monitor did
// before its own digits, issue 17), for every value: the explanations'
// bytes do not change.
func TestNumbersAsStrconv(t *testing.T) {
	bad := 0
	for _, x := range numCases() {
		y := x
		if math.Abs(y) < 1e11 {
			y = math.Round(y*1e4) / 1e4
		}
		if got, want := string(appendNum(nil, x)), strconv.FormatFloat(y, 'f', -1, 64); got != want {
			t.Errorf("appendNum(%v) = %q, want %q", x, got, want)
			bad++
		}
		if got, want := string(appendPct(nil, x)), strconv.FormatFloat(x*100, 'f', 2, 64)+"%"; got != want {
			t.Errorf("appendPct(%v) = %q, want %q", x, got, want)
			bad++
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
}
