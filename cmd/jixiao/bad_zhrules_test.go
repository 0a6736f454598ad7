package main

import "testing"

// The bad rulesets of the Chinese messages (zhrules-*): the corpus runs
// in English (TestMain), TestLintInChinese runs the same file in Chinese.
func init() {
	badCases = append(badCases, []badCase{
		{name: "lint: a misspelt input, weights and grades", args: []string{"lint", R + "zhrules-lint.yaml"}, exit: 2,
			stdout: []string{
				"testdata/bad/ruleset/zhrules-lint.yaml:4:5: warning: totals below 60 get no grade: the lowest grade 良 starts at 60 (add a grade with min: 0)",
				"testdata/bad/ruleset/zhrules-lint.yaml:9:5: warning: indicator weights sum to 90, not 100",
				`testdata/bad/ruleset/zhrules-lint.yaml:9:49: error: indicator exec value: unknown input "spnt" (did you mean spent?)`,
			},
			stderr: []string{"jixiao lint: 1 error, 2 warnings"}},
	}...)
}

// TestLintInChinese: jixiao lint under JIXIAO_LANG=zh words every issue,
// its severity and the summary in Chinese, the same information as the
// English of the corpus case above.
func TestLintInChinese(t *testing.T) {
	t.Setenv("JIXIAO_LANG", "zh")
	code, out, errOut := runTool(t, "", "lint", R+"zhrules-lint.yaml")
	want := `testdata/bad/ruleset/zhrules-lint.yaml:4:5: 警告: 总分低于 60 时没有等级：最低等级 良 从 60 起（请加一个 min: 0 的等级）
testdata/bad/ruleset/zhrules-lint.yaml:9:5: 警告: 指标权重合计 90，不是 100
testdata/bad/ruleset/zhrules-lint.yaml:9:49: 错误: 指标 exec 的 value：未知的名称 "spnt"（是否应为 spent？）
`
	if code != exitNothing || out != want || errOut != "jixiao lint：1 个错误，2 个警告\n" {
		t.Errorf("exit %d\n--- stdout\n%s--- stderr\n%s\nwant exit %d\n--- stdout\n%s", code, out, errOut, exitNothing, want)
	}
}
