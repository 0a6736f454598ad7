package engine_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// scoringRuleset exercises every scoring form of DESIGN.md with inputs a
// case can set one by one.
const scoringRuleset = `
id: forms
title: 计分形式
inputs:
  spent:    {label: 全年执行数, unit: 万元}
  budget:   {label: 全年预算数, unit: 万元}
  done:     {label: 完成数}
  plan:     {label: 年度指标值}
  days:     {label: 天数, unit: 天}
  cost:     {label: 单位成本}
  quality:  {label: 质量评价, type: tier}
  problems: {label: 问题数}
indicators:
  - {id: exec, label: 预算执行率, group: [预算执行], weight: 10, value: spent / budget, target: ">= 1"}
  - {id: output, label: 完成数量, group: [产出, 数量指标], weight: 20, value: done, target: ">= plan"}
  - {id: zero, label: 零事故, group: [产出, 质量指标], weight: 5, value: problems, target: "= 0"}
  - {id: timely, label: 时效, group: [产出, 时效指标], weight: 10, value: days, target: "<= 10"}
  - {id: cheap, label: 成本, group: [产出, 成本指标], weight: 10, value: cost, target: "<= 4", reverse: ratio}
  - id: rate
    label: 完成率档次
    group: [效益]
    weight: 20
    value: done / plan
    bands:
      - {when: "value >= 0.99", score: 1}
      - {when: "value >= 0.95", score: 0.8}
      - {else: "value * 0.8"}
  - {id: qual, label: 质量, group: [效益], weight: 10, value: quality}
  - {id: comply, label: 合规, group: [过程], weight: 5, deduct: {count: problems, points: 2}}
  - {id: custom, label: 自定义, group: [满意度], weight: 10, value: done / plan, score: "value >= 1 ? weight : value * weight * 1.5"}
`

// full is a unit at full marks everywhere but qual (tier A = 0.9 × 10).
var full = map[string]any{"spent": 100, "budget": 100, "done": 100, "plan": 100, "days": 10, "cost": 4, "quality": "A", "problems": 0}

func with(over map[string]any) map[string]any {
	m := map[string]any{}
	for k, v := range full {
		m[k] = v
	}
	for k, v := range over {
		m[k] = v
	}
	return m
}

