package rulesets

import (
	"errors"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Loading the rules above the indicator row (DESIGN.md, contract 2):
// overshoot, adjust, max_total and outcomes, and the rules library that
// ships ready-made ones (indicators/rules.yaml).

// rulesLibrary is the parsed rules library: adjust rules and overshoot
// penalties by id.
type rulesLibrary struct {
	adjust    map[string]indicators.Adjust
	overshoot map[string]indicators.OvershootRule
	ids       []string // every id, in file order, for messages
}

// rulesLib parses the embedded rules library once; the result is never
// modified (use copies what it takes).
var rulesLib = sync.OnceValues(func() (*rulesLibrary, error) {
	l := &loader{file: "indicators/rules.yaml", src: indicators.RulesYAML}
	lib := &rulesLibrary{adjust: map[string]indicators.Adjust{}, overshoot: map[string]indicators.OvershootRule{}}
	doc := l.document()
	if doc != nil {
		l.fields(doc, func(key string, v *yaml.Node) {
			switch key {
			case "adjust":
				for _, a := range l.adjustList(v, nil) {
					lib.adjust[a.ID] = a
					lib.ids = append(lib.ids, a.ID)
				}
			case "overshoot":
				for _, item := range l.list(v, "overshoot") {
					var id string
					var idNode *yaml.Node
					o := l.overshootFields(item, func(key string, v *yaml.Node) bool {
						if key != "id" {
							return false
						}
						id, idNode = l.ident(v, msg.WhatRuleID), v
						return true
					})
					if o == nil {
						continue
					}
					if id == "" {
						l.errorf(item, "missing_key", msg.RuleLibOvershootID)
					}
					if _, dup := lib.overshoot[id]; dup {
						l.errorf(idNode, "duplicate_id", msg.RuleLibDuplicate, id)
					}
					lib.overshoot[id] = *o
					lib.ids = append(lib.ids, id)
				}
			default:
				l.unknownKey(key, msg.InRulesLibrary, "adjust, overshoot")
			}
		})
	}
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	return lib, nil
})

// RulesLibrary returns the ids of the rules library's adjust rules and
// overshoot penalties, in file order, for listings.
func RulesLibrary() ([]indicators.Adjust, []string, error) {
	lib, err := rulesLib()
	if err != nil {
		return nil, nil, err
	}
	var adj []indicators.Adjust
	var over []string
	for _, id := range lib.ids {
		if a, ok := lib.adjust[id]; ok {
			adj = append(adj, a)
		} else {
			over = append(over, id)
		}
	}
	return adj, over, nil
}

// rulesLib returns the rules library; the library's own loader has none
// (its entries may not say use:).
func (l *loader) rulesLib() (*rulesLibrary, error) {
	if l.rules == nil {
		return nil, errors.New(l.p.Sprintf(msg.RuleUseInLibrary))
	}
	return l.rules()
}

// rulesKey reads a top-level key of contract 2 into rs; it reports false
// for a key that is not one.
func (l *loader) rulesKey(rs *indicators.Ruleset, key string, v *yaml.Node) bool {
	switch key {
	case "overshoot":
		rs.Overshoot = l.overshoot(v)
	case "adjust":
		rs.Adjust = l.adjustList(v, rs)
	case "max_total":
		x, ok := l.number(v, "max_total")
		if ok && x <= 0 {
			l.errorf(v, "bad_value", msg.RuleMaxTotal, x)
		}
		rs.MaxTotal = &x
	case "outcomes":
		rs.Outcomes = l.outcomes(v)
	default:
		return false
	}
	return true
}

// overshoot reads {ratio, deduct} or {use: ID} from the rules library.
func (l *loader) overshoot(n *yaml.Node) *indicators.OvershootRule {
	var use string
	var useNode *yaml.Node
	o := l.overshootFields(n, func(key string, v *yaml.Node) bool {
		if key != "use" {
			return false
		}
		use, useNode = l.str(v, msg.WhatOvershootUse), v
		return true
	})
	if o == nil || useNode == nil {
		return o
	}
	lib, err := l.rulesLib()
	if err != nil {
		l.errs.Add(&diag.Error{Pos: l.pos(useNode), Code: "library", Msg: l.p.Sprintf(msg.RuleRulesLibrary, err)})
		return nil
	}
	def, ok := lib.overshoot[use]
	if !ok {
		l.errorf(useNode, "unknown_library_id", msg.RuleNoOvershoot, use, libIDs(lib.overshoot))
		return nil
	}
	def.Use, def.Pos = use, o.Pos
	return &def
}

// overshootFields reads an overshoot mapping; extra reads the keys
// besides ratio and deduct (use, or a library entry's id). A mapping with
// use: stands for the library entry and may say nothing else.
func (l *loader) overshootFields(n *yaml.Node, extra func(key string, v *yaml.Node) bool) *indicators.OvershootRule {
	o := &indicators.OvershootRule{Pos: l.pos(n)}
	var hasRatio, hasDeduct, hasUse bool
	errs := len(l.errs)
	l.fields(n, func(key string, v *yaml.Node) {
		switch key {
		case "ratio":
			x, ok := l.number(v, msg.WhatOvershootRatio)
			if ok && x <= 1 {
				l.errorf(v, "bad_value", msg.RuleOvershootRatio, x)
			}
			o.Ratio, hasRatio = x, true
		case "deduct":
			x, ok := l.number(v, msg.WhatOvershootDeduct)
			if ok && x <= 0 {
				l.errorf(v, "bad_value", msg.RuleOvershootDeduct, x)
			}
			o.Deduct, hasDeduct = x, true
		default:
			if extra(key, v) {
				hasUse = hasUse || key == "use"
				return
			}
			l.unknownKey(key, msg.InOvershoot, msg.WantOvershoot)
		}
	})
	switch {
	case len(l.errs) > errs:
		return nil
	case hasUse && (hasRatio || hasDeduct):
		l.errorf(n, "bad_value", msg.RuleOvershootBoth)
		return nil
	case !hasUse && (!hasRatio || !hasDeduct):
		l.errorf(n, "missing_key", msg.RuleOvershootNeeds)
		return nil
	}
	return o
}

// adjustList reads the adjust rules; rs is nil for the rules library,
// whose entries may not say use.
func (l *loader) adjustList(n *yaml.Node, rs *indicators.Ruleset) []indicators.Adjust {
	var out []indicators.Adjust
	seen := map[string]int{}
	for _, item := range l.list(n, "adjust") {
		a, ok := l.adjust(item, rs != nil)
		if !ok {
			continue
		}
		if line, dup := seen[a.ID]; dup && a.ID != "" {
			l.errorf(item, "duplicate_id", msg.RuleAdjustDuplicate, a.ID, line)
		}
		seen[a.ID] = item.Line
		out = append(out, a)
	}
	return out
}

func (l *loader) adjust(n *yaml.Node, useOK bool) (indicators.Adjust, bool) {
	a := indicators.Adjust{Pos: l.pos(n)}
	var useNode, capNode, addNode *yaml.Node
	l.fields(n, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			a.ID = l.ident(v, msg.WhatAdjustRuleID)
		case "label":
			a.Label = l.str(v, msg.WhatAdjustRuleLabel)
		case "when":
			a.When = l.formula(v, msg.WhatAdjustWhen)
		case "cap":
			capNode = v
			a.Cap = l.amount(v, "cap")
		case "add":
			addNode = v
			a.Add = l.amount(v, "add")
		case "use":
			if !useOK {
				l.unknownKey(key, msg.InRulesLibraryEntry, "id, label, when, cap, add")
				return
			}
			a.Use, useNode = l.str(v, msg.WhatAdjustUse), v
		default:
			l.unknownKey(key, msg.InAdjustRule, msg.WantAdjust)
		}
	})
	if useNode != nil {
		if !l.useAdjust(&a, useNode, capNode != nil || addNode != nil) {
			return a, false
		}
	}
	switch {
	case capNode != nil && addNode != nil:
		l.errorf(n, "bad_adjust", msg.RuleAdjustBoth, a.ID)
	case a.Kind == "" && capNode != nil:
		a.Kind = indicators.AdjustCap
	case a.Kind == "" && addNode != nil:
		a.Kind = indicators.AdjustAdd
	case a.Kind == "":
		l.errorf(n, "bad_adjust", msg.RuleAdjustNeither, a.ID)
	}
	if a.ID == "" {
		l.errorf(n, "missing_key", msg.RuleAdjustNeedsID)
	}
	if a.Label == "" {
		a.Label = a.ID
	}
	return a, true
}

