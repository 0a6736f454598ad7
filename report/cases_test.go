package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/tester"
)

// caseRuns are hand-built outcomes (OPA's reporter tests): one passing
// case, one failing on score and on one indicator, one whose data could
// not be read; coverage with one branch never reached.
func caseRuns() []CaseRun {
	pass := &indicators.Case{Name: "全部完成", File: "r.yaml", Pos: diag.Pos{File: "r.yaml", Line: 10}, Data: map[string]any{"a": 1}}
	fail := &indicators.Case{Name: "期望写错", File: "r.test.yaml", Pos: diag.Pos{File: "r.test.yaml", Line: 3},
		Data: map[string]any{"spent": 50, "budget": 100, "q": "B"}}
	bad := &indicators.Case{Name: "坏数据", File: "r.test.yaml", Pos: diag.Pos{File: "r.test.yaml", Line: 9}, Data: map[string]any{"spent": "多"}}
	exp := []tester.Expectation{
		{Key: "score", Want: "60", Got: "57"},
		{Key: "grade", Want: "差", Got: "差", OK: true},
		{Key: "points.exec", Want: "20", Got: "25", Explain: "预算执行率 = 支出 50 ÷ 预算 100 = 50.00%"},
		{Key: "status.quality", Want: "ok", Got: "ok", OK: true},
	}
	return []CaseRun{{
		Ruleset: engine.RulesetInfo{ID: "r", Version: "1", SHA256: "abc"},
		File:    "r.yaml",
		Results: []tester.Result{
			{Case: pass, Pass: true, Expected: []tester.Expectation{{Key: "score", Want: "98", Got: "98", OK: true}}},
			{Case: fail, Expected: exp, Failures: []tester.Expectation{exp[0], exp[2]}},
			{Case: bad, Err: errors.New(`r.test.yaml:9:5: test 坏数据: input spent: not a number: "多"`)},
		},
		Coverage: []tester.Branch{
			{Indicator: "exec", Kind: tester.BranchTarget, Name: "met", Desc: "达到目标，得满分", Pos: diag.Pos{File: "r.yaml", Line: 5, Col: 40}, Cases: 1},
			{Indicator: "progress", Kind: tester.BranchBand, Name: "else", Pos: diag.Pos{File: "r.yaml", Line: 9, Col: 9}},
			{Indicator: "q", Kind: tester.BranchTier, Name: "C", Desc: "未达成", Pos: diag.Pos{File: "r.yaml", Line: 11, Col: 7}},
		},
	}}
}

func TestPrettyCases(t *testing.T) {
	tests := []struct {
		name    string
		verbose bool
		want    string
	}{
		{"failures only", false, `FAIL r: 期望写错 (r.test.yaml:3)
  data: {budget: 100, q: B, spent: 50}
  score           want 60  got 57  ✗
  grade           want 差  got 差  ok
  points.exec     want 20  got 25  ✗
                  预算执行率 = 支出 50 ÷ 预算 100 = 50.00%
  status.quality  want ok  got ok  ok
ERROR r: 坏数据 (r.test.yaml:9)
  data: {spent: 多}
  r.test.yaml:9:5: test 坏数据: input spent: not a number: "多"
coverage r (r.yaml): 1 of 3 branches reached
  r.yaml:9:9: progress: else never reached
  r.yaml:11:7: q: tier C (未达成) never reached
1 passed, 2 failed
`},
		{"verbose", true, `PASS r: 全部完成 (r.yaml:10)
FAIL r: 期望写错 (r.test.yaml:3)
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (&PrettyCases{W: &b, Verbose: tc.verbose, Lang: "en"}).Report(caseRuns()); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if tc.verbose {
				got = got[:len(tc.want)]
			}
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestJSONCases(t *testing.T) {
	var b bytes.Buffer
	if err := (&JSONCases{W: &b}).Report(caseRuns()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Rulesets []struct {
			ID    string `json:"id"`
			Cases []struct {
				Name   string `json:"name"`
				Line   int    `json:"line"`
				Pass   bool   `json:"pass"`
				Error  string `json:"error"`
				Expect []struct {
					Key     string `json:"key"`
					OK      bool   `json:"ok"`
					Explain string `json:"explain"`
				} `json:"expect"`
			} `json:"cases"`
			Coverage []struct {
				Name  string `json:"name"`
				Cases int    `json:"cases"`
			} `json:"coverage"`
		} `json:"rulesets"`
		Passed int `json:"passed"`
		Failed int `json:"failed"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	r := got.Rulesets[0]
	switch {
	case got.Passed != 1 || got.Failed != 2:
		t.Errorf("passed %d failed %d, want 1 and 2", got.Passed, got.Failed)
	case len(r.Cases) != 3 || !r.Cases[0].Pass || r.Cases[1].Pass || r.Cases[2].Error == "":
		t.Errorf("cases: %+v", r.Cases)
	case len(r.Cases[1].Expect) != 4 || r.Cases[1].Expect[2].Explain == "" || r.Cases[1].Expect[1].OK != true:
		t.Errorf("expectations: %+v", r.Cases[1].Expect)
	case len(r.Coverage) != 3 || r.Coverage[0].Cases != 1:
		t.Errorf("coverage: %+v", r.Coverage)
	}
}
