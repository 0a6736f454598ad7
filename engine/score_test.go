package engine_test

import (
	"context"
	"testing"
)

// A stream worker's results borrow the scratch's memory (the outcome,
// the indicator arrays); Eval keeps every result, so each must have its
// own: every unit's outcome is its own grade's, not the last unit's.
func TestEvalResultsOwnTheirOutcome(t *testing.T) {
	prog, units := genUnits(t, "grid-center", 500, nil)
	rs := prog.Ruleset()
	action := map[string]string{}
	for _, o := range rs.Outcomes {
		action[o.Grade] = o.Action
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := range res.Units {
		u := &res.Units[i]
		if u.Failed() {
			continue
		}
		if u.Outcome == nil || u.Outcome.Action != action[u.Grade] {
			t.Fatalf("%s (grade %s): outcome %+v, want action %s", u.Unit, u.Grade, u.Outcome, action[u.Grade])
		}
		seen[u.Grade] = true
		for j := range res.Units[:i] {
			if res.Units[j].Outcome == u.Outcome {
				t.Fatalf("%s and %s share one outcome", res.Units[j].Unit, u.Unit)
			}
		}
	}
	if len(seen) < 3 {
		t.Fatalf("the units got grades %v: too few to tell", seen)
	}
}
