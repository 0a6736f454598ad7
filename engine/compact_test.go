package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
)

// fieldSink writes every field a compact record keeps of a result (see
// engine's compactRenderer), numbers by their bits; compact says whether
// it asks Stream for compact records.
type fieldSink struct {
	compact bool
	out     bytes.Buffer
}

func (s *fieldSink) RendersCompact() bool { return s.compact }

func (s *fieldSink) Render(dst []byte, u *engine.UnitResult) []byte {
	return appendFields(dst, u)
}

func appendFields(dst []byte, u *engine.UnitResult) []byte {
	dst = fmt.Appendf(dst, "%s|%s|%s:%d|%x|%s|", u.Unit, u.Name, u.Pos.File, u.Pos.Line, math.Float64bits(u.Score), u.Grade)
	for _, e := range u.Errors {
		dst = fmt.Appendf(dst, "error %s;", e.Error())
	}
	for _, ir := range u.Indicators {
		dst = fmt.Appendf(dst, "|%s,%s,%v,%s,%v,%x,%q,%v,%x", ir.ID, ir.Label, ir.Weight, ir.Status,
			ir.HasValue, math.Float64bits(ir.Value), ir.Tier, ir.HasTarget, math.Float64bits(ir.Target))
	}
	// The failed checks alone: the passed and skipped ones are not kept.
	for _, c := range u.Checks {
		if !c.OK && !c.Skipped {
			dst = fmt.Appendf(dst, "|check %s %q", c.ID, c.Message)
		}
	}
	return append(dst, '\n')
}

func (s *fieldSink) Start(engine.Summary) error { return nil }

func (s *fieldSink) Emit(rec []byte, rank int) error {
	fmt.Fprintf(&s.out, "%d ", rank)
	s.out.Write(rec)
	return nil
}

// TestStreamCompactSameBytes: a sink that asks for compact records gets
// each unit's result back after the first pass with every field they
// keep as the unit was scored — repeated ids (failed after all, named
// with their first line), failed units, N/A, missing, ÷0 — and in input
// order with its rank, whatever the number of workers, as the sink that
// has its rendered records spilled does.
func TestStreamCompactSameBytes(t *testing.T) {
	text := streamData(t, compile(t, "grid-center", nil), 3000)
	for _, workers := range []int{1, 3} {
		prog := compile(t, "grid-center", &engine.Options{Workers: workers})
		var outs [2][]byte
		for i, compact := range []bool{false, true} {
			src, err := data.OpenStreamReader("t.csv", bytes.NewReader(text), data.NewSchema(prog.Ruleset()), false)
			if err != nil {
				t.Fatal(err)
			}
			sink := &fieldSink{compact: compact}
			if _, err := prog.Stream(context.Background(), src, sink); err != nil {
				t.Fatal(err)
			}
			outs[i] = sink.out.Bytes()
		}
		if len(outs[0]) < 3000*200 || !bytes.Contains(outs[0], []byte("appears again")) {
			t.Fatalf("%d workers: %d bytes without a repeated id: the data is not what the test needs", workers, len(outs[0]))
		}
		if !bytes.Equal(outs[1], outs[0]) {
			i := firstDiff(outs[1], outs[0])
			t.Fatalf("%d workers: compact records, byte %d differs:\n%s\nspilled:\n%s", workers, i, around(outs[1], i), around(outs[0], i))
		}
	}
}

