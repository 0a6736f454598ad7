package monitor_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/rulesets"
)

func evalTestdata(t *testing.T, rs *indicators.Ruleset) []engine.UnitResult {
	t.Helper()
	p, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.ReadAll("testdata/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	return res.Units
}

// At 2024-02-29 (a leap year) f = 60/366. Worked by hand:
//
//	execution ≥ 1: expected 60/366 = 0.16393; M01 0.6, M02 0.4, M03 0.2 all green (≥ expected)
//	output ≥ 120: expected 120 × 60 / 366 = 19.672; M01 60, M02 40, M03 80 green
//	unit_cost ≤ 50, never pro-rated: M01 40 → 50/40 = 1.25 green; M02 55 → 0.909 yellow;
//	  M03 70 → 0.714 red; M04 0 → green
//	quality tier: A green, B yellow, C red
//	safety (deduct): no light
//	M04: execution N/A (no light), output missing (red) → the unit is red
//	M05: failed (bad cell) → red
func TestLightsLeapYear(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := evalTestdata(t, rs)
	asOf := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	m := monitor.New(rs, asOf)
	if m.Day != 60 || m.Days != 366 {
		t.Fatalf("2024-02-29 is day %d of %d, want 60 of 366", m.Day, m.Days)
	}
	G, Y, R := indicators.LightGreen, indicators.LightYellow, indicators.LightRed
	want := map[string][6]string{ // unit light, then per indicator
		"M01": {G, G, G, G, G, ""},
		"M02": {Y, G, G, Y, Y, ""},
		"M03": {R, G, G, R, R, ""},
		"M04": {R, "", R, G, G, ""},
		"M05": {R},
	}
	for i := range units {
		u := &units[i]
		lu := m.Unit(u)
		w := want[u.Unit]
		if lu.Light != w[0] {
			t.Errorf("%s: unit light %q (%s), want %q", u.Unit, lu.Light, lu.Why, w[0])
		}
		for k, l := range lu.Indicators {
			if l.Light != w[1+k] {
				t.Errorf("%s.%s: light %q (%s), want %q", u.Unit, u.Indicators[k].ID, l.Light, l.Why, w[1+k])
			}
		}
	}
	m01 := m.Unit(&units[0])
	if e := m01.Indicators[1].Expected; math.Abs(e-120.0*60/366) > 1e-12 {
		t.Errorf("output expected %v, want 120 × 60/366 = %v", e, 120.0*60/366)
	}
	if e := m01.Indicators[2].Expected; e != 50 {
		t.Errorf("a reverse target is never pro-rated: expected %v, want 50", e)
	}
	why := m.Unit(&units[1]).Indicators[2].Why
	for _, part := range []string{"实际 55", "反向指标目标 50", "不按时间进度折算", "90.91%", "黄灯"} {
		if !strings.Contains(why, part) {
			t.Errorf("M02's unit_cost explanation %q lacks %q", why, part)
		}
	}
	if why := m.Unit(&units[2]).Why; !strings.Contains(why, "单位成本 红灯") {
		t.Errorf("M03's unit light names its worst indicator: %q", why)
	}
}

// monitor: bounds change the lights, inclusively: with yellow 0.9, M02's
// unit_cost (50/55 = 0.909) stays yellow; with yellow 0.95 it turns red.
// Bounds at exactly the ratio are met: 1.25 with green 1.25 is green.
func TestMonitorBounds(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := evalTestdata(t, rs)
	asOf := time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		green, yellow float64
		unit          int
		want          string
	}{
		{1, 0.9, 1, indicators.LightYellow},
		{1, 0.95, 1, indicators.LightRed},
		{1.25, 0.8, 0, indicators.LightGreen},
		{1.26, 0.8, 0, indicators.LightYellow},
	} {
		rs.Monitor = indicators.Monitor{Green: c.green, Yellow: c.yellow}
		got := monitor.New(rs, asOf).Unit(&units[c.unit]).Indicators[2].Light
		if got != c.want {
			t.Errorf("bounds %v/%v, %s unit_cost: %s, want %s", c.green, c.yellow, units[c.unit].Unit, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2024-02-29", "2024/02/29", "20240229", "2024/2/29"} {
		d, err := monitor.ParseDate(s, "en")
		if err != nil || d.YearDay() != 60 {
			t.Errorf("%s: %v %v", s, d, err)
		}
	}
	for _, s := range []string{"2023-02-29", "tomorrow", ""} {
		if _, err := monitor.ParseDate(s, "en"); err == nil {
			t.Errorf("%q parsed, want an error", s)
		}
	}
}

// TestUnitWhyNamesUnlitWithoutData: an indicator that gets no light
// (safety, a deduct) but whose data is missing or could not be computed
// counts 0 in the total: the unit's explanation says so after its light,
// whatever that is, as a lit indicator's 缺少数据 says it in its own cell.
func TestUnitWhyNamesUnlitWithoutData(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := evalTestdata(t, rs)
	m := monitor.New(rs, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	with := func(id, status string) engine.UnitResult {
		for _, u := range units {
			if u.Unit != id {
				continue
			}
			u.Indicators = append([]engine.IndicatorResult(nil), u.Indicators...)
			for k := range u.Indicators {
				if u.Indicators[k].ID == "safety" {
					u.Indicators[k].Status, u.Indicators[k].HasValue, u.Indicators[k].Points = status, false, 0
				}
			}
			return u
		}
		t.Fatalf("no unit %s", id)
		return engine.UnitResult{}
	}
	for _, tc := range []struct {
		u    engine.UnitResult
		want string
	}{
		{with("M01", indicators.StatusOK), "各监控指标均为绿灯"},
		{with("M01", indicators.StatusMissing), "各监控指标均为绿灯；不亮灯的指标缺少数据，记 0 分：安全"},
		{with("M02", indicators.StatusError), "取最差指标：单位成本 黄灯；不亮灯的指标无法计算，记 0 分：安全"},
		// N/A is not counted against the unit: the total is rescaled.
		{with("M03", indicators.StatusNA), "取最差指标：单位成本 红灯"},
		// M04's output is missing and lit (red, in its own cell): not repeated.
		{with("M04", indicators.StatusOK), "取最差指标：完成数量 红灯"},
	} {
		if got := m.Unit(&tc.u).Why; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.u.Unit, got, tc.want)
		}
	}
}
