package engine_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// rulesRuleset exercises contract 2's rules above the row. Every expected
// number below is worked out by hand beside its case.
//
//	exec: 预算执行率 spent / budget, >= 1, weight 20 → 20 × 执行率
//	x:    完成值 x (an indicator sharing its input's id), >= 100, weight 80
//	      → 80 × x / 100; x ≥ 130 loses 2 (overshoot 1.3 / 2)
//	cap:  when 执行率 < 0.8 → total at most 89 (执行率 ≥ 0.7) else 59
//	bonus: add bonus − fine
//	max_total 103
const rulesRuleset = `id: rules
inputs:
  spent:  {label: 全年执行数, unit: 万元}
  budget: {label: 全年预算数, unit: 万元}
  x:      {label: 完成值}
  bonus:  {label: 加分事项数}
  fine:   {label: 扣分}
overshoot: {ratio: 1.3, deduct: 2}
indicators:
  - {id: exec, label: 预算执行率, weight: 20, value: spent / budget, target: ">= 1"}
  - {id: x, label: 完成值, weight: 80, value: x, target: ">= 100"}
adjust:
  - id: cap
    label: 执行率封顶
    when: "values.exec < 0.8"
    cap: "values.exec >= 0.7 ? 89 : 59"
  - id: bonus
    label: 加减分
    add: "bonus - fine"
max_total: 103
outcomes:
  - {grade: 优, action: 优先保障}
  - {grade: 良, action: 据实保障, change: "0"}
  - {grade: 中, action: 核减, change: "-0.05 * budget"}
  - {grade: 差, action: 取消或暂停, change: "-budget"}
`

