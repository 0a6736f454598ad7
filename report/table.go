package report

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/spill"
)

// The terminal table is laid out by display width, with East Asian
// "ambiguous" characters counted narrow, as terminals draw them by default.
// Its own text (borders, marks, headers) uses no ambiguous character at all,
// so it lines up in a pipe, under LANG=zh_CN.UTF-8 (where width libraries
// switch ambiguous characters to wide) and in terminals set either way.
var termWidth = &runewidth.Condition{EastAsianWidth: false}

// textWidth is the display width of s in a terminal.
func textWidth(s string) int { return termWidth.StringWidth(s) }

// legendWidth is where the legend under the table wraps.
const legendWidth = 100

// tableWriter prints the comparison table: units × indicator points, with
// 一级指标 subtotals, total, grade and rank. Indicator columns are headed by
// number under their 一级指标, with a legend below, so that a ruleset of 20
// or more indicators still fits a wide terminal. The table sizes its
// columns from every row, so it keeps the rows it draws, as their cells'
// text (rows), sizing the columns as they come, and the lines about the
// units that failed (failed), until the end.
type tableWriter struct {
	w      io.Writer
	o      Options
	m      Meta
	l      Layout
	rows   *spill.Spill // each row: its cells, each a uvarint length and the text
	nrows  int
	widths []int        // of the row cells, by column
	failed *spill.Spill // the lines of 未能评分的单位
	checks *spill.Spill // the lines of 未通过的检查
	cell   []byte
	marks  marksSeen
	claims bool // a cell shows a departing claim (8.62/9)
}

func newTable(o Options, m Meta) Rows {
	return &drawRows{d: &tableWriter{o: o, marks: marksSeen{}, rows: spill.New(spoolMem), failed: spill.New(spoolMem),
		checks: spill.New(spoolMem)}, m: m}
}

func (t *tableWriter) begin(w io.Writer, m Meta) error {
	t.w, t.m = w, m
	t.l = NewLayout(m, t.o)
	return nil
}

func (t *tableWriter) unit(u *engine.UnitResult) error {
	if u.Failed() {
		fmt.Fprintf(t.failed, "  %s %s\n", u.Unit, u.Name)
		for _, e := range u.Errors {
			fmt.Fprintf(t.failed, "    %s\n", strings.ReplaceAll(e.Error(), "\n", "\n    "))
		}
		return nil
	}
	row := []string{fmt.Sprint(u.Rank), u.Unit, u.Name}
	for _, c := range t.l.Columns {
		pts, ir := t.l.Points(u, c)
		mk, marked := t.l.Mark(u, c)
		t.marks.addMark(mk, marked)
		cell := MarkText(pts, mk, marked)
		if ir != nil {
			if cl, ok := claimCell(ir); ok {
				cell += cl
				t.claims = true
			}
		}
		row = append(row, cell)
	}
	row = append(row, Num(u.Score), u.Grade)
	if t.m.HasClaims {
		row = append(row, claimedScore(u), claimedGrade(u))
	}
	row = append(row, rulesCells(t.m, u, true)...)
	if t.m.HasFailedChecks {
		row = append(row, t.checkCell(u))
	}
	if t.widths == nil {
		t.widths = make([]int, len(row))
	}
	t.cell = t.cell[:0]
	for i, cell := range row {
		t.widths[i] = max(t.widths[i], textWidth(cell))
		t.cell = append(binary.AppendUvarint(t.cell, uint64(len(cell))), cell...)
	}
	t.nrows++
	_, err := t.rows.Write(t.cell)
	return err
}

// checkCell is the 校验 cell of a scored unit: 不符 when it failed a
// check, whose lines go to the list below the table.
func (t *tableWriter) checkCell(u *engine.UnitResult) string {
	if u.FailedChecks() == 0 {
		return ""
	}
	for _, c := range failedChecks(u) {
		fmt.Fprintf(t.checks, "  %s %s：%s\n", u.Unit, u.Name, checkText(c))
	}
	t.marks.addMark(MarkCheck, true)
	return MarkCheck.Sym
}

