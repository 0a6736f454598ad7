package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

const selfevalCSV = "../../fixtures/demo-selfeval-2020.csv"

// selfevalWorkbook writes the demo units of selfeval-2020 as a bureau's
// workbook: a 填表说明 sheet first, then a sheet with a merged title, a
// 填报单位 line and a blank row above a header of labels; numbers are
// number cells, and the % inputs percent-formatted cells (89.6 as 0.896,
// shown 89.60%).
func selfevalWorkbook(t *testing.T, path string) {
	t.Helper()
	rs, err := rulesets.Open("selfeval-2020")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(selfevalCSV)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]indicators.Input{}
	for _, in := range rs.Inputs {
		byID[in.ID] = in
	}
	x := excelize.NewFile()
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	check(x.SetSheetName("Sheet1", "填表说明"))
	check(x.SetCellStr("填表说明", "A1", "满意度、质量指标填百分比"))
	const sheet = "自评数据"
	_, err = x.NewSheet(sheet)
	check(err)
	check(x.SetCellStr(sheet, "A1", "2020年项目支出绩效自评表"))
	check(x.MergeCell(sheet, "A1", "H1"))
	check(x.SetCellStr(sheet, "A2", "填报单位：演示县财政局    金额单位：万元"))
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 10})
	check(err)
	for c, id := range records[0] {
		label := map[string]string{"unit": "单位编码", "name": "单位名称"}[id]
		if in, ok := byID[id]; ok {
			label = in.Label
		}
		cell, _ := excelize.CoordinatesToCellName(c+1, 4)
		check(x.SetCellStr(sheet, cell, label))
	}
	for r, rec := range records[1:] {
		for c, text := range rec {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+5)
			in, isInput := byID[records[0][c]]
			v, err := indicators.ParseNumber(text)
			switch {
			case !isInput || in.Type == indicators.TypeTier || err != nil:
				check(x.SetCellStr(sheet, cell, text))
			case in.Unit == "%":
				check(x.SetCellFloat(sheet, cell, v/100, -1, 64))
				check(x.SetCellStyle(sheet, cell, cell, pct))
			default:
				check(x.SetCellFloat(sheet, cell, v, -1, 64))
			}
		}
	}
	check(x.SaveAs(path))
}

// unitsOf is the units of a JSON result, as raw JSON.
func unitsOf(t *testing.T, out string) string {
	t.Helper()
	var res struct{ Units json.RawMessage }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return string(res.Units)
}

// TestXLSXScoresLikeCSV: the bureau's workbook of the selfeval-2020 demo
// units scores exactly as the CSV: the sheet and header are found past the
// instructions and title rows, and percent cells read as the percents they
// show (89.60% → 89.6 against a target of 85).
func TestXLSXScoresLikeCSV(t *testing.T) {
	book := filepath.Join(t.TempDir(), "自评.xlsx")
	selfevalWorkbook(t, book)
	code, want, errOut := runCLI(t, "eval", "-r", "selfeval-2020", "-d", selfevalCSV, "-f", "json")
	if code != exitOK {
		t.Fatalf("csv: exit %d\n%s", code, errOut)
	}
	for _, args := range [][]string{
		{},
		{"--sheet", "自评数据", "--header-row", "4"},
	} {
		code, got, errOut := runCLI(t, append([]string{"eval", "-r", "selfeval-2020", "-d", book, "-f", "json"}, args...)...)
		if code != exitOK || errOut != "" {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut)
		}
		if g, w := unitsOf(t, got), unitsOf(t, want); g != w {
			t.Errorf("%v: the workbook scores\n%.2000s\nthe CSV\n%.2000s", args, g, w)
		}
	}
}

// TestXLSXFlags: --sheet, --header-row and the workbook limits reach the
// reader from the command line and from settings; --sheet and --header-row
// given for CSV data are refused, since a CSV's header is its first line.
func TestXLSXFlags(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "自评.xlsx")
	selfevalWorkbook(t, book)
	config := filepath.Join(dir, "jixiao.yaml")
	if err := os.WriteFile(config, []byte("xlsx-max-part: 4K\nsheet: 自评数据\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	eval := []string{"eval", "-r", "selfeval-2020", "-d", book}
	for _, tc := range []struct {
		args   []string
		exit   int
		stderr string
	}{
		{append(eval, "--sheet", "数据"), exitNothing, book + `: the workbook has no sheet "数据": its sheets are 填表说明, 自评数据`},
		{append(eval, "--header-row", "2"), exitNothing, book + ": no sheet has the unit column (unit, 单位编码, 单位代码 or 编码) or the name column (name, 单位名称 or 名称) in row 2"},
		{append(eval, "--xlsx-max-part", "4K"), exitNothing, book + ": part xl/worksheets/sheet2.xml unzips to "},
		{append(eval, "--xlsx-max-part", "4 lakh"), exitNothing, `invalid argument "4 lakh" for "--xlsx-max-part" flag: want a size such as 512M or 2G`},
		{append(eval, "--config", config), exitNothing, "more than the limit of 4 KiB for one part"},
		{append(eval, "--config", config, "--xlsx-max-part", "1M"), exitOK, ""},
		{[]string{"eval", "-r", "selfeval-2020", "-d", selfevalCSV, "--config", config}, exitOK, ""},
		{[]string{"eval", "-r", "selfeval-2020", "-d", selfevalCSV, "--header-row", "4"}, exitNothing, "jixiao: --header-row is for xlsx workbooks, and " + selfevalCSV + " is not one"},
		{[]string{"explain", "S01", "-r", "selfeval-2020", "-d", book, "--sheet", "x"}, exitNothing, `has no sheet "x"`},
		{[]string{"review", "-r", "selfeval-2020", "-d", book, "--sheet", "x"}, exitNothing, `has no sheet "x"`},
		{[]string{"diff", "-r", "selfeval-2020", "-r", "selfeval-2020", "-d", book, "--sheet", "x"}, exitNothing, `has no sheet "x"`},
		{[]string{"explain", "S01", "-r", "selfeval-2020", "-d", book, "--sheet", "自评数据"}, exitOK, ""},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.exit || !strings.Contains(errOut, tc.stderr) {
			t.Errorf("%v: exit %d, stderr\n%s\nwant exit %d and\n%s", tc.args, code, errOut, tc.exit, tc.stderr)
		}
	}
}
