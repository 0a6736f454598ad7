package report

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// The JSON of one unit written by hand: appendUnitRecord appends exactly
// the bytes json.Marshal(JSONUnit(u)) gives (field order, omitempty, []
// for empty lists, encoding/json's numbers and string escaping), without
// reflection or the jsonUnit copy, and knows where the rank goes as it
// writes it. TestAppendUnitJSON holds it to json.Marshal byte for byte.

// appendUnitRecord appends the record jsonRows.AppendUnit makes of u: a
// uvarint, the offset of the rank hole in the JSON plus one (0 for a
// failed unit, which has no rank), then the JSON of u without its rank.
// A value json.Marshal cannot encode (a NaN or infinite number) makes the
// record {"error":...,"unit":...} as json.Marshal's error did before.
func appendUnitRecord(dst []byte, u *engine.UnitResult) []byte {
	start := len(dst)
	dst, err := appendUnit(dst, u)
	if err != nil {
		b, _ := json.Marshal(map[string]string{"unit": u.Unit, "error": err.Error()})
		dst = append(dst[:start], 0)
		return append(dst, b...)
	}
	return dst
}

func appendUnit(dst []byte, u *engine.UnitResult) (_ []byte, err error) {
	start := len(dst)
	if u.Failed() {
		dst = append(dst, 0) // uvarint 0: no rank
	}
	dst = append(dst, `{"unit":`...)
	dst = appendJSONString(dst, u.Unit)
	dst = append(dst, `,"name":`...)
	dst = appendJSONString(dst, u.Name)
	if u.Failed() {
		dst = append(dst, `,"indicators":[],"checks":[],"errors":[`...)
		for i, e := range u.Errors {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONError(dst, e)
		}
		return append(dst, "]}"...), nil
	}
	dst = append(dst, `,"score":`...)
	if dst, err = appendJSONFloat(dst, u.Score); err != nil {
		return dst, err
	}
	if u.Grade != "" {
		dst = append(dst, `,"grade":`...)
		dst = appendJSONString(dst, u.Grade)
	}
	dst = append(dst, `,"rank":`...)
	dst = insertHole(dst, start)
	if c := u.Claimed; c != nil && (c.Score != nil || c.Grade != "") {
		dst = append(dst, `,"claimed":{`...)
		if c.Score != nil {
			dst = append(dst, `"score":`...)
			if dst, err = appendJSONFloat(dst, *c.Score); err != nil {
				return dst, err
			}
		}
		if c.Grade != "" {
			if c.Score != nil {
				dst = append(dst, ',')
			}
			dst = append(dst, `"grade":`...)
			dst = appendJSONString(dst, c.Grade)
		}
		dst = append(dst, '}')
	}
	if dst, err = appendJSONRules(dst, u); err != nil {
		return dst, err
	}
	dst = append(dst, `,"indicators":[`...)
	for k := range u.Indicators {
		if k > 0 {
			dst = append(dst, ',')
		}
		if dst, err = appendJSONIndicator(dst, &u.Indicators[k]); err != nil {
			return dst, err
		}
	}
	dst = append(dst, ']')
	for k := range u.Groups {
		g := &u.Groups[k]
		if k == 0 {
			dst = append(dst, `,"groups":[`...)
		} else {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"name":`...)
		dst = appendJSONString(dst, g.Name)
		dst = append(dst, `,"points":`...)
		if dst, err = appendJSONFloat(dst, g.Points); err != nil {
			return dst, err
		}
		dst = append(dst, `,"weight":`...)
		if dst, err = appendJSONFloat(dst, g.Weight); err != nil {
			return dst, err
		}
		dst = append(dst, '}')
	}
	if len(u.Groups) > 0 {
		dst = append(dst, ']')
	}
	dst = appendJSONChecks(dst, u.Checks)
	if u.Claimed != nil {
		dst = append(dst, `,"review":[`...)
		for k := range u.Review {
			if k > 0 {
				dst = append(dst, ',')
			}
			if dst, err = appendJSONFinding(dst, &u.Review[k]); err != nil {
				return dst, err
			}
		}
		dst = append(dst, ']')
	}
	return append(dst, `,"errors":[]}`...), nil
}

// insertHole puts the uvarint of the rank hole (the end of dst, an offset
// in the JSON that starts at dst[start]) before the JSON: only the unit's
// head has been written, so little moves.
func insertHole(dst []byte, start int) []byte {
	var v [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(v[:], uint64(len(dst)-start+1))
	dst = append(dst, v[:n]...)
	copy(dst[start+n:], dst[start:len(dst)-n])
	copy(dst[start:], v[:n])
	return dst
}

// appendJSONScore appends an indicator's fields from weight to flags, the
// same in eval's JSON and monitor's.
func appendJSONScore(dst []byte, ir *engine.IndicatorResult) (_ []byte, err error) {
	dst = append(dst, `,"weight":`...)
	if dst, err = appendJSONFloat(dst, ir.Weight); err != nil {
		return dst, err
	}
	dst = append(dst, `,"value":`...)
	if ir.HasValue && indicators.Finite(ir.Value) {
		dst, _ = appendJSONFloat(dst, round4(ir.Value)) // finite
	} else {
		dst = append(dst, "null"...)
	}
	if ir.Tier != "" {
		dst = append(dst, `,"tier":`...)
		dst = appendJSONString(dst, ir.Tier)
	}
	if ir.HasTarget {
		dst = append(dst, `,"target":`...)
		if dst, err = appendJSONFloat(dst, ir.Target); err != nil {
			return dst, err
		}
	}
	dst = append(dst, `,"points":`...)
	if dst, err = appendJSONFloat(dst, ir.Points); err != nil {
		return dst, err
	}
	dst = append(dst, `,"status":`...)
	dst = appendJSONString(dst, ir.Status)
	dst = append(dst, `,"flags":`...)
	dst = appendJSONStrings(dst, ir.Flags)
	return dst, nil
}

// appendJSONIndicator appends a jsonIndicator as JSONUnit makes it.
func appendJSONIndicator(dst []byte, ir *engine.IndicatorResult) (_ []byte, err error) {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, ir.ID)
	dst = append(dst, `,"label":`...)
	dst = appendJSONString(dst, ir.Label)
	dst = append(dst, `,"group":`...)
	dst = appendJSONStrings(dst, ir.Group)
	if dst, err = appendJSONScore(dst, ir); err != nil {
		return dst, err
	}
	if ir.Claimed != nil {
		dst = append(dst, `,"claimed":`...)
		if dst, err = appendJSONFloat(dst, *ir.Claimed); err != nil {
			return dst, err
		}
	}
	if ir.Reason != "" {
		dst = append(dst, `,"reason":`...)
		dst = appendJSONString(dst, ir.Reason)
	}
	if ir.Explain != "" {
		dst = append(dst, `,"explain":`...)
		dst = appendJSONString(dst, ir.Explain)
	}
	return append(dst, '}'), nil
}

// appendJSONFinding appends a jsonFinding.
func appendJSONFinding(dst []byte, f *engine.Finding) (_ []byte, err error) {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, f.ID)
	dst = append(dst, `,"kind":`...)
	dst = appendJSONString(dst, f.Kind)
	dst = append(dst, `,"claimed":`...)
	if dst, err = appendJSONAny(dst, f.Claimed); err != nil {
		return dst, err
	}
	dst = append(dst, `,"rules":`...)
	if dst, err = appendJSONAny(dst, f.Rules); err != nil {
		return dst, err
	}
	dst = append(dst, `,"message":`...)
	dst = appendJSONString(dst, f.Message)
	return append(dst, '}'), nil
}

// appendJSONError appends errorJSON(e).
func appendJSONError(dst []byte, e *diag.Error) []byte {
	dst = append(dst, '{')
	if e.Pos.File != "" {
		dst = append(dst, `"file":`...)
		dst = appendJSONString(dst, e.Pos.File)
		dst = append(dst, ',')
	}
	if e.Pos.Line != 0 {
		dst = append(dst, `"row":`...)
		dst = strconv.AppendInt(dst, int64(e.Pos.Line), 10)
		dst = append(dst, ',')
	}
	if e.Pos.Col > 0 {
		dst = append(dst, `"column":"`...)
		dst = appendColLetter(dst, e.Pos.Col-1) // A–Z: nothing to escape
		dst = append(dst, `",`...)
	}
	if e.Field != "" {
		dst = append(dst, `"field":`...)
		dst = appendJSONString(dst, e.Field)
		dst = append(dst, ',')
	}
	if e.Value != "" {
		dst = append(dst, `"value":`...)
		dst = appendJSONString(dst, e.Value)
		dst = append(dst, ',')
	}
	dst = append(dst, `"code":`...)
	dst = appendJSONString(dst, e.Code)
	dst = append(dst, `,"message":`...)
	dst = appendJSONString(dst, e.Msg)
	return append(dst, '}')
}

// appendColLetter appends colLetter(i) without making it a string: a
// failed unit's record allocates nothing either.
func appendColLetter(dst []byte, i int) []byte {
	var b [16]byte
	n := len(b)
	for i++; i > 0; i = (i - 1) / 26 {
		n--
		b[n] = byte('A' + (i-1)%26)
	}
	return append(dst, b[n:]...)
}

// appendJSONStrings appends a list of strings, [] for none.
func appendJSONStrings(dst []byte, s []string) []byte {
	dst = append(dst, '[')
	for i, x := range s {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, x)
	}
	return append(dst, ']')
}

