package forms

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/formtest"
)

func TestParseTarget(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Target
	}{
		{"≥100%", Target{Op: ">=", Num: 1, Unit: "%"}},
		{"≧95%", Target{Op: ">=", Num: 0.95, Unit: "%"}},
		{"＞＝95％", Target{Op: ">=", Num: 0.95, Unit: "%"}},
		{"> 80%", Target{Op: ">=", Num: 0.8, Unit: "%"}},
		{"≥50个", Target{Op: ">=", Num: 50, Unit: "个"}},
		{"≤90万元", Target{Op: "<=", Num: 90, Unit: "万元"}},
		{"≦5天", Target{Op: "<=", Num: 5, Unit: "天"}},
		{"<3%", Target{Op: "<=", Num: 0.03, Unit: "%"}},
		{"不高于1,200元", Target{Op: "<=", Num: 1200, Unit: "元"}},
		{"不超过10次", Target{Op: "<=", Num: 10, Unit: "次"}},
		{"=100%", Target{Op: "=", Num: 1, Unit: "%"}},
		{"＝0起", Target{Op: "=", Num: 0, Unit: "起"}},
		{"不少于3次", Target{Op: ">=", Num: 3, Unit: "次"}},
		{"不低于 85 分", Target{Op: ">=", Num: 85, Unit: "分"}},
		{"100%以上", Target{Op: ">=", Num: 1, Unit: "%"}},
		{"12个月以内", Target{Op: "<=", Num: 12, Unit: "个月"}},
		{"100%", Target{Op: "=", Num: 1, Unit: "%"}},
		{"有效", Target{Text: "有效"}},
		{"达成预期指标", Target{Text: "达成预期指标"}},
	} {
		got, err := ParseTarget(c.in)
		if err != nil || got.Op != c.want.Op || math.Abs(got.Num-c.want.Num) > 1e-12 || got.Unit != c.want.Unit || got.Text != c.want.Text {
			t.Errorf("ParseTarget(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "≥95%且≤100%", "≥ 优良", "第3季度", "≥90%以下"} {
		if got, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want an error", bad, got)
		}
	}
}

func readOne(t *testing.T, path string) *Form {
	t.Helper()
	fs, err := Options{Lang: "en"}.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("%s: %d forms, want 1", path, len(fs))
	}
	fs[0].Review(Options{Tolerance: 0.01})
	return fs[0]
}

// wantRow is a row's hand-computed points.
type wantRow struct {
	label, level1, level2 string
	op                    string
	target                float64
	unit                  string
	points                float64
	status                string
}

// form10Rows are the points of formtest.Form10 by the 10号 rules, worked by hand:
//
//	预算执行率   10 × min(90/100, 1)              = 9
//	培训场次     4 ≥ 3                            = 10
//	设备采购数量 10 × 45/50                        = 9   (claims 10)
//	验收合格率   10 × 0.98/1                       = 9.8 (0.98 stored, shown 98%)
//	设备完好率   96% ≥ 95%                         = 10
//	项目成本     ≤90: 10 × (1 − (99 − 90)/90)      = 9   (claims 10)
//	政策知晓率   = 100%, met                       = 10
//	服务效果     有效 → 达成, claim 8 in [8, 10]     = 8
//	长效机制     部分达成, claim 9 not in [6, 8)     = 7 (the default 70%)
//	群众满意度   10 × 0.85/0.9 = 9.444…            = 9.44 (claims 9.5)
//
// total 91.24 (优); the claims add up to 95.3, the form's 总分.
var form10Rows = []wantRow{
	{FundLabel, "项目资金", "", ">=", 1, "%", 9, indicators.StatusOK},
	{"培训场次", "产出指标", "数量指标", ">=", 3, "次", 10, indicators.StatusOK},
	{"设备采购数量", "产出指标", "数量指标", ">=", 50, "个", 9, indicators.StatusOK},
	{"验收合格率", "产出指标", "质量指标", ">=", 1, "%", 9.8, indicators.StatusOK},
	{"设备完好率", "产出指标", "质量指标", ">=", 0.95, "%", 10, indicators.StatusOK},
	{"项目成本", "产出指标", "成本指标", "<=", 90, "万元", 9, indicators.StatusOK},
	{"政策知晓率", "效益指标", "社会效益指标", "=", 1, "%", 10, indicators.StatusOK},
	{"服务效果", "效益指标", "社会效益指标", "", 0, "", 8, indicators.StatusOK},
	{"长效机制", "效益指标", "社会效益指标", "", 0, "", 7, indicators.StatusOK},
	{"群众满意度", "满意度指标", "服务对象满意度指标", ">=", 0.9, "%", 9.44, indicators.StatusOK},
}

