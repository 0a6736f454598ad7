package data

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// bureauRuleset reads what a 部门整体支出 self-evaluation form asks.
func bureauRuleset() *indicators.Ruleset {
	return &indicators.Ruleset{ID: "bureau", Grades: indicators.DefaultGrades(),
		Inputs: []indicators.Input{
			{ID: "budget", Label: "全年预算数", Unit: "万元", Type: indicators.TypeNumber},
			{ID: "spent", Label: "全年执行数", Unit: "万元", Type: indicators.TypeNumber},
			{ID: "satisfaction", Label: "满意度", Unit: "%", Type: indicators.TypeNumber},
			{ID: "rate", Label: "完成率", Type: indicators.TypeNumber},
			{ID: "tier", Label: "档次", Type: indicators.TypeTier},
		},
		Indicators: []indicators.Indicator{{ID: "exec", Label: "执行"}},
	}
}

// bureauBook builds a workbook the way a bureau makes one: an
// instructions sheet first, then the data sheet with a merged title, a
// 填报单位 line and a blank row above the header, and units whose cells
// are percent-formatted, dates, booleans, formulas never computed,
// numbers stored as text and codes shown with leading zeros. rows are the
// units (cells from column A); each is set with excelize's typed setters.
type bureauBook struct {
	t *testing.T
	f *excelize.File
}

const (
	dataSheet  = "数据"
	headerRow  = 4
	firstUnit  = headerRow + 1
	titleText  = "2022年部门整体支出绩效自评表"
	filerText  = "填报单位：演示县财政局    金额单位：万元"
	notesSheet = "填表说明"
)

var bureauHeader = []any{"单位编码", "单位名称", "全年预算数", "全年执行数", "满意度", "完成率", "档次"}

func newBureauBook(t *testing.T) *bureauBook {
	t.Helper()
	return newBureauBookWith(t, bureauHeader)
}

// newBureauBookWith is newBureauBook with another header.
func newBureauBookWith(t *testing.T, header []any) *bureauBook {
	t.Helper()
	f := excelize.NewFile()
	b := &bureauBook{t: t, f: f}
	b.check(f.SetSheetName("Sheet1", notesSheet))
	b.check(f.SetCellStr(notesSheet, "A1", "填表说明"))
	b.check(f.SetCellStr(notesSheet, "A2", "1. 金额单位为万元，保留两位小数。"))
	b.check(f.SetCellStr(notesSheet, "A3", "2. 满意度填百分比，如 96.5%。"))
	_, err := f.NewSheet(dataSheet)
	b.check(err)
	b.check(f.SetCellStr(dataSheet, "A1", titleText))
	b.check(f.MergeCell(dataSheet, "A1", "G1"))
	b.check(f.SetCellStr(dataSheet, "A2", filerText))
	b.check(f.MergeCell(dataSheet, "A2", "G2"))
	b.check(f.SetSheetRow(dataSheet, "A4", &header))
	return b
}

