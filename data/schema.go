// Package data reads the reported data of budget units — CSV, XLSX, YAML,
// JSON and JSON Lines — into indicators.Unit values for one ruleset. A cell
// that cannot be read becomes a positioned error on its unit; the other
// units are unaffected. Schema.Unit reads one unit from fields keyed by
// name — a library caller's map, a ruleset test case's data, a generated
// row — by the same rules as a keyed data file. Text formats are read
// through a decoding layer (decode.go) that converts GB18030 (GBK) and
// UTF-16 to UTF-8 with a warning and refuses binary data and unknown
// encodings with the line and column.
package data

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Reserved data-field prefixes for claims (复核) and reasons.
const (
	ClaimedPrefix = "claimed."
	ReasonPrefix  = "reason."
)

// Schema maps field names of the data (input ids or labels, unit, name,
// claimed.*, reason.*) to what they mean for one ruleset. Names are
// compared after normalising what people vary (see normalize), and an
// input's column may carry its declared unit in brackets.
type Schema struct {
	rs        *indicators.Ruleset
	byName    map[string]int    // normalised input id or label → input index
	indByName map[string]string // normalised indicator id or label → indicator id
	// known holds what resolve says of the names a field is most often
	// written as (ids, labels, claimed.<id>, unit, ...), computed once: a
	// name found here needs no normalising, which is most of the cost of
	// reading a keyed unit.
	known map[string]field
	// panel lists the inputs that hold panel points (专家评分), by input
	// index: then each row is one rater's, named by a rater column.
	panel []int
	// p words the messages of what the schema reads: Chinese, unless the
	// Options that read a file (or made the schema) say otherwise.
	p msg.Printer
}

// NewSchema returns the schema of ruleset rs.
func NewSchema(rs *indicators.Ruleset) *Schema {
	s := &Schema{rs: rs, byName: map[string]int{}, indByName: map[string]string{}, panel: rs.PanelInputs()}
	add := func(name string, i int) {
		if _, taken := s.byName[name]; !taken && name != "" {
			s.byName[name] = i
		}
	}
	for i, in := range rs.Inputs {
		add(normalize(in.Label), i)
	}
	// A label written with its own unit (满意度（%）) is found without it
	// too, unless another input's label is that name.
	for i, in := range rs.Inputs {
		if base, unit, ok := splitUnit(normalize(in.Label)); ok && in.Unit != "" && unit == normalize(in.Unit) {
			add(base, i)
		}
	}
	for i, in := range rs.Inputs {
		s.byName[normalize(in.ID)] = i // ids win over labels
	}
	for _, ind := range rs.Indicators {
		if l := normalize(ind.Label); l != "" {
			if _, taken := s.indByName[l]; !taken {
				s.indByName[l] = ind.ID
			}
		}
	}
	for _, ind := range rs.Indicators {
		s.indByName[normalize(ind.ID)] = ind.ID
	}
	// Each of these names is its own normal form, so resolve gives it the
	// same meaning whether it is looked up here or worked out.
	s.known = map[string]field{}
	learn := func(name string) { s.known[name] = s.resolveName(name) }
	for n := range s.byName {
		learn(n)
	}
	for n := range s.indByName {
		learn(ClaimedPrefix + n)
		learn(ReasonPrefix + n)
	}
	for _, names := range []map[string]bool{unitNames, nameNames, claimScoreNames, claimGradeNames, raterNames} {
		for n := range names {
			learn(n)
		}
	}
	return s
}

// in returns s wording its messages with p: s itself, or a copy sharing
// its (read-only) tables, so that a reader's language never changes a
// schema another reader uses.
func (s *Schema) in(p msg.Printer) *Schema {
	if s.p == p {
		return s
	}
	c := *s
	c.p = p
	return &c
}

// normalize is the form in which field names are compared: NFKC (full-width
// letters, digits, brackets and ％ become their ASCII forms, as WPS and
// Chinese input methods often type them), without surrounding spaces.
func normalize(name string) string {
	return strings.TrimSpace(norm.NFKC.String(name))
}

