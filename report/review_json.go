package report

import (
	"encoding/json"
	"io"

	"github.com/jixiao/jixiao/engine"
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

func writeReviewJSON(w io.Writer, m Meta, rv *engine.Review) error {
	doc := jsonReview{
		Ruleset:   jsonRuleset{ID: m.Ruleset.ID, Version: m.Ruleset.Version, SHA256: m.Ruleset.SHA256},
		Tolerance: rv.Tolerance,
		Units:     make([]jsonReviewUnit, 0, len(rv.Order)),
	}
	if m.Data != nil {
		doc.Data = &jsonData{Files: m.Data.Files, SHA256: m.Data.SHA256}
	}
	for _, i := range rv.Order {
		doc.Units = append(doc.Units, reviewUnitJSON(&rv.Result.Units[i]))
	}
	s := rv.Summary
	doc.Summary = jsonReviewSummary{Units: s.Units, WithFindings: s.WithFindings, Findings: s.Findings, Over: s.Over,
		GradeChanged: s.GradeChanged, Unclaimed: s.Unclaimed, Errors: s.Errors,
		Kinds: jsonReviewKinds{ClaimHigh: s.ClaimHigh, ClaimLow: s.ClaimLow, SumMismatch: s.SumMismatch, GradeMismatch: s.GradeMismatch}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
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
