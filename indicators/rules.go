package indicators

import (
	_ "embed"

	"github.com/jixiao/jixiao/diag"
)

// The rules that sit above the indicator row (DESIGN.md, contract 2): the
// over-achievement penalty, unit-level adjustments of the total (caps,
// bonuses and deductions), the ceiling of the total and the use of the
// results in next year's budget (评价结果应用).

// OvershootRule is the over-achievement penalty: a ">=" target, or an "="
// target with T > 0, whose value reaches Ratio × T (inclusive) loses Deduct
// points, never below 0 (the target was set too low).
type OvershootRule struct {
	Ratio  float64
	Deduct float64
	Use    string // the rules library entry it came from, if any
	Pos    diag.Pos
}

// Adjustment kinds: a cap lowers the total to a bound, an add adds
// (negative: deducts) points.
const (
	AdjustCap = "cap"
	AdjustAdd = "add"
	// AdjustMaxTotal is the kind (and id) of the adjustment that clamps
	// the total to [0, max_total] after every adjust rule.
	AdjustMaxTotal = "max_total"
)

// Adjust is one unit-level rule applied, in order, to the total after the
// indicator row (and its N/A rescale). When is optional: without it the
// rule always applies. Exactly one of Cap and Add is set.
type Adjust struct {
	ID    string
	Label string
	Kind  string // AdjustCap or AdjustAdd
	When  Formula
	Cap   Formula
	Add   Formula
	Use   string // the rules library entry it came from, if any
	Pos   diag.Pos
}

// Amount is the rule's cap or add formula, whichever its kind is.
func (a *Adjust) Amount() Formula {
	if a.Kind == AdjustCap {
		return a.Cap
	}
	return a.Add
}

// Outcome is the use of one grade's results (评价结果应用): an action (优先保障,
// 核减 ...) and a budget change, an expression over the inputs in the
// inputs' unit (-0.05 * budget).
type Outcome struct {
	Grade  string
	Action string
	Change Formula
	Pos    diag.Pos
}

// DefaultMaxTotal is the ceiling of the total of a ruleset that has adjust
// rules or max_total: totals are clamped to [0, 100] unless it says more.
const DefaultMaxTotal = 100.0

// TotalCeiling returns the ceiling the total is clamped to and whether
// there is one: only rulesets with adjust rules or max_total have one, so
// that a ruleset whose weights sum past 100 keeps its total.
func (rs *Ruleset) TotalCeiling() (float64, bool) {
	switch {
	case rs.MaxTotal != nil:
		return *rs.MaxTotal, true
	case len(rs.Adjust) > 0:
		return DefaultMaxTotal, true
	}
	return 0, false
}

// OvershootOf returns the over-achievement penalty that applies to ind:
// its own, which replaces the ruleset's whole, else the ruleset's; nil
// when neither has one.
func (rs *Ruleset) OvershootOf(ind *Indicator) *OvershootRule {
	if ind.Overshoot != nil {
		return ind.Overshoot
	}
	return rs.Overshoot
}

// OutcomeOf returns the outcome of a grade, or nil.
func (rs *Ruleset) OutcomeOf(grade string) *Outcome {
	for i := range rs.Outcomes {
		if rs.Outcomes[i].Grade == grade {
			return &rs.Outcomes[i]
		}
	}
	return nil
}

// OvershootPenalized reports whether value reaches ratio × target on a target
// the penalty applies to: ">=", or "=" with target > 0. Inclusive, with the
// tolerance of the other target comparisons, so that 104 against 1.3 × 80
// is at the bound.
func OvershootPenalized(op string, value, target, ratio float64) bool {
	return DirectionOf(op, "").Penalized(value, target, ratio)
}

// RulesYAML is the rules library: ready-made adjust rules and overshoot
// penalties (the 一体化 budget-management system's 执行率 cap and 130 %
// penalty) a ruleset takes with use: ID. Package rulesets parses it.
//
//go:embed rules.yaml
var RulesYAML []byte
