package indicators

import (
	"strings"

	"github.com/jixiao/jixiao/diag"
)

// Input types. A number input holds a float; a tier input (定性) holds a
// tier letter, optionally with a fraction of the weight.
const (
	TypeNumber = "number"
	TypeTier   = "tier"
)

// Missing-input policies: an absent or blank input scores the indicators
// that read it 0 (MissingZero) or fails the whole unit (MissingError).
const (
	MissingZero  = "zero"
	MissingError = "error"
)

// Reverse-target methods for "<= T": linear (the default of 财预〔2020〕10号
// practice, full at T, zero at 2T) or ratio (weight × T / value).
const (
	ReverseLinear = "linear"
	ReverseRatio  = "ratio"
)

// Ruleset is an indicator system as written in a ruleset file.
type Ruleset struct {
	ID         string
	Title      string
	Version    string
	Grades     []Grade
	Missing    string // MissingZero or MissingError
	Reverse    string // default reverse method for "<=" targets
	Inputs     []Input
	Checks     []Check
	Indicators []Indicator
	Tests      []Case
	// Monitor holds the bounds of 双监控's lights (monitor:).
	Monitor Monitor
	// Contract 2 (rules.go): the ruleset's over-achievement penalty,
	// unit-level adjustments, the ceiling of the total (nil: none written)
	// and the outcomes by grade.
	Overshoot *OvershootRule
	Adjust    []Adjust
	MaxTotal  *float64
	Outcomes  []Outcome

	File   string   // where it was loaded from, for messages
	Source []byte   // the bytes it was loaded from
	SHA256 string   // hex sha256 of Source
	Pos    diag.Pos // position of the document
}

// Grade is one grade band: a total of at least Min gets Label.
type Grade struct {
	Min   float64
	Label string
	Pos   diag.Pos
}

// DefaultGrades are the bands of 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60,
// 差 otherwise.
func DefaultGrades() []Grade {
	return []Grade{{Min: 90, Label: "优"}, {Min: 80, Label: "良"}, {Min: 60, Label: "中"}, {Min: 0, Label: "差"}}
}

// ReservedPrefix starts the names engine gives its own variables inside
// compiled formulas: input ids may not start with it.
const ReservedPrefix = "__jixiao"

// ReservedWord reports whether s is a name formulas give a meaning of their
// own: value and weight, and expr's keywords and literals. No input,
// indicator or check may take it.
func ReservedWord(s string) bool {
	switch s {
	case "value", "weight",
		"and", "or", "not", "in", "matches", "contains",
		"startsWith", "endsWith", "let", "nil", "true",
		"false", "if", "else", "env", "$env":
		return true
	}
	return false
}

// ReservedInput reports whether an input may not take id: a reserved word,
// or a name that starts with ReservedPrefix.
func ReservedInput(id string) bool {
	return ReservedWord(id) || strings.HasPrefix(id, ReservedPrefix)
}

// Input is one field of the reported data that formulas may read.
type Input struct {
	ID    string
	Label string
	Unit  string // declared unit (万元, 人, %); a cell may carry it as a suffix
	Type  string // TypeNumber or TypeTier
	// Optional inputs may be absent from a data file's header (or keys):
	// every unit is then missing on them. A required input that is absent
	// stops the run, since every unit would silently score 0 on it.
	Optional bool
	Pos      diag.Pos
}

// Formula is the source of an expr formula and where it stands in the
// ruleset file, so that compile errors inside it can name file, line and
// column. Indent and Block describe the YAML scalar style needed to map a
// position inside the formula back to the file.
type Formula struct {
	Src  string
	Pos  diag.Pos // position of the formula's first character
	Line string   // the file's line holding the first character, for snippets
	// Block is true for | and > scalars, whose lines each start at Indent.
	Block  bool
	Indent int
}

// Set reports whether a formula was written.
func (f Formula) Set() bool { return f.Src != "" }

// Target is a comparator and an expression: ">= 1", "<= plan", "= 0".
type Target struct {
	Op   string // ">=", "<=" or "="
	Expr Formula
}

// Band is one row of a bands table: when the condition holds, the indicator
// scores Score (a fraction of the weight). Else marks the final row.
type Band struct {
	When  Formula
	Score Formula
	Else  bool
	Pos   diag.Pos
}

// Deduct scores weight − Points × Count, never below zero.
type Deduct struct {
	Count  Formula
	Points float64
}

// Scoring forms. An indicator has exactly one.
const (
	FormTarget = "target"
	FormBands  = "bands"
	FormTiers  = "tiers"
	FormDeduct = "deduct"
	FormScore  = "score"
)

