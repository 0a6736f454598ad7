package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"

	"github.com/jixiao/jixiao/indicators"
)

// Limits on formulas. A ruleset is written by people and may hold a formula
// that would run for hours or eat the machine's memory (1..1e9,
// map(1..1e8, #), text doubled forty times, or two thousand indicators of
// len(1..999999)). jixiao bounds the formulas of every unit in four ways
// that no ruleset can switch off:
//
//   - size: at most MaxNodes syntax-tree nodes (expr's own limit) and
//     maxFormulaLen bytes of source;
//   - builtins: only the ones scoring needs (allowedBuiltins); now(),
//     date() and the rest would make results depend on the day of the run,
//     and repeat(), concat(), toJSON() and the like can build text and lists
//     of any size; joining text with + is refused for the same reason, so
//     no formula can make text longer than what it reads;
//   - memory: the list elements the formulas of one unit build with ranges
//     (a..b) count against MemoryBudget together, and expr's VM refuses a
//     run that would build more than what is left (its count covers the
//     list literals too, which MaxNodes keeps short);
//   - work: every step of a loop (the predicate of map, filter, all, sum,
//     reduce, ...) counts against MaxSteps per unit, and every few hundred
//     steps, and every few runs of expr's VM, the unit's time limit
//     (UnitTimeout) and the evaluation's context are checked.
//
// What can be known when the ruleset is compiled is refused there, with the
// file, line and column: a disallowed builtin, a range with constant bounds
// larger than the memory budget, ranges of constant bounds that every unit
// builds and that together exceed it, nested loops over lists of known
// length that would take more than MaxSteps. What depends on the data (a
// range up to an input) is checked while running: a unit that hits a limit
// fails with the reason and the indicator that hit it, and every other
// unit is scored.

// Default limits (see newConfig).
const (
	// defaultMaxNodes bounds the syntax tree of one formula.
	defaultMaxNodes = 500
	// defaultMemoryBudget is how many list elements the formulas of one
	// unit may build together (expr's own default for one run, about 8 MB
	// of ranges; building them takes milliseconds).
	defaultMemoryBudget = 1_000_000
	// defaultMaxSteps is how many loop steps the formulas of one unit may
	// run together.
	defaultMaxSteps = 1_000_000
	// defaultUnitTimeout bounds the time the formulas of one unit may take,
	// from the first that runs on expr's VM. It is a backstop: defaultMaxSteps steps take about 0.1 s on one core,
	// and 50 times as long leaves room for slow machines and the race
	// detector, so that the step limit, which does not depend on the
	// machine, is the one a long formula meets.
	defaultUnitTimeout = 5 * time.Second
	// maxFormulaLen bounds the source of one formula, in bytes: a formula of
	// MaxNodes nodes with long names fits easily.
	maxFormulaLen = 10_000
)

// Hard caps on the options, so a program cannot switch a limit off by
// passing a huge value by mistake.
const (
	capMaxNodes     = 10_000 // expr's conf.DefaultMaxNodes
	capMemoryBudget = 100_000_000
	capMaxSteps     = 1_000_000_000
	capUnitTimeout  = time.Minute
)

// allowedBuiltins are the expr builtins a formula may call: arithmetic,
// aggregates over short lists, predicates, and the text functions a tier
// input may need.
var allowedBuiltins = map[string]bool{
	"abs": true, "ceil": true, "floor": true, "round": true, "int": true, "float": true,
	"max": true, "min": true, "mean": true, "median": true, "sum": true, "len": true,
	"all": true, "any": true, "none": true, "one": true, "count": true, "filter": true,
	"map": true, "find": true, "findIndex": true, "findLast": true, "findLastIndex": true,
	"reduce": true, "first": true, "last": true, "get": true,
	"trim": true, "trimPrefix": true, "trimSuffix": true, "upper": true, "lower": true,
	"hasPrefix": true, "hasSuffix": true, "indexOf": true, "lastIndexOf": true,
}

// builtinWhy says why a builtin is refused.
func builtinWhy(name string) string {
	switch name {
	case "now", "date", "duration", "timezone":
		return "the result would depend on when jixiao runs"
	case "repeat", "replace", "join", "concat", "flatten", "split", "splitAfter", "toJSON", "fromJSON",
		"toBase64", "fromBase64", "toPairs", "fromPairs", "keys", "values", "sort", "sortBy", "groupBy", "uniq":
		return "it can build text or lists of any size"
	}
	return "it has no use in scoring"
}

