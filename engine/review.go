package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/jixiao/jixiao/indicators"
)

// The review (复核) sets a unit's own claims — claimed.<indicator id>,
// claimed.score, claimed.grade — beside what the rules give and lists every
// place where they depart (docs/数据.md, claims). The rules always
// decide the score; claims never change it.
//
// How claims meet the statuses of the rules:
//
//   - A claim is compared with the rules' points whatever the indicator's
//     status. A missing or error indicator scores 0, so any claim above the
//     tolerance is claim_high ("缺少数据" / "无法计算" in the message). An
//     N/A (不适用) indicator scores nothing and leaves the total, so a claim
//     above the tolerance on it is claim_high by the whole claim; a claim of
//     0 on it is no finding.
//   - sum_mismatch is checked only when the unit claims its total and every
//     indicator that applies carries a claim: the sum of a partial table
//     says nothing about the total. Where some indicator is 不适用 the total
//     may be either the plain sum of the claimed rows or the claimed
//     applicable rows rescaled to 100 as the rules do; only a total that is
//     neither is a finding.
//   - A unit with claims on only some indicators gets findings on those
//     rows, on its total and on its grade; unclaimed rows are not findings.
//
// Tolerance: a claim departs when |claimed − rules| is greater than the
// tolerance (0.01 unless the Tolerance option says otherwise); a difference
// equal to the tolerance is not a finding. Differences are compared with a
// margin of 1e-9 so that float noise (8.63 − 8.62 = 0.010000000000000009)
// does not turn an equal difference into a greater one.

// claimEpsilon absorbs float noise in claim differences.
const claimEpsilon = 1e-9

// departs compares a claim with the rules' figure: +1 when the claim is
// above it by more than the tolerance, −1 when below by more, 0 otherwise.
func (p *Program) departs(claimed, rules float64) int {
	d := claimed - rules
	switch {
	case d-p.conf.tolerance > claimEpsilon:
		return 1
	case -d-p.conf.tolerance > claimEpsilon:
		return -1
	}
	return 0
}

// claim sets an indicator's claimed points beside the rules' points and
// flags a departure. It reports whether the indicator was flagged.
func (p *Program) claim(s *scratch, u *indicators.Unit, ir *IndicatorResult) bool {
	c, ok := u.Claims[ir.ID]
	if !ok {
		return false
	}
	if len(s.claims) < cap(s.claims) {
		s.claims = append(s.claims, c)
		ir.Claimed = &s.claims[len(s.claims)-1]
	} else {
		v := c // a unit scored outside evalUnit; c itself must not escape
		ir.Claimed = &v
	}
	switch p.departs(c, ir.Points) {
	case 1:
		ir.Flags = append(ir.Flags, indicators.FlagClaimHigh)
		return true
	case -1:
		ir.Flags = append(ir.Flags, indicators.FlagClaimLow)
		return true
	}
	return false
}

// review compares the unit's claims with the rules and lists the findings
// in a fixed order: indicators in ruleset order, then the total
// (sum_mismatch before claim_high/claim_low), then the grade. It runs after
// the unit is scored and graded.
func (p *Program) review(u *indicators.Unit, r *UnitResult) {
	c := &Claimed{Grade: strings.TrimSpace(u.ClaimedGrade)}
	if s, ok := u.Claims[FindingScore]; ok {
		c.Score = &s
	}
	var sumAll, sumApplicable, rowsOver float64
	allClaimed, anyNA := true, false
	for k := range r.Indicators {
		ir := &r.Indicators[k]
		if ir.Status == indicators.StatusNA {
			anyNA = true
		}
		if ir.Claimed == nil {
			if ir.Status != indicators.StatusNA {
				allClaimed = false
			}
			continue
		}
		c.Rows++
		sumAll += *ir.Claimed
		if ir.Status != indicators.StatusNA {
			sumApplicable += *ir.Claimed
		}
		if dir := p.departs(*ir.Claimed, ir.Points); dir != 0 {
			if dir > 0 {
				rowsOver += *ir.Claimed - ir.Points
			}
			r.Review = append(r.Review, p.indicatorFinding(ir, dir))
		}
	}
	plainSum := indicators.Round2(sumAll)
	if allClaimed && c.Rows > 0 {
		sum := plainSum
		if anyNA {
			sum = indicators.Round2(sumApplicable / r.Applicable * 100)
		}
		c.Sum = &sum
	}
	var scoreOver float64
	if c.Score != nil {
		cs := *c.Score
		if c.Sum != nil && p.departs(cs, *c.Sum) != 0 && (!anyNA || p.departs(cs, plainSum) != 0) {
			r.Review = append(r.Review, p.sumFinding(r, cs, *c.Sum, plainSum, sumApplicable, anyNA))
		}
		if dir := p.departs(cs, r.Score); dir != 0 {
			if dir > 0 {
				scoreOver = cs - r.Score
			}
			r.Review = append(r.Review, p.scoreFinding(r, cs, dir, anyNA))
		}
	}
	c.Over = indicators.Round2(max(rowsOver, scoreOver))
	grades := p.rs.Grades
	switch {
	case c.Grade != "":
		c.ImpliedGrade = gradeLabel(grades, c.Grade)
		if c.ImpliedGrade != r.Grade {
			r.Review = append(r.Review, p.gradeFinding(r, c))
		}
	case c.Score != nil:
		c.ImpliedGrade = indicators.GradeOf(grades, *c.Score)
	case c.Sum != nil:
		c.ImpliedGrade = indicators.GradeOf(grades, *c.Sum)
	}
	r.Claimed = c
}

