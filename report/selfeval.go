package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/spill"
)

// SheetIndex is the first sheet of the selfeval workbook: every unit with
// its total, grade, rank and a link to its form.
const SheetIndex = "目录"

// selfEvalWriter writes the 自评表 of 财预〔2020〕10号 附件1 for every unit,
// one sheet each, after an index sheet. The form has the funds block
// (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分) scored by the
// budget-execution indicator, the 年度总体目标 rows (left for the unit to
// fill), then one row per other indicator: 一级指标 / 二级指标 / 三级指标 /
// 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施, and the total.
// Cells the ruleset has no input for stay blank.
//
// Each form's sheet is written by hand (sheetWriter) straight into the
// workbook's zip as its unit comes, in time linear in the units; the
// index's rows and links wait in spools. excelize makes the rest (styles,
// properties), and the workbook's list of sheets is added to its parts as
// they are written (sortedZip.replace).
type selfEvalWriter struct {
	w      io.Writer
	o      Options
	m      Meta
	budget budgetPart
	f      *excelize.File
	zip    *sortedZip
	st     *styles
	sheets map[string]bool // names used, lower-cased
	forms  int             // form sheets written
	// The index, with links of its rows to the forms, and the forms'
	// entries in the workbook's list of sheets.
	index      sheetWriter
	nlinks     int
	entries    *spill.Spill
	row        int                // the index's last row
	marks      marksSeen          // of the index's subtotals
	groups     []indicators.Group // with --groups, the subtotals the index gives
	indexStyle struct{ border, num, link int }
}

func newSelfEval(o Options, m Meta) Rows {
	s := &selfEvalWriter{o: o, sheets: map[string]bool{strings.ToLower(SheetIndex): true}, marks: marksSeen{},
		index: sheetWriter{rows: spill.New(spoolMem), links: spill.New(spoolMem)}, entries: spill.New(spoolMem)}
	return &drawRows{d: s, m: m, inputs: true}
}

// budgetPart locates the funds block of the form: the budget-execution
// indicator and the inputs of 年初预算数, 全年预算数 and 全年执行数. Each index
// is -1 when the ruleset has no such indicator or input.
type budgetPart struct {
	indicator              int
	initial, annual, spent int
}

// budgetIDs are the library ids of the budget-execution indicator:
// 预算执行率 (10号) and 预算完成率 (53号).
var budgetIDs = map[string]bool{"budget_execution_rate": true, "budget_completion_rate": true}

// findBudget finds the budget-execution indicator (by library id, else by
// its label 预算执行率 / 预算完成率) and reads the 全年执行数 and 全年预算数
// off its value, the ratio executed ÷ budget. 年初预算数 is not in that
// ratio: it is the input labelled so (or budget_initial, the library's id).
// Where the indicator is not a plain ratio, inputs are found by label.
func findBudget(m Meta) budgetPart {
	b := budgetPart{indicator: -1, initial: -1, annual: -1, spent: -1}
	for i, ind := range m.Indicators {
		if budgetIDs[ind.Use] || budgetIDs[ind.ID] {
			b.indicator = i
			break
		}
	}
	if b.indicator < 0 {
		for i, ind := range m.Indicators {
			if strings.Contains(ind.Label, "预算执行率") || strings.Contains(ind.Label, "预算完成率") {
				b.indicator = i
				break
			}
		}
	}
	inputIndex := func(id string) int {
		for k := range m.Inputs {
			if m.Inputs[k].ID == id {
				return k
			}
		}
		return -1
	}
	byLabel := func(prefix, id string) int {
		for k, in := range m.Inputs {
			if strings.HasPrefix(in.Label, prefix) {
				return k
			}
		}
		return inputIndex(id)
	}
	if b.indicator >= 0 && b.indicator < len(m.Info) && m.Info[b.indicator].Numerator != "" {
		b.spent = inputIndex(m.Info[b.indicator].Numerator)
		b.annual = inputIndex(m.Info[b.indicator].Denominator)
	} else {
		b.spent = byLabel("全年执行数", "spent")
		b.annual = byLabel("全年预算数", "budget")
	}
	b.initial = byLabel("年初预算数", "budget_initial")
	return b
}

