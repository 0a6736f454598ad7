package report

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/engine"
)

// TestXLSXSlimRecords: the xlsx's records, which wait in a temporary file
// until every unit is ranked, are slim — an eighth of the full records of
// the drawn formats for grid-center — and the workbook is the same bytes
// as from full records, with 1 and 3 workers, records kept in memory or
// spilled at once, units with failed checks, missing inputs, 不适用 and
// repeated ids among them.
func TestXLSXSlimRecords(t *testing.T) {
	_, demo := builtin(t, "grid-center")
	units := generated(t, demo.prog.Ruleset(), 700, 7)
	units = append(units, units[3], units[400]) // two repeated ids
	full := Format{Name: "xlsx", Binary: true, Sort: "rank", Rows: func(o Options, m Meta) Rows {
		return &drawRows{d: newXLSXWriter(o), m: m}
	}}
	slim, err := Lookup("xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for _, c := range []struct {
		f              Format
		workers, spill int
	}{{full, 1, 1 << 30}, {slim, 1, 1 << 30}, {slim, 3, -1}, {slim, 3, 1 << 30}, {full, 3, -1}} {
		prog, err := engine.Compile(demo.prog.Ruleset(), &engine.Options{Workers: c.workers, SpillMemory: c.spill})
		if err != nil {
			t.Fatal(err)
		}
		m := NewMeta(prog, &engine.DataInfo{Files: []string{"gen.csv"}})
		var b bytes.Buffer
		if _, err := Write(context.Background(), &b, c.f, Options{}, m, prog, &unitList{units: units}); err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = b.Bytes()
			continue
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%d workers, spill %d, slim %v: the workbook differs from full records' at byte %d", c.workers, c.spill,
				c.f.Rows(Options{}, m).(*drawRows).slim, firstDiff(b.Bytes(), want))
		}
	}

	// The records' size, as Stream spills them.
	prog, err := engine.Compile(demo.prog.Ruleset(), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMeta(prog, &engine.DataInfo{Files: []string{"gen.csv"}})
	rows := map[bool]Rows{false: full.Rows(Options{}, m), true: slim.Rows(Options{}, m)}
	size := map[bool]int{}
	var rec []byte
	for i := range units[:700] {
		u := prog.EvalUnit(&units[i])
		for k, r := range rows {
			rec = r.AppendUnit(rec[:0], &u)
			size[k] += len(rec)
		}
	}
	perUnit := size[true] / 700
	t.Logf("bytes a unit: full %d, slim %d", size[false]/700, perUnit)
	if !rows[true].(*drawRows).slim || perUnit*8 > size[false]/700 || perUnit > 190 {
		t.Errorf("slim records of %d bytes a unit, full ones %d: want an eighth at most, and at most 190", perUnit, size[false]/700)
	}
}

