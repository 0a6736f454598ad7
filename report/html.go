package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/spill"
)

// htmlWriter writes one self-contained printable page: the comparison table
// (indicators under their 一级指标, with subtotals, total, grade and rank),
// an inline SVG chart of the grade distribution, the per-indicator
// statistics, each unit's explanations folded in <details>, the units and
// checks that failed, and the provenance in the footer. No script, font or
// style is loaded from elsewhere; print CSS lays it out on A4 landscape
// and a small inline script unfolds every <details> before printing.
//
// The chart and the statistics come first on the page but need every
// unit, so the parts drawn unit by unit (the table rows, the sections of
// explanations, the failures) are rendered as the units come into spools,
// and copied in at the end (html.tmpl's parts).
type htmlWriter struct {
	w       io.Writer
	o       Options
	m       Meta
	l       Layout
	marks   marksSeen
	rows    *spill.Spill // the rows of the comparison table
	units   *spill.Spill // 各单位评分说明, a <details> per scored unit
	failed  *spill.Spill // 未能评分的单位
	checks  *spill.Spill // 未通过的检查, an item per scored unit with failed checks
	nrows   int
	nfailed int
	nchecks int
	claims  bool        // a cell shows a departing claim (8.62/9)
	panel   panelBlocks // the 专家评分汇总
}

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"num":     Num,
	"outcome": OutcomeText,
	"percent": Percent,
	"why":     explainWithReason,
	"err":     errorLine,
	"gradeClass": func(grades []indicators.Grade, label string) string {
		return fmt.Sprintf("g%d", min(gradeIndex(grades, label), 4))
	},
	"failedChecks": failedChecks,
	"checkText":    checkText,
	"status": func(ir *engine.IndicatorResult) string {
		if mk, ok := MarkOf(ir); ok {
			return mk.Class
		}
		return ""
	},
}).Parse(htmlSource))

// htmlRow is one unit's row of the comparison table.
type htmlRow struct {
	Rank        int
	Unit, Name  string
	Cells       []htmlCell
	Score       string
	Grade       string
	GradeClass  string
	Claims      bool // the table has the claimed columns
	CheckColumn bool // the table has the 校验 column
	ClaimScore  string
	ClaimGrade  string
	HasFindings bool
	// Check is the 校验 cell: 未通过 with the checks in its tooltip, or
	// empty text for a unit that passed.
	Check htmlCell
	// Rules are the 总分调整 and 结果应用 cells (rulesCells).
	Rules []string
}

// htmlUnit is a scored unit's section of explanations.
type htmlUnit struct {
	*engine.UnitResult
	Grades []indicators.Grade
}

// htmlCell is one scored cell: its text, CSS class and tooltip.
type htmlCell struct {
	Text, Class, Title string
}

func newHTML(o Options, m Meta) Rows {
	return &drawRows{d: &htmlWriter{o: o, marks: marksSeen{}, rows: spill.New(spoolMem), units: spill.New(spoolMem),
		failed: spill.New(spoolMem), checks: spill.New(spoolMem)}, m: m}
}

func (h *htmlWriter) begin(w io.Writer, m Meta) error {
	h.w, h.m = w, m
	h.l = NewLayout(m, h.o)
	return nil
}

func (h *htmlWriter) unit(u *engine.UnitResult) error {
	if u.Failed() {
		h.nfailed++
		return htmlTemplate.ExecuteTemplate(h.failed, "failed", u)
	}
	h.panel.add(u, &h.m)
	if h.o.Explain {
		if err := htmlTemplate.ExecuteTemplate(h.units, "unit", htmlUnit{u, h.m.Grades}); err != nil {
			return err
		}
	}
	r := htmlRow{Rank: u.Rank, Unit: u.Unit, Name: u.Name, Score: Num(u.Score), Grade: u.Grade,
		GradeClass: fmt.Sprintf("g%d", min(gradeIndex(h.m.Grades, u.Grade), 4)), Claims: h.m.HasClaims,
		CheckColumn: h.m.HasFailedChecks, ClaimScore: claimedScore(u), ClaimGrade: claimedGrade(u), HasFindings: len(u.Review) > 0,
		Rules: rulesCells(h.m, u, false)}
	if u.FailedChecks() > 0 {
		r.Check = htmlCell{Text: MarkCheck.Sym, Class: MarkCheck.Class, Title: checksText(u)}
		h.marks.addMark(MarkCheck, true)
		h.nchecks++
		if err := htmlTemplate.ExecuteTemplate(h.checks, "check", u); err != nil {
			return err
		}
	}
	for _, c := range h.l.Columns {
		pts, ir := h.l.Points(u, c)
		mk, marked := h.l.Mark(u, c)
		h.marks.addMark(mk, marked)
		cell := htmlCell{Text: MarkText(pts, mk, marked)}
		switch {
		case c.Subtotal() && marked:
			cell.Class = "sub " + mk.Class
			cell.Title = mk.Legend
		case c.Subtotal():
			cell.Class = "sub"
		case marked:
			cell.Class = mk.Class
			cell.Title = mk.Legend
		}
		if ir != nil {
			if cl, ok := claimCell(ir); ok {
				cell.Text += cl
				cell.Title = legendClaim
				h.claims = true
			}
		}
		r.Cells = append(r.Cells, cell)
	}
	h.nrows++
	return htmlTemplate.ExecuteTemplate(h.rows, "row", r)
}

