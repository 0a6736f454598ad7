package rulesets_test

import (
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
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
			rs, err := engine.Open(id)
			if err != nil {
				t.Fatal(err)
			}
			prog, err := engine.Compile(rs)
			if err != nil {
				t.Fatal(err)
			}
			results := prog.RunCases()
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
