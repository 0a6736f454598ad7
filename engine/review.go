package engine

import (
	"fmt"
	"math"
	"sort"

	"github.com/jixiao/jixiao/indicators"
)

// claim sets an indicator's claimed points beside the rules' points and
// flags a difference above the tolerance.
func (p *Program) claim(u *indicators.Unit, ir *IndicatorResult) {
	c, ok := u.Claims[ir.ID]
	if !ok {
		return
	}
	ir.Claimed = &c
	switch d := c - ir.Points; {
	case d > p.conf.tolerance+1e-9:
		ir.Flags = append(ir.Flags, FlagClaimHigh)
	case d < -p.conf.tolerance-1e-9:
		ir.Flags = append(ir.Flags, FlagClaimLow)
	}
}

// review compares the unit's claims with the rules (复核) and lists the
// findings: over- and under-claimed indicators, a claimed total that is not
// the sum of the claimed rows, a claimed grade that is not the grade of the
// rules' total.
func (p *Program) review(u *indicators.Unit, r *UnitResult) {
	tol := p.conf.tolerance + 1e-9
	var claimedSum float64
	nClaims, nApplicable := 0, 0
	for k := range r.Indicators {
		ir := &r.Indicators[k]
		if ir.Status != StatusNA {
			nApplicable++
		}
		if ir.Claimed == nil {
			continue
		}
		if ir.Status != StatusNA {
			nClaims++
			claimedSum += *ir.Claimed
		}
		d := *ir.Claimed - ir.Points
		if math.Abs(d) <= tol {
			continue
		}
		f := Finding{ID: ir.ID, Claimed: *ir.Claimed, Rules: ir.Points}
		why := p.claimReason(ir)
		if d > 0 {
			f.Kind = FindClaimHigh
			f.Message = fmt.Sprintf("%s：自评 %s 分，按规则应得 %s 分，多计 %s 分。%s", ir.Label, fmtNum(*ir.Claimed), fmtNum(ir.Points), fmtNum(indicators.Round2(d)), why)
		} else {
			f.Kind = FindClaimLow
			f.Message = fmt.Sprintf("%s：自评 %s 分，按规则应得 %s 分，少计 %s 分。%s", ir.Label, fmtNum(*ir.Claimed), fmtNum(ir.Points), fmtNum(indicators.Round2(-d)), why)
			if ir.Status == StatusOK && ir.Points == ir.Weight && ir.Reason == "" {
				f.Message += "目标已完成却未得满分，且未说明理由。"
			}
		}
		r.Review = append(r.Review, f)
	}
	cs, hasScore := u.Claims["score"]
	if hasScore || u.ClaimedGrade != "" {
		r.Claimed = &Claimed{Grade: u.ClaimedGrade, HasGrade: u.ClaimedGrade != ""}
		if hasScore {
			r.Claimed.Score = &cs
		}
	}
	if hasScore {
		// The sum is checked only when every applicable row is claimed; with
		// 不适用 rows the claimed rows are rescaled to 100 as the rules do.
		if nClaims > 0 && nClaims == nApplicable {
			sum := indicators.Round2(claimedSum)
			if nApplicable < len(r.Indicators) && r.Applicable > 0 {
				sum = indicators.Round2(claimedSum / r.Applicable * 100)
			}
			if math.Abs(cs-sum) > tol {
				r.Review = append(r.Review, Finding{ID: "score", Kind: FindSumMismatch, Claimed: cs, Rules: sum,
					Message: fmt.Sprintf("自评总分 %s 不等于各指标自评得分之和 %s", fmtNum(cs), fmtNum(sum))})
			}
		}
		if d := cs - r.Score; math.Abs(d) > tol {
			kind, word := FindClaimHigh, "多计"
			if d < 0 {
				kind, word = FindClaimLow, "少计"
			}
			r.Review = append(r.Review, Finding{ID: "score", Kind: kind, Claimed: cs, Rules: r.Score,
				Message: fmt.Sprintf("自评总分 %s，按规则应为 %s，%s %s 分", fmtNum(cs), fmtNum(r.Score), word, fmtNum(indicators.Round2(math.Abs(d))))})
		}
	}
	if u.ClaimedGrade != "" && u.ClaimedGrade != r.Grade {
		r.Review = append(r.Review, Finding{ID: "grade", Kind: FindGradeMismatch, Claimed: u.ClaimedGrade, Rules: r.Grade,
			Message: fmt.Sprintf("自评等级「%s」，按规则总分 %s 应为「%s」", u.ClaimedGrade, fmtNum(r.Score), r.Grade)})
	}
	sort.SliceStable(r.Review, func(i, j int) bool { return reviewOrder(r.Review[i].ID) < reviewOrder(r.Review[j].ID) })
}

func reviewOrder(id string) int {
	switch id {
	case "score":
		return 1
	case "grade":
		return 2
	}
	return 0
}

// claimReason says why the rules give what they give, in a sentence.
func (p *Program) claimReason(ir *IndicatorResult) string {
	switch ir.Status {
	case StatusMissing:
		return "该指标缺少数据，按规则记 0 分。"
	case StatusNA:
		return "该指标不适用，不计分。"
	case StatusError:
		return "该指标无法计算（如除以零），按规则记 0 分。"
	}
	if ir.Explain != "" {
		return "依据：" + ir.Explain
	}
	return ""
}
