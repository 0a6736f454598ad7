package rulesets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr/builtin"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Options says how rulesets are loaded: Lang is the language of the
// messages ("en" English; anything else, the empty string included,
// Chinese). The package functions Load, LoadFile, LoadCases and Open are
// those of Options{}.
type Options struct {
	Lang string
}

// LoadFile is Options{}.LoadFile: messages in Chinese.
func LoadFile(path string) (*indicators.Ruleset, error) { return Options{}.LoadFile(path) }

// Load is Options{}.Load: messages in Chinese.
func Load(name string, src []byte) (*indicators.Ruleset, error) { return Options{}.Load(name, src) }

// LoadCases is Options{}.LoadCases: messages in Chinese.
func LoadCases(name string, src []byte) ([]indicators.Case, error) {
	return Options{}.LoadCases(name, src)
}

// LoadFile reads and loads the ruleset file at path, together with its test
// cases from NAME.test.yaml beside it when that file exists.
func (o Options) LoadFile(path string) (*indicators.Ruleset, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: path}, Code: "read_error", Msg: msg.For(o.Lang).Sprintf(msg.RuleReadError, unwrapPath(err)), Err: err}}
	}
	rs, err := o.Load(path, src)
	if err != nil {
		return nil, err
	}
	testPath := TestFile(path)
	if tsrc, err := os.ReadFile(testPath); err == nil {
		cases, err := o.LoadCases(testPath, tsrc)
		if err != nil {
			return nil, err
		}
		rs.Tests = append(rs.Tests, cases...)
	}
	return rs, nil
}

// TestFile is the file of test cases LoadFile reads beside the ruleset
// file at path: NAME.test.yaml.
func TestFile(path string) string {
	return strings.TrimSuffix(strings.TrimSuffix(path, ".yaml"), ".yml") + ".test.yaml"
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load parses a ruleset from src; name is used in messages. Loading is
// strict: unknown keys, duplicate keys and ids, wrong types and bad scoring
// forms are errors with file, line and column. Formulas are not compiled
// here (see Compile).
func (o Options) Load(name string, src []byte) (_ *indicators.Ruleset, err error) {
	defer errRecover(name, &err)
	l := &loader{file: name, src: src, rules: rulesLib, p: msg.For(o.Lang)}
	rs := l.ruleset()
	if len(l.errs) > 0 {
		l.errs.Sort()
		return nil, l.errs
	}
	sum := sha256.Sum256(src)
	rs.SHA256 = hex.EncodeToString(sum[:])
	rs.Source = src
	rs.File = name
	return rs, nil
}

// LoadCases parses a NAME.test.yaml file: a mapping with a tests: list, or
// the list itself.
func (o Options) LoadCases(name string, src []byte) (_ []indicators.Case, err error) {
	defer errRecover(name, &err)
	l := &loader{file: name, src: src, p: msg.For(o.Lang)}
	doc := l.document()
	var cases []indicators.Case
	if doc != nil {
		list := doc
		if doc.Kind == yaml.MappingNode {
			list = nil
			l.fields(doc, func(key string, v *yaml.Node) {
				if key != "tests" {
					l.unknownKey(key, msg.InTestFile, "tests")
					return
				}
				list = v
			})
		}
		if list != nil {
			cases = l.cases(list)
		}
	}
	if len(l.errs) > 0 {
		l.errs.Sort()
		return nil, l.errs
	}
	return cases, nil
}

type loader struct {
	p     msg.Printer // words the messages
	file  string
	src   []byte
	errs  diag.List
	key   *yaml.Node // the key of the field being read, for unknown-key errors
	keys  int        // keys read so far (see count)
	lines []int      // byte offset of each line's start, built on first use
	// rules gives the rules library to use: (rules.go); a field, so that
	// the library's own loading does not refer to itself.
	rules func() (*rulesLibrary, error)
}

// unknownKey reports the key of the field being read as unknown.
func (l *loader) unknownKey(key string, where, want any) {
	l.errorf(l.key, "unknown_key", msg.RuleUnknownKey, key, where, want)
}

// lineText returns line n (from 1) of the source, for snippets. The line
// index is built once, so that many snippets cost no more than one pass.
func (l *loader) lineText(n int) string {
	if l.lines == nil {
		l.lines = append(l.lines, 0)
		for i, c := range l.src {
			if c == '\n' {
				l.lines = append(l.lines, i+1)
			}
		}
	}
	if n < 1 || n > len(l.lines) {
		return ""
	}
	end := len(l.src)
	if n < len(l.lines) {
		end = l.lines[n] - 1
	}
	return diag.LineOf(l.src[l.lines[n-1]:end], 1)
}

func (l *loader) pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: l.file}
	}
	return diag.Pos{File: l.file, Line: n.Line, Col: n.Column}
}

