package data

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner reads the XML parts of a workbook a token at a time in
// bounded memory. encoding/xml gathers a text run, comment or attribute
// whole, however long, so a part of one 2 GB text run takes 2 GB; here any
// text or attribute value longer than max bytes is an error (Excel holds at
// most 32,767 characters in a cell), and so is a tag longer than that. It
// is also several times faster on the million cells of a large sheet.
//
// It reads what workbooks hold: elements with attributes, text with the
// five predefined entities and character references, CDATA, comments and
// processing instructions (skipped). A DOCTYPE is refused: no workbook has
// one, and entity definitions are how XML bombs work. Names lose their
// namespace prefix. End tags must match their start tags.
type xmlScanner struct {
	r   *bufio.Reader
	max int   // longest text run or attribute value, in bytes
	off int64 // bytes consumed, for errors

	// The current token.
	kind  tokKind
	name  []byte // local name of a start or end tag
	attrs []xmlAttr
	text  []byte // decoded text of a text token

	buf []byte // backing of name and attribute values
	// The names of the open elements, one after another in names, each
	// starting at its offset in stack.
	stack []int
	names []byte
	// pendingEnd: the current start tag closed itself (<c/>), its end
	// comes next.
	pendingEnd bool
	lastCR     bool // the last text byte read was \r
	err        error
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type xmlAttr struct {
	name, value []byte // local name; decoded value
}

// maxDepth bounds how deeply elements nest: a sheet nests seven levels
// (worksheet, sheetData, row, c, is, r, t).
const maxDepth = 64

func newXMLScanner(r io.Reader, max int) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// errXML is a malformed part: the message says what and where.
type errXML struct {
	off int64
	msg string
}

func (e *errXML) Error() string { return fmt.Sprintf("byte %d: %s", e.off, e.msg) }

func (x *xmlScanner) fail(format string, args ...any) tokKind {
	if x.err == nil {
		x.err = &errXML{off: x.off, msg: fmt.Sprintf(format, args...)}
	}
	x.kind = tokEOF
	return tokEOF
}

// readErr records a read error of the underlying part; the end of the part
// inside a token is malformed XML.
func (x *xmlScanner) readErr(err error) tokKind {
	if err == io.EOF {
		return x.fail("the XML ends inside a tag")
	}
	if x.err == nil {
		x.err = err
	}
	x.kind = tokEOF
	return tokEOF
}

func (x *xmlScanner) readByte() (byte, error) {
	c, err := x.r.ReadByte()
	if err == nil {
		x.off++
	}
	return c, err
}

// Err is the error that ended the scan, or nil at the end of the part.
func (x *xmlScanner) Err() error { return x.err }

// next reads the next token: tokEOF at the end of the part or on error.
// An empty element <c/> gives tokStart then tokEnd.
func (x *xmlScanner) next() tokKind {
	if x.err != nil {
		return tokEOF
	}
	if x.kind == tokStart && x.pendingEnd {
		x.pendingEnd = false
		x.kind = tokEnd
		x.pop()
		return tokEnd
	}
	for {
		c, err := x.readByte()
		if err == io.EOF {
			if len(x.stack) > 0 {
				return x.fail("the XML ends inside <%s>", x.top())
			}
			x.kind = tokEOF
			return tokEOF
		}
		if err != nil {
			return x.readErr(err)
		}
		if c != '<' {
			if err := x.r.UnreadByte(); err != nil {
				return x.readErr(err)
			}
			x.off--
			return x.scanText()
		}
		c, err = x.readByte()
		if err != nil {
			return x.readErr(err)
		}
		switch c {
		case '/':
			return x.scanEnd()
		case '?':
			if !x.skipPast("?>") {
				return tokEOF
			}
		case '!':
			k, ok := x.scanBang()
			if !ok {
				return tokEOF
			}
			if k == tokText {
				return tokText
			}
		default:
			if err := x.r.UnreadByte(); err != nil {
				return x.readErr(err)
			}
			x.off--
			return x.scanStart()
		}
	}
}

// attr returns the value of the attribute of the current start tag with
// local name name, or nil.
func (x *xmlScanner) attr(name string) []byte {
	for i := range x.attrs {
		if string(x.attrs[i].name) == name {
			return x.attrs[i].value
		}
	}
	return nil
}

// is reports whether the current token is a tag of local name name.
func (x *xmlScanner) is(name string) bool { return string(x.name) == name }

// skip reads to the end of the element whose start tag is current.
func (x *xmlScanner) skip() {
	depth := len(x.stack)
	for {
		switch x.next() {
		case tokEOF:
			return
		case tokEnd:
			if len(x.stack) < depth {
				return
			}
		}
	}
}

// textOf reads the text of the element whose start tag is current, up to
// its end tag, appending it to dst; elements inside are skipped.
func (x *xmlScanner) textOf(dst []byte) []byte {
	depth := len(x.stack)
	for {
		switch x.next() {
		case tokEOF:
			return dst
		case tokText:
			if len(dst)+len(x.text) > x.max {
				x.fail("a text longer than %d bytes", x.max)
				return dst
			}
			dst = append(dst, x.text...)
		case tokStart:
			x.skip()
		case tokEnd:
			if len(x.stack) < depth {
				return dst
			}
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// readName reads a name that starts with c, into x.buf, and returns the
// byte after it. The namespace prefix is dropped.
func (x *xmlScanner) readName(c byte) (local []byte, after byte, ok bool) {
	start := len(x.buf)
	prefix := start
	for {
		if isSpace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'' {
			break
		}
		if c == ':' {
			prefix = len(x.buf) + 1
		}
		x.buf = append(x.buf, c)
		if len(x.buf)-start > 256 {
			x.fail("a name longer than 256 bytes")
			return nil, 0, false
		}
		var err error
		if c, err = x.readByte(); err != nil {
			x.readErr(err)
			return nil, 0, false
		}
	}
	if prefix >= len(x.buf) {
		x.fail("a tag without a name")
		return nil, 0, false
	}
	return x.buf[prefix:len(x.buf):len(x.buf)], c, true
}

func (x *xmlScanner) skipSpace(c byte) (byte, bool) {
	for isSpace(c) {
		var err error
		if c, err = x.readByte(); err != nil {
			x.readErr(err)
			return 0, false
		}
	}
	return c, true
}

func (x *xmlScanner) scanStart() tokKind {
	x.buf = x.buf[:0]
	x.attrs = x.attrs[:0]
	c, err := x.readByte()
	if err != nil {
		return x.readErr(err)
	}
	name, c, ok := x.readName(c)
	if !ok {
		return tokEOF
	}
	for {
		if len(x.buf) > x.max {
			return x.fail("a tag longer than %d bytes", x.max)
		}
		if c, ok = x.skipSpace(c); !ok {
			return tokEOF
		}
		switch c {
		case '>':
			return x.pushStart(name, false)
		case '/':
			if c, err = x.readByte(); err != nil {
				return x.readErr(err)
			}
			if c != '>' {
				return x.fail("a / inside <%s> not before >", name)
			}
			return x.pushStart(name, true)
		}
		var an []byte
		if an, c, ok = x.readName(c); !ok {
			return tokEOF
		}
		if c, ok = x.skipSpace(c); !ok {
			return tokEOF
		}
		if c != '=' {
			return x.fail("attribute %s of <%s> has no value", an, name)
		}
		if c, err = x.readByte(); err != nil {
			return x.readErr(err)
		}
		if c, ok = x.skipSpace(c); !ok {
			return tokEOF
		}
		if c != '"' && c != '\'' {
			return x.fail("the value of attribute %s of <%s> is not quoted", an, name)
		}
		start := len(x.buf)
		if !x.readUntil(c, true) {
			return tokEOF
		}
		x.attrs = append(x.attrs, xmlAttr{name: an, value: x.buf[start:len(x.buf):len(x.buf)]})
		if c, err = x.readByte(); err != nil {
			return x.readErr(err)
		}
		if !isSpace(c) && c != '>' && c != '/' {
			return x.fail("attributes of <%s> are not separated by a space", name)
		}
	}
}

func (x *xmlScanner) pushStart(name []byte, empty bool) tokKind {
	if len(x.stack) == maxDepth {
		return x.fail("elements nest deeper than %d levels", maxDepth)
	}
	x.stack = append(x.stack, len(x.names))
	x.names = append(x.names, name...)
	x.name = name
	x.kind = tokStart
	x.pendingEnd = empty
	return tokStart
}

// top is the name of the innermost open element.
func (x *xmlScanner) top() []byte { return x.names[x.stack[len(x.stack)-1]:] }

// pop closes the innermost open element.
func (x *xmlScanner) pop() {
	x.names = x.names[:x.stack[len(x.stack)-1]]
	x.stack = x.stack[:len(x.stack)-1]
}

func (x *xmlScanner) scanEnd() tokKind {
	x.buf = x.buf[:0]
	c, err := x.readByte()
	if err != nil {
		return x.readErr(err)
	}
	name, c, ok := x.readName(c)
	if !ok {
		return tokEOF
	}
	if c, ok = x.skipSpace(c); !ok {
		return tokEOF
	}
	if c != '>' {
		return x.fail("</%s is not closed by >", name)
	}
	if len(x.stack) == 0 {
		return x.fail("</%s> closes no element", name)
	}
	if top := x.top(); !bytes.Equal(top, name) {
		return x.fail("</%s> closes <%s>", name, top)
	}
	x.pop()
	x.name = name
	x.kind = tokEnd
	return tokEnd
}

// scanText reads character data up to the next <, decoding entities.
func (x *xmlScanner) scanText() tokKind {
	x.text = x.text[:0]
	x.lastCR = false
	for {
		chunk, err := x.r.ReadSlice('<')
		n := len(chunk)
		if err == nil {
			n-- // the < starts the next token
		}
		if len(x.text)+n > x.max {
			return x.fail("a text longer than %d bytes", x.max)
		}
		x.off += int64(n)
		if !x.appendText(chunk[:n], err == bufio.ErrBufferFull) {
			return tokEOF
		}
		switch err {
		case nil:
			if uerr := x.r.UnreadByte(); uerr != nil {
				return x.readErr(uerr)
			}
			x.kind = tokText
			return tokText
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if len(x.stack) > 0 {
				return x.fail("the XML ends inside <%s>", x.top())
			}
			x.kind = tokText
			return tokText
		default:
			return x.readErr(err)
		}
	}
}

// appendText appends raw character data to x.text, decoding entities and
// line ends. With more, the text goes on past raw, and an entity cut by
// the end of raw is read to its end from the reader.
func (x *xmlScanner) appendText(raw []byte, more bool) bool {
	for len(raw) > 0 {
		if x.lastCR && raw[0] == '\n' {
			raw = raw[1:]
		}
		x.lastCR = false
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			x.text = append(x.text, raw...)
			return true
		}
		x.text = append(x.text, raw[:i]...)
		if raw[i] == '\r' {
			// XML reads \r\n and a lone \r as \n.
			x.text = append(x.text, '\n')
			x.lastCR = true
			raw = raw[i+1:]
			continue
		}
		j := bytes.IndexByte(raw[i:], ';')
		if j >= 0 {
			var ok bool
			if x.text, ok = appendEntity(x.text, raw[i+1:i+j]); !ok {
				x.fail("unknown entity &%s;", raw[i+1:i+j])
				return false
			}
			raw = raw[i+j+1:]
			continue
		}
		if !more || len(raw)-i > 12 {
			x.fail("an & that starts no entity")
			return false
		}
		// The entity goes on past the chunk: read its end.
		ent := append([]byte(nil), raw[i+1:]...)
		for {
			c, err := x.readByte()
			if err != nil || c == '<' || len(ent) > 12 {
				x.fail("an & that starts no entity")
				return false
			}
			if c == ';' {
				break
			}
			ent = append(ent, c)
		}
		var ok bool
		if x.text, ok = appendEntity(x.text, ent); !ok {
			x.fail("unknown entity &%s;", ent)
			return false
		}
		return true
	}
	return true
}

// appendEntity appends what &name; stands for.
func appendEntity(dst, name []byte) ([]byte, bool) {
	switch string(name) {
	case "lt":
		return append(dst, '<'), true
	case "gt":
		return append(dst, '>'), true
	case "amp":
		return append(dst, '&'), true
	case "quot":
		return append(dst, '"'), true
	case "apos":
		return append(dst, '\''), true
	}
	if len(name) < 2 || name[0] != '#' {
		return dst, false
	}
	var n uint64
	var err error
	if name[1] == 'x' {
		n, err = strconv.ParseUint(string(name[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(name[1:]), 10, 32)
	}
	if err != nil || n == 0 || n > utf8.MaxRune || (n >= 0xD800 && n < 0xE000) {
		return dst, false
	}
	return utf8.AppendRune(dst, rune(n)), true
}

// readUntil reads an attribute value up to quote q into x.buf, decoding
// entities; the quote is consumed.
func (x *xmlScanner) readUntil(q byte, attr bool) bool {
	start := len(x.buf)
	for {
		c, err := x.readByte()
		if err != nil {
			x.readErr(err)
			return false
		}
		switch {
		case c == q:
			return true
		case c == '<':
			x.fail("a < inside an attribute value")
			return false
		case c == '&':
			var ent []byte
			for {
				if c, err = x.readByte(); err != nil {
					x.readErr(err)
					return false
				}
				if c == ';' {
					break
				}
				if len(ent) > 12 {
					x.fail("an & that starts no entity")
					return false
				}
				ent = append(ent, c)
			}
			var ok bool
			if x.buf, ok = appendEntity(x.buf, ent); !ok {
				x.fail("unknown entity &%s;", ent)
				return false
			}
		case isSpace(c) && attr:
			// Attribute values read white space as a space.
			x.buf = append(x.buf, ' ')
		default:
			x.buf = append(x.buf, c)
		}
		if len(x.buf)-start > x.max {
			x.fail("an attribute value longer than %d bytes", x.max)
			return false
		}
	}
}

// skipPast reads past the next occurrence of end (at most 3 bytes),
// holding nothing.
func (x *xmlScanner) skipPast(end string) bool {
	var last [3]byte
	for n := 0; ; n++ {
		c, err := x.readByte()
		if err != nil {
			x.readErr(err)
			return false
		}
		last[0], last[1], last[2] = last[1], last[2], c
		if n+1 >= len(end) && string(last[3-len(end):]) == end {
			return true
		}
	}
}

// scanBang reads what follows <!: a comment (skipped), CDATA (a text
// token) or a declaration (refused).
func (x *xmlScanner) scanBang() (tokKind, bool) {
	c, err := x.readByte()
	if err != nil {
		x.readErr(err)
		return tokEOF, false
	}
	switch c {
	case '-':
		if c, err = x.readByte(); err != nil || c != '-' {
			x.fail("<!- that starts no comment")
			return tokEOF, false
		}
		return tokEOF, x.skipPast("-->")
	case '[':
		for _, want := range []byte("CDATA[") {
			if c, err = x.readByte(); err != nil || c != want {
				x.fail("<![ that starts no CDATA section")
				return tokEOF, false
			}
		}
		x.text = x.text[:0]
		for !bytes.HasSuffix(x.text, []byte("]]>")) {
			if c, err = x.readByte(); err != nil {
				x.readErr(err)
				return tokEOF, false
			}
			x.text = append(x.text, c)
			if len(x.text) > x.max+3 {
				x.fail("a text longer than %d bytes", x.max)
				return tokEOF, false
			}
		}
		x.text = x.text[:len(x.text)-3]
		x.kind = tokText
		return tokText, true
	}
	x.fail("a declaration <!%c...: workbooks hold no DOCTYPE", c)
	return tokEOF, false
}
