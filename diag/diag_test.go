package diag

import (
	"errors"
	"strings"
	"testing"
)

// TestFuzzSlowLineOf: FuzzLoadRuleset ran 20 inputs a minute on the
// built-in rulesets: LineOf turned the rest of the file into a string for
// every line it passed, so each snippet cost the square of the file's size
// (78 ms to load dept-2013.yaml, 1.8 ms after). Reading a line must not
// copy the file: at most the line itself is allocated.
func TestFuzzSlowLineOf(t *testing.T) {
	src := []byte(strings.Repeat("a line of a long ruleset file\n", 20000))
	allocs := testing.AllocsPerRun(10, func() {
		if got := LineOf(src, 19999); got != "a line of a long ruleset file" {
			t.Fatalf("LineOf = %q", got)
		}
	})
	if allocs > 1 {
		t.Errorf("LineOf allocates %v times per call, want at most 1", allocs)
	}
}

func TestLineOf(t *testing.T) {
	src := []byte("one\r\ntwo\n\nfour\n\xff\n")
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, ""}, {1, "one"}, {2, "two"}, {3, ""}, {4, "four"},
		{5, ""}, // not UTF-8: no snippet rather than garbage
		{6, ""}, {7, ""},
	} {
		if got := LineOf(src, tc.n); got != tc.want {
			t.Errorf("LineOf(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// Long lines are cut to a window around the caret.
func TestErrorSnippetWindow(t *testing.T) {
	line := strings.Repeat("x + ", 100) + "oops" + strings.Repeat(" + y", 100)
	col := 401 // the o of oops
	e := &Error{Pos: Pos{File: "r.yaml", Line: 3, Col: col}, Msg: "bad", Snippet: line}
	parts := strings.Split(e.Error(), "\n")
	if len(parts) != 3 {
		t.Fatalf("error has %d lines: %q", len(parts), e.Error())
	}
	shown, caret := []rune(strings.TrimPrefix(parts[1], " | ")), strings.TrimPrefix(parts[2], " | ")
	// 70 characters before the caret, 120 shown, "…" at both cuts.
	if len(shown) != 122 || shown[0] != '…' || shown[len(shown)-1] != '…' {
		t.Errorf("snippet %q: want 120 characters between two …", string(shown))
	}
	at := strings.Index(caret, "^")
	if at < 0 || string(shown[at:at+4]) != "oops" {
		t.Errorf("caret at %d points at %q, want oops", at, string(shown[at:]))
	}
	short := &Error{Pos: Pos{File: "r.yaml", Line: 1, Col: 3}, Msg: "bad", Snippet: "a +"}
	if got := short.Error(); got != "r.yaml:1:3: bad\n | a +\n | ..^" {
		t.Errorf("short snippet: %q", got)
	}
}

func TestYAML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		err  string // yaml.v3's message
		want string // the diagnostic
	}{
		{"tab", "id: x\ninputs:\n\tspent: 1\n", "yaml: line 3: found character that cannot start any token",
			"r.yaml:3:1: yaml: found character that cannot start any token (YAML indents with spaces, not tabs)\n | \tspent: 1\n | ^"},
		// yaml.v3 names line 1; the { left open is on line 2, column 9.
		{"unclosed brace", "id: x\ninputs: {a: {label: 甲}\nindicators: []\n", "yaml: line 1: did not find expected ',' or '}'",
			"r.yaml:2:9: yaml: did not find expected ',' or '}' (this { is not closed)\n | inputs: {a: {label: 甲}\n | ........^"},
		{"unclosed bracket", "group: [a, \"]\", b\n", "yaml: line 1: did not find expected ',' or ']'",
			"r.yaml:1:8: yaml: did not find expected ',' or ']' (this [ is not closed)\n | group: [a, \"]\", b\n | .......^"},
		{"other", "a: b\n  c: d\n", "yaml: line 2: mapping values are not allowed in this context",
			"r.yaml:2:3: yaml: mapping values are not allowed in this context\n |   c: d\n | ..^"},
		{"no line", "", "yaml: something odd", "r.yaml: yaml: something odd"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := YAML("r.yaml", []byte(tc.src), errors.New(tc.err))
			if got := strings.ReplaceAll(d.Error(), "\t", " "); got != strings.ReplaceAll(tc.want, "\t", " ") {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if d.Code != "yaml_syntax" {
				t.Errorf("code %q", d.Code)
			}
		})
	}
}

// Internal turns a recovered panic into an error, but panics again with a
// runtime error, which is a bug.
func TestInternal(t *testing.T) {
	if e := Internal("r.yaml", "odd state"); e.Error() != "r.yaml: internal error: odd state" || e.Code != "internal" {
		t.Errorf("Internal = %v", e)
	}
	defer func() {
		if _, ok := recover().(interface{ RuntimeError() }); !ok {
			t.Error("a runtime error was not panicked again")
		}
	}()
	var m map[string]int
	func() {
		defer func() { Internal("r.yaml", recover()) }()
		m["x"] = 1 // assignment to a nil map: a runtime error
	}()
}
