package engine_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/report"
)

// rereadable is a source that can be read again, as data's sources of a
// regular file can, giving again when it is: the same text, or a changed
// one (a file saved between the passes).
type rereadable struct {
	data.Source
	schema  *data.Schema
	again   []byte
	rereads int
}

func (r *rereadable) CanReread() bool { return true }

func (r *rereadable) Reread() (interface {
	Next() (*indicators.Unit, error)
}, error) {
	r.rereads++
	return data.OpenStreamReader("t.csv", bytes.NewReader(r.again), r.schema, false)
}

// streamAgain is streamWrite over a rereadable source whose second
// reading gives again.
func streamAgain(t *testing.T, prog *engine.Program, text, again []byte, f report.Format, o report.Options) ([]byte, int, error) {
	t.Helper()
	schema := data.NewSchema(prog.Ruleset())
	src, err := data.OpenStreamReader("t.csv", bytes.NewReader(text), schema, f.Digest)
	if err != nil {
		t.Fatal(err)
	}
	rr := &rereadable{Source: src, schema: schema, again: again}
	var out bytes.Buffer
	sink, err := report.NewSink(&out, f, o, report.NewMeta(prog, &engine.DataInfo{Files: []string{"t.csv"}}))
	if err != nil {
		t.Fatal(err)
	}
	sink.Digest = src.SHA256
	sum, err := prog.Stream(context.Background(), rr, sink)
	if err == nil {
		err = sink.End(sum)
	}
	return out.Bytes(), rr.rereads, err
}

// TestStreamRereadSameBytes: json, and csv with explanations, scored
// twice over a file that can be read again write the bytes they write
// through the spill — duplicates, failed units, claims, explanations
// (made in the second pass alone), ranks, any number of workers — and
// csv without explanations, for which the spill measured faster, is not
// read again. json, which shows the statistics, reads the data once more
// before the second pass to take the repeated ids of scored units out of
// them (restat); csv, which shows none, does not.
func TestStreamRereadSameBytes(t *testing.T) {
	text := streamData(t, compile(t, "grid-center", nil), 3000)
	for _, c := range []struct {
		format  string
		o       report.Options
		rereads int
	}{
		{"json", report.Options{Explain: true}, 2},
		{"json", report.Options{}, 2},
		{"json", report.Options{Units: []string{"U0001", "U0012"}}, 0}, // --units renders before Start
		{"csv", report.Options{Explain: true}, 1},
		{"csv", report.Options{}, 0},
	} {
		f, _ := report.Lookup(c.format)
		for _, workers := range []int{1, 3} {
			prog := compile(t, "grid-center", &engine.Options{Explain: c.o.Explain, Workers: workers})
			want, _ := streamWrite(t, prog, text, f, c.o)
			got, rereads, err := streamAgain(t, prog, text, text, f, c.o)
			if err != nil {
				t.Fatalf("%s %+v, %d workers: %v", c.format, c.o, workers, err)
			}
			if rereads != c.rereads {
				t.Errorf("%s %+v: read again %d times, want %d", c.format, c.o, rereads, c.rereads)
			}
			if !bytes.Equal(got, want) {
				i := firstDiff(got, want)
				t.Fatalf("%s %+v, %d workers: read again, byte %d differs:\n%s\nspilled:\n%s", c.format, c.o, workers, i, around(got, i), around(want, i))
			}
		}
	}
}

// TestStreamRereadChanged: a file that changed between the passes stops
// the run with an error that says so, rather than write units other than
// those ranked.
func TestStreamRereadChanged(t *testing.T) {
	prog := compile(t, "grid-center", &engine.Options{Workers: 2, Lang: "en"})
	text := streamData(t, prog, 3000)
	lines := strings.SplitAfter(string(text), "\n")
	f, _ := report.Lookup("json")
	changedCell := strings.Join(lines[:2000], "") + strings.Replace(lines[2000], ",", ",9", 3) + strings.Join(lines[2001:], "")
	for name, again := range map[string]string{
		"a changed cell": changedCell,
		"a unit fewer":   strings.Join(lines[:len(lines)-2], "") + lines[len(lines)-1],
		"a unit more":    string(text) + lines[5],
	} {
		_, rereads, err := streamAgain(t, prog, text, []byte(again), f, report.Options{})
		if rereads != 2 { // restat's reading, then the second pass's
			t.Errorf("%s: read again %d times, want 2", name, rereads)
		}
		if err == nil || !strings.Contains(err.Error(), "the data changed while jixiao read it") {
			t.Errorf("%s: got %v, want an error saying the data changed", name, err)
		}
	}
}