func (l *loader) errorf(n *yaml.Node, code string, c msg.Code, args ...any) {
	p := l.pos(n)
	l.errs.Add(&diag.Error{Pos: p, Code: code, Msg: l.p.Sprintf(c, args...), Snippet: l.lineText(p.Line)})
}

// document parses the YAML and returns the root content node, or nil.
func (l *loader) document() *yaml.Node {
	if len(strings.TrimSpace(string(l.src))) == 0 {
		l.errs.Add(&diag.Error{Pos: diag.Pos{File: l.file}, Code: "empty_file", Msg: l.p.Sprintf(msg.RuleEmptyFile)})
		return nil
	}
	if e := l.notText(); e != nil {
		l.errs.Add(e)
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(l.src, &doc); err != nil {
		d := diag.YAML(l.file, l.src, err)
		d.Msg = l.p.Sprintf(msg.RuleYAML, d.Msg)
		l.errs.Add(d)
		return nil
	}
	if len(doc.Content) == 0 {
		l.errs.Add(&diag.Error{Pos: diag.Pos{File: l.file}, Code: "empty_file", Msg: l.p.Sprintf(msg.RuleNoDocument)})
		return nil
	}
	return doc.Content[0]
}

// notText refuses a file that is not UTF-8 text at the first byte that is
// not, with its line and column: yaml.v3 would say only "invalid leading
// UTF-8 octet". A ruleset saved as GB18030 (GBK) by an older editor is
// named as such.
func (l *loader) notText() *diag.Error {
	bad := -1
	what := ""
	if i := bytes.IndexByte(l.src, 0); i >= 0 {
		bad, what = i, l.p.Sprintf(msg.RuleBinary)
	}
	for i := 0; bad < 0 && i < len(l.src); {
		r, size := utf8.DecodeRune(l.src[i:])
		if r == utf8.RuneError && size <= 1 {
			bad, what = i, l.p.Sprintf(msg.RuleNotUTF8, l.src[i])
			if looksGB18030(l.src) {
				what = l.p.Sprintf(msg.RuleGB18030, l.src[i])
			}
			break
		}
		i += size
	}
	if bad < 0 {
		return nil
	}
	line := 1 + strings.Count(string(l.src[:bad]), "\n")
	start := strings.LastIndexByte(string(l.src[:bad]), '\n') + 1
	col := utf8.RuneCount(l.src[start:bad]) + 1
	return &diag.Error{Pos: diag.Pos{File: l.file, Line: line, Col: col}, Code: "bad_encoding", Msg: what}
}

// looksGB18030 reports whether src reads as GB18030 text: no invalid
// sequence, no control character but tab and line breaks.
func looksGB18030(src []byte) bool {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
	if err != nil {
		return false
	}
	for _, r := range string(out) {
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// fields calls fn for each key of mapping n, reporting duplicate keys and
// non-mappings.
func (l *loader) fields(n *yaml.Node, fn func(key string, v *yaml.Node)) {
	n = l.resolve(n)
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "type_mismatch", msg.RuleExpectedMapping, kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], l.resolve(n.Content[i+1])
		if !l.count(k) {
			return
		}
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			l.errorf(k, "unsupported", msg.RuleMergeKey)
			continue
		}
		if seen[k.Value] {
			l.errorf(k, "duplicate_key", msg.RuleDuplicateKey, k.Value)
			continue
		}
		seen[k.Value] = true
		l.key = k
		fn(k.Value, v)
	}
}

