package indicators

import (
	"math"
	"strconv"
)

// Round2 rounds x half away from zero to 2 decimals the way Excel's
// ROUND(x, 2) does: x is first taken to 15 significant digits, so that
// 0.145 → 0.15 and 2.675 → 2.68 although their nearest doubles lie just below
// the half (math.Round(x*100)/100 gives 2.67).
func Round2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	y := x * 100
	if y < 1e12 && y > -1e12 && x != 0 {
		// math.Round(y) / 100 without math.Trunc and math.Round, which
		// are slow on plain amd64, and without a branch on the digits:
		// the integer conversion truncates |y|, and |y| + 0.5 is exact
		// here, so truncating it rounds half up.
		a := math.Abs(y)
		if f := a - float64(int64(a)); math.Abs(f-0.5) > 1e-6 {
			// Far from a half: the 15-digit step cannot change the
			// outcome.
			k := int64(a + 0.5)
			if k < int64(len(hundredths)) && y > 0 {
				return hundredths[k] // k / 100, without dividing
			}
			return math.Copysign(float64(k), y) / 100
		}
	}
	if f := math.Abs(y - math.Trunc(y)); math.Abs(f-0.5) > 1e-6 && math.Abs(y) < 1e12 {
		return math.Round(y) / 100 // ±0
	}
	return roundDecimal(x)
}

// hundredths[k] is k / 100 for points and totals up to 100: the division
// is the slowest step of Round2, and it is the same every time.
var hundredths = func() (t [10001]float64) {
	for k := range t {
		t[k] = float64(k) / 100
	}
	return t
}()

// FromCents returns float64(k) / 100, from a table for 0 ≤ k ≤ 10000 (a
// points value or a total): writers that turn a Round2 result back into
// its two decimals check it against this without dividing.
func FromCents(k int64) float64 {
	if uint64(k) < uint64(len(hundredths)) {
		return hundredths[k]
	}
	return float64(k) / 100
}

// roundDecimal is Round2's exact path: it rounds the 15-significant-digit
// decimal form of x half-up at the second decimal, on the digits themselves.
func roundDecimal(x float64) float64 {
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], math.Abs(x), 'e', 14, 64) // d.dddddddddddddde±XX
	digits := make([]byte, 0, 15)
	digits = append(digits, s[0])
	digits = append(digits, s[2:16]...)
	exp, _ := strconv.Atoi(string(s[17:]))
	keep := exp + 1 + 2 // digits left of the cut at 0.01
	if keep >= len(digits) {
		return x
	}
	var n int64
	if keep > 0 {
		n, _ = strconv.ParseInt(string(digits[:keep]), 10, 64)
	}
	if keep >= 0 && digits[keep] >= '5' {
		n++
	}
	r := float64(n) / 100
	if x < 0 {
		r = -r
	}
	return r
}

// Clamp limits points to [0, weight].
func Clamp(points, weight float64) float64 {
	if points < 0 {
		return 0
	}
	if points > weight {
		return weight
	}
	return points
}
