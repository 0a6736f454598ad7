package indicators

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestRound2(t *testing.T) {
	tests := []struct {
		in, want float64
	}{
		{0.145, 0.15}, // nearest double 0.14499999999999999; Excel gives 0.15
		{2.675, 2.68}, // nearest double 2.67499999999999982; math.Round gives 2.67
		{3.175, 3.18}, // conformance C20: 0.725 × 4 × 0.75 + 1
		{1.005, 1.01}, // another classic binary trap
		{5.993, 5.99}, // 预算执行率 153.51 / 256.14 × 10
		{6.875, 6.88}, // exact half in binary
		{8.055555, 8.06},
		{0.004, 0},
		{0.005, 0.01},
		{-2.675, -2.68}, // half away from zero, as Excel
		{98.375, 98.38}, // N/A rescale in conformance C21
		{100, 100},
		{0, 0},
		{1234567.125, 1234567.13},
	}
	for _, tc := range tests {
		if got := Round2(tc.in); got != tc.want {
			t.Errorf("Round2(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if got := Round2(0.725*4*0.75 + 1); got != 3.18 {
		t.Errorf("Round2(0.725*4*0.75+1) = %v, want 3.18", got)
	}
	if !math.IsNaN(Round2(math.NaN())) {
		t.Error("Round2(NaN) is not NaN")
	}
}

// TestRound2MatchesDecimal checks the fast path against the exact decimal
// path on a grid of values around every half-cent.
func TestRound2MatchesDecimal(t *testing.T) {
	for i := 0; i < 200000; i++ {
		x := float64(i)/1000 + 0.005
		if a, b := Round2(x), roundDecimal(x); a != b {
			t.Fatalf("Round2(%v) = %v, decimal path %v", x, a, b)
		}
		x = float64(i) / 997
		if a, b := Round2(x), roundDecimal(x); a != b {
			t.Fatalf("Round2(%v) = %v, decimal path %v", x, a, b)
		}
	}
}

// round2Plain is Round2 as first written, with math.Trunc and math.Round:
// the fast form must give the same bits.
func round2Plain(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	y := x * 100
	if f := math.Abs(y - math.Trunc(y)); math.Abs(f-0.5) > 1e-6 && math.Abs(y) < 1e12 {
		return math.Round(y) / 100
	}
	return roundDecimal(x)
}

func TestRound2SameAsPlain(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 0.005, -0.005, 0.0049999, 1e10, 1e12, -1e12, 9999999999.995, 1e-320,
		math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 0.3, -0.3, -0.003, 0.994999999}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 200000; i++ {
		switch i % 4 {
		case 0:
			xs = append(xs, (r.Float64()-0.5)*200)
		case 1:
			xs = append(xs, float64(r.IntN(200001)-100000)/1000) // halves at the third decimal
		case 2:
			xs = append(xs, (r.Float64()-0.5)*math.Pow(10, float64(r.IntN(30)-10)))
		default:
			xs = append(xs, math.Float64frombits(r.Uint64()))
		}
	}
	for _, x := range xs {
		got, want := Round2(x), round2Plain(x)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("Round2(%v) = %v, the plain form gives %v", x, got, want)
		}
	}
}

// TestFromCents checks the table against the division it stands for, on
// every entry and on both sides of the table (where it divides).
func TestFromCents(t *testing.T) {
	for _, k := range []int64{-1, -250, 10001, 123456, 1 << 40} {
		if got, want := FromCents(k), float64(k)/100; got != want {
			t.Errorf("FromCents(%d) = %v, want %v", k, got, want)
		}
	}
	for k := int64(0); k <= 10000; k++ {
		if got, want := FromCents(k), float64(k)/100; got != want {
			t.Fatalf("FromCents(%d) = %v, want %v", k, got, want)
		}
	}
}
