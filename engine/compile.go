package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Program is a compiled ruleset. It is immutable once compiled and safe for
// concurrent use: per-run scratch state (one expr VM per worker) lives in
// the calls that evaluate units.
type Program struct {
	// rs is Compile's own copy of the ruleset: the compiled formulas and
	// the full marks worked out from it must not change under a caller
	// who goes on editing the ruleset it passed.
	rs     *indicators.Ruleset
	conf   config
	inds   []compiledIndicator
	groups []indicators.Group // the 一级指标, for subtotals
	checks []compiledCheck
	isTier []bool // by input index
	// steps builds the sub-expressions of explanations once, on first
	// use; a pointer, so that copies of the Program share it.
	steps *sync.Once
	// skipMsg is the message of a check skipped for want of input i;
	// naWhy ("<label> 不适用") and lackWhy ("缺少 <label>") say why a rule
	// does not apply for input i, made once rather than per unit.
	skipMsg, naWhy, lackWhy []string
	// inputIndex maps input ids to their index.
	inputIndex map[string]int
	// relative lists the indexes of the relative indicators: a run
	// needs their populations before it scores (relative.go).
	relative []int
	// panels lists the indexes of the panel indicators: the first pass
	// gathers their raters' points for Kendall's W (relative.go).
	panels []int
	// rules are the adjust rules, ceiling and outcomes (rules.go); nil
	// when the ruleset has none.
	rules *compiledRules
}

type compiledIndicator struct {
	def       *indicators.Indicator
	value     *formula
	tierInput int // input index of a tier-valued indicator, else -1
	target    *formula
	bands     []compiledBand
	count     *formula // deduct
	score     *formula
	reads     []int // input indexes read by any of its formulas, sorted
	// mask has bit(i) set for each input i in reads: one AND with the
	// unit's masks of N/A and missing inputs tells whether reads need a
	// look.
	mask    uint64
	percent bool // show value and target as percentages
	// pctPoints is set when the value is one input reported in % (满意度
	// 94.52 of unit %): it is shown with its % sign, already in points.
	pctPoints bool
	form      form // def.Form, as a number for the hot path
	// dir is a target indicator's comparator and reverse method, resolved
	// here so that no unit compares their strings.
	dir indicators.Direction
	// targetConst is the target when it is a number literal (hasTargetConst).
	targetConst    float64
	hasTargetConst bool
	// full is the points of full marks, Round2(weight), worked out once.
	full float64
	// index is the indicator's place in the ruleset: of its population
	// in a run (scratch.pops).
	index int
	// panelInput is the input of a panel indicator's raters' points.
	panelInput int
	// over is the over-achievement penalty of a target indicator, if any.
	over *indicators.OvershootRule
	// naWhy says that a rule reading it does not apply: "<label> 不适用".
	naWhy string
}

type compiledBand struct {
	when, score *formula
	display     string // the condition as explanations show it
}

type compiledCheck struct {
	def     *indicators.Check
	assert  *formula
	failMsg string // the message of a failed check
	mask    uint64 // bit(i) of each input the assertion reads
}

// form is an indicator's scoring form (indicators.FormTarget, ...) as a
// number, so the hot path switches without comparing strings.
type form uint8

const (
	formNone form = iota
	formTarget
	formBands
	formTiers
	formDeduct
	formScore
	formRelative
	formPanel
)

var forms = map[string]form{indicators.FormTarget: formTarget, indicators.FormBands: formBands,
	indicators.FormTiers: formTiers, indicators.FormDeduct: formDeduct, indicators.FormScore: formScore,
	indicators.FormRelative: formRelative, indicators.FormPanel: formPanel}

// formula is one compiled expression. num or cond is the fast path; prog
// is expr's own program, used when the fast path does not cover the
// formula, and by tests as the reference.
type formula struct {
	src   string
	node  ast.Node
	prog  *vm.Program
	num   numFn
	cond  boolFn
	reads []int
	// uses of value and weight, for lint
	readsValue bool
	// readsMaps: an adjust or outcome formula reads points or values.
	readsMaps bool
	sc        scope
	// sub is the formula's tree of sub-expressions for explanations,
	// built on first use (see Program.steps).
	sub     *subExpr
	boolean bool // a condition (when, assert), not a number
	// alloc is how many range elements the formula builds whenever it
	// runs (limitChecker.certainAlloc), the first of them at allocAt; f
	// and what place them in messages.
	alloc   int64
	allocAt file.Location
	f       indicators.Formula
	what    string
}

