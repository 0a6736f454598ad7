package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/indicators"
)

func TestSelfEvalSheets(t *testing.T) {
	f := openXLSX(t, render(t, "selfeval", Options{Explain: true}))
	// The index, then one form per scored unit in input order (the
	// format's default); U4 failed and has no form.
	want := "目录,U1 甲单位,U2 乙单位<b>|丙,U3 丙单位,U5 戊单位"
	if got := strings.Join(f.GetSheetList(), ","); got != want {
		t.Fatalf("sheets = %s, want %s", got, want)
	}
	if got := cells(t, f, SheetIndex, "A4", "C4", "D4", "E4", "F4"); got != "U1 97.5 优 2 U1 甲单位" {
		t.Errorf("index row of U1 = %q", got)
	}
	if got := cells(t, f, SheetIndex, "A7", "F7"); got != "U4 未能评分" {
		t.Errorf("index row of U4 = %q", got)
	}
	if g, _ := f.GetCellValue(SheetIndex, "G7"); !strings.Contains(g, "row 5, column D: budget (全年预算数): not a number") {
		t.Errorf("index gives U4's error as %q", g)
	}
	if ok, ref, _ := f.GetCellHyperLink(SheetIndex, "F4"); !ok || ref != "'U1 甲单位'!A1" {
		t.Errorf("index link = %v %q", ok, ref)
	}
}

func TestSelfEvalForm(t *testing.T) {
	f := openXLSX(t, render(t, "selfeval", Options{Explain: true}))
	const u1 = "U1 甲单位"
	tests := []struct {
		name  string
		sheet string
		cells []string
		want  string
	}{
		{"title", u1, []string{"A1"}, "绩效自评表"},
		{"name and code", u1, []string{"A3", "B3", "A4", "B4", "E4"}, "项目（单位）名称 甲单位 单位编码 U1 主管部门"},
		{"funds header", u1, []string{"A5", "C5", "D5", "E5", "F5", "G5", "H5"}, "项目资金\n（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分"},
		// testdata/README.md: 年初预算数 90, 全年预算数 100, 全年执行数 95,
		// 分值 10, 执行率 95 ÷ 100 = 0.95, 得分 9.5.
		{"funds of U1", u1, []string{"B6", "C6", "D6", "E6", "F6", "G6", "H6"}, "年度资金总额 90 100 95 10 0.95 9.5"},
		{"其中 rows blank", u1, []string{"B7", "C7", "D7", "E7", "F7"}, "其中：当年财政拨款    —"},
		{"goals", u1, []string{"A10", "B10", "F10"}, "年度总体目标 预期目标 实际完成情况"},
		{"indicator header", u1, []string{"A12", "B12", "C12", "D12", "E12", "F12", "G12", "H12", "I12"}, "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"},
		// 完成数量: target ≥ plan 100, done 120, 30 of 30 (overshoot).
		{"完成数量", u1, []string{"B13", "C13", "D13", "E13", "F13", "G13", "H13"}, "产出 数量指标 完成数量 ≥100 120 30 30"},
		// 质量达标: tier A, no target, 18 of 20.
		{"质量达标", u1, []string{"C14", "D14", "E14", "F14", "G14", "H14"}, "质量指标 质量达标  A（达成） 20 18"},
		// 满意度: 95 ÷ 100 against ≥ 90%, 40 of 40.
		{"满意度", u1, []string{"B15", "C15", "D15", "E15", "F15", "G15", "H15"}, "满意度 服务对象满意度 服务对象满意度 ≥90% 0.95 40 40"},
		{"total", u1, []string{"A16", "G16", "H16"}, "总分 100 97.5"},
		// U3: no 年初预算数 in its data, so the cell stays blank; 完成数量
		// missing, 质量达标 N/A, 满意度 ÷ 0.
		{"U3 funds", "U3 丙单位", []string{"C6", "D6", "E6", "G6", "H6"}, " 100 100 1 10"},
		{"U3 statuses", "U3 丙单位", []string{"F13", "H13", "F14", "H14", "F15", "H15"}, "缺失 0 不适用 不适用 无法计算 0"},
		{"U3 total", "U3 丙单位", []string{"H16"}, "12.5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cells(t, f, tc.sheet, tc.cells...); got != tc.want {
				t.Errorf("%v = %q, want %q", tc.cells, got, tc.want)
			}
		})
	}
	dev := []struct {
		sheet, cell, want string
	}{
		// budget row: below full marks, so the explanation
		{u1, "I6", "预算执行率 = 全年执行数 95 ÷ 全年预算数 100 = 95.00%，目标 ≥ 100.00%，未完成，按比例计分 10 × 95.00% = 9.5；扣 0.5 分，应说明偏差原因"},
		// overshoot: explained though at full marks
		{u1, "I13", "超过目标 20% 以上，需说明偏离原因"},
		// full marks with the unit's own reason
		{u1, "I15", "单位说明：问卷由第三方发放"},
		// below full marks with the unit's reason, which the explanation quotes
		{"U2 乙单位<b>|丙", "I13", "扣 15 分，单位说明：受疫情影响延期"},
		{"U3 丙单位", "I15", "无法计算"},
		{"U5 戊单位", "A17", "数据检查与复核"},
		{"U5 戊单位", "B17", "检查未通过：全年执行数不应超过全年预算数"},
	}
	for _, d := range dev {
		got, _ := f.GetCellValue(d.sheet, d.cell)
		if !strings.Contains(got, d.want) {
			t.Errorf("%s!%s = %q, want it to hold %q", d.sheet, d.cell, got, d.want)
		}
	}
	if got, _ := f.GetCellValue(u1, "I16"); got != "评价等级：优；排名：第 2 名（共 5 个单位）" {
		t.Errorf("U1 grade note = %q", got)
	}
	if got, _ := f.GetCellValue("U3 丙单位", "I16"); !strings.Contains(got, "含不适用指标，总分按适用分值 80 折算为百分制") {
		t.Errorf("U3 grade note = %q", got)
	}
	if st := styleOf(t, f, u1, "G6"); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00%" {
		t.Errorf("执行率 format = %v, want 0.00%%", st.CustomNumFmt)
	}
	merged, _ := f.GetMergeCells(u1)
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	// 产出 spans its two rows; 绩效指标 the header and the three indicators.
	for _, want := range []string{"B13:B14", "A12:A15", "A5:A9", "A16:F16"} {
		if !strings.Contains(" "+strings.Join(refs, " ")+" ", " "+want+" ") {
			t.Errorf("merged cells %v lack %s", refs, want)
		}
	}
}

