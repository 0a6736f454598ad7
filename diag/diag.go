// Package diag holds positioned diagnostics: every error a user can cause
// names the file, line and column where it is, prints the source line with a
// caret under the spot, and carries a stable code that tests and JSON output
// match on.
package diag

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
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
		line, col := window(e.Snippet, e.Pos.Col)
		b.WriteString("\n | ")
		b.WriteString(strings.ReplaceAll(line, "\t", " "))
		b.WriteString("\n | ")
		b.WriteString(Caret(line, col))
	}
	return b.String()
}

// Snippets longer than snippetMax characters are cut to a window around
// the caret, so that an error in a formula of thousands of characters
// prints a line a terminal can show.
const (
	snippetMax    = 120
	snippetBefore = 70
)

// window returns the part of line shown around character col, and col
// within it; cuts are marked with "…".
func window(line string, col int) (string, int) {
	runes := []rune(line)
	if len(runes) <= snippetMax {
		return line, col
	}
	from := max(0, col-1-snippetBefore)
	to := min(len(runes), from+snippetMax)
	out := string(runes[from:to])
	if from > 0 {
		out = "…" + out
		col = col - from + 1
	}
	if to < len(runes) {
		out += "…"
	}
	return out, col
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
		i := bytes.IndexByte(src, '\n')
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

// Error prints every diagnostic, one after another, at most MaxErrors,
// with its counts in English; Text words them in another language.
func (l List) Error() string {
	return l.Text(func(n int) string { return fmt.Sprintf("%d more errors were truncated", n) },
		func(n int) string { return fmt.Sprintf("%d errors", n) })
}

// Text prints the list as Error does, more(n) the line for the n
// diagnostics past MaxErrors and count(n) the closing count of a list of
// more than one, so that a command words them in its language.
func (l List) Text(more, count func(n int) string) string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxErrors {
			b.WriteString(more(len(l) - MaxErrors))
			b.WriteByte('\n')
			break
		}
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	if len(l) > 1 {
		b.WriteString(count(len(l)))
	}
	return strings.TrimRight(b.String(), "\n")
}

// yamlErrRE splits a yaml.v3 error: "yaml: line 3: message".
var yamlErrRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// YAML turns an error of yaml.v3 (which names a line but no column) into a
// positioned diagnostic: the column is the character the message is about
// where it can be found on the line (a tab, an opening bracket), else the
// first non-blank character, and the line is shown as the snippet.
func YAML(file string, src []byte, err error) *Error {
	msg := err.Error()
	line := 0
	if m := yamlErrRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	d := &Error{Pos: Pos{File: file, Line: line}, Code: "yaml_syntax", Msg: "yaml: " + msg, Err: err}
	if line == 0 {
		return d
	}
	// yaml.v3 names the line where the enclosing block began; an
	// unclosed bracket is looked for from there on.
	for open, closer := range map[byte]byte{'{': '}', '[': ']'} {
		if !strings.Contains(msg, fmt.Sprintf("expected ',' or '%c'", closer)) {
			continue
		}
		for n := line; n < line+100 && n <= strings.Count(string(src), "\n")+1; n++ {
			if col := unclosed(LineOf(src, n), open, closer); col >= 0 {
				text := LineOf(src, n)
				d.Pos = Pos{File: file, Line: n, Col: utf8.RuneCountInString(text[:col]) + 1}
				d.Msg += fmt.Sprintf(" (this %c is not closed)", open)
				d.Snippet = text
				return d
			}
		}
	}
	if strings.Contains(msg, "tab character that violates indentation") {
		// yaml.v3 names the line where the plain scalar before the tab
		// began (a key's value, often the line above): the tab is in the
		// indentation of the first line from there on that has one.
		last := strings.Count(string(src), "\n") + 1
		for n := line; n <= last; n++ {
			if text := LineOf(src, n); leadingTab(text) >= 0 {
				d.Pos = Pos{File: file, Line: n, Col: utf8.RuneCountInString(text[:leadingTab(text)]) + 1}
				d.Msg += tabHint
				d.Snippet = text
				return d
			}
		}
	}
	text := LineOf(src, line)
	if strings.TrimSpace(text) == "" {
		return d
	}
	col := len(text) - len(strings.TrimLeft(text, " \t"))
	switch {
	case strings.Contains(msg, "cannot start any token") && leadingTab(text) >= 0:
		col = leadingTab(text)
		d.Msg += tabHint
	case strings.Contains(msg, "cannot start any token") && strings.ContainsRune(text, '\t'):
		col = strings.IndexRune(text, '\t')
		d.Msg += tabHint
	case strings.Contains(msg, "end of stream") && strings.Count(text, `"`)%2 == 1:
		col = strings.LastIndexByte(text, '"')
		d.Msg += ` (this " is not closed)`
	}
	d.Pos.Col = utf8.RuneCountInString(text[:col]) + 1
	d.Snippet = text
	return d
}

// tabHint follows yaml.v3's message about a tab.
const tabHint = " (YAML indents with spaces, not tabs)"

// leadingTab returns the byte offset of the first tab in the indentation
// of line (a line of blanks is all indentation), or -1.
func leadingTab(line string) int {
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	return strings.IndexByte(indent, '\t')
}

// unclosed returns the byte offset of the last bracket open on line that
// is not closed on it, or -1. Brackets inside quotes are not counted.
func unclosed(line string, open, closer byte) int {
	var stack []int
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' '):
			i = len(line)
		case c == open:
			stack = append(stack, i)
		case c == closer && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return -1
	}
	return stack[len(stack)-1]
}

// Internal returns the error that a stage reports for a panic it recovered
// (the value e) while reading file, so that no panic crosses a package
// boundary on bad input. A runtime error (nil dereference, index out of
// range) is a bug, not bad input: Internal panics with it again so it is
// not hidden (text/template's errRecover).
func Internal(file string, e any) *Error {
	if re, ok := e.(runtime.Error); ok {
		panic(re)
	}
	return &Error{Pos: Pos{File: file}, Code: "internal", Msg: fmt.Sprintf("internal error: %v", e)}
}

// DuplicateUnit is the error of a unit whose id appeared first at line
// first: the data readers and engine.Stream give it alike.
func DuplicateUnit(pos Pos, id string, first int) *Error {
	return &Error{Pos: pos, Code: "duplicate_unit", Field: "unit", Value: Clip(id),
		Msg: fmt.Sprintf("unit %s appears again: it was first at line %d, which is scored; unit ids must be unique", Clip(id), first)}
}
