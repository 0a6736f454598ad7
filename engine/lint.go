package engine

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
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
}

// String prints the issue as FILE:LINE:COL: error|warning: MESSAGE, the
// form compilers use and editors jump to.
func (i Issue) String() string {
	severity := "warning"
	if i.Error {
		severity = "error"
	}
	return fmt.Sprintf("%s: %s: %s", i.Pos, severity, i.Msg)
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
// (amounts, counts, shares). Issues come sorted by position.
func Lint(rs *indicators.Ruleset) []Issue {
	l := &linter{rs: rs}
	l.weights()
	l.grades()
	for i := range rs.Indicators {
		l.tiers(&rs.Indicators[i])
	}
	prog, err := Compile(rs, nil)
	if err != nil {
		l.issues = append(l.issues, ErrorIssues(err)...)
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
	rs     *indicators.Ruleset
	issues []Issue
}

func (l *linter) warn(pos diag.Pos, code, format string, args ...any) {
	if pos.File == "" {
		pos.File = l.rs.File
	}
	if pos.Line == 0 {
		pos = l.rs.Pos
	}
	l.issues = append(l.issues, Issue{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)})
}

func (l *linter) weights() {
	if len(l.rs.Indicators) == 0 {
		return
	}
	if sum := l.rs.TotalWeight(); math.Abs(sum-100) > 1e-9 {
		l.warn(l.rs.Indicators[0].Pos, "weight_sum", "indicator weights sum to %s, not 100", fmtNum(sum))
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
			l.warn(g.Pos, "grade_duplicate", "grade %s is used twice (also at line %d): totals in two bands get the same grade", g.Label, prev.Pos.Line)
		}
		seen[g.Label] = g
		switch {
		case g.Min > l.maxTotal():
			l.warn(g.Pos, "grade_unreachable", "grade %s can never match: it needs a total of at least %s, and no total exceeds %s", g.Label, fmtNum(g.Min), fmtNum(l.maxTotal()))
		case k > 0 && gs[k-1].Min <= 0:
			l.warn(g.Pos, "grade_unreachable", "grade %s can never match: grade %s (min %s) already takes every total, and totals are never negative", g.Label, gs[k-1].Label, fmtNum(gs[k-1].Min))
		case k > 0:
			// Totals are rounded to 2 decimals: the band [min, previous
			// min) must hold one such number.
			first := math.Ceil(g.Min*100-1e-7) / 100
			if first >= gs[k-1].Min-1e-9 {
				l.warn(g.Pos, "grade_unreachable", "grade %s can never match: no total rounded to 2 decimals lies in [%s, %s)", g.Label, fmtNum(g.Min), fmtNum(gs[k-1].Min))
			}
		}
	}
	if n := len(gs); n > 0 && gs[n-1].Min > 0 {
		last := gs[n-1]
		l.warn(last.Pos, "grade_gap", "totals below %s get no grade: the lowest grade %s starts at %s (add a grade with min: 0)", fmtNum(last.Min), last.Label, fmtNum(last.Min))
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
		l.warn(ind.Pos, "tiers_order", "indicator %s: tier points should fall from A to C, found A %s, B %s, C %s", ind.ID, fmtNum(t.A), fmtNum(t.B), fmtNum(t.C))
	}
	for _, letter := range []byte("ABC") {
		x := t.Of(letter)
		if err := indicators.CheckTierFraction(letter, x); err != nil {
			lo, hi, open := indicators.TierBand(letter)
			closer := "]"
			if open {
				closer = ")"
			}
			l.warn(ind.Pos, "tier_outside_band", "indicator %s: tier %c (%s) scores %s of the weight, outside its band [%s, %s%s of 财预〔2020〕10号",
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
				label = " (" + in.Label + ")"
			}
			l.warn(in.Pos, "input_unused", "input %s%s is never read by any indicator or check", in.ID, label)
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
		l.warn(cc.def.Assert.Pos, "check_constant", "check %s always passes: %s reads no input and is always true", cc.def.ID, f.src)
	case -1:
		l.warn(cc.def.Assert.Pos, "check_constant", "check %s always fails: %s reads no input and is never true", cc.def.ID, f.src)
	}
}

func (l *linter) indicator(ci *compiledIndicator) {
	def := ci.def
	if len(ci.reads) == 0 {
		l.warn(def.Pos, "no_input", "indicator %s reads no input: every unit gets the same points", def.ID)
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
			l.warn(def.Score.Pos, "score_never", "indicator %s: full marks are impossible: the score formula %s, never above 0", def.ID, s.describe())
		case s.lo >= def.Weight:
			l.warn(def.Score.Pos, "score_always_full", "indicator %s: full marks are certain: the score formula %s, never below the weight %s", def.ID, s.describe(), fmtNum(def.Weight))
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
			l.warn(def.Deduct.Count.Pos, "deduct_never", "indicator %s: full marks are certain: %s points × a count that %s never deduct anything", def.ID, fmtNum(def.Deduct.Points), c.describe())
		case c.lo*def.Deduct.Points >= def.Weight:
			l.warn(def.Deduct.Count.Pos, "deduct_all", "indicator %s: full marks are impossible: %s points × a count that %s always deduct the whole weight", def.ID, fmtNum(def.Deduct.Points), c.describe())
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
		l.warn(def.Target.Expr.Pos, "target_always_met", "indicator %s: full marks are certain: %s %s, which always meets target %s", def.ID, valueText(ci), v.describe(), tgt)
	case never:
		l.warn(def.Target.Expr.Pos, "target_never_met", "indicator %s: full marks are impossible: %s %s, which never meets target %s", def.ID, valueText(ci), v.describe(), tgt)
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
	domText := valueText(ci) + " " + e.value.describe()
	for k, cb := range ci.bands {
		b := def.Bands[k]
		n := k + 1
		if b.Else {
			hasElse = true
			if covered.contains(dom) {
				l.warn(b.Pos, "else_unreachable", "indicator %s: else can never match: the bands before it take every value (%s)", def.ID, domText)
			}
			break
		}
		if cb.when == nil || cb.when.node == nil {
			possible = allReals
			continue
		}
		c := e.cond(cb.when.node)
		upper, lower := c.upper.intersect(dom), c.lower.intersect(dom)
		what := fmt.Sprintf("band %d (%s)", n, cb.when.src)
		switch {
		case c.upper.empty():
			l.warn(b.When.Pos, "band_never", "indicator %s: %s can never match: its condition is never true", def.ID, what)
		case upper.empty():
			l.warn(b.When.Pos, "band_never", "indicator %s: %s can never match: %s", def.ID, what, domText)
		case covered.contains(upper):
			l.warn(b.When.Pos, "band_shadowed", "indicator %s: %s can never match: %s", def.ID, what, l.shadowedBy(ci, lowers, upper, dom))
		}
		if s := cb.score; s != nil && s.node != nil {
			e2 := e
			e2.value = span{math.Max(e.value.lo, hullLo(upper)), math.Min(e.value.hi, hullHi(upper))}
			if r := e2.of(s.node); r.lo > 1 || r.hi < 0 {
				l.warn(b.Score.Pos, "band_score_range", "indicator %s: band %d scores %s of the weight, outside [0, 1]: points are clamped", def.ID, n, r.text())
			}
		}
		covered = covered.union(lower)
		lowers = append(lowers, lower)
		possible = possible.union(upper)
	}
	// A value outside every row's upper set surely matches no row.
	if !hasElse {
		if gap := dom.intersect(possible.complement()); !gap.empty() {
			l.warn(def.Pos, "band_gap", "indicator %s: no band matches %s: such units score 0 (add an else row if that is meant)", def.ID, gap.text())
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
			return fmt.Sprintf("band %d (%s) before it is always true", j+1, when)
		}
		return fmt.Sprintf("band %d (%s) comes first and takes every value it would", j+1, when)
	}
	var ns []string
	for j := range lowers {
		ns = append(ns, fmt.Sprint(j+1))
	}
	return "bands " + strings.Join(ns, ", ") + " before it take every value it would"
}
