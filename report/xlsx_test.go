package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openXLSX reads a workbook back with raw cell values (9.5, not "9.50").
func openXLSX(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("read workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cells returns the values of cells of a sheet, joined by spaces.
func cells(t *testing.T, f *excelize.File, sheet string, names ...string) string {
	t.Helper()
	var out []string
	for _, n := range names {
		v, err := f.GetCellValue(sheet, n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return strings.Join(out, " ")
}

// styleOf returns the style of a cell.
func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func fillOf(st *excelize.Style) string {
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
}

func TestXLSXScores(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", Options{Explain: true}))
	if got := strings.Join(f.GetSheetList(), ","); got != "评分表,指标统计,未通过" {
		t.Fatalf("sheets = %s", got)
	}
	const s = SheetScores
	tests := []struct {
		name  string
		cells []string
		want  string
	}{
		{"title", []string{"A1"}, "样例绩效自评（sample 2024.1）"},
		{"一级指标 over their columns", []string{"A2", "D2", "E2", "H2", "I2", "J2", "K2", "L2"}, "排名 预算执行（10分） 产出（50分） 满意度（40分） 总分 等级 自评总分 自评等级"},
		{"indicator titles", []string{"D3", "E3", "F3", "G3", "H3"}, "预算执行率\n10分 完成数量\n30分 质量达标\n20分 小计 服务对象满意度\n40分"},
		// testdata/README.md; rank order, failed unit left out
		{"U5 first", []string{"A4", "B4", "C4", "D4", "E4", "F4", "G4", "H4", "I4", "J4"}, "1 U5 戊单位 10 30 18 48 40 98 优"},
		{"U1 with its claim", []string{"A5", "B5", "D5", "E5", "G5", "I5", "J5", "K5", "L5"}, "2 U1 9.5 30 48 97.5 优 99 优"},
		{"U2 name kept as is", []string{"B6", "C6", "H6", "I6", "J6"}, "U2 乙单位<b>|丙 35.56 69.56 中"},
		{"U3 missing, N/A, error", []string{"B7", "E7", "F7", "G7", "H7", "I7", "J7"}, "U3 0 NA 0 0 12.5 差"},
		{"no row for the failed unit", []string{"A8", "B8"}, " "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cells(t, f, s, tc.cells...); got != tc.want {
				t.Errorf("%v = %q, want %q", tc.cells, got, tc.want)
			}
		})
	}
	// Numbers carry no type attribute in OOXML (unset means number).
	if typ, _ := f.GetCellType(s, "D5"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("points are stored as %v, want numbers", typ)
	}
	if st := styleOf(t, f, s, "D5"); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00" {
		t.Errorf("points number format = %v, want 0.00", st.CustomNumFmt)
	}
	colours := []struct {
		cell, fill, why string
	}{
		{"J4", "C6EFCE", "优 green"},
		{"J6", "FFEB9C", "中 amber"},
		{"J7", "FFC7CE", "差 red"},
		{"E7", "FCE4D6", "missing"},
		{"F7", "EDEDED", "N/A"},
		{"H7", "FFC7CE", "error"},
		{"E5", "E2EFDA", "overshoot"},
		{"G5", "F2F2F2", "subtotal"},
	}
	for _, c := range colours {
		if got := fillOf(styleOf(t, f, s, c.cell)); got != c.fill {
			t.Errorf("%s (%s) fill = %s, want %s", c.cell, c.why, got, c.fill)
		}
	}
	panes, err := f.GetPanes(s)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.XSplit != 3 || panes.YSplit != 3 {
		t.Errorf("panes = %+v, want frozen after 3 columns and 3 rows", panes)
	}
	merged, err := f.GetMergeCells(s)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if !strings.Contains(strings.Join(refs, " "), "E2:G2") {
		t.Errorf("merged = %v, want 产出 over E2:G2", refs)
	}
}

func TestXLSXStatsAndFailures(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", Options{}))
	// testdata/README.md, "Statistics over the four scored units"
	want := []string{
		"一级指标 指标 分值 单位数 平均分 中位数 最低分 最高分 满分率 缺失 不适用 错误",
		"预算执行 预算执行率 10 4 8.63 9.75 5 10 0.5 0 0 0",
		"产出 完成数量 30 4 18.75 22.5 0 30 0.5 1 0 0",
		"产出 质量达标 20 3 16.67 18 14 18 0 0 1 0",
		"产出 产出小计 50 4 31.25 38.5 0 48 0 1 1 0",
		"满意度 服务对象满意度 40 4 28.89 37.78 0 40 0.5 0 0 1",
		" 总分 100 4 69.39 83.53 12.5 98 0 0 0 0",
	}
	for i, w := range want {
		row := i + 1
		var names []string
		for c := 1; c <= 12; c++ {
			names = append(names, cellName(c, row))
		}
		if got := cells(t, f, SheetStats, names...); got != w {
			t.Errorf("statistics row %d = %q, want %q", row, got, w)
		}
	}
	// The grade distribution below: 优 2 of 4 scored units.
	if got := cells(t, f, SheetStats, "A9", "B9", "C9", "A10", "B10"); got != "等级 单位数 占比 优 2" {
		t.Errorf("grade distribution = %q", got)
	}
	if got := cells(t, f, SheetStats, "C10"); got != "0.5" {
		t.Errorf("优 share = %s, want 0.5", got)
	}
	// In report order: U5 (rank 1) is written first, the failed U4 last.
	fails := []string{
		"单位 名称 类别 代码或检查 位置 字段 值 说明",
		"U5 戊单位 检查未通过 spent_within_budget    全年执行数不应超过全年预算数",
		"U4 丁单位 未能评分 单元格无法识别（bad_cell） testdata/sample.csv:5:4 budget abc row 5, column D: budget (全年预算数): not a number: \"abc\" (the input's unit is 万元)",
	}
	for i, w := range fails {
		var names []string
		for c := 1; c <= 8; c++ {
			names = append(names, cellName(c, i+1))
		}
		if got := cells(t, f, SheetFailures, names...); got != w {
			t.Errorf("failures row %d = %q, want %q", i+1, got, w)
		}
	}
}

func TestXLSXGroupsOnly(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", Options{Groups: true, Units: []string{"U1", "U2"}}))
	if got := cells(t, f, SheetScores, "D2", "E2", "F2", "D3", "E3", "F3", "G2"); got != "预算执行 产出 满意度 10分 50分 40分 总分" {
		t.Errorf("group headers = %q", got)
	}
	if got := cells(t, f, SheetScores, "B4", "D4", "E4", "F4", "G4", "B5", "E5", "B6"); got != "U1 9.5 48 40 97.5 U2 29 " {
		t.Errorf("rows = %q", got)
	}
}

func TestXLSXProvenance(t *testing.T) {
	m, res := sample(t)
	b := renderMeta(t, "xlsx", Options{}, m, res)
	f := openXLSX(t, b)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "样例绩效自评" || props.Creator != "jixiao" || props.Created != "" || props.Modified != "" {
		t.Errorf("properties = %+v, want the title, creator jixiao and no time", props)
	}
	for _, s := range []string{"规则集：sample 2024.1", "规则集 SHA-256：" + m.Ruleset.SHA256, "数据 SHA-256：" + m.Data.SHA256} {
		if !strings.Contains(props.Description, s) {
			t.Errorf("description lacks %q: %s", s, props.Description)
		}
	}
	custom, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, p := range custom {
		got[p.Name] = p.Value
	}
	if got["jixiao.ruleset.sha256"] != m.Ruleset.SHA256 || got["jixiao.data.sha256"] != m.Data.SHA256 {
		t.Errorf("custom properties = %v", got)
	}
	if _, ok := got["jixiao.time"]; ok {
		t.Error("custom properties carry a time none was given")
	}
	if again := renderMeta(t, "xlsx", Options{}, m, res); !bytes.Equal(b, again) {
		t.Error("two runs wrote different workbooks")
	}
	m.Stamp = stamp
	f = openXLSX(t, renderMeta(t, "xlsx", Options{}, m, res))
	props, _ = f.GetDocProps()
	if props.Created != "2024-03-31T01:00:00Z" || props.Modified != props.Created {
		t.Errorf("created %q modified %q, want the stamp in UTC", props.Created, props.Modified)
	}
}

// xlsxWith writes the sample as xlsx with sheets of lastRow rows and
// 未通过 listing maxFails failures at most.
func xlsxWith(t *testing.T, lastRow, maxFails int) ([]byte, error) {
	t.Helper()
	return xlsxLang(t, lastRow, maxFails, "")
}

// xlsxLang is xlsxWith with the errors in language lang.
func xlsxLang(t *testing.T, lastRow, maxFails int, lang string) ([]byte, error) {
	t.Helper()
	m, res := sample(t)
	f := Format{Name: "xlsx", Binary: true, Sort: "rank", Rows: func(o Options, m Meta) Rows {
		x := newXLSXWriter(o)
		x.lastRow, x.maxFails = lastRow, maxFails
		return xlsxRows(x, m)
	}}
	var buf bytes.Buffer
	err := res.write(&buf, f, Options{Lang: lang}, m)
	return buf.Bytes(), err
}

// TestXLSXFailuresPastTheSheet: failures past what 未通过 holds are
// counted in a closing note, not lost without a word (a million units
// can fail several million checks; a sheet has 1,048,576 rows).
func TestXLSXFailuresPastTheSheet(t *testing.T) {
	b, err := xlsxWith(t, excelize.TotalRows, 1)
	if err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, b)
	// The sample fails one check (U5) and one cell (U4), in that order.
	if got := cells(t, f, SheetFailures, "A2", "C2", "D2"); got != "U5 检查未通过 spent_within_budget" {
		t.Errorf("row 2 = %q", got)
	}
	want := "（另有 1 条未列出：工作表最多 1048576 行；每个单位的检查和错误见 -f json 的输出）"
	if got := cells(t, f, SheetFailures, "A3"); got != want {
		t.Errorf("row 3 = %q, want %q", got, want)
	}
	if got := cells(t, f, SheetFailures, "A4"); got != "" {
		t.Errorf("row 4 = %q, want nothing", got)
	}
}

// TestXLSXTooManyUnits: more scored units than a sheet has rows is an
// error that says what to use instead, not a workbook cut short.
func TestXLSXTooManyUnits(t *testing.T) {
	// Four scored units need rows 4 to 7 under the three header rows.
	if _, err := xlsxWith(t, 7, 5); err != nil {
		t.Fatalf("7 rows: %v", err)
	}
	for lang, want := range map[string]string{
		"":   "xlsx：一张工作表最多 6 行，放不下超过 3 个已评分的单位：请用 -f csv 或 -f json",
		"en": "xlsx: more than 3 scored units do not fit on a sheet (6 rows at most): use -f csv or -f json",
	} {
		_, err := xlsxLang(t, 6, 4, lang)
		if err == nil || err.Error() != want {
			t.Errorf("6 rows, lang %q: error %v, want %q", lang, err, want)
		}
	}
}