// scratch is the per-worker state of an evaluation.
type scratch struct {
	// in holds the numbers by input index (0 where not a number), then
	// the indicator's value and weight (slotValue, slotWeight): every name
	// a fast formula reads is a slot of it.
	in    []float64
	tiers []string // tier letters by input index, for expr's environment
	// na and missing have bit(i) set for the unit's N/A and missing inputs.
	na, missing uint64
	explain     bool       // build explanations (the Explain option)
	text        []byte     // the unit's explanations being written, one after another
	explained   []textSpan // where each indicator's explanation lies in text
	// lend makes a unit's result point into the scratch instead of
	// memory of its own (its explanations into text, its outcome to
	// outcome): for a caller that is done with the result before it
	// evaluates the next unit (a stream worker renders it at once), which
	// saves copying megabytes of text a second and an allocation a unit.
	lend    bool
	outcome Outcome // the unit's outcome when lend
	// inds, checks and groups are the arrays of the unit's result when
	// lend, made once: here rather than only in the result, so that a
	// failed unit (whose result has none) does not lose them.
	inds   []IndicatorResult
	checks []CheckResult
	groups []Subtotal
	vm     vm.VM
	env    map[string]any // expr's environment, built when a formula needs it
	envOK  bool
	meter  meter       // loop steps and clock of the current unit (limits.go)
	limit  *diag.Error // the first limit the unit's formulas hit
	p      *Program
	// pops holds the run's populations by indicator index (relative.go);
	// nil outside a run, or in its first pass.
	pops *populations
	// claims holds the current unit's claimed points, one slot per
	// indicator: IndicatorResult.Claimed points into it, so a unit's
	// claims cost one allocation.
	claims []float64
	// points and values are the unit's points and values by indicator
	// id, for adjust and outcome formulas (rules.go).
	points, values map[string]float64
}

// newScratch returns the scratch state of one worker; ctx stops formulas
// that loop when the evaluation is cancelled.
func (p *Program) newScratch(ctx context.Context) *scratch {
	n := len(p.rs.Inputs)
	s := &scratch{in: make([]float64, n+2), tiers: make([]string, n), p: p, explain: p.conf.explain}
	s.meter = meter{ctx: ctx, maxSteps: p.conf.maxSteps, memBudget: p.conf.memBudget, timeout: p.conf.timeout, pr: p.conf.pr}
	return s
}

func (s *scratch) value() float64      { return s.in[len(s.in)-2+slotValue] }
func (s *scratch) weight() float64     { return s.in[len(s.in)-2+slotWeight] }
func (s *scratch) setValue(v float64)  { s.in[len(s.in)-2+slotValue] = v }
func (s *scratch) setWeight(w float64) { s.in[len(s.in)-2+slotWeight] = w }

// expr environment kinds: which names a formula may read.
type scope int

const (
	scopeInputs  scope = iota // value formulas and checks
	scopeDeduct               // inputs and weight
	scopeScoring              // inputs, value and weight
)

