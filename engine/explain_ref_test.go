// This is the explanation writer jixiao had before the append-based one
// (explain.go): the tests hold the new one to it, string for string.

package engine

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/ast"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Explanations are built only when asked for (the Explain option), after
// the indicator is scored, from the values the scoring recorded: the plain
// scoring path formats no strings.

// explain writes ir.Explain: the formula with the unit's numbers, the
// target or band that applied, the rule and the points, and, below full
// marks, the deviation and the unit's own reason.
func (p *Program) refExplain(s *scratch, ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) {
	def := ci.def
	var b strings.Builder
	w := refFmtNum(def.Weight)
	switch ir.Status {
	case indicators.StatusNA:
		fmt.Fprintf(&b, "%s：%s 不适用，不计分，总分按适用指标的分值折算为百分制", def.Label, p.refLabels(ir.NA))
		ir.Explain = b.String()
		return
	case indicators.StatusMissing:
		fmt.Fprintf(&b, "%s：缺少 %s，记 0 分（满分 %s）", def.Label, p.refLabels(ir.Missing), w)
		ir.Explain = b.String()
		return
	}
	pv := func(x float64) string { return refFmtValue(x, ci.rateKind()) }
	if ci.value != nil && def.Form != indicators.FormTiers {
		fmt.Fprintf(&b, "%s = %s", def.Label, p.refRender(ci.value.node, s, 0))
		if _, ok := ci.value.node.(*ast.IdentifierNode); !ok {
			if ir.HasValue {
				b.WriteString(" = " + pv(ir.Value))
			} else if v, err := ci.value.float(s); err == nil {
				b.WriteString(" = " + refFmtExact(v))
			}
		}
	} else {
		b.WriteString(def.Label)
	}
	if ir.Status == indicators.StatusError {
		var se *scoreError
		what := ""
		if errors.As(ir.Err, &se) && se.what != msg.EngPartValue {
			what = se.part(msg.Printer{Lang: msg.ZH}) + " "
		}
		reason := "结果不是有限数"
		if ir.Err != nil && strings.Contains(ir.Err.Error(), "NaN") {
			reason = "0 ÷ 0，结果无意义"
		} else if ir.Err != nil && strings.Contains(ir.Err.Error(), "Inf") {
			reason = "除以零"
		} else if ir.Err != nil && !errors.Is(ir.Err, errNotFinite) {
			reason = ir.Err.Error()
		}
		fmt.Fprintf(&b, "，%s无法计算（%s），记 0 分（满分 %s）", what, reason, w)
		ir.Explain = b.String()
		return
	}
	pts := refFmtNum(ir.Points)
	switch def.Form {
	case indicators.FormTarget:
		op := map[string]string{">=": "≥", "<=": "≤", "=": "="}[def.Target.Op]
		fmt.Fprintf(&b, "，目标 %s %s", op, pv(ir.Target))
		if _, lit := refIsLiteral(ci.target.node); !lit {
			fmt.Fprintf(&b, "（%s）", p.refRender(ci.target.node, s, 0))
		}
		v, t := pv(ir.Value), pv(ir.Target)
		switch ir.Rule {
		case indicators.RuleMet:
			fmt.Fprintf(&b, "，已达到目标，得满分 %s", w)
		case indicators.RuleProportional:
			if ir.Target == 1 {
				fmt.Fprintf(&b, "，未完成，按比例计分 %s × %s = %s", w, v, pts)
			} else {
				fmt.Fprintf(&b, "，未完成，按比例计分 %s × %s ÷ %s = %s", w, v, t, pts)
			}
		case indicators.RuleReverseLinear:
			fmt.Fprintf(&b, "，超出目标，按超出比例扣分 %s × (1 − (%s − %s) ÷ %s) = %s", w, v, t, t, pts)
		case indicators.RuleReverseRatio:
			fmt.Fprintf(&b, "，超出目标，按目标与实际之比计分 %s × %s ÷ %s = %s", w, t, v, pts)
		case indicators.RuleZero:
			if def.Target.Op == "<=" {
				fmt.Fprintf(&b, "，达到目标的 2 倍或以上，得 0 分")
			} else {
				fmt.Fprintf(&b, "，未达到目标，得 0 分")
			}
		}
		if refHasFlag(ir.Flags, indicators.FlagOvershoot) {
			b.WriteString("；超过目标 20% 以上，需说明偏离原因（偏离度）")
		}
	case indicators.FormBands:
		if ir.Band == 0 {
			fmt.Fprintf(&b, "，不符合任何一档，得 0 分")
			break
		}
		band := def.Bands[ir.Band-1]
		cb := ci.bands[ir.Band-1]
		if band.Else {
			fmt.Fprintf(&b, "，不符合以上各档，按其余情形")
		} else {
			fmt.Fprintf(&b, "，符合第 %d 档（%s）", ir.Band, refDisplayFormula(band.When.Src))
		}
		frac, _ := cb.score.float(s)
		if _, lit := refIsLiteral(cb.score.node); lit {
			fmt.Fprintf(&b, "，得分比例 %s，%s × %s = %s", refFmtExact(frac), w, refFmtExact(frac), pts)
		} else {
			fmt.Fprintf(&b, "，得分比例 %s = %s，%s × %s = %s", p.refRender(cb.score.node, s, 0), refFmtExact(frac), w, refFmtExact(frac), pts)
		}
		p.refClampNote(&b, frac*def.Weight, def.Weight)
	case indicators.FormTiers:
		fmt.Fprintf(&b, "：评价档次 %s（%s）", ir.Tier, indicators.TierName(ir.Tier[0]))
		fmt.Fprintf(&b, "，按 %s 计分，%s × %s = %s", refFmtPercent(ir.Value), w, refFmtPercent(ir.Value), pts)
	case indicators.FormDeduct:
		fmt.Fprintf(&b, "：扣分次数 ")
		if _, ok := ci.count.node.(*ast.IdentifierNode); ok {
			b.WriteString(p.refRender(ci.count.node, s, 0))
		} else {
			fmt.Fprintf(&b, "%s = %s", p.refRender(ci.count.node, s, 0), refFmtExact(ir.Value))
		}
		raw := def.Weight - def.Deduct.Points*ir.Value
		fmt.Fprintf(&b, "，每次扣 %s 分，%s − %s × %s = %s", refFmtNum(def.Deduct.Points), w, refFmtNum(def.Deduct.Points), refFmtExact(ir.Value), refFmtExact(raw))
		p.refClampNote(&b, raw, def.Weight)
		fmt.Fprintf(&b, "，得 %s 分", pts)
	case indicators.FormScore:
		raw, _ := ci.score.float(s)
		fmt.Fprintf(&b, "；得分 = %s = %s", p.refRender(ci.score.node, s, 0), refFmtExact(raw))
		p.refClampNote(&b, raw, def.Weight)
		fmt.Fprintf(&b, "，得 %s 分", pts)
	}
	if ir.Points < def.Weight && !(def.Form == indicators.FormTiers && strings.HasPrefix(ir.Tier, "A")) {
		fmt.Fprintf(&b, "；扣 %s 分", refFmtNum(indicators.Round2(def.Weight-ir.Points)))
		if ir.Reason != "" {
			fmt.Fprintf(&b, "，单位说明：%s", ir.Reason)
		} else {
			b.WriteString("，应说明偏差原因")
		}
	}
	ir.Explain = b.String()
}

