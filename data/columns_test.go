package data_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// colsRuleset has inputs with units of both kinds, a label that carries
// brackets of its own, and one without a unit.
const colsRuleset = `
id: cols
inputs:
  budget: {label: 全年预算数, unit: 万元}
  spent:  {label: 全年执行数（财政拨款支出）, unit: 万元}
  done:   {label: 实际完成工作数, unit: 件}
  sat:    {label: 满意度调查结果, unit: "%"}
  n:      {label: 人数}
indicators:
  - {id: exec, label: 预算执行率, weight: 50, value: spent / budget, target: ">= 1"}
  - {id: work, label: 工作完成, weight: 30, value: done / n, target: ">= 1"}
  - {id: happy, label: 满意度, weight: 20, value: sat / 100, target: ">= 0.9"}
`

// colsHeader and colsRow are a header by id and a row for colsRuleset.
var (
	colsHeader = []string{"unit", "name", "budget", "spent", "done", "sat", "n"}
	colsRow    = []string{"U1", "甲", "200", "150", "40", "95", "8"}
	colsValues = map[string]float64{"budget": 200, "spent": 150, "done": 40, "sat": 95, "n": 8}
)

func loadRuleset(t *testing.T, src string) *indicators.Ruleset {
	t.Helper()
	rs, err := rulesets.Load("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// readAs reads content as a file called name under ruleset rs.
func readAs(t *testing.T, rs *indicators.Ruleset, name string, content []byte) ([]indicators.Unit, []*diag.Error, error) {
	t.Helper()
	src, err := data.Options{Lang: "en"}.OpenReader(name, bytes.NewReader(content), data.Options{Lang: "en"}.NewSchema(rs))
	if err != nil {
		return nil, nil, err
	}
	defer src.Close()
	units, warnings, _, err := data.Collect(src)
	return units, warnings, err
}

// csvWith is colsHeader and colsRow as CSV, with the header of input id
// written as name instead.
func csvWith(id, name string) []byte {
	h := append([]string{}, colsHeader...)
	for i := range h {
		if h[i] == id {
			h[i] = name
		}
	}
	return []byte(strings.Join(h, ",") + "\n" + strings.Join(colsRow, ",") + "\n")
}

// checkValues fails unless u holds colsValues, with no errors.
func checkValues(t *testing.T, rs *indicators.Ruleset, u indicators.Unit) {
	t.Helper()
	if len(u.Errors) > 0 {
		t.Fatalf("errors %v", u.Errors)
	}
	for i, in := range rs.Inputs {
		if u.Values[i] != indicators.NumberValue(colsValues[in.ID]) {
			t.Errorf("%s = %+v, want %v", in.ID, u.Values[i], colsValues[in.ID])
		}
	}
}

// TestHeaderForms: a column is found by id or label written the ways
// people write them: full-width, spaced, with the declared unit in
// brackets of either width.
func TestHeaderForms(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	tests := []struct{ id, header string }{
		{"budget", "全年预算数"},
		{"budget", "全年预算数（万元）"},
		{"budget", "全年预算数(万元)"},
		{"budget", " 全年预算数 （ 万元 ） "},
		{"budget", "budget(万元)"},
		{"budget", "ｂｕｄｇｅｔ"},
		{"budget", "全年预算数\u3000"},
		{"spent", "全年执行数（财政拨款支出）"},
		{"spent", "全年执行数(财政拨款支出)"},
		{"spent", "全年执行数（财政拨款支出）（万元）"},
		{"done", "实际完成工作数（件）"},
		{"sat", "满意度调查结果（%）"},
		{"sat", "满意度调查结果(％)"},
		{"sat", "满意度调查结果（％）"},
		{"n", "人数"},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			units, warnings, err := readAs(t, rs, "u.csv", csvWith(tc.id, tc.header))
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings %v", warnings)
			}
			checkValues(t, rs, units[0])
		})
	}
}

// A label written with its unit in the ruleset is found without it too.
func TestHeaderLabelWithUnit(t *testing.T) {
	rs := loadRuleset(t, strings.Replace(colsRuleset, "{label: 满意度调查结果, unit: \"%\"}", "{label: 满意度调查结果（%）, unit: \"%\"}", 1))
	for _, h := range []string{"满意度调查结果", "满意度调查结果(%)", "满意度调查结果（％）"} {
		units, _, err := readAs(t, rs, "u.csv", csvWith("sat", h))
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		checkValues(t, rs, units[0])
	}
}

