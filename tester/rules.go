package tester

import (
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// expectRules checks a case's expectations of the rules above the row
// (contract 2): the total after each adjust rule (or that it did not
// apply), the outcome's action and its budget change.
func expectRules(c *indicators.Case, r *engine.UnitResult, expect func(Expectation)) {
	for _, id := range sortedKeys(c.Adjustments) {
		want := c.Adjustments[id]
		var got *engine.Adjustment
		for k := range r.Adjustments {
			if r.Adjustments[k].ID == id {
				got = &r.Adjustments[k]
			}
		}
		m := Expectation{Key: "adjustments." + id}
		switch {
		case want.NotApplied:
			m.Want = "不执行"
		default:
			m.Want = num(want.After)
		}
		switch {
		case got == nil:
			m.Got = "不执行"
			m.OK = want.NotApplied
		default:
			m.Got = num(got.After)
			m.OK = !want.NotApplied && same2(want.After, got.After)
			m.Explain = got.Explain
		}
		expect(m)
	}
	if c.Outcome != "" {
		m := Expectation{Key: "outcome", Want: c.Outcome, Got: "无"}
		if r.Outcome != nil {
			m.Got, m.OK = r.Outcome.Action, r.Outcome.Action == c.Outcome
		}
		expect(m)
	}
	if c.Change != nil {
		m := Expectation{Key: "change", Want: num(*c.Change), Got: "无"}
		if o := r.Outcome; o != nil && o.HasChange {
			m.Got, m.OK = num(o.Change), same2(*c.Change, o.Change)
		} else if o != nil {
			m.Got = "无法计算（" + o.Why + "）"
		}
		expect(m)
	}
}
