package forms

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Limits on what a workbook may unzip to: a form is a few kilobytes, and a
// zip bomb must not take the machine's memory.
const (
	unzipLimit    = 64 << 20
	unzipXMLLimit = 16 << 20
	// maxRows bounds the rows of a sheet read as a form or an export.
	maxRows = 100_000
)

// Rejected is a file that was not reviewed, and why.
type Rejected struct {
	File string `json:"file"`
	Why  string `json:"why"`
}

// ReadPaths reads every form of paths: files, and directories walked in
// name order (hidden files and Office lock files ~$… skipped). Each .xlsx
// (or .xlsm) is read as forms; every other file is rejected with why, and so
// is a workbook that is not recognisably a self-evaluation form. Forms
// sharing a unit id get -2, -3… after it, in reading order.
func ReadPaths(paths []string) ([]*Form, []Rejected, error) { return Options{}.ReadPaths(paths) }

// ReadPaths is the function ReadPaths, its reasons worded in o's language.
func (o Options) ReadPaths(paths []string) ([]*Form, []Rejected, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("%s%w", o.printer().Sprintf(msg.FormsReadFolder, p), err)
		}
	}
	var forms []*Form
	var rejected []Rejected
	for _, f := range files {
		fs, err := o.ReadFile(f)
		if err != nil {
			rejected = append(rejected, Rejected{File: f, Why: word(o.printer(), err)})
			continue
		}
		forms = append(forms, fs...)
	}
	dedupe(forms)
	return forms, rejected, nil
}

// dedupe makes unit ids unique: a unit may submit one form per project.
func dedupe(forms []*Form) {
	seen := map[string]int{}
	for _, f := range forms {
		seen[f.Unit]++
		if n := seen[f.Unit]; n > 1 {
			f.Unit += "-" + strconv.Itoa(n)
		}
	}
}

// ErrNotForm is wrapped by the error of a workbook with no indicator table.
var ErrNotForm = errors.New("not a self-evaluation form")

// notFormError is the error of a workbook that is no form: its reason
// worded, wrapping ErrNotForm.
type notFormError struct{ why string }

func (e notFormError) Error() string { return e.why }
func (e notFormError) Unwrap() error { return ErrNotForm }

func notForm(p msg.Printer, why problem) error { return notFormError{word(p, why)} }

// ReadFile reads the forms of one workbook: one for a 10号 form, one per
// unit and project for a flat export.
func ReadFile(path string) ([]*Form, error) { return Options{}.ReadFile(path) }

// ReadFile is the function ReadFile, its errors and the reasons of the
// cells it cannot read worded in o's language.
func (o Options) ReadFile(path string) ([]*Form, error) {
	p := o.printer()
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".xlsm":
	case ".xls", ".et", ".ett":
		return nil, errors.New(p.Sprintf(msg.FormsXLS, path, ext))
	default:
		return nil, errors.New(p.Sprintf(msg.FormsNotBook, path))
	}
	wb, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: unzipXMLLimit})
	if err != nil {
		return nil, errors.New(p.Sprintf(msg.FormsCannotOpen, path, err))
	}
	defer wb.Close()
	var why []string
	for _, sheet := range wb.GetSheetList() {
		g, err := readGrid(p, wb, path, sheet)
		if err != nil {
			return nil, err
		}
		h, cols := findHeader(g)
		if h < 0 {
			why = append(why, sheet)
			continue
		}
		if cols.has(colCode) || cols.has(colUnitName) {
			return readFlat(g, h, cols)
		}
		return []*Form{readForm(g, h, cols)}, nil
	}
	return nil, notForm(p, problemf(msg.FormsNoTable, path, strings.Join(why, ", ")))
}

// grid is a sheet's cells: text as shown and as stored, merged cells
// filled with their top-left cell (whose Ref they keep).
type grid struct {
	wb          *excelize.File
	file, sheet string
	cells       [][]Cell
	raw         [][]string
	p           msg.Printer // words the reasons of cells that do not read
}

func (g *grid) at(r, c int) Cell {
	if r < len(g.cells) && c >= 0 && c < len(g.cells[r]) {
		return g.cells[r][c]
	}
	name, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return Cell{Ref: g.ref(name)}
}

func (g *grid) rawAt(r, c int) string {
	if r < len(g.raw) && c >= 0 && c < len(g.raw[r]) {
		return g.raw[r][c]
	}
	return ""
}

