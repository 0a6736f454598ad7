package engine_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

// rankTies counts the units of text that share their rank with the unit
// ranked just before them, from the json of a spilled run: ties that a
// band of one unit cuts through.
func rankTies(t *testing.T, prog *engine.Program, text []byte) int {
	t.Helper()
	f, _ := report.Lookup("json")
	out, _ := streamWrite(t, prog, text, f, report.Options{})
	var res struct {
		Units []struct {
			Rank int `json:"rank"`
		} `json:"units"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	seen := map[int]int{}
	for _, u := range res.Units {
		if u.Rank > 0 {
			seen[u.Rank]++
		}
	}
	ties := 0
	for _, n := range seen {
		ties += n - 1
	}
	return ties
}

// TestStreamBandsSameBytes: the xlsx of a file that can be read again is
// written a band of its order at a time, reading the file once a band,
// and its bytes are those of the run that spills every record — with
// bands of one unit (every tie of ranks cut by a band's edge), of a few
// dozen and of all; duplicates, failed units, failed checks (未通过),
// claims, --units, --sort by a number and by a text, one and three
// workers.
func TestStreamBandsSameBytes(t *testing.T) {
	const n = 400
	text := streamData(t, compile(t, "grid-center", nil), n)
	if ties := rankTies(t, compile(t, "grid-center", nil), text); ties < 10 {
		t.Fatalf("%d units tie on their rank, want some for the bands to cut", ties)
	}
	xlsx, _ := report.Lookup("xlsx")
	for _, o := range []report.Options{
		{},
		{Units: []string{"U0001", "U0012", "U0300", "U0150"}},
		{Sort: "name"},
		{Sort: "-budget_execution_rate"},
	} {
		// bands: the band memory, and how many readings it makes after
		// the first: restat's (the data repeats ids of scored units, and
		// the workbook shows statistics), then one a band.
		for _, c := range []struct {
			mem      int
			readings func(int) bool
		}{
			{1, func(r int) bool { return r == 1+n }},                // a unit a band
			{20 << 10, func(r int) bool { return r >= 3 && r < 41 }}, // some 200 bytes a record; --units fewer
			{0, func(r int) bool { return r == 2 }},                  // 64 MiB: one band
		} {
			for _, workers := range []int{1, 3} {
				name := fmt.Sprintf("%+v, band memory %d, %d workers", o, c.mem, workers)
				prog := compile(t, "grid-center", &engine.Options{Workers: workers, BandMemory: c.mem})
				want, _ := streamWrite(t, prog, text, xlsx, o)
				got, rereads, err := streamAgain(t, prog, text, text, xlsx, o)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !c.readings(rereads) {
					t.Errorf("%s: read again %d times", name, rereads)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%s: in bands, byte %d of the workbook differs from the spilled run's", name, firstDiff(got, want))
				}
			}
		}
	}
}

// TestStreamBandsChanged: a file that changes between the readings stops
// the run, whichever band the changed unit falls in, rather than write
// units other than those ranked.
func TestStreamBandsChanged(t *testing.T) {
	prog := compile(t, "grid-center", &engine.Options{Workers: 2, Lang: "en", BandMemory: 8 << 10})
	text := streamData(t, prog, 600)
	lines := strings.SplitAfter(string(text), "\n")
	xlsx, _ := report.Lookup("xlsx")
	changed := func(i int) string {
		return strings.Join(lines[:i], "") + strings.Replace(lines[i], ",", ",9", 3) + strings.Join(lines[i+1:], "")
	}
	for name, again := range map[string]string{
		"a changed cell, early": changed(3),
		"a changed cell, late":  changed(590),
		"a unit fewer":          strings.Join(lines[:len(lines)-2], "") + lines[len(lines)-1],
		"a unit more":           string(text) + lines[5],
	} {
		_, rereads, err := streamAgain(t, prog, text, []byte(again), xlsx, report.Options{})
		if rereads < 1 {
			t.Errorf("%s: not read again", name)
		}
		if err == nil || !strings.Contains(err.Error(), "the data changed while jixiao read it") {
			t.Errorf("%s: got %v, want an error saying the data changed", name, err)
		}
	}
}

// TestStreamBandsPanel: a ruleset with 专家评分 keeps the full record of a
// unit (its raters), read from a file of rater rows in bands as the
// spilled run writes it.
func TestStreamBandsPanel(t *testing.T) {
	rs, err := rulesets.LoadFile("testdata/panel/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	one, err := os.ReadFile("testdata/panel/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.SplitAfter(strings.TrimRight(string(one), "\n")+"\n", "\n")
	var b strings.Builder
	b.WriteString(rows[0])
	for k := 0; k < 40; k++ {
		for _, r := range rows[1:] {
			if r != "" {
				b.WriteString(fmt.Sprintf("K%02d", k) + r)
			}
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	xlsx, _ := report.Lookup("xlsx")
	run := func(mem int, file bool) []byte {
		prog, err := engine.Compile(rs, &engine.Options{Workers: 2, BandMemory: mem})
		if err != nil {
			t.Fatal(err)
		}
		schema := data.NewSchema(rs)
		var src data.Source
		if file {
			src, err = data.OpenStream(path, schema, xlsx.Digest)
		} else {
			f, ferr := os.Open(path)
			if ferr != nil {
				t.Fatal(ferr)
			}
			defer f.Close()
			src, err = data.OpenStreamReader(path, struct{ *os.File }{f}, schema, xlsx.Digest)
		}
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		var out bytes.Buffer
		sink, err := report.NewSink(&out, xlsx, report.Options{}, report.NewMeta(prog, &engine.DataInfo{Files: []string{path}}))
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
		return out.Bytes()
	}
	want := run(0, false)
	for _, mem := range []int{1, 3000, 0} {
		if got := run(mem, true); !bytes.Equal(got, want) {
			t.Fatalf("band memory %d: byte %d of the workbook differs from the spilled run's", mem, firstDiff(got, want))
		}
	}
}