// TestCompactRoundTrip: the compact record of a result gives back the
// fields it keeps bit for bit, at their edges: NaN, ±Inf, −0 and
// integers past 2⁵³ as values, a target not the ruleset's, a tier of
// more than a letter, a status of no known kind, a failed unit's errors.
func TestCompactRoundTrip(t *testing.T) {
	prog, base := firstScored(t)
	edge := base
	edge.Indicators = append([]engine.IndicatorResult(nil), base.Indicators...)
	values := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 1 << 60, -(1 << 53) + 1, 0.1, 12345}
	for k := range edge.Indicators {
		ir := &edge.Indicators[k]
		ir.Value, ir.HasValue = values[k%len(values)], true
		if k%3 == 0 {
			ir.Target, ir.HasTarget = 0.123, true
		}
	}
	edge.Indicators[1].Tier = "AB"
	edge.Indicators[2].Status = "someday"
	edge.Indicators[3].HasValue, edge.Indicators[3].Value = false, 0
	// Checks: one failed with its own message, one failed with a message
	// of the unit's (a check that could not be computed), one skipped.
	edge.Checks = append([]engine.CheckResult(nil), base.Checks...)
	if len(edge.Checks) < 3 {
		t.Fatalf("grid-center has %d checks, the test needs 3", len(edge.Checks))
	}
	edge.Checks[0] = engine.CheckResult{ID: edge.Checks[0].ID, OK: false, Message: prog.FailMessage(0)}
	edge.Checks[1] = engine.CheckResult{ID: edge.Checks[1].ID, OK: false, Message: "检查无法计算：division by zero"}
	edge.Checks[2] = engine.CheckResult{ID: edge.Checks[2].ID, OK: false, Skipped: true, Message: "缺少数据，未检查"}
	failed := engine.UnitResult{Unit: "F1", Name: "坏", Pos: diag.Pos{File: "t.csv", Line: 9},
		Errors: []*diag.Error{{Pos: diag.Pos{File: "t.csv", Line: 9, Col: 3}, Code: "bad_cell", Field: "spent", Value: "x", Msg: "not a number"}}}
	var got engine.UnitResult
	for _, want := range []*engine.UnitResult{&base, &edge, &failed, &base} {
		if err := prog.CompactRoundTrip(want, &got); err != nil {
			t.Fatalf("%s: %v", want.Unit, err)
		}
		if g, w := appendFields(nil, &got), appendFields(nil, want); !bytes.Equal(g, w) {
			t.Errorf("round trip of %s:\n got %s\nwant %s", want.Unit, g, w)
		}
	}
}

// FuzzCompactRoundTrip: whatever an indicator's value, target, status
// and tier, and a unit's id and name, a compact record gives them back
// bit for bit.
func FuzzCompactRoundTrip(f *testing.F) {
	prog, base := firstScored(f)
	f.Add(uint8(0), math.Float64bits(0.5), true, math.Float64bits(1), true, "ok", "", "U1", "甲")
	f.Add(uint8(3), math.Float64bits(math.Copysign(0, -1)), true, math.Float64bits(math.NaN()), false, "na", "B", "", "")
	f.Add(uint8(20), uint64(1<<63|12345), false, uint64(0), true, "someday", "部分达成", "U\x00", "a,b")
	f.Fuzz(func(t *testing.T, k uint8, value uint64, hasValue bool, target uint64, hasTarget bool, status, tier, id, name string) {
		r := base
		r.Unit, r.Name = id, name
		r.Indicators = append([]engine.IndicatorResult(nil), base.Indicators...)
		ir := &r.Indicators[int(k)%len(r.Indicators)]
		ir.Value, ir.HasValue = math.Float64frombits(value), hasValue
		if !hasValue {
			ir.Value = 0
		}
		ir.Target, ir.HasTarget = math.Float64frombits(target), hasTarget
		if !hasTarget {
			ir.Target = 0
		}
		ir.Status, ir.Tier = status, tier
		var got engine.UnitResult
		if err := prog.CompactRoundTrip(&r, &got); err != nil {
			t.Fatal(err)
		}
		if g, w := appendFields(nil, &got), appendFields(nil, &r); !bytes.Equal(g, w) {
			t.Errorf("round trip:\n got %q\nwant %q", g, w)
		}
	})
}

// firstScored is grid-center and the result of the first unit of
// streamData, a copy of its own.
func firstScored(t testing.TB) (*engine.Program, engine.UnitResult) {
	t.Helper()
	prog := compile(t, "grid-center", nil)
	src, err := data.OpenStreamReader("t.csv", bytes.NewReader(streamData(t, prog, 40)), data.NewSchema(prog.Ruleset()), false)
	if err != nil {
		t.Fatal(err)
	}
	u, err := src.Next()
	if err != nil {
		t.Fatal(err)
	}
	r := *prog.NewEvaluator().Eval(u)
	r.Indicators = append([]engine.IndicatorResult(nil), r.Indicators...)
	return prog, r
}
