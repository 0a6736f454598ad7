package report

import (
	"bytes"
	"compress/flate"
	"io"
	"runtime"
)

// parallelFlate deflates a stream on every core: a workbook's sheet of a
// million units was deflated by the one goroutine that writes its rows,
// and the other cores waited for it. The stream is cut into chunks
// of pflateChunk bytes, each deflated on a goroutine of its own and ended
// with a sync flush; written in order and followed by an empty final block
// they are one deflate stream. Chunks are cut where the bytes fall, never
// by timing, so the same input gives the same bytes; a stream shorter
// than a chunk is deflated by one writer as before. A chunk starts
// without the 32 KiB before it as a dictionary, which costs under 0.1 %
// of the size (TestParallelFlate) and lets each chunk's writer be reused.
type parallelFlate struct {
	w       io.Writer
	level   int
	buf     []byte        // the chunk being filled
	pending []*flateChunk // deflating or deflated, in order, not yet written
	idle    []*flateChunk // for reuse, with their writers
	err     error
	closed  bool
	sent    bool // a whole chunk was deflated apart
}

// pflateChunk is the bytes deflated at once, big enough that a chunk's
// fresh start and its goroutine are a small part of its cost.
const pflateChunk = 1 << 20

// flateChunk is one chunk and its deflated bytes.
type flateChunk struct {
	in   []byte
	out  bytes.Buffer
	fw   *flate.Writer
	done chan error
}

func newParallelFlate(w io.Writer, level int) *parallelFlate {
	return &parallelFlate{w: w, level: level}
}

// Reset sets where the stream is written, before anything is.
func (p *parallelFlate) Reset(w io.Writer) { p.w = w }

func (p *parallelFlate) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	if p.closed {
		return 0, internalf("parallelFlate: write after Close")
	}
	n := len(b)
	for len(b) > 0 {
		if cap(p.buf) < pflateChunk {
			p.buf = make([]byte, 0, pflateChunk)
		}
		k := min(len(b), pflateChunk-len(p.buf))
		p.buf = append(p.buf, b[:k]...)
		b = b[k:]
		if len(p.buf) == pflateChunk {
			if err := p.send(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// send starts deflating the chunk in p.buf, and writes the chunks done
// at the head of the queue: all but so many as the cores can deflate.
func (p *parallelFlate) send() error {
	p.sent = true
	var c *flateChunk
	if n := len(p.idle); n > 0 {
		c, p.idle = p.idle[n-1], p.idle[:n-1]
	} else {
		fw, err := flate.NewWriter(nil, p.level)
		if err != nil {
			p.err = err
			return err
		}
		c = &flateChunk{fw: fw, done: make(chan error, 1)}
	}
	c.in, p.buf = p.buf, c.in[:0]
	c.out.Reset()
	c.fw.Reset(&c.out)
	go func() {
		_, err := c.fw.Write(c.in)
		if err == nil {
			err = c.fw.Flush() // byte-aligned, not final: the next chunk follows
		}
		c.done <- err
	}()
	p.pending = append(p.pending, c)
	inFlight := 2 * runtime.GOMAXPROCS(0)
	for len(p.pending) > 0 {
		head := p.pending[0]
		var err error
		if len(p.pending) > inFlight {
			err = <-head.done
		} else {
			select {
			case err = <-head.done:
			default:
				return nil
			}
		}
		if err := p.writeHead(err); err != nil {
			return err
		}
	}
	return nil
}

// writeHead writes the chunk at the head of the queue, deflated with err.
func (p *parallelFlate) writeHead(err error) error {
	head := p.pending[0]
	p.pending = p.pending[1:]
	if err == nil {
		_, err = p.w.Write(head.out.Bytes())
	}
	p.idle = append(p.idle, head)
	if err != nil && p.err == nil {
		p.err = err
	}
	return p.err
}

// Close deflates what is left, writes every chunk and ends the stream.
func (p *parallelFlate) Close() error {
	if p.closed {
		return p.err
	}
	p.closed = true
	if p.err == nil && !p.sent {
		// Never a whole chunk: deflated here, by one writer closed as any
		// is, so a small part is the bytes it always was.
		fw, err := flate.NewWriter(p.w, p.level)
		if err == nil {
			if _, err = fw.Write(p.buf); err == nil {
				err = fw.Close()
			}
		}
		p.err = err
		return err
	}
	if p.err == nil && len(p.buf) > 0 {
		p.send()
	}
	for len(p.pending) > 0 {
		p.writeHead(<-p.pending[0].done) // every chunk waited for, even after an error
	}
	if p.err != nil {
		return p.err
	}
	// An empty final block of fixed codes: BFINAL 1, BTYPE 01, then the
	// end-of-block code, seven zero bits.
	_, p.err = p.w.Write([]byte{0x03, 0x00})
	return p.err
}
