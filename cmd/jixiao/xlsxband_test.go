//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestEvalXLSXBandsAsSpilled: eval -f xlsx of a data file, which reads
// the file again a band of the ranking at a time, writes the bytes that
// the same data written through a FIFO gives (read once, each unit's
// record kept in a spill until the ranks are known).
func TestEvalXLSXBandsAsSpilled(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := jixiao(t, "", "gen", "-r", "grid-center", "-n", "700", "--seed", "3", "--claims",
		"-o", filepath.Join(dir, "units.csv")); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errOut)
	}
	text, err := os.ReadFile(filepath.Join(dir, "units.csv"))
	if err != nil {
		t.Fatal(err)
	}
	eval := func(cwd, out string) (int, []byte) {
		t.Chdir(cwd) // the data is units.csv in either run, as the workbook names it
		code, _, errOut := jixiao(t, "", "eval", "-r", "grid-center", "-d", "units.csv", "-f", "xlsx", "-o", out)
		if code > 1 {
			t.Fatalf("eval in %s: exit %d: %s", cwd, code, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return code, b
	}
	fileCode, banded := eval(dir, filepath.Join(dir, "banded.xlsx"))
	fifo := makeFIFO(t, "units.csv")
	feed(t, fifo, text)
	fifoCode, spilled := eval(filepath.Dir(fifo), filepath.Join(dir, "spilled.xlsx"))
	if fileCode != fifoCode || !bytes.Equal(banded, spilled) {
		t.Fatalf("exit %d, %d bytes from the file; exit %d, %d bytes through a FIFO; first difference at byte %d",
			fileCode, len(banded), fifoCode, len(spilled), firstDiff(banded, spilled))
	}
}
