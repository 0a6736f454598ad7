package main

// Issue 17's bad inputs: relative:, panel:, monitor: in rulesets, and
// panel data whose rows disagree (testdata/bad/*/rel-*).
func init() {
	const panelData = D + "rel-panel-disagree.csv"
	const threeFailed = "jixiao: 3 of 3 units could not be scored (see their errors in the output)"
	badCases = append(badCases, []badCase{
		{name: "rel: unknown relative method", args: rs("rel-relative-bad.yaml"), exit: 2,
			stderr: []string{R + `rel-relative-bad.yaml:8:15: relative: want best_ratio or efficacy, found "best"`}},
		{name: "rel: reverse true on a target", args: rs("rel-reverse-true.yaml"), exit: 2,
			stderr: []string{R + `rel-reverse-true.yaml:9:14: indicator s: reverse: true applies only to a relative indicator (a "<=" target takes reverse: linear or ratio)`}},
		{name: "rel: panel value is a formula", args: rs("rel-panel-formula.yaml"), exit: 2,
			stderr: []string{R + `rel-panel-formula.yaml:9:12: indicator s: panel reads each rater's points from one input, so value must name an input, found "spent / budget"`}},
		{name: "rel: spread above 1", args: rs("rel-spread.yaml"), exit: 2,
			stderr: []string{R + "rel-spread.yaml:9:13: spread is a share of the weight, from 0 to 1, found 1.5"}},
		{name: "rel: monitor bounds reversed", args: rs("rel-monitor.yaml"), exit: 2,
			stderr: []string{R + "rel-monitor.yaml:2:10: monitor: want 0 <= yellow <= green, found yellow 0.9 and green 0.8"}},
		{name: "rel: panel rows disagree", args: []string{"eval", "-r", R + "rel-panel.yaml", "-d", panelData}, exit: 1, stderr: []string{threeFailed},
			stdout: []string{
				panelData + ":3: unit U1: input budget (预算) differs between its rater rows: row 2 (张) has 100, row 3 (王) has 120; inputs other than the panel's points must be the same on every row of a unit",
				panelData + ":5: unit U2: rater 张 has two rows (rows 4 and 5): give each rater one row per unit",
				panelData + ":6: unit U3, row 6 (张): plan (方案评分) is a rater's points, from 0 to the indicator's weight 10, found 11",
			}},
	}...)
}
