package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// openRuleset loads a ruleset by path or built-in id (the default ruleset
// when ref is empty) and compiles it. Any failure means nothing can be
// evaluated: exit status 2.
func openRuleset(ref string, opts ...engine.Option) (*engine.Program, error) {
	if ref == "" {
		ref = rulesets.Default
	}
	rs, err := engine.Open(ref)
	if err != nil {
		return nil, failWith(exitNothing, err)
	}
	prog, err := engine.Compile(rs, opts...)
	if err != nil {
		return nil, failWith(exitNothing, err)
	}
	return prog, nil
}

// openData opens the data at path for the program's ruleset, read as
// opts say, hashing it when digest is set. With no path it opens the
// embedded demonstration data of a built-in ruleset. "-" reads CSV from
// standard input.
func openData(path string, opts data.Options, prog *engine.Program, stdin io.Reader, digest bool) (data.Source, *engine.DataInfo, error) {
	return openDataOf(path, opts, prog.Ruleset.ID, prog, stdin, digest)
}

// openDataOf is openData taking the demonstration data of ruleset demoID
// when path is empty (diff reads the old ruleset's demo units for both).
func openDataOf(path string, opts data.Options, demoID string, prog *engine.Program, stdin io.Reader, digest bool) (data.Source, *engine.DataInfo, error) {
	schema := data.NewSchema(prog.Ruleset)
	var src data.Source
	var err error
	switch path {
	case "":
		name, ok := fixtures.Demo(demoID)
		if !ok {
			return nil, nil, failWith(exitNothing, fmt.Errorf("no data: give -d FILE (ruleset %s has no built-in demonstration data)", demoID))
		}
		f, ferr := fixtures.FS.Open(name)
		if ferr != nil {
			return nil, nil, failWith(exitNothing, ferr)
		}
		src, err = opts.OpenStreamReader("fixtures/"+name, f, schema, digest)
		path = "fixtures/" + name
	case "-":
		src, err = opts.OpenStreamReader("stdin.csv", stdin, schema, digest)
		path = "stdin"
	default:
		src, err = opts.OpenStream(path, schema, digest)
	}
	if err != nil {
		return nil, nil, failWith(exitNothing, withFit(err, prog.Ruleset.ID))
	}
	return src, &engine.DataInfo{Files: []string{filepath.ToSlash(path)}}, nil
}

// withFit adds to the error for data that looks like another ruleset's
// which built-in rulesets it fits (every input they read has a column), so
// that a forgotten -r says what to give. Other errors are returned as they
// are.
func withFit(err error, current string) error {
	var absent *data.AbsentInputsError
	var de *diag.Error
	if !errors.As(err, &absent) || !absent.Foreign() || !errors.As(err, &de) {
		return err
	}
	var fits []string
	for _, id := range rulesets.IDs() {
		if id == current {
			continue
		}
		if rs, err := engine.Open(id); err == nil && len(data.NewSchema(rs).Absent(absent.Columns)) == 0 {
			fits = append(fits, id)
		}
	}
	hinted := *de
	if len(fits) == 0 {
		hinted.Msg += fmt.Sprintf("\nit fits none of the built-in rulesets (%s) either: give the data's own ruleset with -r FILE", strings.Join(rulesets.IDs(), ", "))
	} else {
		hinted.Msg += fmt.Sprintf("\nit fits the built-in ruleset %s: run with -r %s", strings.Join(fits, " and "), fits[0])
	}
	return &hinted
}

// readAll reads every unit of path, read as opts say, and reports
// warnings on errOut.
func readAll(path string, opts data.Options, prog *engine.Program, st *streams) ([]indicators.Unit, *engine.DataInfo, error) {
	return readAllOf(path, opts, prog.Ruleset.ID, prog, st)
}

// readAllOf is readAll with the demonstration data of ruleset demoID.
func readAllOf(path string, opts data.Options, demoID string, prog *engine.Program, st *streams) ([]indicators.Unit, *engine.DataInfo, error) {
	src, info, err := openDataOf(path, opts, demoID, prog, st.In, true)
	if err != nil {
		return nil, nil, err
	}
	defer src.Close()
	units, warnings, sum, err := data.Collect(src)
	if err != nil {
		return nil, nil, failWith(exitNothing, withFit(err, prog.Ruleset.ID))
	}
	printWarnings(st.ErrOut, warnings)
	info.SHA256 = sum
	return units, info, nil
}

// unblockOnCancel makes a read of r that blocks (stdin on a pipe or a
// terminal) return when ctx is cancelled, so that Ctrl-C stops jixiao while
// it waits for data. The returned func ends the watch.
func unblockOnCancel(ctx context.Context, r io.Reader) (stop func()) {
	f, ok := r.(*os.File)
	if !ok {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			f.SetReadDeadline(time.Now())
		case <-done:
		}
	}()
	return func() { close(done) }
}

func printWarnings(w io.Writer, warnings []*diag.Error) {
	for _, e := range warnings {
		fmt.Fprintf(w, "warning: %s\n", e.Error())
	}
}

// atomicFile is an output file written whole or not at all: the bytes go to
// a temporary file beside it, renamed over the target only on success, so
// a failed or interrupted run leaves the previous output intact.
type atomicFile struct {
	*os.File
	path string
}

func createAtomic(path string) (*atomicFile, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("create %s: is a directory", path)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, unwrapPathErr(err))
	}
	return &atomicFile{File: f, path: path}, nil
}

// commit closes the file and moves it into place.
func (a *atomicFile) commit() error {
	if err := a.File.Close(); err != nil {
		os.Remove(a.Name())
		return fmt.Errorf("write %s: %w", a.path, err)
	}
	if err := os.Chmod(a.Name(), 0o644); err != nil {
		os.Remove(a.Name())
		return fmt.Errorf("write %s: %w", a.path, err)
	}
	if err := os.Rename(a.Name(), a.path); err != nil {
		os.Remove(a.Name())
		return fmt.Errorf("write %s: %w", a.path, err)
	}
	return nil
}

// abort drops the temporary file.
func (a *atomicFile) abort() {
	a.File.Close()
	os.Remove(a.Name())
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
