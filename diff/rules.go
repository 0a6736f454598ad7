package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/indicators"
)

// RuleChange is one difference between the two rulesets that can move a
// score or a grade: a grade band's lower bound, or an indicator's weight,
// target, value formula or scoring rule (bands, tiers, deduction, score).
type RuleChange struct {
	// Kind is "grade", "weight", "target", "value" or "scoring".
	Kind string
	// ID and Label name the indicator; for a grade, Label is the grade.
	ID, Label string
	// Old and New are the two rulesets' settings as written (90 → 85,
	// >= 1 → >= 0.95); empty for a scoring rule, which is told as changed.
	Old, New string
}

// Text is the change as a reader of the diff wants it, by label:
// "等级线 优 90 → 85", "预算执行率 分值 10 → 8".
func (r RuleChange) Text() string {
	name := map[string]string{"grade": "等级线", "weight": "分值", "target": "目标", "value": "计算公式", "scoring": "计分规则"}[r.Kind]
	switch {
	case r.Kind == "grade":
		return fmt.Sprintf("%s %s %s → %s", name, r.Label, r.Old, r.New)
	case r.Old == "" && r.New == "":
		return fmt.Sprintf("%s %s改变", r.Label, name)
	}
	return fmt.Sprintf("%s %s %s → %s", r.Label, name, r.Old, r.New)
}

// AddRules compares the rulesets the two results were computed with, and
// records their differences (Rules) and, for each unit whose grade
// changed, those that caused it (Unit.Causes): a grade band that gives
// the unit's old total another grade now, the changed rules of the
// indicators whose points changed for the unit, and, where the 不适用
// rescaling moved its total, the weights it was rescaled by.
func (d *Comparison) AddRules(old, new *indicators.Ruleset) {
	d.Rules = ruleChanges(old, new)
	for i := range d.Units {
		u := &d.Units[i]
		if !u.Both() || u.Old.Grade == u.New.Grade {
			continue
		}
		bandMoved := gradeFor(u.Old.Score, old.Grades) != gradeFor(u.Old.Score, new.Grades)
		for _, r := range d.Rules {
			if r.Kind == "grade" {
				if bandMoved && (r.Label == u.Old.Grade || r.Label == u.New.Grade) {
					u.Causes = append(u.Causes, r)
				}
				continue
			}
			if slices.ContainsFunc(u.Indicators, func(pc PointsChange) bool { return pc.ID == r.ID && pc.Delta != 0 }) {
				u.Causes = append(u.Causes, r)
				continue
			}
			// A weight moves the applicable weight the points are
			// rescaled by, even where the indicator's own points stayed;
			// the weight of an indicator 不适用 on both sides does not.
			if r.Kind == "weight" && u.Rescaling != nil && !slices.Contains(u.Rescaling.naBoth, r.ID) {
				u.Causes = append(u.Causes, r)
			}
		}
	}
}

// gradeFor is the grade bands give a total: the first band, highest
// first, whose lower bound it reaches.
func gradeFor(total float64, grades []indicators.Grade) string {
	for _, g := range grades {
		if total >= g.Min {
			return g.Label
		}
	}
	return ""
}

func ruleChanges(old, new *indicators.Ruleset) []RuleChange {
	var out []RuleChange
	for _, ng := range new.Grades {
		for _, og := range old.Grades {
			if og.Label == ng.Label && og.Min != ng.Min {
				out = append(out, RuleChange{Kind: "grade", Label: ng.Label, Old: num(og.Min), New: num(ng.Min)})
			}
		}
	}
	for _, ni := range new.Indicators {
		k := slices.IndexFunc(old.Indicators, func(o indicators.Indicator) bool { return o.ID == ni.ID })
		if k < 0 {
			continue // a new indicator is told by the points it brings
		}
		oi := old.Indicators[k]
		label := ni.Label
		if label == "" {
			label = ni.ID
		}
		add := func(kind, o, n string) {
			out = append(out, RuleChange{Kind: kind, ID: ni.ID, Label: label, Old: o, New: n})
		}
		if oi.Weight != ni.Weight {
			add("weight", num(oi.Weight), num(ni.Weight))
		}
		if ot, nt := targetText(oi.Target), targetText(ni.Target); ot != nt {
			add("target", ot, nt)
		}
		if o, n := src(oi.Value), src(ni.Value); o != n {
			add("value", o, n)
		}
		if scoringText(oi) != scoringText(ni) {
			add("scoring", "", "")
		}
	}
	return out
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// src is a formula as written, its spacing evened out.
func src(f indicators.Formula) string { return strings.Join(strings.Fields(f.Src), " ") }

func targetText(t indicators.Target) string {
	if t.Op == "" {
		return ""
	}
	return t.Op + " " + src(t.Expr)
}

// scoringText is an indicator's scoring rule as text, for comparison.
func scoringText(ind indicators.Indicator) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%v|%v|%s|", ind.Form, ind.Reverse, ind.Tiers, ind.Deduct, src(ind.Score))
	for _, band := range ind.Bands {
		fmt.Fprintf(&b, "%v:%s:%s;", band.Else, src(band.When), src(band.Score))
	}
	return b.String()
}
