package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const conformanceRuleset = "../../engine/testdata/conformance/ruleset.yaml"
const conformanceData = "../../engine/testdata/conformance/units.csv"

// runCLI runs the command line with empty standard input.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return jixiao(t, "", args...)
}

func TestEvalDefaults(t *testing.T) {
	code, out, errOut := runCLI(t, "eval")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []string{"grid-center", "排名", "总分", "等级", "共 "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalConformanceJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "eval", "-r", conformanceRuleset, "-d", conformanceData, "-f", "json")
	if code != exitUnitsFailed {
		t.Fatalf("exit %d, want %d (4 units fail); stderr:\n%s", code, exitUnitsFailed, errOut)
	}
	var res struct {
		Ruleset struct{ ID, SHA256 string }
		Data    struct{ SHA256 string }
		Units   []struct {
			Unit   string
			Score  *float64
			Errors []struct {
				Row                           int
				Column, Field, Value, Message string
			}
		}
		Summary struct{ Units, Errors int }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if res.Ruleset.ID != "conformance" || len(res.Ruleset.SHA256) != 64 || len(res.Data.SHA256) != 64 {
		t.Errorf("audit stamp %+v %+v", res.Ruleset, res.Data)
	}
	if res.Summary.Units != 32 || res.Summary.Errors != 4 || len(res.Units) != 32 {
		t.Errorf("summary %+v, %d units", res.Summary, len(res.Units))
	}
	c25 := res.Units[24]
	if c25.Unit != "C25" || c25.Score != nil || len(c25.Errors) != 1 {
		t.Fatalf("C25 = %+v", c25)
	}
	if e := c25.Errors[0]; e.Row != 26 || e.Column != "C" || e.Field != "paid" || e.Value != "12..5" {
		t.Errorf("C25 error %+v", e)
	}
	if !strings.Contains(errOut, "4 of 32 units could not be scored") {
		t.Errorf("stderr lacks the failure count:\n%s", errOut)
	}
}

func TestEvalBadRuleset(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	os.WriteFile(path, []byte("id: x\ninputs: {spent: {}}\nindicators:\n  - {id: a, weight: 10, value: spnet, target: \">= 1\"}\n"), 0o644)
	code, out, errOut := runCLI(t, "eval", "-r", path, "-d", conformanceData)
	if code != exitNothing || out != "" {
		t.Fatalf("exit %d, stdout %q; want %d and nothing", code, out, exitNothing)
	}
	if !strings.Contains(errOut, path+":4:32: indicator a value: unknown input \"spnet\"") {
		t.Errorf("stderr:\n%s", errOut)
	}
}

func TestEvalUnreadable(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no such data", []string{"eval", "-d", "no-such.csv"}, "no-such.csv: open data: no such file or directory"},
		{"no such ruleset", []string{"eval", "-r", "no-such.yaml"}, "no-such.yaml: read ruleset: no such file or directory"},
		{"unknown built-in", []string{"eval", "-r", "nope"}, "no ruleset file nope and no built-in ruleset of that id"},
		{"unknown format", []string{"eval", "-f", "pdf"}, "unknown format \"pdf\""},
		{"bad flag", []string{"eval", "--frobnicate"}, "unknown flag: --frobnicate"},
		{"bad sort", []string{"eval", "--sort", "height"}, "--sort \"height\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tc.args...)
			if code != exitNothing || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, exitNothing, tc.want)
			}
		})
	}
}

func TestEvalOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.json")
	os.WriteFile(out, []byte("previous"), 0o644)
	// A run that fails before writing leaves the previous output intact.
	if code, _, _ := runCLI(t, "eval", "-r", "nope", "-f", "json", "-o", out); code != exitNothing {
		t.Fatalf("exit %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous" {
		t.Fatalf("previous output changed: %q", b)
	}
	code, stdout, errOut := runCLI(t, "eval", "-f", "json", "-o", out)
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d stdout %q stderr %s", code, stdout, errOut)
	}
	b, _ := os.ReadFile(out)
	if !json.Valid(b) {
		t.Errorf("output file is not JSON: %.200s", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestSettings(t *testing.T) {
	t.Setenv("JIXIAO_FORMAT", "json")
	code, out, _ := runCLI(t, "eval")
	if code != exitOK || !json.Valid([]byte(out)) {
		t.Fatalf("JIXIAO_FORMAT=json: exit %d, output %.100s", code, out)
	}
	// A flag wins over the environment.
	if _, out, _ := runCLI(t, "eval", "-f", "table"); json.Valid([]byte(out)) {
		t.Errorf("-f table did not win over JIXIAO_FORMAT")
	}
	t.Setenv("JIXIAO_FORMAT", "")
	os.Unsetenv("JIXIAO_FORMAT")
	cfg := filepath.Join(t.TempDir(), "jixiao.yaml")
	os.WriteFile(cfg, []byte("format: json\nruleset: dept-2013\n"), 0o644)
	code, out, errOut := runCLI(t, "--config", cfg, "eval")
	if code != exitOK || !strings.Contains(out, `"id":"dept-2013"`) {
		t.Fatalf("config file: exit %d, stderr %s, output %.200s", code, errOut, out)
	}
}

func TestRulesetsAndIndicators(t *testing.T) {
	code, out, _ := runCLI(t, "rulesets")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, id := range []string{"grid-center", "dept-2013", "selfeval-2020"} {
		if !strings.Contains(out, id) {
			t.Errorf("rulesets lacks %s:\n%s", id, out)
		}
	}
	code, out, _ = runCLI(t, "indicators", "预算")
	if code != exitOK || !strings.Contains(out, "预算执行率") {
		t.Errorf("indicators 预算: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "indicators", "没有这种指标"); code != exitUnitsFailed {
		t.Errorf("indicators with no match: exit %d, want 1", code)
	}
}

// TestTestGoesOnPastABrokenRuleset: a ruleset that does not load is
// reported, the others are still tested, and the exit status is 2.
func TestTestGoesOnPastABrokenRuleset(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("id: x\nindicators: [\n"), 0o644)
	code, out, errOut := runCLI(t, "test", bad, "selfeval-2020")
	if code != exitNothing {
		t.Fatalf("exit %d, want %d", code, exitNothing)
	}
	if !strings.Contains(errOut, bad+":") || !strings.Contains(errOut, "1 of 2 rulesets did not load") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !strings.Contains(out, "4 passed, 0 failed") {
		t.Errorf("the loadable ruleset was not tested:\n%s", out)
	}
}
