package data

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/internal/msg"
)

// Cutting the CSV data into chunks of whole records, and the limits on
// fields and rows.
//
// The cutter scans each byte of the data once, however long a record
// grows over many reads: its state (cutState) is kept across reads. A
// record longer than the field limit is followed field by field
// (fieldScan), so that a field over the limit is found while it is read,
// not after the whole of it is held: a stray quote that swallows the rest
// of a file stops at the limit, in memory that does not grow with the
// file. Every record longer than the limit is followed, whether it
// arrived in one read or in many, so the answer does not depend on how
// the data was read.

// rowFields is how many times the field limit a row may hold in all: the
// bound on memory for a row of many short fields.
const rowFields = 16

// cutState is what the cutter knows of buf.
type cutState struct {
	scanned int  // bytes of buf scanned
	quoted  bool // buf[:scanned] holds an odd number of quotes
	// rec is where the last record starts: just after the last newline
	// outside quotes in buf[:scanned].
	rec  int
	long fieldScan // the fields of the record at long.start, once it is long

	// stop is the error of a field or row over the limit, once found;
	// stopAt is where its record starts in buf: the records before it are
	// handed out first.
	stop   error
	stopAt int
}

// fieldScan follows the fields of one record longer than the field limit.
type fieldScan struct {
	on     bool
	start  int  // where the record starts in buf
	pos    int  // bytes of buf followed
	field  int  // where the current field starts
	col    int  // the current field's index, from 0
	quoted bool // pos is inside quotes
}

// whole reads until buf holds a chunk's worth of bytes with at least one
// whole record, or to the end of the data, and returns the length of the
// whole records at the start of buf.
func (c *csvSource) whole() int {
	for {
		if c.stop == nil && !c.eof && c.err == nil && len(c.buf) < c.chunk {
			c.read()
			continue
		}
		if n := c.cut(); n > 0 || c.eof || c.err != nil || c.stop != nil {
			return n
		}
		c.read() // no whole record yet
	}
}

// read reads once more into buf, making room first.
func (c *csvSource) read() {
	if cap(c.buf)-len(c.buf) < c.chunk/2+1 {
		nb := make([]byte, len(c.buf), 2*max(c.chunk, len(c.buf)))
		copy(nb, c.buf)
		c.buf = nb
	}
	n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
	c.buf = c.buf[:len(c.buf)+n]
	if err == io.EOF {
		c.eof = true
	} else if err != nil {
		c.err = err
	}
}

// consume drops the first n bytes of buf, handed out.
func (c *csvSource) consume(n int) {
	c.buf = c.buf[:copy(c.buf, c.buf[n:])]
	c.scanned -= n
	c.rec -= n
	c.stopAt -= n
	if c.long.on {
		c.long.start -= n
		c.long.pos -= n
		c.long.field -= n
	}
}

// cut returns the length of the whole records at the start of buf: up to
// just after the last newline outside quotes, all of buf at the end of
// the data, and only the records before a field or row over the limit.
// Quotes open and close a quoted field in turn (a doubled quote inside
// one closes and reopens it), so a newline is outside quotes when an even
// number of quotes stand before it. A malformed record (a stray quote) is
// cut wherever the count says: decoding reports it before reaching the
// cut.
func (c *csvSource) cut() int {
	if c.stop == nil {
		c.scan(c.eof || c.err != nil)
	}
	switch {
	case c.stop != nil:
		return c.stopAt
	case c.eof || c.err != nil:
		return len(c.buf)
	}
	return c.rec
}

// scan goes on from where it stopped to the end of buf; final tells that
// no more data follows.
func (c *csvSource) scan(final bool) {
	b := c.buf
	for c.scanned < len(b) {
		if c.quoted {
			q := bytes.IndexByte(b[c.scanned:], '"')
			if q < 0 {
				c.scanned = len(b)
				break
			}
			c.scanned += q + 1
			c.quoted = false
			continue
		}
		end := len(b)
		q := bytes.IndexByte(b[c.scanned:], '"')
		if q >= 0 {
			end = c.scanned + q
		}
		seg := b[c.scanned:end]
		if i := bytes.IndexByte(seg, '\n'); i >= 0 {
			nl := c.scanned + i
			if !c.recordEnds(nl) {
				return
			}
			last := c.scanned + bytes.LastIndexByte(seg, '\n')
			if last-nl > c.limit {
				// A line between them may be long.
				for nl < last {
					nl += 1 + bytes.IndexByte(b[nl+1:last+1], '\n')
					if !c.recordEnds(nl) {
						return
					}
				}
			}
			c.rec = last + 1
			c.long.on = false
		}
		c.scanned = end
		if q >= 0 {
			c.scanned++
			c.quoted = true
		}
	}
	switch {
	case final && len(b) > c.rec:
		if c.recordEnds(len(b)) {
			c.rec = len(b)
		}
	case len(b)-c.rec > c.limit:
		c.follow(len(b), false)
	}
}

