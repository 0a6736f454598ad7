package report

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// outcomeRules gives each grade an outcome: 优 without a change, 良 a
// rise, 中 and 差 cuts of the budget.
const outcomeRules = `id: outcomes
version: "1"
inputs:
  budget: {label: 全年预算数, unit: 万元}
  x: {label: 完成率}
indicators:
  - {id: done, label: 完成率, weight: 100, value: x, target: ">= 1"}
grades:
  - {min: 90, label: 优}
  - {min: 80, label: 良}
  - {min: 60, label: 中}
  - {min: 0, label: 差}
outcomes:
  - {grade: 优, action: 优先保障}
  - {grade: 良, action: 据实保障, change: "0.02 * budget"}
  - {grade: 中, action: 核减, change: "-0.05 * budget"}
  - {grade: 差, action: 取消或暂停, change: "-budget"}
`

// TestTableOutcomeColumn reads each unit's 结果应用 cell in the terminal
// table, worked by hand: U1 95 优, no change; U2 85 良, 0.02 × 100 = +2;
// U3 70 中, −0.05 × 200 = −10; U4 65 中 without 全年预算数, the cut
// unknown; U5 50 差, −300.
func TestTableOutcomeColumn(t *testing.T) {
	rs, err := rulesets.Load("outcomes.yaml", []byte(outcomeRules))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	in, err := data.OpenReader("units.csv", strings.NewReader("unit,name,budget,x\nU1,甲,100,0.95\nU2,乙,100,0.85\nU3,丙,200,0.7\nU4,丁,,0.65\nU5,戊,300,0.5\n"), data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.Collect(in)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMeta(prog, nil)
	text := string(renderMeta(t, "table", Options{}, m, &evaluated{prog: prog, units: units}))
	checkAligned(t, text)
	want := map[string]string{"U1": "优先保障", "U2": "据实保障 +2", "U3": "核减 -10", "U4": "核减 无法计算", "U5": "取消或暂停 -300"}
	var header []string
	got := map[string]string{}
	for _, l := range strings.Split(text, "\n") {
		_, right, ok := strings.Cut(l, " | ")
		if !ok {
			continue
		}
		// The totals' columns follow the last bar: 总分 等级 结果应用.
		if i := strings.LastIndex(right, " | "); i >= 0 {
			right = right[i+3:]
		}
		f := strings.Fields(l)
		cells := strings.Fields(right)
		if f[0] == "排名" {
			header = cells
			continue
		}
		if len(cells) > 2 && strings.HasPrefix(f[1], "U") {
			got[f[1]] = strings.Join(cells[2:], " ")
		}
	}
	if strings.Join(header, " ") != "总分 等级 结果应用" {
		t.Fatalf("header of the totals %q in:\n%s", header, text)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: 结果应用 %q, want %q\n%s", id, got[id], w, text)
		}
	}
	if !strings.Contains(text, "结果应用：优先保障 1，据实保障 1（2），核减 2（-10）（1 个单位调整额无法计算），取消或暂停 1（-300）") {
		t.Errorf("the summary line lost the sums:\n%s", text)
	}
}
