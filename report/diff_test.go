package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
)

// smallComparison: U1 scored under both rulesets (exec 40 → 30, quality
// new with 9: 100 → 99), U2 scored under the old one only (a bad cell
// under the new one).
func smallComparison() *diff.Comparison {
	ind := func(id, label string, pts float64) engine.IndicatorResult {
		return engine.IndicatorResult{ID: id, Label: label, Points: pts}
	}
	sum := func(labels ...string) engine.Summary {
		var s engine.Summary
		for _, l := range labels {
			s.Grades = append(s.Grades, engine.GradeCount{Label: l})
		}
		return s
	}
	old := &engine.Result{
		Ruleset: engine.RulesetInfo{ID: "old", Version: "2023", SHA256: "aa"},
		Data:    &engine.DataInfo{Files: []string{"units.csv"}, SHA256: "dd"},
		Summary: sum("优", "差"),
		Units: []engine.UnitResult{
			{Unit: "U1", Name: "甲", Score: 100, Grade: "优", Rank: 1, Indicators: []engine.IndicatorResult{ind("exec", "预算执行率", 40), ind("output", "产出", 60)}},
			{Unit: "U2", Name: "乙", Score: 100, Grade: "优", Rank: 1, Indicators: []engine.IndicatorResult{ind("exec", "预算执行率", 40), ind("output", "产出", 60)}},
		},
	}
	new := &engine.Result{
		Ruleset: engine.RulesetInfo{ID: "new", Version: "2024", SHA256: "bb"},
		Summary: sum("优", "差"),
		Units: []engine.UnitResult{
			{Unit: "U1", Name: "甲", Score: 99, Grade: "优", Rank: 1, Indicators: []engine.IndicatorResult{ind("exec", "预算执行率", 30), ind("output", "产出", 60), ind("quality", "质量", 9)}},
			{Unit: "U2", Name: "乙", Errors: []*diag.Error{{Pos: diag.Pos{File: "units.csv", Line: 3, Col: 4}, Code: "bad_cell", Msg: "unknown tier \"X\""}}},
		},
	}
	return diff.Diff(old, new)
}

func TestDiffJSON(t *testing.T) {
	var b bytes.Buffer
	if err := DiffJSON(&b, smallComparison()); err != nil {
		t.Fatal(err)
	}
	want := `{"old":{"id":"old","version":"2023","sha256":"aa"},
"new":{"id":"new","version":"2024","sha256":"bb"},
"data":{"files":["units.csv"],"sha256":"dd"},
"units":[
{"unit":"U1","name":"甲","old":{"score":100,"grade":"优","rank":1},"new":{"score":99,"grade":"优","rank":1},"delta":-1,"indicators":[{"id":"exec","old":40,"new":30,"delta":-10},{"id":"quality","old":null,"new":9,"delta":9}]},
{"unit":"U2","name":"乙","old":{"score":100,"grade":"优","rank":1},"new":{"score":null,"grade":null,"rank":null,"errors":["units.csv:3:4: unknown tier \"X\""]},"delta":null,"indicators":[]}
],
"migration":[
{"from":"优","to":"优","units":1},
{"from":"优","to":"差","units":0},
{"from":"优","to":null,"units":1},
{"from":"差","to":"优","units":0},
{"from":"差","to":"差","units":0}
],
"indicators":[
{"id":"exec","label":"预算执行率","in_old":true,"in_new":true,"old":40,"new":30,"delta":-10,"units":1},
{"id":"quality","label":"质量","in_old":false,"in_new":true,"old":0,"new":9,"delta":9,"units":1},
{"id":"output","label":"产出","in_old":true,"in_new":true,"old":60,"new":60,"delta":0,"units":0}
]}
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestDiffMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := DiffMarkdown(&b, smallComparison()); err != nil {
		t.Fatal(err)
	}
	want := "# 规则变更影响：old 2023 → new 2024，共 2 个单位\n\n" +
		"- 原规则集：old 2023，sha256 `aa`\n" +
		"- 新规则集：new 2024，sha256 `bb`\n" +
		"- 数据：units.csv，sha256 `dd`\n\n" +
		"## 各单位\n\n" +
		"| 单位 | 名称 | 原总分 | 新总分 | 变化 | 等级 | 排名 | 得分变化的指标 |\n" +
		"|---|---|---|---|---|---|---|---|\n" +
		"| U1 | 甲 | 100 | 99 | -1 | 优 → 优 | 1 → 1 | 预算执行率 -10、质量 +9 |\n" +
		"| U2 | 乙 | 100 | 未评分 |  | 优 → 未评分 | 1 → — |  |\n\n" +
		"## 等级迁移（行：原等级，列：新等级）\n\n" +
		"| 原等级 \\ 新等级 | 优 | 差 | 未评分 |\n" +
		"|---|---|---|---|\n" +
		"| 优 | 1 | 0 | 1 |\n" +
		"| 差 | 0 | 0 | 0 |\n\n" +
		"## 变化最大的单位\n\n" +
		"- U1 甲：100 → 99（-1），优 → 优，排名 1 → 1\n\n" +
		"## 引起变化的指标（全部单位合计）\n\n" +
		"- 预算执行率：合计 40 → 30（-10），1 个单位得分变化\n" +
		"- 质量：合计 0 → 9（+9），1 个单位得分变化，新增指标\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestDiffTable(t *testing.T) {
	var b bytes.Buffer
	if err := DiffTable(&b, smallComparison()); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"规则变更影响：old 2023 → new 2024，共 2 个单位",
		"| 原等级 \\ 新等级 | 优 | 差 | 未评分 |",
		"| 优              |  1 |  0 |      1 |",
		"| U1   | 甲   |    100 |     99 |   -1 | 优 -> 优     | 1 -> 1 | 预算执行率 -10、质量 +9 |",
		"| U2   | 乙   |    100 | 未评分 |      | 优 -> 未评分 | 1 -> - |                         |",
		"  U1 甲：100 → 99（-1），优 → 优，排名 1 → 1",
		"  质量：合计 0 → 9（+9），1 个单位得分变化，新增指标",
	} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("no line %q in:\n%s", line, b.String())
		}
	}
}

// TestDiffXLSX reads the workbook back and checks its cells, and that two
// writes give the same bytes.
func TestDiffXLSX(t *testing.T) {
	var a, b bytes.Buffer
	if err := DiffXLSX(&a, smallComparison()); err != nil {
		t.Fatal(err)
	}
	if err := DiffXLSX(&b, smallComparison()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same comparison differ")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "单位,等级迁移,指标,说明" {
		t.Errorf("sheets %v", got)
	}
	cells := []struct{ sheet, cell, want string }{
		{"单位", "A2", "U1"}, {"单位", "C2", "100"}, {"单位", "F2", "99"}, {"单位", "I2", "-1"},
		{"单位", "J2", "预算执行率 -10、质量 +9"},
		{"单位", "F3", ""}, {"单位", "G3", "未评分"}, {"单位", "I3", ""},
		{"等级迁移", "B1", "优"}, {"等级迁移", "D1", "未评分"}, {"等级迁移", "B2", "1"}, {"等级迁移", "D2", "1"}, {"等级迁移", "A3", "差"},
		{"指标", "A2", "exec"}, {"指标", "G2", "-10"}, {"指标", "C3", "无"},
		{"说明", "D2", "aa"}, {"说明", "D3", "bb"}, {"说明", "D4", "dd"},
	}
	for _, c := range cells {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil || got != c.want {
			t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
	// Scores are numbers, not text, so that Excel can sum them.
	if typ, _ := f.GetCellType("单位", "C2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("C2 type %v, want a number", typ)
	}
}
