package report

import (
	"strings"
	"testing"
)

// mdTable returns the rows of the first Markdown pipe table after the
// heading, as cells with Markdown escapes undone.
func mdTable(t *testing.T, text, heading string) [][]string {
	t.Helper()
	_, rest, ok := strings.Cut(text, heading+"\n")
	if !ok {
		t.Fatalf("no heading %q in:\n%s", heading, text)
	}
	var rows [][]string
	started := false
	for _, line := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(line, "|") {
			if started {
				break
			}
			continue
		}
		started = true
		var cells []string
		var b strings.Builder
		esc := false
		for _, r := range strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |") {
			switch {
			case esc:
				b.WriteRune(r)
				esc = false
			case r == '\\':
				esc = true
			case r == '|':
				cells = append(cells, strings.TrimSpace(b.String()))
				b.Reset()
			default:
				b.WriteRune(r)
			}
		}
		cells = append(cells, strings.TrimSpace(b.String()))
		rows = append(rows, cells)
	}
	return rows
}

func TestMarkdownTable(t *testing.T) {
	text := string(render(t, "md", Options{Explain: true}))
	rows := mdTable(t, text, "## 评分对照表")
	want := [][]string{
		{"排名", "单位", "名称", "预算执行率（10）", "完成数量（30）", "质量达标（20）", "产出小计（50）", "服务对象满意度（40）", "总分", "等级", "自评总分", "自评等级", "校验"},
		{"---:", ":---", ":---", "---:", "---:", "---:", "---:", "---:", "---:", ":---:", "---:", ":---:", ":---:"},
		// testdata/README.md; subtotals and totals in bold
		{"1", "U5", "戊单位", "10超", "30", "18", "**48**", "40", "**98**", "优", "", "", "不符"},
		{"2", "U1", "甲单位", "9.5", "30超", "18/20", "**48**", "40", "**97.5**", "优", "99", "优", ""},
		{"3", "U2", "乙单位&lt;b&gt;|丙", "5", "15", "14", "**29**", "35.56", "**69.56**", "中", "", "", ""},
		{"4", "U3", "丙单位", "10", "0缺", "NA", "**0缺**", "0错", "**12.5**", "差", "", "", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(want), text)
	}
	for i := range want {
		if strings.Join(rows[i], "¦") != strings.Join(want[i], "¦") {
			t.Errorf("row %d:\n got %q\nwant %q", i, rows[i], want[i])
		}
	}
	if !strings.Contains(text, "共 5 个单位：优 2，良 0，中 1，差 1，未能评分 1") {
		t.Errorf("no summary in:\n%s", text)
	}
}

func TestMarkdownStatsNotesFailures(t *testing.T) {
	text := string(render(t, "md", Options{Explain: true}))
	stats := mdTable(t, text, "## 指标统计")
	// testdata/README.md, "Statistics over the four scored units"
	want := map[string]string{
		"预算执行率":   "10 4 8.63 9.75 5 10 50% 0 0 0",
		"完成数量":    "30 4 18.75 22.5 0 30 50% 1 0 0",
		"质量达标":    "20 3 16.67 18 14 18 0% 0 1 0",
		"产出小计":    "50 4 31.25 38.5 0 48 0% 1 1 0",
		"服务对象满意度": "40 4 28.89 37.78 0 40 50% 0 0 1",
		"总分":      "100 4 69.39 83.53 12.5 98 0% 0 0 0",
	}
	seen := 0
	for _, r := range stats[2:] {
		if w, ok := want[r[0]]; ok {
			seen++
			if got := strings.Join(r[1:], " "); got != w {
				t.Errorf("%s: %s, want %s", r[0], got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d statistics rows:\n%s", seen, len(want), text)
	}
	for _, s := range []string{
		"### U2 乙单位&lt;b&gt;\\|丙（69.56 分，中，第 3 名）",
		"- **完成数量**（15/30）：完成数量 = 完成数量 50，目标 ≥ 100（计划数量 100），未完成，按比例计分 30 × 50 ÷ 100 = 15；扣 15 分，单位说明：受疫情影响延期",
		"- **服务对象满意度**（40/40）：单位说明：问卷由第三方发放",
		"- **质量达标**（不适用）：",
		"## 未能评分的单位\n\n- U4 丁单位：testdata/sample.csv:5:4: row 5, column D: budget (全年预算数): not a number",
		"## 未通过的检查\n\n- U5 戊单位：全年执行数不应超过全年预算数（spent\\_within\\_budget）",
		"- 规则集：sample 2024.1（样例绩效自评）",
		"- 规则集 SHA-256：",
		"- 数据 SHA-256：",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("markdown lacks %q", s)
		}
	}
}

func TestMarkdownOptions(t *testing.T) {
	text := string(render(t, "md", Options{Groups: true, Units: []string{"U2", "U3"}, Sort: "-score"}))
	rows := mdTable(t, text, "## 评分对照表")
	if len(rows) != 4 || rows[2][1] != "U2" || rows[3][1] != "U3" {
		t.Fatalf("rows = %q", rows)
	}
	// Groups only: 预算执行, 产出 and 满意度 subtotals.
	if got := strings.Join(rows[0][3:6], " "); got != "预算执行小计（10） 产出小计（50） 满意度小计（40）" {
		t.Errorf("group headers = %s", got)
	}
	if got := strings.Join(rows[2][3:6], " "); got != "**5** **29** **35.56**" {
		t.Errorf("U2 subtotals = %s", got)
	}
	if !strings.Contains(text, "共 2 个单位：优 0，良 0，中 1，差 1（排名为全部 5 个单位中的名次）") {
		t.Errorf("summary of the kept units missing:\n%s", text)
	}
	if strings.Contains(text, "## 扣分与偏差说明") {
		t.Error("notes written without Explain")
	}
}
