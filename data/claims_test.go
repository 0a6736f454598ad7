package data

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
)

// claimsRuleset has two indicators, a and b, reading x and y.
func claimsRuleset() *indicators.Ruleset {
	return &indicators.Ruleset{ID: "t",
		Inputs:     []indicators.Input{{ID: "x", Label: "甲", Type: indicators.TypeNumber}, {ID: "y", Label: "乙", Type: indicators.TypeNumber}},
		Indicators: []indicators.Indicator{{ID: "a", Weight: 10}, {ID: "b", Weight: 10}},
	}
}

// TestClaimsRead reads claimed.*, claimed.score, claimed.grade and
// reason.* from every data format, in flat and nested form.
func TestClaimsRead(t *testing.T) {
	type want struct {
		claims map[string]float64
		grade  string
		reason map[string]string
		errs   []string // substrings of the unit's errors, in order
	}
	tests := []struct {
		name, file, src string
		want            want
	}{
		{"csv", "u.csv", "unit,x,y,claimed.a,claimed.b,claimed.score,claimed.grade,reason.a\nU1,1,2,8.62,9分,17.62,良好,样本少\n",
			want{claims: map[string]float64{"a": 8.62, "b": 9, "score": 17.62}, grade: "良好", reason: map[string]string{"a": "样本少"}}},
		// A blank or 不适用 claim cell is no claim on that row.
		{"csv blank and NA", "u.csv", "unit,x,y,claimed.a,claimed.b,claimed.score\nU1,1,2,,不适用,5\n",
			want{claims: map[string]float64{"score": 5}}},
		// A claim that is not a number is a cell error naming row and column.
		{"csv bad claim", "u.csv", "unit,x,claimed.a,y\nU1,1,九分,2\n",
			want{errs: []string{"u.csv:2:3", "claimed.a"}}},
		{"yaml flat", "u.yaml", "- unit: U1\n  data: {x: 1, y: 2, claimed.a: 8.62}\n  claimed.score: 90\n  claimed.grade: 优\n",
			want{claims: map[string]float64{"a": 8.62, "score": 90}, grade: "优"}},
		{"yaml nested", "u.yaml", "- unit: U1\n  data: {x: 1, y: 2}\n  claimed: {a: 8.62, b: \"9\", score: 17.62, grade: 良}\n  reason: {b: 未完成}\n",
			want{claims: map[string]float64{"a": 8.62, "b": 9, "score": 17.62}, grade: "良", reason: map[string]string{"b": "未完成"}}},
		{"json nested in data", "u.json", `[{"unit": "U1", "data": {"x": 1, "y": 2, "claimed": {"a": 3, "score": 3}}}]`,
			want{claims: map[string]float64{"a": 3, "score": 3}}},
		{"jsonl nested", "u.jsonl", `{"unit": "U1", "data": {"x": 1, "y": 2}, "claimed": {"a": 3, "grade": "差"}, "reason": {"a": "无"}}` + "\n",
			want{claims: map[string]float64{"a": 3}, grade: "差", reason: map[string]string{"a": "无"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Options{Lang: "en"}.OpenReader(tc.file, strings.NewReader(tc.src), Options{Lang: "en"}.NewSchema(claimsRuleset()))
			if err != nil {
				t.Fatal(err)
			}
			units, _, _, err := Collect(src)
			if err != nil || len(units) != 1 {
				t.Fatalf("units %v, err %v", units, err)
			}
			u := units[0]
			if len(tc.want.errs) > 0 {
				if len(u.Errors) != 1 {
					t.Fatalf("errors %v, want one", u.Errors)
				}
				for _, s := range tc.want.errs {
					if !strings.Contains(u.Errors[0].Error(), s) {
						t.Errorf("error %q lacks %q", u.Errors[0].Error(), s)
					}
				}
				return
			}
			if len(u.Errors) > 0 {
				t.Fatalf("errors %v", u.Errors)
			}
			if !reflect.DeepEqual(u.Claims, tc.want.claims) || u.ClaimedGrade != tc.want.grade || !reflect.DeepEqual(u.Reasons, tc.want.reason) {
				t.Errorf("claims %v grade %q reasons %v, want %v %q %v", u.Claims, u.ClaimedGrade, u.Reasons, tc.want.claims, tc.want.grade, tc.want.reason)
			}
		})
	}
}

// TestClaimsUnknownIndicator: a claim on an id the ruleset does not have
// is ignored with a warning naming the column.
func TestClaimsUnknownIndicator(t *testing.T) {
	src, err := Options{Lang: "en"}.OpenReader("u.csv", strings.NewReader("unit,x,y,claimed.zz\nU1,1,2,3\n"), Options{Lang: "en"}.NewSchema(claimsRuleset()))
	if err != nil {
		t.Fatal(err)
	}
	units, warnings, _, err := Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	if units[0].Claims != nil {
		t.Errorf("claims %v, want none", units[0].Claims)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), `"claimed.zz" names no indicator`) {
		t.Errorf("warnings %v", warnings)
	}
}
