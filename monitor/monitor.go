// Package monitor is 双监控 (绩效运行监控, 财预〔2019〕136号): during the
// year, each indicator's value against its target pro-rated by the share
// of the year elapsed (时间过半、任务过半), with a light — green, yellow or
// red — per indicator and per unit, each with its explanation. Scoring is
// engine's; monitor reads its results, and writes them (sink.go) in every
// output format as engine.Stream evaluates, in memory flat in the number
// of units.
package monitor

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
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
	// texts are the parts of the explanations that are the same for every
	// unit, written once by New rather than once per light.
	texts texts
	// fixed[k] is indicator k's target when the ruleset gives it as a
	// number: the same for every unit, so that the csv and xlsx say how
	// its expected value is reached once, in the column's header.
	fixed []fixedTarget
}

// fixedTarget is a target that is a number of the ruleset.
type fixedTarget struct {
	ok bool
	t  float64
}

// texts are the explanations' constant parts for the bounds and date
// they were written for: AppendWhy uses them only while the exported
// fields still hold those (a caller may change Bounds after New).
type texts struct {
	bounds             indicators.Monitor
	day, days          int
	ofYear             []byte // " × day/days"
	green, yellow, red []byte // appendBounds of each light
	// appendBounds of each light for AppendNote (bounds as given:
	// "100%", not "100.00%"), by LightRank.
	short [4][]byte
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
		var f fixedTarget
		if ind.Form == indicators.FormTarget {
			t, err := strconv.ParseFloat(strings.TrimSpace(ind.Target.Expr.Src), 64)
			f = fixedTarget{ok: err == nil && !math.IsInf(t, 0), t: t}
		}
		m.fixed = append(m.fixed, f)
	}
	m.texts = texts{bounds: m.Bounds, day: m.Day, days: m.Days,
		ofYear: m.appendOfYear(nil),
		green:  m.appendBounds(nil, indicators.LightGreen),
		yellow: m.appendBounds(nil, indicators.LightYellow),
		red:    m.appendBounds(nil, indicators.LightRed)}
	for _, l := range []string{indicators.LightGreen, indicators.LightYellow, indicators.LightRed} {
		m.texts.short[indicators.LightRank(l)] = m.appendBoundsShort(nil, l)
	}
	return m
}

// ParseDate reads --as-of: a date as 2023-09-30 (or 2023/09/30, 20230930).
// lang is the language of the error ("en" English, else Chinese).
func ParseDate(s, lang string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "2006/01/02", "20060102", "2006/1/2", "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New(msg.For(lang).Sprintf(msg.MonitorAsOf, s))
}

// Light is the light of one indicator of one unit. Light is "" for none.
type Light struct {
	Light string
	// Expected is what the value should have reached by the date: the
	// target × the elapsed share (positive targets), or the target itself
	// (reverse targets, never pro-rated).
	Expected    float64
	HasExpected bool
	// Share (完成度) is how far the value has come, the ratio the bounds
	// are met by: value ÷ expected for a positive target (expected above
	// 0), target ÷ value for a reverse one (value above 0).
	Share    float64
	HasShare bool
	Why      string
	// plain: the value, expected value, share and light say it all, under
	// the headers of csv and xlsx; AppendNote writes nothing.
	plain bool
}

// Unit is the lights of one unit: its own (its worst indicator's) and
// each indicator's, by indicator index.
type Unit struct {
	Light      string
	Why        string
	Indicators []Light
	// worst is the index of the indicator whose light is the unit's (-1
	// for none), kept so AppendUnitWhy names it without a string built
	// per unit.
	worst  int
	failed bool
	// dark lists the indicators that get no light (bands, deduct, score,
	// relative, panel) whose data is missing or could not be computed:
	// they count 0 in the total, which AppendUnitWhy says.
	dark []darkIndicator
	// memo holds, by indicator, the part of its last explanation that
	// depends on the target alone (and the expected value it gives):
	// targets are mostly the same for every unit, so a worker lighting
	// unit after unit into the same Unit writes those numbers once.
	memo []memo
}

