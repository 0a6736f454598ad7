package rulesets_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

// TestBuiltinCases runs every test case of every built-in ruleset, so that
// `go test` and `jixiao test` cannot disagree.
func TestBuiltinCases(t *testing.T) {
	ids := rulesets.IDs()
	if len(ids) < 3 {
		t.Fatalf("built-in rulesets %v, want at least 3", ids)
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			rs, err := rulesets.Options{Lang: "en"}.Open(id)
			if err != nil {
				t.Fatal(err)
			}
			prog, err := engine.Compile(rs, nil)
			if err != nil {
				t.Fatal(err)
			}
			results := tester.Run(prog)
			if len(results) == 0 {
				t.Fatalf("ruleset %s has no test cases", id)
			}
			for _, cr := range results {
				if cr.Err != nil {
					t.Errorf("%s: %v", cr.Case.Name, cr.Err)
					continue
				}
				for _, m := range cr.Failures {
					t.Errorf("%s: %s want %s got %s\n%s", cr.Case.Name, m.Key, m.Want, m.Got, m.Explain)
				}
			}
		})
	}
}

// TestCasesCatchChanges changes a weight, a formula and a target in copies
// of each built-in ruleset and checks that the ruleset's own cases fail:
// the cases pin the arithmetic, not just that it runs.
func TestCasesCatchChanges(t *testing.T) {
	for _, id := range rulesets.IDs() {
		src, err := fs.ReadFile(rulesets.FS, id+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		tests, err := fs.ReadFile(rulesets.FS, id+".test.yaml")
		if err != nil {
			t.Fatal(err)
		}
		defs, err := rulesets.Library()
		if err != nil {
			t.Fatal(err)
		}
		mutations := map[string]func(string) string{
			"weight": func(s string) string { return replaceFirst(s, `weight: (\d+)`, "weight: ${1}1") },
			"formula": func(s string) string {
				if m := replaceFirst(s, `value: ([^\n"]*[/*+-][^\n"]*)`, "value: ($1) * 0.9"); m != s {
					return m
				}
				// Formulas of use: indicators live in the library: override the
				// first ratio with a changed copy.
				for _, d := range defs {
					if strings.Contains(d.Value, "/") {
						if m := replaceFirst(s, `(\n( *)- use: `+d.ID+`\n)`, "${1}${2}  value: ("+d.Value+") * 0.9\n"); m != s {
							return m
						}
					}
				}
				return s
			},
			"target": func(s string) string { return replaceFirst(s, `target: "([<>]?=) ?([0-9.]+)"`, `target: "$1 ${2}7"`) },
		}
		for what, mutate := range mutations {
			t.Run(id+"/"+what, func(t *testing.T) {
				changed := mutate(string(src))
				if changed == string(src) {
					t.Fatalf("the %s mutation found nothing to change in %s", what, id)
				}
				rs, err := rulesets.Options{Lang: "en"}.Load(id+".yaml", []byte(changed))
				if err != nil {
					t.Fatal(err)
				}
				cases, err := rulesets.Options{Lang: "en"}.LoadCases(id+".test.yaml", tests)
				if err != nil {
					t.Fatal(err)
				}
				rs.Tests = cases
				prog, err := engine.Compile(rs, nil)
				if err != nil {
					t.Fatal(err)
				}
				failed := 0
				for _, cr := range tester.Run(prog) {
					if !cr.Pass {
						failed++
					}
				}
				if failed == 0 {
					t.Errorf("changing a %s of %s left every case passing", what, id)
				}
			})
		}
	}
}

// replaceFirst replaces the first match of pattern in s.
func replaceFirst(s, pattern, repl string) string {
	re := regexp.MustCompile(pattern)
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil {
		return s
	}
	var out []byte
	out = re.ExpandString(out, repl, s, loc)
	return s[:loc[0]] + string(out) + s[loc[1]:]
}
