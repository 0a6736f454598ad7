package rulesets

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
)

const rulesHead = "id: x\ninputs: {spent: {}, budget: {}, coverage: {}}\nindicators:\n  - {id: coverage, weight: 10, value: coverage, target: \">= 1\"}\n"

func TestRulesLoadErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"cap without a number", "adjust:\n  - {id: c, cap: }\n",
			`r.yaml:6:18: adjust cap: expected a number or a formula, found nothing (e.g. cap: 89)`},
		{"cap and add", "adjust:\n  - {id: c, cap: 89, add: 1}\n",
			`r.yaml:6:5: adjust rule c has both cap and add`},
		{"neither cap nor add", "adjust:\n  - {id: c, when: \"spent < 1\"}\n",
			`r.yaml:6:5: adjust rule c has neither cap nor add`},
		{"adjust rule without id", "adjust:\n  - {cap: 89}\n",
			`r.yaml:6:5: an adjust rule needs an id`},
		{"duplicate adjust id", "adjust:\n  - {id: c, cap: 89}\n  - {id: c, add: 1}\n",
			`r.yaml:7:5: duplicate adjust rule id "c": already used by the rule at line 6`},
		{"unknown adjust key", "adjust:\n  - {id: c, cpa: 89}\n",
			`r.yaml:6:13: unknown key "cpa" in adjust rule (want id, label, when, cap or add, use)`},
		{"outcome for an unknown grade", "outcomes:\n  - {grade: 优秀, action: 优先保障}\n",
			`r.yaml:6:5: outcome for grade "优秀": the ruleset has no such grade (its grades: 优, 良, 中, 差)`},
		{"outcome twice", "outcomes:\n  - {grade: 优, action: a}\n  - {grade: 优, action: b}\n",
			`r.yaml:7:5: outcome for grade 优 given twice: already at line 6`},
		{"outcome without action", "outcomes:\n  - {grade: 优}\n",
			`r.yaml:6:5: an outcome needs grade and action`},
		{"max_total zero", "max_total: 0\n", `r.yaml:5:12: max_total must be above 0, found 0`},
		{"max_total text", "max_total: 一百\n", `r.yaml:5:12: max_total: expected a number, found "一百"`},
		{"overshoot ratio 1", "overshoot: {ratio: 1, deduct: 2}\n", `r.yaml:5:20: overshoot ratio must be above 1`},
		{"overshoot without deduct", "overshoot: {ratio: 1.3}\n", `r.yaml:5:12: overshoot needs ratio and deduct`},
		{"overshoot use and ratio", "overshoot: {use: overshoot_yitihua, ratio: 1.3}\n", `r.yaml:5:12: overshoot: give either use or ratio and deduct, not both`},
		{"unknown rules library id", "adjust:\n  - use: exec_cap\n",
			`r.yaml:6:10: adjust: use: the rules library has no adjust rule "exec_cap" (it has exec_cap_yitihua)`},
		{"use with its own cap", "adjust:\n  - {use: exec_cap_yitihua, cap: 80}\n",
			`r.yaml:6:11: adjust rule exec_cap_yitihua: use exec_cap_yitihua brings its own cap: drop cap and add, or drop use`},
		{"duplicate indicator id still refused", "checks:\n  - {id: c, assert: spent >= 0}\n  - {id: c, assert: budget >= 0}\n",
			`r.yaml:7:5: duplicate id "c": already used by the check at line 6`},
		{"expected adjustment as text", "tests:\n  - {data: {}, expect: {adjustments: {c: yes}}}\n",
			`r.yaml:6:42: expected adjustment c: the total after the rule (a number), or false if the rule must not apply, found "yes"`},
	} {
		_, err := Options{Lang: "en"}.Load("r.yaml", []byte(rulesHead+c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

func TestRulesLoad(t *testing.T) {
	// An indicator, a check and an input share one id: three namespaces.
	rs, err := Options{Lang: "en"}.Load("r.yaml", []byte(rulesHead+`checks:
  - {id: coverage, assert: coverage >= 0}
overshoot: {use: overshoot_yitihua}
adjust:
  - use: exec_cap_yitihua
  - {id: bonus, label: 加分, add: "1"}
max_total: 101
outcomes:
  - {grade: 中, action: 核减, change: "-0.05 * budget"}
  - {grade: 优, action: 优先保障}
tests:
  - data: {spent: 1, budget: 1, coverage: 1}
    expect: {adjustments: {exec_cap_yitihua: false, bonus: 11}, outcome: 核减, change: -0.05}
`))
	if err != nil {
		t.Fatal(err)
	}
	if o := rs.Overshoot; o == nil || o.Ratio != 1.3 || o.Deduct != 2 || o.Use != "overshoot_yitihua" || o.Pos.Line != 7 {
		t.Errorf("overshoot %+v", o)
	}
	if len(rs.Adjust) != 2 {
		t.Fatalf("adjust %+v", rs.Adjust)
	}
	a := rs.Adjust[0]
	if a.ID != "exec_cap_yitihua" || a.Kind != indicators.AdjustCap || a.Label != "预算执行率未达80%总分封顶" ||
		!strings.Contains(a.Cap.Src, "89") || a.When.Pos.Line != 9 || a.Use != "exec_cap_yitihua" {
		t.Errorf("library rule %+v", a)
	}
	if b := rs.Adjust[1]; b.Kind != indicators.AdjustAdd || b.Add.Src != "1" || b.Label != "加分" {
		t.Errorf("bonus %+v", b)
	}
	if mt, ok := rs.TotalCeiling(); !ok || mt != 101 {
		t.Errorf("ceiling %v %v", mt, ok)
	}
	if len(rs.Outcomes) != 2 || rs.Outcomes[0].Change.Src != "-0.05 * budget" || rs.Outcomes[1].Change.Src != "0" {
		t.Errorf("outcomes %+v", rs.Outcomes)
	}
	c := rs.Tests[0]
	if c.Adjustments["exec_cap_yitihua"] != (indicators.CaseAdjust{NotApplied: true}) || c.Adjustments["bonus"].After != 11 ||
		c.Outcome != "核减" || c.Change == nil || *c.Change != -0.05 {
		t.Errorf("test case %+v", c)
	}
	// Without adjust or max_total there is no ceiling.
	rs, err = Options{Lang: "en"}.Load("r.yaml", []byte(rulesHead))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rs.TotalCeiling(); ok {
		t.Error("a ruleset without adjust or max_total has a ceiling")
	}
}

// Each preset of the rules library is at most 10 lines of YAML (issue 16).
func TestRulesLibraryPresetsAreShort(t *testing.T) {
	lines := strings.Split(string(indicators.RulesYAML), "\n")
	start := -1
	for i := 0; i <= len(lines); i++ {
		entry := i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "- id:")
		end := i == len(lines) || entry || i < len(lines) && !strings.HasPrefix(lines[i], " ")
		if start >= 0 && end {
			n := 0
			for _, l := range lines[start:i] {
				if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
					n++
				}
			}
			if n > 10 {
				t.Errorf("the preset at line %d is %d lines long", start+1, n)
			}
			start = -1
		}
		if entry {
			start = i
		}
	}
	adj, over, err := RulesLibrary()
	if err != nil || len(adj) != 1 || len(over) != 1 {
		t.Errorf("rules library: %v %v %v", adj, over, err)
	}
}
