package data

import (
	"errors"
	"io"

	"github.com/jixiao/jixiao/internal/msg"
)

// Rewind starts a source again at its first unit: a run with relative
// indicators (比较法) reads the data twice, first for each indicator's
// population. A source over a reader that cannot seek (a FIFO, a pipe on
// standard input, a network stream) cannot be rewound.
func (fs *fileSource) Rewind() error {
	nfs, err := fs.reopen()
	if err != nil {
		return err
	}
	fs.replace(nfs.(*fileSource))
	return nil
}

// Rewind is fileSource's Rewind for a source read by chunks.
func (cs *chunkSource) Rewind() error {
	ns, err := cs.reopen()
	if err != nil {
		return err
	}
	ncs := ns.(*chunkSource)
	cs.fileSource.replace(ncs.fileSource)
	cs.ch = ncs.ch
	return nil
}

// replace takes the reading state of n, keeping the file and what
// Close must do with it.
func (fs *fileSource) replace(n *fileSource) {
	f, unblock, opts := fs.f, fs.unblock, fs.opened
	*fs = *n
	fs.f, fs.unblock, fs.opened = f, unblock, opts
}

func (fs *fileSource) reopen() (Source, error) {
	sk, ok := fs.r.(io.Seeker)
	if !ok {
		return nil, errors.New(fs.opened.schema.p.Sprintf(msg.DataNoRereadStream, fs.name))
	}
	if _, err := sk.Seek(0, io.SeekStart); err != nil {
		return nil, errors.New(fs.opened.schema.p.Sprintf(msg.DataNoRereadErr, fs.name, unwrapPath(err)))
	}
	o := fs.opened
	return openReader(fs.name, fs.r, o.schema, o.options, o.digest)
}

// openedWith is how a file source was opened, to open it again.
type openedWith struct {
	schema  *Schema
	options *Options
	digest  bool
}
