package main

// Ruleset test cases whose data reads as a data file's keys do (one
// resolution of names, data.Schema.Unit): headers as bureaus write them
// pass, and two keys for one input or a claim on no indicator stop the
// case instead of scoring one of the figures: testdata/bad/ruleset/genpkg-*.
func init() {
	badCases = append(badCases, []badCase{
		{name: "test cases: data keyed as a data file is", args: []string{"test", R + "genpkg-case-data.yaml"}, exit: 1,
			stdout: []string{
				"testdata/bad/ruleset/genpkg-case-data.yaml:14:5: test 两个支出: keys \"spent\" and \"支出\" both give input spent (支出): keep one of them",
				"testdata/bad/ruleset/genpkg-case-data.yaml:18:5: test 自评写错指标: data names \"claimed.exce\", which names no indicator of ruleset case-data",
				"1 passed, 2 failed"}},
	}...)
}
