package engine

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm"

	"github.com/jixiao/jixiao/indicators"
)

// Steps: with the Trace option every indicator result carries the intermediate
// values of its derivation (IndicatorResult.Steps), like cel-go's tracked
// state or OPA's --var-values. They are recorded in the same scratch state
// the unit was just scored with, right after scoring, so they show the
// very numbers the points came from.

// subExpr is a sub-expression of a formula, compiled on its own so that
// its value can be shown: as typed closures when the fast path covers it,
// otherwise with expr from its printed source.
type subExpr struct {
	node ast.Node
	num  numFn
	cond boolFn
	prog *vm.Program
	kids []*subExpr // per child node, nil for a leaf child
}

// isLeaf reports whether a node is a name or a literal, whose value the
// substituted formula already shows.
func isLeaf(n ast.Node) bool {
	switch n.(type) {
	case *ast.IdentifierNode, *ast.IntegerNode, *ast.FloatNode, *ast.StringNode,
		*ast.BoolNode, *ast.ConstantNode, *ast.NilNode:
		return true
	}
	return false
}

func children(n ast.Node) []ast.Node {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return []ast.Node{n.Node}
	case *ast.BinaryNode:
		return []ast.Node{n.Left, n.Right}
	case *ast.BuiltinNode:
		return n.Arguments
	case *ast.ConditionalNode:
		return []ast.Node{n.Cond, n.Exp1, n.Exp2}
	}
	return nil // other nodes are shown whole
}

// buildSteps compiles the sub-expressions of every formula of p. It runs
// once per Program (p.steps), the first time an explanation needs it.
func (p *Program) buildSteps() {
	c := &compiler{p: p, rs: p.rs}
	var all []*formula
	for k := range p.inds {
		all = append(all, p.inds[k].formulas()...)
	}
	for k := range p.checks {
		if f := p.checks[k].assert; f != nil {
			all = append(all, f)
		}
	}
	for _, f := range all {
		if f.node != nil {
			f.sub = c.subExpr(f.node, f.sc, false)
		}
	}
}

// subExpr compiles node n and its non-leaf descendants; a leaf gets an
// entry only when force is set (the condition of a ?:, whose value picks
// the branch).
func (c *compiler) subExpr(n ast.Node, sc scope, force bool) *subExpr {
	if isLeaf(n) && !force {
		return nil
	}
	se := &subExpr{node: n}
	_, cond := n.(*ast.ConditionalNode)
	for i, k := range children(n) {
		se.kids = append(se.kids, c.subExpr(k, sc, cond && i == 0))
	}
	fc := c.fast(sc)
	ok := false
	switch {
	case isBool(n.Type()):
		se.cond, ok = fc.cond(n)
	case isNumeric(n.Type()):
		se.num, ok = fc.num(n)
	}
	if !ok {
		// Compiling the printed node gives the same value: it is the
		// checked tree of a formula that compiled.
		// The step counter and limits apply here as in the formula.
		se.prog, _ = expr.Compile(n.String(), c.exprOptions(sc)...)
	}
	return se
}

// eval returns the value of a sub-expression for the unit in s: a
// float64, a bool, a string, or an error.
func (se *subExpr) eval(s *scratch) (any, error) {
	switch {
	case se.num != nil:
		return se.num(s), nil
	case se.cond != nil:
		return se.cond(s), nil
	}
	return s.run(&formula{prog: se.prog})
}

// showValue prints a step's value.
func showValue(v any, err error) string {
	if err != nil {
		return "无法计算：" + err.Error()
	}
	switch v := v.(type) {
	case float64:
		return fmtExact(v)
	case int:
		return fmtExact(float64(v))
	case bool:
		if v {
			return "成立"
		}
		return "不成立"
	case string:
		return v
	}
	// A list (a range up to an input) may hold a million elements: show
	// its first few and its length, not megabytes of numbers.
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Len() > maxShownElems {
		return fmt.Sprintf("%v …]（共 %d 项）", strings.TrimSuffix(fmt.Sprint(rv.Slice(0, maxShownElems).Interface()), "]"), rv.Len())
	}
	return fmt.Sprint(v)
}

// maxShownElems is how many elements of a list a step shows.
const maxShownElems = 10

// stepper records the steps of one indicator or check.
type stepper struct {
	p     *Program
	s     *scratch
	steps []Step
	// before is the unit's meter as it stood when the indicator or check
	// was evaluated: each sub-expression is evaluated from it, so that it
	// meets the limits as the whole formula did, not the sum of all
	// sub-expressions.
	before meterState
}

// eval evaluates a sub-expression for a step.
func (st *stepper) eval(se *subExpr) (any, error) {
	st.s.meter.restore(st.before)
	return se.eval(st.s)
}

