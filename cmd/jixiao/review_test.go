package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The review demo of fixtures/: every figure below is derived in
// fixtures/README.md ("review-demo") and in engine/review_test.go.
const (
	demoRules = "../../fixtures/review-demo-rules.yaml"
	demoData  = "../../fixtures/review-demo.csv"
)

// demoSubset writes the header of the review demo and the rows of the
// given units to a temporary CSV file.
func demoSubset(t *testing.T, units ...string) string {
	t.Helper()
	src, err := os.ReadFile(demoData)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(src)), "\n")
	keep := []string{lines[0]}
	for _, l := range lines[1:] {
		for _, u := range units {
			if strings.HasPrefix(l, u+",") {
				keep = append(keep, l)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "subset.csv")
	if err := os.WriteFile(path, []byte(strings.Join(keep, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReviewExitStatus: 0 with no finding, 1 with any finding or a unit
// that could not be scored, 2 when nothing could be reviewed.
func TestReviewExitStatus(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a phrase standard output must hold
		stderr string // a phrase standard error must hold
	}{
		// R01, R07 (claims exactly at the tolerance) and R10 (0 on the N/A
		// row, total rescaled) agree with the rules.
		{"all agree", []string{"review", "-r", demoRules, "-d", "@R01,R07,R10"}, 0,
			"复核 3 个单位：有问题 0 个", ""},
		// R02 wrote 8.62 as 9: 0.38 over on the row and on the total.
		{"a finding", []string{"review", "-r", demoRules, "-d", "@R01,R02"}, 1,
			"[多计] 预算执行率（满分 10）：自评 9 分，按规则应得 8.62 分，多计 0.38 分", ""},
		// A tolerance of 0.5 accepts 0.38.
		{"wide tolerance", []string{"review", "-r", demoRules, "-d", "@R01,R02", "--tolerance", "0.5"}, 0,
			"复核 2 个单位：有问题 0 个", ""},
		// R17's 全年执行数 is not a number: reported, and the status is 1.
		{"failed unit", []string{"review", "-r", demoRules, "-d", "@R01,R17"}, 1,
			"未能评分的单位：", "1 of 2 units could not be scored"},
		{"whole demo", []string{"review", "-r", demoRules, "-d", demoData}, 1,
			"复核 15 个单位：有问题 12 个，共 23 条（多计 14，少计 4，总分与各项之和不符 1，等级与总分不符 4）；共多计 73.15 分；按自评会改变等级 4 个；未提供自评 1 个；未能评分 1 个", ""},
		// R16 claims nothing: there is nothing to review.
		{"no claims", []string{"review", "-r", demoRules, "-d", "@R16"}, 2,
			"", "nothing to review: no unit of"},
		{"negative tolerance", []string{"review", "-r", demoRules, "-d", demoData, "--tolerance", "-1"}, 2,
			"", "tolerance must be 0 or more"},
		{"xlsx to a terminal", []string{"review", "-r", demoRules, "-d", demoData, "-f", "xlsx"}, 2,
			"", "format xlsx is binary: give -o FILE"},
		{"unknown format", []string{"review", "-r", demoRules, "-d", demoData, "-f", "pdf"}, 2,
			"", `unknown format "pdf": want one of table, json, md, xlsx, html`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string(nil), tc.args...)
			for i, a := range args {
				if strings.HasPrefix(a, "@") {
					args[i] = demoSubset(t, strings.Split(a[1:], ",")...)
				}
			}
			code, out, errOut := runCLI(t, args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
		})
	}
}

// TestReviewJSON checks the order and the summary of the review as JSON.
func TestReviewJSON(t *testing.T) {
	code, out, _ := runCLI(t, "review", "-r", demoRules, "-d", demoData, "-f", "json")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Tolerance float64 `json:"tolerance"`
		Units     []struct {
			Unit   string   `json:"unit"`
			Over   *float64 `json:"over"`
			Review []struct {
				ID, Kind string
				Claimed  any
				Rules    any
				NoReason bool `json:"no_reason"`
				Message  string
			} `json:"review"`
			Errors []any `json:"errors"`
		} `json:"units"`
		Summary map[string]any `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, u := range doc.Units {
		order = append(order, u.Unit)
	}
	// By points over-claimed: R09 30, R11 20, R14 10, R15 7, R05 5.38,
	// R02 and R12 0.38 (input order), R08 0.01, then R03 R04 R06 R13 at 0;
	// then agreeing R01 R07 R10, unclaimed R16, failed R17.
	if got, want := strings.Join(order, " "), "R09 R11 R14 R15 R05 R02 R12 R08 R03 R04 R06 R13 R01 R07 R10 R16 R17"; got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
	if doc.Tolerance != 0.01 {
		t.Errorf("tolerance %v", doc.Tolerance)
	}
	want := map[string]any{"units": 15.0, "with_findings": 12.0, "findings": 23.0, "over": 73.15, "grade_changed": 4.0, "unclaimed": 1.0, "errors": 1.0}
	for k, v := range want {
		if doc.Summary[k] != v {
			t.Errorf("summary %s = %v, want %v", k, doc.Summary[k], v)
		}
	}
	// R03 (position 9): 19.6 claimed on a met target of 20, no reason.
	r03 := doc.Units[8]
	if r03.Unit != "R03" || len(r03.Review) != 2 || r03.Review[0].Kind != "claim_low" || !r03.Review[0].NoReason ||
		r03.Review[0].Claimed != 19.6 || r03.Review[0].Rules != 20.0 {
		t.Errorf("R03: %+v", r03)
	}
	// Agreeing units carry an empty review list; unclaimed ones none.
	if u := doc.Units[12]; u.Unit != "R01" || u.Review == nil || len(u.Review) != 0 {
		t.Errorf("R01: %+v", u)
	}
	if u := doc.Units[15]; u.Unit != "R16" || u.Review != nil || u.Over != nil {
		t.Errorf("R16: %+v", u)
	}
	if u := doc.Units[16]; u.Unit != "R17" || len(u.Errors) != 1 {
		t.Errorf("R17: %+v", u)
	}
}

// TestReviewFiles writes every file format twice: the files are whole,
// byte-identical between runs, and hold the findings.
func TestReviewFiles(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"table", "json", "md", "html", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			var prev []byte
			for i := range 2 {
				path := filepath.Join(dir, "review."+format)
				if code, _, errOut := runCLI(t, "review", "-r", demoRules, "-d", demoData, "-f", format, "-o", path); code != 1 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if i == 1 && !bytes.Equal(b, prev) {
					t.Error("two runs wrote different bytes")
				}
				prev = b
			}
			switch format {
			case "md":
				for _, s := range []string{"| 15 | 12 | 23 | 14 | 4 | 1 | 4 | 73.15 | 4 | 1 | 1 |",
					"| 1 | R09 | 演示不适用仍自评单位 | 30 | 94.62 | 92.31 | 优 | 优 | 2 |",
					"| 产出完成率 | 少计 | 19.6 | 20 |"} {
					if !strings.Contains(string(prev), s) {
						t.Errorf("md lacks %q", s)
					}
				}
			case "html":
				for _, s := range []string{"<!DOCTYPE html>", "<style>", `<a href="#u1">R09</a>`, `<span class="kind k-sum_mismatch">总分与各项之和不符</span>`} {
					if !strings.Contains(string(prev), s) {
						t.Errorf("html lacks %q", s)
					}
				}
				if strings.Contains(string(prev), "<script") || strings.Contains(string(prev), "http") {
					t.Error("html must be self-contained")
				}
			case "xlsx":
				checkReviewXLSX(t, filepath.Join(dir, "review.xlsx"))
			}
		})
	}
}

// checkReviewXLSX opens the workbook: 23 findings on 问题清单 in review
// order, points as numbers.
func checkReviewXLSX(t *testing.T, path string) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "复核汇总,问题清单,其他单位" {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows("问题清单")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+23 {
		t.Fatalf("%d rows on 问题清单, want a header and 23 findings", len(rows))
	}
	// The first finding is R09's claim of 30 on the N/A 满意度.
	if got := strings.Join(rows[1][:9], "|"); got != "1|R09|演示不适用仍自评单位|满意度|satisfaction|多计|30|0|30" {
		t.Errorf("first finding %s", got)
	}
	typ, err := f.GetCellType("问题清单", "G2")
	if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("claimed points must be a number, cell type %v (%v)", typ, err)
	}
	others, _ := f.GetRows("其他单位")
	if len(others) != 1+5 { // R01 R07 R10 agree, R16 unclaimed, R17 failed
		t.Errorf("%d rows on 其他单位, want 6", len(others))
	}
}

// TestEvalShowsClaims: eval's table puts departing claims beside the
// points (8.62/9) and the claimed total and grade in their own columns;
// JSON carries claimed, the flags and the review list.
func TestEvalShowsClaims(t *testing.T) {
	code, out, _ := runCLI(t, "eval", "-r", demoRules, "-d", demoSubset(t, "R01", "R02", "R16"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, s := range []string{"自评总分", "自评等级", "8.62/9", "a/b 按规则得 a 分，单位自评 b 分"} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
	code, out, _ = runCLI(t, "eval", "-r", demoRules, "-d", demoSubset(t, "R02", "R16"), "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Units []map[string]json.RawMessage `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	r02, r16 := doc.Units[0], doc.Units[1]
	if got := string(r02["claimed"]); got != `{"score":95,"grade":"优"}` {
		t.Errorf("R02 claimed %s", got)
	}
	var inds []struct {
		ID      string
		Claimed *float64
		Flags   []string
	}
	json.Unmarshal(r02["indicators"], &inds)
	if inds[0].ID != "execution" || inds[0].Claimed == nil || *inds[0].Claimed != 9 || strings.Join(inds[0].Flags, ",") != "claim_high" {
		t.Errorf("R02 execution %+v", inds[0])
	}
	var review []map[string]any
	json.Unmarshal(r02["review"], &review)
	if len(review) != 2 || review[0]["id"] != "execution" || review[0]["kind"] != "claim_high" || review[0]["claimed"] != 9.0 || review[0]["rules"] != 8.62 {
		t.Errorf("R02 review %v", review)
	}
	if _, ok := r16["claimed"]; ok {
		t.Error("R16 claims nothing and must have no claimed")
	}
	if _, ok := r16["review"]; ok {
		t.Error("R16 claims nothing and must have no review")
	}
}
