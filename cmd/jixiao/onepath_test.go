package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestEvalPinned runs the commands of testdata/onepath/cases.txt and holds
// what they write to the outputs of the writers that held every unit in
// memory, before eval took one path for every format (testdata/onepath
// README.md): text and xlsx byte for byte, selfeval workbooks cell by
// cell (value, style, link, merges, sizes, page setup), standard error
// and the exit status as they were.
func TestEvalPinned(t *testing.T) {
	cases, err := os.ReadFile("testdata/onepath/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sc := bufio.NewScanner(bytes.NewReader(cases))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		name, args := fields[0], fields[1:]
		t.Run(name, func(t *testing.T) {
			binary := strings.Contains(" "+strings.Join(args, " ")+" ", " -f xlsx ") ||
				strings.Contains(" "+strings.Join(args, " ")+" ", " -f selfeval ")
			path := filepath.Join(dir, name+".out")
			if binary {
				args = append(args, "-o", path)
			}
			code, out, errOut := jixiao(t, "", args...)
			if binary {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				out = string(b)
			}
			if updatingGolden() {
				// A change of output on purpose: check the new bytes by hand
				// (git diff testdata/onepath).
				os.WriteFile("testdata/onepath/"+name+".out", []byte(out), 0o644)
				os.WriteFile("testdata/onepath/"+name+".err", []byte(fmt.Sprintf("%sexit %d\n", errOut, code)), 0o644)
			}
			want, err := os.ReadFile("testdata/onepath/" + name + ".out")
			if err != nil {
				t.Fatal(err)
			}
			wantErr, err := os.ReadFile("testdata/onepath/" + name + ".err")
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%sexit %d\n", errOut, code); got != string(wantErr) {
				t.Errorf("stderr and status:\n%s\nwant:\n%s", got, wantErr)
			}
			if strings.Contains(name, "selfeval") {
				got, want := workbookDump(t, []byte(out)), workbookDump(t, want)
				if got != want {
					at := firstDiff([]byte(got), []byte(want))
					t.Fatalf("workbook differs at\n%s\nwant\n%s", around(got, at), around(want, at))
				}
				return
			}
			if out != string(want) {
				at := firstDiff([]byte(out), want)
				t.Fatalf("output differs at byte %d:\n%s\nwant:\n%s", at, around(out, at), around(string(want), at))
			}
		})
	}
}

// workbookDump describes what a reader of a workbook sees, one line a
// fact, so that two workbooks compare as text: the sheets in order, each
// cell's raw value, style and link, the merged ranges, row heights,
// column widths, panes and page setup, and the document properties.
func workbookDump(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("read workbook: %v", err)
	}
	defer f.Close()
	var out strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&out, format+"\n", args...) }
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	props, _ := f.GetDocProps()
	line("props %s", js(props))
	for _, sheet := range f.GetSheetList() {
		line("sheet %q", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols := 12
		for _, r := range rows {
			cols = max(cols, len(r)+2)
		}
		for r := 1; r <= len(rows)+3; r++ {
			h, _ := f.GetRowHeight(sheet, r)
			line("row %d height %v", r, h)
			for c := 1; c <= cols; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				v, _ := f.GetCellValue(sheet, cell)
				id, _ := f.GetCellStyle(sheet, cell)
				st, _ := f.GetStyle(id)
				ok, link, _ := f.GetCellHyperLink(sheet, cell)
				if v == "" && id == 0 && !ok {
					continue
				}
				line("%s v=%q style=%s link=%v %q", cell, v, js(st), ok, link)
			}
		}
		for c := 1; c <= cols; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, _ := f.GetColWidth(sheet, name)
			line("col %s width %v", name, w)
		}
		merged, _ := f.GetMergeCells(sheet)
		var refs []string
		for _, m := range merged {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(refs)
		line("merged %s", strings.Join(refs, " "))
		panes, _ := f.GetPanes(sheet)
		layout, _ := f.GetPageLayout(sheet)
		sp, _ := f.GetSheetProps(sheet)
		line("panes %s layout %s props %s", js(panes), js(layout), js(sp))
	}
	return out.String()
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(s string, i int) string {
	lo, hi := max(0, i-300), min(len(s), i+300)
	return s[lo:hi]
}

// TestEvalRepeatInWorkbook: a unit id repeated in a workbook fails the
// later unit with a message that names its sheet and row, as the reader's
// own messages do, whatever the format.
func TestEvalRepeatInWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "数据"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"unit", "name", "budget_initial", "budget", "spent", "done", "plan", "quality_tier", "satisfied", "surveyed"},
		{"U1", "甲单位", 90, 100, 95, 120, 100, "A", 95, 100},
		{"U2", "乙单位", 90, 100, 95, 120, 100, "A", 95, 100},
		{"U1", "丙单位", 90, 100, 95, 120, 100, "A", 95, 100},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("数据", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "units.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	want := "sheet 数据, row 4: unit U1 appears again: it was first at line 2"
	for _, format := range []string{"csv", "table", "md"} {
		code, out, errOut := jixiao(t, "", "eval", "-r", "../../report/testdata/sample.yaml", "-d", path, "-f", format)
		if code != exitUnitsFailed || !strings.Contains(out, want) {
			t.Errorf("-f %s: exit %d, output lacks %q:\n%s\n%s", format, code, want, out, errOut)
		}
	}
}
