package forms

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// operators are the ways forms write a direction before a number, longest
// first so that 不少于 is not read as 少于. ">" and "<" are read as ">=" and
// "<=": the 10号 rules know no strict targets, and forms write ＞ for ≥.
var operators = []struct{ word, op string }{
	{"大于等于", ">="}, {"小于等于", "<="},
	{"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="}, {"至少", ">="},
	{"不高于", "<="}, {"不超过", "<="}, {"不大于", "<="}, {"不多于", "<="},
	{">=", ">="}, {"<=", "<="}, {"=>", ">="}, {"=<", "<="},
	{"≥", ">="}, {"≧", ">="}, {"⩾", ">="}, {">", ">="}, {"大于", ">="}, {"高于", ">="},
	{"≤", "<="}, {"≦", "<="}, {"⩽", "<="}, {"<", "<="}, {"小于", "<="}, {"低于", "<="},
	{"=", "="}, {"等于", "="},
}

// suffixes are the directions written after the number (100%以上).
var suffixes = []struct{ word, op string }{
	{"及以上", ">="}, {"以上", ">="}, {"及以下", "<="}, {"以下", "<="}, {"以内", "<="},
}

// fold returns s trimmed, without inner spaces, with full-width forms
// (≥ is not one; ＞, ％, ５ are) in their ASCII forms.
func fold(s string) string {
	s = width.Narrow.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// cutOp cuts a leading direction off s.
func cutOp(s string) (op, rest string) {
	for _, o := range operators {
		if t, ok := strings.CutPrefix(s, o.word); ok {
			return o.op, t
		}
	}
	return "", s
}

// cutNumber splits s into its leading decimal number and the rest.
func cutNumber(s string) (num, rest string) {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	start := i
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
		i++
	}
	if i == start {
		return "", s
	}
	return s[:i], s[i:]
}

// ParseTarget reads a 年度指标值: a direction (≥ ≧ > 不低于 不少于 → ">=",
// ≤ ≦ < 不高于 不超过 → "<=", = → "="), a number and its measure unit
// (≥95%, ≧95%, ≥50个, ≤90万元, =100%, 不少于3次, 100%以上), or a wording
// (有效, 达成预期指标) read as a qualitative target. A number with no
// direction is an equal target: = T scores as ≥ T when T > 0. A percent is
// read as a fraction (95% → 0.95, unit "%").
func ParseTarget(text string) (Target, error) {
	s := fold(text)
	if s == "" {
		return Target{}, problemf(msg.FormsTargetBlank)
	}
	op, rest := cutOp(s)
	num, unit := cutNumber(rest)
	if num == "" {
		if op != "" || strings.ContainsAny(s, "0123456789") {
			return Target{}, problemf(msg.FormsTargetRead, diag.Quote(text))
		}
		return Target{Text: s}, nil
	}
	for _, x := range suffixes {
		if t, ok := strings.CutSuffix(unit, x.word); ok {
			if op != "" && op != x.op {
				return Target{}, problemf(msg.FormsTargetDirs, diag.Quote(text))
			}
			op, unit = x.op, t
			break
		}
	}
	if op == "" {
		op = "="
	}
	x, err := indicators.ParseNumber(num)
	if err != nil {
		return Target{}, problemf(msg.FormsTargetNum, diag.Quote(text), err)
	}
	if strings.ContainsAny(unit, "0123456789<>=≥≤≧≦") {
		return Target{}, problemf(msg.FormsTargetTwo, diag.Quote(text))
	}
	if unit == "%" {
		x /= 100
	}
	return Target{Op: op, Num: x, Unit: unit}, nil
}

// directionOf reads a flat export's 指标方向 column.
func directionOf(text string) (string, bool) {
	s := fold(text)
	switch s {
	case "正向", "正向指标", ">=", "≥", "越大越好", "不低于":
		return ">=", true
	case "反向", "反向指标", "<=", "≤", "越小越好", "不高于":
		return "<=", true
	case "等于", "=", "持平":
		return "=", true
	case "定性", "定性指标":
		return "", true
	}
	op, rest := cutOp(s)
	return op, op != "" && rest == ""
}

