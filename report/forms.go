package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"github.com/olekukonko/tablewriter/tw"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/forms"
	"github.com/jixiao/jixiao/indicators"
)

// The review of submitted self-evaluation forms (`jixiao review DIR`): per
// form, every row's rule points beside its claim, then the findings, with
// each value's cell (file!sheet!cell); the files not reviewed and why; the
// summary. Forms with findings come first, the most over-claimed first.

// FormsReview is what the forms formats write.
type FormsReview struct {
	// Ruleset is the id of the ruleset that scored the rows it has (-r);
	// "" when every row is scored by the 10号 rules from its form.
	Ruleset   string
	Tolerance float64
	Forms     []*forms.Form // in review order (forms.Order)
	Rejected  []forms.Rejected
	Summary   forms.Summary
}

// FormsFormats lists the formats of the review of forms (`jixiao review
// DIR -f`), the names of ReviewFormats; the first is the default.
func FormsFormats() Registry {
	return Registry{
		{Name: "table", Desc: "each form's rows with the rules' points beside the claims, and the findings, for the terminal",
			Forms: func(w io.Writer, fr *FormsReview) error { return writeFormsText(w, fr, false) }},
		{Name: "json", Desc: "the review as JSON: every form with its source file, rows, cells and findings, the files not reviewed, the summary", Forms: writeFormsJSON},
		{Name: "md", Desc: "Markdown review report", Forms: func(w io.Writer, fr *FormsReview) error { return writeFormsText(w, fr, true) }},
		{Name: "xlsx", Desc: "Excel workbook: findings, rows, files not reviewed", Binary: true, Forms: writeFormsXLSX},
		{Name: "html", Desc: "self-contained HTML page to print or share", Forms: writeFormsHTML},
	}
}

// WriteForms writes the forms review in format f (one of FormsFormats).
func WriteForms(w io.Writer, f Format, fr *FormsReview) error {
	if f.Forms == nil {
		// A caller's mistake, never a user's: -f is looked up in FormsFormats.
		return internalf("WriteForms: format %s is not one of FormsFormats", f.Name)
	}
	return f.Forms(w, fr)
}

// formsKindLabel names every kind of a forms review in Chinese.
func formsKindLabel(kind string) string {
	switch kind {
	case forms.FindFundMismatch:
		return "资金数额不符"
	case forms.FindRateMismatch:
		return "执行率不符"
	case forms.FindWeightMismatch:
		return "分值不符"
	case forms.FindUnreadable:
		return "无法读取"
	}
	return KindLabel(kind)
}

var formsKinds = []string{forms.FindClaimHigh, forms.FindClaimLow, forms.FindSumMismatch, forms.FindGradeMismatch,
	forms.FindFundMismatch, forms.FindRateMismatch, forms.FindWeightMismatch, forms.FindUnreadable}

// formsTitle heads the review.
func formsTitle(fr *FormsReview) string {
	t := "自评表复核"
	if fr.Ruleset != "" {
		t += "（规则集 " + fr.Ruleset + "）"
	}
	return t + fmt.Sprintf("，容差 %s", claimNum(fr.Tolerance))
}

func formsSummaryText(fr *FormsReview) string {
	s := fr.Summary
	var parts []string
	for _, k := range formsKinds {
		if n := s.Kinds[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", formsKindLabel(k), n))
		}
	}
	text := fmt.Sprintf("复核自评表 %d 份：有问题 %d 份，共 %d 条", s.Forms, s.WithFindings, s.Findings)
	if len(parts) > 0 {
		text += "（" + strings.Join(parts, "，") + "）"
	}
	text += fmt.Sprintf("；共多计 %s 分；自评等级与规则不符 %d 份", Num(s.Over), s.GradeChanged)
	if s.Rejected > 0 {
		text += fmt.Sprintf("；未能复核的文件 %d 个", s.Rejected)
	}
	return text
}

func formTitle(f *forms.Form) string {
	t := f.Unit
	if f.Name != "" {
		t += " " + f.Name
	}
	if f.Project != "" {
		t += "（" + f.Project + "）"
	}
	return t
}

func formSource(f *forms.Form) string { return filepath.Base(f.File) + "!" + f.Sheet }

var formsRowColumns = []string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "规则得分", "自评得分", "差"}

func formRowCells(r *forms.Row) []string {
	claimed, diff := "", ""
	if r.Claimed != nil {
		claimed = claimNum(r.Claimed.V)
		if d := r.Claimed.V - r.Points; d != 0 {
			diff = claimNum(d)
			if d > 0 {
				diff = "+" + diff
			}
		}
	}
	points := Num(r.Points)
	if r.Status == indicators.StatusNA {
		points = "不适用"
	}
	return []string{r.Level1.Text, r.Level2.Text, r.Label.Text, r.TargetCell.Text, r.ActualCell.Text, Num(r.Weight.V), points, claimed, diff}
}

