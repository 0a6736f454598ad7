package indicators

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/diag"
)

// fullRuleset sets every field of a ruleset and of everything it holds, so
// that TestCloneShares sees each one (TestCloneSampleIsFull checks it).
func fullRuleset() *Ruleset {
	pos := diag.Pos{File: "r.yaml", Line: 1, Col: 1}
	f := func(src string) Formula { return Formula{Src: src, Pos: pos, Line: "l", Block: true, Indent: 2} }
	score := 90.0
	return &Ruleset{
		ID: "r", Title: "t", Version: "1", Missing: MissingZero, Reverse: ReverseLinear,
		Grades: []Grade{{Min: 90, Label: "优", Pos: pos}},
		Inputs: []Input{{ID: "a", Label: "甲", Unit: "万元", Type: TypeNumber, Optional: true, Pos: pos}},
		Checks: []Check{{ID: "c", Assert: f("a > 0"), Message: "m", Pos: pos}},
		Indicators: []Indicator{{
			ID: "i", Label: "l", Group: []string{"产出"}, Weight: 10, Use: "u", Note: "n", Form: FormBands,
			Value: f("a"), Target: Target{Op: ">=", Expr: f("1")}, Reverse: ReverseRatio,
			Bands: []Band{{When: f("value > 1"), Score: f("1"), Else: true, Pos: pos}},
			Tiers: Tiers{A: 1, B: 0.5, C: 0.1}, Deduct: Deduct{Count: f("a"), Points: 1}, Score: f("weight"), Pos: pos,
			Relative: RelativeEfficacy, Lower: true, Panel: PanelTrimmed, Spread: 0.2,
			Overshoot: &OvershootRule{Ratio: 1.3, Deduct: 2, Use: "u", Pos: pos},
		}},
		Monitor:   Monitor{Green: 1, Yellow: 0.8},
		Overshoot: &OvershootRule{Ratio: 1.5, Deduct: 1, Use: "u", Pos: pos},
		Adjust:    []Adjust{{ID: "cap", Label: "封顶", Kind: AdjustCap, When: f("a < 1"), Cap: f("89"), Add: f("1"), Use: "u", Pos: pos}},
		MaxTotal:  &score,
		Outcomes:  []Outcome{{Grade: "优", Action: "优先保障", Change: f("0"), Pos: pos}},
		Tests: []Case{{
			Name: "c", Score: &score, Grade: "优", Pos: pos, File: "r.test.yaml",
			Data:   map[string]any{"a": 1, "list": []any{map[string]any{"x": 1}}, "odd": map[any]any{1: []any{2}}},
			Points: map[string]float64{"i": 10}, Status: map[string]string{"i": "ok"},
			Adjustments: map[string]CaseAdjust{"cap": {After: 89, NotApplied: true}}, Outcome: "优先保障", Change: &score,
			Populations: []CasePopulation{{ID: "i", Values: []float64{1, 2}, Pos: pos}},
		}},
		File: "r.yaml", Source: []byte("id: r\n"), SHA256: "ab", Pos: pos,
	}
}

// TestCloneSampleIsFull fails when a field is added to the model and not
// to fullRuleset, so that Clone's test cannot miss a new slice or map.
func TestCloneSampleIsFull(t *testing.T) {
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		if v.IsZero() {
			t.Errorf("fullRuleset leaves %s unset", path)
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			walk(v.Elem(), path)
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Struct {
				walk(v.Index(0), path+"[0]")
			}
		}
	}
	walk(reflect.ValueOf(fullRuleset()), "Ruleset")
}

// TestCloneShares: the clone equals the ruleset and shares no memory
// with it, down to the lists and maps inside a test case's data.
func TestCloneShares(t *testing.T) {
	rs := fullRuleset()
	c := rs.Clone()
	if !reflect.DeepEqual(c, rs) {
		t.Fatalf("clone differs:\n%+v\nwant\n%+v", c, rs)
	}
	var walk func(a, b reflect.Value, path string)
	walk = func(a, b reflect.Value, path string) {
		switch a.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice:
			if !a.IsNil() && a.Pointer() == b.Pointer() && (a.Kind() != reflect.Slice || a.Len() > 0) {
				t.Errorf("the clone shares %s", path)
			}
		}
		switch a.Kind() {
		case reflect.Interface, reflect.Pointer:
			if !a.IsNil() {
				walk(a.Elem(), b.Elem(), path)
			}
		case reflect.Struct:
			for i := 0; i < a.NumField(); i++ {
				walk(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)
			}
		case reflect.Slice:
			for i := 0; i < a.Len(); i++ {
				walk(a.Index(i), b.Index(i), path+"[]")
			}
		case reflect.Map:
			for _, k := range a.MapKeys() {
				walk(a.MapIndex(k), b.MapIndex(k), path+"[key]")
			}
		}
	}
	walk(reflect.ValueOf(rs), reflect.ValueOf(c), "Ruleset")
	if (*Ruleset)(nil).Clone() != nil {
		t.Error("a nil ruleset cloned to a ruleset")
	}
}
