package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/openctx"
	"github.com/jixiao/jixiao/rulesets"
)

// openRuleset loads a ruleset by path or built-in id (the default ruleset
// when ref is empty) and compiles it with options o (nil: the defaults). Any failure means nothing can be
// evaluated: exit status 2.
func openRuleset(ref string, o *engine.Options) (*engine.Program, error) {
	if ref == "" {
		ref = rulesets.Default
	}
	rs, err := rulesets.Open(ref)
	if err != nil {
		return nil, failWith(exitNothing, err)
	}
	prog, err := engine.Compile(rs, o)
	if err != nil {
		return nil, failWith(exitNothing, err)
	}
	return prog, nil
}

// openData opens the data at path for the program's ruleset, read as
// opts say, hashing it when digest is set. With no path it opens the
// embedded demonstration data of a built-in ruleset. "-" reads CSV from
// standard input.
func openData(ctx context.Context, path string, opts data.Options, prog *engine.Program, stdin io.Reader, digest bool) (data.Source, *engine.DataInfo, error) {
	return openDataOf(ctx, path, opts, prog.Ruleset().ID, prog, stdin, digest)
}

// openDataOf is openData taking the demonstration data of ruleset demoID
// when path is empty (diff reads the old ruleset's demo units for both).
// Opening and reading a file stop when ctx is done, as a FIFO can leave
// them waiting.
func openDataOf(ctx context.Context, path string, opts data.Options, demoID string, prog *engine.Program, stdin io.Reader, digest bool) (data.Source, *engine.DataInfo, error) {
	schema := data.NewSchema(prog.Ruleset())
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
		src, err = opts.OpenStreamContext(ctx, path, schema, digest)
	}
	if err != nil {
		return nil, nil, failWith(exitNothing, withFit(msg.For(opts.Lang), err, prog.Ruleset().ID))
	}
	return src, &engine.DataInfo{Files: []string{filepath.ToSlash(path)}}, nil
}

// withFit adds to the error for data that looks like another ruleset's
// which built-in rulesets it fits (every input they read has a column), so
// that a forgotten -r says what to give. Other errors are returned as they
// are.
func withFit(p msg.Printer, err error, current string) error {
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
		if rs, err := rulesets.Open(id); err == nil && len(data.NewSchema(rs).Absent(absent.Columns)) == 0 {
			fits = append(fits, id)
		}
	}
	hinted := *de
	if len(fits) == 0 {
		hinted.Msg += p.Sprintf(msg.DataFitsNone, strings.Join(rulesets.IDs(), ", "))
	} else {
		hinted.Msg += p.Sprintf(msg.DataFits, strings.Join(fits, p.Sprintf(msg.DataAnd)), fits[0])
	}
	return &hinted
}

// unblockOnCancel makes a read of r that blocks (stdin on a pipe or a
// terminal) return when ctx is cancelled, so that Ctrl-C stops jixiao while
// it waits for data. The returned func ends the watch.
func unblockOnCancel(ctx context.Context, r io.Reader) (stop func()) {
	f, ok := r.(*os.File)
	if !ok {
		return func() {}
	}
	return openctx.Unblock(ctx, f)
}

func printWarnings(w io.Writer, p msg.Printer, warnings []*diag.Error) {
	for _, e := range warnings {
		io.WriteString(w, p.Sprintf(msg.DataWarning, e.Error()))
	}
}