// Names the meter goes by inside compiled formulas; no input id may start
// with indicators.ReservedPrefix (Compile and the loader refuse one).
const (
	stepFunc  = indicators.ReservedPrefix + "_step"
	allocFunc = indicators.ReservedPrefix + "_alloc"
	meterVar  = indicators.ReservedPrefix + "_meter"
)

// meterOption registers the meter's functions: stepFunc(meter, x) counts
// one loop step on the unit's meter and returns x unchanged;
// allocFunc(meter, list) counts the elements of a range the VM has just
// built and returns it. The type of each is the type of x, so wrapping a
// node changes nothing else.
func meterOption() expr.Option {
	return func(c *conf.Config) {
		c.Functions[stepFunc] = meterFunc(stepFunc, func(m *meter, _ any) error { return m.step() })
		c.Functions[allocFunc] = meterFunc(allocFunc, func(m *meter, x any) error {
			if r, ok := x.([]int); ok {
				return m.alloc(len(r))
			}
			return nil
		})
	}
}

func meterFunc(name string, count func(m *meter, x any) error) *builtin.Function {
	return &builtin.Function{
		Name: name,
		Func: func(args ...any) (any, error) {
			if m, ok := args[0].(*meter); ok && m != nil {
				if err := count(m, args[1]); err != nil {
					return nil, err
				}
			}
			return args[1], nil
		},
		Validate: func(args []reflect.Type) (reflect.Type, error) {
			if len(args) != 2 {
				return nil, fmt.Errorf("%s takes 2 arguments", name)
			}
			return args[1], nil
		},
	}
}

// meterPatch wraps the body of every predicate (the loop bodies of map,
// filter, all, sum, reduce, ...) in a call of the step function, and every
// range in a call of the alloc function.
func meterPatch(n *ast.Node) {
	switch x := (*n).(type) {
	case *ast.PredicateNode:
		if !isMeterCall(x.Node, stepFunc) {
			ast.Patch(&x.Node, meterCall(stepFunc, x.Node))
		}
	case *ast.BinaryNode:
		if x.Operator == ".." {
			ast.Patch(n, meterCall(allocFunc, x))
		}
	}
}

func meterCall(fn string, body ast.Node) *ast.CallNode {
	return &ast.CallNode{
		Callee:    &ast.IdentifierNode{Value: fn},
		Arguments: []ast.Node{&ast.IdentifierNode{Value: meterVar}, body},
	}
}

// isMeterCall reports whether n is a call of the meter function fn.
func isMeterCall(n ast.Node, fn string) bool {
	c, ok := n.(*ast.CallNode)
	if !ok || len(c.Arguments) != 2 {
		return false
	}
	id, ok := c.Callee.(*ast.IdentifierNode)
	return ok && id.Value == fn
}

// unpatchMeter takes the meter's calls out of a compiled program's syntax
// tree, which explanations print and the compiler's walks read. The
// bytecode, which counts, is already built and keeps them.
func unpatchMeter(prog *vm.Program) {
	root := prog.Node()
	ast.Walk(&root, visitor(unpatch))
}

func unpatch(n *ast.Node) {
	switch x := (*n).(type) {
	case *ast.PredicateNode:
		if isMeterCall(x.Node, stepFunc) {
			x.Node = x.Node.(*ast.CallNode).Arguments[1]
		}
	case *ast.CallNode:
		if isMeterCall(x, allocFunc) {
			*n = x.Arguments[1]
		}
	}
}

// limitError is a limit hit while evaluating a unit. It fails the unit.
type limitError struct {
	msg string
}

func (e *limitError) Error() string { return e.msg }

// errCancelled stops the formulas of a unit when the evaluation's context
// is cancelled (Ctrl-C).
var errCancelled = errors.New("evaluation cancelled")

// meter counts the loop steps and the range elements of one unit and
// watches its clock. Each worker has one, reset for every unit.
type meter struct {
	ctx       context.Context
	maxSteps  int64
	memBudget uint
	timeout   time.Duration
	steps     int64
	mem       uint   // range elements built by the unit's formulas
	runs      uint32 // runs of expr's VM for the unit
	deadline  time.Time
	err       error // the first limit hit in this unit, sticky
}

// meterState is what a unit has used of its limits, saved while an
// explanation evaluates formulas again (see scratch.explaining).
type meterState struct {
	steps int64
	mem   uint
	err   error
}

