package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReviewPrints: review -f xlsx prints every sheet on A4 landscape,
// one page wide, with its header row repeated on every page (read back
// from the workbook), and review -f html has print CSS for A4 landscape
// with table headers that repeat (thead) and wrap rather than run off
// the page's right edge.
func TestReviewPrints(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "review.xlsx")
	args := []string{"review", "-r", "../../fixtures/review-demo-rules.yaml", "-d", "../../fixtures/review-demo.csv"}
	if code, _, errOut := runCLI(t, append(args, "-f", "xlsx", "-o", out)...); code == exitNothing {
		t.Fatalf("exit 2: %s", errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want A4 (9) landscape, 1 page wide", sheet, pl)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page not set (%v)", sheet, err)
		}
		if !strings.HasPrefix(titles[sheet], "'"+sheet+"'!$") {
			t.Errorf("%s: repeated header rows %q", sheet, titles[sheet])
		}
	}
	if len(f.GetSheetList()) != 3 {
		t.Errorf("sheets %v", f.GetSheetList())
	}
	html := filepath.Join(dir, "review.html")
	if code, _, errOut := runCLI(t, append(args, "-f", "html", "-o", html)...); code == exitNothing {
		t.Fatalf("exit 2: %s", errOut)
	}
	b, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"@page { size: A4 landscape;", "thead { display: table-header-group; }", "<thead><tr><th>序号</th>", "th { white-space: normal; }"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("review html lacks %q", want)
		}
	}
}
