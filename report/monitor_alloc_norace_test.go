// The race detector's instrumentation allocates, so counting allocations
// means something only without it (as the standard library's alloc tests
// do); `go test ./...` runs this test, `go test -race` leaves it out.

//go:build !race

package report

import (
	"io"
	"testing"
)

// Issue 17: monitor's per-unit work in csv and json — the record on a
// worker, the row written in order — allocates nothing once its buffers
// have grown, as eval's does; the failed unit (M05) and its error message
// included.
func TestMonitorCSVRowsAllocateNothing(t *testing.T) {
	p, mon, units := monitorTestUnits(t)
	for _, f := range []string{"csv", "json"} {
		s := newMonitorRows(f, NewMeta(p, nil), mon, false)
		if err := s.Begin(io.Discard, s.m); err != nil {
			t.Fatal(err)
		}
		var rec []byte
		run := func() {
			for i := range units {
				rec = s.AppendUnit(rec[:0], &units[i])
				if err := s.WriteUnit(io.Discard, rec, i+1); err != nil {
					t.Fatal(err)
				}
			}
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("monitor %s: %d units allocate %v times, want 0", f, len(units), n)
		}
	}
}
