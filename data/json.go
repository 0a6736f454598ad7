package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/jsonpos"
	"github.com/jixiao/jixiao/internal/msg"
)

// jsonUnits reads units from JSON tokens: the items of a .json list, or
// the lines of JSON Lines, one token at a time, so that neither holds more
// than a unit.
type jsonUnits struct {
	name     string
	s        *Schema
	given    unitKeys // the keys the unit being read gave
	warnings []*diag.Error
	// lines: JSON Lines, whose cell errors and warnings name the line
	// only (a line is a unit); syntax errors and duplicate keys name the
	// column too.
	lines bool
	// Every key the units gave, in the order first seen, with what it
	// means: their union stands for a header, checked after the last unit
	// (see Schema.checkInputs).
	keys   map[string]int // key → index in cols and fields
	cols   []column
	fields []field
	units  int
	stop   error // a key that stops the file: every unit giving it would be misread
}

func newJSONUnits(name string, s *Schema, lines bool) jsonUnits {
	return jsonUnits{name: name, s: s, given: unitKeys{}, lines: lines, keys: map[string]int{}}
}

// at is the position given for a cell, a key or a unit at p.
func (j *jsonUnits) at(p diag.Pos) diag.Pos {
	if j.lines {
		p.Col = 0
	}
	return p
}

// field resolves key, once per distinct key, and notes it among the keys
// the units gave.
func (j *jsonUnits) field(key string, pos diag.Pos) field {
	if k, ok := j.keys[key]; ok {
		return j.fields[k]
	}
	f := j.s.resolve(key)
	j.keys[key] = len(j.fields)
	j.cols = append(j.cols, column{name: f.name, where: j.s.p.Sprintf(msg.DataWhereLine, pos.Line), pos: pos})
	j.fields = append(j.fields, f)
	if f.kind == fieldUnknown {
		j.warnings = append(j.warnings, j.s.unknownFieldWarning(f, pos))
	}
	return f
}

// check checks, after the last unit, that the keys the units gave name
// every input the ruleset reads. The output is written only after every
// unit is read, so an error here still writes nothing.
func (j *jsonUnits) check() error {
	if j.units == 0 {
		return nil // no units: said when they are counted
	}
	w, err := j.s.checkInputs(diag.Pos{File: j.name}, msg.DataKey, j.cols, j.fields)
	j.warnings = append(j.warnings, w...)
	return err
}

// unit reads the object whose { the decoder returned at pos. An error is
// the decoder's: the text cannot be read further.
func (j *jsonUnits) unit(d *jsonpos.Decoder, pos diag.Pos) (*indicators.Unit, error) {
	u := j.s.newUnit(j.at(pos))
	clear(j.given)
	for {
		t, kpos, err := d.Token()
		if err != nil {
			return nil, err
		}
		if t == json.Delim('}') {
			j.units++
			return &u, nil
		}
		k := t.(string) // the decoder allows only a string or } here
		switch {
		case k == "unit" || k == "name":
			f := field{kind: fieldUnit, name: k}
			if k == "name" {
				f.kind = fieldName
			}
			v, vpos, err := d.Token()
			if err != nil {
				return nil, err
			}
			fresh := j.given.add(j.s, &u, f.meaning(), &f, kpos)
			switch v := v.(type) {
			case string:
				if fresh {
					j.s.setText(&u, &f, v, j.at(vpos))
				}
				continue
			case json.Number:
				if fresh {
					j.s.setText(&u, &f, string(v), j.at(vpos))
				}
				continue
			case nil:
				continue // no id (said by the id check) or no name
			}
			if _, err := skip(d, v); err != nil {
				return nil, err
			}
			if fresh {
				j.bad(&u, vpos, k, msg.DataWantText)
			}
		case k == "data":
			v, vpos, err := d.Token()
			if err != nil {
				return nil, err
			}
			fresh := j.given.add(j.s, &u, dataKey, &field{name: k}, kpos)
			if v != json.Delim('{') || !fresh {
				if _, err := skip(d, v); err != nil {
					return nil, err
				}
				if fresh {
					j.bad(&u, vpos, "data", msg.DataWantObject)
				}
				continue
			}
			if err := j.object(&u, d, ""); err != nil {
				return nil, err
			}
		case claimKey(k):
			// claimed.* and reason.* may stand beside data as well.
			if err := j.set(&u, d, k, kpos); err != nil {
				return nil, err
			}
		default:
			j.bad(&u, kpos, k, msg.DataUnknownKey)
			v, _, err := d.Token()
			if err == nil {
				_, err = skip(d, v)
			}
			if err != nil {
				return nil, err
			}
		}
	}
}

