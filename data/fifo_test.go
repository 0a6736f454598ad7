//go:build unix

package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/jixiao/jixiao/data"
)

const fifoCSV = "unit,name,spent,budget,people,tier\nU1,甲,50,100,3,A\nU2,乙,100,100,4,B\n"

// mkfifo makes a FIFO beside a regular file of the same text, for its
// digest; the FIFO's other end is released at the end of the test.
func mkfifo(t *testing.T) (fifo, plain string) {
	t.Helper()
	dir := t.TempDir()
	fifo, plain = filepath.Join(dir, "fifo.csv"), filepath.Join(dir, "plain.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, []byte(fifoCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if f, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	return fifo, plain
}

func writeFIFO(fifo, text string) {
	go func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.WriteString(text)
			w.Close()
		}
	}()
}

// A FIFO is read once: the units and the digest of the bytes are those of
// the same text in a regular file.
func TestFIFOReadOnce(t *testing.T) {
	fifo, plain := mkfifo(t)
	writeFIFO(fifo, fifoCSV)
	src, err := data.Options{Lang: "en"}.OpenStreamContext(context.Background(), fifo, schema(t), true)
	if err != nil {
		t.Fatal(err)
	}
	units, _, sum, err := data.Collect(src)
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, _, want, err := data.Options{Lang: "en"}.ReadAll(plain, schema(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 2 || sum != want {
		t.Errorf("%d units, digest %s; want 2 and %s", len(units), sum, want)
	}
	// ReadFile, for a reader of the units under two rulesets.
	writeFIFO(fifo, fifoCSV)
	b, err := data.ReadFile(context.Background(), fifo)
	if err != nil || string(b) != fifoCSV {
		t.Errorf("ReadFile: %q %v", b, err)
	}
}

// Opening a FIFO no one writes, and reading one whose writer is silent,
// end when the context is cancelled, with an error naming the file.
func TestFIFOCancelled(t *testing.T) {
	fifo, _ := mkfifo(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := data.Options{Lang: "en"}.OpenContext(ctx, fifo, schema(t))
	if !errors.Is(err, context.Canceled) || err.Error() != fifo+": open data: context canceled" {
		t.Errorf("open: %v, want %s: open data: context canceled", err, fifo)
	}

	w := make(chan *os.File, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
		}
		f.WriteString("unit,name,spent,budget,people,tier\nU1,甲,5")
		w <- f
	}()
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	src, err := data.Options{Lang: "en"}.OpenContext(ctx, fifo, schema(t))
	if err == nil {
		_, _, _, err = data.Collect(src)
		src.Close()
	}
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("read: %v, want os.ErrDeadlineExceeded", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("returned %v after the cancel", took)
	}
	(<-w).Close()
}