// duplicateKey reports each key of mapping n given twice, where it is
// given: decoding the mapping would refuse it without saying where.
func (l *loader) duplicateKey(n *yaml.Node) bool {
	seen := map[string]bool{}
	dup := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if seen[k.Value] {
			l.errorf(k, "duplicate_key", msg.RuleDuplicateKey, k.Value)
			dup = true
		}
		seen[k.Value] = true
	}
	return dup
}

// maxKeys bounds the keys the loader reads, counting a key again each time
// an alias (*name) repeats it. Anchors let a bureau share a band table;
// aliases that refer to each other many times would make the loader's
// work grow without bound (billion laughs).
const maxKeys = 200_000

// resolve follows an alias.
func (l *loader) resolve(n *yaml.Node) *yaml.Node { return resolveAlias(n) }

// count counts a key read; past maxKeys it reports the file once and
// returns false, and the caller stops.
func (l *loader) count(n *yaml.Node) bool {
	if l.keys++; l.keys <= maxKeys {
		return true
	}
	if l.keys == maxKeys+1 {
		l.errorf(n, "too_large", msg.RuleTooManyKeys, maxKeys)
	}
	return false
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		return msg.RuleKindMapping
	case yaml.SequenceNode:
		return msg.RuleKindList
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return msg.RuleKindNothing
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return msg.RuleKindOther
}

func (l *loader) str(n *yaml.Node, what any) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.errorf(n, "type_mismatch", msg.RuleExpectedText, what, kindName(n))
		return ""
	}
	return n.Value
}

func (l *loader) num(n *yaml.Node, what any) float64 {
	x, _ := l.number(n, what)
	return x
}

// number reads a finite number; ok is false when it reported an error.
func (l *loader) number(n *yaml.Node, what any) (x float64, ok bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Style == 0 {
		// YAML leaves a number too large for a float as text (1e309).
		if _, err := strconv.ParseFloat(n.Value, 64); errors.Is(err, strconv.ErrRange) {
			l.errorf(n, "type_mismatch", msg.RuleNumberRange, what, n.Value)
			return 0, false
		}
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		l.errorf(n, "type_mismatch", msg.RuleExpectedNumber, what, kindName(n))
		return 0, false
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		l.errorf(n, "type_mismatch", msg.RuleNotFinite, what, n.Value)
		return 0, false
	}
	return x, true
}

// boolean reads true or false.
func (l *loader) boolean(n *yaml.Node, what any) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b
		}
	}
	l.errorf(n, "type_mismatch", msg.RuleExpectedBool, what, kindName(n))
	return false
}

func (l *loader) list(n *yaml.Node, what any) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "type_mismatch", msg.RuleExpectedList, what, kindName(n))
		return nil
	}
	return n.Content
}

// formula records a formula scalar with what is needed to map positions
// inside it back to the file.
func (l *loader) formula(n *yaml.Node, what any) indicators.Formula {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.errorf(n, "type_mismatch", msg.RuleExpectedFormula, what, kindName(n))
		return indicators.Formula{}
	}
	f := indicators.Formula{Src: n.Value, Pos: l.pos(n)}
	switch n.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		f.Pos.Col++
	case yaml.LiteralStyle, yaml.FoldedStyle:
		f.Block = true
		f.Pos.Line++
		f.Indent = l.blockIndent(f.Pos.Line)
		f.Pos.Col = f.Indent + 1
	}
	f.Line = l.lineText(f.Pos.Line)
	if strings.TrimSpace(f.Src) == "" {
		l.errorf(n, "empty_formula", msg.RuleEmptyFormula, what)
	}
	return f
}

