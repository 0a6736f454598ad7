package engine_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// limitRuleset is a ruleset with one input n and one score indicator whose
// formula is given; the formula stands on line 5 after `score: "`, so its
// first character is at column 39.
func limitRuleset(t *testing.T, formula string) *indicators.Ruleset {
	t.Helper()
	src := "id: limits\n" +
		"inputs: {n: {label: 次数}}\n" +
		"indicators:\n" +
		"  - {id: plain, weight: 50, value: n, target: \">= 1\"}\n" +
		"  - {id: hostile, weight: 50, score: \"" + formula + "\"}\n"
	rs, err := rulesets.Load("limits.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return rs
}

const formulaCol = 39 // column of the formula's first character in limitRuleset

// doubling builds text by doubling it k times through let variables: 2^k
// bytes, which expr would happily allocate.
func doubling(k int) string {
	var b strings.Builder
	b.WriteString("let a0 = 'xx'; ")
	for i := 1; i <= k; i++ {
		fmt.Fprintf(&b, "let a%d = a%d + a%d; ", i, i-1, i-1)
	}
	fmt.Fprintf(&b, "len(a%d) > 0 ? 1 : 0", k)
	return b.String()
}

func TestLimitsRefusedAtCompile(t *testing.T) {
	tests := []struct {
		name    string
		formula string
		col     int    // column of the error, from the formula's first character (0)
		want    string // substring of the message
	}{
		{name: "huge constant range", formula: "len(1..1000000000)", col: 5,
			want: "the range 1..1000000000 has 1000000000 elements, more than the limit of 1000000"},
		{name: "map over huge range", formula: "len(map(1..100000000, #))", col: 9,
			want: "the range 1..100000000 has 100000000 elements, more than the limit of 1000000"},
		{name: "repeat", formula: "len(repeat('x', 1000000000))", col: 4,
			want: "repeat() is not allowed in formulas: it can build text or lists of any size"},
		{name: "now", formula: "now().Year() > 2000 ? 1 : 0", col: 0,
			want: "now() is not allowed in formulas: the result would depend on when jixiao runs"},
		{name: "toJSON", formula: "len(toJSON(1..10))", col: 4,
			want: "toJSON() is not allowed in formulas: it can build text or lists of any size"},
		// The first + stands after "let a0 = 'xx'; let a1 = a0 ".
		{name: "text doubling", formula: doubling(40), col: 27,
			want: "+ may only add numbers here: joining text or lists is not allowed in formulas"},
		// Every size is a constant: the inner count runs 1000 steps, the
		// middle one 1000 × (1 + 1000) = 1001000 > 10⁶, and is the one shown.
		{name: "nested loops of known length", formula: "count(1..1000, count(1..1000, count(1..1000, # > 0) > 0) > 0)", col: 15,
			want: "the formula may run up to 1001000 loop steps on one unit, more than the limit of 1000000"},
		// let keeps the size: 2000 × (1 + 2000) = 4002000 steps.
		{name: "nested loops over a let list", formula: "let r = 1..2000; sum(r, sum(r, #))", col: 17,
			want: "the formula may run up to 4002000 loop steps on one unit"},
		{name: "too long", formula: strings.Repeat("1 + ", 2600) + "1", col: 0,
			want: "the formula is 10401 bytes long, more than the limit of 10000"},
		{name: "too many nodes", formula: strings.Repeat("n + ", 300) + "n", col: -1,
			want: "the formula has more than 500 nodes (a limit of jixiao): simplify it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.Compile(limitRuleset(t, tc.formula), &engine.Options{Lang: "en"})
			var list diag.List
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("Compile: %v, want one diagnostic", err)
			}
			d := list[0]
			if d.Code != "formula_limit" && d.Code != "formula_too_large" {
				t.Errorf("code %q, want formula_limit", d.Code)
			}
			if !strings.Contains(d.Msg, tc.want) || !strings.HasPrefix(d.Msg, "indicator hostile score: ") {
				t.Errorf("message %q, want it to hold %q", d.Msg, tc.want)
			}
			if d.Pos.File != "limits.yaml" || d.Pos.Line != 5 {
				t.Errorf("position %v, want limits.yaml:5", d.Pos)
			}
			if tc.col >= 0 && d.Pos.Col != formulaCol+tc.col {
				t.Errorf("column %d, want %d", d.Pos.Col, formulaCol+tc.col)
			}
		})
	}
}

