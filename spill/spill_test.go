package spill

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// TestSpill writes the same bytes into spills that keep them in memory,
// move to a file part way, and write to a file from the first byte, and
// reads them back whole, by sections and at offsets, between writes.
func TestSpill(t *testing.T) {
	var want []byte
	for i := 0; i < 5000; i++ {
		want = fmt.Appendf(want, "record %d;", i)
	}
	for _, limit := range []int{1 << 20, 20000, 0} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			s := New(limit)
			defer s.Close()
			for at := 0; at < len(want); at += 777 {
				if _, err := s.Write(want[at:min(at+777, len(want))]); err != nil {
					t.Fatal(err)
				}
				if at == 777*10 {
					// A read between writes sees what was written so far.
					b, err := s.ReadAt(100, 50, nil)
					if err != nil || !bytes.Equal(b, want[100:150]) {
						t.Fatalf("ReadAt between writes = %q, %v", b, err)
					}
				}
			}
			if s.Len() != int64(len(want)) {
				t.Fatalf("Len = %d, want %d", s.Len(), len(want))
			}
			var all bytes.Buffer
			if _, err := s.WriteTo(&all); err != nil || !bytes.Equal(all.Bytes(), want) {
				t.Fatalf("WriteTo: %d bytes, %v", all.Len(), err)
			}
			r, err := s.Section(30000, 30100)
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := io.ReadAll(r); !bytes.Equal(b, want[30000:30100]) {
				t.Errorf("Section = %q", b)
			}
			if (s.f != nil) != (limit < len(want)) {
				t.Errorf("limit %d of %d bytes: file %v", limit, len(want), s.f != nil)
			}
		})
	}
}
