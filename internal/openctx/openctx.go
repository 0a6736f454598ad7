// Package openctx opens files so that a cancelled context ends the wait.
//
// open(2) of a FIFO blocks in the kernel until the other end is opened, and
// Go's signal handling cannot reach a thread blocked there: the system call
// restarts after the signal, so a SIGTERM or Ctrl-C that cancels the run's
// context would go unheeded until someone opens the FIFO's other end. Once
// open, a FIFO, a pipe or a terminal is read and written through Go's
// poller, where a deadline does end a blocked call.
package openctx

import (
	"context"
	"os"
	"sync"
	"time"
)

// OpenFile is os.OpenFile that returns when ctx is done, with an
// *os.PathError whose Err is ctx's cause. The open runs on a goroutine of
// its own; when ctx wins, that goroutine is abandoned and closes the file
// should the open ever succeed. For a regular file the open does not
// block, and this costs a goroutine and a channel.
func OpenFile(ctx context.Context, name string, flag int, perm os.FileMode) (*os.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: context.Cause(ctx)}
	}
	type opened struct {
		f   *os.File
		err error
	}
	// Buffered, so that the abandoned goroutine can hand over its file and
	// end without a reader.
	c := make(chan opened, 1)
	go func() {
		f, err := os.OpenFile(name, flag, perm)
		c <- opened{f, err}
	}()
	select {
	case o := <-c:
		return o.f, o.err
	case <-ctx.Done():
		go func() {
			if o := <-c; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, &os.PathError{Op: "open", Path: name, Err: context.Cause(ctx)}
	}
}

// Unblock makes a read or write of f that blocks (a FIFO, a pipe, a
// terminal) return with os.ErrDeadlineExceeded once ctx is done. A regular
// file never blocks and takes no deadline, which is no harm. The returned
// func ends the watch (more calls do nothing); call it before f is closed.
func Unblock(ctx context.Context, f *os.File) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			f.SetDeadline(time.Now())
		case <-done:
		}
	}()
	return sync.OnceFunc(func() { close(done) })
}