// uncomputed reports whether the blank cell c holds a formula with no
// computed value (a workbook written by a program and never saved by
// Excel or WPS): reading it as blank would drop a claim or a value.
func (g *grid) uncomputed(c Cell) bool {
	if c.Text != "" || c.Ref == "" {
		return false
	}
	name := c.Ref[strings.LastIndexByte(c.Ref, '!')+1:]
	f, err := g.wb.GetCellFormula(g.sheet, name)
	return err == nil && f != ""
}

func (g *grid) ref(cell string) string {
	return filepath.Base(g.file) + "!" + g.sheet + "!" + cell
}

func readGrid(p msg.Printer, wb *excelize.File, path, sheet string) (*grid, error) {
	shown, err := wb.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s!%s: %w", path, sheet, err)
	}
	if len(shown) > maxRows {
		return nil, errors.New(p.Sprintf(msg.FormsTooManyRows, path, sheet, len(shown), maxRows))
	}
	raw, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s!%s: %w", path, sheet, err)
	}
	g := &grid{wb: wb, file: path, sheet: sheet, raw: raw, cells: make([][]Cell, len(shown)), p: p}
	for r, row := range shown {
		g.cells[r] = make([]Cell, len(row))
		for c, v := range row {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			g.cells[r][c] = Cell{Text: strings.TrimSpace(v), Ref: g.ref(name)}
		}
	}
	merges, err := wb.GetMergeCells(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s!%s: %w", path, sheet, err)
	}
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r0 > len(g.cells) {
			continue
		}
		top := g.at(r0-1, c0-1)
		topRaw := g.rawAt(r0-1, c0-1)
		for r := r0 - 1; r < r1 && r < len(g.cells); r++ {
			for c := c0 - 1; c < c1; c++ {
				if r == r0-1 && c == c0-1 {
					continue
				}
				for len(g.cells[r]) <= c {
					g.cells[r] = append(g.cells[r], Cell{})
				}
				g.cells[r][c] = top
				for len(g.raw) <= r {
					g.raw = append(g.raw, nil)
				}
				for len(g.raw[r]) <= c {
					g.raw[r] = append(g.raw[r], "")
				}
				g.raw[r][c] = topRaw
			}
		}
	}
	return g, nil
}

// Columns of the indicator table and of a flat export.
const (
	colL1 = iota
	colL2
	colL3
	colTarget
	colActual
	colWeight
	colClaim
	colReason
	colCode
	colUnitName
	colProject
	colDirection
	colMeasure
	nCols
)

// columns maps each column kind to its index, -1 when absent.
type columns [nCols]int

func (c *columns) has(k int) bool { return c[k] >= 0 }

// headerKind says which column a header cell names, -1 for none.
func headerKind(text string) int {
	s := fold(text)
	switch s {
	case "一级指标":
		return colL1
	case "二级指标":
		return colL2
	case "三级指标", "三级指标名称", "指标名称":
		return colL3
	case "年度指标值", "指标值", "年度目标值", "目标值", "预期指标值", "年度绩效指标值":
		return colTarget
	case "实际完成值", "全年实际完成值", "实际值", "完成值", "全年完成值":
		return colActual
	case "分值", "指标分值", "权重", "权重分值", "满分":
		return colWeight
	case "得分", "自评得分", "实际得分":
		return colClaim
	case "单位编码", "单位代码", "预算单位编码", "编码":
		return colCode
	case "单位名称", "预算单位", "预算单位名称", "实施单位":
		return colUnitName
	case "项目名称":
		return colProject
	case "指标方向", "指标性质", "方向", "指标类型":
		return colDirection
	case "度量单位", "计量单位", "单位":
		return colMeasure
	}
	if strings.HasPrefix(s, "偏差原因") || strings.HasPrefix(s, "未完成原因") || strings.HasPrefix(s, "偏离原因") {
		return colReason
	}
	return -1
}

// findHeader finds the indicator table's header row: the first row naming
// 三级指标, 分值 and 得分 and one of 年度指标值 and 实际完成值.
func findHeader(g *grid) (int, columns) {
	for r, row := range g.cells {
		var cols columns
		for k := range cols {
			cols[k] = -1
		}
		for c, cell := range row {
			if k := headerKind(cell.Text); k >= 0 && cols[k] < 0 {
				cols[k] = c
			}
		}
		if cols.has(colL3) && cols.has(colWeight) && cols.has(colClaim) && (cols.has(colTarget) || cols.has(colActual)) {
			return r, cols
		}
	}
	return -1, columns{}
}

