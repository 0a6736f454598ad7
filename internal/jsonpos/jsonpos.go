// Package jsonpos reads JSON a token at a time with the line and column
// where each token starts, holding one token (not the document) in memory,
// and finds duplicate keys, which encoding/json lets the last one win.
//
// encoding/json's Decoder streams tokens but says where only as a byte
// offset, and for an error inside a value (a bad literal, a control
// character in a string) not even that. The decoder here reads through a
// window that keeps the bytes from the last position asked for, so that any
// later offset turns into a line and column, and an error inside a value
// can be found again by scanning that value alone.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/diag"
)

// MaxToken bounds the bytes of one token (a string, a number) and of a
// value skipped whole: a file is refused past it rather than exhausting
// memory. JSON Lines allows lines of the same length.
const MaxToken = 16 << 20

// snippetKeep is how much of the current line, before the last position,
// is kept to print with an error: a minified file is one line of many
// megabytes, and the snippet shows only a window around the caret anyway.
const snippetKeep = 4 << 10

// Decoder reads the tokens of one JSON value, as encoding/json's Decoder
// with UseNumber: numbers are json.Number, so that a number no float64
// holds is the reader's to judge, not a syntax error.
type Decoder struct {
	name  string
	dec   *json.Decoder
	w     *window
	depth int
}

// NewDecoder returns a decoder of r, a file called name; a UTF-8
// byte-order mark at its start is skipped. Positions count from line 1.
func NewDecoder(name string, r io.Reader) *Decoder { return NewDecoderAt(name, r, 1) }

// NewDecoderAt is NewDecoder for text that starts on line line of the file
// (a line of JSON Lines).
func NewDecoderAt(name string, r io.Reader, line int) *Decoder {
	w := &window{r: r, line: line, lineAt: 0, bom: true}
	dec := json.NewDecoder(w)
	dec.UseNumber()
	return &Decoder{name: name, dec: dec, w: w}
}

// Token returns the next token, as encoding/json's Decoder.Token does, and
// where it starts. At the end of the input it returns io.EOF if the value
// is complete, else an error; every error is a *diag.Error of code
// json_syntax (or read_error) with its position.
func (d *Decoder) Token() (json.Token, diag.Pos, error) {
	from := d.dec.InputOffset()
	t, err := d.dec.Token()
	if err != nil {
		return nil, diag.Pos{}, d.fail(from, err)
	}
	d.w.seek(from)
	d.w.skipSeparators()
	p := d.pos()
	switch t {
	case json.Delim('['), json.Delim('{'):
		d.depth++
	case json.Delim(']'), json.Delim('}'):
		d.depth--
	}
	return t, p, nil
}

func (d *Decoder) pos() diag.Pos {
	return diag.Pos{File: d.name, Line: d.w.line, Col: d.w.col + 1}
}