func checkRows(t *testing.T, f *Form, want []wantRow) {
	t.Helper()
	if len(f.Rows) != len(want) {
		for _, r := range f.Rows {
			t.Logf("row %s", r.Label.Text)
		}
		t.Fatalf("%d rows, want %d; unreadable: %+v", len(f.Rows), len(want), f.Unreadable)
	}
	for i, w := range want {
		r := f.Rows[i]
		if r.Label.Text != w.label || r.Level1.Text != w.level1 || r.Level2.Text != w.level2 {
			t.Errorf("row %d: %s / %s / %s, want %s / %s / %s", i, r.Level1.Text, r.Level2.Text, r.Label.Text, w.level1, w.level2, w.label)
		}
		if r.Target.Op != w.op || math.Abs(r.Target.Num-w.target) > 1e-12 || r.Target.Unit != w.unit {
			t.Errorf("%s: target %+v, want %s %v %s", w.label, r.Target, w.op, w.target, w.unit)
		}
		if r.Points != w.points || r.Status != w.status {
			t.Errorf("%s: %v points (%s), want %v (%s); %s", w.label, r.Points, r.Status, w.points, w.status, r.Explain)
		}
	}
}

// kinds lists the findings as "kind id @cell".
func kinds(f *Form) []string {
	var out []string
	for _, x := range f.Findings {
		out = append(out, fmt.Sprintf("%s %s @%s", x.Kind, x.ID, x.Cell))
	}
	return out
}

func checkFindings(t *testing.T, f *Form, want ...string) {
	t.Helper()
	got := kinds(f)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		for _, x := range f.Findings {
			t.Log(x.Message)
		}
	}
}

func TestForm10(t *testing.T) {
	dir := t.TempDir()
	p := formtest.Form10(formtest.New(t, "自评表"), 1).Save(dir, "网格.xlsx")
	f := readOne(t, p)
	if f.Unit != "219001" || f.Name != "某某局" || f.Project != "社区网格化服务" || f.UnitCell != "网格.xlsx!自评表!G4" || f.Shape != ShapeForm {
		t.Errorf("unit %q %q %q (%s) %s", f.Unit, f.Name, f.Project, f.UnitCell, f.Shape)
	}
	checkRows(t, f, form10Rows)
	if f.Score != 91.24 || f.Rated != "优" {
		t.Errorf("score %v %s, want 91.24 优", f.Score, f.Rated)
	}
	if f.Total == nil || f.Total.V != 95.3 || f.Total.Cell.Ref != "网格.xlsx!自评表!H22" || f.Grade == nil || f.Grade.Text != "优" || f.Grade.Ref != "网格.xlsx!自评表!B23" {
		t.Errorf("total %+v grade %+v", f.Total, f.Grade)
	}
	if len(f.Groups) != 3 || f.Groups[0].Label != "产出指标" || f.Groups[0].Points != 50 || f.Groups[0].Cell.Ref != "网格.xlsx!自评表!B13" {
		t.Errorf("groups %+v", f.Groups)
	}
	// Provenance of merged and percent cells.
	if r := f.Rows[2]; r.Level1.Ref != "网格.xlsx!自评表!B13" || r.Level2.Ref != "网格.xlsx!自评表!C13" || r.Claimed.Cell.Ref != "网格.xlsx!自评表!H14" || r.Reason.Text != "供货延迟" {
		t.Errorf("设备采购数量 provenance: %+v %+v %+v %+v", r.Level1, r.Level2, r.Claimed, r.Reason)
	}
	if r := f.Rows[3]; r.ActualCell.Text != "98%" || r.Actual.Num != 0.98 {
		t.Errorf("验收合格率 actual %+v %+v", r.ActualCell, r.Actual)
	}
	checkFindings(t, f,
		"claim_high 设备采购数量 @网格.xlsx!自评表!H14",
		"claim_high 项目成本 @网格.xlsx!自评表!H17",
		"claim_high 长效机制 @网格.xlsx!自评表!H20",
		"claim_high 群众满意度 @网格.xlsx!自评表!H21",
		"claim_high 总分 @网格.xlsx!自评表!H22",
	)
	// The finding gives the rule's arithmetic.
	for _, x := range f.Findings {
		if x.ID == "项目成本" && !strings.Contains(x.Message, "10 × (1 − (99万元 − 90万元) ÷ 90万元) = 9") {
			t.Errorf("项目成本 message: %s", x.Message)
		}
		if x.ID == "群众满意度" && !strings.Contains(x.Message, "10 × 85% ÷ 90% = 9.44") {
			t.Errorf("群众满意度 message: %s", x.Message)
		}
	}
}

