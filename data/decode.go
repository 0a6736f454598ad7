package data

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/internal/msg"
)

// The decoding layer. Data files come from hundreds of units' machines:
// most write UTF-8 (with or without Excel's byte-order mark), but older
// Chinese systems and Excel's plain "CSV" on a Chinese Windows write
// GB18030 (GBK), and Excel's "Unicode text" writes UTF-16 (with a
// byte-order mark; some exports leave it out). Every text
// format is read through textReader, which passes UTF-8 through, detects
// GB18030 and UTF-16 and converts them with a warning, and refuses binary
// data and text that is neither, naming the line and column and saying how
// to convert the file. It sits below the format readers, so every reader of
// text (CSV, YAML, JSON, JSON Lines) gets it.
//
// Detection is streaming. The bytes before the first non-ASCII byte read
// the same in UTF-8 and GB18030; at that byte, a sample of what follows
// decides: valid UTF-8 keeps UTF-8, else valid GB18030 switches to
// GB18030 for the rest of the file. A byte-order mark decides at once.

// textExts are the extensions of the formats read as text.
var textExts = map[string]bool{".csv": true, ".txt": true, ".yaml": true, ".yml": true, ".json": true, ".jsonl": true, ".ndjson": true}

type textMode uint8

const (
	modeUndecided textMode = iota // ASCII so far
	modeUTF8
	modeDecoded // GB18030 or UTF-16, through dec
)

const (
	chunkSize  = 32 * 1024
	sampleSize = 4 * 1024 // bytes that decide the encoding
)

// textReader reads the text of a data file as UTF-8.
type textReader struct {
	name    string
	src     *bufio.Reader // the file's bytes
	mode    textMode
	dec     io.Reader // modeDecoded: the converted text
	decName string    // GB18030 or UTF-16, for messages

	buf     []byte // the current chunk: what Read hands out
	pending []byte // the part of buf not yet handed out
	carry   []byte // an incomplete UTF-8 sequence at the end of the last chunk
	eof     bool
	err     error // sticky: io.EOF or a *diag.Error

	line, col int // of the end of what was handed out: lines from 1, characters on the line so far
	// lineEnd is the byte that ends lines: '\n', or '\r' in a file whose
	// first line ends with a lone \r (old Mac Excel's CSV); 0 until the
	// first line end. lastCR tells that what was handed out ends with \r.
	lineEnd byte
	lastCR  bool
	warning *diag.Error
	p       msg.Printer // words the errors and the warning
}

// newTextReader returns a reader of r's text as UTF-8 and refuses what is
// plainly not text (a zip archive, an old Excel workbook) at once.
func newTextReader(p msg.Printer, name string, r io.Reader) (*textReader, error) {
	t := &textReader{p: p, name: name, src: bufio.NewReaderSize(r, chunkSize), line: 1}
	head, _ := t.src.Peek(8)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "binary_file",
			Msg: p.Sprintf(msg.DataZIP)}
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "binary_file",
			Msg: p.Sprintf(msg.DataXLS)}
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		// Excel's "Unicode text": UTF-16 with a byte-order mark.
		t.mode, t.decName = modeDecoded, "UTF-16"
		t.dec = transform.NewReader(t.src, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
		t.warning = &diag.Error{Pos: diag.Pos{File: name}, Code: "encoding",
			Msg: p.Sprintf(msg.DataUTF16)}
	default:
		sample, _ := t.src.Peek(sampleSize)
		if order, ok := utf16NoBOM(sample); ok {
			t.mode, t.decName = modeDecoded, "UTF-16"
			t.dec = transform.NewReader(t.src, unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder())
			t.warning = &diag.Error{Pos: diag.Pos{File: name}, Code: "encoding",
				Msg: p.Sprintf(msg.DataUTF16NoBOM)}
		}
	}
	t.buf = make([]byte, 0, chunkSize+utf8.UTFMax)
	return t, nil
}

// Warning says how the file was converted, or is nil for UTF-8.
func (t *textReader) Warning() *diag.Error { return t.warning }

func (t *textReader) Read(p []byte) (int, error) {
	for len(t.pending) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		t.fill()
	}
	n := copy(p, t.pending)
	t.pending = t.pending[n:]
	return n, nil
}

