package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/record"
)

// Sheet names of the xlsx format.
const (
	SheetScores   = "评分表"
	SheetStats    = "指标统计"
	SheetFailures = "未通过"
)

// xlsxWriter writes a workbook of three sheets: 评分表 (units × indicators
// with 一级指标 subtotals, total, grade and rank, header frozen, points as
// numbers with two decimals, grades coloured), 指标统计 (the per-indicator
// statistics and the grade distribution) and 未通过 (units that failed
// and checks that failed). The comparison sheet is streamed a row per unit;
// the provenance is in the document properties and the printed footer.
// The units come by rank (or --sort), so the workbook is written row by
// row however many units come.
type xlsxWriter struct {
	w     io.Writer
	o     Options
	m     Meta
	l     Layout
	f     *excelize.File
	z     *sortedZip
	sw    rowSheet
	st    *styles
	marks marksSeen   // for the legend under the comparison
	panel panelBlocks // the 专家评分汇总 sheet's blocks
	row   int
	cols  int // columns of the comparison sheet
	// The 未通过 sheet is streamed beside the comparison sheet, a row per
	// data error or failed check as units come, up to what a sheet holds.
	fsw    rowSheet
	fails  int // rows of 未通过 written
	unlist int // failures past the sheet's last row, counted only
	// lastRow is the last row a sheet has, and maxFails how many failures
	// 未通过 lists below its header and above the note of the rest
	// (excelize.TotalRows and 2 less; tests make them smaller).
	lastRow, maxFails int
	// excelizeSheets has excelize's StreamWriter write 评分表 and 未通过,
	// which keeps them in temporary files until the end: the reference
	// that partSheet is held to.
	excelizeSheets bool
	// file is the output when it is a file the workbook can write
	// anywhere in (setOutput): 评分表 is then written straight into it.
	file outputFile
	gap  int64 // sortedZip.gap: fileGap, or less in tests
}

func newXLSXRows(o Options, m Meta) Rows { return xlsxRows(newXLSXWriter(o), m) }

// xlsxRows is the Rows of x: slim records when they hold all it draws.
func xlsxRows(x *xlsxWriter, m Meta) *drawRows {
	r := &drawRows{d: x, m: m, slim: slimRecords(m)}
	if r.slim {
		r.words = &record.Words{}
	}
	return r
}

func newXLSXWriter(o Options) *xlsxWriter {
	return &xlsxWriter{o: o, marks: marksSeen{}, lastRow: excelize.TotalRows, maxFails: excelize.TotalRows - 2, gap: fileGap}
}

// The comparison sheet: a title row, 一级指标 over their columns, the
// indicator titles, then a row per unit.
const (
	xlsxTitleRow = 1
	xlsxGroupRow = 2
	xlsxHeadRow  = 3
	xlsxFirstRow = 4
	xlsxFixed    = 3 // 排名, 单位, 名称: frozen on the left
)