// splitUnit splits a normalised name ending in a bracketed unit,
// 全年预算数(万元), into the name before it and the unit.
func splitUnit(name string) (base, unit string, ok bool) {
	if !strings.HasSuffix(name, ")") {
		return "", "", false
	}
	open := strings.LastIndexByte(name, '(')
	if open < 0 {
		return "", "", false
	}
	base, unit = strings.TrimSpace(name[:open]), strings.TrimSpace(name[open+1:len(name)-1])
	if base == "" || unit == "" || strings.ContainsAny(unit, "()") {
		return "", "", false
	}
	return base, unit, true
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
	fieldWrongUnit  // an input's name with another unit in brackets: an error
	fieldRater      // rater / 评分人 of a panel ruleset's row
)

// field is what one column or key means.
type field struct {
	kind  fieldKind
	input int    // fieldInput, fieldWrongUnit: input index
	id    string // fieldClaim, fieldReason: indicator id
	name  string // as written in the data
	unit  string // fieldWrongUnit: the unit in the brackets
}

var unitNames = map[string]bool{"unit": true, "单位编码": true, "单位代码": true, "编码": true}
var nameNames = map[string]bool{"name": true, "单位名称": true, "名称": true}

// raterNames head the rater column of panel data (专家评分).
var raterNames = map[string]bool{"rater": true, "评分人": true, "专家": true}

// Claim headers besides claimed.score and claimed.grade: those jixiao's own
// reports print (csv, md, xlsx, the terminal table: 自评总分, 自评等级;
// explain: 自评得分) and that 自评表 use, so that its output reads back.
var claimScoreNames = map[string]bool{ClaimedPrefix + "score": true, "自评总分": true, "自评得分": true}
var claimGradeNames = map[string]bool{ClaimedPrefix + "grade": true, "自评等级": true}

// resolve says what field name means.
func (s *Schema) resolve(name string) field {
	name = strings.TrimSpace(name)
	if f, ok := s.known[name]; ok {
		return f
	}
	return s.resolveName(name)
}

// resolveName is resolve of a name with no spaces around it, worked out.
func (s *Schema) resolveName(name string) field {
	f := field{name: name}
	n := normalize(name)
	switch {
	case unitNames[n]:
		f.kind = fieldUnit
	case nameNames[n]:
		f.kind = fieldName
	case raterNames[n] && len(s.panel) > 0:
		f.kind = fieldRater
	case claimScoreNames[n]:
		f.kind = fieldClaimScore
	case claimGradeNames[n]:
		f.kind = fieldClaimGrade
	case strings.HasPrefix(n, ClaimedPrefix):
		if id, ok := s.indByName[strings.TrimSpace(strings.TrimPrefix(n, ClaimedPrefix))]; ok {
			f.kind, f.id = fieldClaim, id
		}
	case strings.HasPrefix(n, ReasonPrefix):
		if id, ok := s.indByName[strings.TrimSpace(strings.TrimPrefix(n, ReasonPrefix))]; ok {
			f.kind, f.id = fieldReason, id
		}
	default:
		if i, ok := s.byName[n]; ok {
			f.kind, f.input = fieldInput, i
		} else if base, unit, ok := splitUnit(n); ok {
			if i, ok := s.byName[base]; ok {
				// The unit in brackets must be the one the ruleset
				// declares: 全年预算数（元） for an input in 万元 would
				// read every figure 10 000 times too large.
				f.kind, f.input = fieldInput, i
				if unit != normalize(s.rs.Inputs[i].Unit) {
					f.kind, f.unit = fieldWrongUnit, unit
				}
			}
		}
	}
	return f
}

// column is a header cell or a data key as written, and where it is.
type column struct {
	name  string
	where string // "column D", or "line 3" for a key
	pos   diag.Pos
}