// Compile type-checks and compiles every formula of rs once, with options
// o (nil: the defaults). It returns every error it finds (a diag.List),
// not just the first.
func Compile(rs *indicators.Ruleset, o *Options) (_ *Program, err error) {
	defer errRecover(rs.File, &err)
	conf, err := newConfig(o)
	if err != nil {
		return nil, err
	}
	rs = rs.Clone()
	p := &Program{rs: rs, conf: conf, isTier: make([]bool, len(rs.Inputs)), steps: new(sync.Once)}
	c := &compiler{p: p, rs: rs}
	p.inputIndex = make(map[string]int, len(rs.Inputs))
	for i, in := range rs.Inputs {
		if indicators.ReservedInput(in.ID) {
			// The loader refuses these; a ruleset built in Go must not
			// compile into one whose formulas read something else.
			c.errs.Add(c.errorf(c.filePos(in.Pos), "reserved_id", msg.RuleInputReserved, in.ID))
		}
		p.inputIndex[in.ID] = i
		p.isTier[i] = in.Type == indicators.TypeTier
		p.skipMsg = append(p.skipMsg, "未检查：缺少 "+in.Label)
		p.naWhy = append(p.naWhy, in.Label+" 不适用")
		p.lackWhy = append(p.lackWhy, "缺少 "+in.Label)
	}
	for i := range rs.Indicators {
		ci := c.indicator(&rs.Indicators[i])
		for _, r := range ci.reads {
			if r >= 0 {
				ci.mask |= bit(r)
			}
		}
		ci.form = forms[ci.def.Form]
		ci.index = i
		if ci.form == formRelative {
			p.relative = append(p.relative, i)
		}
		if ci.form == formPanel {
			p.panels = append(p.panels, i)
		}
		ci.full = indicators.Round2(ci.def.Weight)
		ci.naWhy = ci.def.Label + " 不适用"
		if ci.target != nil && ci.target.node != nil {
			if t, ok := isLiteral(ci.target.node); ok && indicators.Finite(t) {
				ci.targetConst, ci.hasTargetConst = t, true
			}
		}
		if ci.form == formTarget {
			ci.over = rs.OvershootOf(ci.def)
			ci.dir = indicators.DirectionOf(ci.def.Target.Op, ci.def.Reverse)
		}
		p.inds = append(p.inds, ci)
	}
	p.rules = c.compileRules()
	p.groups = indicators.Groups(rs.Indicators)
	for i := range rs.Checks {
		ch := &rs.Checks[i]
		cc := compiledCheck{def: ch, failMsg: ch.FailMessage()}
		if ch.Assert.Set() {
			cc.assert = c.formula(ch.Assert, scopeInputs, true, c.p.conf.pr.Sprintf(msg.EngCheck, ch.ID))
			for _, r := range cc.assert.reads {
				cc.mask |= bit(r)
			}
		} else {
			c.errs.Add(c.errorf(c.filePos(ch.Pos), "missing_key", msg.EngCheckAssertMissing, ch.ID))
		}
		p.checks = append(p.checks, cc)
	}
	if len(c.errs) == 0 {
		c.checkCertainAlloc()
	}
	if len(c.errs) > 0 {
		c.errs.Sort()
		return nil, c.errs
	}
	return p, nil
}

// Ruleset returns a copy of the compiled ruleset, for its metadata (id,
// labels, inputs, grades): changing it changes nothing the Program scores.
// Each call copies, so a caller reading many fields keeps the copy.
func (p *Program) Ruleset() *indicators.Ruleset { return p.rs.Clone() }

type compiler struct {
	p    *Program
	rs   *indicators.Ruleset
	errs diag.List
}

