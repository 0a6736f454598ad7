package engine

import "github.com/expr-lang/expr/ast"

// Describe tells reports how compiled indicator i (an index into
// Ruleset.Indicators) reads its data, so that they need not parse formulas.
func (p *Program) Describe(i int) IndicatorInfo {
	ci := &p.inds[i]
	info := IndicatorInfo{Percent: ci.percent}
	for _, r := range ci.reads {
		info.Reads = append(info.Reads, p.rs.Inputs[r].ID)
	}
	if ci.value != nil {
		if b, ok := ci.value.node.(*ast.BinaryNode); ok && b.Operator == "/" {
			num, ok1 := b.Left.(*ast.IdentifierNode)
			den, ok2 := b.Right.(*ast.IdentifierNode)
			if ok1 && ok2 && p.rs.InputIndex(num.Value) >= 0 && p.rs.InputIndex(den.Value) >= 0 {
				info.Numerator, info.Denominator = num.Value, den.Value
			}
		}
	}
	return info
}

// IndicatorInfo is what Describe tells about one indicator.
type IndicatorInfo struct {
	// Reads lists the ids of the inputs its formulas read, in input order.
	Reads []string
	// Percent is set when its value is a ratio, best shown as a percentage.
	Percent bool
	// Numerator and Denominator are the input ids of a value that is the
	// plain ratio of two inputs (spent / budget); empty otherwise.
	Numerator, Denominator string
}
