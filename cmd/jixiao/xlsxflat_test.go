package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestXLSXFileEqualsFIFO: eval -f xlsx into a regular file (评分表 written
// straight into it and moved in place at the end) writes the same bytes
// as into a FIFO (written in order, 评分表 held deflated until the end),
// for generated units with failed checks and missing inputs, and leaves
// no temporary file beside the output.
func TestXLSXFileEqualsFIFO(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "units.csv")
	if code, _, stderr := runIn(t, strings.NewReader(""), "gen", "-r", "grid-center", "-n", "400", "--seed", "3", "-o", data); code != exitOK {
		t.Fatalf("gen: exit %d: %s", code, stderr)
	}
	file := filepath.Join(dir, "out.xlsx")
	if code, _, stderr := runIn(t, strings.NewReader(""), "eval", "-r", "grid-center", "-d", data, "-f", "xlsx", "-o", file); code != exitOK {
		t.Fatalf("eval -o file: exit %d: %s", code, stderr)
	}
	fifo := filepath.Join(dir, "fifo.xlsx")
	got := readFIFO(t, fifo)
	if code, _, stderr := runIn(t, strings.NewReader(""), "eval", "-r", "grid-center", "-d", data, "-f", "xlsx", "-o", fifo); code != exitOK {
		t.Fatalf("eval -o FIFO: exit %d: %s", code, stderr)
	}
	var viaFIFO []byte
	select {
	case viaFIFO = <-got:
	case <-time.After(60 * time.Second):
		t.Fatal("the FIFO's reader got nothing")
	}
	viaFile, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(viaFile) < 100_000 || !bytes.Equal(viaFile, viaFIFO) {
		t.Errorf("the file (%d bytes) differs from what the FIFO got (%d bytes)", len(viaFile), len(viaFIFO))
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