func (c *compiler) indicator(ind *indicators.Indicator) compiledIndicator {
	ci := compiledIndicator{def: ind, tierInput: -1}
	pr := c.p.conf.pr
	what := pr.Sprintf(msg.EngIndicator, ind.ID)
	part := func(p msg.Code) string { return pr.Sprintf(msg.EngIndicatorPart, ind.ID, p) }
	if ind.Form == indicators.FormTiers {
		id := strings.TrimSpace(ind.Value.Src)
		ci.tierInput = c.rs.InputIndex(id)
		if ci.tierInput < 0 || !c.p.isTier[ci.tierInput] {
			c.errs.Add(&diag.Error{Pos: ind.Value.Pos, Code: "scoring_form", Snippet: ind.Value.Line,
				Msg: c.p.conf.pr.Sprintf(msg.EngTiersValue, what, ind.Value.Src)})
		}
		ci.reads = []int{ci.tierInput}
		return ci
	}
	if ind.Value.Set() || ind.Form == indicators.FormTarget || ind.Form == indicators.FormBands {
		ci.value = c.need(ind, ind.Value, scopeInputs, false, part(msg.EngPartValue))
	}
	switch ind.Form {
	case indicators.FormTarget:
		ci.target = c.need(ind, ind.Target.Expr, scopeScoring, false, part(msg.EngPartTarget))
	case indicators.FormBands:
		if len(ind.Bands) == 0 {
			c.errs.Add(c.errorf(c.filePos(ind.Pos), "bad_band", msg.EngBandsEmpty, what))
		}
		for _, b := range ind.Bands {
			cb := compiledBand{score: c.need(ind, b.Score, scopeScoring, false, part(msg.EngPartBandScore)), display: displayFormula(b.When.Src)}
			if !b.Else {
				cb.when = c.need(ind, b.When, scopeScoring, true, part(msg.EngPartBandCond))
			}
			ci.bands = append(ci.bands, cb)
		}
	case indicators.FormDeduct:
		ci.count = c.need(ind, ind.Deduct.Count, scopeDeduct, false, part(msg.EngPartDeductCount))
	case indicators.FormScore:
		ci.score = c.need(ind, ind.Score, scopeScoring, false, part(msg.EngPartScore))
	case indicators.FormPanel:
		ci.panelInput = c.rs.InputIndex(strings.TrimSpace(ind.Value.Src))
		if ci.panelInput < 0 {
			c.errs.Add(&diag.Error{Pos: ind.Value.Pos, Code: "scoring_form", Snippet: ind.Value.Line,
				Msg: c.p.conf.pr.Sprintf(msg.EngPanelInput, what, ind.Value.Src)})
		}
	case indicators.FormRelative:
		// The value formula is all: compiled above.
	default:
		c.errs.Add(c.errorf(c.filePos(ind.Pos), "scoring_form", msg.EngNoForm, what))
	}
	if !(ind.Weight > 0) || !indicators.Finite(ind.Weight) {
		c.errs.Add(c.errorf(c.filePos(ind.Pos), "bad_value", msg.EngWeight, what, ind.Weight))
	}
	seen := map[int]bool{}
	for _, f := range ci.formulas() {
		for _, r := range f.reads {
			if !seen[r] {
				seen[r] = true
				ci.reads = append(ci.reads, r)
			}
		}
	}
	sort.Ints(ci.reads)
	if ci.value != nil {
		// A ratio of like quantities (万元 ÷ 万元, 人 ÷ 人) reads as a
		// percentage; 万元 ÷ 人 is a per-capita amount and does not.
		if b, ok := ci.value.node.(*ast.BinaryNode); ok && b.Operator == "/" {
			// A 率 (执行率, 完成率) is a rate whatever units its inputs
			// declare (万元 ÷ 元 still reads as a percentage).
			ci.percent = c.units(b.Left) == c.units(b.Right) || strings.HasSuffix(ind.Label, "率")
		}
		if id, ok := ci.value.node.(*ast.IdentifierNode); ok {
			if i := c.rs.InputIndex(id.Value); i >= 0 {
				u := c.rs.Inputs[i].Unit
				ci.pctPoints = u == "%" || u == "％"
			}
		}
	}
	return ci
}

// units lists the declared units of the inputs a formula reads, sorted and
// joined, to tell ratios of like quantities.
func (c *compiler) units(n ast.Node) string {
	seen := map[string]bool{}
	ast.Walk(&n, identVisitor(func(name string) {
		if i := c.rs.InputIndex(name); i >= 0 {
			seen[c.rs.Inputs[i].Unit] = true
		}
	}))
	us := make([]string, 0, len(seen))
	for u := range seen {
		us = append(us, u)
	}
	sort.Strings(us)
	return strings.Join(us, ",")
}

// formulas lists the compiled formulas of an indicator.
func (ci *compiledIndicator) formulas() []*formula {
	var fs []*formula
	for _, f := range []*formula{ci.value, ci.target, ci.count, ci.score} {
		if f != nil {
			fs = append(fs, f)
		}
	}
	for _, b := range ci.bands {
		if b.when != nil {
			fs = append(fs, b.when)
		}
		if b.score != nil {
			fs = append(fs, b.score)
		}
	}
	return fs
}

// env returns the type environment of a scope: numbers as float64, tier
// inputs as their letter.
func (c *compiler) env(sc scope) map[string]any {
	env := make(map[string]any, len(c.rs.Inputs)+3)
	for i, in := range c.rs.Inputs {
		if c.p.isTier[i] {
			env[in.ID] = ""
		} else {
			env[in.ID] = 0.0
		}
	}
	if sc == scopeAdjust {
		env[namePoints] = map[string]float64{}
		env[nameValues] = map[string]float64{}
		env[nameTotal] = 0.0
	}
	if sc >= scopeDeduct {
		env["weight"] = 0.0
	}
	if sc >= scopeScoring {
		env["value"] = 0.0
	}
	env[meterVar] = (*meter)(nil)
	return env
}

