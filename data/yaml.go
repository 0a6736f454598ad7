package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// yamlSource reads a YAML or JSON list of {unit, name, data: {...}}.
// The whole document is parsed first: use JSON Lines for streaming.
type yamlSource struct {
	name     string
	s        *Schema
	items    []*yaml.Node
	next     int
	warnings []*diag.Error
	warned   map[string]bool
	given    map[string]field // by meaning, the fields the unit being read gave
}

func newYAML(name string, r io.Reader, s *Schema) (Source, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, readError(name, 0, err)
	}
	if strings.TrimSpace(string(src)) == "" {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: "the data file is empty: want a list of {unit, name, data}"}
	}
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		// JSON is read with yaml.v3 for its line numbers, but a .json
		// file must be JSON, and its errors are said in JSON's terms.
		var v any
		if err := json.Unmarshal(src, &v); err != nil {
			return nil, jsonError(name, src, err)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, diag.YAML(name, src, err)
	}
	if len(doc.Content) == 0 {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: "the data file holds no document"}
	}
	root := doc.Content[0]
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "units" {
				root = root.Content[i+1]
				break
			}
		}
	}
	if root.Kind != yaml.SequenceNode {
		return nil, &diag.Error{Pos: diag.Pos{File: name, Line: root.Line, Col: root.Column}, Code: "type_mismatch",
			Msg: "want a list of units, each {unit, name, data: {input: value}}"}
	}
	y := &yamlSource{name: name, s: s, items: root.Content, warned: map[string]bool{}, given: map[string]field{}}
	if err := y.checkKeys(root); err != nil {
		return nil, err
	}
	return y, nil
}

// checkKeys checks the data keys of the units, their union standing for a
// CSV file's header (see Schema.checkInputs): the whole document is read
// already, so an input no unit gives stops the file before any unit is.
func (y *yamlSource) checkKeys(root *yaml.Node) error {
	var cols []column
	var fields []field
	var errs diag.List
	seen := map[string]bool{}
	units := 0
	for _, item := range y.items {
		if item.Kind != yaml.MappingNode {
			continue
		}
		units++
		for i := 0; i+1 < len(item.Content); i += 2 {
			if k, v := item.Content[i], item.Content[i+1]; k.Value == "data" && v.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(v.Content); j += 2 {
					key := v.Content[j]
					if nestedClaims(key.Value) || seen[key.Value] {
						continue
					}
					seen[key.Value] = true
					f := y.s.resolve(key.Value)
					if f.kind == fieldWrongUnit {
						errs.Add(y.s.wrongUnit(&f, "key", y.pos(key)))
					}
					cols = append(cols, column{name: f.name, where: fmt.Sprintf("line %d", key.Line), pos: y.pos(key)})
					fields = append(fields, f)
				}
			}
		}
	}
	if len(errs) > 0 {
		return oneOrList(errs)
	}
	if units == 0 {
		return nil // no units: said when they are counted
	}
	w, err := y.s.checkInputs(diag.Pos{File: y.name, Line: root.Line}, "key", cols, fields)
	y.warnings = append(y.warnings, w...)
	return err
}

// jsonError positions an error of encoding/json in src.
func jsonError(name string, src []byte, err error) *diag.Error {
	d := &diag.Error{Pos: diag.Pos{File: name}, Code: "json_syntax", Msg: "json: " + err.Error(), Err: err}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		d.Pos.Line, d.Pos.Col = offsetPos(src, se)
		d.Snippet = diag.LineOf(src, d.Pos.Line)
	}
	return d
}

// offsetPos returns the line and column of a JSON syntax error in src:
// the byte just before the error's Offset, or the place after the last
// character when the input ended too early.
func offsetPos(src []byte, se *json.SyntaxError) (line, col int) {
	at := min(int(se.Offset), len(src)) - 1
	if strings.Contains(se.Error(), "unexpected end") {
		at = len(src)
	}
	at = max(at, 0)
	line = 1 + bytes.Count(src[:at], []byte("\n"))
	start := bytes.LastIndexByte(src[:at], '\n') + 1
	return line, utf8.RuneCount(src[start:at]) + 1
}

func (y *yamlSource) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: y.name, Line: n.Line, Col: n.Column}
}

func (y *yamlSource) Next() (*indicators.Unit, error) {
	if y.next >= len(y.items) {
		return nil, io.EOF
	}
	item := y.items[y.next]
	y.next++
	u := y.s.newUnit(y.pos(item))
	clear(y.given)
	if item.Kind != yaml.MappingNode {
		u.Errors = append(u.Errors, &diag.Error{Pos: y.pos(item), Code: "not_a_unit", Msg: "a unit must be a mapping {unit, name, data}"})
		return &u, nil
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		switch k.Value {
		case "unit", "name":
			f := field{kind: fieldUnit, name: k.Value}
			if k.Value == "name" {
				f.kind = fieldName
			}
			if v.Kind != yaml.ScalarNode {
				y.bad(&u, v, k.Value, "want text")
				continue
			}
			y.s.setText(&u, &f, v.Value, y.pos(v))
		case "data":
			if v.Kind != yaml.MappingNode {
				y.bad(&u, v, "data", "want a mapping of input to value")
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				y.set(&u, v.Content[j], v.Content[j+1])
			}
		default:
			// claimed.* and reason.* may stand beside data as well.
			if claimKey(k.Value) {
				y.set(&u, k, v)
				continue
			}
			y.bad(&u, k, k.Value, "unknown key: want unit, name, data")
		}
	}
	return &u, nil
}