func (b *bureauBook) check(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

// row sets the cells of a unit row, from column A.
func (b *bureauBook) row(n int, cells ...any) {
	b.t.Helper()
	cell, _ := excelize.CoordinatesToCellName(1, n)
	b.check(b.f.SetSheetRow(dataSheet, cell, &cells))
}

// style gives a cell a number format: a built-in id or a custom code.
func (b *bureauBook) style(cell string, numFmt int, custom string) {
	b.t.Helper()
	st := &excelize.Style{NumFmt: numFmt}
	if custom != "" {
		st.CustomNumFmt = &custom
	}
	id, err := b.f.NewStyle(st)
	b.check(err)
	b.check(b.f.SetCellStyle(dataSheet, cell, cell, id))
}

func (b *bureauBook) bytes() []byte {
	b.t.Helper()
	var buf bytes.Buffer
	b.check(b.f.Write(&buf))
	return buf.Bytes()
}

// patchPart rewrites a part of a workbook: excelize cannot write an error
// value (t="e") or a formula's cached value, which Excel writes.
func patchPart(t *testing.T, book []byte, part string, re, repl string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	patched := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			rx := regexp.MustCompile(re)
			if !rx.Match(b) {
				t.Fatalf("%s: no match for %s in\n%s", part, re, b)
			}
			b, patched = rx.ReplaceAll(b, []byte(repl)), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !patched {
		t.Fatalf("no part %s", part)
	}
	return out.Bytes()
}

// readBook reads every unit of a workbook with options o.
func readBook(t *testing.T, book []byte, s *Schema, o Options) read {
	t.Helper()
	src, err := o.OpenReader("自评.xlsx", bytes.NewReader(book), s)
	if err != nil {
		return read{err: err}
	}
	defer src.Close()
	return readAll(src)
}

// errorsOf lists a unit's errors as "code line:col message".
func errorsOf(u indicators.Unit) []string {
	var out []string
	for _, e := range u.Errors {
		out = append(out, e.Code+" "+e.Pos.String()+" "+e.Msg)
	}
	return out
}

// TestXLSXBureauWorkbook reads a workbook as bureaus make them: the
// header is found past the instructions sheet and the title rows; a
// percent cell reads as the percent it shows on a % input and as the
// number it holds elsewhere; a date, a boolean, an error value and a
// formula never computed fail their unit alone, naming sheet, row and
// column; numbers stored as text and codes with leading zeros read as
// shown.
func TestXLSXBureauWorkbook(t *testing.T) {
	b := newBureauBook(t)
	r := firstUnit
	b.row(r, "001001", "一局", 100.0, 96.0, 0.965, 0.965, "A") // 5: percent cells
	b.style("E5", 10, "")
	b.style("F5", 10, "")
	b.row(r+1, "001002", "二局", 100.0, time.Date(2023, 7, 15, 0, 0, 0, 0, time.UTC), 0.9, 0.9, "B") // 6: a date
	b.row(r+2, "001003", "三局", 100.0, true, 0.9, 0.9, "B")                                         // 7: a boolean
	b.row(r+3, "001004", "四局", 100.0, "#DIV/0!", 0.9, 0.9, "B")                                    // 8: an error value (patched below)
	b.row(r+4, "001005", "五局", 100.0, nil, 0.9, 0.9, "C")                                          // 9: a formula never computed
	b.check(b.f.SetCellFormula(dataSheet, "D9", "C9*0.9"))
	b.row(r+5, "001006", "六局", "1,234.5", "1,000", "96.5%", "0.9", "达成") // 10: numbers stored as text
	b.row(r+6, 1007.0, "七局", 100.0, 50.0, 0.8, 0.8, "A")                 // 11: a code shown as 001007
	b.style("A11", 0, "000000")
	b.row(r+7, "001008", "八局", 100.0, 0.5, 0.8, 0.8, "A") // 12: a formula computed by Excel (patched below)
	b.style("E12", 0, "0.0%")
	b.row(r+8, "001009", "九局", 100.0, 1535100.0, 0.8, 0.8, "A") // 13: 元 shown as 万元
	b.style("D13", 0, `0!.0000"万元"`)
	book := b.bytes()
	book = patchPart(t, book, "xl/worksheets/sheet2.xml", `<c r="D8"([^>]*) t="s"><v>\d+</v></c>`, `<c r="D8"$1 t="e"><f>C8/0</f><v>#DIV/0!</v></c>`)
	book = patchPart(t, book, "xl/worksheets/sheet2.xml", `<c r="D12"([^>]*)><v>0.5</v></c>`, `<c r="D12"$1><f>C12/2</f><v>50</v></c>`)

	got := readBook(t, book, Options{Lang: "en"}.NewSchema(bureauRuleset()), Options{Lang: "en"})
	if got.err != nil {
		t.Fatal(got.err)
	}
	if len(got.warnings) != 0 {
		t.Errorf("warnings: %v", got.warnings)
	}
	var ids []string
	for _, u := range got.units {
		ids = append(ids, u.ID)
	}
	if want := "001001 001002 001003 001004 001005 001006 001007 001008 001009"; strings.Join(ids, " ") != want {
		t.Fatalf("units %q, want %s", ids, want)
	}
	num := func(u, in int) float64 {
		t.Helper()
		v := got.units[u].Values[in]
		if v.Kind != indicators.Number {
			t.Fatalf("unit %s input %d: %+v, want a number", got.units[u].ID, in, v)
		}
		return v.Num
	}
	// 0.965 shown as 96.50%: 96.5 for the % input, 0.965 for the other.
	if s, r := num(0, 2), num(0, 3); s != 96.5 || r != 0.965 {
		t.Errorf("percent cells: 满意度 %v (want 96.5), 完成率 %v (want 0.965)", s, r)
	}
	if s := num(7, 2); s != 80 {
		t.Errorf("custom percent format 0.0%%: 满意度 %v, want 80", s)
	}
	if v := num(7, 1); v != 50 {
		t.Errorf("computed formula: 全年执行数 %v, want 50", v)
	}
	if b, s, s2 := num(5, 0), num(5, 1), num(5, 2); b != 1234.5 || s != 1000 || s2 != 96.5 {
		t.Errorf("numbers stored as text: %v %v %v, want 1234.5 1000 96.5", b, s, s2)
	}
	if got.units[0].Pos != (diag.Pos{File: "自评.xlsx", Line: firstUnit}) {
		t.Errorf("unit 001001 at %v, want 自评.xlsx:%d", got.units[0].Pos, firstUnit)
	}
	want := map[int][]string{
		1: {"bad_cell 自评.xlsx:6:4 sheet 数据, row 6, column D: 全年执行数 (spent): the cell holds a date or time (2023-07-15, format yyyy/m/d), not a number: enter a number and format the cell as 常规 (General) or 数值 (Number)"},
		2: {"bad_cell 自评.xlsx:7:4 sheet 数据, row 7, column D: 全年执行数 (spent): the cell holds the logical value TRUE, not a number: enter a number"},
		3: {"bad_cell 自评.xlsx:8:4 sheet 数据, row 8, column D: 全年执行数 (spent): the cell holds the error #DIV/0!, not a number: correct the formula or its data in Excel or WPS"},
		8: {`bad_cell 自评.xlsx:13:4 sheet 数据, row 13, column D: 全年执行数 (spent): the cell holds 1535100 but its format 0!.0000"万元" shows other digits, so which is meant is unclear: enter the value as meant and format the cell as 常规 (General) or 数值 (Number)`},
		4: {"formula_not_computed 自评.xlsx:9:4 sheet 数据, row 9, column D: 全年执行数 (spent): the cell's formula has no computed value (the file was written by a program, not saved by Excel): open and save the file in Excel or WPS so values are computed"},
	}
	for i, u := range got.units {
		if g, w := strings.Join(errorsOf(u), "\n"), strings.Join(want[i], "\n"); g != w {
			t.Errorf("unit %s errors:\n%s\nwant:\n%s", u.ID, g, w)
		}
	}
}

// TestXLSXSheetAndHeader: the sheet and the header row are found, or
// named; what cannot be found is an error that names every sheet looked at
// and how to say which.
func TestXLSXSheetAndHeader(t *testing.T) {
	s := Options{Lang: "en"}.NewSchema(bureauRuleset())
	b := newBureauBook(t)
	b.row(firstUnit, "U1", "一局", 100.0, 90.0, 0.9, 0.9, "A")
	book := b.bytes()

	for _, tc := range []struct {
		name string
		o    Options
		book []byte
		// want is the first unit's row, or the error's message.
		row     int
		wantErr string
	}{
		{name: "found", book: book, row: firstUnit},
		{name: "named", o: Options{Lang: "en", Sheet: dataSheet, HeaderRow: headerRow}, book: book, row: firstUnit},
		{name: "sheet named, header found", o: Options{Lang: "en", Sheet: dataSheet}, book: book, row: firstUnit},
		{name: "named case aside", o: Options{Lang: "en", Sheet: strings.ToUpper(dataSheet)}, book: book, row: firstUnit},
		{name: "header row named", o: Options{Lang: "en", HeaderRow: headerRow}, book: book, row: firstUnit},
		{name: "no such sheet", o: Options{Lang: "en", Sheet: "Sheet1"}, book: book,
			wantErr: `自评.xlsx: the workbook has no sheet "Sheet1": its sheets are 填表说明, 数据`},
		{name: "header row without the unit column", o: Options{Lang: "en", Sheet: dataSheet, HeaderRow: 2}, book: book,
			wantErr: "自评.xlsx:2: sheet 数据, row 2: the header has no unit column (unit, 单位编码, 单位代码 or 编码, the unit's id); its columns are 填报单位：演示县财政局    金额单位：万元"},
		{name: "empty header row", o: Options{Lang: "en", Sheet: dataSheet, HeaderRow: 3}, book: book,
			wantErr: "自评.xlsx:3: sheet 数据, row 3 is empty: --header-row names the header row (unit, name, inputs...)"},
		{name: "header row in no sheet", o: Options{Lang: "en", HeaderRow: 2}, book: book,
			wantErr: "自评.xlsx: no sheet has the unit column (unit, 单位编码, 单位代码 or 编码) or the name column (name, 单位名称 or 名称) in row 2: looked at sheet 填表说明 (row 2: 1. 金额单位为万元，保留两位小数。); sheet 数据 (row 2: 填报单位：演示县财政局    金额单位：万元); name the sheet with --sheet NAME, or another header row with --header-row N"},
		{name: "another ruleset's data", book: func() []byte {
			b := newBureauBookWith(t, []any{"单位编码", "单位名称", "网格数"})
			b.row(firstUnit, "U1", "一局", 3.0)
			return b.bytes()
		}(), wantErr: "自评.xlsx: no sheet has a header row (a row with the unit column, unit, 单位编码, 单位代码 or 编码, or the name column, name, 单位名称 or 名称, and an input of ruleset bureau): looked at sheet 填表说明 (3 rows); sheet 数据 (4 rows; row 4 has the unit or name column but no input of the ruleset: 单位编码, 单位名称, 网格数); name the sheet and its header row with --sheet NAME --header-row N"},
		{name: "two data sheets", book: func() []byte {
			b := newBureauBook(t)
			b.row(firstUnit, "U1", "一局", 100.0, 90.0, 0.9, 0.9, "A")
			idx, err := b.f.NewSheet("2023")
			b.check(err)
			b.check(b.f.CopySheet(1, idx))
			return b.bytes()
		}(), wantErr: "自评.xlsx: sheets 数据 (header in row 4) and 2023 (header in row 4) both hold units: say which to read with --sheet NAME"},
		{name: "two data sheets, one named", o: Options{Lang: "en", Sheet: "2023"}, book: func() []byte {
			b := newBureauBook(t)
			idx, err := b.f.NewSheet("2023")
			b.check(err)
			b.check(b.f.CopySheet(1, idx))
			b.check(b.f.SetSheetRow("2023", "A6", &[]any{"U9", "九局", 100.0, 90.0, 0.9, 0.9, "A"}))
			return b.bytes()
		}(), row: 6},
		{name: "names without ids", book: func() []byte {
			b := newBureauBookWith(t, []any{"单位名称", "全年预算数"})
			b.row(firstUnit, "一局", 100.0)
			return b.bytes()
		}(), wantErr: "自评.xlsx:4: sheet 数据, row 4: the header has no unit column (unit, 单位编码, 单位代码 or 编码, the unit's id); its columns are 单位名称, 全年预算数"},
		{name: "empty workbook", book: workbook(t, nil),
			wantErr: "自评.xlsx: sheet Sheet1 is empty: want a header row (unit, name, inputs...)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Lang = "en"
			got := readBook(t, tc.book, s, tc.o)
			if tc.wantErr != "" {
				if got.err == nil || got.err.Error() != tc.wantErr {
					t.Fatalf("error:\n%v\nwant:\n%s", got.err, tc.wantErr)
				}
				return
			}
			if got.err != nil {
				t.Fatal(got.err)
			}
			if len(got.units) != 1 || got.units[0].Pos.Line != tc.row || len(got.units[0].Errors) > 0 {
				t.Fatalf("units %+v, want one at row %d", got.units, tc.row)
			}
		})
	}
}