// Formulas whose cost depends on the data pass Compile; a unit whose data
// makes them exceed a limit fails with the reason and the others score.
func TestLimitsFailTheUnitAtRunTime(t *testing.T) {
	tests := []struct {
		name    string
		formula string
		opts    engine.Options
		n       float64 // the hostile unit's input
		want    string
	}{
		// 1..2000000 allocates 2·10⁶ elements > the budget of 10⁶.
		{name: "range up to an input", formula: "count(1..int(n), # > 0) > 0 ? 50 : 0", n: 2e6, opts: engine.Options{Lang: "en"},
			want: "indicator hostile score: the formula needs more than 1000000 list elements or characters (the memory limit of jixiao); simplify the formula (the limit is for all the formulas of a unit together)"},
		// 1500 × 1500 = 2.25·10⁶ steps > 10⁶ (sum has no early exit).
		{name: "nested loops up to an input", formula: "let r = 1..int(n); sum(r, sum(r, #)) > 0 ? 50 : 0", n: 1500,
			opts: engine.Options{Lang: "en", UnitTimeout: time.Minute},
			want: "indicator hostile score: the formulas ran more than 1000000 loop steps on this unit (a limit of jixiao)"},
		// 30000 × 30000 = 9·10⁸ steps take minutes; the other units
		// take microseconds.
		{name: "time limit", formula: "let r = 1..int(n); sum(r, sum(r, #)) > 0 ? 50 : 0", n: 30000,
			opts: engine.Options{Lang: "en", MaxSteps: 1e9, UnitTimeout: 200 * time.Millisecond},
			want: "indicator hostile score: the formulas took longer than 200ms on this unit (a limit of jixiao)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Workers = 1
			prog, err := engine.Compile(limitRuleset(t, tc.formula), &tc.opts)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			units := []indicators.Unit{
				{ID: "ok1", Values: []indicators.Value{indicators.NumberValue(10)}},
				{ID: "bad", Values: []indicators.Value{indicators.NumberValue(tc.n)}},
				// 15² = 225 loop steps: below the meter's first clock check
				// after the start (clockEvery), so a busy machine cannot
				// time this unit out.
				{ID: "ok2", Values: []indicators.Value{indicators.NumberValue(15)}},
			}
			start := time.Now()
			res, err := prog.Eval(context.Background(), units)
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Eval took %v", d)
			}
			// ok1 and ok2: n ≥ 1 meets the target (50) and the loop finds
			// elements above 0 (50): 100 each.
			for _, i := range []int{0, 2} {
				if u := res.Units[i]; u.Failed() || u.Score != 100 {
					t.Errorf("%s: score %v errors %v, want 100", u.Unit, u.Score, u.Errors)
				}
			}
			bad := res.Units[1]
			if !bad.Failed() || len(bad.Errors) != 1 {
				t.Fatalf("bad: errors %v, want one", bad.Errors)
			}
			if e := bad.Errors[0]; e.Code != "formula_limit" || !strings.Contains(e.Msg, tc.want) {
				t.Errorf("bad: %s %q, want formula_limit %q", e.Code, e.Msg, tc.want)
			}
			if res.Summary.Errors != 1 || res.Units[1].Rank != 0 {
				t.Errorf("summary errors %d, bad rank %d: want 1 failed unit without rank", res.Summary.Errors, res.Units[1].Rank)
			}
		})
	}
}