// workbookOf writes rows, all text, to the first sheet of a new workbook.
func workbookOf(t *testing.T, rows ...[]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHeaderFormsXLSX reads a workbook whose header is written as a
// bureau's sheet has it.
func TestHeaderFormsXLSX(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	book := workbookOf(t,
		[]string{"单位编码", "单位名称", "全年预算数（万元）", "全年执行数(财政拨款支出)(万元)", "实际完成工作数(件)", "满意度调查结果（％）", " 人数 "},
		colsRow)
	units, warnings, err := readAs(t, rs, "u.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings %v", warnings)
	}
	if len(units) != 1 || units[0].ID != "U1" || units[0].Name != "甲" {
		t.Fatalf("units %+v", units)
	}
	checkValues(t, rs, units[0])

	// The same errors as CSV, at the workbook's row and column.
	book = workbookOf(t, []string{"unit", "全年预算数（元）", "spent", "done", "sat", "n"}, []string{"U1", "1", "1", "1", "1", "1"})
	_, _, err = readAs(t, rs, "u.xlsx", book)
	var de *diag.Error
	if !errors.As(err, &de) || de.Code != "wrong_unit" || de.Pos != (diag.Pos{File: "u.xlsx", Line: 1, Col: 2}) {
		t.Errorf("wrong unit in a workbook: %v", err)
	}
	book = workbookOf(t, []string{"unit", "budget", "spent", "实际完成工作数量", "sat", "n"}, []string{"U1", "1", "1", "1", "1", "1"})
	_, _, err = readAs(t, rs, "u.xlsx", book)
	if err == nil || !strings.Contains(err.Error(), `done (实际完成工作数): did you mean "实际完成工作数量" (column D)?`) {
		t.Errorf("absent input in a workbook: %v", err)
	}
}

// TestHeaderWrongUnit: an input's name with another unit in brackets is
// not that input read in its unit (全年预算数（元） for 万元 would score
// every unit on figures 10 000 times too large): the file is refused,
// naming the column and both units.
func TestHeaderWrongUnit(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	tests := []struct{ id, header, want string }{
		{"budget", "全年预算数（元）", `u.csv:1:3: column "全年预算数（元）" names input budget (全年预算数) with "元" in brackets, which is not the input's unit 万元: if the figures are in 元, convert them to 万元; head the column 全年预算数（万元） or 全年预算数`},
		{"budget", "budget(亿元)", `u.csv:1:3: column "budget(亿元)" names input budget (全年预算数) with "亿元" in brackets, which is not the input's unit 万元`},
		{"sat", "满意度调查结果（‰）", `u.csv:1:6: column "满意度调查结果（‰）" names input sat (满意度调查结果) with "‰" in brackets, which is not the input's unit %`},
		{"budget", "全年预算数（财政拨款）", `u.csv:1:3: column "全年预算数（财政拨款）" names input budget (全年预算数) with "财政拨款" in brackets, which is not the input's unit 万元: if the figures are in 财政拨款`},
		{"budget", "全年预算数（含上年结转资金）", `u.csv:1:3: column "全年预算数（含上年结转资金）" names input budget (全年预算数) with "含上年结转资金" in brackets, which is not the input's unit 万元: if it holds the input, head the column 全年预算数（万元） or 全年预算数; if it holds a part of it, give the input a column of its own`},
		{"n", "人数（万人）", `u.csv:1:7: column "人数（万人）" names input n (人数) with "万人" in brackets, but the ruleset declares no unit for the input: head the column 人数 if the figures are what the ruleset means, or declare unit: 万人 for the input in the ruleset`},
	}
	for _, tc := range tests {
		_, _, err := readAs(t, rs, "u.csv", csvWith(tc.id, tc.header))
		var de *diag.Error
		if !errors.As(err, &de) || de.Code != "wrong_unit" || !strings.HasPrefix(de.Error(), tc.want) {
			t.Errorf("%s: error\n%v\nwant it to start\n%s", tc.header, err, tc.want)
		}
	}
}

