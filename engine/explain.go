package engine

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/expr-lang/expr/ast"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Explanations are built only when asked for (the Explain option), after
// the indicator is scored, from the values the scoring recorded: the plain
// scoring path formats no strings. They are appended to a buffer of the
// worker's scratch state, numbers formatted without fmt, so that a million
// units with explanations cost little more than writing the text out.

// explain writes ir.Explain: the formula with the unit's numbers, the
// target or band that applied, the rule and the points, and, below full
// marks, the deviation and the unit's own reason.
//
// The explanations of a unit are written one after another into s.text
// and become one string when the unit's indicators are done
// (setExplanations): one allocation per unit, not one per indicator.
func (p *Program) explain(s *scratch, ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult, k int) {
	start := len(s.text)
	s.text = p.appendExplain(s.text, s, ci, ir)
	s.explained = append(s.explained, textSpan{k: k, start: start, end: len(s.text)})
}

// textSpan is where the explanation of indicator k lies in scratch.text.
type textSpan struct{ k, start, end int }

// setExplanations sets the Explain of the indicators explained since the
// last call, from one string of their text.
func (s *scratch) setExplanations(inds []IndicatorResult) {
	if len(s.explained) == 0 {
		return
	}
	var all string
	if s.lend {
		// Valid until s.text is written again, at the next unit.
		all = unsafe.String(unsafe.SliceData(s.text), len(s.text))
	} else {
		all = string(s.text)
	}
	for _, e := range s.explained {
		inds[e.k].Explain = all[e.start:e.end]
	}
	s.text, s.explained = s.text[:0], s.explained[:0]
}