// formula records the steps of f under part, and returns its value.
func (st *stepper) formula(part string, f *formula) (any, error) {
	if f == nil || f.node == nil {
		return nil, fmt.Errorf("formula did not compile")
	}
	if f.sub == nil {
		// A name or a literal: one step showing what it is.
		v, err := st.leaf(f.node)
		st.add(part, displayFormula(f.src), st.p.render(f.node, st.s, 0, nil), showValue(v, err))
		return v, err
	}
	known := map[ast.Node]string{}
	return st.walk(part, f.sub, known, displayFormula(f.src))
}

func (st *stepper) add(part, exprText, subst, value string) {
	st.steps = append(st.steps, Step{Part: part, Expr: exprText, Subst: subst, Value: value})
}

// leaf evaluates a name or literal.
func (st *stepper) leaf(n ast.Node) (any, error) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		switch n.Value {
		case "value":
			return st.s.value(), nil
		case "weight":
			return st.s.weight(), nil
		}
		if i := st.p.rs.InputIndex(n.Value); i >= 0 {
			if st.p.isTier[i] {
				return st.s.tiers[i], nil
			}
			return st.s.in[i], nil
		}
	case *ast.IntegerNode:
		return float64(n.Value), nil
	case *ast.FloatNode:
		return n.Value, nil
	case *ast.BoolNode:
		return n.Value, nil
	case *ast.StringNode:
		return n.Value, nil
	case *ast.ConstantNode:
		return n.Value, nil
	}
	return nil, fmt.Errorf("cannot show %s", n.String())
}

// walk records the steps of se's sub-expressions in evaluation order,
// following only the branch taken, then se itself; text is how se is
// shown (the formula as written for the root).
func (st *stepper) walk(part string, se *subExpr, known map[ast.Node]string, text string) (any, error) {
	kid := func(i int) {
		if i < len(se.kids) && se.kids[i] != nil {
			k := se.kids[i]
			st.walk(part, k, known, displayFormula(k.node.String()))
		}
	}
	switch n := se.node.(type) {
	case *ast.ConditionalNode:
		var c any
		if se.kids[0] != nil {
			c, _ = st.walk(part, se.kids[0], known, displayFormula(n.Cond.String()))
		}
		if b, ok := c.(bool); ok && b {
			kid(1)
		} else {
			kid(2)
		}
	case *ast.BinaryNode:
		kid(0)
		short := false
		if l, err := st.leafOrKnown(se, 0); err == nil {
			if b, ok := l.(bool); ok {
				switch n.Operator {
				case "and", "&&":
					short = !b
				case "or", "||":
					short = b
				}
			}
		}
		if !short {
			kid(1)
		}
	default:
		for i := range se.kids {
			kid(i)
		}
	}
	v, err := st.eval(se)
	shown := showValue(v, err)
	subst := st.p.render(se.node, st.s, 0, known)
	known[se.node] = shown
	st.add(part, text, subst, shown)
	return v, err
}

// leafOrKnown evaluates child i of se.
func (st *stepper) leafOrKnown(se *subExpr, i int) (any, error) {
	if se.kids[i] != nil {
		return st.eval(se.kids[i])
	}
	return st.leaf(children(se.node)[i])
}

// recordSteps fills ir.Steps: the steps of the formulas of the branch that
// scored, the scoring rule with its numbers, and the rounding of the
// points. It runs right after scoring, in the same scratch state. For an
// indicator in error the steps stop at the formula that failed.
func (p *Program) recordSteps(s *scratch, ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) {
	if ir.Status == indicators.StatusNA || ir.Status == indicators.StatusMissing {
		return
	}
	p.steps.Do(p.buildSteps)
	st := &stepper{p: p, s: s, before: s.meter.save()}
	raw, ok := st.indicator(ci, u, ir)
	if ok && ir.Status == indicators.StatusOK {
		w := fmtNum(ci.def.Weight)
		pts := ir.Points
		pen := ci.over != nil && hasFlag(ir.Flags, indicators.FlagOvershootPenalty)
		if pen {
			pts = indicators.Round2(min(max(raw, 0), ci.def.Weight))
		}
		st.add("points", "ROUND(MIN(MAX(原始得分, 0), 分值), 2)", fmt.Sprintf("ROUND(MIN(MAX(%s, 0), %s), 2)", fmtExact(raw), w), fmtNum(pts))
		if pen {
			st.add("overshoot", fmt.Sprintf("值 ≥ %s × 目标，超额扣 %s 分（不低于 0）", fmtNum(ci.over.Ratio), fmtNum(ci.over.Deduct)),
				fmt.Sprintf("MAX(%s − %s, 0)", fmtNum(pts), fmtNum(ci.over.Deduct)), fmtNum(ir.Points))
		}
	}
	ir.Steps = st.steps
}

// number records formula f and reports its value when it is a finite
// number.
func (st *stepper) number(part string, f *formula) (float64, bool) {
	v, err := st.formula(part, f)
	x, ok := v.(float64)
	return x, ok && err == nil && indicators.Finite(x)
}

