package engine

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
)

// spill keeps Stream's records between its passes: in memory up to a
// limit, then in a temporary file, so that memory stays flat however many
// units there are. The file is removed when the spill is closed (at once
// where the system allows removing an open file).
type spill struct {
	limit   int
	mem     []byte
	f       *os.File
	w       *bufio.Writer
	removed bool
	mu      sync.Mutex // for add
	size    int64      // bytes added
}

func newSpill(limit int) *spill { return &spill{limit: limit} }

// add writes p at the end of the spill and returns where it starts. Unlike
// Write, it may be called from several goroutines at once.
func (s *spill) add(p []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	off := s.size
	if _, err := s.Write(p); err != nil {
		return 0, err
	}
	s.size += int64(len(p))
	return off, nil
}

func (s *spill) Write(p []byte) (int, error) {
	if s.f == nil {
		if n := len(s.mem) + len(p); n <= s.limit {
			if n > cap(s.mem) {
				// Double, up to the limit: append grows a large slice
				// by a quarter at a time, copying the records again
				// each time.
				mem := make([]byte, len(s.mem), min(s.limit, max(n, 2*cap(s.mem), 64<<10)))
				copy(mem, s.mem)
				s.mem = mem
			}
			s.mem = append(s.mem, p...)
			return len(p), nil
		}
		f, err := os.CreateTemp("", "jixiao-stream-*.spill")
		if err != nil {
			return 0, fmt.Errorf("spill to a temporary file: %w", err)
		}
		s.f = f
		s.removed = os.Remove(f.Name()) == nil
		// Chunks of records are large: bufio writes them through
		// without copying when they are at least its size.
		s.w = bufio.NewWriterSize(f, 64<<10)
		if _, err := s.w.Write(s.mem); err != nil {
			return 0, fmt.Errorf("spill to a temporary file: %w", err)
		}
		s.mem = nil
	}
	n, err := s.w.Write(p)
	if err != nil {
		err = fmt.Errorf("spill to a temporary file: %w", err)
	}
	return n, err
}

// reader returns the spilled bytes from the start; it may be called again
// for another pass.
func (s *spill) reader() (io.Reader, error) {
	if s.f == nil {
		return bytes.NewReader(s.mem), nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, fmt.Errorf("spill to a temporary file: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read the spill file: %w", err)
	}
	return s.f, nil
}

// readAt returns the n bytes spilled at off, in buf's memory when they
// must be read from the file.
func (s *spill) readAt(off int64, n int, buf []byte) ([]byte, error) {
	if s.f == nil {
		return s.mem[off : off+int64(n)], nil
	}
	if s.w.Buffered() > 0 {
		if err := s.w.Flush(); err != nil {
			return nil, fmt.Errorf("spill to a temporary file: %w", err)
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

func (s *spill) close() {
	if s.f == nil {
		return
	}
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
}
