package main

import (
	"context"
	"errors"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/pflag"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/outfile"
)

// profile is the hidden --cpuprofile and --memprofile flags, for taking
// the timings of README's "Large populations" apart with go tool pprof.
type profile struct {
	cpuPath, memPath string
	cpu              *outfile.File
	words            msg.Printer // words its errors
	// inputs are the run's input files, which no profile may replace.
	inputs []string
}

func (p *profile) addFlags(fs *pflag.FlagSet, words msg.Printer) {
	p.words = words
	fs.StringVar(&p.cpuPath, "cpuprofile", "", words.Sprintf(msg.FlagCPUProfile))
	fs.StringVar(&p.memPath, "memprofile", "", words.Sprintf(msg.FlagMemProfile))
	_ = fs.MarkHidden("cpuprofile")
	_ = fs.MarkHidden("memprofile")
}

// start begins the CPU profile once the flags are parsed; inputs are the
// files the run reads. Profiles are written as any output (outfile).
func (p *profile) start(ctx context.Context, inputs []string) error {
	p.inputs = inputs
	if p.cpuPath == "" || p.cpu != nil {
		return nil
	}
	f, err := outfile.Create(ctx, p.words, p.cpuPath, inputs...)
	if err != nil {
		return failWith(exitNothing, p.words.Wrap(err, msg.ErrCPUProfileLead))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Abort()
		return failWith(exitNothing, p.words.Wrap(err, msg.ErrCPUProfileLead))
	}
	p.cpu = f
	return nil
}

// stop ends the CPU profile and writes the heap profile; an interrupted
// run (ctx done) writes neither, as it writes no other output.
func (p *profile) stop(ctx context.Context) error {
	var errs []error
	if p.cpu != nil {
		pprof.StopCPUProfile()
		if ctx.Err() != nil {
			p.cpu.Abort()
		} else {
			errs = append(errs, p.cpu.Commit())
		}
		p.cpu = nil
	}
	if p.memPath != "" && ctx.Err() == nil {
		errs = append(errs, writeHeapProfile(ctx, p.words, p.memPath, p.inputs))
	}
	return errors.Join(errs...)
}

func writeHeapProfile(ctx context.Context, words msg.Printer, path string, inputs []string) error {
	f, err := outfile.Create(ctx, words, path, inputs...)
	if err != nil {
		return words.Wrap(err, msg.ErrHeapProfileLead)
	}
	runtime.GC() // up-to-date statistics
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Abort()
		return words.Wrap(err, msg.ErrHeapProfileLead)
	}
	return f.Commit()
}
