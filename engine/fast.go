package engine

import (
	"math"
	"reflect"

	"github.com/expr-lang/expr/ast"
)

// The fast path. expr parses and type-checks every formula; the checked
// tree of a purely numeric formula is then compiled here into typed float64
// closures over the unit's input array, which is many times faster than
// running expr's VM with a map environment per unit. Every closure follows
// expr's own semantics to the bit (min/max keep the first of equal or NaN
// operands, abs leaves -0, / always divides as float64), and a fuzz test
// checks the two against each other. Anything outside this subset — strings,
// tier inputs, arrays, %, member access — keeps expr's VM.

type numFn func(s *scratch) float64
type boolFn func(s *scratch) bool

// fastCompiler resolves identifiers to slots of the scratch state.
type fastCompiler struct {
	slot func(name string) (idx int, ok bool) // index into scratch.in
}

// The indicator's value and weight follow the inputs in scratch.in, at
// these offsets from the number of inputs.
const (
	slotValue  = 0
	slotWeight = 1
)

func isNumeric(t reflect.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Float64, reflect.Int:
		return true
	}
	return false
}

func isBool(t reflect.Type) bool { return t != nil && t.Kind() == reflect.Bool }

// num compiles a numeric node, or reports false when it is outside the
// subset.
func (c *fastCompiler) num(n ast.Node) (numFn, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		v := float64(n.Value)
		return func(*scratch) float64 { return v }, true
	case *ast.FloatNode:
		v := n.Value
		return func(*scratch) float64 { return v }, true
	case *ast.ConstantNode:
		switch v := n.Value.(type) {
		case int:
			f := float64(v)
			return func(*scratch) float64 { return f }, true
		case float64:
			return func(*scratch) float64 { return v }, true
		}
	case *ast.IdentifierNode:
		idx, ok := c.slot(n.Value)
		if !ok {
			return nil, false
		}
		return func(s *scratch) float64 { return s.in[idx] }, true
	case *ast.UnaryNode:
		x, ok := c.num(n.Node)
		if !ok {
			return nil, false
		}
		switch n.Operator {
		case "-":
			return func(s *scratch) float64 { return -x(s) }, true
		case "+":
			return x, true
		}
	case *ast.BinaryNode:
		return c.binaryNum(n)
	case *ast.ConditionalNode:
		cond, ok := c.cond(n.Cond)
		if !ok {
			return nil, false
		}
		a, ok1 := c.num(n.Exp1)
		b, ok2 := c.num(n.Exp2)
		if !ok1 || !ok2 {
			return nil, false
		}
		return func(s *scratch) float64 {
			if cond(s) {
				return a(s)
			}
			return b(s)
		}, true
	case *ast.BuiltinNode:
		return c.builtin(n)
	}
	return nil, false
}

func (c *fastCompiler) binaryNum(n *ast.BinaryNode) (numFn, bool) {
	if !isNumeric(n.Left.Type()) || !isNumeric(n.Right.Type()) {
		return nil, false
	}
	// Integer arithmetic (both sides int) wraps on overflow in expr; it only
	// arises from literals, which the optimizer folds, so leave it to expr.
	intOnly := n.Left.Type().Kind() == reflect.Int && n.Right.Type().Kind() == reflect.Int
	if !intOnly {
		if f, ok := c.leafArith(n); ok {
			return f, true
		}
	}
	a, ok1 := c.num(n.Left)
	b, ok2 := c.num(n.Right)
	if !ok1 || !ok2 {
		return nil, false
	}
	switch n.Operator {
	case "+":
		if !intOnly {
			return func(s *scratch) float64 { return a(s) + b(s) }, true
		}
	case "-":
		if !intOnly {
			return func(s *scratch) float64 { return a(s) - b(s) }, true
		}
	case "*":
		if !intOnly {
			return func(s *scratch) float64 { return a(s) * b(s) }, true
		}
	case "/":
		return func(s *scratch) float64 { return a(s) / b(s) }, true
	case "**", "^":
		return func(s *scratch) float64 { return math.Pow(a(s), b(s)) }, true
	}
	return nil, false
}