func (s *selfEvalWriter) begin(w io.Writer, m Meta) error {
	s.w, s.m = w, m
	s.budget = findBudget(m)
	f, z, err := newWorkbook(SheetIndex, m, w)
	if err != nil {
		return err
	}
	s.f, s.zip, s.st = f, z, newStyles(f)
	if err := setProperties(f, m, "绩效自评表（财预〔2020〕10号 附件1 格式）"); err != nil {
		return err
	}
	return s.indexHead()
}

// sheetName makes a unique, valid sheet name for a unit: its id and name,
// without the characters Excel forbids, cut to 31 characters.
func (s *selfEvalWriter) sheetName(u *engine.UnitResult) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(u.Unit+" "+u.Name))
	clean = strings.Trim(clean, "'")
	if clean == "" {
		clean = "单位"
	}
	name := cutRunes(clean, 31)
	for n := 2; s.sheets[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf("~%d", n)
		name = cutRunes(clean, 31-utf8.RuneCountInString(suffix)) + suffix
	}
	s.sheets[strings.ToLower(name)] = true
	return name
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// seCols is the number of columns of the form, A to I.
const seCols = 9

func (s *selfEvalWriter) unit(u *engine.UnitResult) error {
	if u.Failed() {
		return s.indexUnit(u, "")
	}
	name := s.sheetName(u)
	s.forms++
	id := s.forms + 1 // sheet 1 is the index
	sw := &sheetWriter{rows: spill.New(spoolMem)}
	form := &seForm{w: s, sw: sw, u: u}
	if err := form.write(); err != nil {
		return err
	}
	part, err := s.zip.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", id))
	if err != nil {
		return err
	}
	// The form is filed one page a unit.
	if err := sw.writeTo(part, `<sheetView workbookViewId="0"/>`, 1); err != nil {
		return err
	}
	fmt.Fprintf(s.entries, `<sheet name="%s" sheetId="%d" r:id="rIdF%d"/>`, xmlText(name), id, id)
	return s.indexUnit(u, name)
}

// xmlText escapes s for XML text or an attribute value.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// seForm writes one unit's form into its sheet, row by row.
type seForm struct {
	w      *selfEvalWriter
	sw     *sheetWriter
	u      *engine.UnitResult
	row    int
	merges [][2]string
}

// Styles of the form.
func (f *seForm) style(k styleKey) int { return f.w.st.id(k) }

func (f *seForm) label() int {
	return f.style(styleKey{border: true, align: "center", valign: "center", wrap: true, fill: "F2F2F2", bold: true})
}
func (f *seForm) text() int {
	return f.style(styleKey{border: true, valign: "center", wrap: true})
}
func (f *seForm) center() int {
	return f.style(styleKey{border: true, align: "center", valign: "center", wrap: true})
}
func (f *seForm) number(format string) int {
	return f.style(styleKey{border: true, valign: "center", numFmt: format})
}

// seWidths are the widths of columns A to I, in characters.
var seWidths = []float64{10, 12, 12, 22, 13, 13, 8, 8, 48}

// heightFor is the row height (points) that shows text wrapped in a cell
// width characters wide: spreadsheet programs do not grow rows written
// without a height, so the form sets each one.
func heightFor(text string, width float64) float64 {
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		w := textWidth(l)
		per := max(int(width)-1, 1)
		lines += max(1, (w+per-1)/per)
	}
	return float64(lines)*15 + 4
}

// put writes a row of cells from column A; nil cells are blank but
// bordered. A height of 0 fits the row to its text.
func (f *seForm) put(height float64, cells ...any) error {
	f.row++
	row := make([]any, seCols)
	for i := range row {
		row[i] = excelize.Cell{StyleID: f.text()}
	}
	fit := height == 0
	height = max(height, 18)
	for i, c := range cells {
		if c == nil {
			continue
		}
		row[i] = c
		if cell, ok := c.(excelize.Cell); ok && fit {
			if s, ok := cell.Value.(string); ok {
				height = max(height, heightFor(s, seWidths[i]))
			}
		}
	}
	return f.sw.SetRow(cellName(1, f.row), row, excelize.RowOpts{Height: height})
}

// line writes a row of one unbordered cell, to be merged across the form.
func (f *seForm) line(height float64, cell excelize.Cell) error {
	f.row++
	return f.sw.SetRow(cellName(1, f.row), []any{cell}, excelize.RowOpts{Height: height})
}

// merge merges columns from..to (from 1) over rows r0 to the current one;
// r0 = 0 means the current row alone.
func (f *seForm) merge(from, to, r0 int) {
	if r0 == 0 {
		r0 = f.row
	}
	if from == to && r0 == f.row {
		return
	}
	f.merges = append(f.merges, [2]string{cellName(from, r0), cellName(to, f.row)})
}

