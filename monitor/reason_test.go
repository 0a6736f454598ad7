package monitor_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/rulesets"
)

// AppendNote, the 说明 of csv and xlsx (whose rows show the value, the
// expected value, the share and the light beside it, under headers that
// say how a target of the ruleset is reached, how the share is taken and
// the bounds), word for word at 2024-02-29 (60/366) on
// testdata/ruleset.yaml: execution ≥ 1 and output ≥ 120 are positive
// targets, unit_cost ≤ 50 a reverse one, quality_tier a tier, safety a
// deduct (no light). A case whose target is not the ruleset's stands for
// a target worked out from the unit's data, which the header cannot give.
// Each row's want and share are worked by hand.
func TestAppendNote(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := evalTestdata(t, rs)[0] // M01, scored: every indicator ok
	const execution, output, unitCost, quality, safety = 0, 1, 2, 3, 4
	e120 := 120.0 * 60 / 366 // output's expected value, 19.6721…
	for _, c := range []struct {
		name   string
		k      int     // the indicator changed
		status string  // its status ("" ok)
		v, t   float64 // its value and target (ok only)
		tier   string  // its tier (quality only)
		green  float64 // bounds set after New (0: the ruleset's 1 and 0.8)
		yellow float64
		want   string // the note
		share  string // AppendShare of the share, "" for none
		light  string
		why    string // AppendWhy, where it is the note's words and the light
	}{
		// 0.6 ÷ (1 × 60/366) = 3.66: the row says it all
		{name: "positive green", k: execution, v: 0.6, t: 1, share: "366.00%", light: "green"},
		// 18 ÷ (120 × 60/366 = 19.6721) = 0.915
		{name: "positive yellow", k: output, v: 18, t: 120, share: "91.50%", light: "yellow"},
		// 10 × 366 ÷ 7200 = 0.50833
		{name: "positive red", k: output, v: 10, t: 120, share: "50.83%", light: "red"},
		// A target of the unit's own: 20 ÷ (80 × 60/366) = 20 × 366 ÷ 4800 = 1.525
		{name: "target from the data", k: output, v: 20, t: 80,
			want: "全年目标 80 × 60/366", share: "152.50%", light: "green"},
		// 10 × 366 ÷ 4800 = 0.7625
		{name: "target from the data red", k: output, v: 10, t: 80,
			want: "全年目标 80 × 60/366", share: "76.25%", light: "red"},
		// expected 0: no share of it, 5 ≥ 0 is green; how 0 came and the
		// bound met are said
		{name: "positive target 0", k: output, v: 5, t: 0,
			want: "全年目标 0 × 60/366，达到 100%", light: "green"},
		// 0.915 against bounds changed after New: red, the header's bounds
		{name: "bounds changed", k: output, v: 18, t: 120, green: 1.1, yellow: 0.955, share: "91.50%", light: "red"},
		{name: "bounds changed green", k: output, v: 24, t: 120, green: 1.1, yellow: 0.955, share: "122.00%", light: "green"},
		// Just under the expected value: 100.00% shown, yellow (v < e)
		{name: "rounded up to the green bound", k: output, v: e120 * (1 - 1e-9), t: 120,
			want: "完成度四舍五入前，达到 80% 未达 100%", share: "100.00%", light: "yellow"},
		// 0.79996 shown as 80.00%, red
		{name: "rounded up to the yellow bound", k: output, v: e120 * 0.79996, t: 120,
			want: "完成度四舍五入前，未达 80%", share: "80.00%", light: "red"},
		// 50 ÷ 40 = 1.25; never pro-rated (the header says so)
		{name: "reverse green", k: unitCost, v: 40, t: 50, share: "125.00%", light: "green"},
		// 50 ÷ 55 = 0.90909
		{name: "reverse yellow", k: unitCost, v: 55, t: 50, share: "90.91%", light: "yellow"},
		// 50 ÷ 70 = 0.71429
		{name: "reverse red", k: unitCost, v: 70, t: 50, share: "71.43%", light: "red"},
		// 50 ÷ 50.000001 = 0.99999998: 100.00% shown, yellow
		{name: "reverse rounded up", k: unitCost, v: 50.000001, t: 50,
			want: "完成度四舍五入前，达到 80% 未达 100%", share: "100.00%", light: "yellow"},
		// A share too large to be a number: none shown, the bound in words
		{name: "positive share past float64", k: output, v: 1e300, t: 1e-300,
			want: "全年目标 0 × 60/366，达到 100%", light: "green"},
		{name: "reverse share past float64", k: unitCost, v: 1e-300, t: 1e300,
			want: "反向指标（不按时间进度折算），目标 ÷ 实际 过大，达到 100%", light: "green"},
		{name: "reverse value 0", k: unitCost, v: 0, t: 50, want: "实际为 0", light: "green"},
		{name: "reverse negative value", k: unitCost, v: -3, t: 50, want: "实际不大于 0，无从比较", light: "red"},
		// A reverse target of the unit's own: 60 ÷ 40 = 1.5
		{name: "reverse target from the data", k: unitCost, v: 40, t: 60,
			want: "反向指标（不按时间进度折算）", share: "150.00%", light: "green"},
		{name: "reverse target from the data value 0", k: unitCost, v: 0, t: 60,
			want: "反向指标（不按时间进度折算），实际为 0", light: "green"},
		{name: "tier A", k: quality, tier: "A", light: "green", why: "评价档次 A：绿灯"},
		{name: "tier B", k: quality, tier: "B", light: "yellow", why: "评价档次 B：黄灯"},
		{name: "tier C", k: quality, tier: "C", light: "red", why: "评价档次 C：红灯"},
		{name: "N/A", k: execution, status: indicators.StatusNA, want: "不适用，不亮灯", why: "不适用，不亮灯"},
		{name: "missing", k: output, status: indicators.StatusMissing, want: "缺少数据", light: "red", why: "缺少数据：红灯"},
		{name: "error", k: unitCost, status: indicators.StatusError, want: "无法计算", light: "red", why: "无法计算：红灯"},
		{name: "no light (deduct)", k: safety},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := base
			u.Indicators = append([]engine.IndicatorResult(nil), base.Indicators...)
			ir := &u.Indicators[c.k]
			switch {
			case c.status != "":
				ir.Status, ir.HasValue = c.status, false
			case c.tier != "":
				ir.Tier = c.tier
			case c.k != safety:
				ir.Value, ir.Target = c.v, c.t
			}
			m := monitor.New(rs, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
			if c.green != 0 {
				m.Bounds = indicators.Monitor{Green: c.green, Yellow: c.yellow}
			}
			var lu monitor.Unit
			m.Lights(&lu, &u)
			l := lu.Indicators[c.k]
			got := string(m.AppendNote(nil, &lu, c.k, ir))
			if got != c.want {
				t.Errorf("AppendNote:\n got %q\nwant %q", got, c.want)
			}
			if strings.ContainsAny(got, ",\"\r\n") {
				t.Errorf("AppendNote %q needs quoting in csv", got)
			}
			if l.Light != c.light {
				t.Errorf("light %q, want %q", l.Light, c.light)
			}
			share := ""
			if l.HasShare {
				share = string(monitor.AppendShare(nil, l.Share))
			}
			if share != c.share {
				t.Errorf("share %q, want %q", share, c.share)
			}
			if c.why != "" {
				if got := string(m.AppendWhy(nil, &lu, c.k, ir)); got != c.why {
					t.Errorf("AppendWhy %q, want %q", got, c.why)
				}
			}
		})
	}
}