// TestSelfContradicting: a form whose own numbers disagree: 年度资金总额 0
// over 本年财政拨款 90, an 执行率 its amounts contradict, rows adding to 110
// under a 总分 of 100, 产出指标（50分） over 60, a 总分 that is not the sum
// of the rows and a grade that is not the total's.
func TestSelfContradicting(t *testing.T) {
	dir := t.TempDir()
	b := formtest.New(t, "Sheet1")
	b.Row("A1", "项目支出绩效自评表").Merge("A1", "I1")
	b.Row("A2", "项目名称", "道路养护")
	b.Row("A3", "实施单位", "219002 某某街道")
	b.Row("A4", "项目资金（万元）", nil, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
	b.Row("B5", "年度资金总额", 0, 0, 80, 10, "100%", 10)
	b.Row("B6", "其中：本年财政拨款", 90, 90, 80)
	b.Row("B7", "上年结转资金", 0, 0, 0)
	b.Row("B8", "其他资金", 0, 0, 0)
	b.Row("A10", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因")
	b.Row("A11", "产出指标（50分）", "数量指标", "完成里程", "≥10公里", "10公里", 30, 30)
	b.Row("C12", "修复坑槽", "≥200处", "100处", 30, 30)
	b.Merge("A11", "A12")
	b.Row("A13", "效益指标（40分）", "社会效益指标", "通行顺畅", "有效", "有效", 40, 40)
	b.Row("A14", "总分", nil, nil, nil, nil, 100, 90)
	b.Row("A15", "自评等级", "优秀")
	p := b.Save(dir, "道路.xlsx")
	f := readOne(t, p)
	if f.Unit != "219002" || f.Name != "某某街道" {
		t.Errorf("unit %q %q", f.Unit, f.Name)
	}
	// Rules: 预算执行率 cannot be computed (全年预算数 0) → 0; 完成里程 30;
	// 修复坑槽 30 × 100/200 = 15; 通行顺畅 claim 40 inside [32, 40] → 40.
	// Total 85 → 良. Claims add up to 10 + 30 + 30 + 40 = 110, not 90.
	checkRows(t, f, []wantRow{
		{FundLabel, "项目资金", "", ">=", 1, "%", 0, indicators.StatusError},
		{"完成里程", "产出指标", "数量指标", ">=", 10, "公里", 30, indicators.StatusOK},
		{"修复坑槽", "产出指标", "数量指标", ">=", 200, "处", 15, indicators.StatusOK},
		{"通行顺畅", "效益指标", "社会效益指标", "", 0, "", 40, indicators.StatusOK},
	})
	if f.Score != 85 || f.Rated != "良" {
		t.Errorf("score %v %s", f.Score, f.Rated)
	}
	checkFindings(t, f,
		"fund_mismatch 年度资金总额 @道路.xlsx!Sheet1!C5",
		"fund_mismatch 年度资金总额 @道路.xlsx!Sheet1!D5",
		"claim_high 预算执行率 @道路.xlsx!Sheet1!H5",
		"claim_high 修复坑槽 @道路.xlsx!Sheet1!G12",
		"weight_mismatch 分值 @道路.xlsx!Sheet1!F14",
		"weight_mismatch 产出指标 @道路.xlsx!Sheet1!A11",
		"sum_mismatch 总分 @道路.xlsx!Sheet1!G14",
		"claim_high 总分 @道路.xlsx!Sheet1!G14",
		"grade_mismatch 等级 @道路.xlsx!Sheet1!B15",
	)
	for _, x := range f.Findings {
		if x.Kind == FindFundMismatch && x.Cell == "道路.xlsx!Sheet1!D5" && !strings.Contains(x.Message, "全年预算数 0 万元") {
			t.Errorf("fund message: %s", x.Message)
		}
	}
}

// TestRateMismatch: an 执行率 that its own amounts contradict, and a 得分
// that is not 分值 × 执行率.
func TestRateMismatch(t *testing.T) {
	dir := t.TempDir()
	b := formtest.New(t, "Sheet1")
	b.Row("A1", "项目资金（万元）", nil, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
	b.Row("B2", "年度资金总额", 100, 120, 90, 10, nil, 10).Percent("G2", 0.9)
	b.Row("A4", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
	b.Row("A5", "产出指标", "数量指标", "场次", "≥3次", "3", 90, 90)
	f := readOne(t, b.Save(dir, "rate.xlsx"))
	// 90 / 120 = 75%, not the 90% written; 10 × 0.75 = 7.5, not 10.
	checkFindings(t, f,
		"rate_mismatch 年度资金总额 @rate.xlsx!Sheet1!G2",
		"claim_high 预算执行率 @rate.xlsx!Sheet1!H2",
	)
	if f.Rows[0].Points != 7.5 || !strings.Contains(f.Findings[1].Message, "执行率 = 全年执行数 90 ÷ 全年预算数 120 = 75%；得分 = 分值 10 × min(执行率, 1) = 7.5") {
		t.Errorf("预算执行率 %v: %s", f.Rows[0].Points, f.Findings[1].Message)
	}
}

// TestMangled: the form as units mangle it: a 填表说明 sheet first, an
// empty first row, numbers stored as text, a percent stored as 0.98 with a
// percent format (in form10 already), a 填表人 line. It reads as the tidy
// form does, one row lower.
func TestMangled(t *testing.T) {
	dir := t.TempDir()
	b := formtest.New(t, "填表说明")
	b.Row("A1", "填表说明：1. 一级指标、二级指标、三级指标按批复的绩效目标填写；2. 得分保留两位小数。")
	b.Row("A3", "一级指标", "说明")
	b.AddSheet("自评表")
	formtest.Form10(b, 2)
	// Numbers stored as text, as pasted from another system.
	b.Row("G15", "10", "10")
	b.Row("G23", "100", "95.3")
	b.Row("C7", "100", "100", "90", "10")
	f := readOne(t, b.Save(dir, "mangled.xlsx"))
	if f.Sheet != "自评表" {
		t.Errorf("sheet %s", f.Sheet)
	}
	checkRows(t, f, form10Rows)
	if f.Score != 91.24 || f.Total == nil || f.Total.V != 95.3 || f.Total.Cell.Ref != "mangled.xlsx!自评表!H23" {
		t.Errorf("score %v total %+v", f.Score, f.Total)
	}
	if len(f.Findings) != 5 {
		t.Errorf("findings %v", kinds(f))
	}
}

// TestFlatExport: a system export, columns in another order than the
// issue lists them, two units, 指标方向 and 度量单位 in their own columns.
func TestFlatExport(t *testing.T) {
	dir := t.TempDir()
	b := formtest.New(t, "导出")
	b.Row("A1", "三级指标", "得分", "单位名称", "年度指标值", "指标方向", "一级指标", "实际完成值", "度量单位", "分值", "二级指标", "单位编码", "偏差原因", "项目名称")
	b.Row("A2", "培训人次", 18, "甲局", "100", "正向", "产出指标", "90", "人次", 20, "数量指标", "101", "", "培训")
	b.Row("A3", "人均成本", 20, "甲局", "500", "反向", "产出指标", "550", "元", 20, "成本指标", "101", "物价上涨", "培训")
	b.Row("A4", "满意度", 60, "甲局", "≥90%", "", "满意度指标", "95%", "", 60, "满意度指标", "101", "", "培训")
	b.Row("A5", "培训人次", 20, "乙局", "≥100", "正向", "产出指标", "120", "人次", 50, "数量指标", "102", "", "培训")
	b.Row("A6", "人均成本", 50, "乙局", "≥500", "反向", "产出指标", "400", "元", 50, "成本指标", "102", "", "培训")
	fs, err := Options{Lang: "en"}.ReadFile(b.Save(dir, "export.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Unit != "101" || fs[0].Name != "甲局" || fs[1].Unit != "102" || fs[0].Shape != ShapeFlat || fs[0].UnitCell != "export.xlsx!导出!K2" {
		t.Fatalf("forms %+v", fs)
	}
	a, c := fs[0], fs[1]
	a.Review(Options{Tolerance: 0.01})
	c.Review(Options{Tolerance: 0.01})
	// 甲局: 20 × 90/100 = 18; ≤500 at 550: 20 × (1 − 50/500) = 18;
	// 95% ≥ 90%: 60. Total 96.
	checkRows(t, a, []wantRow{
		{"培训人次", "产出指标", "数量指标", ">=", 100, "人次", 18, indicators.StatusOK},
		{"人均成本", "产出指标", "成本指标", "<=", 500, "元", 18, indicators.StatusOK},
		{"满意度", "满意度指标", "满意度指标", ">=", 0.9, "%", 60, indicators.StatusOK},
	})
	checkFindings(t, a, "claim_high 人均成本 @export.xlsx!导出!B3")
	// 乙局: 指标方向 反向 contradicts ≥500: the row is unreadable, named
	// with its cell, and the total is not compared.
	if len(c.Rows) != 1 || len(c.Unreadable) != 1 || c.Unreadable[0].Cell.Ref != "export.xlsx!导出!E6" || !c.Incomplete {
		t.Errorf("乙局 rows %d unreadable %+v", len(c.Rows), c.Unreadable)
	}
	// 培训人次 120 ≥ 100 scores its 50 where the export claims 20.
	checkFindings(t, c, "unreadable export.xlsx!导出!E6 @export.xlsx!导出!E6", "claim_low 培训人次 @export.xlsx!导出!B5")
}

// TestUnreadableRows: rows that cannot be read are named with their cell
// and why, never dropped, and the total is then not compared.
func TestUnreadableRows(t *testing.T) {
	dir := t.TempDir()
	b := formtest.New(t, "Sheet1")
	b.Row("A1", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
	b.Row("A2", "产出指标", "质量指标", "合格率", "≥95%且≤100%", "98%", 50, 50)
	b.Row("C3", "达标率", "≥95%", 0.98, 30, 30)
	b.Row("C4", "覆盖面", "≥10个", "8万个", 10, 10)
	// A row whose first cell starts with 注 is a row, not a 注： line.
	b.Row("C5", "注册用户率", "≥90%", "不适用", 10, 0)
	b.Row("A6", "总分", nil, nil, nil, nil, 100, 90)
	f := readOne(t, b.Save(dir, "bad.xlsx"))
	checkFindings(t, f,
		"unreadable bad.xlsx!Sheet1!D2 @bad.xlsx!Sheet1!D2",
		"unreadable bad.xlsx!Sheet1!E3 @bad.xlsx!Sheet1!E3",
		"unreadable bad.xlsx!Sheet1!E4 @bad.xlsx!Sheet1!E4",
		"weight_mismatch 分值 @bad.xlsx!Sheet1!F6",
	)
	want := []string{"≥95%且≤100%", "has no % while 年度指标值 ≥95% is a percent: write 0.98%", `is in "万个" but 年度指标值 ≥10个 is in "个"`}
	for i, w := range want {
		if !strings.Contains(f.Unreadable[i].Why, w) {
			t.Errorf("unreadable %d: %s, want %s", i, f.Unreadable[i].Why, w)
		}
	}
	if len(f.Rows) != 1 || f.Rows[0].Status != indicators.StatusNA {
		t.Errorf("rows %+v", f.Rows)
	}
}

// TestFolder: a folder mixing good forms, a flat export, a workbook that
// is not a form, a corrupt file, an .xls and a lock file. The forms are
// read; every other file is listed with why.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	formtest.Form10(formtest.New(t, "Sheet1"), 1).Save(dir, "a.xlsx")
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	formtest.Form10(formtest.New(t, "Sheet1"), 1).Save(sub, "b.xlsx")
	formtest.New(t, "Sheet1").Row("A1", "姓名", "金额").Row("A2", "张三", 5).Save(dir, "c-not-a-form.xlsx")
	for name, body := range map[string]string{"d-corrupt.xlsx": "PK\x03\x04 not really a zip", "e.xls": "\xd0\xcf\x11\xe0", "~$a.xlsx": "lock", "f.pdf": "%PDF-1.4"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	forms, rejected, err := Options{Lang: "en"}.ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(forms) != 2 || forms[0].Unit != "219001" || forms[1].Unit != "219001-2" || filepath.Base(forms[1].File) != "b.xlsx" {
		t.Errorf("forms %v", forms)
	}
	var got []string
	for _, r := range rejected {
		got = append(got, filepath.Base(r.File))
	}
	if strings.Join(got, " ") != "c-not-a-form.xlsx d-corrupt.xlsx e.xls f.pdf" {
		t.Errorf("rejected %v", got)
	}
	for i, w := range []string{"no sheet (Sheet1) has an indicator table", "cannot be opened as an .xlsx workbook", "save it as .xlsx", "not a workbook"} {
		if i < len(rejected) && !strings.Contains(rejected[i].Why, w) {
			t.Errorf("%s: %s, want %q", rejected[i].File, rejected[i].Why, w)
		}
	}
}

// TestStoredPrecision: a number cell is read as stored, not as its format
// rounds it: 0.9812 shown as 98% scores 9.81, not 9.8; 45.674 shown as 46
// scores 9.13, not 9.2.
func TestStoredPrecision(t *testing.T) {
	b := formtest.New(t, "Sheet1")
	b.Row("A1", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
	b.Row("A2", "产出指标", "质量指标", "合格率", "≥100%", nil, 10, 9.81).Percent("E2", 0.9812)
	// 45.674 shown as 46: 10 × 45.674 / 50 = 9.13 (46 would give 9.2).
	b.Row("C3", "完成数", "≥50个", nil, 10, 9.13).Number("E3", 45.674, 1)
	f := readOne(t, b.Save(t.TempDir(), "p.xlsx"))
	if len(f.Rows) != 2 || f.Rows[0].ActualCell.Text != "98%" || f.Rows[0].Points != 9.81 || f.Rows[1].ActualCell.Text != "46" || f.Rows[1].Points != 9.13 || len(f.Findings) != 0 {
		t.Errorf("rows %+v findings %v", f.Rows, kinds(f))
	}
}

// TestUncomputedFormula: a 得分 whose formula was never computed is not
// read as "no claim": the row is unreadable, with its cell and why.
func TestUncomputedFormula(t *testing.T) {
	b := formtest.New(t, "Sheet1")
	b.Row("A1", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
	b.Row("A2", "产出指标", "数量指标", "场次", "≥3次", "3次", 10).Formula("G2", "F2*1")
	f := readOne(t, b.Save(t.TempDir(), "formula.xlsx"))
	checkFindings(t, f, "unreadable formula.xlsx!Sheet1!G2 @formula.xlsx!Sheet1!G2")
	if len(f.Unreadable) != 1 || !strings.Contains(f.Unreadable[0].Why, "formula has no computed value") {
		t.Errorf("unreadable %+v", f.Unreadable)
	}
}