// reset starts a new unit.
func (m *meter) reset() {
	m.steps, m.mem, m.runs, m.err, m.deadline = 0, 0, 0, nil, time.Time{}
}

func (m *meter) save() meterState         { return meterState{m.steps, m.mem, m.err} }
func (m *meter) restore(st meterState)    { m.steps, m.mem, m.err = st.steps, st.mem, st.err }
func (m *meter) memLeft() uint            { return m.memBudget - min(m.mem, m.memBudget) }
func (m *meter) memoryError() *limitError { return memoryError(m.memBudget) }

func memoryError(budget uint) *limitError {
	return &limitError{fmt.Sprintf("the formula needs more than %d list elements or characters (the memory limit of jixiao); simplify the formula (the limit is for all the formulas of a unit together)", budget)}
}

// clockEvery is how often (in steps) the meter reads the clock and the
// context: often enough to stop within a millisecond or so, rarely enough
// to cost nothing measurable.
const clockEvery = 256

// runClockEvery is how often (in runs of expr's VM) the meter reads the
// clock between formulas. A run without loops is short (MaxNodes nodes,
// ranges within the memory budget, a few milliseconds at most), so every
// 8th run stops a unit of many formulas soon after its time limit, and
// units of a few VM formulas read the clock once.
const runClockEvery = 8

func (m *meter) step() error {
	if m.err != nil {
		return m.err
	}
	m.steps++
	if m.steps > m.maxSteps {
		m.err = &limitError{fmt.Sprintf("the formulas ran more than %d loop steps on this unit (a limit of jixiao); simplify the formula", m.maxSteps)}
		return m.err
	}
	if m.steps%clockEvery == 1 {
		return m.clock()
	}
	return nil
}

// enter is called before each run of expr's VM: it stops at once after
// a limit, and reads the clock every runClockEvery runs.
func (m *meter) enter() error {
	if m.err != nil {
		return m.err
	}
	m.runs++
	if m.runs%runClockEvery == 1 {
		return m.clock()
	}
	return nil
}

// alloc counts n range elements built.
func (m *meter) alloc(n int) error {
	if m.err != nil {
		return m.err
	}
	m.mem += uint(n)
	if m.mem > m.memBudget {
		m.err = m.memoryError()
	}
	return m.err
}

// clock starts the unit's time limit on its first call, then checks it
// and the context.
func (m *meter) clock() error {
	now := time.Now()
	if m.deadline.IsZero() {
		m.deadline = now.Add(m.timeout)
	} else if now.After(m.deadline) {
		m.err = &limitError{fmt.Sprintf("the formulas took longer than %v on this unit (a limit of jixiao); simplify the formula", m.timeout)}
		return m.err
	}
	if m.ctx != nil && m.ctx.Err() != nil {
		m.err = errCancelled
		return m.err
	}
	return nil
}

// isMemoryError reports whether err is expr's VM refusing a run that
// would build more list elements than its budget: expr says so in a plain
// message.
func isMemoryError(err error) bool {
	return err != nil && strings.Contains(err.Error(), "memory budget exceeded")
}

// asLimit returns the limit error behind a formula's failure, or nil.
func asLimit(err error, memBudget uint) error {
	if err == nil || errors.Is(err, errNotFinite) {
		// ÷0 and the like are the data's, never a limit; returning before
		// le (which escapes) costs a unit with one no allocation.
		return nil
	}
	var le *limitError
	switch {
	case errors.As(err, &le):
		return le
	case errors.Is(err, errCancelled):
		return errCancelled
	case isMemoryError(err):
		return memoryError(memBudget)
	}
	return nil
}

// limitChecker walks a compiled formula and reports the first thing that
// breaks a limit which can be known before any data is read.
type limitChecker struct {
	memBudget uint
	maxSteps  int64
	lets      map[string]int64 // list sizes of let variables, when known
	err       *file.Error
	allocAt   ast.Node // the first range certainAlloc counted
}

// unknownSize marks a list whose length depends on the data.
const unknownSize = -1

func (c *limitChecker) fail(n ast.Node, format string, args ...any) {
	if c.err == nil {
		c.err = &file.Error{Location: n.Location(), Message: fmt.Sprintf(format, args...)}
	}
}

