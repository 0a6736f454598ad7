package report

import (
	"math"
	"strings"

	"github.com/jixiao/jixiao/engine"
)

// groupedOrder is the order of the 自评表's indicator rows: by 一级指标,
// then by 二级指标 within it, each in the order it first appears in the
// ruleset, and the indicators of one 二级指标 in ruleset order, so that a
// ruleset listing 产出, 过程, 产出 still gives one 产出 block whose cells
// merge as the 财预〔2020〕10号 table's do. skip (the budget-execution
// indicator, which has its own row above) is left out.
func groupedOrder(irs []engine.IndicatorResult, skip int) []int {
	level := func(ir *engine.IndicatorResult, n int) string {
		if len(ir.Group) > n {
			return ir.Group[n]
		}
		return ""
	}
	var l1s []string
	l2s := map[string][]string{}
	rows := map[[2]string][]int{}
	for i := range irs {
		if i == skip {
			continue
		}
		k := [2]string{level(&irs[i], 0), level(&irs[i], 1)}
		if _, ok := l2s[k[0]]; !ok {
			l1s = append(l1s, k[0])
		}
		if _, ok := rows[k]; !ok {
			l2s[k[0]] = append(l2s[k[0]], k[1])
		}
		rows[k] = append(rows[k], i)
	}
	var out []int
	for _, l1 := range l1s {
		for _, l2 := range l2s[l1] {
			out = append(out, rows[[2]string{l1, l2}]...)
		}
	}
	return out
}

// forPeople is a reported value as the 自评表 stores it: rounded as
// people write it, so that the cell holds 416.67, not 416.666666666666
// that Excel's formula bar would show. Shares (shown as percent) keep two
// decimals of the percent (94.52 %); other values two decimals, or four
// below 1, where two would round a small value to 0.
func forPeople(x float64, percent bool) float64 {
	switch {
	case percent:
		return math.Round(x*1e4) / 1e4
	case math.Abs(x) >= 1:
		return math.Round(x*100) / 100
	}
	return math.Round(x*1e4) / 1e4
}

// percentInput tells whether indicator i's value is one input reported in
// percent (满意度 94.52 of unit %): the 自评表 shows it with its % sign,
// as the value is in percent points, not a share.
func percentInput(m Meta, i int) bool {
	src := strings.TrimSpace(m.Indicators[i].Value.Src)
	for _, in := range m.Inputs {
		if in.ID == src {
			return in.Unit == "%"
		}
	}
	return false
}
