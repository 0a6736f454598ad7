package data_test

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxSeed builds a small workbook for the fuzz ruleset the way a bureau
// makes one: an instructions sheet, a title above the header, a percent
// format, a date, a boolean, a formula never computed, text and numbers.
func xlsxSeed(t testing.TB, layout int) []byte {
	t.Helper()
	f := excelize.NewFile()
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	sheet := "Sheet1"
	row := 1
	if layout > 0 {
		check(f.SetCellStr(sheet, "A1", "填表说明：金额单位为万元"))
		sheet = "数据"
		_, err := f.NewSheet(sheet)
		check(err)
		check(f.SetCellStr(sheet, "A1", "2022年部门整体支出绩效自评表"))
		check(f.MergeCell(sheet, "A1", "D1"))
		row = 3
	}
	set := func(r int, cells ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		check(f.SetSheetRow(sheet, cell, &cells))
	}
	set(row, "单位编码", "支出", "预算", "档次", "claimed.exec", "备注")
	set(row+1, "U1", 50.0, 100.0, "A", 20.0, "x")
	set(row+2, "U2", "1,234.5万元", 0.985, "B:0.7", "20分")
	set(row+3, "U3", time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), true, "C")
	set(row+4, "U4", nil, 1e-7, "达成")
	cell, _ := excelize.CoordinatesToCellName(2, row+4)
	check(f.SetCellFormula(sheet, cell, "C5*2"))
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	check(err)
	cell, _ = excelize.CoordinatesToCellName(3, row+2)
	check(f.SetCellStyle(sheet, cell, cell, pct))
	var buf bytes.Buffer
	check(f.Write(&buf))
	return buf.Bytes()
}

// unzipParts reads the parts of a workbook.
func unzipParts(t testing.TB, book []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// zipParts writes parts as a workbook, stored uncompressed (fast), with
// the given parts replaced.
func zipParts(parts map[string][]byte, replace map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
		"xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
		b, ok := replace[name]
		if !ok {
			b = parts[name]
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}

// FuzzReadXLSX: the workbook reader never panics, and every unit it yields
// either carries positioned errors or scores within the rules, whether the
// fuzzer changes the bytes of a whole workbook or the XML of its sheet and
// shared strings inside a sound package.
func FuzzReadXLSX(f *testing.F) {
	single := xlsxSeed(f, 0)
	parts := unzipParts(f, single)
	for layout := range 2 {
		book := xlsxSeed(f, layout)
		p := unzipParts(f, book)
		sheet := p["xl/worksheets/sheet1.xml"]
		if layout > 0 {
			sheet = p["xl/worksheets/sheet2.xml"]
		}
		f.Add(book, sheet, p["xl/sharedStrings.xml"])
	}
	f.Add([]byte("PK\x03\x04"), []byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><r><t>支</t></r><r><t>出</t></r><rPh><t>zhi</t></rPh></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>U&amp;1</t></is></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>`), []byte{})
	f.Add([]byte{}, []byte(`<?xml version="1.0"?><!-- c --><worksheet><sheetData><row><c><v>1</v></c><c t="b"><v>1</v></c></row><row r="3"><c r="C3" s="1"><v><![CDATA[2]]></v></c></row></sheetData></worksheet>`), []byte(`<sst><si><t>unit</t></si></sst>`))
	prog := fuzzProgram(f)
	f.Fuzz(func(t *testing.T, book, sheet, strs []byte) {
		fuzzRead(t, prog, "fuzz.xlsx", book)
		if len(sheet) > 0 {
			fuzzRead(t, prog, "fuzz.xlsx", zipParts(parts, map[string][]byte{
				"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": strs}))
		}
	})
}
