package indicators

import (
	"math"
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