func claimedScore(u *engine.UnitResult) string {
	if u.Claimed != nil && u.Claimed.Score != nil {
		return Num(*u.Claimed.Score)
	}
	return ""
}

func claimedGrade(u *engine.UnitResult) string {
	if u.Claimed != nil {
		return u.Claimed.Grade
	}
	return ""
}

// gridCol is one column of the terminal grid.
type gridCol struct {
	right bool // right-aligned (numbers)
	width int
	// bar puts " | " before the column instead of spaces: between the
	// unit columns and the scores, and between 一级指标.
	bar bool
	// tight puts one space before the column instead of two: between the
	// points of one 一级指标, to keep 20 and more indicators narrow.
	tight bool
}

func (t *tableWriter) end(s engine.Summary) error {
	defer t.rows.Close()
	defer t.failed.Close()
	defer t.checks.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s %s）\n", title(t.m), t.m.Ruleset.ID, t.m.Ruleset.Version)
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return err
	}
	if t.nrows > 0 {
		if err := t.grid(s); err != nil {
			return err
		}
	}
	b.Reset()
	b.WriteString(summaryLine(s, t.m.Population))
	b.WriteString("\n")
	if !t.o.Groups && t.nrows > 0 {
		t.indicatorLegend(&b)
	}
	legend := t.marks.legend()
	if t.claims {
		legend = append(legend, legendClaim)
	}
	for _, l := range legend {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	if t.failed.Len() > 0 {
		b.WriteString("未能评分的单位：\n")
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return err
	}
	if err := writeOut(t.w, t.failed); err != nil {
		return err
	}
	if t.checks.Len() > 0 {
		io.WriteString(t.w, "未通过的检查：\n")
		if err := writeOut(t.w, t.checks); err != nil {
			return err
		}
	}
	_, err := io.WriteString(t.w, provenanceLines(t.m))
	return err
}

// grid writes the header (一级指标 over their columns, then numbers or
// titles), the rows, and a row of means.
func (t *tableWriter) grid(s engine.Summary) error {
	fixed := []string{"排名", "单位", "名称"}
	cols := []gridCol{{right: true}, {}, {}}
	head := append([]string{}, fixed...)
	for k, c := range t.l.Columns {
		gc := gridCol{right: true, bar: k == 0 || c.Group != t.l.Columns[k-1].Group}
		gc.tight = !gc.bar && !c.Subtotal()
		g := t.l.Groups[c.Group]
		switch {
		case t.o.Groups:
			head = append(head, fmt.Sprintf("%s(%s)", g.Name, Num(g.Weight)))
		case c.Subtotal():
			head = append(head, "小计")
		default:
			head = append(head, fmt.Sprint(c.Num))
		}
		cols = append(cols, gc)
	}
	tail := []string{"总分", "等级"}
	if t.m.HasClaims {
		tail = append(tail, "自评总分", "自评等级")
	}
	tail = append(tail, rulesHeaders(t.m)...)
	if t.m.HasFailedChecks {
		tail = append(tail, checkHeader)
	}
	for i := range tail {
		// Numbers right, text left: 总分 and 自评总分. 校验 stands one
		// space off, to keep a wide ruleset's table (grid-center, 21
		// indicators) within a maximised terminal.
		check := tail[i] == checkHeader
		right := tail[i] == "总分" || tail[i] == "自评总分"
		cols = append(cols, gridCol{right: right, bar: i == 0, tight: check})
		head = append(head, tail[i])
	}
	mean := make([]string, len(cols))
	mean[2] = "平均"
	for k, st := range columnStats(t.l, s) {
		mean[3+k] = Num(st.Mean) // the last stat is the total's
	}
	for i := range cols {
		cols[i].width = max(t.widths[i], textWidth(head[i]), textWidth(mean[i]))
	}
	// 一级指标 names span their columns; widen the last one where a name
	// is wider than its columns.
	spans := t.groupSpans()
	if !t.o.Groups {
		for _, sp := range spans {
			label := sp.name
			if need := textWidth(label) - spanWidth(cols, sp.from, sp.to); need > 0 {
				cols[sp.to].width += need
			}
		}
	}
	parts := t.fit(cols, spans)
	if len(parts) > 1 && t.o.Split != nil {
		t.o.Split(spanWidth(cols, 0, len(cols)-1), len(parts))
	}
	for i, p := range parts {
		if i > 0 {
			if _, err := io.WriteString(t.w, "\n"); err != nil {
				return err
			}
		}
		if err := t.drawPart(partCols(cols, p), pick(head, p.sel), pick(mean, p.sel), p.spans, p.sel); err != nil {
			return err
		}
	}
	return nil
}

