package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/review"
	"github.com/jixiao/jixiao/spill"
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
	// The sheets are written by hand, as the 自评表's are, into spills:
	// the units are read from the review's spill a class at a time, and
	// no sheet is held in memory.
	f, z, err := newWorkbook(reviewSheetSummary, m, w)
	if err != nil {
		return err
	}
	defer f.Close()
	x := &reviewXLSX{f: f, sw: map[string]*sheetWriter{}, footer: printFooter(m)}
	defer func() { // on an error, before writeTo closes them
		for _, sw := range x.sw {
			sw.rows.Close()
		}
	}()
	bold := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	head := x.style(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}})
	wrap := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.sheet(reviewSheetSummary, 10, 12, 30, 10, 10, 10, 10, 10, 8)
	x.sheet(reviewSheetFindings, 6, 10, 24, 18, 14, 16, 8, 8, 8, 10, 90)
	x.sheet(reviewSheetOthers, 10, 30, 16, 10, 10, 80)

	// 复核汇总: title, tolerance and data, the summary, the units with findings.
	sh := reviewSheetSummary
	x.row(sh, 1, excelize.Cell{StyleID: bold, Value: reviewTitle(m)})
	meta := fmt.Sprintf("容差 %s 分（相差超过容差才算问题，恰好等于容差不算）", claimNum(d.Tolerance))
	if m.Data != nil && len(m.Data.Files) > 0 {
		meta += "；数据 " + strings.Join(m.Data.Files, "、")
		if m.Data.SHA256 != "" {
			meta += "（sha256 " + m.Data.SHA256 + "）"
		}
	}
	x.row(sh, 2, meta)
	x.row(sh, 3, reviewSummaryText(d.Summary))
	x.row(sh, 5, reviewCells(head, reviewSummaryColumns...)...)
	s := d.Summary
	x.row(sh, 6, s.Units, s.WithFindings, s.Findings, s.ClaimHigh, s.ClaimLow, s.SumMismatch, s.GradeMismatch, s.Over, s.GradeChanged, s.Unclaimed, s.Errors)
	x.row(sh, 8, reviewCells(head, reviewUnitColumns...)...)

	// 问题清单 beside it: one row per finding, in review order.
	x.row(reviewSheetFindings, 1, reviewCells(head, "序号", "单位", "名称", "项目", "编号", "问题", "自评", "规则", "差额", "未说明理由", "说明")...)
	r := 2
	err = d.each(review.Findings, func(i int, u *engine.UnitResult) error {
		var cs any
		if u.Claimed.Score != nil {
			cs = *u.Claimed.Score
		}
		x.row(sh, 8+i, i, u.Unit, u.Name, u.Claimed.Over, cs, u.Score, u.Claimed.Grade, u.Grade, len(u.Review))
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
			x.row(reviewSheetFindings, r, i, u.Unit, u.Name, fd.Label, fd.ID, KindLabel(fd.Kind), fd.Claimed, fd.Rules, diff, noReason,
				excelize.Cell{StyleID: wrap, Value: fd.Message})
			r++
		}
		return x.err
	})
	if err != nil {
		return err
	}
	if r > 2 && x.err == nil {
		// excelize names the filter's range in the workbook; the sheet
		// writes its element.
		x.sw[reviewSheetFindings].filter = fmt.Sprintf("A1:K%d", r-1)
		x.err = f.AutoFilter(reviewSheetFindings, x.sw[reviewSheetFindings].filter, nil)
	}

	// 其他单位: what the review did not flag, and why.
	sh = reviewSheetOthers
	x.row(sh, 1, reviewCells(head, "单位", "名称", "情况", "规则总分", "规则等级", "说明")...)
	r = 2
	for _, c := range []review.Class{review.Agree, review.Unclaimed, review.Failed} {
		err := d.each(c, func(_ int, u *engine.UnitResult) error {
			switch c {
			case review.Agree:
				x.row(sh, r, u.Unit, u.Name, "自评与规则一致", u.Score, u.Grade, "")
			case review.Unclaimed:
				x.row(sh, r, u.Unit, u.Name, "未提供自评", u.Score, u.Grade, "")
			default:
				var msgs []string
				for _, e := range u.Errors {
					msgs = append(msgs, e.Error())
				}
				x.row(sh, r, u.Unit, u.Name, "未能评分", nil, nil, strings.Join(msgs, "\n"))
			}
			r++
			return x.err
		})
		if err != nil {
			return err
		}
	}
	if x.err != nil {
		return x.err
	}
	if err := reviewPrintTitles(f); err != nil {
		return err
	}
	const frozen = `<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>`
	z.replace = map[string]func(io.Writer, []byte) error{}
	for i, v := range []struct{ name, view string }{
		{reviewSheetSummary, `<sheetView tabSelected="1" workbookViewId="0"/>`}, {reviewSheetFindings, frozen}, {reviewSheetOthers, frozen},
	} {
		z.replace[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = func(w io.Writer, _ []byte) error { return x.sw[v.name].writeTo(w, v.view, 0) }
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// reviewXLSX writes the sheets of the review workbook and keeps the
// first error.
type reviewXLSX struct {
	f      *excelize.File
	sw     map[string]*sheetWriter
	footer string // of every printed page
	err    error
}

func (x *reviewXLSX) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	if x.err == nil {
		x.err = err
	}
	return id
}

// sheet starts a sheet: the widths of its columns from A.
func (x *reviewXLSX) sheet(name string, widths ...float64) {
	if x.err != nil {
		return
	}
	if name != reviewSheetSummary {
		if _, x.err = x.f.NewSheet(name); x.err != nil {
			return
		}
	}
	sw := &sheetWriter{rows: spill.New(spoolMem), footer: x.footer}
	x.sw[name] = sw
	for i, wd := range widths {
		if x.err == nil {
			x.err = sw.SetColWidth(i+1, i+1, wd)
		}
	}
}

func (x *reviewXLSX) row(sheet string, row int, values ...any) {
	if x.err == nil {
		x.err = x.sw[sheet].SetRow(cellName(1, row), values)
	}
}

// reviewCells turns strings into cells of a style.
func reviewCells(style int, ss ...string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = excelize.Cell{StyleID: style, Value: s}
	}
	return out
}

// reviewRoundDiff keeps a difference of claims to 4 decimals, dropping float
// noise (9 − 8.62 = 0.3800000000000008).
func reviewRoundDiff(d float64) float64 { return math.Round(d*1e4) / 1e4 }
