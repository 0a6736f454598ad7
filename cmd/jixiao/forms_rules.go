package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/forms"
	"github.com/jixiao/jixiao/indicators"
)

// rulesetScorer scores the rows of forms by the indicators of a ruleset
// that carry the same label (三级指标) or id: the row's 实际完成值 is the
// indicator's value, its 分值 the weight, and the indicator's own scoring
// (target, bands, tiers, deduct, score) gives the points. A row whose
// indicator's scoring reads other inputs than its value, or whose value
// is of another kind (a tier for a number), is scored by the 10号 rules
// from the form, and its explanation says why.
type rulesetScorer struct {
	ctx     context.Context
	id      string
	rs      *indicators.Ruleset
	byLabel map[string]int // LabelKey of label or id → indicator index; -1 when two share it
	progs   map[string]*engine.Program
	fails   map[string]string
}

func newRulesetScorer(ctx context.Context, rs *indicators.Ruleset) *rulesetScorer {
	s := &rulesetScorer{ctx: ctx, id: rs.ID, rs: rs, byLabel: map[string]int{}, progs: map[string]*engine.Program{}, fails: map[string]string{}}
	for i, ind := range rs.Indicators {
		for _, k := range []string{forms.LabelKey(ind.Label), forms.LabelKey(ind.ID)} {
			if j, ok := s.byLabel[k]; ok && j != i {
				s.byLabel[k] = -1
			} else if k != "" {
				s.byLabel[k] = i
			}
		}
	}
	return s
}

// percentInput reports whether the indicator's value is one input in %:
// its targets and bands are then in percentage points (95, not 0.95).
func (s *rulesetScorer) percentInput(ind *indicators.Indicator) bool {
	if i := s.rs.InputIndex(strings.TrimSpace(ind.Value.Src)); i >= 0 {
		return s.rs.Inputs[i].Unit == "%" || s.rs.Inputs[i].Unit == "％"
	}
	return false
}

// score is a forms.Scorer.
func (s *rulesetScorer) score(r *forms.Row) (float64, string, string, bool) {
	i, ok := s.byLabel[forms.LabelKey(r.Label.Text)]
	if !ok {
		return 0, "", "", false
	}
	if i < 0 {
		return 0, "", fmt.Sprintf("规则集 %s 有两个指标名为「%s」，按自评表的年度指标值计分", s.id, r.Label.Text), false
	}
	ind := s.rs.Indicators[i]
	tier := r.Actual.Kind == indicators.Tier
	if tier != (ind.Form == indicators.FormTiers) {
		return 0, "", fmt.Sprintf("规则集 %s 的指标 %s 按%s计分，而自评表所报为%s，按自评表的年度指标值计分", s.id, ind.ID, kindWord(ind.Form == indicators.FormTiers), kindWord(tier)), false
	}
	pct := !tier && s.percentInput(&ind)
	key := fmt.Sprintf("%d|%v|%v|%v", i, tier, pct, r.Weight.V)
	prog := s.progs[key]
	if prog == nil {
		if why, failed := s.fails[key]; failed {
			return 0, "", why, false
		}
		in := indicators.Input{ID: "v", Label: ind.Label, Type: indicators.TypeNumber}
		if tier {
			in.Type = indicators.TypeTier
		}
		if pct {
			in.Unit = "%"
		}
		one := ind
		one.Value = indicators.Formula{Src: "v"}
		one.Weight = r.Weight.V
		if one.Form == indicators.FormDeduct {
			one.Deduct.Count = indicators.Formula{Src: "v"}
		}
		mini := &indicators.Ruleset{ID: s.rs.ID, Grades: s.rs.Grades, Missing: s.rs.Missing, Reverse: s.rs.Reverse,
			Inputs: []indicators.Input{in}, Indicators: []indicators.Indicator{one}}
		p, err := engine.Compile(mini, &engine.Options{Explain: true, Workers: 1})
		if err != nil {
			why := fmt.Sprintf("规则集 %s 的指标 %s 的计分规则读取其他输入，按自评表的年度指标值计分", s.id, ind.ID)
			s.fails[key] = why
			return 0, "", why, false
		}
		s.progs[key] = p
		prog = p
	}
	v := r.Actual
	if pct {
		v.Num *= 100
	}
	res, err := prog.Eval(s.ctx, []indicators.Unit{{ID: "form", Values: []indicators.Value{v}}})
	if err != nil || len(res.Units) != 1 || len(res.Units[0].Indicators) != 1 {
		return 0, "", fmt.Sprintf("规则集 %s 的指标 %s 无法计分（%v），按自评表的年度指标值计分", s.id, ind.ID, err), false
	}
	ir := res.Units[0].Indicators[0]
	return ir.Points, ir.Status, fmt.Sprintf("按规则集 %s 的指标 %s：%s（%s）", s.id, ind.ID, ir.Explain, r.ActualCell.Ref), true
}

func kindWord(tier bool) string {
	if tier {
		return "定性等级"
	}
	return "数值"
}
