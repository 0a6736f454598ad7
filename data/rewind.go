package data

import (
	"fmt"
	"io"
)

// Rewind starts a source opened from a file again at its first unit: a
// run with relative indicators (比较法) reads the data twice, first for
// each indicator's population. A source over a reader, or a file that
// cannot seek (a FIFO, standard input), cannot be rewound.
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
	if fs.f == nil || fs.opened == nil {
		return nil, fmt.Errorf("%s: the data cannot be read a second time (it was not opened from a file)", fs.name)
	}
	if _, err := fs.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: the data cannot be read a second time: %w", fs.name, unwrapPath(err))
	}
	o := fs.opened
	return openReader(fs.name, fs.f, o.schema, o.options, o.digest)
}

// openedWith is how a file source was opened, to open it again.
type openedWith struct {
	schema  *Schema
	options *Options
	digest  bool
}
