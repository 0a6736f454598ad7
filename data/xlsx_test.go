package data

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook writes rows (first the header) to the first sheet of a new
// workbook; a cell given as float64 is a number cell.
func workbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXLikeCSV reads the same units from a workbook and from CSV: the
// same ids, names and values, numbers as number cells or as text.
func TestXLSXLikeCSV(t *testing.T) {
	s := Options{Lang: "en"}.NewSchema(testRuleset())
	book := workbook(t, [][]any{
		{"unit", "name", "执行数", "n", "q", "pct", "claimed.exec"},
		{"U1", "甲", 153.51, "1,234", "A:0.95", 0.3453, 9.5},
		{"U2", "乙", "88.1万元", 0.015, "达成", "NA", ""},
		{"U3", "丙", "", 1e-7, "B"},
	})
	text := "unit,name,执行数,n,q,pct,claimed.exec\nU1,甲,153.51,\"1,234\",A:0.95,0.3453,9.5\nU2,乙,88.1万元,0.015,达成,NA,\nU3,丙,,0.0000001,B,,\n"
	x, err := Options{Lang: "en"}.OpenReader("t.xlsx", bytes.NewReader(book), s)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	c, err := Options{Lang: "en"}.OpenReader("t.csv", strings.NewReader(text), s)
	if err != nil {
		t.Fatal(err)
	}
	got, want := readAll(x), readAll(c)
	// Positions name the same rows; only the file differs.
	for i := range got.units {
		got.units[i].Pos.File = "t.csv"
	}
	if d := sameRead(got, want); d != "" {
		t.Fatal(d)
	}
	if len(got.units) != 3 || got.units[2].Values[1].Num != 1e-7 {
		t.Fatalf("units %+v", got.units)
	}
}

// TestXLSXErrors: a bad cell names its row and column letter; cells past
// the header make the row ragged; empty rows are skipped; no sheet data
// is an empty file.
func TestXLSXErrors(t *testing.T) {
	// Only spent is read here: the other inputs may be absent.
	rs := testRuleset()
	for i := range rs.Inputs[1:] {
		rs.Inputs[1+i].Optional = true
	}
	s := Options{Lang: "en"}.NewSchema(rs)
	book := workbook(t, [][]any{
		{"unit", "name", "spent"},
		{"U1", "甲", "12x"},
		{},
		{"U2", "乙", 1.0, nil, "extra"},
	})
	x, err := Options{Lang: "en"}.OpenReader("t.xlsx", bytes.NewReader(book), s)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	r := readAll(x)
	if r.err != nil || len(r.units) != 2 {
		t.Fatalf("got %d units, %v", len(r.units), r.err)
	}
	e := r.units[0].Errors
	if len(e) != 1 || e[0].Code != "bad_cell" || e[0].Pos.Line != 2 || e[0].Pos.Col != 3 ||
		!strings.HasPrefix(e[0].Msg, "sheet Sheet1, row 2, column C: spent (执行数): not a number") {
		t.Errorf("bad cell: %+v", e)
	}
	e = r.units[1].Errors
	if r.units[1].Pos.Line != 4 || len(e) != 1 || e[0].Code != "ragged_row" || !strings.Contains(e[0].Msg, "column E") {
		t.Errorf("ragged row: line %d %+v", r.units[1].Pos.Line, e)
	}
	if _, err := (Options{Lang: "en"}).OpenReader("e.xlsx", bytes.NewReader(workbook(t, nil)), s); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty workbook: %v", err)
	}
	if _, err := (Options{Lang: "en"}).OpenReader("b.xlsx", strings.NewReader("not a zip"), s); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("not a workbook: %v", err)
	}
	var _ io.Reader
}