// blockIndent returns the indentation of the first non-blank line at or
// after line.
func (l *loader) blockIndent(line int) int {
	l.lineText(1) // builds the index
	for ; line <= len(l.lines); line++ {
		if s := l.lineText(line); strings.TrimSpace(s) != "" {
			return len(s) - len(strings.TrimLeft(s, " "))
		}
	}
	return 0
}

// identRE matches the ids that formulas can name: letters (Chinese too),
// digits and _, not starting with a digit.
var identRE = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_]*$`)

// rulesetIDRE also allows -, since ruleset ids never appear in formulas.
var rulesetIDRE = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_-]*$`)

// builtinInput refuses an input id that is the name of one of expr's
// built-in functions (abs, len, max, round, ...): in a formula the name
// would mean the input, hiding the function, and abs(x) would fail with
// expr's "float64 is not callable". Indicator and check ids are not names
// in formulas and may be anything.
func (l *loader) builtinInput(n *yaml.Node, id string) {
	if _, ok := builtin.Index[id]; ok {
		l.errorf(n, "reserved_id", msg.RuleBuiltinInput, id, id, id)
	}
}

func (l *loader) ident(n *yaml.Node, what any) string {
	s := l.str(n, what)
	if s == "" {
		return ""
	}
	if !identRE.MatchString(s) {
		l.errorf(n, "bad_id", msg.RuleNotIdent, what, s)
		return s
	}
	if indicators.ReservedWord(s) {
		l.errorf(n, "reserved_id", msg.RuleReservedWord, what, s)
	}
	return s
}

func (l *loader) ruleset() *indicators.Ruleset {
	rs := &indicators.Ruleset{Missing: indicators.MissingZero}
	doc := l.document()
	if doc == nil {
		return rs
	}
	rs.Pos = l.pos(doc)
	if resolveAlias(doc).Kind != yaml.MappingNode {
		l.errorf(doc, "type_mismatch", msg.RuleNotRuleset, kindName(doc))
		return rs
	}
	var indNodes, inputNodes, monitorNode *yaml.Node
	l.fields(doc, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			rs.ID = l.str(v, "id")
			if rs.ID != "" && !rulesetIDRE.MatchString(rs.ID) {
				l.errorf(v, "bad_id", msg.RuleBadRulesetID, rs.ID)
			}
		case "title":
			rs.Title = l.str(v, "title")
		case "version":
			rs.Version = l.str(v, "version")
		case "missing":
			rs.Missing = l.str(v, "missing")
			if rs.Missing != indicators.MissingZero && rs.Missing != indicators.MissingError {
				l.errorf(v, "bad_value", msg.RuleBadMissing, rs.Missing)
			}
		case "reverse":
			rs.Reverse = l.reverse(v)
		case "grades":
			rs.Grades = l.grades(v)
		case "inputs":
			inputNodes = v
		case "checks":
			rs.Checks = l.checks(v)
		case "indicators":
			indNodes = v
		case "tests":
			rs.Tests = l.cases(v)
		case "monitor":
			monitorNode = v
		default:
			if l.rulesKey(rs, key, v) {
				return
			}
			l.unknownKey(key, msg.InRuleset, "id, title, version, grades, missing, reverse, inputs, checks, indicators, overshoot, adjust, max_total, outcomes, tests, monitor")
		}
	})
	if rs.ID == "" {
		l.errorf(doc, "missing_key", msg.RuleNoID)
	}
	if inputNodes != nil {
		rs.Inputs = l.inputs(inputNodes)
	}
	if indNodes == nil {
		l.errorf(doc, "missing_key", msg.RuleNoIndicators)
	} else {
		rs.Indicators = l.indicatorList(indNodes, rs)
	}
	if rs.Grades == nil {
		rs.Grades = indicators.DefaultGrades()
	}
	rs.Monitor = indicators.DefaultMonitor()
	if monitorNode != nil {
		rs.Monitor = l.monitor(monitorNode)
	}
	l.checkIDs(rs)
	l.checkRules(rs)
	return rs
}

