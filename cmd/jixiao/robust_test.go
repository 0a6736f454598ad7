package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/outfile"
	"github.com/jixiao/jixiao/report"
)

// TestMain lets a test run the command as a child process (for signals):
// with JIXIAO_TEST_MAIN=1 the test binary is jixiao.
func TestMain(m *testing.M) {
	if os.Getenv("JIXIAO_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	// The tests' expectations are worded in English, whatever the
	// developer's locale; tests of the Chinese messages ask --lang zh.
	if os.Getenv("JIXIAO_LANG") == "" {
		os.Setenv("JIXIAO_LANG", "en")
	}
	os.Exit(m.Run())
}

// writeOld writes the output a previous run left, and returns its path.
func writeOld(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "results.json")
	if err := os.WriteFile(path, []byte("previous results\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// checkUntouched fails unless path still holds the previous output and
// dir holds nothing else.
func checkUntouched(t *testing.T, dir, path string) {
	t.Helper()
	if b, err := os.ReadFile(path); err != nil || string(b) != "previous results\n" {
		t.Errorf("%s now holds %q (%v), want the previous output", path, b, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("left behind in the output directory: %s", e.Name())
		}
	}
}

// writeReport writes path as a command writes -o FILE.
func writeReport(ctx context.Context, path string, write func(io.Writer) error) error {
	f, err := outfile.Create(ctx, msg.Printer{Lang: msg.EN}, path)
	if err != nil {
		return err
	}
	out := &output{file: f, words: msg.Printer{Lang: msg.EN}}
	defer out.close()
	return out.write(ctx, write)
}

// A write that fails half-way leaves the previous file as it was and no
// temporary file.
func TestWriteReportFailureKeepsPreviousOutput(t *testing.T) {
	dir, path := writeOld(t)
	err := writeReport(context.Background(), path, func(w io.Writer) error {
		fmt.Fprintln(w, `{"ruleset": {"id": "half`)
		return syscall.ENOSPC
	})
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != "write "+path+": "+syscall.ENOSPC.Error() {
		t.Errorf("writeReport: %v, want write %s: %v", err, path, syscall.ENOSPC)
	}
	checkUntouched(t, dir, path)
}

// Ctrl-C during the write stops it the same way.
func TestWriteReportCancelKeepsPreviousOutput(t *testing.T) {
	dir, path := writeOld(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := writeReport(ctx, path, func(w io.Writer) error {
		for i := 0; i < 1000; i++ {
			if i == 10 {
				cancel()
			}
			if _, err := fmt.Fprintf(w, "row %d\n", i); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("writeReport: %v, want context.Canceled", err)
	}
	checkUntouched(t, dir, path)
}

// A successful write replaces the file whole.
func TestWriteReportReplaces(t *testing.T) {
	dir, path := writeOld(t)
	if err := writeReport(context.Background(), path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new results\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new results\n" {
		t.Errorf("file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want 1", len(entries))
	}
}

// A failed or interrupted eval leaves the previous -o file as it was.
func TestEvalFailureKeepsPreviousOutput(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		args   []string
		exit   int
		stderr string
	}{
		{"bad ruleset", context.Background(), []string{"eval", "-r", R + "unknown-input.yaml", "-d", okD}, 2, "unknown input"},
		{"unreadable data", context.Background(), []string{"eval", "-r", ok, "-d", D + "binary.csv"}, 2, "binary data"},
		{"interrupted", cancelled, []string{"eval", "-r", ok, "-d", okD}, exitInterrupted, "jixiao: interrupted; no output was written"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir, path := writeOld(t)
			var stdout, stderr bytes.Buffer
			code := runContext(tc.ctx, append(tc.args, "-f", "json", "-o", path), strings.NewReader(""), &stdout, &stderr)
			if code != tc.exit || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tc.exit, tc.stderr)
			}
			checkUntouched(t, dir, path)
		})
	}
}

// slowRuleset scores one unit in tens of milliseconds: 900² loop steps,
// under the step limit.
const slowRuleset = `id: slow
inputs:
  n: {label: 次数}
indicators:
  - {id: loop, weight: 100, score: "let r = 1..int(n); sum(r, sum(r, #)) > 0 ? 100 : 0"}
`

// TestInterruptStopsCleanly sends SIGINT (Ctrl-C) to a jixiao that is
// evaluating, and checks it stops at once with status 130, leaves the
// previous output as it was and no temporary file.
func TestInterruptStopsCleanly(t *testing.T) {
	dir, path := writeOld(t)
	in := t.TempDir()
	rsPath := filepath.Join(in, "slow.yaml")
	if err := os.WriteFile(rsPath, []byte(slowRuleset), 0o644); err != nil {
		t.Fatal(err)
	}
	// The extra column makes jixiao print a warning once the data is
	// read: the sign that evaluation has begun. 2000 units take minutes.
	var csv strings.Builder
	csv.WriteString("unit,n,remark\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&csv, "U%04d,900,x\n", i)
	}
	dataPath := filepath.Join(in, "units.csv")
	if err := os.WriteFile(dataPath, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "eval", "-r", rsPath, "-d", dataPath, "-f", "json", "-o", path, "--workers", "2")
	cmd.Env = append(os.Environ(), "JIXIAO_TEST_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	var said []string
	for lines.Scan() {
		said = append(said, lines.Text())
		if strings.HasPrefix(lines.Text(), "warning:") {
			break
		}
	}
	time.Sleep(100 * time.Millisecond)
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() {
		said = append(said, lines.Text())
	}
	err = cmd.Wait()
	took := time.Since(sent)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Errorf("exit: %v, want status %d; stderr:\n%s", err, exitInterrupted, strings.Join(said, "\n"))
	}
	if !strings.Contains(strings.Join(said, "\n"), "jixiao: interrupted; no output was written") {
		t.Errorf("stderr:\n%s", strings.Join(said, "\n"))
	}
	if took > 5*time.Second {
		t.Errorf("stopped %v after Ctrl-C", took)
	}
	checkUntouched(t, dir, path)
}

// TestDeterministicOutput: the same ruleset and data give byte-identical
// output, run after run and whatever the number of workers, in every
// format of eval (binary ones written with -o). 520 units make Eval use up
// to 8 workers (one per 64 units); the scores repeat, so ranks have ties
// to break the same way each time.
func TestDeterministicOutput(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "") // no time stamp
	in := t.TempDir()
	var csv strings.Builder
	csv.WriteString("unit,name,spent,budget,tier\n")
	tiers := []string{"A", "B", "C", "A:0.95", "NA", "", "达成", "B:0.61"}
	for i := 0; i < 520; i++ {
		fmt.Fprintf(&csv, "U%04d,单位%d,%d,%d,%s\n", i, i, (i*37)%160, 100+i%7, tiers[i%len(tiers)])
	}
	dataPath := filepath.Join(in, "units.csv")
	if err := os.WriteFile(dataPath, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range report.Formats() {
		t.Run(format.Name, func(t *testing.T) {
			var first []byte
			for _, workers := range []string{"1", "8", "3", "1"} {
				args := []string{"eval", "-r", ok, "-d", dataPath, "-f", format.Name, "--workers", workers, "--explain"}
				out := filepath.Join(in, "out."+format.Name)
				if format.Binary {
					args = append(args, "-o", out)
				}
				var stdout, stderr bytes.Buffer
				if code := runContext(context.Background(), args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
					t.Fatalf("workers %s: exit %d: %s", workers, code, stderr.String())
				}
				got := stdout.Bytes()
				if format.Binary {
					var err error
					if got, err = os.ReadFile(out); err != nil {
						t.Fatal(err)
					}
				}
				if first == nil {
					first = got
					if len(first) < 520*20 {
						t.Fatalf("output of %d bytes for 520 units", len(first))
					}
					continue
				}
				if !bytes.Equal(got, first) {
					t.Fatalf("workers %s: output differs from the first run (%d bytes vs %d)", workers, len(got), len(first))
				}
			}
		})
	}
}