// recordEnds checks the record that ends at end (its newline, or the end
// of the data) and starts the next after it. It reports false when the
// record has a field or is a row over the limit.
func (c *csvSource) recordEnds(end int) bool {
	if end-c.rec > c.limit && !c.follow(end, true) {
		return false
	}
	c.rec = end + 1
	c.long.on = false
	return true
}

// follow follows the fields of the record at rec up to end, its end when
// complete; it reports false, with stop set, when a field or the row is
// over the limit.
func (c *csvSource) follow(end int, complete bool) bool {
	f := &c.long
	if !f.on || f.start != c.rec {
		*f = fieldScan{on: true, start: c.rec, pos: c.rec, field: c.rec}
	}
	b := c.buf[:end]
	for f.pos < end {
		if f.quoted {
			q := bytes.IndexByte(b[f.pos:], '"')
			if q < 0 {
				f.pos = end
				break
			}
			f.pos += q + 1
			f.quoted = false
			continue
		}
		i := bytes.IndexAny(b[f.pos:], "\",")
		if i < 0 {
			f.pos = end
			break
		}
		f.pos += i
		if b[f.pos] == '"' {
			f.quoted = true
			f.pos++
			continue
		}
		// A comma ends the field.
		if f.pos-f.field > c.limit {
			return c.tooLong(f)
		}
		if f.pos-f.start > rowFields*c.limit {
			return c.rowTooLong(f)
		}
		f.col++
		f.pos++
		f.field = f.pos
	}
	// A \r at the end is the line's end, or may be: not counted.
	span := end - f.field
	if span > 0 && b[end-1] == '\r' {
		span--
	}
	if span > c.limit {
		return c.tooLong(f)
	}
	if complete && end-f.start > rowFields*c.limit {
		return c.rowTooLong(f)
	}
	return true
}

// recordLine is the line (from 1) the record at f.start starts on, and
// the line and character column where its current field starts.
func (c *csvSource) recordLine(f *fieldScan) (row, line, col int) {
	row = c.line + 1 + bytes.Count(c.buf[:f.start], []byte("\n"))
	before := c.buf[f.start:f.field]
	line = row + bytes.Count(before, []byte("\n"))
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		before = before[nl+1:]
	}
	return row, line, utf8.RuneCount(before) + 1
}

// tooLong stops the data at the field f is in, over the limit. It reads on
// to the field's end to tell its length, without keeping what it reads.
func (c *csvSource) tooLong(f *fieldScan) bool {
	row, line, col := c.recordLine(f)
	// The field's first bytes, enough for EchoMax characters (but not
	// more than the limit, which is all that is sure to be read, so that
	// the message does not depend on how the data was read), from inside
	// its quotes.
	head := string(c.buf[f.field : f.field+min(c.limit, utf8.UTFMax*diag.EchoMax)])
	if head[0] == '"' {
		head = head[1:]
	}
	// Not a character cut in two.
	if i := len(head) - 1; i >= 0 {
		for i > 0 && i > len(head)-utf8.UTFMax && !utf8.RuneStart(head[i]) {
			i--
		}
		if !utf8.FullRuneInString(head[i:]) {
			head = head[:i]
		}
	}
	n, closed := c.fieldLength(f)
	if !closed {
		c.stop = &diag.Error{Pos: diag.Pos{File: c.name, Line: line, Col: col}, Code: "csv_syntax", Value: diag.ClipN(head, n),
			Msg: c.s.p.Sprintf(msg.DataOpenQuoteLong, row, colName(f.col), n)}
	} else {
		c.stop = &diag.Error{Pos: diag.Pos{File: c.name, Line: row, Col: f.col + 1}, Code: "field_too_long", Value: diag.ClipN(head, n),
			Msg: c.s.p.Sprintf(msg.DataFieldTooLong, row, colName(f.col), n, c.limit, diag.QuoteN(head, n))}
	}
	c.stopAt = f.start
	return false
}

