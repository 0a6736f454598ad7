package engine_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// testdata/relative: six units, D fails (a bad cell), E's quality is x/0
// (error), every unit misses empty. Worked by hand:
//
//	cost_rel (best_ratio, reverse): A 200, B 250, C 400, E 220, F 100 → best 100, worst 400, 5 units
//	  A 20 × 100/200 = 10; B 20 × 100/250 = 8; C 5; E 20 × 100/220 = 9.0909 → 9.09; F the best: 20
//	quality (efficacy): A 1, B 0.9, C 0.6, F 0.2 (D failed, E error) → best 1, worst 0.2, 4 units
//	  B 20 × (0.6 + 0.4 × 0.7/0.8) = 19; C 20 × (0.6 + 0.4 × 0.4/0.8) = 16; F the worst: 12; A 20
//	same_rel: every value 5, best == worst → full 10
//	empty_rel: nobody has a value → a population of none; each unit missing, 0
var relWant = map[string][4]float64{
	"A": {10, 20, 10, 0}, "B": {8, 19, 10, 0}, "C": {5, 16, 10, 0}, "E": {9.09, 0, 10, 0}, "F": {20, 12, 10, 0},
}

func relProgram(t *testing.T, o *engine.Options) (*engine.Program, *indicators.Ruleset) {
	t.Helper()
	rs, err := rulesets.LoadFile("testdata/relative/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Compile(rs, o)
	if err != nil {
		t.Fatal(err)
	}
	return p, rs
}

func TestRelativeEdges(t *testing.T) {
	p, rs := relProgram(t, &engine.Options{Workers: 2, Explain: true})
	units, _, _, err := data.ReadAll("testdata/relative/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Units {
		want, ok := relWant[u.Unit]
		if !ok {
			if !u.Failed() {
				t.Errorf("%s scored, want it failed", u.Unit)
			}
			continue
		}
		for k, w := range want {
			if got := u.Indicators[k].Points; got != w {
				t.Errorf("%s.%s: %v points, want %v (%s)", u.Unit, u.Indicators[k].ID, got, w, u.Indicators[k].Explain)
			}
		}
		if u.Indicators[3].Status != indicators.StatusMissing {
			t.Errorf("%s.empty_rel status %s, want missing", u.Unit, u.Indicators[3].Status)
		}
	}
	pops := res.Summary.Populations
	want := []indicators.RelativeStat{
		{ID: "cost_rel", Method: "best_ratio", Reverse: true, Population: indicators.Population{Min: 100, Max: 400, Count: 5}},
		{ID: "quality", Method: "efficacy", Population: indicators.Population{Min: 0.2, Max: 1, Count: 4}},
		{ID: "same_rel", Method: "efficacy", Population: indicators.Population{Min: 5, Max: 5, Count: 5}},
		{ID: "empty_rel", Method: "best_ratio"},
	}
	if len(pops) != len(want) {
		t.Fatalf("populations %+v, want %+v", pops, want)
	}
	for i := range want {
		if pops[i] != want[i] {
			t.Errorf("population %d: %+v, want %+v", i, pops[i], want[i])
		}
	}
	// The explanation names the population and the unit's place: E's 220
	// is third after 100 and 200.
	e := res.Units[4].Indicators[0].Explain
	for _, part := range []string{"参与比较 5 个单位", "最优 100", "最差 400", "第 3 位", "20 × 最优 100 ÷ 220 = 9.09"} {
		if !strings.Contains(e, part) {
			t.Errorf("E's explanation %q lacks %q", e, part)
		}
	}
	if e := res.Units[2].Indicators[2].Explain; !strings.Contains(e, "最优与最差相同，得满分 10") {
		t.Errorf("best == worst explanation: %q", e)
	}
}

func TestRelativePopulationOfOne(t *testing.T) {
	p, rs := relProgram(t, nil)
	units, _, _, err := data.ReadAll("testdata/relative/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	// C alone: its own value is best and worst, full marks in both forms.
	res, err := p.Eval(context.Background(), units[2:3])
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Units[0].Indicators; got[0].Points != 20 || got[1].Points != 20 {
		t.Errorf("a population of one: %v and %v points, want 20 and 20", got[0].Points, got[1].Points)
	}
	if c := res.Summary.Populations[0].Count; c != 1 {
		t.Errorf("population count %d, want 1", c)
	}
}

// A stream that cannot be read again cannot be scored relatively: the
// run stops and says why, rather than scoring against half a population.
func TestRelativeNeedsTwoPasses(t *testing.T) {
	p, rs := relProgram(t, &engine.Options{Lang: "en"})
	raw, err := os.ReadFile("testdata/relative/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	// A pipe: it reads once and cannot seek.
	src, err := data.OpenReader("units.csv", struct{ io.Reader }{bytes.NewReader(raw)}, data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Stream(context.Background(), src, collectSink(&engine.Result{}))
	if err == nil || !strings.Contains(err.Error(), "read twice") {
		t.Errorf("stream of a reader: %v, want an error saying the data is read twice", err)
	}
	// From the file it works, and gives the in-memory points.
	f, err := data.Open("testdata/relative/units.csv", data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res := &engine.Result{}
	if _, err := p.Stream(context.Background(), f, collectSink(res)); err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Units {
		if want, ok := relWant[u.Unit]; ok && u.Indicators[1].Points != want[1] {
			t.Errorf("streamed %s.quality %v, want %v", u.Unit, u.Indicators[1].Points, want[1])
		}
	}
}

// TestRelativeNegativeRatio: a negative value of a best_ratio indicator
// scores nothing, and its explanation (Chinese, whatever the language of
// the messages) says why in the catalogue's words, not the English of
// indicators' error, which stays English for programs.
func TestRelativeNegativeRatio(t *testing.T) {
	p, rs := relProgram(t, &engine.Options{Explain: true, Lang: "en"})
	path := t.TempDir() + "/u.csv"
	if err := os.WriteFile(path, []byte("unit,name,cost,passed,sampled,same,empty\nA,甲,200,9,10,1,\nB,乙,-5,8,10,1,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.ReadAll(path, data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	ir := res.Units[1].Indicators[0]
	const want = "人均成本（标杆） = 人均成本 -5，无法计算（比较法 best_ratio 以本单位的值除以最优值计分，值为负（-5）时这个比值没有意义：" +
		"请改用 relative: efficacy（功效系数法，可取任意值），或改写 value 公式，使值不小于 0），记 0 分（满分 20）"
	if ir.Status != indicators.StatusError || ir.Explain != want {
		t.Errorf("B.cost_rel: %s\n%s\nwant\n%s", ir.Status, ir.Explain, want)
	}
	const en = "value: best_ratio needs values of at least 0, found -5: it scores a value divided by the best one, which means nothing for a negative value; " +
		"use relative: efficacy (any values), or write the value so that it is 0 or more"
	if ir.Err == nil || ir.Err.Error() != en {
		t.Errorf("B.cost_rel error %v\nwant %s", ir.Err, en)
	}
}
