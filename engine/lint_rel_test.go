package engine_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// TestLintRelative: best_ratio over values that can be negative, reverse
// best_ratio over values that can be 0, and a panel spread of 0 or 1 are
// warned about at the value or the indicator; a value kept above 0, an
// efficacy indicator over any values and a plain best_ratio are not.
func TestLintRelative(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/lint/relative.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range engine.Lint(rs, &engine.Options{Lang: "en"}) {
		got = append(got, is.Code+" "+is.String())
	}
	want := []string{
		"relative_zero testdata/lint/relative.yaml:9:35: warning: indicator cost: reverse best_ratio scores weight × best ÷ value, and value cost / people lies in [0, +∞): a unit at 0 would be the best and every other unit would score 0 (leave a figure not reported blank, so that it stays out of the population)",
		"relative_negative testdata/lint/relative.yaml:11:37: warning: indicator growth: best_ratio needs values of at least 0, and value growth - 1 lies in [-1, +∞): units with a negative value fail (efficacy takes any values)",
		"panel_spread testdata/lint/relative.yaml:13:5: warning: indicator plan: spread 0 flags panel_spread on every unit whose raters differ at all (spread is the share of the weight raters may differ by, 0.2 by default)",
		"panel_spread testdata/lint/relative.yaml:14:5: warning: indicator effect: spread 1 never flags panel_spread: points lie within 0..10, so raters never differ by more than the weight",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lint:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
