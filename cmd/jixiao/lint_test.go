package main

import (
	"testing"
)

func TestLintCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{
			// testdata/lint/budget.yaml: staff is read by nothing; 20 + 75 =
			// 95; value >= 0.99 comes after value >= 0.9, which takes it.
			name: "warnings",
			args: []string{"lint", "testdata/lint/budget.yaml"},
			code: exitUnitsFailed,
			out: `testdata/lint/budget.yaml:11:3: warning: input staff (在职人数) is never read by any indicator or check
testdata/lint/budget.yaml:13:5: warning: indicator weights sum to 95, not 100
testdata/lint/budget.yaml:20:17: warning: indicator clearance: band 2 (value >= 0.99) can never match: band 1 (value >= 0.9) comes first and takes every value it would
`,
			err: "jixiao lint: 3 warnings\n",
		},
		{name: "clean built-in", args: []string{"lint", "grid-center"}, code: exitOK, err: "jixiao lint: no problems\n"},
		{name: "clean file", args: []string{"lint", "testdata/diff/new.yaml", "testdata/explain/ruleset.yaml"}, code: exitOK, err: "jixiao lint: no problems\n"},
		{name: "clean, in Chinese", args: []string{"--lang", "zh", "lint", "grid-center"}, code: exitOK, err: "jixiao lint：无问题\n"},
		{
			name: "warnings, in Chinese",
			args: []string{"lint", "--lang=zh", "testdata/lint/budget.yaml"},
			code: exitUnitsFailed,
			out: `testdata/lint/budget.yaml:11:3: 警告: 输入项 staff（在职人数）：没有被任何指标或审核规则用到
testdata/lint/budget.yaml:13:5: 警告: 指标权重合计 95，不是 100
testdata/lint/budget.yaml:20:17: 警告: 指标 clearance：第 2 档（value >= 0.99）永远不会匹配：第 1 档（value >= 0.9）在前，已包含它的所有取值
`,
			err: "jixiao lint：3 个警告\n",
		},
		{
			name: "cannot run, in Chinese",
			args: []string{"--lang", "zh", "lint", "testdata/lint/missing.yaml"},
			code: exitNothing,
			out:  "testdata/lint/missing.yaml: 错误: 读取规则文件失败：no such file or directory\n",
			err:  "jixiao lint：1 个错误，0 个警告\n",
		},
		{
			name: "clean and suspect together",
			args: []string{"lint", "dept-2013", "testdata/lint/budget.yaml"},
			code: exitUnitsFailed,
			out: `testdata/lint/budget.yaml:11:3: warning: input staff (在职人数) is never read by any indicator or check
testdata/lint/budget.yaml:13:5: warning: indicator weights sum to 95, not 100
testdata/lint/budget.yaml:20:17: warning: indicator clearance: band 2 (value >= 0.99) can never match: band 1 (value >= 0.9) comes first and takes every value it would
`,
			err: "jixiao lint: 3 warnings\n",
		},
		{
			name: "cannot run",
			args: []string{"lint", "testdata/lint/missing.yaml"},
			code: exitNothing,
			out:  "testdata/lint/missing.yaml: error: read ruleset: no such file or directory\n",
			err:  "jixiao lint: 1 error, 0 warnings\n",
		},
		{
			name: "no ruleset",
			args: []string{"lint"},
			code: exitNothing,
			err:  "jixiao: requires at least 1 arg(s), only received 0\nRun 'jixiao --help' for usage.\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runTool(t, "", tc.args...)
			if code != tc.code || out != tc.out || errOut != tc.err {
				t.Errorf("jixiao %v: exit %d\n--- stdout\n%s--- stderr\n%s\nwant exit %d\n--- stdout\n%s--- stderr\n%s", tc.args, code, out, errOut, tc.code, tc.out, tc.err)
			}
		})
	}
}