// TestHeaderTwoColumnsOneInput: two columns that give one input (or the
// unit id, or one claim) are an error naming both.
func TestHeaderTwoColumnsOneInput(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	tests := []struct{ csv, want string }{
		{"unit,budget,spent,全年预算数（万元）,done,sat,n\n",
			`u.csv:1:4: columns B ("budget") and D ("全年预算数（万元）") both give input budget (全年预算数): keep one of them`},
		{"unit,budget,spent,done,sat,n,ｎ\n",
			`u.csv:1:7: columns F ("n") and G ("ｎ") both give input n (人数): keep one of them`},
		{"unit,单位编码,budget,spent,done,sat,n\n",
			`u.csv:1:2: columns A ("unit") and B ("单位编码") both give the unit id: keep one of them`},
		{"unit,budget,spent,done,sat,n,claimed.score,自评总分\n",
			`u.csv:1:8: columns G ("claimed.score") and H ("自评总分") both give claimed.score: keep one of them`},
		{"unit,budget,spent,done,sat,n,budget\n",
			`u.csv:1:7: column "budget" appears twice (columns B and G)`},
	}
	for _, tc := range tests {
		_, _, err := readAs(t, rs, "u.csv", []byte(tc.csv))
		var de *diag.Error
		if !errors.As(err, &de) || de.Code != "duplicate_column" || de.Error() != tc.want {
			t.Errorf("error\n%v\nwant\n%s", err, tc.want)
		}
	}
	// Two slips at once are both reported.
	_, _, err := readAs(t, rs, "u.csv", []byte("unit,budget,全年预算数,spent,done,sat,人数（个）\n"))
	var list diag.List
	if !errors.As(err, &list) || len(list) != 2 || list[0].Code != "duplicate_column" || list[1].Code != "wrong_unit" {
		t.Errorf("two errors: %v", err)
	}
}

// TestHeaderAbsentInput: an input no column gives stops the file, naming
// the input and the unknown columns most like it.
func TestHeaderAbsentInput(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	_, _, err := readAs(t, rs, "u.csv", []byte("unit,name,budget,spent,实际完成工作数量,sat,备注\nU1,甲,1,1,1,1,x\n"))
	want := "u.csv:1: ruleset cols reads inputs that no column gives, and every unit would score 0 on them:\n" +
		"  done (实际完成工作数): did you mean \"实际完成工作数量\" (column E)?\n" +
		"  n (人数)\n" +
		"name each by its id or label (a column may add the input's unit in brackets), or mark an input that units may lack optional: true in the ruleset"
	if err == nil || err.Error() != want {
		t.Fatalf("error\n%v\nwant\n%s", err, want)
	}
	var absent *data.AbsentInputsError
	if !errors.As(err, &absent) || absent.Foreign() || absent.Matched != 3 || absent.Inputs != 5 ||
		len(absent.Absent) != 2 || absent.Absent[0].ID != "done" || absent.Absent[1].ID != "n" {
		t.Errorf("cause %+v", absent)
	}
	// Slips of an id, and a label with a unit of its own, are suggested too.
	_, _, err = readAs(t, rs, "u.csv", []byte("unit,budgte,spent,done,sat,人员数（人）\n"))
	for _, want := range []string{`budget (全年预算数): did you mean "budgte" (column B)?`, `n (人数): did you mean "人员数（人）" (column F)?`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\nlacks %s", err, want)
		}
	}
}

// optionalRuleset is colsRuleset with n optional.
const optionalRuleset = `
id: opt
inputs:
  budget: {label: 全年预算数, unit: 万元}
  spent:  {label: 全年执行数, unit: 万元}
  n:      {label: 人数, optional: true}
indicators:
  - {id: exec, label: 预算执行率, weight: 50, value: spent / budget, target: ">= 1"}
  - {id: per, label: 人均, weight: 50, value: spent / n, target: ">= 1"}
`

// TestHeaderOptionalInput: an optional input no column gives is missing
// in every unit, with one warning naming it; in every format.
func TestHeaderOptionalInput(t *testing.T) {
	rs := loadRuleset(t, optionalRuleset)
	files := map[string]string{
		"u.csv":   "unit,budget,spent\nU1,2,1\nU2,3,1\n",
		"u.yaml":  "- {unit: U1, data: {budget: 2, spent: 1}}\n- {unit: U2, data: {budget: 3, spent: 1}}\n",
		"u.json":  `[{"unit": "U1", "data": {"budget": 2, "spent": 1}}, {"unit": "U2", "data": {"budget": 3, "spent": 1}}]`,
		"u.jsonl": "{\"unit\": \"U1\", \"data\": {\"budget\": 2, \"spent\": 1}}\n{\"unit\": \"U2\", \"data\": {\"budget\": 3, \"spent\": 1}}\n",
	}
	for name, content := range files {
		units, warnings, err := readAs(t, rs, name, []byte(content))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		what := "column"
		if name != "u.csv" {
			what = "key"
		}
		want := "no " + what + " gives input n (人数), which is optional in ruleset opt: every unit is missing on it"
		if len(warnings) != 1 || warnings[0].Code != "absent_input" || !strings.HasSuffix(warnings[0].Error(), want) {
			t.Errorf("%s: warnings %v, want one ending %q", name, warnings, want)
		}
		if len(units) != 2 || units[0].Values[2].Kind != indicators.Missing || units[1].Values[2].Kind != indicators.Missing ||
			units[1].Values[0] != indicators.NumberValue(3) {
			t.Errorf("%s: units %+v", name, units)
		}
	}
	// Given, it is read and nothing is said.
	units, warnings, err := readAs(t, rs, "u.csv", []byte("unit,budget,spent,人数\nU1,2,1,4\n"))
	if err != nil || len(warnings) > 0 || units[0].Values[2] != indicators.NumberValue(4) {
		t.Errorf("given: %v %v %+v", err, warnings, units)
	}
}