func (p *Program) appendExplain(b []byte, s *scratch, ci *compiledIndicator, ir *IndicatorResult) []byte {
	def := ci.def
	switch ir.Status {
	case indicators.StatusNA:
		b = append(b, def.Label...)
		b = append(b, "："...)
		b = append(b, p.labels(ir.NA)...)
		return append(b, " 不适用，不计分，总分按适用指标的分值折算为百分制"...)
	case indicators.StatusMissing:
		b = append(b, def.Label...)
		b = append(b, "：缺少 "...)
		b = append(b, p.labels(ir.Missing)...)
		b = append(b, "，记 0 分（满分 "...)
		b = appendNum4(b, def.Weight)
		return append(b, "）"...)
	}
	pv := func(b []byte, x float64) []byte { return appendRate(b, x, ci.rateKind()) }
	if ci.value != nil && def.Form != indicators.FormTiers {
		b = append(b, def.Label...)
		b = append(b, " = "...)
		b = p.appendRender(b, ci.value.node, s, 0)
		if _, ok := ci.value.node.(*ast.IdentifierNode); !ok {
			if ir.HasValue {
				b = append(b, " = "...)
				b = pv(b, ir.Value)
			} else if v, err := ci.value.float(s); err == nil {
				b = append(b, " = "...)
				b = appendExact(b, v)
			}
		}
	} else {
		b = append(b, def.Label...)
	}
	if ir.Status == indicators.StatusError {
		var se *scoreError
		what := ""
		if errors.As(ir.Err, &se) && se.what != msg.EngPartValue {
			// The explanation is Chinese whatever the messages' language.
			what = se.part(msg.Printer{Lang: msg.ZH}) + " "
		}
		reason := "结果不是有限数"
		if ir.Err != nil && strings.Contains(ir.Err.Error(), "NaN") {
			reason = "0 ÷ 0，结果无意义"
		} else if ir.Err != nil && strings.Contains(ir.Err.Error(), "Inf") {
			reason = "除以零"
		} else if ne := (*indicators.NegativeRatioError)(nil); errors.As(ir.Err, &ne) {
			reason = msg.Printer{Lang: msg.ZH}.Sprintf(msg.EngRatioNegative, ne.Value)
		} else if ir.Err != nil && !errors.Is(ir.Err, errNotFinite) {
			reason = ir.Err.Error()
		}
		b = append(b, "，"...)
		b = append(b, what...)
		b = append(b, "无法计算（"...)
		b = append(b, reason...)
		b = append(b, "），记 0 分（满分 "...)
		b = appendNum4(b, def.Weight)
		return append(b, "）"...)
	}
	w := func(b []byte) []byte { return appendNum4(b, def.Weight) }
	pts := func(b []byte) []byte { return appendNum4(b, ir.Points) }
	switch def.Form {
	case indicators.FormTarget:
		b = append(b, "，目标 "...)
		switch def.Target.Op {
		case ">=":
			b = append(b, "≥"...)
		case "<=":
			b = append(b, "≤"...)
		case "=":
			b = append(b, "="...)
		}
		b = append(b, ' ')
		b = pv(b, ir.Target)
		if _, lit := isLiteral(ci.target.node); !lit {
			b = append(b, "（"...)
			b = p.appendRender(b, ci.target.node, s, 0)
			b = append(b, "）"...)
		}
		switch ir.Rule {
		case indicators.RuleMet:
			b = append(b, "，已达到目标，得满分 "...)
			b = w(b)
		case indicators.RuleProportional:
			b = append(b, "，未完成，按比例计分 "...)
			b = w(b)
			b = append(b, " × "...)
			b = pv(b, ir.Value)
			if ir.Target != 1 {
				b = append(b, " ÷ "...)
				b = pv(b, ir.Target)
			}
			b = append(b, " = "...)
			b = pts(b)
		case indicators.RuleReverseLinear:
			b = append(b, "，超出目标，按超出比例扣分 "...)
			b = w(b)
			b = append(b, " × (1 − ("...)
			b = pv(b, ir.Value)
			b = append(b, " − "...)
			b = pv(b, ir.Target)
			b = append(b, ") ÷ "...)
			b = pv(b, ir.Target)
			b = append(b, ") = "...)
			b = pts(b)
		case indicators.RuleReverseRatio:
			b = append(b, "，超出目标，按目标与实际之比计分 "...)
			b = w(b)
			b = append(b, " × "...)
			b = pv(b, ir.Target)
			b = append(b, " ÷ "...)
			b = pv(b, ir.Value)
			b = append(b, " = "...)
			b = pts(b)
		case indicators.RuleZero:
			if def.Target.Op == "<=" {
				b = append(b, "，达到目标的 2 倍或以上，得 0 分"...)
			} else {
				b = append(b, "，未达到目标，得 0 分"...)
			}
		}
		if hasFlag(ir.Flags, indicators.FlagOvershoot) {
			b = append(b, "；超过目标 20% 以上，需说明偏离原因（偏离度）"...)
		}
		if ci.over != nil && hasFlag(ir.Flags, indicators.FlagOvershootPenalty) {
			b = append(b, "；达到目标的 "...)
			b = appendNum4(b, ci.over.Ratio*100)
			b = append(b, "% 及以上（目标设定偏低），超额扣 "...)
			b = appendNum4(b, ci.over.Deduct)
			b = append(b, " 分，得 "...)
			b = pts(b)
			b = append(b, " 分"...)
		}
	case indicators.FormBands:
		if ir.Band == 0 {
			b = append(b, "，不符合任何一档，得 0 分"...)
			break
		}
		band := def.Bands[ir.Band-1]
		cb := ci.bands[ir.Band-1]
		if band.Else {
			b = append(b, "，不符合以上各档，按其余情形"...)
		} else {
			b = append(b, "，符合第 "...)
			b = strconv.AppendInt(b, int64(ir.Band), 10)
			b = append(b, " 档（"...)
			b = append(b, cb.display...)
			b = append(b, "）"...)
		}
		frac, _ := cb.score.float(s)
		b = append(b, "，得分比例 "...)
		if _, lit := isLiteral(cb.score.node); !lit {
			b = p.appendRender(b, cb.score.node, s, 0)
			b = append(b, " = "...)
		}
		b = appendExact(b, frac)
		b = append(b, "，"...)
		b = w(b)
		b = append(b, " × "...)
		b = appendExact(b, frac)
		b = append(b, " = "...)
		b = pts(b)
		b = p.clampNote(b, frac*def.Weight, def.Weight)
	case indicators.FormTiers:
		b = append(b, "：评价档次 "...)
		b = append(b, ir.Tier...)
		b = append(b, "（"...)
		b = append(b, indicators.TierName(ir.Tier[0])...)
		b = append(b, "），按 "...)
		b = appendPercent(b, ir.Value)
		b = append(b, " 计分，"...)
		b = w(b)
		b = append(b, " × "...)
		b = appendPercent(b, ir.Value)
		b = append(b, " = "...)
		b = pts(b)
	case indicators.FormDeduct:
		b = append(b, "：扣分次数 "...)
		b = p.appendRender(b, ci.count.node, s, 0)
		if _, ok := ci.count.node.(*ast.IdentifierNode); !ok {
			b = append(b, " = "...)
			b = appendExact(b, ir.Value)
		}
		raw := def.Weight - def.Deduct.Points*ir.Value
		b = append(b, "，每次扣 "...)
		b = appendNum4(b, def.Deduct.Points)
		b = append(b, " 分，"...)
		b = w(b)
		b = append(b, " − "...)
		b = appendNum4(b, def.Deduct.Points)
		b = append(b, " × "...)
		b = appendExact(b, ir.Value)
		b = append(b, " = "...)
		b = appendExact(b, raw)
		b = p.clampNote(b, raw, def.Weight)
		b = append(b, "，得 "...)
		b = pts(b)
		b = append(b, " 分"...)
	case indicators.FormRelative:
		b = s.explainRelative(b, ci, ir, pv)
	case indicators.FormPanel:
		b = explainPanel(b, def, ir)
	case indicators.FormScore:
		raw, _ := ci.score.float(s)
		b = append(b, "；得分 = "...)
		b = p.appendRender(b, ci.score.node, s, 0)
		b = append(b, " = "...)
		b = appendExact(b, raw)
		b = p.clampNote(b, raw, def.Weight)
		b = append(b, "，得 "...)
		b = pts(b)
		b = append(b, " 分"...)
	}
	// Tier A is 达成 (the target was met): its fraction below 1 is the
	// evaluator's judgement within the tier, not a deduction to explain.
	met := def.Form == indicators.FormTiers && ir.Tier != "" && ir.Tier[0] == 'A'
	if ir.Points < def.Weight && !met {
		b = append(b, "；扣 "...)
		b = appendNum4(b, indicators.Round2(def.Weight-ir.Points))
		b = append(b, " 分"...)
		if ir.Reason != "" {
			b = append(b, "，单位说明："...)
			b = append(b, ir.Reason...)
		} else {
			b = append(b, "，应说明偏差原因"...)
		}
	}
	return b
}

