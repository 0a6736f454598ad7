package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/internal/formtest"
)

// formsFolder writes a folder of n 10号 forms (units 219001…), a workbook
// that is not a form and a corrupt file.
func formsFolder(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		code := 219001 + i
		formtest.Form10Of(formtest.New(t, "自评表"), 1, fmt.Sprintf("%d-单位%d", code, i+1)).Save(dir, fmt.Sprintf("%d.xlsx", code))
	}
	formtest.New(t, "Sheet1").Row("A1", "姓名", "金额").Row("A2", "张三", 5).Save(dir, "通讯录.xlsx")
	if err := os.WriteFile(filepath.Join(dir, "损坏.xlsx"), []byte("PK\x03\x04 broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReviewFormsFolder(t *testing.T) {
	dir := formsFolder(t, 2)
	out, errOut, code := runCmd(t, "review", dir, "-f", "json")
	if code != exitUnitsFailed {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var doc struct {
		Forms []struct {
			File     string
			Unit     string
			Score    float64
			Findings []struct{ Kind, ID, Cell string }
		}
		Rejected []struct{ File, Why string }
		Summary  struct {
			Forms, WithFindings, Findings, Rejected int
			Over                                    float64
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err, out)
	}
	if len(doc.Forms) != 2 || doc.Forms[0].Unit != "219001" || filepath.Base(doc.Forms[0].File) != "219001.xlsx" || doc.Forms[0].Score != 91.24 || len(doc.Forms[0].Findings) != 5 {
		t.Errorf("forms %+v", doc.Forms)
	}
	if f := doc.Forms[1].Findings; len(f) == 0 || f[0].Kind != "claim_high" || f[0].Cell != "219002.xlsx!自评表!H14" {
		t.Errorf("findings %+v", f)
	}
	if len(doc.Rejected) != 2 || doc.Summary.Rejected != 2 || doc.Summary.Forms != 2 || doc.Summary.Findings != 10 || doc.Summary.Over != 8.12 {
		t.Errorf("rejected %+v summary %+v", doc.Rejected, doc.Summary)
	}
	if !strings.Contains(errOut, "通讯录.xlsx: not a self-evaluation form") || !strings.Contains(errOut, "损坏.xlsx cannot be opened") {
		t.Errorf("stderr %s", errOut)
	}
	// Every format; the same input gives the same bytes.
	for _, f := range []string{"table", "md", "html", "xlsx"} {
		var outs [2][]byte
		for i := range outs {
			p := filepath.Join(t.TempDir(), "review."+f)
			if _, errOut, code := runCmd(t, "review", dir, "-f", f, "-o", p); code != exitUnitsFailed {
				t.Fatalf("-f %s: exit %d %s", f, code, errOut)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = b
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("-f %s: two runs differ", f)
		}
		if f != "xlsx" && !strings.Contains(string(outs[0]), "群众满意度") {
			t.Errorf("-f %s lacks the rows:\n%s", f, outs[0])
		}
		if f == "xlsx" {
			x, err := excelize.OpenReader(bytes.NewReader(outs[0]))
			if err != nil {
				t.Fatal(err)
			}
			findings, _ := x.GetRows("问题")
			rows, _ := x.GetRows("明细")
			rejected, _ := x.GetRows("未复核")
			// 10 findings, 2 × 10 rows, 2 files not reviewed, under headers.
			if len(findings) != 11 || len(rows) != 21 || len(rejected) != 3 || findings[1][8] != "219001.xlsx!自评表!H14" {
				t.Errorf("xlsx: %d findings, %d rows, %d rejected; %v", len(findings), len(rows), len(rejected), findings[1])
			}
			x.Close()
		}
	}
}

func TestReviewFormsExtract(t *testing.T) {
	dir := formsFolder(t, 1)
	csvPath := filepath.Join(t.TempDir(), "自评表.csv")
	if _, errOut, code := runCmd(t, "review", dir, "--extract", csvPath); code != exitUnitsFailed {
		t.Fatalf("exit %d %s", code, errOut)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("%v %q", err, b)
	}
	row := map[string]string{}
	for i, h := range recs[0] {
		row[h] = recs[1][i]
	}
	for k, v := range map[string]string{"unit": "219001", "name": "单位1", "全年预算数": "100", "全年执行数": "90", "claimed.预算执行率": "9",
		"验收合格率": "98%", "claimed.验收合格率": "9.8", "设备采购数量": "45", "reason.设备采购数量": "供货延迟", "长效机制": "B", "claimed.score": "95.3", "claimed.grade": "优"} {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
	// The extract is data: review -r reads it, rows matched by label.
	rules := filepath.Join(t.TempDir(), "r.yaml")
	if err := os.WriteFile(rules, []byte(`id: forms-check
inputs:
  budget: {label: 全年预算数, unit: 万元}
  spent: {label: 全年执行数, unit: 万元}
  pass: {label: 验收合格率, unit: "%"}
indicators:
  - {id: exec, label: 预算执行率, weight: 10, value: spent / budget, target: ">= 1"}
  - {id: quality, label: 验收合格率, weight: 90, value: pass, target: ">= 100"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	// 预算执行率 9 as claimed; 验收合格率 90 × 98/100 = 88.2 where 9.8 is
	// claimed: claim_low.
	out, errOut, code := runCmd(t, "review", "-r", rules, "-d", csvPath, "-f", "json")
	if code != exitUnitsFailed || !strings.Contains(out, `"id": "quality"`) || !strings.Contains(out, `"kind": "claim_low"`) || strings.Contains(out, `"id": "exec"`) {
		t.Errorf("review -d extract: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestReviewFormsRuleset: with -r, a row is scored by the ruleset's
// indicator of the same label; other rows, and a row whose indicator
// reads other inputs, by the 10号 rules from the form.
func TestReviewFormsRuleset(t *testing.T) {
	dir := formsFolder(t, 1)
	rules := filepath.Join(t.TempDir(), "r.yaml")
	if err := os.WriteFile(rules, []byte(`id: forms-bands
grades: [{min: 95, label: 优}, {min: 0, label: 差}]
inputs:
  budget: {label: 全年预算数, unit: 万元}
  spent: {label: 全年执行数, unit: 万元}
  pass: {label: 合格率, unit: "%"}
  bought: {label: 采购数}
  plan: {label: 计划数}
indicators:
  - {id: exec, label: 预算执行率, weight: 10, value: spent / budget, target: ">= 0.8"}
  - id: quality
    label: 验收合格率
    weight: 10
    value: pass
    bands:
      - {when: "value >= 99", score: 1}
      - {when: "value >= 95", score: 0.5}
      - {else: 0}
  - {id: bought_rate, label: 设备采购数量, weight: 10, value: bought, target: ">= plan"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCmd(t, "review", "-r", rules, dir, "-f", "json")
	if code != exitUnitsFailed {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if !strings.Contains(out, `"ruleset": "forms-bands"`) {
		t.Errorf("the review does not name the ruleset:\n%s", out)
	}
	var doc struct {
		Forms []struct {
			Score      float64
			RatedGrade string `json:"rated_grade"`
			Rows       []struct {
				Label   struct{ Text string }
				Points  float64
				Explain string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// 预算执行率 0.9 ≥ 0.8: 10 (the form's rule gives 9); 验收合格率 98
	// in the band [95, 99): 0.5 × 10 = 5; 设备采购数量 reads plan: 10号,
	// 9. The rest as the form: total 91.24 − 9 + 10 − 9.8 + 5 = 87.44,
	// 差 under the ruleset's grades.
	f := doc.Forms[0]
	got := map[string]float64{}
	explain := map[string]string{}
	for _, r := range f.Rows {
		got[r.Label.Text], explain[r.Label.Text] = r.Points, r.Explain
	}
	if got["预算执行率"] != 10 || got["验收合格率"] != 5 || got["设备采购数量"] != 9 || f.Score != 87.44 || f.RatedGrade != "差" {
		t.Errorf("points %v score %v %s", got, f.Score, f.RatedGrade)
	}
	if !strings.Contains(explain["验收合格率"], "按规则集 forms-bands 的指标 quality") || !strings.Contains(explain["设备采购数量"], "bought_rate 的计分规则读取其他输入") {
		t.Errorf("explain %v", explain)
	}
}

func TestReviewFormsErrors(t *testing.T) {
	dir := formsFolder(t, 0)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"review", dir}, "nothing to review: no self-evaluation form (自评表) in " + dir},
		{[]string{"review", dir, "-d", "x.csv"}, "give either forms"},
		{[]string{"review", filepath.Join(dir, "nope")}, "no such file"},
		{[]string{"review", "-d", "x.csv", "--extract", "e.csv"}, "--extract reads forms"},
	} {
		_, errOut, code := runCmd(t, c.args...)
		if code != exitNothing || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %s, want %q", c.args, code, errOut, c.want)
		}
	}
	one := formsFolder(t, 1)
	if _, errOut, code := runCmd(t, "review", one, "-f", "xlsx"); code != exitNothing || !strings.Contains(errOut, "give -o FILE") {
		t.Errorf("xlsx to stdout: %d %s", code, errOut)
	}
}

// runCmd runs the command line and returns both outputs and the status.
func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	code, out, errOut := jixiao(t, "", args...)
	return out, errOut, code
}

// BenchmarkReviewForms100 reviews a folder of 100 forms (and two files
// that are not), as jixiao review DIR -f json does. The target is
// under 10 s on the project's 2-core machine.
func BenchmarkReviewForms100(b *testing.B) {
	dir := formsFolder(b, 100)
	for b.Loop() {
		var out, errOut bytes.Buffer
		if code := run([]string{"review", dir, "-f", "json"}, strings.NewReader(""), &out, &errOut); code != exitUnitsFailed {
			b.Fatalf("exit %d: %s", code, errOut.String())
		}
	}
}

// TestReviewFormsFlags: a bad format or tolerance stops before any form is
// read, as review -d stops.
func TestReviewFormsFlags(t *testing.T) {
	dir := formsFolder(t, 1)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"review", dir, "-f", "csv"}, `unknown format "csv": want one of table, json, md, xlsx, html`},
		{[]string{"review", dir, "--tolerance", "-1"}, "tolerance must be 0 or more"},
	} {
		out, errOut, code := runCmd(t, c.args...)
		if code != exitNothing || !strings.Contains(errOut, c.want) || out != "" || strings.Contains(errOut, "not reviewed") {
			t.Errorf("%v: exit %d %q %q, want %q", c.args, code, out, errOut, c.want)
		}
	}
}