// check reports the first limit a formula breaks, or nil.
func (c *limitChecker) check(n ast.Node) *file.Error {
	c.lets = map[string]int64{}
	if steps := c.steps(n); steps > c.maxSteps && c.err == nil {
		// Loops side by side, each within the limit, may exceed it together.
		c.fail(n, "the formula may run up to %s loop steps on one unit, more than the limit of %d: loop over shorter lists", fmtCount(steps), c.maxSteps)
	}
	return c.err
}

func fmtCount(n int64) string {
	if n >= math.MaxInt64/2 {
		return "an unbounded number of"
	}
	return fmt.Sprint(n)
}

// mulSat and addSat saturate instead of overflowing.
func mulSat(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt64/2/b {
		return math.MaxInt64 / 2
	}
	return a * b
}

func addSat(a, b int64) int64 {
	if a > math.MaxInt64/2-b {
		return math.MaxInt64 / 2
	}
	return a + b
}

// steps returns an upper bound on the loop steps of n, counting lists of
// unknown length as one element (they are bounded while running), and
// checks the limits of each node on the way.
func (c *limitChecker) steps(n ast.Node) int64 {
	if n == nil {
		return 0
	}
	switch n := n.(type) {
	case *ast.BuiltinNode:
		if !allowedBuiltins[n.Name] {
			c.fail(n, "%s() is not allowed in formulas: %s", n.Name, builtinWhy(n.Name))
		}
		var total int64
		var body ast.Node
		for _, a := range n.Arguments {
			if p, ok := a.(*ast.PredicateNode); ok {
				body = p.Node
				continue
			}
			total = addSat(total, c.steps(a))
		}
		if body == nil && n.Map == nil {
			return total
		}
		size := int64(1)
		if len(n.Arguments) > 0 {
			if s := c.size(n.Arguments[0]); s != unknownSize {
				size = s
			}
		}
		per := addSat(1, addSat(c.steps(body), c.steps(n.Map)))
		total = addSat(total, mulSat(size, per))
		if total > c.maxSteps {
			c.fail(n, "the formula may run up to %s loop steps on one unit, more than the limit of %d: loop over shorter lists", fmtCount(total), c.maxSteps)
		}
		return total
	case *ast.BinaryNode:
		switch n.Operator {
		case "..":
			if s := c.size(n); s != unknownSize && s > int64(c.memBudget) {
				c.fail(n, "the range %s has %d elements, more than the limit of %d", n.String(), s, c.memBudget)
			}
		case "+":
			if !isNumeric(n.Left.Type()) && !isNumeric(n.Right.Type()) {
				c.fail(n, "+ may only add numbers here: joining text or lists is not allowed in formulas (wrap a value in float() if it is a number)")
			}
		}
		return addSat(c.steps(n.Left), c.steps(n.Right))
	case *ast.VariableDeclaratorNode:
		v := c.steps(n.Value)
		prev, had := c.lets[n.Name]
		c.lets[n.Name] = c.size(n.Value)
		e := c.steps(n.Expr)
		if had {
			c.lets[n.Name] = prev
		} else {
			delete(c.lets, n.Name)
		}
		return addSat(v, e)
	}
	var total int64
	for _, ch := range subNodes(n) {
		total = addSat(total, c.steps(ch))
	}
	return total
}

// size returns the length of the list n evaluates to, or unknownSize.
func (c *limitChecker) size(n ast.Node) int64 {
	switch n := n.(type) {
	case *ast.ArrayNode:
		return int64(len(n.Nodes))
	case *ast.ConstantNode:
		if v := reflect.ValueOf(n.Value); v.Kind() == reflect.Slice || v.Kind() == reflect.Array || v.Kind() == reflect.Map {
			return int64(v.Len())
		}
	case *ast.IdentifierNode:
		if s, ok := c.lets[n.Value]; ok {
			return s
		}
	case *ast.CallNode:
		if isMeterCall(n, allocFunc) {
			return c.size(n.Arguments[1])
		}
	case *ast.BinaryNode:
		if n.Operator == ".." {
			from, ok1 := constInt(n.Left)
			to, ok2 := constInt(n.Right)
			if ok1 && ok2 {
				if to < from {
					return 0
				}
				return addSat(addSat(to, -from), 1)
			}
		}
	case *ast.BuiltinNode:
		switch n.Name {
		case "filter", "map":
			if len(n.Arguments) > 0 {
				return c.size(n.Arguments[0])
			}
		}
	case *ast.ConditionalNode:
		a, b := c.size(n.Exp1), c.size(n.Exp2)
		if a == unknownSize || b == unknownSize {
			return unknownSize
		}
		return max(a, b)
	}
	return unknownSize
}

