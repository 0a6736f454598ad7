package data

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// xlsxSource reads the units of a workbook, one a row, as a bureau makes
// it: the sheet that holds them and its header row are found past an
// instructions sheet (填表说明), a title, a 填报单位 line and blank rows
// (Options.Sheet and Options.HeaderRow say them outright). Cells are read
// as the workbook stores them (xlsxpkg.go reads the package): a number is
// the number stored, except that a percent-formatted number (shown 96.5%,
// held 0.965) on an input whose unit is % reads 96.5. A cell that does not
// hold what it shows — a date, TRUE or FALSE, an error value such as
// #DIV/0!, a formula never computed, a format that shifts the digits — is
// an error of its unit, naming sheet, row and column. Empty rows are
// skipped; cells past the header's width make the row ragged, as in CSV.
type xlsxSource struct {
	name     string
	s        *Schema
	b        *xlsxBook
	rows     *sheetRows
	sheet    string
	fields   []field
	warnings []*diag.Error
}

func newXLSX(name string, r io.Reader, s *Schema, o *Options) (Source, error) {
	if err := o.Check(); err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "bad_option", Msg: err.Error(), Err: err} // worded by Check
	}
	b, err := openBook(name, r, o)
	if err != nil {
		return nil, err
	}
	rows, header, err := b.findHeader(s, o)
	if err != nil {
		return nil, err
	}
	x := &xlsxSource{name: name, s: s, b: b, rows: rows, sheet: rows.ref.name}
	if err := x.readHeader(header); err != nil {
		rows.Close()
		return nil, err
	}
	return x, nil
}

// at names a place of the sheet for a message: "sheet 数据, row 3" or
// "sheet 数据, row 3, column C" (col from 0; -1 for the whole row).
func (x *xlsxSource) at(row, col int) string {
	if col < 0 {
		return x.s.p.Sprintf(msg.DataAtSheetRow, x.sheet, row)
	}
	return x.s.p.Sprintf(msg.DataAtSheetRowCol, x.sheet, row, colName(col))
}

// rowPlace names a row of the data for the messages of the file reader
// (a unit without an id, a unit id seen before).
func (x *xlsxSource) rowPlace(line int) string { return x.at(line, -1) }

// headerFit is how a row fits as the header.
type headerFit struct {
	// unit: the row holds the unit column or the name column. A header
	// with names and no ids is found, and refused for want of the unit
	// column, which says more than finding no header.
	unit  bool
	input bool // the row holds an input of the ruleset
}

// fitHeader says how the cells of a row fit as the header, read as the
// header reads them.
func (s *Schema) fitHeader(cells []xcell) headerFit {
	var fit headerFit
	for i := range cells {
		switch s.resolve(cells[i].text).kind {
		case fieldUnit, fieldName:
			fit.unit = true
		case fieldInput:
			fit.input = true
		}
	}
	return fit
}

// findHeader finds the sheet of the units and its header row, and returns
// the sheet's rows positioned after the header, with the header's cells.
// The header is the first row that holds the unit or the name column and
// an input of the ruleset (with HeaderRow, that row, holding the unit or
// the name column); the sheet is the one named, else the only one that has
// such a row: two such sheets are ambiguous, and an error asks which
// rather than read either.
func (b *xlsxBook) findHeader(s *Schema, o *Options) (*sheetRows, []xcell, error) {
	sheets := b.sheets
	if o.Sheet != "" {
		ref, ok := b.sheet(o.Sheet)
		if !ok {
			return nil, nil, b.errorf("no_sheet", msg.DataNoSheet, o.Sheet, b.sheetList())
		}
		sheets = []sheetRef{ref}
	}
	if len(sheets) == 0 {
		return nil, nil, b.errorf("empty_file", msg.DataNoSheets)
	}
	var found *sheetRows
	var header []xcell
	var looked []string
	empty := 0
	for _, ref := range sheets {
		rows, err := b.openSheet(ref)
		if err != nil {
			return nil, nil, closeAll(err, found)
		}
		cells, why, err := rows.seekHeader(s, o, len(sheets) == 1)
		if err != nil {
			return nil, nil, closeAll(err, found, rows)
		}
		if cells == nil {
			if rows.rows == 0 {
				empty++
			}
			rows.Close()
			looked = append(looked, why)
			continue
		}
		if found != nil {
			err := b.errorf("ambiguous_sheet", msg.DataTwoSheets,
				found.ref.name, found.row, ref.name, rows.row)
			return nil, nil, closeAll(err, found, rows)
		}
		found, header = rows, append([]xcell(nil), cells...)
	}
	switch {
	case found != nil:
		return found, header, nil
	case empty == len(sheets) && len(sheets) == 1:
		return nil, nil, b.errorf("empty_file", msg.DataSheetEmpty, sheets[0].name)
	case empty == len(sheets):
		return nil, nil, b.errorf("empty_file", msg.DataAllSheetsEmpty, b.sheetList())
	case o.HeaderRow > 0:
		return nil, nil, b.errorf("no_header", msg.DataNoHeaderAtRow,
			msg.DataUnitCols, msg.DataNameCols, o.HeaderRow, strings.Join(looked, b.p.Sprintf(msg.DataLookedSep)))
	}
	return nil, nil, b.errorf("no_header", msg.DataNoHeader,
		msg.DataUnitCols, msg.DataNameCols, s.rs.ID, strings.Join(looked, b.p.Sprintf(msg.DataLookedSep)))
}

