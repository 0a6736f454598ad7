// Package report writes evaluation results for people and programs: the
// terminal comparison table, JSON, and the other formats reviewers use.
// Writers only format: every number, rank, flag and explanation comes from
// package engine, so all formats show the same figures.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Meta is what a report needs besides the units: the ruleset's columns and
// grades, and the audit stamp.
//
// The audit stamp lets a result be matched to its inputs years later, and
// every format that can carry it must (JSON, xlsx, html, explain): Ruleset
// holds the ruleset's id, version and the hex sha256 of its file's bytes
// (engine.Load computes it), Data the hex sha256 of the data file's bytes
// as read (data.Source.SHA256, of the whole file once read to the end) and
// the file names. JSON writes them as "ruleset": {id, version, sha256} and
// "data": {files, sha256}; other formats should use the same words.
type Meta struct {
	// Ruleset identifies the ruleset: ID, Title, Version and SHA256.
	Ruleset engine.RulesetInfo
	// Data identifies the data (Files, SHA256); nil when the units did
	// not come from a file (a library caller's own units).
	Data       *engine.DataInfo
	Indicators []indicators.Indicator
	Grades     []indicators.Grade
	// HasClaims is set when the data carries claimed scores, so tables show
	// them beside the computed ones.
	HasClaims bool
}

// NewMeta returns the meta of a compiled program, stamped with the
// program's ruleset and the data d.
func NewMeta(p *engine.Program, d *engine.DataInfo) Meta {
	rs := p.Ruleset
	return Meta{Ruleset: engine.RulesetInfo{ID: rs.ID, Title: rs.Title, Version: rs.Version, SHA256: rs.SHA256},
		Data: d, Indicators: rs.Indicators, Grades: rs.Grades}
}

// Options select what a report shows.
type Options struct {
	Groups  bool     // show only the 一级指标 subtotals, not each indicator
	Sort    string   // column to sort by: rank (default: input order), score, unit, name, or an indicator id; "-" prefix for descending
	Units   []string // keep only these unit ids
	Explain bool     // include explanations where the format can
}

// Writer writes a report unit by unit: Begin once, Unit for each unit in
// order, End with the summary. A writer may buffer (a table needs every
// row before it can size its columns).
type Writer interface {
	Begin(m Meta) error
	Unit(u *engine.UnitResult) error
	End(s engine.Summary) error
}

// Format is one output format of -f.
type Format struct {
	Name string
	Desc string
	New  func(w io.Writer, o Options) Writer
	// Binary formats (xlsx) cannot go to a terminal and need -o.
	Binary bool
}

// Formats lists the output formats; the first is the default.
func Formats() []Format {
	return []Format{
		{Name: "table", Desc: "comparison table for the terminal", New: newTable},
		{Name: "json", Desc: "full results as JSON (DESIGN.md)", New: newJSON},
	}
}

// FormatNames lists the names of the formats, the default first.
func FormatNames() []string {
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name)
	}
	return names
}

// Lookup returns the format called name.
func Lookup(name string) (Format, error) {
	for _, f := range Formats() {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q: want one of %s", name, strings.Join(FormatNames(), ", "))
}

// Write writes a whole result in format f.
func Write(w io.Writer, f Format, o Options, m Meta, res *engine.Result) error {
	wr := f.New(w, o)
	if err := wr.Begin(m); err != nil {
		return err
	}
	keep := unitFilter(o.Units)
	for _, i := range order(res.Units, o.Sort) {
		if keep != nil && !keep[res.Units[i].Unit] {
			continue
		}
		if err := wr.Unit(&res.Units[i]); err != nil {
			return err
		}
	}
	return wr.End(res.Summary)
}

func unitFilter(ids []string) map[string]bool {
	if len(ids) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, id := range ids {
		m[strings.TrimSpace(id)] = true
	}
	return m
}

// order returns the indexes of units in the order the sort key asks for;
// failed units go last. The sort is stable, so ties keep input order.
func order(units []engine.UnitResult, key string) []int {
	idx := make([]int, len(units))
	for i := range idx {
		idx[i] = i
	}
	if key == "" {
		return idx
	}
	desc := strings.HasPrefix(key, "-")
	key = strings.TrimPrefix(key, "-")
	less := func(a, b *engine.UnitResult) bool {
		switch key {
		case "rank":
			return a.Rank < b.Rank
		case "score":
			return a.Score < b.Score
		case "unit":
			return a.Unit < b.Unit
		case "name":
			return a.Name < b.Name
		case "grade":
			return a.Grade < b.Grade
		}
		return points(a, key) < points(b, key)
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &units[idx[i]], &units[idx[j]]
		if a.Failed() != b.Failed() {
			return b.Failed()
		}
		if desc {
			return less(b, a)
		}
		return less(a, b)
	})
	return idx
}

func points(u *engine.UnitResult, id string) float64 {
	for _, ir := range u.Indicators {
		if ir.ID == id {
			return ir.Points
		}
	}
	return 0
}

// SortKeys lists the keys --sort takes for meta m.
func SortKeys(m Meta) []string {
	keys := []string{"rank", "score", "unit", "name", "grade"}
	for _, ind := range m.Indicators {
		keys = append(keys, ind.ID)
	}
	return keys
}

// Group is a 一级指标 with the indicators under it, in ruleset order.
type Group struct {
	Name    string
	Weight  float64
	Members []int // indexes into Meta.Indicators
}

// Groups returns the 一级指标 of the ruleset in order of first appearance;
// indicators without a group form one named after themselves.
func Groups(inds []indicators.Indicator) []Group {
	var gs []Group
	at := map[string]int{}
	for i, ind := range inds {
		name := ind.Label
		if len(ind.Group) > 0 {
			name = ind.Group[0]
		}
		k, ok := at[name]
		if !ok {
			k = len(gs)
			at[name] = k
			gs = append(gs, Group{Name: name})
		}
		gs[k].Weight += ind.Weight
		gs[k].Members = append(gs[k].Members, i)
	}
	return gs
}

// Subtotal sums the points of a group's indicators for one unit.
func Subtotal(u *engine.UnitResult, g Group) float64 {
	var s float64
	for _, i := range g.Members {
		if i < len(u.Indicators) {
			s += u.Indicators[i].Points
		}
	}
	return indicators.Round2(s)
}

// Num formats a score or points with up to 2 decimals, no trailing zeros.
func Num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
