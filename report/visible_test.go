package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// The sample (testdata/README.md, "Missing data and failed checks") has
// one unit with missing data, U3 (完成数量 blank; 服务对象满意度 ÷ 0 cannot
// be computed), and one that fails a check, U5 (全年执行数 120 > 全年预算数
// 100). These tests hold every format to showing both in the unit's row,
// with a legend, and not only on stderr.

const u5Check = "全年执行数不应超过全年预算数（spent_within_budget）"

// readCSV reads a csv report back as Excel would, without its BOM.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatalf("csv without a BOM: %.40q", b)
	}
	rows, err := csv.NewReader(bytes.NewReader(b[len("\ufeff"):])).ReadAll()
	if err != nil {
		t.Fatalf("read csv back: %v", err)
	}
	return rows
}

// numFmtOf is a style's custom number format, "" for none.
func numFmtOf(st *excelize.Style) string {
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// column returns the index of header h.
func column(t *testing.T, head []string, h string) int {
	t.Helper()
	for i, x := range head {
		if x == h {
			return i
		}
	}
	t.Fatalf("no column %s in %q", h, head)
	return -1
}

func TestCSVShowsMissingAndChecks(t *testing.T) {
	rows := readCSV(t, render(t, "csv", Options{}))
	head := rows[0]
	want := "单位编码 单位名称 预算执行率 完成数量 质量达标 服务对象满意度 总分 等级 排名 自评总分 自评等级 缺项 无法计算 未通过校验 错误"
	if got := strings.Join(head, " "); got != want {
		t.Fatalf("header = %s\nwant     %s", got, want)
	}
	byUnit := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) != len(head) {
			t.Fatalf("row %q has %d fields, the header %d", r, len(r), len(head))
		}
		byUnit[r[0]] = r
	}
	miss, failed, checks, errs := column(t, head, "缺项"), column(t, head, "无法计算"), column(t, head, "未通过校验"), column(t, head, "错误")
	tests := []struct {
		unit, missing, failed, checks string
	}{
		{"U1", "", "", ""},
		{"U2", "", "", ""},
		{"U3", "完成数量", "服务对象满意度", ""},
		{"U4", "", "", ""}, // failed: its errors say it all
		{"U5", "", "", u5Check},
	}
	for _, tc := range tests {
		r := byUnit[tc.unit]
		if r[miss] != tc.missing || r[failed] != tc.failed || r[checks] != tc.checks {
			t.Errorf("%s: 缺项 %q 无法计算 %q 未通过校验 %q, want %q %q %q", tc.unit, r[miss], r[failed], r[checks], tc.missing, tc.failed, tc.checks)
		}
	}
	if !strings.Contains(byUnit["U4"][errs], "not a number") {
		t.Errorf("U4 errors = %q", byUnit["U4"][errs])
	}
	// The points stay numbers a spreadsheet sums: U3's 10 + 0 + 0 (质量达标
	// 不适用 is left out) = 10.
	var sum float64
	for _, h := range []string{"预算执行率", "完成数量", "服务对象满意度"} {
		x, err := strconv.ParseFloat(byUnit["U3"][column(t, head, h)], 64)
		if err != nil {
			t.Fatalf("U3 %s is not a number: %v", h, err)
		}
		sum += x
	}
	if sum != 10 {
		t.Errorf("U3 points sum to %v, want 10", sum)
	}
}

// TestCSVIssueListsQuoted: lists of several items, with labels holding
// commas and quotes, read back as one field each.
func TestCSVIssueListsQuoted(t *testing.T) {
	m, res := sample(t)
	u := res.Units[2] // U3
	u.Indicators = append([]engine.IndicatorResult{}, u.Indicators...)
	u.Indicators[0].Status, u.Indicators[0].Label = indicators.StatusMissing, `预算执行率,"年度"`
	u.Checks = []engine.CheckResult{{ID: "a", Message: "甲，乙"}, {ID: "b", Message: `丙"丁`}}
	res.Units[2] = u
	rows := readCSV(t, replay(t, "csv", Options{Units: []string{"U3"}}, m, res.Result))
	head, r := rows[0], rows[1]
	if got := r[column(t, head, "缺项")]; got != `预算执行率,"年度"；完成数量` {
		t.Errorf("缺项 = %q", got)
	}
	if got := r[column(t, head, "未通过校验")]; got != `甲，乙（a）；丙"丁（b）` {
		t.Errorf("未通过校验 = %q", got)
	}
}