// pointsInLabel reads the points a 一级 label states: 产出指标（50分）.
var pointsInLabel = regexp.MustCompile(`^(.*?)[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$`)

// endWords start the rows after the indicator table; shortWords end it
// only as a whole cell or before a colon or bracket (注册用户数 is a row).
var (
	endWords   = []string{"总分", "合计", "自评等级", "评价等级", "填表人", "填报人", "联系电话", "单位负责人", "财务负责人", "审核人"}
	shortWords = []string{"等级", "注", "备注", "说明"}
)

func firstText(row []Cell) (int, Cell) {
	for c, cell := range row {
		if cell.Text != "" {
			return c, cell
		}
	}
	return -1, Cell{}
}

// readForm reads a 10号 form whose indicator header is row h.
func readForm(g *grid, h int, cols columns) *Form {
	f := &Form{File: g.file, Sheet: g.sheet, Shape: ShapeForm}
	readHead(g, h, f)
	readFunds(g, h, f)
	f.addFundRow()
	var l1, l2 Cell
	groups := map[string]bool{}
	r := h + 1
	for ; r < len(g.cells); r++ {
		row := g.cells[r]
		_, first := firstText(row)
		if first.Text == "" {
			continue
		}
		if endRow(first.Text) {
			break
		}
		if c := g.at(r, cols[colL1]); c.Text != "" && cols.has(colL1) {
			l1 = c
		}
		if c := g.at(r, cols[colL2]); c.Text != "" && cols.has(colL2) {
			l2 = c
		}
		label := g.at(r, cols[colL3])
		if label.Text == "" || isHeaderRepeat(label.Text) {
			if figures(g, r, cols) {
				f.Unreadable = append(f.Unreadable, Problem{Cell: label, Why: g.p.Sprintf(msg.FormsNoLabel)})
			}
			continue
		}
		row1 := l1
		if m := pointsInLabel.FindStringSubmatch(fold(l1.Text)); m != nil {
			if !groups[m[1]] {
				groups[m[1]] = true
				p, _ := strconv.ParseFloat(m[2], 64)
				f.Groups = append(f.Groups, Group{Label: m[1], Points: p, Cell: l1})
			}
			row1.Text = m[1]
		}
		f.addRow(g, r, cols, row1, l2, label)
	}
	readTail(g, r, cols, f)
	f.uniqueLabels()
	return f
}

// uniqueLabels makes the rows' 三级指标 unique within the form, as ids in
// reviews and extracts must be: a repeated label gets its 二级指标 in
// brackets, then #2, #3….
func (f *Form) uniqueLabels() {
	seen := map[string]bool{}
	for i := range f.Rows {
		r := &f.Rows[i]
		l := r.Label.Text
		if seen[l] && r.Level2.Text != "" {
			l += "（" + r.Level2.Text + "）"
		}
		for n := 2; seen[l]; n++ {
			l = r.Label.Text + "#" + strconv.Itoa(n)
		}
		seen[l] = true
		r.Label.Text = l
	}
}

// isHeaderRepeat: a header row repeated under a page break.
func isHeaderRepeat(s string) bool { return headerKind(s) == colL3 }

func endRow(s string) bool {
	s = fold(s)
	for _, w := range endWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	for _, w := range shortWords {
		if t, ok := strings.CutPrefix(s, w); ok && (t == "" || strings.ContainsRune(":：(（", []rune(t)[0])) {
			return true
		}
	}
	return false
}

// figures reports whether row r holds a target, an actual, points or a
// claim.
func figures(g *grid, r int, cols columns) bool {
	for _, k := range []int{colTarget, colActual, colWeight, colClaim} {
		if cols.has(k) && g.at(r, cols[k]).Text != "" {
			return true
		}
	}
	return false
}

