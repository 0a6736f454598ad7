package indicators

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestTrimSpace holds TrimSpace to strings.TrimSpace on cells made of
// every Unicode space, ASCII, CJK and bytes that are not UTF-8.
func TestTrimSpace(t *testing.T) {
	var spaces []string
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			spaces = append(spaces, string(r))
		}
	}
	pieces := append(spaces, "1", "17.1", "万元", "合成单位", "%", "x", "\x80", "\xe2\x80", "\xc2", "\xff", "\u3001", "\u2010", "\u00a9", "é")
	cases := []string{"", " ", "a", " a ", "万元", "\u3000万元\u3000", "\xe2\x80", "\u00a0x", "x\u0085"}
	r := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for n := r.IntN(5); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
		}
	}
}
