package engine

import (
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Result is the evaluation of a ruleset over a set of units.
type Result struct {
	Ruleset RulesetInfo
	Data    *DataInfo // set by the caller that read the data, if any
	Units   []UnitResult
	Summary Summary
}

// RulesetInfo identifies the ruleset a result was computed with (audit
// stamp).
type RulesetInfo struct {
	ID, Title, Version, SHA256 string
}

// DataInfo identifies the data a result was computed from.
type DataInfo struct {
	Files  []string
	SHA256 string
}

// Summary counts the units and their grades.
type Summary struct {
	Units  int
	Errors int          // units that failed as a whole
	Grades []GradeCount // in the ruleset's band order
	// Claimed counts the units whose data carries claimed scores or a
	// claimed grade (复核), so reports know to show them.
	Claimed int
	// FailedChecks counts the consistency checks that failed, over all
	// units.
	FailedChecks int
	// MissingUnits counts the scored units with an indicator that is
	// missing (an input blank or absent: scored 0), and CheckUnits the
	// units with a failed consistency check, so that a run can say how
	// many units to look at again.
	MissingUnits, CheckUnits int
}

// GradeCount is how many units got one grade.
type GradeCount struct {
	Label string
	Units int
}

// UnitResult is the evaluation of one unit. A unit that failed as a whole
// has Errors and no score, grade, rank or indicators.
type UnitResult struct {
	Unit, Name string
	Score      float64
	Grade      string
	Rank       int
	// Applicable is the sum of the weights of the indicators not N/A.
	Applicable float64
	// Inputs is the unit's data by input index of the ruleset (shared with
	// the unit read, not copied), for reports that lay inputs out, such as
	// the 自评表's 年初预算数 / 全年预算数 / 全年执行数.
	Inputs     []indicators.Value
	Indicators []IndicatorResult
	Checks     []CheckResult
	Errors     []*diag.Error
	// Claimed holds the unit's own total and grade when the data has them.
	Claimed *Claimed
	// Review lists where the unit's claims depart from the rules.
	Review []Finding
	Pos    diag.Pos
}

// Failed reports whether the unit failed as a whole.
func (u *UnitResult) Failed() bool { return len(u.Errors) > 0 }

// FailedChecks counts the unit's consistency checks that failed (skipped
// ones are not failures).
func (u *UnitResult) FailedChecks() int {
	n := 0
	for k := range u.Checks {
		if !u.Checks[k].OK && !u.Checks[k].Skipped {
			n++
		}
	}
	return n
}

// HasMissing reports whether an indicator of the unit is missing: scored
// 0 for a blank or absent input.
func (u *UnitResult) HasMissing() bool {
	for k := range u.Indicators {
		if u.Indicators[k].Status == indicators.StatusMissing {
			return true
		}
	}
	return false
}

// IndicatorResult is the score of one indicator for one unit.
type IndicatorResult struct {
	ID     string
	Label  string
	Group  []string
	Weight float64
	// Value is the indicator's value (the deduct count for deduct, the
	// fraction of the weight for tiers) when HasValue.
	Value    float64
	HasValue bool
	Tier     string // the tier letter of a tier indicator
	// Target is the target T when the indicator has one.
	Target    float64
	HasTarget bool
	Points    float64
	Status    string
	Flags     []string
	Rule      indicators.Rule // the target branch that applied
	Band      int             // the band that applied (from 1), 0 if none
	Explain   string          // filled when explanations are on (Explain option)
	Steps     []Step          // the derivation step by step (Trace option)
	Claimed   *float64
	Reason    string // the unit's own reason (reason.<id>)
	// Err says why an indicator has status error.
	Err error
	// Missing and NA name the inputs behind a missing or na status.
	Missing []string
	NA      []string
}

// Step is one intermediate value of an indicator's derivation: a
// sub-expression of one of its formulas and what it came to for this unit,
// or the scoring rule and the points. Steps follow the order of
// evaluation and only the branch actually taken: the condition of a
// ?: and then its chosen side, the band rows tried until one matched.
type Step struct {
	// Part names what the step belongs to: "value", "target", "band N
	// when", "band N score", "else", "count", "score", "tier", "assert"
	// (for checks), "rule" (the scoring method that applied) or "points"
	// (clamped to the weight and rounded as Excel's ROUND).
	Part string
	// Expr is the sub-expression as written, with the operators of
	// Chinese reports (× ÷ ≥ ≤), or the rule's wording for "rule".
	Expr string
	// Subst is Expr with the unit's numbers in place of the inputs
	// (labelled) and of the sub-expressions already stepped through.
	Subst string
	// Value is what it came to: a number, 成立 or 不成立 for a condition.
	Value string
}

// CheckResult is the outcome of one consistency check. A check that reads
// a missing or N/A input is skipped.
type CheckResult struct {
	ID      string
	OK      bool
	Skipped bool
	Message string
	// Steps derive a failed check's assertion for this unit (Trace
	// option).
	Steps []Step
}

// Claimed is what a unit claims for itself (复核): its own total and grade
// as the data gives them, and what its claims come to. A unit result has
// a Claimed whenever its data carries any claim.
type Claimed struct {
	// Score is claimed.score, the unit's own 总分; nil when not given.
	Score *float64
	// Grade is claimed.grade as written; "" when not given.
	Grade string
	// Rows counts the indicators with a claim.
	Rows int
	// Sum is the claimed rows added up as the rules add points (rescaled
	// to 100 over the applicable weights where an indicator is 不适用);
	// nil unless every applicable indicator carries a claim.
	Sum *float64
	// Over is how many points the claims put above the rules: the larger
	// of the excess over the claimed rows (Σ claimed − rules over the rows
	// flagged claim_high) and the excess of the claimed total. 0 when
	// nothing is over-claimed.
	Over float64
	// Grade the claims give: the claimed grade (read as one of the
	// ruleset's labels), else the grade of the claimed total, else of Sum;
	// "" when the claims say nothing about the grade.
	ImpliedGrade string
}

// GradeChanged reports whether accepting the unit's claims would give it
// another grade than the rules do.
func (u *UnitResult) GradeChanged() bool {
	return u.Claimed != nil && u.Claimed.ImpliedGrade != "" && u.Claimed.ImpliedGrade != u.Grade
}

// Finding kinds of the review (复核).
const (
	FindClaimHigh     = "claim_high"     // claimed more than the rules give (多计)
	FindClaimLow      = "claim_low"      // claimed less than the rules give (少计)
	FindSumMismatch   = "sum_mismatch"   // the claimed total is not the sum of the claimed rows
	FindGradeMismatch = "grade_mismatch" // the claimed grade is not the grade of the rules' total
)

// Finding ids that are not indicator ids.
const (
	FindingScore = "score"
	FindingGrade = "grade"
)

// Finding is one place where a unit's claims depart from the rules.
type Finding struct {
	ID      string // indicator id, or FindingScore / FindingGrade
	Label   string // the indicator's label, 总分 or 等级
	Kind    string // one of the Find… kinds
	Claimed any    // float64 points, or the claimed grade (string)
	Rules   any    // float64 points, or the rules' grade (string)
	// NoReason is set on a claim_low where the rules give full marks (the
	// target was met) and the unit gave no reason.<id>.
	NoReason bool
	// Message says it all in Chinese: the claim, what the rules give and
	// why (the indicator's explanation), and the kind.
	Message string
}