// readHead reads the block above the table: 项目名称, 主管部门, 实施单位
// (written 219001-某某局), 单位编码, 单位名称. A key's value is the next
// cell to its right with other text (merged cells repeat the key).
func readHead(g *grid, h int, f *Form) {
	var unitCell, codeCell, nameCell Cell
	for r := 0; r < h && r < len(g.cells); r++ {
		row := g.cells[r]
		for c, cell := range row {
			key := fold(cell.Text)
			key = strings.TrimRight(key, ":：")
			var dst *Cell
			switch key {
			case "项目名称":
				v := nextValue(row, c)
				f.Project = v.Text
				continue
			case "实施单位", "预算单位", "部门名称", "单位名称（盖章）", "单位（盖章）":
				dst = &unitCell
			case "单位名称":
				dst = &nameCell
			case "单位编码", "单位代码", "项目编码", "项目代码":
				dst = &codeCell
			default:
				continue
			}
			if dst.Text == "" {
				*dst = nextValue(row, c)
			}
		}
	}
	f.Unit, f.UnitCell = "", ""
	if unitCell.Text != "" {
		if m := codeAndName.FindStringSubmatch(unitCell.Text); m != nil {
			f.Unit, f.Name, f.UnitCell = m[1], strings.TrimSpace(m[2]), unitCell.Ref
		} else {
			f.Name = unitCell.Text
		}
	}
	if f.Name == "" && nameCell.Text != "" {
		f.Name = nameCell.Text
	}
	if f.Unit == "" && codeCell.Text != "" {
		f.Unit, f.UnitCell = fold(codeCell.Text), codeCell.Ref
	}
	if f.Unit == "" {
		f.Unit = strings.TrimSuffix(filepath.Base(g.file), filepath.Ext(g.file))
	}
}

// codeAndName splits 219001-某某局.
var codeAndName = regexp.MustCompile(`^\s*([0-9A-Za-z]+)\s*[-－—_ 　]\s*(\S.*)$`)

func nextValue(row []Cell, c int) Cell {
	key := row[c].Text
	for k := c + 1; k < len(row); k++ {
		if row[k].Text != "" && row[k].Text != key {
			return row[k]
		}
	}
	return Cell{}
}

// Columns of the 资金 block.
const (
	fundInitial = iota
	fundBudget
	fundSpent
	fundWeight
	fundRate
	fundClaim
	nFund
)

// fundLabels are the rows of the 资金 block.
var fundLabels = []string{"年度资金总额", "资金总额", "本年财政拨款", "财政拨款", "上年结转", "其他资金"}

// readFunds reads the 资金 block above the indicator table: the row naming
// 全年预算数 and 全年执行数, and the rows under it labelled as fund rows.
func readFunds(g *grid, h int, f *Form) {
	for r := 0; r < h; r++ {
		var cols [nFund]int
		for k := range cols {
			cols[k] = -1
		}
		first := -1
		for c, cell := range g.cells[r] {
			k := -1
			switch s := fold(cell.Text); {
			case strings.HasPrefix(s, "年初预算数"):
				k = fundInitial
			case strings.HasPrefix(s, "全年预算数"):
				k = fundBudget
			case strings.HasPrefix(s, "全年执行数"):
				k = fundSpent
			case s == "分值":
				k = fundWeight
			case strings.HasPrefix(s, "执行率"):
				k = fundRate
			case s == "得分":
				k = fundClaim
			}
			if k >= 0 && cols[k] < 0 {
				cols[k] = c
				if first < 0 {
					first = c
				}
			}
		}
		if cols[fundBudget] < 0 || cols[fundSpent] < 0 {
			continue
		}
		for q := r + 1; q < h; q++ {
			label, ok := fundLabel(g.cells[q], first)
			if !ok {
				break
			}
			fr := FundRow{Label: label}
			for k, dst := range []**Number{&fr.Initial, &fr.Budget, &fr.Spent, &fr.Weight, &fr.Rate, &fr.Claimed} {
				if cols[k] < 0 {
					continue
				}
				c := g.at(q, cols[k])
				if c.Text == "" {
					continue
				}
				var x float64
				var err error
				if k == fundRate {
					x, err = percent(c, g.rawAt(q, cols[k]))
				} else {
					x, err = number(c, g.rawAt(q, cols[k]))
				}
				if err != nil {
					f.Unreadable = append(f.Unreadable, Problem{Cell: c, Why: g.p.Sprintf(msg.FormsFundCell, fold(g.at(r, cols[k]).Text), label.Text, word(g.p, err))})
					continue
				}
				*dst = &Number{V: x, Cell: c}
			}
			f.Funds = append(f.Funds, fr)
		}
		return
	}
}

