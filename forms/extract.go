package forms

import (
	"encoding/csv"
	"io"

	"github.com/jixiao/jixiao/indicators"
)

// WriteCSV writes what was read from forms as a data file that jixiao eval
// and jixiao review -r read: UTF-8 with a byte-order mark (for Excel), one
// row per form, columns unit, name, 全年预算数 and 全年执行数 (from the
// 资金 block's total row), then for every 三级指标 in the order first met
// its 实际完成值 (headed by the label, which names the ruleset input of
// that label), claimed.<label> and reason.<label>, and last claimed.score
// and claimed.grade. A 实际完成值 is written as the data readers take it: a
// percent as 98%, another figure as a plain number, a tier as its letter
// (A, or A:0.95), 不适用, or blank.
func WriteCSV(w io.Writer, forms []*Form) error {
	var labels []string
	seen := map[string]bool{}
	funds := false
	for _, f := range forms {
		if f.totalFund() >= 0 {
			funds = true
		}
		for i := range f.Rows {
			if l := f.Rows[i].ID(); !f.Rows[i].Funds && !seen[l] {
				seen[l] = true
				labels = append(labels, l)
			}
		}
	}
	header := []string{"unit", "name"}
	if funds {
		header = append(header, "全年预算数", "全年执行数", "claimed."+FundLabel)
	}
	for _, l := range labels {
		header = append(header, l, "claimed."+l, "reason."+l)
	}
	header = append(header, "claimed.score", "claimed.grade")
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for _, f := range forms {
		clear(rec)
		rec[0], rec[1] = f.Unit, f.Name
		k := 2
		if funds {
			if t := f.totalFund(); t >= 0 {
				rec[2], rec[3] = numText(f.Funds[t].Budget), numText(f.Funds[t].Spent)
				rec[4] = numText(f.Funds[t].Claimed)
			}
			k = 5
		}
		col := map[string]int{}
		for i, l := range labels {
			col[l] = k + 3*i
		}
		for i := range f.Rows {
			r := &f.Rows[i]
			if r.Funds {
				continue
			}
			c := col[r.ID()]
			rec[c], rec[c+1], rec[c+2] = actualText(r), numText(r.Claimed), r.Reason.Text
		}
		rec[len(rec)-2] = numText(f.Total)
		if f.Grade != nil {
			rec[len(rec)-1] = f.Grade.Text
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err // the caller names the file written
	}
	return nil
}

func numText(n *Number) string {
	if n == nil {
		return ""
	}
	return fmtNum(n.V)
}

func actualText(r *Row) string {
	v := r.Actual
	switch v.Kind {
	case indicators.Number:
		if r.Target.Unit == "%" {
			return fmtNum(v.Num*100) + "%"
		}
		return fmtNum(v.Num)
	case indicators.NA:
		return "不适用"
	case indicators.Tier:
		return v.String()
	}
	return ""
}
