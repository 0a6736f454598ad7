package engine

import (
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Indicator statuses.
const (
	StatusOK      = "ok"
	StatusMissing = "missing" // an input it reads is absent or blank
	StatusNA      = "na"      // an input it reads is 不适用: removed from the total
	StatusError   = "error"   // ÷0, NaN, ±Inf or a failing formula: scored 0
)

// Flags set on indicator results.
const (
	FlagOvershoot = "overshoot"  // value ≥ 1.2 × a positive target: 偏离度 to explain
	FlagClaimHigh = "claim_high" // the unit claimed more points than the rules give
	FlagClaimLow  = "claim_low"  // the unit claimed fewer points than the rules give
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
	Explain   string          // filled when explanations are on
	Steps     []Step          // intermediate values, when explanations are on
	Claimed   *float64
	Reason    string // the unit's own reason (reason.<id>)
	// Err says why an indicator has status error.
	Err error
	// Missing and NA name the inputs behind a missing or na status.
	Missing []string
	NA      []string
}

// Step is one intermediate value of a formula: a sub-expression and what
// it came to for this unit.
type Step struct {
	Expr  string
	Value string
}

// CheckResult is the outcome of one consistency check. A check that reads
// a missing or N/A input is skipped.
type CheckResult struct {
	ID      string
	OK      bool
	Skipped bool
	Message string
}

// Claimed is the unit's own total and grade.
type Claimed struct {
	Score    *float64
	Grade    string
	HasGrade bool
}

// Finding kinds of the review (复核).
const (
	FindClaimHigh     = "claim_high"
	FindClaimLow      = "claim_low"
	FindSumMismatch   = "sum_mismatch"
	FindGradeMismatch = "grade_mismatch"
)

// Finding is one place where a unit's claims depart from the rules.
type Finding struct {
	ID      string // indicator id, or "score" / "grade"
	Kind    string
	Claimed any // float64, or the claimed grade
	Rules   any // float64, or the rules' grade
	Message string
}
