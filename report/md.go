package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/spill"
)

// mdWriter writes the comparison as Markdown (GitHub pipe tables): the
// table, streamed a unit per row, then the summary, the per-indicator
// statistics, each unit's deviation notes, the units that failed and the
// checks that failed, and the provenance. What comes after the table is
// written as the units come, into spools, and copied in at the end.
type mdWriter struct {
	w      io.Writer
	o      Options
	m      Meta
	l      Layout
	marks  marksSeen
	notes  *spill.Spill // 扣分与偏差说明, a section per scored unit
	failed *spill.Spill // 未能评分的单位
	checks *spill.Spill // 未通过的检查
	rows   int
	claims bool // a cell shows a departing claim (8.62/9)
	err    error
}

func newMarkdown(o Options, m Meta) Rows {
	return &drawRows{d: &mdWriter{o: o, marks: marksSeen{}, notes: spill.New(spoolMem), failed: spill.New(spoolMem),
		checks: spill.New(spoolMem)}, m: m}
}

// mdEscape keeps text from breaking a table or turning into markup.
var mdEscape = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "`", "\\`", "\r\n", " ", "\n", " ")

func (d *mdWriter) printf(format string, args ...any) { d.fprintf(d.w, format, args...) }

func (d *mdWriter) fprintf(w io.Writer, format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(w, format, args...)
	}
}

// row writes one table row of already escaped cells.
func (d *mdWriter) row(cells []string) {
	d.printf("| %s |\n", strings.Join(cells, " | "))
}

func (d *mdWriter) begin(w io.Writer, m Meta) error {
	d.w, d.m = w, m
	d.l = NewLayout(m, d.o)
	d.printf("# %s\n\n", mdEscape.Replace(title(m)))
	d.printf("规则集 `%s` %s\n\n## 评分对照表\n\n", m.Ruleset.ID, mdEscape.Replace(m.Ruleset.Version))
	head := []string{"排名", "单位", "名称"}
	align := []string{"---:", ":---", ":---"}
	for _, c := range d.l.Columns {
		head = append(head, mdEscape.Replace(c.Header()))
		align = append(align, "---:")
	}
	head = append(head, "总分", "等级")
	align = append(align, "---:", ":---:")
	if m.HasClaims {
		head = append(head, "自评总分", "自评等级")
		align = append(align, "---:", ":---:")
	}
	for _, h := range rulesHeaders(m) {
		head = append(head, h)
		align = append(align, ":---")
	}
	if m.HasFailedChecks {
		head = append(head, checkHeader)
		align = append(align, ":---:")
	}
	d.row(head)
	d.row(align)
	return d.err
}

func (d *mdWriter) unit(u *engine.UnitResult) error {
	if u.Failed() {
		for _, e := range u.Errors {
			d.fprintf(d.failed, "- %s %s：%s\n", mdEscape.Replace(u.Unit), mdEscape.Replace(u.Name), mdEscape.Replace(errorLine(e)))
		}
		return d.err
	}
	if d.o.Explain {
		d.note(u)
	}
	for _, c := range u.Checks {
		if !c.OK && !c.Skipped {
			d.fprintf(d.checks, "- %s %s：%s\n", mdEscape.Replace(u.Unit), mdEscape.Replace(u.Name), mdEscape.Replace(checkText(c)))
		}
	}
	cells := []string{fmt.Sprint(u.Rank), mdEscape.Replace(u.Unit), mdEscape.Replace(u.Name)}
	for _, c := range d.l.Columns {
		pts, ir := d.l.Points(u, c)
		mk, marked := d.l.Mark(u, c)
		d.marks.addMark(mk, marked)
		cell := MarkText(pts, mk, marked)
		if ir != nil {
			if cl, ok := claimCell(ir); ok {
				cell += cl
				d.claims = true
			}
		}
		if c.Subtotal() {
			cell = "**" + cell + "**"
		}
		cells = append(cells, cell)
	}
	cells = append(cells, "**"+Num(u.Score)+"**", mdEscape.Replace(u.Grade))
	if d.m.HasClaims {
		cells = append(cells, claimedScore(u), mdEscape.Replace(claimedGrade(u)))
	}
	for _, c := range rulesCells(d.m, u, false) {
		cells = append(cells, mdEscape.Replace(c))
	}
	if d.m.HasFailedChecks {
		check := ""
		if u.FailedChecks() > 0 {
			check = MarkCheck.Sym
			d.marks.addMark(MarkCheck, true)
		}
		cells = append(cells, check)
	}
	d.row(cells)
	d.rows++
	return d.err
}

