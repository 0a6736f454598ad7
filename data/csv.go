package data

import (
	"encoding/csv"
	"errors"
	"io"
	"math/bits"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// csvSource reads one unit per row; the first row names the columns.
//
// It reads the way encoding/csv does with FieldsPerRecord -1 (RFC 4180
// quoting, \r\n read as \n, blank lines skipped, a quote inside an
// unquoted field an error at its line and column) — but for a file whose
// lines end with a lone \r, read as \n, and fields and rows over the limit
// of Options.MaxField, which stop the file (csvcut.go) — without
// allocating per row: the raw bytes are cut into chunks at record boundaries (just
// after a newline outside quotes) by one goroutine, and each chunk is
// decoded on its own, so engine.Stream's workers decode chunks in
// parallel (NextChunk). A chunk becomes one string; fields, ids and names
// are substrings of it, and plain numbers and tier letters are read
// without going through indicators.ParseCell. Tests hold it to the
// encoding/csv reader jixiao had before, unit for unit.
type csvSource struct {
	name     string
	s        *Schema
	fields   []field
	warnings []*diag.Error
	fast     []cellKind // by column: how a plain cell may be read fast

	r     io.Reader
	chunk int    // bytes per chunk (csvChunk; tests make it small)
	limit int    // the longest field, in bytes (Options.MaxField)
	buf   []byte // read but not yet handed out; starts at a record boundary
	line  int    // lines before buf
	eof   bool
	err   error // a read error, returned after the data before it
	cutState

	// Next reads chunk by chunk.
	units  []indicators.Unit
	next   int
	decErr error // what stopped decoding, after the units before it
}

// csvChunk is about how many bytes of rows go to one chunk.
const csvChunk = 64 << 10

// cellKind says how a column's plain cells may be read without
// indicators.ParseCell.
type cellKind uint8

const (
	cellSlow   cellKind = iota
	cellNumber          // a number input whose unit cannot end in a digit
	cellTier            // a tier input
)

func newCSV(name string, r io.Reader, s *Schema, o *Options) (Source, error) {
	c, err := newCSVChunks(name, r, s, o, csvChunk)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// newCSVChunks is newCSV with chunks of about chunk bytes.
func newCSVChunks(name string, r io.Reader, s *Schema, o *Options, chunk int) (*csvSource, error) {
	c := &csvSource{name: name, r: r, s: s, chunk: chunk, limit: o.maxField()}
	if c.crOnly() {
		cr := &crLines{r: c.r}
		c.buf = cr.translate(c.buf)
		c.r = cr
	}
	var header []string
	for {
		n := c.whole()
		if n == 0 && c.stop != nil {
			return nil, c.stop
		}
		if n == 0 && c.err != nil {
			return nil, csvError(s.p, name, c.err)
		}
		sc := scanner{text: string(c.buf[:n]), line: c.line}
		var err error
		if header, _, err = sc.record(nil); err != nil {
			return nil, csvError(s.p, name, err)
		}
		c.consume(sc.pos)
		c.line = sc.line
		if header != nil || n == 0 {
			break
		}
		// Only blank lines so far.
	}
	if header == nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: s.p.Sprintf(msg.DataEmptyCSV)}
	}
	fields, warnings, err := s.header(name, 1, header)
	if err != nil {
		return nil, err
	}
	c.fields, c.warnings = fields, warnings
	for _, f := range fields {
		c.fast = append(c.fast, fastKind(s, f))
	}
	return c, nil
}

func fastKind(s *Schema, f field) cellKind {
	if f.kind != fieldInput {
		return cellSlow
	}
	in := &s.rs.Inputs[f.input]
	if in.Type == indicators.TypeTier {
		return cellTier
	}
	// A unit such as "%" or "万元" cannot be confused with the digits of a
	// plain number; a unit ending in a digit or point could be.
	if u := in.Unit; u != "" && (u[len(u)-1] >= '0' && u[len(u)-1] <= '9' || u[len(u)-1] == '.') {
		return cellSlow
	}
	return cellNumber
}

func csvError(p msg.Printer, name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		text := p.Sprintf(msg.DataCSVOther, pe.Err.Error())
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			text = p.Sprintf(msg.DataBareQuote)
		case errors.Is(pe.Err, csv.ErrQuote):
			text = p.Sprintf(msg.DataOpenQuote)
		}
		return &diag.Error{Pos: diag.Pos{File: name, Line: pe.Line, Col: pe.Column}, Code: "csv_syntax", Msg: text, Err: err}
	}
	return readError(p, name, 0, err)
}

