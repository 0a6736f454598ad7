package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
)

// A stream worker recovers once for a run of units, not once a unit: a
// unit whose scoring panics (here a formula's fast closure, on a = 13)
// still becomes that unit's internal error, and every other unit of its
// chunk, before and after it, scores as it would without the panic.
func TestPanickingUnitFailsAlone(t *testing.T) {
	for _, workers := range []int{1, 2} {
		o := &Options{Workers: workers}
		ref, err := formulaProgram("a * 2 + b", o)
		if err != nil {
			t.Fatal(err)
		}
		prog := *ref
		prog.inds = append([]compiledIndicator(nil), ref.inds...)
		f := *prog.inds[0].score
		num := f.num
		if num == nil {
			t.Fatal("the score formula has no fast path to make panic")
		}
		f.num = func(s *scratch) float64 {
			if s.in[0] == 13 {
				panic("boom")
			}
			return num(s)
		}
		prog.inds[0].score = &f
		var units []indicators.Unit
		for i := range 3 * chunkUnits {
			units = append(units, indicators.Unit{ID: fmt.Sprintf("u%05d", i),
				Values: []indicators.Value{indicators.NumberValue(float64(i % 40)), indicators.NumberValue(float64(i % 7)), indicators.NumberValue(1)}})
		}
		got, err := prog.Eval(context.Background(), units)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ref.Eval(context.Background(), units)
		if err != nil {
			t.Fatal(err)
		}
		failed := 0
		for i := range units {
			g, w := &got.Units[i], &want.Units[i]
			if units[i].Values[0].Num == 13 {
				failed++
				if !g.Failed() || g.Errors[0].Code != "internal" || !strings.Contains(g.Errors[0].Msg, "boom") {
					t.Fatalf("workers %d: %s panicked and got %+v", workers, g.Unit, g.Errors)
				}
				continue
			}
			if g.Failed() || g.Unit != w.Unit || g.Score != w.Score || g.Grade != w.Grade || g.Indicators[0].Points != w.Indicators[0].Points {
				t.Fatalf("workers %d: %s scored %v %s %v, without the panic %s %v %s", workers, g.Unit, g.Score, g.Grade, g.Errors, w.Unit, w.Score, w.Grade)
			}
		}
		if failed < 3 {
			t.Fatalf("workers %d: %d units panicked; the test wants several per chunk", workers, failed)
		}
	}
}
