package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// TestLint checks every warning of testdata/lint/suspect.yaml: its place,
// its code and its whole message. Each row says why the ruleset earns it.
func TestLint(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/lint/suspect.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		pos  string // line:col in suspect.yaml
		code string
		msg  string
	}{
		// 105 > the highest total, max(100, Σ weights 95).
		{"6:5", "grade_unreachable", "grade 卓越 can never match: it needs a total of at least 105, and no total exceeds 100"},
		// The next 2-decimal total at or above 89.999 is 90.00, which is 优.
		{"8:5", "grade_unreachable", "grade 良 can never match: no total rounded to 2 decimals lies in [89.999, 90)"},
		{"9:5", "grade_gap", "totals below 60 get no grade: the lowest grade 中 starts at 60 (add a grade with min: 0)"},
		{"14:3", "input_unused", "input unused (没人读) is never read by any indicator or check"},
		{"18:35", "check_constant", "check constant_check always passes: 1 < 2 reads no input and is always true"},
		// 20 + 10 + 20 + 10 + 10 + 10 + 5 + 5 + 5 = 95.
		{"20:5", "weight_sum", "indicator weights sum to 95, not 100"},
		// spent ≥ 0, budget ≥ 0 → spent / budget ∈ [0, +∞) ≥ 0 always.
		{"20:63", "target_always_met", `indicator exec: full marks are certain: value spent / budget lies in [0, +∞), which always meets target ">= 0"`},
		// issue ∈ [0, +∞) is never ≤ −1.
		{"21:55", "target_never_met", `indicator never: full marks are impossible: value issue lies in [0, +∞), which never meets target "<= -1"`},
		// Rows match value ≥ 0.5 at best (band 5); rate ∈ [0, 0.5) matches none.
		{"22:5", "band_gap", "indicator shadow: no band matches 0 <= value < 0.5: such units score 0 (add an else row if that is meant)"},
		{"27:17", "band_shadowed", "indicator shadow: band 2 (value >= 0.95) can never match: band 1 (value >= 0.9) comes first and takes every value it would"},
		{"28:17", "band_never", "indicator shadow: band 3 (value < 0) can never match: value rate lies in [0, +∞)"},
		{"29:17", "band_never", "indicator shadow: band 4 (false) can never match: its condition is never true"},
		{"30:39", "band_score_range", "indicator shadow: band 5 scores 1.5 of the weight, outside [0, 1]: points are clamped"},
		{"36:17", "band_shadowed", "indicator always_true: band 2 (value > 2) can never match: band 1 (value >= 0 or value < 0) before it is always true"},
		{"37:9", "else_unreachable", "indicator always_true: else can never match: the bands before it take every value (value rate lies in [0, +∞))"},
		{"38:5", "band_gap", "indicator gap: no band matches 0 <= value < 0.8: such units score 0 (add an else row if that is meant)"},
		{"43:5", "no_input", "indicator constant reads no input: every unit gets the same points"},
		{"43:58", "target_never_met", `indicator constant: full marks are impossible: value 0.5 is always 0.5, which never meets target ">= 1"`},
		{"44:5", "tiers_order", "indicator tiers: tier points should fall from A to C, found A 0.7, B 0.85, C 0.3"},
		{"44:5", "tier_outside_band", "indicator tiers: tier A (达成) scores 0.7 of the weight, outside its band [0.8, 1] of 财预〔2020〕10号"},
		{"44:5", "tier_outside_band", "indicator tiers: tier B (部分达成) scores 0.85 of the weight, outside its band [0.6, 0.8) of 财预〔2020〕10号"},
		// weight 5 + 1 + rate ≥ 6 > 5.
		{"48:35", "score_always_full", "indicator full: full marks are certain: the score formula lies in [6, +∞), never below the weight 5"},
		{"49:47", "deduct_never", "indicator nodeduct: full marks are certain: 0 points × a count that lies in [0, +∞) never deduct anything"},
	}
	got := engine.Lint(rs, &engine.Options{Lang: "en"})
	if len(got) != len(want) {
		var lines []string
		for _, is := range got {
			lines = append(lines, is.String())
		}
		t.Fatalf("got %d issues, want %d:\n%s", len(got), len(want), strings.Join(lines, "\n"))
	}
	for i, w := range want {
		g := got[i]
		pos := fmt.Sprintf("%d:%d", g.Pos.Line, g.Pos.Col)
		if pos != w.pos || g.Code != w.code || g.Msg != w.msg || g.Error || g.Pos.File != "testdata/lint/suspect.yaml" {
			t.Errorf("issue %d:\n got %s %s %s (error %v)\nwant %s %s %s", i, pos, g.Code, g.Msg, g.Error, w.pos, w.code, w.msg)
		}
	}
	if s := got[5].String(); s != "testdata/lint/suspect.yaml:20:5: warning: indicator weights sum to 95, not 100" {
		t.Errorf("String() = %q", s)
	}
}

// TestLintClean holds the built-in rulesets and a purpose-written clean
// ruleset to no issue at all: lint must not cry wolf.
func TestLintClean(t *testing.T) {
	refs := append(rulesets.IDs(), "testdata/lint/clean.yaml", "testdata/conformance/ruleset.yaml")
	for _, ref := range refs {
		t.Run(ref, func(t *testing.T) {
			rs, err := rulesets.Open(ref)
			if err != nil {
				t.Fatal(err)
			}
			issues := engine.Lint(rs, &engine.Options{Lang: "en"})
			if ref == "testdata/conformance/ruleset.yaml" {
				// The conformance suite gives tier B 0.8, the upper end of
				// B's band [0.6, 0.8): the one warning it deserves.
				if len(issues) != 1 || issues[0].Code != "tier_outside_band" {
					t.Errorf("got %v, want one tier_outside_band", issues)
				}
				return
			}
			for _, is := range issues {
				t.Errorf("unexpected: %s", is)
			}
		})
	}
}

// TestLintErrors: what cannot run is an error issue with its position.
func TestLintErrors(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/lint/broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := engine.Lint(rs, &engine.Options{Lang: "en"})
	want := `testdata/lint/broken.yaml:7:43: error: indicator exec value: unknown input "budgte" (did you mean budget?)`
	if len(got) != 1 || got[0].String() != want || got[0].Code != "unknown_input" {
		t.Fatalf("got %v, want %s", got, want)
	}

	// A ruleset that does not load: Open's diagnostics become error issues.
	_, err = rulesets.Load("bad.yaml", []byte("id: x\nindicators:\n  - {id: a, weight: 100, value: 1, targt: \">= 1\"}\n"))
	issues := engine.ErrorIssues(err)
	if len(issues) == 0 {
		t.Fatal("no issues from a load error")
	}
	for _, is := range issues {
		if !is.Error || !strings.HasPrefix(is.String(), "bad.yaml:3:") {
			t.Errorf("issue %s: want an error at bad.yaml:3", is)
		}
	}
}
