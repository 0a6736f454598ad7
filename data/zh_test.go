package data

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// firstMessage is what a reader says first of file name holding text,
// read in language lang: the error that stops the file, else the first
// error of a unit, else the first warning.
func firstMessage(t *testing.T, lang, name, text string) string {
	t.Helper()
	src, err := Options{Lang: lang}.OpenReader(name, strings.NewReader(text), NewSchema(testRuleset()))
	if err != nil {
		return err.Error()
	}
	defer src.Close()
	for {
		u, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err.Error()
		}
		if len(u.Errors) > 0 {
			return u.Errors[0].Error()
		}
	}
	if w := src.Warnings(); len(w) > 0 {
		return w[0].Error()
	}
	return ""
}

// TestMessagesInBothLanguages pins the main messages of the data readers
// in Chinese, the default, and in English (Options.Lang "en"): the same
// information, the English as it always was.
func TestMessagesInBothLanguages(t *testing.T) {
	for _, c := range []struct {
		name, file, text string
		zh, en           string
	}{
		{"not a number", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,abc,1,A,5\n",
			`t.csv:2:3: 第 2 行，C 列：spent（执行数）："abc" 不是数值（这一输入的计量单位为 万元）：请填写数字，或将单元格格式设为“常规”`,
			`t.csv:2:3: row 2, column C: spent (执行数): not a number: "abc" (the input's unit is 万元)`},
		{"thousands", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,\"1,23\",1,A,5\n",
			"t.csv:2:3: 第 2 行，C 列：spent（执行数）：\"1,23\" 的千位分隔符（逗号）位置不对：请每三位一个逗号，或不写逗号",
			"t.csv:2:3: row 2, column C: spent (执行数): not a number: \"1,23\" has a misplaced thousands separator (the input's unit is 万元)"},
		{"lookalike", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,10²,1,A,5\n",
			"t.csv:2:3: 第 2 行，C 列：spent（执行数）：\"10²\" 中的 '²'（U+00B2）只是看起来像 \"2\"：请用普通的数字、符号和字母重新输入",
			"t.csv:2:3: row 2, column C: spent (执行数): not a number: \"10²\" holds '²' (U+00B2), which only looks like \"2\": type the cell with plain digits, signs and letters"},
		{"tier band", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,1,1,A:0.5,5\n",
			`t.csv:2:5: 第 2 行，E 列：q（质量）：档次 "A:0.5" 的比例 0.5 不在 A（达成）档的范围 [0.8, 1] 内：请改正比例，或改选相应的档次`,
			`t.csv:2:5: row 2, column E: q (质量): tier "A:0.5": fraction 0.5 is outside tier A (达成) band [0.8, 1]`},
		{"no tier", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,1,1,好,5\n",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：\"好\" 不是评价档次：请填写 A、B、C、达成、部分达成 或 未达成",
			"t.csv:2:5: row 2, column E: q (质量): unknown tier \"好\": want A, B, C, 达成, 部分达成 or 未达成"},
		{"no unit column", "t.csv", "name,spent,n,q,pct\n甲,1,1,A,5\n",
			"t.csv:1: 表头没有单位编码列（unit、单位编码、单位代码 或 编码）：请加一列写明各单位的编码；现有的列为 name、spent、n、q、pct",
			"t.csv:1: the header has no unit column (unit, 单位编码, 单位代码 or 编码, the unit's id); its columns are name, spent, n, q, pct"},
		{"absent input", "t.csv", "unit,name,执行数额,n,q,pct\nU1,甲,1,1,A,5\n",
			"t.csv:1: 规则集 t 要读取的以下输入没有对应的列，各单位这些项都将计 0 分：\n  spent（执行数）：是否是 \"执行数额\"（C 列）？\n请用输入的编号或名称命名（列名可在括号中加上计量单位）；单位可能没有的输入，请在规则集中为它写 optional: true",
			"t.csv:1: ruleset t reads inputs that no column gives, and every unit would score 0 on them:\n  spent (执行数): did you mean \"执行数额\" (column C)?\nname each by its id or label (a column may add the input's unit in brackets), or mark an input that units may lack optional: true in the ruleset"},
		{"foreign", "t.csv", "unit,name,网格数\nU1,甲,1\n",
			"t.csv:1: 规则集 t 的 4 个输入中只有 0 个有对应的列，这看来是另一个规则集的数据；以下输入没有对应的列：\n  spent（执行数）\n  n（人数）\n  q（质量）\n  pct（比例）",
			"t.csv:1: the data has a column for only 0 of the 4 inputs of ruleset t: it looks like data for another ruleset; no column for:\n  spent (执行数)\n  n (人数)\n  q (质量)\n  pct (比例)"},
		{"unknown column", "t.csv", "unit,name,spent,n,q,pct,note\nU1,甲,1,1,A,5,x\n",
			"t.csv:1:7: 列 \"note\" 不是规则集 t 的输入，已忽略",
			"t.csv:1:7: column \"note\" is not an input of ruleset t; it is ignored"},
		{"two columns", "t.csv", "unit,name,spent,执行数,n,q,pct\nU1,甲,1,1,1,A,5\n",
			"t.csv:1:4: C 列（\"spent\"）和 D 列（\"执行数\"）都是输入 spent（执行数）：请只保留其中一列",
			"t.csv:1:4: columns C (\"spent\") and D (\"执行数\") both give input spent (执行数): keep one of them"},
		{"wrong unit", "t.csv", "unit,name,执行数（元）,n,q,pct\nU1,甲,1,1,A,5\n",
			"t.csv:1:3: 列 \"执行数（元）\" 是输入 spent（执行数），括号中写了 \"元\"，不是这一输入的计量单位 万元：如数字以 元 计，请换算为 万元；并把列名改为 执行数（万元）或 执行数",
			"t.csv:1:3: column \"执行数（元）\" names input spent (执行数) with \"元\" in brackets, which is not the input's unit 万元: if the figures are in 元, convert them to 万元; head the column 执行数（万元） or 执行数"},
		{"short row", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,1\n",
			"t.csv:2: 第 2 行有 3 个字段，表头有 6 个：D 列（n）及其后各列缺失",
			"t.csv:2: row 2 has 3 fields, the header has 6: column D (n) and after are missing"},
		{"long row", "t.csv", "unit,name,spent,n,q,pct\nU1,甲,1,1,A,5,9\n",
			"t.csv:2:7: 第 2 行有 7 个字段，表头有 6 个：G 列（\"9\"）没有表头",
			"t.csv:2:7: row 2 has 7 fields, the header has 6: column G (\"9\") has no header"},
		{"empty", "t.csv", "",
			"t.csv: 数据文件是空的：第一行应为表头（unit、name 和各输入）",
			"t.csv: the data file is empty: want a header row (unit, name, inputs...)"},
		{"bare quote", "t.csv", "unit,name,spent,n,q,pct\nU1,甲\"乙,1,1,A,5\n",
			"t.csv:2:7: 字段中间有 \"，但字段不是以 \" 开头：请用 \" 括起整个字段，并把其中的 \" 写两次（\"甲\"\"乙\"）",
			"t.csv:2:7: a \" inside a field that does not start with one: quote the whole field and double the \" inside (\"甲\"\"乙\")"},
		{"neither", "t.csv", "unit,name,spent,n,q,pct\nU1,\xff\xfe\xfa,1,1,A,5\n",
			"t.csv:2:4: 文字既不是 UTF-8 也不是 GB18030（GBK）编码（字节 0xFF）：请将文件存为 UTF-8（Excel：另存为 → CSV UTF-8），或用 iconv -f GB18030 -t UTF-8 转换",
			"t.csv:2:4: the text is neither UTF-8 nor GB18030 (GBK) (byte 0xFF): save the file as UTF-8 (Excel: 另存为 → CSV UTF-8), or convert it with iconv -f GB18030 -t UTF-8"},
		{"binary", "t.csv", "unit\x00name\n",
			"t.csv:1:5: 文件含有二进制数据（NUL 字节），不是文本：应为 CSV、JSON 或 YAML 文本文件",
			"t.csv:1:5: the file holds binary data (a NUL byte), not text: want a CSV, JSON or YAML text file"},
		{"zip", "t.csv", "PK\x03\x04aaaa",
			"t.csv: 文件是 ZIP 压缩包（XLSX 工作簿？），不是文本：工作簿请用 .xlsx 扩展名，或另存为 CSV UTF-8",
			"t.csv: the file is a ZIP archive (an XLSX workbook?), not text: give a workbook the .xlsx extension, or save it as CSV UTF-8"},
		{"no id", "t.csv", "unit,name,spent,n,q,pct\n,甲,1,1,A,5\n",
			"t.csv:2: 单位没有编码（unit 列）：请填写单位编码",
			"t.csv:2: the unit has no id (column unit)"},
		{"format", "t.pdf", "x",
			"t.pdf: 未知的数据格式 \".pdf\"：应为 .csv、.xlsx、.yaml、.json 或 .jsonl",
			"t.pdf: unknown data format \".pdf\": want .csv, .xlsx, .yaml, .json or .jsonl"},
		{"yaml key", "t.yaml", "- unit: U1\n  name: 甲\n  foo: 1\n  data: {spent: 1, n: 1, q: A, pct: 5}\n",
			"t.yaml:3:3: foo：未知的键，应为 unit、name 或 data",
			"t.yaml:3:3: foo: unknown key: want unit, name, data"},
		{"yaml list", "t.yaml", "a: 1\n",
			"t.yaml:1:1: 应为单位的列表，每个单位写作 {unit, name, data: {输入: 值}}",
			"t.yaml:1:1: want a list of units, each {unit, name, data: {input: value}}"},
		{"yaml bool", "t.yaml", "- unit: U1\n  data: {spent: true, n: 1, q: A, pct: 5}\n",
			"t.yaml:2:17: spent（执行数）：应为数字或文字，而不是 true",
			"t.yaml:2:17: spent (执行数): want a number or text, found true"},
		{"json not unit", "t.json", "[1]",
			"t.json:1:2: 每个单位应是一个对象 {unit, name, data}，而这里是数字",
			"t.json:1:2: a unit must be an object {unit, name, data}, found a number"},
		{"json syntax", "t.json", "[{\"unit\": }]",
			"t.json:1:11: JSON 格式有误：invalid character '}' looking for beginning of value\n | [{\"unit\": }]\n | ..........^",
			"t.json:1:11: json: invalid character '}' looking for beginning of value\n | [{\"unit\": }]\n | ..........^"},
		{"json dup", "t.json", "[{\"unit\": \"U1\", \"unit\": \"U2\", \"data\": {\"spent\": 1, \"n\": 1, \"q\": \"A\", \"pct\": 5}}]",
			"t.json:1:17: 键 \"unit\" 重复（第一次在第 1 行第 3 列）：请只保留一个",
			"t.json:1:17: duplicate key \"unit\" (first at line 1, column 3): keep one"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, l := range []struct{ lang, want string }{{"", c.zh}, {"zh", c.zh}, {"en", c.en}} {
				if got := firstMessage(t, l.lang, c.file, c.text); got != l.want {
					t.Errorf("Lang %q:\n%s\nwant\n%s", l.lang, got, l.want)
				}
			}
		})
	}
}