// TestKeyedAbsentInput: in YAML, JSON and JSON Lines an input is absent
// when no unit gives it; one unit giving it is enough (the others are
// missing on it, as a blank cell is).
func TestKeyedAbsentInput(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	some := "- {unit: U1, data: {budget: 1, spent: 1, sat: 1, n: 1}}\n- {unit: U2, data: {budget: 1, spent: 1, sat: 1, n: 1, done: 5}}\n"
	units, _, err := readAs(t, rs, "u.yaml", []byte(some))
	if err != nil || units[0].Values[2].Kind != indicators.Missing || units[1].Values[2] != indicators.NumberValue(5) {
		t.Fatalf("one unit gives done: %v %+v", err, units)
	}
	none := "- {unit: U1, data: {budget: 1, spent: 1, sat: 1, n: 1, 实际完成工作数量: 3}}\n- {unit: U2, data: {budget: 1, spent: 1, sat: 1, n: 1}}\n"
	_, _, err = readAs(t, rs, "u.yaml", []byte(none))
	want := "u.yaml:1: ruleset cols reads inputs that no key gives, and every unit would score 0 on them:\n" +
		"  done (实际完成工作数): did you mean \"实际完成工作数量\" (line 1)?"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("yaml: error\n%v\nwant it to start\n%s", err, want)
	}
	// JSON Lines streams: the error comes after the last unit, from Next.
	jl := "{\"unit\": \"U1\", \"data\": {\"budget\": 1, \"spent\": 1, \"sat\": 1, \"n\": 1}}\n{\"unit\": \"U2\", \"data\": {\"budget\": 1, \"spent\": 1, \"sat\": 1, \"n\": 1, \"实际完成工作数量\": 3}}\n"
	src, err := data.Options{Lang: "en"}.OpenReader("u.jsonl", strings.NewReader(jl), data.Options{Lang: "en"}.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		_, err = src.Next()
		if err != nil {
			break
		}
		n++
	}
	var de *diag.Error
	if n != 2 || !errors.As(err, &de) || de.Code != "absent_input" || !strings.Contains(de.Error(), `done (实际完成工作数): did you mean "实际完成工作数量" (line 2)?`) {
		t.Errorf("jsonl: %d units, error %v", n, err)
	}
	// A key with another unit in brackets stops the file at once.
	_, _, err = readAs(t, rs, "u.jsonl", []byte("{\"unit\": \"U1\", \"data\": {\"全年预算数（元）\": 1}}\n"))
	if !errors.As(err, &de) || de.Code != "wrong_unit" || !strings.HasPrefix(de.Error(), `u.jsonl:1: key "全年预算数（元）" names input budget (全年预算数) with "元" in brackets, which is not the input's unit 万元`) {
		t.Errorf("jsonl wrong unit: %v", err)
	}
	_, _, err = readAs(t, rs, "u.yaml", []byte("- {unit: U1, data: {全年预算数（元）: 1}}\n"))
	if !errors.As(err, &de) || de.Code != "wrong_unit" || !strings.HasPrefix(de.Error(), `u.yaml:1:21: key "全年预算数（元）" names input budget`) {
		t.Errorf("yaml wrong unit: %v", err)
	}
}

