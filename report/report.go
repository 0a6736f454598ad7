// Package report writes evaluation results for people and programs: the
// terminal comparison table, JSON, and the other formats reviewers use.
// Writers only format: every number, rank, flag and explanation comes from
// package engine, so all formats show the same figures. Every format is
// written the one way engine.Stream evaluates: a Sink hands each unit to
// the format's Rows as it is scored, then in the report's order with its
// rank; formats that need the whole population before they write (the
// table sizes its columns, html draws its chart first) keep only what
// they draw, or spill it.
package report

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/review"
)

// Meta is what a report needs besides the units: the ruleset's columns and
// grades, and the audit stamp.
//
// The audit stamp lets a result be matched to its inputs years later, and
// every format that can carry it must (JSON, xlsx, html, explain): Ruleset
// holds the ruleset's id, version and the hex sha256 of its file's bytes
// (rulesets.Load computes it), Data the hex sha256 of the data file's bytes
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
	// Inputs are the ruleset's inputs, by the index of UnitResult.Inputs.
	Inputs []indicators.Input
	// Info describes each indicator's formulas (engine.Program.Describe),
	// by indicator index; nil when the meta was built by hand.
	Info []engine.IndicatorInfo
	// checks are the ruleset's checks as a unit that fails them carries
	// them (id and indicators.Check.FailMessage), by index; nil when the
	// meta was built by hand.
	checks []engine.CheckResult
	// HasClaims is set when the data carries claimed scores, so tables show
	// them beside the computed ones.
	HasClaims bool
	// HasFailedChecks is set when a unit of the population failed a
	// consistency check, so tables give every unit a 校验 column. The Sink
	// sets it, from all the units evaluated, as ranks are (a --units
	// report shows the column even when its own units pass).
	HasFailedChecks bool
	// Stamp is when the report was made. It is zero unless the caller gives
	// a time explicitly (SOURCE_DATE_EPOCH, --stamp-time): without one,
	// every format is byte-identical between runs on the same input.
	Stamp time.Time
	// Population is how many units were evaluated (ranks are among them);
	// the Sink sets it.
	Population int
	// Populations are the populations the relative indicators were
	// scored against (比较法), part of the audit stamp; the Sink sets them.
	Populations []indicators.RelativeStat
	// HasAdjust and HasOutcomes are set when the ruleset has rules on the
	// total (adjust, max_total) or outcomes (contract 2): tables then
	// show a column for each (rules.go).
	HasAdjust, HasOutcomes bool
	// HasPenalty is set when an indicator has the over-achievement
	// penalty (overshoot), whose mark 罚 the legends then explain.
	HasPenalty bool
}

// NewMeta returns the meta of a compiled program, stamped with the
// program's ruleset and the data d.
func NewMeta(p *engine.Program, d *engine.DataInfo) Meta {
	rs := p.Ruleset()
	m := Meta{Ruleset: engine.RulesetInfo{ID: rs.ID, Title: rs.Title, Version: rs.Version, SHA256: rs.SHA256},
		Data: d, Indicators: rs.Indicators, Grades: rs.Grades, Inputs: rs.Inputs}
	_, m.HasAdjust = rs.TotalCeiling()
	m.HasOutcomes = len(rs.Outcomes) > 0
	for i := range rs.Indicators {
		m.HasPenalty = m.HasPenalty || rs.Indicators[i].Form == indicators.FormTarget && rs.OvershootOf(&rs.Indicators[i]) != nil
	}
	for i := range rs.Indicators {
		m.Info = append(m.Info, p.Describe(i))
	}
	for k := range rs.Checks {
		m.checks = append(m.checks, engine.CheckResult{ID: rs.Checks[k].ID, Message: rs.Checks[k].FailMessage()})
	}
	return m
}

// Percent reports whether indicator i's value reads best as a percentage.
func (m *Meta) Percent(i int) bool { return i < len(m.Info) && m.Info[i].Percent }

// Options select what a report shows.
type Options struct {
	Groups  bool     // show only the 一级指标 subtotals, not each indicator
	Sort    string   // column to sort by (CheckSort); "-" prefix for descending; empty: the format's default
	Units   []string // keep only these unit ids
	Explain bool     // include explanations where the format can
	// Tolerance is how far a claim may lie from the rules' points, shown
	// by the review formats.
	Tolerance float64
	// Width, when positive, is the width of the terminal the table is
	// drawn on: a wider table is split into parts by 一级指标, each
	// repeating the unit columns, and Split is told. Zero draws it whole,
	// as pipes and files want.
	Width int
	// Split, if set, is called when the table was split: its full width
	// and the number of parts.
	Split func(width, parts int)
	// Lang is the language of the report's errors (--units, --sort, a
	// sheet's limits): "en" English, anything else Chinese. The reports
	// themselves are Chinese, as the bureaus read them.
	Lang string
}

