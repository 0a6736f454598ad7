package engine_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// bigSink renders each unit as a large record (its index, then filler,
// as a JSON record with explanations is) and notes the most bytes of
// records a worker held when it rendered one.
type bigSink struct {
	size    int
	mu      sync.Mutex
	maxHeld int
	emitted []int
	ranks   []int
}

func (s *bigSink) Render(dst []byte, u *engine.UnitResult) []byte {
	s.mu.Lock()
	s.maxHeld = max(s.maxHeld, len(dst))
	s.mu.Unlock()
	var i int
	fmt.Sscanf(u.Unit, "u%d", &i)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(i))
	return append(dst, bytes.Repeat([]byte{byte(i)}, s.size-4)...)
}

func (s *bigSink) Start(engine.Summary) error { return nil }

func (s *bigSink) Emit(rec []byte, rank int) error {
	i := int(binary.LittleEndian.Uint32(rec))
	if len(rec) != s.size || rec[len(rec)-1] != byte(i) {
		return fmt.Errorf("record of unit %d: %d bytes, last %d", i, len(rec), rec[len(rec)-1])
	}
	s.emitted = append(s.emitted, i)
	s.ranks = append(s.ranks, rank)
	return nil
}

// chunks is a chunked source (NextChunk, as data's CSV reader) of units u0, u1, ... with n = their
// index, perChunk to a chunk.
type chunks struct {
	next, total, perChunk int
}

func (c *chunks) Next() (*indicators.Unit, error) { panic("read through NextChunk") }

func (c *chunks) NextChunk() (func(buf []indicators.Unit) ([]indicators.Unit, error), error) {
	if c.next >= c.total {
		return nil, io.EOF
	}
	from, to := c.next, min(c.next+c.perChunk, c.total)
	c.next = to
	return func(buf []indicators.Unit) ([]indicators.Unit, error) {
		for i := from; i < to; i++ {
			buf = append(buf, indicators.Unit{ID: fmt.Sprintf("u%d", i), Values: []indicators.Value{indicators.NumberValue(float64(i))}})
		}
		return buf, nil
	}, nil
}

// A worker spills the records it renders as it goes: however large a
// chunk's output (64 records of 16 KB here, 1 MB), a worker holds a few
// hundred kilobytes of them at most, so that memory does not grow with
// the output of the chunks in flight (which made 64 workers use 1.1 GB
// on a JSON output of 50000 units). The records still come back whole and
// in input order, with their ranks.
func TestStreamWorkersHoldLittle(t *testing.T) {
	rs := limitRuleset(t, "n >= 0 ? 50 : 0")
	for _, workers := range []int{1, 7, 32} {
		prog, err := engine.Compile(rs, &engine.Options{Workers: workers, SpillMemory: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		const total, size = 1280, 16 << 10
		sink := &bigSink{size: size}
		sum, err := prog.Stream(context.Background(), &chunks{total: total, perChunk: 64}, sink)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Units != total || len(sink.emitted) != total {
			t.Fatalf("%d workers: %d units, %d emitted", workers, sum.Units, len(sink.emitted))
		}
		for i, u := range sink.emitted {
			// n ≥ 1 meets the target of plain: 100, rank 1; n = 0: 50.
			wantRank := 1
			if u == 0 {
				wantRank = total
			}
			if u != i || sink.ranks[i] != wantRank {
				t.Fatalf("%d workers: record %d is unit %d of rank %d, want unit %d of rank %d", workers, i, u, sink.ranks[i], i, wantRank)
			}
		}
		if sink.maxHeld > 512<<10 {
			t.Errorf("%d workers: a worker held %d bytes of records, want at most 512 KB", workers, sink.maxHeld)
		}
	}
}