// darkIndicator is an indicator of no light whose data is missing or
// could not be computed (its status).
type darkIndicator struct {
	k      int
	status string
}

// memo is the target's part of an explanation (segment) of one kind for
// the target and expected value whose bits it holds.
type memo struct {
	ok   bool
	kind segKind
	t, e uint64
	text []byte
}

// segKind is which target's part a memo holds.
type segKind uint8

const (
	segPositive segKind = iota // "，按时间进度应达 E（全年目标 T"
	segReverse                 // "，反向指标目标 T（不按时间进度折算）"
	segTarget                  // "全年目标 T" (AppendNote's, E in its own column)
)

// segment appends the target's part of indicator k's explanation of the
// given kind. Each is the same for the same numbers whatever the monitor,
// so lu may be lit by any.
func (lu *Unit) segment(dst []byte, n, k int, kind segKind, t, e float64) []byte {
	if len(lu.memo) < n {
		lu.memo = append(lu.memo, make([]memo, n-len(lu.memo))...)
	}
	mm := &lu.memo[k]
	tb, eb := math.Float64bits(t), math.Float64bits(e)
	if !mm.ok || mm.kind != kind || mm.t != tb || mm.e != eb {
		b := mm.text[:0]
		switch kind {
		case segReverse:
			b = append(b, "，反向指标目标 "...)
			b = appendNum(b, t)
			b = append(b, "（不按时间进度折算）"...)
		case segTarget:
			b = append(b, "全年目标 "...)
			b = appendNum(b, t)
		default:
			b = append(b, "，按时间进度应达 "...)
			b = appendNum(b, e)
			b = append(b, "（全年目标 "...)
			b = appendNum(b, t)
		}
		*mm = memo{ok: true, kind: kind, t: tb, e: eb, text: b}
	}
	return append(dst, mm.text...)
}

// Lit reports whether indicator k gets a light.
func (m *Monitor) Lit(k int) bool { return m.lit[k] }

// ExpectedNote is how indicator k's expected value is reached, when that
// is the same for every unit — its target is a number of the ruleset —
// for the header of its expected column in csv and xlsx:
// "全年目标 1 × 273/365" (pro-rated) or "反向指标，不按时间进度折算". It is
// "" for a target worked out from each unit's data, and for an indicator
// without a target light. AppendNote leaves the note out of the units'
// reasons.
func (m *Monitor) ExpectedNote(k int) string {
	if k >= len(m.fixed) || !m.lit[k] || !m.fixed[k].ok {
		return ""
	}
	t := m.fixed[k].t
	if !m.positive(&m.inds[k], t) {
		return "反向指标，不按时间进度折算"
	}
	return string(m.appendOfYear(appendNum([]byte("全年目标 "), t)))
}

// noted reports whether the header of indicator k's expected column says
// how a target t is reached (ExpectedNote), so a reason need not.
func (m *Monitor) noted(k int, t float64) bool {
	f := m.fixed[k]
	return f.ok && math.Float64bits(f.t) == math.Float64bits(t)
}

// Unit returns the lights of a unit result with every explanation. A
// unit that failed as a whole is red: nothing can be said to be on track.
func (m *Monitor) Unit(u *engine.UnitResult) Unit {
	var out Unit
	m.Lights(&out, u)
	// The same appenders the reports use, so the texts cannot drift.
	out.Why = string(m.AppendUnitWhy(nil, &out))
	for k := range out.Indicators {
		if k < len(m.inds) && m.lit[k] {
			out.Indicators[k].Why = string(m.AppendWhy(nil, &out, k, &u.Indicators[k]))
		}
	}
	return out
}

