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
		Use:   "diff -r OLD -r NEW [-d DATA] [-f table|json|md|xlsx] [-o FILE]",
		Short: io.msg.Sprintf(msg.HelpDiff),
		Long: `diff scores the same units under two rulesets, the one in force (OLD) and a
proposed change (NEW), and shows what the change does before it is adopted:

  - for every unit its old and new score, grade and rank, the change in
    score, and the indicators whose points changed;
  - the grade migration matrix: how many units went from each old grade to
    each new grade (rows old, columns new);
  - the units that moved most;
  - for the whole population, which indicators caused the change: each
    indicator's change in points summed over the units, indicators added
    or dropped by the change included.

Both rulesets read the same data file (each by its own inputs). JSON (-f
json) carries both rulesets' id, version and sha256 and the data's sha256;
xlsx needs -o. Without -d the old ruleset's built-in demo units are used.

Exit status: 0 all units scored under both; 1 some unit failed under one
of them (shown as not scored); 2 nothing was compared.`,
		Example: `  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml
  $ jixiao diff -r cmd/jixiao/testdata/diff/old.yaml -r cmd/jixiao/testdata/diff/new.yaml -d cmd/jixiao/testdata/diff/units.csv
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml -d fixtures/demo-grid-center.csv -f json
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml -f xlsx -o 影响.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDataFlags(cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runDiff(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&o.Rulesets, "ruleset", "r", nil, "ruleset file or built-in id: give it twice, old then new")
	f.StringVarP(&o.Data, "data", "d", "", "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the old ruleset's demo units)")
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.DiffFormats().Names()[0], "output format: "+strings.Join(report.DiffFormats().Names(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	return cmd
}

func runDiff(ctx context.Context, cmd *cobra.Command, o *diffOptions) error {
	if len(o.Rulesets) != 2 {
		return failWith(exitNothing, errors.New(o.io.msg.Sprintf(msg.ErrDiffTwoRulesets, len(o.Rulesets))))
	}
	format, err := report.DiffFormats().Lookup(o.Format)
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
		if progs[i], err = openRuleset(ref, nil); err != nil {
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
		if spool, err = spoolData(ctx, o.Data, o.io.In); err != nil {
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
		return failWith(exitNothing, fmt.Errorf("%s changed while diff read it for each ruleset: run diff again once it no longer changes", strings.Join(infos[0].Files, ", ")))
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
		fmt.Fprintf(o.io.ErrOut, "jixiao: %d of %d units could not be scored under both rulesets (shown as %s)\n", failed, len(cmp.Units), "未评分")
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
	} else if src, info, err = openDataOf(ctx, o.Data, o.Read, demoID, prog, nil, true); err != nil {
		return nil, err
	}
	defer src.Close()
	if _, err := prog.Stream(ctx, src, rec); err != nil {
		if ctx.Err() != nil {
			return nil, failWith(exitNothing, fmt.Errorf("evaluation stopped: %w", err))
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
func spoolData(ctx context.Context, path string, stdin io.Reader) (*os.File, error) {
	in := stdin
	if path != "-" {
		f, err := openctx.OpenFile(ctx, path, os.O_RDONLY, 0)
		if err != nil {
			return nil, failWith(exitNothing, fmt.Errorf("open data %s: %w", path, err))
		}
		defer f.Close()
		in = f
	}
	defer unblockOnCancel(ctx, in)()
	f, err := os.CreateTemp("", "jixiao-data-*")
	if err != nil {
		return nil, failWith(exitNothing, fmt.Errorf("keep %s for the second ruleset: %w", path, err))
	}
	os.Remove(f.Name())
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		return nil, failWith(exitNothing, fmt.Errorf("read data %s: %w", path, err))
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
