//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/msg"
)

// makeFIFO makes a FIFO named name in a temporary directory. At the end
// of the test, whatever still waits to open its other end is released.
func makeFIFO(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, flag := range []int{os.O_RDONLY, os.O_WRONLY} {
			if f, err := os.OpenFile(p, flag|syscall.O_NONBLOCK, 0); err == nil {
				f.Close()
			}
		}
	})
	return p
}

// feed writes text into the FIFO at p once a reader opens it, then closes
// it: the reader sees the end of the data.
func feed(t *testing.T, p string, text []byte) {
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		w.Write(text)
		w.Close()
	}()
}

// startJixiao starts jixiao as a child process (see TestMain) and returns
// it with its standard error.
func startJixiao(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "JIXIAO_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// waitJixiao waits for the child at most limit, kills it past that, and
// returns its exit status.
func waitJixiao(t *testing.T, cmd *exec.Cmd, limit time.Duration) (code int, took time.Duration) {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), time.Since(start)
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, time.Since(start)
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("jixiao did not stop within %v of the signal", limit)
	}
	return -1, 0
}

// The first SIGTERM or Ctrl-C stops a run that waits for its data: in
// open(2) of a FIFO no one writes, or in read(2) of one whose writer
// writes no more. The run exits 143 (SIGTERM) or 130 (SIGINT) at once and
// leaves no output and no temporary file.
func TestSignalWhileWaitingForFIFO(t *testing.T) {
	tests := []struct {
		name   string
		sig    syscall.Signal
		writer bool // a writer opens the FIFO and writes the header only
		code   int
		says   string
	}{
		{"SIGTERM in open", syscall.SIGTERM, false, exitTerminated, "jixiao: terminated; no output was written"},
		{"SIGINT in open", syscall.SIGINT, false, exitInterrupted, "jixiao: interrupted; no output was written"},
		{"SIGTERM in read", syscall.SIGTERM, true, exitTerminated, "jixiao: terminated; no output was written"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fifo := makeFIFO(t, "units.csv")
			outDir := t.TempDir()
			out := filepath.Join(outDir, "results.json")
			cmd, stderr := startJixiao(t, "eval", "-r", ok, "-d", fifo, "-f", "json", "-o", out)
			if tc.writer {
				w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // waits for jixiao to open it
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
				if _, err := io.WriteString(w, "unit,name,spent,budget,tier\nU1,甲,50,"); err != nil {
					t.Fatal(err)
				}
			} else {
				// The temporary output is made just before the data
				// is opened; a jixiao that makes none still gets the
				// signal, a little later.
				for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
					if m, _ := filepath.Glob(filepath.Join(outDir, ".results.json.tmp*")); len(m) > 0 {
						break
					}
				}
			}
			time.Sleep(200 * time.Millisecond) // into open(2) or read(2)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			code, took := waitJixiao(t, cmd, 10*time.Second)
			if code != tc.code || !strings.Contains(stderr.String(), tc.says) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tc.code, tc.says)
			}
			if took > 2*time.Second {
				t.Errorf("stopped %v after the signal", took)
			}
			if entries, _ := os.ReadDir(outDir); len(entries) > 0 {
				t.Errorf("left in the output directory: %v", entries)
			}
		})
	}
}

// A run stopped while it writes to a FIFO whose reader reads no more ends
// at once, and says that the reader got part of the output: what was
// written to a FIFO cannot be taken back.
func TestSignalWhileWritingFIFO(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units.csv")
	if code, _, stderr := runIn(t, nil, "gen", "-r", ok, "-n", "3000", "-o", units); code != exitOK {
		t.Fatalf("gen: %s", stderr)
	}
	fifo := makeFIFO(t, "results.json")
	cmd, stderr := startJixiao(t, "eval", "-r", ok, "-d", units, "-f", "json", "-o", fifo)
	r, err := os.Open(fifo) // waits for jixiao to open it
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Read(make([]byte, 1)); err != nil { // the output has begun
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // jixiao fills the pipe and waits
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	code, took := waitJixiao(t, cmd, 10*time.Second)
	want := "jixiao: terminated; " + fifo + " got part of the output"
	if code != exitTerminated || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), exitTerminated, want)
	}
	if took > 2*time.Second {
		t.Errorf("stopped %v after the signal", took)
	}
}

