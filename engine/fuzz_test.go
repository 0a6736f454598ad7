package engine_test

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

// fuzzLimits keep each fuzz input fast: a formula that loops is stopped
// after 10⁴ steps, so the fuzzer spends its time on new inputs.
var fuzzLimits = engine.Options{Workers: 1, MaxSteps: 10_000, MemoryBudget: 10_000, UnitTimeout: 200 * time.Millisecond}

// checkDiagnostics fails unless err is a diag.List whose every entry names
// file, with a line inside the source (0 meaning the whole file).
func checkDiagnostics(t *testing.T, err error, file string, src []byte) {
	t.Helper()
	var list diag.List
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %T %v, want a diag.List", err, err)
	}
	lines := yamlLines(src) + 1
	for _, d := range list {
		if d.Pos.File != file || d.Pos.Line < 0 || d.Pos.Line > lines || d.Pos.Col < 0 || d.Code == "" || d.Msg == "" {
			t.Fatalf("diagnostic %+v: want file %s, a line within 0..%d, a code and a message", d, file, lines)
		}
		if d.Code == "internal" {
			t.Fatalf("internal error: %v", d)
		}
	}
}

// yamlLines counts the lines of src as YAML does: a line break is \n, \r\n,
// a lone \r (found by FuzzLoadRuleset: "\r\r0" puts 0 on line 3), or one
// of U+0085, U+2028, U+2029.
func yamlLines(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

// checkUnit fails unless a unit result keeps the promises of DESIGN.md:
// statuses from the list, points finite within [0, weight], a total
// within [0, 100] when the weights sum to 100 or less, and failed units
// with positioned errors.
func checkUnit(t *testing.T, rs *indicators.Ruleset, r *engine.UnitResult) {
	t.Helper()
	if r.Failed() {
		for _, e := range r.Errors {
			if e.Code == "" || e.Msg == "" || e.Code == "internal" {
				t.Fatalf("unit %s: error %+v", r.Unit, e)
			}
		}
		return
	}
	for _, ir := range r.Indicators {
		switch ir.Status {
		case indicators.StatusOK, indicators.StatusMissing, indicators.StatusNA, indicators.StatusError:
		default:
			t.Fatalf("indicator %s: status %q", ir.ID, ir.Status)
		}
		if math.IsNaN(ir.Points) || ir.Points < 0 || ir.Points > ir.Weight {
			t.Fatalf("indicator %s: points %v outside [0, %v]", ir.ID, ir.Points, ir.Weight)
		}
		if ir.Status != indicators.StatusOK && ir.Points != 0 {
			t.Fatalf("indicator %s: status %s with %v points", ir.ID, ir.Status, ir.Points)
		}
	}
	if math.IsNaN(r.Score) || math.IsInf(r.Score, 0) || r.Score < 0 {
		t.Fatalf("score %v", r.Score)
	}
	if rs.TotalWeight() <= 100 && r.Score > 100 {
		t.Fatalf("score %v above 100 with total weight %v", r.Score, rs.TotalWeight())
	}
}

// fuzzUnits are units for any ruleset: every input 1 (tier A), every
// input 0 (tier C), every input missing, and every input N/A.
func fuzzUnits(rs *indicators.Ruleset) []indicators.Unit {
	var units []indicators.Unit
	for k, fill := range []func(in indicators.Input) indicators.Value{
		func(in indicators.Input) indicators.Value {
			if in.Type == indicators.TypeTier {
				return indicators.Value{Kind: indicators.Tier, Tier: 'A'}
			}
			return indicators.NumberValue(1)
		},
		func(in indicators.Input) indicators.Value {
			if in.Type == indicators.TypeTier {
				return indicators.Value{Kind: indicators.Tier, Tier: 'C', Num: 0.5, HasFrac: true}
			}
			return indicators.NumberValue(0)
		},
		func(indicators.Input) indicators.Value { return indicators.Value{} },
		func(indicators.Input) indicators.Value { return indicators.Value{Kind: indicators.NA} },
	} {
		u := indicators.Unit{ID: string(rune('A' + k)), Values: make([]indicators.Value, len(rs.Inputs))}
		for i, in := range rs.Inputs {
			u.Values[i] = fill(in)
		}
		units = append(units, u)
	}
	return units
}

// FuzzLoadRuleset: Load never panics on any bytes; what it refuses it
// refuses with positioned diagnostics; what it accepts compiles or is
// refused the same way, and a compiled ruleset scores any unit within the
// rules.
func FuzzLoadRuleset(f *testing.F) {
	for _, id := range rulesets.IDs() {
		src, err := fs.ReadFile(rulesets.FS, id+".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	if src, err := os.ReadFile("testdata/conformance/ruleset.yaml"); err == nil {
		f.Add(src)
	}
	for _, s := range []string{
		"",
		"id: x\n",
		"id: x\ninputs: {a: {label: 甲}}\nindicators:\n  - {id: i, weight: 100, value: a, target: \">= 1\"}\n",
		"id: x\ninputs: {a: , t: {type: tier}}\nindicators:\n  - {id: i, weight: 50, value: a, bands: [{when: value > 1, score: 1}, {else: 0.5}]}\n  - {id: j, weight: 50, value: t}\n",
		"id: x\ninputs: {a: }\nindicators:\n  - {id: i, weight: 10, deduct: {count: a, points: 2}}\n  - {id: j, weight: 10, score: \"a > 1 ? weight : a * weight\"}\n",
		"id: x\ngrades: [{min: 90, label: A}, {min: 95, label: B}]\nindicators: []\n",
		"a: &a [*a]\n",
		"- &x {a: *x}\n",
		"id: x\ninputs: {a: }\nindicators:\n  - {use: budget_execution_rate, weight: 10}\n",
		"id: x\ntests:\n  - name: t\n    data: {a: 1}\n    expect: {score: 1}\n",
		"\xef\xbb\xbfid: x\n",
		"id: x\ninputs: {a: }\nindicators:\n  - id: i\n    weight: 10\n    value: |\n      a +\n      1\n    target: \">= 2\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		rs, err := rulesets.Load("fuzz.yaml", src)
		if err != nil {
			if rs != nil {
				t.Fatal("Load returned a ruleset and an error")
			}
			checkDiagnostics(t, err, "fuzz.yaml", src)
			return
		}
		prog, err := engine.Compile(rs, &fuzzLimits)
		if err != nil {
			checkDiagnostics(t, err, "fuzz.yaml", src)
			return
		}
		for _, u := range fuzzUnits(rs) {
			r := prog.EvalUnit(&u)
			checkUnit(t, rs, &r)
		}
		for _, cr := range tester.Run(prog) {
			_ = cr.Pass
		}
	})
}

// formulaRulesets are rulesets with number inputs x and y and tier input
// t, each with the formula under test in one place a formula may stand:
// the score of an indicator, the value of a target indicator, a target,
// the count of a deduction, the condition of a band, a check.
func formulaRulesets(formula string) []*indicators.Ruleset {
	f := indicators.Formula{Src: formula, Pos: diag.Pos{File: "fuzz.yaml", Line: 1, Col: 1}}
	plain := func(src string) indicators.Formula {
		return indicators.Formula{Src: src, Pos: diag.Pos{File: "fuzz.yaml", Line: 2, Col: 1}}
	}
	tierInd := indicators.Indicator{ID: "tier", Label: "tier", Weight: 20, Form: indicators.FormTiers, Value: plain("t"), Tiers: indicators.DefaultTiers()}
	var out []*indicators.Ruleset
	for _, ind := range []indicators.Indicator{
		{Form: indicators.FormScore, Score: f},
		{Form: indicators.FormTarget, Value: f, Target: indicators.Target{Op: ">=", Expr: plain("y")}},
		{Form: indicators.FormTarget, Value: plain("x"), Target: indicators.Target{Op: "<=", Expr: f}, Reverse: indicators.ReverseLinear},
		{Form: indicators.FormDeduct, Deduct: indicators.Deduct{Count: f, Points: 1.5}},
		{Form: indicators.FormBands, Value: plain("x"), Bands: []indicators.Band{{When: f, Score: plain("0.75")}, {Else: true, Score: plain("value / 3")}}},
		{Form: indicators.FormScore, Score: plain("x")},
	} {
		ind.ID, ind.Label, ind.Weight = "f", "formula", 80
		rs := &indicators.Ruleset{
			ID: "fuzz", File: "fuzz.yaml", Missing: indicators.MissingZero, Grades: indicators.DefaultGrades(),
			Inputs:     []indicators.Input{{ID: "x", Type: indicators.TypeNumber}, {ID: "y", Type: indicators.TypeNumber}, {ID: "t", Type: indicators.TypeTier}},
			Indicators: []indicators.Indicator{ind, tierInd},
		}
		if len(out) == 5 {
			rs.Checks = []indicators.Check{{ID: "c", Assert: f}}
		}
		out = append(out, rs)
	}
	return out
}

// formulaSeeds are formulas a bureau writes, and hostile ones.
var formulaSeeds = []string{
	"x / y", "x >= y", "x > 0 ? x / y : 0", "min(x, y) / max(x, y, 1)", "abs(x - y) <= 0.05 * y",
	"t == 'A' ? 1 : 0.5", "t in ['A', 'B']", "value * weight", "weight - x", "round(x * 100) / 100",
	"x ** 2 + y ** 0.5", "-x", "not (x > y)", "x > 1 and y < 2 or t == 'C'", "1e308 * 10",
	"0 / 0", "x % 3", "int(x) % 2 == 0", "sum([x, y, 3])", "mean([x, y])", "median([x, y, 1])",
	"count([x, y], # > 1)", "all([x, y], # >= 0)", "reduce([x, y], #acc + #, 0)",
	"len(1..1000000000)", "map(1..100000000, #)", "repeat('x', 1000000000)",
	"let r = 1..int(x * 1000); sum(r, sum(r, #))", "let a = 'xx'; let b = a + a; len(b)",
	"now()", "filter(1..10, # > x)[0]", "first([x, y]) / last([y, x])", "get([x], 5)",
	"x ?? y", "(((((x)))))", "x..y", "[x, y][int(y)]", "{'a': x}.a", "upper(t) == 'A'",
	"trim(t) + 'x'", "float('1e400')", "int(1e300)", "x == nil", "y / (x - x)", "ceil(x) - floor(y)",
}

// FuzzCompileFormula: any formula compiles or is refused with a positioned
// diagnostic, never panics while evaluating, and every indicator keeps its
// points finite within [0, weight]. The fast path (typed closures) and
// expr's VM give the same points and statuses.
func FuzzCompileFormula(f *testing.F) {
	for _, s := range formulaSeeds {
		f.Add(s, 1.5, 2.0, "A")
	}
	f.Add("x / y", 0.0, 0.0, "B:0.7")
	f.Add("x - y", -1e308, 1e308, "未达成")
	f.Fuzz(func(t *testing.T, formula string, x, y float64, tier string) {
		for _, rs := range formulaRulesets(formula) {
			fuzzFormula(t, rs, formula, x, y, tier)
		}
	})
}

func fuzzFormula(t *testing.T, rs *indicators.Ruleset, formula string, x, y float64, tier string) {
	fast, err := engine.Compile(rs, &fuzzLimits)
	if err != nil {
		checkDiagnostics(t, err, "fuzz.yaml", []byte(formula+"\n"))
		return
	}
	exprOnly := fuzzLimits
	exprOnly.ExprOnly = true
	slow, err := engine.Compile(rs, &exprOnly)
	if err != nil {
		t.Fatalf("compiles with the fast path but not without: %v", err)
	}
	units := fuzzUnits(rs)
	u := indicators.Unit{ID: "data", Values: []indicators.Value{indicators.NumberValue(x), indicators.NumberValue(y), {}}}
	if !indicators.Finite(x) || !indicators.Finite(y) {
		u.Values[0], u.Values[1] = indicators.NumberValue(1), indicators.NumberValue(2)
	}
	if v, err := indicators.ParseTier(tier); err == nil {
		u.Values[2] = v
	}
	units = append(units, u)
	for i := range units {
		a, b := fast.EvalUnit(&units[i]), slow.EvalUnit(&units[i])
		checkUnit(t, rs, &a)
		checkUnit(t, rs, &b)
		if a.Failed() != b.Failed() {
			// A time limit may stop one and not the other; no other
			// difference is allowed.
			if !timedOut(&a) && !timedOut(&b) {
				t.Fatalf("unit %s: fast path failed=%v (%v), expr failed=%v (%v)", units[i].ID, a.Failed(), a.Errors, b.Failed(), b.Errors)
			}
			continue
		}
		for k := range a.Indicators {
			ia, ib := a.Indicators[k], b.Indicators[k]
			if ia.Points != ib.Points || ia.Status != ib.Status {
				t.Fatalf("unit %s indicator %s: fast path %v %s (%v), expr %v %s (%v)", units[i].ID, ia.ID, ia.Points, ia.Status, ia.Err, ib.Points, ib.Status, ib.Err)
			}
		}
	}
}

func timedOut(r *engine.UnitResult) bool {
	for _, e := range r.Errors {
		if strings.Contains(e.Msg, "took longer than") {
			return true
		}
	}
	return false
}
