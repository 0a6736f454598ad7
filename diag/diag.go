// Package diag holds positioned diagnostics: every error a user can cause
// names the file, line and column where it is, prints the source line with a
// caret under the spot, and carries a stable code that tests and JSON output
// match on.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Pos is a place in a source file. Line and Col count from 1; Col counts
// characters, not bytes. A zero Line means the position is the whole file.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats the position as FILE:LINE:COL, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one diagnostic. Code is a stable snake_case category such as
// yaml_syntax, unknown_input or bad_cell. Snippet is the source line the
// error points into; when set, Error prints it with a caret under Col.
type Error struct {
	Pos  Pos    `json:"pos"`
	Code string `json:"code"`
	// Field and Value name the input (column, key) and the raw text of a
	// bad data cell; they are empty for errors in rulesets.
	Field   string `json:"field,omitempty"`
	Value   string `json:"value,omitempty"`
	Msg     string `json:"message"`
	Snippet string `json:"-"`
	Err     error  `json:"-"`
}

// Errorf returns an Error at pos with the given code and message.
func Errorf(pos Pos, code, format string, args ...any) *Error {
	return &Error{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Error prints FILE:LINE:COL: message, then the source line and a caret.
func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Snippet != "" && e.Pos.Col > 0 {
		b.WriteString("\n | ")
		b.WriteString(strings.ReplaceAll(e.Snippet, "\t", " "))
		b.WriteString("\n | ")
		b.WriteString(Caret(e.Snippet, e.Pos.Col))
	}
	return b.String()
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Caret returns the filler and caret that point at character col (from 1) of
// line. Wide characters (CJK) before the caret get a full-width filler so the
// caret lines up under them in a terminal.
func Caret(line string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range line {
		if i >= col {
			break
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			b.WriteRune('\u3000')
		default:
			if r == '\t' {
				b.WriteByte(' ')
			} else {
				b.WriteByte('.')
			}
		}
		i++
	}
	for ; i < col; i++ {
		b.WriteByte('.')
	}
	b.WriteByte('^')
	return b.String()
}

// LineOf returns line n (from 1) of src without its line break, or "".
func LineOf(src []byte, n int) string {
	if n < 1 {
		return ""
	}
	for line := 1; len(src) > 0; line++ {
		i := strings.IndexByte(string(src), '\n')
		var l []byte
		if i < 0 {
			l, src = src, nil
		} else {
			l, src = src[:i], src[i+1:]
		}
		if line == n {
			s := strings.TrimRight(string(l), "\r")
			if !utf8.ValidString(s) {
				return ""
			}
			return s
		}
	}
	return ""
}

// MaxErrors caps how many diagnostics a List prints; the rest are counted.
const MaxErrors = 50

// List is a set of diagnostics, printed sorted by position.
type List []*Error

// Add appends e to the list.
func (l *List) Add(e *Error) { *l = append(*l, e) }

// Sort orders the list by file, line and column, keeping insertion order
// between equal positions.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error prints every diagnostic, one after another, at most MaxErrors.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxErrors {
			fmt.Fprintf(&b, "%d more errors were truncated\n", len(l)-MaxErrors)
			break
		}
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	if len(l) > 1 {
		fmt.Fprintf(&b, "%d errors", len(l))
	}
	return strings.TrimRight(b.String(), "\n")
}
