package forms

import "github.com/jixiao/jixiao/indicators"

// Cell is one cell as read: its text as the form shows it and where it is.
type Cell struct {
	Text string `json:"text"`
	// Ref is the provenance, file!sheet!cell (file is the base name).
	Ref string `json:"cell"`
}

// Shapes of form.
const (
	ShapeForm = "form" // the 10号 self-evaluation form
	ShapeFlat = "flat" // a system export: one header row, one row per indicator
)

// Form is one self-evaluation: one unit's (or one project's) form, as read
// and, after Review, as scored.
type Form struct {
	// File is the path the form was read from; Sheet its sheet.
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Shape string `json:"shape"`
	// Unit is the unit id: the code of 实施单位 (219001-某某局), 单位编码,
	// or the file's base name without extension. Name is the unit's name.
	Unit    string `json:"unit"`
	Name    string `json:"name,omitempty"`
	Project string `json:"project,omitempty"`
	// UnitCell is where the id was read; empty when it is the file name.
	UnitCell string `json:"unit_cell,omitempty"`

	Funds []FundRow `json:"funds,omitempty"`
	Rows  []Row     `json:"rows"`
	// Groups are the 一级指标 whose label carries points (产出指标（50分）).
	Groups []Group `json:"groups,omitempty"`
	// Total is the form's 总分 row: the claimed total (得分) and the
	// weights' total (分值), either nil when absent.
	Total       *Number `json:"total,omitempty"`
	TotalWeight *Number `json:"total_weight,omitempty"`
	Grade       *Cell   `json:"grade,omitempty"`
	// Unreadable lists what could not be read, with its cell and why.
	Unreadable []Problem `json:"unreadable,omitempty"`

	// Filled by Review.
	Score      float64   `json:"score"`
	Rated      string    `json:"rated_grade"`
	Applicable float64   `json:"applicable"`
	Findings   []Finding `json:"findings"`
	// Incomplete is set when some row could not be read: the total and
	// the grade of the rules are then not compared with the claims.
	Incomplete bool `json:"incomplete,omitempty"`
}

// Number is a number read from a cell.
type Number struct {
	V    float64 `json:"value"`
	Cell Cell    `json:"source"`
}

// Group is a 一级指标 whose label states its points.
type Group struct {
	Label  string  `json:"label"`
	Points float64 `json:"points"`
	Cell   Cell    `json:"source"`
}

// Problem is something of a form that could not be read.
type Problem struct {
	Cell Cell   `json:"source"`
	Why  string `json:"why"`
}

// FundRow is one row of the 资金 block (年度资金总额, 其中：本年财政拨款,
// 上年结转资金, 其他资金); absent amounts are nil.
type FundRow struct {
	Label   Cell    `json:"label"`
	Initial *Number `json:"initial,omitempty"` // 年初预算数
	Budget  *Number `json:"budget,omitempty"`  // 全年预算数
	Spent   *Number `json:"spent,omitempty"`   // 全年执行数
	Weight  *Number `json:"weight,omitempty"`  // 分值
	Rate    *Number `json:"rate,omitempty"`    // 执行率, as a fraction
	Claimed *Number `json:"claimed,omitempty"` // 得分
}

// Target is a 年度指标值 read: a direction and a number, or a qualitative
// wording.
type Target struct {
	// Op is ">=", "<=" or "=" for a number; "" for a qualitative target.
	Op  string  `json:"op,omitempty"`
	Num float64 `json:"num,omitempty"`
	// Unit is the measure unit written after the number (%, 个, 万元).
	Unit string `json:"unit,omitempty"`
	// Text is the wording of a qualitative target (有效, 达成预期指标).
	Text string `json:"text,omitempty"`
}

// Qualitative reports whether the target is a wording, scored by tiers.
func (t Target) Qualitative() bool { return t.Op == "" }

// Row is one indicator row (三级指标) of a form. The 资金 block's 预算执行率
// is a Row too, first, with Funds set.
type Row struct {
	Level1 Cell `json:"level1"`
	Level2 Cell `json:"level2"`
	Label  Cell `json:"label"`
	// TargetCell is 年度指标值 as written, Target as read.
	TargetCell Cell   `json:"target_cell"`
	Target     Target `json:"target"`
	ActualCell Cell   `json:"actual_cell"`
	// Actual is 实际完成值 as read: a Number (a percent as a fraction), a
	// Tier, NA (不适用) or Missing (blank).
	Actual  indicators.Value `json:"-"`
	Weight  Number           `json:"weight"`
	Claimed *Number          `json:"claimed,omitempty"`
	Reason  Cell             `json:"reason"`
	// Funds marks the 预算执行率 row of the 资金 block.
	Funds bool `json:"funds,omitempty"`

	// Filled by Review.
	// Value is Actual as the extract writes it (98%, 120, A, 不适用).
	Value  string  `json:"value"`
	Points float64 `json:"points"`
	// Status is one of indicators' statuses (ok, missing, na, error).
	Status string          `json:"status"`
	Rule   indicators.Rule `json:"-"`
	// Explain is the rule's arithmetic, in words.
	Explain string `json:"explain"`
	// Overshoot: value ≥ 1.2 × target on a positive target.
	Overshoot bool `json:"overshoot,omitempty"`
}

// ID is the row's indicator id in reviews and extracts: its 三级指标.
func (r *Row) ID() string { return r.Label.Text }

// Finding kinds.
const (
	FindClaimHigh      = indicators.FlagClaimHigh
	FindClaimLow       = indicators.FlagClaimLow
	FindSumMismatch    = "sum_mismatch"
	FindGradeMismatch  = "grade_mismatch"
	FindFundMismatch   = "fund_mismatch"
	FindRateMismatch   = "rate_mismatch"
	FindWeightMismatch = "weight_mismatch"
	FindUnreadable     = "unreadable"
)

// Finding is one place where a form departs from the rules or from itself.
type Finding struct {
	// ID is the row's 三级指标, 总分, 等级, the 资金 row's label, or the
	// 一级指标.
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Claimed any    `json:"claimed,omitempty"`
	Rules   any    `json:"rules,omitempty"`
	// Cell is where the departing value is, file!sheet!cell.
	Cell    string `json:"cell,omitempty"`
	Message string `json:"message"`
}
