package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/review"
)

// The review as JSON (`jixiao review -f json`): the audit stamp, the
// tolerance, every unit in review order and the summary. A unit carries
// the fields of the documented results ("claimed": {"score", "grade"} and
// "review": [{"id", "kind", "claimed", "rules", "message"}]) plus "over",
// the points it over-claimed, and "grade_changed".

type jsonReview struct {
	Ruleset   jsonRuleset       `json:"ruleset"`
	Data      *jsonData         `json:"data,omitempty"`
	Tolerance float64           `json:"tolerance"`
	Units     []jsonReviewUnit  `json:"units"`
	Summary   jsonReviewSummary `json:"summary"`
}

type jsonReviewUnit struct {
	Unit         string               `json:"unit"`
	Name         string               `json:"name"`
	Score        *float64             `json:"score,omitempty"`
	Grade        string               `json:"grade,omitempty"`
	Claimed      *jsonClaimed         `json:"claimed,omitempty"`
	Over         *float64             `json:"over,omitempty"`
	GradeChanged bool                 `json:"grade_changed,omitempty"`
	Review       *[]jsonReviewFinding `json:"review,omitempty"`
	Errors       []jsonError          `json:"errors,omitempty"`
}

// jsonReviewFinding is the documented finding with the indicator's label and
// the no-reason mark of a met target scored below full.
type jsonReviewFinding struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Kind     string `json:"kind"`
	Claimed  any    `json:"claimed"`
	Rules    any    `json:"rules"`
	NoReason bool   `json:"no_reason,omitempty"`
	Message  string `json:"message"`
}

type jsonReviewSummary struct {
	Units        int             `json:"units"`
	WithFindings int             `json:"with_findings"`
	Findings     int             `json:"findings"`
	Over         float64         `json:"over"`
	GradeChanged int             `json:"grade_changed"`
	Unclaimed    int             `json:"unclaimed"`
	Errors       int             `json:"errors"`
	Kinds        jsonReviewKinds `json:"kinds"`
}

type jsonReviewKinds struct {
	ClaimHigh     int `json:"claim_high"`
	ClaimLow      int `json:"claim_low"`
	SumMismatch   int `json:"sum_mismatch"`
	GradeMismatch int `json:"grade_mismatch"`
}

// writeReviewJSON writes what encoding/json writes of the whole
// jsonReview, a unit at a time: the document with no units, cut where
// they go.
func writeReviewJSON(w io.Writer, m Meta, d *reviewDoc) error {
	doc := jsonReview{
		Ruleset:   jsonRuleset{ID: m.Ruleset.ID, Version: m.Ruleset.Version, SHA256: m.Ruleset.SHA256},
		Tolerance: d.Tolerance,
		Units:     []jsonReviewUnit{},
	}
	if m.Data != nil {
		doc.Data = &jsonData{Files: m.Data.Files, SHA256: m.Data.SHA256}
	}
	s := d.Summary
	doc.Summary = jsonReviewSummary{Units: s.Units, WithFindings: s.WithFindings, Findings: s.Findings, Over: s.Over,
		GradeChanged: s.GradeChanged, Unclaimed: s.Unclaimed, Errors: s.Errors,
		Kinds: jsonReviewKinds{ClaimHigh: s.ClaimHigh, ClaimLow: s.ClaimLow, SumMismatch: s.SumMismatch, GradeMismatch: s.GradeMismatch}}
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	const empty = "\n \"units\": [],\n"
	head, tail, ok := bytes.Cut(whole.Bytes(), []byte(empty))
	if !ok {
		return internalf("review JSON has no units to fill in")
	}
	bw := bufio.NewWriter(w)
	bw.Write(head)
	bw.WriteString("\n \"units\": [")
	var unit bytes.Buffer
	enc = json.NewEncoder(&unit)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", " ")
	n := 0
	for c := review.Findings; c <= review.Failed; c++ {
		if err := d.each(c, func(_ int, u *engine.UnitResult) error {
			unit.Reset()
			if err := enc.Encode(reviewUnitJSON(u)); err != nil {
				return err
			}
			if n++; n > 1 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n  ")
			_, err := bw.Write(bytes.TrimSuffix(unit.Bytes(), []byte("\n")))
			return err
		}); err != nil {
			return err
		}
	}
	if n == 0 {
		bw.WriteString("]")
	} else {
		bw.WriteString("\n ]")
	}
	bw.WriteString(",\n")
	bw.Write(tail)
	return bw.Flush()
}

func reviewUnitJSON(u *engine.UnitResult) jsonReviewUnit {
	ju := jsonReviewUnit{Unit: u.Unit, Name: u.Name}
	if u.Failed() {
		for _, e := range u.Errors {
			ju.Errors = append(ju.Errors, errorJSON(e))
		}
		return ju
	}
	score := u.Score
	ju.Score, ju.Grade = &score, u.Grade
	c := u.Claimed
	if c == nil {
		return ju
	}
	if c.Score != nil || c.Grade != "" {
		ju.Claimed = &jsonClaimed{Score: c.Score, Grade: c.Grade}
	}
	over := c.Over
	ju.Over, ju.GradeChanged = &over, u.GradeChanged()
	review := make([]jsonReviewFinding, 0, len(u.Review))
	for _, f := range u.Review {
		review = append(review, jsonReviewFinding{ID: f.ID, Label: f.Label, Kind: f.Kind, Claimed: f.Claimed, Rules: f.Rules,
			NoReason: f.NoReason, Message: f.Message})
	}
	ju.Review = &review
	return ju
}
