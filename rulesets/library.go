package rulesets

import (
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Library returns the definitions of the embedded indicator library
// (指标库), in file order.
func Library() ([]indicators.Definition, error) {
	defs, err := library()
	if err != nil {
		return nil, err
	}
	return append([]indicators.Definition(nil), defs...), nil
}

// library parses the embedded library once: a ruleset that says use: for
// each of its indicators would otherwise parse it again for each. The
// result is never modified (use copies what it takes).
var library = sync.OnceValues(func() ([]indicators.Definition, error) {
	l := &loader{file: "indicators/library.yaml", src: indicators.LibraryYAML}
	defs := l.library()
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	return defs, nil
})

// SearchLibrary returns the definitions whose id, label or note holds word
// (all of them when word is empty).
func SearchLibrary(defs []indicators.Definition, word string) []indicators.Definition {
	var out []indicators.Definition
	for _, d := range defs {
		if word == "" || strings.Contains(d.ID, word) || strings.Contains(d.Label, word) || strings.Contains(d.Note, word) {
			out = append(out, d)
		}
	}
	return out
}

func (l *loader) library() []indicators.Definition {
	doc := l.document()
	if doc == nil {
		return nil
	}
	var defs []indicators.Definition
	seen := map[string]bool{}
	for _, item := range l.list(doc, "library") {
		var d indicators.Definition
		l.fields(item, func(key string, v *yaml.Node) {
			switch key {
			case "id":
				d.ID = l.ident(v, msg.WhatLibraryID)
			case "label":
				d.Label = l.str(v, "label")
			case "group":
				for _, g := range l.list(v, "group") {
					d.Group = append(d.Group, l.str(g, "group"))
				}
			case "direction":
				d.Direction = l.str(v, "direction")
				switch d.Direction {
				case ">=", "<=", "=", "tier":
				default:
					l.errorf(v, "bad_value", msg.RuleBadDirection, d.Direction)
				}
			case "inputs":
				d.Inputs = l.inputs(v)
			case "value":
				d.Value = l.str(v, "value")
			case "target":
				d.Target = l.str(v, "target")
			case "note":
				d.Note = l.str(v, "note")
			default:
				l.unknownKey(key, msg.InLibraryEntry, "id, label, group, direction, inputs, value, target, note")
			}
		})
		if seen[d.ID] {
			l.errorf(item, "duplicate_id", msg.RuleLibDuplicateID, d.ID)
		}
		seen[d.ID] = true
		defs = append(defs, d)
	}
	return defs
}

// use fills an indicator that says use: ID from the library entry ID,
// keeping what the ruleset wrote itself, and adds the entry's inputs to the
// ruleset unless it declares them.
func (l *loader) use(ind *indicators.Indicator, useNode *yaml.Node, rs *indicators.Ruleset) bool {
	defs, err := library()
	if err != nil {
		l.errs.Add(&diag.Error{Pos: l.pos(useNode), Code: "library", Msg: l.p.Sprintf(msg.RuleIndicatorLibrary, err)})
		return false
	}
	var def *indicators.Definition
	for i := range defs {
		if defs[i].ID == ind.Use {
			def = &defs[i]
			break
		}
	}
	if def == nil {
		l.errorf(useNode, "unknown_library_id", msg.RuleNoLibraryID, ind.Use)
		return false
	}
	if ind.ID == "" {
		ind.ID = def.ID
	}
	if ind.Label == "" {
		ind.Label = def.Label
	}
	if ind.Group == nil {
		ind.Group = append([]string{}, def.Group...)
	}
	if ind.Note == "" {
		ind.Note = def.Note
	}
	if !ind.Value.Set() && def.Value != "" {
		// Positions of library formulas point at the use: line.
		ind.Value = indicators.Formula{Src: def.Value, Pos: l.pos(useNode), Line: l.lineText(useNode.Line)}
	}
	for _, in := range def.Inputs {
		if rs.InputIndex(in.ID) < 0 {
			in.Pos = l.pos(useNode)
			rs.Inputs = append(rs.Inputs, in)
		}
	}
	if ind.Form == "" && !ind.Target.Expr.Set() && def.Target != "" {
		if m := targetRE.FindStringSubmatch(def.Target); m != nil {
			ind.Target = indicators.Target{Op: m[1], Expr: indicators.Formula{Src: m[2], Pos: l.pos(useNode), Line: l.lineText(useNode.Line)}}
		}
	}
	return true
}
