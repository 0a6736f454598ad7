package main

// Headers as bureaus write them (full-width, a unit in brackets, a slip of
// one word), data for another ruleset, optional inputs and the claim
// headers jixiao prints: files testdata/bad/*/columns-*.
func init() {
	badCases = append(badCases, []badCase{
		// Read as the ruleset's inputs: U1 50/100 × 60 = 30, A 0.9 × 40 = 36.
		{name: "columns: a unit in brackets of either width", args: asJSON(badData("columns-brackets.csv")), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":66,"grade":"中","rank":2,`}},
		{name: "columns: full-width letters and spaces", args: asJSON(badData("columns-fullwidth.csv")), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":66,"grade":"中","rank":2,`}},
		{name: "columns: claims headed as jixiao prints them", args: asJSON(badData("columns-claims.csv")), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":66,"grade":"中","rank":2,"claimed":{"score":66,"grade":"中"},`,
				`{"unit":"U2","name":"乙","score":88,"grade":"良","rank":1,"claimed":{"score":90,"grade":"优"},`}},

		// Refused before anything is written (exit 2).
		{name: "columns: another unit in brackets", args: asJSON(badData("columns-wrong-unit.csv")), exit: 2,
			stderr: []string{`testdata/bad/data/columns-wrong-unit.csv:1:3: column "支出（元）" names input spent (支出) with "元" in brackets, which is not the input's unit 万元: if the figures are in 元, convert them to 万元; head the column 支出（万元） or 支出`}},
		{name: "columns: two columns for one input", args: asJSON(badData("columns-two-for-one.csv")), exit: 2,
			stderr: []string{`testdata/bad/data/columns-two-for-one.csv:1:4: columns C ("spent") and D ("支出（万元）") both give input spent (支出): keep one of them`}},
		{name: "columns: an input no column gives", args: asJSON(badData("columns-absent.csv")), exit: 2,
			stderr: []string{"testdata/bad/data/columns-absent.csv:1: ruleset bad-base reads inputs that no column gives, and every unit would score 0 on them:\n" +
				"  budget (预算): did you mean \"预算数\" (column D)?\n" +
				"name each by its id or label (a column may add the input's unit in brackets), or mark an input that units may lack optional: true in the ruleset"}},
		// JSON Lines streams: the error comes after the last unit, and
		// still nothing is written, to stdout or to -o.
		{name: "columns: an input no unit of JSON Lines gives", args: asJSON(badData("columns-absent.jsonl")), exit: 2,
			stderr: []string{"testdata/bad/data/columns-absent.jsonl: ruleset bad-base reads inputs that no key gives, and every unit would score 0 on them:\n" +
				"  tier (档次): did you mean \"档次评价\" (line 1)?"}},
		{name: "columns: an input no unit of JSON Lines gives, to a file", args: []string{"eval", "-r", ok, "-d", D + "columns-absent.jsonl", "-f", "csv", "-o", "{tmp}/out.csv"}, exit: 2,
			stderr: []string{"testdata/bad/data/columns-absent.jsonl: ruleset bad-base reads inputs that no key gives"}},
		// -r forgotten: the default ruleset is not the data's.
		{name: "columns: another ruleset's data", args: []string{"eval", "-d", D + "columns-dept-2013.csv", "-f", "json"}, exit: 2,
			stderr: []string{"testdata/bad/data/columns-dept-2013.csv:1: the data has a column for only 6 of the 30 inputs of ruleset grid-center: it looks like data for another ruleset; no column for:\n  exp_basic (基本支出)\n",
				"  … and 19 more\nit fits the built-in ruleset dept-2013: run with -r dept-2013\n"}},
		{name: "columns: data that fits no built-in ruleset", args: []string{"eval", "-r", "selfeval-2020", "-d", okD, "-f", "json"}, exit: 2,
			stderr: []string{"testdata/bad/ok.csv:1: the data has a column for only 2 of the 18 inputs of ruleset selfeval-2020: it looks like data for another ruleset",
				"it fits none of the built-in rulesets (dept-2013, grid-center, selfeval-2020) either: give the data's own ruleset with -r FILE"}},

		// An optional input the data lacks: every unit is missing on it
		// (合规性 0 of 20), said once; U1 25 + 27 = 52.
		{name: "columns: an optional input the data lacks", args: []string{"eval", "-r", R + "columns-optional.yaml", "-d", okD, "-f", "json"}, exit: 0,
			stderr: []string{"warning: testdata/bad/ok.csv:1: no column gives input violations (违规问题数), which is optional in ruleset columns-optional: every unit is missing on it\n"},
			stdout: []string{`{"unit":"U1","name":"甲","score":52,"grade":"差","rank":2,`, `"id":"compliance","label":"合规性","group":[],"weight":20,"value":null,"points":0,"status":"missing"`}},
		{name: "columns: lint takes an optional input", args: []string{"lint", R + "columns-optional.yaml"}, exit: 0},
		{name: "columns: optional is true or false", args: rs("columns-optional-not-bool.yaml"), exit: 2,
			stderr: []string{`testdata/bad/ruleset/columns-optional-not-bool.yaml:4:43: input budget: optional: expected true or false, found "是"`}},
	}...)
}