// fill reads the next chunk into pending, or sets err.
func (t *textReader) fill() {
	if t.eof {
		t.err = io.EOF
		return
	}
	buf := append(t.buf[:0], t.carry...)
	t.carry = t.carry[:0]
	var n int
	var err error
	if t.mode == modeDecoded {
		n, err = t.dec.Read(buf[len(buf):chunkSize])
	} else {
		n, err = t.src.Read(buf[len(buf):chunkSize])
	}
	buf = buf[:len(buf)+n]
	switch {
	case err == io.EOF:
		t.eof = true
	case err != nil:
		t.err = &diag.Error{Pos: diag.Pos{File: t.name, Line: t.line}, Code: "read_error", Msg: t.p.Sprintf(msg.DataReadFailed, err), Err: err}
		return
	}
	if i := bytes.IndexByte(buf, 0); i >= 0 {
		t.fail(buf, i, "binary_file", t.p.Sprintf(msg.DataNUL))
		return
	}
	switch t.mode {
	case modeDecoded:
		if i := bytes.Index(buf, []byte("\uFFFD")); i >= 0 {
			t.fail(buf, i, "bad_encoding", t.p.Sprintf(msg.DataNotValidAs, t.decName, t.decName))
			return
		}
		t.emit(buf)
	case modeUndecided:
		k := firstNonASCII(buf)
		if k < 0 {
			t.emit(buf)
			return
		}
		t.decide(buf, k)
	case modeUTF8:
		t.utf8Chunk(buf, 0)
	}
}

// decide chooses the encoding at the first non-ASCII byte buf[k].
func (t *textReader) decide(buf []byte, k int) {
	sample := buf[k:]
	if len(sample) < sampleSize && !t.eof {
		more, _ := t.src.Peek(sampleSize - len(sample))
		sample = append(sample[:len(sample):len(sample)], more...)
	}
	atEOF := t.eof && len(sample) == len(buf[k:])
	if validUTF8Prefix(sample, atEOF) {
		t.mode = modeUTF8
		t.utf8Chunk(buf, k)
		return
	}
	if validGB18030(sample, atEOF) {
		// The ASCII before k reads the same in both; the rest of the file
		// goes through the decoder.
		t.mode, t.decName = modeDecoded, "GB18030"
		rest := append([]byte(nil), buf[k:]...)
		var tail io.Reader = t.src
		if t.eof {
			tail = bytes.NewReader(nil)
		}
		t.dec = transform.NewReader(io.MultiReader(bytes.NewReader(rest), tail), simplifiedchinese.GB18030.NewDecoder())
		t.eof = false
		t.warning = &diag.Error{Pos: diag.Pos{File: t.name, Line: t.line + bytes.Count(buf[:k], []byte("\n"))}, Code: "encoding",
			Msg: t.p.Sprintf(msg.DataGB18030)}
		t.emit(buf[:k])
		return
	}
	if r, _ := utf8.DecodeRune(sample); r != utf8.RuneError {
		// UTF-8 at first, then not: UTF-8 mode names the byte where the
		// file stops being UTF-8.
		t.mode = modeUTF8
		t.utf8Chunk(buf, k)
		return
	}
	t.fail(buf, k, "bad_encoding", t.p.Sprintf(msg.DataNeitherUTF8, buf[k]))
}

