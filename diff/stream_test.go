package diff_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// TestCompareIsDiff streams the example's units under both rulesets into
// Recorders and checks that Compare gives what Diff gives of the whole
// results: units of both sides, one failing under the new rules only
// (a cell of a column only the new one reads is no number), a repeated id, and the causes' order and sums.
func TestCompareIsDiff(t *testing.T) {
	csv := strings.ReplaceAll(strings.Replace(units, "satisfaction\n", "satisfaction,extra\n", 1), "\n", ",\n")
	csv = strings.Replace(csv, "extra,\n", "extra\n", 1) + "U4,丁单位,50,100,0.5,不是数\nU2,重复,1,1,1,\nU5,戊单位,100,100,,\n"
	progs := []*engine.Program{}
	for _, r := range []struct{ name, text string }{{"old.yaml", oldRules}, {"new.yaml", strings.Replace(newRules, "  satisfaction: {label: 满意度}\n", "  satisfaction: {label: 满意度}\n  extra: {label: 附加}\n", 1)}} {
		rs, err := rulesets.Load(r.name, []byte(r.text))
		if err != nil {
			t.Fatal(err)
		}
		p, err := engine.Compile(rs, nil)
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, p)
	}
	var results []*engine.Result
	var recs []*diff.Recorder
	for _, p := range progs {
		src, err := data.OpenReader("units.csv", strings.NewReader(csv), data.NewSchema(p.Ruleset()))
		if err != nil {
			t.Fatal(err)
		}
		us, _, _, err := data.Collect(src)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Eval(context.Background(), us)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
		rec := diff.NewRecorder(p)
		defer rec.Close()
		stream, err := data.OpenReader("units.csv", strings.NewReader(csv), data.NewSchema(p.Ruleset()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Stream(context.Background(), stream, rec); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	want := diff.Diff(results[0], results[1])
	got, err := diff.Compare(recs[0], recs[1], nil)
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