// closeAll closes the sheets and returns err.
func closeAll(err error, rows ...*sheetRows) error {
	for _, r := range rows {
		if r != nil {
			r.Close()
		}
	}
	return err
}

// sheet finds a sheet by name, as Excel does: case aside.
func (b *xlsxBook) sheet(name string) (sheetRef, bool) {
	for _, ref := range b.sheets {
		if ref.name == name {
			return ref, true
		}
	}
	for _, ref := range b.sheets {
		if strings.EqualFold(ref.name, name) {
			return ref, true
		}
	}
	return sheetRef{}, false
}

func (b *xlsxBook) sheetList() string {
	var names []string
	for _, ref := range b.sheets {
		names = append(names, ref.name)
	}
	if len(names) == 0 {
		return b.p.Sprintf(msg.DataNone)
	}
	return strings.Join(names, b.p.Sprintf(msg.DataListSep))
}

// seekHeader reads the rows of a sheet up to its header and returns the
// header's cells, or nil and what was seen, for a message. only: the
// sheet is the only one to look at, so a HeaderRow without the unit column
// is still its header (and the error says so).
func (r *sheetRows) seekHeader(s *Schema, o *Options, only bool) ([]xcell, string, error) {
	p := r.b.p
	var unitOnly int // the first row with the unit column but no input
	var unitOnlyCols []string
	for {
		ok, err := r.next()
		if err != nil {
			return nil, "", err
		}
		if !ok {
			break
		}
		if o.HeaderRow > 0 {
			if r.row < o.HeaderRow {
				continue
			}
			if r.row > o.HeaderRow {
				break
			}
			if only || s.fitHeader(r.cells).unit {
				return r.cells, "", nil
			}
			return nil, p.Sprintf(msg.DataLookedRow, r.ref.name, r.row, shortList(p, cellTexts(r.cells), 8)), nil
		}
		fit := s.fitHeader(r.cells)
		if fit.unit && fit.input {
			return r.cells, "", nil
		}
		if fit.unit && unitOnly == 0 {
			unitOnly, unitOnlyCols = r.row, cellTexts(r.cells)
		}
	}
	switch {
	case o.HeaderRow > 0 && only:
		return nil, "", &diag.Error{Pos: diag.Pos{File: r.b.name, Line: o.HeaderRow}, Code: "no_header",
			Msg: p.Sprintf(msg.DataHeaderRowEmpty, r.ref.name, o.HeaderRow)}
	case o.HeaderRow > 0:
		return nil, p.Sprintf(msg.DataLookedRowEmpty, r.ref.name, o.HeaderRow), nil
	}
	switch {
	case r.rows == 0:
		return nil, p.Sprintf(msg.DataLookedEmpty, r.ref.name), nil
	case unitOnly > 0:
		return nil, p.Sprintf(msg.DataLookedUnitOnly,
			r.ref.name, p.Count(msg.DataRows, r.rows), unitOnly, shortList(p, unitOnlyCols, 8)), nil
	}
	return nil, p.Sprintf(msg.DataLooked, r.ref.name, p.Count(msg.DataRows, r.rows)), nil
}

// cellTexts are the texts of the cells that have one.
func cellTexts(cells []xcell) []string {
	var out []string
	for _, c := range cells {
		if t := strings.TrimSpace(c.text); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// shortList joins the first n items, saying how many more there are.
func shortList(p msg.Printer, items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, p.Sprintf(msg.DataListSep))
	}
	return p.Sprintf(msg.DataMoreItems, strings.Join(items[:n], p.Sprintf(msg.DataListSep)), len(items)-n)
}

// readHeader resolves the columns of the header row with the schema's
// header rules (those of CSV), each message placed in the sheet.
func (x *xlsxSource) readHeader(header []xcell) error {
	row := x.rows.row
	width := 0
	if n := len(header); n > 0 {
		width = header[n-1].col + 1
	}
	names := make([]string, width)
	for _, c := range header {
		names[c.col] = c.text
	}
	fields, warnings, err := x.s.header(x.name, row, names)
	if err != nil {
		var l diag.List
		var e *diag.Error
		switch {
		case errors.As(err, &l):
			for _, e := range l {
				x.place(e, row)
			}
		case errors.As(err, &e):
			x.place(e, row)
		}
		return err
	}
	for _, w := range warnings {
		x.place(w, row)
	}
	x.fields, x.warnings = fields, append(x.warnings, warnings...)
	return nil
}