// meaning is what a field stands for, so that two fields meaning the same
// are found; the name itself for a field the ruleset does not know.
func (f *field) meaning() string {
	switch f.kind {
	case fieldUnit:
		return "unit"
	case fieldName:
		return "name"
	case fieldRater:
		return "rater"
	case fieldInput:
		return "input " + strconv.Itoa(f.input)
	case fieldClaim:
		return ClaimedPrefix + f.id
	case fieldClaimScore:
		return ClaimedPrefix + "score"
	case fieldClaimGrade:
		return ClaimedPrefix + "grade"
	case fieldReason:
		return ReasonPrefix + f.id
	}
	return "? " + normalize(f.name)
}

// describe names what a field stands for, for messages.
func (s *Schema) describe(f *field) string {
	switch f.kind {
	case fieldUnit:
		return s.p.Sprintf(msg.DataUnitID)
	case fieldName:
		return s.p.Sprintf(msg.DataUnitName)
	case fieldInput, fieldWrongUnit:
		return s.p.Sprintf(msg.DataInput, s.inputName(f.input))
	}
	return f.meaning()
}

// inputName is an input's id with its label, as messages name inputs.
func (s *Schema) inputName(i int) string {
	in := &s.rs.Inputs[i]
	if in.Label == "" {
		return in.ID
	}
	return s.p.Sprintf(msg.DataParen, in.ID, in.Label)
}

// header resolves the header row of a CSV or XLSX file (at line) and checks
// it against the ruleset: a column with an input's name but another unit
// in brackets, two columns that mean one thing, no unit column, and inputs
// no column gives (see checkInputs) stop the file before any unit is read.
// It returns the fields by column and the warnings: unknown columns,
// absent optional inputs.
func (s *Schema) header(file string, line int, names []string) ([]field, []*diag.Error, error) {
	fields := make([]field, len(names))
	cols := make([]column, len(names))
	var errs diag.List
	var warnings []*diag.Error
	seen := map[string]int{}
	hasUnit := false
	for i, h := range names {
		if i == 0 {
			h = stripBOM(h)
		}
		f := s.resolve(h)
		fields[i] = f
		pos := diag.Pos{File: file, Line: line, Col: i + 1}
		cols[i] = column{name: f.name, where: s.p.Sprintf(msg.DataWhereColumn, colName(i)), pos: pos}
		if f.name == "" {
			continue
		}
		if prev, dup := seen[f.meaning()]; dup {
			errs.Add(s.duplicateColumn(&fields[prev], &f, colName(prev), colName(i), pos))
			continue
		}
		seen[f.meaning()] = i
		switch f.kind {
		case fieldUnit:
			hasUnit = true
		case fieldUnknown:
			warnings = append(warnings, s.unknownFieldWarning(f, pos))
		case fieldWrongUnit:
			errs.Add(s.wrongUnit(&f, msg.DataColumn, pos))
		}
	}
	if len(errs) > 0 {
		return nil, nil, oneOrList(errs)
	}
	if !hasUnit {
		return nil, nil, &diag.Error{Pos: diag.Pos{File: file, Line: line}, Code: "missing_column", Field: "unit",
			Msg: s.p.Sprintf(msg.DataNoUnitColumn, msg.DataUnitCols, columnList(s.p, slices.DeleteFunc(slices.Clone(names), func(n string) bool { return strings.TrimSpace(n) == "" })))}
	}
	w, err := s.checkInputs(diag.Pos{File: file, Line: line}, msg.DataColumn, cols, fields)
	if err != nil {
		return nil, nil, err
	}
	return fields, append(warnings, w...), nil
}

// oneOrList returns a single error as itself, so that callers can match
// it with errors.As, and several as a list.
func oneOrList(l diag.List) error {
	if len(l) == 1 {
		return l[0]
	}
	return l
}