func (p *Program) clampNote(b []byte, raw, weight float64) []byte {
	switch {
	case raw > weight:
		b = append(b, "，超过分值按 "...)
		b = appendNum4(b, weight)
		b = append(b, " 计"...)
	case raw < 0:
		b = append(b, "，低于 0 按 0 计"...)
	}
	return b
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// labels joins the Chinese labels of input ids.
func (p *Program) labels(ids []string) string {
	var parts []string
	for _, id := range ids {
		i := p.rs.InputIndex(id)
		if i >= 0 && p.rs.Inputs[i].Label != "" {
			parts = append(parts, p.rs.Inputs[i].Label)
		} else {
			parts = append(parts, id)
		}
	}
	return strings.Join(parts, "、")
}

func isLiteral(n ast.Node) (float64, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return float64(n.Value), true
	case *ast.FloatNode:
		return n.Value, true
	}
	return 0, false
}

// Operator precedence for rendering, after expr's parser.
func precedence(op string) int {
	switch op {
	case "or", "||", "??":
		return 1
	case "and", "&&":
		return 2
	case "==", "!=", "<", ">", "<=", ">=", "in", "matches", "contains", "startsWith", "endsWith":
		return 3
	case "+", "-":
		return 4
	case "*", "/", "%":
		return 5
	case "**", "^":
		return 6
	}
	return 0
}

// opDisplay is how an operator reads in a Chinese report.
func opDisplay(op string) string {
	switch op {
	case "*":
		return "×"
	case "/":
		return "÷"
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	case "!=":
		return "≠"
	case "&&", "and":
		return "且"
	case "||", "or":
		return "或"
	}
	return op
}

