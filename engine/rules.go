package engine

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// The rules above the indicator row (DESIGN.md, contract 2): adjust rules
// on the total, its ceiling, and the outcome of the grade. They are
// compiled once; a ruleset without them has no rules and its units pay
// one nil check.

// Adjustment is one rule applied to a unit's total, in order: an adjust
// rule (kind cap or add) or the ceiling of the total (kind max_total).
type Adjustment struct {
	ID, Label string
	Kind      string // indicators.AdjustCap, AdjustAdd or AdjustMaxTotal
	Before    float64
	After     float64
	// Explain says in Chinese why the rule applied and what it did
	// (filled when explanations are on).
	Explain string
}

// Outcome is the use of a unit's result (评价结果应用): the action of its
// grade and the budget change, in the unit of the inputs it reads.
// HasChange is false when the change reads an input the unit lacks (blank
// or 不适用): Why says which.
type Outcome struct {
	Action    string
	Change    float64
	HasChange bool
	Why       string
}

// OutcomeSum is the summary of one action: how many units it applies to
// and the sum of their changes (Unknown: units whose change could not be
// worked out).
type OutcomeSum struct {
	Action  string
	Units   int
	Change  float64
	Unknown int
}

// scopeAdjust is the scope of adjust and outcome formulas: inputs, points,
// values and total; not value or weight (below every other scope, so that
// their tests leave it out).
const scopeAdjust scope = -1

// Names adjust formulas read besides the inputs.
const (
	namePoints = "points"
	nameValues = "values"
	nameTotal  = "total"
)

type compiledRules struct {
	adjust     []compiledAdjust
	ceiling    float64
	hasCeiling bool
	// outcomes by grade index; an entry with a nil def is a grade without
	// outcome.
	outcomes []compiledOutcome
	// maps is true when a formula reads points or values: the unit's maps
	// are then filled.
	maps bool
}

type compiledAdjust struct {
	def          *indicators.Adjust
	when, amount *formula
	inds         []int  // indicators read through points. and values.
	mask         uint64 // bit(i) of each input read
}

type compiledOutcome struct {
	def    *indicators.Outcome
	change *formula
	inds   []int
	mask   uint64
}

// compileRules compiles the ruleset's adjust rules and outcomes; nil when
// it has neither, nor a ceiling.
func (c *compiler) compileRules() *compiledRules {
	rs := c.rs
	ceiling, has := rs.TotalCeiling()
	if len(rs.Adjust) == 0 && len(rs.Outcomes) == 0 && !has {
		return nil
	}
	cr := &compiledRules{ceiling: ceiling, hasCeiling: has}
	if has && !(ceiling > 0 && indicators.Finite(ceiling)) {
		c.errs.Add(diag.Errorf(c.filePos(rs.Pos), "bad_value", "max_total must be a finite number above 0, found %v", ceiling))
	}
	if len(rs.Adjust) > 0 || len(rs.Outcomes) > 0 {
		for _, name := range []string{namePoints, nameValues, nameTotal} {
			if i := rs.InputIndex(name); i >= 0 {
				c.errs.Add(diag.Errorf(c.filePos(rs.Inputs[i].Pos), "reserved_id",
					"input id %q is a name of adjust and outcome formulas (points, values, total): rename the input, e.g. %s_value", name, name))
			}
		}
	}
	for i := range rs.Adjust {
		a := &rs.Adjust[i]
		what := "adjust rule " + a.ID
		ca := compiledAdjust{def: a}
		if a.When.Set() {
			ca.when = c.formula(a.When, scopeAdjust, true, what+" when")
		}
		amount := a.Amount()
		if !amount.Set() {
			c.errs.Add(diag.Errorf(c.filePos(a.Pos), "bad_adjust", "%s: the %s formula is missing", what, a.Kind))
		} else {
			ca.amount = c.formula(amount, scopeAdjust, false, what+" "+a.Kind)
		}
		for _, f := range []*formula{ca.when, ca.amount} {
			ca.inds, ca.mask = c.ruleReads(f, ca.inds, ca.mask)
		}
		cr.adjust = append(cr.adjust, ca)
	}
	cr.outcomes = make([]compiledOutcome, len(rs.Grades))
	for i := range rs.Outcomes {
		o := &rs.Outcomes[i]
		k := -1
		for g := range rs.Grades {
			if rs.Grades[g].Label == o.Grade {
				k = g
			}
		}
		if k < 0 {
			c.errs.Add(diag.Errorf(c.filePos(o.Pos), "unknown_grade", "outcome for grade %q: the ruleset has no such grade", o.Grade))
			continue
		}
		co := compiledOutcome{def: o}
		if o.Change.Set() {
			co.change = c.formula(o.Change, scopeAdjust, false, "outcome "+o.Grade+" change")
			co.inds, co.mask = c.ruleReads(co.change, nil, 0)
		}
		cr.outcomes[k] = co
	}
	for _, a := range cr.adjust {
		cr.maps = cr.maps || a.when != nil && a.when.readsMaps || a.amount != nil && a.amount.readsMaps
	}
	for _, o := range cr.outcomes {
		cr.maps = cr.maps || o.change != nil && o.change.readsMaps
	}
	return cr
}

