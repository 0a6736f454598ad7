package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// parseHTML parses a page with the HTML5 parser browsers use.
func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// find returns the elements under n for which match holds, in document
// order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(name, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Data == name && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
	}
}

// text is the text content of n, with runs of space folded.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestHTMLTable(t *testing.T) {
	doc := parseHTML(t, render(t, "html", Options{Explain: true}))
	tables := find(doc, hasClass("table", "scores"))
	if len(tables) != 1 {
		t.Fatalf("%d score tables", len(tables))
	}
	var rows []string
	for _, tr := range find(tables[0], tag("tr")) {
		rows = append(rows, text(tr))
	}
	// testdata/README.md; header rows, units in rank order, mean row.
	want := []string{
		"排名 单位 名称 预算执行 10分 产出 50分 满意度 40分 总分 等级 自评总分 自评等级 校验",
		"预算执行率 10分 完成数量 30分 质量达标 20分 小计 服务对象满意度 40分",
		"1 U5 戊单位 10超 30 18 48 40 98 优 不符",
		"2 U1 甲单位 9.5 30超 18/20 48 40 97.5 优 99 优",
		"3 U2 乙单位<b>|丙 5 15 14 29 35.56 69.56 中",
		"4 U3 丙单位 10 0缺 NA 0缺 0错 12.5 差",
		"平均 8.63 18.75 16.67 31.25 28.89 69.39",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	grp := find(tables[0], hasClass("th", "grp"))
	if len(grp) != 3 || attr(grp[1], "colspan") != "3" {
		t.Errorf("产出 should span 完成数量, 质量达标 and 小计: %d group headers", len(grp))
	}
	cls := map[string][]string{}
	for _, td := range find(tables[0], tag("td")) {
		if c := attr(td, "class"); c != "" {
			cls[text(td)] = append(cls[text(td)], c)
		}
	}
	// 0缺 twice: U3's 完成数量, then its 产出小计, which holds it.
	for cell, want := range map[string]string{"0缺": "missing,sub missing", "0错": "error", "NA": "na", "30超": "overshoot",
		"差": "grade g3", "中": "grade g2", "不符": "check"} {
		if got := strings.Join(cls[cell], ","); got != want {
			t.Errorf("cell %q class = %q, want %q", cell, got, want)
		}
	}
	// The name is text, not markup.
	if len(find(tables[0], tag("b"))) != 0 {
		t.Error("a unit name became an element")
	}
}

