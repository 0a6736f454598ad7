package data

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// yamlSource reads a YAML list of {unit, name, data: {...}}. The whole
// document is parsed first: use JSON or JSON Lines for streaming.
type yamlSource struct {
	name     string
	s        *Schema
	items    []*yaml.Node
	next     int
	warnings []*diag.Error
	warned   map[string]bool
	keys     unitKeys // the keys the unit being read gave
}

func newYAML(name string, r io.Reader, s *Schema) (Source, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, readError(s.p, name, 0, err)
	}
	if strings.TrimSpace(string(src)) == "" {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: s.p.Sprintf(msg.DataEmptyKeyed)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, diag.YAML(name, src, err)
	}
	if len(doc.Content) == 0 {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "empty_file", Msg: s.p.Sprintf(msg.DataNoDocument)}
	}
	root := doc.Content[0]
	if root.Kind == yaml.MappingNode {
		// yaml.v3 checks duplicate keys only when it decodes into Go
		// values, not into nodes: two units lists would be ambiguous.
		keys, list := unitKeys{}, root
		for i := 0; i+1 < len(root.Content); i += 2 {
			k := root.Content[i]
			if err := keys.root(s.p, k.Value, diag.Pos{File: name, Line: k.Line, Col: k.Column}); err != nil {
				return nil, err
			}
			if k.Value == "units" {
				list = root.Content[i+1]
			}
		}
		root = list
	}
	if root.Kind != yaml.SequenceNode {
		return nil, &diag.Error{Pos: diag.Pos{File: name, Line: root.Line, Col: root.Column}, Code: "type_mismatch",
			Msg: s.p.Sprintf(msg.DataWantList)}
	}
	y := &yamlSource{name: name, s: s, items: root.Content, warned: map[string]bool{}, keys: unitKeys{}}
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
						errs.Add(y.s.wrongUnit(&f, msg.DataKey, y.pos(key)))
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
	w, err := y.s.checkInputs(diag.Pos{File: y.name, Line: root.Line}, msg.DataKey, cols, fields)
	y.warnings = append(y.warnings, w...)
	return err
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
	clear(y.keys)
	if item.Kind != yaml.MappingNode {
		u.Errors = append(u.Errors, &diag.Error{Pos: y.pos(item), Code: "not_a_unit", Msg: y.s.p.Sprintf(msg.DataYAMLNotUnit)})
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
			if !y.keys.add(y.s, &u, f.meaning(), &f, y.pos(k)) {
				continue
			}
			if v.Kind != yaml.ScalarNode {
				y.bad(&u, v, k.Value, msg.DataWantText)
				continue
			}
			y.s.setText(&u, &f, v.Value, y.pos(v))
		case "data":
			if !y.keys.add(y.s, &u, dataKey, &field{name: k.Value}, y.pos(k)) {
				continue
			}
			if v.Kind != yaml.MappingNode {
				y.bad(&u, v, "data", msg.DataWantMapping)
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
			y.bad(&u, k, k.Value, msg.DataUnknownKey)
		}
	}
	return &u, nil
}

func (y *yamlSource) bad(u *indicators.Unit, n *yaml.Node, fieldName string, c msg.Code) {
	u.Errors = append(u.Errors, &diag.Error{Pos: y.pos(n), Code: "type_mismatch", Field: fieldName, Msg: y.s.p.Sprintf(c, fieldName)})
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
	if !y.keys.add(y.s, u, f.meaning(), &f, y.pos(k)) {
		return
	}
	if f.kind == fieldUnknown {
		if !y.warned[f.name] {
			y.warned[f.name] = true
			y.warnings = append(y.warnings, y.s.unknownFieldWarning(f, y.pos(k)))
		}
		return
	}
	pos := y.pos(v)
	var val any
	switch {
	case v.Kind == yaml.MappingNode:
		val = found(msg.DataAMapping)
	case v.Kind == yaml.SequenceNode:
		val = found(msg.DataAList)
	case v.Kind != yaml.ScalarNode:
		val = found(msg.DataAnAlias)
	case v.Tag == "!!null":
		// absent: stays missing
	case v.Tag == "!!int" || v.Tag == "!!float":
		x, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		if err != nil {
			y.s.cellError(u, &f, v.Value, pos, fmt.Errorf("%w: %s", indicators.ErrNotNumber, diag.Quote(v.Value)))
			return
		}
		val = x
	case v.Tag == "!!bool":
		val = found(diag.Clip(v.Value))
	default:
		val = v.Value
	}
	y.s.setKeyed(u, &f, val, v.Value, pos)
}

func (y *yamlSource) Warnings() []*diag.Error { return y.warnings }
func (y *yamlSource) SHA256() string          { return "" }
func (y *yamlSource) Close() error            { return nil }

// claimKey reports whether a unit-level key holds claims or reasons:
// claimed.*, reason.*, or a claimed / reason mapping.
func claimKey(k string) bool {
	return nestedClaims(k) || strings.HasPrefix(k, ClaimedPrefix) || strings.HasPrefix(k, ReasonPrefix)
}

// nestedClaims reports whether k may hold a mapping of claims or reasons.
func nestedClaims(k string) bool {
	return k == strings.TrimSuffix(ClaimedPrefix, ".") || k == strings.TrimSuffix(ReasonPrefix, ".")
}
