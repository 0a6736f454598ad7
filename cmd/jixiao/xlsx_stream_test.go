package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStreamedWorkbooksMatchExcelize: review -f xlsx and diff -f xlsx are
// streamed (they were built whole by excelize, which held every unit);
// what a reader sees must not change. testdata/xlsx holds the workbooks the
// excelize-built writers gave for the same commands (regenerated with the
// excelize writers of commit 33c04a8, which added the review's print setup
// and diff's labels, before the streamed writers replaced them), and every cell (value,
// type, style), merge, column width, pane, page setup, filter and sheet
// name is compared through excelize.
func TestStreamedWorkbooksMatchExcelize(t *testing.T) {
	for _, c := range []struct {
		want string
		args []string
		code int
	}{
		{"review-excelize.xlsx", []string{"review", "-r", demoRules, "-d", demoData}, 1},
		{"diff-excelize.xlsx", diffArgs, exitUnitsFailed},
	} {
		t.Run(c.want, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.xlsx")
			if code, _, errOut := runCLI(t, append(c.args, "-f", "xlsx", "-o", path)...); code != c.code {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			compareWorkbooks(t, filepath.Join("testdata/xlsx", c.want), path)
		})
	}
}

// compareWorkbooks reports every difference a reader of the workbooks
// would see between want and got.
func compareWorkbooks(t *testing.T, want, got string) {
	t.Helper()
	open := func(path string) *excelize.File {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	w, g := open(want), open(got)
	same := func(what string, a, b any) {
		t.Helper()
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: got %+v, want %+v", what, b, a)
		}
	}
	same("sheets", w.GetSheetList(), g.GetSheetList())
	same("active sheet", w.GetActiveSheetIndex(), g.GetActiveSheetIndex())
	same("defined names (filters)", w.GetDefinedName(), g.GetDefinedName())
	for _, sh := range w.GetSheetList() {
		call := func(what string, fn func(f *excelize.File) (any, error)) {
			t.Helper()
			a, errA := fn(w)
			b, errB := fn(g)
			// JSON follows excelize's pointers to what they point at.
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			same(sh+" "+what, fmt.Sprint(string(ja), errA), fmt.Sprint(string(jb), errB))
		}
		call("merges", func(f *excelize.File) (any, error) { return f.GetMergeCells(sh) })
		call("panes", func(f *excelize.File) (any, error) { return f.GetPanes(sh) })
		call("page layout", func(f *excelize.File) (any, error) { return f.GetPageLayout(sh) })
		call("page margins", func(f *excelize.File) (any, error) { return f.GetPageMargins(sh) })
		call("header and footer", func(f *excelize.File) (any, error) { return f.GetHeaderFooter(sh) })
		call("sheet view", func(f *excelize.File) (any, error) { return f.GetSheetView(sh, 0) })
		rows, err := w.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		grows, _ := g.GetRows(sh)
		cols := 0
		for _, r := range append(rows, grows...) {
			cols = max(cols, len(r))
		}
		// One row and column past the last value: a styled empty cell
		// beyond them is seen too.
		for c := 1; c <= cols+1; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			call("width of "+name, func(f *excelize.File) (any, error) { return f.GetColWidth(sh, name) })
		}
		for r := 1; r <= max(len(rows), len(grows))+1; r++ {
			call(fmt.Sprintf("height of row %d", r), func(f *excelize.File) (any, error) { return f.GetRowHeight(sh, r) })
			for c := 1; c <= cols+1; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				call(cell, func(f *excelize.File) (any, error) { return f.GetCellValue(sh, cell) })
				call(cell+" raw", func(f *excelize.File) (any, error) {
					return f.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
				})
				if v, _ := w.GetCellValue(sh, cell); v != "" {
					// Text inline (streamed) or shared reads the same.
					call(cell+" type", func(f *excelize.File) (any, error) {
						typ, err := f.GetCellType(sh, cell)
						if typ == excelize.CellTypeInlineString {
							typ = excelize.CellTypeSharedString
						}
						return typ, err
					})
				}
				call(cell+" style", func(f *excelize.File) (any, error) {
					id, err := f.GetCellStyle(sh, cell)
					if err != nil {
						return nil, err
					}
					st, err := f.GetStyle(id)
					if err != nil {
						return nil, err
					}
					return st, nil
				})
			}
		}
	}
}
