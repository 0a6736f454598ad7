package main

import (
	"bytes"
	"testing"

	"github.com/jixiao/jixiao/internal/msg"
)

// TestProgressState: while scoring, the bar counts units scored against
// the total extrapolated from the share of the data read; once writing
// begins, units written against all units.
func TestProgressState(t *testing.T) {
	p := &progress{}
	read := int64(0)
	at := func() int64 { return read }
	check := func(name string, phase msg.Code, done, total int64) {
		t.Helper()
		ph, d, tot := p.state(1000, at)
		if ph != phase || d != done || tot != total {
			t.Errorf("%s: %s %d/%d, want %s %d/%d", name, ph, d, tot, phase, done, total)
		}
	}
	check("nothing read", phaseScore, 0, 0)
	for range 50 {
		p.add()
	}
	read = 250 // a quarter of the data for 50 units: 200 in all
	check("a quarter read", phaseScore, 50, 200)
	read = 1000
	for range 150 {
		p.add()
	}
	check("all read", phaseScore, 200, 200)
	p.writing(200)
	check("writing begins", phaseWrite, 0, 200)
	for range 80 {
		p.wrote()
	}
	check("writing", phaseWrite, 80, 200)
}

// TestProgressOffTerminal: no bar where stderr is not a terminal, and the
// nil progress it gives takes every call.
func TestProgressOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := startProgress(msg.Printer{}, &buf, 100, func() int64 { return 0 })
	if p != nil {
		t.Fatal("a bar for a buffer")
	}
	p.add()
	p.writing(3)
	p.wrote()
	p.done()
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
}
