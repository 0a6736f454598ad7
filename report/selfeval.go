package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
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
type selfEvalWriter struct {
	w      io.Writer
	o      Options
	m      Meta
	budget budgetPart
	f      *excelize.File
	st     *styles
	sheets map[string]bool // names used, lower-cased
	index  []indexRow
}

// indexRow is a line of the index sheet.
type indexRow struct {
	u     *engine.UnitResult
	sheet string
}

func newSelfEval(w io.Writer, o Options) Writer {
	return &selfEvalWriter{w: w, o: o, sheets: map[string]bool{strings.ToLower(SheetIndex): true}}
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

func (s *selfEvalWriter) Begin(m Meta) error {
	s.m = m
	s.budget = findBudget(m)
	f, err := newWorkbook(SheetIndex, m)
	if err != nil {
		return err
	}
	s.f, s.st = f, newStyles(f)
	return setProperties(f, m, "绩效自评表（财预〔2020〕10号 附件1 格式）")
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

func (s *selfEvalWriter) Unit(u *engine.UnitResult) error {
	if u.Failed() {
		s.index = append(s.index, indexRow{u: u})
		return nil
	}
	name := s.sheetName(u)
	s.index = append(s.index, indexRow{u: u, sheet: name})
	if _, err := s.f.NewSheet(name); err != nil {
		return err
	}
	const a4 = 9
	// The form is filed one page a unit.
	if err := s.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: ptr(a4), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(1)}); err != nil {
		return err
	}
	if err := s.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	sw, err := s.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	form := &seForm{w: s, sw: sw, u: u}
	if err := form.write(); err != nil {
		return err
	}
	return sw.Flush()
}

