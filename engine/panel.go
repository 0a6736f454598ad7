package engine

import (
	"errors"
	"slices"
	"strconv"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Expert panels (专家评分): a panel indicator's points are its raters'
// points combined (mean, median or trimmed), read by data from one row per
// rater (Unit.Ratings). A unit without rater rows (a ruleset's test case,
// a single row) has one rater: its value.

// scorePanel combines the raters' points of a panel indicator.
func (s *scratch) scorePanel(ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) (float64, error) {
	def := ci.def
	var ratings []indicators.Rating
	if ci.panelInput < len(u.Ratings) {
		ratings = u.Ratings[ci.panelInput]
	}
	if len(ratings) == 0 {
		ratings = []indicators.Rating{{Rater: "专家1", Points: s.value(), Pos: u.Pos}}
	}
	ir.Ratings = ratings
	pts := make([]float64, len(ratings))
	for k, r := range ratings {
		if r.Points < 0 || r.Points > def.Weight {
			// data fails such a unit; a unit built in Go gets here.
			return 0, errors.New(s.p.conf.pr.Sprintf(msg.EngRaterRange, r.Rater, r.Pos.Line, r.Points, def.Weight))
		}
		pts[k] = r.Points
	}
	if indicators.PanelSpread(pts, def.Spread, def.Weight) {
		ir.Flags = append(ir.Flags, indicators.FlagPanelSpread)
	}
	raw := indicators.CombinePanel(def.Panel, pts)
	ir.Value, ir.HasValue = raw, true
	return raw, nil
}

// explainPanel writes each rater's points, the combination and the spread.
func explainPanel(b []byte, def *indicators.Indicator, ir *IndicatorResult) []byte {
	b = append(b, "：专家评分 "...)
	for k, r := range ir.Ratings {
		if k > 0 {
			b = append(b, "、"...)
		}
		b = append(b, r.Rater...)
		b = append(b, ' ')
		b = appendNum4(b, r.Points)
	}
	n := len(ir.Ratings)
	b = append(b, "（"...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " 人）"...)
	pts := make([]float64, n)
	lo, hi := 0, 0
	for k, r := range ir.Ratings {
		pts[k] = r.Points
		if r.Points < pts[lo] {
			lo = k
		}
		if r.Points > pts[hi] {
			hi = k
		}
	}
	switch {
	case def.Panel == indicators.PanelMedian:
		b = append(b, "，取中位数"...)
	case def.Panel == indicators.PanelTrimmed && n >= 5:
		b = append(b, "，去掉一个最高分 "...)
		b = appendNum4(b, pts[hi])
		b = append(b, "（"...)
		b = append(b, ir.Ratings[hi].Rater...)
		b = append(b, "）和一个最低分 "...)
		b = appendNum4(b, pts[lo])
		b = append(b, "（"...)
		b = append(b, ir.Ratings[lo].Rater...)
		b = append(b, "）后取平均"...)
	case def.Panel == indicators.PanelTrimmed:
		b = append(b, "，不足 5 人不去最高最低分，取平均"...)
	default:
		b = append(b, "，取平均"...)
	}
	b = append(b, " = "...)
	b = appendNum4(b, ir.Value)
	b = append(b, "，得 "...)
	b = appendNum4(b, ir.Points)
	b = append(b, " 分"...)
	if n > 1 {
		sorted := slices.Clone(pts)
		slices.Sort(sorted)
		b = append(b, "；最高与最低相差 "...)
		b = appendNum4(b, indicators.Round2(sorted[n-1]-sorted[0]))
		if slices.Contains(ir.Flags, indicators.FlagPanelSpread) {
			b = append(b, "，超过分值的 "...)
		} else {
			b = append(b, "，未超过分值的 "...)
		}
		b = appendNum4(b, def.Spread*100)
		b = append(b, "%"...)
		if slices.Contains(ir.Flags, indicators.FlagPanelSpread) {
			b = append(b, "，专家意见分歧较大，请复核"...)
		}
	}
	return b
}