// Lights sets out to the lights of u without their explanations (Why is
// left empty; AppendWhy and AppendUnitWhy write them): a million units are
// monitored at the cost of a comparison each, and only the formats that
// show an explanation pay for it. out.Indicators is reused, so a worker
// lights unit after unit without allocating.
func (m *Monitor) Lights(out *Unit, u *engine.UnitResult) {
	out.Light, out.Why, out.worst, out.failed, out.dark = "", "", -1, false, out.dark[:0]
	if u.Failed() {
		out.Light, out.failed = indicators.LightRed, true
		out.Indicators = out.Indicators[:0]
		return
	}
	n := len(u.Indicators)
	if cap(out.Indicators) < n {
		out.Indicators = make([]Light, n)
	}
	out.Indicators = out.Indicators[:n]
	worst := -1
	for k := range out.Indicators {
		l := &out.Indicators[k]
		*l = Light{}
		if k >= len(m.inds) {
			continue
		}
		ir := &u.Indicators[k]
		if !m.lit[k] {
			if ir.Status == indicators.StatusMissing || ir.Status == indicators.StatusError {
				out.dark = append(out.dark, darkIndicator{k, ir.Status})
			}
			continue
		}
		m.indicator(k, ir, l)
		if l.Light != "" && (worst < 0 || indicators.LightRank(l.Light) > indicators.LightRank(out.Indicators[worst].Light)) {
			worst = k
		}
	}
	out.worst = worst
	if worst >= 0 {
		out.Light = out.Indicators[worst].Light
	}
}

// AppendUnitWhy appends the explanation of the unit's light, lu as set by
// Lights.
func (m *Monitor) AppendUnitWhy(dst []byte, lu *Unit) []byte {
	switch {
	case lu.failed:
		return append(dst, "数据有误，未能评分：红灯"...)
	case lu.worst < 0:
		dst = append(dst, "没有可监控的指标"...)
	case lu.Light == indicators.LightGreen:
		dst = append(dst, "各监控指标均为绿灯"...)
	default:
		dst = append(dst, "取最差指标："...)
		dst = append(dst, m.inds[lu.worst].Label...)
		dst = append(dst, ' ')
		dst = append(dst, Chinese(lu.Light)...)
	}
	// What the lights leave out but the total holds: an indicator of no
	// light scored 0 for want of data.
	dst = m.appendDark(dst, lu, indicators.StatusMissing)
	return m.appendDark(dst, lu, indicators.StatusError)
}

// appendDark appends "；不亮灯的指标缺少数据，记 0 分：" (the status's
// words) and the labels of lu's unlit indicators of that status, joined
// by "，"; nothing when there are none.
func (m *Monitor) appendDark(dst []byte, lu *Unit, status string) []byte {
	first := true
	for _, d := range lu.dark {
		if d.status != status {
			continue
		}
		if first {
			dst = append(dst, "；不亮灯的指标"...)
			dst = append(dst, statusWords(status)...)
			dst = append(dst, "，记 0 分："...)
		} else {
			dst = append(dst, "，"...)
		}
		first = false
		dst = append(dst, m.inds[d.k].Label...)
	}
	return dst
}

// indicator sets l to the light of indicator k, scored as ir, without its
// explanation.
func (m *Monitor) indicator(k int, ir *engine.IndicatorResult, l *Light) {
	def := &m.inds[k]
	if !m.lit[k] {
		return
	}
	switch ir.Status {
	case indicators.StatusNA:
		return
	case indicators.StatusMissing, indicators.StatusError:
		l.Light = indicators.LightRed
		return
	}
	if def.Form == indicators.FormTiers {
		switch ir.Tier {
		case "A":
			l.Light = indicators.LightGreen
		case "B":
			l.Light = indicators.LightYellow
		default:
			l.Light = indicators.LightRed
		}
		return
	}
	v, t := ir.Value, ir.Target
	if m.positive(def, t) {
		// Positive: the target pro-rated by the elapsed share.
		// T × day ÷ days, in that order: the exact quotient of the
		// reference (80 × 273 ÷ 365, not 80 × 0.7479...).
		e := t * float64(m.Day) / float64(m.Days)
		l.Light, l.Expected, l.HasExpected = m.Bounds.LightOf(v, e), e, true
		if sh := v / e; e > 0 && indicators.Finite(sh) { // 1e300 ÷ 1e-10 is no share to show
			l.Share, l.HasShare = sh, true
			l.plain = m.noted(k, t) && m.shownRight(l)
		}
		return
	}
	// Reverse ("<=", or "=" a target of 0 or less): never pro-rated; T ÷
	// value against the same bounds, value 0 is green.
	l.Expected, l.HasExpected = t, true
	switch {
	case v == 0 && t >= 0:
		l.Light = indicators.LightGreen
	case v <= 0:
		l.Light = indicators.LightRed // a negative count against a target: nothing to compare
	default:
		sh := t / v
		l.Light = m.Bounds.LightOf(sh, 1)
		if indicators.Finite(sh) {
			l.Share, l.HasShare = sh, true
			l.plain = m.noted(k, t) && m.shownRight(l)
		}
	}
}

