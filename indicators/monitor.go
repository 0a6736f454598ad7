package indicators

import "time"

// Monitoring lights (双监控 红黄绿).
const (
	LightGreen  = "green"
	LightYellow = "yellow"
	LightRed    = "red"
)

// Monitor holds the bounds of the lights: green when value ≥ expected ×
// Green, yellow when ≥ expected × Yellow, red otherwise (inclusive).
type Monitor struct {
	Green, Yellow float64
}

// DefaultMonitor is green at 100% of the pro-rated target, yellow from 80%.
func DefaultMonitor() Monitor { return Monitor{Green: 1, Yellow: 0.8} }

// Elapsed returns the share of date's year elapsed by the end of date:
// its day of the year (counting date itself) over the days of the year
// (2024-02-29 → 60/366).
func Elapsed(date time.Time) (day, days int, f float64) {
	day = date.YearDay()
	days = 365
	if y := date.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 366
	}
	return day, days, float64(day) / float64(days)
}

// LightOf returns the light of ratio (how far an indicator has come, 1 on
// track) within the bounds.
func (m Monitor) LightOf(value, expected float64) string {
	switch {
	case value >= expected*m.Green:
		return LightGreen
	case value >= expected*m.Yellow:
		return LightYellow
	}
	return LightRed
}

// LightRank orders lights from best (green, 1) to worst (red, 3); no
// light is 0.
func LightRank(light string) int {
	switch light {
	case LightGreen:
		return 1
	case LightYellow:
		return 2
	case LightRed:
		return 3
	}
	return 0
}