func (f *seForm) write() error {
	sw, m, u := f.sw, f.w.m, f.u
	for i, wd := range seWidths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	c := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	steps := []func() error{
		func() error {
			err := f.line(28, c(f.style(styleKey{bold: true, size: 16, align: "center", valign: "center"}), "绩效自评表"))
			f.merge(1, seCols, 0)
			return err
		},
		func() error {
			err := f.line(18, c(f.style(styleKey{align: "center", font: "595959"}), fmt.Sprintf("（%s，规则集 %s %s）", title(m), m.Ruleset.ID, m.Ruleset.Version)))
			f.merge(1, seCols, 0)
			return err
		},
		func() error {
			err := f.put(0, c(f.label(), "项目（单位）名称"), c(f.text(), u.Name))
			f.merge(2, seCols, 0)
			return err
		},
		func() error {
			err := f.put(0, c(f.label(), "单位编码"), c(f.text(), u.Unit), nil, nil, c(f.label(), "主管部门"))
			f.merge(2, 4, 0)
			f.merge(6, seCols, 0)
			return err
		},
		f.funds,
		f.goals,
		f.indicators,
		f.total,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for _, mg := range f.merges {
		if err := sw.MergeCell(mg[0], mg[1]); err != nil {
			return err
		}
	}
	return nil
}

// funds writes the 项目资金 block: 年度资金总额 from the budget inputs and
// the budget-execution indicator, and the 其中 rows, which no ruleset input
// describes, blank.
func (f *seForm) funds() error {
	b, u := f.w.budget, f.u
	c := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	first := f.row + 1
	head := []any{c(f.label(), "项目资金\n（万元）"), c(f.label(), nil)}
	for _, h := range []string{"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "说明"} {
		head = append(head, c(f.label(), h))
	}
	if err := f.put(22, head...); err != nil {
		return err
	}
	input := func(k int) excelize.Cell {
		if k < 0 || k >= len(u.Inputs) {
			return c(f.number(fmtPoints), nil)
		}
		switch v := u.Inputs[k]; v.Kind {
		case indicators.Number:
			return c(f.number(fmtPoints), v.Num)
		case indicators.NA:
			return c(f.center(), "不适用")
		}
		return c(f.number(fmtPoints), nil)
	}
	total := []any{nil, c(f.label(), "年度资金总额"), input(b.initial), input(b.annual), input(b.spent)}
	if b.indicator >= 0 {
		ir := &u.Indicators[b.indicator]
		total = append(total, c(f.number(fmtPoints), ir.Weight))
		switch {
		case ir.Status == indicators.StatusNA:
			total = append(total, c(f.center(), "不适用"), c(f.center(), "—"))
		case ir.HasValue && indicators.Finite(ir.Value):
			total = append(total, c(f.number(fmtPercent), ir.Value), c(f.number(fmtPoints), ir.Points))
		default:
			total = append(total, c(f.center(), "—"), c(f.number(fmtPoints), ir.Points))
		}
		total = append(total, c(f.text(), Deviation(ir)))
	}
	if err := f.put(0, total...); err != nil {
		return err
	}
	for _, l := range []string{"其中：当年财政拨款", "上年结转资金", "其他资金"} {
		dash := c(f.center(), "—")
		if err := f.put(0, nil, c(f.label(), l), nil, nil, nil, dash, dash, dash); err != nil {
			return err
		}
	}
	f.merge(1, 1, first)
	return nil
}

// goals writes the 年度总体目标 rows, which the unit fills in by hand.
func (f *seForm) goals() error {
	c := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	first := f.row + 1
	if err := f.put(22, c(f.label(), "年度总体目标"), c(f.label(), "预期目标"), nil, nil, nil, c(f.label(), "实际完成情况")); err != nil {
		return err
	}
	f.merge(2, 5, 0)
	f.merge(6, seCols, 0)
	if err := f.put(48); err != nil {
		return err
	}
	f.merge(2, 5, 0)
	f.merge(6, seCols, 0)
	f.merge(1, 1, first)
	return nil
}

// indicators writes one row per indicator but the budget-execution one,
// merging the 一级指标 and 二级指标 cells that repeat down the rows.
func (f *seForm) indicators() error {
	u := f.u
	c := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	first := f.row + 1
	head := []any{c(f.label(), "绩效指标")}
	for _, h := range []string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"} {
		head = append(head, c(f.label(), h))
	}
	if err := f.put(22, head...); err != nil {
		return err
	}
	var keys [][2]string // 一级指标 and 一级+二级指标 of each row written
	for _, i := range groupedOrder(u.Indicators, f.w.budget.indicator) {
		ir := &u.Indicators[i]
		l1, l2 := "", ""
		if len(ir.Group) > 0 {
			l1 = ir.Group[0]
		}
		if len(ir.Group) > 1 {
			l2 = ir.Group[1]
		}
		got := c(f.number(fmtPoints), ir.Points)
		if ir.Status == indicators.StatusNA {
			got = c(f.center(), "不适用")
		}
		if err := f.put(0, nil, c(f.center(), l1), c(f.center(), l2), c(f.text(), ir.Label), f.targetCell(i, ir),
			f.actualCell(i, ir), c(f.number(fmtPoints), ir.Weight), got, c(f.text(), Deviation(ir))); err != nil {
			return err
		}
		k2 := ""
		if l2 != "" {
			k2 = l1 + "\x00" + l2
		}
		keys = append(keys, [2]string{l1, k2})
	}
	for level := 0; level < 2; level++ {
		for start := 0; start < len(keys); {
			end := start
			for end+1 < len(keys) && keys[end+1][level] == keys[start][level] {
				end++
			}
			if keys[start][level] != "" && end > start {
				col := 2 + level
				f.merges = append(f.merges, [2]string{cellName(col, first+1+start), cellName(col, first+1+end)})
			}
			start = end + 1
		}
	}
	f.merge(1, 1, first)
	return nil
}

