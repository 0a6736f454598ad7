// Package data reads the reported data of budget units — CSV, XLSX, YAML,
// JSON and JSON Lines — into indicators.Unit values for one ruleset. A cell
// that cannot be read becomes a positioned error on its unit; the other
// units are unaffected. Text formats are read through a decoding layer
// (decode.go) that converts GB18030 (GBK) and UTF-16 to UTF-8 with a
// warning and refuses binary data and unknown encodings with the line and
// column.
package data

import (
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Reserved data-field prefixes for claims (复核) and reasons.
const (
	ClaimedPrefix = "claimed."
	ReasonPrefix  = "reason."
)

// Schema maps field names of the data (input ids or labels, unit, name,
// claimed.*, reason.*) to what they mean for one ruleset.
type Schema struct {
	rs      *indicators.Ruleset
	byName  map[string]int // input id or label → input index
	indByID map[string]bool
}

// NewSchema returns the schema of ruleset rs.
func NewSchema(rs *indicators.Ruleset) *Schema {
	s := &Schema{rs: rs, byName: map[string]int{}, indByID: map[string]bool{}}
	for i, in := range rs.Inputs {
		if in.Label != "" {
			if _, taken := s.byName[in.Label]; !taken {
				s.byName[in.Label] = i
			}
		}
	}
	for i, in := range rs.Inputs {
		s.byName[in.ID] = i // ids win over labels
	}
	for _, ind := range rs.Indicators {
		s.indByID[ind.ID] = true
	}
	return s
}

// Ruleset returns the ruleset the schema was made for.
func (s *Schema) Ruleset() *indicators.Ruleset { return s.rs }

// field kinds of a column or key.
type fieldKind uint8

const (
	fieldUnknown fieldKind = iota
	fieldUnit
	fieldName
	fieldInput
	fieldClaim      // claimed.<indicator id>
	fieldClaimScore // claimed.score
	fieldClaimGrade // claimed.grade
	fieldReason     // reason.<indicator id>
)

// field is what one column or key means.
type field struct {
	kind  fieldKind
	input int    // fieldInput: input index
	id    string // fieldClaim, fieldReason: indicator id
	name  string // as written in the data
}

var unitNames = map[string]bool{"unit": true, "单位编码": true, "单位代码": true, "编码": true}
var nameNames = map[string]bool{"name": true, "单位名称": true, "名称": true}

// resolve says what field name means.
func (s *Schema) resolve(name string) field {
	name = strings.TrimSpace(name)
	f := field{name: name}
	switch {
	case unitNames[name]:
		f.kind = fieldUnit
	case nameNames[name]:
		f.kind = fieldName
	case name == ClaimedPrefix+"score":
		f.kind = fieldClaimScore
	case name == ClaimedPrefix+"grade":
		f.kind = fieldClaimGrade
	case strings.HasPrefix(name, ClaimedPrefix):
		f.id = strings.TrimPrefix(name, ClaimedPrefix)
		if s.indByID[f.id] {
			f.kind = fieldClaim
		}
	case strings.HasPrefix(name, ReasonPrefix):
		f.id = strings.TrimPrefix(name, ReasonPrefix)
		if s.indByID[f.id] {
			f.kind = fieldReason
		}
	default:
		if i, ok := s.byName[name]; ok {
			f.kind, f.input = fieldInput, i
		}
	}
	return f
}

// newUnit returns a unit with every input missing.
func (s *Schema) newUnit(pos diag.Pos) indicators.Unit {
	return indicators.Unit{Values: make([]indicators.Value, len(s.rs.Inputs)), Pos: pos}
}

// setText stores the text of field f in u; a bad cell becomes an error on
// u at pos.
func (s *Schema) setText(u *indicators.Unit, f *field, text string, pos diag.Pos) {
	switch f.kind {
	case fieldUnit:
		u.ID = indicators.TrimSpace(text)
	case fieldName:
		u.Name = indicators.TrimSpace(text)
	case fieldInput:
		in := &s.rs.Inputs[f.input]
		v, err := indicators.ParseCell(text, in)
		if err != nil {
			s.cellError(u, f, text, pos, err)
			return
		}
		u.Values[f.input] = v
	case fieldClaim, fieldClaimScore:
		// A blank or 不适用 claim cell is no claim: whether an indicator
		// applies is decided by the inputs, not by the unit's own form.
		t := strings.TrimSpace(text)
		if t == "" || indicators.IsNA(t) {
			return
		}
		x, err := indicators.ParseNumber(strings.TrimSuffix(t, "分"))
		if err != nil {
			s.cellError(u, f, text, pos, err)
			return
		}
		setClaim(u, f, x)
	case fieldClaimGrade:
		u.ClaimedGrade = strings.TrimSpace(text)
	case fieldReason:
		if t := strings.TrimSpace(text); t != "" {
			if u.Reasons == nil {
				u.Reasons = map[string]string{}
			}
			u.Reasons[f.id] = t
		}
	}
}

// setClaim stores a claimed score: claimed.<id>, or claimed.score under
// the key "score".
func setClaim(u *indicators.Unit, f *field, x float64) {
	id := f.id
	if f.kind == fieldClaimScore {
		id = "score"
	}
	if u.Claims == nil {
		u.Claims = map[string]float64{}
	}
	u.Claims[id] = x
}

// setNumber stores a number given natively (YAML, JSON).
func (s *Schema) setNumber(u *indicators.Unit, f *field, x float64, raw string, pos diag.Pos) {
	if !indicators.Finite(x) {
		s.cellError(u, f, raw, pos, fmt.Errorf("%w: %s is not finite", indicators.ErrNotNumber, raw))
		return
	}
	switch f.kind {
	case fieldInput:
		if s.rs.Inputs[f.input].Type == indicators.TypeTier {
			s.cellError(u, f, raw, pos, fmt.Errorf("a tier input takes A, B, C, 达成, 部分达成 or 未达成 (or A:0.95), not a number"))
			return
		}
		u.Values[f.input] = indicators.NumberValue(x)
	case fieldClaim, fieldClaimScore:
		setClaim(u, f, x)
	default:
		s.setText(u, f, raw, pos)
	}
}

func (s *Schema) cellError(u *indicators.Unit, f *field, text string, pos diag.Pos, err error) {
	u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "bad_cell", Field: f.name, Value: text,
		Msg: fmt.Sprintf("%s: %v", s.fieldWhat(f), err), Err: err})
}

// fieldWhat names a field for a message: the column as written, with the
// input's label or id beside it.
func (s *Schema) fieldWhat(f *field) string {
	what := f.name
	if f.kind == fieldInput {
		in := s.rs.Inputs[f.input]
		if in.Label != "" && in.Label != f.name {
			what = fmt.Sprintf("%s (%s)", f.name, in.Label)
		} else if in.Label != "" && in.ID != f.name {
			what = fmt.Sprintf("%s (%s)", f.name, in.ID)
		}
	}
	return what
}

// unknownFieldWarning describes a column or key the ruleset does not know.
func (s *Schema) unknownFieldWarning(f field, pos diag.Pos) *diag.Error {
	msg := fmt.Sprintf("column %q is not an input of ruleset %s; it is ignored", f.name, s.rs.ID)
	if strings.HasPrefix(f.name, ClaimedPrefix) || strings.HasPrefix(f.name, ReasonPrefix) {
		msg = fmt.Sprintf("column %q names no indicator of ruleset %s; it is ignored", f.name, s.rs.ID)
	}
	return &diag.Error{Pos: pos, Code: "unknown_column", Field: f.name, Msg: msg}
}