// amount reads a cap or add: a number or a formula. An empty one (cap:
// with nothing after it) is the usual slip and says what is wanted.
func (l *loader) amount(v *yaml.Node, what string) indicators.Formula {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Value == "" {
		l.errorf(v, "bad_adjust", msg.RuleAdjustAmount, what, kindName(v), what)
		return indicators.Formula{}
	}
	return l.formula(v, "adjust "+what)
}

// useAdjust fills an adjust rule from the rules library; the ruleset may
// give its own id, label and when, but not its own cap or add (that would
// be another rule).
func (l *loader) useAdjust(a *indicators.Adjust, useNode *yaml.Node, ownAmount bool) bool {
	lib, err := l.rulesLib()
	if err != nil {
		l.errs.Add(&diag.Error{Pos: l.pos(useNode), Code: "library", Msg: l.p.Sprintf(msg.RuleRulesLibrary, err)})
		return false
	}
	def, ok := lib.adjust[a.Use]
	if !ok {
		l.errorf(useNode, "unknown_library_id", msg.RuleNoAdjust, a.Use, libIDs(lib.adjust))
		return false
	}
	if ownAmount {
		l.errorf(useNode, "bad_adjust", msg.RuleAdjustOwn, a.Use, a.Use, def.Kind)
		return false
	}
	// Formulas of the library point at the use: line, as use: of the
	// indicator library does.
	at := func(f indicators.Formula) indicators.Formula {
		if !f.Set() {
			return f
		}
		return indicators.Formula{Src: f.Src, Pos: l.pos(useNode), Line: l.lineText(useNode.Line)}
	}
	if a.ID == "" {
		a.ID = def.ID
	}
	if a.Label == "" {
		a.Label = def.Label
	}
	if !a.When.Set() {
		a.When = at(def.When)
	}
	a.Kind, a.Cap, a.Add = def.Kind, at(def.Cap), at(def.Add)
	return true
}

