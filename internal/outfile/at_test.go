package outfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOutOfOrder: a regular file's output can be written anywhere and
// read back before Commit, which puts those bytes in place, cut where
// Truncate cut them; a FIFO or device refuses, writing nothing.
func TestOutOfOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.xlsx")
	f, err := Create(context.Background(), en, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("head")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("middle and rest"), 10); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := f.ReadAt(buf, 10); err != nil || string(buf) != "middle" {
		t.Fatalf("read back %q, %v", buf, err)
	}
	if _, err := f.WriteAt([]byte("______"), 4); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(16); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "head______middle" {
		t.Errorf("the file holds %q (%v), want %q", b, err, "head______middle")
	}

	fifo := mkfifo(t)
	go func() {
		if r, err := os.Open(fifo); err == nil {
			r.Close()
		}
	}()
	d, err := Create(context.Background(), en, fifo)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := d.WriteAt([]byte("x"), 3); !errors.Is(err, errDirect) {
		t.Errorf("WriteAt on a FIFO: %v, want %v", err, errDirect)
	}
	if _, err := d.ReadAt(buf, 0); !errors.Is(err, errDirect) {
		t.Errorf("ReadAt on a FIFO: %v, want %v", err, errDirect)
	}
	if err := d.Truncate(0); !errors.Is(err, errDirect) {
		t.Errorf("Truncate on a FIFO: %v, want %v", err, errDirect)
	}
	if d.Written() != 0 {
		t.Errorf("%d bytes written to the FIFO, want none", d.Written())
	}
}