// htmlHead is a header cell of the comparison table.
type htmlHead struct {
	Text, Sub, Class string
	Span             int
}

// htmlBar is one bar of the grade chart.
type htmlBar struct {
	Label, Class, Range string
	Units               int
	Share               string
	Y, Width            int
}

// Chart geometry, in SVG user units.
const (
	chartBarMax = 360
	chartBarH   = 26
	chartGap    = 10
	chartLeft   = 80
)

func (h *htmlWriter) end(s engine.Summary) error {
	defer h.rows.Close()
	defer h.units.Close()
	defer h.failed.Close()
	defer h.checks.Close()
	var groupsRow, labelsRow []htmlHead
	for k, c := range h.l.Columns {
		g := h.l.Groups[c.Group]
		if h.o.Groups {
			labelsRow = append(labelsRow, htmlHead{Text: g.Name, Sub: Num(g.Weight) + "分", Class: "sub"})
			continue
		}
		if k == 0 || h.l.Columns[k-1].Group != c.Group {
			groupsRow = append(groupsRow, htmlHead{Text: g.Name, Sub: Num(g.Weight) + "分", Class: "grp"})
		}
		groupsRow[len(groupsRow)-1].Span++
		if c.Subtotal() {
			labelsRow = append(labelsRow, htmlHead{Text: "小计", Class: "sub"})
		} else {
			labelsRow = append(labelsRow, htmlHead{Text: c.Label, Sub: Num(c.Weight) + "分", Class: "ind"})
		}
	}
	stats := columnStats(h.l, s)
	var means []string
	for _, st := range stats {
		means = append(means, Num(st.Mean))
	}
	scored := s.Units - s.Errors
	var bars []htmlBar
	most := 1
	for _, g := range s.Grades {
		most = max(most, g.Units)
	}
	for i, g := range s.Grades {
		share := 0.0
		if scored > 0 {
			share = float64(g.Units) / float64(scored)
		}
		bars = append(bars, htmlBar{Label: g.Label, Class: fmt.Sprintf("g%d", min(i, 4)), Units: g.Units,
			Share: Percent(share), Range: gradeRange(h.m.Grades, i),
			Y: i * (chartBarH + chartGap), Width: g.Units * chartBarMax / most})
	}
	var statRows []htmlStat
	for k, st := range stats {
		sub := k >= len(h.l.Columns) || h.l.Columns[k].Subtotal()
		statRows = append(statRows, htmlStat{Stat: st, FullShare: fullShare(st), Sub: sub})
	}
	summary := summaryLine(s, h.m.Population)
	data := map[string]any{
		"Title":      title(h.m),
		"Meta":       h.m,
		"Summary":    summary,
		"Groups":     groupsRow,
		"Labels":     labelsRow,
		"NRows":      h.nrows,
		"Means":      means,
		"MeanScore":  means[len(means)-1],
		"Means1":     means[:len(means)-1],
		"Bars":       bars,
		"ChartH":     len(bars)*(chartBarH+chartGap) - chartGap,
		"ChartLeft":  chartLeft,
		"BarH":       chartBarH,
		"BarMax":     chartBarMax,
		"Stats":      statRows,
		"Legend":     h.legend(),
		"Failed":     h.nfailed > 0,
		"Explain":    h.o.Explain,
		"Provenance": Provenance(h.m),
		"GroupsOnly": h.o.Groups,
	}
	// The parts of html.tmpl and the spills, in page order.
	parts := []any{"top", h.rows, "middle", h.units}
	if len(h.panel) > 0 {
		parts = append(parts, h.panel.html())
	}
	if h.nfailed > 0 {
		parts = append(parts, "failedHead", h.failed, "listEnd")
	}
	if h.nchecks > 0 {
		parts = append(parts, "checksHead", h.checks, "listEnd")
	}
	for _, p := range append(parts, "bottom") {
		var err error
		switch p := p.(type) {
		case string:
			err = htmlTemplate.ExecuteTemplate(h.w, p, data)
		case *spill.Spill:
			err = writeOut(h.w, p)
		case []byte:
			_, err = h.w.Write(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// htmlStat is one row of the statistics table.
type htmlStat struct {
	engine.Stat
	FullShare float64
	Sub       bool
}

// gradeRange describes grade band i: ≥ 90, 80–90, < 60.
func gradeRange(grades []indicators.Grade, i int) string {
	lo := Num(grades[i].Min)
	if i == 0 {
		return "≥ " + lo
	}
	hi := Num(grades[i-1].Min)
	if i == len(grades)-1 && grades[i].Min <= 0 {
		return "< " + hi
	}
	return strings.Join([]string{lo, hi}, "–")
}

// legend lists the marks used, and the claim notation if a cell shows one.
func (h *htmlWriter) legend() []string {
	l := h.marks.legend()
	if h.claims {
		l = append(l, legendClaim)
	}
	return l
}