// exprOptions are the options of every expr compile of a scope: its
// names, the node limit and the meter's counters (limits.go).
func (c *compiler) exprOptions(sc scope) []expr.Option {
	return []expr.Option{expr.Env(c.env(sc)), expr.MaxNodes(c.p.conf.maxNodes), meterOption(), expr.Patch(visitor(meterPatch))}
}

// need compiles a formula the indicator's scoring form cannot do without.
// The loader (package rulesets) refuses a missing one with its position; a
// ruleset built in Go may still lack it, and must not compile into a
// program that panics.
func (c *compiler) need(ind *indicators.Indicator, f indicators.Formula, sc scope, boolean bool, what string) *formula {
	if !f.Set() {
		c.errs.Add(c.errorf(c.filePos(ind.Pos), "missing_key", msg.EngFormulaMissing, what))
		return nil
	}
	return c.formula(f, sc, boolean, what)
}

func (c *compiler) formula(f indicators.Formula, sc scope, boolean bool, what string) *formula {
	if !f.Set() {
		return nil
	}
	if len(f.Src) > maxFormulaLen {
		c.errs.Add(&diag.Error{Pos: c.filePos(f.Pos), Code: "formula_limit", Snippet: f.Line,
			Msg: c.p.conf.pr.Sprintf(msg.EngFormulaLong, what, len(f.Src), maxFormulaLen)})
		return &formula{src: f.Src}
	}
	opts := c.exprOptions(sc)
	if boolean {
		opts = append(opts, expr.AsBool())
	} else {
		opts = append(opts, expr.AsFloat64())
	}
	// The limits are checked on the tree as written (before expr's
	// optimizer rewrites it), so that errors point where the user looks.
	prog, err := expr.Compile(f.Src, append(opts, expr.Optimize(false))...)
	lc := limitChecker{memBudget: c.p.conf.memBudget, maxSteps: c.p.conf.maxSteps, pr: c.p.conf.pr}
	if err == nil {
		if fe := lc.check(prog.Node()); fe != nil {
			d := c.exprError(f, sc, what, fe.Bind(file.NewSource(f.Src)), msg.EngWhatMsg)
			d.Code = "formula_limit"
			c.errs.Add(d)
			return &formula{src: f.Src}
		}
		prog, err = expr.Compile(f.Src, opts...)
	}
	if err != nil {
		c.errs.Add(c.exprError(f, sc, what, err, msg.EngWhatCompile))
		return &formula{src: f.Src}
	}
	// Counted on the program that runs: the optimizer may have taken a
	// range out.
	alloc := lc.certainAlloc(prog.Node())
	var allocAt file.Location
	if lc.allocAt != nil {
		allocAt = lc.allocAt.Location()
	}
	unpatchMeter(prog)
	out := &formula{src: f.Src, prog: prog, node: prog.Node(), sc: sc, boolean: boolean,
		alloc: alloc, allocAt: allocAt, f: f, what: what}
	ast.Walk(&out.node, identVisitor(func(name string) {
		if name == "value" {
			out.readsValue = true
		}
		if i := c.rs.InputIndex(name); i >= 0 && !containsInt(out.reads, i) {
			out.reads = append(out.reads, i)
		}
	}))
	sort.Ints(out.reads)
	fc := c.fast(sc)
	if !c.p.conf.noFast {
		if boolean {
			out.cond, _ = fc.cond(out.node)
		} else {
			out.num, _ = fc.num(out.node)
		}
	}
	return out
}