// shownRight reports whether l's share, shown to 2 decimals of a percent
// (AppendShare), meets the bounds as the unrounded value does: 99.996%
// shows as 100.00% beside a yellow light.
func (m *Monitor) shownRight(l *Light) bool {
	next := m.Bounds.Green // the bound of a better light
	switch l.Light {
	case indicators.LightGreen:
		return true
	case indicators.LightRed:
		next = min(next, m.Bounds.Yellow)
	}
	if l.Share < next-1e-4 {
		return true // too far below it to be rounded up to it
	}
	return m.Bounds.LightOf(math.Round(l.Share*1e4)/1e4, 1) == l.Light
}

// positive reports whether a target of def with value t is pro-rated.
func (m *Monitor) positive(def *indicators.Indicator, t float64) bool {
	return def.Target.Op == ">=" || (def.Target.Op == "=" && t > 0)
}

// AppendWhy appends the explanation of the light Lights gave lu's
// indicator k, scored as ir: the value, the expected value and why. It
// appends nothing for an indicator without a light. Its words hold no
// ASCII comma, quote or line break, nor do its numbers: only ir.Tier,
// from the data, may.
func (m *Monitor) AppendWhy(dst []byte, lu *Unit, k int, ir *engine.IndicatorResult) []byte {
	if k >= len(m.inds) || !m.lit[k] || k >= len(lu.Indicators) {
		return dst
	}
	l := &lu.Indicators[k]
	def := &m.inds[k]
	if w := statusWords(ir.Status); w != "" {
		dst = append(dst, w...)
		if ir.Status != indicators.StatusNA {
			dst = append(dst, "：红灯"...)
		}
		return dst
	}
	if def.Form == indicators.FormTiers {
		dst = append(dst, "评价档次 "...)
		dst = append(dst, ir.Tier...)
		switch ir.Tier {
		case "A":
			return append(dst, "：绿灯"...)
		case "B":
			return append(dst, "：黄灯"...)
		}
		return append(dst, "：红灯"...)
	}
	v, t := ir.Value, ir.Target
	dst = append(dst, "实际 "...)
	dst = appendNum(dst, v)
	cached := m.cached()
	if m.positive(def, t) {
		dst = lu.segment(dst, len(m.inds), k, segPositive, t, l.Expected)
		if cached {
			dst = append(dst, m.texts.ofYear...)
		} else {
			dst = m.appendOfYear(dst)
		}
		dst = append(dst, "）"...)
		if l.HasShare {
			dst = append(dst, "，为应达值的 "...)
			dst = appendPct(dst, l.Share)
		}
		return m.appendBoundsOf(dst, l.Light, cached)
	}
	dst = lu.segment(dst, len(m.inds), k, segReverse, t, t)
	if l.HasShare {
		dst = append(dst, "，目标 ÷ 实际 = "...)
		dst = appendPct(dst, l.Share)
	}
	return m.appendBoundsOf(dst, l.Light, cached)
}

// statusWords is what is said of a light in place of numbers when the
// value is N/A, missing or could not be computed; "" for a value.
func statusWords(status string) string {
	switch status {
	case indicators.StatusNA:
		return "不适用，不亮灯"
	case indicators.StatusMissing:
		return "缺少数据"
	case indicators.StatusError:
		return "无法计算"
	}
	return ""
}

