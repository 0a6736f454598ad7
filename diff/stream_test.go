package diff_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/diff"
)

// TestCompareIsDiff streams the example's units under both rulesets into
// Recorders and checks that Compare gives what Diff gives of the whole
// results: units of both sides, one failing under the new rules only
// (a cell of a column only the new one reads is no number), a repeated id, and the causes' order and sums.
func TestCompareIsDiff(t *testing.T) {
	csv := strings.ReplaceAll(strings.Replace(units, "satisfaction\n", "satisfaction,extra\n", 1), "\n", ",\n")
	csv = strings.Replace(csv, "extra,\n", "extra\n", 1) + "U4,丁单位,50,100,0.5,不是数\nU2,重复,1,1,1,\nU5,戊单位,100,100,,\n"
	oldRes, oldRec, _ := scoreBoth(t, "old.yaml", oldRules, csv)
	newRes, newRec, _ := scoreBoth(t, "new.yaml", strings.Replace(newRules, "  satisfaction: {label: 满意度}\n", "  satisfaction: {label: 满意度}\n  extra: {label: 附加}\n", 1), csv)
	want := diff.Diff(oldRes, newRes)
	got, err := diff.Compare(oldRec, newRec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Units) < 5 || len(want.Indicators) != 2 {
		t.Fatalf("the fixture compares too little: %d units, %d indicators", len(want.Units), len(want.Indicators))
	}
	// A recorded error keeps what its text shows, not the error it wraps.
	for _, c := range []*diff.Comparison{got, want} {
		for i := range c.Units {
			for _, s := range []*diff.Side{&c.Units[i].Old, &c.Units[i].New} {
				for k, e := range s.Errors {
					shown := *e
					shown.Err = nil
					s.Errors[k] = &shown
				}
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compare:\n%+v\nDiff:\n%+v", got, want)
	}
}
