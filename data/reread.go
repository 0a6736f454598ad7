package data

import (
	"errors"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Reread returns a source that reads the file's units again from the
// start, as this one did (without the digest; the same reopen as Rewind's): for a
// consumer that reads the units twice rather than keep what it made of
// them (engine.Stream, scoring a large file). The consumer closes it. It
// fails for data that cannot be read again: a FIFO, a device, a reader.
// The file may have changed in between; the consumer must check that the
// units it reads again are the ones it read.
func (fs *fileSource) Reread() (interface {
	Next() (*indicators.Unit, error)
}, error) {
	if !fs.regular {
		return nil, errors.New(fs.opened.schema.p.Sprintf(msg.DataNoReread, fs.name))
	}
	return fs.reopen()
}

// CanReread reports whether Reread can open the data again.
func (fs *fileSource) CanReread() bool { return fs.regular }