// duplicateColumn is the error of two columns of a header (at letters a
// and b) that mean one thing: which of them holds the figure is anyone's
// guess.
func (s *Schema) duplicateColumn(fa, fb *field, a, b string, pos diag.Pos) *diag.Error {
	if fa.name == fb.name {
		return &diag.Error{Pos: pos, Code: "duplicate_column", Field: fb.name,
			Msg: s.p.Sprintf(msg.DataColumnTwice, diag.Quote(fb.name), a, b)}
	}
	return &diag.Error{Pos: pos, Code: "duplicate_column", Field: fb.name,
		Msg: s.p.Sprintf(msg.DataColumnsBoth, a, diag.Quote(fa.name), b, diag.Quote(fb.name), s.describe(fb))}
}

// duplicateKey is the error of two keys of one unit that mean one thing.
func (s *Schema) duplicateKey(fa, fb *field, pos diag.Pos) *diag.Error {
	return &diag.Error{Pos: pos, Code: "duplicate_column", Field: fb.name,
		Msg: s.p.Sprintf(msg.DataKeysBoth, diag.Quote(fa.name), diag.Quote(fb.name), s.describe(fb))}
}

// wrongUnit is the error of a column (or key) named like an input but with
// another unit in brackets than the one the ruleset declares.
func (s *Schema) wrongUnit(f *field, what msg.Code, pos diag.Pos) *diag.Error {
	in := &s.rs.Inputs[f.input]
	name := in.Label
	if name == "" {
		name = in.ID
	}
	if in.Unit == "" {
		return &diag.Error{Pos: pos, Code: "wrong_unit", Field: f.name,
			Msg: s.p.Sprintf(msg.DataWrongUnitNone, what, f.name, s.describe(f), f.unit, what, name, f.unit)}
	}
	if utf8.RuneCountInString(f.unit) > maxUnitLen {
		// A qualifier (财政拨款支出) rather than a unit: the column may
		// hold a part of the input, or the input itself.
		return &diag.Error{Pos: pos, Code: "wrong_unit", Field: f.name,
			Msg: s.p.Sprintf(msg.DataWrongUnitPart, what, f.name, s.describe(f), f.unit, in.Unit, what, name, in.Unit, name, what)}
	}
	return &diag.Error{Pos: pos, Code: "wrong_unit", Field: f.name,
		Msg: s.p.Sprintf(msg.DataWrongUnit, what, f.name, s.describe(f), f.unit, in.Unit, f.unit, in.Unit, what, name, in.Unit, name)}
}

// maxUnitLen is the longest bracketed text taken for a unit (万元, 平方米,
// 千瓦时); longer text is a qualifier of the label.
const maxUnitLen = 4

// AbsentInputsError is the cause of the error for data that gives no column
// (for YAML and JSON, no unit gives a key) for inputs the ruleset reads and
// does not mark optional: every unit would score 0 on them.
type AbsentInputsError struct {
	Ruleset string
	// Columns are the file's header, or for keyed data the keys its units
	// give, as written; a caller that knows other rulesets can tell which
	// one they fit (Schema.Absent).
	Columns []string
	Absent  []indicators.Input
	// Matched of the ruleset's Inputs have a column.
	Matched, Inputs int
}

func (e *AbsentInputsError) Error() string {
	// For programs (errors.As), not users: their message is the
	// diag.Error's that wraps it.
	return msg.Printer{Lang: msg.EN}.Sprintf(msg.DataAbsentCount, len(e.Absent), e.Ruleset)
}

// Foreign reports whether the data has columns for fewer than half of the
// ruleset's inputs: then it is most likely data for another ruleset, not
// data with a few columns misnamed.
func (e *AbsentInputsError) Foreign() bool { return e.Matched*2 < e.Inputs }

// Absent returns the inputs of the schema's ruleset, not optional, that no
// field name of names gives.
func (s *Schema) Absent(names []string) []indicators.Input {
	has := make([]bool, len(s.rs.Inputs))
	for _, n := range names {
		if f := s.resolve(n); f.kind == fieldInput {
			has[f.input] = true
		}
	}
	var absent []indicators.Input
	for i, in := range s.rs.Inputs {
		if !has[i] && !in.Optional {
			absent = append(absent, in)
		}
	}
	return absent
}