func (l *loader) reverse(v *yaml.Node) string {
	s := l.str(v, "reverse")
	if s != indicators.ReverseLinear && s != indicators.ReverseRatio {
		l.errorf(v, "bad_value", msg.RuleBadReverse, s)
	}
	return s
}

func (l *loader) grades(n *yaml.Node) []indicators.Grade {
	var gs []indicators.Grade
	for _, item := range l.list(n, "grades") {
		g := indicators.Grade{Pos: l.pos(item)}
		var hasMin bool
		l.fields(item, func(key string, v *yaml.Node) {
			switch key {
			case "min":
				g.Min, hasMin = l.num(v, "grades: min"), true
			case "label":
				g.Label = l.str(v, "grades: label")
			default:
				l.unknownKey(key, msg.InGrade, "min, label")
			}
		})
		if !hasMin || g.Label == "" {
			l.errorf(item, "missing_key", msg.RuleGradeNeeds)
		}
		if len(gs) > 0 && g.Min >= gs[len(gs)-1].Min {
			l.errorf(item, "bad_grades", msg.RuleGradeOrder, g.Label, g.Min, gs[len(gs)-1].Min)
		}
		gs = append(gs, g)
	}
	if n.Kind == yaml.SequenceNode && len(gs) == 0 {
		l.errorf(n, "bad_grades", msg.RuleGradesEmpty)
	}
	return gs
}

func (l *loader) inputs(n *yaml.Node) []indicators.Input {
	var ins []indicators.Input
	l.fields(n, func(key string, v *yaml.Node) {
		in := indicators.Input{ID: key, Type: indicators.TypeNumber, Pos: l.pos(v)}
		kn := keyNode(n, key)
		if !identRE.MatchString(key) {
			l.errorf(kn, "bad_id", msg.RuleInputNotIdent, key)
		} else if indicators.ReservedInput(key) {
			l.errorf(kn, "reserved_id", msg.RuleInputReserved, key)
		} else {
			l.builtinInput(kn, key)
		}
		in.Pos = l.pos(kn)
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			ins = append(ins, in)
			return
		}
		l.fields(v, func(k string, fv *yaml.Node) {
			switch k {
			case "label":
				in.Label = l.str(fv, msg.WhatInputLabel)
			case "unit":
				in.Unit = l.str(fv, msg.WhatInputUnit)
			case "type":
				in.Type = l.str(fv, msg.WhatInputType)
				if in.Type != indicators.TypeNumber && in.Type != indicators.TypeTier {
					l.errorf(fv, "bad_value", msg.RuleInputType, key, in.Type)
				}
			case "optional":
				in.Optional = l.boolean(fv, l.p.Sprintf(msg.WhatInputOptional, key))
			default:
				l.unknownKey(k, l.p.Sprintf(msg.InInput, key), "label, unit, type, optional")
			}
		})
		ins = append(ins, in)
	})
	return ins
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return m
}

func (l *loader) checks(n *yaml.Node) []indicators.Check {
	var cs []indicators.Check
	for _, item := range l.list(n, "checks") {
		c := indicators.Check{Pos: l.pos(item)}
		l.fields(item, func(key string, v *yaml.Node) {
			switch key {
			case "id":
				c.ID = l.ident(v, msg.WhatCheckID)
			case "assert":
				c.Assert = l.formula(v, "assert")
			case "message":
				c.Message = l.str(v, "message")
			default:
				l.unknownKey(key, msg.InCheck, "id, assert, message")
			}
		})
		if c.ID == "" || !c.Assert.Set() {
			l.errorf(item, "missing_key", msg.RuleCheckNeeds)
		}
		cs = append(cs, c)
	}
	return cs
}