// appendJSONAny appends a value of a field typed any: the float64 points
// and string grades of a finding by hand, anything else by json.Marshal.
func appendJSONAny(dst []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case float64:
		return appendJSONFloat(dst, x)
	case string:
		return appendJSONString(dst, x), nil
	}
	b, err := json.Marshal(v)
	return append(dst, b...), err
}

// appendJSONFloat appends x as encoding/json writes a float64: the
// shortest decimal that reads back as x, in 'f' form for 1e-6 <= |x| <
// 1e21 and 'e' form (exponent without a leading 0: 1e-7) otherwise. NaN
// and ±Inf are json.Marshal's UnsupportedValueError.
//
// Points, scores and round4 values are doubles nearest some k/10⁴ below
// 10¹¹: there the multiples of 10⁻⁴ are farther apart than two doubles,
// so the shortest decimal of x is the digits of k, written without
// strconv.
func appendJSONFloat(dst []byte, x float64) ([]byte, error) {
	a := math.Abs(x)
	if c := a * 1e4; c >= 1 && c < 1e15 {
		k := int64(c + 0.5)
		if float64(k)/1e4 == a {
			if x < 0 {
				dst = append(dst, '-')
			}
			return appendTenThousandths(dst, k), nil
		}
	} else if x == 0 && !math.Signbit(x) {
		return append(dst, '0'), nil
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return dst, &json.UnsupportedValueError{Value: reflect.ValueOf(x), Str: strconv.FormatFloat(x, 'g', -1, 64)}
	}
	format := byte('f')
	if a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, x, format, -1, 64)
	if n := len(dst); format == 'e' && n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
		dst[n-2] = dst[n-1] // e-07 → e-7
		dst = dst[:n-1]
	}
	return dst, nil
}

