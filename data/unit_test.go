package data_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// TestUnitReadsAsKeyedData: Schema.Unit reads fields as a YAML data file
// reads the same keys — ids and labels in the forms bureaus write them,
// numbers of every Go kind, cell text, claims dotted and nested, reasons
// — so that a map from a library caller, a ruleset test case or a
// generated row scores as the file would.
func TestUnitReadsAsKeyedData(t *testing.T) {
	s := schema(t)
	fields := map[string]any{
		"spent":         json.Number("153.51"),
		"全年预算数（万元）":     "256.14万元",
		"ｐｅｏｐｌｅ":        int64(3),
		"档次":            "部分达成",
		"claimed":       map[string]any{"exec": 6, "score": 96.5},
		"claimed.质量":    "40分",
		"claimed.grade": "优",
		"reason.exec":   "项目延期",
	}
	u, err := s.Unit("U1", "甲", fields)
	if err != nil {
		t.Fatal(err)
	}
	units, _, err := read(t, "u.yaml", `
- unit: U1
  name: 甲
  data: {spent: 153.51, 全年预算数（万元）: 256.14万元, ｐｅｏｐｌｅ: 3, 档次: 部分达成, claimed.质量: 40分, claimed.grade: 优, reason.exec: 项目延期}
  claimed: {exec: 6, score: 96.5}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := units[0]
	if u.ID != want.ID || u.Name != want.Name || !reflect.DeepEqual(u.Values, want.Values) ||
		!reflect.DeepEqual(u.Claims, want.Claims) || u.ClaimedGrade != want.ClaimedGrade || !reflect.DeepEqual(u.Reasons, want.Reasons) {
		t.Errorf("Unit gave\n%+v\nthe YAML file\n%+v", u, want)
	}
	if u.Values[3].Tier != 'B' || u.Claims["q"] != 40 {
		t.Errorf("tier %q, claims %v", u.Values[3].Tier, u.Claims)
	}
	// Absent and nil fields are missing; NA is not applicable.
	u, err = s.Unit("U2", "", map[string]any{"spent": "NA", "budget": nil, "people": float32(2.5), "tier": "C"})
	if err != nil {
		t.Fatal(err)
	}
	if u.Values[0].Kind != indicators.NA || u.Values[1].Kind != indicators.Missing || u.Values[2] != indicators.NumberValue(2.5) {
		t.Errorf("U2 values %+v", u.Values)
	}
}

// TestUnitErrors: what a data file would warn of and ignore, or read as a
// bad cell, stops a map: every error names its key, and the unit carries
// them so that it fails rather than scores with an input missing.
func TestUnitErrors(t *testing.T) {
	s := schema(t)
	fields := map[string]any{
		"spent":         "多",
		"budget":        true,
		"people":        []any{1},
		"tier":          7,
		"spend":         1,
		"claimed.nope":  3,
		"claimed.score": map[string]any{"a": 1},
		"全年执行数":         2,
		"人数（万人）":        4,
	}
	u, err := s.Unit("U1", "甲", fields)
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v, want a diag.List", err)
	}
	// In the order of the keys, as the unit's fields are read.
	want := []string{
		`budget: input budget: want a number or text, found true`,
		`claimed.nope: data names "claimed.nope", which names no indicator of ruleset d`,
		`claimed.score: claimed.score: want a number or text, found a mapping`,
		`people: input people: want a number or text, found a list`,
		`spend: data names "spend", which is not an input of ruleset d`,
		`spent: input spent: not a number: "多" (the input's unit is 万元)`,
		`tier: input tier: a tier input takes A, B, C, 达成, 部分达成 or 未达成 (or A:0.95), not a number`,
		`人数（万人）: key "人数（万人）" names input people (人数) with "万人" in brackets, which is not the input's unit 人: if the figures are in 万人, convert them to 人; head the key 人数（人） or 人数`,
		`全年执行数: keys "spent" and "全年执行数" both give input spent (全年执行数): keep one of them`,
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Field+": "+e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(u.Errors) != len(list) {
		t.Errorf("the unit carries %d errors, want %d", len(u.Errors), len(list))
	}
	for _, e := range list {
		if e.Pos != (diag.Pos{}) {
			t.Errorf("%s: position %v, want none (the caller knows where the map came from)", e.Field, e.Pos)
		}
	}
}