// object reads the keys of an object whose { was just read, up to its },
// as data keys, prefixed with prefix.
func (j *jsonUnits) object(u *indicators.Unit, d *jsonpos.Decoder, prefix string) error {
	for {
		t, kpos, err := d.Token()
		if err != nil {
			return err
		}
		if t == json.Delim('}') {
			return nil
		}
		if err := j.set(u, d, prefix+t.(string), kpos); err != nil {
			return err
		}
	}
}

// set reads the value of data key key, given at kpos, into u. A claimed
// or reason object ({"claimed": {"score": 95}}) stands for its dotted keys.
func (j *jsonUnits) set(u *indicators.Unit, d *jsonpos.Decoder, key string, kpos diag.Pos) error {
	t, vpos, err := d.Token()
	if err != nil {
		return err
	}
	if nestedClaims(key) && t == json.Delim('{') {
		return j.object(u, d, key+".")
	}
	f := j.field(key, j.at(kpos))
	if f.kind == fieldWrongUnit {
		j.stop = j.s.wrongUnit(&f, msg.DataKey, j.at(kpos))
		return j.stop
	}
	if !j.given.add(j.s, u, f.meaning(), &f, kpos) || f.kind == fieldUnknown {
		_, err := skip(d, t)
		return err
	}
	pos := j.at(vpos)
	var val any
	raw := ""
	switch v := t.(type) {
	case nil:
		// absent: stays missing
	case json.Number:
		// The decoder checked the syntax; setKeyed says a number too
		// large for a float64 (1e400, 400 digits) is out of range.
		val, raw = v, string(v)
	case string:
		val = v
	case bool:
		raw = strconv.FormatBool(v)
		val = found(raw)
	case json.Delim:
		var err error
		if raw, err = skip(d, t); err != nil {
			return err
		}
		raw = diag.Head(raw)
		val = found(raw)
	}
	j.s.setKeyed(u, &f, val, raw, pos)
	return nil
}

func (j *jsonUnits) bad(u *indicators.Unit, p diag.Pos, fieldName string, c msg.Code) {
	u.Errors = append(u.Errors, &diag.Error{Pos: j.at(p), Code: "type_mismatch", Field: fieldName, Msg: j.s.p.Sprintf(c, fieldName)})
}

// skip reads the rest of a list or object whose opening token t was just
// read, and returns its text; for any other token it returns "".
func skip(d *jsonpos.Decoder, t json.Token) (string, error) {
	if t == json.Delim('{') || t == json.Delim('[') {
		return d.Skip()
	}
	return "", nil
}

// kindOf names the kind of JSON value a token starts: a word of the
// catalogue, or the value (true, false).
func kindOf(t json.Token) any {
	switch t := t.(type) {
	case json.Delim:
		if t == '{' {
			return msg.DataAnObject
		}
		return msg.DataAList
	case string:
		return msg.DataAText
	case json.Number:
		return msg.DataANumber
	case nil:
		return msg.DataNull
	}
	return fmt.Sprint(t)
}

// jsonSource reads a .json list of {unit, name, data}, or an object whose
// units key holds it, a unit at a time.
type jsonSource struct {
	jsonUnits
	d      *jsonpos.Decoder
	object bool     // the list is the value of the units key of an object
	root   unitKeys // the keys of that object
	done   bool     // after the list
}

func newJSON(name string, r io.Reader, s *Schema) (Source, error) {
	j := &jsonSource{jsonUnits: newJSONUnits(name, s, false), d: jsonpos.NewDecoder(name, r), root: unitKeys{}}
	t, pos, err := j.d.Token()
	switch {
	case err == io.EOF:
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: s.p.Sprintf(msg.DataEmptyKeyed)}
	case err != nil:
		return nil, jsonFileError(s.p, err)
	case t == json.Delim('['):
		return j, nil
	case t != json.Delim('{'):
		return nil, &diag.Error{Pos: pos, Code: "type_mismatch", Msg: s.p.Sprintf(msg.DataWantList)}
	}
	// An object: its units key holds the list; its other keys (a title,
	// a year) are not read.
	j.object = true
	for {
		t, kpos, err := j.d.Token()
		if err != nil {
			return nil, jsonFileError(j.s.p, err)
		}
		if t == json.Delim('}') {
			return nil, &diag.Error{Pos: pos, Code: "type_mismatch", Msg: s.p.Sprintf(msg.DataWantList)}
		}
		k := t.(string)
		if err := j.root.root(s.p, k, kpos); err != nil {
			return nil, err
		}
		v, vpos, err := j.d.Token()
		if err != nil {
			return nil, jsonFileError(j.s.p, err)
		}
		if k == "units" {
			if v != json.Delim('[') {
				return nil, &diag.Error{Pos: vpos, Code: "type_mismatch", Msg: s.p.Sprintf(msg.DataWantList)}
			}
			return j, nil
		}
		if _, err := skip(j.d, v); err != nil {
			return nil, jsonFileError(j.s.p, err)
		}
	}
}

