package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// gridLines returns the lines of the table grid: from the first line with
// a bar to the last.
func gridLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, " | ") || strings.Contains(l, "-+-") || strings.HasSuffix(l, " |") {
			out = append(out, l)
		}
	}
	return out
}

// barColumns returns the display columns at which c (a condition on
// ambiguous widths) puts each rune of line.
func columnsOf(line string, c *runewidth.Condition) map[int]rune {
	at := map[int]rune{}
	col := 0
	for _, r := range line {
		at[col] = r
		col += c.RuneWidth(r)
	}
	return at
}

// checkAligned checks that every grid line has a bar ('|', or '+' in a
// rule) at each display column where the header line has one, measuring
// ambiguous characters both narrow (terminals by default, and pipes) and
// wide (what width libraries assume under LANG=zh_CN.UTF-8).
func checkAligned(t *testing.T, text string) {
	t.Helper()
	lines := gridLines(text)
	if len(lines) < 4 {
		t.Fatalf("no table grid in:\n%s", text)
	}
	for _, east := range []bool{false, true} {
		c := &runewidth.Condition{EastAsianWidth: east}
		var header string
		for _, l := range lines {
			if strings.HasPrefix(l, "排名") {
				header = l
			}
		}
		var bars []int
		for col, r := range columnsOf(header, c) {
			if r == '|' {
				bars = append(bars, col)
			}
		}
		if len(bars) < 2 {
			t.Fatalf("header has %d bars: %q", len(bars), header)
		}
		for _, l := range lines {
			at := columnsOf(l, c)
			for _, col := range bars {
				r, ok := at[col]
				if !ok && strings.TrimSpace(l) != "" && !strings.Contains(l, "平均") && !strings.HasSuffix(l, "|") {
					continue // a line trimmed before this bar
				}
				if r != '|' && r != '+' {
					t.Errorf("eastAsian=%v: no bar at column %d in\n%s\n%s", east, col, header, l)
					break
				}
			}
		}
	}
	for _, l := range lines {
		for _, r := range l {
			if runewidth.IsAmbiguousWidth(r) {
				t.Errorf("ambiguous-width %q in grid line %q", r, l)
			}
		}
	}
}

func TestTableAligned(t *testing.T) {
	for _, lang := range []string{"C.UTF-8", "zh_CN.UTF-8"} {
		t.Run(lang, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_CTYPE", "")
			t.Setenv("LANG", lang)
			t.Setenv("RUNEWIDTH_EASTASIAN", "")
			for _, groups := range []bool{false, true} {
				text := string(render(t, "table", Options{Groups: groups}))
				checkAligned(t, text)
			}
		})
	}
}

func TestTableSameUnderAnyLocale(t *testing.T) {
	t.Setenv("LANG", "C.UTF-8")
	t.Setenv("LC_ALL", "")
	plain := string(render(t, "table", Options{}))
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	if zh := string(render(t, "table", Options{})); zh != plain {
		t.Errorf("table differs under zh_CN.UTF-8:\n%s\nvs\n%s", zh, plain)
	}
}

// fields splits a table line into cells, dropping the bars.
func fields(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		if f != "|" {
			out = append(out, f)
		}
	}
	return out
}

