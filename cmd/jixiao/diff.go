package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/openctx"
	"github.com/jixiao/jixiao/report"
)

type diffOptions struct {
	io       *streams
	Rulesets []string
	Data     string
	Read     data.Options // how to read Data
	Format   string
	Output   string
}

func newDiffCmd(io *streams) *cobra.Command {
	o := &diffOptions{io: io}
	cmd := &cobra.Command{
		Use:     "diff -r OLD -r NEW [-d DATA] [-f table|json|md|xlsx] [-o FILE]",
		Short:   io.msg.Sprintf(msg.HelpDiff),
		Long:    io.msg.Sprintf(msg.HelpDiffLong),
		Example: io.msg.Sprintf(msg.HelpDiffExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDataFlags(io.msg, cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runDiff(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&o.Rulesets, "ruleset", "r", nil, io.msg.Sprintf(msg.FlagRulesetTwice))
	f.StringVarP(&o.Data, "data", "d", "", io.msg.Sprintf(msg.FlagDataOld))
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.DiffFormats().Names()[0], io.msg.Sprintf(msg.FlagFormat, strings.Join(report.DiffFormats().Names(), "|")))
	f.StringVarP(&o.Output, "output", "o", "", io.msg.Sprintf(msg.FlagOutput))
	return cmd
}

func runDiff(ctx context.Context, cmd *cobra.Command, o *diffOptions) error {
	if len(o.Rulesets) != 2 {
		return failWith(exitNothing, errors.New(o.io.msg.Sprintf(msg.ErrDiffTwoRulesets, len(o.Rulesets))))
	}
	format, err := report.DiffFormats().LookupLang(o.Format, o.io.msg.Lang.String())
	if err != nil {
		return failWith(exitNothing, err)
	}
	if err := needsFile(o.io.msg, format, o.Output); err != nil {
		return err
	}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	progs := make([]*engine.Program, 2)
	for i, ref := range o.Rulesets {
		if progs[i], err = openRuleset(o.io, ref, nil); err != nil {
			return err
		}
	}
	// Both rulesets read the units, one engine.Stream each, keeping only
	// the comparison's part of each unit (diff.Recorder). Standard input,
	// a FIFO or a device gives its bytes once: they are kept in a
	// temporary file for the second reading. A file that changes in
	// between is caught by its digest.
	var spool *os.File
	if o.Data == "-" || o.Data != "" && !regularFile(o.Data) {
		if spool, err = spoolData(ctx, o.io.msg, o.Data, o.io.In); err != nil {
			return err
		}
		defer func() { spool.Close(); os.Remove(spool.Name()) }()
	}
	recs := make([]*diff.Recorder, 2)
	infos := make([]*engine.DataInfo, 2)
	warnings := make([]bytes.Buffer, 2)
	for i, prog := range progs {
		recs[i] = diff.NewRecorder(prog)
		defer recs[i].Close()
		if infos[i], err = streamSide(ctx, o, prog, progs[0].Ruleset().ID, spool, recs[i], &warnings[i]); err != nil {
			return err
		}
	}
	if infos[0].SHA256 != infos[1].SHA256 {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrChangedWhileDiff, strings.Join(infos[0].Files, ", ")))
	}
	// A column one ruleset reads is no warning because the other does not.
	printCommonLines(o.io.ErrOut, warnings[0].String(), warnings[1].String())
	cmp, err := diff.Compare(recs[0], recs[1], infos[0])
	if err != nil {
		return failWith(exitNothing, err)
	}
	cmp.AddRules(progs[0].Ruleset(), progs[1].Ruleset())
	if err := out.write(ctx, func(w io.Writer) error { return format.Diff(w, cmp) }); err != nil {
		return failWith(exitNothing, err)
	}
	failed := 0
	for _, u := range cmp.Units {
		if !u.Both() {
			failed++
		}
	}
	if failed > 0 {
		io.WriteString(o.io.ErrOut, o.io.msg.Sprintf(msg.RunDiffFailed, failed, len(cmp.Units), "未评分"))
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// streamSide scores the units of o.Data under prog into rec, its data
// warnings going to warn: from spool when set, else from the file (with no
// data, the demonstration units of ruleset demoID).
func streamSide(ctx context.Context, o *diffOptions, prog *engine.Program, demoID string, spool *os.File, rec *diff.Recorder, warn io.Writer) (*engine.DataInfo, error) {
	var src data.Source
	var info *engine.DataInfo
	var err error
	if spool != nil {
		name, shown := o.Data, o.Data
		if o.Data == "-" {
			name, shown = "stdin.csv", "stdin"
		}
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			return nil, failWith(exitNothing, fmt.Errorf("%s: %w", o.io.msg.Sprintf(msg.ErrReadAgain, shown), err))
		}
		src, err = o.Read.OpenStreamReader(name, spool, data.NewSchema(prog.Ruleset()), true)
		if err != nil {
			return nil, failWith(exitNothing, withFit(o.io.msg, err, prog.Ruleset().ID))
		}
		info = &engine.DataInfo{Files: []string{filepath.ToSlash(shown)}}
	} else if src, info, err = openDataOf(ctx, o.io.msg, o.Data, o.Read, demoID, prog, nil, true); err != nil {
		return nil, err
	}
	defer src.Close()
	if _, err := prog.Stream(ctx, src, rec); err != nil {
		if ctx.Err() != nil {
			return nil, failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrStoppedLead))
		}
		return nil, failWith(exitNothing, withFit(o.io.msg, err, prog.Ruleset().ID))
	}
	printWarnings(warn, o.io.msg, src.Warnings())
	info.SHA256 = src.SHA256()
	return info, nil
}

// regularFile reports whether path is a regular file, which can be read
// twice (a missing one is left to the reader to report).
func regularFile(path string) bool {
	fi, err := os.Stat(path)
	return err != nil || fi.Mode().IsRegular()
}

// spoolData copies the data at path ("-": stdin) to a temporary file,
// removed at once where the system allows, so that it can be read once
// for each ruleset. Opening and reading stop when ctx is done.
func spoolData(ctx context.Context, p msg.Printer, path string, stdin io.Reader) (*os.File, error) {
	in := stdin
	if path != "-" {
		f, err := openctx.OpenFile(ctx, path, os.O_RDONLY, 0)
		if err != nil {
			return nil, failWith(exitNothing, p.Wrap(err, msg.ErrOpenDataLead, path))
		}
		defer f.Close()
		in = f
	}
	defer unblockOnCancel(ctx, in)()
	f, err := os.CreateTemp("", "jixiao-data-*")
	if err != nil {
		return nil, failWith(exitNothing, p.Wrap(err, msg.ErrKeepDataLead, path))
	}
	os.Remove(f.Name())
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		return nil, failWith(exitNothing, p.Wrap(err, msg.ErrReadDataLead, path))
	}
	return f, nil
}

// printCommonLines prints the lines of a that b has too.
func printCommonLines(w io.Writer, a, b string) {
	inB := map[string]bool{}
	for _, l := range strings.Split(b, "\n") {
		inB[l] = true
	}
	for _, l := range strings.Split(a, "\n") {
		if l != "" && inB[l] {
			fmt.Fprintln(w, l)
		}
	}
}