// checkIDs reports ids used twice among the indicators and among the
// checks. Inputs, indicators and checks are three namespaces (DESIGN.md,
// contract 2): an indicator that is one reported figure shares its input's
// id (- id: coverage, value: coverage), as real tables write it. Formulas
// name inputs; indicators are named only as points.ID and values.ID, and
// checks never, so no name is ambiguous.
func (l *loader) checkIDs(rs *indicators.Ruleset) {
	for _, ns := range []struct {
		what msg.Code
		ids  func(yield func(string, diag.Pos))
	}{
		{msg.InIndicator, func(yield func(string, diag.Pos)) {
			for _, ind := range rs.Indicators {
				yield(ind.ID, ind.Pos)
			}
		}},
		{msg.InCheck, func(yield func(string, diag.Pos)) {
			for _, c := range rs.Checks {
				yield(c.ID, c.Pos)
			}
		}},
	} {
		seen := map[string]diag.Pos{}
		ns.ids(func(id string, p diag.Pos) {
			if id == "" {
				return
			}
			if prev, ok := seen[id]; ok {
				l.errs.Add(&diag.Error{Pos: p, Code: "duplicate_id", Snippet: l.lineText(p.Line),
					Msg: l.p.Sprintf(msg.RuleDuplicateID, id, ns.what, prev.Line)})
				return
			}
			seen[id] = p
		})
	}
}

var targetRE = regexp.MustCompile(`^\s*(>=|<=|=|≥|≤)\s*(.*)$`)

func (l *loader) indicatorList(n *yaml.Node, rs *indicators.Ruleset) []indicators.Indicator {
	var inds []indicators.Indicator
	for _, item := range l.list(n, "indicators") {
		inds = append(inds, l.indicator(item, rs))
	}
	if n.Kind == yaml.SequenceNode && len(inds) == 0 {
		l.errorf(n, "missing_key", msg.RuleIndicatorsEmpty)
	}
	return inds
}

