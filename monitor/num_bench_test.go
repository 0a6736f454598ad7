package monitor

import "testing"

// BenchmarkAppendNum writes the numbers of a monitor csv row: values and
// expected values (4 decimals) and shares (percentages).
func BenchmarkAppendNum(b *testing.B) {
	xs := []float64{0.9917, 0.7479452054794521, 10439, 7479.45205479452, 2224, 1869.86301369863, 2, 1.4958904109589042, 0.15227431770468860, 2.176}
	var buf []byte
	for i := 0; i < b.N; i++ {
		buf = buf[:0]
		for _, x := range xs {
			buf = appendNum(buf, x)
			buf = appendPct(buf, x/0.7479452054794521)
		}
	}
}