// indicator records the steps of each scoring form and returns the raw
// points, with false when a formula failed.
func (st *stepper) indicator(ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) (float64, bool) {
	def := ci.def
	w := fmtNum(def.Weight)
	if ci.value != nil && def.Form != indicators.FormTiers {
		if x, ok := st.number("value", ci.value); !ok {
			return 0, false
		} else if def.Form == indicators.FormTarget {
			// Only against a target: bands and score formulas read
			// value as the number it is (value ≥ 1.5), so it stays one.
			st.asRate(x, ci.rateKind())
		}
	}
	switch def.Form {
	case indicators.FormTiers:
		v := u.Values[ci.tierInput]
		in := st.p.rs.Inputs[ci.tierInput]
		label := in.Label
		if label == "" {
			label = in.ID
		}
		how := "规则集的" + indicators.TierName(v.Tier) + "档分值"
		if v.HasFrac {
			how = "数据给出的比例"
		}
		st.add("tier", in.ID, fmt.Sprintf("%s %s（%s），按%s", label, v.String(), indicators.TierName(v.Tier), how), fmtNum(ir.Value))
		raw := ir.Value * def.Weight
		st.add("rule", "分值 × 档次比例", w+" × "+fmtExact(ir.Value), fmtExact(raw))
		return raw, true
	case indicators.FormTarget:
		if x, ok := st.number("target", ci.target); !ok {
			return 0, false
		} else {
			st.asRate(x, ci.rateKind())
		}
		raw, rule := ci.dir.Score(ir.Value, ir.Target, def.Weight)
		v, t := fmtRate(ir.Value, ci.rateKind()), fmtRate(ir.Target, ci.rateKind())
		how := map[indicators.Rule][2]string{
			indicators.RuleMet:           {"分值", w},
			indicators.RuleProportional:  {"分值 × 值 ÷ 目标", w + " × " + v + " ÷ " + t},
			indicators.RuleReverseLinear: {"分值 × (1 − (值 − 目标) ÷ 目标)", w + " × (1 − (" + v + " − " + t + ") ÷ " + t + ")"},
			indicators.RuleReverseRatio:  {"分值 × 目标 ÷ 值", w + " × " + t + " ÷ " + v},
			indicators.RuleZero:          {"0", "0"},
		}[rule]
		if rule == indicators.RuleZero && def.Target.Op == "<=" && ir.Target > 0 {
			st.add("rule", fmt.Sprintf("值 %s ≥ 2 × 目标 %s，%s", v, t, rule), "", fmtExact(raw))
			return raw, true
		}
		st.add("rule", rule.String()+"："+how[0], how[1], fmtExact(raw))
		return raw, true
	case indicators.FormBands:
		for k, b := range ci.bands {
			if ir.Band > 0 && k >= ir.Band {
				break
			}
			if b.when == nil {
				continue
			}
			if v, err := st.formula(fmt.Sprintf("band %d when", k+1), b.when); err != nil {
				return 0, false
			} else if _, ok := v.(bool); !ok {
				return 0, false
			}
		}
		if ir.Band == 0 {
			st.add("rule", "不符合任何一档", "0", "0")
			return 0, true
		}
		part := fmt.Sprintf("band %d score", ir.Band)
		if def.Bands[ir.Band-1].Else {
			part = "else"
		}
		frac, ok := st.number(part, ci.bands[ir.Band-1].score)
		if !ok {
			return 0, false
		}
		raw := frac * def.Weight
		st.add("rule", fmt.Sprintf("第 %d 档：分值 × 得分比例", ir.Band), w+" × "+fmtExact(frac), fmtExact(raw))
		return raw, true
	case indicators.FormDeduct:
		n, ok := st.number("count", ci.count)
		if !ok {
			return 0, false
		}
		pts := fmtNum(def.Deduct.Points)
		raw := indicators.ScoreDeduct(n, def.Deduct.Points, def.Weight)
		st.add("rule", "分值 − 每次扣分 × 次数", w+" − "+pts+" × "+fmtExact(n), fmtExact(raw))
		return raw, true
	case indicators.FormScore:
		return st.number("score", ci.score)
	}
	return 0, false
}

// asRate shows the value of the step just recorded (an indicator's value
// or target) as its rate kind reads: 59.9313%, not 0.599313.
func (st *stepper) asRate(x float64, kind int) {
	if kind != rateNone && len(st.steps) > 0 {
		st.steps[len(st.steps)-1].Value = fmtRate(x, kind)
	}
}

// recordCheckSteps fills the steps of a failed check's assertion.
func (p *Program) recordCheckSteps(s *scratch, cc *compiledCheck, cr *CheckResult) {
	p.steps.Do(p.buildSteps)
	st := &stepper{p: p, s: s, before: s.meter.save()}
	st.formula("assert", cc.assert)
	cr.Steps = st.steps
}
