// Package formtest builds self-evaluation workbooks (自评表) cell by cell,
// as units fill them, for the tests and benchmarks of package forms and of
// jixiao review.
package formtest

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Book builds a workbook cell by cell, as a unit would fill a form.
type Book struct {
	t     testing.TB
	f     *excelize.File
	sheet string
	pct   int // a percent number format (0%)
}

// New returns a workbook whose first sheet is named sheet.
func New(t testing.TB, sheet string) *Book {
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
	return &Book{t: t, f: f, sheet: sheet, pct: pct}
}

// AddSheet adds a sheet and makes it the one written to.
func (b *Book) AddSheet(name string) *Book {
	b.t.Helper()
	if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
	b.sheet = name
	return b
}

// Row writes values from cell start rightwards; nil leaves a cell empty.
func (b *Book) Row(start string, values ...any) *Book {
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

// Merge merges the cells from:to.
func (b *Book) Merge(from, to string) *Book {
	b.t.Helper()
	if err := b.f.MergeCell(b.sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// Percent stores x in cell with a percent format: the cell shows 98% and
// holds 0.98.
func (b *Book) Percent(cell string, x float64) *Book {
	b.t.Helper()
	if err := b.f.SetCellValue(b.sheet, cell, x); err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellStyle(b.sheet, cell, cell, b.pct); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// Save writes the workbook as dir/name and returns its path.
func (b *Book) Save(dir, name string) string {
	b.t.Helper()
	p := filepath.Join(dir, name)
	if err := b.f.SaveAs(p); err != nil {
		b.t.Fatal(err)
	}
	return p
}

// Form10 writes a 10号 项目支出绩效自评表 of unit 219001 starting at row
// top (1 for a tidy form) and returns the builder for more. Its figures
// and the points they score are worked by hand in forms/forms_test.go:
// rules 91.24 (优), claims 95.3 with five claim_high findings.
func Form10(b *Book, top int) *Book { return Form10Of(b, top, "219001-某某局") }

// Form10Of is Form10 for another 实施单位 (written code-name).
func Form10Of(b *Book, top int, unit string) *Book {
	at := func(col string, r int) string { return col + itoa(top+r-1) }
	b.Row(at("A", 1), "项目支出绩效自评表").Merge(at("A", 1), at("I", 1))
	b.Row(at("A", 2), "（2022年度）").Merge(at("A", 2), at("I", 2))
	b.Row(at("A", 3), "项目名称", nil, "社区网格化服务").Merge(at("C", 3), at("I", 3))
	b.Row(at("A", 4), "主管部门", nil, "某某区委政法委", nil, "实施单位", nil, unit)
	b.Row(at("A", 5), "项目资金（万元）", nil, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分").Merge(at("A", 5), at("A", 9))
	b.Row(at("B", 6), "年度资金总额", 100, 100, 90, 10, nil, 9).Percent(at("G", 6), 0.9)
	b.Row(at("B", 7), "其中：本年财政拨款", 100, 100, 90)
	b.Row(at("B", 8), "上年结转资金", 0, 0, 0)
	b.Row(at("B", 9), "其他资金")
	b.Row(at("A", 10), "年度总体目标", "预期目标", nil, nil, "实际完成情况")
	b.Row(at("A", 11), nil, "完成网格化服务", nil, nil, "基本完成")
	b.Row(at("A", 12), "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
	b.Merge(at("A", 12), at("A", 21))
	b.Row(at("B", 13), "产出指标（50分）", "数量指标", "培训场次", "不少于3次", "4次", 10, 10)
	b.Row(at("D", 14), "设备采购数量", "≥50个", "45个", 10, 10, "供货延迟")
	b.Row(at("C", 15), "质量指标", "验收合格率", "≥100%", nil, 10, 9.8).Percent(at("F", 15), 0.98)
	b.Row(at("D", 16), "设备完好率", "≧95%", "96%", 10, 10)
	b.Row(at("C", 17), "成本指标", "项目成本", "≤90万元", "99万元", 10, 10)
	b.Merge(at("B", 13), at("B", 17)).Merge(at("C", 13), at("C", 14)).Merge(at("C", 15), at("C", 16))
	b.Row(at("B", 18), "效益指标（30分）", "社会效益指标", "政策知晓率", "=100%", "100%", 10, 10)
	b.Row(at("D", 19), "服务效果", "有效", "有效", 10, 8)
	b.Row(at("D", 20), "长效机制", "达成预期指标", "部分达成", 10, 9)
	b.Merge(at("B", 18), at("B", 20)).Merge(at("C", 18), at("C", 20))
	b.Row(at("B", 21), "满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "85%", 10, 9.5)
	b.Row(at("A", 22), "总分", nil, nil, nil, nil, nil, 100, 95.3).Merge(at("A", 22), at("F", 22))
	b.Row(at("A", 23), "自评等级", "优")
	b.Row(at("A", 24), "填表人：张三      联系电话：0731-1234567      填表日期：2023年3月1日")
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }

// Number stores x in cell with the built-in number format numFmt (1 is
// "0": 45.674 shows as 46).
func (b *Book) Number(cell string, x float64, numFmt int) *Book {
	b.t.Helper()
	style, err := b.f.NewStyle(&excelize.Style{NumFmt: numFmt})
	if err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellValue(b.sheet, cell, x); err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellStyle(b.sheet, cell, cell, style); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// Formula sets a formula in cell without a computed value, as programs
// write workbooks.
func (b *Book) Formula(cell, formula string) *Book {
	b.t.Helper()
	if err := b.f.SetCellFormula(b.sheet, cell, formula); err != nil {
		b.t.Fatal(err)
	}
	return b
}