// mostForeign is how many absent inputs the error for another ruleset's
// data lists.
const mostForeign = 5

// checkInputs checks that the columns (or keys) give every input the
// ruleset reads. An optional input no column gives is a warning; any other
// is an error naming it, with the unknown columns most like it. what is
// msg.DataColumn or msg.DataKey.
func (s *Schema) checkInputs(pos diag.Pos, what msg.Code, cols []column, fields []field) ([]*diag.Error, error) {
	has := make([]bool, len(s.rs.Inputs))
	hasRater := false
	for _, f := range fields {
		switch f.kind {
		case fieldInput:
			has[f.input] = true
		case fieldRater:
			hasRater = true
		}
	}
	if len(s.panel) > 0 && !hasRater {
		// Without it every row of a unit would be a nameless rater: a
		// unit given twice would pass for two raters, and Kendall's W
		// would pair raters by row order. Like an absent input, it stops
		// the file before any unit is scored.
		return nil, s.noRater(pos, what, cols)
	}
	var warnings []*diag.Error
	var absent []int
	matched := 0
	for i, in := range s.rs.Inputs {
		switch {
		case has[i]:
			matched++
		case in.Optional:
			warnings = append(warnings, &diag.Error{Pos: pos, Code: "absent_input", Field: in.ID,
				Msg: s.p.Sprintf(msg.DataAbsentOptional, what, s.inputName(i), s.rs.ID)})
		default:
			absent = append(absent, i)
		}
	}
	if len(absent) == 0 {
		return warnings, nil
	}
	cause := &AbsentInputsError{Ruleset: s.rs.ID, Matched: matched, Inputs: len(s.rs.Inputs)}
	for _, c := range cols {
		cause.Columns = append(cause.Columns, c.name)
	}
	for _, i := range absent {
		cause.Absent = append(cause.Absent, s.rs.Inputs[i])
	}
	e := &diag.Error{Pos: pos, Code: "absent_input", Field: s.rs.Inputs[absent[0]].ID, Err: cause}
	var b strings.Builder
	if cause.Foreign() {
		e.Code = "foreign_data"
		b.WriteString(s.p.Sprintf(msg.DataForeign, what, matched, len(s.rs.Inputs), s.rs.ID, what))
		for k, i := range absent {
			if k == mostForeign {
				b.WriteString(s.p.Sprintf(msg.DataForeignMore, len(absent)-k))
				break
			}
			fmt.Fprintf(&b, "\n  %s", s.inputName(i))
		}
	} else {
		b.WriteString(s.p.Sprintf(msg.DataAbsent, s.rs.ID, what))
		for _, i := range absent {
			fmt.Fprintf(&b, "\n  %s", s.inputName(i))
			if like := s.alike(i, cols, fields); len(like) > 0 {
				b.WriteString(s.p.Sprintf(msg.DataDidYouMean, strings.Join(like, s.p.Sprintf(msg.DataOr))))
			}
		}
		b.WriteString(s.p.Sprintf(msg.DataAbsentHow, what))
	}
	e.Msg = b.String()
	return warnings, e
}

// noRater is the error of panel data with no rater column (or key).
func (s *Schema) noRater(pos diag.Pos, what msg.Code, cols []column) *diag.Error {
	var ids []string
	for _, ind := range s.rs.Indicators {
		if ind.Form == indicators.FormPanel {
			ids = append(ids, ind.ID)
		}
	}
	var names []string
	for _, c := range cols {
		if strings.TrimSpace(c.name) != "" {
			names = append(names, c.name)
		}
	}
	return &diag.Error{Pos: pos, Code: "missing_column", Field: "rater",
		Msg: s.p.Sprintf(msg.DataNoRater, s.rs.ID, strings.Join(ids, ", "), what, what, columnList(s.p, names))}
}

