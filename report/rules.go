package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/record"
)

// The rules above the indicator row (contract 2) in the tabular formats:
// a 总分调整 column (each rule that changed the total, short) and a
// 结果应用 column (the outcome), for rulesets that have them; the summary
// line sums the outcomes per action.

// rulesHeaders are the headers of the rules' columns of a table.
func rulesHeaders(m Meta) []string {
	var h []string
	if m.HasAdjust {
		h = append(h, "总分调整")
	}
	if m.HasOutcomes {
		h = append(h, "结果应用")
	}
	return h
}

// rulesCells are a scored unit's cells under rulesHeaders(m). The
// terminal's (terminal true) 结果应用 is short (outcomeCell); md and html
// say why a change could not be worked out (OutcomeText).
func rulesCells(m Meta, u *engine.UnitResult, terminal bool) []string {
	var c []string
	if m.HasAdjust {
		c = append(c, AdjustText(u))
	}
	if m.HasOutcomes {
		o := ""
		switch {
		case u.Outcome == nil:
		case terminal:
			o = outcomeCell(u.Outcome)
		default:
			o = OutcomeText(u.Outcome)
		}
		c = append(c, o)
	}
	return c
}

// outcomeCell is an outcome in the terminal table's 结果应用 column: the
// action, with the budget change when it is not 0 ("核减 -5.2"), or 无法计算
// when it could not be worked out (the summary line counts those; md,
// html and explain say why).
func outcomeCell(o *engine.Outcome) string {
	switch {
	case !o.HasChange:
		return o.Action + " 无法计算"
	case o.Change == 0:
		return o.Action
	case o.Change > 0:
		return o.Action + " +" + Num(o.Change)
	}
	return o.Action + " " + Num(o.Change)
}

// AdjustText says shortly what the rules did to a unit's total, each
// rule that changed it in order: 封顶79 for a cap, +1 or -5 for an add,
// 上限101 or 下限0 for max_total ("86.38 → 封顶79，+1 → 80" reads as
// "封顶79，+1"). Empty when nothing changed the total.
func AdjustText(u *engine.UnitResult) string {
	var parts []string
	for _, a := range u.Adjustments {
		switch {
		case a.After == a.Before:
			continue
		case a.Kind == indicators.AdjustCap:
			parts = append(parts, "封顶"+Num(a.After))
		case a.Kind == indicators.AdjustMaxTotal && a.After == 0:
			parts = append(parts, "下限0")
		case a.Kind == indicators.AdjustMaxTotal:
			parts = append(parts, "上限"+Num(a.After))
		case a.After > a.Before:
			parts = append(parts, "+"+Num(indicators.Round2(a.After-a.Before)))
		default:
			parts = append(parts, Num(indicators.Round2(a.After-a.Before)))
		}
	}
	return strings.Join(parts, "，")
}

// outcomeSums is the summary line's part of the outcomes: units and the
// sum of the budget changes per action.
func outcomeSums(s engine.Summary) string {
	if len(s.Outcomes) == 0 {
		return ""
	}
	parts := make([]string, 0, len(s.Outcomes))
	for _, o := range s.Outcomes {
		p := fmt.Sprintf("%s %d", o.Action, o.Units)
		if o.Change != 0 {
			p += fmt.Sprintf("（%s）", Num(o.Change))
		}
		if o.Unknown > 0 {
			p += fmt.Sprintf("（%d 个单位调整额无法计算）", o.Unknown)
		}
		parts = append(parts, p)
	}
	return "；结果应用：" + strings.Join(parts, "，")
}

// appendCSVRulesHeader appends the headers of the rules' CSV columns:
// 指标得分合计 (the row's total, before the rules) and 总分调整, then
// 结果应用 and 预算调整额 (a number, blank when unknown).
func appendCSVRulesHeader(b []byte, m Meta) []byte {
	if m.HasAdjust {
		b = append(b, ",指标得分合计,总分调整"...)
	}
	if m.HasOutcomes {
		b = append(b, ",结果应用,预算调整额"...)
	}
	return b
}

func appendCSVRules(dst []byte, m Meta, u *engine.UnitResult) []byte {
	scored := !u.Failed()
	if m.HasAdjust {
		dst = append(dst, ',')
		if scored {
			row := u.Score
			if len(u.Adjustments) > 0 {
				row = u.Adjustments[0].Before
			}
			dst = appendNum(dst, row)
		}
		dst = append(dst, ',')
		dst = appendCSVField(dst, AdjustText(u))
	}
	if m.HasOutcomes {
		dst = append(dst, ',')
		if o := u.Outcome; o != nil {
			dst = appendCSVField(dst, o.Action)
		}
		dst = append(dst, ',')
		if o := u.Outcome; o != nil && o.HasChange {
			dst = appendNum(dst, o.Change)
		}
	}
	return dst
}

// codeRules writes or reads the rules' part of a lean record: only for
// rulesets that have rules, so that other records stay as they were.
func (l *leanUnit) codeRules(c *record.Codec, u *engine.UnitResult, m *Meta) {
	if m.HasAdjust {
		has := u.Adjustments != nil
		c.Flag(&has)
		if has {
			n := c.Count(len(u.Adjustments))
			if c.Read {
				u.Adjustments = l.adjust[:0]
			}
			for i := 0; i < n; i++ {
				if c.Read {
					u.Adjustments = append(u.Adjustments, engine.Adjustment{})
				}
				a := &u.Adjustments[i]
				c.Str(&a.ID)
				c.Str(&a.Label)
				c.Str(&a.Kind)
				c.Num(&a.Before)
				c.Num(&a.After)
				c.Str(&a.Explain)
			}
			if c.Read {
				l.adjust = u.Adjustments
			}
		}
	}
	if m.HasOutcomes {
		has := u.Outcome != nil
		c.Flag(&has)
		if has {
			if c.Read {
				l.outcome = engine.Outcome{}
				u.Outcome = &l.outcome
			}
			o := u.Outcome
			c.Str(&o.Action)
			c.Num(&o.Change)
			c.Flag(&o.HasChange)
			c.Str(&o.Why)
		}
	}
}

// xlsxRulesHeaders are the rules' columns of the 评分表: 总分调整, then
// 结果应用 and 预算调整额 (a number, so that the sheet sums it).
func xlsxRulesHeaders(m Meta) []string {
	var h []string
	if m.HasAdjust {
		h = append(h, "总分调整")
	}
	if m.HasOutcomes {
		h = append(h, "结果应用", "预算调整额")
	}
	return h
}

func xlsxRulesWidths(m Meta) []float64 {
	var w []float64
	if m.HasAdjust {
		w = append(w, 16)
	}
	if m.HasOutcomes {
		w = append(w, 12, 11)
	}
	return w
}

func (x *xlsxWriter) rulesCells(u *engine.UnitResult) []any {
	var row []any
	text := x.st.id(styleKey{border: true})
	if x.m.HasAdjust {
		row = append(row, excelize.Cell{StyleID: text, Value: AdjustText(u)})
	}
	if x.m.HasOutcomes {
		var action, change any
		if o := u.Outcome; o != nil {
			action = o.Action
			if o.HasChange {
				change = o.Change
			}
		}
		row = append(row, excelize.Cell{StyleID: text, Value: action},
			excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtPoints, border: true}), Value: change})
	}
	return row
}
