// This is the CSV reader jixiao had before the fast one (csv.go): it reads
// with encoding/csv, and the tests hold the fast reader to every unit,
// warning and error it gives.

package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// refCSVSource reads one unit per row; the first row names the columns.
type refCSVSource struct {
	name     string
	r        *csv.Reader
	s        *Schema
	fields   []field
	warnings []*diag.Error
}

func newRefCSV(name string, r io.Reader, s *Schema) (Source, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: "the data file is empty: want a header row (unit, name, inputs...)"}
	}
	if err != nil {
		return nil, refCSVError(name, err)
	}
	c := &refCSVSource{name: name, r: cr, s: s}
	fields, warnings, err := s.header(name, 1, header)
	if err != nil {
		return nil, err
	}
	c.fields, c.warnings = fields, warnings
	return c, nil
}

func refCSVError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = `a " inside a field that does not start with one: quote the whole field and double the " inside ("甲""乙")`
		case errors.Is(pe.Err, csv.ErrQuote):
			msg = `a quoted field is not closed where it should be: a " is missing, or one inside it is not doubled`
		}
		return &diag.Error{Pos: diag.Pos{File: name, Line: pe.Line, Col: pe.Column}, Code: "csv_syntax", Msg: msg, Err: err}
	}
	return readError((&Options{Lang: "en"}).printer(), name, 0, err)
}

// colName is the spreadsheet letter of column i (from 0): A, B, ..., AA.
func refColName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func (c *refCSVSource) Next() (*indicators.Unit, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil && !errors.Is(err, csv.ErrFieldCount) {
		// A ragged row is an error of its unit (below); anything else
		// stops the file.
		return nil, refCSVError(c.name, err)
	}
	line, _ := c.r.FieldPos(0)
	u := c.s.newUnit(diag.Pos{File: c.name, Line: line})
	n := min(len(rec), len(c.fields))
	for i := 0; i < n; i++ {
		f := &c.fields[i]
		if f.kind == fieldUnknown {
			continue
		}
		c.s.setText(&u, f, rec[i], diag.Pos{File: c.name, Line: line, Col: i + 1})
	}
	switch {
	case len(rec) < len(c.fields):
		f := c.fields[len(rec)]
		u.Errors = append(u.Errors, &diag.Error{Pos: diag.Pos{File: c.name, Line: line}, Code: "ragged_row", Field: f.name,
			Msg: fmt.Sprintf("row %d has %d fields, the header has %d: column %s (%s) and after are missing", line, len(rec), len(c.fields), refColName(len(rec)), diag.Clip(f.name))})
	case len(rec) > len(c.fields):
		extra := rec[len(c.fields)]
		u.Errors = append(u.Errors, &diag.Error{Pos: diag.Pos{File: c.name, Line: line, Col: len(c.fields) + 1}, Code: "ragged_row", Value: diag.Clip(extra),
			Msg: fmt.Sprintf("row %d has %d fields, the header has %d: column %s (%s) has no header", line, len(rec), len(c.fields), refColName(len(c.fields)), diag.Quote(extra))})
	}
	// Name the column by letter as a spreadsheet would.
	for _, e := range u.Errors {
		if e.Code == "bad_cell" && e.Pos.Col > 0 {
			e.Msg = fmt.Sprintf("row %d, column %s: %s", line, refColName(e.Pos.Col-1), e.Msg)
		}
	}
	return &u, nil
}

func (c *refCSVSource) Warnings() []*diag.Error { return c.warnings }
func (c *refCSVSource) SHA256() string          { return "" }
func (c *refCSVSource) Close() error            { return nil }
