package forms

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book builds a workbook cell by cell, as a unit would fill a form.
type book struct {
	t     *testing.T
	f     *excelize.File
	sheet string
	pct   int // a percent number format (0%)
}

func newBook(t *testing.T, sheet string) *book {
	t.Helper()
	f := excelize.NewFile()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	return &book{t: t, f: f, sheet: sheet, pct: pct}
}

// addSheet adds a sheet and makes it the one written to.
func (b *book) addSheet(name string) *book {
	b.t.Helper()
	if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
	b.sheet = name
	return b
}

// row writes values from cell start rightwards; nil leaves a cell empty.
func (b *book) row(start string, values ...any) *book {
	b.t.Helper()
	c, r, err := excelize.CellNameToCoordinates(start)
	if err != nil {
		b.t.Fatal(err)
	}
	for i, v := range values {
		if v == nil {
			continue
		}
		name, _ := excelize.CoordinatesToCellName(c+i, r)
		if err := b.f.SetCellValue(b.sheet, name, v); err != nil {
			b.t.Fatal(err)
		}
	}
	return b
}

func (b *book) merge(from, to string) *book {
	b.t.Helper()
	if err := b.f.MergeCell(b.sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// percent stores x in cell with a percent format: the cell shows 98% and
// holds 0.98.
func (b *book) percent(cell string, x float64) *book {
	b.t.Helper()
	if err := b.f.SetCellValue(b.sheet, cell, x); err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellStyle(b.sheet, cell, cell, b.pct); err != nil {
		b.t.Fatal(err)
	}
	return b
}

func (b *book) save(dir, name string) string {
	b.t.Helper()
	p := filepath.Join(dir, name)
	if err := b.f.SaveAs(p); err != nil {
		b.t.Fatal(err)
	}
	return p
}

// form10 writes the 10号 项目支出绩效自评表 used by the tests, starting at
// row top (1 for a tidy form), and returns the builder for more. Its
// figures and the points they score are worked by hand in forms_test.go.
func form10(b *book, top int) *book {
	at := func(col string, r int) string { return col + itoa(top+r-1) }
	b.row(at("A", 1), "项目支出绩效自评表").merge(at("A", 1), at("I", 1))
	b.row(at("A", 2), "（2022年度）").merge(at("A", 2), at("I", 2))
	b.row(at("A", 3), "项目名称", nil, "社区网格化服务").merge(at("C", 3), at("I", 3))
	b.row(at("A", 4), "主管部门", nil, "某某区委政法委", nil, "实施单位", nil, "219001-某某局")
	b.row(at("A", 5), "项目资金（万元）", nil, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分").merge(at("A", 5), at("A", 9))
	b.row(at("B", 6), "年度资金总额", 100, 100, 90, 10, nil, 9).percent(at("G", 6), 0.9)
	b.row(at("B", 7), "其中：本年财政拨款", 100, 100, 90)
	b.row(at("B", 8), "上年结转资金", 0, 0, 0)
	b.row(at("B", 9), "其他资金")
	b.row(at("A", 10), "年度总体目标", "预期目标", nil, nil, "实际完成情况")
	b.row(at("A", 11), nil, "完成网格化服务", nil, nil, "基本完成")
	b.row(at("A", 12), "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
	b.merge(at("A", 12), at("A", 21))
	b.row(at("B", 13), "产出指标（50分）", "数量指标", "培训场次", "不少于3次", "4次", 10, 10)
	b.row(at("D", 14), "设备采购数量", "≥50个", "45个", 10, 10, "供货延迟")
	b.row(at("C", 15), "质量指标", "验收合格率", "≥100%", nil, 10, 9.8).percent(at("F", 15), 0.98)
	b.row(at("D", 16), "设备完好率", "≧95%", "96%", 10, 10)
	b.row(at("C", 17), "成本指标", "项目成本", "≤90万元", "99万元", 10, 10)
	b.merge(at("B", 13), at("B", 17)).merge(at("C", 13), at("C", 14)).merge(at("C", 15), at("C", 16))
	b.row(at("B", 18), "效益指标（30分）", "社会效益指标", "政策知晓率", "=100%", "100%", 10, 10)
	b.row(at("D", 19), "服务效果", "有效", "有效", 10, 8)
	b.row(at("D", 20), "长效机制", "达成预期指标", "部分达成", 10, 9)
	b.merge(at("B", 18), at("B", 20)).merge(at("C", 18), at("C", 20))
	b.row(at("B", 21), "满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "85%", 10, 9.5)
	b.row(at("A", 22), "总分", nil, nil, nil, nil, nil, 100, 95.3).merge(at("A", 22), at("F", 22))
	b.row(at("A", 23), "自评等级", "优")
	b.row(at("A", 24), "填表人：张三      联系电话：0731-1234567      填表日期：2023年3月1日")
	return b
}

func itoa(n int) string {
	name, _ := excelize.CoordinatesToCellName(1, n)
	return name[1:]
}