func compileYAML(t *testing.T, src string, opts *engine.Options) (*engine.Program, *data.Schema) {
	t.Helper()
	rs, err := rulesets.Load("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if opts == nil {
		opts = &engine.Options{Lang: "en"}
	}
	p, err := engine.Compile(rs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p, data.NewSchema(rs)
}

func unitOf(t *testing.T, s *data.Schema, id string, fields map[string]any) indicators.Unit {
	t.Helper()
	u, err := s.Unit(id, "", fields)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

type adj struct {
	ID            string
	Before, After float64
}

func adjustments(r *engine.UnitResult) []adj {
	var out []adj
	for _, a := range r.Adjustments {
		out = append(out, adj{a.ID, a.Before, a.After})
	}
	return out
}

func TestAdjustBoundaries(t *testing.T) {
	p, s := compileYAML(t, rulesRuleset, &engine.Options{Lang: "en", Explain: true})
	for _, c := range []struct {
		name  string
		data  map[string]any
		score float64
		grade string
		adj   []adj
	}{
		// 15 + 80 = 95; 执行率 0.75 < 0.8 and ≥ 0.7 → cap 89; bonus 0.
		{"cap applies", map[string]any{"spent": 75, "budget": 100, "x": 100, "bonus": 0, "fine": 0}, 89, "良",
			[]adj{{"cap", 95, 89}, {"bonus", 89, 89}}},
		// 执行率 0.8 is not below 0.8: 16 + 80 = 96, no cap.
		{"cap's condition at its bound", map[string]any{"spent": 80, "budget": 100, "x": 100, "bonus": 0, "fine": 0}, 96, "优",
			[]adj{{"bonus", 96, 96}}},
		// 15 + 80 × 0.925 = 15 + 74 = 89: exactly the cap, not above it.
		{"total exactly at the cap", map[string]any{"spent": 75, "budget": 100, "x": 92.5, "bonus": 0, "fine": 0}, 89, "良",
			[]adj{{"bonus", 89, 89}}},
		// 15 + 80 × 0.9251 = 15 + 74.008 → 74.01: 89.01 > 89 → 89.
		{"total just above the cap", map[string]any{"spent": 75, "budget": 100, "x": 92.51, "bonus": 0, "fine": 0}, 89, "良",
			[]adj{{"cap", 89.01, 89}, {"bonus", 89, 89}}},
		// 执行率 0.5 < 0.7 → cap 59; 10 + 80 = 90 → 59; bonus 2 → 61.
		{"lower cap, then a bonus", map[string]any{"spent": 50, "budget": 100, "x": 100, "bonus": 2, "fine": 0}, 61, "中",
			[]adj{{"cap", 90, 59}, {"bonus", 59, 61}}},
		// 100 + 5 = 105 → max_total 103.
		{"bonus clamped by max_total", map[string]any{"spent": 100, "budget": 100, "x": 100, "bonus": 5, "fine": 0}, 103, "优",
			[]adj{{"bonus", 100, 105}, {"max_total", 105, 103}}},
		// 100 + 3 = 103: at max_total, not clamped.
		{"bonus up to max_total", map[string]any{"spent": 100, "budget": 100, "x": 100, "bonus": 3, "fine": 0}, 103, "优",
			[]adj{{"bonus", 100, 103}}},
		// 100 − 3 = 97.
		{"negative add", map[string]any{"spent": 100, "budget": 100, "x": 100, "bonus": 0, "fine": 3}, 97, "优",
			[]adj{{"bonus", 100, 97}}},
		// 0 + 0 = 0; the cap (59) is not below 0; 0 − 5 = −5 → 0.
		{"negative add below 0", map[string]any{"spent": 0, "budget": 100, "x": 0, "bonus": 0, "fine": 5}, 0, "差",
			[]adj{{"bonus", 0, -5}, {"max_total", -5, 0}}},
		// x 130 = 1.3 × 100 exactly: 80 − 2 = 78; 20 + 78 = 98.
		{"penalty at exactly 1.3 T", map[string]any{"spent": 100, "budget": 100, "x": 130, "bonus": 0, "fine": 0}, 98, "优",
			[]adj{{"bonus", 98, 98}}},
		// x 129.99 < 130: full 80 (overshoot flag only); 100.
		{"penalty just below 1.3 T", map[string]any{"spent": 100, "budget": 100, "x": 129.99, "bonus": 0, "fine": 0}, 100, "优",
			[]adj{{"bonus", 100, 100}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := unitOf(t, s, "U", c.data)
			r := p.EvalUnit(&u)
			if r.Failed() {
				t.Fatal(r.Errors)
			}
			if r.Score != c.score || r.Grade != c.grade {
				t.Errorf("score %v grade %s, want %v %s", r.Score, r.Grade, c.score, c.grade)
			}
			if got := adjustments(&r); !reflect.DeepEqual(got, c.adj) {
				t.Errorf("adjustments %v, want %v", got, c.adj)
			}
			for _, a := range r.Adjustments {
				if !strings.Contains(a.Explain, "→") {
					t.Errorf("adjustment %s: explanation %q says no before → after", a.ID, a.Explain)
				}
			}
		})
	}
}

func TestAdjustExplain(t *testing.T) {
	p, s := compileYAML(t, rulesRuleset, &engine.Options{Lang: "en", Explain: true})
	u := unitOf(t, s, "U", map[string]any{"spent": 50, "budget": 100, "x": 200, "bonus": 0, "fine": 7})
	r := p.EvalUnit(&u)
	// 10 + (80 − 2) = 88 → cap 59 → −7 = 52.
	want := []string{
		"执行率封顶：条件 values.exec < 0.8 成立（预算执行率 = 0.5，得分 10），总分封顶 values.exec ≥ 0.7 ? 89 : 59 = 59 分，总分 88 → 59",
		"加减分：扣分 bonus - fine = 7 分，总分 59 → 52",
	}
	var got []string
	for _, a := range r.Adjustments {
		got = append(got, a.Explain)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("explanations\n%q\nwant\n%q", got, want)
	}
	if x := r.Indicators[1]; x.Points != 78 || !reflect.DeepEqual(x.Flags, []string{indicators.FlagOvershoot, indicators.FlagOvershootPenalty}) {
		t.Errorf("x: %v %v, want 78 [overshoot overshoot_penalty]", x.Points, x.Flags)
	}
}

func TestOvershootPenalty(t *testing.T) {
	// t0 is a target read from the data (T = 0 case); y has a target "= 10";
	// z a reverse target; w weight 1 (the penalty never goes below 0); v
	// its own overshoot, which replaces the ruleset's whole.
	p, s := compileYAML(t, `id: o
inputs: {a: {}, t0: {}}
overshoot: {ratio: 1.3, deduct: 2}
indicators:
  - {id: ge, weight: 10, value: a, target: ">= 10"}
  - {id: eq, weight: 10, value: a, target: "= 10"}
  - {id: le, weight: 10, value: a, target: "<= 10"}
  - {id: zero, weight: 10, value: a, target: ">= t0"}
  - {id: tiny, weight: 1, value: a, target: ">= 10"}
  - {id: own, weight: 10, value: a, target: ">= 10", overshoot: {ratio: 2, deduct: 5}}
`, nil)
	for _, c := range []struct {
		a, t0 float64
		want  map[string]float64 // points
		pen   map[string]bool    // overshoot_penalty
	}{
		// 13 = 1.3 × 10 exactly: ge, eq lose 2; le is over its target
		// (10 × (1 − 3/10) = 7); zero: T = 0 never penalised; tiny 1 − 2
		// → 0; own: 13 < 2 × 10, no penalty.
		{13, 0, map[string]float64{"ge": 8, "eq": 8, "le": 7, "zero": 10, "tiny": 0, "own": 10},
			map[string]bool{"ge": true, "eq": true, "tiny": true}},
		// 12.99 < 13: no penalty anywhere.
		{12.99, 0, map[string]float64{"ge": 10, "eq": 10, "le": 7.01, "zero": 10, "tiny": 1, "own": 10}, map[string]bool{}},
		// 20 ≥ 2 × 10: own loses its own 5 (not 2).
		{20, 0, map[string]float64{"ge": 8, "eq": 8, "le": 0, "zero": 10, "tiny": 0, "own": 5},
			map[string]bool{"ge": true, "eq": true, "tiny": true, "own": true}},
	} {
		u := unitOf(t, s, "U", map[string]any{"a": c.a, "t0": c.t0})
		r := p.EvalUnit(&u)
		for _, ir := range r.Indicators {
			pen := false
			for _, f := range ir.Flags {
				pen = pen || f == indicators.FlagOvershootPenalty
			}
			if ir.Points != c.want[ir.ID] || pen != c.pen[ir.ID] {
				t.Errorf("a=%v %s: points %v penalty %v, want %v %v", c.a, ir.ID, ir.Points, pen, c.want[ir.ID], c.pen[ir.ID])
			}
		}
		// No adjust and no max_total: the total is the plain sum.
		if r.Adjustments != nil || r.Outcome != nil {
			t.Errorf("a=%v: adjustments %v outcome %v on a ruleset without rules", c.a, r.Adjustments, r.Outcome)
		}
	}
}

func TestAdjustRanksAndOutcomes(t *testing.T) {
	_, s := compileYAML(t, rulesRuleset, nil)
	rows := []map[string]any{
		{"spent": 75, "budget": 100, "x": 100, "bonus": 0, "fine": 0},   // A: 15 + 80 = 95 → 89 良 据实保障 0
		{"spent": 79, "budget": 100, "x": 100, "bonus": 0, "fine": 0},   // B: 15.8 + 80 = 95.8 → 89 良
		{"spent": 100, "budget": 100, "x": 88, "bonus": 0, "fine": 0},   // C: 20 + 70.4 = 90.4 优 优先保障
		{"spent": 100, "budget": 200, "x": 85, "bonus": 0, "fine": 0},   // D: 10 + 68 = 78 → cap 59 差 −200
		{"spent": 180, "budget": 200, "x": 70, "bonus": 0, "fine": 0},   // E: 18 + 56 = 74 中 −0.05 × 200 = −10
		{"spent": 100, "budget": 100, "x": 80, "bonus": 0, "fine": 0.5}, // F: 20 + 64 − 0.5 = 83.5 良 0
		{"spent": 90, "budget": "", "x": 90, "bonus": 0, "fine": 0},     // G: budget blank: exec missing, 0 + 72 = 72; values.exec reads 0 as it scored → cap 59 差, change unknown
	}
	var units []indicators.Unit
	for i, row := range rows {
		units = append(units, unitOf(t, s, string(rune('A'+i)), row))
	}
	for _, workers := range []int{1, 3} {
		p2, _ := compileYAML(t, rulesRuleset, &engine.Options{Lang: "en", Workers: workers})
		res, err := p2.Eval(context.Background(), units)
		if err != nil {
			t.Fatal(err)
		}
		type got struct {
			Score  float64
			Rank   int
			Action string
			Change float64
			Has    bool
		}
		want := []got{
			{89, 2, "据实保障", 0, true},
			{89, 2, "据实保障", 0, true}, // tied by the cap
			{90.4, 1, "优先保障", 0, true},
			{59, 6, "取消或暂停", -200, true},
			{74, 5, "核减", -10, true},
			{83.5, 4, "据实保障", 0, true},
			{59, 6, "取消或暂停", 0, false}, // tied with D
		}
		for i, u := range res.Units {
			g := got{u.Score, u.Rank, "", 0, false}
			if u.Outcome != nil {
				g.Action, g.Change, g.Has = u.Outcome.Action, u.Outcome.Change, u.Outcome.HasChange
			}
			if g != want[i] {
				t.Errorf("workers %d unit %s: %+v, want %+v", workers, u.Unit, g, want[i])
			}
		}
		if o := res.Units[6].Outcome; o == nil || o.Why != "缺少 全年预算数" {
			t.Errorf("G: outcome %+v, want the missing budget named", o)
		}
		wantSums := []engine.OutcomeSum{
			{Action: "优先保障", Units: 1},
			{Action: "据实保障", Units: 3},
			{Action: "核减", Units: 1, Change: -10},
			{Action: "取消或暂停", Units: 2, Change: -200, Unknown: 1},
		}
		if !reflect.DeepEqual(res.Summary.Outcomes, wantSums) {
			t.Errorf("workers %d: outcome sums %+v, want %+v", workers, res.Summary.Outcomes, wantSums)
		}
	}
}

func TestAdjustDefaultCeilingAndNA(t *testing.T) {
	// No max_total, but adjust rules: the ceiling is 100.
	src := strings.Replace(rulesRuleset, "max_total: 103\n", "", 1)
	p, s := compileYAML(t, src, nil)
	u := unitOf(t, s, "U", map[string]any{"spent": 100, "budget": 100, "x": 100, "bonus": 1, "fine": 0})
	r := p.EvalUnit(&u)
	if want := []adj{{"bonus", 100, 101}, {"max_total", 101, 100}}; r.Score != 100 || !reflect.DeepEqual(adjustments(&r), want) {
		t.Errorf("score %v adjustments %v, want 100 %v", r.Score, adjustments(&r), want)
	}
	// 执行率 不适用: the cap, which reads it, does not apply; x alone
	// rescaled: 80 / 80 × 100 = 100 (the ceiling), bonus 0.
	u = unitOf(t, s, "U", map[string]any{"spent": "NA", "budget": 100, "x": 100, "bonus": 0, "fine": 0})
	r = p.EvalUnit(&u)
	if want := []adj{{"bonus", 100, 100}}; r.Score != 100 || !reflect.DeepEqual(adjustments(&r), want) {
		t.Errorf("N/A: score %v adjustments %v, want 100 %v", r.Score, adjustments(&r), want)
	}
	// A ruleset without adjust or max_total keeps a total past 100.
	p, s = compileYAML(t, "id: w\ninputs: {a: {}}\nindicators:\n  - {id: a, weight: 110, value: a, target: \">= 1\"}\n", nil)
	u = unitOf(t, s, "U", map[string]any{"a": 1})
	if r := p.EvalUnit(&u); r.Score != 110 || r.Adjustments != nil {
		t.Errorf("weights past 100: score %v adjustments %v, want 110 and none", r.Score, r.Adjustments)
	}
}

func TestAdjustFailsOnNonFinite(t *testing.T) {
	src := strings.Replace(rulesRuleset, `add: "bonus - fine"`, `add: "bonus / fine"`, 1)
	p, s := compileYAML(t, src, nil)
	u := unitOf(t, s, "U", map[string]any{"spent": 100, "budget": 100, "x": 100, "bonus": 1, "fine": 0})
	r := p.EvalUnit(&u)
	if !r.Failed() || r.Errors[0].Code != "rule_error" || !strings.Contains(r.Errors[0].Msg, "adjust rule bonus add") || !strings.Contains(r.Errors[0].Msg, "division by zero") {
		t.Errorf("errors %v, want the unit to fail naming rule bonus and the division by zero", r.Errors)
	}
}

func TestRuleFormulaErrors(t *testing.T) {
	for _, c := range []struct{ edit, want string }{
		{`when: "values.exec < 0.8"`, `r.yaml:15:19: adjust rule cap when: values.exce: the ruleset has no indicator "exce" (did you mean values.exec?)`},
		{`add: "bonus - fine"`, `r.yaml:19:15: adjust rule bonus add: points takes an indicator id: points.ID`},
		{`change: "-budget"`, `r.yaml:25:41: outcome 差 change: unknown input "budgt" (did you mean budget?)`},
	} {
		var src string
		switch {
		case strings.HasPrefix(c.edit, "when"):
			src = strings.Replace(rulesRuleset, c.edit, `when: "values.exce < 0.8"`, 1)
		case strings.HasPrefix(c.edit, "add"):
			src = strings.Replace(rulesRuleset, c.edit, `add: "len(points)"`, 1)
		default:
			src = strings.Replace(rulesRuleset, c.edit, `change: "-budgt"`, 1)
		}
		rs, err := rulesets.Load("r.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		_, err = engine.Compile(rs, &engine.Options{Lang: "en"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

// A repeated unit id fails the second unit, found after the first pass:
// its outcome leaves the sums.
func TestOutcomeSumsDuplicate(t *testing.T) {
	p, s := compileYAML(t, rulesRuleset, nil)
	e := map[string]any{"spent": 180, "budget": 200, "x": 70, "bonus": 0, "fine": 0} // 74 中 −10
	units := []indicators.Unit{unitOf(t, s, "E", e), unitOf(t, s, "E", e)}
	res, err := p.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Units[1].Failed() {
		t.Fatal("the repeated unit was scored")
	}
	for _, o := range res.Summary.Outcomes {
		want := engine.OutcomeSum{Action: o.Action}
		if o.Action == "核减" {
			want.Units, want.Change = 1, -10
		}
		if o != want {
			t.Errorf("sum %+v, want %+v", o, want)
		}
	}
}

func TestLintRules(t *testing.T) {
	// Weights 100: the highest total before the rules is 100.
	rs, err := rulesets.Load("r.yaml", []byte(`id: l
inputs: {a: {}, bonus: {}}
indicators:
  - {id: a, weight: 100, value: a, target: ">= 1"}
adjust:
  - {id: never_when, when: "a < 0", cap: 50}
  - {id: high_cap, cap: 100}
  - {id: above_ceiling, cap: "a > 1 ? 99 : 98"}
  - {id: zero, add: "0"}
  - {id: bonus, add: "min(bonus, 3)"}
  - {id: after_bonus, cap: 102}
max_total: 95
outcomes:
  - {grade: 优, action: 优先保障}
  - {grade: 差, action: 取消或暂停, change: "-1"}
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range engine.Lint(rs, &engine.Options{Lang: "en"}) {
		got = append(got, fmt.Sprintf("%d:%d %s %s", is.Pos.Line, is.Pos.Col, is.Code, is.Msg))
	}
	want := []string{
		// max_total 95 < weights 100.
		"1:1 max_total_below_weights max_total 95 is below the sum of the weights 100: full marks are clamped to 95",
		// a ≥ 0 (an input) is never below 0.
		"6:29 adjust_never adjust rule never_when can never apply: its condition a < 0 is never true",
		// 100 is never below the highest total 100, and above 95 anyway; the ceiling is named first.
		"7:25 cap_above_max_total adjust rule high_cap: the cap never matters: it is always 100, above max_total 95, which clamps every total lower anyway",
		"8:31 cap_above_max_total adjust rule above_ceiling: the cap never matters: it lies in [98, 99], above max_total 95, which clamps every total lower anyway",
		"9:22 adjust_never adjust rule zero adds 0: it never changes a total",
		// 102 < 100 + 3 after the bonus: it may apply, but it is above 95.
		"11:28 cap_above_max_total adjust rule after_bonus: the cap never matters: it is always 102, above max_total 95, which clamps every total lower anyway",
		"14:5 outcome_missing outcomes give no action for grade 良, 中: units of that grade get no outcome and leave the sums",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lint:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without max_total the ceiling is 100: a cap of 100 never applies
	// (the highest total is 100), a cap of 102 after a bonus of 3 may.
	rs, err = rulesets.Load("r.yaml", []byte(`id: l
inputs: {a: {}, bonus: {}}
indicators:
  - {id: a, weight: 100, value: a, target: ">= 1"}
adjust:
  - {id: high_cap, cap: 100}
  - {id: bonus, add: "min(bonus, 3)"}
  - {id: after_bonus, cap: 102}
`))
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, is := range engine.Lint(rs, &engine.Options{Lang: "en"}) {
		got = append(got, fmt.Sprintf("%d:%d %s", is.Pos.Line, is.Pos.Col, is.Code))
	}
	if want := []string{"6:25 adjust_never", "8:28 cap_above_max_total"}; !reflect.DeepEqual(got, want) {
		t.Errorf("lint without max_total: %v, want %v", got, want)
	}
}

// A claimed total that ignored a cap is a finding that names the cap; a
// claimed total that summed the claimed rows and applied the rules is no
// sum_mismatch.
func TestReviewIgnoredCap(t *testing.T) {
	p, s := compileYAML(t, rulesRuleset, nil)
	// 15 + 80 = 95 → cap 89 → +1 = 90 (优). The unit claims its rows
	// (15, 80) and a total of 96: it summed 95, skipped the cap, added 1.
	u := unitOf(t, s, "U", map[string]any{"spent": 75, "budget": 100, "x": 100, "bonus": 1, "fine": 0,
		"claimed.exec": 15, "claimed.x": 80, "claimed.score": 96})
	r := p.EvalUnit(&u)
	var kinds []string
	for _, f := range r.Review {
		kinds = append(kinds, f.Kind+": "+f.Message)
	}
	want := []string{"claim_high: 总分：自评 96 分，按规则应为 90 分（各指标按规则得分之和 95 分，经总分调整 95 → 89（执行率封顶） → 90（加减分）），多计 6 分（自评高于规则）；自评总分未执行「执行率封顶」（总分不得高于 89 分）"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("findings\n%q\nwant\n%q", kinds, want)
	}
	// The same rows and the rules applied: 90, no finding at all.
	u = unitOf(t, s, "U", map[string]any{"spent": 75, "budget": 100, "x": 100, "bonus": 1, "fine": 0,
		"claimed.exec": 15, "claimed.x": 80, "claimed.score": 90})
	if r := p.EvalUnit(&u); len(r.Review) != 0 {
		t.Errorf("findings %+v on a claim that applied the rules", r.Review)
	}
}