// utf8Chunk hands out buf after checking it is UTF-8 from byte from on,
// keeping an incomplete sequence at the end for the next chunk.
func (t *textReader) utf8Chunk(buf []byte, from int) {
	end := len(buf)
	if !t.eof {
		end = completeRunes(buf)
	}
	if !utf8.Valid(buf[from:end]) {
		i := from
		for i < end {
			r, size := utf8.DecodeRune(buf[i:end])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		t.fail(buf, i, "bad_encoding", t.p.Sprintf(msg.DataMixedUTF8, buf[i]))
		return
	}
	t.carry = append(t.carry, buf[end:]...)
	t.emit(buf[:end])
}

// emit hands out b and moves the position past it.
func (t *textReader) emit(b []byte) {
	if t.lineEnd == 0 {
		t.decideLineEnd(b)
	}
	end := t.lineEnd
	if end == 0 {
		end = '\n'
	}
	if nl := bytes.LastIndexByte(b, end); nl >= 0 {
		t.line += bytes.Count(b, []byte{end})
		t.col = utf8.RuneCount(b[nl+1:])
	} else {
		t.col += utf8.RuneCount(b)
	}
	if len(b) > 0 {
		t.lastCR = b[len(b)-1] == '\r'
	}
	t.pending = b
}

// decideLineEnd sets lineEnd at the first line end, which b, the next
// text handed out, may hold.
func (t *textReader) decideLineEnd(b []byte) {
	if len(b) == 0 {
		return
	}
	if t.lastCR {
		// The text so far ended with the first line end, a \r.
		if b[0] == '\n' {
			t.lineEnd = '\n'
		} else {
			t.lineEnd = '\r'
			t.line, t.col = t.line+1, 0
		}
		return
	}
	switch i := bytes.IndexAny(b, "\r\n"); {
	case i < 0:
	case b[i] == '\n':
		t.lineEnd = '\n'
	case i+1 < len(b) && b[i+1] == '\n':
		t.lineEnd = '\n'
	case i+1 < len(b):
		t.lineEnd = '\r'
	}
}

// fail hands out buf up to i and then stops with an error at i.
func (t *textReader) fail(buf []byte, i int, code, msg string) {
	t.emit(buf[:i])
	t.err = &diag.Error{Pos: diag.Pos{File: t.name, Line: t.line, Col: t.col + 1}, Code: code, Msg: msg}
	t.pending = nil // what came before is of no use: the file is refused
}

// utf16NoBOM reports whether b, the start of a file, is UTF-16 text
// without a byte-order mark, and in which byte order. Text in UTF-16 that
// is a quarter or more ASCII (digits, commas, ids: any CSV of reported
// data) has a NUL as the high byte of each of those characters, so every
// other byte is NUL; binary data has NULs anywhere. The sample must also
// decode to text: no NUL character, no control character other than tab
// and line breaks, no unpaired surrogate.
func utf16NoBOM(b []byte) (unicode.Endianness, bool) {
	n := len(b) &^ 1
	if n < 4 {
		return unicode.LittleEndian, false
	}
	var zeroHigh, zeroLow int // characters whose second or first byte is NUL
	for i := 0; i < n; i += 2 {
		switch {
		case b[i] == 0 && b[i+1] == 0:
			return unicode.LittleEndian, false
		case b[i+1] == 0:
			zeroHigh++
		case b[i] == 0:
			zeroLow++
		}
	}
	chars := n / 2
	var order unicode.Endianness
	switch {
	case 4*zeroHigh >= chars && zeroLow < zeroHigh/8+1:
		order = unicode.LittleEndian
	case 4*zeroLow >= chars && zeroHigh < zeroLow/8+1:
		order = unicode.BigEndian
	default:
		return unicode.LittleEndian, false
	}
	for i := 0; i < n; i += 2 {
		r := rune(b[i]) | rune(b[i+1])<<8
		if order == unicode.BigEndian {
			r = rune(b[i])<<8 | rune(b[i+1])
		}
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return unicode.LittleEndian, false
		case r >= 0xD800 && r < 0xDC00: // a high surrogate: a low one follows
			if i+2 >= n {
				return order, true // cut by the end of the sample
			}
			lo := rune(b[i+2]) | rune(b[i+3])<<8
			if order == unicode.BigEndian {
				lo = rune(b[i+2])<<8 | rune(b[i+3])
			}
			if lo < 0xDC00 || lo >= 0xE000 {
				return unicode.LittleEndian, false
			}
			i += 2
		case r >= 0xDC00 && r < 0xE000:
			return unicode.LittleEndian, false
		}
	}
	return order, true
}

func firstNonASCII(b []byte) int {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// completeRunes returns the length of b without an incomplete UTF-8
// sequence at its end.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}

// validUTF8Prefix reports whether b is UTF-8, allowing an incomplete last
// sequence when more follows.
func validUTF8Prefix(b []byte, atEOF bool) bool {
	if !atEOF {
		b = b[:completeRunes(b)]
	}
	return utf8.Valid(b)
}

// validGB18030 reports whether b decodes as GB18030 without a replacement
// character, a NUL or a control character other than tab and line breaks,
// allowing an incomplete last character when more follows.
func validGB18030(b []byte, atEOF bool) bool {
	dst := make([]byte, 4*len(b)+16)
	nDst, _, err := simplifiedchinese.GB18030.NewDecoder().Transform(dst, b, atEOF)
	if err != nil && err != transform.ErrShortSrc {
		return false
	}
	for _, r := range string(dst[:nDst]) {
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}
