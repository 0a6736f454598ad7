package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/msg"
)

// casesFailure is what jixiao test prints for testdata/cases/demo.yaml.
// The case 执行一半（期望写错） gets exec 50 × 50/100 = 25, progress
// 9/10 = 0.9 ≥ 0.8 → 30 × 0.6 = 18, quality B → 20 × 0.7 = 14: total 57,
// 差; it expects 60, 中 and progress 20, so those three fail. The case 数据有误
// cannot run: 多 is not a number.
const casesFailure = `FAIL cases-demo: 执行一半（期望写错） (%DIR%/demo.yaml:31)
  data: {budget: 100, done: 9, plan: 10, quality: B, spent: 50}
  score                  want 60  got 57  ✗
  grade                  want 中  got 差  ✗
  points.exec            want 25  got 25  ok
  points.progress        want 20  got 18  ✗
                         进度 = 完成数 9 ÷ 计划数 10 = 90.00%，符合第 2 档（value ≥ 0.8），得分比例 0.6，30 × 0.6 = 18；扣 12 分，应说明偏差原因
  status.quality_rating  want ok  got ok  ok
ERROR cases-demo: 数据有误 (%DIR%/demo.yaml:39)
  data: {budget: 100, done: 1, plan: 1, quality: A, spent: 多}
  %DIR%/demo.yaml:39:5: test 数据有误: input spent: not a number: "多" (the input's unit is 万元)
`

func TestTestCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		dir  string // replaces %DIR% in want
		want string
	}{
		{"file", []string{"test", "testdata/cases/demo.yaml"}, "testdata/cases", casesFailure + "1 passed, 2 failed\n"},
		{"directory", []string{"test", "testdata/cases/"}, "testdata/cases", casesFailure + "1 passed, 2 failed\n"},
		{"verbose", []string{"test", "-v", "testdata/cases/demo.yaml"}, "testdata/cases",
			"PASS cases-demo: 全部完成 (%DIR%/demo.yaml:25)\n" + casesFailure + "1 passed, 2 failed\n"},
		// Branches: exec met (全部完成) and proportional (执行一半); progress
		// band 1 (1 ≥ 1) and band 2 (0.9), never else; quality A and B,
		// never C: 6 of 8.
		{"coverage", []string{"test", "--coverage", "testdata/cases/demo.yaml"}, "testdata/cases", casesFailure +
			"coverage cases-demo (%DIR%/demo.yaml): 6 of 8 branches reached\n" +
			"  %DIR%/demo.yaml:21:9: progress: else never reached\n" +
			"  %DIR%/demo.yaml:22:56: quality_rating: tier C (未达成) never reached\n" +
			"1 passed, 2 failed\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runTool(t, "", tc.args...)
			want := strings.ReplaceAll(tc.want, "%DIR%", tc.dir)
			if code != exitUnitsFailed || out != want || errOut != "" {
				t.Errorf("jixiao %v: exit %d\n--- stdout\n%s--- stderr\n%s\nwant exit 1 and\n%s", tc.args, code, out, errOut, want)
			}
		})
	}
}

func TestTestCommandJSON(t *testing.T) {
	code, out, _ := runTool(t, "", "test", "-f", "json", "--coverage", "testdata/cases/demo.yaml")
	var res struct {
		Rulesets []struct {
			ID    string
			Cases []struct {
				Name   string
				Pass   bool
				Error  string
				Expect []struct {
					Key, Want, Got string
					OK             bool
				}
			}
			Coverage []struct{ Indicator, Name string }
		}
		Passed, Failed int
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	r := res.Rulesets[0]
	if code != exitUnitsFailed || res.Passed != 1 || res.Failed != 2 || r.ID != "cases-demo" || len(r.Cases) != 3 || len(r.Coverage) != 8 {
		t.Fatalf("exit %d: %+v", code, res)
	}
	if e := r.Cases[1].Expect[0]; e.Key != "score" || e.Want != "60" || e.Got != "57" || e.OK {
		t.Errorf("score expectation: %+v", e)
	}
	if !strings.Contains(r.Cases[2].Error, "not a number") {
		t.Errorf("error case: %q", r.Cases[2].Error)
	}
}

// TestTestBuiltins: every built-in ruleset's cases pass (the same cases
// rulesets' own test runs).
func TestTestBuiltins(t *testing.T) {
	code, out, errOut := runTool(t, "", "test")
	if code != exitOK || !strings.HasSuffix(out, " passed, 0 failed\n") || errOut != "" {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runTool(t, "", "test", "testdata/lint/missing.yaml"); code != exitNothing || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing ruleset: exit %d %q", code, errOut)
	}
	if code, _, _ := runTool(t, "", "test", "-f", "tap"); code != exitNothing {
		t.Errorf("unknown format: exit %d", code)
	}
}

// TestTestHelpExample runs the ruleset shown in jixiao test --help with the
// case expecting 60, as the help says, and checks that the output printed
// there is what jixiao test prints.
func TestTestHelpExample(t *testing.T) {
	long := newTestCmd(&streams{msg: msg.Printer{Lang: msg.EN}}).Long
	i := strings.Index(long, "  id: demo")
	j := strings.Index(long, "\n\nand what jixiao test prints")
	// The Chinese help shows the same ruleset, and tells its output in words.
	if zh := newTestCmd(&streams{}).Long; i < 0 || j < 0 || !strings.Contains(zh, long[i:j]+"\n\n把用例的预期改为 score: 60 时") {
		t.Errorf("the Chinese help does not show the English help's ruleset:\n%s", zh)
	}
	k := strings.Index(long, "expects 60:\n\n")
	if i < 0 || j < 0 || k < 0 {
		t.Fatal("the help has no worked example")
	}
	var ruleset, printed strings.Builder
	for _, line := range strings.Split(long[i:j], "\n") {
		ruleset.WriteString(strings.TrimPrefix(line, "  ") + "\n")
	}
	for _, line := range strings.Split(long[k+len("expects 60:\n\n"):], "\n") {
		printed.WriteString(strings.TrimPrefix(line, "  ") + "\n")
	}
	src := strings.Replace(ruleset.String(), "score: 50", "score: 60", 1)
	t.Chdir(t.TempDir())
	if err := os.WriteFile(filepath.Join(".", "demo.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runTool(t, "", "test", "demo.yaml")
	if code != exitUnitsFailed || out != printed.String() {
		t.Errorf("exit %d, printed:\n%s\nthe help says:\n%s", code, out, printed.String())
	}
}
