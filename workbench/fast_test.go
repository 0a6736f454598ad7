package workbench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/jixiao/jixiao/diff"
)

// TestCompareScoredIsDiff: the tuning loop's comparison, made from compact
// rows, is diff.Diff of the two engine.Results, unit for unit (but the
// relative indicators' population figures, which it leaves out).
func TestCompareScoredIsDiff(t *testing.T) {
	s := newTestServer(t, Config{DB: ":memory:"})
	data := population(t, 500)
	name, src, _ := builtinYAML(defaultRuleset)
	base := text{Name: name, Src: src}
	edited, err := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}, {Grade: "优", Field: "min", Value: "85"}})
	if err != nil {
		t.Fatal(err)
	}
	cur := text{Name: name, Src: edited}
	ctx := context.Background()
	res, gotc, err := s.retune(ctx, cur, base, data)
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := s.compile(cur, false)
	bc, _ := s.compile(base, false)
	newRes, _, err := s.result(ctx, cc, data)
	if err != nil {
		t.Fatal(err)
	}
	oldRes, _, _ := s.result(ctx, bc, data)
	got := gotc.Comparison
	want := diff.Diff(oldRes, newRes)
	want.Populations = nil
	if len(got.Units) != 500 || got.Units[0].Unit != want.Units[0].Unit {
		t.Fatalf("compared %d units", len(got.Units))
	}
	moved := 0
	for i := range want.Units {
		if want.Units[i].Delta != 0 {
			moved++
		}
		if !reflect.DeepEqual(got.Units[i], want.Units[i]) {
			t.Fatalf("unit %s: compact %+v, diff.Diff %+v", want.Units[i].Unit, got.Units[i], want.Units[i])
		}
	}
	if moved == 0 {
		t.Fatal("the edit moved no unit: the comparison tested nothing")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comparison differs from diff.Diff:\nmigration %+v\nwant      %+v\nindicators %+v\nwant       %+v", got.Migration, want.Migration, got.Indicators, want.Indicators)
	}
	// The rows carry eval's numbers.
	for i, u := range newRes.Units {
		r := res.rows[i]
		if r.unit != u.Unit || r.score != u.Score || r.grade != u.Grade || r.rank != u.Rank || r.checks != u.FailedChecks() {
			t.Fatalf("row %d: %+v, eval %s %v %s %d", i, r, u.Unit, u.Score, u.Grade, u.Rank)
		}
		pts, _ := res.pointsOf(i)
		for k := range u.Indicators {
			if pts[k] != u.Indicators[k].Points {
				t.Fatalf("row %d indicator %d: %v, eval %v", i, k, pts[k], u.Indicators[k].Points)
			}
		}
	}
}

