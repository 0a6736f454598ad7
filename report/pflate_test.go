package report

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

// sheetLike is n bytes that deflate as a sheet's XML does: rows of cells
// with repeated tags and varying numbers.
func sheetLike(n int) []byte {
	r := rand.New(rand.NewPCG(7, 9))
	var b bytes.Buffer
	for row := 1; b.Len() < n; row++ {
		fmt.Fprintf(&b, `<row r="%d">`, row)
		for c := 0; c < 12; c++ {
			fmt.Fprintf(&b, `<c r="%c%d" s="3"><v>%.4f</v></c>`, 'A'+c, row, r.Float64()*1000)
		}
		b.WriteString("</row>")
	}
	return b.Bytes()[:n]
}

// parallelFlate's stream inflates to what was written, whatever the size
// (none, under a chunk, a chunk exactly, many) and however the writes
// split it; the same bytes give the same stream every way; a stream
// shorter than a chunk is a single writer's bytes, as before.
func TestParallelFlate(t *testing.T) {
	for _, n := range []int{0, 1, 1000, pflateChunk - 1, pflateChunk, pflateChunk + 1, 5*pflateChunk + 17} {
		in := sheetLike(n)
		var first []byte
		for _, split := range []int{1 << 30, 4096, 977} {
			if split == 977 && n > 2*pflateChunk {
				split = 65521 // many writes, not millions
			}
			var out bytes.Buffer
			p := newParallelFlate(&out, 5)
			for b := in; len(b) > 0; {
				k := min(split, len(b))
				if _, err := p.Write(b[:k]); err != nil {
					t.Fatal(err)
				}
				b = b[k:]
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(out.Bytes())))
			if err != nil {
				t.Fatalf("%d bytes in writes of %d: inflating: %v", n, split, err)
			}
			if !bytes.Equal(got, in) {
				t.Fatalf("%d bytes in writes of %d: inflated to %d bytes, differing at %d", n, split, len(got), firstDiff(got, in))
			}
			if first == nil {
				first = out.Bytes()
			} else if !bytes.Equal(out.Bytes(), first) {
				t.Errorf("%d bytes in writes of %d: a stream other than in one write", n, split)
			}
		}
		if n < pflateChunk {
			var one bytes.Buffer
			fw, _ := flate.NewWriter(&one, 5)
			fw.Write(in)
			fw.Close()
			if !bytes.Equal(first, one.Bytes()) {
				t.Errorf("%d bytes: not a single writer's stream", n)
			}
		} else {
			var one bytes.Buffer
			fw, _ := flate.NewWriter(&one, 5)
			fw.Write(in)
			fw.Close()
			t.Logf("%d bytes: %d deflated in chunks, %d by one writer", n, len(first), one.Len())
			if len(first) > one.Len()*102/100 {
				t.Errorf("%d bytes: %d deflated in chunks, more than 2 %% over one writer's %d", n, len(first), one.Len())
			}
		}
	}
}

type failAfter struct{ after int }

var errDiskFull = errors.New("disk full")

func (f *failAfter) Write(b []byte) (int, error) {
	if f.after < len(b) {
		return 0, errDiskFull
	}
	f.after -= len(b)
	return len(b), nil
}

// A write that fails is the stream's error, from Write or from Close, and
// no chunk is left deflating.
func TestParallelFlateWriteError(t *testing.T) {
	in := sheetLike(20 * pflateChunk)
	p := newParallelFlate(&failAfter{after: 100}, 5)
	var err error
	for b := in; len(b) > 0 && err == nil; b = b[min(len(b), 1<<16):] {
		_, err = p.Write(b[:min(len(b), 1<<16)])
	}
	if cerr := p.Close(); !errors.Is(err, errDiskFull) && !errors.Is(cerr, errDiskFull) {
		t.Errorf("Write %v, Close %v: want %v", err, cerr, errDiskFull)
	}
	if len(p.pending) != 0 {
		t.Errorf("%d chunks left pending", len(p.pending))
	}
	if _, err := p.Write([]byte("x")); err == nil {
		t.Error("a write after the error succeeded")
	}
}
