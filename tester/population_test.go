package tester_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

const populationRuleset = `
id: pop
inputs: {cost: {label: 人均成本}, passed: {label: 合格}, sampled: {label: 抽检}, spent: {label: 支出}}
indicators:
  - {id: cost, label: 人均成本, weight: 20, value: cost, relative: best_ratio, reverse: true}
  - {id: quality, label: 合格率, weight: 20, value: passed / sampled, relative: efficacy}
  - {id: exec, label: 执行, weight: 60, value: spent, target: ">= 100"}
tests:
  - name: 第三
    data: {cost: 250, passed: 85, sampled: 100, spent: 100}
    population: {cost: [200, 220, 300, 400], quality: [0.9, 0.8, 1.0]}
    expect: {score: 90, points: {cost: 16, quality: 14}}
  - name: 新标杆
    data: {cost: 180, passed: 70, sampled: 100, spent: 100}
    population: {cost: [200, 400], quality: [0.9, 0.8]}
    expect: {points: {cost: 20, quality: 12}}
  - name: 无总体
    data: {cost: 999, passed: 1, sampled: 100, spent: 100}
    expect: {points: {cost: 20, quality: 20}}
  - name: 写错
    data: {cost: 250, passed: 85, sampled: 100, spent: 100}
    population: {cost: [200, 400]}
    expect: {points: {cost: 20}}
`

// TestCasePopulation: a case's population is the other units of a run,
// and the case's unit joins it: hand-computed points hold, a wrong
// expectation fails, and without a population the unit is its own best.
func TestCasePopulation(t *testing.T) {
	rs, err := rulesets.Options{Lang: "en"}.Load("pop.yaml", []byte(populationRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en", Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	res := tester.Options{Lang: "en"}.Run(prog)
	var got []string
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Case.Name, r.Err)
		}
		for _, m := range r.Expected {
			got = append(got, fmt.Sprintf("%s %s want %s got %s %v", r.Case.Name, m.Key, m.Want, m.Got, m.OK))
		}
	}
	want := []string{
		// cost: best (smallest) 200 of {200, 220, 250, 300, 400}: 20 × 200 ÷ 250 = 16.
		// quality: worst 0.8, best 1.0: 20 × (0.6 + 0.4 × 0.05 ÷ 0.2) = 14; 16 + 14 + 60 = 90.
		"第三 score want 90 got 90 true",
		"第三 points.cost want 16 got 16 true",
		"第三 points.quality want 14 got 14 true",
		// 180 is below every listed cost: the unit is the new best.
		// 0.7 is below every listed quality: the new worst, 0.6 × 20.
		"新标杆 points.cost want 20 got 20 true",
		"新标杆 points.quality want 12 got 12 true",
		// A population of one: full marks, whatever the value.
		"无总体 points.cost want 20 got 20 true",
		"无总体 points.quality want 20 got 20 true",
		// 20 × 200 ÷ 250 = 16, not the 20 a population of one would give.
		"写错 points.cost want 20 got 16 false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("expectations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !res[0].Pass || !res[1].Pass || !res[2].Pass || res[3].Pass {
		t.Errorf("pass: %v %v %v %v", res[0].Pass, res[1].Pass, res[2].Pass, res[3].Pass)
	}
	// The explanation counts the unit in, and gives its place.
	wantExplain := "参与比较 5 个单位，最优 200，最差 400，本单位第 3 位；得分 = 20 × 最优 200 ÷ 250 = 16"
	if e := res[0].Expected[1].Explain; !strings.Contains(e, wantExplain) {
		t.Errorf("explanation %q lacks %q", e, wantExplain)
	}
}

// TestCasePopulationErrors: a population for no indicator, for one that
// is not relative, a negative value for best_ratio and a value that is
// not a number are errors that name the case and stand at the key.
func TestCasePopulationErrors(t *testing.T) {
	_, err := rulesets.Options{Lang: "en"}.Load("bad.yaml", []byte(populationRuleset+`
  - name: 文字
    data: {cost: 1}
    population: {cost: [200, 多]}
`))
	if err == nil || !strings.Contains(err.Error(), `bad.yaml:27:30: population of cost, value 2: expected a number`) {
		t.Errorf("text value: %v", err)
	}
	rs, err := rulesets.Options{Lang: "en"}.Load("bad.yaml", []byte(populationRuleset+`
  - name: 错
    data: {cost: 250, passed: 85, sampled: 100, spent: 100}
    population: {nope: [1], exec: [100], cost: [200, -1]}
    expect: {score: 100}
`))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	r := tester.Options{Lang: "en"}.Run(prog)[4]
	want := strings.Join([]string{
		"bad.yaml:27:18: test 错: population: no indicator nope in ruleset pop",
		"bad.yaml:27:29: test 错: population: indicator exec is not relative (比较法): only relative indicators are scored against other units",
		"bad.yaml:27:42: test 错: population of cost, value 2: best_ratio needs values of at least 0, found -1",
		"3 errors",
	}, "\n")
	if r.Err == nil || r.Err.Error() != want || r.Pass || len(r.Unit.Indicators) != 0 {
		t.Errorf("err:\n%v\nwant:\n%s\npass %v", r.Err, want, r.Pass)
	}
}