// Data from a FIFO is read once, whatever reads it: the streamed formats,
// the in-memory ones, each data format, and diff, which scores the units
// under two rulesets.
func TestFIFOData(t *testing.T) {
	units, err := os.ReadFile(okD)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "units.xlsx")
	if code, _, stderr := runIn(t, nil, "gen", "-r", ok, "-n", "5", "-o", xlsx); code != exitOK {
		t.Fatalf("gen: %s", stderr)
	}
	xlsxUnits, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	yamlUnits := []byte("- {unit: U1, name: 甲, data: {spent: 50, budget: 100, tier: A}}\n- {unit: U2, name: 乙, data: {spent: 100, budget: 100, tier: B}}\n")
	tests := []struct {
		name string
		file string // the FIFO's name, whose extension says the format
		text []byte
		args []string
	}{
		{"csv streamed", "units.csv", units, []string{"eval", "-r", ok, "-f", "json"}},
		{"csv in memory", "units.csv", units, []string{"eval", "-r", ok, "-f", "md"}},
		{"yaml", "units.yaml", yamlUnits, []string{"eval", "-r", ok, "-f", "csv"}},
		{"xlsx", "units.xlsx", xlsxUnits, []string{"eval", "-r", ok, "-f", "csv"}},
		{"diff", "units.csv", units, []string{"diff", "-r", ok, "-r", outRules}},
		{"explain", "units.csv", units, []string{"explain", "-r", ok, "U2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The FIFO takes the plain file's place, so that the
			// reports, which name the data, are alike.
			fifo := makeFIFO(t, tc.file)
			os.Remove(fifo)
			if err := os.WriteFile(fifo, tc.text, 0o644); err != nil {
				t.Fatal(err)
			}
			wantCode, want, _ := runIn(t, nil, append(tc.args, "-d", fifo)...)
			os.Remove(fifo)
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			feed(t, fifo, tc.text)
			type result struct {
				code           int
				stdout, stderr string
			}
			done := make(chan result, 1)
			go func() {
				var stdout, stderr bytes.Buffer
				// The run's context ends a run that would wait for
				// the FIFO a second time.
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				code := runContext(ctx, append(tc.args, "-d", fifo), nil, &stdout, &stderr)
				done <- result{code, stdout.String(), stderr.String()}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the run over a FIFO did not finish")
			}
			if r.code != wantCode || r.stdout != want {
				t.Errorf("exit %d (want %d), stderr %q, stdout\n%s\nwant\n%s", r.code, wantCode, r.stderr, r.stdout, want)
			}
			if len(want) < 100 {
				t.Errorf("the plain file gives only %q", want)
			}
		})
	}
}

// A run stopped by a signal exits 128 + its number, as shells report it.
func TestStopSignalStatus(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: exitInterrupted, syscall.SIGTERM: exitTerminated} {
		if got := (stopSignal{sig}).exitStatus(); got != want {
			t.Errorf("%v: status %d, want %d", sig, got, want)
		}
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stopSignal{syscall.SIGTERM})
	var w bytes.Buffer
	if code := interrupted(&w, msg.Printer{Lang: msg.ZH}, ctx, context.Canceled); code != exitTerminated || w.String() != "jixiao：已终止，未写出任何输出\n" {
		t.Errorf("interrupted: %d %q", code, w.String())
	}
}

// -o /dev/null as root once replaced the device with a regular file. The
// test makes its own null device (1:3) and checks it is a device still.
func TestOutputToCharDevice(t *testing.T) {
	dir, rules, units := copyInputs(t)
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		if errors.Is(err, syscall.EPERM) {
			t.Skipf("mknod is not permitted here (%v): run as root to test a character device", err)
		}
		t.Fatal(err)
	}
	for _, format := range []string{"json", "xlsx", "table"} {
		code, stdout, stderr := runIn(t, strings.NewReader(""), "eval", "-r", rules, "-d", units, "-f", format, "-o", null)
		if code != exitOK || stdout != "" {
			t.Errorf("-f %s: exit %d, stdout %q: %s", format, code, stdout, stderr)
		}
		st, err := os.Lstat(null)
		if err != nil || st.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("-f %s: %s is now %v (%v), want the character device", format, null, st.Mode(), err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A FIFO is written directly: the reader gets the report as standard
// output would, and the FIFO stays a FIFO.
func TestOutputToFIFO(t *testing.T) {
	dir, rules, units := copyInputs(t)
	fifo := filepath.Join(dir, "results.json")
	got := readFIFO(t, fifo)
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = runIn(t, strings.NewReader(""), "eval", "-r", rules, "-d", units, "-f", "json", "-o", fifo)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("eval -o FIFO did not finish")
	}
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Fatalf("%s is now %v (%v), want the FIFO", fifo, st.Mode(), err)
	}
	_, want, _ := runIn(t, strings.NewReader(""), "eval", "-r", rules, "-d", units, "-f", "json")
	select {
	case b := <-got:
		if string(b) != want {
			t.Errorf("the FIFO's reader got\n%s\nwant\n%s", b, want)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the FIFO's reader got nothing")
	}
}

// readFIFO makes a FIFO at path and reads it whole in the background: the
// channel gets what a writer sent (or the error opening it).
func readFIFO(t *testing.T, path string) <-chan []byte {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte, 1)
	go func() {
		r, err := os.Open(path)
		if err != nil {
			got <- []byte(err.Error())
			return
		}
		b, _ := io.ReadAll(r)
		r.Close()
		got <- b
	}()
	return got
}
