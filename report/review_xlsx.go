package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/review"
)

// The review as an Excel workbook (`jixiao review -f xlsx -o FILE`), the
// form reviewers file and annotate: sheet 复核汇总 with the summary and the
// units with findings, sheet 问题清单 with one row per finding (points as
// numbers, so they can be filtered and summed), sheet 其他单位 with the
// units whose claims agree, those without claims and those that failed.

const (
	reviewSheetSummary  = "复核汇总"
	reviewSheetFindings = "问题清单"
	reviewSheetOthers   = "其他单位"
)

func writeReviewXLSX(w io.Writer, m Meta, d *reviewDoc) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &reviewXLSX{f: f}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	// The workbook is built whole (excelize): it holds the units.
	var p struct{ findings, agree, unclaimed, failed []*engine.UnitResult }
	for c, at := range []*[]*engine.UnitResult{&p.findings, &p.agree, &p.unclaimed, &p.failed} {
		if *at, err = d.units(review.Class(c)); err != nil {
			return err
		}
	}

	// 复核汇总: title, tolerance and data, the summary, the units with findings.
	x.err = f.SetSheetName("Sheet1", reviewSheetSummary)
	sh := reviewSheetSummary
	x.row(sh, 1, reviewTitle(m))
	x.style(sh, 1, 1, bold)
	meta := fmt.Sprintf("容差 %s 分（相差超过容差才算问题，恰好等于容差不算）", claimNum(d.Tolerance))
	if m.Data != nil && len(m.Data.Files) > 0 {
		meta += "；数据 " + strings.Join(m.Data.Files, "、")
		if m.Data.SHA256 != "" {
			meta += "（sha256 " + m.Data.SHA256 + "）"
		}
	}
	x.row(sh, 2, meta)
	x.row(sh, 3, reviewSummaryText(d.Summary))
	x.row(sh, 5, reviewCells(reviewSummaryColumns)...)
	x.style(sh, 5, len(reviewSummaryColumns), head)
	s := d.Summary
	x.row(sh, 6, s.Units, s.WithFindings, s.Findings, s.ClaimHigh, s.ClaimLow, s.SumMismatch, s.GradeMismatch, s.Over, s.GradeChanged, s.Unclaimed, s.Errors)
	x.row(sh, 8, reviewCells(reviewUnitColumns)...)
	x.style(sh, 8, len(reviewUnitColumns), head)
	for i, u := range p.findings {
		var cs any
		if u.Claimed.Score != nil {
			cs = *u.Claimed.Score
		}
		x.row(sh, 9+i, i+1, u.Unit, u.Name, u.Claimed.Over, cs, u.Score, u.Claimed.Grade, u.Grade, len(u.Review))
	}
	x.widths(sh, map[string]float64{"A": 10, "B": 12, "C": 30, "D": 10, "E": 10, "F": 10, "G": 10, "H": 10, "I": 8})

	// 问题清单: one row per finding, in review order.
	sh = reviewSheetFindings
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	cols := []string{"序号", "单位", "名称", "项目", "编号", "问题", "自评", "规则", "差额", "未说明理由", "说明"}
	x.row(sh, 1, reviewCells(cols)...)
	x.style(sh, 1, len(cols), head)
	r := 2
	for i, u := range p.findings {
		for _, fd := range u.Review {
			var diff any
			if c, ok := fd.Claimed.(float64); ok {
				if rl, ok := fd.Rules.(float64); ok {
					diff = reviewRoundDiff(c - rl)
				}
			}
			noReason := ""
			if fd.NoReason {
				noReason = "是"
			}
			x.row(sh, r, i+1, u.Unit, u.Name, fd.Label, fd.ID, KindLabel(fd.Kind), fd.Claimed, fd.Rules, diff, noReason, fd.Message)
			r++
		}
	}
	if r > 2 {
		x.cellStyle(sh, "K2", fmt.Sprintf("K%d", r-1), wrap)
		if x.err == nil {
			x.err = f.AutoFilter(sh, fmt.Sprintf("A1:K%d", r-1), nil)
		}
	}
	x.freeze(sh)
	x.widths(sh, map[string]float64{"A": 6, "B": 10, "C": 24, "D": 18, "E": 14, "F": 16, "G": 8, "H": 8, "I": 8, "J": 10, "K": 90})

	// 其他单位: what the review did not flag, and why.
	sh = reviewSheetOthers
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	x.row(sh, 1, "单位", "名称", "情况", "规则总分", "规则等级", "说明")
	x.style(sh, 1, 6, head)
	r = 2
	for _, u := range p.agree {
		x.row(sh, r, u.Unit, u.Name, "自评与规则一致", u.Score, u.Grade, "")
		r++
	}
	for _, u := range p.unclaimed {
		x.row(sh, r, u.Unit, u.Name, "未提供自评", u.Score, u.Grade, "")
		r++
	}
	for _, u := range p.failed {
		var msgs []string
		for _, e := range u.Errors {
			msgs = append(msgs, e.Error())
		}
		x.row(sh, r, u.Unit, u.Name, "未能评分", nil, nil, strings.Join(msgs, "\n"))
		r++
	}
	x.freeze(sh)
	x.widths(sh, map[string]float64{"A": 10, "B": 30, "C": 16, "D": 10, "E": 10, "F": 80})
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// reviewXLSX writes cells and keeps the first error.
type reviewXLSX struct {
	f   *excelize.File
	err error
}

func (x *reviewXLSX) row(sheet string, row int, values ...any) {
	if x.err != nil {
		return
	}
	cell, err := excelize.CoordinatesToCellName(1, row)
	if err != nil {
		x.err = err
		return
	}
	x.err = x.f.SetSheetRow(sheet, cell, &values)
}

// style sets a style on the first n cells of a row.
func (x *reviewXLSX) style(sheet string, row, n, style int) {
	if x.err != nil {
		return
	}
	last, err := excelize.CoordinatesToCellName(n, row)
	if err != nil {
		x.err = err
		return
	}
	x.cellStyle(sheet, fmt.Sprintf("A%d", row), last, style)
}

func (x *reviewXLSX) cellStyle(sheet, from, to string, style int) {
	if x.err == nil {
		x.err = x.f.SetCellStyle(sheet, from, to, style)
	}
}

func (x *reviewXLSX) widths(sheet string, w map[string]float64) {
	for _, col := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"} {
		if width, ok := w[col]; ok && x.err == nil {
			x.err = x.f.SetColWidth(sheet, col, col, width)
		}
	}
}

// freeze keeps the header row in view.
func (x *reviewXLSX) freeze(sheet string) {
	if x.err == nil {
		x.err = x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
}

// reviewCells turns strings into cell values.
func reviewCells(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// reviewRoundDiff keeps a difference of claims to 4 decimals, dropping float
// noise (9 − 8.62 = 0.3800000000000008).
func reviewRoundDiff(d float64) float64 { return math.Round(d*1e4) / 1e4 }
