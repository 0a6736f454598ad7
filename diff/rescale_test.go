package diff_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// The rules in force weigh 预算执行率 40, 满意度 40, 培训 20 (培训 read from
// training); the proposed ones weigh them 50, 35, 15 and read 培训 from
// course.
const rescaleOld = `
id: rescale
version: "2023"
inputs:
  spent: {label: 支出}
  budget: {label: 预算}
  satisfaction: {label: 满意度}
  training: {label: 培训完成率}
  course: {label: 课程完成率}
indicators:
  - {id: exec, label: 预算执行率, weight: 40, value: spent / budget, target: ">= 1"}
  - {id: survey, label: 满意度, weight: 40, value: satisfaction, target: ">= 0.8"}
  - {id: train, label: 培训, weight: 20, value: training, target: ">= 1"}
grades:
  - {min: 90, label: 优}
  - {min: 80, label: 良}
  - {min: 45, label: 中}
  - {min: 0, label: 差}
`

var rescaleNew = strings.NewReplacer(`"2023"`, `"2024"`, "weight: 40, value: spent", "weight: 50, value: spent",
	"weight: 40, value: satisfaction", "weight: 35, value: satisfaction",
	"weight: 20, value: training", "weight: 15, value: course").Replace(rescaleOld)

// A and D have 培训 不适用 on both sides (D spent nothing); B none 不适用;
// C's course is 不适用, so 培训 becomes 不适用 by the change.
const rescaleUnits = `unit,name,spent,budget,satisfaction,training,course
A,甲单位,90,100,0.8,不适用,不适用
B,乙单位,80,100,0.8,1,1
C,丙单位,100,100,0.6,1,不适用
D,丁单位,0,100,0.8,不适用,不适用
`

// scoreBoth scores the units of csv under the ruleset text (named name)
// both ways a comparison reads them: a whole result (Diff) and a Recorder
// the units streamed into (Compare).
func scoreBoth(t *testing.T, name, text, csv string) (*engine.Result, *diff.Recorder, *indicators.Ruleset) {
	t.Helper()
	rs, err := rulesets.Load(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	src, err := data.OpenReader("units.csv", strings.NewReader(csv), data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	us, _, _, err := data.Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(context.Background(), us)
	if err != nil {
		t.Fatal(err)
	}
	rec := diff.NewRecorder(p)
	t.Cleanup(rec.Close)
	stream, err := data.OpenReader("units.csv", strings.NewReader(csv), data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Stream(context.Background(), stream, rec); err != nil {
		t.Fatal(err)
	}
	return res, rec, rs
}

// TestDiffRescaling checks the 不适用 rescaling's part in each unit's move
// against figures worked by hand:
//
//	A (培训 不适用 both sides): old 36 + 40 = 76 over 80 → 95 (rescaling
//	  +19); new 45 + 35 = 80 over 85 → 94.12 (+14.12). Move −0.88 =
//	  points +9 − 5 + rescaling −4.88.
//	B (nothing 不适用): 32 + 40 + 20 = 92 → 40 + 35 + 15 = 90, all of the
//	  move (−2) in the points: no rescaling.
//	C (培训 becomes 不适用): old 40 + 30 + 20 = 90, plain sum (100); new 50 +
//	  26.25 = 76.25 over 85 → 89.71 (+13.46). Move −0.29 = points +10 −
//	  3.75 − 20 + rescaling +13.46; 优 → 良.
//	D (培训 不适用 both sides, 预算执行率 0 both sides): old 0 + 40 over 80
//	  → 50 (+10); new 0 + 35 over 85 → 41.18 (+6.18). Move −8.82 = points
//	  −5 + rescaling −3.82; 中 → 差.
//
// Over the population: 19 + 0 + 10 → 14.12 + 13.46 + 6.18 = 33.76, +4.76
// in 3 units.
// The streamed comparison (Recorder, Compare) says the same.
func TestDiffRescaling(t *testing.T) {
	oldRes, oldRec, oldRS := scoreBoth(t, "old.yaml", rescaleOld, rescaleUnits)
	newRes, newRec, newRS := scoreBoth(t, "new.yaml", rescaleNew, rescaleUnits)
	d := diff.Diff(oldRes, newRes)
	want := map[string]*diff.Rescaling{
		"A": {OldApplicable: 80, NewApplicable: 85, Old: 19, New: 14.12, Delta: -4.88},
		"B": nil,
		"C": {OldApplicable: 100, NewApplicable: 85, Old: 0, New: 13.46, Delta: 13.46},
		"D": {OldApplicable: 80, NewApplicable: 85, Old: 10, New: 6.18, Delta: -3.82},
	}
	moves := map[string]float64{"A": -0.88, "B": -2, "C": -0.29, "D": -8.82}
	for _, u := range d.Units {
		got := u.Rescaling
		w := want[u.Unit]
		if (got == nil) != (w == nil) || got != nil && (got.OldApplicable != w.OldApplicable || got.NewApplicable != w.NewApplicable ||
			got.Old != w.Old || got.New != w.New || got.Delta != w.Delta) {
			t.Errorf("%s: rescaling %+v, want %+v", u.Unit, got, w)
		}
		if u.Delta != moves[u.Unit] {
			t.Errorf("%s: moved %v, want %v", u.Unit, u.Delta, moves[u.Unit])
		}
		// The causes add up to the move.
		sum := 0.0
		for _, pc := range u.Indicators {
			sum += pc.Delta
		}
		if got != nil {
			sum += got.Delta
		}
		if indicators.Round2(sum) != u.Delta {
			t.Errorf("%s: causes add to %v, the unit moved %v", u.Unit, indicators.Round2(sum), u.Delta)
		}
	}
	if wantT := (diff.RescalingTotal{Old: 29, New: 33.76, Delta: 4.76, Units: 3}); d.Rescaling != wantT {
		t.Errorf("population: %+v, want %+v", d.Rescaling, wantT)
	}
	streamed, err := diff.Compare(oldRec, newRec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(streamed, d) {
		t.Errorf("Compare:\n%+v\nDiff:\n%+v", streamed, d)
	}
	// C's new grade: its indicators' changed weights (培训's, though 不适用
	// now, among them: its points went) and 培训's formula. D's: 满意度's
	// weight (its points), 预算执行率's (0 points either way, but its weight
	// is in the 85 D's points are rescaled by); not 培训's, 不适用 both
	// sides, whose weight D's total does not read.
	d.AddRules(oldRS, newRS)
	causes := map[string][]string{}
	for _, u := range d.Units {
		for _, r := range u.Causes {
			causes[u.Unit] = append(causes[u.Unit], r.Text())
		}
	}
	want2 := map[string][]string{
		"C": {"预算执行率 分值 40 → 50", "满意度 分值 40 → 35", "培训 分值 20 → 15", "培训 计算公式 training → course"},
		"D": {"预算执行率 分值 40 → 50", "满意度 分值 40 → 35"},
	}
	if !reflect.DeepEqual(causes, want2) {
		t.Errorf("causes %q, want %q", causes, want2)
	}
}