// ShareNote and LightNote head the share's and the light's columns.
func TestShareAndLightNotes(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := monitor.New(rs, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	const lights = "完成度达到 100% 绿灯，达到 80% 黄灯，其余红灯"
	for k, want := range [][2]string{
		{"实际 ÷ 应达", lights}, {"实际 ÷ 应达", lights}, {"目标 ÷ 实际", lights},
		{"", "档次 A 绿灯，B 黄灯，其余红灯"}, {"", ""},
	} {
		if got := m.ShareNote(k); got != want[0] {
			t.Errorf("ShareNote(%d) = %q, want %q", k, got, want[0])
		}
		if got := m.LightNote(k); got != want[1] {
			t.Errorf("LightNote(%d) = %q, want %q", k, got, want[1])
		}
	}
	m.Bounds = indicators.Monitor{Green: 1.1, Yellow: 0.955}
	if got, want := m.LightNote(0), "完成度达到 110% 绿灯，达到 95.5% 黄灯，其余红灯"; got != want {
		t.Errorf("LightNote with bounds 1.1 and 0.955 = %q, want %q", got, want)
	}
}

// ExpectedNote says once, for a column's header, how the expected value
// of a target of the ruleset is reached; nothing for a target worked out
// from the data, a tier or an indicator without a light.
func TestExpectedNote(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	m := monitor.New(rs, asOf)
	for k, want := range []string{"全年目标 1 × 60/366", "全年目标 120 × 60/366", "反向指标，不按时间进度折算", "", ""} {
		if got := m.ExpectedNote(k); got != want {
			t.Errorf("ExpectedNote(%d) = %q, want %q", k, got, want)
		}
	}
	// The same ruleset with output's target read from the data.
	rs2 := *rs
	rs2.Indicators = append([]indicators.Indicator(nil), rs.Indicators...)
	rs2.Indicators[1].Target.Expr.Src = "plan"
	if got := monitor.New(&rs2, asOf).ExpectedNote(1); got != "" {
		t.Errorf("ExpectedNote of a target from the data = %q, want none", got)
	}
}

// AppendExpected rounds as the explanations do, to 4 decimals without
// trailing zeros: 120 × 60/366 = 19.672131… → 19.6721.
func TestAppendExpected(t *testing.T) {
	for _, c := range []struct {
		e    float64
		want string
	}{
		{120.0 * 60 / 366, "19.6721"},
		{1.0 * 273 / 365, "0.7479"},
		{10000.0 * 273 / 365, "7479.4521"},
		{2500.0 * 273 / 365, "1869.863"},
		{50, "50"},
		{0, "0"},
		{-0.5 * 273 / 365, "-0.374"},
		{1e12 / 3, "333333333333.3333"}, // past 10¹¹: strconv's shortest digits
	} {
		if got := string(monitor.AppendExpected(nil, c.e)); got != c.want {
			t.Errorf("AppendExpected(%v) = %q, want %q", c.e, got, c.want)
		}
	}
}
