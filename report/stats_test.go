package report

import (
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// ComputeStats returns the statistics of every column of layout l over
// units, as a writer accumulating them one by one does.
func ComputeStats(l Layout, units []engine.UnitResult) []Stat {
	s := NewStats(l)
	for i := range units {
		s.Add(&units[i])
	}
	return s.Result()
}

// oneIndicator is a ruleset of one indicator x of weight 10.
func oneIndicator() []indicators.Indicator {
	return []indicators.Indicator{{ID: "x", Label: "指标", Weight: 10}}
}

func TestStatsSample(t *testing.T) {
	m, res := sample(t)
	got := ComputeStats(NewLayout(m, Options{}), res.Units)
	// Derivations: testdata/README.md, "Statistics over the four scored units".
	want := []Stat{
		{Key: "budget_execution_rate", Label: "预算执行率", Weight: 10, Units: 4, Mean: 8.63, Median: 9.75, Min: 5, Max: 10, Full: 2},
		{Key: "output_done", Label: "完成数量", Weight: 30, Units: 4, Mean: 18.75, Median: 22.5, Min: 0, Max: 30, Full: 2, Missing: 1},
		{Key: "quality", Label: "质量达标", Weight: 20, Units: 3, Mean: 16.67, Median: 18, Min: 14, Max: 18, NA: 1},
		{Key: "产出", Label: "产出小计", Weight: 50, Units: 4, Mean: 31.25, Median: 38.5, Min: 0, Max: 48, Missing: 1, NA: 1},
		{Key: "satisfaction", Label: "服务对象满意度", Weight: 40, Units: 4, Mean: 28.89, Median: 37.78, Min: 0, Max: 40, Full: 2, Error: 1},
		{Key: "score", Label: "总分", Weight: 100, Units: 4, Mean: 69.39, Median: 83.53, Min: 12.5, Max: 98},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d stats, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("stat %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if s := got[0].FullShare(); s != 0.5 {
		t.Errorf("预算执行率 full share = %v, want 2 of 4 = 0.5", s)
	}
}

func TestStatsGroupsOnly(t *testing.T) {
	m, res := sample(t)
	got := ComputeStats(NewLayout(m, Options{Groups: true}), res.Units)
	// One subtotal per 一级指标, then the total. 预算执行 and 满意度 hold one
	// indicator each, so their subtotals are that indicator's points.
	keys := []string{"预算执行", "产出", "满意度", "score"}
	if len(got) != len(keys) {
		t.Fatalf("got %d stats, want %d", len(got), len(keys))
	}
	for i, k := range keys {
		if got[i].Key != k {
			t.Errorf("stat %d key = %q, want %q", i, got[i].Key, k)
		}
	}
	// 预算执行 subtotal = 预算执行率 (mean 8.63, 2 at full marks).
	if got[0].Mean != 8.63 || got[0].Full != 2 {
		t.Errorf("预算执行 subtotal = %+v, want mean 8.63 and 2 at full marks", got[0])
	}
	// 满意度: U3's only indicator is in error, so the unit counts (0 points).
	if got[2].Units != 4 || got[2].Error != 1 || got[2].Min != 0 {
		t.Errorf("满意度 subtotal = %+v, want 4 units, 1 error, min 0", got[2])
	}
}

// TestStatsMedian checks the histogram median on hand-made points.
func TestStatsMedian(t *testing.T) {
	tests := []struct {
		name   string
		points []float64 // one unit each, one indicator of weight 10
		median float64
		mean   float64
	}{
		{"one unit", []float64{3.33}, 3.33, 3.33},
		{"odd count: middle of 1, 2.5, 9", []float64{9, 1, 2.5}, 2.5, 4.17},           // 12.5 ÷ 3 = 4.1666… → 4.17
		{"even count: (2 + 3) ÷ 2", []float64{4, 1, 3, 2}, 2.5, 2.5},                  // 10 ÷ 4
		{"ties in the middle", []float64{5, 5, 5, 0}, 5, 3.75},                        // sorted 0 5 5 5
		{"half-up of the middle pair", []float64{0.01, 0.02}, 0.02, 0.02},             // 0.015 → 0.02, as Excel ROUND
		{"all equal", []float64{7.77, 7.77, 7.77, 7.77, 7.77}, 7.77, 7.77},            // 38.85 ÷ 5
		{"min and max at the ends", []float64{10, 0, 10, 0, 6.66}, 6.66, 5.33},        // 26.66 ÷ 5 = 5.332
		{"many distinct values", []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 0.35, 0.35}, // (0.3 + 0.4) ÷ 2
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Meta{Indicators: oneIndicator()}
			var units []engine.UnitResult
			for _, p := range tc.points {
				units = append(units, engine.UnitResult{Score: p * 10, Indicators: []engine.IndicatorResult{
					{ID: "x", Weight: 10, Points: p, Status: indicators.StatusOK}}})
			}
			st := ComputeStats(NewLayout(m, Options{}), units)[0]
			if st.Median != tc.median || st.Mean != tc.mean {
				t.Errorf("median %v mean %v, want median %v mean %v", st.Median, st.Mean, tc.median, tc.mean)
			}
		})
	}
}

func TestStatsEmpty(t *testing.T) {
	m := Meta{Indicators: oneIndicator()}
	failed := engine.UnitResult{Unit: "F", Errors: []*diag.Error{{Code: "bad_cell"}}}
	st := ComputeStats(NewLayout(m, Options{}), []engine.UnitResult{failed})
	// A failed unit counts nowhere; with no units every figure is 0.
	for _, s := range st {
		if s.Units != 0 || s.Mean != 0 || s.Median != 0 || s.FullShare() != 0 {
			t.Errorf("%s: %+v, want all zero", s.Key, s)
		}
	}
}