// cached reports whether New's texts still hold for the monitor's bounds
// and date (a caller may change them after New).
func (m *Monitor) cached() bool {
	return m.texts.bounds == m.Bounds && m.texts.day == m.Day && m.texts.days == m.Days
}

// ShareNote is how the share (完成度) of indicator k is taken, for the
// header of its column in csv and xlsx: "实际 ÷ 应达" for a positive
// target, "目标 ÷ 实际" for a reverse one; "" for a tier, or a target
// whose direction its value decides ("=", worked out from the data).
func (m *Monitor) ShareNote(k int) string {
	if k >= len(m.inds) || !m.lit[k] || m.inds[k].Form != indicators.FormTarget {
		return ""
	}
	def := &m.inds[k]
	switch {
	case def.Target.Op == "<=" || (m.fixed[k].ok && !m.positive(def, m.fixed[k].t)):
		return "目标 ÷ 实际"
	case def.Target.Op == ">=" || m.fixed[k].ok:
		return "实际 ÷ 应达"
	}
	return ""
}

// LightNote is how indicator k's light is given, for the header of its
// column in csv and xlsx: by its share and the bounds ("完成度达到 100%
// 绿灯，达到 80% 黄灯，其余红灯") or by its tier.
func (m *Monitor) LightNote(k int) string {
	if k >= len(m.inds) || !m.lit[k] {
		return ""
	}
	if m.inds[k].Form == indicators.FormTiers {
		return "档次 A 绿灯，B 黄灯，其余红灯"
	}
	b := append([]byte("完成度达到 "), appendBound(nil, m.Bounds.Green)...)
	b = append(append(b, " 绿灯，达到 "...), appendBound(nil, m.Bounds.Yellow)...)
	return string(append(b, " 黄灯，其余红灯"...))
}

// AppendNote appends the 说明 of indicator k's light in a row of csv or
// xlsx, which shows beside it the value, the expected value and the
// share (完成度) in columns of their own, under headers that say once
// how a target of the ruleset is reached (ExpectedNote), how the share is
// taken (ShareNote) and the bounds (LightNote): the words those numbers
// and headers leave unsaid, and nothing when they say it all — a light
// is then explained by its row, 0.9917 | 0.7479 | 132.59% | 绿灯 under
// "完成度达到 100% 绿灯". Words are written for a missing, erroneous or
// N/A value; a target worked out from the unit's data ("全年目标 80 ×
// 273/365", "反向指标（不按时间进度折算）"); no share to compare (an
// expected value of 0 or less, a reverse value of 0 or less); and a share
// that, shown to 2 decimals of a percent, reaches a bound the unrounded
// value does not ("完成度四舍五入前，达到 80% 未达 100%"). It holds no
// ASCII comma, quote or line break: nothing from the data is quoted in it,
// so csv writes it as it is.
func (m *Monitor) AppendNote(dst []byte, lu *Unit, k int, ir *engine.IndicatorResult) []byte {
	if k >= len(m.inds) || !m.lit[k] || k >= len(lu.Indicators) {
		return dst
	}
	l := &lu.Indicators[k]
	if l.plain {
		return dst
	}
	def := &m.inds[k]
	if w := statusWords(ir.Status); w != "" {
		return append(dst, w...)
	}
	if def.Form == indicators.FormTiers {
		return dst // the tier is the value, LightNote its light
	}
	v, t := ir.Value, ir.Target
	cached := m.cached()
	start := len(dst)
	sep := func() { // between the note's parts
		if len(dst) > start {
			dst = append(dst, "，"...)
		}
	}
	if m.positive(def, t) {
		if !l.HasShare || !m.noted(k, t) {
			dst = lu.segment(dst, len(m.inds), k, segTarget, t, l.Expected)
			if cached {
				dst = append(dst, m.texts.ofYear...)
			} else {
				dst = m.appendOfYear(dst)
			}
		}
		if !l.HasShare {
			// No share of an expected value of 0 or less: the bound it
			// met, in words.
			return m.appendReasonBounds(dst, l.Light, cached)
		}
	} else {
		if !m.noted(k, t) {
			dst = append(dst, "反向指标（不按时间进度折算）"...)
		}
		if !l.HasShare {
			sep()
			if v > 0 { // t ÷ v past float64's range
				return m.appendReasonBounds(append(dst, "目标 ÷ 实际 过大"...), l.Light, cached)
			}
			if v == 0 && t >= 0 { // green, as indicator lit it
				return append(dst, "实际为 0"...)
			}
			return append(dst, "实际不大于 0，无从比较"...) // a negative value, or 0 on a negative target
		}
	}
	if !m.shownRight(l) {
		sep()
		dst = append(dst, "完成度四舍五入前"...)
		dst = m.appendReasonBounds(dst, l.Light, cached)
	}
	return dst
}