// ruleReads adds to inds the indicators f names as points.ID or values.ID
// and to mask the inputs it reads, and reports an id that names no
// indicator, or a points or values not followed by an id, where it
// stands.
func (c *compiler) ruleReads(f *formula, inds []int, mask uint64) ([]int, uint64) {
	if f == nil || f.node == nil {
		return inds, mask
	}
	for _, r := range f.reads {
		mask |= bit(r)
	}
	bad := func(n ast.Node, format string, args ...any) {
		fe := (&file.Error{Location: n.Location(), Message: fmt.Sprintf(format, args...)}).Bind(file.NewSource(f.src))
		d := c.exprError(f.f, scopeAdjust, f.what, fe)
		d.Code = "unknown_indicator"
		c.errs.Add(d)
	}
	// ast.Walk visits every node; an identifier points or values is
	// fine only as the object of a member access with a constant id.
	held := map[ast.Node]bool{}
	root := f.node
	ast.Walk(&root, nodeVisitor(func(n ast.Node) {
		m, ok := n.(*ast.MemberNode)
		if !ok {
			return
		}
		id, ok := m.Node.(*ast.IdentifierNode)
		if !ok || id.Value != namePoints && id.Value != nameValues {
			return
		}
		held[id] = true
		f.readsMaps = true
		prop, ok := m.Property.(*ast.StringNode)
		if !ok {
			bad(m.Property, "%s takes an indicator id: %s.ID", id.Value, id.Value)
			return
		}
		k := c.indicatorIndex(prop.Value)
		if k < 0 {
			msg := fmt.Sprintf("%s.%s: the ruleset has no indicator %q", id.Value, prop.Value, prop.Value)
			if hint := c.suggestIndicator(prop.Value); hint != "" {
				msg += fmt.Sprintf(" (did you mean %s.%s?)", id.Value, hint)
			}
			bad(m.Property, "%s", msg)
			return
		}
		if !containsInt(inds, k) {
			inds = append(inds, k)
		}
	}))
	ast.Walk(&root, nodeVisitor(func(n ast.Node) {
		if id, ok := n.(*ast.IdentifierNode); ok && (id.Value == namePoints || id.Value == nameValues) && !held[id] {
			bad(id, "%s takes an indicator id: %s.ID", id.Value, id.Value)
		}
	}))
	sort.Ints(inds)
	return inds, mask
}

type nodeVisitor func(n ast.Node)

func (v nodeVisitor) Visit(n *ast.Node) { v(*n) }

// indicatorIndex returns the index of indicator id, or -1.
func (c *compiler) indicatorIndex(id string) int {
	for k := range c.rs.Indicators {
		if c.rs.Indicators[k].ID == id {
			return k
		}
	}
	return -1
}

// suggestIndicator returns the indicator id closest to a misspelt one.
func (c *compiler) suggestIndicator(name string) string {
	best, bestD := "", 3
	for _, ind := range c.rs.Indicators {
		if d := diag.Distance(name, ind.ID); d < bestD {
			best, bestD = ind.ID, d
		}
	}
	return best
}

// fillMaps sets the unit's points and values maps from its indicator
// results: an indicator that is missing or in error reads 0, as it
// scored; N/A ones are not read (ruleSkips).
func (s *scratch) fillMaps(p *Program, r *UnitResult) {
	if s.points == nil {
		s.points = make(map[string]float64, len(p.inds))
		s.values = make(map[string]float64, len(p.inds))
	}
	for k := range r.Indicators {
		ir := &r.Indicators[k]
		s.points[ir.ID] = ir.Points
		v := 0.0
		if ir.HasValue && ir.Status == indicators.StatusOK {
			v = ir.Value
		}
		s.values[ir.ID] = v
	}
}

// ruleSkips reports what makes a rule not apply to the unit: an input it
// reads is 不适用, or an indicator it names is. "" when it applies.
func (p *Program) ruleSkips(s *scratch, u *indicators.Unit, r *UnitResult, mask uint64, inds []int) string {
	if mask&s.na != 0 {
		for i := range u.Values {
			if mask&bit(i) != 0 && u.Values[i].Kind == indicators.NA {
				return p.naWhy[i]
			}
		}
	}
	for _, k := range inds {
		if r.Indicators[k].Status == indicators.StatusNA {
			return p.inds[k].naWhy
		}
	}
	return ""
}

