// The race detector's instrumentation allocates, so counting allocations
// means something only without it; `go test -race` leaves this file out.

//go:build !race

package engine_test

import "testing"

// Issue 18: once a worker's result has grown, scoring a unit allocates
// nothing: no expr environment built for a formula that has a fast path
// (the outcome's change), no outcome or string made per unit. Generated
// grid-center units cover missing inputs, 不适用, failed checks and every
// grade with its outcome.
func TestScoreAllocatesNothing(t *testing.T) {
	prog, units := genUnits(t, "grid-center", 2000, nil)
	ev := prog.NewEvaluator()
	run := func() {
		for i := range units {
			ev.Eval(&units[i])
		}
	}
	run()
	if n := testing.AllocsPerRun(5, run) / float64(len(units)); n != 0 {
		t.Errorf("grid-center: %.3f allocations per unit, want 0", n)
	}
}