// targetCell is the 年度指标值: the target with its comparator where the
// indicator has one (≥ 95%, ≤ 365), blank otherwise.
func (f *seForm) targetCell(i int, ir *engine.IndicatorResult) excelize.Cell {
	if !ir.HasTarget {
		return excelize.Cell{StyleID: f.center()}
	}
	op := map[string]string{">=": "≥", "<=": "≤", "=": "="}[f.w.m.Indicators[i].Target.Op]
	v := Num(ir.Target)
	if f.w.m.Percent(i) {
		v = Percent(ir.Target)
	}
	return excelize.Cell{StyleID: f.center(), Value: op + v}
}

// actualCell is the 实际完成值: the indicator's value as a number (a
// percentage for ratios), the tier for qualitative indicators, or why there
// is none.
func (f *seForm) actualCell(i int, ir *engine.IndicatorResult) excelize.Cell {
	switch ir.Status {
	case indicators.StatusNA:
		return excelize.Cell{StyleID: f.center(), Value: "不适用"}
	case indicators.StatusMissing:
		return excelize.Cell{StyleID: f.center(), Value: "缺失"}
	case indicators.StatusError:
		return excelize.Cell{StyleID: f.center(), Value: "无法计算"}
	}
	if ir.Tier != "" {
		return excelize.Cell{StyleID: f.center(), Value: fmt.Sprintf("%s（%s）", ir.Tier, indicators.TierName(ir.Tier[0]))}
	}
	if !ir.HasValue || !indicators.Finite(ir.Value) {
		return excelize.Cell{StyleID: f.center()}
	}
	if f.w.m.Percent(i) {
		return excelize.Cell{StyleID: f.number(fmtPercent), Value: forPeople(ir.Value, true)}
	}
	if percentInput(f.w.m, i) {
		return excelize.Cell{StyleID: f.number(`0.##"%"`), Value: forPeople(ir.Value, false)}
	}
	return excelize.Cell{StyleID: f.number("0.####"), Value: forPeople(ir.Value, false)}
}

