package report

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// rescaleComparison: the weights go from 预算执行率 40, 满意度 40, 培训 20
// to 50, 35, 15. U1's 培训 is 不适用: old 36 + 40 = 76 over 80 → 95, new
// 45 + 35 = 80 over 85 → 94.12; of its −0.88, the points give +9 − 5 and
// the rescaling −4.88 (it added 19, now 14.12). U2 has nothing 不适用:
// 32 + 40 + 20 = 92 → 40 + 35 + 15 = 90, all in the points.
func rescaleComparison() *diff.Comparison {
	ow, nw := []float64{40, 40, 20}, []float64{50, 35, 15}
	return diff.Diff(rescaleResult("old", rescaleUnit("U1", 95, 80, ow, 36, 40), rescaleUnit("U2", 92, 100, ow, 32, 40, 20)),
		rescaleResult("new", rescaleUnit("U1", 94.12, 85, nw, 45, 35), rescaleUnit("U2", 90, 100, nw, 40, 35, 15)))
}

// rescaleUnit is a unit scored 优 on 预算执行率, 满意度 and 培训 with
// these weights, the points given, 不适用 for the indicators after them.
func rescaleUnit(id string, score, applicable float64, weights []float64, points ...float64) engine.UnitResult {
	u := engine.UnitResult{Unit: id, Name: "单位" + id, Score: score, Grade: "优", Rank: 1, Applicable: applicable}
	for k, l := range []string{"预算执行率", "满意度", "培训"} {
		ir := engine.IndicatorResult{ID: []string{"exec", "survey", "train"}[k], Label: l, Weight: weights[k], Status: indicators.StatusOK}
		if k < len(points) {
			ir.Points = points[k]
		} else {
			ir.Status = indicators.StatusNA
		}
		u.Indicators = append(u.Indicators, ir)
	}
	return u
}

func rescaleResult(id string, units ...engine.UnitResult) *engine.Result {
	return &engine.Result{Ruleset: engine.RulesetInfo{ID: id}, Summary: engine.Summary{Grades: []engine.GradeCount{{Label: "优"}}}, Units: units}
}

// TestDiffRescalingShown: the 不适用 rescaling is a cause of U1's move in
// each format's unit rows, and summed where the causes are; U2 has none.
func TestDiffRescalingShown(t *testing.T) {
	c := rescaleComparison()
	var table, md, js bytes.Buffer
	for _, w := range []struct {
		b *bytes.Buffer
		f func(io.Writer, *diff.Comparison) error
	}{{&table, DiffTable}, {&md, DiffMarkdown}, {&js, DiffJSON}} {
		if err := w.f(w.b, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []struct {
		name string
		out  *bytes.Buffer
		line string
	}{
		{"table", &table, "| U1   | 单位U1 |     95 |  94.12 | -0.88 | 优 -> 优 | 1 -> 1 | 预算执行率 +9、满意度 -5、不适用折算 -4.88（适用分值 80 -> 85） |"},
		{"table", &table, "| U2   | 单位U2 |     92 |     90 |    -2 | 优 -> 优 | 1 -> 1 | 预算执行率 +8、满意度 -5、培训 -5                               |"},
		{"table", &table, "  不适用折算：对总分的影响合计 19 → 14.12（-4.88），1 个单位"},
		{"md", &md, "| U1 | 单位U1 | 95 | 94.12 | -0.88 | 优 → 优 | 1 → 1 | 预算执行率 +9、满意度 -5、不适用折算 -4.88（适用分值 80 → 85） |"},
		{"md", &md, "| U2 | 单位U2 | 92 | 90 | -2 | 优 → 优 | 1 → 1 | 预算执行率 +8、满意度 -5、培训 -5 |"},
		{"md", &md, "- 不适用折算：对总分的影响合计 19 → 14.12（-4.88），1 个单位"},
		{"json", &js, `{"unit":"U1","name":"单位U1","old":{"score":95,"grade":"优","rank":1},"new":{"score":94.12,"grade":"优","rank":1},"delta":-0.88,"indicators":[{"id":"exec","old":36,"new":45,"delta":9},{"id":"survey","old":40,"new":35,"delta":-5}],"rescaling":{"old_applicable":80,"new_applicable":85,"old":19,"new":14.12,"delta":-4.88}},`},
		{"json", &js, `{"unit":"U2","name":"单位U2","old":{"score":92,"grade":"优","rank":1},"new":{"score":90,"grade":"优","rank":1},"delta":-2,"indicators":[{"id":"exec","old":32,"new":40,"delta":8},{"id":"survey","old":40,"new":35,"delta":-5},{"id":"train","old":20,"new":15,"delta":-5}]}`},
		{"json", &js, `"rescaling":{"old":19,"new":14.12,"delta":-4.88,"units":1}}`},
	} {
		if !strings.Contains(want.out.String(), want.line+"\n") {
			t.Errorf("%s: no line %q in:\n%s", want.name, want.line, want.out.String())
		}
	}

	var x bytes.Buffer
	if err := DiffXLSX(&x, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, cell := range []struct{ sheet, cell, want string }{
		{"单位", "J2", "预算执行率 +9、满意度 -5、不适用折算 -4.88（适用分值 80 → 85）"},
		{"单位", "J3", "预算执行率 +8、满意度 -5、培训 -5"},
		{"指标", "B5", "不适用折算（对总分的影响）"}, {"指标", "E5", "19"}, {"指标", "F5", "14.12"}, {"指标", "G5", "-4.88"}, {"指标", "H5", "1"},
	} {
		if got, err := f.GetCellValue(cell.sheet, cell.cell); err != nil || got != cell.want {
			t.Errorf("%s!%s = %q (%v), want %q", cell.sheet, cell.cell, got, err, cell.want)
		}
	}
}

// TestDiffRescalingSameWeights: applicable weights that stay 80 still
// rescale a change of points: 满意度 40 → 35 moves the total from 76 / 80
// → 95 to 71 / 80 → 88.75, −6.25 = −5 points and −1.25 rescaling; the
// weight is shown once.
func TestDiffRescalingSameWeights(t *testing.T) {
	w := []float64{40, 40, 20}
	c := diff.Diff(rescaleResult("old", rescaleUnit("U1", 95, 80, w, 36, 40)), rescaleResult("new", rescaleUnit("U1", 88.75, 80, w, 36, 35)))
	var b bytes.Buffer
	if err := DiffMarkdown(&b, c); err != nil {
		t.Fatal(err)
	}
	if want := "| 满意度 -5、不适用折算 -1.25（适用分值 80） |"; !strings.Contains(b.String(), want) {
		t.Errorf("no %q in:\n%s", want, b.String())
	}
}