func evalCase(t *testing.T, src string, fields map[string]any) engine.UnitResult {
	t.Helper()
	rs, err := rulesets.Load("forms.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	u, err := data.NewSchema(rs).Unit("t", "t", fields)
	if err != nil {
		t.Fatal(err)
	}
	return prog.EvalUnit(&u)
}

func TestScoringForms(t *testing.T) {
	tests := []struct {
		name   string
		data   map[string]any
		id     string
		points float64
		status string
		flags  string // comma-joined
		score  float64
	}{
		{"full marks", full, "exec", 10, "ok", "", 99},                                                                    // 100 − 1 (qual A 0.9 × 10)
		{"seed execution 59.93%", with(map[string]any{"spent": 153.51, "budget": 256.14}), "exec", 5.99, "ok", "", 94.99}, // 10 × 0.59932 = 5.993; 99 − 4.01
		{"at target exactly", with(map[string]any{"spent": 256.14, "budget": 256.14}), "exec", 10, "ok", "", 99},
		{"overshoot 120%", with(map[string]any{"spent": 120, "budget": 100}), "exec", 10, "ok", "overshoot", 99},
		{"just under overshoot", with(map[string]any{"spent": 119.9, "budget": 100}), "exec", 10, "ok", "", 99},
		{"0/0 is an error", with(map[string]any{"spent": 0, "budget": 0}), "exec", 0, "error", "", 89},
		{"x/0 is an error", with(map[string]any{"spent": 5, "budget": 0}), "exec", 0, "error", "", 89},
		{"target read from input", with(map[string]any{"done": 60, "plan": 80}), "output", 15, "ok", "", 0}, // 20 × 60/80
		{"target 0 met by anything", with(map[string]any{"done": 5, "plan": 0}), "output", 20, "ok", "", 0},
		{"equal 0 missed", with(map[string]any{"problems": 1}), "zero", 0, "ok", "", 0},
		{"reverse at T", with(nil), "timely", 10, "ok", "", 99},
		{"reverse between T and 2T", with(map[string]any{"days": "13.7天"}), "timely", 6.3, "ok", "", 95.3}, // 10 × (1 − 3.7/10)
		{"reverse at 2T", with(map[string]any{"days": 20}), "timely", 0, "ok", "", 89},
		{"reverse ratio", with(map[string]any{"cost": 5}), "cheap", 8, "ok", "", 97}, // 10 × 4/5
		{"band top edge", with(map[string]any{"done": 99}), "rate", 20, "ok", "", 0},
		{"band second", with(map[string]any{"done": 95}), "rate", 16, "ok", "", 0}, // 20 × 0.8
		{"band else", with(map[string]any{"done": 50}), "rate", 8, "ok", "", 0},    // 20 × 0.5 × 0.8
		{"tier default B", with(map[string]any{"quality": "B"}), "qual", 7, "ok", "", 97},
		{"tier chinese", with(map[string]any{"quality": "未达成"}), "qual", 3, "ok", "", 93},
		{"tier fraction", with(map[string]any{"quality": "A:0.95"}), "qual", 9.5, "ok", "", 99.5},
		{"deduct", with(map[string]any{"problems": 2}), "comply", 1, "ok", "", 0},       // 5 − 2 × 2
		{"deduct floor", with(map[string]any{"problems": 9}), "comply", 0, "ok", "", 0}, // 5 − 18 → 0
		{"score formula met", with(nil), "custom", 10, "ok", "", 99},
		{"score formula", with(map[string]any{"done": 50}), "custom", 7.5, "ok", "", 0}, // 0.5 × 10 × 1.5
		{"score clamped", with(map[string]any{"done": 99}), "custom", 10, "ok", "", 0},  // 0.99 × 15 = 14.85 → 10
		{"missing input", with(map[string]any{"days": nil}), "timely", 0, "missing", "", 89},
		{"blank input", with(map[string]any{"days": ""}), "timely", 0, "missing", "", 89},
		{"NA rescales", with(map[string]any{"days": "NA"}), "timely", 0, "na", "", 98.89}, // 89 / 90 × 100
		{"不适用 beside missing", with(map[string]any{"spent": "不适用", "budget": nil}), "exec", 0, "na", "", 98.89},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evalCase(t, scoringRuleset, tc.data)
			if r.Failed() {
				t.Fatalf("unit failed: %v", r.Errors)
			}
			var ir *engine.IndicatorResult
			for k := range r.Indicators {
				if r.Indicators[k].ID == tc.id {
					ir = &r.Indicators[k]
				}
			}
			if ir == nil {
				t.Fatalf("no indicator %s", tc.id)
			}
			if ir.Points != tc.points || ir.Status != tc.status || strings.Join(ir.Flags, ",") != tc.flags {
				t.Errorf("%s: points %v status %s flags %v, want %v %s %q\n%s", tc.id, ir.Points, ir.Status, ir.Flags, tc.points, tc.status, tc.flags, ir.Explain)
			}
			if tc.score != 0 && r.Score != tc.score {
				t.Errorf("score %v, want %v", r.Score, tc.score)
			}
			if ir.Explain == "" {
				t.Errorf("no explanation")
			}
		})
	}
}

func TestExplainSeed(t *testing.T) {
	r := evalCase(t, scoringRuleset, with(map[string]any{"spent": 153.51, "budget": 256.14}))
	got := r.Indicators[0].Explain
	want := "预算执行率 = 全年执行数 153.51 ÷ 全年预算数 256.14 = 59.9321%，目标 ≥ 100.00%，未完成，按比例计分 10 × 59.9321% = 5.99；扣 4.01 分，应说明偏差原因"
	if got != want {
		t.Errorf("explain:\n got %s\nwant %s", got, want)
	}
}

