// Package spill keeps bytes written now to be read later, in memory up to
// a limit, then in a temporary file, so that memory stays flat however
// much is written: engine.Stream's records between its passes, and the
// parts of a report that are written before what must come first (the
// explanations of md and html, the rows of the terminal table, the parts
// of a workbook).
package spill

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
)

// Error is the error of a spill that could not be written to its
// temporary file: the disk full, or TMPDIR a folder that is missing or
// not writable. It is the user's to fix, so jixiao words it in the run's
// language (cmd/jixiao); Error is the English.
type Error struct{ Err error }

func (e *Error) Error() string { return "spill to a temporary file: " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Spill holds the bytes written to it. The file, if one is made, is
// removed when the spill is closed, or at once where the system allows
// removing an open file.
type Spill struct {
	limit   int
	mem     []byte
	f       *os.File
	w       *bufio.Writer
	n       int64 // bytes held
	removed bool
	mu      sync.Mutex // for Add
}

// New returns an empty spill that keeps up to limit bytes in memory.
func New(limit int) *Spill { return &Spill{limit: limit} }

// Add writes p at the end of the spill and returns where it starts.
// Unlike Write, it may be called from several goroutines at once.
func (s *Spill) Add(p []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	off := s.n
	_, err := s.Write(p)
	return off, err
}

func (s *Spill) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	if s.f == nil {
		if n := len(s.mem) + len(p); n <= s.limit {
			if n > cap(s.mem) {
				// Double, up to the limit: append grows a large slice by a
				// quarter at a time, copying what it holds again each time.
				mem := make([]byte, len(s.mem), min(s.limit, max(n, 2*cap(s.mem), 64<<10)))
				copy(mem, s.mem)
				s.mem = mem
			}
			s.mem = append(s.mem, p...)
			return len(p), nil
		}
		f, err := os.CreateTemp("", "jixiao-*.spill")
		if err != nil {
			return 0, &Error{err}
		}
		s.f = f
		s.removed = os.Remove(f.Name()) == nil
		// Large writes go through bufio without a copy.
		s.w = bufio.NewWriterSize(f, 64<<10)
		if _, err := s.w.Write(s.mem); err != nil {
			return 0, &Error{err}
		}
		s.mem = nil
	}
	n, err := s.w.Write(p)
	if err != nil {
		err = &Error{err}
	}
	return n, err
}

// Len is how many bytes the spill holds.
func (s *Spill) Len() int64 { return s.n }

// Section returns the bytes held from start to end, valid until the next
// Write. It may be called again for another pass.
func (s *Spill) Section(start, end int64) (io.Reader, error) {
	if s.f == nil {
		return bytes.NewReader(s.mem[start:end]), nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, &Error{err}
	}
	return io.NewSectionReader(s.f, start, end-start), nil
}

// ReadAt returns the n bytes held at off, in buf's memory when they must be
// read from the file.
func (s *Spill) ReadAt(off int64, n int, buf []byte) ([]byte, error) {
	if s.f == nil {
		return s.mem[off : off+int64(n)], nil
	}
	if s.w.Buffered() > 0 {
		if err := s.w.Flush(); err != nil {
			return nil, &Error{err}
		}
	}
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := s.f.ReadAt(buf, off); err != nil {
		return nil, fmt.Errorf("read the spill file: %w", err)
	}
	return buf, nil
}

// WriteTo writes every byte held to w.
func (s *Spill) WriteTo(w io.Writer) (int64, error) {
	r, err := s.Section(0, s.n)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(w, r)
	if err != nil {
		err = fmt.Errorf("copy out a spill: %w", err)
	}
	return n, err
}

// Close drops what the spill holds.
func (s *Spill) Close() {
	s.mem = nil
	if s.f == nil {
		return
	}
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
	s.f = nil
}
