package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jixiao runs the command line with buffers and returns the exit status
// and both outputs.
func jixiao(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestGenFormatsEvalAlike generates the same units as CSV, XLSX and JSON
// Lines and scores each: the CSV reports are byte for byte the same, and
// gen gives the same file twice.
func TestGenFormatsEvalAlike(t *testing.T) {
	dir := t.TempDir()
	var reports []string
	for _, ext := range []string{"csv", "xlsx", "jsonl"} {
		path := filepath.Join(dir, "units."+ext)
		if code, _, errOut := jixiao(t, "", "gen", "-r", "dept-2013", "-n", "300", "--seed", "4", "-o", path); code != 0 {
			t.Fatalf("gen %s: exit %d: %s", ext, code, errOut)
		}
		code, out, errOut := jixiao(t, "", "eval", "-r", "dept-2013", "-d", path, "-f", "csv")
		if code != 0 {
			t.Fatalf("eval %s: exit %d: %s", ext, code, errOut)
		}
		reports = append(reports, out)
	}
	if reports[0] != reports[1] || reports[0] != reports[2] {
		t.Fatal("the same units read from csv, xlsx and jsonl score differently")
	}
	if n := strings.Count(reports[0], "\n"); n != 301 {
		t.Fatalf("%d lines, want a header and 300 units", n)
	}
	again := filepath.Join(dir, "again.csv")
	jixiao(t, "", "gen", "-r", "dept-2013", "-n", "300", "--seed", "4", "-o", again)
	a, _ := os.ReadFile(filepath.Join(dir, "units.csv"))
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Fatal("gen is not deterministic")
	}
}

// TestEvalStreamWorkers: one worker and several give the same bytes, for
// csv (with explanations) and json.
func TestEvalStreamWorkers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.csv")
	jixiao(t, "", "gen", "-r", "grid-center", "-n", "2000", "-o", path)
	for _, f := range [][]string{{"-f", "csv", "--explain"}, {"-f", "json"}} {
		args := append([]string{"eval", "-r", "grid-center", "-d", path}, f...)
		_, one, e1 := jixiao(t, "", append(args, "--workers", "1")...)
		_, many, e2 := jixiao(t, "", append(args, "--workers", "3")...)
		if one != many || e1 != e2 {
			t.Fatalf("%v: 1 worker and 3 differ", f)
		}
	}
}

// TestEvalStreamStatus checks exit statuses and messages on the streaming
// path: a syntax error stops everything (2, nothing written), a bad unit
// is reported and the others scored (1).
func TestEvalStreamStatus(t *testing.T) {
	dir := t.TempDir()
	// The data gives budget and spent, every input of this ruleset.
	rules := filepath.Join(dir, "exec.yaml")
	os.WriteFile(rules, []byte("id: exec\ninputs:\n  budget: {label: 全年预算数, unit: 万元}\n  spent: {label: 全年执行数, unit: 万元}\n"+
		"indicators:\n  - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: \">= 1\"}\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("unit,name,budget,spent\nU1,甲,100,90\nU2,乙\"x,100,90\n"), 0o644)
	out := filepath.Join(dir, "out.csv")
	code, _, errOut := jixiao(t, "", "eval", "-r", rules, "-d", bad, "-f", "csv", "-o", out)
	if code != 2 || !strings.Contains(errOut, bad+`:3:7: a " inside a field that does not start with one`) {
		t.Errorf("syntax error: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left an output file")
	}
	some := filepath.Join(dir, "some.csv")
	os.WriteFile(some, []byte("unit,name,budget,spent\nU1,甲,100,90\nU2,乙,abc,90\nU1,丙,1,1\n"), 0o644)
	code, got, errOut := jixiao(t, "", "eval", "-r", rules, "-d", some, "-f", "csv")
	if code != 1 || !strings.Contains(errOut, "jixiao: 2 of 3 units could not be scored") {
		t.Errorf("bad units: exit %d, %q", code, errOut)
	}
	for _, want := range []string{"row 3, column C: budget (全年预算数): not a number", "unit U1 appears again: it was first at line 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	code, got, _ = jixiao(t, "unit,name,budget,spent\nU1,甲,100,90\n", "eval", "-r", rules, "-d", "-", "-f", "json")
	if code != 0 || !strings.Contains(got, `"files":["stdin"]`) || !strings.Contains(got, `"rank":1`) {
		t.Errorf("stdin: exit %d, %s", code, got)
	}
}

// TestEvalDemoUnchanged: no arguments still print the demo table, and
// json is the same whether streamed or sorted in memory (by rank, which
// the demo's input order already is not).
func TestEvalDemoUnchanged(t *testing.T) {
	code, out, _ := jixiao(t, "", "eval")
	if code != 0 || !strings.Contains(out, "共 14 个单位：优 4，良 4，中 3，差 3") {
		t.Fatalf("demo: exit %d\n%s", code, out)
	}
	_, csvOut, _ := jixiao(t, "", "eval", "-f", "csv")
	if !strings.HasPrefix(csvOut, "\ufeff单位编码,单位名称,预算执行率,") || !strings.Contains(csvOut, "\nG01,甲区网格化管理服务中心,9.55,") {
		t.Fatalf("csv:\n%s", csvOut)
	}
	// The progress bar never goes to a buffer.
	_, _, errOut := jixiao(t, "", "eval", "-f", "csv")
	if strings.Contains(errOut, "units/") || strings.Contains(errOut, "评分") {
		t.Fatalf("progress in a non-terminal: %q", errOut)
	}
}

// TestGenErrors: a format gen cannot write, or a place it cannot write
// to, is exit status 2 with nothing left behind.
func TestGenErrors(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := jixiao(t, "", "gen", "-n", "5", "-o", filepath.Join(dir, "x.txt")); code != 2 || !strings.Contains(errOut, ".csv, .jsonl or .xlsx") {
		t.Errorf("bad extension: exit %d %q", code, errOut)
	}
	if code, _, _ := jixiao(t, "", "gen", "-n", "5", "-o", filepath.Join(dir, "no", "x.csv")); code != 2 {
		t.Errorf("missing directory: exit %d", code)
	}
	if code, _, _ := jixiao(t, "", "gen", "-n", "0", "-o", filepath.Join(dir, "x.csv")); code != 2 {
		t.Errorf("no units: exit %d", code)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
