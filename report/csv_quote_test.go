package report

import (
	"strings"
	"testing"
)

// csvNeedsQuotesBytes, which loops over short fields and searches long
// ones, answers as csvNeedsQuotes (and so encoding/csv) for fields on
// either side of the 64 bytes where it changes method, with each
// character that needs quotes at the start, the middle and the end.
func TestCSVNeedsQuotesBytesAsString(t *testing.T) {
	var fields []string
	for _, n := range []int{0, 1, 2, 30, 63, 64, 65, 200} {
		base := strings.Repeat("甲", n/3) + strings.Repeat("x", n%3)
		fields = append(fields, base)
		for _, c := range []string{",", `"`, "\n", "\r", " ", "\t", "\u3000", `\.`} {
			fields = append(fields, c+base, base+c, base[:len(base)/2]+c+base[len(base)/2:])
		}
	}
	fields = append(fields, `\.`, `\.x`, "\xff")
	quoted := 0
	for _, f := range fields {
		want := csvNeedsQuotes(f)
		if got := csvNeedsQuotesBytes([]byte(f)); got != want {
			t.Errorf("csvNeedsQuotesBytes(%q) = %v, want %v", f, got, want)
		}
		if want {
			quoted++
		}
	}
	if quoted == 0 || quoted == len(fields) {
		t.Fatalf("%d of %d fields need quotes: the table tests one answer only", quoted, len(fields))
	}
}
