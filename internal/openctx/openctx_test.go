//go:build unix

package openctx

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Opening a FIFO with no writer blocks in the kernel; the context ends
// the wait, and a writer that comes later gets its file closed.
func TestOpenFIFOCancelled(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	f, err := OpenFile(ctx, p, os.O_RDONLY, 0)
	if f != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("OpenFile: %v %v, want context.Canceled", f, err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("returned %v after the cancel", took)
	}
	var pe *os.PathError
	if !errors.As(err, &pe) || pe.Path != p {
		t.Errorf("error %v does not name the file", err)
	}
	// The abandoned open completes once a writer comes, and closes its
	// end: the writer then sees no reader.
	w, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	deadline := time.Now().Add(2 * time.Second)
	for {
		if _, err := w.Write([]byte("x")); errors.Is(err, syscall.EPIPE) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the abandoned reader was not closed")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A read that blocks on a pipe returns once the context is done.
func TestUnblockRead(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	ctx, cancel := context.WithCancel(context.Background())
	stop := Unblock(ctx, r)
	defer stop()
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err = r.Read(make([]byte, 1))
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("Read: %v, want os.ErrDeadlineExceeded", err)
	}
	stop() // twice is no harm
}
