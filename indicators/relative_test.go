package indicators

import (
	"math"
	"testing"
	"time"
)

func pop(vs ...float64) Population {
	var p Population
	for _, v := range vs {
		p.Add(v)
	}
	return p
}

// Every expectation is worked by hand from DESIGN.md's formulas.
func TestScoreRelative(t *testing.T) {
	for _, c := range []struct {
		name    string
		method  string
		reverse bool
		value   float64
		weight  float64
		pop     Population
		want    float64
		wantErr bool
	}{
		// weight × value / best: 10 × 80 / 100.
		{"best_ratio", RelativeBestRatio, false, 80, 10, pop(50, 80, 100), 8, false},
		// reverse: weight × best / value: 20 × 200 / 250 (contract2 C02).
		{"best_ratio reverse", RelativeBestRatio, true, 250, 20, pop(200, 250, 400), 16, false},
		{"best_ratio reverse, value 0 is the best", RelativeBestRatio, true, 0, 20, pop(0, 5), 20, false},
		{"best_ratio negative", RelativeBestRatio, false, -1, 10, pop(-1, 5), 0, true},
		// 20 × (0.6 + 0.4 × (0.9 − 0.6) / (1 − 0.6)) = 20 × 0.9 (contract2 C02).
		{"efficacy", RelativeEfficacy, false, 0.9, 20, pop(0.6, 0.9, 1), 18, false},
		{"efficacy worst gets 0.6", RelativeEfficacy, false, 0.6, 20, pop(0.6, 0.9, 1), 12, false},
		// reverse: best 200, worst 400: 20 × (0.6 + 0.4 × (300 − 400) / (200 − 400)) = 16.
		{"efficacy reverse", RelativeEfficacy, true, 300, 20, pop(200, 300, 400), 16, false},
		{"best == worst, best_ratio", RelativeBestRatio, false, 7, 10, pop(7, 7, 7), 10, false},
		{"best == worst, efficacy", RelativeEfficacy, true, 7, 10, pop(7, 7), 10, false},
		{"population of one", RelativeEfficacy, false, 3, 10, pop(3), 10, false},
		{"population of one, best_ratio 0", RelativeBestRatio, false, 0, 10, pop(0), 10, false},
	} {
		got, err := ScoreRelative(c.method, c.reverse, c.value, c.weight, c.pop)
		if (err != nil) != c.wantErr {
			t.Errorf("%s: err = %v, want error %v", c.name, err, c.wantErr)
			continue
		}
		if !c.wantErr && math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %v points, want %v", c.name, got, c.want)
		}
	}
}

func TestPopulationMergeAndPlace(t *testing.T) {
	a, b := pop(3, 9), pop(1)
	a.Merge(b)
	a.Merge(Population{})
	if a != pop(3, 9, 1) {
		t.Errorf("merged %+v, want %+v", a, pop(3, 9, 1))
	}
	if a.Best(true) != 1 || a.Worst(true) != 9 || a.Best(false) != 9 || a.Worst(false) != 1 {
		t.Errorf("best/worst of %+v wrong", a)
	}
	vs := []float64{200, 250, 220, 300, 400, 200}
	if got := Place(220, true, vs); got != 3 { // 200, 200 better
		t.Errorf("place of 220 = %d, want 3", got)
	}
	if got := Place(200, true, vs); got != 1 {
		t.Errorf("place of 200 = %d, want 1 (shared)", got)
	}
	if got := Place(220, false, vs); got != 4 { // 400, 300, 250 better
		t.Errorf("place of 220 (higher better) = %d, want 4", got)
	}
}

func TestCombinePanel(t *testing.T) {
	for _, c := range []struct {
		method string
		scores []float64
		want   float64
	}{
		{PanelMean, []float64{8, 9, 7, 6}, 7.5},
		{PanelMedian, []float64{8, 9, 7, 6}, 7.5}, // (7 + 8) / 2
		{PanelMedian, []float64{8, 9, 7, 6, 1}, 7},
		{PanelTrimmed, []float64{8, 9, 7, 2}, 6.5},         // 4 raters: the mean
		{PanelTrimmed, []float64{10, 8, 9, 7, 2}, 8},       // drops 10 and 2: (8+9+7)/3
		{PanelMean, []float64{10, 8, 9, 7, 2}, 7.2},        // 36 / 5
		{PanelTrimmed, []float64{9, 9, 5, 5, 7}, 7},        // one 9 and one 5 go: (9+5+7)/3
		{PanelTrimmed, []float64{6, 6, 6, 6, 6, 6}, 6},     // all equal
		{PanelMedian, []float64{4}, 4},                     // one rater
		{PanelTrimmed, []float64{1, 2, 3, 4, 5, 100}, 3.5}, // 6 raters: (2+3+4+5)/4
	} {
		if got := CombinePanel(c.method, append([]float64(nil), c.scores...)); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s %v = %v, want %v", c.method, c.scores, got, c.want)
		}
	}
}