// place prefixes a header message with its place in the sheet.
func (x *xlsxSource) place(e *diag.Error, row int) {
	e.Msg = x.s.p.Sprintf(msg.DataPlaced, x.at(row, e.Pos.Col-1), e.Msg)
}

func (x *xlsxSource) Next() (*indicators.Unit, error) {
	ok, err := x.rows.next()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, io.EOF
	}
	line := x.rows.row
	u := x.s.newUnit(diag.Pos{File: x.name, Line: line})
	for i := range x.rows.cells {
		c := &x.rows.cells[i]
		pos := diag.Pos{File: x.name, Line: line, Col: c.col + 1}
		if c.col >= len(x.fields) {
			if !c.blank() {
				u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "ragged_row",
					Msg: x.s.p.Sprintf(msg.DataPastHeader, len(x.fields))})
				break
			}
			continue
		}
		f := &x.fields[c.col]
		if f.kind == fieldUnknown || c.blank() {
			continue
		}
		x.setCell(&u, f, c, pos)
	}
	// Every error of a cell names the cell.
	for _, e := range u.Errors {
		if e.Pos.Col > 0 {
			e.Msg = x.s.p.Sprintf(msg.DataPlaced, x.at(line, e.Pos.Col-1), e.Msg)
		}
	}
	return &u, nil
}

// setCell stores a cell of field f in u, or an error saying why it cannot.
// Errors name the field; Next puts the sheet, row and column before them.
func (x *xlsxSource) setCell(u *indicators.Unit, f *field, c *xcell, pos diag.Pos) {
	wants := x.s.fieldWants(f)
	cellErr := func(code, value string, c msg.Code, args ...any) {
		u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: code, Field: f.name, Value: value,
			Msg: x.s.p.Sprintf(msg.DataField, x.s.fieldWhat(f), x.s.p.Sprintf(c, args...))})
	}
	switch {
	case c.formula && !c.value:
		cellErr("formula_not_computed", "", msg.DataNotComputed)
		return
	case c.typ == cellError:
		cellErr("bad_cell", c.text, msg.DataCellErrorValue, strings.TrimSpace(c.text), wants)
		return
	case c.typ == cellBool:
		b := "FALSE"
		if strings.TrimSpace(c.text) == "1" {
			b = "TRUE"
		}
		cellErr("bad_cell", b, msg.DataCellLogical, b, wants, wants)
		return
	case c.typ == cellDate:
		cellErr("bad_cell", c.text, msg.DataCellDate, strings.TrimSpace(c.text), wants, wants)
		return
	case c.typ == cellText:
		x.s.setText(u, f, c.text, pos)
		return
	}
	// A number, shown through the cell's format.
	text := strings.TrimSpace(c.text)
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || !indicators.Finite(v) {
		x.s.setText(u, f, text, pos) // says why it is no number
		return
	}
	format := x.b.format(c.style)
	switch format.kind(v) {
	case fmtDate:
		cellErr("bad_cell", text, msg.DataCellDateFormat,
			serialDate(v, x.b.date1904), format.code, wants, wants)
		return
	case fmtScaled:
		cellErr("bad_cell", text, msg.DataCellScaled,
			text, format.code)
		return
	case fmtPercent:
		if f.kind == fieldInput && isPercentUnit(x.s.rs.Inputs[f.input].Unit) && x.s.rs.Inputs[f.input].Type != indicators.TypeTier {
			u.Values[f.input] = indicators.NumberValue(percentOf(v))
			return
		}
	}
	switch {
	case f.kind == fieldInput && x.s.rs.Inputs[f.input].Type != indicators.TypeTier && strings.ContainsAny(text, "Ee"):
		// Excel writes some numbers in exponent form (1.5E-2), which the
		// parser of typed text refuses.
		u.Values[f.input] = indicators.NumberValue(v)
	case (f.kind == fieldUnit || f.kind == fieldName) && format.zeros > len(text) && v >= 0 && v < 1e15 && v == math.Trunc(v):
		// A code stored as a number and shown with its leading zeros.
		x.s.setText(u, f, strings.Repeat("0", format.zeros-len(text))+text, pos)
	default:
		x.s.setText(u, f, text, pos)
	}
}

// fieldWants says what a field takes, for a message.
func (s *Schema) fieldWants(f *field) msg.Code {
	switch {
	case f.kind == fieldInput && s.rs.Inputs[f.input].Type == indicators.TypeTier:
		return msg.DataATier
	case f.kind == fieldInput, f.kind == fieldClaim, f.kind == fieldClaimScore:
		return msg.DataANumber
	}
	return msg.DataAText
}

// format is the number format of a cell style.
func (b *xlsxBook) format(style int) *cellFormat {
	if style < len(b.styles) {
		return &b.styles[style]
	}
	return &b.general
}

func isPercentUnit(u string) bool { return u == "%" || u == "％" }

func (x *xlsxSource) Warnings() []*diag.Error { return x.warnings }
func (x *xlsxSource) SHA256() string          { return "" }

func (x *xlsxSource) Close() error { return x.rows.Close() }
