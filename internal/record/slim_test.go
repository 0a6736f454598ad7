package record

import (
	"fmt"
	"math"
	"testing"
)

// TestCentsBitForBit: Cents gives back every float64 bit for bit, in at
// most 3 bytes for points and totals of two decimals, and 9 for the rest.
func TestCentsBitForBit(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 0.01, 0.1 + 0.2, 8.62, 100, 99.99, -3.5, 1e15, -1e300, math.NaN(),
		math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64, 1.0 / 3, 92233720368547.76, 90071992547409.92} {
		w := Codec{}
		w.Cents(&x)
		if k, ok := cents(x); ok && len(w.B) > 4 {
			t.Errorf("%v (%d cents): %d bytes", x, k, len(w.B))
		}
		r := Codec{B: w.B, Read: true}
		var y float64
		r.Cents(&y)
		if r.Short || len(r.B) != 0 || math.Float64bits(x) != math.Float64bits(y) {
			t.Errorf("%v (%x): read %v (%x), short %v, %d bytes left", x, math.Float64bits(x), y, math.Float64bits(y), r.Short, len(r.B))
		}
	}
	for k := int64(-20000); k <= 20000; k++ {
		x := float64(k) / 100
		w := Codec{}
		w.Cents(&x)
		if len(w.B) > 3 {
			t.Fatalf("%v: %d bytes", x, len(w.B))
		}
		r := Codec{B: w.B, Read: true}
		var y float64
		r.Cents(&y)
		if math.Float64bits(x) != math.Float64bits(y) {
			t.Fatalf("%v read %v", x, y)
		}
	}
}

// TestWords: a text is written by number once the table knows it, read
// back the same, and written whole once the table is full.
func TestWords(t *testing.T) {
	var words Words
	texts := []string{"", "missing", "项目支出 + 基本支出 应等于财政拨款支出", "missing"}
	w := Codec{Words: &words}
	for i := range texts {
		w.Word(&texts[i])
	}
	if len(w.B) != len(texts) {
		t.Errorf("%d bytes for %d known texts, want a byte each", len(w.B), len(texts))
	}
	for i := 0; i < maxWords; i++ {
		s := fmt.Sprint("w", i)
		w.Word(&s)
	}
	full := "past the table"
	w.Word(&full)
	r := Codec{B: w.B, Read: true, Words: &words}
	for i := range texts {
		var s string
		r.Word(&s)
		if s != texts[i] {
			t.Errorf("text %d: %q, want %q", i, s, texts[i])
		}
	}
	var s string
	for i := 0; i < maxWords; i++ {
		if r.Word(&s); s != fmt.Sprint("w", i) {
			t.Fatalf("text %d: %q", 4+i, s)
		}
	}
	r.Word(&s)
	if s != full || r.Short || len(r.B) != 0 {
		t.Errorf("past a full table: %q (short %v, %d bytes left), want %q", s, r.Short, len(r.B), full)
	}
	// A number the table does not have is a record cut short, not a
	// wrong text.
	r = Codec{B: []byte{200, 1}, Read: true, Words: &Words{}}
	r.Word(&s)
	if !r.Short {
		t.Error("an unknown number read without a complaint")
	}
}
