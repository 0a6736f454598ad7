package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetTexts reads every row of a sheet that shows something with the
// workbook reader: row number → the cells' stored texts, gaps blank,
// trailing blanks cut.
func sheetTexts(t *testing.T, book []byte, sheet string) map[int][]string {
	t.Helper()
	b, err := openBook("t.xlsx", bytes.NewReader(book), &Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	ref, ok := b.sheet(sheet)
	if !ok {
		t.Fatalf("no sheet %s", sheet)
	}
	rows, err := b.openSheet(ref)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int][]string{}
	for {
		ok, err := rows.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		var cells []string
		for _, c := range rows.cells {
			for len(cells) < c.col {
				cells = append(cells, "")
			}
			cells = append(cells, c.text)
		}
		if cells = trimBlank(cells); len(cells) > 0 {
			out[rows.row] = cells
		}
	}
	return out
}

func trimBlank(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// excelizeTexts is sheetTexts as excelize reads the sheet (raw values).
func excelizeTexts(t *testing.T, book []byte, sheet string) map[int][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]string{}
	for i, r := range rows {
		if r = trimBlank(r); len(r) > 0 {
			out[i+1] = r
		}
	}
	return out
}

// randomText is text of the kinds cells hold, with what XML must escape.
func randomText(r *rand.Rand) string {
	parts := []string{"甲", "单位", "a&b", "<tag>", `"q"`, "'", "1,234.5", "  spaced  ", "line\nbreak", "tab\there",
		"_x0041_", "😀", "全角１２３", "NA", "不适用", "]]>", "&amp;", "100%", "-0", "1e5"}
	n := 1 + r.IntN(3)
	var b strings.Builder
	for range n {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

// TestXLSXCellsLikeExcelize: the workbook reader reads the same stored
// values as excelize on random sheets of text, rich text, numbers,
// booleans and formulas, with gaps between rows and cells.
func TestXLSXCellsLikeExcelize(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		f := excelize.NewFile()
		pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
		for row := 1; row <= 60; row++ {
			if r.IntN(5) == 0 {
				continue // an empty row
			}
			for col := 1; col <= 12; col++ {
				cell, _ := excelize.CoordinatesToCellName(col, row)
				var err error
				switch r.IntN(9) {
				case 0:
					continue
				case 1:
					err = f.SetCellStr("Sheet1", cell, randomText(r))
				case 2:
					err = f.SetCellFloat("Sheet1", cell, (r.Float64()-0.3)*1e6, -1, 64)
				case 3:
					err = f.SetCellFloat("Sheet1", cell, r.Float64()*1e-9, -1, 64)
				case 4:
					err = f.SetCellInt("Sheet1", cell, r.Int64N(1e12))
				case 5:
					err = f.SetCellBool("Sheet1", cell, r.IntN(2) == 0)
				case 6:
					err = f.SetCellFormula("Sheet1", cell, "SUM(A1:B2)")
				case 7:
					err = f.SetCellRichText("Sheet1", cell, []excelize.RichTextRun{{Text: randomText(r)}, {Text: randomText(r), Font: &excelize.Font{Bold: true}}})
				case 8:
					err = f.SetCellValue("Sheet1", cell, r.Float64())
					if err == nil {
						err = f.SetCellStyle("Sheet1", cell, cell, pct)
					}
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		got, want := sheetTexts(t, buf.Bytes(), "Sheet1"), excelizeTexts(t, buf.Bytes(), "Sheet1")
		for row := 1; row <= 60; row++ {
			if !slices.Equal(got[row], want[row]) {
				t.Fatalf("round %d row %d:\n%q\nwant (excelize):\n%q", round, row, got[row], want[row])
			}
		}
		if len(got) != len(want) {
			t.Fatalf("round %d: %d rows, want %d", round, len(got), len(want))
		}
	}
}

// TestXLSXFormats: number formats are told apart as Excel shows them.
func TestXLSXFormats(t *testing.T) {
	for _, tc := range []struct {
		code string
		pos  fmtKind
		neg  fmtKind
	}{
		{"General", fmtNumber, fmtNumber},
		{"0.00", fmtNumber, fmtNumber},
		{"#,##0.00", fmtNumber, fmtNumber},
		{`#,##0.00"万元"`, fmtNumber, fmtNumber},
		{`0.00"m²"`, fmtNumber, fmtNumber},
		{"0.00E+00", fmtNumber, fmtNumber},
		{"[Red]0.00;[Blue]-0.00", fmtNumber, fmtNumber},
		{"[DBNum1][$-804]General", fmtNumber, fmtNumber},
		{`_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-`, fmtNumber, fmtNumber},
		{"0%", fmtPercent, fmtPercent},
		{"0.0%", fmtPercent, fmtPercent},
		{`0.00"%"`, fmtNumber, fmtNumber},
		{`0.00\%`, fmtNumber, fmtNumber},
		{"0.00%;-0.00", fmtPercent, fmtNumber},
		{"[>=1]0%;0.00", fmtPercent, fmtPercent},
		{"yyyy/m/d", fmtDate, fmtDate},
		{`yyyy"年"m"月"d"日"`, fmtDate, fmtDate},
		{"[$-F800]dddd, mmmm dd, yyyy", fmtDate, fmtDate},
		{"h:mm AM/PM", fmtDate, fmtDate},
		{"[h]:mm:ss", fmtDate, fmtDate},
		{`上午/下午h"时"mm"分"`, fmtDate, fmtDate},
		{"#,##0,", fmtScaled, fmtScaled},
		{`0.0,,"百万"`, fmtScaled, fmtScaled},
		{`0!.0000"万元"`, fmtScaled, fmtScaled},
		{`0\.0000`, fmtScaled, fmtScaled},
		{`0"."0000`, fmtScaled, fmtScaled},
		{`0.00"元."`, fmtNumber, fmtNumber},
	} {
		f := classifyFormat(tc.code)
		if f.kind(1) != tc.pos || f.kind(-1) != tc.neg {
			t.Errorf("%s: %d %d, want %d %d", tc.code, f.kind(1), f.kind(-1), tc.pos, tc.neg)
		}
	}
	for id, want := range map[int]fmtKind{0: fmtNumber, 2: fmtNumber, 9: fmtPercent, 10: fmtPercent, 14: fmtDate, 22: fmtDate,
		31: fmtDate, 49: fmtNumber, 57: fmtDate, 46: fmtDate, 164: fmtNumber} {
		if f := classifyFormat(builtinFormat(id)); f.kind(1) != want {
			t.Errorf("built-in format %d (%s): %d, want %d", id, builtinFormat(id), f.kind(1), want)
		}
	}
	for _, tc := range []struct {
		x    float64
		d    bool
		want string
	}{
		{45122, false, "2023-07-15"},
		{45122.5, false, "2023-07-15 12:00:00"},
		{0.75, false, "18:00:00"},
		{59, false, "1900-02-28"},
		{61, false, "1900-03-01"},
		{0, true, "1904-01-01"},
		{-1, false, "-1"},
	} {
		if got := serialDate(tc.x, tc.d); got != tc.want {
			t.Errorf("serialDate(%v, %v) = %s, want %s", tc.x, tc.d, got, tc.want)
		}
	}
	if p := percentOf(0.96499999999999997); p != 96.5 {
		t.Errorf("percentOf(0.965) = %v", p)
	}
	_ = fmt.Sprint
}
