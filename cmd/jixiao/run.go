package main

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
)

// scoreRun is what eval and monitor share of a run over the data: the
// data's warnings (those of its header before the long part, the rest
// after), a progress bar on a terminal, the first failed checks as
// warnings, and an error rather than an empty report for data without
// units.
type scoreRun struct {
	io       *streams
	prog     *engine.Program
	src      data.Source
	info     *engine.DataInfo
	dataPath string   // -d: its size paces the progress bar
	lead     msg.Code // what a cancelled run says first
}

// write streams the data through the sink newSink makes on out's writer
// and ends it; the error is the command's (failWith), the output written
// whole or not at all.
func (r *scoreRun) write(ctx context.Context, out *output, newSink func(io.Writer) (*report.Sink, error)) (engine.Summary, error) {
	p := r.io.msg
	var size int64
	if st, err := os.Stat(r.dataPath); err == nil && r.dataPath != "" && r.dataPath != "-" {
		size = st.Size()
	}
	read := func() int64 { return 0 }
	if c, ok := r.src.(interface{ BytesRead() int64 }); ok {
		read = c.BytesRead
	}
	said := len(r.src.Warnings())
	printWarnings(r.io.ErrOut, p, r.src.Warnings())
	var sum engine.Summary
	var streamErr error
	warn := &checkWarnings{p: p}
	err := out.write(ctx, func(w io.Writer) error {
		sink, err := newSink(w)
		if err != nil {
			return err
		}
		sink.Digest = r.src.SHA256
		bar := startProgress(p, r.io.ErrOut, size, read)
		sum, streamErr = r.prog.Stream(ctx, r.src, &runSink{Sink: sink, bar: bar, warn: warn})
		bar.done()
		if streamErr != nil {
			return streamErr
		}
		return sink.End(sum)
	})
	switch {
	case errors.Is(streamErr, errNoUnits):
		return sum, failWith(exitNothing, p.Errorf(msg.ErrNoUnits, r.info.Files[0]))
	case streamErr != nil && ctx.Err() != nil:
		// err wraps streamErr, and tells when a FIFO got part of the output.
		return sum, failWith(exitNothing, p.Wrap(err, r.lead))
	case streamErr != nil:
		// A data error reads as it does when the data is read first.
		return sum, failWith(exitNothing, withFit(p, streamErr, r.prog.Ruleset().ID))
	case err != nil:
		return sum, failWith(exitNothing, err)
	}
	if w := r.src.Warnings(); len(w) > said {
		printWarnings(r.io.ErrOut, p, w[said:])
	}
	warn.print(r.io.ErrOut, sum.FailedChecks)
	return sum, nil
}

// errNoUnits stops a stream over data with no units before anything is
// written.
var errNoUnits = errors.New(string(msg.ErrNoUnits))

// runSink is the report's sink with the command's own concerns:
// progress, failed checks, and no report of no units.
type runSink struct {
	*report.Sink
	bar  *progress
	warn *checkWarnings
}

func (e *runSink) Render(dst []byte, u *engine.UnitResult) []byte {
	e.bar.add()
	return e.Sink.Render(dst, u)
}

// Scored counts a unit scored in the first pass of a data file scored
// twice, which renders nothing (engine's reread.go).
func (e *runSink) Scored() { e.bar.add() }

func (e *runSink) Start(s engine.Summary) error {
	if s.Units == 0 {
		return errNoUnits
	}
	e.bar.writing(s.Units)
	return e.Sink.Start(s)
}

func (e *runSink) Emit(rec []byte, rank int) error {
	e.bar.wrote()
	return e.Sink.Emit(rec, rank)
}

func (e *runSink) FailedCheck(unit, name string, c engine.CheckResult) bool {
	return e.warn.add(unit, name, c)
}

// checkWarnings keeps the first failed checks of a run, for warnings.
type checkWarnings struct {
	p     msg.Printer
	lines []string
}

// mostWarnings is how many failed checks a run prints, so that a large
// population does not drown the terminal.
const mostWarnings = 20

func (c *checkWarnings) add(unit, name string, r engine.CheckResult) bool {
	c.lines = append(c.lines, c.p.Sprintf(msg.WarnCheck, unit, name, r.ID, r.Message))
	return len(c.lines) < mostWarnings
}

func (c *checkWarnings) print(w io.Writer, total int) {
	for _, l := range c.lines {
		io.WriteString(w, l)
	}
	if total > len(c.lines) {
		io.WriteString(w, c.p.Sprintf(msg.WarnMoreChecks, total-len(c.lines)))
	}
}