// Format is one output format of -f. Every format is written by a Sink
// as engine.Stream evaluates (see Write).
type Format struct {
	Name string
	Desc string
	// Rows makes the format's writer of units. m is final but for
	// HasClaims, HasFailedChecks, Data and Population, which Rows.Begin
	// gets.
	Rows func(o Options, m Meta) Rows
	// Binary formats (xlsx) cannot go to a terminal and need -o.
	Binary bool
	// Sort is the default --sort of the format: "rank" for the tables a
	// reviewer reads, empty (input order, as fixed for JSON)
	// for the others.
	Sort string
	// Lean formats show explanations only when asked (--explain), or
	// never (table, xlsx, selfeval): they are not worked out for them by
	// default. The others (json, md, html) always carry them.
	Lean bool
	// Digest is set by formats that show the data's digest (Meta.Data):
	// the data is hashed only for them.
	Digest bool
	// The formats of diff, test, explain and the review of forms write a
	// whole document rather than units; each sets the one writer of its
	// command.
	Diff       func(w io.Writer, c *diff.Comparison) error   // DiffFormats
	Cases      func(w io.Writer, o CaseOptions) CaseReporter // CaseFormats
	Derivation func(w io.Writer, d Derivation) error         // ExplainFormats
	Forms      func(w io.Writer, fr *FormsReview) error      // FormsFormats
}

// Formats lists the output formats; the first is the default.
func Formats() Registry {
	return Registry{
		{Name: "table", Desc: "comparison table for the terminal", Rows: newTable, Sort: "rank", Lean: true, Digest: true},
		{Name: "json", Desc: "full results as JSON (every number, status, flag and explanation)", Rows: newJSONRows, Digest: true},
		{Name: "csv", Desc: "comparison table as CSV for Excel (UTF-8 with BOM), input order", Rows: newCSVRows, Lean: true},
		{Name: "md", Desc: "comparison table, statistics and explanations as Markdown", Rows: newMarkdown, Sort: "rank", Digest: true},
		{Name: "xlsx", Desc: "workbook: comparison, statistics and failures sheets", Rows: newXLSXRows, Binary: true, Sort: "rank", Lean: true,
			Digest: true},
		{Name: "html", Desc: "one printable page: table, grade chart, statistics, explanations", Rows: newHTML, Sort: "rank", Digest: true},
		{Name: "selfeval", Desc: "workbook with each unit's 自评表 in the 财预〔2020〕10号 layout", Rows: newSelfEval, Binary: true, Lean: true,
			Digest: true},
	}
}

// Registry is the list of formats of one command's -f, the default
// first: eval's (Formats), review's (ReviewFormats), diff's
// (DiffFormats), test's (CaseFormats) and explain's (ExplainFormats).
type Registry []Format

// Names lists the names of the formats, the default first.
func (r Registry) Names() []string {
	var names []string
	for _, f := range r {
		names = append(names, f.Name)
	}
	return names
}

// Lookup returns the format called name; its error is in Chinese.
func (r Registry) Lookup(name string) (Format, error) { return r.LookupLang(name, "") }

// LookupLang is Lookup with its error in language lang: "en" English,
// anything else Chinese.
func (r Registry) LookupLang(name, lang string) (Format, error) {
	for _, f := range r {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, msg.For(lang).Errorf(msg.RepUnknownFormat, name, strings.Join(r.Names(), ", "))
}

// FormatNames lists the names of eval's formats, the default first.
func FormatNames() []string { return Formats().Names() }

// Lookup returns eval's format called name; its error is in Chinese.
func Lookup(name string) (Format, error) { return Formats().Lookup(name) }

// Write evaluates the units of src with p and writes them in format f:
// the units o.Units keeps (all when empty), in the order o.Sort asks for
// (the format's default when empty), through a Sink. It checks the
// options before it writes anything, so a bad --units or --sort leaves w
// untouched. m.Data, when set, gets the digest of src if src has one
// (data.Source). The summary is of all units.
func Write(ctx context.Context, w io.Writer, f Format, o Options, m Meta, p *engine.Program, src engine.Units) (engine.Summary, error) {
	sink, err := NewSink(w, f, o, m)
	if err != nil {
		return engine.Summary{}, err
	}
	if d, ok := src.(interface{ SHA256() string }); ok {
		sink.Digest = d.SHA256
	}
	sum, err := p.Stream(ctx, src, sink)
	if err != nil {
		return sum, err
	}
	return sum, sink.End(sum)
}

// wantedUnits returns the set of unit ids --units names and the ids in
// the order given; nil for no --units.
func wantedUnits(ids []string) (map[string]bool, []string) {
	if len(ids) == 0 {
		return nil, nil
	}
	keep := map[string]bool{}
	var wanted []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			keep[id] = true
			wanted = append(wanted, id)
		}
	}
	return keep, wanted
}