// fast returns the fast-path compiler of a scope.
func (c *compiler) fast(sc scope) *fastCompiler {
	n := len(c.rs.Inputs)
	return &fastCompiler{slot: func(name string) (int, bool) {
		switch name {
		case "value":
			return n + slotValue, sc >= scopeScoring
		case "weight":
			return n + slotWeight, sc >= scopeDeduct
		}
		i := c.rs.InputIndex(name)
		return i, i >= 0 && !c.p.isTier[i]
	}}
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// visitor is a function as an ast.Visitor, for expr's walks and patches.
type visitor func(n *ast.Node)

func (v visitor) Visit(n *ast.Node) { v(n) }

// identVisitor calls f with the name of every identifier it visits.
func identVisitor(f func(name string)) visitor {
	return func(n *ast.Node) {
		if id, ok := (*n).(*ast.IdentifierNode); ok {
			f(id.Value)
		}
	}
}

// exprError turns an expr compile error into a diagnostic at the right
// place of the ruleset file: lead words what and the detail (EngWhatMsg
// for a message jixiao worded, EngWhatCompile for expr's own).
func (c *compiler) exprError(f indicators.Formula, sc scope, what string, err error, lead msg.Code) *diag.Error {
	d := &diag.Error{Pos: f.Pos, Code: "type_mismatch", Snippet: f.Line, Err: err}
	text := err.Error()
	var fe *file.Error
	if errors.As(err, &fe) {
		text = fe.Message
		if fe.Line > 1 {
			d.Pos.Line += fe.Line - 1
			if f.Block {
				d.Pos.Col = f.Indent + 1 + fe.Column
			} else {
				d.Pos.Col = fe.Column + 1
			}
			d.Snippet = diag.LineOf(c.rs.Source, d.Pos.Line)
		} else {
			d.Pos.Col += fe.Column
		}
	}
	pr := c.p.conf.pr
	// expr's own words stay as the detail after lead, a lead-in in the
	// chosen language, unless they are a kind recognised here and worded
	// whole.
	switch {
	case strings.HasPrefix(text, "unknown name "):
		name := strings.TrimPrefix(text, "unknown name ")
		d.Code = "unknown_input"
		lead, text = msg.EngWhatMsg, pr.Sprintf(msg.EngUnknownInput, name)
		if hint := c.suggest(name, sc); hint != "" {
			text = pr.Sprintf(msg.EngUnknownInputHint, name, hint)
		}
	case strings.HasPrefix(text, "unexpected token") || strings.Contains(text, "syntax"):
		d.Code = "formula_syntax"
		if m := tokenRE.FindStringSubmatch(text); m != nil {
			lead, text = msg.EngWhatMsg, pr.Sprintf(msg.EngUnexpected, m[1])
		} else if strings.HasPrefix(text, "unexpected token EOF") {
			lead, text = msg.EngWhatMsg, pr.Sprintf(msg.EngEndsEarly)
		}
	case strings.Contains(text, "exceeds maximum allowed nodes") || strings.Contains(text, "too many nodes"):
		d.Code = "formula_too_large"
		lead, text = msg.EngWhatMsg, pr.Sprintf(msg.EngTooManyNodes, c.p.conf.maxNodes)
	case strings.HasPrefix(text, "invalid operation") && strings.Contains(text, "string"):
		lead, text = msg.EngWhatMsg, pr.Sprintf(msg.EngTierLetter, text)
	case strings.HasPrefix(text, "expected "):
		detail := text
		lead, text = msg.EngWhatMsg, pr.Sprintf(msg.EngWrongType, text)
		for k, v := range typeWords {
			if strings.HasPrefix(detail, k) {
				text = pr.Sprintf(msg.EngGives, v)
			}
		}
	}
	d.Msg = pr.Sprintf(lead, what, text)
	d.Pos = c.filePos(d.Pos)
	return d
}

// errorf is an error at pos worded in the compiler's language.
func (c *compiler) errorf(pos diag.Pos, code string, m msg.Code, args ...any) *diag.Error {
	return &diag.Error{Pos: pos, Code: code, Msg: c.p.conf.pr.Sprintf(m, args...)}
}

// filePos names the ruleset file in a position.
func (c *compiler) filePos(p diag.Pos) diag.Pos {
	if c.rs.File != "" {
		p.File = c.rs.File
	}
	return p
}

// tokenRE reads expr's "unexpected token Operator("/")".
var tokenRE = regexp.MustCompile(`^unexpected token \w+\("(.*)"\)`)

// typeWords says expr's type errors in a bureau's words.
var typeWords = map[string]msg.Code{
	"expected float64, but got bool":   msg.EngTypeBoolNum,
	"expected float64, but got string": msg.EngTypeTextNum,
	"expected bool, but got float64":   msg.EngTypeNumCond,
	"expected bool, but got int":       msg.EngTypeNumCond,
	"expected bool, but got string":    msg.EngTypeTextCond,
	"expected float64, but got []":     msg.EngTypeListNum,
	"expected float64, but got map":    msg.EngTypeMapNum,
	"expected float64, but got <nil>":  msg.EngTypeNilNum,
	"expected bool, but got <nil>":     msg.EngTypeNilCond,
}

// suggest returns the declared name closest to a misspelt one, if close.
func (c *compiler) suggest(name string, sc scope) string {
	best, bestD := "", 3
	names := []string{}
	for _, in := range c.rs.Inputs {
		names = append(names, in.ID)
	}
	if sc >= scopeDeduct {
		names = append(names, "weight")
	}
	if sc >= scopeScoring {
		names = append(names, "value")
	}
	for _, n := range names {
		if d := diag.Distance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// errNotFinite marks a formula result that is NaN or ±Inf.
var errNotFinite = errors.New("not a finite number")

// The errors of the three results that are not finite, made once (never
// changed), so that a unit's ÷0 costs no allocation.
var (
	errNaN    = fmt.Errorf("%w: %v", errNotFinite, math.NaN())
	errPosInf = fmt.Errorf("%w: %v", errNotFinite, math.Inf(1))
	errNegInf = fmt.Errorf("%w: %v", errNotFinite, math.Inf(-1))
)

// The same for an indicator's value (scoreError), for scoreIndicator's
// fast path.
var (
	errValueNaN    = &scoreError{msg.EngPartValue, 0, errNaN}
	errValuePosInf = &scoreError{msg.EngPartValue, 0, errPosInf}
	errValueNegInf = &scoreError{msg.EngPartValue, 0, errNegInf}
)

// valueNotFinite is the error of an indicator whose value x is NaN or ±Inf.
func valueNotFinite(x float64) error {
	switch {
	case math.IsInf(x, 1):
		return errValuePosInf
	case math.IsInf(x, -1):
		return errValueNegInf
	}
	return errValueNaN
}

// notFinite is the error of x, NaN or ±Inf: "not a finite number: NaN".
func notFinite(x float64) error {
	switch {
	case math.IsInf(x, 1):
		return errPosInf
	case math.IsInf(x, -1):
		return errNegInf
	}
	return errNaN
}

// float evaluates a numeric formula.
func (f *formula) float(s *scratch) (float64, error) {
	if f.num != nil {
		return f.num(s), nil
	}
	out, err := s.run(f)
	if err != nil {
		return math.NaN(), err
	}
	switch v := out.(type) {
	case float64:
		return v, nil
	case int:
		return float64(v), nil
	}
	return math.NaN(), errors.New(s.p.conf.pr.Sprintf(msg.EngGaveNumber, out))
}

// bool evaluates a boolean formula.
func (f *formula) bool(s *scratch) (bool, error) {
	if f.cond != nil {
		return f.cond(s), nil
	}
	out, err := s.run(f)
	if err != nil {
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, errors.New(s.p.conf.pr.Sprintf(msg.EngGaveBool, out))
	}
	return b, nil
}

// run evaluates f with expr's VM, building the map environment of the
// current unit on first use.
func (s *scratch) run(f *formula) (out any, err error) {
	if f.prog == nil {
		return nil, errors.New(s.p.conf.pr.Sprintf(msg.EngNotCompiled))
	}
	s.buildEnv()
	s.env["value"] = s.value()
	s.env["weight"] = s.weight()
	m := &s.meter
	s.env[meterVar] = m
	if err := m.enter(); err != nil {
		return nil, err
	}
	// The VM refuses a run that would build more than what is left of
	// the unit's budget, before building it (its count stops at one
	// short of MemoryBudget).
	s.vm.MemoryBudget = m.memLeft() + 1
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(s.p.conf.pr.Sprintf(msg.EngFailed, r))
		}
		if isMemoryError(err) && m.err == nil {
			m.err = m.memoryError()
		}
	}()
	return s.vm.Run(f.prog, s.env)
}

// buildEnv builds the map environment of the current unit's inputs for
// expr's VM, once per unit.
func (s *scratch) buildEnv() {
	if s.envOK {
		return
	}
	if s.env == nil {
		s.env = make(map[string]any, len(s.in)+2)
	}
	for i, in := range s.p.rs.Inputs {
		if s.p.isTier[i] {
			s.env[in.ID] = s.tiers[i]
		} else {
			s.env[in.ID] = s.in[i]
		}
	}
	s.envOK = true
}