func formTotals(f *forms.Form) string {
	t := fmt.Sprintf("规则总分 %s（%s）", Num(f.Score), f.Rated)
	if f.Total != nil {
		t += fmt.Sprintf("，自评总分 %s", claimNum(f.Total.V))
	}
	if f.Grade != nil {
		t += fmt.Sprintf("，自评等级 %s", f.Grade.Text)
	}
	if f.Incomplete {
		t += "；有无法读取的行，总分与等级未复核"
	}
	return t
}

// writeFormsText writes the table (md false) or Markdown (md true) form.
func writeFormsText(out io.Writer, fr *FormsReview, md bool) error {
	w := &reviewWriter{w: out}
	title := formsTitle(fr)
	if md {
		fmt.Fprintf(w, "# %s\n\n%s\n", title, reviewMDText(formsSummaryText(fr)))
	} else {
		fmt.Fprintf(w, "%s\n%s\n", title, formsSummaryText(fr))
	}
	for i, f := range fr.Forms {
		rows := make([][]string, len(f.Rows))
		for k := range f.Rows {
			rows[k] = formRowCells(&f.Rows[k])
		}
		if md {
			fmt.Fprintf(w, "\n## %d. %s\n\n来源：%s。%s\n\n", i+1, reviewMDText(formTitle(f)), reviewMDText(formSource(f)), reviewMDText(formTotals(f)))
			reviewMDTable(w, formsRowColumns, rows)
			if len(f.Findings) > 0 {
				fmt.Fprintln(w)
			}
			for _, x := range f.Findings {
				fmt.Fprintf(w, "- **%s** %s\n", formsKindLabel(x.Kind), reviewMDText(x.Message))
			}
			continue
		}
		fmt.Fprintf(w, "\n%d. %s  %s\n   %s\n", i+1, formTitle(f), formSource(f), formTotals(f))
		align := make([]tw.Align, len(formsRowColumns))
		for k := range align {
			align[k] = tw.AlignRight
		}
		align[0], align[1], align[2], align[3], align[4] = tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft
		if len(rows) > 0 {
			if err := boxTable(w, formsRowColumns, rows, align); err != nil {
				return err
			}
		}
		for _, x := range f.Findings {
			fmt.Fprintf(w, "   [%s] %s\n", formsKindLabel(x.Kind), x.Message)
		}
	}
	if len(fr.Rejected) > 0 {
		if md {
			fmt.Fprintf(w, "\n## 未能复核的文件\n\n")
		} else {
			fmt.Fprintf(w, "\n未能复核的文件：\n")
		}
		for _, r := range fr.Rejected {
			if md {
				fmt.Fprintf(w, "- %s\n", reviewMDText(r.Why))
			} else {
				fmt.Fprintf(w, "  %s\n", r.Why)
			}
		}
	}
	return w.err
}

type jsonFormsReview struct {
	Ruleset   string           `json:"ruleset,omitempty"`
	Tolerance float64          `json:"tolerance"`
	Forms     []*forms.Form    `json:"forms"`
	Rejected  []forms.Rejected `json:"rejected"`
	Summary   forms.Summary    `json:"summary"`
}