// unknownUnits names the wanted ids that are not in have, nor a name of
// a unit (named); or a name that picks several units, or a unit besides
// the unit of that id: --units keeps units as they are scored, so a word
// must say one unit.
func unknownUnits(pr msg.Printer, wanted []string, have map[string]bool, named map[string][]string) error {
	var unknown []string
	for _, id := range wanted {
		ids := slices.Sorted(slices.Values(named[id]))
		switch {
		case len(ids) > 0 && have[id]:
			return pr.Errorf(msg.RepUnitsIDName, id, id, strings.Join(ids, ", "))
		case len(ids) > 1:
			return pr.Errorf(msg.RepUnitsNameMany, id, len(ids), strings.Join(ids, ", "))
		case len(ids) == 0 && !have[id]:
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		return pr.Errorf(msg.RepUnitsUnknown, strings.Join(unknown, ", "))
	}
	return nil
}

// sortKeys lists the keys --sort takes for meta m: the fixed columns, each
// indicator id and each 一级指标 (its subtotal).
func sortKeys(m Meta) []string {
	keys := []string{"rank", "score", "unit", "name", "grade"}
	for _, ind := range m.Indicators {
		keys = append(keys, ind.ID)
	}
	for _, g := range indicators.Groups(m.Indicators) {
		if !slices.Contains(keys, g.Name) {
			keys = append(keys, g.Name)
		}
	}
	return keys
}

// CheckSort checks a --sort key against the columns of meta m, before
// anything is read, with its word, in language lang ("en" English, else
// Chinese), when the key is none of them; "" is no key. It is sortOrder's
// check: the one place a key is judged.
func CheckSort(m Meta, key, lang string) error {
	_, err := sortOrder(m, key, msg.For(lang))
	return err
}

// streamOrder is --sort key as the keys of an ordering engine.Sink: failed units
// last, ties in input order; "rank" and "grade" put the best first, "-"
// reverses.
type streamOrder struct {
	key     func(u *engine.UnitResult) engine.OrderKey
	compare func(a, b engine.OrderKey) int
}

// sortOrder returns the order of --sort key, nil for no key, or an error
// naming the keys there are when key is none of them. A stream knows no
// rank before every unit is scored, but ranks order units as their
// scores do, best first.
func sortOrder(m Meta, key string, pr msg.Printer) (*streamOrder, error) {
	asked := key
	switch key {
	case reviewOrder:
		return &streamOrder{key: review.Key, compare: review.Compare}, nil
	case "rank":
		key = "-score"
	case "-rank":
		key = "score"
	}
	sign := 1
	if strings.HasPrefix(key, "-") {
		sign = -1
	}
	var by func(u *engine.UnitResult) float64
	switch key = strings.TrimPrefix(key, "-"); key {
	case "":
		if asked == "" {
			return nil, nil
		}
	case "unit", "name":
		text := func(u *engine.UnitResult) string { return u.Unit }
		if key == "name" {
			text = func(u *engine.UnitResult) string { return u.Name }
		}
		return &streamOrder{
			key:     func(u *engine.UnitResult) engine.OrderKey { return engine.OrderKey{Text: strings.Clone(text(u))} },
			compare: func(a, b engine.OrderKey) int { return sign * strings.Compare(a.Text, b.Text) },
		}, nil
	case "score":
		by = func(u *engine.UnitResult) float64 { return u.Score }
	case "grade":
		band := map[string]int{}
		for i, g := range m.Grades {
			band[g.Label] = i
		}
		by = func(u *engine.UnitResult) float64 { return float64(band[u.Grade]) }
	default:
		if k := indicatorIndex(m.Indicators, key); k >= 0 {
			by = func(u *engine.UnitResult) float64 { return u.Indicators[k].Points }
		} else {
			for gi, g := range indicators.Groups(m.Indicators) {
				if g.Name == key {
					by = func(u *engine.UnitResult) float64 { return u.Groups[gi].Points }
				}
			}
		}
	}
	if by == nil {
		return nil, pr.Errorf(msg.RepSortUnknown, asked, strings.Join(sortKeys(m), ", "))
	}
	return &streamOrder{
		key:     func(u *engine.UnitResult) engine.OrderKey { return engine.OrderKey{Num: by(u)} },
		compare: func(a, b engine.OrderKey) int { return sign * cmp.Compare(a.Num, b.Num) },
	}, nil
}

func indicatorIndex(inds []indicators.Indicator, id string) int {
	for i := range inds {
		if inds[i].ID == id {
			return i
		}
	}
	return -1
}

// Num formats a score or points with up to 2 decimals, no trailing zeros.
func Num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
