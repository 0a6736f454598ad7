package engine_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

const exactRuleset = `
id: exact
version: "1"
title: exact intermediates
grades: [{label: 合格, min: 0}]
inputs:
  spent: {label: 执行数, unit: 万元}
  budget: {label: 预算数, unit: 万元}
  sat: {label: 满意度, unit: "%"}
indicators:
  - {id: pct, label: 执行进度, weight: 10, value: spent / budget * 100, target: ">= 100"}
  - {id: sat, label: 满意度, weight: 10, value: sat, target: ">= 95"}
`

// TestStepsExactIntermediates: an intermediate is shown with the digits
// that make the shown arithmetic come out (153.51 ÷ 256.14 = 0.599321,
// × 100 = 59.9321; by hand 0.5993206840…), not rounded to 4 decimals
// (0.5993 × 100 = 59.9321 does not add up); only the points are rounded.
// An input in % shows its sign (94.52%), its target too.
func TestStepsExactIntermediates(t *testing.T) {
	rs, err := rulesets.Load("exact.yaml", []byte(exactRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Trace: true, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	u, err := data.NewSchema(rs).Unit("u", "u", map[string]any{"spent": 153.51, "budget": 256.14, "sat": 94.52})
	if err != nil {
		t.Fatal(err)
	}
	r := prog.EvalUnit(&u)
	want := map[string][]string{
		"pct": {
			"value | spent ÷ budget | 执行数 153.51 ÷ 预算数 256.14 | 0.599321",
			"value | spent ÷ budget × 100 | 0.599321 × 100 | 59.9321",
			"target | 100 | 100 | 100",
			"rule | 未达到目标，按比例计分：分值 × 值 ÷ 目标 | 10 × 59.9321 ÷ 100 | 5.99321",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(5.99321, 0), 10), 2) | 5.99",
		},
		// 10 × 94.52 ÷ 95 = 9.949473… → 9.94947 → 9.95.
		"sat": {
			"value | sat | 满意度 94.52 | 94.52%",
			"target | 95 | 95 | 95.00%",
			"rule | 未达到目标，按比例计分：分值 × 值 ÷ 目标 | 10 × 94.52% ÷ 95.00% | 9.94947",
			"points | ROUND(MIN(MAX(原始得分, 0), 分值), 2) | ROUND(MIN(MAX(9.94947, 0), 10), 2) | 9.95",
		},
	}
	wantExplain := map[string]string{
		"pct": "执行进度 = 执行数 153.51 ÷ 预算数 256.14 × 100 = 59.9321，目标 ≥ 100，未完成，按比例计分 10 × 59.9321 ÷ 100 = 5.99；扣 4.01 分，应说明偏差原因",
		"sat": "满意度 = 满意度 94.52，目标 ≥ 95.00%，未完成，按比例计分 10 × 94.52% ÷ 95.00% = 9.95；扣 0.05 分，应说明偏差原因",
	}
	for _, ir := range r.Indicators {
		var got []string
		for _, s := range ir.Steps {
			got = append(got, strings.Join([]string{s.Part, s.Expr, s.Subst, s.Value}, " | "))
		}
		if strings.Join(got, "\n") != strings.Join(want[ir.ID], "\n") {
			t.Errorf("steps of %s:\n%s\nwant:\n%s", ir.ID, strings.Join(got, "\n"), strings.Join(want[ir.ID], "\n"))
		}
		if ir.Explain != wantExplain[ir.ID] {
			t.Errorf("explain of %s:\n got %s\nwant %s", ir.ID, ir.Explain, wantExplain[ir.ID])
		}
	}
}