func (l *loader) indicator(n *yaml.Node, rs *indicators.Ruleset) indicators.Indicator {
	ind := indicators.Indicator{Pos: l.pos(n)}
	var forms []string
	var hasWeight, hasTiers bool
	var useNode *yaml.Node
	var rel relKeys
	l.fields(n, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			ind.ID = l.ident(v, msg.WhatIndicatorID)
		case "label":
			ind.Label = l.str(v, "label")
		case "group":
			if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				ind.Group = []string{v.Value}
				return
			}
			ind.Group = []string{}
			for _, g := range l.list(v, "group") {
				ind.Group = append(ind.Group, l.str(g, "group"))
			}
		case "weight":
			n := len(l.errs)
			ind.Weight, hasWeight = l.num(v, "weight"), true
			if ind.Weight <= 0 && len(l.errs) == n {
				l.errorf(v, "bad_value", msg.RuleWeightAbove0, ind.Weight)
			}
		case "note":
			ind.Note = l.str(v, "note")
		case "use":
			ind.Use, useNode = l.str(v, "use"), v
		case "value":
			ind.Value = l.formula(v, "value")
		case "reverse":
			if isBool(v) { // relative's reverse: true, checked by relFinish
				rel.reverse = v
				return
			}
			ind.Reverse = l.reverse(v)
		case "relative":
			forms = append(forms, key)
			rel.relative = v
			ind.Relative = l.relative(v)
		case "panel":
			forms = append(forms, key)
			rel.panel = v
			ind.Panel = l.panel(v)
		case "spread":
			rel.spread = v
		case "target":
			forms = append(forms, key)
			s := l.str(v, "target")
			m := targetRE.FindStringSubmatch(s)
			if m == nil || strings.TrimSpace(m[2]) == "" {
				l.errorf(v, "bad_target", msg.RuleBadTarget, s)
				return
			}
			op := map[string]string{"≥": ">=", "≤": "<="}[m[1]]
			if op == "" {
				op = m[1]
			}
			f := l.formula(v, "target")
			skip := len(s) - len(m[2]) // bytes before the expression
			f.Src = m[2]
			f.Pos.Col += len([]rune(s[:skip]))
			ind.Target = indicators.Target{Op: op, Expr: f}
		case "bands":
			forms = append(forms, key)
			ind.Bands = l.bands(v)
		case "tiers":
			forms = append(forms, key)
			hasTiers = true
			ind.Tiers = l.tiers(v)
		case "deduct":
			forms = append(forms, key)
			l.fields(v, func(k string, dv *yaml.Node) {
				switch k {
				case "count":
					ind.Deduct.Count = l.formula(dv, msg.WhatDeductCount)
				case "points":
					ind.Deduct.Points = l.num(dv, msg.WhatDeductPoints)
				default:
					l.unknownKey(k, msg.InDeduct, "count, points")
				}
			})
			if !ind.Deduct.Count.Set() {
				l.errorf(v, "missing_key", msg.RuleDeductNeeds)
			}
		case "score":
			forms = append(forms, key)
			ind.Score = l.formula(v, "score")
		case "overshoot":
			ind.Overshoot = l.overshoot(v)
		default:
			l.unknownKey(key, msg.InIndicator, "id, label, group, weight, note, use, value, target, reverse, bands, tiers, deduct, score, relative, panel, spread, overshoot")
		}
	})
	if useNode != nil && !l.use(&ind, useNode, rs) {
		return ind // the use: error says it all
	}

	if ind.ID == "" {
		l.errorf(n, "missing_key", msg.RuleIndicatorNeedsID)
	}
	if !hasWeight {
		l.errorf(n, "missing_key", msg.RuleNoWeight, ind.ID)
	}
	if ind.Label == "" {
		ind.Label = ind.ID
	}
	if ind.Group == nil {
		ind.Group = []string{}
	}
	if len(forms) == 0 && ind.Target.Expr.Set() {
		forms = append(forms, indicators.FormTarget) // the library's default target
	}
	switch {
	case len(forms) > 1:
		l.errorf(n, "scoring_form", msg.RuleManyForms, ind.ID, len(forms), strings.Join(forms, ", "))
	case len(forms) == 1:
		ind.Form = forms[0]
	case ind.Value.Set() && l.isTierInput(ind.Value.Src, rs):
		ind.Form = indicators.FormTiers
	default:
		l.errorf(n, "scoring_form", msg.RuleNoForm, ind.ID)
	}
	l.relFinish(n, &ind, rel, rs)
	if ind.Form == indicators.FormTiers && !hasTiers {
		ind.Tiers = indicators.DefaultTiers()
	}
	if ind.Form == indicators.FormTiers && ind.Value.Set() && !l.isTierInput(ind.Value.Src, rs) {
		l.errorf(n, "scoring_form", msg.RuleTiersValue, ind.ID, ind.Value.Src)
	}
	if ind.Reverse != "" && (ind.Form != indicators.FormTarget || ind.Target.Op != "<=") {
		l.errorf(n, "bad_value", msg.RuleReverseTarget, ind.ID)
	}
	if ind.Reverse == "" {
		ind.Reverse = rs.Reverse
	}
	if (ind.Form == indicators.FormTarget || ind.Form == indicators.FormBands) && !ind.Value.Set() {
		l.errorf(n, "missing_key", msg.RuleNeedsValue, ind.ID, ind.Form)
	}
	return ind
}

// isTierInput reports whether src names a tier input, among the ruleset's
// inputs (which may not be loaded yet: they are looked up by a pre-scan).
func (l *loader) isTierInput(src string, rs *indicators.Ruleset) bool {
	id := strings.TrimSpace(src)
	for _, in := range rs.Inputs {
		if in.ID == id {
			return in.Type == indicators.TypeTier
		}
	}
	return false
}

