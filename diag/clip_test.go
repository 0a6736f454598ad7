package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	long := strings.Repeat("甲", 100)
	for _, tc := range []struct{ in, clip, quote string }{
		{"", "", `""`},
		{"abc", "abc", `"abc"`},
		{strings.Repeat("x", 80), strings.Repeat("x", 80), `"` + strings.Repeat("x", 80) + `"`},
		{strings.Repeat("x", 81), strings.Repeat("x", 80) + "… (81 bytes)", `"` + strings.Repeat("x", 80) + `…" (81 bytes)`},
		{long, strings.Repeat("甲", 80) + "… (300 bytes)", `"` + strings.Repeat("甲", 80) + `…" (300 bytes)`},
		// 40 characters of three bytes fit in EchoMax bytes: not cut.
		{strings.Repeat("甲", 40), strings.Repeat("甲", 40), `"` + strings.Repeat("甲", 40) + `"`},
		{"a\nb", "a\nb", `"a\nb"`},
	} {
		if got := Clip(tc.in); got != tc.clip {
			t.Errorf("Clip(%.20q…) = %q, want %q", tc.in, got, tc.clip)
		}
		if got := Quote(tc.in); got != tc.quote {
			t.Errorf("Quote(%.20q…) = %q, want %q", tc.in, got, tc.quote)
		}
	}
	if got, want := ClipN("abc", 5000), "abc… (5000 bytes)"; got != want {
		t.Errorf("ClipN = %q, want %q", got, want)
	}
	if got, want := QuoteN(strings.Repeat("y", 100), 5000), `"`+strings.Repeat("y", 80)+`…" (5000 bytes)`; got != want {
		t.Errorf("QuoteN = %q, want %q", got, want)
	}
	if got, want := Head(strings.Repeat("z", 100)), strings.Repeat("z", 80)+"…"; got != want {
		t.Errorf("Head = %q, want %q", got, want)
	}
	if got := Head("abc"); got != "abc" {
		t.Errorf("Head(abc) = %q", got)
	}
	// A cut never splits a character, even in text that is not UTF-8.
	for _, s := range []string{strings.Repeat("a", 79) + "甲乙" + strings.Repeat("b", 50), strings.Repeat("\xff", 200)} {
		head, _ := strings.CutSuffix(Clip(s), "… (129 bytes)")
		if !utf8.ValidString(head) && utf8.ValidString(s) {
			t.Errorf("Clip(%q) cut a character: %q", s, head)
		}
		if n := utf8.RuneCountInString(strings.SplitN(Clip(s), "…", 2)[0]); n != EchoMax {
			t.Errorf("Clip(%q) kept %d characters, want %d", s, n, EchoMax)
		}
	}
}
