package workbench

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	stdpng "image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// screenshots is where go test -run TestBrowser -screenshots leaves a
// picture of each view, for people to look at (README shows one); without
// the flag they go to a temporary folder, so a test run changes no file.
const screenshots = "testdata/screenshots"

var keepScreenshots = flag.Bool("screenshots", false, "write the browser tests' screenshots to "+screenshots)

// browser starts headless Chromium for a test. Chromium comes from the
// distribution's packages (.ci/run installs it when absent).
func browser(t *testing.T) context.Context {
	t.Helper()
	var exe string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		t.Fatal("no Chromium to drive the page: apt-get install -y chromium (.ci/run does)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.WindowSize(1600, 1000), chromedp.Flag("lang", "zh-CN"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel3)
	// Start the browser on this context, not on the first step's shorter one.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	cfg, err := stdpng.DecodeConfig(bytes.NewReader(png))
	if err != nil || cfg.Width < 800 || cfg.Height < 600 {
		t.Fatalf("screenshot %s: %v, %dx%d", name, err, cfg.Width, cfg.Height)
	}
	dir := t.TempDir()
	if *keepScreenshots {
		dir = screenshots
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitRefresh waits until the page has drawn its n-th recomputation.
func waitRefresh(n int) chromedp.Action[chromedp.Void] {
	return chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`body[data-refreshes="%d"]`, n)))
}

// do runs browser steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		// Say what the page shows: its status, errors and findings.
		page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`['status', 'errors', 'findings'].map(id => id + ': ' + document.getElementById(id).innerText).join('\n')`))
		t.Fatalf("%v\npage:\n%s", err, page)
	}
}

// get runs one browser action that answers, failing the test on an error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// tableScores reads the unit ids and 总分 of the rows drawn.
const tableScores = `Array.from(document.querySelectorAll('#grid-rows .row')).map(r => {
	const cells = Array.from(r.children).map(c => c.textContent);
	const head = Array.from(document.querySelectorAll('#grid-head span')).map(c => c.dataset.key);
	return [r.dataset.unit, cells[head.indexOf('score')], cells[head.indexOf('grade')], cells[head.indexOf('rank')]];
})`