func (l *loader) bands(n *yaml.Node) []indicators.Band {
	var bs []indicators.Band
	items := l.list(n, "bands")
	for i, item := range items {
		b := indicators.Band{Pos: l.pos(item)}
		l.fields(item, func(key string, v *yaml.Node) {
			switch key {
			case "when":
				b.When = l.formula(v, "when")
			case "score":
				b.Score = l.formula(v, msg.WhatBandScore)
			case "else":
				b.Else = true
				b.Score = l.formula(v, "else")
			default:
				l.unknownKey(key, msg.InBand, msg.WantBand)
			}
		})
		switch {
		case b.Else && b.When.Set():
			l.errorf(item, "bad_band", msg.RuleBandEither)
		case b.Else && i != len(items)-1:
			l.errorf(item, "bad_band", msg.RuleElseLast)
		case !b.Else && (!b.When.Set() || !b.Score.Set()):
			l.errorf(item, "bad_band", msg.RuleBandNeeds)
		}
		bs = append(bs, b)
	}
	if n.Kind == yaml.SequenceNode && len(bs) == 0 {
		l.errorf(n, "bad_band", msg.RuleBandsEmpty)
	}
	return bs
}

func (l *loader) tiers(n *yaml.Node) indicators.Tiers {
	t := indicators.DefaultTiers()
	l.fields(n, func(key string, v *yaml.Node) {
		x, ok := l.number(v, l.p.Sprintf(msg.WhatTier, key))
		if ok && (x < 0 || x > 1) {
			l.errorf(v, "bad_value", msg.RuleTierFraction, key, x)
		}
		switch key {
		case "A", "达成":
			t.A = x
		case "B", "部分达成":
			t.B = x
		case "C", "未达成":
			t.C = x
		default:
			l.errorf(l.key, "unknown_key", msg.RuleUnknownTier, key)
		}
	})
	return t
}

func (l *loader) cases(n *yaml.Node) []indicators.Case {
	var cs []indicators.Case
	for _, item := range l.list(n, "tests") {
		c := indicators.Case{Pos: l.pos(item), File: l.file}
		l.fields(item, func(key string, v *yaml.Node) {
			switch key {
			case "name":
				c.Name = l.str(v, msg.WhatTestName)
			case "data":
				if v.Kind == yaml.MappingNode && l.duplicateKey(v) {
					return
				}
				var data map[string]any
				if err := v.Decode(&data); err != nil || v.Kind != yaml.MappingNode {
					l.errorf(v, "type_mismatch", msg.RuleTestData)
					return
				}
				c.Data = data
			case "expect":
				l.expect(v, &c)
			case "population":
				c.Populations = l.casePopulations(v)
			default:
				l.unknownKey(key, msg.InTest, "name, data, expect, population")
			}
		})
		if c.Name == "" {
			c.Name = fmt.Sprintf("%s:%d", l.file, item.Line)
		}
		cs = append(cs, c)
	}
	return cs
}

func (l *loader) expect(n *yaml.Node, c *indicators.Case) {
	l.fields(n, func(key string, v *yaml.Node) {
		switch key {
		case "score":
			x := l.num(v, msg.WhatExpectedScore)
			c.Score = &x
		case "grade":
			c.Grade = l.str(v, msg.WhatExpectedGrade)
		case "points":
			c.Points = map[string]float64{}
			l.fields(v, func(id string, pv *yaml.Node) { c.Points[id] = l.num(pv, l.p.Sprintf(msg.WhatExpectedPoints, id)) })
		case "status":
			c.Status = map[string]string{}
			l.fields(v, func(id string, sv *yaml.Node) { c.Status[id] = l.str(sv, l.p.Sprintf(msg.WhatExpectedStatus, id)) })
		default:
			if l.expectRules(key, v, c) {
				return
			}
			l.unknownKey(key, msg.InExpect, "score, grade, points, status, adjustments, outcome, change")
		}
	})
}

// errRecover turns a panic while loading into the error returned by Load or
// LoadCases; runtime errors are panicked again (see diag.Internal).
func errRecover(name string, errp *error) {
	if e := recover(); e != nil {
		*errp = diag.List{diag.Internal(name, e)}
	}
}
