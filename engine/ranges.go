package engine

import (
	"math"
	"sort"
	"strings"

	"github.com/expr-lang/expr/ast"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Static ranges of formulas, for lint and test coverage. A span bounds
// what a numeric formula can give for any unit; a set of intervals says
// for which values of `value` a band condition holds. Both are computed
// on the checked expr tree, without data.
//
// The one assumption: every number input is 0 or more. Reported figures
// of budget performance are amounts, counts, people and shares, never
// negative; a ruleset whose inputs may be negative (growth rates) gets
// warnings it can ignore, never a wrong score.

// span is the closed range [lo, hi]; lo may be -Inf and hi +Inf.
type span struct{ lo, hi float64 }

var anySpan = span{math.Inf(-1), math.Inf(1)}

func point(x float64) span { return span{x, x} }

// constant reports whether the span holds a single number.
func (a span) constant() (float64, bool) { return a.lo, a.lo == a.hi }

func (a span) hull(b span) span { return span{math.Min(a.lo, b.lo), math.Max(a.hi, b.hi)} }

// checked turns a span with a NaN end (∞ − ∞, 0 × ∞) into anySpan.
func checked(a span) span {
	if math.IsNaN(a.lo) || math.IsNaN(a.hi) || a.lo > a.hi {
		return anySpan
	}
	return a
}

func mulEnd(x, y float64) float64 {
	if x == 0 || y == 0 {
		return 0 // 0 × ∞ is 0 here: an end that is 0 stays 0
	}
	return x * y
}

func (a span) mul(b span) span {
	p := []float64{mulEnd(a.lo, b.lo), mulEnd(a.lo, b.hi), mulEnd(a.hi, b.lo), mulEnd(a.hi, b.hi)}
	lo, hi := p[0], p[0]
	for _, x := range p[1:] {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return checked(span{lo, hi})
}

func (a span) neg() span { return span{-a.hi, -a.lo} }

// div bounds a / b. Division by exactly 0 never produces points (status
// error), so a divisor that reaches 0 is taken as approaching it.
func (a span) div(b span) span {
	switch {
	case b.lo < 0 && b.hi > 0, b.lo == 0 && b.hi == 0:
		return anySpan
	case b.hi <= 0:
		return a.neg().div(b.neg())
	}
	// b > 0 (or ≥ 0 approaching 0 from above).
	inv := span{0, math.Inf(1)} // 1 / b
	if b.hi < math.Inf(1) {
		inv.lo = 1 / b.hi
	}
	if b.lo > 0 {
		inv.hi = 1 / b.lo
	}
	return a.mul(inv)
}

// rangeEnv says what the names of a formula can hold.
type rangeEnv struct {
	rs     *indicators.Ruleset
	value  span // the indicator's value, inside bands and score
	weight span // the indicator's weight
}

func newRangeEnv(rs *indicators.Ruleset) rangeEnv {
	return rangeEnv{rs: rs, value: anySpan, weight: anySpan}
}

// of bounds a numeric node.
func (e rangeEnv) of(n ast.Node) span {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return point(float64(n.Value))
	case *ast.FloatNode:
		return point(n.Value)
	case *ast.ConstantNode:
		switch v := n.Value.(type) {
		case int:
			return point(float64(v))
		case float64:
			return point(v)
		}
	case *ast.IdentifierNode:
		switch n.Value {
		case "value":
			return e.value
		case "weight":
			return e.weight
		}
		if i := e.rs.InputIndex(n.Value); i >= 0 && e.rs.Inputs[i].Type != indicators.TypeTier {
			return span{0, math.Inf(1)}
		}
	case *ast.UnaryNode:
		switch n.Operator {
		case "-":
			return e.of(n.Node).neg()
		case "+":
			return e.of(n.Node)
		}
	case *ast.BinaryNode:
		a, b := e.of(n.Left), e.of(n.Right)
		switch n.Operator {
		case "+":
			return checked(span{a.lo + b.lo, a.hi + b.hi})
		case "-":
			return checked(span{a.lo - b.hi, a.hi - b.lo})
		case "*":
			return a.mul(b)
		case "/":
			return a.div(b)
		case "**", "^":
			x, ok1 := a.constant()
			y, ok2 := b.constant()
			if ok1 && ok2 {
				return checked(point(math.Pow(x, y)))
			}
		}
	case *ast.BuiltinNode:
		return e.builtin(n)
	case *ast.ConditionalNode:
		switch e.truth(n.Cond) {
		case 1:
			return e.of(n.Exp1)
		case -1:
			return e.of(n.Exp2)
		}
		return e.of(n.Exp1).hull(e.of(n.Exp2))
	}
	return anySpan
}

func (e rangeEnv) builtin(n *ast.BuiltinNode) span {
	args := make([]span, len(n.Arguments))
	for i, a := range n.Arguments {
		args[i] = e.of(a)
	}
	if len(args) == 0 {
		return anySpan
	}
	a := args[0]
	switch n.Name {
	case "abs":
		switch {
		case a.lo >= 0:
			return a
		case a.hi <= 0:
			return a.neg()
		}
		return span{0, math.Max(-a.lo, a.hi)}
	case "ceil":
		return span{math.Ceil(a.lo), math.Ceil(a.hi)}
	case "floor":
		return span{math.Floor(a.lo), math.Floor(a.hi)}
	case "round":
		return span{math.Round(a.lo), math.Round(a.hi)}
	case "min", "max":
		out := a
		for _, b := range args[1:] {
			if n.Name == "min" {
				out = span{math.Min(out.lo, b.lo), math.Min(out.hi, b.hi)}
			} else {
				out = span{math.Max(out.lo, b.lo), math.Max(out.hi, b.hi)}
			}
		}
		return out
	}
	return anySpan
}

// truth says whether a boolean node is always true (1), always false (-1)
// or depends on the unit (0).
func (e rangeEnv) truth(n ast.Node) int {
	c := e.cond(n)
	switch {
	case c.lower.contains(e.domain()):
		return 1
	case c.upper.intersect(e.domain()).empty():
		return -1
	}
	return 0
}

// domain is the set of values `value` can take.
func (e rangeEnv) domain() ivset { return spanSet(e.value) }

// reads reports whether node n names id.
func reads(n ast.Node, id string) bool {
	found := false
	ast.Walk(&n, identVisitor(func(name string) {
		if name == id {
			found = true
		}
	}))
	return found
}

// condSets bounds the values of `value` for which a condition holds: it
// may hold only inside upper and surely holds inside lower. A condition
// that reads inputs besides value is known only as far as their ranges
// allow; one that cannot be analysed has upper = everything, lower = none.
type condSets struct{ upper, lower ivset }

func exact(s ivset) condSets { return condSets{s, s} }

var unknownCond = condSets{upper: allReals, lower: nil}

// cond analyses a boolean node.
func (e rangeEnv) cond(n ast.Node) condSets {
	switch n := n.(type) {
	case *ast.BoolNode:
		if n.Value {
			return exact(allReals)
		}
		return exact(nil)
	case *ast.ConstantNode:
		if b, ok := n.Value.(bool); ok {
			if b {
				return exact(allReals)
			}
			return exact(nil)
		}
	case *ast.UnaryNode:
		if n.Operator == "not" || n.Operator == "!" {
			c := e.cond(n.Node)
			return condSets{upper: c.lower.complement(), lower: c.upper.complement()}
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "and", "&&":
			a, b := e.cond(n.Left), e.cond(n.Right)
			return condSets{a.upper.intersect(b.upper), a.lower.intersect(b.lower)}
		case "or", "||":
			a, b := e.cond(n.Left), e.cond(n.Right)
			return condSets{a.upper.union(b.upper), a.lower.union(b.lower)}
		case ">=", ">", "<=", "<", "==", "!=":
			return e.compare(n)
		}
	}
	return unknownCond
}

var flipped = map[string]string{">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}

func isValue(n ast.Node) bool {
	id, ok := n.(*ast.IdentifierNode)
	return ok && id.Value == "value"
}

func (e rangeEnv) compare(n *ast.BinaryNode) condSets {
	if !isNumeric(n.Left.Type()) || !isNumeric(n.Right.Type()) {
		return unknownCond
	}
	op, other := n.Operator, n.Right
	switch {
	case isValue(n.Left) && !reads(n.Right, "value"):
	case isValue(n.Right) && !reads(n.Left, "value"):
		op, other = flipped[op], n.Left
	default:
		// Neither side is value alone: decide it only when the ranges
		// of both sides settle it for every unit.
		a, b := e.of(n.Left), e.of(n.Right)
		switch compareSpans(op, a, b) {
		case 1:
			return exact(allReals)
		case -1:
			return exact(nil)
		}
		return unknownCond
	}
	r := e.of(other)
	// value OP r, with r anywhere in [r.lo, r.hi].
	switch op {
	case ">=":
		return condSets{atLeastSet(r.lo, true), atLeastSet(r.hi, true)}
	case ">":
		return condSets{atLeastSet(r.lo, false), atLeastSet(r.hi, false)}
	case "<=":
		return condSets{atMostSet(r.hi, true), atMostSet(r.lo, true)}
	case "<":
		return condSets{atMostSet(r.hi, false), atMostSet(r.lo, false)}
	case "==":
		if c, ok := r.constant(); ok {
			return exact(ivset{{c, c, true, true}})
		}
		return condSets{upper: ivset{{r.lo, r.hi, true, true}}.normal(), lower: nil}
	case "!=":
		if c, ok := r.constant(); ok {
			return exact(ivset{{c, c, true, true}}.complement())
		}
		return condSets{upper: allReals, lower: ivset{{r.lo, r.hi, true, true}}.normal().complement()}
	}
	return unknownCond
}

// compareSpans decides a OP b for every a and b in their spans: 1 always
// true, -1 always false, 0 depends.
func compareSpans(op string, a, b span) int {
	switch op {
	case ">=":
		return decide(a.lo >= b.hi, a.hi < b.lo)
	case ">":
		return decide(a.lo > b.hi, a.hi <= b.lo)
	case "<=":
		return decide(a.hi <= b.lo, a.lo > b.hi)
	case "<":
		return decide(a.hi < b.lo, a.lo >= b.hi)
	case "==":
		x, ok1 := a.constant()
		y, ok2 := b.constant()
		return decide(ok1 && ok2 && x == y, a.hi < b.lo || a.lo > b.hi)
	case "!=":
		return -compareSpans("==", a, b)
	}
	return 0
}

func decide(always, never bool) int {
	switch {
	case always:
		return 1
	case never:
		return -1
	}
	return 0
}

func atLeastSet(x float64, closed bool) ivset {
	if math.IsInf(x, 1) {
		return nil
	}
	return ivset{{x, math.Inf(1), closed && !math.IsInf(x, -1), false}}.normal()
}

func atMostSet(x float64, closed bool) ivset {
	if math.IsInf(x, -1) {
		return nil
	}
	return ivset{{math.Inf(-1), x, false, closed && !math.IsInf(x, 1)}}.normal()
}

// ival is an interval of the reals; loIn and hiIn say whether the ends
// belong to it. Infinite ends never do.
type ival struct {
	lo, hi     float64
	loIn, hiIn bool
}

func (i ival) empty() bool { return i.lo > i.hi || i.lo == i.hi && !(i.loIn && i.hiIn) }

// ivset is a union of disjoint intervals in increasing order.
type ivset []ival

var allReals = ivset{{math.Inf(-1), math.Inf(1), false, false}}

// spanSet is the closed interval of a span.
func spanSet(a span) ivset {
	return ivset{{a.lo, a.hi, !math.IsInf(a.lo, 0), !math.IsInf(a.hi, 0)}}.normal()
}

func (s ivset) empty() bool { return len(s) == 0 }

// normal sorts the intervals, drops empty ones and merges those that
// overlap or touch.
func (s ivset) normal() ivset {
	var in ivset
	for _, i := range s {
		if !i.empty() {
			in = append(in, i)
		}
	}
	sort.Slice(in, func(a, b int) bool {
		if in[a].lo != in[b].lo {
			return in[a].lo < in[b].lo
		}
		return in[a].loIn && !in[b].loIn
	})
	var out ivset
	for _, i := range in {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if i.lo < last.hi || i.lo == last.hi && (last.hiIn || i.loIn) {
				if i.hi > last.hi || i.hi == last.hi && i.hiIn {
					last.hi, last.hiIn = i.hi, i.hiIn
				}
				continue
			}
		}
		out = append(out, i)
	}
	return out
}

func (s ivset) union(t ivset) ivset {
	return append(append(ivset{}, s...), t...).normal()
}

func (s ivset) intersect(t ivset) ivset {
	var out ivset
	for _, a := range s {
		for _, b := range t {
			i := ival{lo: a.lo, loIn: a.loIn, hi: a.hi, hiIn: a.hiIn}
			if b.lo > i.lo || b.lo == i.lo && !b.loIn {
				i.lo, i.loIn = b.lo, b.loIn
			}
			if b.hi < i.hi || b.hi == i.hi && !b.hiIn {
				i.hi, i.hiIn = b.hi, b.hiIn
			}
			out = append(out, i)
		}
	}
	return out.normal()
}

func (s ivset) complement() ivset {
	var out ivset
	lo, loIn := math.Inf(-1), false
	for _, i := range s.normal() {
		out = append(out, ival{lo, i.lo, loIn, !i.loIn})
		lo, loIn = i.hi, !i.hiIn
	}
	out = append(out, ival{lo, math.Inf(1), loIn, false})
	return out.normal()
}

// contains reports whether t ⊆ s.
func (s ivset) contains(t ivset) bool { return t.intersect(s.complement()).empty() }

// text writes the set as conditions on value: "value < 0.6 or 0.8 <= value < 0.9".
func (s ivset) text(pr msg.Printer) string {
	if len(s) == 0 {
		return pr.Sprintf(msg.RangeNoValue)
	}
	le := map[bool]string{true: " <= ", false: " < "}
	ge := map[bool]string{true: " >= ", false: " > "}
	var parts []string
	for _, i := range s {
		lo, hi := !math.IsInf(i.lo, -1), !math.IsInf(i.hi, 1)
		switch {
		case lo && hi && i.lo == i.hi:
			parts = append(parts, "value = "+fmtNum(i.lo))
		case lo && hi:
			parts = append(parts, fmtNum(i.lo)+le[i.loIn]+"value"+le[i.hiIn]+fmtNum(i.hi))
		case lo:
			parts = append(parts, "value"+ge[i.loIn]+fmtNum(i.lo))
		case hi:
			parts = append(parts, "value"+le[i.hiIn]+fmtNum(i.hi))
		default:
			parts = append(parts, pr.Sprintf(msg.RangeAnyValue))
		}
	}
	return strings.Join(parts, pr.Sprintf(msg.RangeOr))
}

// text writes the span as [lo, hi], with open ends at infinity, or as
// the one number it holds.
func (a span) text() string {
	if x, ok := a.constant(); ok {
		return fmtNum(x)
	}
	lo, hi := "["+fmtNum(a.lo), fmtNum(a.hi)+"]"
	if math.IsInf(a.lo, -1) {
		lo = "(-∞"
	}
	if math.IsInf(a.hi, 1) {
		hi = "+∞)"
	}
	return lo + ", " + hi
}

// describe says what a formula's span is: "is always 0.5" or "lies in
// [0, +∞)".
func (a span) describe(pr msg.Printer) string {
	if _, ok := a.constant(); ok {
		return pr.Sprintf(msg.RangeAlways, a.text())
	}
	return pr.Sprintf(msg.RangeLiesIn, a.text())
}
