package data

import (
	"bytes"
	"io"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/cputime"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

// genCSV returns n generated grid-center units as CSV, with the schema.
func genCSV(tb testing.TB, n int) ([]byte, *Schema) {
	tb.Helper()
	rs, err := rulesets.Open("grid-center")
	if err != nil {
		tb.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := synth.NewGenerator(rs, prog.NewProbe(), n, 1).WriteCSV(&buf, n); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), Options{Lang: "en"}.NewSchema(rs)
}

// BenchmarkCSV reads grid-center units: ns/op is per unit. fast is the
// chunked reader as engine.Stream's workers use it (one goroutine here),
// encoding-csv the reader it replaced.
func BenchmarkCSV(b *testing.B) {
	text, s := genCSV(b, 20000)
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(text)) / 20000)
		b.ReportAllocs()
		var buf []indicators.Unit
		start := cputime.Now()
		for i := 0; i < b.N; i += 20000 {
			c, err := newCSVChunks("b.csv", bytes.NewReader(text), s, &Options{Lang: "en"}, csvChunk)
			if err != nil {
				b.Fatal(err)
			}
			for {
				dec, err := c.NextChunk()
				if err == io.EOF {
					break
				}
				buf, err = dec(buf[:0])
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		cputime.Report(b, start)
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(text)) / 20000)
		b.ReportAllocs()
		start := cputime.Now()
		for i := 0; i < b.N; i += 20000 {
			src, err := newRefCSV("b.csv", bytes.NewReader(text), s)
			if err != nil {
				b.Fatal(err)
			}
			for {
				if _, err := src.Next(); err == io.EOF {
					break
				}
			}
		}
		cputime.Report(b, start)
	})
}
