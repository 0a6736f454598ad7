package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/jixiao/jixiao/engine"
)

// The review report (复核, `jixiao review`): for a whole population, the
// units whose claims depart from the rules — most points over-claimed
// first — with their findings, then the units whose claims agree, the
// units without claims and the units that could not be scored, and a
// summary. The order and every figure come from engine.Review; the writers
// below only lay them out.

// ReviewFormat is one output format of `jixiao review -f`.
type ReviewFormat struct {
	Name string
	Desc string
	// Binary formats (xlsx) cannot go to a terminal and need -o.
	Binary bool
	write  func(w io.Writer, m Meta, rv *engine.Review) error
}

// ReviewFormats lists the formats of the review report; the first is the
// default.
func ReviewFormats() []ReviewFormat {
	return []ReviewFormat{
		{Name: "table", Desc: "units with findings and the findings, for the terminal", write: writeReviewTable},
		{Name: "json", Desc: "the review as JSON: units in review order with their findings, and the summary", write: writeReviewJSON},
		{Name: "md", Desc: "Markdown review report", write: writeReviewMarkdown},
		{Name: "xlsx", Desc: "Excel workbook: summary, one row per finding", write: writeReviewXLSX, Binary: true},
		{Name: "html", Desc: "self-contained HTML page to print or share", write: writeReviewHTML},
	}
}

// ReviewFormatNames lists the names of the review formats, the default
// first.
func ReviewFormatNames() []string {
	var names []string
	for _, f := range ReviewFormats() {
		names = append(names, f.Name)
	}
	return names
}

// LookupReview returns the review format called name.
func LookupReview(name string) (ReviewFormat, error) {
	for _, f := range ReviewFormats() {
		if f.Name == name {
			return f, nil
		}
	}
	return ReviewFormat{}, fmt.Errorf("unknown format %q: want one of %s", name, strings.Join(ReviewFormatNames(), ", "))
}

// WriteReview writes the review rv in format f.
func WriteReview(w io.Writer, f ReviewFormat, m Meta, rv *engine.Review) error {
	return f.write(w, m, rv)
}

// reviewParts splits the units of a review, in review order, into those
// with findings, those whose claims agree, those without claims and those
// that failed.
type reviewParts struct {
	findings, agree, unclaimed, failed []*engine.UnitResult
}

func splitReview(rv *engine.Review) reviewParts {
	var p reviewParts
	for _, i := range rv.Order {
		u := &rv.Result.Units[i]
		switch {
		case u.Failed():
			p.failed = append(p.failed, u)
		case u.Claimed == nil:
			p.unclaimed = append(p.unclaimed, u)
		case len(u.Review) > 0:
			p.findings = append(p.findings, u)
		default:
			p.agree = append(p.agree, u)
		}
	}
	return p
}

// KindLabel is the Chinese name of a finding kind.
func KindLabel(kind string) string {
	switch kind {
	case engine.FindClaimHigh:
		return "多计"
	case engine.FindClaimLow:
		return "少计"
	case engine.FindSumMismatch:
		return "总分与各项之和不符"
	case engine.FindGradeMismatch:
		return "等级与总分不符"
	}
	return kind
}

// reviewTitle is the heading of a review report.
func reviewTitle(m Meta) string {
	title := m.Ruleset.Title
	if title == "" {
		title = m.Ruleset.ID
	}
	return fmt.Sprintf("复核：%s（%s %s）", title, m.Ruleset.ID, m.Ruleset.Version)
}

// reviewSummaryText is the summary in one Chinese sentence.
func reviewSummaryText(rv *engine.Review) string {
	s := rv.Summary
	text := fmt.Sprintf("复核 %d 个单位：有问题 %d 个，共 %d 条（多计 %d，少计 %d，总分与各项之和不符 %d，等级与总分不符 %d）；共多计 %s 分；按自评会改变等级 %d 个",
		s.Units, s.WithFindings, s.Findings, s.ClaimHigh, s.ClaimLow, s.SumMismatch, s.GradeMismatch, Num(s.Over), s.GradeChanged)
	if s.Unclaimed > 0 {
		text += fmt.Sprintf("；未提供自评 %d 个", s.Unclaimed)
	}
	if s.Errors > 0 {
		text += fmt.Sprintf("；未能评分 %d 个", s.Errors)
	}
	return text
}

