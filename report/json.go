package report

import (
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// jsonRows writes the documented results: one unit per line inside the
// units array, rendered on its own (Rows) so that a million units never
// sit in memory at once.
type jsonRows struct {
	o     Options
	first bool
	num   [20]byte // WriteUnit's rank digits (one WriteUnit at a time)
}

func newJSONRows(o Options, m Meta) Rows { return &jsonRows{o: o, first: true} }

// JSON field layout of the documented results.
type jsonRuleset struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

type jsonData struct {
	Files  []string `json:"files,omitempty"`
	SHA256 string   `json:"sha256"`
}

type jsonUnit struct {
	Unit    string       `json:"unit"`
	Name    string       `json:"name"`
	Score   *float64     `json:"score,omitempty"`
	Grade   string       `json:"grade,omitempty"`
	Rank    int          `json:"rank,omitempty"`
	Claimed *jsonClaimed `json:"claimed,omitempty"`
	// Adjustments and Outcome: the rules above the row (contract 2),
	// only for rulesets that have them.
	Adjustments *[]jsonAdjustment `json:"adjustments,omitempty"`
	Outcome     *jsonOutcome      `json:"outcome,omitempty"`
	Indicators  []jsonIndicator   `json:"indicators"`
	Groups      []jsonGroup       `json:"groups,omitempty"` // the 一级 subtotals of a scored unit
	Checks      []jsonCheck       `json:"checks"`
	Review      *[]jsonFinding    `json:"review,omitempty"` // [] on a unit with claims and no finding
	Errors      []jsonError       `json:"errors"`
}

type jsonClaimed struct {
	Score *float64 `json:"score,omitempty"`
	Grade string   `json:"grade,omitempty"`
}

type jsonIndicator struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Group   []string `json:"group"`
	Weight  float64  `json:"weight"`
	Value   any      `json:"value"`
	Tier    string   `json:"tier,omitempty"`
	Target  *float64 `json:"target,omitempty"`
	Points  float64  `json:"points"`
	Status  string   `json:"status"`
	Flags   []string `json:"flags"`
	Claimed *float64 `json:"claimed,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	Explain string   `json:"explain,omitempty"`
}

type jsonGroup struct {
	Name   string  `json:"name"`
	Points float64 `json:"points"`
	Weight float64 `json:"weight"`
}

type jsonCheck struct {
	ID      string `json:"id"`
	OK      bool   `json:"ok"`
	Skipped bool   `json:"skipped,omitempty"`
	Message string `json:"message"`
}

type jsonFinding struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Claimed any    `json:"claimed"`
	Rules   any    `json:"rules"`
	Message string `json:"message"`
}

type jsonError struct {
	File    string `json:"file,omitempty"`
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
	Field   string `json:"field,omitempty"`
	Value   string `json:"value,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

type jsonAdjustment struct {
	ID      string  `json:"id"`
	Label   string  `json:"label"`
	Kind    string  `json:"kind"`
	Before  float64 `json:"before"`
	After   float64 `json:"after"`
	Explain string  `json:"explain,omitempty"`
}

type jsonOutcome struct {
	Action string   `json:"action"`
	Change *float64 `json:"change"` // null when it cannot be worked out
	Why    string   `json:"why,omitempty"`
}

type jsonSummary struct {
	Units    int             `json:"units"`
	Errors   int             `json:"errors"`
	Grades   orderedCounts   `json:"grades"`
	Outcomes orderedOutcomes `json:"outcomes,omitempty"`
}

// orderedOutcomes marshals the outcome sums as an object by action, in
// the ruleset's order.
type orderedOutcomes []engine.OutcomeSum

func (o orderedOutcomes) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, s := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(s.Action)
		v, err := json.Marshal(struct {
			Units   int     `json:"units"`
			Change  float64 `json:"change"`
			Unknown int     `json:"unknown,omitempty"`
		}{s.Units, s.Change, s.Unknown})
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// orderedCounts marshals grade counts as an object in band order.
type orderedCounts []engine.GradeCount

func (o orderedCounts) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, g := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(g.Label)
		b = append(b, k...)
		b = append(b, ':')
		b = append(b, []byte(jsonInt(g.Units))...)
	}
	return append(b, '}'), nil
}

func jsonInt(n int) string { b, _ := json.Marshal(n); return string(b) }

func (j *jsonRows) Begin(w io.Writer, m Meta) error {
	rs, _ := json.Marshal(jsonRuleset{ID: m.Ruleset.ID, Version: m.Ruleset.Version, SHA256: m.Ruleset.SHA256})
	b := append([]byte(`{"ruleset":`), rs...)
	if m.Data != nil {
		d, _ := json.Marshal(jsonData{Files: m.Data.Files, SHA256: m.Data.SHA256})
		b = append(append(b, `,"data":`...), d...)
	}
	if len(m.Populations) > 0 {
		// The population is part of what relative points depend on.
		p, _ := json.Marshal(jsonPopulations(m.Populations))
		b = append(append(b, `,"populations":`...), p...)
	}
	if !m.Stamp.IsZero() {
		// Only a time given explicitly: output is otherwise byte-identical.
		b = append(b, `,"time":"`+m.Stamp.UTC().Format(time.RFC3339)+`"`...)
	}
	b = append(b, ",\n\"units\":["...)
	_, err := w.Write(b)
	return err
}

