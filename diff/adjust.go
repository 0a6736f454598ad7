package diff

import (
	"math"
	"sort"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// A rule change as a cause: a cap that now applies, a bonus that grew, a
// max_total that now clamps. A rule's effect on a unit is after − before
// of its adjustment (0 where it did not apply). A ruleset without rules
// above the row has none, and the lists stay empty.

// ruleIDs lists the ids of the rules a result's units name, with their
// labels, in order of first appearance.
func ruleIDs(u *engine.UnitResult, ids []string, labels map[string]string) []string {
	for _, a := range u.Adjustments {
		if _, ok := labels[a.ID]; !ok {
			labels[a.ID] = a.Label
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// effects sums each rule's effect on a unit (a rule applies at most once,
// but summing keeps the max_total clamp's one entry too).
func effects(u *engine.UnitResult) map[string]float64 {
	m := map[string]float64{}
	for _, a := range u.Adjustments {
		m[a.ID] += a.After - a.Before
	}
	return m
}

// hasRules reports whether the unit's ruleset has rules on the total: its
// units then carry an adjustment list, empty or not.
func hasRules(u *engine.UnitResult) bool { return u.Adjustments != nil }

func unitRuleChanges(o, n *engine.UnitResult) []PointsChange {
	if !hasRules(o) && !hasRules(n) {
		return nil
	}
	labels := map[string]string{}
	ids := ruleIDs(n, nil, labels)
	ids = ruleIDs(o, ids, labels)
	oe, ne := effects(o), effects(n)
	var out []PointsChange
	for _, id := range ids {
		pc := PointsChange{ID: id, Label: labels[id]}
		// A rule listed on neither side of a ruleset that has rules did
		// not apply there: its effect is 0. Without rules, it is absent.
		if hasRules(o) {
			pc.Old = ptr(indicators.Round2(oe[id]))
		}
		if hasRules(n) {
			pc.New = ptr(indicators.Round2(ne[id]))
		}
		pc.Delta = pointsDelta(pc.Old, pc.New)
		if pc.Delta == 0 {
			continue
		}
		out = append(out, pc)
	}
	return out
}

// adjustChanges sums the rules' effects over the units whose effect
// changed (Units counts them), largest change first (ties in order of
// first appearance).
func adjustChanges(d *Comparison) []IndicatorChange {
	var out []IndicatorChange
	at := map[string]int{}
	for i := range d.Units {
		u := &d.Units[i]
		for _, pc := range u.Adjustments {
			k, ok := at[pc.ID]
			if !ok {
				k = len(out)
				at[pc.ID] = k
				out = append(out, IndicatorChange{ID: pc.ID, Label: pc.Label})
			}
			c := &out[k]
			if pc.Old != nil {
				c.InOld = true
				c.Old += *pc.Old
			}
			if pc.New != nil {
				c.InNew = true
				c.New += *pc.New
			}
			c.Units++
		}
	}
	for k := range out {
		out[k].Old = indicators.Round2(out[k].Old)
		out[k].New = indicators.Round2(out[k].New)
		out[k].Delta = indicators.Round2(out[k].New - out[k].Old)
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Delta) > math.Abs(out[j].Delta) })
	return out
}
