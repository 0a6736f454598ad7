package engine_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// testdata/panel, worked by hand:
//
//	P01, 5 raters. plan (mean, 10): (8+9+7+8+6)/5 = 7.6, spread 9−6 = 3 > 0.2×10: panel_spread.
//	  effect (trimmed, 20, spread 0.25): drop 19 and 10: (18+16+17)/3 = 17; 19−10 = 9 > 5: flagged.
//	  plan_median: 6 7 8 8 9 → 8. execution 90/100 × 10 = 9. Total 7.6+17+8+9 = 41.6.
//	P02, 4 raters. plan: (9+8+9+10)/4 = 9, spread 2 = 0.2×10 exactly: not flagged.
//	  effect (trimmed with 4: the mean): (15+14+16+11)/4 = 14, spread 5 = 0.25×20: not flagged.
//	  plan_median: 8 9 9 10 → (9+9)/2 = 9. execution 10. Total 42.
//	P03: spent differs between rows 11 and 12: fails, both rows named.
//	P04: one rater: 4, 20, 4; execution 10. Total 38.
//	Kendall's W, over the raters of every rated unit (P01, P02, P04: only 张):
//	  one rater → no W.
func TestPanelScoring(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/panel/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Compile(rs, &engine.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	src, err := data.Options{Lang: "en"}.Open("testdata/panel/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	res := &engine.Result{}
	sum, err := p.Stream(context.Background(), src, collectSink(res))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		score  float64
		points []float64
		spread []bool
	}{
		"P01": {41.6, []float64{7.6, 17, 8, 9}, []bool{true, true, true, false}},
		"P02": {42, []float64{9, 14, 9, 10}, []bool{false, false, false, false}},
		"P04": {38, []float64{4, 20, 4, 10}, []bool{false, false, false, false}},
	}
	if len(res.Units) != 4 {
		t.Fatalf("%d units, want 4 (one per unit, not per rater row)", len(res.Units))
	}
	for _, u := range res.Units {
		if u.Unit == "P03" {
			msg := ""
			if len(u.Errors) > 0 {
				msg = u.Errors[0].Msg
			}
			for _, part := range []string{"spent", "row 11 (张) has 80", "row 12 (王) has 85"} {
				if !strings.Contains(msg, part) {
					t.Errorf("P03's error %q lacks %q", msg, part)
				}
			}
			continue
		}
		w := want[u.Unit]
		if u.Score != w.score {
			t.Errorf("%s: score %v, want %v", u.Unit, u.Score, w.score)
		}
		for k, pts := range w.points {
			ir := u.Indicators[k]
			if ir.Points != pts {
				t.Errorf("%s.%s: %v points, want %v (%s)", u.Unit, ir.ID, ir.Points, pts, ir.Explain)
			}
			if got := slices.Contains(ir.Flags, indicators.FlagPanelSpread); got != w.spread[k] {
				t.Errorf("%s.%s: panel_spread %v, want %v", u.Unit, ir.ID, got, w.spread[k])
			}
		}
	}
	e := res.Units[0].Indicators[1].Explain
	for _, part := range []string{"张 18、王 16、李 17、赵 19、钱 10（5 人）", "去掉一个最高分 19（赵）和一个最低分 10（钱）", "= 17", "相差 9", "分歧较大"} {
		if !strings.Contains(e, part) {
			t.Errorf("P01 effect explanation %q lacks %q", e, part)
		}
	}
	if e := res.Units[1].Indicators[1].Explain; !strings.Contains(e, "不足 5 人不去最高最低分") {
		t.Errorf("P02 effect explanation %q: 4 raters take the mean", e)
	}
	if len(sum.Panels) != 3 || sum.Panels[0].Units != 3 || sum.Panels[0].Raters != 1 || sum.Panels[0].HasW {
		t.Errorf("panel statistics %+v: want 3 units rated, 1 common rater, no W", sum.Panels)
	}
}

// Kendall's W over the units every rater scored: without P04 (one
// rater), 张 王 李 赵 scored P01 and P02 (钱 only P01). plan: 张 8<9,
// 王 9>8, 李 7<9, 赵 8<10 → rank sums 5, 7 around 6: S = 2,
// W = 12 × 2 / (4² × (2³ − 2)) = 0.25. effect: every rater scored P01
// above P02: W = 1.
func TestPanelKendallW(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/panel/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.ReadAll("testdata/panel/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(context.Background(), units[:2])
	if err != nil {
		t.Fatal(err)
	}
	ps := res.Summary.Panels
	if len(ps) != 3 || !ps[0].HasW || ps[0].W != 0.25 || ps[0].Raters != 4 || !ps[1].HasW || ps[1].W != 1 {
		t.Errorf("panel statistics %+v, want plan W 0.25 over 4 raters, effect W 1", ps)
	}
}