// drawPart draws the grid columns sel of every row: the header, the rows
// read back from the spill, and the means.
func (t *tableWriter) drawPart(cols []gridCol, head, mean []string, spans []span, sel []int) error {
	var b strings.Builder
	if !t.o.Groups && len(spans) > 0 {
		b.WriteString(t.topLine(cols, spans))
	}
	b.WriteString(gridLine(cols, head))
	b.WriteString(ruleLine(cols))
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return err
	}
	rows, err := t.rows.Section(0, t.rows.Len())
	if err != nil {
		return err
	}
	in := bufio.NewReader(rows)
	row := make([]string, len(t.widths))
	var cell []byte
	for range t.nrows {
		for i := range row {
			n, err := binary.ReadUvarint(in)
			if err != nil {
				return internalf("table: read back a row: %w", err)
			}
			cell = slices.Grow(cell[:0], int(n))[:n]
			if _, err := io.ReadFull(in, cell); err != nil {
				return internalf("table: read back a row: %w", err)
			}
			row[i] = string(cell)
		}
		if _, err := io.WriteString(t.w, gridLine(cols, pick(row, sel))); err != nil {
			return err
		}
	}
	if t.nrows > 1 {
		_, err = io.WriteString(t.w, ruleLine(cols)+gridLine(cols, mean))
	}
	return err
}

// span is the columns of one 一级指标 in the grid (grid column indexes).
type span struct {
	group    int
	name     string
	from, to int
}

func (t *tableWriter) groupSpans() []span {
	var out []span
	for k, c := range t.l.Columns {
		i := 3 + k
		if len(out) > 0 && out[len(out)-1].group == c.Group {
			out[len(out)-1].to = i
			continue
		}
		out = append(out, span{group: c.Group, name: t.l.Groups[c.Group].Name, from: i, to: i})
	}
	return out
}

// spanWidth is the width of grid columns from..to with the gaps between.
func spanWidth(cols []gridCol, from, to int) int {
	w := 0
	for i := from; i <= to; i++ {
		w += cols[i].width
		if i > from {
			w += gap(cols[i])
		}
	}
	return w
}

// sep is what stands before a column.
func sep(c gridCol) string {
	switch {
	case c.bar:
		return " | "
	case c.tight:
		return " "
	}
	return "  "
}

func gap(c gridCol) int { return len(sep(c)) }

// topLine writes the 一级指标 names, centred over their columns.
func (t *tableWriter) topLine(cols []gridCol, spans []span) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", spanWidth(cols, 0, 2)))
	next := 3
	for _, sp := range spans {
		for ; next < sp.from; next++ {
			b.WriteString(strings.Repeat(" ", gap(cols[next])+cols[next].width))
		}
		b.WriteString(" | ")
		label := sp.name
		w := spanWidth(cols, sp.from, sp.to)
		pad := w - textWidth(label)
		b.WriteString(strings.Repeat(" ", pad/2) + label + strings.Repeat(" ", pad-pad/2))
		next = sp.to + 1
	}
	b.WriteString(" |")
	return strings.TrimRight(b.String(), " ") + "\n"
}