// TestKeyedTwoKeysOneInput: two keys of one unit that give one input fail
// that unit; the other units are read.
func TestKeyedTwoKeysOneInput(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	y := "- {unit: U1, data: {budget: 1, 全年预算数（万元）: 2, spent: 1, done: 1, sat: 1, n: 1}}\n- {unit: U2, data: {全年预算数: 1, spent: 1, done: 1, sat: 1, n: 1}}\n"
	units, _, err := readAs(t, rs, "u.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	e := units[0].Errors
	if len(e) != 1 || e[0].Code != "duplicate_column" || e[0].Error() != `u.yaml:1:32: keys "budget" and "全年预算数（万元）" both give input budget (全年预算数): keep one of them` {
		t.Errorf("U1 errors %v", e)
	}
	if len(units[1].Errors) > 0 || units[1].Values[0] != indicators.NumberValue(1) {
		t.Errorf("U2 %+v", units[1])
	}
	jl := `{"unit": "U1", "data": {"budget": 1, "全年预算数": 2, "spent": 1, "done": 1, "sat": 1, "n": 1}}` + "\n"
	units, _, err = readAs(t, rs, "u.jsonl", []byte(jl))
	if err != nil || len(units[0].Errors) != 1 || units[0].Errors[0].Code != "duplicate_column" {
		t.Errorf("jsonl: %v %+v", err, units)
	}
}

// TestAnotherRulesetsData: data for another built-in ruleset matches too
// few inputs to be this ruleset's with some columns misnamed; the error
// says so and carries the header, by which the ruleset it fits is found.
func TestAnotherRulesetsData(t *testing.T) {
	grid, err := rulesets.Open("grid-center")
	if err != nil {
		t.Fatal(err)
	}
	dept, err := rulesets.Open("dept-2013")
	if err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile("../fixtures/demo-dept-2013.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = readAs(t, grid, "demo-dept-2013.csv", content)
	var de *diag.Error
	var absent *data.AbsentInputsError
	if !errors.As(err, &de) || de.Code != "foreign_data" || !errors.As(err, &absent) || !absent.Foreign() {
		t.Fatalf("error %v", err)
	}
	if !strings.HasPrefix(de.Error(), "demo-dept-2013.csv:1: the data has a column for only 6 of the 30 inputs of ruleset grid-center: it looks like data for another ruleset") {
		t.Errorf("message %s", de.Error())
	}
	header := strings.Split(strings.SplitN(string(content), "\n", 2)[0], ",")
	if !reflect.DeepEqual(absent.Columns, header) {
		t.Errorf("columns %v, want the header %v", absent.Columns, header)
	}
	if a := (data.Options{Lang: "en"}).NewSchema(dept).Absent(absent.Columns); len(a) != 0 {
		t.Errorf("dept-2013 lacks %v", a)
	}
	if a := (data.Options{Lang: "en"}).NewSchema(grid).Absent(absent.Columns); len(a) != 24 {
		t.Errorf("grid-center lacks %d inputs, want 24", len(a))
	}
}

// TestClaimHeaders: the claim headers jixiao's reports print, and claims
// and reasons by indicator label.
func TestClaimHeaders(t *testing.T) {
	rs := loadRuleset(t, colsRuleset)
	csv := strings.Join(colsHeader, ",") + ",自评总分,自评等级,claimed.预算执行率,claimed.ｗｏｒｋ,reason.满意度\n" +
		strings.Join(colsRow, ",") + ",88.5,良,40,30,问卷少\n"
	units, warnings, err := readAs(t, rs, "u.csv", []byte(csv))
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	u := units[0]
	if !reflect.DeepEqual(u.Claims, map[string]float64{"score": 88.5, "exec": 40, "work": 30}) || u.ClaimedGrade != "良" ||
		!reflect.DeepEqual(u.Reasons, map[string]string{"happy": "问卷少"}) {
		t.Errorf("claims %v grade %q reasons %v", u.Claims, u.ClaimedGrade, u.Reasons)
	}
	csv = strings.Join(colsHeader, ",") + ",自评得分\n" + strings.Join(colsRow, ",") + ",70\n"
	units, _, err = readAs(t, rs, "u.csv", []byte(csv))
	if err != nil || units[0].Claims["score"] != 70 {
		t.Errorf("自评得分: %v %v", err, units)
	}
	y := "- unit: U1\n  data: {budget: 1, spent: 1, done: 1, sat: 1, n: 1}\n  claimed: {预算执行率: 9}\n  reason: {预算执行率: 延期}\n"
	units, _, err = readAs(t, rs, "u.yaml", []byte(y))
	if err != nil || units[0].Claims["exec"] != 9 || units[0].Reasons["exec"] != "延期" {
		t.Errorf("yaml: %v %+v", err, units)
	}
}
