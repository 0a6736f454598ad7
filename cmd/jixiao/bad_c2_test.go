package main

// Bad rules above the indicator row (contract 2): each misuse is named
// where it stands; a rule that cannot be worked out fails its unit alone.
func init() {
	badCases = append(badCases, []badCase{
		{name: "c2 cap without a number", args: rs("c2-cap-no-number.yaml"), exit: 2,
			stderr: []string{"testdata/bad/ruleset/c2-cap-no-number.yaml:10:9: adjust cap: expected a number or a formula, found nothing (e.g. cap: 89)"}},
		{name: "c2 outcome for an unknown grade", args: rs("c2-outcome-unknown-grade.yaml"), exit: 2,
			stderr: []string{`testdata/bad/ruleset/c2-outcome-unknown-grade.yaml:9:5: outcome for grade "优秀": the ruleset has no such grade (its grades: 优, 良, 中, 差)`}},
		{name: "c2 values of no indicator", args: rs("c2-points-unknown.yaml"), exit: 2,
			stderr: []string{`testdata/bad/ruleset/c2-points-unknown.yaml:9:19: adjust rule exec_cap when: values.exce: the ruleset has no indicator "exce" (did you mean values.exec?)`}},
		// ok.csv: U1 and U2 have budget 100 → 100 / 0: both fail, named.
		{name: "c2 rule divides by zero", args: rs("c2-rule-divides-by-zero.yaml"), exit: 1, stderr: []string{"jixiao: 2 of 2 units could not be scored"},
			stdout: []string{"adjust rule per_budget add: cannot be worked out for this unit (division by zero)"}},
		{name: "c2 input named total", args: rs("c2-input-named-total.yaml"), exit: 2,
			stderr: []string{`testdata/bad/ruleset/c2-input-named-total.yaml:5:3: input id "total" is a name of adjust and outcome formulas (points, values, total): rename the input, e.g. total_value`}},
	}...)
}