// appendRender appends a formula with every input replaced by its label
// and the unit's value ("全年执行数 153.51 ÷ 全年预算数 256.14").
func (p *Program) appendRender(b []byte, n ast.Node, s *scratch, outer int) []byte {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		switch n.Value {
		case "value":
			return appendExact(b, s.value())
		case "weight":
			return appendNum4(b, s.weight())
		}
		i, ok := p.inputIndex[n.Value]
		if !ok {
			return append(b, n.Value...)
		}
		in := &p.rs.Inputs[i]
		if in.Label != "" {
			b = append(b, in.Label...)
		} else {
			b = append(b, in.ID...)
		}
		b = append(b, ' ')
		if p.isTier[i] {
			return append(b, s.tiers[i]...)
		}
		return appendExact(b, s.in[i])
	case *ast.IntegerNode:
		return strconv.AppendInt(b, int64(n.Value), 10)
	case *ast.FloatNode:
		return appendExact(b, n.Value)
	case *ast.UnaryNode:
		if n.Operator == "not" {
			b = append(b, "非 "...)
		} else {
			b = append(b, n.Operator...)
		}
		return p.appendRender(b, n.Node, s, 7)
	case *ast.BinaryNode:
		prec := precedence(n.Operator)
		if prec < outer {
			b = append(b, '(')
		}
		b = p.appendRender(b, n.Left, s, prec)
		b = append(b, ' ')
		b = append(b, opDisplay(n.Operator)...)
		b = append(b, ' ')
		b = p.appendRender(b, n.Right, s, prec+1)
		if prec < outer {
			b = append(b, ')')
		}
		return b
	case *ast.BuiltinNode:
		b = append(b, n.Name...)
		b = append(b, '(')
		for i, a := range n.Arguments {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = p.appendRender(b, a, s, 0)
		}
		return append(b, ')')
	case *ast.ConditionalNode:
		if outer > 0 {
			b = append(b, '(')
		}
		b = p.appendRender(b, n.Cond, s, 1)
		b = append(b, " ? "...)
		b = p.appendRender(b, n.Exp1, s, 1)
		b = append(b, " : "...)
		b = p.appendRender(b, n.Exp2, s, 1)
		if outer > 0 {
			b = append(b, ')')
		}
		return b
	}
	return append(b, n.String()...)
}

// formulaDisplay prints formula source with the operators a reader of
// Chinese reports expects.
var formulaDisplay = strings.NewReplacer(">=", "≥", "<=", "≤", "!=", "≠", "*", "×", "/", "÷")

func displayFormula(src string) string { return formulaDisplay.Replace(src) }

// fmtNum prints a number with at most 4 decimals and no trailing zeros.
func fmtNum(x float64) string { return string(appendNum4(nil, x)) }