// gradeLabel reads a claimed grade as one of the ruleset's labels: the
// label itself, or the one label it starts with (优秀 → 优, 良好 → 良,
// 中等 → 中, as self-evaluation forms often write them). Anything else is
// returned as written, and departs from every grade.
func gradeLabel(grades []indicators.Grade, claimed string) string {
	match := ""
	for _, g := range grades {
		if g.Label == claimed {
			return claimed
		}
		if g.Label != "" && strings.HasPrefix(claimed, g.Label) {
			if match != "" {
				return claimed // ambiguous: leave it as written
			}
			match = g.Label
		}
	}
	if match != "" {
		return match
	}
	return claimed
}

// indicatorFinding describes a claim on one indicator that departs from
// its points by more than the tolerance (dir +1 above, −1 below).
func (p *Program) indicatorFinding(ir *IndicatorResult, dir int) Finding {
	c := *ir.Claimed
	f := Finding{ID: ir.ID, Label: ir.Label, Claimed: c, Rules: ir.Points}
	var b strings.Builder
	fmt.Fprintf(&b, "%s（满分 %s）：自评 %s 分，按规则应得 %s 分，", ir.Label, fmtNum(ir.Weight), fmtNum(c), fmtNum(ir.Points))
	d := fmtDiff(c, ir.Points)
	if dir > 0 {
		f.Kind = FindClaimHigh
		fmt.Fprintf(&b, "多计 %s 分（自评高于规则）", d)
		switch {
		case ir.Status == indicators.StatusNA:
			b.WriteString("；该指标不适用，不应计分")
		case ir.Status == indicators.StatusMissing:
			b.WriteString("；该指标缺少数据，自评得分无据可查")
		case ir.Status == indicators.StatusError:
			b.WriteString("；该指标按所报数据无法计算")
		case c > ir.Weight:
			fmt.Fprintf(&b, "；自评超过该指标满分 %s", fmtNum(ir.Weight))
		case roundedFrom(ir.Points, c):
			fmt.Fprintf(&b, "；疑将 %s 凑整为 %s", fmtNum(ir.Points), fmtNum(c))
		}
	} else {
		f.Kind = FindClaimLow
		fmt.Fprintf(&b, "少计 %s 分（自评低于规则）", d)
		full := ir.Status == indicators.StatusOK && ir.Points >= ir.Weight
		met := "按规则应得满分"
		if ir.Rule == indicators.RuleMet {
			met = "目标已完成，按规则应得满分"
		}
		switch {
		case full && ir.Reason == "":
			f.NoReason = true
			fmt.Fprintf(&b, "；%s，自评却低于满分，且未说明理由（reason.%s）", met, ir.ID)
		case full:
			fmt.Fprintf(&b, "；%s，单位说明：%s", met, ir.Reason)
		case c < 0:
			b.WriteString("；自评为负数")
		case roundedFrom(ir.Points, c):
			fmt.Fprintf(&b, "；疑将 %s 舍为 %s", fmtNum(ir.Points), fmtNum(c))
		}
	}
	if ir.Explain != "" {
		b.WriteString("。依据：" + ir.Explain)
	}
	f.Message = b.String()
	return f
}