// TestGBKMessageInBothLanguages: the warning of a file converted from
// GB18030 (GBK), as Excel's plain CSV saves it.
func TestGBKMessageInBothLanguages(t *testing.T) {
	text, err := simplifiedchinese.GB18030.NewEncoder().String("unit,name,spent,n,q,pct\nU1,甲单位,1,1,A,5\n")
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"":   "t.csv:2: 文件是 GB18030（GBK）编码（旧的中文系统和 Excel 的普通 CSV 这样保存），已转换为 UTF-8",
		"en": "t.csv:2: the file is GB18030 (GBK), as older Chinese systems and Excel's plain CSV write it; it was converted to UTF-8",
	} {
		if got := firstMessage(t, lang, "t.csv", text); got != want {
			t.Errorf("Lang %q: %s, want %s", lang, got, want)
		}
	}
}

// TestWorkbookMessageInBothLanguages: a workbook's cell is placed by its
// sheet, row and column in the message's language.
func TestWorkbookMessageInBothLanguages(t *testing.T) {
	book := workbook(t, [][]any{{"unit", "name", "spent", "n", "q", "pct"}, {"U1", "甲", "abc", 1, "A", 5}})
	for lang, want := range map[string]string{
		"":   `t.xlsx:2:3: 工作表 Sheet1，第 2 行，C 列：spent（执行数）："abc" 不是数值（这一输入的计量单位为 万元）：请填写数字，或将单元格格式设为“常规”`,
		"en": `t.xlsx:2:3: sheet Sheet1, row 2, column C: spent (执行数): not a number: "abc" (the input's unit is 万元)`,
	} {
		if got := firstMessage(t, lang, "t.xlsx", string(book)); got != want {
			t.Errorf("Lang %q: %s, want %s", lang, got, want)
		}
	}
}

// TestSchemaUnitInBothLanguages: the errors of fields given to
// Schema.Unit are worded in the language of the Options that made the
// schema (NewSchema: Chinese).
func TestSchemaUnitInBothLanguages(t *testing.T) {
	fields := map[string]any{"spent": "x", "budgte": 1}
	for _, c := range []struct {
		s    *Schema
		want []string
	}{
		{NewSchema(testRuleset()), []string{`数据中的 "budgte" 不是规则集 t 的输入`, `输入 spent："x" 不是数值（这一输入的计量单位为 万元）：请填写数字，或将单元格格式设为“常规”`}},
		{Options{Lang: "en"}.NewSchema(testRuleset()), []string{`data names "budgte", which is not an input of ruleset t`, `input spent: not a number: "x" (the input's unit is 万元)`}},
	} {
		_, err := c.s.Unit("U1", "甲", fields)
		if err == nil {
			t.Fatal("no error")
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v\nlacks %s", err, w)
			}
		}
	}
}