func TestPanelSpreadAtTheBound(t *testing.T) {
	for _, c := range []struct {
		scores         []float64
		spread, weight float64
		want           bool
	}{
		{[]float64{8, 6}, 0.2, 10, false},       // 2 = 0.2 × 10: not above
		{[]float64{8, 5.99}, 0.2, 10, true},     // 2.01 > 2
		{[]float64{18, 14, 16}, 0.2, 20, false}, // 4 = 0.2 × 20
		{[]float64{1.3, 1.0}, 0.1, 3, false},    // 0.3 with float error on both sides
		{[]float64{1.31, 1.0}, 0.1, 3, true},
		{[]float64{5}, 0, 10, false},
	} {
		if got := PanelSpread(c.scores, c.spread, c.weight); got != c.want {
			t.Errorf("spread %v (%v × %v) = %v, want %v", c.scores, c.spread, c.weight, got, c.want)
		}
	}
}

func TestKendallW(t *testing.T) {
	// Rank sums 4, 6, 8 around a mean of 6: S = 8; W = 12 × 8 / (3² × (3³ − 3)) = 96 / 216.
	w, ok := KendallW([][]float64{{1, 2, 3}, {1, 3, 2}, {2, 1, 3}})
	if !ok || math.Abs(w-96.0/216) > 1e-12 {
		t.Errorf("W = %v %v, want %v", w, ok, 96.0/216)
	}
	// Ties: rater 1 ranks 1.5, 1.5, 3 (T = 2³ − 2 = 6); rank sums 2.5, 3.5, 6
	// around 4: S = 6.5; W = 12 × 6.5 / (4 × 24 − 2 × 6) = 78 / 84.
	w, ok = KendallW([][]float64{{1, 1, 2}, {1, 2, 3}})
	if !ok || math.Abs(w-78.0/84) > 1e-12 {
		t.Errorf("W with ties = %v %v, want %v", w, ok, 78.0/84)
	}
	if w, ok := KendallW([][]float64{{5, 7, 9, 1}, {50, 70, 90, 10}, {6, 8, 10, 2}}); !ok || math.Abs(w-1) > 1e-12 {
		t.Errorf("full agreement W = %v %v, want 1", w, ok)
	}
	if _, ok := KendallW([][]float64{{1, 2, 3}}); ok {
		t.Error("one rater has no W")
	}
	if _, ok := KendallW([][]float64{{4, 4}, {4, 4}}); ok {
		t.Error("every score equal has no W")
	}
}

func TestElapsed(t *testing.T) {
	for _, c := range []struct {
		date      string
		day, days int
	}{
		{"2024-02-29", 60, 366},
		{"2023-09-30", 273, 365},
		{"2023-01-01", 1, 365},
		{"2023-12-31", 365, 365},
		{"2024-12-31", 366, 366},
		{"2100-03-01", 60, 365}, // not a leap year
		{"2000-03-01", 61, 366}, // a leap year
	} {
		d, _ := time.Parse(time.DateOnly, c.date)
		day, days, f := Elapsed(d)
		if day != c.day || days != c.days || f != float64(c.day)/float64(c.days) {
			t.Errorf("%s: %d/%d (%v), want %d/%d", c.date, day, days, f, c.day, c.days)
		}
	}
}

func TestLightBoundsInclusive(t *testing.T) {
	m := DefaultMonitor()
	for _, c := range []struct {
		value, expected float64
		want            string
	}{
		{10, 10, LightGreen}, {8, 10, LightYellow}, {7.99, 10, LightRed}, {0, 0, LightGreen},
		{0.7, 273.0 / 365, LightYellow}, // contract2 C03
		{0.5, 273.0 / 365, LightRed},    // contract2 C04
	} {
		if got := m.LightOf(c.value, c.expected); got != c.want {
			t.Errorf("light of %v against %v = %s, want %s", c.value, c.expected, got, c.want)
		}
	}
	if got := (Monitor{Green: 0.9, Yellow: 0.5}).LightOf(5, 10); got != LightYellow {
		t.Errorf("bounds 0.9/0.5: %s, want yellow", got)
	}
}