// adjust applies the adjust rules and the ceiling to r.Score, listing
// each rule that applied. A rule whose formula fails, or gives no finite
// number, fails the unit: a total must never be adjusted by accident.
func (p *Program) adjust(s *scratch, u *indicators.Unit, r *UnitResult) *diag.Error {
	cr := p.rules
	if cr.maps {
		s.fillMaps(p, r)
	}
	if len(cr.adjust) > 0 || cr.hasCeiling {
		// Listed (empty) on every unit of a ruleset that has rules on the
		// total; a zero-length slice costs no allocation.
		r.Adjustments = []Adjustment{}
	}
	total := r.Score
	for k := range cr.adjust {
		a := &cr.adjust[k]
		if p.ruleSkips(s, u, r, a.mask, a.inds) != "" {
			continue
		}
		if a.when != nil {
			s.ruleEnv(a.when, total)
			ok, err := a.when.bool(s)
			if err != nil {
				return p.ruleError(s, u, "adjust rule "+a.def.ID+" when", err)
			}
			if !ok {
				continue
			}
		}
		s.ruleEnv(a.amount, total)
		amt, err := finiteOr(a.amount.float(s))
		if err != nil {
			return p.ruleError(s, u, "adjust rule "+a.def.ID+" "+a.def.Kind, err)
		}
		after := total
		if a.def.Kind == indicators.AdjustCap {
			amt = indicators.Round2(amt)
			if !(total > amt) {
				continue // a cap applies only to a total strictly above it
			}
			after = amt
		} else {
			after = indicators.Round2(total + amt)
		}
		adj := Adjustment{ID: a.def.ID, Label: a.def.Label, Kind: a.def.Kind, Before: total, After: after}
		if s.explain {
			adj.Explain = p.explainAdjust(s, a, amt, total, after)
		}
		r.Adjustments = append(r.Adjustments, adj)
		total = after
	}
	if cr.hasCeiling {
		after := math.Min(math.Max(total, 0), indicators.Round2(cr.ceiling))
		if after != total {
			adj := Adjustment{ID: indicators.AdjustMaxTotal, Kind: indicators.AdjustMaxTotal, Before: total, After: after}
			if after == 0 {
				adj.Label = "总分不低于 0 分"
			} else {
				adj.Label = "总分上限 " + fmtNum(after) + " 分"
			}
			if s.explain {
				adj.Explain = adj.Label + "：总分 " + fmtNum(total) + " → " + fmtNum(after)
			}
			r.Adjustments = append(r.Adjustments, adj)
			total = after
		}
	}
	r.Score = total
	return nil
}

// ruleEnv puts the names of adjust and outcome formulas into expr's
// environment of the unit, for f to run on expr's VM. A formula with a
// fast path reads none of them (points, values and total keep it on the
// VM): building the map of every input for it cost more than the rest of
// the unit's scoring.
func (s *scratch) ruleEnv(f *formula, total float64) {
	if f.num != nil || f.cond != nil {
		return
	}
	s.buildEnv()
	s.env[namePoints] = s.points
	s.env[nameValues] = s.values
	s.env[nameTotal] = total
}

// ruleError is the error of a unit whose rule failed; a limit of jixiao
// is named as such (noteLimit).
func (p *Program) ruleError(s *scratch, u *indicators.Unit, what string, err error) *diag.Error {
	p.noteLimit(s, u, what, "", err)
	if s.limit != nil {
		return s.limit
	}
	reason := err.Error()
	if strings.Contains(reason, "NaN") {
		reason = "0 ÷ 0, the result means nothing"
	} else if strings.Contains(reason, "Inf") {
		reason = "division by zero"
	}
	return &diag.Error{Pos: u.Pos, Code: "rule_error", Err: err,
		Msg: fmt.Sprintf("%s: cannot be worked out for this unit (%s): the total is not adjusted by accident; fix the data or the rule", what, reason)}
}