// columnList names the columns of a header in a message: each clipped
// (diag.Clip), and the first 40 of a longer header.
func columnList(p msg.Printer, header []string) string {
	const most = 40
	names := make([]string, 0, min(len(header), most))
	for _, h := range header[:min(len(header), most)] {
		names = append(names, diag.Clip(h))
	}
	list := strings.Join(names, p.Sprintf(msg.DataListSep))
	if len(header) > most {
		list += p.Sprintf(msg.DataMoreColumns, len(header))
	}
	return list
}

// colName is the spreadsheet letter of column i (from 0): A, B, ..., AA.
func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// NextChunk cuts the next chunk of whole records off the data. Its
// decoder may run on any goroutine.
func (c *csvSource) NextChunk() (func([]indicators.Unit) ([]indicators.Unit, error), error) {
	n := c.whole()
	if n == 0 {
		switch {
		case c.stop != nil:
			return nil, c.stop
		case c.err != nil:
			return nil, csvError(c.s.p, c.name, c.err)
		}
		return nil, io.EOF
	}
	text := string(c.buf[:n])
	line := c.line
	c.line += strings.Count(text, "\n")
	c.consume(n)
	return func(buf []indicators.Unit) ([]indicators.Unit, error) {
		return c.decode(text, line, buf)
	}, nil
}

// decode reads the records of text, whose first line is line+1, into
// units appended to out.
func (c *csvSource) decode(text string, line int, out []indicators.Unit) ([]indicators.Unit, error) {
	sc := scanner{text: text, line: line}
	var rec []string
	for {
		// Most rows hold no quote: read them in one pass.
		pos, lines := sc.pos, sc.line
		start, end, _, ok := sc.readLine()
		if !ok {
			return out, nil
		}
		if end == start {
			continue // an empty line
		}
		if strings.IndexByte(text[start:end], '"') < 0 {
			if len(out) < cap(out) {
				out = out[:len(out)+1]
			} else {
				out = append(out, indicators.Unit{})
			}
			c.plainUnit(&out[len(out)-1], text[start:end], sc.line)
			continue
		}
		sc.pos, sc.line = pos, lines
		var recLine int
		var err error
		rec, recLine, err = sc.record(rec[:0])
		if err != nil {
			return out, csvError(c.s.p, c.name, err)
		}
		if rec == nil {
			return out, nil
		}
		if len(out) < cap(out) {
			out = out[:len(out)+1]
		} else {
			out = append(out, indicators.Unit{})
		}
		c.unit(&out[len(out)-1], rec, recLine)
	}
}

// reset empties u for a row at line, keeping the memory of its values.
func (c *csvSource) reset(u *indicators.Unit, line int) {
	values := u.Values[:0]
	if cap(values) < len(c.s.rs.Inputs) {
		values = make([]indicators.Value, len(c.s.rs.Inputs))
	} else {
		values = values[:len(c.s.rs.Inputs)]
		clear(values)
	}
	*u = indicators.Unit{Values: values, Pos: diag.Pos{File: c.name, Line: line}}
}

// plainUnit fills u from a row without quotes, in one pass over its
// bytes: what unit does with the fields of scanner.record.
func (c *csvSource) plainUnit(u *indicators.Unit, row string, line int) {
	c.reset(u, line)
	col, i := 0, 0
	extra := ""
	for {
		var end int
		kind := cellSlow
		if col < len(c.fast) {
			kind = c.fast[col]
		}
		if kind == cellNumber {
			x, e, ok := scanNumber(row, i)
			end = e
			if ok {
				u.Values[c.fields[col].input] = indicators.NumberValue(x)
				goto next
			}
		} else if k := strings.IndexByte(row[i:], ','); k >= 0 {
			end = i + k
		} else {
			end = len(row)
		}
		if col == len(c.fields) {
			extra = row[i:end]
		}
		if col < len(c.fields) {
			f := &c.fields[col]
			if t := row[i:end]; kind == cellTier && plainTier(t, &u.Values[f.input]) {
				// done
			} else if f.kind != fieldUnknown {
				c.s.setText(u, f, t, diag.Pos{File: c.name, Line: line, Col: col + 1})
			}
		}
	next:
		col++
		if end >= len(row) {
			break
		}
		i = end + 1
	}
	c.finish(u, col, line, extra)
}

