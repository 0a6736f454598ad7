package tester_test

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

// Expectations of the rules above the row, each worked out by hand:
// exec = 20 × spent / budget (≥ 1); cap 89 below 执行率 0.8; bonus adds
// bonus; 优 优先保障 0, 良 核减 −0.05 × budget.
const rulesCases = `id: rc
inputs: {spent: {label: 支出}, budget: {label: 预算}, bonus: {label: 加分}, other: {label: 其他}}
indicators:
  - {id: exec, weight: 20, value: spent / budget, target: ">= 1"}
  - {id: other, weight: 80, value: other, target: ">= 1"}
adjust:
  - {id: cap, when: "values.exec < 0.8", cap: 89}
  - {id: bonus, add: bonus}
outcomes:
  - {grade: 优, action: 优先保障}
  - {grade: 良, action: 核减, change: "-0.05 * budget"}
tests:
  # 15 + 80 = 95 → 89 → +1 = 90 优.
  - name: 封顶后加分
    data: {spent: 75, budget: 100, bonus: 1, other: 1}
    expect: {score: 90, adjustments: {cap: 89, bonus: 90}, outcome: 优先保障, change: 0}
  # Same data, wrong expectations: the cap applies (89, not 95); 90 is 优.
  - name: 写错的期望
    data: {spent: 75, budget: 100, bonus: 1, other: 1}
    expect: {adjustments: {cap: false, bonus: 96}, outcome: 核减, change: -5}
  # 执行率 0.9: no cap; 18 + 68 = 86 良, 核减 5.
  - name: 不封顶
    data: {spent: 90, budget: 100, bonus: 0, other: 0.85}
    expect: {adjustments: {cap: false, bonus: 86}, outcome: 核减, change: -5}
`

func TestRulesExpectations(t *testing.T) {
	rs, err := rulesets.Options{Lang: "en"}.Load("rc.yaml", []byte(rulesCases))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	res := tester.Options{Lang: "en"}.Run(prog)
	if !res[0].Pass || !res[2].Pass {
		t.Errorf("cases 1 and 3 fail: %+v / %+v", res[0].Failures, res[2].Failures)
	}
	type f struct{ Key, Want, Got string }
	var got []f
	for _, m := range res[1].Failures {
		got = append(got, f{m.Key, m.Want, m.Got})
	}
	want := []f{
		{"adjustments.bonus", "96", "90"},
		{"adjustments.cap", "不执行", "89"},
		{"outcome", "核减", "优先保障"},
		{"change", "-5", "0"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("failures %+v, want %+v", got, want)
	}
}