func (d *mdWriter) end(s engine.Summary) error {
	defer d.notes.Close()
	defer d.failed.Close()
	defer d.checks.Close()
	if d.rows == 0 {
		d.printf("| （没有可评分的单位） |\n")
	}
	d.printf("\n%s\n\n", summaryLine(s, d.m.Population))
	legend := d.marks.legend()
	if d.claims {
		legend = append(legend, legendClaim)
	}
	for _, l := range legend {
		d.printf("- %s\n", mdEscape.Replace(l))
	}
	d.writeStats(s)
	if d.o.Explain {
		d.printf("\n## 扣分与偏差说明\n")
		d.copy(d.notes)
	}
	if d.failed.Len() > 0 {
		d.printf("\n## 未能评分的单位\n\n")
		d.copy(d.failed)
	}
	if d.checks.Len() > 0 {
		d.printf("\n## 未通过的检查\n\n")
		d.copy(d.checks)
	}
	d.printf("\n---\n\n")
	for _, f := range Provenance(d.m) {
		d.printf("- %s：%s\n", f.Label, mdEscape.Replace(f.Value))
	}
	return d.err
}

// copy writes out a spooled section.
func (d *mdWriter) copy(s *spill.Spill) {
	if d.err == nil {
		d.err = writeOut(d.w, s)
	}
}

func (d *mdWriter) writeStats(s engine.Summary) {
	d.printf("\n## 指标统计\n\n")
	d.row([]string{"指标", "分值", "单位数", "平均", "中位数", "最低", "最高", "满分率", "缺失", "不适用", "错误"})
	d.row([]string{":---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"})
	for _, st := range columnStats(d.l, s) {
		d.row([]string{mdEscape.Replace(st.Label), Num(st.Weight), fmt.Sprint(st.Units), Num(st.Mean), Num(st.Median),
			Num(st.Min), Num(st.Max), Percent(fullShare(st)), fmt.Sprint(st.Missing), fmt.Sprint(st.NA), fmt.Sprint(st.Error)})
	}
}

// note writes, for the 扣分与偏差说明 section, every indicator of a unit
// with something to say: below full marks, flagged, not scored, or with
// the unit's own reason.
func (d *mdWriter) note(u *engine.UnitResult) {
	w := d.notes
	d.fprintf(w, "\n### %s %s（%s 分，%s，第 %d 名）\n\n", mdEscape.Replace(u.Unit), mdEscape.Replace(u.Name), Num(u.Score), mdEscape.Replace(u.Grade), u.Rank)
	n := 0
	for k := range u.Indicators {
		ir := &u.Indicators[k]
		note := Deviation(ir)
		if note == "" {
			continue
		}
		got := Num(ir.Points) + "/" + Num(ir.Weight)
		if ir.Status == indicators.StatusNA {
			got = "不适用"
		}
		d.fprintf(w, "- **%s**（%s）：%s\n", mdEscape.Replace(ir.Label), got, mdEscape.Replace(note))
		n++
	}
	for _, f := range u.Review {
		d.fprintf(w, "- 复核：%s\n", mdEscape.Replace(f.Message))
		n++
	}
	if n == 0 {
		d.fprintf(w, "各项指标均得满分。\n")
	}
}

// Percent formats a share 0..1 as a percentage with up to 2 decimals.
func Percent(x float64) string {
	return Num(indicators.Round2(x*100)) + "%"
}

// errorLine is the first line of a data error: position and message,
// without the source snippet a terminal shows below it.
func errorLine(e *diag.Error) string {
	line, _, _ := strings.Cut(e.Error(), "\n")
	return line
}