// TestGroupsSubtotalsMarked: with --groups only subtotals are shown, and
// one that sums a missing or uncomputable indicator says so in every
// table format (U3: 产出 holds 完成数量, missing; 满意度 is 服务对象满意度,
// ÷ 0).
func TestGroupsSubtotalsMarked(t *testing.T) {
	o := Options{Groups: true}
	table := string(render(t, "table", o))
	var u3 string
	for _, l := range gridLines(table) {
		if f := fields(l); len(f) > 1 && f[1] == "U3" {
			u3 = strings.Join(f, " ")
		}
	}
	if u3 != "4 U3 丙单位 10 0缺 0错 12.5 差" {
		t.Errorf("table row of U3 = %q", u3)
	}
	for _, l := range []string{"缺 数据缺失，记 0 分", "错 无法计算"} {
		if !strings.Contains(table, l) {
			t.Errorf("table legend lacks %q", l)
		}
	}

	rows := mdTable(t, string(render(t, "md", o)), "## 评分对照表")
	if got := strings.Join(rows[5][:8], " "); got != "4 U3 丙单位 **10** **0缺** **0错** **12.5** 差" {
		t.Errorf("md row of U3 = %q", got)
	}

	doc := parseHTML(t, render(t, "html", o))
	var cls []string
	for _, td := range find(doc, tag("td")) {
		if strings.HasPrefix(attr(td, "class"), "sub") {
			cls = append(cls, text(td)+"="+attr(td, "class"))
		}
	}
	// Rank order: U5, U1, U2, U3, three subtotals each.
	if got := strings.Join(cls[9:], " "); got != "10=sub 0缺=sub missing 0错=sub error" {
		t.Errorf("html subtotals of U3 = %s", got)
	}

	f := openXLSX(t, render(t, "xlsx", o))
	// Row 7 is U3: D 预算执行, E 产出, F 满意度.
	for _, c := range []struct{ cell, fill, format string }{
		{"D7", "F2F2F2", "0.00"}, {"E7", "FCE4D6", `0.00"缺"`}, {"F7", "FFC7CE", `0.00"错"`},
	} {
		st := styleOf(t, f, SheetScores, c.cell)
		if fillOf(st) != c.fill || numFmtOf(st) != c.format {
			t.Errorf("%s: fill %s format %s, want %s %s", c.cell, fillOf(st), numFmtOf(st), c.fill, c.format)
		}
	}
	if got := cells(t, f, SheetScores, "D7", "E7", "F7"); got != "10 0 0" {
		t.Errorf("U3 subtotals = %q, want the numbers 10 0 0", got)
	}
}

// TestSubtotalAllNA: a subtotal of indicators all 不适用 is no score: NA,
// not 0.
func TestSubtotalAllNA(t *testing.T) {
	m, res := sample(t)
	u := res.Units[2] // U3
	u.Indicators = append([]engine.IndicatorResult{}, u.Indicators...)
	u.Indicators[1].Status = indicators.StatusNA // 完成数量; 质量达标 is N/A already
	res.Units[2] = u
	rows := mdTable(t, string(replay(t, "md", Options{Groups: true}, m, res.Result)), "## 评分对照表")
	if got := rows[5][4]; got != "**NA**" {
		t.Errorf("产出 of U3 = %q, want **NA**", got)
	}
}

func TestTableListsFailedChecks(t *testing.T) {
	text := string(render(t, "table", Options{}))
	for _, s := range []string{
		"共 5 个单位：优 2，良 0，中 1，差 1，未能评分 1；其中 1 个单位有缺失数据（记 0 分），1 个单位未通过一致性校验\n",
		"  不符 数据未通过一致性校验（不影响得分），见「未通过的检查」\n",
		"未通过的检查：\n  U5 戊单位：" + u5Check + "\n",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("table lacks %q:\n%s", s, text)
		}
	}
	// --units: the summary counts the units kept; the 校验 column stays,
	// as the ranks, for the population.
	text = string(render(t, "table", Options{Units: []string{"U1", "U2"}}))
	if !strings.Contains(text, "共 2 个单位：优 1，良 0，中 1，差 0（排名为全部 5 个单位中的名次）\n") ||
		!strings.Contains(text, "自评等级 校验") || strings.Contains(text, "未通过的检查") {
		t.Errorf("--units U1,U2:\n%s", text)
	}
}