// plainTier reads the common forms of a tier cell, "B" and "A:0.95", into
// v as indicators.ParseTier does, and reports whether t was one of them;
// any other form is left to ParseTier.
func plainTier(t string, v *indicators.Value) bool {
	if len(t) == 0 || t[0] < 'A' || t[0] > 'C' {
		return false
	}
	if len(t) == 1 {
		*v = indicators.Value{Kind: indicators.Tier, Tier: t[0]}
		return true
	}
	if len(t) < 3 || t[1] != ':' {
		return false
	}
	x, end, ok := scanNumber(t, 2)
	if !ok || end != len(t) || indicators.CheckTierFraction(t[0], x) != nil {
		return false
	}
	*v = indicators.Value{Kind: indicators.Tier, Tier: t[0], Num: x, HasFrac: true}
	return true
}

// scanNumber reads the field of s that starts at i as plainNumber does,
// in the same pass that finds its end (the next comma, or the end of s).
//
// Where s has room it reads the digits eight bytes at a time (SWAR): a
// byte loop mispredicts a branch at the end of every run of digits, whose
// length varies from cell to cell (BenchmarkCSV/fast: 544 -> 477 ns a row).
func scanNumber(s string, i int) (x float64, end int, ok bool) {
	j := i
	if j < len(s) && (s[j] == '-' || s[j] == '+') {
		j++
	}
	if j+8 > len(s) {
		return scanNumberBytes(s, i)
	}
	w := load8(s, j)
	n1 := leadingDigits(w)
	p := j + n1
	var n2 int
	var fracWord uint64
	switch {
	case n1 == 8:
		return scanNumberBytes(s, i) // a long integer part
	case s[p] == '.':
		if p+9 > len(s) {
			return scanNumberBytes(s, i)
		}
		fracWord = load8(s, p+1)
		if n2 = leadingDigits(fracWord); n2 == 8 {
			return scanNumberBytes(s, i)
		}
		end = p + 1 + n2
	default:
		end = p
	}
	if end < len(s) && s[end] != ',' {
		// Not a plain number: find where the field ends.
		if k := strings.IndexByte(s[end:], ','); k >= 0 {
			return 0, end + k, false
		}
		return 0, len(s), false
	}
	if n1+n2 == 0 {
		return 0, end, false
	}
	m := digitsValue(w, n1)
	if n2 > 0 {
		m = m*uint64(pow10int[n2]) + digitsValue(fracWord, n2)
	}
	x = float64(m) // at most 14 digits: exact
	if n2 > 0 {
		x /= pow10[n2]
	}
	if s[i] == '-' {
		x = -x
	}
	return x, end, true
}

// load8 returns s[i:i+8] as a little-endian word, s[i] in the low byte
// (the compiler makes it one load).
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// leadingDigits returns how many bytes of w, from the low one, are ASCII
// digits before the first that is not. A byte is a digit when its high
// nibble is 3 and stays 3 when 6 is added; the carries of the addition
// can only spoil the bytes after the first that is not a digit.
func leadingDigits(w uint64) int {
	const hi, six, threes = 0xF0F0F0F0F0F0F0F0, 0x0606060606060606, 0x3333333333333333
	t := (w & hi) | ((w+six)&hi)>>4
	return bits.TrailingZeros64(t^threes) / 8
}

// digitsValue returns the number written by the n (0 to 7) low bytes of
// w, all digits. Shifted to the top of the word they are the last digits
// of an eight-digit number whose first digits are zeros, which three
// multiplications read at once, two digits, then four, then eight.
func digitsValue(w uint64, n int) uint64 {
	if n == 0 {
		return 0
	}
	w = (w << (8 * (8 - n))) & 0x0F0F0F0F0F0F0F0F
	w = (w * (10<<8 + 1)) >> 8
	w = ((w & 0x00FF00FF00FF00FF) * (100<<16 + 1)) >> 16
	return ((w & 0x0000FFFF0000FFFF) * (10000<<32 + 1)) >> 32
}

// pow10int[n] is 10ⁿ.
var pow10int = [...]uint32{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7}

// scanNumberBytes is scanNumber a byte at a time: for fields too near the
// end of s to read eight bytes, and for long runs of digits.
func scanNumberBytes(s string, i int) (x float64, end int, ok bool) {
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var m uint64
	digits, frac := 0, -1
	for ; i < len(s); i++ {
		c := s[i]
		if c-'0' < 10 {
			m = m*10 + uint64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
			continue
		}
		if c == '.' && frac < 0 {
			frac = 0
			continue
		}
		break
	}
	if i < len(s) && s[i] != ',' {
		// Not a plain number: find where the field ends.
		if k := strings.IndexByte(s[i:], ','); k >= 0 {
			return 0, i + k, false
		}
		return 0, len(s), false
	}
	if digits == 0 || digits > 15 {
		return 0, i, false
	}
	x = float64(m)
	if frac > 0 {
		x /= pow10[frac]
	}
	if neg {
		x = -x
	}
	return x, i, true
}

