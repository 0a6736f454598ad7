package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/internal/msg"
)

// runReport runs the command line with buffers and returns the exit
// status, standard output and standard error.
func runReport(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestEvalBinaryNeedsOutput(t *testing.T) {
	for _, f := range []string{"xlsx", "selfeval"} {
		for _, o := range [][]string{nil, {"-o", "-"}} {
			code, out, errOut := runReport(t, append([]string{"eval", "-r", "selfeval-2020", "-f", f}, o...)...)
			if code != exitNothing || out != "" || !strings.Contains(errOut, "format "+f+" is binary: give -o FILE") {
				t.Errorf("-f %s %v: exit %d, stdout %d bytes, stderr %q", f, o, code, len(out), errOut)
			}
		}
	}
}

func TestEvalWritesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"table", "json", "md", "html", "xlsx", "selfeval"} {
		t.Run(f, func(t *testing.T) {
			path := filepath.Join(dir, "report."+f)
			// selfeval-2020's demo units all score and pass their checks.
			code, out, errOut := runReport(t, "eval", "-r", "selfeval-2020", "-f", f, "-o", path)
			if code != exitOK || out != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f == "xlsx" || f == "selfeval" {
				wb, err := excelize.OpenReader(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("workbook does not open: %v", err)
				}
				if n := len(wb.GetSheetList()); (f == "xlsx" && n != 3) || (f == "selfeval" && n != 15) {
					t.Errorf("%d sheets: %v", n, wb.GetSheetList())
				}
				return
			}
			if !strings.Contains(string(b), "selfeval-2020") {
				t.Errorf("%s report does not name its ruleset", f)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 {
		t.Errorf("%d files in the output folder, want the 6 reports and no temporary file", len(entries))
	}
}

// TestEvalOutputWholeOrNotAtAll checks that a report that cannot be
// written leaves the previous file as it was, and no temporary file.
func TestEvalOutputWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, []byte("previous report"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runReport(t, "eval", "-r", "selfeval-2020", "-f", "html", "-o", path, "--units", "S01,NOPE")
	if code != exitNothing || !strings.Contains(errOut, "--units: no unit NOPE in the data") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous report" {
		t.Errorf("the previous report was changed to %.40q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the folder, want 1", len(entries))
	}
}

func TestEvalReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	dir := t.TempDir()
	var files [][]byte
	for i := 0; i < 2; i++ {
		for _, f := range []string{"html", "xlsx", "selfeval", "md"} {
			path := filepath.Join(dir, f+string(rune('0'+i)))
			if code, _, errOut := runReport(t, "eval", "-f", f, "-o", path); code != exitOK {
				t.Fatalf("-f %s: exit %d: %s", f, code, errOut)
			}
			b, _ := os.ReadFile(path)
			files = append(files, b)
		}
	}
	for i := 0; i < 4; i++ {
		if !bytes.Equal(files[i], files[i+4]) {
			t.Errorf("format %d differs between two runs", i)
		}
	}
}

func TestEvalStampTime(t *testing.T) {
	tests := []struct {
		name  string
		epoch string
		args  []string
		code  int
		want  string // in stdout, or in stderr for a failure
	}{
		{"flag", "", []string{"--stamp-time", "2024-03-31T09:00:00+08:00"}, exitOK, "- 生成时间：2024-03-31T01:00:00Z"},
		{"SOURCE_DATE_EPOCH", "1711846800", nil, exitOK, "- 生成时间：2024-03-31T01:00:00Z"},
		{"flag wins", "1", []string{"--stamp-time", "2024-03-31T01:00:00Z"}, exitOK, "- 生成时间：2024-03-31T01:00:00Z"},
		{"bad flag", "", []string{"--stamp-time", "yesterday"}, exitNothing, `--stamp-time "yesterday": want RFC 3339`},
		{"bad epoch", "soon", nil, exitNothing, `SOURCE_DATE_EPOCH "soon": want whole seconds`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tc.epoch)
			code, out, errOut := runReport(t, append([]string{"eval", "-r", "selfeval-2020", "-f", "md"}, tc.args...)...)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("exit %d, want %d; output lacks %q:\n%s%s", code, tc.code, tc.want, errOut, out)
			}
		})
	}
	now := time.Date(2025, 1, 2, 3, 4, 5, 600, time.UTC)
	got, err := reportTime(msg.Printer{Lang: msg.EN}, "now", "", func() time.Time { return now })
	if err != nil || !got.Equal(now.Truncate(time.Second)) {
		t.Errorf("reportTime(now) = %v, %v", got, err)
	}
}

func TestEvalTableSameUnderChineseLocale(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "C.UTF-8")
	_, plain, _ := runReport(t, "eval")
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	_, zh, _ := runReport(t, "eval")
	if plain != zh || !strings.Contains(zh, "排名  单位  名称") {
		t.Errorf("the table differs under zh_CN.UTF-8:\n%s\n%s", plain, zh)
	}
}

// TestEvalUnitsStreamed: --units streams with every format; an id the
// data does not hold is an error before anything is written.
// (TestEvalPinned holds the kept units' output to what it was.)
func TestEvalUnitsStreamed(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"table", "json", "csv", "md", "xlsx", "html", "selfeval"} {
		out := filepath.Join(dir, "out."+f)
		code, _, errOut := runReport(t, "eval", "-f", f, "--units", "G02,NOPE,G05", "-o", out)
		if code != exitNothing || !strings.Contains(errOut, "--units: no unit NOPE in the data") {
			t.Errorf("-f %s: exit %d, stderr %q", f, code, errOut)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("-f %s: %s was written (%v)", f, out, err)
		}
	}
	code, out, errOut := runReport(t, "eval", "-f", "csv", "--units", "G05,G02", "--sort", "-unit")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		ids = append(ids, strings.SplitN(line, ",", 2)[0])
	}
	if got := strings.Join(ids, " "); got != "G05 G02" {
		t.Errorf("--units G05,G02 --sort -unit: rows %q, want G05 G02", got)
	}
}