// outcome sets the unit's outcome from its grade.
func (p *Program) outcome(s *scratch, u *indicators.Unit, r *UnitResult) {
	cr := p.rules
	for g := range p.rs.Grades {
		if p.rs.Grades[g].Label != r.Grade {
			continue
		}
		co := &cr.outcomes[g]
		if co.def == nil {
			return
		}
		var o *Outcome
		if s.lend {
			o = &s.outcome
			*o = Outcome{Action: co.def.Action}
		} else {
			o = &Outcome{Action: co.def.Action}
		}
		r.Outcome = o
		if why := p.ruleSkips(s, u, r, co.mask, co.inds); why != "" {
			o.Why = why
			return
		}
		if co.mask&s.missing != 0 {
			for i := range u.Values {
				if co.mask&bit(i) != 0 && u.Values[i].Kind == indicators.Missing {
					o.Why = p.lackWhy[i]
					return
				}
			}
		}
		// The maps were filled by adjust, which runs first.
		s.ruleEnv(co.change, r.Score)
		x, err := finiteOr(co.change.float(s))
		if err != nil {
			p.noteLimit(s, u, "outcome", co.def.Grade+" change", err)
			o.Why = "无法计算：" + err.Error()
			return
		}
		o.Change, o.HasChange = indicators.Round2(x)+0, true // +0: no -0
		return
	}
}

// explainAdjust says in Chinese why an adjust rule applied and what it did.
func (p *Program) explainAdjust(s *scratch, a *compiledAdjust, amt, before, after float64) string {
	var b strings.Builder
	b.WriteString(a.def.Label)
	b.WriteString("：")
	if a.def.When.Set() {
		b.WriteString("条件 ")
		b.WriteString(displayFormula(a.def.When.Src))
		b.WriteString(" 成立")
		var read []string
		for _, k := range a.inds {
			ind := &p.rs.Indicators[k]
			read = append(read, fmt.Sprintf("%s = %s，得分 %s", ind.Label, fmtNum(s.values[ind.ID]), fmtNum(s.points[ind.ID])))
		}
		for i, in := range p.rs.Inputs {
			if !a.readsInput(i) {
				continue
			}
			v := fmtNum(s.in[i])
			if p.isTier[i] {
				v = s.tiers[i]
			}
			read = append(read, in.Label+" "+v)
		}
		if len(read) > 0 {
			b.WriteString("（")
			b.WriteString(strings.Join(read, "，"))
			b.WriteString("）")
		}
		b.WriteString("，")
	}
	amount := a.def.Amount().Src
	_, lit := isLiteral(a.amount.node)
	if a.def.Kind == indicators.AdjustCap {
		b.WriteString("总分封顶 ")
		if !lit {
			b.WriteString(displayFormula(amount))
			b.WriteString(" = ")
		}
		b.WriteString(fmtNum(amt))
		b.WriteString(" 分")
	} else {
		if amt < 0 {
			b.WriteString("扣分 ")
		} else {
			b.WriteString("加分 ")
		}
		if !lit {
			b.WriteString(displayFormula(amount))
			b.WriteString(" = ")
		}
		b.WriteString(fmtNum(math.Abs(amt)))
		b.WriteString(" 分")
	}
	fmt.Fprintf(&b, "，总分 %s → %s", fmtNum(before), fmtNum(after))
	return b.String()
}

// outcomeSums sums the outcomes per action, in the order the ruleset
// gives them (an action shared by two grades is summed once, where it
// first appears); nil when the ruleset has no outcomes.
func (p *Program) outcomeSums(grades []int, changes []int64, unknown []int) []OutcomeSum {
	if p.rules == nil || len(p.rs.Outcomes) == 0 {
		return nil
	}
	var sums []OutcomeSum
	at := map[string]int{}
	cents := map[string]int64{}
	for _, o := range p.rs.Outcomes {
		if _, ok := at[o.Action]; !ok {
			at[o.Action] = len(sums)
			sums = append(sums, OutcomeSum{Action: o.Action})
		}
		for g := range p.rs.Grades {
			if p.rs.Grades[g].Label == o.Grade {
				sum := &sums[at[o.Action]]
				sum.Units += grades[g]
				sum.Unknown += unknown[g]
				cents[o.Action] += changes[g]
			}
		}
	}
	for i := range sums {
		sums[i].Change = float64(cents[sums[i].Action]) / 100
	}
	return sums
}

// eachFormula calls fn for each compiled formula of the rules; none when
// the ruleset has no rules.
func (cr *compiledRules) eachFormula(fn func(f *formula)) {
	if cr == nil {
		return
	}
	for _, a := range cr.adjust {
		for _, f := range []*formula{a.when, a.amount} {
			if f != nil {
				fn(f)
			}
		}
	}
	for _, o := range cr.outcomes {
		if o.change != nil {
			fn(o.change)
		}
	}
}

// readsInput reports whether one of the rule's formulas reads input i.
func (a *compiledAdjust) readsInput(i int) bool {
	for _, f := range []*formula{a.when, a.amount} {
		if f != nil && containsInt(f.reads, i) {
			return true
		}
	}
	return false
}
