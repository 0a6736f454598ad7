package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/review"
)

// handReview is a review built by hand, as the engine would give it: A02
// over-claimed 0.38 on 执行率 (listed first), A01 wrote a grade of 优
// for 88 (良), A03 agrees, A04 claims nothing, A05 failed.
func handReview() (Meta, *review.Review) {
	f := func(x float64) *float64 { return &x }
	res := &engine.Result{Units: []engine.UnitResult{
		{Unit: "A01", Name: "甲|单位", Score: 88, Grade: "良",
			Claimed: &engine.Claimed{Score: f(88), Grade: "优", Rows: 0, ImpliedGrade: "优"},
			Review: []engine.Finding{{ID: "grade", Label: "等级", Kind: engine.FindGradeMismatch, Claimed: "优", Rules: "良",
				Message: "等级：自评「优」，按规则总分 88 分应为「良」（等级与总分不符）"}}},
		{Unit: "A02", Name: "乙单位", Score: 94.62, Grade: "优",
			Claimed: &engine.Claimed{Score: f(95), Grade: "优", Rows: 1, Over: 0.38, ImpliedGrade: "优"},
			Review: []engine.Finding{
				{ID: "execution", Label: "执行率", Kind: engine.FindClaimHigh, Claimed: 9.0, Rules: 8.62, Message: "执行率：自评 9 分，按规则应得 8.62 分"},
				{ID: "score", Label: "总分", Kind: engine.FindClaimHigh, Claimed: 95.0, Rules: 94.62, Message: "总分：自评 95 分"}}},
		{Unit: "A03", Name: "丙单位", Score: 90, Grade: "优", Claimed: &engine.Claimed{Score: f(90), ImpliedGrade: "优"}},
		{Unit: "A04", Name: "丁单位", Score: 70, Grade: "中"},
		{Unit: "A05", Name: "戊单位", Errors: []*diag.Error{{Pos: diag.Pos{File: "d.csv", Line: 6, Col: 3}, Code: "bad_cell", Msg: "spent: not a number"}}},
	}}
	rv := &review.Review{Result: res, Tolerance: 0.01, Order: []int{1, 0, 2, 3, 4},
		Summary: review.Summary{Units: 3, WithFindings: 2, Findings: 3, Over: 0.38, GradeChanged: 1, Unclaimed: 1, Errors: 1,
			ClaimHigh: 2, GradeMismatch: 1}}
	m := Meta{Ruleset: engine.RulesetInfo{ID: "t", Title: "测试", Version: "1"}, Data: &engine.DataInfo{Files: []string{"d.csv"}}}
	return m, rv
}

// TestReviewMarkdown compares the whole Markdown report of the hand-built
// review; the pipe in A01's name is escaped.
func TestReviewMarkdown(t *testing.T) {
	m, rv := handReview()
	var b bytes.Buffer
	if err := writeReviewAs(&b, "md", m, rv); err != nil {
		t.Fatal(err)
	}
	want := `# 复核：测试（t 1）

容差 0.01 分：自评与规则相差超过容差才算问题，恰好等于容差不算。数据：d.csv。

| 复核单位 | 有问题 | 问题条数 | 多计 | 少计 | 总分与各项之和不符 | 等级与总分不符 | 多计合计（分） | 按自评会改变等级 | 未提供自评 | 未能评分 |
|---|---|---|---|---|---|---|---|---|---|---|
| 3 | 2 | 3 | 2 | 0 | 0 | 1 | 0.38 | 1 | 1 | 1 |

## 有问题的单位（按多计分数从多到少）

| 序号 | 单位 | 名称 | 多计分数 | 自评总分 | 规则总分 | 自评等级 | 规则等级 | 问题数 |
|---|---|---|---|---|---|---|---|---|
| 1 | A02 | 乙单位 | 0.38 | 95 | 94.62 | 优 | 优 | 2 |
| 2 | A01 | 甲\|单位 | 0 | 88 | 88 | 优 | 良 | 1 |

### 1. A02 乙单位

| 项目 | 问题 | 自评 | 规则 | 说明 |
|---|---|---|---|---|
| 执行率 | 多计 | 9 | 8.62 | 执行率：自评 9 分，按规则应得 8.62 分 |
| 总分 | 多计 | 95 | 94.62 | 总分：自评 95 分 |

### 2. A01 甲\|单位

| 项目 | 问题 | 自评 | 规则 | 说明 |
|---|---|---|---|---|
| 等级 | 等级与总分不符 | 优 | 良 | 等级：自评「优」，按规则总分 88 分应为「良」（等级与总分不符） |

## 自评与规则一致的单位（1）

A03 丙单位

## 未提供自评的单位（1）

A04 丁单位

## 未能评分的单位（1）

- A05 戊单位：d.csv:6:3: spent: not a number
`
	if got := b.String(); got != want {
		t.Errorf("markdown\n%s\nwant\n%s", got, want)
	}
}

// TestReviewTable checks the terminal report's findings and summary.
func TestReviewTable(t *testing.T) {
	m, rv := handReview()
	var b bytes.Buffer
	if err := writeReviewAs(&b, "table", m, rv); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, s := range []string{
		"复核：测试（t 1），容差 0.01\n",
		"\n1. A02 乙单位（多计 0.38 分）\n   [多计] 执行率：自评 9 分，按规则应得 8.62 分\n   [多计] 总分：自评 95 分\n",
		"\n2. A01 甲|单位\n   [等级与总分不符] 等级：自评「优」",
		"复核 3 个单位：有问题 2 个，共 3 条（多计 2，少计 0，总分与各项之和不符 0，等级与总分不符 1）；共多计 0.38 分；按自评会改变等级 1 个；未提供自评 1 个；未能评分 1 个\n",
		"自评与规则一致 1 个：A03\n",
		"未提供自评 1 个：A04\n",
		"  A05 戊单位\n    d.csv:6:3: spent: not a number\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
	if strings.Index(out, "A02") > strings.Index(out, "A01") {
		t.Error("A02 (0.38 over-claimed) must come before A01")
	}
}

// TestReviewHTMLEscapes: unit names and messages are escaped.
func TestReviewHTMLEscapes(t *testing.T) {
	m, rv := handReview()
	rv.Result.Units[1].Name = "<b>乙</b>"
	var b bytes.Buffer
	if err := writeReviewAs(&b, "html", m, rv); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<b>乙</b>") || !strings.Contains(b.String(), "&lt;b&gt;乙&lt;/b&gt;") {
		t.Error("unit name not escaped")
	}
}

// TestReviewWriteError: a writer that fails makes the report fail, so the
// command never commits a partial file.
func TestReviewWriteError(t *testing.T) {
	m, rv := handReview()
	for _, f := range ReviewFormats() {
		if err := WriteReview(failingWriter{}, f, m, rv); err == nil {
			t.Errorf("%s: no error from a failing writer", f.Name)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

var errFull = &diag.Error{Code: "disk_full", Msg: "no space left on device"}

// writeReviewAs writes rv in the review format called name.
func writeReviewAs(w io.Writer, name string, m Meta, rv *review.Review) error {
	for _, f := range ReviewFormats() {
		if f.Name == name {
			return WriteReview(w, f, m, rv)
		}
	}
	return fmt.Errorf("no review format %s", name)
}