// appendTenThousandths appends k/10⁴ with no trailing zeros.
func appendTenThousandths(dst []byte, k int64) []byte {
	dst = strconv.AppendInt(dst, k/1e4, 10)
	f := k % 1e4
	if f == 0 {
		return dst
	}
	d := [5]byte{'.', byte('0' + f/1000), byte('0' + f/100%10), byte('0' + f/10%10), byte('0' + f%10)}
	n := len(d)
	for d[n-1] == '0' {
		n--
	}
	return append(dst, d[:n]...)
}

// jsonSafe marks the ASCII bytes encoding/json writes as they are in a
// string (its htmlSafeSet): all but control characters, " \ < > &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := ' '; b < utf8.RuneSelf; b++ {
		t[b] = true
	}
	for _, b := range `"\<>&` {
		t[b] = false
	}
	return t
}()

// appendJSONString appends s quoted as json.Marshal writes a string (its
// appendString with escapeHTML): " and \ backslashed, \b \f \n \r \t,
// other control characters and < > & as \u00XX, U+2028 and U+2029 as
// \u2028 and \u2029, each byte of invalid UTF-8 as \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		if i+2 < len(s) && threeByteLead(b) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
			(b != 0xe2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xa8) {
			// Valid UTF-8 of three bytes (CJK, full-width punctuation,
			// ≥), not U+2028 or U+2029 (E2 80 A8/A9): as is.
			i += 3
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// threeByteLead reports whether b starts a UTF-8 sequence of three bytes
// whose second byte may be any of 80-BF: E1-EC and EE-EF (E0 and ED
// restrict it, against overlong forms and surrogates).
func threeByteLead(b byte) bool {
	return b-0xe1 <= 0xec-0xe1 || b-0xee <= 1
}

// appendJSONRules appends a unit's adjustments and outcome (contract 2),
// as JSONUnit gives them.
func appendJSONRules(dst []byte, u *engine.UnitResult) (_ []byte, err error) {
	if u.Adjustments != nil {
		dst = append(dst, `,"adjustments":[`...)
		for k := range u.Adjustments {
			a := &u.Adjustments[k]
			if k > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"id":`...)
			dst = appendJSONString(dst, a.ID)
			dst = append(dst, `,"label":`...)
			dst = appendJSONString(dst, a.Label)
			dst = append(dst, `,"kind":`...)
			dst = appendJSONString(dst, a.Kind)
			dst = append(dst, `,"before":`...)
			if dst, err = appendJSONFloat(dst, a.Before); err != nil {
				return dst, err
			}
			dst = append(dst, `,"after":`...)
			if dst, err = appendJSONFloat(dst, a.After); err != nil {
				return dst, err
			}
			if a.Explain != "" {
				dst = append(dst, `,"explain":`...)
				dst = appendJSONString(dst, a.Explain)
			}
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if o := u.Outcome; o != nil {
		dst = append(dst, `,"outcome":{"action":`...)
		dst = appendJSONString(dst, o.Action)
		dst = append(dst, `,"change":`...)
		if o.HasChange {
			if dst, err = appendJSONFloat(dst, o.Change); err != nil {
				return dst, err
			}
		} else {
			dst = append(dst, "null"...)
		}
		if o.Why != "" {
			dst = append(dst, `,"why":`...)
			dst = appendJSONString(dst, o.Why)
		}
		dst = append(dst, '}')
	}
	return dst, nil
}

// appendJSONChecks appends `,"checks":[...]`, each of checks as jsonCheck
// marshals it.
func appendJSONChecks(dst []byte, checks []engine.CheckResult) []byte {
	dst = append(dst, `,"checks":[`...)
	for k := range checks {
		c := &checks[k]
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendJSONString(dst, c.ID)
		dst = append(dst, `,"ok":`...)
		dst = strconv.AppendBool(dst, c.OK)
		if c.Skipped {
			dst = append(dst, `,"skipped":true`...)
		}
		dst = append(dst, `,"message":`...)
		dst = appendJSONString(dst, c.Message)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}
