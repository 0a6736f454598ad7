package main

// Bad JSON (and keyed data) inputs: numbers no float64 holds, syntax
// errors after good units, duplicate keys in every keyed format and in
// a settings file.
func init() {
	badCases = append(badCases, []badCase{
		// One unit fails with its position; the other is scored (it used
		// to refuse the whole .json file, with no position).
		{name: "JSON 1e400", args: badData("json-huge-number.json"), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{"testdata/bad/data/json-huge-number.json:2:36: spent (支出): not a number: 1e400 is out of range"}},
		{name: "JSON 1e400, the other unit scored", args: asJSON(badData("json-huge-number.json")), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{`"field":"spent","value":"1e400","code":"bad_cell","message":"spent (支出): not a number: 1e400 is out of range"`,
				`{"unit":"U2","name":"","score":66,"grade":"中","rank":1,`}},
		{name: "JSON 400-digit integer", args: badData("json-400-digits.json"), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{"testdata/bad/data/json-400-digits.json:3:50: budget (预算): not a number: 10000000000000000000000000000000000000000000000000000000000000000000000000000000… is out of range"}},
		// A syntax error after good units stops the file where it is, and
		// nothing is written.
		{name: "JSON syntax error mid-file", args: asJSON(badData("json-syntax-mid.json")), exit: 2,
			stderr: []string{"testdata/bad/data/json-syntax-mid.json:3:39: json: invalid character '\"' after object key:value pair\n |   {\"unit\": \"U2\", \"data\": {\"spent\": 50 \"budget\": 100, \"tier\": \"A\"}}\n | ......................................^"}},
		{name: "JSON cut short", args: badData("json-truncated.json"), exit: 2,
			stderr: []string{"testdata/bad/data/json-truncated.json:3:39: json: unexpected end of JSON input"}},
		// A key given twice fails its unit at the second key.
		{name: "JSON duplicate data key", args: badData("json-dup-key.json"), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{`testdata/bad/data/json-dup-key.json:2:68: duplicate key "spent" (first at line 2, column 27): keep one`}},
		{name: "JSON Lines duplicate unit key", args: badData("json-dup-key.jsonl"), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{`testdata/bad/data/json-dup-key.jsonl:1:67: duplicate key "unit" (first at line 1, column 2): keep one`}},
		{name: "YAML duplicate data key", args: badData("json-dup-key.yaml"), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{`testdata/bad/data/json-dup-key.yaml:6:5: duplicate key "spent" (first at line 3, column 5): keep one`}},
		{name: "JSON input by id and by label", args: badData("json-id-and-label.json"), exit: 1, stderr: []string{unitsFailed},
			stdout: []string{`testdata/bad/data/json-id-and-label.json:2:68: keys "spent" and "支出" both give input spent (支出): keep one of them`}},
		{name: "JSON units list twice", args: badData("json-units-twice.json"), exit: 2,
			stderr: []string{`testdata/bad/data/json-units-twice.json:3:2: duplicate key "units" (first at line 1, column 2): keep one`}},
		// Settings are read ignoring case: format and Format are one key.
		{name: "settings key twice", args: []string{"--config", D + "json-settings-twice.json", "eval", "-r", ok, "-d", okD}, exit: 2,
			stderr: []string{"testdata/bad/data/json-settings-twice.json:3:3: key \"Format\" means the same as \"format\" (line 2, column 3): keep one\n |   \"Format\": \"csv\"\n | ..^"}},
	}...)
}