// unit fills u from the fields of one row.
func (c *csvSource) unit(u *indicators.Unit, rec []string, line int) {
	c.reset(u, line)
	n := min(len(rec), len(c.fields))
	for i := 0; i < n; i++ {
		f := &c.fields[i]
		switch c.fast[i] {
		case cellNumber:
			if x, ok := plainNumber(rec[i]); ok {
				u.Values[f.input] = indicators.NumberValue(x)
				continue
			}
		case cellTier:
			if t := rec[i]; len(t) == 1 && t[0] >= 'A' && t[0] <= 'C' {
				u.Values[f.input] = indicators.Value{Kind: indicators.Tier, Tier: t[0]}
				continue
			}
		}
		if f.kind == fieldUnknown {
			continue
		}
		c.s.setText(u, f, rec[i], diag.Pos{File: c.name, Line: line, Col: i + 1})
	}
	extra := ""
	if len(rec) > len(c.fields) {
		extra = rec[len(c.fields)]
	}
	c.finish(u, len(rec), line, extra)
}

// finish adds the row-level errors of a row of n fields at line; extra is
// the first field past the header's, if any.
func (c *csvSource) finish(u *indicators.Unit, n, line int, extra string) {
	switch {
	case n < len(c.fields):
		f := c.fields[n]
		u.Errors = append(u.Errors, &diag.Error{Pos: diag.Pos{File: c.name, Line: line}, Code: "ragged_row", Field: f.name,
			Msg: c.s.p.Sprintf(msg.DataRowShort, line, n, len(c.fields), colName(n), diag.Clip(f.name))})
	case n > len(c.fields):
		u.Errors = append(u.Errors, &diag.Error{Pos: diag.Pos{File: c.name, Line: line, Col: len(c.fields) + 1}, Code: "ragged_row", Value: diag.Clip(extra),
			Msg: c.s.p.Sprintf(msg.DataRowLong, line, n, len(c.fields), colName(len(c.fields)), diag.Quote(extra))})
	}
	// Name the column by letter as a spreadsheet would.
	for _, e := range u.Errors {
		if e.Code == "bad_cell" && e.Pos.Col > 0 {
			e.Msg = c.s.p.Sprintf(msg.DataAtRowCol, line, colName(e.Pos.Col-1), e.Msg)
			// The cell's text is a substring of the whole chunk: keep
			// only its own bytes.
			e.Value = strings.Clone(e.Value)
		}
	}
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// plainNumber reads a cell that is only an optional sign, digits and at
// most one decimal point, with at most 15 digits: the integer of its
// digits and the power of ten are then exact doubles, so one division
// gives the correctly rounded value, the same bits strconv.ParseFloat
// (and so indicators.ParseCell) gives. Anything else is left to
// ParseCell.
func plainNumber(s string) (float64, bool) {
	x, end, ok := scanNumber(s, 0)
	return x, ok && end == len(s)
}

func (c *csvSource) Next() (*indicators.Unit, error) {
	for c.next >= len(c.units) {
		if c.decErr != nil {
			return nil, c.decErr
		}
		dec, err := c.NextChunk()
		if err != nil {
			return nil, err
		}
		// Units handed out by Next are kept by the caller: decode into
		// fresh memory. On an error, the units before it come first.
		c.units, c.decErr = dec(nil)
		c.next = 0
	}
	c.next++
	return &c.units[c.next-1], nil
}

func (c *csvSource) Warnings() []*diag.Error { return c.warnings }
func (c *csvSource) SHA256() string          { return "" }
func (c *csvSource) Close() error            { return nil }

// scanner reads records from text as encoding/csv's Reader.Read does
// with Comma ',', no comments, LazyQuotes and TrimLeadingSpace off, and
// FieldsPerRecord -1: the same fields, the same lines, the same errors at
// the same line and column. Fields are substrings of text unless a quoted
// field holds a doubled quote or spans a \r\n line end.
type scanner struct {
	text string
	pos  int // next byte to read
	line int // lines read
	// Lines are read as [lineAt, lineEnd) plus a newline when nl (a \r\n
	// end counts as \n; a \r before the end of the text is dropped).
	built []byte
}

// readLine reads the next line; ok is false at the end of the text.
func (s *scanner) readLine() (start, end int, nl, ok bool) {
	if s.pos >= len(s.text) {
		return 0, 0, false, false
	}
	start = s.pos
	s.line++
	i := strings.IndexByte(s.text[start:], '\n')
	if i < 0 {
		end = len(s.text)
		s.pos = end
		// For backwards compatibility, encoding/csv drops a trailing \r
		// before the end of the data.
		if end > start && s.text[end-1] == '\r' {
			end--
		}
		return start, end, false, true
	}
	end = start + i
	s.pos = end + 1
	if end > start && s.text[end-1] == '\r' {
		end--
	}
	return start, end, true, true
}

// record reads the next record, appending its fields to dst. It returns
// nil fields at the end of the text, with the line the record starts on.
func (s *scanner) record(dst []string) ([]string, int, error) {
	var start, end int
	var nl, ok bool
	for {
		start, end, nl, ok = s.readLine()
		if !ok {
			return nil, 0, nil
		}
		if end > start {
			break
		}
		// Skip empty lines.
	}
	recLine := s.line
	if dst == nil {
		dst = []string{}
	}
	if strings.IndexByte(s.text[start:end], '"') < 0 {
		// No quote on the line: the fields are what the commas cut.
		for {
			i := strings.IndexByte(s.text[start:end], ',')
			if i < 0 {
				return append(dst, s.text[start:end]), recLine, nil
			}
			dst = append(dst, s.text[start:start+i])
			start += i + 1
		}
	}
	posLine := s.line
	cur := start // next byte of the current line
	col := 1
fields:
	for {
		if cur == end || s.text[cur] != '"' {
			// Non-quoted field: up to the next comma or the line's end.
			fieldEnd := end
			next := -1
			if i := strings.IndexByte(s.text[cur:end], ','); i >= 0 {
				fieldEnd = cur + i
				next = fieldEnd + 1
			}
			field := s.text[cur:fieldEnd]
			if j := strings.IndexByte(field, '"'); j >= 0 {
				return dst, recLine, &csv.ParseError{StartLine: recLine, Line: s.line, Column: col + j, Err: csv.ErrBareQuote}
			}
			dst = append(dst, field)
			if next < 0 {
				return dst, recLine, nil
			}
			col += next - cur
			cur = next
			continue
		}
		// Quoted field.
		cur++
		col++
		fStart, fEnd := cur, cur // the field as a substring, while it is one
		isBuilt := false
		add := func(from, to int) {
			if !isBuilt && from == fEnd {
				fEnd = to
				return
			}
			if !isBuilt {
				s.built = append(s.built[:0], s.text[fStart:fEnd]...)
				isBuilt = true
			}
			s.built = append(s.built, s.text[from:to]...)
		}
		field := func() string {
			if isBuilt {
				return string(s.built)
			}
			return s.text[fStart:fEnd]
		}
		for {
			if i := strings.IndexByte(s.text[cur:end], '"'); i >= 0 {
				// Hit the next quote.
				add(cur, cur+i)
				cur += i + 1
				col += i + 1
				switch {
				case cur < end && s.text[cur] == '"':
					// A doubled quote stands for one.
					if !isBuilt {
						s.built = append(s.built[:0], s.text[fStart:fEnd]...)
						isBuilt = true
					}
					s.built = append(s.built, '"')
					cur++
					col++
				case cur < end && s.text[cur] == ',':
					cur++
					col++
					dst = append(dst, field())
					continue fields
				case cur == end:
					// The quote ends the line, and the record.
					return append(dst, field()), recLine, nil
				default:
					return dst, recLine, &csv.ParseError{StartLine: recLine, Line: s.line, Column: col - 1, Err: csv.ErrQuote}
				}
			} else if cur < end || nl {
				// The field goes on past the line's end: keep the rest of
				// the line and its newline, read the next line.
				add(cur, end)
				if nl {
					if end < len(s.text) && s.text[end] == '\n' {
						add(end, end+1)
					} else {
						// A \r\n end reads as \n.
						if !isBuilt {
							s.built = append(s.built[:0], s.text[fStart:fEnd]...)
							isBuilt = true
						}
						s.built = append(s.built, '\n')
					}
					col++
				}
				col += end - cur
				start, end, nl, ok = s.readLine()
				if !ok {
					start, end, nl = len(s.text), len(s.text), false
				} else if end > start || nl {
					posLine++
					col = 1
				}
				cur = start
				if isBuilt || fEnd != cur {
					// The next line does not follow on in text (after a
					// \r\n end): the field can no longer be a substring.
					if !isBuilt {
						s.built = append(s.built[:0], s.text[fStart:fEnd]...)
						isBuilt = true
					}
				}
			} else {
				// The data ends inside the quotes.
				return dst, recLine, &csv.ParseError{StartLine: recLine, Line: posLine, Column: col, Err: csv.ErrQuote}
			}
		}
	}
}