func (y *yamlSource) bad(u *indicators.Unit, n *yaml.Node, fieldName, msg string) {
	u.Errors = append(u.Errors, &diag.Error{Pos: y.pos(n), Code: "type_mismatch", Field: fieldName, Msg: fmt.Sprintf("%s: %s", fieldName, msg)})
}

// set stores one data key of a unit. A claimed or reason mapping
// ({claimed: {score: 95, execution: 9}}) stands for its dotted keys.
func (y *yamlSource) set(u *indicators.Unit, k, v *yaml.Node) {
	if nestedClaims(k.Value) && v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			sub := *v.Content[i]
			sub.Value = k.Value + "." + sub.Value
			y.set(u, &sub, v.Content[i+1])
		}
		return
	}
	f := y.s.resolve(k.Value)
	if f.kind == fieldUnknown {
		if !y.warned[f.name] {
			y.warned[f.name] = true
			y.warnings = append(y.warnings, y.s.unknownFieldWarning(f, y.pos(k)))
		}
		return
	}
	if prev, dup := y.given[f.meaning()]; dup {
		u.Errors = append(u.Errors, y.s.duplicateKey(&prev, &f, y.pos(k)))
		return
	}
	y.given[f.meaning()] = f
	pos := y.pos(v)
	switch {
	case v.Kind != yaml.ScalarNode:
		y.s.cellError(u, &f, "", pos, fmt.Errorf("want a number or text, found a %s", map[yaml.Kind]string{yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}[v.Kind]))
	case v.Tag == "!!null":
		// absent: stays missing
	case v.Tag == "!!int" || v.Tag == "!!float":
		x, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		if err != nil {
			y.s.cellError(u, &f, v.Value, pos, fmt.Errorf("%w: %q", indicators.ErrNotNumber, v.Value))
			return
		}
		y.s.setNumber(u, &f, x, v.Value, pos)
	case v.Tag == "!!bool":
		y.s.cellError(u, &f, v.Value, pos, fmt.Errorf("want a number or text, found %s", v.Value))
	default:
		y.s.setText(u, &f, v.Value, pos)
	}
}

func (y *yamlSource) Warnings() []*diag.Error { return y.warnings }
func (y *yamlSource) SHA256() string          { return "" }
func (y *yamlSource) Close() error            { return nil }

// jsonlSource reads JSON Lines: one {unit, name, data} object per line.
type jsonlSource struct {
	name     string
	s        *Schema
	sc       *bufio.Scanner
	line     int
	warnings []*diag.Error
	// Every key the units gave, in the order first seen, with what it
	// means: their union stands for a header, checked at the end.
	keys    map[string]int // key → index in cols and fields
	cols    []column
	fields  []field
	units   int
	checked bool
	given   map[string]field // by meaning, the fields the unit being read gave
}

func newJSONL(name string, r io.Reader, s *Schema) (Source, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	return &jsonlSource{name: name, s: s, sc: sc, keys: map[string]int{}, given: map[string]field{}}, nil
}

type jsonUnit struct {
	Unit json.RawMessage            `json:"unit"`
	Name json.RawMessage            `json:"name"`
	Data map[string]json.RawMessage `json:"data"`
}