// gridLine writes one row, each cell padded to its column.
func gridLine(cols []gridCol, row []string) string {
	var b strings.Builder
	for i, cell := range row {
		if i > 0 {
			b.WriteString(sep(cols[i]))
		}
		pad := strings.Repeat(" ", cols[i].width-textWidth(cell))
		if cols[i].right {
			b.WriteString(pad + cell)
		} else {
			b.WriteString(cell + pad)
		}
	}
	return strings.TrimRight(b.String(), " ") + "\n"
}

// ruleLine writes a rule under the header, crossed at the bars.
func ruleLine(cols []gridCol) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			if c.bar {
				b.WriteString("-+-")
			} else {
				b.WriteString(strings.Repeat("-", gap(c)))
			}
		}
		b.WriteString(strings.Repeat("-", c.width))
	}
	return b.String() + "\n"
}

// indicatorLegend names the numbered columns, one 一级指标 a line,
// wrapped at legendWidth.
func (t *tableWriter) indicatorLegend(b *strings.Builder) {
	b.WriteString("指标：\n")
	byGroup := map[int][]string{}
	for _, c := range t.l.Columns {
		if !c.Subtotal() {
			byGroup[c.Group] = append(byGroup[c.Group], fmt.Sprintf("%d %s %s分", c.Num, c.Label, Num(c.Weight)))
		}
	}
	nameWidth := 0
	for _, g := range t.l.Groups {
		nameWidth = max(nameWidth, textWidth(fmt.Sprintf("%s(%s分)", g.Name, Num(g.Weight))))
	}
	for gi, g := range t.l.Groups {
		name := fmt.Sprintf("%s(%s分)", g.Name, Num(g.Weight))
		lead := "  " + name + strings.Repeat(" ", nameWidth-textWidth(name)) + "  "
		indent := strings.Repeat(" ", textWidth(lead))
		line := lead
		for k, item := range byGroup[gi] {
			if k > 0 && textWidth(line)+2+textWidth(item) > legendWidth {
				b.WriteString(line + "\n")
				line = indent
			} else if k > 0 {
				line += "  "
			}
			line += item
		}
		b.WriteString(line + "\n")
	}
}

// provenanceLines is the terminal table's footer: the ruleset and the data
// with their SHA-256, and the time when one was given.
func provenanceLines(m Meta) string {
	var b strings.Builder
	fmt.Fprintf(&b, "规则集 %s %s  SHA-256 %s\n", m.Ruleset.ID, m.Ruleset.Version, m.Ruleset.SHA256)
	if m.Data != nil {
		fmt.Fprintf(&b, "数据 %s  SHA-256 %s\n", strings.Join(m.Data.Files, " "), m.Data.SHA256)
	}
	for _, f := range populationFields(m) {
		fmt.Fprintf(&b, "%s %s\n", f.Label, f.Value)
	}
	if !m.Stamp.IsZero() {
		fmt.Fprintf(&b, "生成时间 %s\n", m.Stamp.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// legendClaim explains the "8.62/9" cells of claimed data.
const legendClaim = "a/b 按规则得 a 分，单位自评 b 分（相差超过容差，见 jixiao review）"

// claimCell is "/claim" for an indicator whose claim departs from the
// rules (flag claim_high or claim_low): 8.62/9. Claims that agree are not
// repeated, so the table stays readable.
func claimCell(ir *engine.IndicatorResult) (string, bool) {
	if ir.Claimed == nil {
		return "", false
	}
	for _, f := range ir.Flags {
		if f == indicators.FlagClaimHigh || f == indicators.FlagClaimLow {
			return "/" + claimNum(*ir.Claimed), true
		}
	}
	return "", false
}

// claimNum prints a claim as written, to at most 4 decimals: a claim of
// 8.631 against 8.62 must not show as 8.63.
func claimNum(x float64) string {
	s := strconv.FormatFloat(x, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
