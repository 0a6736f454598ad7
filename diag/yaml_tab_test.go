package diag

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// A tab in YAML's indentation is reported on its own line and column,
// with the advice to indent with spaces, wherever it stands: yaml.v3
// itself names, for a tab after a plain value, the line where that value
// began.
func TestYAMLTabs(t *testing.T) {
	var long strings.Builder
	long.WriteString("id: long\ninputs:\n")
	for i := 0; i < 20; i++ { // lines 3 to 22
		long.WriteString("  in" + string(rune('a'+i)) + ": {label: 输入}\n")
	}
	long.WriteString("indicators:\n  - id: x\n\t  weight: 5\n    value: ina\n") // the tab on line 25
	tests := []struct {
		name string
		src  string
		want string // position and snippet of the diagnostic
	}{
		{"in the middle of a file", long.String(), "r.yaml:25:1: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)\n | \t  weight: 5\n | ^"},
		{"after a blank line", "id: r\ninputs:\n  a: {label: x}\n\n\tb: {label: y}\n", "r.yaml:5:1: "},
		{"after blank lines and a value", "a:\n  b: x\n  \n\n\tc: 2\n", "r.yaml:5:1: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)"},
		{"after spaces", "a:\n  b: 1\n  \tc: 2\n", "r.yaml:3:3: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)\n |   \tc: 2\n | ..^"},
		{"a line of a tab", "a:\n  b: 1\n\t\n  c: 2\n", "r.yaml:3:1: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)"},
		{"after a flow mapping", "indicators:\n  - {id: a, weight: 5}\n\t- {id: b, weight: 5}\n", "r.yaml:3:1: yaml: found character that cannot start any token (YAML indents with spaces, not tabs)"},
		{"before a flow mapping", "id: r\ninputs:\n  a: {label: x}\n\t{b: 1}\n", "r.yaml:4:1: "},
		{"list of units", "- unit: S01\n  n: 1\n- unit: S02\n\tn: 2\n", "r.yaml:4:1: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)\n | \tn: 2\n | ^"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var doc yaml.Node
			err := yaml.Unmarshal([]byte(tc.src), &doc)
			if err == nil {
				t.Fatal("yaml.v3 took the tab")
			}
			d := YAML("r.yaml", []byte(tc.src), err)
			// The snippet shows a tab as a space, so that the caret lines up.
			want := strings.ReplaceAll(tc.want, "\t", " ")
			if got := d.Error(); !strings.HasPrefix(got, want) || !strings.Contains(got, "not tabs)") {
				t.Errorf("yaml.v3: %v\ngot\n%s\nwant\n%s", err, got, want)
			}
		})
	}
}

// Inside a flow mapping a tab is a space like any other: YAML allows it,
// and the file reads as written.
func TestYAMLTabInFlowMapping(t *testing.T) {
	var v map[string]map[string]int
	if err := yaml.Unmarshal([]byte("a: {b: 1,\n\tc: 2}\n"), &v); err != nil || v["a"]["c"] != 2 {
		t.Errorf("got %v, %v", v, err)
	}
}
