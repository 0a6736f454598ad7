package report

import (
	"math"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Stat is the statistics of one column (an indicator, a 一级指标 subtotal
// or the total) over the scored units of a report.
//
// Units counts the units it applies to: scored units, less those for which
// the indicator is N/A (不适用 removes it, 财预〔2020〕10号), or for a
// subtotal those for which every indicator of the group is. Missing and
// error results count among them with their 0 points, as they count in the
// totals. Mean, Median, Min and Max are over those units, rounded half-up
// to 2 decimals; they are 0 when Units is 0.
type Stat struct {
	Key    string // indicator id, group name, or "score" for the total
	Label  string
	Weight float64
	Units  int
	Mean   float64
	Median float64
	Min    float64
	Max    float64
	// Full counts the units at full marks: points equal to the weight, or
	// for a subtotal every applicable indicator of the group at full marks,
	// or a total of 100.
	Full int
	// Missing, NA and Error count the units whose result had that status;
	// for a subtotal, the units where any indicator of the group had it.
	Missing, NA, Error int
}

// FullShare is the share of the applicable units at full marks, 0 to 1.
func (s Stat) FullShare() float64 {
	if s.Units == 0 {
		return 0
	}
	return float64(s.Full) / float64(s.Units)
}

// Stats accumulates per-column statistics one unit at a time, so a writer
// can compute them while units stream through it. Points and totals are
// rounded to cents and lie between 0 and the column's weight (the total's
// 100, or the total weight), so each column counts its units per value in
// cents, in an array of weight × 100 + 1 counts: its memory is bounded by
// the weight, not the number of units, and the median is exact.
type Stats struct {
	layout Layout
	cols   []acc // one per layout column, then the total
}

// acc accumulates one column.
type acc struct {
	units, full, missing, na, err int
	sum                           int64 // cents
	min, max                      int64
	count                         []int64 // units per value in cents
}

// NewStats returns an empty accumulator for the columns of layout l.
func NewStats(l Layout) *Stats {
	s := &Stats{layout: l, cols: make([]acc, len(l.Columns)+1)}
	for k, c := range l.Columns {
		s.cols[k].count = make([]int64, cents(c.Weight)+1)
	}
	var total float64
	for _, g := range l.Groups {
		total += g.Weight
	}
	s.cols[len(l.Columns)].count = make([]int64, cents(max(100, total))+1)
	return s
}

// cents turns 2-decimal points into an exact integer.
func cents(x float64) int64 { return int64(math.Round(x * 100)) }

func (a *acc) add(pts float64, full bool) {
	c := cents(pts) // 0 or more: points are never below 0
	if a.units == 0 || c < a.min {
		a.min = c
	}
	if a.units == 0 || c > a.max {
		a.max = c
	}
	a.units++
	a.sum += c
	if c >= int64(len(a.count)) {
		// Beyond the weight: the bound does not hold (a ruleset whose
		// weights sum past 100 rescaled), so the array grows.
		a.count = append(a.count, make([]int64, c+1-int64(len(a.count)))...)
	}
	a.count[c]++
	if full {
		a.full++
	}
}

// Add counts one unit; a unit that failed as a whole is not counted.
func (s *Stats) Add(u *engine.UnitResult) {
	if u.Failed() {
		return
	}
	for k, c := range s.layout.Columns {
		a := &s.cols[k]
		if !c.Subtotal() {
			ir := &u.Indicators[c.Indicator]
			switch ir.Status {
			case indicators.StatusNA:
				a.na++
				continue
			case indicators.StatusMissing:
				a.missing++
			case indicators.StatusError:
				a.err++
			}
			a.add(ir.Points, ir.Status == indicators.StatusOK && ir.Points >= ir.Weight)
			continue
		}
		applicable, full := 0, true
		var seen [3]bool // missing, na, error
		for _, i := range s.layout.Groups[c.Group].Members {
			ir := &u.Indicators[i]
			switch ir.Status {
			case indicators.StatusNA:
				seen[1] = true
				continue
			case indicators.StatusMissing:
				seen[0] = true
			case indicators.StatusError:
				seen[2] = true
			}
			applicable++
			if ir.Status != indicators.StatusOK || ir.Points < ir.Weight {
				full = false
			}
		}
		if seen[0] {
			a.missing++
		}
		if seen[1] {
			a.na++
		}
		if seen[2] {
			a.err++
		}
		if applicable > 0 {
			a.add(Subtotal(u, s.layout.Groups[c.Group]), full)
		}
	}
	s.cols[len(s.cols)-1].add(u.Score, u.Score >= 100)
}

// Result returns the statistics of each column of the layout, then those
// of the total (key "score", label 总分, weight 100).
func (s *Stats) Result() []Stat {
	out := make([]Stat, 0, len(s.cols))
	for k, c := range s.layout.Columns {
		st := s.cols[k].stat()
		st.Key, st.Label, st.Weight = c.Key, c.Label, c.Weight
		if c.Subtotal() {
			st.Label += "小计"
		}
		out = append(out, st)
	}
	st := s.cols[len(s.cols)-1].stat()
	st.Key, st.Label, st.Weight = "score", "总分", 100
	return append(out, st)
}

func (a *acc) stat() Stat {
	st := Stat{Units: a.units, Full: a.full, Missing: a.missing, NA: a.na, Error: a.err}
	if a.units == 0 {
		return st
	}
	st.Min = float64(a.min) / 100
	st.Max = float64(a.max) / 100
	st.Mean = indicators.Round2(float64(a.sum) / float64(a.units) / 100)
	st.Median = a.median()
	return st
}

// median walks the counts to the middle value (or the mean of the middle
// two, rounded half-up).
func (a *acc) median() float64 {
	lo, hi := int64(a.units-1)/2, int64(a.units)/2 // 0-based ranks of the middle values
	var mlo, mhi, seen int64
	for v, n := range a.count {
		if n == 0 {
			continue
		}
		next := seen + n
		if lo >= seen && lo < next {
			mlo = int64(v)
		}
		if hi >= seen && hi < next {
			mhi = int64(v)
			break
		}
		seen = next
	}
	return indicators.Round2(float64(mlo+mhi) / 200)
}