// alike returns the unknown columns most like input i's id or label, by
// edit distance on runes after normalising (a unit in brackets left out),
// each as `"name" (column D)`.
func (s *Schema) alike(i int, cols []column, fields []field) []string {
	in := &s.rs.Inputs[i]
	targets := []string{normalize(in.ID), normalize(in.Label)}
	best, bestD := []string(nil), -1
	for k, f := range fields {
		if f.kind != fieldUnknown || f.name == "" {
			continue
		}
		n := normalize(f.name)
		if base, _, ok := splitUnit(n); ok {
			n = base
		}
		d := -1
		for _, t := range targets {
			if t == "" {
				continue
			}
			td := diag.Distance(n, t)
			// A name that holds the other whole (档次评价, 2023年全年预算数)
			// is alike however much it adds.
			if !near(td, t) && !contains(n, t) {
				continue
			}
			if d < 0 || td < d {
				d = td
			}
		}
		if d < 0 {
			continue
		}
		like := s.p.Sprintf(msg.DataParen, diag.Quote(f.name), cols[k].where)
		switch {
		case bestD < 0 || d < bestD:
			best, bestD = []string{like}, d
		case d == bestD && len(best) < 3:
			best = append(best, like)
		}
	}
	return best
}

// near reports whether a name d edits away from target t is likely a
// slip for it: up to a third of its characters, at least one.
func near(d int, t string) bool {
	return d <= max(1, utf8.RuneCountInString(t)/3)
}

