package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

const stepsRuleset = `
id: steps
inputs:
  done: {label: 完成数}
  plan: {label: 计划数}
  cap: {label: 上限}
  cost: {label: 成本}
  issues: {label: 问题数}
  q: {label: 质量, type: tier}
checks:
  - {id: within, assert: "done <= plan", message: 完成数不应超过计划数}
indicators:
  - {id: ratio, weight: 20, value: done / plan, target: ">= 1"}
  - {id: reverse, weight: 20, value: cost, target: "<= cap"}
  - {id: cond, weight: 20, value: done / plan, score: "value >= 1 ? weight : weight * value * 0.9"}
  - id: banded
    weight: 10
    value: done / plan
    bands:
      - {when: "value >= 1.5", score: 1}
      - {when: "value >= 1 and q == 'A'", score: "0.5 + (value - 1) * 0.5"}
      - {else: 0}
  - {id: deduct, weight: 10, deduct: {count: issues * 2, points: 1.5}}
  - {id: tier, weight: 20, value: q}
`

// TestSteps holds the recorded derivation of each scoring form to what a
// reviewer would write by hand for the unit done 12, plan 10, cap 10,
// cost 12, issues 1, q A.
func TestSteps(t *testing.T) {
	rs, err := rulesets.Load("steps.yaml", []byte(stepsRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	u, err := data.NewSchema(rs).Unit("u", "u", map[string]any{"done": 12, "plan": 10, "cap": 10, "cost": 12, "issues": 1, "q": "A"})
	if err != nil {
		t.Fatal(err)
	}
	r := prog.EvalUnit(&u)
	want := map[string][]string{ // part | expr | subst | value
		// 12 / 10 = 1.2 ≥ 1 → 20.
		"ratio": {
			"value | done ÷ plan | 完成数 12 ÷ 计划数 10 | 120.00%",
			"target | 1 | 1 | 100.00%",
			"rule | 达到目标，得满分：分值 | 20 | 20",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(20, 0), 20), 2) | 20",
		},
		// 12 against ≤ 10: 20 × (1 − (12 − 10) ÷ 10) = 16.
		"reverse": {
			"value | cost | 成本 12 | 12",
			"target | cap | 上限 10 | 10",
			"rule | 超出目标，按超出比例扣分：分值 × (1 − (值 − 目标) ÷ 目标) | 20 × (1 − (12 − 10) ÷ 10) | 16",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(16, 0), 20), 2) | 16",
		},
		// value 1.2 ≥ 1 holds: only the "then" side (weight) is taken, the
		// "else" side weight × value × 0.9 is never stepped through.
		"cond": {
			"value | done ÷ plan | 完成数 12 ÷ 计划数 10 | 1.2",
			"score | value ≥ 1 | 1.2 ≥ 1 | 成立",
			"score | value ≥ 1 ? weight : weight × value × 0.9 | 成立 ? 20 : 20 × 1.2 × 0.9 | 20",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(20, 0), 20), 2) | 20",
		},
		// Band 1 (≥ 1.5) fails; band 2: 1.2 ≥ 1 holds, then q == 'A' (expr's
		// VM, a tier) holds; score 0.5 + 0.2 × 0.5 = 0.6 → 10 × 0.6 = 6.
		"banded": {
			"value | done ÷ plan | 完成数 12 ÷ 计划数 10 | 1.2",
			"band 1 when | value ≥ 1.5 | 1.2 ≥ 1.5 | 不成立",
			"band 2 when | value ≥ 1 | 1.2 ≥ 1 | 成立",
			`band 2 when | q == "A" | 质量 A == "A" | 成立`,
			`band 2 when | value ≥ 1 and q == 'A' | 成立 且 成立 | 成立`,
			"band 2 score | value - 1 | 1.2 - 1 | 0.2",
			"band 2 score | (value - 1) × 0.5 | 0.2 × 0.5 | 0.1",
			"band 2 score | 0.5 + (value - 1) × 0.5 | 0.5 + 0.1 | 0.6",
			"rule | 第 2 档：分值 × 得分比例 | 10 × 0.6 | 6",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(6, 0), 10), 2) | 6",
		},
		// 1 issue × 2 = 2 deductions of 1.5: 10 − 3 = 7.
		"deduct": {
			"count | issues × 2 | 问题数 1 × 2 | 2",
			"rule | 分值 − 每次扣分 × 次数 | 10 − 1.5 × 2 | 7",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(7, 0), 10), 2) | 7",
		},
		// A bare letter scores the ruleset's A point, 0.9: 20 × 0.9 = 18.
		"tier": {
			"tier | q | 质量 A（达成），按规则集的达成档分值 | 0.9",
			"rule | 分值 × 档次比例 | 20 × 0.9 | 18",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(18, 0), 20), 2) | 18",
		},
	}
	for _, ir := range r.Indicators {
		t.Run(ir.ID, func(t *testing.T) {
			var got []string
			for _, s := range ir.Steps {
				got = append(got, strings.Join([]string{s.Part, s.Expr, s.Subst, s.Value}, " | "))
			}
			if strings.Join(got, "\n") != strings.Join(want[ir.ID], "\n") {
				t.Errorf("steps of %s:\n%s\nwant:\n%s", ir.ID, strings.Join(got, "\n"), strings.Join(want[ir.ID], "\n"))
			}
		})
	}
	// The failed check shows its numbers: 12 ≤ 10 does not hold.
	if len(r.Checks) != 1 || r.Checks[0].OK {
		t.Fatalf("checks: %+v", r.Checks)
	}
	if got := fmt.Sprint(r.Checks[0].Steps); got != "[{assert done ≤ plan 完成数 12 ≤ 计划数 10 不成立}]" {
		t.Errorf("check steps: %s", got)
	}
}

// TestStepsStopAtFailure: a ÷0 shows the failing value and no rule.
func TestStepsStopAtFailure(t *testing.T) {
	rs, err := rulesets.Load("steps.yaml", []byte(stepsRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	u, err := data.NewSchema(rs).Unit("u", "u", map[string]any{"done": 5, "plan": 0, "cap": 10, "cost": 1, "issues": 0, "q": "B"})
	if err != nil {
		t.Fatal(err)
	}
	r := prog.EvalUnit(&u)
	ir := r.Indicators[0]
	if ir.Status != indicators.StatusError || len(ir.Steps) != 1 || ir.Steps[0].Value != "+∞" {
		t.Errorf("ratio: status %s steps %+v, want one step ending at +∞", ir.Status, ir.Steps)
	}
	// Explanations alone record no steps: they cost too much for every
	// unit of a large evaluation.
	plain, err := engine.Compile(rs, &engine.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := plain.EvalUnit(&u); r.Indicators[1].Steps != nil || r.Indicators[1].Explain == "" {
		t.Error("steps recorded without Trace, or no explanation")
	}
}