func (x *xlsxWriter) begin(w io.Writer, m Meta) error {
	x.w, x.m = w, m
	x.l = NewLayout(m, x.o)
	f, z, err := newWorkbook(SheetScores, m, w)
	if err != nil {
		return err
	}
	x.f, x.z, x.st = f, z, newStyles(f)
	if bw, ok := w.(*bufio.Writer); x.file != nil && (!ok || bw.Buffered() == 0) {
		z.file, z.base, z.gap = x.file, x.file.Written(), x.gap
	}
	if err := setProperties(f, m, "评分对照表"); err != nil {
		return err
	}
	x.cols = xlsxFixed + len(x.l.Columns) + 2
	if m.HasClaims {
		x.cols += 2
	}
	x.cols += len(xlsxRulesHeaders(m))
	if m.HasFailedChecks {
		x.cols++
	}
	// The sheets in the order of their tabs, and their page setup, before
	// any is streamed.
	for _, sheet := range []string{SheetScores, SheetStats, SheetFailures} {
		if sheet != SheetScores {
			if _, err := f.NewSheet(sheet); err != nil {
				return err
			}
		}
		if err := printSetup(f, sheet, m); err != nil {
			return err
		}
	}
	if err := x.failuresHeader(); err != nil {
		return err
	}
	if x.sw, err = x.rowSheet(SheetScores); err != nil {
		return err
	}
	if err := x.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: xlsxFixed, YSplit: xlsxHeadRow,
		TopLeftCell: cellName(xlsxFixed+1, xlsxFirstRow), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	widths := []float64{6, 10, 30}
	for _, c := range x.l.Columns {
		if c.Subtotal() {
			widths = append(widths, 9)
		} else {
			widths = append(widths, 11)
		}
	}
	widths = append(widths, 9, 6)
	if m.HasClaims {
		widths = append(widths, 9, 8)
	}
	widths = append(widths, xlsxRulesWidths(m)...)
	widths = append(widths, 40) // 未通过校验: the checks' messages
	for i := 0; i < x.cols; i++ {
		if err := x.sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	return x.header()
}

func (x *xlsxWriter) header() error {
	sw, st := x.sw, x.st
	titleStyle := st.id(styleKey{bold: true, size: 14})
	head := styleKey{bold: true, fill: "D9E1F2", align: "center", valign: "center", wrap: true, border: true}
	hs := st.id(head)
	if err := sw.SetRow(cellName(1, xlsxTitleRow), []any{excelize.Cell{StyleID: titleStyle,
		Value: fmt.Sprintf("%s（%s %s）", title(x.m), x.m.Ruleset.ID, x.m.Ruleset.Version)}}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	group := make([]any, x.cols)
	labels := make([]any, x.cols)
	for i := range group {
		group[i] = excelize.Cell{StyleID: hs}
		labels[i] = excelize.Cell{StyleID: hs}
	}
	set := func(row []any, col int, v string) { row[col-1] = excelize.Cell{StyleID: hs, Value: v} }
	var merges [][2]string
	fixed := []string{"排名", "单位", "名称"}
	for i, h := range fixed {
		set(group, i+1, h)
		merges = append(merges, [2]string{cellName(i+1, xlsxGroupRow), cellName(i+1, xlsxHeadRow)})
	}
	for k, c := range x.l.Columns {
		col := xlsxFixed + 1 + k
		g := x.l.Groups[c.Group]
		if x.o.Groups {
			set(group, col, g.Name)
			set(labels, col, fmt.Sprintf("%s分", Num(g.Weight)))
			continue
		}
		if k == 0 || x.l.Columns[k-1].Group != c.Group {
			set(group, col, fmt.Sprintf("%s（%s分）", g.Name, Num(g.Weight)))
			last := col
			for last-xlsxFixed < len(x.l.Columns) && x.l.Columns[last-xlsxFixed].Group == c.Group {
				last++
			}
			if last > col {
				merges = append(merges, [2]string{cellName(col, xlsxGroupRow), cellName(last, xlsxGroupRow)})
			}
		}
		if c.Subtotal() {
			set(labels, col, "小计")
		} else {
			set(labels, col, fmt.Sprintf("%s\n%s分", c.Label, Num(c.Weight)))
		}
	}
	tail := []string{"总分", "等级"}
	if x.m.HasClaims {
		tail = append(tail, "自评总分", "自评等级")
	}
	tail = append(tail, xlsxRulesHeaders(x.m)...)
	if x.m.HasFailedChecks {
		tail = append(tail, xlsxCheckHeader)
	}
	for i, h := range tail {
		col := xlsxFixed + len(x.l.Columns) + 1 + i
		set(group, col, h)
		merges = append(merges, [2]string{cellName(col, xlsxGroupRow), cellName(col, xlsxHeadRow)})
	}
	if err := sw.SetRow(cellName(1, xlsxGroupRow), group, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if err := sw.SetRow(cellName(1, xlsxHeadRow), labels, excelize.RowOpts{Height: 66}); err != nil {
		return err
	}
	for _, mg := range merges {
		if err := sw.MergeCell(mg[0], mg[1]); err != nil {
			return err
		}
	}
	x.row = xlsxFirstRow
	return nil
}

// xlsxCheckHeader heads the column of the failed checks: the sheet has
// room for their messages, where the tables write 未通过 and list them
// below.
const xlsxCheckHeader = "未通过校验"

// pointsCell is the cell of one column for one unit: a number with two
// decimals, coloured by its mark and followed by its symbol (0.00缺), as
// the tables write it: the symbol is in the number format, so the cell
// stays a number that SUM and charts take, and the mark still shows
// when the sheet is printed without colour. N/A is the text NA.
func (x *xlsxWriter) pointsCell(pts float64, mk Mark, marked, subtotal bool) excelize.Cell {
	k := styleKey{numFmt: fmtPoints, border: true, bold: subtotal}
	if subtotal {
		k.fill = "F2F2F2"
	}
	if marked {
		x.marks.addMark(mk, true)
		k.fill = markFill[mk.Class]
		if mk == MarkNA {
			k.align = "center"
			return excelize.Cell{StyleID: x.st.id(k), Value: mk.Sym}
		}
		k.numFmt = markedPoints(mk)
	}
	return excelize.Cell{StyleID: x.st.id(k), Value: pts}
}

// markedPoints is the number format of points marked mk: 0.00 then the
// symbol, quoted as a literal.
func markedPoints(mk Mark) string { return fmtPoints + `"` + mk.Sym + `"` }

func (x *xlsxWriter) unit(u *engine.UnitResult) error {
	if u.Failed() {
		for _, e := range u.Errors {
			if err := x.failure(failRow(u, "未能评分", e)); err != nil {
				return err
			}
		}
		return nil
	}
	if x.row > x.lastRow {
		return msg.For(x.o.Lang).Errorf(msg.RepXLSXRows, x.lastRow-xlsxFirstRow+1, x.lastRow)
	}
	x.panel.add(u, &x.m)
	for _, c := range u.Checks {
		if !c.OK && !c.Skipped {
			if err := x.failure([]any{u.Unit, u.Name, "检查未通过", c.ID, "", "", "", c.Message}); err != nil {
				return err
			}
		}
	}
	text := x.st.id(styleKey{border: true})
	row := []any{
		excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtInt, border: true, align: "center"}), Value: u.Rank},
		excelize.Cell{StyleID: text, Value: u.Unit},
		excelize.Cell{StyleID: text, Value: u.Name},
	}
	for _, c := range x.l.Columns {
		pts, _ := x.l.Points(u, c)
		mk, marked := x.l.Mark(u, c)
		row = append(row, x.pointsCell(pts, mk, marked, c.Subtotal()))
	}
	fill, font := gradeColour(gradeIndex(x.m.Grades, u.Grade))
	row = append(row,
		excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtPoints, bold: true, border: true}), Value: u.Score},
		excelize.Cell{StyleID: x.st.id(styleKey{bold: true, border: true, align: "center", fill: fill, font: font}), Value: u.Grade})
	if x.m.HasClaims {
		var cs any
		if u.Claimed != nil && u.Claimed.Score != nil {
			cs = *u.Claimed.Score
		}
		row = append(row, excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtPoints, border: true}), Value: cs},
			excelize.Cell{StyleID: x.st.id(styleKey{border: true, align: "center"}), Value: claimedGrade(u)})
	}
	row = append(row, x.rulesCells(u)...)
	if x.m.HasFailedChecks {
		cell := excelize.Cell{StyleID: x.st.id(styleKey{border: true})}
		if text := checksText(u); text != "" {
			cell = excelize.Cell{StyleID: x.st.id(styleKey{border: true, fill: markFill[MarkCheck.Class], font: "9C0006"}), Value: text}
			x.marks.addMark(MarkCheck, true)
		}
		row = append(row, cell)
	}
	if err := x.sw.SetRow(cellName(1, x.row), row); err != nil {
		return err
	}
	x.row++
	return nil
}

