package report

import (
	"testing"

	"github.com/jixiao/jixiao/engine"
)

// TestCSVChecksField: the 未通过校验 field written from the ruleset's
// texts (csvChecks, made once) is the field appendChecks and quoteTail
// write, for checks whose texts need quotes (a comma, a quote, a line
// break, a leading space) or not; and a failed check that is not the
// ruleset's own text (one that could not be computed says why) or not in
// the ruleset is no index, so the field is written from the unit.
func TestCSVChecksField(t *testing.T) {
	m := Meta{checks: []engine.CheckResult{
		{ID: "plain", Message: "执行数不应超过预算数"},
		{ID: "comma", Message: "项目支出, 基本支出之和"},
		{ID: "quote", Message: `应为"是"`},
		{ID: "space", Message: " 前有空格"},
		{ID: "newline", Message: "两行\n说明"},
	}}
	cs := newCSVChecks(m)
	failed := func(ids ...string) *engine.UnitResult {
		u := &engine.UnitResult{}
		for _, c := range m.checks {
			r := engine.CheckResult{ID: c.ID, OK: true}
			for _, id := range ids {
				if id == c.ID {
					r.OK, r.Message = false, c.Message
				}
			}
			u.Checks = append(u.Checks, r)
		}
		return u
	}
	for _, tc := range []struct {
		u     *engine.UnitResult
		coded bool
	}{
		{failed("plain"), true},
		{failed("comma"), true},
		{failed("plain", "quote"), true},
		{failed("space"), true},
		{failed("plain", "space"), true}, // a space not at the field's start needs no quotes
		{failed("newline", "comma", "plain"), true},
		{failed(), true},
		{&engine.UnitResult{Checks: []engine.CheckResult{{ID: "plain", Message: "检查无法计算：除以 0, 见“预算数”"}}}, false},
		{&engine.UnitResult{Checks: []engine.CheckResult{{ID: "plain", Message: m.checks[0].Message}, {ID: "other", Message: "x"}}}, false},
		{&engine.UnitResult{Checks: []engine.CheckResult{{ID: "quote", Message: m.checks[2].Message}, {ID: "plain", Message: m.checks[0].Message}}}, false}, // out of the ruleset's order
		// A result from a compact record: its failed checks alone.
		{&engine.UnitResult{Checks: []engine.CheckResult{{ID: "comma", Message: m.checks[1].Message}, {ID: "space", Message: m.checks[3].Message}}}, true},
	} {
		want := quoteTail(appendChecks(nil, tc.u), 0)
		idx, coded := cs.indexes(nil, tc.u)
		if coded != tc.coded {
			t.Errorf("%+v: coded %v, want %v", tc.u.Checks, coded, tc.coded)
			continue
		}
		if !coded {
			continue
		}
		if got := cs.appendField(nil, idx); string(got) != string(want) {
			t.Errorf("%+v: field %q, want %q", tc.u.Checks, got, want)
		}
	}
}