// Indicator is one scored indicator of a ruleset.
type Indicator struct {
	ID      string
	Label   string
	Group   []string // ancestors: 一级指标, 二级指标 ...
	Weight  float64
	Use     string // library id it was built from, if any
	Note    string // 指标解释
	Form    string // one of the Form constants
	Value   Formula
	Target  Target
	Reverse string // "<=" method; empty means the ruleset default
	Bands   []Band
	Tiers   Tiers
	Deduct  Deduct
	Score   Formula
	// Relative is the method of a FormRelative indicator (比较法):
	// RelativeBestRatio or RelativeEfficacy; Lower (reverse: true) makes
	// the smallest value the best.
	Relative string
	Lower    bool
	// Panel is how a FormPanel indicator combines its raters' points
	// (专家评分): PanelMean, PanelMedian or PanelTrimmed; Spread is the
	// share of the weight they may disagree by before panel_spread.
	Panel  string
	Spread float64
	// Overshoot is the indicator's own over-achievement penalty; it
	// replaces the ruleset's whole (see Ruleset.OvershootOf).
	Overshoot *OvershootRule
	Pos       diag.Pos
}

// Tiers are the points of the three tiers as fractions of the weight.
type Tiers struct{ A, B, C float64 }

// DefaultTiers are the band midpoints of 财预〔2020〕10号's qualitative scale:
// 达成 A ∈ [80%, 100%] → 0.9, 部分达成 B ∈ [60%, 80%) → 0.7, 未达成 C ∈ [0, 60%) → 0.3.
func DefaultTiers() Tiers { return Tiers{A: 0.9, B: 0.7, C: 0.3} }

// Of returns the point fraction of tier letter t.
func (t Tiers) Of(letter byte) float64 {
	switch letter {
	case 'A':
		return t.A
	case 'B':
		return t.B
	}
	return t.C
}

// Check is a consistency rule on reported data; a failure is reported,
// never scored.
type Check struct {
	ID      string
	Assert  Formula
	Message string
	Pos     diag.Pos
}

// FailMessage is what a unit that fails the check is told: its Message,
// or "不满足 " and the assertion when it has none.
func (c *Check) FailMessage() string {
	if c.Message == "" {
		return "不满足 " + c.Assert.Src
	}
	return c.Message
}

// Case is one test case of a ruleset: data for one unit and what it must
// score. Unset expectations are not checked.
type Case struct {
	Name   string
	Data   map[string]any
	Score  *float64
	Grade  string
	Points map[string]float64
	Status map[string]string
	// Adjustments maps an adjust rule id to the total after it; a rule
	// expected not to apply has NotApplied set.
	Adjustments map[string]CaseAdjust
	// Outcome and Change are the expected action and budget change.
	Outcome string
	Change  *float64
	// Populations gives relative indicators (比较法) the other units a run
	// would score them against (population:), in the file's order; without
	// one, the case's unit is compared with itself alone and gets full
	// marks, which tests nothing.
	Populations []CasePopulation
	Pos         diag.Pos
	File        string
}

// CasePopulation is the population a test case gives one relative
// indicator: the values of the other units of an imagined run. The case's
// own unit joins them when its value is ok, as it would in a run.
type CasePopulation struct {
	ID     string
	Values []float64
	Pos    diag.Pos // the indicator's key under population:
}

// CaseAdjust is what a test case expects of one adjust rule: that it
// applies and brings the total to After, or that it does not apply.
type CaseAdjust struct {
	After      float64
	NotApplied bool
}

// InputIndex returns the index of input id in rs.Inputs, or -1.
func (rs *Ruleset) InputIndex(id string) int {
	for i := range rs.Inputs {
		if rs.Inputs[i].ID == id {
			return i
		}
	}
	return -1
}

// TotalWeight is the sum of all indicator weights.
func (rs *Ruleset) TotalWeight() float64 {
	var w float64
	for _, ind := range rs.Indicators {
		w += ind.Weight
	}
	return w
}

// GradeOf returns the label of the first grade band whose Min ≤ total.
func GradeOf(grades []Grade, total float64) string {
	for _, g := range grades {
		if total >= g.Min {
			return g.Label
		}
	}
	return "" // no band reaches down this far; lint warns about it
}

// Unit is the reported data of one budget unit, read for one ruleset.
type Unit struct {
	ID   string
	Name string
	// Values holds one parsed cell per input of the ruleset, by input index.
	Values []Value
	// Claims holds the unit's own scores (复核): claimed.<indicator id>, and
	// claimed.score under the key "score". Nil when the data has none.
	Claims       map[string]float64
	ClaimedGrade string
	// Reasons holds reason.<indicator id>: the unit's own deviation notes.
	Reasons map[string]string
	// Errors lists the cells that could not be read; a unit with errors is
	// not scored.
	Errors []*diag.Error
	Pos    diag.Pos // file and row (or line) the unit came from
	// Rater is the rater (评分人) of the row the unit was read from, for
	// rulesets with panel indicators; Ratings, once a unit's rows are
	// gathered, holds each rater's points by input index (nil for the
	// inputs that are not panel points).
	Rater   string
	Ratings [][]Rating
	// Populations holds, by relative indicator id, the values of the other
	// units to score this one against when it is scored alone (EvalUnit,
	// a ruleset test); the unit's own ok value joins them. A run scores
	// against its own units and ignores it; data readers never set it.
	Populations map[string][]float64
}

// Rating is one rater's points for one panel input of one unit.
type Rating struct {
	Rater  string
	Points float64
	Pos    diag.Pos // the rater's row
}