// TestStreamRereadFile: data's source of a regular file can be read again
// (and json is then scored twice, with the same bytes); one of a reader
// cannot.
func TestStreamRereadFile(t *testing.T) {
	prog := compile(t, "grid-center", &engine.Options{Explain: true})
	text := streamData(t, prog, 500)
	// The file is t.csv, as streamWrite names its data.
	t.Chdir(t.TempDir())
	path := "t.csv"
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	schema := data.NewSchema(prog.Ruleset())
	f, _ := report.Lookup("json")
	src, err := data.OpenStream(path, schema, f.Digest)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	can, ok := src.(interface{ CanReread() bool })
	if !ok || !can.CanReread() {
		t.Fatal("a source of a regular file cannot be read again")
	}
	var out bytes.Buffer
	sink, err := report.NewSink(&out, f, report.Options{Explain: true}, report.NewMeta(prog, &engine.DataInfo{Files: []string{"t.csv"}}))
	if err != nil {
		t.Fatal(err)
	}
	sink.Digest = src.SHA256
	sum, err := prog.Stream(context.Background(), src, sink)
	if err == nil {
		err = sink.End(sum)
	}
	if err != nil {
		t.Fatal(err)
	}
	want, _ := streamWrite(t, prog, text, f, report.Options{Explain: true})
	if !bytes.Equal(out.Bytes(), want) {
		t.Fatalf("byte %d differs from the spilled run", firstDiff(out.Bytes(), want))
	}
	r, err := data.OpenStreamReader("t.csv", bytes.NewReader(text), schema, false)
	if err != nil {
		t.Fatal(err)
	}
	if can, ok := r.(interface{ CanReread() bool }); ok && can.CanReread() {
		t.Error("a source of a reader says it can be read again")
	}
}

// countingSink counts the units scored and not rendered, as jixiao eval's
// progress bar does.
type countingSink struct {
	*report.Sink
	scored atomic.Int64
}

func (c *countingSink) Scored() { c.scored.Add(1) }

// TestStreamRereadCountsScored: the first pass of two renders nothing, so
// a sink that counts progress hears of each unit scored.
func TestStreamRereadCountsScored(t *testing.T) {
	prog := compile(t, "grid-center", &engine.Options{Workers: 2})
	text := streamData(t, prog, 700)
	schema := data.NewSchema(prog.Ruleset())
	src, err := data.OpenStreamReader("t.csv", bytes.NewReader(text), schema, true)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := report.Lookup("json")
	sink, err := report.NewSink(io.Discard, f, report.Options{}, report.NewMeta(prog, &engine.DataInfo{Files: []string{"t.csv"}}))
	if err != nil {
		t.Fatal(err)
	}
	cs := &countingSink{Sink: sink}
	rr := &rereadable{Source: src, schema: schema, again: text}
	sum, err := prog.Stream(context.Background(), rr, cs)
	if err != nil {
		t.Fatal(err)
	}
	// Read again twice: restat, then the second pass.
	if rr.rereads != 2 || cs.scored.Load() != int64(sum.Units) {
		t.Errorf("read again %d times, %d units counted scored, want 2 and %d", rr.rereads, cs.scored.Load(), sum.Units)
	}
}

// TestStreamRestat: when the data is read twice, the id spill keeps no
// statistics records; a repeated id is taken out of the statistics by
// scoring it again in a reading of its own, which checks that it is the
// unit the first reading counted. The statistics are the spilled run's
// (TestStreamRereadSameBytes); here, the check: the repeat of U0012 on
// line 102 (i = 100) read as another unit stops the run at that reading,
// before anything is written.
func TestStreamRestat(t *testing.T) {
	prog := compile(t, "grid-center", &engine.Options{Workers: 2, Lang: "en"})
	text := streamData(t, prog, 300)
	lines := strings.SplitAfter(string(text), "\n")
	if !strings.HasPrefix(lines[101], "U0012,") {
		t.Fatalf("line 102 is %q, want the repeat of U0012", lines[101])
	}
	lines[101] = "U0299" + strings.TrimPrefix(lines[101], "U0012")
	f, _ := report.Lookup("json")
	out, rereads, err := streamAgain(t, prog, text, []byte(strings.Join(lines, "")), f, report.Options{})
	if err == nil || !strings.Contains(err.Error(), "the data changed while jixiao read it") {
		t.Fatalf("got %v, want an error saying the data changed", err)
	}
	if rereads != 1 || len(out) != 0 {
		t.Errorf("read again %d times and wrote %d bytes, want 1 and none", rereads, len(out))
	}
	// Without repeats there is no such reading.
	prog = compile(t, "grid-center", &engine.Options{Workers: 2})
	var clean []string
	for _, l := range strings.SplitAfter(string(text), "\n") {
		if !strings.HasPrefix(l, "U0012,") && !strings.HasPrefix(l, "U0001,") && !strings.HasPrefix(l, "U0009,") {
			clean = append(clean, l)
		}
	}
	cleaned := []byte(strings.Join(clean, ""))
	want, _ := streamWrite(t, prog, cleaned, f, report.Options{})
	got, rereads, err := streamAgain(t, prog, cleaned, cleaned, f, report.Options{})
	if err != nil || rereads != 1 || !bytes.Equal(got, want) {
		t.Errorf("no repeats: read again %d times (want 1), %v, same bytes %v", rereads, err, bytes.Equal(got, want))
	}
}
