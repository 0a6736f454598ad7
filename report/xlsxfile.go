package report

import (
	"bufio"
	"fmt"
	"io"
)

// outputFile is an output the workbook may write anywhere in, as it goes:
// a regular file (jixiao's -o, through outfile). Written is how many bytes
// were written to it through Write (where the workbook begins).
type outputFile interface {
	io.Writer
	io.ReaderAt
	io.WriterAt
	Truncate(size int64) error
	Written() int64
}

// outputSetter is a Rows that can write into an outputFile (the xlsx).
type outputSetter interface {
	setOutput(f outputFile)
}

func (r *drawRows) setOutput(f outputFile) {
	if s, ok := r.d.(outputSetter); ok {
		s.setOutput(f)
	}
}

func (x *xlsxWriter) setOutput(f outputFile) { x.file = f }

// fileGap is the room the workbook keeps at its start for the parts
// that come before 评分表 in the zip (their size is known only at the
// end: the styles used, the sheets added): some 20 KB deflated. Were they
// ever more, 评分表 is moved further in.
const fileGap = 1 << 20

// fileAt writes to f from off on.
type fileAt struct {
	f   outputFile
	off int64
}

func (a *fileAt) Write(p []byte) (int, error) {
	n, err := a.f.WriteAt(p, a.off)
	a.off += int64(n)
	return n, err
}

// toFile has the direct part write into the output file, gap past
// where the workbook begins, rather than into a store of its own: the
// largest part of a workbook of many units, which would otherwise wait in
// a temporary file as large as the output.
func (d *directPart) toFile(f outputFile, base, gap int64) {
	d.at = &fileAt{f: f, off: base + gap}
	d.buf = bufio.NewWriterSize(d.at, 256<<10)
	d.start = d.at.off
	d.flate.Reset(d.buf)
	d.store = nil
}

// writeFile writes the zip into z.file, the part in it moved to its
// place on the way, the parts before it in the gap before it, and the
// rest after it; the file is cut where the zip ends.
func (z *sortedZip) writeFile(names []string, inFile string, write func(w io.Writer) error) error {
	d := z.direct[inFile]
	// Where the part's data goes: after the parts before it, each a local
	// header (30 bytes and the name: CreateRaw writes no extra field) and
	// its data, and its own header.
	at := z.base
	for _, n := range names {
		if n == inFile {
			at += 30 + int64(len(n))
			break
		}
		p := z.parts[n]
		at += 30 + int64(len(n)) + p.end - p.start
	}
	if at > d.start {
		// Further in than it lies: moved there first, from its end,
		// so that nothing is written over before it is read.
		if err := moveRight(z.file, d.start, at, d.end-d.start); err != nil {
			return fmt.Errorf("workbook: %w", err)
		}
		d.end += at - d.start
		d.start = at
	}
	// Read from start and written at, no further in: the copy reads each
	// byte before it is written over.
	out := &fileAt{f: z.file, off: z.base}
	bw := bufio.NewWriterSize(out, 256<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return z.file.Truncate(out.off)
}

// moveRight copies n bytes of f from from to to, to > from, last first.
func moveRight(f outputFile, from, to, n int64) error {
	if to < from {
		return internalf("moveRight: not a move right")
	}
	buf := make([]byte, 1<<20)
	for end := n; end > 0; {
		c := min(int64(len(buf)), end)
		if _, err := f.ReadAt(buf[:c], from+end-c); err != nil {
			return err
		}
		if _, err := f.WriteAt(buf[:c], to+end-c); err != nil {
			return err
		}
		end -= c
	}
	return nil
}