// AppendExpected appends an expected value as the explanations write it:
// rounded to 4 decimals (0.7479, 7479.4521). It is computed (T × day ÷
// days), not reported, so its further digits say nothing a reviewer can
// check; the light is decided on the unrounded value, and the share
// "为应达值的 P" is of it.
func AppendExpected(dst []byte, e float64) []byte { return appendNum(dst, e) }

// AppendValue appends an indicator's value as the explanations write it
// ("实际 0.9546"), to 4 decimals like the expected value beside it: the
// csv's 实际 column, so that the row reads as its explanation does and a
// computed ratio does not run to 17 digits (0.991672449687717). json's
// value is so rounded too; xlsx keeps the number itself.
func AppendValue(dst []byte, v float64) []byte { return appendNum(dst, v) }

// appendOfYear writes the elapsed share of a pro-rated target.
func (m *Monitor) appendOfYear(dst []byte) []byte {
	dst = append(dst, " × "...)
	dst = strconv.AppendInt(dst, int64(m.Day), 10)
	dst = append(dst, '/')
	return strconv.AppendInt(dst, int64(m.Days), 10)
}

// appendBoundsOf is appendBounds, from New's texts when they still hold.
func (m *Monitor) appendBoundsOf(dst []byte, light string, cached bool) []byte {
	if !cached {
		return m.appendBounds(dst, light)
	}
	switch light {
	case indicators.LightGreen:
		return append(dst, m.texts.green...)
	case indicators.LightYellow:
		return append(dst, m.texts.yellow...)
	}
	return append(dst, m.texts.red...)
}

// appendReasonBounds is appendBoundsShort, from New's texts when they
// still hold.
func (m *Monitor) appendReasonBounds(dst []byte, light string, cached bool) []byte {
	if !cached {
		return m.appendBoundsShort(dst, light)
	}
	return append(dst, m.texts.short[indicators.LightRank(light)]...)
}

// appendBoundsShort is appendBounds for AppendNote: the bounds as the
// ruleset gives them (100%, 80%, 95.5%) — settings, not measured shares,
// so without the two decimals of a share — and not the light, which has
// a column of its own.
func (m *Monitor) appendBoundsShort(dst []byte, light string) []byte {
	return m.appendBoundsAs(dst, light, appendBound, false)
}

// appendBound writes a bound as a percentage with at most 2 decimals
// and no trailing zeros: appendPct's digits without them.
func appendBound(dst []byte, x float64) []byte {
	n := len(dst)
	dst = appendPct(dst, x)
	b := dst[n : len(dst)-1] // without '%'
	if i := bytes.IndexByte(b, '.'); i >= 0 {
		j := len(b)
		for j > i+1 && b[j-1] == '0' {
			j--
		}
		if j == i+1 {
			j = i
		}
		dst = append(dst[:n+j], '%')
	}
	return dst
}

// appendBounds names the light and the bound it met.
func (m *Monitor) appendBounds(dst []byte, light string) []byte {
	return m.appendBoundsAs(dst, light, appendPct, true)
}