func (j *jsonlSource) Next() (*indicators.Unit, error) {
	for j.sc.Scan() {
		j.line++
		text := strings.TrimSpace(j.sc.Text())
		if j.line == 1 {
			text = stripBOM(text)
		}
		if text == "" {
			continue
		}
		pos := diag.Pos{File: j.name, Line: j.line}
		u := j.s.newUnit(pos)
		clear(j.given)
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(text), &raw); err != nil {
			e := &diag.Error{Pos: pos, Code: "json_syntax", Msg: fmt.Sprintf("not a JSON object {unit, name, data}: %v", err), Err: err}
			var se *json.SyntaxError
			if errors.As(err, &se) {
				// The column of the error in the line as written.
				raw := j.sc.Text()
				lead := len(raw) - len(strings.TrimLeft(raw, " \t\ufeff"))
				_, e.Pos.Col = offsetPos([]byte(raw[lead:]), se)
				e.Pos.Col += utf8.RuneCountInString(raw[:lead])
			}
			u.Errors = append(u.Errors, e)
			return &u, nil
		}
		j.units++
		for _, k := range sortedKeys(raw) {
			v := raw[k]
			switch {
			case k == "unit" || k == "name":
				var s any
				json.Unmarshal(v, &s)
				f := field{kind: fieldUnit, name: k}
				if k == "name" {
					f.kind = fieldName
				}
				switch s := s.(type) {
				case string:
					j.s.setText(&u, &f, s, pos)
				case float64:
					j.s.setText(&u, &f, string(v), pos)
				default:
					u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "type_mismatch", Field: k, Msg: k + ": want text"})
				}
			case k == "data":
				var data map[string]json.RawMessage
				if err := json.Unmarshal(v, &data); err != nil {
					u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "type_mismatch", Field: "data", Msg: "data: want an object of input to value"})
					continue
				}
				for _, dk := range sortedKeys(data) {
					if err := j.set(&u, dk, data[dk], pos); err != nil {
						return nil, err
					}
				}
			case claimKey(k):
				if err := j.set(&u, k, v, pos); err != nil {
					return nil, err
				}
			default:
				u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "type_mismatch", Field: k, Msg: k + ": unknown key: want unit, name, data"})
			}
		}
		return &u, nil
	}
	if err := j.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &diag.Error{Pos: diag.Pos{File: j.name, Line: j.line + 1}, Code: "read_error", Err: err,
				Msg: "the line is longer than 16 MiB: JSON Lines holds one unit per line"}
		}
		return nil, readError(j.name, j.line+1, err)
	}
	if j.units > 0 && !j.checked {
		// Raised once, after the last unit: the output is written only
		// after every unit is read, so nothing is written.
		w, err := j.s.checkInputs(diag.Pos{File: j.name}, "key", j.cols, j.fields)
		j.warnings = append(j.warnings, w...)
		j.checked = true
		if err != nil {
			return nil, err
		}
	}
	return nil, io.EOF
}

// field resolves key, once per distinct key, and notes it among the keys
// the units gave.
func (j *jsonlSource) field(key string, pos diag.Pos) field {
	if k, ok := j.keys[key]; ok {
		return j.fields[k]
	}
	f := j.s.resolve(key)
	j.keys[key] = len(j.fields)
	j.cols = append(j.cols, column{name: f.name, where: fmt.Sprintf("line %d", pos.Line), pos: pos})
	j.fields = append(j.fields, f)
	if f.kind == fieldUnknown {
		j.warnings = append(j.warnings, j.s.unknownFieldWarning(f, pos))
	}
	return f
}

// set stores one key of a unit. A key named like an input with another
// unit in brackets stops the file: every unit giving it would be misread.
func (j *jsonlSource) set(u *indicators.Unit, key string, v json.RawMessage, pos diag.Pos) error {
	if nestedClaims(key) {
		var sub map[string]json.RawMessage
		if json.Unmarshal(v, &sub) == nil {
			for _, sk := range sortedKeys(sub) {
				if err := j.set(u, key+"."+sk, sub[sk], pos); err != nil {
					return err
				}
			}
			return nil
		}
	}
	f := j.field(key, pos)
	switch f.kind {
	case fieldUnknown:
		return nil
	case fieldWrongUnit:
		return j.s.wrongUnit(&f, "key", pos)
	}
	if prev, dup := j.given[f.meaning()]; dup {
		u.Errors = append(u.Errors, j.s.duplicateKey(&prev, &f, pos))
		return nil
	}
	j.given[f.meaning()] = f
	var x any
	dec := json.NewDecoder(strings.NewReader(string(v)))
	dec.UseNumber()
	if err := dec.Decode(&x); err != nil {
		j.s.cellError(u, &f, string(v), pos, err)
		return nil
	}
	switch x := x.(type) {
	case nil:
	case json.Number:
		n, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			j.s.cellError(u, &f, string(x), pos, fmt.Errorf("%w: %s", indicators.ErrNotNumber, x))
			return nil
		}
		j.s.setNumber(u, &f, n, string(x), pos)
	case string:
		j.s.setText(u, &f, x, pos)
	default:
		j.s.cellError(u, &f, string(v), pos, fmt.Errorf("want a number or text, found %s", v))
	}
	return nil
}

// claimKey reports whether a unit-level key holds claims or reasons:
// claimed.*, reason.*, or a claimed / reason mapping.
func claimKey(k string) bool {
	return nestedClaims(k) || strings.HasPrefix(k, ClaimedPrefix) || strings.HasPrefix(k, ReasonPrefix)
}

// nestedClaims reports whether k may hold a mapping of claims or reasons.
func nestedClaims(k string) bool {
	return k == strings.TrimSuffix(ClaimedPrefix, ".") || k == strings.TrimSuffix(ReasonPrefix, ".")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

func (j *jsonlSource) Warnings() []*diag.Error { return j.warnings }
func (j *jsonlSource) SHA256() string          { return "" }
func (j *jsonlSource) Close() error            { return nil }
