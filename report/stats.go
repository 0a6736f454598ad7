package report

import "github.com/jixiao/jixiao/engine"

// columnStats lays out the statistics engine computed (engine.Summary)
// by the columns of l, then the total's. A subtotal's label gains 小计.
func columnStats(l Layout, s engine.Summary) []engine.Stat {
	out := make([]engine.Stat, 0, len(l.Columns)+1)
	for _, c := range l.Columns {
		switch {
		case c.Subtotal() && c.Group < len(s.Groups):
			st := s.Groups[c.Group]
			st.Label += "小计"
			out = append(out, st)
		case !c.Subtotal() && c.Indicator < len(s.Indicators):
			out = append(out, s.Indicators[c.Indicator])
		default:
			// A summary not from Stream has no statistics: empty ones,
			// not a panic, for its columns.
			out = append(out, engine.Stat{Key: c.Key, Label: c.Label, Weight: c.Weight})
		}
	}
	return append(out, s.Score)
}

// fullShare is the share of a column's applicable units at full marks, 0
// to 1.
func fullShare(s engine.Stat) float64 {
	if s.Units == 0 {
		return 0
	}
	return float64(s.Full) / float64(s.Units)
}