// seForm writes one unit's form into its sheet, row by row.
type seForm struct {
	w      *selfEvalWriter
	sw     *excelize.StreamWriter
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
		case ir.Status == engine.StatusNA:
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
	for i := range u.Indicators {
		if i == f.w.budget.indicator {
			continue
		}
		ir := &u.Indicators[i]
		l1, l2 := "", ""
		if len(ir.Group) > 0 {
			l1 = ir.Group[0]
		}
		if len(ir.Group) > 1 {
			l2 = ir.Group[1]
		}
		got := c(f.number(fmtPoints), ir.Points)
		if ir.Status == engine.StatusNA {
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
	case engine.StatusNA:
		return excelize.Cell{StyleID: f.center(), Value: "不适用"}
	case engine.StatusMissing:
		return excelize.Cell{StyleID: f.center(), Value: "缺失"}
	case engine.StatusError:
		return excelize.Cell{StyleID: f.center(), Value: "无法计算"}
	}
	if ir.Tier != "" {
		return excelize.Cell{StyleID: f.center(), Value: fmt.Sprintf("%s（%s）", ir.Tier, indicators.TierName(ir.Tier[0]))}
	}
	if !ir.HasValue || !indicators.Finite(ir.Value) {
		return excelize.Cell{StyleID: f.center()}
	}
	if f.w.m.Percent(i) {
		return excelize.Cell{StyleID: f.number(fmtPercent), Value: ir.Value}
	}
	return excelize.Cell{StyleID: f.number("0.####"), Value: ir.Value}
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
	if l := labelsWith(u, engine.StatusMissing); l != "" {
		parts = append(parts, "缺项："+l)
	}
	if l := labelsWith(u, engine.StatusError); l != "" {
		parts = append(parts, "无法计算："+l)
	}
	if c := checksText(u); c != "" {
		parts = append(parts, "未通过校验："+c)
	}
	return strings.Join(parts, "\n")
}

func (s *selfEvalWriter) End(sum engine.Summary) error {
	if err := s.writeIndex(sum); err != nil {
		return err
	}
	if s.st.err != nil {
		return s.st.err
	}
	_, err := s.f.WriteTo(s.w)
	return err
}

// writeIndex fills the index sheet: one line per unit with a link to its
// form, or its errors when it could not be scored.
func (s *selfEvalWriter) writeIndex(sum engine.Summary) error {
	f := s.f
	hs := s.st.id(styleKey{bold: true, fill: "D9E1F2", align: "center", border: true})
	// With --groups the index also gives each 一级指标's subtotal, after
	// the name.
	var groups []Group
	if s.o.Groups {
		groups = Groups(s.m.Indicators)
	}
	g := len(groups)
	widths := []float64{10, 30}
	heads := []string{"单位", "名称"}
	for _, gr := range groups {
		widths = append(widths, 10)
		heads = append(heads, fmt.Sprintf("%s（%s分）", gr.Name, Num(gr.Weight)))
	}
	widths = append(widths, 9, 7, 7, 30, 50)
	heads = append(heads, "总分", "等级", "排名", "自评表", "说明")
	for i, wd := range widths {
		col := colLetter(i)
		if err := f.SetColWidth(SheetIndex, col, col, wd); err != nil {
			return err
		}
	}
	if err := f.SetCellValue(SheetIndex, "A1", fmt.Sprintf("%s：各单位绩效自评表", title(s.m))); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetIndex, "A1", "A1", s.st.id(styleKey{bold: true, size: 14})); err != nil {
		return err
	}
	for i, h := range heads {
		if err := f.SetCellValue(SheetIndex, cellName(i+1, 3), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(SheetIndex, "A3", cellName(len(heads), 3), hs); err != nil {
		return err
	}
	border := s.st.id(styleKey{border: true})
	num := s.st.id(styleKey{border: true, numFmt: fmtPoints})
	link := s.st.id(styleKey{border: true, font: "0563C1"})
	marks := marksSeen{}
	row := 3
	for _, ir := range s.index {
		row++
		u := ir.u
		vals := []any{u.Unit, u.Name}
		if u.Failed() {
			var msgs []string
			for _, e := range u.Errors {
				msgs = append(msgs, errorLine(e))
			}
			vals = append(vals, make([]any, g+3)...)
			vals = append(vals, "未能评分", strings.Join(msgs, "\n"))
		} else {
			for _, gr := range groups {
				vals = append(vals, Subtotal(u, gr))
			}
			var note any
			if n := indexNote(u); n != "" {
				note = n
			}
			vals = append(vals, u.Score, u.Grade, u.Rank, ir.sheet, note)
		}
		for i, v := range vals {
			if v == nil {
				continue
			}
			if err := f.SetCellValue(SheetIndex, cellName(i+1, row), v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(SheetIndex, cellName(1, row), cellName(len(heads), row), border); err != nil {
			return err
		}
		if err := f.SetCellStyle(SheetIndex, cellName(3, row), cellName(3+g, row), num); err != nil {
			return err
		}
		if !u.Failed() {
			// A subtotal hiding a missing or uncomputable indicator is
			// marked as the comparison tables mark it (0.00缺, coloured).
			for k, gr := range groups {
				mk, marked := GroupMark(u, gr)
				if !marked {
					continue
				}
				marks.addMark(mk, true)
				at := cellName(3+k, row)
				st := styleKey{border: true, numFmt: markedPoints(mk), fill: markFill[mk.Class]}
				if mk == MarkNA {
					st = styleKey{border: true, align: "center", fill: markFill[mk.Class]}
					if err := f.SetCellValue(SheetIndex, at, mk.Sym); err != nil {
						return err
					}
				}
				if err := f.SetCellStyle(SheetIndex, at, at, s.st.id(st)); err != nil {
					return err
				}
			}
		}
		if ir.sheet != "" {
			at := cellName(6+g, row)
			ref := "'" + strings.ReplaceAll(ir.sheet, "'", "''") + "'!A1"
			if err := f.SetCellHyperLink(SheetIndex, at, ref, "Location"); err != nil {
				return err
			}
			if err := f.SetCellStyle(SheetIndex, at, at, link); err != nil {
				return err
			}
		}
	}
	const a4 = 9
	if err := f.SetPageLayout(SheetIndex, &excelize.PageLayoutOptions{Size: ptr(a4), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(SheetIndex, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPanes(SheetIndex, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row += 2
	last := colLetter(len(heads) - 1)
	lines := []string{summaryLine(sum, 0)}
	if legend := marks.legend(); len(legend) > 0 {
		lines = append(lines, "标记："+strings.Join(legend, "；"))
	}
	lines = append(lines, provenanceLine(s.m))
	for _, line := range lines {
		cell := cellName(1, row)
		if err := f.SetCellValue(SheetIndex, cell, line); err != nil {
			return err
		}
		if err := f.MergeCell(SheetIndex, cell, fmt.Sprintf("%s%d", last, row)); err != nil {
			return err
		}
		if err := f.SetCellStyle(SheetIndex, cell, cell, s.st.id(styleKey{wrap: true, valign: "top"})); err != nil {
			return err
		}
		if err := f.SetRowHeight(SheetIndex, row, heightFor(line, 140)); err != nil {
			return err
		}
		row++
	}
	return nil
}
