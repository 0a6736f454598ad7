package report

import (
	"testing"

	"github.com/jixiao/jixiao/engine"
)

func TestStatsSample(t *testing.T) {
	m, res := sample(t)
	got := columnStats(NewLayout(m, Options{}), res.Summary)
	// Derivations: testdata/README.md, "Statistics over the four scored units".
	want := []engine.Stat{
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
	if s := fullShare(got[0]); s != 0.5 {
		t.Errorf("预算执行率 full share = %v, want 2 of 4 = 0.5", s)
	}
}

func TestStatsGroupsOnly(t *testing.T) {
	m, res := sample(t)
	got := columnStats(NewLayout(m, Options{Groups: true}), res.Summary)
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