func TestFindBudget(t *testing.T) {
	m, _ := sample(t)
	b := findBudget(m)
	name := func(k int) string {
		if k < 0 {
			return "-"
		}
		return m.Inputs[k].ID
	}
	// 预算执行率's value is spent / budget; 年初预算数 is found by label.
	if got := name(b.initial) + " " + name(b.annual) + " " + name(b.spent); b.indicator != 0 || got != "budget_initial budget spent" {
		t.Errorf("budget part = indicator %d, inputs %s", b.indicator, got)
	}
	// grid-center's budget input is labelled 全年预算数 and read by the
	// indicator; it has no 年初预算数.
	g, _ := builtin(t, "grid-center")
	b = findBudget(g)
	if b.initial != -1 || g.Inputs[b.annual].ID != "budget" || g.Inputs[b.spent].ID != "spent" {
		t.Errorf("grid-center budget part = %+v", b)
	}
	// A ruleset without a budget-execution indicator leaves the block blank.
	none := Meta{Indicators: []indicators.Indicator{{ID: "x", Label: "产出数量", Weight: 100}}}
	if b := findBudget(none); b.indicator != -1 || b.annual != -1 || b.spent != -1 || b.initial != -1 {
		t.Errorf("no budget indicator: %+v", b)
	}
}

func TestSelfEvalSheetNames(t *testing.T) {
	w := newSelfEval(Options{}, Meta{}).(*drawRows).d.(*selfEvalWriter)
	tests := []struct {
		unit, name, want string
	}{
		{"A1", "甲", "A1 甲"},
		{"A/2", "乙[丙]:*?", "A_2 乙_丙____"},
		{"目录", "", "目录~2"}, // the index's name is taken
		{"X", strings.Repeat("长", 40), "X " + strings.Repeat("长", 29)},
		{"X", strings.Repeat("长", 40), "X " + strings.Repeat("长", 27) + "~2"},
		{"'Q'", "", "Q"},
	}
	for _, tc := range tests {
		u := unitResult(tc.unit, tc.name)
		if got := w.sheetName(u); got != tc.want {
			t.Errorf("sheet name of %q %q = %q, want %q", tc.unit, tc.name, got, tc.want)
		}
	}
}

func TestSelfEvalOptions(t *testing.T) {
	f := openXLSX(t, render(t, "selfeval", Options{Groups: true, Sort: "-score", Units: []string{"U1", "U2", "U4"}}))
	if got := strings.Join(f.GetSheetList(), ","); got != "目录,U1 甲单位,U2 乙单位<b>|丙" {
		t.Fatalf("sheets = %s", got)
	}
	// --groups puts each 一级指标's subtotal in the index: U1 9.5, 48, 40
	// (testdata/README.md), then total, grade, rank and the link.
	if got := cells(t, f, SheetIndex, "C3", "D3", "E3", "F3", "I3"); got != "预算执行（10分） 产出（50分） 满意度（40分） 总分 自评表" {
		t.Errorf("index header = %q", got)
	}
	if got := cells(t, f, SheetIndex, "A4", "C4", "D4", "E4", "F4", "G4", "H4", "I4"); got != "U1 9.5 48 40 97.5 优 2 U1 甲单位" {
		t.Errorf("index row of U1 = %q", got)
	}
	if got := cells(t, f, SheetIndex, "A6", "I6"); got != "U4 未能评分" {
		t.Errorf("index row of U4 = %q", got)
	}
	if ok, ref, _ := f.GetCellHyperLink(SheetIndex, "I5"); !ok || ref != "'U2 乙单位<b>|丙'!A1" {
		t.Errorf("link of U2 = %v %q", ok, ref)
	}
}

// TestSelfEvalLinksFull: past the links a sheet's index can hold, the
// workbook fails saying so and what to do, in Options.Lang's language.
func TestSelfEvalLinksFull(t *testing.T) {
	m, res := sample(t)
	f, err := Lookup("selfeval")
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"":   "selfeval：目录最多链接 65530 张自评表：请用 --units 只写部分单位",
		"en": "selfeval: the index links at most 65530 forms: use --units to write fewer units",
	} {
		r := f.Rows(Options{Lang: lang}, m).(*drawRows)
		if err := r.Begin(&bytes.Buffer{}, m); err != nil {
			t.Fatal(err)
		}
		u := &res.Units[0]
		rec := r.AppendUnit(nil, u)
		if err := r.WriteUnit(nil, rec, 1); err != nil {
			t.Fatalf("%q: the first form: %v", lang, err)
		}
		r.d.(*selfEvalWriter).nlinks = excelize.TotalSheetHyperlinks + 1 // the index is full
		if err := r.WriteUnit(nil, rec, 2); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", lang, err, want)
		}
	}
}