func (j *jsonSource) Next() (*indicators.Unit, error) {
	if j.done {
		return nil, io.EOF
	}
	t, pos, err := j.d.Token()
	if err != nil {
		return nil, jsonFileError(j.s.p, err)
	}
	switch t {
	case json.Delim('{'):
		return j.unit(j.d, pos)
	case json.Delim(']'):
		j.done = true
		if err := j.end(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	if _, err := skip(j.d, t); err != nil {
		return nil, jsonFileError(j.s.p, err)
	}
	u := j.s.newUnit(pos)
	u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "not_a_unit", Msg: j.s.p.Sprintf(msg.DataJSONNotUnit, kindOf(t))})
	return &u, nil
}

// unit reads a unit of the list; an error stops the file.
func (j *jsonSource) unit(d *jsonpos.Decoder, pos diag.Pos) (*indicators.Unit, error) {
	u, err := j.jsonUnits.unit(d, pos)
	if err != nil {
		return nil, jsonFileError(j.s.p, err)
	}
	return u, nil
}

// end reads what follows the list: the rest of the object around it, then
// nothing.
func (j *jsonSource) end() error {
	for j.object {
		t, kpos, err := j.d.Token()
		if err != nil {
			return jsonFileError(j.s.p, err)
		}
		if t == json.Delim('}') {
			break
		}
		if err := j.root.root(j.s.p, t.(string), kpos); err != nil {
			return err
		}
		v, _, err := j.d.Token()
		if err == nil {
			_, err = skip(j.d, v)
		}
		if err != nil {
			return jsonFileError(j.s.p, err)
		}
	}
	if err := j.d.End(); err != nil {
		return jsonFileError(j.s.p, err)
	}
	return j.check()
}

// jsonFileError says an error of the decoder in JSON's terms: the
// decoder's own text after a lead-in.
func jsonFileError(p msg.Printer, err error) error {
	var de *diag.Error
	if errors.As(err, &de) && de.Code == "json_syntax" {
		e := *de
		e.Msg = p.Sprintf(msg.DataJSON, de.Msg)
		return &e
	}
	return err
}

func (j *jsonSource) Warnings() []*diag.Error { return j.warnings }
func (j *jsonSource) SHA256() string          { return "" }
func (j *jsonSource) Close() error            { return nil }

// jsonlSource reads JSON Lines: one {unit, name, data} object per line. A
// line that is not one fails as a unit, and the next line is read.
type jsonlSource struct {
	jsonUnits
	sc      *bufio.Scanner
	line    int
	checked bool // the keys, after the last unit
}

func newJSONL(name string, r io.Reader, s *Schema) (Source, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), jsonpos.MaxToken)
	return &jsonlSource{jsonUnits: newJSONUnits(name, s, true), sc: sc}, nil
}

func (j *jsonlSource) Next() (*indicators.Unit, error) {
	for j.sc.Scan() {
		j.line++
		text := j.sc.Bytes()
		if len(bytes.TrimSpace(bytes.TrimPrefix(text, []byte("\ufeff")))) == 0 {
			continue
		}
		d := jsonpos.NewDecoderAt(j.name, bytes.NewReader(text), j.line)
		t, pos, err := d.Token()
		if err == nil && t != json.Delim('{') {
			err = &diag.Error{Pos: pos, Code: "json_syntax", Msg: j.s.p.Sprintf(msg.DataFound, kindOf(t))}
		}
		var u *indicators.Unit
		if err == nil {
			u, err = j.unit(d, pos)
		}
		if err == nil {
			err = d.End()
		}
		if j.stop != nil {
			return nil, j.stop
		}
		if err != nil {
			// The line cannot be read: it is a unit with only this error.
			bad := j.s.newUnit(diag.Pos{File: j.name, Line: j.line})
			e := &diag.Error{Pos: diag.Pos{File: j.name, Line: j.line}, Code: "json_syntax", Msg: j.s.p.Sprintf(msg.DataJSONLineNot, err.Error()), Err: err}
			var de *diag.Error
			if errors.As(err, &de) {
				e.Pos, e.Msg = de.Pos, j.s.p.Sprintf(msg.DataJSONLineNot, de.Msg)
			}
			bad.Errors = append(bad.Errors, e)
			return &bad, nil
		}
		return u, nil
	}
	if err := j.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &diag.Error{Pos: diag.Pos{File: j.name, Line: j.line + 1}, Code: "read_error", Err: err,
				Msg: j.s.p.Sprintf(msg.DataJSONLineLong)}
		}
		return nil, readError(j.s.p, j.name, j.line+1, err)
	}
	if !j.checked {
		j.checked = true
		if err := j.check(); err != nil {
			return nil, err
		}
	}
	return nil, io.EOF
}

func (j *jsonlSource) Warnings() []*diag.Error { return j.warnings }
func (j *jsonlSource) SHA256() string          { return "" }
func (j *jsonlSource) Close() error            { return nil }