func fundLabel(row []Cell, first int) (Cell, bool) {
	for c, cell := range row {
		if first >= 0 && c >= first {
			break
		}
		s := fold(cell.Text)
		for _, l := range fundLabels {
			if strings.Contains(s, l) {
				return cell, true
			}
		}
	}
	return Cell{}, false
}

// number reads a figure: a number cell's stored value, or text such as
// "10", "10分", "90万元", "1,234.5" (numbers stored as text).
func number(c Cell, raw string) (float64, error) {
	if x, err := strconv.ParseFloat(raw, 64); err == nil && indicators.Finite(x) && !strings.HasSuffix(c.Text, "%") {
		return x, nil
	}
	s := fold(c.Text)
	for _, u := range []string{"万元", "万", "元", "分"} {
		if t, ok := strings.CutSuffix(s, u); ok {
			s = t
			break
		}
	}
	return indicators.ParseNumber(s)
}

// percent reads a rate: 95%, 95.23% (text or a number cell with a percent
// format, whose stored fraction is read). A bare number is refused: 0.95
// and 95 would both be read as someone meant them only by guessing.
func percent(c Cell, raw string) (float64, error) {
	s := fold(c.Text)
	t, ok := strings.CutSuffix(s, "%")
	if !ok {
		return 0, problemf(msg.FormsNotPercent, c.Text)
	}
	if x, err := strconv.ParseFloat(raw, 64); err == nil && indicators.Finite(x) {
		return x, nil
	}
	x, err := indicators.ParseNumber(t)
	return x / 100, err
}

// addRow reads one indicator row.
func (f *Form) addRow(g *grid, r int, cols columns, l1, l2, label Cell) {
	row := Row{Level1: l1, Level2: l2, Label: label,
		TargetCell: g.at(r, cols[colTarget]), ActualCell: g.at(r, cols[colActual]), Reason: g.at(r, cols[colReason])}
	if !cols.has(colReason) {
		row.Reason = Cell{}
	}
	bad := func(c Cell, err error) {
		f.Unreadable = append(f.Unreadable, Problem{Cell: c, Why: g.p.Sprintf(msg.FormsRowProblem, label.Text, word(g.p, err))})
	}
	for _, k := range []int{colTarget, colActual, colWeight, colClaim} {
		if c := g.at(r, cols[k]); cols.has(k) && g.uncomputed(c) {
			bad(c, problemf(msg.DataNotComputed))
			return
		}
	}
	text := row.TargetCell.Text
	if cols.has(colMeasure) {
		if mu := fold(g.at(r, cols[colMeasure]).Text); mu != "" && !strings.HasSuffix(fold(text), mu) && text != "" {
			text += mu
		}
	}
	t, err := ParseTarget(text)
	if err != nil {
		bad(row.TargetCell, err)
		return
	}
	if cols.has(colDirection) {
		dc := g.at(r, cols[colDirection])
		if dc.Text != "" {
			op, ok := directionOf(dc.Text)
			explicit, _ := cutOp(fold(row.TargetCell.Text))
			switch {
			case !ok:
				bad(dc, problemf(msg.FormsDirection, dc.Text))
				return
			case op == "" || t.Qualitative():
				// 定性: the wording decides.
			case explicit != "" && explicit != op:
				bad(dc, problemf(msg.FormsDirContra, dc.Text, row.TargetCell.Text))
				return
			default:
				t.Op = op
			}
		}
	}
	row.Target = t
	w := g.at(r, cols[colWeight])
	if w.Text == "" {
		bad(w, problemf(msg.FormsWeightBlank))
		return
	}
	x, err := number(w, g.rawAt(r, cols[colWeight]))
	if err != nil || x <= 0 {
		if err == nil {
			err = problemf(msg.FormsNotAbove0, w.Text)
		}
		bad(w, problemf(msg.FormsWeight, err))
		return
	}
	row.Weight = Number{V: x, Cell: w}
	if c := g.at(r, cols[colClaim]); c.Text != "" {
		x, err := number(c, g.rawAt(r, cols[colClaim]))
		if err != nil {
			bad(c, problemf(msg.FormsClaim, err))
			return
		}
		row.Claimed = &Number{V: x, Cell: c}
	}
	v, err := parseActual(row.ActualCell, g.rawAt(r, cols[colActual]), t)
	if err != nil {
		bad(row.ActualCell, err)
		return
	}
	row.Actual = v
	f.Rows = append(f.Rows, row)
}

