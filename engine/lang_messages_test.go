package engine_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

// langHead is a ruleset the cases below break in one place each.
const langHead = `id: r
grades:
  - {min: 0, label: 合格}
inputs:
  spent:  {label: 支出, unit: 万元}
  budget: {label: 预算, unit: 万元}
indicators:
`

// messagesIn is what loading, compiling, linting and testing src say,
// in lang: every diagnostic as it prints (position, message, source line
// and caret), then each lint issue, then each failed expectation.
func messagesIn(t *testing.T, lang, src string) string {
	t.Helper()
	var out []string
	rs, err := rulesets.Options{Lang: lang}.Load("r.yaml", []byte(src))
	if err != nil {
		return err.Error()
	}
	o := &engine.Options{Lang: lang, Explain: true}
	p, err := engine.Compile(rs, o)
	if err != nil {
		return err.Error()
	}
	for _, is := range engine.Lint(rs, o) {
		out = append(out, is.String())
	}
	for _, r := range (tester.Options{Lang: lang}).Run(p) {
		for _, f := range r.Failures {
			out = append(out, f.Key+": want "+f.Want+", got "+f.Got)
		}
		if r.Err != nil {
			out = append(out, r.Err.Error())
		}
	}
	return strings.Join(out, "\n")
}

// TestMessagesInBothLanguages pins the main messages of the loader, the
// compiler, lint and the tests in Chinese, the default, and in English:
// the same position, caret and information in each.
func TestMessagesInBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, src, zh, en string
	}{
		{"unknown key",
			langHead + "  - {id: exec, weigth: 60, value: spent / budget, target: \">= 1\"}\n",
			`r.yaml:8:5: 指标 exec 缺少 weight（权重）
 |   - {id: exec, weigth: 60, value: spent / budget, target: ">= 1"}
 | ....^
r.yaml:8:16: 未知的键 "weigth"（位于指标，可用的键：id, label, group, weight, note, use, value, target, reverse, bands, tiers, deduct, score, relative, panel, spread, overshoot）
 |   - {id: exec, weigth: 60, value: spent / budget, target: ">= 1"}
 | ...............^
2 errors`,
			`r.yaml:8:5: indicator exec has no weight
 |   - {id: exec, weigth: 60, value: spent / budget, target: ">= 1"}
 | ....^
r.yaml:8:16: unknown key "weigth" in indicator (want id, label, group, weight, note, use, value, target, reverse, bands, tiers, deduct, score, relative, panel, spread, overshoot)
 |   - {id: exec, weigth: 60, value: spent / budget, target: ">= 1"}
 | ...............^
2 errors`},
		{"not a number",
			langHead + "  - {id: exec, weight: 六十, value: spent / budget, target: \">= 1\"}\n",
			`r.yaml:8:24: weight：应为数值，实际是 "六十"
 |   - {id: exec, weight: 六十, value: spent / budget, target: ">= 1"}
 | .......................^`,
			`r.yaml:8:24: weight: expected a number, found "六十"
 |   - {id: exec, weight: 六十, value: spent / budget, target: ">= 1"}
 | .......................^`},
		{"target without a comparator",
			langHead + "  - {id: exec, weight: 100, value: spent / budget, target: \"1\"}\n",
			`r.yaml:8:60: target "1"：应为比较符（>=、<= 或 =）加表达式，如 ">= 0.95"
 |   - {id: exec, weight: 100, value: spent / budget, target: "1"}
 | ...........................................................^`,
			`r.yaml:8:60: target "1": want a comparator (>=, <= or =) and an expression, e.g. ">= 0.95"
 |   - {id: exec, weight: 100, value: spent / budget, target: "1"}
 | ...........................................................^`},
		{"duplicate key",
			langHead + "  - {id: exec, weight: 100, value: spent / budget, target: \">= 1\", weight: 50}\n",
			`r.yaml:8:68: 键 "weight" 重复
 |   - {id: exec, weight: 100, value: spent / budget, target: ">= 1", weight: 50}
 | ...................................................................^`,
			`r.yaml:8:68: duplicate key "weight"
 |   - {id: exec, weight: 100, value: spent / budget, target: ">= 1", weight: 50}
 | ...................................................................^`},
		{"no scoring form",
			langHead + "  - {id: exec, weight: 100, value: spent / budget}\n",
			`r.yaml:8:5: 指标 exec 没有评分方式：请给出 target、bands、tiers、deduct、score、relative、panel 中的一种
 |   - {id: exec, weight: 100, value: spent / budget}
 | ....^`,
			`r.yaml:8:5: indicator exec has no scoring form: give one of target, bands, tiers, deduct, score, relative, panel
 |   - {id: exec, weight: 100, value: spent / budget}
 | ....^`},
		{"unknown name, did you mean",
			langHead + "  - {id: exec, weight: 100, value: spnt / budget, target: \">= 1\"}\n",
			`r.yaml:8:36: 指标 exec 的 value：未知的名称 "spnt"（是否应为 spent？）
 |   - {id: exec, weight: 100, value: spnt / budget, target: ">= 1"}
 | ...................................^`,
			`r.yaml:8:36: indicator exec value: unknown input "spnt" (did you mean spent?)
 |   - {id: exec, weight: 100, value: spnt / budget, target: ">= 1"}
 | ...................................^`},
		{"formula syntax",
			langHead + "  - {id: exec, weight: 100, value: spent / / budget, target: \">= 1\"}\n",
			`r.yaml:8:44: 指标 exec 的 value：此处不应出现 "/"
 |   - {id: exec, weight: 100, value: spent / / budget, target: ">= 1"}
 | ...........................................^`,
			`r.yaml:8:44: indicator exec value: unexpected "/"
 |   - {id: exec, weight: 100, value: spent / / budget, target: ">= 1"}
 | ...........................................^`},
		{"a number where a condition is needed",
			langHead + "  - id: exec\n    weight: 100\n    value: spent / budget\n    bands:\n      - {when: value + 1, score: 1}\n",
			`r.yaml:12:16: 指标 exec 的 when（分档条件）：公式给出数值，而此处需要条件（true 或 false）
 |       - {when: value + 1, score: 1}
 | ...............^`,
			`r.yaml:12:16: indicator exec band condition: the formula gives a number where a condition (true or false) is needed
 |       - {when: value + 1, score: 1}
 | ...............^`},
		{"lint: weights and an unread input",
			langHead + "  - {id: exec, weight: 90, value: spent, target: \">= 1\"}\n",
			`r.yaml:6:3: 警告: 输入项 budget（预算）：没有被任何指标或审核规则用到
r.yaml:8:5: 警告: 指标权重合计 90，不是 100`,
			`r.yaml:6:3: warning: input budget (预算) is never read by any indicator or check
r.yaml:8:5: warning: indicator weights sum to 90, not 100`},
		{"test: a failed expectation",
			langHead + "  - {id: exec, weight: 100, value: spent / budget, target: \">= 1\"}\n" +
				"tests:\n  - name: 半数\n    data: {spent: 50, budget: 100}\n    expect: {score: 60, points: {exec: 50, nope: 1}}\n",
			`score: want 60, got 50
points.nope: want 1, got 没有这个指标`,
			`score: want 60, got 50
points.nope: want 1, got no such indicator`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := messagesIn(t, "", tc.src); got != tc.zh {
				t.Errorf("zh:\n%s\nwant\n%s", got, tc.zh)
			}
			if got := messagesIn(t, "en", tc.src); got != tc.en {
				t.Errorf("en:\n%s\nwant\n%s", got, tc.en)
			}
		})
	}
}