func writeFormsJSON(w io.Writer, fr *FormsReview) error {
	doc := jsonFormsReview{Ruleset: fr.Ruleset, Tolerance: fr.Tolerance, Forms: fr.Forms, Rejected: fr.Rejected, Summary: fr.Summary}
	if doc.Forms == nil {
		doc.Forms = []*forms.Form{}
	}
	if doc.Rejected == nil {
		doc.Rejected = []forms.Rejected{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

type formsHTMLPage struct {
	Title, Summary string
	Columns        []string
	Forms          []formsHTMLForm
	Rejected       []string
}

type formsHTMLForm struct {
	N                     int
	Title, Source, Totals string
	Rows                  []formsHTMLRow
	Findings              []reviewHTMLFinding
}

type formsHTMLRow struct {
	Cells []string
	Class string // "high", "low" or ""
}

const formsHTMLTemplate = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; line-height: 1.5; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.meta { color: #666; font-size: 0.9em; }
.summary { font-weight: bold; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; vertical-align: top; }
th { background: #f0f0f0; font-weight: normal; white-space: nowrap; }
td.n { text-align: right; }
tr.high td { background: #fde2e1; }
tr.low td { background: #fff4d6; }
ul.findings li { margin: 0.2em 0; }
.kind { display: inline-block; min-width: 7em; font-weight: bold; }
.claim_high .kind, .sum_mismatch .kind, .grade_mismatch .kind, .fund_mismatch .kind, .rate_mismatch .kind { color: #b3261e; }
.claim_low .kind, .weight_mismatch .kind { color: #8a5a00; }
.unreadable .kind { color: #555; }
@media print { h2 { page-break-before: auto; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{.Summary}}</p>
{{range .Forms}}<h2>{{.N}}. {{.Title}}</h2>
<p class="meta">来源：{{.Source}}。{{.Totals}}</p>
{{if .Rows}}<table>
<tr>{{range $.Columns}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr{{if .Class}} class="{{.Class}}"{{end}}>{{range $i, $c := .Cells}}<td{{if ge $i 5}} class="n"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</table>
{{end}}{{if .Findings}}<ul class="findings">
{{range .Findings}}<li class="{{.KindClass}}"><span class="kind">{{.Kind}}</span> {{.Message}}</li>
{{end}}</ul>
{{end}}{{end}}{{if .Rejected}}<h2>未能复核的文件</h2>
<ul>
{{range .Rejected}}<li>{{.}}</li>
{{end}}</ul>
{{end}}</body>
</html>
`

var formsHTML = template.Must(template.New("forms").Parse(formsHTMLTemplate))

func writeFormsHTML(w io.Writer, fr *FormsReview) error {
	p := formsHTMLPage{Title: formsTitle(fr), Summary: formsSummaryText(fr), Columns: formsRowColumns}
	for i, f := range fr.Forms {
		hf := formsHTMLForm{N: i + 1, Title: formTitle(f), Source: formSource(f), Totals: formTotals(f)}
		flagged := map[string]string{}
		for _, x := range f.Findings {
			hf.Findings = append(hf.Findings, reviewHTMLFinding{Kind: formsKindLabel(x.Kind), KindClass: x.Kind, Message: x.Message})
			switch x.Kind {
			case forms.FindClaimHigh:
				flagged[x.ID] = "high"
			case forms.FindClaimLow:
				flagged[x.ID] = "low"
			}
		}
		for k := range f.Rows {
			r := &f.Rows[k]
			hf.Rows = append(hf.Rows, formsHTMLRow{Cells: formRowCells(r), Class: flagged[r.ID()]})
		}
		p.Forms = append(p.Forms, hf)
	}
	for _, r := range fr.Rejected {
		p.Rejected = append(p.Rejected, r.Why)
	}
	return formsHTML.Execute(w, p)
}

// writeFormsXLSX writes three sheets: 问题 (every finding, with its
// cell), 明细 (every row read, with the rules' points beside the claim)
// and 未复核 (the files not reviewed).
func writeFormsXLSX(w io.Writer, fr *FormsReview) error {
	x := excelize.NewFile()
	defer x.Close()
	set := func(sheet string, row int, values ...any) error {
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		return x.SetSheetRow(sheet, cell, &values)
	}
	if err := x.SetSheetName("Sheet1", "问题"); err != nil {
		return err
	}
	for _, s := range []string{"明细", "未复核"} {
		if _, err := x.NewSheet(s); err != nil {
			return err
		}
	}
	if err := set("问题", 1, "单位", "名称", "项目", "文件", "问题", "项目/指标", "自评", "规则", "单元格", "说明"); err != nil {
		return err
	}
	if err := set("明细", 1, "单位", "名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "规则得分", "自评得分", "状态", "依据", "单元格"); err != nil {
		return err
	}
	if err := set("未复核", 1, "文件", "原因"); err != nil {
		return err
	}
	n, m := 2, 2
	for _, f := range fr.Forms {
		for _, fd := range f.Findings {
			if err := set("问题", n, f.Unit, f.Name, f.Project, filepath.Base(f.File), formsKindLabel(fd.Kind), fd.ID, fd.Claimed, fd.Rules, fd.Cell, fd.Message); err != nil {
				return err
			}
			n++
		}
		for k := range f.Rows {
			r := &f.Rows[k]
			var claimed any
			ref := r.Label.Ref
			if r.Claimed != nil {
				claimed, ref = r.Claimed.V, r.Claimed.Cell.Ref
			}
			if err := set("明细", m, f.Unit, f.Name, r.Level1.Text, r.Level2.Text, r.Label.Text, r.TargetCell.Text, r.ActualCell.Text,
				r.Weight.V, r.Points, claimed, r.Status, r.Explain, ref); err != nil {
				return err
			}
			m++
		}
	}
	for i, r := range fr.Rejected {
		if err := set("未复核", i+2, r.File, r.Why); err != nil {
			return err
		}
	}
	return x.Write(w)
}