// passing returns the sample with U5's check passed: no unit fails one.
func passing(t *testing.T) (Meta, *engine.Result) {
	m, res := sample(t)
	for i := range res.Units {
		u := &res.Units[i]
		checks := append([]engine.CheckResult{}, u.Checks...)
		for k := range checks {
			checks[k].OK = true
		}
		u.Checks = checks
	}
	res.Summary.CheckUnits, res.Summary.FailedChecks = 0, 0
	return m, res.Result
}

// TestNoCheckColumnWhenAllPass: a population that passes every check has
// no 校验 column, in any table.
func TestNoCheckColumnWhenAllPass(t *testing.T) {
	m, res := passing(t)
	for _, name := range []string{"table", "md", "html"} {
		if s := string(replay(t, name, Options{}, m, res)); strings.Contains(s, "校验") || strings.Contains(s, "不符") {
			t.Errorf("%s names checks though all passed", name)
		}
	}
	f := openXLSX(t, replay(t, "xlsx", Options{}, m, res))
	if got := cells(t, f, SheetScores, "L2", "M2"); got != "自评等级 " {
		t.Errorf("xlsx headers after 自评等级 = %q", got)
	}
}

func TestMarkdownAndHTMLMarkChecks(t *testing.T) {
	md := string(render(t, "md", Options{}))
	for _, s := range []string{
		"- 不符 数据未通过一致性校验（不影响得分），见「未通过的检查」",
		"；其中 1 个单位有缺失数据（记 0 分），1 个单位未通过一致性校验",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("md lacks %q", s)
		}
	}
	doc := parseHTML(t, render(t, "html", Options{}))
	checks := find(doc, hasClass("td", "check"))
	if len(checks) != 1 || text(checks[0]) != "不符" || attr(checks[0], "title") != u5Check {
		t.Fatalf("check cells: %d", len(checks))
	}
	if row := text(checks[0].Parent); !strings.HasPrefix(row, "1 U5 戊单位") {
		t.Errorf("the check cell is in row %q", row)
	}
	var legend []string
	for _, ul := range find(doc, hasClass("ul", "legend")) {
		legend = append(legend, text(ul))
	}
	if l := strings.Join(legend, " "); !strings.Contains(l, "不符 数据未通过一致性校验") || !strings.Contains(l, "缺 数据缺失，记 0 分") {
		t.Errorf("legend = %q", l)
	}
	list := find(doc, hasClass("ul", "failed-checks"))
	if len(list) != 1 || text(list[0]) != "U5 戊单位 "+u5Check {
		t.Errorf("failed checks list: %d", len(list))
	}
}

func TestXLSXMarksAndLegend(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", Options{}))
	const s = SheetScores
	// A–C fixed, D–H the five columns, I 总分, J 等级, K–L claims, M checks.
	if got := cells(t, f, s, "M2"); got != "未通过校验" {
		t.Errorf("M2 = %q", got)
	}
	if got := cells(t, f, s, "B4", "M4", "M5", "M7"); got != "U5 "+u5Check+"  " {
		t.Errorf("checks column = %q", got)
	}
	if fill := fillOf(styleOf(t, f, s, "M4")); fill != "F8CBAD" {
		t.Errorf("M4 fill = %s", fill)
	}
	// U3 (row 7): the marks are in the number format, the values numbers.
	for _, c := range []struct{ cell, format string }{{"E7", `0.00"缺"`}, {"G7", `0.00"缺"`}, {"H7", `0.00"错"`}, {"D4", `0.00"超"`}} {
		if got := numFmtOf(styleOf(t, f, s, c.cell)); got != c.format {
			t.Errorf("%s format = %s, want %s", c.cell, got, c.format)
		}
		if typ, _ := f.GetCellType(s, c.cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is stored as %v, want a number", c.cell, typ)
		}
	}
	// What Excel shows: the workbook read with its formats.
	shown, err := excelize.OpenReader(bytes.NewReader(render(t, "xlsx", Options{})))
	if err != nil {
		t.Fatal(err)
	}
	defer shown.Close()
	if got := cells(t, shown, s, "E7", "H7"); got != "0.00缺 0.00错" {
		t.Errorf("U3 shows %q", got)
	}
	// The legend, a row below the last unit (row 7).
	want := []string{"", "标记：", MarkNA.Legend, MarkMissing.Legend, MarkError.Legend, MarkOvershoot.Legend, xlsxCheckLegend, ""}
	for i, w := range want {
		if got := cells(t, f, s, cellName(1, 8+i)); got != w {
			t.Errorf("A%d = %q, want %q", 8+i, got, w)
		}
	}
	var stats []string
	for r := 1; r <= 40; r++ {
		stats = append(stats, cells(t, f, SheetStats, cellName(1, r)))
	}
	if l := strings.Join(stats, "\n"); !strings.Contains(l, "  "+xlsxCheckLegend) || !strings.Contains(l, "  "+MarkMissing.Legend) {
		t.Errorf("指标统计 legend:\n%s", l)
	}
}

