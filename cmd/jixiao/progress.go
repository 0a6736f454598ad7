package main

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a bar on stderr while a long evaluation runs: units done,
// units per second and the time left, estimated from the share of the
// data file read so far. It shows only when stderr is a terminal and the
// run has lasted progressDelay, so pipes and logs never see it.
type progress struct {
	units atomic.Int64 // units scored
	stop  chan struct{}
	wg    sync.WaitGroup
}

// progressDelay is how long a run goes before it gets a bar.
const progressDelay = time.Second

// startProgress starts the bar's goroutine for a run over size bytes of
// data, of which read tells how many are read; it returns nil (a no-op)
// when errOut is no terminal.
func startProgress(errOut io.Writer, size int64, read func() int64) *progress {
	f, ok := errOut.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	p := &progress{stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		var bar *progressbar.ProgressBar
		start := time.Now()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				if bar != nil {
					bar.Clear()
				}
				return
			case <-tick.C:
			}
			if time.Since(start) < progressDelay {
				continue
			}
			done := p.units.Load()
			// The units still to come, from the bytes per unit so far.
			total := done
			if r := read(); r > 0 && size > r {
				total = done * size / r
			}
			if bar == nil {
				bar = progressbar.NewOptions64(max(total, 1),
					progressbar.OptionSetWriter(f),
					progressbar.OptionSetDescription("评分"),
					progressbar.OptionSetItsString("units"),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionSetElapsedTime(true),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionClearOnFinish(),
				)
			}
			bar.ChangeMax64(max(total, done, 1))
			bar.Set64(done)
		}
	}()
	return p
}

// add counts one unit scored; it is safe on a nil progress.
func (p *progress) add() {
	if p != nil {
		p.units.Add(1)
	}
}

// done removes the bar.
func (p *progress) done() {
	if p != nil {
		close(p.stop)
		p.wg.Wait()
	}
}
