package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

func init() {
	// Other test files of this package may declare -update too; declare
	// it only once.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files from the current output")
	}
}

// updatingGolden reports whether the tests were run with -update.
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// runTool runs jixiao with args and stdin, as main does, and returns the
// exit status and what it wrote on stdout and stderr.
func runTool(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// checkGolden compares got with the file at path, or rewrites the file
// under -update. Golden files are checked by hand: see the README.md
// beside them for the derivation of every number.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if updatingGolden() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it, then check it by hand)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
