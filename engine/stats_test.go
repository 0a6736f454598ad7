package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// pointsRuleset scores x as its points (weight 10) in group g, beside a
// fixed indicator of another group, so a unit's points are set by hand.
const pointsRuleset = `
id: pts
title: 得分
inputs:
  v: {label: 得分}
indicators:
  - {id: x, label: 指标, group: [g], weight: 10, value: v, score: value}
  - {id: y, label: 固定, group: [h], weight: 90, value: 1, score: weight}
`

// statsOf streams units with x set to each of points (one unit each) and
// returns the summary; a nil point is a unit that failed.
func statsOf(t *testing.T, points []any) engine.Summary {
	t.Helper()
	rs, err := rulesets.Load("pts.yaml", []byte(pointsRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var units []indicators.Unit
	for i, p := range points {
		if p == nil { // a unit that failed as a whole
			units = append(units, indicators.Unit{ID: "F", Errors: []*diag.Error{{Code: "bad_cell"}}})
			continue
		}
		u, err := data.NewSchema(rs).Unit(fmt.Sprint("U", i), "", map[string]any{"v": p})
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, u)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	return res.Summary
}

// TestStatsMedian checks the exact (counted) median and the mean on
// hand-made points.
func TestStatsMedian(t *testing.T) {
	tests := []struct {
		name   string
		points []any // one unit each
		median float64
		mean   float64
	}{
		{"one unit", []any{3.33}, 3.33, 3.33},
		{"odd count: middle of 1, 2.5, 9", []any{9, 1, 2.5}, 2.5, 4.17},           // 12.5 ÷ 3 = 4.1666… → 4.17
		{"even count: (2 + 3) ÷ 2", []any{4, 1, 3, 2}, 2.5, 2.5},                  // 10 ÷ 4
		{"ties in the middle", []any{5, 5, 5, 0}, 5, 3.75},                        // sorted 0 5 5 5
		{"half-up of the middle pair", []any{0.01, 0.02}, 0.02, 0.02},             // 0.015 → 0.02, as Excel ROUND
		{"min and max at the ends", []any{10, 0, 10, 0, 6.66}, 6.66, 5.33},        // 26.66 ÷ 5 = 5.332
		{"many distinct values", []any{0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 0.35, 0.35}, // (0.3 + 0.4) ÷ 2
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := statsOf(t, tc.points).Indicators[0]
			if st.Median != tc.median || st.Mean != tc.mean || st.Units != len(tc.points) {
				t.Errorf("median %v mean %v units %d, want median %v mean %v units %d", st.Median, st.Mean, st.Units, tc.median, tc.mean, len(tc.points))
			}
		})
	}
}

// TestStatsStatuses checks what N/A, missing and full marks count, in an
// indicator and in its group, and the total.
func TestStatsStatuses(t *testing.T) {
	sum := statsOf(t, []any{"不适用", "", 10, 4})
	x, g, score := sum.Indicators[0], sum.Groups[0], sum.Score
	// N/A leaves the unit out; missing counts 0 points; 10 is full marks.
	want := engine.Stat{Key: "x", Label: "指标", Weight: 10, Units: 3, Mean: 4.67, Median: 4, Min: 0, Max: 10, Full: 1, Missing: 1, NA: 1}
	if x != want {
		t.Errorf("x:\n got %+v\nwant %+v", x, want)
	}
	// Group g holds x alone: the same figures under the group's name.
	want.Key, want.Label = "g", "g"
	if g != want {
		t.Errorf("g:\n got %+v\nwant %+v", g, want)
	}
	// Totals: 100 (x N/A: 90 of 90 rescaled), 90, 100, 94; 2 at 100.
	if score.Units != 4 || score.Full != 2 || score.Min != 90 || score.Median != 97 || score.Mean != 96 {
		t.Errorf("score: %+v, want 4 units, 2 full, min 90, median 97, mean 96", score)
	}
}

// TestStatsEmpty: a unit that failed counts nowhere; with no units every
// figure is 0.
func TestStatsEmpty(t *testing.T) {
	sum := statsOf(t, []any{nil})
	if sum.Errors != 1 {
		t.Fatalf("%d failed units, want 1 (a bad cell)", sum.Errors)
	}
	for _, s := range append(append(sum.Indicators, sum.Groups...), sum.Score) {
		if s.Units != 0 || s.Mean != 0 || s.Median != 0 || s.Full != 0 || s.Max != 0 {
			t.Errorf("%s: %+v, want all zero", s.Key, s)
		}
	}
}

// naiveStats works out the statistics of one column the plain way: sort
// the points of the units it applies to, and add them up in cents (as
// exact as the points are: a float sum of thousands drifts).
func naiveStats(pts []float64) (mean, median, lo, hi float64) {
	if len(pts) == 0 {
		return
	}
	slices.Sort(pts)
	var s int64
	for _, p := range pts {
		s += int64(math.Round(p * 100))
	}
	n := len(pts)
	return indicators.Round2(float64(s) / float64(n) / 100), indicators.Round2((pts[(n-1)/2] + pts[n/2]) / 2), pts[0], pts[n-1]
}

// TestStreamStatsKeptAndDuplicates checks the summary's statistics and
// the units' subtotals against a plain computation over Eval's results,
// with units failed for repeated ids (counted at first, taken out in the
// second pass) and with a sink that keeps only some units.
func TestStreamStatsKeptAndDuplicates(t *testing.T) {
	prog := compile(t, "grid-center", nil)
	text := streamData(t, prog, 300)
	res, err := evalAll(prog, text)
	if err != nil {
		t.Fatal(err)
	}
	dups := 0
	for _, u := range res.Units {
		for _, e := range u.Errors {
			if e.Code == "duplicate_unit" {
				dups++
			}
		}
	}
	if dups == 0 {
		t.Fatal("the data has no repeated id: the test would not test taking units out")
	}
	for _, every := range []int{1, 3} { // all units; one in 3 kept
		src, err := data.OpenStreamReader("t.csv", bytes.NewReader(text), data.NewSchema(prog.Ruleset()), false)
		if err != nil {
			t.Fatal(err)
		}
		sink := &someSink{every: every}
		sum, err := prog.Stream(context.Background(), src, sink)
		if err != nil {
			t.Fatal(err)
		}
		kept := func(u *engine.UnitResult) bool { return sink.keeps(u.Unit) && !u.Failed() }
		inds := prog.Ruleset().Indicators
		for k := range inds {
			var pts []float64
			for i := range res.Units {
				if u := &res.Units[i]; kept(u) && u.Indicators[k].Status != indicators.StatusNA {
					pts = append(pts, u.Indicators[k].Points)
				}
			}
			checkStat(t, sum.Indicators[k], pts)
		}
		for g, gr := range indicators.Groups(inds) {
			var pts []float64
			for i := range res.Units {
				u := &res.Units[i]
				if !kept(u) {
					continue
				}
				var s float64
				for _, m := range gr.Members {
					s += u.Indicators[m].Points
				}
				if got := u.Groups[g]; got.Name != gr.Name || got.Weight != gr.Weight || math.Abs(got.Points-s) > 0.005 {
					t.Errorf("unit %s group %d = %+v, want %s of weight %v, %.2f points", u.Unit, g, got, gr.Name, gr.Weight, s)
				}
				pts = append(pts, u.Groups[g].Points)
			}
			checkStat(t, sum.Groups[g], pts)
		}
		var pts []float64
		for i := range res.Units {
			if u := &res.Units[i]; kept(u) {
				pts = append(pts, u.Score)
			}
		}
		checkStat(t, sum.Score, pts)
	}
}

func checkStat(t *testing.T, st engine.Stat, pts []float64) {
	t.Helper()
	mean, median, lo, hi := naiveStats(pts)
	if st.Units != len(pts) || st.Mean != mean || st.Median != median || st.Min != lo || st.Max != hi {
		t.Errorf("%s: %+v, want %d units, mean %v median %v min %v max %v", st.Key, st, len(pts), mean, median, lo, hi)
	}
}

// someSink keeps one unit in every, by the digits of its id.
type someSink struct {
	every int
	b     bytes.Buffer
}

func (s *someSink) keeps(id string) bool {
	n := 0
	for _, r := range id {
		n += int(r)
	}
	return n%s.every == 0
}

func (s *someSink) Keeps(u *engine.UnitResult) bool                { return s.keeps(u.Unit) }
func (s *someSink) Render(dst []byte, u *engine.UnitResult) []byte { return dst }
func (s *someSink) Start(engine.Summary) error                     { return nil }
func (s *someSink) Emit([]byte, int) error                         { return nil }