// AppendUnit appends a uvarint (the offset of the rank hole plus one, 0
// for none) and the unit's JSON, the bytes of json.Marshal(JSONUnit(u))
// written by hand (appendUnitRecord).
func (j *jsonRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	return appendUnitRecord(dst, u)
}

// WriteUnit writes the record's JSON with the rank in its hole, straight
// from the record (the writer is buffered): a unit's JSON runs to kilobytes
// and WriteUnit is the one goroutine all units go through.
func (j *jsonRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	hole, n := binary.Uvarint(rec)
	rec = rec[n:]
	sep := ",\n"
	if j.first {
		sep = "\n"
	}
	j.first = false
	if _, err := io.WriteString(w, sep); err != nil {
		return err
	}
	if hole > 0 {
		if _, err := w.Write(rec[:hole-1]); err != nil {
			return err
		}
		if _, err := w.Write(strconv.AppendInt(j.num[:0], int64(rank), 10)); err != nil {
			return err
		}
		rec = rec[hole-1:]
	}
	_, err := w.Write(rec)
	return err
}

func (j *jsonRows) End(w io.Writer, s engine.Summary) error {
	sum, _ := json.Marshal(jsonSummary{Units: s.Units, Errors: s.Errors, Grades: orderedCounts(s.Grades), Outcomes: orderedOutcomes(s.Outcomes)})
	stats := ""
	if st := statisticsJSON(s); st != "" {
		stats = ",\n\"statistics\":" + st
	}
	_, err := io.WriteString(w, "\n],\n\"summary\":"+string(sum)+stats+"}\n")
	return err
}

// JSONUnit returns the JSON shape of one unit result.
func JSONUnit(u *engine.UnitResult) any {
	ju := jsonUnit{Unit: u.Unit, Name: u.Name, Indicators: []jsonIndicator{}, Checks: []jsonCheck{}, Errors: []jsonError{}}
	if u.Failed() {
		for _, e := range u.Errors {
			ju.Errors = append(ju.Errors, errorJSON(e))
		}
		return ju
	}
	score := u.Score
	ju.Score, ju.Grade, ju.Rank = &score, u.Grade, u.Rank
	if c := u.Claimed; c != nil && (c.Score != nil || c.Grade != "") {
		ju.Claimed = &jsonClaimed{Score: c.Score, Grade: c.Grade}
	}
	if u.Adjustments != nil {
		adj := make([]jsonAdjustment, 0, len(u.Adjustments))
		for _, a := range u.Adjustments {
			adj = append(adj, jsonAdjustment{ID: a.ID, Label: a.Label, Kind: a.Kind, Before: a.Before, After: a.After, Explain: a.Explain})
		}
		ju.Adjustments = &adj
	}
	if o := u.Outcome; o != nil {
		jo := &jsonOutcome{Action: o.Action, Why: o.Why}
		if o.HasChange {
			c := o.Change
			jo.Change = &c
		}
		ju.Outcome = jo
	}
	for k := range u.Indicators {
		ir := &u.Indicators[k]
		ji := jsonIndicator{ID: ir.ID, Label: ir.Label, Group: ir.Group, Weight: ir.Weight, Points: ir.Points,
			Status: ir.Status, Flags: ir.Flags, Tier: ir.Tier, Claimed: ir.Claimed, Reason: ir.Reason, Explain: ir.Explain}
		if ji.Flags == nil {
			ji.Flags = []string{}
		}
		if ji.Group == nil {
			ji.Group = []string{}
		}
		if ir.HasValue && indicators.Finite(ir.Value) {
			ji.Value = round4(ir.Value)
		}
		if ir.HasTarget {
			t := ir.Target
			ji.Target = &t
		}
		ju.Indicators = append(ju.Indicators, ji)
	}
	for _, g := range u.Groups {
		ju.Groups = append(ju.Groups, jsonGroup(g))
	}
	for _, c := range u.Checks {
		ju.Checks = append(ju.Checks, jsonCheck{ID: c.ID, OK: c.OK, Skipped: c.Skipped, Message: c.Message})
	}
	if u.Claimed != nil {
		review := make([]jsonFinding, 0, len(u.Review))
		for _, f := range u.Review {
			review = append(review, jsonFinding{ID: f.ID, Kind: f.Kind, Claimed: f.Claimed, Rules: f.Rules, Message: f.Message})
		}
		ju.Review = &review
	}
	return ju
}

func errorJSON(e *diag.Error) jsonError {
	je := jsonError{File: e.Pos.File, Row: e.Pos.Line, Field: e.Field, Value: e.Value, Code: e.Code, Message: e.Msg}
	if e.Pos.Col > 0 {
		je.Column = colLetter(e.Pos.Col - 1)
	}
	return je
}

// colLetter is the spreadsheet letter of column i (from 0).
func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// round4 keeps values readable in JSON: 153.51/256.14 → 0.5993.
func round4(x float64) float64 {
	if math.Abs(x) >= 1e11 {
		return x
	}
	return math.Round(x*1e4) / 1e4
}
