package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badCase is one bad input of the corpus under testdata/bad (see its
// README.md) and what jixiao must answer.
type badCase struct {
	name string
	// args of the command line; R and D stand for testdata/bad/ruleset/
	// and testdata/bad/data/, {tmp} for a fresh temporary directory.
	args []string
	exit int
	// stderr and stdout hold substrings the streams must contain: each
	// message with its file:line:col.
	stderr, stdout []string
}

const (
	bad = "testdata/bad/"
	R   = bad + "ruleset/"
	D   = bad + "data/"
	ok  = bad + "ok.yaml"
	okD = bad + "ok.csv"
)

// asJSON asks for JSON output, whose scores DESIGN.md fixes.
func asJSON(args []string) []string { return append(args, "-f", "json") }

// rs evaluates ok.csv against a bad ruleset; badData evaluates a bad data file
// against ok.yaml.
func rs(file string) []string      { return []string{"eval", "-r", R + file, "-d", okD} }
func badData(file string) []string { return []string{"eval", "-r", ok, "-d", D + file} }

// unitsFailed is what stderr says when the run finished with failed units.
const unitsFailed = "jixiao: 1 of 2 units could not be scored (see their errors in the output)"

var badCases = []badCase{
	// Rulesets that cannot be loaded or compiled: nothing is evaluated
	// (exit 2), and the message names file:line:col.
	{name: "empty ruleset", args: rs("empty.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/empty.yaml: the file is empty"}},
	{name: "blank ruleset", args: rs("blank.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/blank.yaml: the file is empty"}},
	{name: "binary ruleset", args: rs("binary.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/binary.yaml:3:1: the file holds binary data (a NUL byte), not YAML text"}},
	{name: "GBK ruleset", args: rs("gbk.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/gbk.yaml:2:8: the file is not UTF-8 text (byte 0xCD); it looks like GB18030 (GBK): save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8"}},
	{name: "unclosed bracket", args: rs("unclosed-bracket.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/unclosed-bracket.yaml:2:9: yaml: did not find expected ',' or '}' (this { is not closed)\n | inputs: {spent: {label: 支出}\n | ........^"}},
	{name: "tab indentation", args: rs("tab-indent.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/tab-indent.yaml:3:1: yaml: found character that cannot start any token (YAML indents with spaces, not tabs)"}},
	{name: "list at top", args: rs("list-at-top.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/list-at-top.yaml:1:1: a ruleset is a mapping of id, title, inputs, indicators ..., found a list"}},
	{name: "unknown key", args: rs("unknown-key.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/unknown-key.yaml:2:1: unknown key "titel" in ruleset (want id, title, version, grades, missing, reverse, inputs, checks, indicators, overshoot, adjust, max_total, outcomes, tests, monitor)`}},
	{name: "unknown indicator key", args: rs("unknown-indicator-key.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/unknown-indicator-key.yaml:7:5: indicator exec has no weight",
			`testdata/bad/ruleset/unknown-indicator-key.yaml:7:16: unknown key "wieght" in indicator`}},
	{name: "duplicate key", args: rs("duplicate-key.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/duplicate-key.yaml:2:1: duplicate key "id"`}},
	{name: "duplicate indicator id", args: rs("duplicate-indicator-id.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/duplicate-indicator-id.yaml:8:5: duplicate id "exec": already used by the indicator at line 7`}},
	{name: "no ruleset id", args: rs("no-id.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/no-id.yaml:1:1: the ruleset has no id"}},
	{name: "no indicators", args: rs("no-indicators.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/no-indicators.yaml:1:1: the ruleset has no indicators"}},
	{name: "empty indicator list", args: rs("empty-indicators.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/empty-indicators.yaml:6:13: indicators: the list is empty"}},
	{name: "weight as text", args: rs("weight-text.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/weight-text.yaml:7:24: weight: expected a number, found "十"`}},
	{name: "weight as list", args: rs("weight-list.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/weight-list.yaml:7:24: weight: expected a number, found a list"}},
	{name: "weight zero", args: rs("weight-zero.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/weight-zero.yaml:7:24: weight must be above 0, found 0"}},
	{name: "weight 1e309", args: rs("weight-huge.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/weight-huge.yaml:7:24: weight: expected a finite number, found 1e309, which is out of range"}},
	{name: "unknown input", args: rs("unknown-input.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/unknown-input.yaml:7:35: indicator exec value: unknown input \"spnet\" (did you mean spent?)\n" +
			" |   - {id: exec, weight: 60, value: spnet / budget, target: \">= 1\"}\n" +
			" | ..................................^"}},
	{name: "unknown input in a block formula", args: rs("unknown-input-block.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/unknown-input-block.yaml:12:9: indicator exec value: unknown input \"budgt\" (did you mean budget?)"}},
	{name: "condition where a number is needed", args: rs("type-error-bool-value.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/type-error-bool-value.yaml:7:35: indicator exec value: the formula gives true or false where a number is needed"}},
	{name: "number where a condition is needed", args: rs("type-error-band-condition.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/type-error-band-condition.yaml:7:66: indicator exec band condition: the formula gives a number where a condition (true or false) is needed"}},
	{name: "arithmetic on a tier", args: rs("type-error-tier-arithmetic.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/type-error-tier-arithmetic.yaml:7:40: indicator exec value: invalid operation: * (mismatched types string and int): a tier input holds a letter (A, B or C), not a number"}},
	{name: "formula syntax", args: rs("formula-syntax.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/formula-syntax.yaml:7:43: indicator exec value: unexpected "/"`}},
	{name: "two scoring forms", args: rs("two-forms.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/two-forms.yaml:7:5: indicator exec has 2 scoring forms (target, score): give exactly one of target, bands, tiers, deduct, score"}},
	{name: "no scoring form", args: rs("no-form.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/no-form.yaml:7:5: indicator exec has no scoring form: give one of target, bands, tiers, deduct, score"}},
	{name: "target without comparator", args: rs("bad-target.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/bad-target.yaml:7:59: target "1": want a comparator (>=, <= or =) and an expression, e.g. ">= 0.95"`}},
	{name: "grade bands ascending", args: rs("grades-ascending.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/grades-ascending.yaml:8:5: grade 优: min 90 must be below the min of the grade before it (60)"}},
	{name: "no grade bands", args: rs("grades-empty.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/grades-empty.yaml:6:9: grades: the list is empty"}},
	{name: "grade without label", args: rs("grade-no-label.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/grade-no-label.yaml:7:5: a grade needs min and label"}},
	{name: "tier points above the weight", args: rs("tier-fraction-above-1.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/tier-fraction-above-1.yaml:7:55: tier A: a fraction of the weight between 0 and 1, found 1.5"}},
	{name: "unknown tier", args: rs("unknown-tier.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/unknown-tier.yaml:7:52: unknown tier "D" (want A, B, C)`}},
	{name: "else before a band", args: rs("else-not-last.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/else-not-last.yaml:7:59: else must be the last band"}},
	{name: "unknown missing policy", args: rs("missing-policy.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/missing-policy.yaml:2:10: missing: want zero or error, found "skip"`}},
	{name: "id starting with a digit", args: rs("indicator-id-digit.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/indicator-id-digit.yaml:7:10: indicator id "1exec" is not an identifier: use letters, digits and _, not starting with a digit`}},
	{name: "reserved input id", args: rs("reserved-input.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/reserved-input.yaml:3:3: input id "value" is a reserved word`}},
	{name: "unknown library id", args: rs("unknown-library-id.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/unknown-library-id.yaml:7:11: use: the indicator library has no "no_such_indicator" (see jixiao indicators)`}},
	{name: "broken test file beside the ruleset", args: rs("broken-tests.yaml"), exit: 2,
		stderr: []string{`testdata/bad/ruleset/broken-tests.test.yaml:4:14: unknown key "scor" in expect (want score, grade, points, status, adjustments, outcome, change)`}},
	{name: "hostile: huge range", args: rs("hostile-range.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/hostile-range.yaml:7:41: indicator exec score: the range 1..1000000000 has 1000000000 elements, more than the limit of 1000000"}},
	{name: "hostile: repeat", args: rs("hostile-repeat.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/hostile-repeat.yaml:7:40: indicator exec score: repeat() is not allowed in formulas: it can build text or lists of any size"}},
	{name: "hostile: nested loops", args: rs("hostile-loops.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/hostile-loops.yaml:7:36: indicator exec score: the formula may run up to 1001000 loop steps on one unit, more than the limit of 1000000"}},
	{name: "hostile: formula too large", args: rs("hostile-size.yaml"), exit: 2,
		stderr: []string{"testdata/bad/ruleset/hostile-size.yaml:7:2042: indicator exec score: the formula has more than 500 nodes (a limit of jixiao): simplify it\n | …spent + spent"}},
	{name: "missing ruleset file", args: []string{"eval", "-r", R + "no-such-file.yaml", "-d", okD}, exit: 2,
		stderr: []string{"testdata/bad/ruleset/no-such-file.yaml: read ruleset: no such file or directory"}},
	{name: "unknown built-in ruleset", args: []string{"eval", "-r", "no-such-ruleset", "-d", okD}, exit: 2,
		stderr: []string{"no-such-ruleset: no ruleset file no-such-ruleset and no built-in ruleset of that id (built-in: dept-2013, grid-center, selfeval-2020)"}},
	{name: "ruleset is a directory", args: []string{"eval", "-r", R, "-d", okD}, exit: 2,
		stderr: []string{"testdata/bad/ruleset/: read ruleset: is a directory"}},

	// Data files that cannot be read: nothing is evaluated (exit 2).
	{name: "empty data", args: badData("empty.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/empty.csv: the data file is empty: want a header row (unit, name, inputs...)"}},
	{name: "header only", args: badData("header-only.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/header-only.csv: the data holds no units"}},
	{name: "no unit column", args: badData("no-unit-column.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/no-unit-column.csv:1: the header has no unit column (unit, 单位编码, 单位代码 or 编码, the unit's id); its columns are name, spent, budget, tier"}},
	{name: "duplicate column", args: badData("duplicate-column.csv"), exit: 2,
		stderr: []string{`testdata/bad/data/duplicate-column.csv:1:4: column "spent" appears twice (columns B and D)`}},
	{name: "bare quote", args: badData("bare-quote.csv"), exit: 2,
		stderr: []string{`testdata/bad/data/bare-quote.csv:2:7: a " inside a field that does not start with one: quote the whole field and double the " inside ("甲""乙")`}},
	{name: "unclosed quote", args: badData("unclosed-quote.csv"), exit: 2,
		stderr: []string{`testdata/bad/data/unclosed-quote.csv:2:15: a quoted field is not closed where it should be`}},
	{name: "binary data", args: badData("binary.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/binary.csv:2:4: the file holds binary data (a NUL byte), not text: want a CSV, JSON or YAML text file"}},
	{name: "workbook named .csv", args: badData("zip.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/zip.csv: the file is a ZIP archive (an XLSX workbook?), not text: give a workbook the .xlsx extension, or save it as CSV UTF-8"}},
	{name: "neither UTF-8 nor GBK", args: badData("neither-encoding.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/neither-encoding.csv:2:4: the text is neither UTF-8 nor GB18030 (GBK) (byte 0xFF): save the file as UTF-8 (Excel: 另存为 → CSV UTF-8), or convert it with iconv -f GB18030 -t UTF-8"}},
	{name: "UTF-8 then GBK", args: badData("mixed-encoding.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/mixed-encoding.csv:3:4: invalid UTF-8 (byte 0xD2) in a file that is UTF-8 before this point: the file mixes encodings; save it as UTF-8 (Excel: 另存为 → CSV UTF-8)"}},
	{name: "YAML syntax", args: badData("yaml-syntax.yaml"), exit: 2,
		stderr: []string{"testdata/bad/data/yaml-syntax.yaml:2:9: yaml: did not find expected ',' or '}' (this { is not closed)"}},
	{name: "YAML not a list", args: badData("yaml-not-list.yaml"), exit: 2,
		stderr: []string{"testdata/bad/data/yaml-not-list.yaml:1:1: want a list of units, each {unit, name, data: {input: value}}"}},
	{name: "JSON syntax", args: badData("json-syntax.json"), exit: 2,
		stderr: []string{"testdata/bad/data/json-syntax.json:1:37: json: invalid character ']' after object key:value pair"}},
	{name: "unknown data format", args: badData("unknown-format.xls"), exit: 2,
		stderr: []string{`testdata/bad/data/unknown-format.xls: unknown data format ".xls"`}},
	{name: "missing data file", args: badData("no-such-file.csv"), exit: 2,
		stderr: []string{"testdata/bad/data/no-such-file.csv: open data: no such file or directory"}},

	// Bad units: the run finishes (exit 1), the unit is reported with
	// file:row:column, the value and why, and the other unit is scored.
	{name: "ragged row, short", args: badData("ragged-short.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/ragged-short.csv:3: row 3 has 4 fields, the header has 5: column E (tier) and after are missing"}},
	{name: "ragged row, long", args: badData("ragged-long.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/ragged-long.csv:3:6: row 3 has 6 fields, the header has 5: column F ("多余") has no header`}},
	{name: "duplicate unit id", args: badData("duplicate-unit.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/duplicate-unit.csv:3: unit U1 appears again: it was first at line 2, which is scored; unit ids must be unique"}},
	{name: "missing unit id", args: badData("missing-unit-id.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/missing-unit-id.csv:3: the unit has no id (column unit)"}},
	{name: "misplaced thousands separator", args: badData("thousands-misplaced.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/thousands-misplaced.csv:2:3: row 2, column C: spent (支出): not a number: "12,34" has a misplaced thousands separator (the input's unit is 万元)`}},
	{name: "two decimal points", args: badData("not-a-number.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/not-a-number.csv:2:3: row 2, column C: spent (支出): not a number: "1.2.3" (the input's unit is 万元)`}},
	{name: "exponent", args: badData("exponent.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/exponent.csv:2:3: row 2, column C: spent (支出): not a number: "1e5"`}},
	{name: "number beyond float64", args: badData("huge-number.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/huge-number.csv:2:3: row 2, column C: spent (支出): not a number: "1000`, `" is out of range`}},
	{name: "wrong unit suffix", args: badData("wrong-unit.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/wrong-unit.csv:2:3: row 2, column C: spent (支出): not a number: "153.51元" (the input's unit is 万元)`}},
	{name: "tier fraction out of its band", args: badData("tier-out-of-band.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/tier-out-of-band.csv:2:5: row 2, column E: tier (档次): tier "A:0.5": fraction 0.5 is outside tier A (达成) band [0.8, 1]`}},
	{name: "unknown tier letter", args: badData("unknown-tier.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/unknown-tier.csv:2:5: row 2, column E: tier (档次): unknown tier "D": want A, B, C, 达成, 部分达成 or 未达成`}},
	{name: "number for a tier", args: badData("tier-number.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/tier-number.csv:2:5: row 2, column E: tier (档次): unknown tier "0.9"`}},
	{name: "every indicator N/A", args: badData("all-na.csv"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/all-na.csv:2: every indicator is 不适用: nothing to score"}},
	{name: "YAML value true", args: badData("yaml-bool-value.yaml"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/yaml-bool-value.yaml:2:17: spent (支出): want a number or text, found true"}},
	{name: "YAML unknown key", args: badData("yaml-unknown-key.yaml"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/yaml-unknown-key.yaml:2:3: dtaa: unknown key: want unit, name, data"}},
	{name: "YAML 1e309", args: badData("yaml-huge.yaml"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`testdata/bad/data/yaml-huge.yaml:2:17: spent (支出): not a number: "1e309"`}},
	{name: "JSON Lines broken line", args: badData("jsonl-bad-line.jsonl"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/jsonl-bad-line.jsonl:2:36: not a JSON object {unit, name, data}: unexpected end of JSON input"}},
	{name: "JSON Lines list value", args: badData("jsonl-list-value.jsonl"), exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/jsonl-list-value.jsonl:1: spent (支出): want a number or text, found [1]"}},
	{name: "blank cell under missing: error", args: []string{"eval", "-r", bad + "missing-error.yaml", "-d", D + "blank-cell.csv"}, exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/blank-cell.csv:2: input spent (支出) is missing and the ruleset says missing: error"}},
	// U1's range has 5000 × 1000 = 5·10⁶ elements, over the budget of 10⁶;
	// U2's has 50000.
	{name: "formula over the memory limit for one unit", args: []string{"eval", "-r", bad + "hostile-runtime.yaml", "-d", D + "loop-heavy.csv"}, exit: 1, stderr: []string{unitsFailed},
		stdout: []string{"testdata/bad/data/loop-heavy.csv:2: indicator loop score: the formula needs more than 1000000 list elements or characters (the memory limit of jixiao); simplify the formula"}},
	// U2: 50/100 of 60 = 30, and its loop scores 40 → 70.
	{name: "the other unit is scored", args: []string{"eval", "-r", bad + "hostile-runtime.yaml", "-d", D + "loop-heavy.csv", "-f", "json"}, exit: 1, stderr: []string{unitsFailed},
		stdout: []string{`{"unit":"U2","name":"乙","score":70,"grade":"中","rank":1,`, `"code":"formula_limit"`}},

	// Read with a warning: the run goes well (exit 0).
	// U1: 1,234.5万元 / 2000 × 60 = 37.035 → 37.04, 达成 0.9 × 40 = 36.
	{name: "GBK data", args: asJSON(badData("gbk.csv")), exit: 0,
		stderr: []string{"warning: testdata/bad/data/gbk.csv:2: the file is GB18030 (GBK), as older Chinese systems and Excel's plain CSV write it; it was converted to UTF-8"},
		stdout: []string{`{"unit":"U1","name":"甲区网格化管理服务中心","score":73.04,"grade":"中","rank":1,`}},
	// Headers by label (单位编码, 支出, ...) in GBK: 50/100 × 60 = 30, A = 36.
	{name: "GBK headers", args: asJSON(badData("gbk-headers.csv")), exit: 0,
		stderr: []string{"warning: testdata/bad/data/gbk-headers.csv:1: the file is GB18030 (GBK)"},
		stdout: []string{`{"unit":"U1","name":"甲区","score":66,"grade":"中","rank":1,`}},
	{name: "UTF-16 data", args: asJSON(badData("utf16.csv")), exit: 0,
		stderr: []string{`warning: testdata/bad/data/utf16.csv: the file is UTF-16 (Excel's "Unicode text"); it was converted to UTF-8`},
		stdout: []string{`{"unit":"U1","name":"甲","score":66,"grade":"中","rank":1,`}},
	{name: "byte-order mark", args: asJSON(badData("bom.csv")), exit: 0,
		stdout: []string{`{"unit":"U1","name":"甲","score":66,"grade":"中","rank":1,`}},
	// 50 ÷ 0 never gives points: the indicator is an error with 0 of 60,
	// the unit is scored (36 from its tier) and the run goes well.
	{name: "division by zero", args: asJSON(badData("zero-budget.csv")), exit: 0,
		stdout: []string{`{"unit":"U1","name":"甲","score":36,"grade":"差","rank":2,`,
			`"id":"exec","label":"预算执行率","group":[],"weight":60,"value":null,"points":0,"status":"error","flags":[],"explain":"预算执行率 = 支出 50 ÷ 预算 0 = +∞，无法计算（除以零），记 0 分（满分 60）"`}},
	{name: "unknown column", args: badData("unknown-column.csv"), exit: 0,
		stderr: []string{`warning: testdata/bad/data/unknown-column.csv:1:6: column "remark" is not an input of ruleset bad-base; it is ignored`}},

	// Output that cannot be written: nothing is written (exit 2).
	{name: "output into a missing directory", args: []string{"eval", "-r", ok, "-d", okD, "-o", "{tmp}/no-such-dir/out.json", "-f", "json"}, exit: 2,
		stderr: []string{"jixiao: create {tmp}/no-such-dir/out.json: no such file or directory"}},
	{name: "output under a file", args: []string{"eval", "-r", ok, "-d", okD, "-o", okD + "/out.json", "-f", "json"}, exit: 2,
		stderr: []string{"jixiao: create testdata/bad/ok.csv/out.json: not a directory"}},
	{name: "output onto a directory", args: []string{"eval", "-r", ok, "-d", okD, "-o", "{tmp}", "-f", "json"}, exit: 2,
		stderr: []string{"jixiao: create {tmp}: is a directory"}},

	// Flags.
	{name: "unknown format", args: []string{"eval", "-r", ok, "-d", okD, "-f", "pdf"}, exit: 2,
		stderr: []string{`jixiao: unknown format "pdf": want one of table, json`}},
	{name: "unknown sort key", args: []string{"eval", "-r", ok, "-d", okD, "--sort", "colour"}, exit: 2,
		stderr: []string{`jixiao: --sort "colour": want one of`}},
	{name: "unknown flag", args: []string{"eval", "--colour"}, exit: 2,
		stderr: []string{"jixiao: unknown flag: --colour", "Run 'jixiao --help' for usage."}},
}

// TestBadInputs runs every bad input of the corpus through the command
// line and checks the exit status and each message with its position.
func TestBadInputs(t *testing.T) {
	if n := len(badCases); n < 50 {
		t.Fatalf("the corpus has %d cases, want at least 50", n)
	}
	for _, tc := range badCases {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "{tmp}", tmp)
			}
			var stdout, stderr bytes.Buffer
			code := runContext(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			if code != tc.exit {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", code, tc.exit, stderr.String())
			}
			for _, want := range tc.stderr {
				if want = strings.ReplaceAll(want, "{tmp}", tmp); !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks\n%s\nstderr:\n%s", want, stderr.String())
				}
			}
			for _, want := range tc.stdout {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("stdout lacks\n%s\nstdout:\n%s", want, stdout.String())
				}
			}
			if tc.exit == 2 && tc.stdout == nil && stdout.Len() > 0 {
				t.Errorf("nothing was evaluated, yet stdout has\n%s", stdout.String())
			}
			// No run leaves a temporary output file behind.
			if left, _ := filepath.Glob(filepath.Join(tmp, ".*.tmp*")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// Every file of the corpus is used by some case, so none rots unseen.
func TestBadCorpusFilesAreUsed(t *testing.T) {
	used := map[string]bool{}
	for _, tc := range badCases {
		for _, a := range tc.args {
			used[filepath.Clean(a)] = true
		}
	}
	err := filepath.Walk(bad, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || strings.HasSuffix(path, ".test.yaml") || strings.HasSuffix(path, "README.md") || strings.HasPrefix(info.Name(), ".") {
			return err
		}
		if !used[filepath.Clean(path)] {
			t.Errorf("%s is in the corpus but no case uses it", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