func TestMissingPolicyError(t *testing.T) {
	src := strings.Replace(scoringRuleset, "title: 计分形式", "title: 计分形式\nmissing: error", 1)
	r := evalCase(t, src, with(map[string]any{"days": nil}))
	if !r.Failed() || !strings.Contains(r.Errors[0].Msg, "days") {
		t.Fatalf("want the unit to fail naming days, got %v", r.Errors)
	}
	// An N/A input is not missing.
	r = evalCase(t, src, with(map[string]any{"days": "NA"}))
	if r.Failed() {
		t.Fatalf("N/A must not fail the unit: %v", r.Errors)
	}
}

func TestGrades(t *testing.T) {
	grades := indicators.DefaultGrades()
	tests := []struct {
		total float64
		want  string
	}{{100, "优"}, {90, "优"}, {89.99, "良"}, {80, "良"}, {79.99, "中"}, {60, "中"}, {59.99, "差"}, {0, "差"}}
	for _, tc := range tests {
		if got := indicators.GradeOf(grades, tc.total); got != tc.want {
			t.Errorf("GradeOf(%v) = %s, want %s", tc.total, got, tc.want)
		}
	}
}

func TestRanks(t *testing.T) {
	rs, err := rulesets.Load("ranks.yaml", []byte("id: ranks\ninputs: {x: {label: 分}}\nindicators:\n  - {id: a, weight: 100, score: x}\n"))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var units []indicators.Unit
	for i, x := range []float64{80, 95, 80, 70, 95, 0} {
		u := indicators.Unit{ID: fmt.Sprint("U", i), Values: []indicators.Value{indicators.NumberValue(x)}}
		if i == 5 {
			u.Errors = []*diag.Error{{Code: "bad_cell", Msg: "not a number"}} // fails: rank 0
		}
		units = append(units, u)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{3, 1, 3, 5, 1, 0} // ties share the best rank; the next skips
	for i := range want {
		if res.Units[i].Rank != want[i] {
			t.Fatalf("unit %d rank %d, want %v", i, res.Units[i].Rank, want)
		}
	}
}

func TestEvalKeepsOrderAndCountsFailures(t *testing.T) {
	rs, err := rulesets.Load("forms.yaml", []byte(scoringRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	var units []indicators.Unit
	bad := 0
	for i := 0; i < 500; i++ {
		d := with(map[string]any{"done": i % 120})
		if i%100 == 7 {
			d["quality"] = "D" // unknown tier: this unit fails
			bad++
		}
		// A field that does not read is on the unit's errors.
		u, _ := data.NewSchema(rs).Unit("u", "u", d)
		u.ID = fmt.Sprintf("U%03d", i)
		units = append(units, u)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.Units != 500 || res.Summary.Errors != bad {
		t.Errorf("summary %+v, want 500 units and %d errors", res.Summary, bad)
	}
	for i, u := range res.Units {
		if u.Unit != fmt.Sprintf("U%03d", i) {
			t.Fatalf("unit %d is %s: order lost", i, u.Unit)
		}
		if u.Failed() != (i%100 == 7) {
			t.Errorf("%s failed = %v", u.Unit, u.Failed())
		}
		if u.Failed() && u.Rank != 0 {
			t.Errorf("%s failed but has rank %d", u.Unit, u.Rank)
		}
	}
	// Units 100..119 done = 0..19 % 120; rank 1 goes to every unit at the
	// top score, input order notwithstanding.
	top := 0.0
	for _, u := range res.Units {
		if !u.Failed() && u.Score > top {
			top = u.Score
		}
	}
	for _, u := range res.Units {
		if !u.Failed() && (u.Score == top) != (u.Rank == 1) {
			t.Errorf("%s score %v rank %d, top %v", u.Unit, u.Score, u.Rank, top)
		}
	}
}
