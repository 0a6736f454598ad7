package report

import (
	"bytes"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// derivation is a hand-built unit: exec under 一级 预算执行, output and
// cost under 产出 (二级 数量指标 and 成本指标), sat 不适用; a failed check;
// a claimed total.
func derivation() Derivation {
	inds := []indicators.Indicator{
		{ID: "exec", Label: "预算执行率", Group: []string{"预算执行"}, Weight: 20},
		{ID: "output", Label: "产出", Group: []string{"产出", "数量指标"}, Weight: 40},
		{ID: "cost", Label: "成本", Group: []string{"产出", "成本指标"}, Weight: 30},
		{ID: "sat", Label: "满意度", Group: []string{"满意度"}, Weight: 10},
	}
	score := 90.0
	u := &engine.UnitResult{Unit: "U1", Name: "甲", Score: 80, Grade: "良", Rank: 2,
		Indicators: []engine.IndicatorResult{
			{ID: "exec", Label: "预算执行率", Weight: 20, Points: 18, Status: indicators.StatusOK, Steps: []engine.Step{
				{Part: "value", Expr: "spent ÷ budget", Subst: "支出 90 ÷ 预算 100", Value: "0.9"},
				{Part: "target", Expr: "1", Subst: "1", Value: "1"},
				{Part: "rule", Expr: "未达到目标，按比例计分：分值 × 值 ÷ 目标", Subst: "20 × 0.9 ÷ 1", Value: "18"},
			}, Explain: "预算执行率 90%"},
			{ID: "output", Label: "产出", Weight: 40, Points: 36, Status: indicators.StatusOK, Steps: []engine.Step{
				{Part: "band 2 when", Expr: "value ≥ 0.8", Subst: "0.9 ≥ 0.8", Value: "成立"},
			}},
			{ID: "cost", Label: "成本", Weight: 30, Points: 18, Status: indicators.StatusOK, Flags: []string{indicators.FlagClaimHigh}, Claimed: &score},
			{ID: "sat", Label: "满意度", Weight: 10, Status: indicators.StatusNA, NA: []string{"surveyed"}},
		},
		Checks: []engine.CheckResult{
			{ID: "ok_check", OK: true},
			{ID: "within", Message: "支出不应超过预算", Steps: []engine.Step{{Part: "assert", Expr: "spent ≤ budget", Subst: "支出 110 ≤ 预算 100", Value: "不成立"}}},
		},
		Claimed: &engine.Claimed{Score: &score},
		Review:  []engine.Finding{{ID: "score", Kind: engine.FindClaimHigh, Message: "自评总分 90，按规则应为 80，多计 10 分"}},
	}
	return Derivation{
		Meta: Meta{Ruleset: engine.RulesetInfo{ID: "r", Version: "1", Title: "演示", SHA256: "aa"},
			Data: &engine.DataInfo{Files: []string{"u.csv"}, SHA256: "dd"}, Indicators: inds, Grades: indicators.DefaultGrades()},
		Unit: u, Ranked: 3,
	}
}

func TestExplainText(t *testing.T) {
	var b bytes.Buffer
	if err := Explain(&b, "text", derivation()); err != nil {
		t.Fatal(err)
	}
	// Subtotals: 产出 36 + 18 = 54; total (18 + 36 + 18) ÷ (20 + 40 + 30)
	// × 100 = 80, as the unit says.
	want := `得分推导：U1 甲
规则集        r 1 演示
sha256        aa
数据          u.csv
sha256        dd
结果          总分 80，等级 良，排名 2 / 3

一级指标 预算执行（分值 20，得分 18）
    预算执行率（exec）分值 20，得分 18
      值            spent ÷ budget = 支出 90 ÷ 预算 100 = 0.9
      目标          1
      计分规则      未达到目标，按比例计分：分值 × 值 ÷ 目标 = 20 × 0.9 ÷ 1 = 18
      说明          预算执行率 90%

一级指标 产出（分值 70，得分 54）
  二级指标 数量指标（分值 40，得分 36）
    产出（output）分值 40，得分 36
      第2档条件     value ≥ 0.8 = 0.9 ≥ 0.8 = 成立
  二级指标 成本指标（分值 30，得分 18）
    成本（cost）分值 30，得分 18
      自评得分      90
      标记          自评得分高于规则得分

一级指标 满意度（分值 10，得分 0）
    满意度（sat）分值 10，不适用
      状态          不适用（surveyed），不计分，总分按适用指标折算

总分与等级
  总分          适用指标得分合计 72 ÷ 适用分值 90 × 100 = 80（有不适用指标，按百分制折算）
  等级          良（总分 80 ≥ 80）
  排名          2 / 3（并列同名次，其后名次顺延）

未通过的检查
    within
      说明          支出不应超过预算
      检查条件      spent ≤ budget = 支出 110 ≤ 预算 100 = 不成立

复核（单位自评）
  自评总分      90
  多计          自评总分 90，按规则应为 80，多计 10 分
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestExplainMarkdown(t *testing.T) {
	d := derivation()
	d.Unit.Indicators = d.Unit.Indicators[:1]
	d.Meta.Indicators = d.Meta.Indicators[:1]
	d.Unit.Checks, d.Unit.Claimed, d.Unit.Review = nil, nil, nil
	d.Unit.Score, d.Unit.Grade = 18, "差"
	var b bytes.Buffer
	if err := Explain(&b, "md", d); err != nil {
		t.Fatal(err)
	}
	want := "# 得分推导：U1 甲\n\n" +
		"- **规则集**：r 1 演示\n- **sha256**：aa\n- **数据**：u.csv\n- **sha256**：dd\n- **结果**：总分 18，等级 差，排名 2 / 3\n\n" +
		"## 一级指标 预算执行（分值 20，得分 18）\n\n" +
		"#### 预算执行率（exec）分值 20，得分 18\n\n" +
		"| 步骤 | 公式 | 代入 | 结果 |\n|---|---|---|---|\n" +
		"| 值 | spent ÷ budget | 支出 90 ÷ 预算 100 | 0.9 |\n" +
		"| 目标 | 1 |  | 1 |\n" +
		"| 计分规则 | 未达到目标，按比例计分：分值 × 值 ÷ 目标 | 20 × 0.9 ÷ 1 | 18 |\n\n" +
		"- **说明**：预算执行率 90%\n\n" +
		"## 总分与等级\n\n" +
		"- **总分**：各指标得分之和 = 18\n- **等级**：差（总分 18 ≥ 0）\n- **排名**：2 / 3（并列同名次，其后名次顺延）\n"
	if b.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", b.String(), want)
	}
	if err := Explain(&b, "pdf", d); err == nil {
		t.Error("unknown format accepted")
	}
}
