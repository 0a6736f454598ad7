package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/engine"
)

// writeReviewMarkdown writes the review as a Markdown report: summary,
// the list of units with findings, one section of findings per unit, then
// the units whose claims agree, those without claims and those that could
// not be scored.
func writeReviewMarkdown(out io.Writer, m Meta, rv *engine.Review) error {
	w := &reviewWriter{w: out}
	p := splitReview(rv)
	s := rv.Summary
	fmt.Fprintf(w, "# %s\n\n", reviewMDText(reviewTitle(m)))
	fmt.Fprintf(w, "容差 %s 分：自评与规则相差超过容差才算问题，恰好等于容差不算。", claimNum(rv.Tolerance))
	if m.Data != nil && len(m.Data.Files) > 0 {
		fmt.Fprintf(w, "数据：%s", reviewMDText(strings.Join(m.Data.Files, "、")))
		if m.Data.SHA256 != "" {
			fmt.Fprintf(w, "（sha256 `%s`）", m.Data.SHA256)
		}
		fmt.Fprint(w, "。")
	}
	fmt.Fprint(w, "\n\n")
	reviewMDTable(w, reviewSummaryColumns, [][]string{reviewSummaryCells(s)})
	if len(p.findings) > 0 {
		fmt.Fprint(w, "\n## 有问题的单位（按多计分数从多到少）\n\n")
		rows := make([][]string, len(p.findings))
		for i, u := range p.findings {
			rows[i] = reviewUnitCells(i+1, u)
		}
		reviewMDTable(w, reviewUnitColumns, rows)
		for i, u := range p.findings {
			fmt.Fprintf(w, "\n### %d. %s %s\n\n", i+1, reviewMDText(u.Unit), reviewMDText(u.Name))
			reviewMDTable(w, reviewFindingColumns, reviewFindingRows(u))
		}
	}
	if len(p.agree) > 0 {
		fmt.Fprintf(w, "\n## 自评与规则一致的单位（%d）\n\n", len(p.agree))
		fmt.Fprintln(w, reviewMDText(reviewUnitNames(p.agree)))
	}
	if len(p.unclaimed) > 0 {
		fmt.Fprintf(w, "\n## 未提供自评的单位（%d）\n\n", len(p.unclaimed))
		fmt.Fprintln(w, reviewMDText(reviewUnitNames(p.unclaimed)))
	}
	if len(p.failed) > 0 {
		fmt.Fprintf(w, "\n## 未能评分的单位（%d）\n\n", len(p.failed))
		for _, u := range p.failed {
			for _, e := range u.Errors {
				fmt.Fprintf(w, "- %s %s：%s\n", reviewMDText(u.Unit), reviewMDText(u.Name), reviewMDText(e.Error()))
			}
		}
	}
	return w.err
}

// reviewUnitNames lists units as "id 名称" joined with 、.
func reviewUnitNames(units []*engine.UnitResult) string {
	parts := make([]string, len(units))
	for i, u := range units {
		parts[i] = strings.TrimSpace(u.Unit + " " + u.Name)
	}
	return strings.Join(parts, "、")
}

// reviewMDTable writes a Markdown table.
func reviewMDTable(w io.Writer, header []string, rows [][]string) {
	reviewMDRow(w, header)
	fmt.Fprintf(w, "|%s\n", strings.Repeat("---|", len(header)))
	for _, r := range rows {
		reviewMDRow(w, r)
	}
}

func reviewMDRow(w io.Writer, cells []string) {
	escaped := make([]string, len(cells))
	for i, c := range cells {
		escaped[i] = reviewMDText(c)
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(escaped, " | "))
}

// reviewMDText escapes what Markdown would read as markup in a table cell or a
// line: pipes, backslashes, emphasis and code marks, angle brackets and
// line breaks.
var reviewMDEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "\r\n", " ", "\n", " ")

func reviewMDText(s string) string { return reviewMDEscaper.Replace(s) }