// Cancelling the context stops a unit in the middle of a long loop.
func TestLimitsCancelStopsLoops(t *testing.T) {
	prog, err := engine.Compile(limitRuleset(t, "let r = 1..int(n); sum(r, sum(r, #)) > 0 ? 50 : 0"), &engine.Options{Lang: "en", Workers: 1, MaxSteps: 1e9, UnitTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	// 30000² = 9·10⁸ steps: minutes, unless cancelled.
	_, err = prog.Eval(ctx, []indicators.Unit{{ID: "slow", Values: []indicators.Value{indicators.NumberValue(30000)}}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Eval: %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Eval took %v after cancel", d)
	}
}

// A limit left at 0 is its default (the tests above meet the defaults), so
// none can be switched off, by leaving it out or by a huge value.
func TestLimitOptionsRefuseSwitchingOff(t *testing.T) {
	rs := limitRuleset(t, "n")
	for _, tc := range []struct {
		name string
		opt  engine.Options
		want string
	}{
		{"max nodes huge", engine.Options{Lang: "en", MaxNodes: 1 << 40}, "max nodes must be between 1 and 10000"},
		{"memory huge", engine.Options{Lang: "en", MemoryBudget: 1 << 40}, "memory budget must be between 1 and 100000000, got 1099511627776"},
		{"steps huge", engine.Options{Lang: "en", MaxSteps: 1 << 40}, "max steps must be between 1 and 1000000000, got 1099511627776"},
		{"steps negative", engine.Options{Lang: "en", MaxSteps: -1}, "max steps must be between 1 and 1000000000, got -1"},
		{"timeout negative", engine.Options{Lang: "en", UnitTimeout: -time.Second}, "unit timeout must be above 0 and at most 1m0s, got -1s"},
		{"timeout huge", engine.Options{Lang: "en", UnitTimeout: time.Hour}, "unit timeout must be above 0 and at most 1m0s, got 1h0m0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.Compile(rs, &tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Compile: %v, want %q", err, tc.want)
			}
		})
	}
}

// Loops that stay within the limits keep working, and explanations show the
// formula as written, without the step counter.
func TestLimitsAllowOrdinaryLoops(t *testing.T) {
	prog, err := engine.Compile(limitRuleset(t, "count([n, n * 2, n * 3], # >= 10) * 10 + sum(1..4, #)"), &engine.Options{Lang: "en", Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	// n = 5: [5, 10, 15] has 2 elements ≥ 10 → 20; 1+2+3+4 = 10 → 30 of 50.
	r := prog.EvalUnit(&indicators.Unit{ID: "u", Values: []indicators.Value{indicators.NumberValue(5)}})
	if r.Failed() {
		t.Fatal(r.Errors)
	}
	ir := r.Indicators[1]
	if ir.Points != 30 {
		t.Errorf("points %v, want 30", ir.Points)
	}
	if strings.Contains(ir.Explain, "__jixiao") {
		t.Errorf("explanation shows the step counter: %s", ir.Explain)
	}
}

// manyRuleset is a ruleset with one input n and k score indicators i0,
// i1, ... of the same formula, one a line from line 4.
func manyRuleset(t *testing.T, k int, formula string) *indicators.Ruleset {
	t.Helper()
	var b strings.Builder
	b.WriteString("id: many\ninputs: {n: {label: 次数}}\nindicators:\n")
	for i := 0; i < k; i++ {
		fmt.Fprintf(&b, "  - {id: i%d, weight: %g, score: \"%s\"}\n", i, 100/float64(k), formula)
	}
	rs, err := rulesets.Load("many.yaml", []byte(b.String()))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return rs
}

// Ranges of constant bounds that every unit builds count together against
// the memory budget of a unit: 2000 formulas of len(1..999999) would make
// every unit fail (and took 22 s a unit when the budget was per formula).
func TestLimitsRangesOfAllFormulasRefusedAtCompile(t *testing.T) {
	tests := []struct {
		name    string
		k       int
		formula string
		want    string // "" when it compiles
	}{
		{name: "2000 formulas", k: 2000, formula: "len(1..999999) > 0 ? 1 : 0",
			want: "many.yaml:5:41: indicator i1 score: with the formulas before it, every unit would build ranges of 1999998 elements, more than the limit of 1000000 per unit"},
		// Both branches build a range: one of them always runs.
		{name: "both branches", k: 2, formula: "n > 0 ? len(1..600000) : len(1..700000)",
			want: "indicator i1 score: with the formulas before it, every unit would build ranges of 1200000 elements"},
		{name: "within the budget", k: 2, formula: "len(1..400000) > 0 ? 1 : 0"},
		// A branch, a short circuit or a loop body may not run: counted
		// while running instead.
		{name: "one branch", k: 3, formula: "n > 0 ? len(1..600000) : 0"},
		{name: "short circuit", k: 3, formula: "n > 0 || len(1..600000) > 0 ? 1 : 0"},
		{name: "loop body", k: 3, formula: "count(1..int(n), len(1..600000) > 0)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := engine.Compile(manyRuleset(t, tc.k, tc.formula), &engine.Options{Lang: "en"})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Compile took %v", d)
			}
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Compile: %v", err)
				}
				return
			}
			var list diag.List
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("Compile: %v, want one diagnostic", err)
			}
			if list[0].Code != "formula_limit" || !strings.Contains(list[0].Error(), tc.want) {
				t.Errorf("Compile: %s %v\nwant formula_limit %q", list[0].Code, list[0], tc.want)
			}
		})
	}
}

