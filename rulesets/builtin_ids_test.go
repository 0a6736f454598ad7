package rulesets_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/expr-lang/expr/builtin"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// An input named like a built-in function of formulas hides the function
// (abs(x) then fails with "float64 is not callable"): every such name is
// refused at load, where it is declared, with a new name to use.
func TestBuiltinNamesRefusedAsIDs(t *testing.T) {
	if len(builtin.Names) < 50 {
		t.Fatalf("expr lists %d builtins", len(builtin.Names))
	}
	for _, name := range builtin.Names {
		src := fmt.Sprintf("id: x\ninputs: {%s: {}}\nindicators:\n  - {id: a1, weight: 10, value: abs(%s), target: \">= 1\"}\n", name, name)
		_, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(src))
		want := fmt.Sprintf("r.yaml:2:10: input id %q is the name of a built-in function of formulas (%s(...)): rename the input, e.g. %s_value", name, name, name)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("input %s: %v\nwant %s", name, err, want)
		}
	}
	for _, tc := range []struct{ name, src, want string }{
		{"block input", "id: x\ninputs:\n  a: {}\n  max:\n    label: 最大\nindicators:\n  - {id: a1, weight: 10, value: a, target: \">= 1\"}\n",
			`r.yaml:4:3: input id "max" is the name of a built-in function of formulas (max(...)): rename the input, e.g. max_value`},
	} {
		_, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v\nwant %s", tc.name, err, tc.want)
		}
	}
}

// Indicator ids are not names in formulas: one may be called len or
// reverse.
func TestBuiltinNamesAllowedForIndicators(t *testing.T) {
	src := "id: x\ninputs: {a: {}}\nindicators:\n  - {id: len, weight: 50, value: a, target: \">= 1\"}\n  - {id: reverse, weight: 50, value: \"len('ab') * a\", target: \">= 2\"}\n"
	rs, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := prog.EvalUnit(&indicators.Unit{ID: "u", Values: []indicators.Value{indicators.NumberValue(1)}})
	if r.Failed() || r.Score != 100 {
		t.Errorf("score %v errors %v, want 100", r.Score, r.Errors)
	}
}

// The built-in rulesets and the indicator library have no input of such a
// name (they load, and are checked here name by name besides).
func TestBuiltinRulesetsUseNoBuiltinNames(t *testing.T) {
	defs, err := rulesets.Library()
	if err != nil {
		t.Fatal(err)
	}
	check := func(where, id string) {
		if _, ok := builtin.Index[id]; ok {
			t.Errorf("%s: id %q is a built-in function of formulas", where, id)
		}
	}
	for _, d := range defs {
		for _, in := range d.Inputs {
			check("library "+d.ID, in.ID)
		}
	}
	for _, id := range rulesets.IDs() {
		rs, err := rulesets.Options{Lang: "en"}.Open(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for _, in := range rs.Inputs {
			check(id, in.ID)
		}
	}
}
