package data

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// xlsxSource reads the first sheet of a workbook, one unit per row, the
// first row naming the columns as in CSV. Rows come through excelize's
// row iterator with raw values: a number is the number stored, not the
// text its cell format shows (a cell shown as 34.53% holds 0.3453).
// Numbers Excel stores in exponent form (1.5E-2) are read as numbers.
// Empty rows are skipped; a row shorter than the header has blank cells
// (Excel does not store trailing empty cells); cells past the header's
// width make the row ragged, as in CSV.
type xlsxSource struct {
	name     string
	s        *Schema
	f        *excelize.File
	rows     *excelize.Rows
	row      int // spreadsheet row of the last row read
	fields   []field
	warnings []*diag.Error
}

// rawCells are the options of every read: raw values.
var rawCells = excelize.Options{RawCellValue: true}

func newXLSX(name string, r io.Reader, s *Schema) (Source, error) {
	f, err := excelize.OpenReader(r, rawCells)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "read_error", Msg: fmt.Sprintf("not a readable xlsx workbook: %v", err), Err: err}
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: "the workbook has no sheet"}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "read_error", Msg: fmt.Sprintf("sheet %s: %v", sheets[0], err), Err: err}
	}
	x := &xlsxSource{name: name, s: s, f: f, rows: rows}
	header, err := x.next()
	if err != nil {
		x.Close()
		return nil, err
	}
	if header == nil {
		x.Close()
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: fmt.Sprintf("sheet %s is empty: want a header row (unit, name, inputs...)", sheets[0])}
	}
	fields, warnings, err := s.header(name, x.row, header)
	if err != nil {
		x.Close()
		return nil, err
	}
	x.fields, x.warnings = fields, warnings
	return x, nil
}

// next returns the cells of the next row that is not empty, or nil at
// the end of the sheet.
func (x *xlsxSource) next() ([]string, error) {
	for x.rows.Next() {
		x.row++
		cells, err := x.rows.Columns(rawCells)
		if err != nil {
			return nil, &diag.Error{Pos: diag.Pos{File: x.name, Line: x.row}, Code: "read_error", Msg: err.Error(), Err: err}
		}
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				return cells, nil
			}
		}
	}
	if err := x.rows.Error(); err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: x.name, Line: x.row + 1}, Code: "read_error", Msg: err.Error(), Err: err}
	}
	return nil, nil
}

func (x *xlsxSource) Next() (*indicators.Unit, error) {
	cells, err := x.next()
	if err != nil {
		return nil, err
	}
	if cells == nil {
		return nil, io.EOF
	}
	line := x.row
	u := x.s.newUnit(diag.Pos{File: x.name, Line: line})
	for i, text := range cells {
		if i >= len(x.fields) {
			if strings.TrimSpace(text) != "" {
				u.Errors = append(u.Errors, &diag.Error{Pos: diag.Pos{File: x.name, Line: line, Col: i + 1}, Code: "ragged_row",
					Msg: fmt.Sprintf("row %d has a cell in column %s, past the header's %d columns", line, colName(i), len(x.fields))})
				break
			}
			continue
		}
		f := &x.fields[i]
		if f.kind == fieldUnknown {
			continue
		}
		if f.kind == fieldInput && x.s.rs.Inputs[f.input].Type != indicators.TypeTier && strings.ContainsAny(text, "Ee") {
			// A number Excel stored in exponent form.
			if v, err := strconv.ParseFloat(strings.TrimSpace(text), 64); err == nil && indicators.Finite(v) {
				u.Values[f.input] = indicators.NumberValue(v)
				continue
			}
		}
		x.s.setText(&u, f, text, diag.Pos{File: x.name, Line: line, Col: i + 1})
	}
	for _, e := range u.Errors {
		if e.Code == "bad_cell" && e.Pos.Col > 0 {
			e.Msg = fmt.Sprintf("row %d, column %s: %s", line, colName(e.Pos.Col-1), e.Msg)
		}
	}
	return &u, nil
}

func (x *xlsxSource) Warnings() []*diag.Error { return x.warnings }
func (x *xlsxSource) SHA256() string          { return "" }

func (x *xlsxSource) Close() error {
	return errors.Join(x.rows.Close(), x.f.Close())
}
