package report

import (
	"html/template"
	"io"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/review"
)

// The review as one self-contained HTML page (`jixiao review -f html`):
// inline style, no script, no external resource, so it can be mailed,
// opened offline and printed as it is.

// reviewHTMLPage is what the page template reads.
type reviewHTMLPage struct {
	Title, Tolerance, Files, DataSHA, RulesetSHA string
	SummaryText                                  string
	SummaryColumns, SummaryCells                 []string
	UnitColumns                                  []string
	Units                                        []reviewHTMLUnit
	Agree, Unclaimed                             string
	NAgree, NUnclaimed                           int
	Failed                                       []reviewHTMLFailed
}

type reviewHTMLUnit struct {
	N        int
	Cells    []string
	ID, Name string
	Over     string // "" when nothing is over-claimed
	Findings []reviewHTMLFinding
}

type reviewHTMLFinding struct {
	Label, Kind, KindClass, Claimed, Rules, Message string
}

type reviewHTMLFailed struct {
	ID, Name string
	Errors   []string
}

const reviewHTMLTemplate = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; line-height: 1.5; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.meta { color: #666; font-size: 0.9em; }
.summary-text { font-weight: bold; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; vertical-align: top; }
th { background: #f0f0f0; font-weight: normal; white-space: nowrap; }
table.findings { width: 100%; }
table.findings td:first-child { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.msg { max-width: 60em; }
.kind { white-space: nowrap; padding: 0 0.3em; border-radius: 3px; }
.k-claim_high { background: #fde2e1; color: #a8071a; }
.k-claim_low { background: #e6f4ff; color: #0958d9; }
.k-sum_mismatch { background: #fff4d6; color: #ad6800; }
.k-grade_mismatch { background: #f3e8ff; color: #722ed1; }
.over { color: #a8071a; font-weight: normal; font-size: 0.9em; }
@media print { body { margin: 1cm; } section { page-break-inside: avoid; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">容差 {{.Tolerance}} 分（相差超过容差才算问题，恰好等于容差不算）{{if .Files}}；数据 {{.Files}}{{if .DataSHA}}（sha256 {{.DataSHA}}）{{end}}{{end}}{{if .RulesetSHA}}；规则集 sha256 {{.RulesetSHA}}{{end}}</p>
<p class="summary-text">{{.SummaryText}}</p>
<table>
<tr>{{range .SummaryColumns}}<th>{{.}}</th>{{end}}</tr>
<tr>{{range .SummaryCells}}<td class="num">{{.}}</td>{{end}}</tr>
</table>
{{- if .Units}}
<h2>有问题的单位（按多计分数从多到少）</h2>
<table>
<tr>{{range .UnitColumns}}<th>{{.}}</th>{{end}}</tr>
{{- range $u := .Units}}
<tr>{{range $i, $c := $u.Cells}}{{if eq $i 1}}<td><a href="#u{{$u.N}}">{{$c}}</a></td>{{else}}<td{{if or (eq $i 0) (ge $i 3)}} class="num"{{end}}>{{$c}}</td>{{end}}{{end}}</tr>
{{- end}}
</table>
{{- range .Units}}
<section id="u{{.N}}">
<h3>{{.N}}. {{.ID}} {{.Name}}{{if .Over}} <span class="over">多计 {{.Over}} 分</span>{{end}}</h3>
<table class="findings">
<tr><th>项目</th><th>问题</th><th>自评</th><th>规则</th><th>说明</th></tr>
{{- range .Findings}}
<tr><td>{{.Label}}</td><td><span class="kind k-{{.KindClass}}">{{.Kind}}</span></td><td class="num">{{.Claimed}}</td><td class="num">{{.Rules}}</td><td class="msg">{{.Message}}</td></tr>
{{- end}}
</table>
</section>
{{- end}}
{{- end}}
{{- if .NAgree}}
<h2>自评与规则一致的单位（{{.NAgree}}）</h2>
<p>{{.Agree}}</p>
{{- end}}
{{- if .NUnclaimed}}
<h2>未提供自评的单位（{{.NUnclaimed}}）</h2>
<p>{{.Unclaimed}}</p>
{{- end}}
{{- if .Failed}}
<h2>未能评分的单位（{{len .Failed}}）</h2>
<ul>
{{- range .Failed}}
<li>{{.ID}} {{.Name}}<ul>{{range .Errors}}<li><pre>{{.}}</pre></li>{{end}}</ul></li>
{{- end}}
</ul>
{{- end}}
</body>
</html>
`

func writeReviewHTML(w io.Writer, m Meta, d *reviewDoc) error {
	page := reviewHTMLPage{
		Title:          reviewTitle(m),
		Tolerance:      claimNum(d.Tolerance),
		RulesetSHA:     m.Ruleset.SHA256,
		SummaryText:    reviewSummaryText(d.Summary),
		SummaryColumns: reviewSummaryColumns,
		SummaryCells:   reviewSummaryCells(d.Summary),
		UnitColumns:    reviewUnitColumns,
		NAgree:         d.count(review.Agree),
		NUnclaimed:     d.count(review.Unclaimed),
	}
	var names strings.Builder
	for _, at := range []*string{&page.Agree, &page.Unclaimed} {
		c := review.Agree
		if at == &page.Unclaimed {
			c = review.Unclaimed
		}
		names.Reset()
		if err := reviewUnitNames(&names, d, c, func(s string) string { return s }); err != nil {
			return err
		}
		*at = names.String()
	}
	if m.Data != nil {
		page.Files, page.DataSHA = strings.Join(m.Data.Files, "、"), m.Data.SHA256
	}
	// The page is drawn by one template: it holds what it shows of the
	// units with findings and the failed ones.
	if err := d.each(review.Findings, func(n int, u *engine.UnitResult) error {
		hu := reviewHTMLUnit{N: n, Cells: reviewUnitCells(n, u), ID: u.Unit, Name: u.Name}
		if u.Claimed.Over > 0 {
			hu.Over = Num(u.Claimed.Over)
		}
		for _, f := range u.Review {
			hu.Findings = append(hu.Findings, reviewHTMLFinding{Label: f.Label, Kind: KindLabel(f.Kind), KindClass: f.Kind,
				Claimed: reviewValue(f.Claimed), Rules: reviewValue(f.Rules), Message: f.Message})
		}
		page.Units = append(page.Units, hu)
		return nil
	}); err != nil {
		return err
	}
	if err := d.each(review.Failed, func(_ int, u *engine.UnitResult) error {
		hf := reviewHTMLFailed{ID: u.Unit, Name: u.Name}
		for _, e := range u.Errors {
			hf.Errors = append(hf.Errors, e.Error())
		}
		page.Failed = append(page.Failed, hf)
		return nil
	}); err != nil {
		return err
	}
	t, err := template.New("review").Parse(reviewHTMLTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, page)
}
