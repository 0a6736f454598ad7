package monitor_test

import (
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/rulesets"
)

// refWhy is the explanation of a light as monitor wrote it with
// fmt.Sprintf before the appenders (issue 17): an independent spelling
// of the same text, so that AppendWhy cannot drift from it unnoticed.
func refWhy(m *monitor.Monitor, def *indicators.Indicator, ir *engine.IndicatorResult, light string) string {
	num := func(x float64) string {
		if math.Abs(x) < 1e11 {
			x = math.Round(x*1e4) / 1e4
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	pct := func(x float64) string { return strconv.FormatFloat(x*100, 'f', 2, 64) + "%" }
	bounds := func() string {
		switch light {
		case indicators.LightGreen:
			return fmt.Sprintf("，达到 %s：绿灯", pct(m.Bounds.Green))
		case indicators.LightYellow:
			return fmt.Sprintf("，达到 %s 未达 %s：黄灯", pct(m.Bounds.Yellow), pct(m.Bounds.Green))
		}
		return fmt.Sprintf("，未达 %s：红灯", pct(m.Bounds.Yellow))
	}
	switch ir.Status {
	case indicators.StatusNA:
		return "不适用，不亮灯"
	case indicators.StatusMissing:
		return "缺少数据：红灯"
	case indicators.StatusError:
		return "无法计算：红灯"
	}
	if def.Form == indicators.FormTiers {
		return map[string]string{"A": "评价档次 A：绿灯", "B": "评价档次 B：黄灯"}[ir.Tier] +
			map[bool]string{true: "评价档次 " + ir.Tier + "：红灯"}[ir.Tier != "A" && ir.Tier != "B"]
	}
	v, t := ir.Value, ir.Target
	if def.Target.Op == ">=" || (def.Target.Op == "=" && t > 0) {
		e := t * float64(m.Day) / float64(m.Days)
		s := fmt.Sprintf("实际 %s，按时间进度应达 %s（全年目标 %s × %d/%d）", num(v), num(e), num(t), m.Day, m.Days)
		if e > 0 {
			s += fmt.Sprintf("，为应达值的 %s", pct(v/e))
		}
		return s + bounds()
	}
	s := fmt.Sprintf("实际 %s，反向指标目标 %s（不按时间进度折算）", num(v), num(t))
	if v > 0 {
		s += fmt.Sprintf("，目标 ÷ 实际 = %s", pct(t/v))
	}
	return s + bounds()
}

// Every explanation of the testdata units, at dates across the year and
// with bounds changed after New (the texts New wrote no longer hold),
// reads as the fmt.Sprintf spelling does, and the units' own as before.
func TestAppendWhyMatchesSprintf(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := evalTestdata(t, rs)
	checked := 0
	for _, date := range []string{"2024-02-29", "2023-06-30", "2023-12-31", "2024-01-01"} {
		asOf, err := monitor.ParseDate(date, "en")
		if err != nil {
			t.Fatal(err)
		}
		for _, change := range []bool{false, true} {
			m := monitor.New(rs, asOf)
			if change {
				m.Bounds = indicators.Monitor{Green: 1.1, Yellow: 0.95}
			}
			for i := range units {
				u := &units[i]
				lu := m.Unit(u)
				for k := range lu.Indicators {
					if !m.Lit(k) {
						if lu.Indicators[k].Why != "" {
							t.Errorf("%s %s.%s: an indicator without a light explained: %q", date, u.Unit, u.Indicators[k].ID, lu.Indicators[k].Why)
						}
						continue
					}
					want := refWhy(m, &rs.Indicators[k], &u.Indicators[k], lu.Indicators[k].Light)
					if got := lu.Indicators[k].Why; got != want {
						t.Errorf("%s bounds changed %v, %s.%s:\n got %q\nwant %q", date, change, u.Unit, u.Indicators[k].ID, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d explanations compared: the testdata lost its units", checked)
	}
}

// A unit lit and explained into reused memory costs no allocation: the
// per-unit work of jixiao monitor on a million units (issue 17).
func TestLightsAllocateNothing(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := evalTestdata(t, rs)
	m := monitor.New(rs, time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC))
	var lu monitor.Unit
	var buf []byte
	run := func() {
		for i := range units {
			u := &units[i]
			m.Lights(&lu, u)
			buf = m.AppendUnitWhy(buf[:0], &lu)
			for k := range lu.Indicators {
				buf = m.AppendWhy(buf, &lu, k, &u.Indicators[k])
				buf = m.AppendNote(buf, &lu, k, &u.Indicators[k])
			}
		}
	}
	run() // grow lu and buf to their size
	if n := testing.AllocsPerRun(20, run); n != 0 {
		t.Errorf("lighting and explaining %d units allocates %v times, want 0", len(units), n)
	}
	if len(buf) == 0 {
		t.Fatal("nothing was explained")
	}
}
