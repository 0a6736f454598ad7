package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

// noCompact is a monitor sink that does not ask for compact records
// (engine's compactRenderer): its csv, xlsx and html are then scored
// twice, as json is.
type noCompact struct{ *report.Sink }

func (noCompact) RendersCompact() bool { return false }

// countedFile is data's source of a file, counting how often engine
// reads it again (its NextChunk and Reread passed through).
type countedFile struct {
	data.Source
	rereads int
}

func (c *countedFile) NextChunk() (func([]indicators.Unit) ([]indicators.Unit, error), error) {
	return c.Source.(interface {
		NextChunk() (func([]indicators.Unit) ([]indicators.Unit, error), error)
	}).NextChunk()
}

func (c *countedFile) CanReread() bool {
	r, ok := c.Source.(interface{ CanReread() bool })
	return ok && r.CanReread()
}

func (c *countedFile) Reread() (interface {
	Next() (*indicators.Unit, error)
}, error) {
	c.rereads++
	return c.Source.(interface {
		Reread() (interface {
			Next() (*indicators.Unit, error)
		}, error)
	}).Reread()
}

// Issue 17: jixiao monitor keeps compact records of the units between
// its passes — csv, xlsx and html, whose rows explain every light — from
// a file or from memory, and writes what it writes when a data file is
// scored twice; json (each indicator's points and flags) scores a data
// file twice rather than spill its rows for the ranks, and writes the
// bytes it writes from units held in memory (through the spill); table
// and md, a light a cell, keep the spill. With 1 worker or 3, failed
// units (with their errors) and duplicate ids included.
func TestMonitorTwoPassEqualsInMemory(t *testing.T) {
	rs, err := rulesets.Open("grid-center")
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// More units than a chunk of the reader (32 kB) and a job of the workers, so
	// that the second reading's turns and chunks are exercised.
	var text bytes.Buffer
	if err := synth.NewGenerator(rs, prog.NewProbe(), 1000, 5).WriteCSV(&text, 1000); err != nil {
		t.Fatal(err)
	}
	// Every 89th unit a cell that cannot be read, every 97th the id of the
	// first unit again: failed units, in both readings.
	rows, err := csv.NewReader(bytes.NewReader(text.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(rows); i++ {
		switch {
		case i%89 == 11:
			rows[i][2] = "七十二"
		case i%97 == 5:
			rows[i][0] = rows[1][0]
		}
	}
	text.Reset()
	if err := csv.NewWriter(&text).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	// The file is units.csv, as the units in memory name it.
	t.Chdir(t.TempDir())
	path := "units.csv"
	if err := os.WriteFile(path, text.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	schema := data.NewSchema(rs)
	in, err := data.OpenReader("units.csv", bytes.NewReader(text.Bytes()), schema)
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.Collect(in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.Errors < 1000/89 {
		t.Fatalf("%d failed units, want the unreadable cells' and the repeated ids'", res.Summary.Errors)
	}
	mon := monitor.New(rs, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	for _, f := range report.MonitorFormats(mon, false) {
		twice := f.Name != "table" && f.Name != "md"
		compact := f.Name == "csv" || f.Name == "xlsx" || f.Name == "html"
		var want []byte
		for _, workers := range []int{1, 3} {
			p, err := engine.Compile(rs, &engine.Options{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			meta := report.NewMeta(p, &engine.DataInfo{Files: []string{"units.csv"}})
			meta.Stamp = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
			type variant struct{ fromFile, noCompact bool }
			variants := []variant{{true, false}, {false, false}}
			if compact {
				variants = append(variants, variant{true, true})
			}
			for _, v := range variants {
				fromFile := v.fromFile
				var src engine.Units = &memUnits{units: units}
				var counted *countedFile
				if fromFile {
					s, err := data.OpenStream(path, schema, false)
					if err != nil {
						t.Fatal(err)
					}
					defer s.Close()
					counted = &countedFile{Source: s}
					src = counted
				}
				var out bytes.Buffer
				sink, err := report.NewSink(&out, f, report.Options{}, meta)
				if err != nil {
					t.Fatal(err)
				}
				var es engine.Sink = sink
				if v.noCompact {
					es = noCompact{sink}
				}
				sum, err := p.Stream(context.Background(), src, es)
				if err == nil {
					err = sink.End(sum)
				}
				if err != nil {
					t.Fatalf("%s, %d workers, %+v: %v", f.Name, workers, v, err)
				}
				// Read again for the second pass; json, which shows the
				// statistics, first reads once more to take the repeated
				// ids out of them (engine's restat); csv, xlsx and html
				// keep compact records instead, unless they do not ask
				// for them.
				wantReads := 0
				if twice && (!compact || v.noCompact) {
					wantReads = 1
				}
				if twice && f.Name == "json" {
					wantReads = 2
				}
				if counted != nil && counted.rereads != wantReads {
					t.Errorf("%s, %d workers: the file read again %d times, want %d", f.Name, workers, counted.rereads, wantReads)
				}
				if want == nil {
					want = out.Bytes()
					continue
				}
				if !bytes.Equal(out.Bytes(), want) {
					i := 0
					for i < out.Len() && i < len(want) && out.Bytes()[i] == want[i] {
						i++
					}
					t.Errorf("%s, %d workers, %+v: byte %d differs from the first run's:\n%s\n---\n%s", f.Name, workers, v, i, out.Bytes()[max(0, i-300):min(out.Len(), i+200)], want[max(0, i-300):min(len(want), i+200)])
				}
			}
		}
		if len(want) < 1000*100 {
			t.Errorf("%s: %d bytes for 1000 units", f.Name, len(want))
		}
		if f.Name == "xlsx" {
			// The 监控 sheet's XML is megabytes, deflated in chunks on
			// every core: the workbook reads back whole.
			wb, err := excelize.OpenReader(bytes.NewReader(want))
			if err != nil {
				t.Fatal(err)
			}
			sheet, err := wb.GetRows("监控")
			if err != nil {
				t.Fatal(err)
			}
			last := units[len(units)-1].ID
			if len(sheet) != 3+len(units) || len(sheet[len(sheet)-1]) == 0 || sheet[len(sheet)-1][0] != last {
				t.Errorf("xlsx: %d rows, the last %.40q; want %d, the last unit %s", len(sheet), sheet[len(sheet)-1], 3+len(units), last)
			}
			wb.Close()
		}
	}
}