// reviewValue prints a finding's claimed or rules value: points to at
// most 4 decimals (a claim of 8.631 is shown as written), grades as they
// are.
func reviewValue(v any) string {
	switch v := v.(type) {
	case float64:
		return claimNum(v)
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// reviewUnitColumns are the columns of the list of units with findings.
var reviewUnitColumns = []string{"序号", "单位", "名称", "多计分数", "自评总分", "规则总分", "自评等级", "规则等级", "问题数"}

// reviewSummaryColumns head the summary of a review.
var reviewSummaryColumns = []string{"复核单位", "有问题", "问题条数", "多计", "少计", "总分与各项之和不符", "等级与总分不符", "多计合计（分）", "按自评会改变等级", "未提供自评", "未能评分"}

// reviewSummaryCells are the figures under reviewSummaryColumns.
func reviewSummaryCells(s engine.ReviewSummary) []string {
	return []string{fmt.Sprint(s.Units), fmt.Sprint(s.WithFindings), fmt.Sprint(s.Findings), fmt.Sprint(s.ClaimHigh), fmt.Sprint(s.ClaimLow),
		fmt.Sprint(s.SumMismatch), fmt.Sprint(s.GradeMismatch), Num(s.Over), fmt.Sprint(s.GradeChanged), fmt.Sprint(s.Unclaimed), fmt.Sprint(s.Errors)}
}

// reviewFindingColumns head the findings of one unit.
var reviewFindingColumns = []string{"项目", "问题", "自评", "规则", "说明"}

// reviewFindingRows are the findings of one unit under reviewFindingColumns.
func reviewFindingRows(u *engine.UnitResult) [][]string {
	rows := make([][]string, len(u.Review))
	for i, f := range u.Review {
		rows[i] = []string{f.Label, KindLabel(f.Kind), reviewValue(f.Claimed), reviewValue(f.Rules), f.Message}
	}
	return rows
}

// reviewUnitCells are the cells of one unit with findings, numbered n.
func reviewUnitCells(n int, u *engine.UnitResult) []string {
	cs := ""
	if u.Claimed.Score != nil {
		cs = claimNum(*u.Claimed.Score)
	}
	return []string{fmt.Sprint(n), u.Unit, u.Name, Num(u.Claimed.Over), cs, Num(u.Score), u.Claimed.Grade, u.Grade, fmt.Sprint(len(u.Review))}
}

// reviewIDList joins unit ids, at most limit of them, then "等 N 个".
func reviewIDList(units []*engine.UnitResult, limit int) string {
	var ids []string
	for i, u := range units {
		if i == limit {
			ids = append(ids, fmt.Sprintf("等 %d 个", len(units)))
			break
		}
		ids = append(ids, u.Unit)
	}
	return strings.Join(ids, " ")
}

// writeReviewTable prints the list of units with findings as a table,
// then each unit's findings, then the summary, for the terminal.
func writeReviewTable(out io.Writer, m Meta, rv *engine.Review) error {
	w := &reviewWriter{w: out}
	p := splitReview(rv)
	fmt.Fprintf(w, "%s，容差 %s\n", reviewTitle(m), claimNum(rv.Tolerance))
	if len(p.findings) > 0 {
		align := make([]tw.Align, len(reviewUnitColumns))
		for i := range align {
			align[i] = tw.AlignRight
		}
		align[1], align[2] = tw.AlignLeft, tw.AlignLeft
		rows := make([][]string, len(p.findings))
		for i, u := range p.findings {
			rows[i] = reviewUnitCells(i+1, u)
		}
		if err := boxTable(w, reviewUnitColumns, rows, align); err != nil {
			return err
		}
		for i, u := range p.findings {
			fmt.Fprintf(w, "\n%d. %s %s", i+1, u.Unit, u.Name)
			if u.Claimed.Over > 0 {
				fmt.Fprintf(w, "（多计 %s 分）", Num(u.Claimed.Over))
			}
			fmt.Fprintln(w)
			for _, f := range u.Review {
				fmt.Fprintf(w, "   [%s] %s\n", KindLabel(f.Kind), f.Message)
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, reviewSummaryText(rv))
	const most = 20
	if len(p.agree) > 0 {
		fmt.Fprintf(w, "自评与规则一致 %d 个：%s\n", len(p.agree), reviewIDList(p.agree, most))
	}
	if len(p.unclaimed) > 0 {
		fmt.Fprintf(w, "未提供自评 %d 个：%s\n", len(p.unclaimed), reviewIDList(p.unclaimed, most))
	}
	if len(p.failed) > 0 {
		fmt.Fprintln(w, "未能评分的单位：")
		for _, u := range p.failed {
			fmt.Fprintf(w, "  %s %s\n", u.Unit, u.Name)
			for _, e := range u.Errors {
				fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(e.Error(), "\n", "\n    "))
			}
		}
	}
	return w.err
}

// reviewWriter keeps the first write error, so a writer that prints with
// fmt.Fprintf still reports a full disk.
type reviewWriter struct {
	w   io.Writer
	err error
}

func (e *reviewWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}