// TestXLSXRowMessages: what the file reader says of a row (a unit without
// an id) names the sheet too, and so can engine.Stream (of an id seen
// before) through RowPlace.
func TestXLSXRowMessages(t *testing.T) {
	b := newBureauBook(t)
	b.row(firstUnit, "U1", "一局", 100.0)
	b.row(firstUnit+1, nil, "二局", 100.0)
	b.row(firstUnit+2, "U1", "三局", 100.0)
	got := readBook(t, b.bytes(), Options{Lang: "en"}.NewSchema(bureauRuleset()), Options{Lang: "en"})
	if got.err != nil || len(got.units) != 3 {
		t.Fatalf("%d units, %v", len(got.units), got.err)
	}
	for i, want := range []string{
		"",
		"missing_unit_id 自评.xlsx:6 sheet 数据, row 6: the unit has no id (column unit)",
		"", // a repeated id is engine.Stream's to find (cmd/jixiao's TestEvalRepeatInWorkbook)
	} {
		if g := strings.Join(errorsOf(got.units[i]), "\n"); g != want {
			t.Errorf("unit %d: %s\nwant %s", i, g, want)
		}
	}
	// What engine.Stream says of the repeat names the sheet.
	src, err := Options{Lang: "en"}.OpenReader("自评.xlsx", bytes.NewReader(b.bytes()), Options{Lang: "en"}.NewSchema(bureauRuleset()))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if p := src.(interface{ RowPlace(int) string }).RowPlace(7); p != "sheet 数据, row 7" {
		t.Errorf("RowPlace(7) = %q", p)
	}
}

// TestXLSXUnknownColumn: a column the ruleset does not know is a warning
// that names the sheet and the header's cell.
func TestXLSXUnknownColumn(t *testing.T) {
	b := newBureauBookWith(t, append(append([]any(nil), bureauHeader...), "备注"))
	b.row(firstUnit, "U1", "一局", 100.0, 90.0, 0.9, 0.9, "A", "无")
	got := readBook(t, b.bytes(), Options{Lang: "en"}.NewSchema(bureauRuleset()), Options{Lang: "en"})
	if got.err != nil || len(got.units) != 1 {
		t.Fatalf("%d units, %v", len(got.units), got.err)
	}
	want := `自评.xlsx:4:8: sheet 数据, row 4, column H: column "备注" is not an input of ruleset bureau; it is ignored`
	if len(got.warnings) != 1 || got.warnings[0].Error() != want {
		t.Errorf("warnings %v, want %s", got.warnings, want)
	}
}