// libIDs lists a library's ids, sorted, for messages.
func libIDs[T any](m map[string]T) string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}

// outcomes reads the outcomes by grade (评价结果应用).
func (l *loader) outcomes(n *yaml.Node) []indicators.Outcome {
	var out []indicators.Outcome
	for _, item := range l.list(n, "outcomes") {
		o := indicators.Outcome{Pos: l.pos(item)}
		var hasChange bool
		l.fields(item, func(key string, v *yaml.Node) {
			switch key {
			case "grade":
				o.Grade = l.str(v, msg.WhatOutcomeGrade)
			case "action":
				o.Action = l.str(v, msg.WhatOutcomeAction)
			case "change":
				hasChange = true
				if v.Kind == yaml.ScalarNode && v.Tag != "!!null" && v.Value == "" {
					l.errorf(v, "bad_value", msg.RuleOutcomeChange)
					return
				}
				o.Change = l.formula(v, msg.WhatOutcomeChange)
			default:
				l.unknownKey(key, "outcome", "grade, action, change")
			}
		})
		if o.Grade == "" || o.Action == "" {
			l.errorf(item, "missing_key", msg.RuleOutcomeNeeds)
		}
		if !hasChange {
			// An action without a budget change (优先保障) changes nothing.
			o.Change = indicators.Formula{Src: "0", Pos: o.Pos, Line: l.lineText(o.Pos.Line)}
		}
		out = append(out, o)
	}
	return out
}

// checkRules checks what contract 2's keys say against the rest of the
// ruleset, once every key is read: outcomes name the ruleset's grades,
// once each.
func (l *loader) checkRules(rs *indicators.Ruleset) {
	seen := map[string]int{}
	for _, o := range rs.Outcomes {
		if o.Grade == "" {
			continue
		}
		if line, dup := seen[o.Grade]; dup {
			l.errs.Add(&diag.Error{Pos: o.Pos, Code: "duplicate_id", Snippet: l.lineText(o.Pos.Line),
				Msg: l.p.Sprintf(msg.RuleOutcomeTwice, o.Grade, line)})
			continue
		}
		seen[o.Grade] = o.Pos.Line
		known := false
		labels := make([]string, 0, len(rs.Grades))
		for _, g := range rs.Grades {
			known = known || g.Label == o.Grade
			labels = append(labels, g.Label)
		}
		if !known {
			l.errs.Add(&diag.Error{Pos: o.Pos, Code: "unknown_grade", Snippet: l.lineText(o.Pos.Line),
				Msg: l.p.Sprintf(msg.RuleOutcomeGrade, o.Grade, strings.Join(labels, ", "))})
		}
	}
}

// expectRules reads a test case's expectations of contract 2: the total
// after each adjust rule (false: the rule must not apply), the outcome's
// action and its budget change.
func (l *loader) expectRules(key string, v *yaml.Node, c *indicators.Case) bool {
	switch key {
	case "adjustments":
		c.Adjustments = map[string]indicators.CaseAdjust{}
		l.fields(v, func(id string, av *yaml.Node) {
			if av.Kind == yaml.ScalarNode && av.Tag == "!!bool" && av.Value == "false" {
				c.Adjustments[id] = indicators.CaseAdjust{NotApplied: true}
				return
			}
			if av.Kind == yaml.ScalarNode && av.Tag != "!!int" && av.Tag != "!!float" {
				l.errorf(av, "type_mismatch", msg.RuleExpectAdjust, id, kindName(av))
				return
			}
			c.Adjustments[id] = indicators.CaseAdjust{After: l.num(av, l.p.Sprintf(msg.WhatExpectedTotalAfter, id))}
		})
	case "outcome":
		c.Outcome = l.str(v, msg.WhatExpectedOutcome)
	case "change":
		x := l.num(v, msg.WhatExpectedChange)
		c.Change = &x
	default:
		return false
	}
	return true
}