func (c *fastCompiler) builtin(n *ast.BuiltinNode) (numFn, bool) {
	args := make([]numFn, len(n.Arguments))
	for i, a := range n.Arguments {
		if !isNumeric(a.Type()) {
			return nil, false
		}
		f, ok := c.num(a)
		if !ok {
			return nil, false
		}
		args[i] = f
	}
	switch n.Name {
	case "abs", "ceil", "floor", "round":
		if len(args) != 1 {
			return nil, false
		}
		x := args[0]
		switch n.Name {
		case "abs":
			return func(s *scratch) float64 {
				if v := x(s); v < 0 {
					return -v
				} else {
					return v
				}
			}, true
		case "ceil":
			return func(s *scratch) float64 { return math.Ceil(x(s)) }, true
		case "floor":
			return func(s *scratch) float64 { return math.Floor(x(s)) }, true
		default:
			return func(s *scratch) float64 { return math.Round(x(s)) }, true
		}
	case "min", "max":
		if len(args) == 0 {
			return nil, false
		}
		isMin := n.Name == "min"
		if len(args) == 2 {
			a, b := args[0], args[1]
			if isMin {
				return func(s *scratch) float64 {
					m, v := a(s), b(s)
					if m > v {
						m = v
					}
					return m
				}, true
			}
			return func(s *scratch) float64 {
				m, v := a(s), b(s)
				if m < v {
					m = v
				}
				return m
			}, true
		}
		return func(s *scratch) float64 {
			m := args[0](s)
			for _, f := range args[1:] {
				v := f(s)
				if isMin && m > v || !isMin && m < v {
					m = v
				}
			}
			return m
		}, true
	}
	return nil, false
}

// cond compiles a boolean node.
func (c *fastCompiler) cond(n ast.Node) (boolFn, bool) {
	switch n := n.(type) {
	case *ast.BoolNode:
		v := n.Value
		return func(*scratch) bool { return v }, true
	case *ast.ConstantNode:
		if v, ok := n.Value.(bool); ok {
			return func(*scratch) bool { return v }, true
		}
	case *ast.UnaryNode:
		if n.Operator != "not" && n.Operator != "!" {
			return nil, false
		}
		x, ok := c.cond(n.Node)
		if !ok {
			return nil, false
		}
		return func(s *scratch) bool { return !x(s) }, true
	case *ast.ConditionalNode:
		cond, ok := c.cond(n.Cond)
		a, ok1 := c.cond(n.Exp1)
		b, ok2 := c.cond(n.Exp2)
		if !ok || !ok1 || !ok2 {
			return nil, false
		}
		return func(s *scratch) bool {
			if cond(s) {
				return a(s)
			}
			return b(s)
		}, true
	case *ast.BinaryNode:
		switch n.Operator {
		case "and", "&&", "or", "||":
			a, ok1 := c.cond(n.Left)
			b, ok2 := c.cond(n.Right)
			if !ok1 || !ok2 {
				return nil, false
			}
			if n.Operator == "and" || n.Operator == "&&" {
				return func(s *scratch) bool { return a(s) && b(s) }, true
			}
			return func(s *scratch) bool { return a(s) || b(s) }, true
		}
		if !isNumeric(n.Left.Type()) || !isNumeric(n.Right.Type()) {
			return nil, false
		}
		if f, ok := c.leafCompare(n); ok {
			return f, true
		}
		a, ok1 := c.num(n.Left)
		b, ok2 := c.num(n.Right)
		if !ok1 || !ok2 {
			return nil, false
		}
		switch n.Operator {
		case "<":
			return func(s *scratch) bool { return a(s) < b(s) }, true
		case "<=":
			return func(s *scratch) bool { return a(s) <= b(s) }, true
		case ">":
			return func(s *scratch) bool { return a(s) > b(s) }, true
		case ">=":
			return func(s *scratch) bool { return a(s) >= b(s) }, true
		case "==":
			return func(s *scratch) bool { return a(s) == b(s) }, true
		case "!=":
			return func(s *scratch) bool { return a(s) != b(s) }, true
		}
	}
	return nil, false
}