// codeWord is an error code as a reader of the 未通过 sheet wants it: the
// catalogue's word, with the stable code after it for searching the
// guide (单元格无法识别（bad_cell）).
func codeWord(code string) string {
	w := msg.Printer{Lang: msg.ZH}.Word(code)
	if w == code || code == "" {
		return code
	}
	return w + "（" + code + "）"
}

// failRow is a row of the 未通过 sheet for one data error of a unit.
func failRow(u *engine.UnitResult, kind string, e *diag.Error) []any {
	pos := ""
	if e.Pos.File != "" || e.Pos.Line > 0 {
		pos = e.Pos.String()
	}
	return []any{u.Unit, u.Name, kind, codeWord(e.Code), pos, e.Field, e.Value, e.Msg}
}

func (x *xlsxWriter) end(s engine.Summary) error {
	if x.row == xlsxFirstRow {
		if err := x.sw.SetRow(cellName(1, x.row), []any{"（没有可评分的单位）"}); err != nil {
			return err
		}
		x.row++
	}
	if err := x.scoresLegend(); err != nil {
		return err
	}
	if err := x.sw.Flush(); err != nil {
		return err
	}
	if err := x.statsSheet(s); err != nil {
		return err
	}
	if err := x.failuresEnd(); err != nil {
		return err
	}
	if err := x.panel.sheet(x.f, x.st); err != nil {
		return err
	}
	if x.st.err != nil {
		return x.st.err
	}
	_, err := x.f.WriteTo(x.w)
	return err
}