// TestViewPages100k: over 100,000 generated units a view sends one page of
// rows, sorted and filtered on the server, and stays small.
func TestViewPages100k(t *testing.T) {
	s := newTestServer(t, Config{DB: ":memory:", MaxUpload: 256 << 20})
	data := population(t, 100000)
	w := post(t, s, "/api/datasets", map[string]text{"data": data}, nil, nil)
	var ds Dataset
	if err := json.Unmarshal(w.Body.Bytes(), &ds); err != nil || ds.SHA256 == "" {
		t.Fatalf("dataset: %.300s", w.Body)
	}
	name, src, _ := builtinYAML(defaultRuleset)
	edited, _ := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}})
	ws := workspace{Name: name, YAML: string(edited), BaseName: name, BaseYAML: string(src), Dataset: ds.SHA256,
		Page: &page{Offset: 1000, Limit: 100, Sort: "delta", Desc: true}}
	w = postJSON(t, s, "/api/view", ws)
	var v view
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil || v.Error != nil {
		t.Fatalf("view: %v %.500s", err, w.Body)
	}
	if n := w.Body.Len(); n > 200<<10 { // all rows would be some 30 MB
		t.Errorf("a page of 100 rows is %d bytes", n)
	}
	t.Logf("a page of 100 rows of 100,000 units (sorted by change): %d bytes, %d ms", w.Body.Len(), v.Millis)
	if v.Total != 100000 || v.Matched != 100000 || v.Offset != 1000 || len(v.Units) != 100 {
		t.Fatalf("total %d matched %d offset %d rows %d", v.Total, v.Matched, v.Offset, len(v.Units))
	}
	deltas := make([]float64, len(v.Units))
	for i, u := range v.Units {
		if u.Delta != nil {
			deltas[i] = *u.Delta
		}
	}
	if !slices.IsSortedFunc(deltas, func(a, b float64) int { return cmpFloat(b, a) }) {
		t.Errorf("rows not by change, largest first: %v", deltas)
	}
	// Filtered by a grade: every row of it, the count the chart shows.
	grade := v.Grades[1]
	ws.Page = &page{Limit: 50, Grade: grade.Label}
	w = postJSON(t, s, "/api/view", ws)
	v = view{}
	json.Unmarshal(w.Body.Bytes(), &v)
	t.Logf("the next page (kept scores, filtered by grade %s): %d bytes, %d ms", grade.Label, w.Body.Len(), v.Millis)
	if v.Matched != grade.Units || v.Matched == 0 || len(v.Units) != min(50, grade.Units) {
		t.Fatalf("grade %s: matched %d of %d, %d rows", grade.Label, v.Matched, grade.Units, len(v.Units))
	}
	for i, u := range v.Units {
		if u.Grade != grade.Label {
			t.Fatalf("grade filter %s let through %s %s", grade.Label, u.Unit, u.Grade)
		}
		if i > 0 && cmpRank(v.Units[i-1].Rank, u.Rank) > 0 {
			t.Fatalf("rows not by rank: %d before %d", v.Units[i-1].Rank, u.Rank)
		}
	}
	// A page cannot ask for everything.
	ws.Page = &page{Limit: 1 << 30}
	w = postJSON(t, s, "/api/view", ws)
	v = view{}
	json.Unmarshal(w.Body.Bytes(), &v)
	if len(v.Units) != maxPage {
		t.Errorf("a page asked for every row got %d rows, want %d", len(v.Units), maxPage)
	}
}

// TestBrowserPages: with more units than a page, the table in the browser
// gets its rows from the server as it scrolls: the last unit by rank is
// drawn once the view is scrolled to the bottom, and the count is of all.
func TestBrowserPages(t *testing.T) {
	srv := newTestServer(t, Config{})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx := browser(t)
	const n = 3000
	data := population(t, n)
	file := filepath.Join(t.TempDir(), data.Name)
	if err := os.WriteFile(file, data.Src, 0o644); err != nil {
		t.Fatal(err)
	}
	name, src, _ := builtinYAML(defaultRuleset)
	res, _, err := srv.retune(context.Background(), text{Name: name, Src: src}, text{}, data)
	if err != nil {
		t.Fatal(err)
	}
	last := 0
	for i := range res.rows {
		if cmpRank(res.rows[i].rank, res.rows[last].rank) >= 0 {
			last = i
		}
	}
	do(t, ctx, chromedp.Navigate(ts.URL+"/"), waitRefresh(1),
		chromedp.SetUploadFiles(chromedp.CSS(`#data-file`), []string{file}), waitRefresh(2))
	if c := get(t, ctx, chromedp.Text(chromedp.CSS(`#count`))); c != fmt.Sprintf("显示 %d / %d 个单位", n, n) {
		t.Errorf("count: %q", c)
	}
	drawn := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#grid-rows .row').length`))
	if drawn == 0 || drawn >= defaultPage {
		t.Errorf("%d rows drawn of %d", drawn, n)
	}
	do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('grid-body').scrollTop = 1e9`),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#grid-rows .row[data-unit="%s"]`, res.rows[last].unit))))
	// The page holds one page of rows, the one at the bottom, not all.
	held := get(t, ctx, chromedp.Evaluate[[]int](`[state.page.offset, state.page.units.length]`))
	if held[0] == 0 || held[1] == 0 || held[1] > 300 || held[0]+held[1] != n {
		t.Errorf("the page holds rows %d..%d of %d", held[0], held[0]+held[1], n)
	}
}
