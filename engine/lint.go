package engine

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Issue is one finding of Lint, at a place in the ruleset file. Code is a
// stable snake_case category (weight_sum, band_shadowed, ...).
// Error is set when the ruleset cannot run (it does not load or
// compile); otherwise the issue is a warning: it runs but something in it
// is suspect.
type Issue struct {
	Pos   diag.Pos
	Error bool
	Code  string
	Msg   string
	pr    msg.Printer // the language of Msg, for the severity String shows
}

// String prints the issue as FILE:LINE:COL: error|warning: MESSAGE, the
// form compilers use and editors jump to, the severity in the language
// of the message (Chinese for the issues of ErrorIssues).
func (i Issue) String() string {
	severity := msg.LintSevWarning
	if i.Error {
		severity = msg.LintSevError
	}
	return fmt.Sprintf("%s: %s: %s", i.Pos, i.pr.Sprintf(severity), i.Msg)
}

// ErrorIssues turns the error of rulesets.Open or Load, or of Compile,
// into issues with Error set, one per diagnostic.
func ErrorIssues(err error) []Issue {
	var list diag.List
	var one *diag.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = diag.List{one}
	default:
		return []Issue{{Error: true, Code: "error", Msg: err.Error()}}
	}
	out := make([]Issue, 0, len(list))
	for _, e := range list {
		out = append(out, Issue{Pos: e.Pos, Error: true, Code: e.Code, Msg: e.Msg})
	}
	return out
}

