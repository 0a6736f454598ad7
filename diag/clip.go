package diag

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// EchoMax is how many characters of a value a message or an output cell
// echoes. A bad cell may be megabytes long (a stray quote swallows the
// rest of a file); repeating it whole would make every message, report
// cell and JSON error as long.
const EchoMax = 80

// clip returns the first EchoMax characters of s, cut on a character
// boundary, and whether s was longer.
func clip(s string) (string, bool) {
	if len(s) <= EchoMax {
		return s, false
	}
	n, i := 0, 0
	for i < len(s) && n < EchoMax {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return s[:i], i < len(s)
}

// Clip is s as a message or an output cell echoes it: whole when it is at
// most EchoMax characters, else its first EchoMax characters, "…" and its
// full length in bytes. Every place that echoes a value from the data
// goes through Clip or Quote.
func Clip(s string) string { return ClipN(s, len(s)) }

// ClipN is Clip of a value n bytes long that starts with s, for a value
// that is not held whole (s holds at least its first EchoMax characters).
func ClipN(s string, n int) string {
	head, cut := clip(s)
	if !cut && n == len(s) {
		return s
	}
	return fmt.Sprintf("%s… (%d bytes)", head, n)
}

// Head is s whole when it is at most EchoMax characters, else its first
// EchoMax characters and "…", for a message that tells the length itself.
func Head(s string) string {
	head, cut := clip(s)
	if !cut {
		return s
	}
	return head + "…"
}

// Quote is strconv.Quote(s) for a message, clipped as Clip does, the
// length outside the quotes: "abc…" (52428800 bytes).
func Quote(s string) string { return QuoteN(s, len(s)) }

// QuoteN is Quote of a value n bytes long that starts with s (see ClipN).
func QuoteN(s string, n int) string {
	head, cut := clip(s)
	if !cut && n == len(s) {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s (%d bytes)", strconv.Quote(head+"…"), n)
}
