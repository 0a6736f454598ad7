package main

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/jixiao/jixiao/internal/msg"
)

// progress shows a bar on stderr while a long evaluation runs: units done,
// units per second and the time left, estimated from the share of the
// data file read so far; then, if writing the units out is long too (a
// large xlsx), a second bar for that. It shows only when stderr is a
// terminal and the run has lasted progressDelay, so pipes and logs never
// see it.
type progress struct {
	units   atomic.Int64 // units scored
	total   atomic.Int64 // units to write, once writing has begun
	written atomic.Int64 // units written
	stop    chan struct{}
	wg      sync.WaitGroup
}

// Phases of a run: scoring, then writing the units out with their ranks
// (short for csv and json, most of the run for a large xlsx).
const (
	phaseScore = msg.RunPhaseScore
	phaseWrite = msg.RunPhaseWrite
)

// state is what the bar shows: the phase, the units done and the units
// expected, extrapolated while scoring from the bytes per unit so far.
func (p *progress) state(size int64, read func() int64) (phase msg.Code, done, total int64) {
	if t := p.total.Load(); t > 0 {
		return phaseWrite, p.written.Load(), t
	}
	done = p.units.Load()
	total = done
	if r := read(); r > 0 && size > r {
		total = done * size / r
	}
	return phaseScore, done, max(total, done)
}

// progressDelay is how long a run goes before it gets a bar.
const progressDelay = time.Second

// startProgress starts the bar's goroutine for a run over size bytes of
// data, of which read tells how many are read; it returns nil (a no-op)
// when errOut is no terminal.
func startProgress(words msg.Printer, errOut io.Writer, size int64, read func() int64) *progress {
	f, ok := errOut.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	p := &progress{stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		var bar *progressbar.ProgressBar
		var phase msg.Code
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
			ph, done, total := p.state(size, read)
			if bar != nil && ph != phase {
				bar.Clear() // a new bar, with its own rate and time left
				bar = nil
			}
			phase = ph
			if bar == nil {
				bar = progressbar.NewOptions64(max(total, 1),
					progressbar.OptionSetWriter(f),
					progressbar.OptionSetDescription(words.Sprintf(phase)),
					progressbar.OptionSetItsString(words.Sprintf(msg.RunProgressUnits)),
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

// writing starts the second phase: n units to write.
func (p *progress) writing(n int) {
	if p != nil {
		p.total.Store(int64(max(n, 1)))
	}
}

// wrote counts one unit written.
func (p *progress) wrote() {
	if p != nil {
		p.written.Add(1)
	}
}

// done removes the bar.
func (p *progress) done() {
	if p != nil {
		close(p.stop)
		p.wg.Wait()
	}
}