// TestXLSXSheetsAsExcelize: 评分表 and 未通过, written by hand straight
// into the zip, make the same workbook as excelize's StreamWriter (which
// keeps them in temporary files until the end) — the same parts in the
// same order, each the same bytes once inflated; a part of over a
// megabyte is deflated in chunks on every core (parallelFlate), so its
// deflated bytes are not a single writer's — with 1 and 3 workers, slim
// records or full, for the sample (claims, failed units) and generated
// units (failed checks, missing inputs, 不适用, repeated ids), and for a
// 未通过 too short for every failure.
func TestXLSXSheetsAsExcelize(t *testing.T) {
	_, demo := builtin(t, "grid-center")
	units := generated(t, demo.prog.Ruleset(), 700, 11)
	units = append(units, units[3], units[400])
	format := func(reference, slim bool, maxFails int) Format {
		return Format{Name: "xlsx", Binary: true, Sort: "rank", Rows: func(o Options, m Meta) Rows {
			x := newXLSXWriter(o)
			x.excelizeSheets = reference
			if maxFails > 0 {
				x.maxFails = maxFails
			}
			if slim {
				return xlsxRows(x, m)
			}
			return &drawRows{d: x, m: m}
		}}
	}
	write := func(f Format, workers int) []byte {
		prog, err := engine.Compile(demo.prog.Ruleset(), &engine.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		m := NewMeta(prog, &engine.DataInfo{Files: []string{"gen.csv"}})
		var b bytes.Buffer
		if _, err := Write(context.Background(), &b, f, Options{}, m, prog, &unitList{units: units}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, maxFails := range []int{0, 5} {
		want := write(format(true, false, maxFails), 1)
		for _, c := range []struct {
			workers int
			slim    bool
		}{{1, true}, {3, true}, {3, false}} {
			if diff := workbookDiff(t, write(format(false, c.slim, maxFails), c.workers), want); diff != "" {
				t.Errorf("未通过 of %d rows, %d workers, slim %v: the workbook differs from excelize's: %s",
					maxFails, c.workers, c.slim, diff)
			}
		}
	}
	// The sample: claims, and units that could not be scored.
	m, res := sample(t)
	var got [2]bytes.Buffer
	for i, reference := range []bool{true, false} {
		if err := res.write(&got[i], format(reference, true, 0), Options{}, m); err != nil {
			t.Fatal(err)
		}
	}
	if diff := workbookDiff(t, got[1].Bytes(), got[0].Bytes()); diff != "" {
		t.Errorf("sample: the workbook differs from excelize's: %s", diff)
	}
}

// workbookDiff says where workbook got differs from want: in its parts,
// their order, their times or their inflated bytes; "" for nowhere.
func workbookDiff(t *testing.T, got, want []byte) string {
	t.Helper()
	open := func(b []byte) *zip.Reader {
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		return z
	}
	g, w := open(got), open(want)
	if len(g.File) != len(w.File) {
		return fmt.Sprintf("%d parts, want %d", len(g.File), len(w.File))
	}
	for i, wf := range w.File {
		gf := g.File[i]
		if gf.Name != wf.Name || !gf.Modified.Equal(wf.Modified) || gf.Method != wf.Method {
			return fmt.Sprintf("part %d is %s (%v, method %d), want %s (%v, method %d)", i, gf.Name, gf.Modified, gf.Method, wf.Name, wf.Modified, wf.Method)
		}
		read := func(f *zip.File) []byte {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r) // checks the CRC-32 too
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			return b
		}
		if gb, wb := read(gf), read(wf); !bytes.Equal(gb, wb) {
			return fmt.Sprintf("%s differs at byte %d of %d", wf.Name, firstDiff(gb, wb), len(wb))
		}
	}
	return ""
}

// osOutput is an outputFile over an *os.File, as cmd's -o gives one.
type osOutput struct {
	*os.File
	written int64
}

func (o *osOutput) Write(p []byte) (int, error) {
	n, err := o.File.Write(p)
	o.written += int64(n)
	return n, err
}

func (o *osOutput) Written() int64 { return o.written }

// TestXLSXIntoTheFile: given a file it may write anywhere in, the xlsx
// writes 评分表 straight into it and moves it in place at the end — the
// same bytes as into a stream, with 1 and 3 workers; with the room kept
// before it too small for the parts that come first (moved further in);
// and after bytes already in the file.
func TestXLSXIntoTheFile(t *testing.T) {
	_, demo := builtin(t, "grid-center")
	units := generated(t, demo.prog.Ruleset(), 600, 13)
	format := func(gap int64) Format {
		return Format{Name: "xlsx", Binary: true, Sort: "rank", Rows: func(o Options, m Meta) Rows {
			x := newXLSXWriter(o)
			x.gap = gap
			return xlsxRows(x, m)
		}}
	}
	write := func(w io.Writer, gap int64, workers int) {
		t.Helper()
		prog, err := engine.Compile(demo.prog.Ruleset(), &engine.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		m := NewMeta(prog, &engine.DataInfo{Files: []string{"gen.csv"}})
		if _, err := Write(context.Background(), w, format(gap), Options{}, m, prog, &unitList{units: units}); err != nil {
			t.Fatal(err)
		}
	}
	var stream bytes.Buffer
	write(struct{ io.Writer }{&stream}, fileGap, 1)
	want := stream.Bytes()
	for _, c := range []struct {
		gap     int64
		workers int
		before  string
	}{{fileGap, 1, ""}, {fileGap, 3, ""}, {10, 3, ""}, {0, 1, ""}, {fileGap, 1, "before"}, {7, 3, "before the workbook"}} {
		f, err := os.Create(filepath.Join(t.TempDir(), "out.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		out := &osOutput{File: f}
		if _, err := out.Write([]byte(c.before)); err != nil {
			t.Fatal(err)
		}
		// Left over from an earlier, longer workbook: cut off.
		if _, err := f.WriteAt(bytes.Repeat([]byte{'x'}, len(want)*3), int64(len(c.before))); err != nil {
			t.Fatal(err)
		}
		write(out, c.gap, c.workers)
		got, err := os.ReadFile(f.Name())
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if string(got[:len(c.before)]) != c.before || !bytes.Equal(got[len(c.before):], want) {
			t.Errorf("gap %d, %d workers, %d bytes before: the file differs from the stream at byte %d (%d bytes, want %d)",
				c.gap, c.workers, len(c.before), firstDiff(got[len(c.before):], want), len(got)-len(c.before), len(want))
		}
	}
}
