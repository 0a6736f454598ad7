// Package monitor is 双监控 (绩效运行监控, 财预〔2019〕136号): during the
// year, each indicator's value against its target pro-rated by the share
// of the year elapsed (时间过半、任务过半), with a light — green, yellow or
// red — per indicator and per unit, each with its explanation. Scoring is
// engine's; monitor reads its results, and writes them (sink.go) in every
// output format as engine.Stream evaluates, in memory flat in the number
// of units.
package monitor

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Monitor holds what the lights of a run depend on: the as-of date and
// the share of its year elapsed, the bounds, and the ruleset's indicators.
type Monitor struct {
	AsOf      time.Time
	Day, Days int     // DATE is day Day of a year of Days days
	Elapsed   float64 // Day / Days
	Bounds    indicators.Monitor
	inds      []indicators.Indicator
	// lit[k] is set for the indicators that get a light: targets and
	// tiers (bands, deduct, score, relative and panel get none).
	lit []bool
}

// New returns the monitor of ruleset rs at date asOf.
func New(rs *indicators.Ruleset, asOf time.Time) *Monitor {
	day, days, f := indicators.Elapsed(asOf)
	m := &Monitor{AsOf: asOf, Day: day, Days: days, Elapsed: f, Bounds: rs.Monitor, inds: rs.Indicators}
	if m.Bounds == (indicators.Monitor{}) {
		m.Bounds = indicators.DefaultMonitor() // a ruleset built in Go, not loaded
	}
	for _, ind := range rs.Indicators {
		m.lit = append(m.lit, ind.Form == indicators.FormTarget || ind.Form == indicators.FormTiers)
	}
	return m
}

// ParseDate reads --as-of: a date as 2023-09-30 (or 2023/09/30, 20230930).
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "2006/01/02", "20060102", "2006/1/2", "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--as-of %q: want a date such as 2023-09-30", s)
}

// Light is the light of one indicator of one unit. Light is "" for none.
type Light struct {
	Light string
	// Expected is what the value should have reached by the date: the
	// target × the elapsed share (positive targets), or the target itself
	// (reverse targets, never pro-rated).
	Expected    float64
	HasExpected bool
	Why         string
}

// Unit is the lights of one unit: its own (its worst indicator's) and
// each indicator's, by indicator index.
type Unit struct {
	Light      string
	Why        string
	Indicators []Light
}

// Lit reports whether indicator k gets a light.
func (m *Monitor) Lit(k int) bool { return m.lit[k] }

// Unit returns the lights of a unit result. A unit that failed as a whole
// is red: nothing can be said to be on track.
func (m *Monitor) Unit(u *engine.UnitResult) Unit {
	var out Unit
	if u.Failed() {
		out.Light = indicators.LightRed
		out.Why = "数据有误，未能评分：红灯"
		return out
	}
	out.Indicators = make([]Light, len(u.Indicators))
	worst := -1
	for k := range u.Indicators {
		if k >= len(m.inds) {
			break
		}
		l := m.indicator(k, &u.Indicators[k])
		out.Indicators[k] = l
		if l.Light != "" && (worst < 0 || indicators.LightRank(l.Light) > indicators.LightRank(out.Indicators[worst].Light)) {
			worst = k
		}
	}
	switch {
	case worst < 0:
		out.Why = "没有可监控的指标"
	case out.Indicators[worst].Light == indicators.LightGreen:
		out.Light = indicators.LightGreen
		out.Why = "各监控指标均为绿灯"
	default:
		out.Light = out.Indicators[worst].Light
		out.Why = "取最差指标：" + m.inds[worst].Label + " " + Chinese(out.Light)
	}
	return out
}

// indicator is the light of indicator k, scored as ir.
func (m *Monitor) indicator(k int, ir *engine.IndicatorResult) Light {
	def := &m.inds[k]
	if !m.lit[k] {
		return Light{}
	}
	switch ir.Status {
	case indicators.StatusNA:
		return Light{Why: "不适用，不亮灯"}
	case indicators.StatusMissing:
		return Light{Light: indicators.LightRed, Why: "缺少数据：红灯"}
	case indicators.StatusError:
		return Light{Light: indicators.LightRed, Why: "无法计算：红灯"}
	}
	if def.Form == indicators.FormTiers {
		switch ir.Tier {
		case "A":
			return Light{Light: indicators.LightGreen, Why: "评价档次 A：绿灯"}
		case "B":
			return Light{Light: indicators.LightYellow, Why: "评价档次 B：黄灯"}
		}
		return Light{Light: indicators.LightRed, Why: "评价档次 " + ir.Tier + "：红灯"}
	}
	v, t := ir.Value, ir.Target
	if def.Target.Op == ">=" || (def.Target.Op == "=" && t > 0) {
		// Positive: the target pro-rated by the elapsed share.
		// T × day ÷ days, in that order: the exact quotient of the
		// reference (80 × 273 ÷ 365, not 80 × 0.7479...).
		e := t * float64(m.Day) / float64(m.Days)
		l := Light{Light: m.Bounds.LightOf(v, e), Expected: e, HasExpected: true}
		l.Why = fmt.Sprintf("实际 %s，按时间进度应达 %s（全年目标 %s × %d/%d）", num(v), num(e), num(t), m.Day, m.Days)
		if e > 0 {
			l.Why += fmt.Sprintf("，为应达值的 %s", pct(v/e))
		}
		l.Why += m.bounds(l.Light)
		return l
	}
	// Reverse ("<=", or "=" a target of 0 or less): never pro-rated; T ÷
	// value against the same bounds, value 0 is green.
	l := Light{Expected: t, HasExpected: true}
	switch {
	case v == 0 && t >= 0:
		l.Light = indicators.LightGreen
	case v <= 0:
		l.Light = indicators.LightRed // a negative count against a target: nothing to compare
	default:
		l.Light = m.Bounds.LightOf(t/v, 1)
	}
	l.Why = fmt.Sprintf("实际 %s，反向指标目标 %s（不按时间进度折算）", num(v), num(t))
	if v > 0 {
		l.Why += fmt.Sprintf("，目标 ÷ 实际 = %s", pct(t/v))
	}
	l.Why += m.bounds(l.Light)
	return l
}

// bounds names the light and the bound it met.
func (m *Monitor) bounds(light string) string {
	switch light {
	case indicators.LightGreen:
		return fmt.Sprintf("，达到 %s：绿灯", pct(m.Bounds.Green))
	case indicators.LightYellow:
		return fmt.Sprintf("，达到 %s 未达 %s：黄灯", pct(m.Bounds.Yellow), pct(m.Bounds.Green))
	}
	return fmt.Sprintf("，未达 %s：红灯", pct(m.Bounds.Yellow))
}

// Chinese names a light as reports do.
func Chinese(light string) string {
	switch light {
	case indicators.LightGreen:
		return "绿灯"
	case indicators.LightYellow:
		return "黄灯"
	case indicators.LightRed:
		return "红灯"
	}
	return ""
}

// num writes a value with at most 4 decimals, as explanations do.
func num(x float64) string {
	if math.Abs(x) < 1e11 {
		x = math.Round(x*1e4) / 1e4
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// pct writes a share as a percentage with 2 decimals.
func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 2, 64) + "%" }
