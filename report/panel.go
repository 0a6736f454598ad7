package report

import (
	"fmt"
	"html"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/record"
)

// The 专家评分汇总 (expert panel summary) of 重点绩效评价 reports, in the
// 附件 layout: per unit, 指标 | 分值 | 专家1…n | 评价得分, a row per panel
// indicator. It holds each rated unit's few numbers until the end (panel
// data is a few hundred projects, not a million units).

// SheetPanel is the workbook sheet of the panel summary.
const SheetPanel = "专家评分汇总"

// panelBlock is one unit's block of the summary.
type panelBlock struct {
	unit, name string
	raters     []string
	rows       []panelRow
}

type panelRow struct {
	label  string
	weight float64
	points map[string]float64 // by rater
	score  float64
	status string
}

type panelBlocks []panelBlock

// add keeps the panel indicators of a scored unit, if it has any.
func (p *panelBlocks) add(u *engine.UnitResult, m *Meta) {
	var b panelBlock
	seen := map[string]bool{}
	for k := range u.Indicators {
		if k >= len(m.Indicators) || m.Indicators[k].Form != indicators.FormPanel {
			continue
		}
		ir := &u.Indicators[k]
		r := panelRow{label: ir.Label, weight: ir.Weight, points: map[string]float64{}, score: ir.Points, status: ir.Status}
		for _, rt := range ir.Ratings {
			r.points[rt.Rater] = rt.Points
			if !seen[rt.Rater] {
				seen[rt.Rater] = true
				b.raters = append(b.raters, rt.Rater)
			}
		}
		b.rows = append(b.rows, r)
	}
	if len(b.rows) == 0 {
		return
	}
	b.unit, b.name = u.Unit, u.Name
	*p = append(*p, b)
}

// sheet writes the summary sheet, when a unit had panel indicators.
func (p panelBlocks) sheet(f *excelize.File, st *styles) error {
	if len(p) == 0 {
		return nil
	}
	if _, err := f.NewSheet(SheetPanel); err != nil {
		return err
	}
	head := st.id(styleKey{bold: true, fill: "D9E1F2", align: "center", border: true})
	text := st.id(styleKey{border: true})
	pts := st.id(styleKey{numFmt: fmtPoints, border: true})
	bold := st.id(styleKey{bold: true})
	row := 1
	set := func(col int, v any, style int) error {
		c := cellName(col, row)
		if err := f.SetCellValue(SheetPanel, c, v); err != nil {
			return err
		}
		return f.SetCellStyle(SheetPanel, c, c, style)
	}
	if err := f.SetColWidth(SheetPanel, "A", "A", 28); err != nil {
		return err
	}
	for _, b := range p {
		if err := set(1, fmt.Sprintf("%s %s", b.unit, b.name), bold); err != nil {
			return err
		}
		row++
		hdr := append([]string{"指标", "分值"}, b.raters...)
		hdr = append(hdr, "评价得分")
		for i, h := range hdr {
			if err := set(i+1, h, head); err != nil {
				return err
			}
		}
		row++
		var wsum, ssum float64
		for _, r := range b.rows {
			if err := set(1, r.label, text); err != nil {
				return err
			}
			if err := set(2, r.weight, pts); err != nil {
				return err
			}
			for i, rt := range b.raters {
				var v any = ""
				if x, ok := r.points[rt]; ok {
					v = x
				}
				if err := set(3+i, v, pts); err != nil {
					return err
				}
			}
			var score any = r.score
			if r.status != indicators.StatusOK {
				score = statusWord(r.status)
			}
			if err := set(3+len(b.raters), score, pts); err != nil {
				return err
			}
			wsum += r.weight
			ssum += r.score
			row++
		}
		if err := set(1, "合计", head); err != nil {
			return err
		}
		if err := set(2, indicators.Round2(wsum), pts); err != nil {
			return err
		}
		if err := set(3+len(b.raters), indicators.Round2(ssum), pts); err != nil {
			return err
		}
		row += 2
	}
	return nil
}

// statusWord names a status that is not ok in the summary's score cell.
func statusWord(status string) string {
	switch status {
	case indicators.StatusNA:
		return "不适用"
	case indicators.StatusMissing:
		return "缺失"
	}
	return "无法计算"
}

// codeRatings writes or reads a panel indicator's ratings in a lean
// record.
func codeRatings(c *record.Codec, ir *engine.IndicatorResult) {
	n := c.Count(len(ir.Ratings))
	if c.Read {
		ir.Ratings = ir.Ratings[:0]
	}
	for i := 0; i < n; i++ {
		if c.Read {
			ir.Ratings = append(ir.Ratings, indicators.Rating{})
		}
		c.Str(&ir.Ratings[i].Rater)
		c.Num(&ir.Ratings[i].Points)
	}
}

// html writes the summary as a section of the html page.
func (p panelBlocks) html() []byte {
	var b strings.Builder
	b.WriteString("\n<h2>" + SheetPanel + "</h2>\n")
	for _, bl := range p {
		fmt.Fprintf(&b, "<h3>%s %s</h3>\n<table class=\"panel\">\n<thead><tr><th>指标</th><th>分值</th>", html.EscapeString(bl.unit), html.EscapeString(bl.name))
		for _, r := range bl.raters {
			fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(r))
		}
		b.WriteString("<th>评价得分</th></tr></thead>\n<tbody>\n")
		var wsum, ssum float64
		for _, r := range bl.rows {
			fmt.Fprintf(&b, "<tr><td>%s</td><td class=\"num\">%s</td>", html.EscapeString(r.label), Num(r.weight))
			for _, rt := range bl.raters {
				v := ""
				if x, ok := r.points[rt]; ok {
					v = Num(x)
				}
				fmt.Fprintf(&b, "<td class=\"num\">%s</td>", v)
			}
			score := Num(r.score)
			if r.status != indicators.StatusOK {
				score = statusWord(r.status)
			}
			fmt.Fprintf(&b, "<td class=\"num\">%s</td></tr>\n", score)
			wsum += r.weight
			ssum += r.score
		}
		fmt.Fprintf(&b, "<tr><td>合计</td><td class=\"num\">%s</td>%s<td class=\"num\">%s</td></tr>\n</tbody>\n</table>\n",
			Num(indicators.Round2(wsum)), strings.Repeat("<td></td>", len(bl.raters)), Num(indicators.Round2(ssum)))
	}
	return []byte(b.String())
}
