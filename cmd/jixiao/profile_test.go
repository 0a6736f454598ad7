package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, _, stderr := runCLI(t, "eval", "--cpuprofile", cpu, "--memprofile", mem, "-f", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range []string{cpu, mem} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", p)
		}
	}
	code, _, stderr = runCLI(t, "eval", "--cpuprofile", filepath.Join(dir, "no", "such", "dir"))
	if code != exitNothing {
		t.Errorf("unwritable profile: exit %d, want %d (%s)", code, exitNothing, stderr)
	}
}