func TestTableContent(t *testing.T) {
	text := string(render(t, "table", Options{}))
	// Rows in rank order; figures from testdata/README.md. Columns: rank,
	// unit, name, 1 预算执行率, 2 完成数量, 3 质量达标, 产出小计, 4 满意度,
	// total, grade, claimed total, claimed grade, 校验.
	want := []string{
		"1 U5 戊单位 10超 30 18 48 40 98 优 不符",
		"2 U1 甲单位 9.5 30超 18/20 48 40 97.5 优 99 优",
		"3 U2 乙单位<b>|丙 5 15 14 29 35.56 69.56 中",
		"4 U3 丙单位 10 0缺 NA 0缺 0错 12.5 差",
		"平均 8.63 18.75 16.67 31.25 28.89 69.39",
	}
	var rows []string
	for _, l := range gridLines(text) {
		f := fields(l)
		if len(f) > 0 && (f[0] == "平均" || (f[0] >= "1" && f[0] <= "9" && len(f) > 3)) {
			rows = append(rows, strings.Join(f, " "))
		}
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s\n\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"), text)
	}
	for _, s := range []string{
		"样例绩效自评（sample 2024.1）",
		"共 5 个单位：优 2，良 0，中 1，差 1，未能评分 1",
		"预算执行(10分)  1 预算执行率 10分",
		"产出(50分)      2 完成数量 30分  3 质量达标 20分",
		"NA 不适用", "a/b 按规则得 a 分，单位自评 b 分", "缺 数据缺失", "错 无法计算", "超 超过目标 20% 以上",
		"未能评分的单位：\n  U4 丁单位\n    testdata/sample.csv:5:4: row 5, column D: budget (全年预算数): not a number",
		"规则集 sample 2024.1  SHA-256 ",
		"数据 testdata/sample.csv  SHA-256 ",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("table lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "生成时间") {
		t.Error("table has a time without one given")
	}
}

func TestTableGroupsOnly(t *testing.T) {
	text := string(render(t, "table", Options{Groups: true}))
	head := ""
	for _, l := range gridLines(text) {
		if strings.HasPrefix(l, "排名") {
			head = strings.Join(fields(l), " ")
		}
	}
	if head != "排名 单位 名称 预算执行(10) 产出(50) 满意度(40) 总分 等级 自评总分 自评等级 校验" {
		t.Errorf("header = %q", head)
	}
	if strings.Contains(text, "指标：") {
		t.Error("groups-only table has the indicator legend")
	}
}

// TestTableWideRuleset checks the built-in rulesets, up to dept-2013's 28
// indicators: aligned, and for grid-center's 21 indicators (with three
// subtotals) numbered columns with a legend keep each line within 210
// display columns; --groups within 125. The limits were 190 and 120 (a
// maximised terminal) before the 结果应用 column; they hold the table
// tight, not a terminal's width, since a terminal narrower than the table
// folds it by 一级指标 with the column in the part with the totals
// (TestTableFitsTerminal), and a pipe keeps the whole table.
func TestTableWideRuleset(t *testing.T) {
	tests := []struct {
		ruleset string
		groups  bool
		widest  int // most display columns a line may take; 0: not checked
		legend  string
	}{
		{"grid-center", false, 210, "  满意度(10分)    20 群众满意度 5分  21 网格员满意度 5分"},
		{"grid-center", true, 125, ""},
		{"dept-2013", false, 0, " 28 "},
		{"dept-2013", true, 125, ""},
		{"selfeval-2020", false, 165, " 11 服务对象满意度 10分"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/groups=%v", tc.ruleset, tc.groups), func(t *testing.T) {
			m, res := builtin(t, tc.ruleset)
			text := string(renderMeta(t, "table", Options{Groups: tc.groups}, m, res))
			checkAligned(t, text)
			widest := 0
			for _, l := range gridLines(text) {
				widest = max(widest, runewidth.StringWidth(l))
			}
			if tc.widest > 0 && widest > tc.widest {
				t.Errorf("widest table line is %d columns, want at most %d:\n%s", widest, tc.widest, text)
			}
			if !strings.Contains(text, tc.legend) {
				t.Errorf("table lacks %q:\n%s", tc.legend, text)
			}
			// The built-in rulesets have outcomes: a 结果应用 column,
			// and their sums in the summary line; md has the column too.
			if !strings.Contains(text, "  结果应用") {
				t.Errorf("table has no 结果应用 column:\n%s", text)
			}
			if !strings.Contains(text, "；结果应用：优先保障 ") {
				t.Errorf("table's summary lacks the outcomes:\n%s", text)
			}
			md := string(renderMeta(t, "md", Options{Groups: tc.groups}, m, res))
			if !strings.Contains(md, "| 结果应用 |") || !strings.Contains(md, "| 核减 -") {
				t.Errorf("md lacks the 结果应用 column or a 核减 cell:\n%s", md)
			}
		})
	}
}