// certainAlloc returns how many range elements n builds whenever it is
// evaluated: the ranges of constant bounds that no condition, short
// circuit or loop can skip. Ranges whose bounds depend on the data count
// nothing here; they are counted while running.
func (c *limitChecker) certainAlloc(n ast.Node) int64 {
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.BinaryNode:
		switch n.Operator {
		case "..":
			total := addSat(c.certainAlloc(n.Left), c.certainAlloc(n.Right))
			from, ok1 := constInt(n.Left)
			to, ok2 := constInt(n.Right)
			if ok1 && ok2 && to >= from {
				total = addSat(total, addSat(addSat(to, -from), 1))
				if c.allocAt == nil {
					c.allocAt = n
				}
			}
			return total
		case "and", "&&", "or", "||", "??":
			return c.certainAlloc(n.Left)
		}
	case *ast.ConditionalNode:
		return addSat(c.certainAlloc(n.Cond), min(c.certainAlloc(n.Exp1), c.certainAlloc(n.Exp2)))
	case *ast.PredicateNode, *ast.ChainNode:
		return 0 // a loop body may run no time; a?.b may stop at a
	case *ast.BuiltinNode:
		var total int64
		for _, a := range n.Arguments {
			total = addSat(total, c.certainAlloc(a))
		}
		return total // not n.Map, a loop body
	}
	var total int64
	for _, ch := range subNodes(n) {
		total = addSat(total, c.certainAlloc(ch))
	}
	return total
}

func constInt(n ast.Node) (int64, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return int64(n.Value), true
	case *ast.ConstantNode:
		if v, ok := n.Value.(int); ok {
			return int64(v), true
		}
	case *ast.UnaryNode:
		if n.Operator == "-" {
			if v, ok := constInt(n.Node); ok {
				return -v, true
			}
		}
	}
	return 0, false
}

// subNodes lists every sub-node of n.
func subNodes(n ast.Node) []ast.Node {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return []ast.Node{n.Node}
	case *ast.BinaryNode:
		return []ast.Node{n.Left, n.Right}
	case *ast.ChainNode:
		return []ast.Node{n.Node}
	case *ast.MemberNode:
		return []ast.Node{n.Node, n.Property}
	case *ast.SliceNode:
		return []ast.Node{n.Node, n.From, n.To}
	case *ast.CallNode:
		return append([]ast.Node{n.Callee}, n.Arguments...)
	case *ast.BuiltinNode:
		return append(append([]ast.Node{}, n.Arguments...), n.Map)
	case *ast.PredicateNode:
		return []ast.Node{n.Node}
	case *ast.ConditionalNode:
		return []ast.Node{n.Cond, n.Exp1, n.Exp2}
	case *ast.VariableDeclaratorNode:
		return []ast.Node{n.Value, n.Expr}
	case *ast.SequenceNode:
		return n.Nodes
	case *ast.ArrayNode:
		return n.Nodes
	case *ast.MapNode:
		return n.Pairs
	case *ast.PairNode:
		return []ast.Node{n.Key, n.Value}
	}
	return nil
}

// checkCertainAlloc refuses a ruleset whose formulas build more range
// elements than the memory budget on every unit that reports their
// inputs: each such unit would fail. Of each indicator it counts the
// formula that runs first (a later one may not run when that fails), and
// each check's assertion.
func (c *compiler) checkCertainAlloc() {
	var fs []*formula
	for k := range c.p.inds {
		ci := &c.p.inds[k]
		for _, f := range []*formula{ci.value, ci.count, ci.score} {
			if f != nil {
				fs = append(fs, f)
				break
			}
		}
	}
	for k := range c.p.checks {
		if f := c.p.checks[k].assert; f != nil {
			fs = append(fs, f)
		}
	}
	budget := int64(c.p.conf.memBudget)
	var total int64
	for _, f := range fs {
		total = addSat(total, f.alloc)
		if f.alloc > 0 && total > budget {
			fe := &file.Error{Location: f.allocAt, Message: fmt.Sprintf("with the formulas before it, every unit would build ranges of %d elements, more than the limit of %d per unit: use shorter ranges", total, budget)}
			d := c.exprError(f.f, f.sc, f.what, fe.Bind(file.NewSource(f.f.Src)))
			d.Code = "formula_limit"
			c.errs.Add(d)
			return
		}
	}
}