func (p *Program) refClampNote(b *strings.Builder, raw, weight float64) {
	switch {
	case raw > weight:
		fmt.Fprintf(b, "，超过分值按 %s 计", refFmtNum(weight))
	case raw < 0:
		b.WriteString("，低于 0 按 0 计")
	}
}

func refHasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// labels joins the Chinese labels of input ids.
func (p *Program) refLabels(ids []string) string {
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

func refIsLiteral(n ast.Node) (float64, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return float64(n.Value), true
	case *ast.FloatNode:
		return n.Value, true
	}
	return 0, false
}

// Operator precedence for rendering, after expr's parser.
func refPrecedence(op string) int {
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

var refOpDisplay = map[string]string{
	"*": "×", "/": "÷", ">=": "≥", "<=": "≤", "!=": "≠", "&&": "且", "and": "且", "||": "或", "or": "或",
}

// render prints a formula with every input replaced by its label and the
// unit's value ("全年执行数 153.51 ÷ 全年预算数 256.14").
func (p *Program) refRender(n ast.Node, s *scratch, outer int) string {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		switch n.Value {
		case "value":
			return refFmtExact(s.value())
		case "weight":
			return refFmtNum(s.weight())
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
		return label + " " + refFmtExact(s.in[i])
	case *ast.IntegerNode:
		return strconv.Itoa(n.Value)
	case *ast.FloatNode:
		return refFmtExact(n.Value)
	case *ast.UnaryNode:
		op := n.Operator
		if op == "not" {
			op = "非 "
		}
		return op + p.refRender(n.Node, s, 7)
	case *ast.BinaryNode:
		prec := refPrecedence(n.Operator)
		op := n.Operator
		if d, ok := refOpDisplay[op]; ok {
			op = d
		}
		out := p.refRender(n.Left, s, prec) + " " + op + " " + p.refRender(n.Right, s, prec+1)
		if prec < outer {
			return "(" + out + ")"
		}
		return out
	case *ast.BuiltinNode:
		args := make([]string, len(n.Arguments))
		for i, a := range n.Arguments {
			args[i] = p.refRender(a, s, 0)
		}
		return n.Name + "(" + strings.Join(args, ", ") + ")"
	case *ast.ConditionalNode:
		out := p.refRender(n.Cond, s, 1) + " ? " + p.refRender(n.Exp1, s, 1) + " : " + p.refRender(n.Exp2, s, 1)
		if outer > 0 {
			return "(" + out + ")"
		}
		return out
	}
	return n.String()
}

// displayFormula prints formula source with the operators a reader of
// Chinese reports expects.
func refDisplayFormula(src string) string {
	r := strings.NewReplacer(">=", "≥", "<=", "≤", "!=", "≠", "*", "×", "/", "÷")
	return r.Replace(src)
}

// fmtNum prints a number with at most 4 decimals and no trailing zeros.
func refFmtNum(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+∞"
	case math.IsInf(x, -1):
		return "−∞"
	}
	s := strconv.FormatFloat(x, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// fmtPercent prints a ratio as a percentage with 2 decimals (59.93%).
func refFmtPercent(x float64) string {
	return strconv.FormatFloat(indicators.Round2(x*100), 'f', 2, 64) + "%"
}

func refFmtValue(x float64, kind int) string {
	// Two decimals when they are the whole number (86.20%), else exact.
	pct := func(y float64) string {
		y, _ = strconv.ParseFloat(strconv.FormatFloat(y, 'g', 12, 64), 64)
		if short := strconv.FormatFloat(y, 'f', -1, 64); !strings.Contains(short, ".") || len(short)-strings.Index(short, ".")-1 <= 2 {
			return strconv.FormatFloat(y, 'f', 2, 64) + "%"
		}
		return refFmtExact(y) + "%"
	}
	switch kind {
	case rateShare:
		return pct(x * 100)
	case ratePoints:
		return pct(x)
	}
	return refFmtExact(x)
}

// refFmtExact: the number when it has at most 4 decimals, else 6
// significant digits, never fewer than 4 decimals.
func refFmtExact(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return refFmtNum(x)
	}
	if short := strconv.FormatFloat(x, 'f', -1, 64); !strings.Contains(short, ".") || len(short)-strings.Index(short, ".")-1 <= 4 {
		return refFmtNum(x)
	}
	e := int(math.Floor(math.Log10(math.Abs(x))))
	s := strconv.FormatFloat(x, 'f', min(max(4, 5-e), 12), 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