// rowTooLong stops the data at the row f is in, over rowFields times the
// field limit.
func (c *csvSource) rowTooLong(f *fieldScan) bool {
	row, _, _ := c.recordLine(f)
	c.stop = &diag.Error{Pos: diag.Pos{File: c.name, Line: row}, Code: "row_too_long",
		Msg: c.s.p.Sprintf(msg.DataRowTooLong, row, f.pos-f.start, f.col+1, rowFields, c.limit)}
	c.stopAt = f.start
	return false
}

// fieldLength reads on from f to the end of its field and returns the
// field's length in bytes, and whether it ends (false: the data ends
// inside its quotes). What it reads is dropped: the data stops at this
// field.
func (c *csvSource) fieldLength(f *fieldScan) (int, bool) {
	n := 0 // bytes of the field before b
	b := c.buf[f.field:]
	i := f.pos - f.field
	quoted := f.quoted
	cr := false // the byte before b is \r
	// crEnd is the field's length when it ends at b[i], its \r not counted.
	crEnd := func(i int) int {
		if i > 0 && b[i-1] == '\r' || i == 0 && cr {
			return n + i - 1
		}
		return n + i
	}
	var scratch []byte
	for {
		for i < len(b) {
			if quoted {
				q := bytes.IndexByte(b[i:], '"')
				if q < 0 {
					i = len(b)
					break
				}
				i += q + 1
				quoted = false
				continue
			}
			k := bytes.IndexAny(b[i:], "\",\n")
			if k < 0 {
				i = len(b)
				break
			}
			i += k
			switch b[i] {
			case '"':
				quoted = true
				i++
			case '\n':
				return crEnd(i), true
			default:
				return n + i, true
			}
		}
		if c.eof || c.err != nil {
			if quoted {
				return n + len(b), false
			}
			return crEnd(len(b)), true
		}
		n += len(b)
		if len(b) > 0 {
			cr = b[len(b)-1] == '\r'
		}
		if scratch == nil {
			scratch = make([]byte, c.chunk)
		}
		k, err := c.r.Read(scratch)
		b, i = scratch[:k], 0
		if err == io.EOF {
			c.eof = true
		} else if err != nil {
			c.err = err
		}
	}
}

// crLines reads text whose lines end with a lone \r (the old Mac OS
// "CSV (Macintosh)" Excel writes) as lines ending with \n: every \r
// becomes \n, and a \n just after a \r is dropped, as \r\n reads as \n.
type crLines struct {
	r  io.Reader
	cr bool // the last byte read was \r
}

func (l *crLines) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		w := len(l.translate(p[:n]))
		if w > 0 || err != nil || n == 0 {
			return w, err
		}
	}
}

// translate rewrites b in place and returns what it holds then.
func (l *crLines) translate(b []byte) []byte {
	w := 0
	for _, ch := range b {
		if ch == '\n' && l.cr {
			l.cr = false
			continue
		}
		l.cr = ch == '\r'
		if l.cr {
			ch = '\n'
		}
		b[w] = ch
		w++
	}
	return b[:w]
}

// crOnly reads the start of the data and reports whether its first line
// ends with a lone \r: then every \r ends a line (crLines). A file that
// ends its lines with \n or \r\n keeps a lone \r inside a field as it is,
// as encoding/csv does.
func (c *csvSource) crOnly() bool {
	quoted := false
	for i := 0; i <= rowFields*c.limit; i++ {
		for i >= len(c.buf) {
			if c.eof || c.err != nil {
				return false
			}
			c.read()
		}
		switch ch := c.buf[i]; {
		case ch == '"':
			quoted = !quoted
		case quoted:
		case ch == '\n':
			return false
		case ch == '\r':
			for i+1 >= len(c.buf) && !c.eof && c.err == nil {
				c.read()
			}
			return i+1 >= len(c.buf) || c.buf[i+1] != '\n'
		}
	}
	return false // a first row over the limit, refused as such
}
