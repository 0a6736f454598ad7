package rulesets

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Issue 17's keys: relative: and panel: on an indicator, monitor: at the
// top. They live here so that load.go keeps only the hooks.

// relKeys collects the keys of one indicator that are read only once its
// form is known: reverse: true belongs to relative:, reverse: linear|ratio
// to a "<=" target.
type relKeys struct {
	reverse, relative, panel, spread *yaml.Node
}

// isBool reports whether n is a YAML boolean (reverse: true).
func isBool(n *yaml.Node) bool {
	n = resolveAlias(n)
	return n.Kind == yaml.ScalarNode && n.Tag == "!!bool"
}

func (l *loader) relative(v *yaml.Node) string {
	s := l.str(v, "relative")
	if s != indicators.RelativeBestRatio && s != indicators.RelativeEfficacy {
		l.errorf(v, "bad_value", msg.RuleBadRelative, s)
	}
	return s
}

func (l *loader) panel(v *yaml.Node) string {
	s := l.str(v, "panel")
	if s != indicators.PanelMean && s != indicators.PanelMedian && s != indicators.PanelTrimmed {
		l.errorf(v, "bad_value", msg.RuleBadPanel, s)
	}
	return s
}

// relFinish checks and fills the relative and panel keys of ind once the
// loop over its keys is done and its form is known.
func (l *loader) relFinish(n *yaml.Node, ind *indicators.Indicator, k relKeys, rs *indicators.Ruleset) {
	if k.reverse != nil && isBool(k.reverse) {
		if ind.Form != indicators.FormRelative {
			l.errorf(k.reverse, "bad_value", msg.RuleReverseRelative, ind.ID)
		} else {
			ind.Lower = l.boolean(k.reverse, "reverse")
		}
	}
	if ind.Form == indicators.FormRelative && !ind.Value.Set() {
		l.errorf(n, "missing_key", msg.RuleRelativeValue, ind.ID)
	}
	if k.spread != nil {
		if ind.Form != indicators.FormPanel {
			l.errorf(k.spread, "bad_value", msg.RuleSpreadPanel, ind.ID)
		}
		n0 := len(l.errs)
		ind.Spread = l.num(k.spread, "spread")
		if len(l.errs) == n0 && (ind.Spread < 0 || ind.Spread > 1) {
			l.errorf(k.spread, "bad_value", msg.RuleSpreadRange, ind.Spread)
		}
	} else if ind.Form == indicators.FormPanel {
		ind.Spread = indicators.DefaultSpread
	}
	if ind.Form == indicators.FormPanel {
		// The rater's column is the value input: a formula would leave
		// nothing to read each rater's points from.
		id := strings.TrimSpace(ind.Value.Src)
		if !ind.Value.Set() {
			l.errorf(n, "missing_key", msg.RulePanelValue, ind.ID)
		} else if rs.InputIndex(id) < 0 && len(rs.Inputs) > 0 {
			l.errorf(k.panel, "bad_value", msg.RulePanelInput, ind.ID, ind.Value.Src)
		}
	}
}

// monitor reads monitor: {green, yellow}, the bounds of the lights.
func (l *loader) monitor(v *yaml.Node) indicators.Monitor {
	m := indicators.DefaultMonitor()
	l.fields(v, func(key string, b *yaml.Node) {
		switch key {
		case "green":
			m.Green = l.num(b, msg.WhatMonitorGreen)
		case "yellow":
			m.Yellow = l.num(b, msg.WhatMonitorYellow)
		default:
			l.unknownKey(key, "monitor", "green, yellow")
		}
	})
	if m.Yellow < 0 || m.Yellow > m.Green {
		l.errorf(v, "bad_value", msg.RuleMonitorBands, m.Yellow, m.Green)
	}
	return m
}

// casePopulations reads a test case's population: {indicator id: [values
// of the other units]}. Whether each id names a relative indicator is
// the tester's to say: a NAME.test.yaml is read without its ruleset.
func (l *loader) casePopulations(n *yaml.Node) []indicators.CasePopulation {
	var out []indicators.CasePopulation
	l.fields(n, func(id string, v *yaml.Node) {
		cp := indicators.CasePopulation{ID: id, Pos: l.pos(l.key), Values: []float64{}}
		for k, item := range l.list(v, l.p.Sprintf(msg.WhatPopulation, id)) {
			x, ok := l.number(item, l.p.Sprintf(msg.WhatPopulationValue, id, k+1))
			if ok {
				cp.Values = append(cp.Values, x)
			}
		}
		out = append(out, cp)
	})
	return out
}