// appendNum4 appends fmtNum(x). A number well inside the range where
// x × 10⁴ rounds to its nearest integer k without a tie is printed from
// the digits of k; the rest goes through strconv.
func appendNum4(b []byte, x float64) []byte {
	if c := x * 1e4; c < 1<<43 && c > -(1<<43) {
		k := math.Round(c)
		// The product's error is below 2⁻¹⁰: farther than that from a
		// tie, k is the exact decimal rounding of x, as strconv's is.
		if d := c - k; d < 0.498 && d > -0.498 {
			n := int64(k)
			if n < 0 {
				b = append(b, '-')
				n = -n
			}
			b = strconv.AppendInt(b, n/1e4, 10)
			if f := n % 1e4; f != 0 {
				var frac [5]byte
				frac[0] = '.'
				for i := 4; i >= 1; i-- {
					frac[i] = byte('0' + f%10)
					f /= 10
				}
				end := 5
				for frac[end-1] == '0' {
					end--
				}
				b = append(b, frac[:end]...)
			}
			return b
		}
	}
	switch {
	case math.IsNaN(x):
		return append(b, "NaN"...)
	case math.IsInf(x, 1):
		return append(b, "+∞"...)
	case math.IsInf(x, -1):
		return append(b, "−∞"...)
	}
	s := strconv.FormatFloat(x, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return append(b, s...)
}

// fmtPercent prints a ratio as a percentage with 2 decimals (59.93%).
func fmtPercent(x float64) string { return string(appendPercent(nil, x)) }

func appendPercent(b []byte, x float64) []byte {
	r := indicators.Round2(x * 100)
	if c := r * 100; c < 1<<50 && c > -(1<<50) && !(r == 0 && math.Signbit(r)) {
		if k := math.Round(c); k/100 == r {
			n := int64(k)
			if n < 0 {
				b = append(b, '-')
				n = -n
			}
			b = strconv.AppendInt(b, n/100, 10)
			f := n % 100
			return append(b, '.', byte('0'+f/10), byte('0'+f%10), '%')
		}
	}
	b = strconv.AppendFloat(b, r, 'f', 2, 64)
	return append(b, '%')
}

// Intermediates of an explanation (a value, a target, raw points) are
// shown by appendExact: the number itself when it has at most 4 decimals,
// else 6 significant digits (never fewer than 4 decimals). Every later
// step is computed from the exact value, and a reader redoing the shown
// arithmetic (0.369031 × 100 = 36.9031) lands on what is shown; rounding
// them to 4 decimals gave 0.369 × 100 = 36.9031. Only the points are
// rounded, once, at the end (ROUND(…, 2)).
func fmtExact(x float64) string { return string(appendExact(nil, x)) }

func appendExact(b []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Round(x*1e4)/1e4 == x {
		return appendNum4(b, x)
	}
	digits := 1
	for a := math.Abs(x); a >= 10 && digits < 308; a /= 10 {
		digits++
	}
	dec := max(4, 6-digits)
	if math.Abs(x) < 1 {
		// 0.00123456: six significant digits start after the zeros.
		dec = max(4, 5-int(math.Floor(math.Log10(math.Abs(x)))))
		dec = min(dec, 12)
	}
	t := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.Contains(t, ".") {
		t = strings.TrimRight(t, "0")
		t = strings.TrimSuffix(t, ".")
	}
	if t == "-0" {
		t = "0"
	}
	return append(b, t...)
}

// Rate kinds: how an indicator's value and target read.
const (
	rateNone   = iota // a number (万元, 人, 次)
	rateShare         // a ratio of like quantities, shown ×100 with %
	ratePoints        // an input in %, already in percentage points
)

func (ci *compiledIndicator) rateKind() int {
	switch {
	case ci.percent:
		return rateShare
	case ci.pctPoints:
		return ratePoints
	}
	return rateNone
}

// appendRate appends x as its kind reads (0.945213 → 94.5213%, 94.52 of
// an input in % → 94.52%), exact as appendExact.
func appendRate(b []byte, x float64, kind int) []byte {
	switch kind {
	case rateShare:
		return appendPct(b, x*100)
	case ratePoints:
		return appendPct(b, x)
	}
	return appendExact(b, x)
}

// appendPct appends y percent: with 2 decimals as percentages are written
// (86.20%) when that is exact, else with appendExact's digits (59.9321%).
func appendPct(b []byte, y float64) []byte {
	// y carries the float's error (0.9452 × 100 = 94.52000000000001, a
	// workbook's 76.60% read as 0.766 × 100): 12 significant digits are
	// what it holds of a decimal, and drop it.
	if c, err := strconv.ParseFloat(strconv.FormatFloat(y, 'g', 12, 64), 64); err == nil {
		y = c
	}
	if math.Abs(y) >= 1<<50 {
		// Whole at this size: no decimals to round.
		return append(strconv.AppendFloat(b, y, 'f', 2, 64), '%')
	}
	if math.Round(y*100)/100 == y {
		return appendPercent(b, y/100)
	}
	return append(appendExact(b, y), '%')
}

func fmtRate(x float64, kind int) string { return string(appendRate(nil, x, kind)) }

// render prints a formula with every input replaced by its label and the
// unit's value ("全年执行数 153.51 ÷ 全年预算数 256.14"). Sub-expressions
// found in known print as the value recorded for them instead. It is
// appendRender with known values, for the steps of a trace (steps.go).
func (p *Program) render(n ast.Node, s *scratch, outer int, known map[ast.Node]string) string {
	if v, ok := known[n]; ok {
		if strings.HasPrefix(v, "-") && outer > 0 {
			return "(" + v + ")"
		}
		return v
	}
	switch n := n.(type) {
	case *ast.IdentifierNode:
		switch n.Value {
		case "value":
			return fmtExact(s.value())
		case "weight":
			return fmtNum(s.weight())
		}
		i := p.rs.InputIndex(n.Value)
		if i < 0 {
			return n.Value
		}
		in := p.rs.Inputs[i]
		label := in.Label
		if label == "" {
			label = in.ID
		}
		if p.isTier[i] {
			return label + " " + s.tiers[i]
		}
		return label + " " + fmtExact(s.in[i])
	case *ast.IntegerNode:
		return strconv.Itoa(n.Value)
	case *ast.FloatNode:
		return fmtExact(n.Value)
	case *ast.UnaryNode:
		op := n.Operator
		if op == "not" {
			op = "非 "
		}
		return op + p.render(n.Node, s, 7, known)
	case *ast.BinaryNode:
		prec := precedence(n.Operator)
		op := opDisplay(n.Operator)
		out := p.render(n.Left, s, prec, known) + " " + op + " " + p.render(n.Right, s, prec+1, known)
		if prec < outer {
			return "(" + out + ")"
		}
		return out
	case *ast.BuiltinNode:
		args := make([]string, len(n.Arguments))
		for i, a := range n.Arguments {
			args[i] = p.render(a, s, 0, known)
		}
		return n.Name + "(" + strings.Join(args, ", ") + ")"
	case *ast.ConditionalNode:
		out := p.render(n.Cond, s, 1, known) + " ? " + p.render(n.Exp1, s, 1, known) + " : " + p.render(n.Exp2, s, 1, known)
		if outer > 0 {
			return "(" + out + ")"
		}
		return out
	}
	return n.String()
}
