package report

import (
	"fmt"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// The derivation's part of the rules above the row (contract 2): each
// rule that applied to the total, before → after, and the outcome.

func writeAdjustments(s explainSink, u *engine.UnitResult) {
	if len(u.Adjustments) == 0 {
		return
	}
	for _, a := range u.Adjustments {
		text := a.Explain
		if text == "" {
			text = fmt.Sprintf("%s：总分 %s → %s", a.Label, Num(a.Before), Num(a.After))
		}
		s.field(adjustKindText(a.Kind), text)
	}
	s.field("总分", fmt.Sprintf("调整后 = %s", Num(u.Score)))
}

// adjustKindText names an adjustment's kind.
func adjustKindText(kind string) string {
	switch kind {
	case indicators.AdjustCap:
		return "封顶"
	case indicators.AdjustAdd:
		return "加减分"
	case indicators.AdjustMaxTotal:
		return "总分上下限"
	}
	return kind
}

func writeOutcome(s explainSink, u *engine.UnitResult) {
	if o := u.Outcome; o != nil {
		s.field("结果应用", OutcomeText(o))
	}
}

// OutcomeText is a unit's outcome in words: the action and the budget
// change (核减 −10), or why the change is unknown.
func OutcomeText(o *engine.Outcome) string {
	switch {
	case !o.HasChange:
		return fmt.Sprintf("%s（调整额无法计算：%s）", o.Action, o.Why)
	case o.Change == 0:
		return o.Action
	case o.Change > 0:
		return fmt.Sprintf("%s +%s", o.Action, Num(o.Change))
	}
	return fmt.Sprintf("%s %s", o.Action, Num(o.Change))
}