// fmtDiff prints |a − b| to at most 4 decimals: a claim of 8.631 against
// 8.62 is 0.011 over, which 2 decimals would hide.
func fmtDiff(a, b float64) string { return fmtNum(math.Abs(a - b)) }

// roundedFrom reports whether claim is points rounded to a whole number or
// one decimal (8.62 → 9, 8.6; 19.96 → 20), the usual slip of a hand-filled
// form.
func roundedFrom(points, claim float64) bool {
	for _, scale := range []float64{1, 10} {
		for _, r := range []float64{math.Round(points * scale), math.Ceil(points * scale), math.Floor(points * scale)} {
			if math.Abs(r/scale-claim) < claimEpsilon && math.Abs(points-claim) > claimEpsilon {
				return true
			}
		}
	}
	return false
}

// sumFinding describes a claimed total that is not the sum of the claimed
// rows.
func (p *Program) sumFinding(r *UnitResult, claimed, sum, plainSum, applicableSum float64, anyNA bool) Finding {
	f := Finding{ID: FindingScore, Label: "总分", Kind: FindSumMismatch, Claimed: claimed, Rules: sum}
	d := fmtDiff(claimed, sum)
	if anyNA {
		f.Message = fmt.Sprintf("总分：自评总分 %s 分，不等于各适用指标自评得分之和 %s 分按适用分值 %s 折算为百分制的 %s 分（相差 %s 分），也不等于各行直接相加的 %s 分（总分与各项之和不符）",
			fmtNum(claimed), fmtNum(indicators.Round2(applicableSum)), fmtNum(r.Applicable), fmtNum(sum), d, fmtNum(plainSum))
	} else {
		f.Message = fmt.Sprintf("总分：自评总分 %s 分，不等于各指标自评得分之和 %s 分，相差 %s 分（总分与各项之和不符）",
			fmtNum(claimed), fmtNum(sum), d)
	}
	return f
}

// scoreFinding describes a claimed total that departs from the rules'
// total.
func (p *Program) scoreFinding(r *UnitResult, claimed float64, dir int, anyNA bool) Finding {
	f := Finding{ID: FindingScore, Label: "总分", Kind: FindClaimHigh, Claimed: claimed, Rules: r.Score}
	word := "多计 %s 分（自评高于规则）"
	if dir < 0 {
		f.Kind, word = FindClaimLow, "少计 %s 分（自评低于规则）"
	}
	var pts float64
	for k := range r.Indicators {
		if r.Indicators[k].Status != indicators.StatusNA {
			pts += r.Indicators[k].Points
		}
	}
	why := fmt.Sprintf("各指标按规则得分之和 %s 分", fmtNum(indicators.Round2(pts)))
	if anyNA {
		why = fmt.Sprintf("各适用指标按规则得分之和 %s 分，按适用分值 %s 折算为百分制", fmtNum(indicators.Round2(pts)), fmtNum(r.Applicable))
	}
	f.Message = fmt.Sprintf("总分：自评 %s 分，按规则应为 %s 分（%s），"+word,
		fmtNum(claimed), fmtNum(r.Score), why, fmtDiff(claimed, r.Score))
	return f
}

// gradeFinding describes a claimed grade that is not the grade of the
// rules' total.
func (p *Program) gradeFinding(r *UnitResult, c *Claimed) Finding {
	f := Finding{ID: FindingGrade, Label: "等级", Kind: FindGradeMismatch, Claimed: c.Grade, Rules: r.Grade}
	var b strings.Builder
	fmt.Fprintf(&b, "等级：自评「%s」", c.Grade)
	if c.ImpliedGrade != c.Grade {
		fmt.Fprintf(&b, "（即「%s」）", c.ImpliedGrade)
	}
	fmt.Fprintf(&b, "，按规则总分 %s 分应为「%s」（等级与总分不符）", fmtNum(r.Score), r.Grade)
	grades := p.rs.Grades
	known := false
	labels := make([]string, len(grades))
	for i, g := range grades {
		labels[i] = g.Label
		known = known || g.Label == c.ImpliedGrade
	}
	switch {
	case !known:
		fmt.Fprintf(&b, "；「%s」不是本规则集的等级（%s）", c.Grade, strings.Join(labels, "、"))
	case c.Score != nil:
		if g := indicators.GradeOf(grades, *c.Score); g != c.ImpliedGrade {
			fmt.Fprintf(&b, "；自评总分 %s 分本身也应为「%s」", fmtNum(*c.Score), g)
		}
	}
	f.Message = b.String()
	return f
}