// total writes the 总分 row, the grade and rank, failed checks and review
// findings, and the provenance.
func (f *seForm) total() error {
	m, u := f.w.m, f.u
	c := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	var weight float64
	for _, ind := range m.Indicators {
		weight += ind.Weight
	}
	note := fmt.Sprintf("评价等级：%s；排名：第 %d 名（共 %d 个单位）", u.Grade, u.Rank, m.Population)
	if u.Applicable < weight {
		note += fmt.Sprintf("；含不适用指标，总分按适用分值 %s 折算为百分制", Num(u.Applicable))
	}
	bold := f.style(styleKey{border: true, bold: true, numFmt: fmtPoints, valign: "center"})
	if err := f.put(24, c(f.label(), "总分"), nil, nil, nil, nil, nil, c(bold, weight), c(bold, u.Score), c(f.text(), note)); err != nil {
		return err
	}
	f.merge(1, 6, 0)
	var issues []string
	for _, ch := range u.Checks {
		if !ch.OK && !ch.Skipped {
			issues = append(issues, "检查未通过："+ch.Message)
		}
	}
	for _, fd := range u.Review {
		issues = append(issues, "复核："+fd.Message)
	}
	if len(issues) > 0 {
		text := strings.Join(issues, "\n")
		if err := f.put(heightFor(text, sum(seWidths[1:])), c(f.label(), "数据检查与复核"), c(f.text(), text)); err != nil {
			return err
		}
		f.merge(2, seCols, 0)
	}
	f.row++ // a blank line before the provenance
	prov := "jixiao 按规则集计算。" + provenanceLine(m)
	if err := f.line(heightFor(prov, sum(seWidths)*1.3)*0.8, c(f.style(styleKey{font: "7F7F7F", size: 8, wrap: true, valign: "top"}), prov)); err != nil {
		return err
	}
	f.merge(1, seCols, 0)
	return nil
}

// indexNote is the 说明 of a scored unit on the index: what its form
// shows of missing data, indicators that could not be computed and
// failed checks, so that the list of units points at the forms to look at
// again; "" when there is nothing to say.
func indexNote(u *engine.UnitResult) string {
	var parts []string
	if l := labelsWith(u, indicators.StatusMissing); l != "" {
		parts = append(parts, "缺项："+l)
	}
	if l := labelsWith(u, indicators.StatusError); l != "" {
		parts = append(parts, "无法计算："+l)
	}
	if c := checksText(u); c != "" {
		parts = append(parts, "未通过校验："+c)
	}
	return strings.Join(parts, "\n")
}

// indexHead writes the top of the index sheet: its title and the heads of
// its columns, one line per unit below with a link to its form, or its
// errors when it could not be scored.
func (s *selfEvalWriter) indexHead() error {
	hs := s.st.id(styleKey{bold: true, fill: "D9E1F2", align: "center", border: true})
	// With --groups the index also gives each 一级指标's subtotal, after
	// the name.
	if s.o.Groups {
		s.groups = indicators.Groups(s.m.Indicators)
	}
	widths := []float64{10, 30}
	heads := []any{"单位", "名称"}
	for _, gr := range s.groups {
		widths = append(widths, 10)
		heads = append(heads, fmt.Sprintf("%s（%s分）", gr.Name, Num(gr.Weight)))
	}
	widths = append(widths, 9, 7, 7, 30, 50)
	heads = append(heads, "总分", "等级", "排名", "自评表", "说明")
	for i, wd := range widths {
		s.index.SetColWidth(i+1, i+1, wd)
	}
	if err := s.index.SetRow("A1", []any{excelize.Cell{StyleID: s.st.id(styleKey{bold: true, size: 14}),
		Value: fmt.Sprintf("%s：各单位绩效自评表", title(s.m))}}); err != nil {
		return err
	}
	for i, h := range heads {
		heads[i] = excelize.Cell{StyleID: hs, Value: h}
	}
	s.indexStyle.border = s.st.id(styleKey{border: true})
	s.indexStyle.num = s.st.id(styleKey{border: true, numFmt: fmtPoints})
	s.indexStyle.link = s.st.id(styleKey{border: true, font: "0563C1"})
	s.row = 3
	return s.index.SetRow("A3", heads)
}

