package rulesets_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the whole first error, position, message, snippet and caret
	}{
		{
			name: "misspelt input in a plain formula",
			src:  "id: x\ninputs: {spent: {}, budget: {}}\nindicators:\n  - id: a\n    weight: 10\n    value: spnet / budget\n    target: \">= 1\"\n",
			want: "r.yaml:6:12: indicator a value: unknown input \"spnet\" (did you mean spent?)\n |     value: spnet / budget\n | ...........^",
		},
		{
			name: "misspelt input in a quoted target, after the comparator",
			src:  "id: x\ninputs: {spent: {}, budget: {}}\nindicators:\n  - id: a\n    weight: 10\n    value: spent\n    target: \">= budgte\"\n",
			want: "r.yaml:7:17: indicator a target: unknown input \"budgte\" (did you mean budget?)\n |     target: \">= budgte\"\n | ................^",
		},
		{
			name: "error on the second line of a block formula",
			src:  "id: x\ninputs: {spent: {}, budget: {}}\nindicators:\n  - id: a\n    weight: 10\n    value: |\n      spent /\n        budgt\n    target: \">= 1\"\n",
			want: "r.yaml:8:9: indicator a value: unknown input \"budgt\" (did you mean budget?)\n |         budgt\n | ........^",
		},
		{
			name: "Chinese text before the formula on its line",
			src:  "id: x\ninputs: {支出: {}, 预算: {}}\nindicators:\n  - {id: 执行率, label: 预算执行率, weight: 10, value: 支出 / 预箅, target: \">= 1\"}\n",
			// Column 53 counts characters: 预箅 is the 53rd; each CJK character before
			// it gets a full-width filler so the caret lines up in a terminal.
			want: "r.yaml:4:53: indicator 执行率 value: unknown input \"预箅\" (did you mean 预算?)\n |   - {id: 执行率, label: 预算执行率, weight: 10, value: 支出 / 预箅, target: \">= 1\"}\n | .........　　　.........　　　　　.....................　　...^",
		},
		{
			name: "yaml syntax error",
			src:  "id: x\ntitle: \"unclosed\nindicators: []\n",
			want: "r.yaml:2:8: yaml: found unexpected end of stream (this \" is not closed)",
		},
		{
			name: "unknown key",
			src:  "id: x\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: 10, value: a, target: \">= 1\", wieght: 3}\n",
			want: "r.yaml:4:52: unknown key \"wieght\" in indicator",
		},
		{
			name: "duplicate indicator id",
			src:  "id: x\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: 10, value: a, target: \">= 1\"}\n  - {id: a1, weight: 10, value: a, target: \">= 1\"}\n",
			want: "r.yaml:5:5: duplicate id \"a1\": already used by the indicator at line 4",
		},
		{
			name: "two scoring forms",
			src:  "id: x\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: 10, value: a, target: \">= 1\", score: \"1\"}\n",
			want: "r.yaml:4:5: indicator a1 has 2 scoring forms (target, score)",
		},
		{
			name: "wrong type",
			src:  "id: x\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: ten, value: a, target: \">= 1\"}\n",
			want: "r.yaml:4:22: weight: expected a number, found \"ten\"",
		},
		{
			name: "type error in a formula",
			src:  "id: x\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: 10, value: a > 1, target: \">= 1\"}\n",
			want: "r.yaml:4:33: indicator a1 value: the formula gives true or false where a number is needed",
		},
		{
			name: "reserved input id",
			src:  "id: x\ninputs: {value: {}}\nindicators:\n  - {id: a1, weight: 10, value: value, target: \">= 1\"}\n",
			want: "r.yaml:2:10: input id \"value\" is a reserved word",
		},
		{
			name: "unknown library id",
			src:  "id: x\nindicators:\n  - {use: no_such_thing, weight: 10, target: \">= 1\"}\n",
			want: "r.yaml:3:11: use: the indicator library has no \"no_such_thing\"",
		},
		{
			name: "grades out of order",
			src:  "id: x\ngrades: [{min: 80, label: 良}, {min: 90, label: 优}]\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: 10, value: a, target: \">= 1\"}\n",
			want: "r.yaml:2:31: grade 优: min 90 must be below the min of the grade before it (80)",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(tc.src))
			if err == nil {
				_, err = engine.Compile(rs, &engine.Options{Lang: "en"})
			}
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("error:\n%s\nwant it to start with:\n%s", got, tc.want)
			}
		})
	}
}

func TestLoadUse(t *testing.T) {
	rs, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte("id: x\nindicators:\n  - {use: budget_execution_rate, weight: 10, target: \">= 0.95\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	ind := rs.Indicators[0]
	if ind.ID != "budget_execution_rate" || ind.Label == "" || !ind.Value.Set() || len(rs.Inputs) == 0 {
		t.Errorf("use: did not fill from the library: %+v, inputs %v", ind, rs.Inputs)
	}
	if _, err := engine.Compile(rs, nil); err != nil {
		t.Fatal(err)
	}
}

func TestBuiltinRulesetsCompile(t *testing.T) {
	for _, id := range []string{"grid-center", "dept-2013", "selfeval-2020"} {
		rs, err := rulesets.Options{Lang: "en"}.Open(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if _, err := engine.Compile(rs, nil); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
}

// TestLoadBoundsAliases: 3000 test cases that each refer, through an alias,
// to a mapping of 3000 points would make the loader read 9·10⁶ keys
// (billion laughs); past 200000 keys the file is refused.
func TestLoadBoundsAliases(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: x\ninputs: {a: }\nindicators:\n  - {id: i, weight: 10, value: a, target: \">= 1\"}\n")
	b.WriteString("points: &p {")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "i%d: 1, ", i)
	}
	b.WriteString("}\ncase: &c {name: c, expect: {points: *p}}\ntests: [")
	for i := 0; i < 3000; i++ {
		b.WriteString("*c, ")
	}
	b.WriteString("]\n")
	start := time.Now()
	_, err := rulesets.Options{Lang: "en"}.Load("aliases.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "the file has more than 200000 keys, counting those that aliases (*name) repeat: share less through anchors") {
		t.Errorf("Load: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Load took %v", d)
	}
}