// Operands that are a slot (an input, value, weight) or a constant get
// closures of their own: "spent / budget" is then one call reading two
// slots, not three calls. They compute exactly what the general closures
// compute.

// leaf reports whether n is a slot of scratch.in (slot) or a number
// constant (k).
func (c *fastCompiler) leaf(n ast.Node) (slot int, k float64, isConst, ok bool) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		idx, ok := c.slot(n.Value)
		return idx, 0, false, ok
	case *ast.IntegerNode:
		return 0, float64(n.Value), true, true
	case *ast.FloatNode:
		return 0, n.Value, true, true
	}
	return 0, 0, false, false
}

func (c *fastCompiler) leafArith(n *ast.BinaryNode) (numFn, bool) {
	i, ki, ci, ok1 := c.leaf(n.Left)
	j, kj, cj, ok2 := c.leaf(n.Right)
	if !ok1 || !ok2 || ci && cj {
		return nil, false
	}
	switch {
	case !ci && !cj:
		switch n.Operator {
		case "+":
			return func(s *scratch) float64 { return s.in[i] + s.in[j] }, true
		case "-":
			return func(s *scratch) float64 { return s.in[i] - s.in[j] }, true
		case "*":
			return func(s *scratch) float64 { return s.in[i] * s.in[j] }, true
		case "/":
			return func(s *scratch) float64 { return s.in[i] / s.in[j] }, true
		}
	case !ci:
		switch n.Operator {
		case "+":
			return func(s *scratch) float64 { return s.in[i] + kj }, true
		case "-":
			return func(s *scratch) float64 { return s.in[i] - kj }, true
		case "*":
			return func(s *scratch) float64 { return s.in[i] * kj }, true
		case "/":
			return func(s *scratch) float64 { return s.in[i] / kj }, true
		}
	default:
		switch n.Operator {
		case "+":
			return func(s *scratch) float64 { return ki + s.in[j] }, true
		case "-":
			return func(s *scratch) float64 { return ki - s.in[j] }, true
		case "*":
			return func(s *scratch) float64 { return ki * s.in[j] }, true
		case "/":
			return func(s *scratch) float64 { return ki / s.in[j] }, true
		}
	}
	return nil, false
}

// leafCompare compares two slots, a slot and a constant, or any numeric
// formula and a constant.
func (c *fastCompiler) leafCompare(n *ast.BinaryNode) (boolFn, bool) {
	i, _, ci, ok1 := c.leaf(n.Left)
	j, kj, cj, ok2 := c.leaf(n.Right)
	switch {
	case ok1 && ok2 && !ci && !cj:
		switch n.Operator {
		case "<":
			return func(s *scratch) bool { return s.in[i] < s.in[j] }, true
		case "<=":
			return func(s *scratch) bool { return s.in[i] <= s.in[j] }, true
		case ">":
			return func(s *scratch) bool { return s.in[i] > s.in[j] }, true
		case ">=":
			return func(s *scratch) bool { return s.in[i] >= s.in[j] }, true
		case "==":
			return func(s *scratch) bool { return s.in[i] == s.in[j] }, true
		case "!=":
			return func(s *scratch) bool { return s.in[i] != s.in[j] }, true
		}
	case ok2 && cj && !(ok1 && ci):
		a, ok := c.num(n.Left)
		if !ok {
			return nil, false
		}
		k := kj
		switch n.Operator {
		case "<":
			return func(s *scratch) bool { return a(s) < k }, true
		case "<=":
			return func(s *scratch) bool { return a(s) <= k }, true
		case ">":
			return func(s *scratch) bool { return a(s) > k }, true
		case ">=":
			return func(s *scratch) bool { return a(s) >= k }, true
		case "==":
			return func(s *scratch) bool { return a(s) == k }, true
		case "!=":
			return func(s *scratch) bool { return a(s) != k }, true
		}
	}
	return nil, false
}
