package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
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

func diffFormatNames() []string {
	var names []string
	for _, f := range report.DiffFormats() {
		names = append(names, f.Name)
	}
	return names
}

func newDiffCmd(io *streams) *cobra.Command {
	o := &diffOptions{io: io}
	cmd := &cobra.Command{
		Use:   "diff -r OLD -r NEW [-d DATA] [-f table|json|md|xlsx] [-o FILE]",
		Short: "Show what a rule change does to every unit",
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
	addDataFlags(f, &o.Read)
	f.StringVarP(&o.Format, "format", "f", diffFormatNames()[0], "output format: "+strings.Join(diffFormatNames(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	return cmd
}

func runDiff(ctx context.Context, cmd *cobra.Command, o *diffOptions) error {
	if len(o.Rulesets) != 2 {
		return failWith(exitNothing, fmt.Errorf("diff compares two rulesets: give -r OLD -r NEW (got %d)", len(o.Rulesets)))
	}
	format, err := report.LookupDiffFormat(o.Format)
	if err != nil {
		return failWith(exitNothing, err)
	}
	if format.Binary && o.Output == "" {
		return failWith(exitNothing, fmt.Errorf("format %s is binary: give -o FILE", format.Name))
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
	// Both rulesets read the units: the data is read once, and kept for
	// the second, for standard input, a FIFO or a file that changes in
	// between could not give the same units twice.
	var text []byte
	switch o.Data {
	case "":
	case "-":
		defer unblockOnCancel(ctx, o.io.In)()
		if text, err = io.ReadAll(o.io.In); err != nil {
			return failWith(exitNothing, fmt.Errorf("read stdin: %w", err))
		}
	default:
		if text, err = data.ReadFile(ctx, o.Data); err != nil {
			return failWith(exitNothing, err)
		}
	}
	results := make([]*engine.Result, 2)
	warnings := make([]bytes.Buffer, 2)
	for i, prog := range progs {
		st := *o.io
		st.ErrOut = &warnings[i]
		units, info, err := readText(ctx, o.Data, text, o.Read, progs[0].Ruleset().ID, prog, &st)
		if err != nil {
			return err
		}
		if results[i], err = prog.Eval(ctx, units); err != nil {
			return failWith(exitNothing, fmt.Errorf("evaluation stopped: %w", err))
		}
		results[i].Data = info
	}
	// A column one ruleset reads is no warning because the other does not.
	printCommonLines(o.io.ErrOut, warnings[0].String(), warnings[1].String())
	cmp := diff.Diff(results[0], results[1])
	if err := out.write(ctx, func(w io.Writer) error { return format.Write(w, cmp) }); err != nil {
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