func TestSelfEvalIndexNotes(t *testing.T) {
	f := openXLSX(t, render(t, "selfeval", Options{}))
	// Index rows in input order: U1 4, U2 5, U3 6, U4 7, U5 8; G is 说明.
	if got := cells(t, f, SheetIndex, "G4", "G6", "G8"); got != " 缺项：完成数量\n无法计算：服务对象满意度 未通过校验："+u5Check {
		t.Errorf("说明 = %q", got)
	}
	// --groups: C 预算执行, D 产出, E 满意度 before 总分.
	f = openXLSX(t, render(t, "selfeval", Options{Groups: true}))
	for _, c := range []struct{ cell, fill, format string }{{"D6", "FCE4D6", `0.00"缺"`}, {"E6", "FFC7CE", `0.00"错"`}, {"D4", "", "0.00"}} {
		st := styleOf(t, f, SheetIndex, c.cell)
		if fillOf(st) != c.fill || numFmtOf(st) != c.format {
			t.Errorf("%s: fill %q format %s, want %q %s", c.cell, fillOf(st), numFmtOf(st), c.fill, c.format)
		}
	}
	var lines []string
	for r := 9; r <= 14; r++ {
		lines = append(lines, cells(t, f, SheetIndex, cellName(1, r)))
	}
	if l := strings.Join(lines, "\n"); !strings.Contains(l, "标记："+MarkMissing.Legend+"；"+MarkError.Legend) ||
		!strings.Contains(l, "其中 1 个单位有缺失数据（记 0 分），1 个单位未通过一致性校验") {
		t.Errorf("index notes:\n%s", l)
	}
}

func TestSummaryCountsMissingAndChecks(t *testing.T) {
	m, res := sample(t)
	if s := res.Summary; s.MissingUnits != 1 || s.CheckUnits != 1 || s.FailedChecks != 1 {
		t.Errorf("summary = %+v, want 1 unit with missing data, 1 with a failed check", s)
	}
	f, _ := Lookup("table")
	var got engine.Summary
	var meta Meta
	f.Rows = func(Options, Meta) Rows { return &keptSummaryRows{sum: &got, meta: &meta} }
	if err := res.write(&bytes.Buffer{}, f, Options{Units: []string{"U3", "U4"}}, m); err != nil {
		t.Fatal(err)
	}
	if got.MissingUnits != 1 || got.CheckUnits != 0 || !meta.HasFailedChecks {
		t.Errorf("kept U3, U4: summary %+v, HasFailedChecks %v; want U3's missing data, no check, the column kept", got, meta.HasFailedChecks)
	}
}

// streamSample writes the sample in format f through a Sink, as jixiao
// eval streams it, and returns the bytes and the summary its rows got.
func streamSample(t *testing.T, f Format, o Options) []byte {
	t.Helper()
	b, _ := streamSampleSummary(t, f, o)
	return b
}