// scoresLegend writes, a blank row below the units, what the marks the
// comparison used mean, where a reader of the sheet looks for it (the
// 指标统计 sheet explains every mark). A sheet full to its last row has
// no room for it.
func (x *xlsxWriter) scoresLegend() error {
	var lines []string
	for _, mk := range allMarks {
		if !x.marks[mk.Class] {
			continue
		}
		if mk == MarkCheck {
			lines = append(lines, xlsxCheckLegend)
		} else {
			lines = append(lines, mk.Legend)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	lines = append([]string{"标记："}, lines...)
	note := x.st.id(styleKey{font: "595959"})
	for i, l := range lines {
		row := x.row + 1 + i
		if row > x.lastRow {
			break
		}
		if err := x.sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: note, Value: l}}); err != nil {
			return err
		}
	}
	return nil
}

// xlsxCheckLegend explains the 未通过校验 column.
const xlsxCheckLegend = "未通过校验 该单位数据未通过的一致性校验（不影响得分），另见「未通过」工作表"

// statsSheet writes the per-indicator statistics, the grade distribution,
// the legend of cell colours and the provenance.
func (x *xlsxWriter) statsSheet(s engine.Summary) error {
	sw, err := x.f.NewStreamWriter(SheetStats)
	if err != nil {
		return err
	}
	for i, w := range []float64{12, 30, 7, 8, 9, 9, 9, 9, 9, 7, 7, 7} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	hs := x.st.id(styleKey{bold: true, fill: "D9E1F2", align: "center", valign: "center", wrap: true, border: true})
	head := []any{}
	for _, h := range []string{"一级指标", "指标", "分值", "单位数", "平均分", "中位数", "最低分", "最高分", "满分率", "缺失", "不适用", "错误"} {
		head = append(head, excelize.Cell{StyleID: hs, Value: h})
	}
	row := 1
	if err := sw.SetRow(cellName(1, row), head, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	for k, stat := range columnStats(x.l, s) {
		group, bold := "", false
		if k < len(x.l.Columns) {
			c := x.l.Columns[k]
			group, bold = x.l.Groups[c.Group].Name, c.Subtotal()
		} else {
			bold = true
		}
		num := x.st.id(styleKey{numFmt: fmtPoints, border: true, bold: bold})
		cnt := x.st.id(styleKey{numFmt: fmtInt, border: true, bold: bold})
		txt := x.st.id(styleKey{border: true, bold: bold})
		row++
		if err := sw.SetRow(cellName(1, row), []any{
			excelize.Cell{StyleID: txt, Value: group},
			excelize.Cell{StyleID: txt, Value: stat.Label},
			excelize.Cell{StyleID: num, Value: stat.Weight},
			excelize.Cell{StyleID: cnt, Value: stat.Units},
			excelize.Cell{StyleID: num, Value: stat.Mean},
			excelize.Cell{StyleID: num, Value: stat.Median},
			excelize.Cell{StyleID: num, Value: stat.Min},
			excelize.Cell{StyleID: num, Value: stat.Max},
			excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtPercent, border: true, bold: bold}), Value: fullShare(stat)},
			excelize.Cell{StyleID: cnt, Value: stat.Missing},
			excelize.Cell{StyleID: cnt, Value: stat.NA},
			excelize.Cell{StyleID: cnt, Value: stat.Error},
		}); err != nil {
			return err
		}
	}
	row += 2
	if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: hs, Value: "等级"}, excelize.Cell{StyleID: hs, Value: "单位数"},
		excelize.Cell{StyleID: hs, Value: "占比"}}); err != nil {
		return err
	}
	scored := s.Units - s.Errors
	for i, g := range s.Grades {
		fill, font := gradeColour(i)
		share := 0.0
		if scored > 0 {
			share = float64(g.Units) / float64(scored)
		}
		row++
		if err := sw.SetRow(cellName(1, row), []any{
			excelize.Cell{StyleID: x.st.id(styleKey{bold: true, border: true, align: "center", fill: fill, font: font}), Value: g.Label},
			excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtInt, border: true}), Value: g.Units},
			excelize.Cell{StyleID: x.st.id(styleKey{numFmt: fmtPercent, border: true}), Value: share},
		}); err != nil {
			return err
		}
	}
	if s.Errors > 0 {
		row++
		if err := sw.SetRow(cellName(1, row), []any{"未能评分", s.Errors}); err != nil {
			return err
		}
	}
	row += 2
	note := x.st.id(styleKey{font: "595959"})
	lines := []string{"评分表中的标记（单元格底色，分数后的符号）："}
	for _, mk := range allMarks {
		if mk == MarkPenalty && !x.m.HasPenalty {
			continue // a ruleset without the penalty never marks 罚
		}
		if mk == MarkCheck {
			lines = append(lines, "  "+xlsxCheckLegend)
		} else {
			lines = append(lines, "  "+mk.Legend)
		}
	}
	lines = append(lines, "")
	for _, p := range Provenance(x.m) {
		lines = append(lines, p.Label+"："+p.Value)
	}
	for _, l := range lines {
		if l != "" {
			if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: note, Value: l}}); err != nil {
				return err
			}
		}
		row++
	}
	return sw.Flush()
}

