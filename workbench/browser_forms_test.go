package workbench

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jixiao/jixiao/internal/formtest"
)

// TestBrowserFormsReview: two 自评表 picked in the review view are
// reviewed as jixiao review does, and the page shows each form with its
// findings (the 10号 form's claims above the rules: 多计).
func TestBrowserFormsReview(t *testing.T) {
	srv := newTestServer(t, Config{})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	dir := t.TempDir()
	files := []string{
		formtest.Form10(formtest.New(t, "自评表"), 1).Save(dir, "219001.xlsx"),
		formtest.Form10Of(formtest.New(t, "Sheet1"), 3, "219002-另一局").Save(dir, "219002.xlsx"),
	}
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"), waitRefresh(1),
		chromedp.Click(chromedp.CSS(`#tabs button[data-view="review"]`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#forms-files`), files),
		chromedp.WaitVisible(chromedp.CSS(`#forms-review`)))
	got := get(t, ctx, chromedp.Text(chromedp.CSS(`#findings`)))
	for _, want := range []string{"复核了 2 个文件", "复核自评表 2 份", "219001", "219002", "另一局", "[多计]", "219001.xlsx!自评表!"} {
		if !strings.Contains(got, want) {
			t.Errorf("the review shown lacks %q:\n%.1500s", want, got)
		}
	}
	// Every format of the review can be downloaded: the workbook too.
	formats := get(t, ctx, chromedp.Evaluate[[]string](`$('forms-download').hidden ? [] : Array.from($('forms-format').options).map(o => o.value)`))
	if !slices.Contains(formats, "xlsx") || !slices.Contains(formats, "html") {
		t.Errorf("the review's downloads: %v", formats)
	}
	head := get(t, ctx, chromedp.Evaluate[string](`fetch('/api/review', {method: 'POST', body: formsForm(state.forms, 'xlsx')}).then(r => r.arrayBuffer()).then(b => String.fromCharCode(...new Uint8Array(b).slice(0, 2)))`, chromedp.EvalAwaitPromise))
	if head != "PK" {
		t.Errorf("the review as xlsx starts %q, not as a workbook", head)
	}
	shoot(t, ctx, "forms-review")
}
