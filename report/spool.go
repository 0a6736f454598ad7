package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

// spool holds bytes written now for later, in order: in memory up to its
// limit, then in a temporary file, so that memory stays flat however many
// units a report has. The parts of a workbook wait in one until the
// workbook is closed; the sections of md and html that follow the
// comparison table (each unit's explanations, the failures) wait in
// others until the table is written. The file is unlinked as soon as it is
// made where the system allows, else when the spool is closed.
type spool struct {
	limit   int // bytes kept in memory at most
	mem     []byte
	f       *os.File
	w       *bufio.Writer
	n       int64 // bytes held
	removed bool
}

// spoolMem is how many bytes a report section keeps in memory.
const spoolMem = 8 << 20

func (s *spool) Write(p []byte) (int, error) {
	if s.f == nil && len(s.mem)+len(p) > s.limit {
		f, err := os.CreateTemp("", "jixiao-report-*.tmp")
		if err != nil {
			return 0, fmt.Errorf("report: %w", err)
		}
		s.f, s.w = f, bufio.NewWriterSize(f, 64<<10)
		s.removed = os.Remove(f.Name()) == nil
		if _, err := s.w.Write(s.mem); err != nil {
			return 0, fmt.Errorf("report: %w", err)
		}
		s.mem = nil
	}
	s.n += int64(len(p))
	if s.f == nil {
		s.mem = append(s.mem, p...)
		return len(p), nil
	}
	n, err := s.w.Write(p)
	if err != nil {
		err = fmt.Errorf("report: %w", err)
	}
	return n, err
}

// section returns the bytes held from start to end.
func (s *spool) section(start, end int64) (io.Reader, error) {
	if s.f == nil {
		return bytes.NewReader(s.mem[start:end]), nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return io.NewSectionReader(s.f, start, end-start), nil
}

// copyTo writes every byte held to w and closes the spool.
func (s *spool) copyTo(w io.Writer) error {
	defer s.close()
	r, err := s.section(0, s.n)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func (s *spool) close() {
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