// Skip reads the rest of the list or object whose opening token Token just
// returned, and returns its text as written.
func (d *Decoder) Skip() (string, error) {
	start := d.w.off + int64(d.w.at) // Token left the position at the opening bracket
	for depth := 1; depth > 0; {
		from := d.dec.InputOffset()
		t, err := d.dec.Token()
		if err != nil {
			return "", d.fail(from, err)
		}
		switch t {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	d.depth--
	return string(d.w.buf[start-d.w.off : d.dec.InputOffset()-d.w.off]), nil
}

// End reports an error unless the input holds nothing more after the value
// read.
func (d *Decoder) End() error {
	_, p, err := d.Token()
	switch {
	case err == io.EOF:
		return nil
	case err != nil:
		return err
	}
	// As json.Unmarshal words it.
	r, _ := utf8.DecodeRune(d.w.buf[d.w.at:])
	return &diag.Error{Pos: p, Code: "json_syntax", Snippet: d.w.snippet(),
		Msg: fmt.Sprintf("invalid character %s after top-level value", strconv.QuoteRune(r))}
}

// fail turns an error of the decoder, which read from offset from, into
// a positioned error.
func (d *Decoder) fail(from int64, err error) error {
	var tl *tooLong
	if errors.As(err, &tl) {
		d.w.seek(from)
		d.w.skipSeparators()
		return &diag.Error{Pos: d.pos(), Code: "read_error", Err: err,
			Msg: fmt.Sprintf("a single value is longer than %d MiB: split the data, or give long texts in a CSV or XLSX file", MaxToken>>20)}
	}
	var se *json.SyntaxError
	switch {
	case err == io.EOF && d.depth == 0 && d.w.blank(from):
		return io.EOF
	case err == io.EOF, err == io.ErrUnexpectedEOF:
		// The end of the text: point just past its last character.
		d.w.seek(from)
		d.w.seek(d.w.off + int64(d.w.lastNonSpace()))
		return &diag.Error{Pos: d.pos(), Code: "json_syntax", Msg: "unexpected end of JSON input", Snippet: d.w.snippet(), Err: err}
	case errors.As(err, &se):
		d.w.seek(from)
		at := d.dec.InputOffset()
		if se.Offset != at || strings.Contains(se.Error(), " in ") {
			// An error inside a value, at offset at: its Offset counts
			// only the bytes of values read so far, so scan the value
			// alone again to find the character.
			at += d.w.errorIn(at)
		}
		d.w.seek(at)
		return &diag.Error{Pos: d.pos(), Code: "json_syntax", Msg: d.w.charMessage(se.Error()), Snippet: d.w.snippet(), Err: err}
	}
	d.w.seek(from)
	return &diag.Error{Pos: d.pos(), Code: "read_error", Msg: err.Error(), Err: err}
}

// window is the reader under the json.Decoder: it keeps what it handed out
// from the last position asked for (and some of that position's line), and
// counts lines and characters up to that position.
type window struct {
	r   io.Reader
	buf []byte // bytes from file offset off on
	off int64
	at  int // index in buf of the position line:col
	// line from 1; col counts the characters before at on its line;
	// lineAt is the index in buf where that line starts, -1 when it is no
	// longer kept.
	line, col, lineAt int
	bom               bool // a byte-order mark may still come
	err               error
}

// tooLong is the error of a token longer than MaxToken.
type tooLong struct{}

func (*tooLong) Error() string { return "value too long" }

func (w *window) Read(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if len(w.buf)-w.at > MaxToken {
		w.err = &tooLong{}
		return 0, w.err
	}
	// Drop what is behind the position, keeping the start of its line
	// when it is near.
	keep := w.at
	if w.lineAt >= 0 && w.at-w.lineAt <= snippetKeep {
		keep = w.lineAt
	} else {
		w.lineAt = -1
	}
	if keep > 0 && len(w.buf)+len(p) > cap(w.buf) {
		n := copy(w.buf, w.buf[keep:])
		w.buf = w.buf[:n]
		w.off += int64(keep)
		w.at -= keep
		if w.lineAt >= 0 {
			w.lineAt -= keep
		}
	}
	var n int
	var err error
	if w.bom {
		// The decoder never sees the mark: offsets and columns count
		// from the text after it.
		w.bom = false
		n, err = io.ReadAtLeast(w.r, p, min(3, len(p)))
		if err == io.ErrUnexpectedEOF {
			err = nil // fewer than 3 bytes: the next read says EOF
		}
		if bytes.HasPrefix(p[:n], []byte("\ufeff")) {
			n = copy(p, p[3:n])
		}
	} else {
		n, err = w.r.Read(p)
	}
	w.buf = append(w.buf, p[:n]...)
	return n, err
}

// seek moves the position to file offset off, counting the lines and
// characters passed; off never goes back.
func (w *window) seek(off int64) {
	k := min(max(int(off-w.off), w.at), len(w.buf))
	for i := w.at; i < k; {
		c := w.buf[i]
		switch {
		case c == '\n':
			w.line++
			w.col = 0
			w.lineAt = i + 1
			i++
		case c < utf8.RuneSelf:
			w.col++
			i++
		default:
			// A byte that is not UTF-8 counts as a character, as an
			// editor shows it.
			_, size := utf8.DecodeRune(w.buf[i:k])
			w.col++
			i += size
		}
	}
	w.at = k
}

// skipSeparators moves the position past white space, commas and colons:
// from the end of one token to the start of the next.
func (w *window) skipSeparators() {
	i := w.at
	for i < len(w.buf) {
		switch w.buf[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	w.seek(w.off + int64(i))
}

// blank reports whether nothing but white space follows offset from.
func (w *window) blank(from int64) bool {
	return len(bytes.TrimSpace(w.buf[min(max(int(from-w.off), 0), len(w.buf)):])) == 0
}

// lastNonSpace returns the index in buf just past the last character that
// is not white space, at or after the position.
func (w *window) lastNonSpace() int {
	return w.at + len(bytes.TrimRight(w.buf[w.at:], " \t\r\n"))
}

// errorIn returns how far into the value at file offset off its syntax
// error is, found by scanning the value alone.
func (w *window) errorIn(off int64) int64 {
	start := int(off - w.off)
	if start < 0 || start > len(w.buf) {
		return 0
	}
	var se *json.SyntaxError
	if err := json.Unmarshal(w.buf[start:], new(json.RawMessage)); errors.As(err, &se) && se.Offset > 0 {
		// Offset counts the bytes read up to and including the bad one.
		return se.Offset - 1
	}
	return 0
}

// charMessage names the character at the position in msg, an error of
// encoding/json, which quotes only the first byte of a character that is
// not ASCII ('ä' for 中).
func (w *window) charMessage(msg string) string {
	if w.at >= len(w.buf) || w.buf[w.at] < utf8.RuneSelf {
		return msg
	}
	r, _ := utf8.DecodeRune(w.buf[w.at:])
	return strings.Replace(msg, "'"+string(rune(w.buf[w.at]))+"'", strconv.QuoteRune(r), 1)
}

// snippet returns the line of the position as far as it is kept.
func (w *window) snippet() string {
	if w.lineAt < 0 {
		return ""
	}
	line := w.buf[w.lineAt:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSuffix(string(line), "\r")
}

// CheckKeys reads the JSON document r (a file called name) and reports its
// first duplicate key, with the positions of both, or its first syntax
// error. With fold, keys that differ only in case are duplicates too, for
// readers that ignore case (viper).
func CheckKeys(name string, r io.Reader, fold bool) error {
	d := NewDecoder(name, r)
	type object struct {
		seen      map[string]Key
		expectKey bool
	}
	var stack []*object // nil for a list
	// A value ended: its object, if any, expects a key again.
	valueEnded := func() {
		if n := len(stack); n > 0 && stack[n-1] != nil {
			stack[n-1].expectKey = true
		}
	}
	for {
		t, p, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.expectKey {
			if t == json.Delim('}') {
				stack = stack[:len(stack)-1]
				valueEnded()
				continue
			}
			k := t.(string) // the decoder allows nothing else here
			id := k
			if fold {
				id = strings.ToLower(k)
			}
			if prev, dup := top.seen[id]; dup {
				e := DuplicateKey(p, k, prev)
				e.Snippet = d.w.snippet()
				return e
			}
			top.seen[id] = Key{Name: k, Pos: p}
			top.expectKey = false
			continue
		}
		switch t {
		case json.Delim('{'):
			stack = append(stack, &object{seen: map[string]Key{}, expectKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, nil)
			continue
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		valueEnded()
	}
}

// Key is a key as written and where.
type Key struct {
	Name string
	Pos  diag.Pos
}

// DuplicateKey is the error of key name at pos, which means the same as
// the earlier key prev: the same key written twice, or (in data) an
// input's id and its label.
func DuplicateKey(pos diag.Pos, name string, prev Key) *diag.Error {
	msg := fmt.Sprintf("duplicate key %q (first at line %d, column %d): keep one", name, prev.Pos.Line, prev.Pos.Col)
	if prev.Name != name {
		msg = fmt.Sprintf("key %q means the same as %q (line %d, column %d): keep one", name, prev.Name, prev.Pos.Line, prev.Pos.Col)
	}
	return &diag.Error{Pos: pos, Code: "duplicate_key", Field: name, Msg: msg}
}
