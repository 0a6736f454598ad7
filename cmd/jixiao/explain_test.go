package main

import (
	"strings"
	"testing"
)

var explainArgs = []string{"explain", "-r", "testdata/explain/ruleset.yaml", "-d", "testdata/explain/units.csv"}

// TestExplainGolden compares the derivations of testdata/explain with
// golden files checked by hand against testdata/explain/README.md.
func TestExplainGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
		code   int
	}{
		// E1: every scoring form, 不适用 rescaling, a failed check, claims.
		{"E1 text", []string{"E1"}, "testdata/explain/E1.golden", exitOK},
		{"E1 markdown", []string{"E1", "-f", "md"}, "testdata/explain/E1.md.golden", exitOK},
		// E3: ÷0 in two indicators, a deduction below 0, value ≥ 2T.
		{"E3 text", []string{"E3"}, "testdata/explain/E3.golden", exitOK},
		// E4 has a bad cell: its errors, exit 1.
		{"E4 failed", []string{"E4"}, "testdata/explain/E4.golden", exitUnitsFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, _ := runTool(t, "", append(explainArgs, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			checkGolden(t, tc.golden, out)
		})
	}
}

func TestExplainErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		err  string
	}{
		{"no such unit", append(explainArgs, "E9"), "jixiao: no unit \"E9\" in testdata/explain/units.csv (units: E1, E2, E3, E4)\n"},
		{"bad format", append(explainArgs, "E1", "-f", "pdf"), "jixiao: unknown format \"pdf\": want one of text, md\n"},
		{"no unit", explainArgs, "jixiao: accepts 1 arg(s), received 0\nRun 'jixiao --help' for usage.\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runTool(t, "", tc.args...)
			if code != exitNothing || out != "" || errOut != tc.err {
				t.Errorf("exit %d out %q err %q, want 2 and %q", code, out, errOut, tc.err)
			}
		})
	}
}

// TestExplainSeed explains the seed unit on the default ruleset: the
// report's 59.93 % 预算执行率 (153.51 ÷ 256.14 = 0.5993206…, shown 59.9321%) gives 5.99 of 10, the total is 66.35 (中).
func TestExplainSeed(t *testing.T) {
	code, out, _ := runTool(t, "", "explain", "LS2022", "-d", "../../fixtures/lusong-grid-2022.yaml")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, line := range []string{
		"      值            spent ÷ budget = 全年执行数（财政拨款支出） 153.51 ÷ 全年预算数 256.14 = 59.9321%",
		"      计分规则      未达到目标，按比例计分：分值 × 值 ÷ 目标 = 10 × 59.9321% ÷ 100.00% = 5.99321",
		"  总分          各指标得分之和 = 66.35",
		"  等级          中（总分 66.35 ≥ 60）",
		"    total_is_project_plus_basic",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("no line %q in:\n%s", line, out)
		}
	}
}

// TestExplainRelative: a ruleset with relative indicators reads its data
// twice (the population first); explain reads it through the catch of its
// unit, which must rewind too — and the unit is explained against the
// run's population, not alone (alone it would get full marks). C02's cost
// 250 among 200, 200, 220, 250, 300, 400 (C07's blank left out) is the
// fourth best, lower being better: 20 × 200 ÷ 250 = 16, as expected.json
// of the public contract-2 suite has it; its total 91, rank 3.
func TestExplainRelative(t *testing.T) {
	code, out, errOut := runCLI(t, "explain", "-r", "../../engine/testdata/conformance2/ruleset.yaml",
		"-d", "../../engine/testdata/conformance2/units.csv", "C02")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"参与比较 6 个单位，最优 200，最差 400，本单位第 4 位；得分 = 20 × 最优 200 ÷ 250 = 16",
		"调整后 = 91", "排名          3 / 7"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain of C02 lacks %q:\n%s", want, out)
		}
	}
}