// appendBoundsAs is appendBounds with each bound written by pct, and the
// light named when named.
func (m *Monitor) appendBoundsAs(dst []byte, light string, pct func([]byte, float64) []byte, named bool) []byte {
	switch light {
	case indicators.LightGreen:
		dst = append(dst, "，达到 "...)
		dst = pct(dst, m.Bounds.Green)
	case indicators.LightYellow:
		dst = append(dst, "，达到 "...)
		dst = pct(dst, m.Bounds.Yellow)
		dst = append(dst, " 未达 "...)
		dst = pct(dst, m.Bounds.Green)
	default:
		dst = append(dst, "，未达 "...)
		dst = pct(dst, m.Bounds.Yellow)
	}
	if !named {
		return dst
	}
	if light != indicators.LightGreen && light != indicators.LightYellow {
		light = indicators.LightRed
	}
	return append(append(dst, "："...), Chinese(light)...)
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

// appendNum writes a value with at most 4 decimals, as explanations do:
// x rounded to k/10⁴, in strconv's shortest 'f' form. Below 10¹¹ two
// multiples of 10⁻⁴ are farther apart than two doubles, so that form is
// the digits of k, written without strconv (zero keeps strconv's, for
// its sign).
func appendNum(dst []byte, x float64) []byte {
	if math.Abs(x) < 1e11 {
		r := math.Round(x * 1e4)
		if r != 0 {
			return appendScaled(dst, int64(r), 4, false)
		}
		x = r / 1e4
	}
	return strconv.AppendFloat(dst, x, 'f', -1, 64)
}

// appendPct writes a share as a percentage with 2 decimals: strconv's
// 'f' form of x × 100 rounded at 2 decimals, written as the integer
// nearest x × 10⁴ when that product is far enough from a half (its
// rounding error is below 2⁻⁵³ of 10¹², 0.0002) to be rounded the same.
func appendPct(dst []byte, x float64) []byte {
	p := x * 100
	if c := p * 100; math.Abs(c) < 1e12 {
		r := math.Round(c)
		if d := c - r; r != 0 && d < 0.499 && d > -0.499 {
			return append(appendScaled(dst, int64(r), 2, true), '%')
		}
	}
	return append(strconv.AppendFloat(dst, p, 'f', 2, 64), '%')
}

// appendScaled writes k ÷ 10^scale (scale 2 or 4): every decimal when
// fixed, else without trailing zeros.
func appendScaled(dst []byte, k int64, scale int, fixed bool) []byte {
	if k < 0 {
		dst = append(dst, '-')
		k = -k
	}
	// Constant divisors, which the compiler turns into multiplications: a
	// division by a variable was a fifth of this function's time.
	var q, f int64
	if scale == 4 {
		q, f = k/1e4, k%1e4
	} else {
		q, f = k/100, k%100
	}
	// The integer part of a value or a percentage is mostly below 1,000,
	// written without strconv's general loop.
	switch {
	case q < 10:
		dst = append(dst, byte('0'+q))
	case q < 100:
		dst = append(dst, byte('0'+q/10), byte('0'+q%10))
	case q < 1000:
		dst = append(dst, byte('0'+q/100), byte('0'+q/10%10), byte('0'+q%10))
	default:
		dst = strconv.AppendInt(dst, q, 10)
	}
	if f == 0 && !fixed {
		return dst
	}
	// Each length appended as so many bytes: a slice of a variable length
	// was a call to memmove per number.
	if scale == 2 {
		d1, d2 := byte('0'+f/10), byte('0'+f%10)
		if fixed || d2 != '0' {
			return append(dst, '.', d1, d2)
		}
		return append(dst, '.', d1)
	}
	d1, d2, d3, d4 := byte('0'+f/1000), byte('0'+f/100%10), byte('0'+f/10%10), byte('0'+f%10)
	switch {
	case fixed || d4 != '0':
		return append(dst, '.', d1, d2, d3, d4)
	case d3 != '0':
		return append(dst, '.', d1, d2, d3)
	case d2 != '0':
		return append(dst, '.', d1, d2)
	}
	return append(dst, '.', d1)
}

// AppendShare appends a share (完成度, Light.Share) as csv writes it: a
// percentage with 2 decimals (132.59%), which Excel and WPS read as the
// number it is.
func AppendShare(dst []byte, share float64) []byte { return appendPct(dst, share) }