// failuresSheet lists the units that could not be scored, with each data
// error, and every failed consistency check.
// failuresHeader starts the 未通过 sheet.
func (x *xlsxWriter) failuresHeader() error {
	sw, err := x.rowSheet(SheetFailures)
	if err != nil {
		return err
	}
	x.fsw = sw
	for i, w := range []float64{10, 28, 11, 26, 28, 16, 14, 60} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	hs := x.st.id(styleKey{bold: true, fill: "D9E1F2", align: "center", border: true})
	var head []any
	for _, h := range []string{"单位", "名称", "类别", "代码或检查", "位置", "字段", "值", "说明"} {
		head = append(head, excelize.Cell{StyleID: hs, Value: h})
	}
	return sw.SetRow("A1", head)
}

// failure writes a row of the 未通过 sheet, or counts it once the sheet is
// full.
func (x *xlsxWriter) failure(r []any) error {
	if x.fails == x.maxFails {
		x.unlist++
		return nil
	}
	x.fails++
	wrap := x.st.id(styleKey{border: true, wrap: true, valign: "top"})
	cells := make([]any, len(r))
	for k, v := range r {
		cells[k] = excelize.Cell{StyleID: wrap, Value: v}
	}
	return x.fsw.SetRow(cellName(1, x.fails+1), cells)
}

// failuresEnd closes the 未通过 sheet: （无） when nothing failed, a note of
// the failures it had no room for.
func (x *xlsxWriter) failuresEnd() error {
	switch {
	case x.fails == 0:
		if err := x.fsw.SetRow("A2", []any{"（无）"}); err != nil {
			return err
		}
	case x.unlist > 0:
		note := fmt.Sprintf("（另有 %d 条未列出：工作表最多 %d 行；每个单位的检查和错误见 -f json 的输出）", x.unlist, x.lastRow)
		if err := x.fsw.SetRow(cellName(1, x.fails+2), []any{note}); err != nil {
			return err
		}
	}
	return x.fsw.Flush()
}

// rowSheet returns the writer of a sheet streamed a row per unit: a
// partSheet, straight into the workbook's zip, the sheet's print setup
// and selection as printSetup and excelize give them.
func (x *xlsxWriter) rowSheet(sheet string) (rowSheet, error) {
	if x.excelizeSheets {
		return x.f.NewStreamWriter(sheet)
	}
	id := 0
	for k, name := range x.f.GetSheetMap() {
		if name == sheet {
			id = k
		}
	}
	if id == 0 {
		return nil, internalf("xlsx: no sheet %s", sheet)
	}
	part, err := x.z.Direct(fmt.Sprintf("xl/worksheets/sheet%d.xml", id), sheet == SheetScores)
	if err != nil {
		return nil, err
	}
	return newPartSheet(part, x.f.GetActiveSheetIndex() == x.sheetIndex(sheet), printFooter(x.m)), nil
}

// sheetIndex is the place of sheet among the tabs, -1 if none.
func (x *xlsxWriter) sheetIndex(sheet string) int {
	i, err := x.f.GetSheetIndex(sheet)
	if err != nil {
		return -1
	}
	return i
}

// printSetup makes a sheet print landscape on A4, as wide as one page,
// with the ruleset and page number in the footer. It must come before the
// sheet is streamed.
func printSetup(f *excelize.File, sheet string, m Meta) error {
	const a4 = 9
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(a4), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: printFooter(m)})
}

// printFooter is the footer of every printed page: the ruleset with the
// start of its SHA-256, and the page number.
func printFooter(m Meta) string {
	short := m.Ruleset.SHA256
	if len(short) > 12 {
		short = short[:12]
	}
	return fmt.Sprintf("&L%s %s（SHA-256 %s…）&R第 &P 页，共 &N 页", m.Ruleset.ID, m.Ruleset.Version, short)
}
