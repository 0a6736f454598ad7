package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The output corpus: -o onto an input is refused before anything is read
// (exit 2), however the input is named. output-units.csv and
// output-rules.yaml are copies of ok.csv and ok.yaml, so that a regression
// overwrites only them; output-link.yaml is a symbolic link to
// output-rules.yaml; output-settings.yaml is a settings file (format: json).
const (
	outRules = R + "output-rules.yaml"
	outUnits = D + "output-units.csv"
	outLink  = R + "output-link.yaml"
	outConf  = D + "output-settings.yaml"
)

// sameFile is what jixiao says of -o out when it is the input in.
func sameFile(out, in, how string) string {
	return "jixiao: create " + out + ": it is the input " + in + " (" + how + "); write the output to another file"
}

func init() {
	badCases = append(badCases, []badCase{
		{name: "output onto the data", args: []string{"eval", "-r", outRules, "-d", outUnits, "-f", "json", "-o", outUnits}, exit: 2,
			stderr: []string{sameFile(outUnits, outUnits, "the same file")}},
		{name: "output onto the ruleset", args: []string{"eval", "-r", outRules, "-d", outUnits, "-f", "json", "-o", outRules}, exit: 2,
			stderr: []string{sameFile(outRules, outRules, "the same file")}},
		{name: "output onto the ruleset's test cases", args: []string{"eval", "-r", outRules, "-d", outUnits, "-o", R + "output-rules.test.yaml"}, exit: 2,
			stderr: []string{sameFile(R+"output-rules.test.yaml", R+"output-rules.test.yaml", "the same file")}},
		{name: "output onto a symbolic link to the ruleset", args: []string{"eval", "-r", outRules, "-d", outUnits, "-o", outLink}, exit: 2,
			stderr: []string{sameFile(outLink, outRules, "a symbolic link to it")}},
		{name: "output onto the file a ruleset's link names", args: []string{"eval", "-r", outLink, "-d", outUnits, "-o", outRules}, exit: 2,
			stderr: []string{sameFile(outRules, outLink, "the same file under another name")}},
		{name: "output onto the settings file", args: []string{"--config", outConf, "eval", "-r", outRules, "-d", outUnits, "-o", outConf}, exit: 2,
			stderr: []string{sameFile(outConf, outConf, "the same file")}},
		{name: "output onto the data, named another way", args: []string{"--config", outConf, "eval", "-r", outRules, "-d", outUnits, "-o", "./" + outUnits}, exit: 2,
			stderr: []string{sameFile("./"+outUnits, outUnits, "the same file")}},
		// The ruleset does not load, yet the output is what is refused:
		// it is checked before anything is read.
		{name: "output onto the data, before the ruleset is read", args: []string{"eval", "-r", R + "empty.yaml", "-d", outUnits, "-o", outUnits}, exit: 2,
			stderr: []string{sameFile(outUnits, outUnits, "the same file")}},
		{name: "output onto a data directory", args: []string{"eval", "-r", outRules, "-d", outUnits, "-o", D}, exit: 2,
			stderr: []string{"jixiao: create " + D + ": is a directory; give a file name"}},
		{name: "review output onto the data", args: []string{"review", "-r", outRules, "-d", outUnits, "-o", outUnits}, exit: 2,
			stderr: []string{sameFile(outUnits, outUnits, "the same file")}},
		{name: "explain output onto the data", args: []string{"explain", "-r", outRules, "-d", outUnits, "-o", outUnits, "U1"}, exit: 2,
			stderr: []string{sameFile(outUnits, outUnits, "the same file")}},
		{name: "diff output onto the new ruleset", args: []string{"diff", "-r", ok, "-r", outRules, "-d", outUnits, "-o", outRules}, exit: 2,
			stderr: []string{sameFile(outRules, outRules, "the same file")}},
		{name: "profile onto the data", args: []string{"eval", "-r", outRules, "-d", outUnits, "--cpuprofile", outUnits}, exit: 2,
			stderr: []string{"jixiao: cpu profile: create " + outUnits + ": it is the input " + outUnits}},
	}...)
}

// runIn runs jixiao in process with stdin and returns the exit status and
// both streams.
func runIn(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runContext(context.Background(), args, stdin, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// copyInputs puts ok.yaml and ok.csv in a temporary directory.
func copyInputs(t *testing.T) (dir, rules, units string) {
	t.Helper()
	dir = t.TempDir()
	rules, units = filepath.Join(dir, "rules.yaml"), filepath.Join(dir, "units.csv")
	for from, to := range map[string]string{ok: rules, okD: units} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, rules, units
}

// unchanged fails unless path holds the bytes of the corpus file from.
func unchanged(t *testing.T, path, from string) {
	t.Helper()
	want, _ := os.ReadFile(from)
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s changed: %q (%v)", path, got, err)
	}
}

// Targets the corpus cannot hold: hard links, FIFOs, devices, standard
// input redirected from the output.
func TestOutputOntoHardLinkOfData(t *testing.T) {
	dir, rules, units := copyInputs(t)
	link := filepath.Join(dir, "link.csv")
	if err := os.Link(units, link); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, strings.NewReader(""), "eval", "-r", rules, "-d", units, "-f", "json", "-o", link)
	if want := sameFile(link, units, "the same file under another name"); code != exitNothing || !strings.Contains(stderr, want) || stdout != "" {
		t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitNothing, want)
	}
	unchanged(t, units, okD)
	unchanged(t, rules, ok)
	// gen reads only its ruleset: its output may be the data of others.
	code, _, stderr = runIn(t, strings.NewReader(""), "gen", "-r", rules, "-n", "3", "-o", link)
	if code != exitOK {
		t.Errorf("gen onto a data file: exit %d: %s", code, stderr)
	}
}

// jixiao eval -d - -o units.csv < units.csv would read the units while it
// replaced them.
func TestOutputOntoRedirectedStdin(t *testing.T) {
	_, rules, units := copyInputs(t)
	in, err := os.Open(units)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	code, _, stderr := runIn(t, in, "eval", "-r", rules, "-d", "-", "-f", "csv", "-o", units)
	if want := "jixiao: create " + units + ": it is the input " + in.Name(); code != exitNothing || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitNothing, want)
	}
	unchanged(t, units, okD)
}