// readTail reads the rows after the table: 总分 (its 分值 and 得分) and
// 自评等级 (the next cell with other text).
func readTail(g *grid, from int, cols columns, f *Form) {
	for r := from; r < len(g.cells); r++ {
		c, first := firstText(g.cells[r])
		if c < 0 {
			continue
		}
		s := fold(first.Text)
		switch {
		case strings.HasPrefix(s, "总分") || strings.HasPrefix(s, "合计"):
			if f.Total == nil {
				if cell := g.at(r, cols[colClaim]); cell.Text != "" && cell.Text != first.Text {
					if x, err := number(cell, g.rawAt(r, cols[colClaim])); err == nil {
						f.Total = &Number{V: x, Cell: cell}
					} else {
						f.Unreadable = append(f.Unreadable, Problem{Cell: cell, Why: g.p.Sprintf(msg.FormsTotal, word(g.p, err))})
					}
				}
				if cell := g.at(r, cols[colWeight]); cell.Text != "" && cell.Text != first.Text {
					if x, err := number(cell, g.rawAt(r, cols[colWeight])); err == nil {
						f.TotalWeight = &Number{V: x, Cell: cell}
					}
				}
			}
			// The grade may share the row: 总分 | … | 自评等级 | 优.
			for k, cell := range g.cells[r] {
				if k > c && strings.HasPrefix(fold(cell.Text), "自评等级") {
					if v := nextValue(g.cells[r], k); v.Text != "" && f.Grade == nil {
						f.Grade = &v
					}
				}
			}
		case strings.HasPrefix(s, "自评等级") || strings.HasPrefix(s, "评价等级") || s == "等级":
			if v := nextValue(g.cells[r], c); v.Text != "" && f.Grade == nil {
				f.Grade = &v
			}
		}
	}
}

// readFlat reads a flat export: one form per unit and project, in the
// order they first appear.
func readFlat(g *grid, h int, cols columns) ([]*Form, error) {
	byKey := map[string]*Form{}
	var out []*Form
	var l1, l2 Cell
	for r := h + 1; r < len(g.cells); r++ {
		if _, first := firstText(g.cells[r]); first.Text == "" {
			continue
		}
		code, name, project := g.at(r, cols[colCode]), g.at(r, cols[colUnitName]), g.at(r, cols[colProject])
		if !cols.has(colCode) {
			code = Cell{}
		}
		if !cols.has(colUnitName) {
			name = Cell{}
		}
		if !cols.has(colProject) {
			project = Cell{}
		}
		id := fold(code.Text)
		if id == "" {
			id = name.Text
		}
		key := id + "\x00" + project.Text
		f := byKey[key]
		if f == nil {
			f = &Form{File: g.file, Sheet: g.sheet, Shape: ShapeFlat, Unit: id, Name: name.Text, Project: project.Text, UnitCell: code.Ref}
			if id == "" {
				f.Unit = strings.TrimSuffix(filepath.Base(g.file), filepath.Ext(g.file))
				f.UnitCell = ""
			}
			byKey[key] = f
			out = append(out, f)
			l1, l2 = Cell{}, Cell{}
		}
		if c := g.at(r, cols[colL1]); c.Text != "" && cols.has(colL1) {
			l1 = c
		}
		if c := g.at(r, cols[colL2]); c.Text != "" && cols.has(colL2) {
			l2 = c
		}
		label := g.at(r, cols[colL3])
		if label.Text == "" {
			if figures(g, r, cols) {
				f.Unreadable = append(f.Unreadable, Problem{Cell: label, Why: g.p.Sprintf(msg.FormsNoLabel)})
			}
			continue
		}
		row1 := l1
		if m := pointsInLabel.FindStringSubmatch(fold(l1.Text)); m != nil {
			row1.Text = m[1]
		}
		f.addRow(g, r, cols, row1, l2, label)
	}
	for _, f := range out {
		f.uniqueLabels()
	}
	if len(out) == 0 {
		return nil, notForm(g.p, problemf(msg.FormsNoRows, g.file, g.sheet, h+1))
	}
	return out, nil
}