// contains reports whether either name holds the other, both being at
// least two characters (one character is in too many names).
func contains(a, b string) bool {
	if utf8.RuneCountInString(a) < 2 || utf8.RuneCountInString(b) < 2 {
		return false
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
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
	case fieldRater:
		u.Rater = indicators.TrimSpace(text)
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
		s.setClaim(u, f, x)
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
func (s *Schema) setClaim(u *indicators.Unit, f *field, x float64) {
	id := f.id
	if f.kind == fieldClaimScore {
		id = "score"
	}
	if u.Claims == nil {
		// Sized for a claim of every indicator and the total at once: a
		// map grown claim by claim cost a tenth of reading claimed data.
		u.Claims = make(map[string]float64, len(s.rs.Indicators)+1)
	}
	u.Claims[id] = x
}

// setNumber stores a number given natively (YAML, JSON).
func (s *Schema) setNumber(u *indicators.Unit, f *field, x float64, raw string, pos diag.Pos) {
	if !indicators.Finite(x) {
		s.cellError(u, f, raw, pos, notNumber(msg.DataNotFinite, raw))
		return
	}
	switch f.kind {
	case fieldInput:
		if s.rs.Inputs[f.input].Type == indicators.TypeTier {
			s.cellError(u, f, raw, pos, cellProblem{code: msg.DataTierNoNumber})
			return
		}
		u.Values[f.input] = indicators.NumberValue(x)
	case fieldClaim, fieldClaimScore:
		s.setClaim(u, f, x)
	default:
		s.setText(u, f, raw, pos)
	}
}

// found is a keyed value that is neither a number nor text, as its reader
// names it in the error: a word (msg.DataAMapping), or as written
// ("true", "[1]").
type found string

// word is what the error says the value is: the word in the schema's
// language, or the value as written.
func (f found) word() any {
	switch c := msg.Code(f); c {
	case msg.DataAMapping, msg.DataAList, msg.DataAnAlias:
		return c
	}
	return string(f)
}

// setKeyed stores the value of one key of keyed data — a YAML or JSON
// document, JSON Lines, or a map given to Unit — as its reader gives it:
// nil (missing), a string (read as a cell is), a number (float64, or
// json.Number for one written in the data, which may be out of range), or
// found, which is an error. raw is the value as written, for messages.
func (s *Schema) setKeyed(u *indicators.Unit, f *field, v any, raw string, pos diag.Pos) {
	switch x := v.(type) {
	case nil:
		// absent: stays missing
	case string:
		s.setText(u, f, x, pos)
	case json.Number:
		n, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			s.cellError(u, f, raw, pos, notNumber(msg.DataOutOfRange, diag.Head(raw)))
			return
		}
		s.setNumber(u, f, n, raw, pos)
	case float64:
		s.setNumber(u, f, x, raw, pos)
	case found:
		s.cellError(u, f, raw, pos, cellProblem{code: msg.DataWantNumberText, args: []any{x.word()}})
	default:
		s.cellError(u, f, raw, pos, cellProblem{code: msg.DataWantNumberText, args: []any{fmt.Sprintf("%T", v)}})
	}
}

// Unit builds the unit id (named name) from fields keyed as keyed data
// (YAML, JSON) names them: input ids or labels, compared as headers are
// (see resolve), claimed.<indicator>, claimed.score, claimed.grade,
// reason.<indicator>, and claimed or reason mappings of those. A value is
// nil (missing), text (read as a cell is: "1,234", "85%", "A", "NA"), a
// Go number or json.Number. It is how library callers, ruleset test cases
// and generated rows become units, by the rules data files are read by.
//
// Unlike a data file, whose unknown columns are ignored with a warning,
// fields are written by hand or by a program: a key that names nothing of
// the ruleset, a key with another unit in brackets, two keys for one input
// and a value that does not read are errors. They are returned as a
// diag.List naming the key, with no position (the caller knows where the
// fields came from), and are also on the unit's Errors, so that the unit
// fails rather than scores with an input missing.
func (s *Schema) Unit(id, name string, fields map[string]any) (indicators.Unit, error) {
	// Fields are read in map order, and again in key order only when one
	// is wrong, so that the errors (and which of two keys for one input is
	// named second) are the same run after run: sorting every unit's keys
	// would cost more than reading them.
	u, errs := s.unit(id, name, fields, false)
	if len(errs) == 0 {
		return u, nil
	}
	u, errs = s.unit(id, name, fields, true)
	u.Errors = errs
	return u, errs
}

// unit reads fields into a new unit, in key order if sorted.
func (s *Schema) unit(id, name string, fields map[string]any, sorted bool) (indicators.Unit, diag.List) {
	u := s.newUnit(diag.Pos{})
	u.ID, u.Name = id, name
	g := given{inputs: make([]string, len(s.rs.Inputs)), sorted: sorted}
	var errs diag.List
	g.each(fields, func(key string, v any) { s.setField(&u, key, v, &g, &errs) })
	return u, errs
}

// given is the keys a unit's fields gave, by what they mean, so that two
// keys for one input (or one claim) are found, as unitKeys finds them in
// keyed files; inputs by index, as a map with a string per key would be
// most of the cost of a generated row (jixiao gen --claims).
type given struct {
	inputs []string          // by input index
	others map[string]string // by field.meaning, claims and reasons
	sorted bool              // read fields in key order
}

// each calls f for every field of m, in key order if g.sorted.
func (g *given) each(m map[string]any, f func(key string, v any)) {
	if !g.sorted {
		for k, v := range m {
			f(k, v)
		}
		return
	}
	for _, k := range sortedKeys(m) {
		f(k, m[k])
	}
}

// seen notes that key gave f and returns the key that gave it before, if
// any.
func (g *given) seen(f *field, key string) (string, bool) {
	if f.kind == fieldInput {
		prev := g.inputs[f.input]
		if prev == "" {
			g.inputs[f.input] = key
		}
		return prev, prev != ""
	}
	if g.others == nil {
		g.others = map[string]string{}
	}
	m := f.meaning()
	prev, ok := g.others[m]
	if !ok {
		g.others[m] = key
	}
	return prev, ok
}

// setField stores one field of Unit, adding what is wrong with it to errs.
func (s *Schema) setField(u *indicators.Unit, key string, v any, g *given, errs *diag.List) {
	if sub, ok := v.(map[string]any); ok && nestedClaims(key) {
		g.each(sub, func(k string, v any) { s.setField(u, key+"."+k, v, g, errs) })
		return
	}
	f := s.resolve(key)
	switch f.kind {
	case fieldInput, fieldClaim, fieldClaimScore, fieldClaimGrade, fieldReason, fieldRater:
	case fieldWrongUnit:
		errs.Add(s.wrongUnit(&f, msg.DataKey, diag.Pos{}))
		return
	default:
		what := msg.DataKeyNotInput
		if strings.HasPrefix(normalize(key), ClaimedPrefix) || strings.HasPrefix(normalize(key), ReasonPrefix) {
			what = msg.DataKeyNoIndicator
		}
		errs.Add(&diag.Error{Code: "unknown_input", Field: key,
			Msg: s.p.Sprintf(what, diag.Quote(key), s.rs.ID)})
		return
	}
	if prev, dup := g.seen(&f, key); dup {
		errs.Add(s.duplicateKey(&field{name: prev}, &f, diag.Pos{}))
		return
	}
	var raw string
	switch x := v.(type) {
	case nil:
	case string:
		raw = x
	case json.Number:
		raw = string(x)
	case float64:
		raw = strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		v, raw = float64(x), strconv.FormatFloat(float64(x), 'f', -1, 32)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		raw = fmt.Sprint(x)
		v = json.Number(raw)
	case bool:
		v, raw = found(strconv.FormatBool(x)), strconv.FormatBool(x)
	case map[string]any:
		v = found(msg.DataAMapping)
	case []any:
		v = found(msg.DataAList)
	default:
		raw = fmt.Sprint(x)
		v = found(diag.Clip(raw))
	}
	n := len(u.Errors)
	s.setKeyed(u, &f, v, raw, diag.Pos{})
	for _, e := range u.Errors[n:] {
		// Data files name a cell's column as written, beside its label;
		// fields have no column, so they are named by key.
		what := diag.Clip(key)
		if f.kind == fieldInput {
			what = s.p.Sprintf(msg.DataInput, what)
		}
		e.Msg = s.p.Sprintf(msg.DataField, what, s.cellReason(&f, raw, e.Err))
		errs.Add(e)
	}
	u.Errors = u.Errors[:n]
}

func (s *Schema) cellError(u *indicators.Unit, f *field, text string, pos diag.Pos, err error) {
	u.Errors = append(u.Errors, &diag.Error{Pos: pos, Code: "bad_cell", Field: f.name, Value: diag.Clip(text),
		Msg: s.p.Sprintf(msg.DataField, s.fieldWhat(f), s.cellReason(f, text, err)), Err: err})
}

// fieldWhat names a field for a message: the column as written, with the
// input's label or id beside it.
func (s *Schema) fieldWhat(f *field) string {
	what := f.name
	if f.kind == fieldInput {
		in := s.rs.Inputs[f.input]
		if in.Label != "" && in.Label != f.name {
			what = s.p.Sprintf(msg.DataParen, f.name, in.Label)
		} else if in.Label != "" && in.ID != f.name {
			what = s.p.Sprintf(msg.DataParen, f.name, in.ID)
		}
	}
	return what
}

// unknownFieldWarning describes a column or key the ruleset does not know.
func (s *Schema) unknownFieldWarning(f field, pos diag.Pos) *diag.Error {
	what := msg.DataColNotInput
	if strings.HasPrefix(f.name, ClaimedPrefix) || strings.HasPrefix(f.name, ReasonPrefix) {
		what = msg.DataColNoIndicator
	}
	return &diag.Error{Pos: pos, Code: "unknown_column", Field: f.name, Msg: s.p.Sprintf(what, diag.Quote(f.name), s.rs.ID)}
}

// sortedKeys returns the keys of m in order: fields are read, and their
// errors said, in the same order run after run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