// positive and negative are the wordings of a qualitative 实际完成值 that
// say plainly whether the target was reached.
var (
	positive = map[string]bool{"是": true, "有效": true, "完成": true, "已完成": true, "达到": true, "已达到": true,
		"达成预期": true, "达成预期指标": true, "达到预期": true, "达到预期指标": true, "达标": true, "全部完成": true, "符合": true, "合格": true}
	negative = map[string]bool{"否": true, "无效": true, "未完成": true, "未达到": true, "未达到预期": true, "不达标": true, "不符合": true, "不合格": true}
)

// parseActual reads 实际完成值 against the row's target. A number must be
// in the target's unit: a percent target takes 98% (or a number cell with
// a percent format, whose text shows 98%); a bare 0.98 or 98 against it is
// an error, since either reading could be the wrong one. A qualitative
// target takes a tier (A/B/C, 达成/部分达成/未达成, A:0.95), the target's own
// wording, or a plain yes or no (是/否, 有效/无效, 完成/未完成).
func parseActual(c Cell, raw string, t Target) (indicators.Value, error) {
	s := fold(c.Text)
	if s == "" {
		return indicators.Value{}, nil
	}
	if indicators.IsNA(s) {
		return indicators.Value{Kind: indicators.NA}, nil
	}
	if v, err := indicators.ParseTier(s); err == nil {
		return v, nil
	}
	if t.Qualitative() {
		switch {
		case s == t.Text || positive[s] || strings.HasPrefix(s, "达成") || strings.HasPrefix(s, t.Text) && positive[strings.TrimPrefix(s, t.Text)]:
			return indicators.Value{Kind: indicators.Tier, Tier: 'A'}, nil
		case negative[s]:
			return indicators.Value{Kind: indicators.Tier, Tier: 'C'}, nil
		}
		return indicators.Value{}, problemf(msg.FormsActualQual, diag.Quote(c.Text), diag.Quote(t.Text))
	}
	if op, _ := cutOp(s); op != "" {
		return indicators.Value{}, problemf(msg.FormsActualDir, diag.Quote(c.Text))
	}
	num, unit := cutNumber(s)
	if num == "" {
		return indicators.Value{}, problemf(msg.FormsActualNaN, diag.Quote(c.Text), targetText(t))
	}
	x, err := indicators.ParseNumber(num)
	if err != nil {
		return indicators.Value{}, problemf(msg.FormsActualNum, diag.Quote(c.Text), err)
	}
	// A number cell: its stored number, to full precision (the text shows
	// it rounded by its format); one formatted as a percent stores the
	// fraction.
	stored, storedErr := strconv.ParseFloat(raw, 64)
	number := storedErr == nil && indicators.Finite(stored) && raw != c.Text
	switch {
	case unit == t.Unit:
	case unit == "" && t.Unit == "%":
		return indicators.Value{}, problemf(msg.FormsActualPct, diag.Quote(c.Text), targetText(t), num)
	case unit == "":
		// 120 against ≥100个: the unit is the target's.
	case unit == "万" && t.Unit == "万元", unit == "万元" && t.Unit == "万":
	default:
		return indicators.Value{}, problemf(msg.FormsActualUnit, diag.Quote(c.Text), diag.Quote(unit), targetText(t), unitName(t.Unit), unitName(t.Unit))
	}
	switch {
	case number:
		x = stored
	case unit == "%":
		x /= 100
	}
	return indicators.NumberValue(x), nil
}

// unitName names a measure unit in messages (a word for none).
func unitName(u string) any {
	if u == "" {
		return msg.FormsNoUnit
	}
	return diag.Quote(u)
}

// targetText prints a target as a form writes it.
func targetText(t Target) string {
	if t.Qualitative() {
		return t.Text
	}
	op := map[string]string{">=": "≥", "<=": "≤", "=": "="}[t.Op]
	return op + fmtValue(t.Num, t.Unit)
}

// fmtValue prints a number in its unit: a fraction as a percent.
func fmtValue(x float64, unit string) string {
	if unit == "%" {
		return fmtNum(x*100) + "%"
	}
	return fmtNum(x) + unit
}

// LabelKey is how labels are compared when rows are matched to a
// ruleset's indicators: without spaces, full-width forms narrowed.
func LabelKey(s string) string { return fold(s) }