// Lint checks a loaded ruleset for what cannot run (compile errors, as
// issues with Error set) and for what runs but is suspect (warnings):
//
//   - indicator weights that do not sum to 100;
//   - grade bands that leave totals without a grade or can never match;
//   - bands (and else rows) that can never match, because their condition
//     is never true or earlier rows take every value they would; values
//     that no band row matches;
//   - inputs that no indicator or check reads; indicators that read no
//     input;
//   - targets, scores and deductions that make full marks certain or
//     impossible;
//   - tier points out of order or outside the bands of 财预〔2020〕10号;
//   - checks that always pass or always fail;
//   - best_ratio values that can be negative, or 0 with reverse; a panel
//     spread that flags every disagreement (0) or none (1).
//
// Ranges are found without data, taking every number input as 0 or more
// (amounts, counts, shares). Issues come sorted by position. Of o (nil:
// the defaults) Lint uses the limits and Lang, the language of the
// messages.
func Lint(rs *indicators.Ruleset, o *Options) []Issue {
	if o == nil {
		o = &Options{}
	}
	l := &linter{rs: rs, pr: msg.For(o.Lang)}
	l.weights()
	l.grades()
	for i := range rs.Indicators {
		l.tiers(&rs.Indicators[i])
	}
	prog, err := Compile(rs, o)
	if err != nil {
		for _, is := range ErrorIssues(err) {
			is.pr = l.pr
			l.issues = append(l.issues, is)
		}
	} else {
		l.program(prog)
		l.rules(prog)
	}
	sort.SliceStable(l.issues, func(i, j int) bool {
		a, b := l.issues[i].Pos, l.issues[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return l.issues
}

type linter struct {
	pr     msg.Printer // words the issues
	rs     *indicators.Ruleset
	issues []Issue
}

func (l *linter) warn(pos diag.Pos, code string, m msg.Code, args ...any) {
	if pos.File == "" {
		pos.File = l.rs.File
	}
	if pos.Line == 0 {
		pos = l.rs.Pos
	}
	l.issues = append(l.issues, Issue{Pos: pos, Code: code, Msg: l.pr.Sprintf(m, args...), pr: l.pr})
}

func (l *linter) weights() {
	if len(l.rs.Indicators) == 0 {
		return
	}
	if sum := l.rs.TotalWeight(); math.Abs(sum-100) > 1e-9 {
		l.warn(l.rs.Indicators[0].Pos, "weight_sum", msg.LintWeightSum, fmtNum(sum))
	}
}

// maxTotal is the highest total a unit can reach: the sum of the weights,
// or 100 when 不适用 rescales it.
func (l *linter) maxTotal() float64 { return math.Max(100, l.rs.TotalWeight()) }

func (l *linter) grades() {
	gs := l.rs.Grades
	seen := map[string]indicators.Grade{}
	for k, g := range gs {
		if prev, dup := seen[g.Label]; dup {
			l.warn(g.Pos, "grade_duplicate", msg.LintGradeTwice, g.Label, prev.Pos.Line)
		}
		seen[g.Label] = g
		switch {
		case g.Min > l.maxTotal():
			l.warn(g.Pos, "grade_unreachable", msg.LintGradeTooHigh, g.Label, fmtNum(g.Min), fmtNum(l.maxTotal()))
		case k > 0 && gs[k-1].Min <= 0:
			l.warn(g.Pos, "grade_unreachable", msg.LintGradeTaken, g.Label, gs[k-1].Label, fmtNum(gs[k-1].Min))
		case k > 0:
			// Totals are rounded to 2 decimals: the band [min, previous
			// min) must hold one such number.
			first := math.Ceil(g.Min*100-1e-7) / 100
			if first >= gs[k-1].Min-1e-9 {
				l.warn(g.Pos, "grade_unreachable", msg.LintGradeEmpty, g.Label, fmtNum(g.Min), fmtNum(gs[k-1].Min))
			}
		}
	}
	if n := len(gs); n > 0 && gs[n-1].Min > 0 {
		last := gs[n-1]
		l.warn(last.Pos, "grade_gap", msg.LintGradeGap, fmtNum(last.Min), last.Label, fmtNum(last.Min))
	}
}

// tiers checks the tier points of a 定性 indicator against the bands of
// 财预〔2020〕10号: A ∈ [0.8, 1], B ∈ [0.6, 0.8), C ∈ [0, 0.6), falling from A to C.
func (l *linter) tiers(ind *indicators.Indicator) {
	if ind.Form != indicators.FormTiers {
		return
	}
	t := ind.Tiers
	if !(t.A >= t.B && t.B >= t.C) {
		l.warn(ind.Pos, "tiers_order", msg.LintTiersOrder, ind.ID, fmtNum(t.A), fmtNum(t.B), fmtNum(t.C))
	}
	for _, letter := range []byte("ABC") {
		x := t.Of(letter)
		if err := indicators.CheckTierFraction(letter, x); err != nil {
			lo, hi, open := indicators.TierBand(letter)
			closer := "]"
			if open {
				closer = ")"
			}
			l.warn(ind.Pos, "tier_outside_band", msg.LintTierBand,
				ind.ID, letter, indicators.TierName(letter), fmtNum(x), fmtNum(lo), fmtNum(hi), closer)
		}
	}
}

func (l *linter) program(p *Program) {
	read := make([]bool, len(l.rs.Inputs))
	for k := range p.inds {
		ci := &p.inds[k]
		for _, i := range ci.reads {
			if i >= 0 {
				read[i] = true
			}
		}
		l.indicator(ci)
	}
	for k := range p.checks {
		cc := &p.checks[k]
		for _, i := range cc.assert.reads {
			read[i] = true
		}
		l.check(cc)
	}
	p.rules.eachFormula(func(f *formula) {
		for _, i := range f.reads {
			read[i] = true
		}
	})
	for i, in := range l.rs.Inputs {
		if !read[i] {
			label := ""
			if in.Label != "" {
				label = l.pr.Sprintf(msg.LintInputLabel, in.Label)
			}
			l.warn(in.Pos, "input_unused", msg.LintInputUnused, in.ID, label)
		}
	}
}

func (l *linter) check(cc *compiledCheck) {
	f := cc.assert
	if f == nil || f.node == nil || len(f.reads) > 0 {
		// Checks exist to catch bad data: a check on inputs is never
		// judged by the ranges lint assumes for them.
		return
	}
	switch newRangeEnv(l.rs).truth(f.node) {
	case 1:
		l.warn(cc.def.Assert.Pos, "check_constant", msg.LintCheckPasses, cc.def.ID, f.src)
	case -1:
		l.warn(cc.def.Assert.Pos, "check_constant", msg.LintCheckFails, cc.def.ID, f.src)
	}
}

func (l *linter) indicator(ci *compiledIndicator) {
	def := ci.def
	if len(ci.reads) == 0 {
		l.warn(def.Pos, "no_input", msg.LintNoInput, def.ID)
	}
	e := newRangeEnv(l.rs)
	e.weight = point(def.Weight)
	if ci.value != nil && ci.value.node != nil {
		e.value = e.of(ci.value.node)
	}
	switch def.Form {
	case indicators.FormTarget:
		l.target(ci, e)
	case indicators.FormBands:
		l.bands(ci, e)
	case indicators.FormScore:
		if ci.score == nil || ci.score.node == nil {
			return
		}
		s := e.of(ci.score.node)
		switch {
		case s.hi <= 0:
			l.warn(def.Score.Pos, "score_never", msg.LintScoreNever, def.ID, s.describe(l.pr))
		case s.lo >= def.Weight:
			l.warn(def.Score.Pos, "score_always_full", msg.LintScoreFull, def.ID, s.describe(l.pr), fmtNum(def.Weight))
		}
	case indicators.FormRelative:
		l.relative(ci, e)
	case indicators.FormPanel:
		l.panel(ci)
	case indicators.FormDeduct:
		if ci.count == nil || ci.count.node == nil {
			return
		}
		c := e.of(ci.count.node)
		switch {
		case def.Deduct.Points <= 0 || c.hi <= 0:
			l.warn(def.Deduct.Count.Pos, "deduct_never", msg.LintDeductNever, def.ID, fmtNum(def.Deduct.Points), c.describe(l.pr))
		case c.lo*def.Deduct.Points >= def.Weight:
			l.warn(def.Deduct.Count.Pos, "deduct_all", msg.LintDeductAll, def.ID, fmtNum(def.Deduct.Points), c.describe(l.pr))
		}
	}
}

// valueText names the value formula for messages.
func valueText(ci *compiledIndicator) string {
	if ci.value == nil {
		return "value"
	}
	return "value " + ci.value.src
}

// target warns when the target is met by every possible value, or by none.
func (l *linter) target(ci *compiledIndicator, e rangeEnv) {
	def := ci.def
	if ci.target == nil || ci.target.node == nil {
		return
	}
	v, t := e.value, e.of(ci.target.node)
	op := def.Target.Op
	always, never := false, false
	switch {
	case op == "<=":
		always, never = v.hi <= t.lo, v.lo > t.hi
	case op == "=" && t.lo == 0 && t.hi == 0:
		// "= 0": full marks when value ≤ 0.
		always, never = v.hi <= 0, v.lo > 0
	case op == ">=" || op == "=" && (t.lo > 0 || t.hi < 0):
		always, never = v.lo >= t.hi, v.hi < t.lo
	}
	tgt := fmt.Sprintf("%q", op+" "+ci.target.src)
	switch {
	case always:
		l.warn(def.Target.Expr.Pos, "target_always_met", msg.LintTargetMet, def.ID, valueText(ci), v.describe(l.pr), tgt)
	case never:
		l.warn(def.Target.Expr.Pos, "target_never_met", msg.LintTargetNever, def.ID, valueText(ci), v.describe(l.pr), tgt)
	}
}

// bands warns about rows that can never match and values no row matches.
func (l *linter) bands(ci *compiledIndicator, e rangeEnv) {
	def := ci.def
	dom := e.domain()
	var covered ivset  // values surely taken by an earlier row
	var lowers []ivset // each earlier row's sure set, within the domain
	var possible ivset // values some row may take
	hasElse := false
	domText := valueText(ci) + " " + e.value.describe(l.pr)
	for k, cb := range ci.bands {
		b := def.Bands[k]
		n := k + 1
		if b.Else {
			hasElse = true
			if covered.contains(dom) {
				l.warn(b.Pos, "else_unreachable", msg.LintElse, def.ID, domText)
			}
			break
		}
		if cb.when == nil || cb.when.node == nil {
			possible = allReals
			continue
		}
		c := e.cond(cb.when.node)
		upper, lower := c.upper.intersect(dom), c.lower.intersect(dom)
		what := l.pr.Sprintf(msg.LintBandN, n, cb.when.src)
		switch {
		case c.upper.empty():
			l.warn(b.When.Pos, "band_never", msg.LintBandFalse, def.ID, what)
		case upper.empty():
			l.warn(b.When.Pos, "band_never", msg.LintBandNever, def.ID, what, domText)
		case covered.contains(upper):
			l.warn(b.When.Pos, "band_shadowed", msg.LintBandNever, def.ID, what, l.shadowedBy(ci, lowers, upper, dom))
		}
		if s := cb.score; s != nil && s.node != nil {
			e2 := e
			e2.value = span{math.Max(e.value.lo, hullLo(upper)), math.Min(e.value.hi, hullHi(upper))}
			if r := e2.of(s.node); r.lo > 1 || r.hi < 0 {
				l.warn(b.Score.Pos, "band_score_range", msg.LintBandScore, def.ID, n, r.text())
			}
		}
		covered = covered.union(lower)
		lowers = append(lowers, lower)
		possible = possible.union(upper)
	}
	// A value outside every row's upper set surely matches no row.
	if !hasElse {
		if gap := dom.intersect(possible.complement()); !gap.empty() {
			l.warn(def.Pos, "band_gap", msg.LintBandGap, def.ID, gap.text(l.pr))
		}
	}
}

func hullLo(s ivset) float64 {
	if len(s) == 0 {
		return math.Inf(-1)
	}
	return s[0].lo
}

func hullHi(s ivset) float64 {
	if len(s) == 0 {
		return math.Inf(1)
	}
	return s[len(s)-1].hi
}

// shadowedBy names the earlier rows that take every value of upper.
func (l *linter) shadowedBy(ci *compiledIndicator, lowers []ivset, upper, dom ivset) string {
	for j, low := range lowers {
		if !low.contains(upper) {
			continue
		}
		when := ci.bands[j].when.src
		if low.contains(dom) {
			return l.pr.Sprintf(msg.LintBeforeTrue, j+1, when)
		}
		return l.pr.Sprintf(msg.LintComesFirst, j+1, when)
	}
	var ns []string
	for j := range lowers {
		ns = append(ns, fmt.Sprint(j+1))
	}
	return l.pr.Sprintf(msg.LintBandsBefore, strings.Join(ns, ", "))
}