// indexUnit writes a unit's line of the index: its subtotals, total,
// grade, rank and a link to its form, or its errors.
func (s *selfEvalWriter) indexUnit(u *engine.UnitResult, sheet string) error {
	s.row++
	g := len(s.groups)
	st := s.indexStyle
	vals := []any{u.Unit, u.Name}
	if u.Failed() {
		var msgs []string
		for _, e := range u.Errors {
			msgs = append(msgs, errorLine(e))
		}
		vals = append(vals, make([]any, g+3)...)
		vals = append(vals, "未能评分", strings.Join(msgs, "\n"))
	} else {
		for k := range s.groups {
			vals = append(vals, u.Groups[k].Points)
		}
		var note any
		if n := indexNote(u); n != "" {
			note = n
		}
		vals = append(vals, u.Score, u.Grade, u.Rank, sheet, note)
	}
	for i, v := range vals {
		style := st.border
		switch {
		case i >= 2 && i <= 2+g:
			style = st.num
		case sheet != "" && i == 5+g:
			style = st.link
		}
		vals[i] = excelize.Cell{StyleID: style, Value: v}
	}
	for k, gr := range s.groups {
		// A subtotal hiding a missing or uncomputable indicator is marked
		// as the comparison tables mark it (0.00缺, coloured).
		mk, marked := GroupMark(u, gr)
		if u.Failed() || !marked {
			continue
		}
		s.marks.addMark(mk, true)
		cell := excelize.Cell{StyleID: s.st.id(styleKey{border: true, numFmt: markedPoints(mk), fill: markFill[mk.Class]}), Value: vals[2+k].(excelize.Cell).Value}
		if mk == MarkNA {
			cell = excelize.Cell{StyleID: s.st.id(styleKey{border: true, align: "center", fill: markFill[mk.Class]}), Value: mk.Sym}
		}
		vals[2+k] = cell
	}
	if sheet != "" {
		if s.nlinks > excelize.TotalSheetHyperlinks {
			return msg.For(s.o.Lang).Errorf(msg.RepSelfEvalLinks, excelize.TotalSheetHyperlinks+1)
		}
		s.nlinks++
		ref := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!A1"
		fmt.Fprintf(s.index.links, `<hyperlink ref="%s" location="%s"/>`, cellName(6+g, s.row), xmlText(ref))
	}
	return s.index.SetRow(cellName(1, s.row), vals)
}

func (s *selfEvalWriter) end(sum engine.Summary) error {
	defer s.index.rows.Close()
	defer s.index.links.Close()
	defer s.entries.Close()
	last := colLetter(len(s.groups) + 6)
	s.row += 2
	lines := []string{summaryLine(sum, 0)}
	if legend := s.marks.legend(); len(legend) > 0 {
		lines = append(lines, "标记："+strings.Join(legend, "；"))
	}
	for _, line := range append(lines, provenanceLine(s.m)) {
		cell := cellName(1, s.row)
		if err := s.index.SetRow(cell, []any{excelize.Cell{StyleID: s.st.id(styleKey{wrap: true, valign: "top"}), Value: line}},
			excelize.RowOpts{Height: heightFor(line, 140)}); err != nil {
			return err
		}
		s.index.MergeCell(cell, fmt.Sprintf("%s%d", last, s.row))
		s.row++
	}
	if s.st.err != nil {
		return s.st.err
	}
	// The forms' sheets join the workbook's list, relations and content
	// types, as excelize writes them.
	each := func(format string) func(io.Writer) error {
		return func(w io.Writer) error {
			for id := 2; id <= s.forms+1; id++ {
				if _, err := fmt.Fprintf(w, format, id, id); err != nil {
					return err
				}
			}
			return nil
		}
	}
	add := func(mark string, add func(io.Writer) error) func(io.Writer, []byte) error {
		return func(w io.Writer, b []byte) error { return insertBefore(w, b, mark, add) }
	}
	s.zip.replace = map[string]func(io.Writer, []byte) error{
		// The index: frozen under its heads, as wide as a page.
		"xl/worksheets/sheet1.xml": func(w io.Writer, _ []byte) error {
			return s.index.writeTo(w, `<sheetView tabSelected="1" workbookViewId="0">`+
				`<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView>`, 0)
		},
		"xl/workbook.xml": add("</sheets>", func(w io.Writer) error { return writeOut(w, s.entries) }),
		"xl/_rels/workbook.xml.rels": add("</Relationships>", each(`<Relationship Id="rIdF%d" Target="worksheets/sheet%d.xml" `+
			`Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>`)),
		"[Content_Types].xml": add("</Types>", each(`<Override PartName="/xl/worksheets/sheet%[1]d.xml" `+
			`ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)),
	}
	_, err := s.f.WriteTo(s.w)
	return err
}

// insertBefore writes b with what add writes inserted before the last mark
// in it.
func insertBefore(w io.Writer, b []byte, mark string, add func(io.Writer) error) error {
	at := bytes.LastIndex(b, []byte(mark))
	if at < 0 {
		return internalf("workbook: no %s to add the forms' sheets before", mark)
	}
	if _, err := w.Write(b[:at]); err != nil {
		return err
	}
	if err := add(w); err != nil {
		return err
	}
	_, err := w.Write(b[at:])
	return err
}