// streamSampleSummary is streamSample with the summary engine.Stream
// returned.
func streamSampleSummary(t *testing.T, f Format, o Options) ([]byte, engine.Summary) {
	t.Helper()
	src, err := os.ReadFile("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesets.Load("testdata/sample.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Explain: o.Explain, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.Open("testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	units, err := data.Options{Lang: "en"}.OpenStreamReader("testdata/sample.csv", in, data.NewSchema(rs), true)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sink, err := NewSink(&out, f, o, NewMeta(prog, &engine.DataInfo{Files: []string{"testdata/sample.csv"}}))
	if err != nil {
		t.Fatal(err)
	}
	sink.Digest = units.SHA256
	sum, err := prog.Stream(context.Background(), units, sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.End(sum); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), sum
}

// TestCSVSparesStatistics: a csv, which has no summary, has engine.Stream
// gather no statistics; the formats that show them get them, and the
// csv is the bytes Write gives.
func TestCSVSparesStatistics(t *testing.T) {
	for _, tc := range []struct {
		format string
		stats  bool
	}{{"csv", false}, {"json", true}, {"table", true}, {"md", true}} {
		f, err := Lookup(tc.format)
		if err != nil {
			t.Fatal(err)
		}
		_, sum := streamSampleSummary(t, f, Options{})
		if got := len(sum.Indicators) > 0 && sum.Score.Units > 0; got != tc.stats {
			t.Errorf("%s: statistics gathered %v (%d indicators, score over %d units), want %v",
				tc.format, got, len(sum.Indicators), sum.Score.Units, tc.stats)
		}
	}
}

// summaryRows is a Rows format that writes only the summary it ends with.
type summaryRows struct{}

func (summaryRows) Begin(w io.Writer, m Meta) error { return nil }
func (summaryRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	return append(dst, u.Unit...)
}
func (summaryRows) WriteUnit(w io.Writer, rec []byte, rank int) error { return nil }
func (summaryRows) End(w io.Writer, s engine.Summary) error {
	_, err := fmt.Fprintf(w, "%+v", s)
	return err
}

// TestStreamedLikeWritten: csv and xlsx streamed from the data file
// through a Sink are the bytes report.Write makes of the units read
// first, marks and checks included; and with --units the Sink's summary
// of the kept units counts them alike.
func TestStreamedLikeWritten(t *testing.T) {
	for _, name := range []string{"csv", "xlsx"} {
		for _, o := range []Options{{}, {Units: []string{"U5", "U3"}}, {Groups: true, Sort: "-产出"}} {
			f, _ := Lookup(name)
			if got, want := streamSample(t, f, o), render(t, name, o); !bytes.Equal(got, want) {
				t.Errorf("%s %+v: streamed output differs from Write's", name, o)
			}
		}
	}
	for _, units := range [][]string{nil, {"U3", "U4"}, {"U5", "U1"}} {
		o := Options{Units: units}
		f := Format{Name: "summary", Rows: func(Options, Meta) Rows { return summaryRows{} }}
		got := string(streamSample(t, f, o))
		var want engine.Summary
		wf := Format{Name: "summary", Rows: func(Options, Meta) Rows { return &keptSummaryRows{sum: &want, meta: &Meta{}} }}
		m, res := sample(t)
		if err := res.write(&bytes.Buffer{}, wf, o, m); err != nil {
			t.Fatal(err)
		}
		if got != fmt.Sprintf("%+v", want) {
			t.Errorf("--units %v: streamed summary %s, want %+v", units, got, want)
		}
	}
}

// TestQuoteTail: a list appended in place is quoted exactly where
// appendCSVField quotes it (as encoding/csv does).
func TestQuoteTail(t *testing.T) {
	for _, s := range []string{"", "完成数量", "a,b", `a"b`, "a\nb", "a\rb", " 前导空格", "\u3000全角空格", `\.`, `\.x`,
		strings.Repeat("项目支出 + 基本支出 应等于财政拨款支出", 4) + ",", strings.Repeat("长", 100)} {
		prefix := []byte("U1,甲,")
		got := quoteTail(append(append([]byte{}, prefix...), s...), len(prefix))
		if want := appendCSVField(append([]byte{}, prefix...), s); !bytes.Equal(got, want) {
			t.Errorf("%q: quoteTail gives %q, appendCSVField %q", s, got, want)
		}
	}
}
