package data

import (
	"io"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/internal/msg"
)

// Cell types as a sheet stores them (the t attribute of a cell).
const (
	cellNum   = 'n' // a number (t absent or n)
	cellText  = 't' // text: a shared string (s), an inline string or a formula's text (str)
	cellBool  = 'b' // TRUE or FALSE
	cellError = 'e' // an error value: #DIV/0!, #N/A, #VALUE! ...
	cellDate  = 'd' // an ISO 8601 date (strict OOXML)
)

// xcell is one cell of a sheet row as the workbook stores it.
type xcell struct {
	col     int  // from 0
	typ     byte // cellNum ...
	style   int  // index into the workbook's styles
	formula bool // the cell holds a formula
	value   bool // the cell holds a value (a formula's, when it has one, as last computed)
	text    string
}

// blank reports whether the cell shows nothing: no value, or an empty one.
// A formula without a value is not blank: what it would show is unknown.
func (c *xcell) blank() bool {
	return !(c.formula && !c.value) && strings.TrimSpace(c.text) == ""
}

// sheetRows reads the rows of a sheet one at a time, straight from the
// ZIP data.
type sheetRows struct {
	b     *xlsxBook
	ref   sheetRef
	x     *xmlScanner
	c     io.Closer
	row   int // the current row's number, from 1
	cells []xcell
	buf   []byte
	state uint8 // before sheetData, in it, past it
	// rows is how many rows with a value were read, for messages.
	rows int
}

const (
	beforeData = iota
	inData
	pastData
)

func (b *xlsxBook) openSheet(ref sheetRef) (*sheetRows, error) {
	x, c, err := b.open(ref.part)
	if err != nil {
		return nil, err
	}
	if x == nil {
		return nil, b.damaged(ref.part, b.detail(msg.DataSheetPartMissing, ref.name))
	}
	return &sheetRows{b: b, ref: ref, x: x, c: c}, nil
}

func (r *sheetRows) Close() error { return r.c.Close() }

// damaged is the error of a sheet whose XML cannot be read.
func (r *sheetRows) damaged(err error) error {
	e := r.b.damaged(r.ref.part, err)
	if r.row == 0 {
		e.Msg = r.b.p.Sprintf(msg.DataAtSheet, r.ref.name, e.Msg)
		return e
	}
	e.Pos.Line = r.row
	e.Msg = r.b.p.Sprintf(msg.DataPlaced, r.b.p.Sprintf(msg.DataAtSheetRow, r.ref.name, r.row), e.Msg)
	return e
}

// next reads the next row that has a cell that is not blank; false at the
// end of the sheet or on an error.
func (r *sheetRows) next() (bool, error) {
	x := r.x
	for {
		k := x.next()
		if k == tokEOF {
			if err := x.Err(); err != nil {
				return false, r.damaged(err)
			}
			return false, nil
		}
		switch r.state {
		case beforeData:
			if k == tokStart && x.is("sheetData") {
				r.state = inData
			}
			continue
		case pastData:
			return false, nil
		}
		switch {
		case k == tokEnd && x.is("sheetData"):
			r.state = pastData
			return false, nil
		case k == tokStart && x.is("row"):
			n := r.row + 1
			if v := x.attr("r"); v != nil {
				var err error
				if n, err = strconv.Atoi(string(v)); err != nil || n <= r.row || n > maxRows {
					return false, r.damaged(r.b.detail(msg.DataRowOrder, v, r.row))
				}
			}
			r.row = n
			if err := r.readCells(); err != nil {
				return false, err
			}
			for i := range r.cells {
				if !r.cells[i].blank() {
					r.rows++
					return true, nil
				}
			}
		case k == tokStart:
			x.skip()
		}
	}
}

// readCells reads the cells of the row whose start tag is current.
func (r *sheetRows) readCells() error {
	x := r.x
	r.cells = r.cells[:0]
	for {
		switch x.next() {
		case tokEOF:
			if err := x.Err(); err != nil {
				return r.damaged(err)
			}
			return r.damaged(r.b.detail(msg.DataEndsInRow, r.row))
		case tokEnd:
			if x.is("row") {
				return nil
			}
		case tokStart:
			if !x.is("c") {
				x.skip()
				continue
			}
			if err := r.readCell(); err != nil {
				return err
			}
		}
	}
}

// readCell reads the cell whose start tag is current.
func (r *sheetRows) readCell() error {
	x := r.x
	c := xcell{col: 0, typ: cellNum}
	if n := len(r.cells); n > 0 {
		c.col = r.cells[n-1].col + 1
	}
	if ref := x.attr("r"); ref != nil {
		col, ok := columnOf(ref)
		if !ok {
			return r.damaged(r.b.detail(msg.DataCellRef, ref))
		}
		c.col = col
	}
	if n := len(r.cells); n > 0 && c.col <= r.cells[n-1].col || c.col >= maxCols {
		return r.damaged(r.b.detail(msg.DataCellPlace, colName(min(c.col, maxCols-1)), r.row))
	}
	if s := x.attr("s"); s != nil {
		n, err := strconv.Atoi(string(s))
		if err != nil || n < 0 || n >= max(len(r.b.styles), 1) {
			return r.damaged(r.b.detail(msg.DataCellStyle, colName(c.col), r.row, s))
		}
		c.style = n
	}
	shared := false
	switch t := string(x.attr("t")); t {
	case "", "n":
	case "s":
		shared, c.typ = true, cellText
	case "str", "inlineStr":
		c.typ = cellText
	case "b", "e", "d":
		c.typ = t[0]
	default:
		return r.damaged(r.b.detail(msg.DataCellType, colName(c.col), r.row, t))
	}
	for {
		switch x.next() {
		case tokEOF:
			if err := x.Err(); err != nil {
				return r.damaged(err)
			}
			return r.damaged(r.b.detail(msg.DataEndsInCell, colName(c.col), r.row))
		case tokEnd:
			if !x.is("c") {
				continue
			}
			if shared && c.value {
				i, err := strconv.Atoi(strings.TrimSpace(c.text))
				if err != nil || i < 0 || i >= len(r.b.sst) {
					return r.damaged(r.b.detail(msg.DataSharedString, colName(c.col), r.row, c.text))
				}
				c.text = r.b.sst[i]
			}
			r.cells = append(r.cells, c)
			return nil
		case tokStart:
			switch {
			case x.is("v"):
				r.buf = x.textOf(r.buf[:0])
				c.text, c.value = string(r.buf), true
			case x.is("f"):
				c.formula = true
				x.skip()
			case x.is("is"):
				r.buf = r.inline(r.buf[:0])
				c.text, c.value = unescapeOOXML(string(r.buf)), true
			default:
				x.skip()
			}
		}
	}
}

// inline reads the text of an inline string (<is>), its runs joined and
// phonetic guides left out.
func (r *sheetRows) inline(dst []byte) []byte {
	x := r.x
	depth, rph := 1, 0
	for depth > 0 {
		switch x.next() {
		case tokEOF:
			return dst
		case tokStart:
			depth++
			switch {
			case x.is("rPh"):
				rph++
			case x.is("t") && rph == 0:
				dst = x.textOf(dst)
				depth--
			}
		case tokEnd:
			depth--
			if x.is("rPh") {
				rph--
			}
		}
	}
	return dst
}

// columnOf reads the column of a cell reference such as AB12, from 0.
func columnOf(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	if i == 0 || col > maxCols {
		return 0, false
	}
	for _, d := range ref[i:] {
		if d < '0' || d > '9' {
			return 0, false
		}
	}
	return col - 1, true
}
