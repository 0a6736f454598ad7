package main

// The bad-input cases of formula limits, ids named like built-in
// functions and tabs in YAML (files testdata/bad/**/limits-*).
func init() {
	badCases = append(badCases, []badCase{
		// Ranges of constant bounds that every unit would build count
		// together against the memory limit of a unit.
		{name: "limits: ranges of all formulas", args: rs("limits-ranges.yaml"), exit: 2,
			stderr: []string{"testdata/bad/ruleset/limits-ranges.yaml:8:38: indicator c score: with the formulas before it, every unit would build ranges of 1200000 elements, more than the limit of 1000000 per unit: use shorter ranges"}},
		// Ranges up to an input count together while running: U1 builds
		// 600000 elements twice and fails at the second indicator; U2 is
		// scored.
		{name: "limits: ranges of one unit", args: []string{"eval", "-r", bad + "limits-ranges-runtime.yaml", "-d", D + "limits-ranges.csv"}, exit: 1,
			stderr: []string{unitsFailed},
			stdout: []string{"testdata/bad/data/limits-ranges.csv:2: indicator again score: the formula needs more than 1000000 list elements or characters (the memory limit of jixiao); simplify the formula (the limit is for all the formulas of a unit together)",
				"   1  U2    乙   |    50 |    50 |  100  优"}},
		{name: "limits: input named abs", args: rs("limits-builtin-input.yaml"), exit: 2,
			stderr: []string{"testdata/bad/ruleset/limits-builtin-input.yaml:4:3: input id \"abs\" is the name of a built-in function of formulas (abs(...)): rename the input, e.g. abs_value\n |   abs:   {label: 绝对数}\n | ..^"}},
		// yaml.v3 names the line above for a tab after a plain value.
		{name: "limits: tab on line 25", args: rs("limits-tab-middle.yaml"), exit: 2,
			stderr: []string{"testdata/bad/ruleset/limits-tab-middle.yaml:25:1: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)\n |    weight: 100\n | ^"}},
		{name: "limits: tab after a blank line", args: rs("limits-tab-after-blank.yaml"), exit: 2,
			stderr: []string{"testdata/bad/ruleset/limits-tab-after-blank.yaml:5:1: yaml: found character that cannot start any token (YAML indents with spaces, not tabs)"}},
		// The tab inside the flow mapping of line 3 is a space (YAML allows
		// it); the one before the list item of line 6 is not.
		{name: "limits: tab after flow mappings", args: rs("limits-tab-flow.yaml"), exit: 2,
			stderr: []string{"testdata/bad/ruleset/limits-tab-flow.yaml:6:1: yaml: found character that cannot start any token (YAML indents with spaces, not tabs)"}},
		{name: "limits: tab in data YAML", args: badData("limits-tab.yaml"), exit: 2,
			stderr: []string{"testdata/bad/data/limits-tab.yaml:8:1: yaml: found a tab character that violates indentation (YAML indents with spaces, not tabs)\n |  spent: 100\n | ^"}},
	}...)
}
