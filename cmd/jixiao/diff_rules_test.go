package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffRuleCauses: rule changes are told by label — a grade band
// lowered (优 90 → 85) is the cause of G04's (89.79) new grade 优, with no
// change of points, and not of G01's, which kept 优; changed targets are
// listed by the indicator's label.
func TestDiffRuleCauses(t *testing.T) {
	src, err := os.ReadFile("../../rulesets/grid-center.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "{min: 90, label: 优}", "{min: 85, label: 优}", 1)
	if text == string(src) {
		t.Fatal("grid-center.yaml has no 优 band at 90 to change")
	}
	path := filepath.Join(t.TempDir(), "grid-center-85.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "diff", "-r", "grid-center", "-r", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"\n规则变更\n  等级线 优 90 → 85\n",
		"\n等级变化的原因\n",
		"  G04 丁区网格化管理服务中心：良 → 优（89.79 → 89.79），因为 等级线 优 90 → 85\n",
		"  G06 己区网格化管理服务中心：良 → 优（87.61 → 87.61），因为 等级线 优 90 → 85\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "G01 甲区网格化管理服务中心：优") {
		t.Errorf("G01 kept its grade and has no cause to list:\n%s", out)
	}
	// The revised ruleset of testdata changes targets: told by label.
	_, out, _ = runCLI(t, "diff", "-r", "grid-center", "-r", "testdata/diff/grid-center-2023.yaml", "-f", "md")
	if !strings.Contains(out, "## 规则变更\n\n- 预算执行率 目标 >= 1 → >= 0.9\n") {
		t.Errorf("md lacks the target change:\n%s", out)
	}
}