// evalMany scores units of inputs ns with prog, one worker, and returns
// the results and how long it took.
func evalMany(t *testing.T, prog *engine.Program, ns ...float64) ([]engine.UnitResult, time.Duration) {
	t.Helper()
	var units []indicators.Unit
	for i, n := range ns {
		units = append(units, indicators.Unit{ID: fmt.Sprintf("u%d", i), Values: []indicators.Value{indicators.NumberValue(n)}})
	}
	start := time.Now()
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	return res.Units, time.Since(start)
}

// wantFailed checks that r failed with one formula_limit error holding want.
func wantFailed(t *testing.T, r engine.UnitResult, want string) {
	t.Helper()
	if !r.Failed() || len(r.Errors) != 1 {
		t.Fatalf("%s: errors %v, want one", r.Unit, r.Errors)
	}
	if e := r.Errors[0]; e.Code != "formula_limit" || !strings.Contains(e.Msg, want) {
		t.Errorf("%s: %s %q, want formula_limit %q", r.Unit, e.Code, e.Msg, want)
	}
}

// The ranges a unit's formulas build while running count together: the
// second formula of 999999 elements fails the unit at once, naming its
// indicator, and a unit whose ranges are short scores.
func TestLimitsMemoryIsPerUnit(t *testing.T) {
	prog, err := engine.Compile(manyRuleset(t, 2000, "len(1..int(n)) > 0 ? 1 : 0"), &engine.Options{Lang: "en", Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	rs, took := evalMany(t, prog, 3, 999999, 2)
	if took > 10*time.Second {
		t.Errorf("Eval took %v", took)
	}
	for _, i := range []int{0, 2} {
		if r := rs[i]; r.Failed() || r.Score != 100 {
			t.Errorf("%s: score %v errors %v, want 100", r.Unit, r.Score, r.Errors)
		}
	}
	wantFailed(t, rs[1], "indicator i1 score: the formula needs more than 1000000 list elements or characters (the memory limit of jixiao); simplify the formula (the limit is for all the formulas of a unit together)")

	// Two formulas of 600000 elements each: within the budget of one run,
	// over the budget of the unit.
	prog, err = engine.Compile(manyRuleset(t, 2, "len(1..int(n)) > 0 ? 50 : 0"), &engine.Options{Lang: "en", Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ = evalMany(t, prog, 600000, 400000)
	wantFailed(t, rs[0], "indicator i1 score: the formula needs more than 1000000 list elements or characters (the memory limit of jixiao)")
	if r := rs[1]; r.Failed() || r.Score != 100 {
		t.Errorf("%s: score %v errors %v, want 100 (800000 elements)", r.Unit, r.Score, r.Errors)
	}
}

// The time limit holds between formulas too, not only inside loops: a
// unit of many formulas without a loop stops soon after it.
func TestLimitsTimeBetweenFormulas(t *testing.T) {
	// 2000 ranges of 20000 elements: 4·10⁷ elements, within the budget
	// set here, and far more than 1 ms of work.
	prog, err := engine.Compile(manyRuleset(t, 2000, "len(1..int(n)) > 0 ? 1 : 0"), &engine.Options{Lang: "en", Workers: 1, MemoryBudget: 100_000_000, UnitTimeout: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	rs, took := evalMany(t, prog, 20000, -1)
	if took > 10*time.Second {
		t.Errorf("Eval took %v", took)
	}
	wantFailed(t, rs[0], "the formulas took longer than 1ms on this unit (a limit of jixiao)")
	if !strings.HasPrefix(rs[0].Errors[0].Msg, "indicator i") {
		t.Errorf("message %q does not name the indicator", rs[0].Errors[0].Msg)
	}
	// n = -1 builds empty ranges: 2000 VM runs in well under the limit
	// would be too tight a bet on a loaded machine; it must not fail of
	// memory at least.
	if r := rs[1]; r.Failed() && !strings.Contains(r.Errors[0].Msg, "took longer") {
		t.Errorf("%s: %v", r.Unit, r.Errors)
	}
}

// Explanations and traces evaluate formulas again; they must not count
// against the unit's limits, or a unit would fail only when explained.
func TestLimitsSameWithExplanations(t *testing.T) {
	// 2 × 400000 elements: within the budget once, not twice; 2 × 400
	// loop steps: within a limit of 1000 once, not twice.
	ranges := manyRuleset(t, 2, "len(1..int(n)) > 0 ? 50 : 0")
	loops := manyRuleset(t, 2, "count(1..int(n), # > 0) > 0 ? 50 : 0")
	for _, tc := range []struct {
		rs   *indicators.Ruleset
		n    float64
		opts engine.Options
	}{
		{ranges, 400000, engine.Options{Lang: "en", Explain: true}},
		{ranges, 400000, engine.Options{Lang: "en", Trace: true}},
		{ranges, 400000, engine.Options{Lang: "en", Explain: true, Trace: true}},
		{loops, 400, engine.Options{Lang: "en", Explain: true, MaxSteps: 1000}},
		{loops, 400, engine.Options{Lang: "en", Trace: true, MaxSteps: 1000}},
	} {
		tc.opts.Workers = 1
		prog, err := engine.Compile(tc.rs, &tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		r := prog.EvalUnit(&indicators.Unit{ID: "u", Values: []indicators.Value{indicators.NumberValue(tc.n)}})
		if r.Failed() || r.Score != 100 {
			t.Fatalf("score %v errors %v, want 100", r.Score, r.Errors)
		}
		for _, ir := range r.Indicators {
			if strings.Contains(ir.Explain, "limit of jixiao") || strings.Contains(fmt.Sprint(ir.Steps), "limit of jixiao") {
				t.Errorf("%s: explanation met a limit: %.300s %.300v", ir.ID, ir.Explain, ir.Steps)
			}
			// A step shows a list of 400000 elements by its first few.
			for _, st := range ir.Steps {
				if len(st.Value) > 200 {
					t.Errorf("%s: step %s shows %d bytes: %.100s", ir.ID, st.Expr, len(st.Value), st.Value)
				}
			}
		}
		if steps := r.Indicators[0].Steps; tc.n == 400000 && len(steps) > 1 && steps[1].Value != "[1 2 3 4 5 6 7 8 9 10 …]（共 400000 项）" {
			t.Errorf("the range shows as %.100s", steps[1].Value)
		}
	}
}

// Each evaluation of a Probe (jixiao gen runs thousands) meets the limits
// of a unit on its own: neither the time since the first nor the ranges
// of the ones before count.
func TestLimitsProbeEvaluationsStandAlone(t *testing.T) {
	src := "id: probe\ninputs: {n: {label: 次数}}\nindicators:\n  - {id: a, weight: 100, value: \"len(1..int(n)) * 1.0\", target: \">= 1\"}\n"
	rs, err := rulesets.Load("probe.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Lang: "en", UnitTimeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	pr := prog.NewProbe()
	for i := 0; i < 12; i++ {
		// 12 × 400000 elements, over 12 × 5 ms: far over the limits of
		// one unit together.
		if v, ok := pr.Value(0, []float64{400000}); !ok || v != 400000 {
			t.Fatalf("evaluation %d: %v %v, want 400000", i, v, ok)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