func TestBrowserWorkbench(t *testing.T) {
	srv := newTestServer(t, Config{})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx := browser(t)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }

	// First open: the default ruleset over its demo units, as jixiao eval.
	want := evalJSON(t, srv, nil)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"), waitRefresh(1))
	rows := get(t, ctx, chromedp.Evaluate[[][]string](tableScores))
	if len(rows) != len(want.Units) {
		t.Fatalf("the table shows %d units, jixiao eval %d", len(rows), len(want.Units))
	}
	for i, u := range want.Units { // the table is in rank order, as eval's
		wantRow := []string{u.Unit, num(u.Score), u.Grade, fmt.Sprint(u.Rank)}
		if strings.Join(rows[i], "|") != strings.Join(wantRow, "|") {
			t.Errorf("row %d: the page shows %v, jixiao eval -f json %v", i+1, rows[i], wantRow)
		}
	}
	do(t, ctx, chromedp.Click(css(`#grid-rows .row[data-unit="G03"]`)), chromedp.WaitVisible(css(`#explain:not(.muted)`)))
	explain := get(t, ctx, chromedp.Text(css(`#explain`)))
	if !strings.Contains(explain, "G03") || !strings.Contains(explain, "94.82") {
		t.Errorf("clicking G03 shows no explanation of it:\n%s", explain)
	}
	shoot(t, ctx, "table")

	// Tune: the weight of 预算执行率 from 10 to 20 moves totals and grades.
	weight := `input[data-ind="budget_execution_rate"][data-field="weight"]`
	do(t, ctx,
		chromedp.Click(css(`#tabs button[data-view="tune"]`)),
		chromedp.SetValue(css(weight), "20"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('`+weight+`').dispatchEvent(new Event('input', {bubbles: true}))`),
		waitRefresh(2))
	after := get(t, ctx, chromedp.Evaluate[[][]string](tableScores))
	migration := get(t, ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll('#migration-table tr')).map(r => Array.from(r.children).map(c => c.textContent))`))
	tuned := evalJSON(t, srv, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "20"}})
	byUnit := map[string]evalUnit{}
	for _, u := range tuned.Units {
		byUnit[u.Unit] = u
	}
	changed := 0
	for _, r := range after {
		u := byUnit[r[0]]
		if r[1] != num(u.Score) || r[2] != u.Grade {
			t.Errorf("after the weight change %s shows %s %s, want %s %s", r[0], r[1], r[2], num(u.Score), u.Grade)
		}
		for _, o := range want.Units {
			if o.Unit == r[0] && num(o.Score) != r[1] {
				changed++
			}
		}
	}
	if changed == 0 {
		t.Error("no total changed on the page after the weight change")
	}
	// The migration matrix counts the units from each old to each new grade.
	wantCells := map[string]int{}
	for _, o := range want.Units {
		wantCells[o.Grade+">"+byUnit[o.Unit].Grade]++
	}
	if len(migration) < 2 {
		t.Fatalf("no migration matrix on the page: %v", migration)
	}
	moved := 0
	for _, r := range migration[1:] {
		for j, cell := range r[1:] {
			key := r[0] + ">" + migration[0][j+1]
			if cell != fmt.Sprint(wantCells[key]) {
				t.Errorf("migration %s: the page shows %s units, want %d", key, cell, wantCells[key])
			}
			if r[0] != migration[0][j+1] && cell != "0" {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("the weight change moved no unit to another grade: the test shows nothing")
	}
	shoot(t, ctx, "tune")

	// The YAML view: the edit is in the text, in place.
	do(t, ctx, chromedp.Click(css(`#tabs button[data-view="yaml"]`)))
	if yaml := get(t, ctx, chromedp.Value(css(`#yaml`))); !strings.Contains(yaml, "  - use: budget_execution_rate\n    weight: 20\n") {
		t.Error("the YAML view does not show the new weight in place")
	}
	shoot(t, ctx, "yaml")

	// A bad data file: the error with its file and line.
	bad, err := filepath.Abs("testdata/missing-columns.csv")
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Click(css(`#tabs button[data-view="table"]`)),
		chromedp.SetUploadFiles(css(`#data-file`), []string{bad}),
		waitRefresh(3),
		chromedp.WaitVisible(css(`#errors`)))
	errText := get(t, ctx, chromedp.Text(css(`#errors`)))
	if !strings.Contains(errText, "missing-columns.csv 第 1 行") || !strings.Contains(errText, "missing-columns.csv:1:") {
		t.Errorf("the bad upload's error is not shown with its position:\n%s", errText)
	}
	shoot(t, ctx, "bad-upload")

	// Review: claims uploaded with their ruleset show the findings.
	rules, _ := filepath.Abs("../fixtures/review-demo-rules.yaml")
	claims, _ := filepath.Abs("../fixtures/review-demo.csv")
	do(t, ctx,
		chromedp.SetUploadFiles(css(`#ruleset-file`), []string{rules}),
		waitRefresh(4),
		chromedp.Click(css(`#tabs button[data-view="review"]`)),
		chromedp.SetUploadFiles(css(`#claims-file`), []string{claims}),
		chromedp.WaitVisible(css(`#findings .finding`)))
	if f := get(t, ctx, chromedp.Text(css(`#findings`))); !strings.Contains(f, "R09") || !strings.Contains(f, "多计 30 分") {
		t.Errorf("the review shows no finding of R09:\n%s", f)
	}
	shoot(t, ctx, "review")

	// History: a run kept and reopened.
	do(t, ctx,
		chromedp.Click(css(`#tabs button[data-view="history"]`)),
		chromedp.Click(css(`#save-run`)),
		chromedp.WaitVisible(css(`button[data-open-run="1"]`)),
		chromedp.Click(css(`button[data-open-run="1"]`)),
		chromedp.WaitVisible(css(`#history-detail table`)))
	if h := get(t, ctx, chromedp.Text(css(`#history-detail`))); !strings.Contains(h, "R09") {
		t.Errorf("the reopened run shows no unit R09:\n%s", h)
	}
	shoot(t, ctx, "history")
}

// evalUnit is a unit of jixiao eval -f json.
type evalUnit struct {
	Unit  string  `json:"unit"`
	Score float64 `json:"score"`
	Grade string  `json:"grade"`
	Rank  int     `json:"rank"`
}

type evalDoc struct {
	Units []evalUnit `json:"units"`
}

// evalJSON is what eval -f json writes for the default ruleset with edits
// made, over its demo units, in rank order.
func evalJSON(t *testing.T, s *Server, edits []Edit) evalDoc {
	t.Helper()
	name, src, err := builtinYAML(defaultRuleset)
	if err != nil {
		t.Fatal(err)
	}
	if src, err = applyEdits(name, src, edits); err != nil {
		t.Fatal(err)
	}
	c, err := s.compile(text{Name: name, Src: src}, true)
	if err != nil {
		t.Fatal(err)
	}
	dname, dsrc, _ := demoData(c.rs.ID)
	var b strings.Builder
	if _, err := writeEval(context.Background(), &b, "json", c.prog, dname, dsrc); err != nil {
		t.Fatal(err)
	}
	var doc evalDoc
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	ranked := make([]evalUnit, len(doc.Units))
	for _, u := range doc.Units {
		ranked[u.Rank-1] = u
	}
	doc.Units = ranked
	return doc
}

// num writes a score as the page does (at most 2 decimals, no trailing 0).
func num(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
}

func newTestServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.DB == "" {
		cfg.DB = filepath.Join(t.TempDir(), "wb.db")
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Date(2024, 3, 31, 9, 0, 0, 0, time.UTC) }
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
