package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook of panel data has a 专家评分汇总 sheet in the 附件 layout:
// per unit, 指标 | 分值 | each rater | 评价得分 (see the derivation in
// ../../engine/panel_test.go).
func TestPanelSummarySheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "评分.xlsx")
	code, _, errOut := runTool(t, "", "eval", "-r", "testdata/panel/ruleset.yaml", "-d", "testdata/panel/units.csv", "-f", "xlsx", "--sort", "unit", "-o", path)
	if code != exitUnitsFailed { // P03's rows disagree
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("专家评分汇总")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"P01 甲项目"},
		{"指标", "分值", "张", "王", "李", "赵", "钱", "评价得分"},
		{"方案设计合理性", "10.00", "8.00", "9.00", "7.00", "8.00", "6.00", "7.60"},
		{"实施效果", "20.00", "18.00", "16.00", "17.00", "19.00", "10.00", "17.00"},
		{"方案设计（中位数）", "10.00", "8.00", "9.00", "7.00", "8.00", "6.00", "8.00"},
		{"合计", "40.00", "", "", "", "", "", "32.60"},
	}
	if len(rows) < len(want) {
		t.Fatalf("sheet rows %q", rows)
	}
	for i, w := range want {
		for j, cell := range w {
			if j >= len(rows[i]) || rows[i][j] != cell {
				t.Errorf("row %d: %q, want %q", i+1, rows[i], w)
				break
			}
		}
	}
}

func TestPanelSummaryHTML(t *testing.T) {
	_, out, _ := runTool(t, "", "eval", "-r", "testdata/panel/ruleset.yaml", "-d", "testdata/panel/units.csv", "-f", "html", "--sort", "unit")
	for _, part := range []string{
		"<h2>专家评分汇总</h2>\n<h3>P01 甲项目</h3>",
		"<th>指标</th><th>分值</th><th>张</th><th>王</th><th>李</th><th>赵</th><th>钱</th><th>评价得分</th>",
		`<tr><td>实施效果</td><td class="num">20</td><td class="num">18</td><td class="num">16</td><td class="num">17</td><td class="num">19</td><td class="num">10</td><td class="num">17</td></tr>`,
	} {
		if !strings.Contains(out, part) {
			t.Errorf("html lacks %q", part)
		}
	}
}
