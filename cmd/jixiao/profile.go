package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/pflag"
)

// profile is the hidden --cpuprofile and --memprofile flags, for taking
// the timings of README's "Large populations" apart with go tool pprof.
type profile struct {
	cpuPath, memPath string
	cpu              *os.File
}

func (p *profile) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&p.cpuPath, "cpuprofile", "", "write a CPU profile to `FILE`")
	fs.StringVar(&p.memPath, "memprofile", "", "write a heap profile to `FILE` on exit")
	_ = fs.MarkHidden("cpuprofile")
	_ = fs.MarkHidden("memprofile")
}

// start begins the CPU profile once the flags are parsed.
func (p *profile) start() error {
	if p.cpuPath == "" || p.cpu != nil {
		return nil
	}
	f, err := os.Create(p.cpuPath)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("cpu profile: %w", err)
	}
	p.cpu = f
	return nil
}

// stop ends the CPU profile and writes the heap profile.
func (p *profile) stop() error {
	var errs []error
	if p.cpu != nil {
		pprof.StopCPUProfile()
		errs = append(errs, p.cpu.Close())
		p.cpu = nil
	}
	if p.memPath != "" {
		errs = append(errs, writeHeapProfile(p.memPath))
	}
	return errors.Join(errs...)
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC() // up-to-date statistics
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}
