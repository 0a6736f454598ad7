package tester_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

const coverageRuleset = `
id: cov
inputs:
  a: {label: 甲}
  b: {label: 乙}
  q: {label: 质量, type: tier}
indicators:
  - {id: pos, weight: 10, value: a / b, target: ">= 1"}          # met, proportional
  - {id: zero_t, weight: 10, value: a, target: "= 0"}            # met (a ≤ 0), zero (a > 0)
  - {id: rev, weight: 10, value: a, target: "<= 5"}              # met, linear, zero (a ≥ 10)
  - {id: ratio, weight: 10, value: a, target: "<= 5", reverse: ratio}   # met, ratio
  - {id: by_input, weight: 10, value: a, target: ">= b"}         # met, proportional (b > 0); b = 0: met
  - {id: capped, weight: 10, value: "min(a, 1)", target: ">= 2"} # proportional only: min(a, 1) ≤ 1 < 2
  - id: banded
    weight: 20
    value: a
    bands:
      - {when: "value >= 10", score: 1}
      - {else: 0.5}
  - {id: tier, weight: 20, value: q}
tests:
  - {name: 一, data: {a: 12, b: 10, q: A}}
  - {name: 二, data: {a: 3, b: 10, q: A}}
  - {name: 三, data: {a: 0, b: 0, q: C}}
`

// TestCoverage lists the branches each indicator can take, found from
// the ranges of value and target, and counts the cases that reached each.
func TestCoverage(t *testing.T) {
	rs, err := rulesets.Options{Lang: "en"}.Load("cov.yaml", []byte(coverageRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range tester.Coverage(prog, tester.Options{Lang: "en"}.Run(prog)) {
		got = append(got, fmt.Sprintf("%s %s %s: %d", b.Indicator, b.Kind, b.Name, b.Cases))
	}
	want := []string{
		// 12/10 met (一); 3/10 proportional (二); 0/0 is ÷0 → error, not a branch (三).
		"pos target met: 1", "pos target proportional: 1",
		// a = 12, 3 → zero; a = 0 → met.
		"zero_t target met: 1", "zero_t target zero: 2",
		// 12 ≥ 2 × 5 → zero; 3 and 0 ≤ 5 → met; nothing in (5, 10) → linear unreached.
		"rev target met: 2", "rev target reverse linear: 0", "rev target zero: 1",
		// 12 > 5 → ratio; 3, 0 → met.
		"ratio target met: 2", "ratio target reverse ratio: 1",
		// 12 ≥ 10 met; 3 < 10 proportional; 0 ≥ 0 met. The zero rule needs
		// a < b ≤ 0, impossible for a ≥ 0.
		"by_input target met: 2", "by_input target proportional: 1",
		// min(a, 1) never reaches 2: only proportional.
		"capped target proportional: 3",
		"banded band band 1: 1", "banded band else: 2",
		"tier tier A: 2", "tier tier B: 0", "tier tier C: 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("coverage:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	b := tester.Branches(prog)[0]
	if b.String() != "target met (达到目标，得满分)" || b.Pos.Line != 8 {
		t.Errorf("first branch %q at line %d", b, b.Pos.Line)
	}
}

// TestRunExpected: every expectation is listed in order with what the
// run gave; the failing ones are also in Failures.
func TestRunExpected(t *testing.T) {
	rs, err := rulesets.Options{Lang: "en"}.Load("cases.yaml", []byte(`
id: c
inputs: {spent: {label: 支出}, budget: {label: 预算}}
indicators:
  - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
tests:
  - name: 一半
    data: {spent: 50, budget: 100}
    expect: {score: 60, grade: 差, points: {exec: 50, nope: 1}, status: {exec: ok}}
`))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	cr := tester.Options{Lang: "en"}.Run(prog)[0]
	var got []string
	for _, m := range cr.Expected {
		got = append(got, fmt.Sprintf("%s want %s got %s %v", m.Key, m.Want, m.Got, m.OK))
	}
	// 100 × 50/100 = 50 → 差; "nope" is no indicator.
	want := []string{
		"score want 60 got 50 false",
		"grade want 差 got 差 true",
		"points.exec want 50 got 50 true",
		"points.nope want 1 got no such indicator false",
		"status.exec want ok got ok true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("expected:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if cr.Pass || len(cr.Failures) != 2 || cr.Failures[0].Key != "score" || cr.Failures[1].Key != "points.nope" {
		t.Errorf("pass %v failures %+v", cr.Pass, cr.Failures)
	}
}

// TestCaseDataReadAsData: a case's data is read by the rules of a data
// file (data.Schema.Unit): labels with their unit in brackets and
// full-width ids are inputs, text cells parse as cells do; what does not
// read stops the case with its name and place, and nothing is scored.
func TestCaseDataReadAsData(t *testing.T) {
	rs, err := rulesets.Options{Lang: "en"}.Load("cases.yaml", []byte(`
id: c
inputs: {spent: {label: 支出, unit: 万元}, budget: {label: 预算, unit: 万元}}
indicators:
  - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
tests:
  - name: 表头
    data: {"预算（万元）": "1,000", "ｓｐｅｎｔ": 500万元}
    expect: {score: 50}
  - name: 坏
    data: {spent: 多, budget: 100}
    expect: {score: 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	res := tester.Options{Lang: "en"}.Run(prog)
	if !res[0].Pass || res[0].Err != nil || res[0].Unit.Score != 50 {
		t.Errorf("表头: pass %v, err %v, score %v", res[0].Pass, res[0].Err, res[0].Unit.Score)
	}
	want := `cases.yaml:10:5: test 坏: input spent: not a number: "多" (the input's unit is 万元)`
	if res[1].Err == nil || res[1].Err.Error() != want || res[1].Pass || len(res[1].Unit.Indicators) != 0 {
		t.Errorf("坏: err %q, want %q; pass %v", res[1].Err, want, res[1].Pass)
	}
}
