package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/review"
)

// writeReviewMarkdown writes the review as a Markdown report: summary,
// the list of units with findings, one section of findings per unit, then
// the units whose claims agree, those without claims and those that could
// not be scored.
func writeReviewMarkdown(out io.Writer, m Meta, d *reviewDoc) error {
	w := &reviewWriter{w: out}
	fmt.Fprintf(w, "# %s\n\n", reviewMDText(reviewTitle(m)))
	fmt.Fprintf(w, "容差 %s 分：自评与规则相差超过容差才算问题，恰好等于容差不算。", claimNum(d.Tolerance))
	if m.Data != nil && len(m.Data.Files) > 0 {
		fmt.Fprintf(w, "数据：%s", reviewMDText(strings.Join(m.Data.Files, "、")))
		if m.Data.SHA256 != "" {
			fmt.Fprintf(w, "（sha256 `%s`）", m.Data.SHA256)
		}
		fmt.Fprint(w, "。")
	}
	fmt.Fprint(w, "\n\n")
	reviewMDTable(w, reviewSummaryColumns, [][]string{reviewSummaryCells(d.Summary)})
	if d.count(review.Findings) > 0 {
		fmt.Fprint(w, "\n## 有问题的单位（按多计分数从多到少）\n\n")
		reviewMDTable(w, reviewUnitColumns, nil)
		if err := d.each(review.Findings, func(n int, u *engine.UnitResult) error {
			reviewMDRow(w, reviewUnitCells(n, u))
			return w.err
		}); err != nil {
			return err
		}
		if err := d.each(review.Findings, func(n int, u *engine.UnitResult) error {
			fmt.Fprintf(w, "\n### %d. %s %s\n\n", n, reviewMDText(u.Unit), reviewMDText(u.Name))
			reviewMDTable(w, reviewFindingColumns, reviewFindingRows(u))
			return w.err
		}); err != nil {
			return err
		}
	}
	for _, part := range []struct {
		c     review.Class
		title string
	}{{review.Agree, "自评与规则一致的单位"}, {review.Unclaimed, "未提供自评的单位"}} {
		if d.count(part.c) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n## %s（%d）\n\n", part.title, d.count(part.c))
		if err := reviewUnitNames(w, d, part.c, reviewMDText); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	if d.count(review.Failed) > 0 {
		fmt.Fprintf(w, "\n## 未能评分的单位（%d）\n\n", d.count(review.Failed))
		if err := d.each(review.Failed, func(_ int, u *engine.UnitResult) error {
			for _, e := range u.Errors {
				fmt.Fprintf(w, "- %s %s：%s\n", reviewMDText(u.Unit), reviewMDText(u.Name), reviewMDText(e.Error()))
			}
			return w.err
		}); err != nil {
			return err
		}
	}
	return w.err
}

// reviewUnitNames writes the units of class c as "id 名称" joined with 、,
// each through esc.
func reviewUnitNames(w io.Writer, d *reviewDoc, c review.Class, esc func(string) string) error {
	return d.each(c, func(n int, u *engine.UnitResult) error {
		if n > 1 {
			io.WriteString(w, "、")
		}
		_, err := io.WriteString(w, esc(strings.TrimSpace(u.Unit+" "+u.Name)))
		return err
	})
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
