package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
)

// The report package's sample (report/testdata/README.md): U3 has a blank
// input (完成数量) and an indicator that cannot be computed (÷ 0), U5
// fails a consistency check, U4 cannot be scored.
const (
	sampleRules = "../../report/testdata/sample.yaml"
	sampleData  = "../../report/testdata/sample.csv"
	sampleCheck = "全年执行数不应超过全年预算数（spent_within_budget）"
	sampleEnd   = "jixiao: 1 of 5 units have missing inputs (scored 0), 1 of 5 units failed consistency checks; see the marks in the output"
)

// TestEvalEndsWithIssueCount: whatever the format, streamed (csv, json,
// xlsx) or held in memory, the run's last stderr line counts the units
// with missing inputs and with failed checks; a run with neither says
// nothing of them.
func TestEvalEndsWithIssueCount(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"table", "csv", "json", "md", "html", "xlsx", "selfeval"} {
		for _, units := range []string{"", "U1,U2"} {
			args := []string{"eval", "-r", sampleRules, "-d", sampleData, "-f", f, "-o", filepath.Join(dir, "out."+f)}
			if units != "" {
				// Counted over every unit, as the ranks and the line on
				// units that could not be scored are.
				args = append(args, "--units", units)
			}
			code, _, errOut := runReport(t, args...)
			if code != exitUnitsFailed { // U4
				t.Errorf("-f %s --units %q: exit %d", f, units, code)
			}
			lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			if last := lines[len(lines)-1]; last != sampleEnd {
				t.Errorf("-f %s --units %q: stderr ends with %q, want %q", f, units, last, sampleEnd)
			}
			if strings.Count(errOut, "have missing inputs") != 1 {
				t.Errorf("-f %s: the count is said %d times", f, strings.Count(errOut, "have missing inputs"))
			}
		}
		code, _, errOut := runReport(t, "eval", "-r", "selfeval-2020", "-f", f, "-o", filepath.Join(dir, "demo."+f))
		if code != exitOK || errOut != "" {
			t.Errorf("-f %s, a run with nothing to say: exit %d, stderr %q", f, code, errOut)
		}
	}
}

// TestEvalStdoutShowsIssues: what goes to a file with > holds the marks,
// not only stderr: csv read back with encoding/csv, the table's list of
// failed checks.
func TestEvalStdoutShowsIssues(t *testing.T) {
	_, out, _ := runReport(t, "eval", "-r", sampleRules, "-d", sampleData, "-f", "csv")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], ",")
	if !strings.HasSuffix(head, ",自评总分,自评等级,缺项,无法计算,未通过校验,错误") {
		t.Fatalf("header = %s", head)
	}
	n := len(rows[0])
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = strings.Join(r[n-4:n-1], "|")
	}
	want := map[string]string{"U1": "||", "U2": "||", "U3": "完成数量|服务对象满意度|", "U4": "||", "U5": "||" + sampleCheck}
	for u, w := range want {
		if got[u] != w {
			t.Errorf("%s: 缺项|无法计算|未通过校验 = %q, want %q", u, got[u], w)
		}
	}
	_, table, _ := runReport(t, "eval", "-r", sampleRules, "-d", sampleData)
	if !strings.Contains(table, "未通过的检查：\n  U5 戊单位："+sampleCheck+"\n") {
		t.Errorf("table lacks the failed check:\n%s", table)
	}
	for _, l := range strings.Split(table, "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[1] == "U5" && f[len(f)-1] != "不符" {
			t.Errorf("U5's row does not end with 不符: %q", l)
		}
	}
}

// TestEvalFilesShowIssues reads the xlsx (streamed) and html reports back.
func TestEvalFilesShowIssues(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "out.xlsx")
	runReport(t, "eval", "-r", sampleRules, "-d", sampleData, "-f", "xlsx", "-o", xlsx)
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	// Rank order: U5 row 4 … U3 row 7; M is 未通过校验, E 完成数量.
	var got []string
	for _, c := range []string{"M2", "M4", "B7", "E7", "G7", "H7"} {
		v, _ := wb.GetCellValue("评分表", c)
		got = append(got, v)
	}
	want := "未通过校验|" + sampleCheck + "|U3|0.00缺|0.00缺|0.00错"
	if strings.Join(got, "|") != want {
		t.Errorf("评分表 = %q, want %q", strings.Join(got, "|"), want)
	}

	page := filepath.Join(dir, "out.html")
	runReport(t, "eval", "-r", sampleRules, "-d", sampleData, "-f", "html", "-o", page)
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "td" {
			for _, a := range n.Attr {
				if a.Key == "class" && (a.Val == "check" || strings.Contains(a.Val, "missing")) && n.FirstChild != nil {
					cells = append(cells, a.Val+"="+n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if got := strings.Join(cells, " "); got != "check=不符 missing=0缺 sub missing=0缺" {
		t.Errorf("marked cells = %s", got)
	}
}
