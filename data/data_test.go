package data_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

const ruleset = `
id: d
inputs:
  spent:  {label: 全年执行数, unit: 万元}
  budget: {label: 全年预算数, unit: 万元}
  people: {label: 人数, unit: 人}
  tier:   {label: 档次, type: tier}
indicators:
  - {id: exec, label: 预算执行率, weight: 50, value: spent / budget, target: ">= 1"}
  - {id: q, label: 质量, weight: 50, value: tier}
`

func schema(t *testing.T) *data.Schema {
	t.Helper()
	rs, err := rulesets.Load("d.yaml", []byte(ruleset))
	if err != nil {
		t.Fatal(err)
	}
	return data.Options{Lang: "en"}.NewSchema(rs)
}

func read(t *testing.T, name, content string) ([]indicators.Unit, []*diag.Error, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	units, warnings, _, err := data.Options{Lang: "en"}.ReadAll(path, schema(t))
	return units, warnings, err
}

func TestCSV(t *testing.T) {
	csv := "\ufeffunit,name,全年执行数,budget,人数,档次,note\n" +
		"U1,甲,\"1,234.5\",2000万元,55440人,A,x\n" +
		"U2,乙,NA,100,,部分达成,\n" +
		"U3,丙,12..5,100,5,B:0.9,\n" +
		"U4,丁,1,100\n" +
		"U1,重复,1,100,1,A,\n"
	units, warnings, err := read(t, "u.csv", csv)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 5 {
		t.Fatalf("got %d units, want 5", len(units))
	}
	if len(warnings) != 1 || warnings[0].Field != "note" {
		t.Errorf("warnings %v, want one about column note", warnings)
	}
	u1 := units[0]
	if u1.ID != "U1" || u1.Name != "甲" || u1.Values[0] != indicators.NumberValue(1234.5) ||
		u1.Values[1] != indicators.NumberValue(2000) || u1.Values[2] != indicators.NumberValue(55440) ||
		u1.Values[3].Tier != 'A' || len(u1.Errors) != 0 {
		t.Errorf("U1 = %+v", u1)
	}
	u2 := units[1]
	if u2.Values[0].Kind != indicators.NA || u2.Values[2].Kind != indicators.Missing || u2.Values[3].Tier != 'B' {
		t.Errorf("U2 = %+v", u2)
	}
	wantErr := map[int]string{
		2: "u.csv:4:3: row 4, column C: 全年执行数 (spent): not a number: \"12..5\" (the input's unit is 万元)",
		3: "u.csv:5: row 5 has 4 fields, the header has 7: column E (人数) and after are missing",
	}
	// A repeated id is engine.Stream's to find (TestStreamDuplicates): the
	// reader keeps nothing per unit.
	if len(units[4].Errors) != 0 {
		t.Errorf("the repeat of U1 has errors %v: ids are checked by engine.Stream", units[4].Errors)
	}
	for i, want := range wantErr {
		u := units[i]
		if len(u.Errors) == 0 {
			t.Errorf("unit %d has no error, want %q", i, want)
			continue
		}
		if got := filepath.Base(u.Errors[0].Error()); got != want {
			t.Errorf("unit %d error %q, want %q", i, got, want)
		}
	}
	// The second error of U3: the tier fraction outside its band.
	if len(units[2].Errors) != 2 || units[2].Errors[1].Field != "档次" || units[2].Errors[1].Value != "B:0.9" {
		t.Errorf("U3 errors %v", units[2].Errors)
	}
}

func TestCSVNeedsUnitColumn(t *testing.T) {
	_, _, err := read(t, "u.csv", "name,spent\n甲,1\n")
	var de *diag.Error
	if !errors.As(err, &de) || de.Code != "missing_column" {
		t.Fatalf("err = %v, want missing_column", err)
	}
}

func TestYAMLAndJSON(t *testing.T) {
	y := `
- unit: U1
  name: 甲
  data: {spent: 153.51, budget: "256.14万元", people: 3, tier: 达成, claimed.exec: 6, claimed.score: 96, claimed.grade: 优, reason.exec: 项目延期}
- unit: U2
  data: {spent: NA, budget: ~, tier: 7}
`
	units, _, err := read(t, "u.yaml", y)
	if err != nil {
		t.Fatal(err)
	}
	u1, u2 := units[0], units[1]
	if u1.Values[0] != indicators.NumberValue(153.51) || u1.Values[1] != indicators.NumberValue(256.14) || u1.Values[3].Tier != 'A' {
		t.Errorf("U1 values %+v", u1.Values)
	}
	if u1.Claims["exec"] != 6 || u1.Claims["score"] != 96 || u1.ClaimedGrade != "优" || u1.Reasons["exec"] != "项目延期" {
		t.Errorf("U1 claims %v %q reasons %v", u1.Claims, u1.ClaimedGrade, u1.Reasons)
	}
	if u2.Values[0].Kind != indicators.NA || u2.Values[1].Kind != indicators.Missing {
		t.Errorf("U2 values %+v", u2.Values)
	}
	if len(u2.Errors) != 1 || !strings.HasPrefix(filepath.Base(u2.Errors[0].Error()), "u.yaml:6:38: tier (档次): a tier input takes") {
		t.Errorf("U2 errors %v", u2.Errors)
	}

	j := `[{"unit": "U1", "name": "甲", "data": {"spent": 1, "budget": 2, "people": 3, "tier": "C"}}]`
	units, _, err = read(t, "u.json", j)
	if err != nil || len(units) != 1 || units[0].Values[1] != indicators.NumberValue(2) {
		t.Fatalf("json: %v %+v", err, units)
	}

	jl := "{\"unit\": \"U1\", \"data\": {\"spent\": 1, \"budget\": \"2\", \"people\": 3, \"tier\": \"A\"}}\n\n{\"unit\": \"U2\", \"data\": {\"spent\": true}}\n{bad json\n"
	units, _, err = read(t, "u.jsonl", jl)
	if err != nil || len(units) != 3 {
		t.Fatalf("jsonl: %v, %d units", err, len(units))
	}
	if units[0].Values[1] != indicators.NumberValue(2) || len(units[1].Errors) != 1 || units[2].Errors[0].Code != "json_syntax" {
		t.Errorf("jsonl units %+v", units)
	}
	if units[2].Pos.Line != 4 {
		t.Errorf("jsonl line %d, want 4", units[2].Pos.Line)
	}
}

func TestSHA256OfBytes(t *testing.T) {
	content := "unit,spent,budget,people,tier\nU1,1,2,3,A\n"
	path := filepath.Join(t.TempDir(), "u.csv")
	os.WriteFile(path, []byte(content), 0o644)
	src, err := data.Options{Lang: "en"}.Open(path, schema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for {
		if _, err := src.Next(); err == io.EOF {
			break
		}
	}
	// sha256 of the content, as sha256sum prints it.
	if got, want := src.SHA256(), "e9ff884c944681d81d9c3a78f6c0d6e5799454cab18d4194b59cc00389a9a0fb"; got != want {
		t.Errorf("SHA256 = %s, want %s", got, want)
	}
}