func TestHTMLChartStatsDetails(t *testing.T) {
	m, res := sample(t)
	doc := parseHTML(t, renderMeta(t, "html", Options{Explain: true}, m, res))
	svgs := find(doc, tag("svg"))
	if len(svgs) != 1 {
		t.Fatalf("%d svg charts, want 1", len(svgs))
	}
	// One bar per grade, as wide as its count: 优 2 is the longest.
	rects := find(svgs[0], tag("rect"))
	var widths []string
	for _, r := range rects {
		widths = append(widths, attr(r, "class")+"="+attr(r, "width"))
	}
	if got := strings.Join(widths, " "); got != "g0=360 g1=0 g2=180 g3=180" {
		t.Errorf("bars = %s, want 优 2 → 360, 良 0, 中 1 and 差 1 → 180", got)
	}
	if s := text(svgs[0]); !strings.Contains(s, "优 ≥ 90 2 个（50%）") || !strings.Contains(s, "良 80–90 0 个（0%）") || !strings.Contains(s, "差 < 60 1 个（25%）") {
		t.Errorf("chart text = %q", s)
	}
	stats := find(doc, hasClass("table", "stats"))
	if len(stats) != 1 {
		t.Fatal("no statistics table")
	}
	var rows []string
	for _, tr := range find(stats[0], tag("tr"))[1:] {
		rows = append(rows, text(tr))
	}
	// testdata/README.md, "Statistics over the four scored units"
	want := []string{
		"预算执行率 10 4 8.63 9.75 5 10 50% 0 0 0",
		"完成数量 30 4 18.75 22.5 0 30 50% 1 0 0",
		"质量达标 20 3 16.67 18 14 18 0% 0 1 0",
		"产出小计 50 4 31.25 38.5 0 48 0% 1 1 0",
		"服务对象满意度 40 4 28.89 37.78 0 40 50% 0 0 1",
		"总分 100 4 69.39 83.53 12.5 98 0% 0 0 0",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("statistics:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	details := find(doc, tag("details"))
	if len(details) != 4 {
		t.Fatalf("%d <details>, want one per scored unit (4)", len(details))
	}
	u2 := text(details[2])
	for _, s := range []string{"U2 乙单位<b>|丙 — 69.56 分 中 第 3 名", "单位说明：受疫情影响延期"} {
		if !strings.Contains(u2, s) {
			t.Errorf("U2 details lack %q: %s", s, u2)
		}
	}
	if u5 := text(details[0]); !strings.Contains(u5, "未通过的检查：全年执行数不应超过全年预算数（spent_within_budget）") {
		t.Errorf("U5 details lack the failed check: %s", u5)
	}
	if u1 := text(details[1]); !strings.Contains(u1, "单位说明：问卷由第三方发放") {
		t.Errorf("U1 details lack its reason at full marks: %s", u1)
	}
	failed := find(doc, hasClass("ul", "failed"))
	if len(failed) != 1 || !strings.Contains(text(failed[0]), "U4 丁单位 testdata/sample.csv:5:4: row 5, column D") {
		t.Errorf("failed units missing")
	}
	foot := find(doc, tag("footer"))
	if len(foot) != 1 || !strings.Contains(text(foot[0]), m.Ruleset.SHA256) || !strings.Contains(text(foot[0]), m.Data.SHA256) {
		t.Error("footer lacks the provenance")
	}
}

// TestHTMLSelfContained checks that the page loads nothing from elsewhere
// and prints: no external script, style, image or font, and a print style.
func TestHTMLSelfContained(t *testing.T) {
	b := render(t, "html", Options{Explain: true})
	doc := parseHTML(t, b)
	for _, n := range find(doc, func(n *html.Node) bool {
		return attr(n, "src") != "" || n.Data == "link" || n.Data == "iframe" || n.Data == "img"
	}) {
		t.Errorf("external reference: <%s %v>", n.Data, n.Attr)
	}
	s := string(b)
	for _, want := range []string{"@media print", "@page", "beforeprint", `<meta charset="utf-8">`, `<html lang="zh-CN">`} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(s, "url(") || strings.Contains(s, "http://") && !strings.Contains(s, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Error("page refers to a URL")
	}
}

func TestHTMLOptionsAndStamp(t *testing.T) {
	m, res := sample(t)
	m.Stamp = stamp
	b := renderMeta(t, "html", Options{Groups: true, Units: []string{"U3", "U1"}, Sort: "unit"}, m, res)
	doc := parseHTML(t, b)
	tables := find(doc, hasClass("table", "scores"))
	var rows []string
	for _, tr := range find(tables[0], tag("tr")) {
		rows = append(rows, text(tr))
	}
	want := []string{
		"排名 单位 名称 预算执行 10分 产出 50分 满意度 40分 总分 等级 自评总分 自评等级 校验",
		"2 U1 甲单位 9.5 48 40 97.5 优 99 优",
		"4 U3 丙单位 10 0缺 0错 12.5 差",
		"平均 9.75 24 20 55",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if len(find(doc, tag("details"))) != 0 {
		t.Error("explanations without Explain")
	}
	if !strings.Contains(string(b), "2024-03-31T01:00:00Z") {
		t.Error("the given time is not in the footer")
	}
	if !bytes.Equal(renderMeta(t, "html", Options{}, m, res), renderMeta(t, "html", Options{}, m, res)) {
		t.Error("two runs wrote different pages")
	}
}
