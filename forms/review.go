package forms

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// FundLabel is the label of the 资金 block's row among the indicator rows.
const FundLabel = "预算执行率"

// claimEpsilon absorbs float noise in differences (8.63 − 8.62).
const claimEpsilon = 1e-9

// amountTolerance: amounts in 万元 are written to 2 decimals.
const amountTolerance = 0.005 + claimEpsilon

// rateTolerance: a 执行率 written as a whole percent is within half a
// point of the exact rate.
const rateTolerance = 0.005 + claimEpsilon

func fmtNum(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// totalFund returns the index of the 资金 block's total row (年度资金总额),
// -1 when there is none.
func (f *Form) totalFund() int {
	for i := range f.Funds {
		if strings.Contains(fold(f.Funds[i].Label.Text), "资金总额") {
			return i
		}
	}
	return -1
}

// addFundRow puts the 资金 block's 预算执行率 among the rows, first, when the
// block gives it points (分值): 得分 = 分值 × min(全年执行数 / 全年预算数, 1).
func (f *Form) addFundRow() {
	i := f.totalFund()
	if i < 0 || f.Funds[i].Weight == nil {
		return
	}
	fr := &f.Funds[i]
	row := Row{Label: Cell{Text: FundLabel, Ref: fr.Label.Ref}, Level1: Cell{Text: "项目资金", Ref: fr.Label.Ref},
		Target: Target{Op: ">=", Num: 1, Unit: "%"}, TargetCell: Cell{Text: "100%", Ref: fr.Label.Ref},
		Weight: *fr.Weight, Claimed: fr.Claimed, Funds: true}
	if fr.Spent != nil {
		row.ActualCell = fr.Spent.Cell
	}
	if fr.Budget != nil && fr.Spent != nil && fr.Budget.V != 0 {
		// The rate the rules compute, shown where the spending is.
		row.Actual = indicators.NumberValue(fr.Spent.V / fr.Budget.V)
		row.ActualCell.Text = fmtValue(row.Actual.Num, "%")
	}
	f.Rows = append([]Row{row}, f.Rows...)
}

// departs compares a claim with the rules: +1 above by more than tol, −1
// below by more, 0 otherwise.
func departs(claimed, rules, tol float64) int {
	d := claimed - rules
	switch {
	case d-tol > claimEpsilon:
		return 1
	case -d-tol > claimEpsilon:
		return -1
	}
	return 0
}

// Scorer scores a row by other rules than the form's own (a ruleset's
// indicator of the same label). ok false leaves the row to the 10号 rules
// from the form's 年度指标值; explain then says why, or is empty.
type Scorer func(r *Row) (points float64, status, explain string, ok bool)

// Options say how forms are reviewed.
type Options struct {
	// Tolerance: a claim departs when it differs from the rules by more
	// than this many points.
	Tolerance float64
	// Grades are the grade bands; nil means the default (优 ≥90, 良 ≥80,
	// 中 ≥60, 差).
	Grades []indicators.Grade
	// Score, when set, is asked first for every row with a value.
	Score Scorer
	// Lang is the language of the reasons of files not read and cells not
	// understood (ReadPaths, ReadFile): "en" for English, anything else
	// ("" included) for Chinese.
	Lang string
}

// printer words o's messages.
func (o Options) printer() msg.Printer { return msg.For(o.Lang) }

// Review scores every row of f by the 10号 rules from the form's own
// numbers (or by o.Score where it scores the row) and lists the findings
// (see the package doc).
func (f *Form) Review(o Options) {
	p := o.printer()
	tol := o.Tolerance
	grades := o.Grades
	if grades == nil {
		grades = indicators.DefaultGrades()
	}
	f.Findings = f.Findings[:0]
	for _, u := range f.Unreadable {
		f.find(Finding{ID: u.Cell.Ref, Kind: FindUnreadable, Cell: u.Cell.Ref,
			Message: p.Sprintf(msg.FormsUnreadable, u.Cell.Ref, u.Why)})
	}
	f.Incomplete = len(f.Unreadable) > 0
	f.reviewFunds(p)
	var sum, applicable, claimedAll, claimedApplicable, weights float64
	allClaimed, anyNA := true, false
	for i := range f.Rows {
		r := &f.Rows[i]
		f.score(p, r, o.Score)
		weights += r.Weight.V
		if r.Status == indicators.StatusNA {
			anyNA = true
		} else {
			sum += r.Points
			applicable += r.Weight.V
		}
		if r.Claimed == nil {
			if r.Status != indicators.StatusNA {
				allClaimed = false
			}
			continue
		}
		claimedAll += r.Claimed.V
		if r.Status != indicators.StatusNA {
			claimedApplicable += r.Claimed.V
		}
		if dir := departs(r.Claimed.V, r.Points, tol); dir != 0 {
			f.find(rowFinding(p, r, dir))
		}
	}
	f.Applicable = applicable
	f.Score = indicators.Round2(sum)
	if anyNA && applicable > 0 {
		f.Score = indicators.Round2(sum / applicable * 100)
	}
	f.Rated = indicators.GradeOf(grades, f.Score)
	f.reviewWeights(p, weights)
	if f.Incomplete {
		return
	}
	if f.Total != nil && allClaimed && len(f.Rows) > 0 {
		plain := indicators.Round2(claimedAll)
		want := plain
		if anyNA && applicable > 0 {
			want = indicators.Round2(claimedApplicable / applicable * 100)
		}
		if departs(f.Total.V, want, tol) != 0 && departs(f.Total.V, plain, tol) != 0 {
			f.find(Finding{ID: "总分", Kind: FindSumMismatch, Claimed: f.Total.V, Rules: want, Cell: f.Total.Cell.Ref,
				Message: p.Sprintf(msg.FormsSumMismatch,
					fmtNum(f.Total.V), f.Total.Cell.Ref, fmtNum(want), fmtNum(math.Abs(f.Total.V-want)))})
		}
	}
	if f.Total != nil {
		if dir := departs(f.Total.V, f.Score, tol); dir != 0 {
			kind, word := FindClaimHigh, msg.FormsTotalHigh
			if dir < 0 {
				kind, word = FindClaimLow, msg.FormsTotalLow
			}
			why := p.Sprintf(msg.FormsRowsSum, fmtNum(indicators.Round2(sum)))
			if anyNA {
				why = p.Sprintf(msg.FormsRowsSumNA, fmtNum(indicators.Round2(sum)), fmtNum(applicable))
			}
			f.find(Finding{ID: "总分", Kind: kind, Claimed: f.Total.V, Rules: f.Score, Cell: f.Total.Cell.Ref,
				Message: p.Sprintf(word,
					fmtNum(f.Total.V), f.Total.Cell.Ref, fmtNum(f.Score), why, fmtNum(math.Abs(f.Total.V-f.Score)))})
		}
	}
	if f.Grade != nil {
		claimed := gradeLabel(grades, f.Grade.Text)
		if claimed != f.Rated {
			f.find(Finding{ID: "等级", Kind: FindGradeMismatch, Claimed: f.Grade.Text, Rules: f.Rated, Cell: f.Grade.Ref,
				Message: p.Sprintf(msg.FormsGradeMismatch, f.Grade.Text, f.Grade.Ref, fmtNum(f.Score), f.Rated)})
		}
	}
}

func (f *Form) find(x Finding) { f.Findings = append(f.Findings, x) }

// gradeLabel reads a claimed grade as one of the labels: the label or a
// word that starts with it (优秀 → 优, 良好 → 良, 中等 → 中), 较差 → 差.
func gradeLabel(grades []indicators.Grade, s string) string {
	s = fold(s)
	for _, g := range grades {
		if g.Label != "" && strings.HasPrefix(s, g.Label) {
			return g.Label
		}
	}
	if s == "较差" {
		return "差"
	}
	return s
}

// score sets the row's points, status and the rule's arithmetic.
func (f *Form) score(p msg.Printer, r *Row, by Scorer) {
	w := r.Weight.V
	r.Status, r.Points, r.Rule, r.Overshoot = indicators.StatusOK, 0, 0, false
	r.Value = actualText(r)
	v := r.Actual
	var note string
	if by != nil && (v.Kind == indicators.Number || v.Kind == indicators.Tier) {
		points, status, explain, ok := by(r)
		if ok {
			r.Points, r.Status, r.Explain = points, status, explain
			return
		}
		note = explain
	}
	switch {
	case r.Funds && v.Kind == indicators.Missing:
		fr := f.Funds[f.totalFund()]
		switch {
		case fr.Budget == nil || fr.Spent == nil:
			r.Status = indicators.StatusMissing
			r.Explain = p.Sprintf(msg.FormsNoFunds)
		default:
			r.Status = indicators.StatusError
			r.Explain = p.Sprintf(msg.FormsZeroBudget, fr.Budget.Cell.Ref)
		}
	case v.Kind == indicators.NA:
		r.Status = indicators.StatusNA
		r.Explain = p.Sprintf(msg.FormsNA)
	case v.Kind == indicators.Missing:
		r.Status = indicators.StatusMissing
		r.Explain = p.Sprintf(msg.FormsBlankActual, r.ActualCell.Ref)
	case v.Kind == indicators.Tier:
		r.Points, r.Explain = scoreTier(p, r, v, w)
	case r.Funds:
		fr := f.Funds[f.totalFund()]
		raw, rule := indicators.ScoreTarget(">=", "", v.Num, 1, w)
		r.Points, r.Rule = indicators.Points(raw, w), rule
		r.Explain = p.Sprintf(msg.FormsRate,
			fmtNum(fr.Spent.V), fmtNum(fr.Budget.V), fmtNum(v.Num*100), fmtNum(w), fmtNum(r.Points))
	default:
		t := r.Target
		raw, rule := indicators.ScoreTarget(t.Op, "", v.Num, t.Num, w)
		r.Points, r.Rule = indicators.Points(raw, w), rule
		r.Overshoot = indicators.Overshoot(t.Op, v.Num, t.Num)
		act, tgt := fmtValue(v.Num, t.Unit), targetText(t)
		switch rule {
		case indicators.RuleMet:
			r.Explain = p.Sprintf(msg.FormsMet, act, tgt, fmtNum(w))
		case indicators.RuleProportional:
			r.Explain = p.Sprintf(msg.FormsProportional, act, tgt, fmtNum(w), act, fmtValue(t.Num, t.Unit), fmtNum(r.Points))
		case indicators.RuleReverseLinear:
			r.Explain = p.Sprintf(msg.FormsReverse, act, tgt, fmtNum(w), act, fmtValue(t.Num, t.Unit), fmtValue(t.Num, t.Unit), fmtNum(r.Points))
		default:
			r.Explain = p.Sprintf(msg.FormsZero, act, tgt, rule)
		}
		if r.Overshoot {
			r.Explain += p.Sprintf(msg.FormsOvershoot)
		}
	}
	if !r.Funds && r.ActualCell.Ref != "" && r.Status == indicators.StatusOK {
		r.Explain += p.Sprintf(msg.FormsRef, r.ActualCell.Ref)
	}
	if note != "" {
		r.Explain += p.Sprintf(msg.FormsNote, note)
	}
}

// scoreTier scores a tier: a letter with a fraction gives that fraction;
// a bare letter admits any claim inside its band (达成 80%–100% of the
// 分值, 部分达成 60%–80%, 未达成 below 60%), which is the judgment the
// rules leave to the unit, and otherwise gives the band's default point.
func scoreTier(pr msg.Printer, r *Row, v indicators.Value, w float64) (float64, string) {
	lo, hi, open := indicators.TierBand(v.Tier)
	name := indicators.TierName(v.Tier)
	band := pr.Sprintf(msg.FormsTierBand, name, fmtNum(lo*100), fmtNum(hi*100), fmtNum(lo*w), fmtNum(hi*w))
	if v.HasFrac {
		p := indicators.Points(indicators.ScoreTier(v, indicators.DefaultTiers(), w), w)
		return p, pr.Sprintf(msg.FormsTierReported, band, fmtNum(v.Num*100)+"%", fmtNum(p))
	}
	if c := r.Claimed; c != nil {
		inside := c.V >= lo*w-claimEpsilon && (c.V < hi*w-claimEpsilon || !open && c.V <= hi*w+claimEpsilon)
		if inside {
			p := indicators.Points(c.V, w)
			return p, pr.Sprintf(msg.FormsTierInside, band, fmtNum(c.V))
		}
	}
	p := indicators.Points(indicators.ScoreTier(v, indicators.DefaultTiers(), w), w)
	t := indicators.DefaultTiers().Of(v.Tier)
	if r.Claimed != nil {
		return p, pr.Sprintf(msg.FormsTierOutside, band, fmtNum(r.Claimed.V), fmtNum(t*100), fmtNum(p))
	}
	return p, pr.Sprintf(msg.FormsTierDefault, band, fmtNum(t*100), fmtNum(p))
}

// rowFinding describes a claim on a row that departs from its points.
func rowFinding(p msg.Printer, r *Row, dir int) Finding {
	c := r.Claimed.V
	x := Finding{ID: r.ID(), Claimed: c, Rules: r.Points, Cell: r.Claimed.Cell.Ref}
	var b strings.Builder
	b.WriteString(p.Sprintf(msg.FormsRowClaim, r.Label.Text, fmtNum(r.Weight.V), fmtNum(c), r.Claimed.Cell.Ref, fmtNum(r.Points)))
	d := fmtNum(math.Abs(c - r.Points))
	if dir > 0 {
		x.Kind = FindClaimHigh
		b.WriteString(p.Sprintf(msg.FormsHigh, d))
		switch {
		case r.Status == indicators.StatusNA:
			b.WriteString(p.Sprintf(msg.FormsRowNA))
		case c > r.Weight.V:
			b.WriteString(p.Sprintf(msg.FormsAboveFull, fmtNum(r.Weight.V)))
		}
	} else {
		x.Kind = FindClaimLow
		b.WriteString(p.Sprintf(msg.FormsLow, d))
		if r.Status == indicators.StatusOK && r.Points >= r.Weight.V {
			if r.Reason.Text == "" {
				b.WriteString(p.Sprintf(msg.FormsFullNoReason))
			} else {
				b.WriteString(p.Sprintf(msg.FormsFullReason, r.Reason.Text))
			}
		}
	}
	b.WriteString(p.Sprintf(msg.FormsBasis, r.Explain))
	x.Message = b.String()
	return x
}

// reviewFunds checks the 资金 block against itself: the total row is the
// sum of the rows under it (其中), and each stated 执行率 is 全年执行数 ÷
// 全年预算数.
func (f *Form) reviewFunds(p msg.Printer) {
	t := f.totalFund()
	if t >= 0 {
		tot := &f.Funds[t]
		for _, col := range []struct {
			name string
			get  func(*FundRow) *Number
		}{
			{"年初预算数", func(r *FundRow) *Number { return r.Initial }},
			{"全年预算数", func(r *FundRow) *Number { return r.Budget }},
			{"全年执行数", func(r *FundRow) *Number { return r.Spent }},
		} {
			var sum float64
			var parts []string
			for i := range f.Funds {
				if n := col.get(&f.Funds[i]); i != t && n != nil {
					sum += n.V
					parts = append(parts, fmt.Sprintf("%s %s", strings.TrimPrefix(fold(f.Funds[i].Label.Text), "其中:"), fmtNum(n.V)))
				}
			}
			if len(parts) == 0 {
				continue
			}
			var total float64
			ref := tot.Label.Ref
			if n := col.get(tot); n != nil {
				total, ref = n.V, n.Cell.Ref
			}
			if math.Abs(total-sum) > amountTolerance {
				f.find(Finding{ID: tot.Label.Text, Kind: FindFundMismatch, Claimed: total, Rules: indicators.Round2(sum), Cell: ref,
					Message: p.Sprintf(msg.FormsFundSum, fold(tot.Label.Text), col.name, fmtNum(total), ref, fmtNum(sum), strings.Join(parts, " + "))})
			}
		}
	}
	for i := range f.Funds {
		r := &f.Funds[i]
		if r.Rate == nil || r.Budget == nil || r.Spent == nil || r.Budget.V == 0 {
			continue
		}
		rate := r.Spent.V / r.Budget.V
		if math.Abs(r.Rate.V-rate) > rateTolerance {
			f.find(Finding{ID: r.Label.Text, Kind: FindRateMismatch, Claimed: r.Rate.V, Rules: rate, Cell: r.Rate.Cell.Ref,
				Message: p.Sprintf(msg.FormsFundRate, fold(r.Label.Text), fmtNum(r.Rate.V*100), r.Rate.Cell.Ref, fmtNum(r.Spent.V), fmtNum(r.Budget.V), fmtNum(rate*100))})
		}
	}
}

// reviewWeights checks that the 分值 add up: to the 总分 row's 分值 (or to
// 100 on a form with a 资金 block), and under each 一级指标 to the points
// its label states.
func (f *Form) reviewWeights(p msg.Printer, weights float64) {
	want, ref, what := 0.0, "", msg.Code("")
	switch {
	case f.TotalWeight != nil:
		want, ref, what = f.TotalWeight.V, f.TotalWeight.Cell.Ref, msg.FormsTotalRowWeight
	case f.Shape == ShapeForm && len(f.Funds) > 0 && !f.Incomplete:
		want, what = 100, msg.FormsHundred
	}
	if what != "" && math.Abs(weights-want) > claimEpsilon {
		f.find(Finding{ID: "分值", Kind: FindWeightMismatch, Claimed: indicators.Round2(weights), Rules: want, Cell: ref,
			Message: p.Sprintf(msg.FormsWeightSum, fmtNum(weights), what, fmtNum(want), inParens(p, ref))})
	}
	for _, g := range f.Groups {
		var sum float64
		for i := range f.Rows {
			if f.Rows[i].Level1.Text == g.Label && !f.Rows[i].Funds {
				sum += f.Rows[i].Weight.V
			}
		}
		if math.Abs(sum-g.Points) > claimEpsilon {
			f.find(Finding{ID: g.Label, Kind: FindWeightMismatch, Claimed: indicators.Round2(sum), Rules: g.Points, Cell: g.Cell.Ref,
				Message: p.Sprintf(msg.FormsGroupWeight, g.Label, fmtNum(g.Points), g.Cell.Ref, fmtNum(sum))})
		}
	}
}

// inParens is " (ref)" as p words it, or "" for no ref.
func inParens(p msg.Printer, ref string) string {
	if ref == "" {
		return ""
	}
	return p.Sprintf(msg.FormsRef, ref)
}
