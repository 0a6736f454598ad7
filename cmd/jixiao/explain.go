package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

type explainOptions struct {
	io        *streams
	Ruleset   string
	Data      string
	Read      data.Options // how to read Data
	Format    string
	Output    string
	Unit      string
	Tolerance float64
}

func newExplainCmd(io *streams) *cobra.Command {
	o := &explainOptions{io: io}
	cmd := &cobra.Command{
		Use:   "explain [-r RULESET] [-d DATA] [-f text|md] UNIT",
		Short: io.msg.Sprintf(msg.HelpExplain),
		Long: `explain prints the whole derivation of one unit's score, for a reviewer to
read on the terminal or print (-f md for Markdown):

  - every indicator's formula with the unit's numbers substituted, and every
    intermediate value of the branch actually taken (the condition of a ?:
    and its chosen side, the band rows tried until one matched);
  - the target or band that applied, the scoring rule with its numbers, and
    the points (clamped to the weight, rounded half-up to 2 decimals);
  - the subtotals of every 一级 and 二级 indicator group, the total (rescaled
    to 100 when indicators are 不适用), the grade with its band, the rank;
  - the failed consistency checks, with their numbers;
  - the unit's own claimed scores and the review findings (复核), if any;
  - the audit stamp: the ruleset's id, version and sha256, the data's sha256.

UNIT is the unit id of the data's unit column. The other units are scored
too, to give the rank. RULESET and DATA are as for eval.

Exit status: 0 explained; 1 the unit could not be scored (its errors are
shown); 2 nothing was evaluated (no such unit, bad ruleset or data).`,
		Example: `  $ jixiao explain LS2022 -r grid-center -d fixtures/lusong-grid-2022.yaml
  $ jixiao explain G04
  $ jixiao explain D03 -r dept-2013 -f md -o D03.md
  $ jixiao explain S02 -r selfeval-2020 -d fixtures/demo-selfeval-2020.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Unit = args[0]
			if err := checkDataFlags(cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runExplain(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", "ruleset file or built-in id (default "+rulesets.Default+")")
	f.StringVarP(&o.Data, "data", "d", "", "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the ruleset's demo units)")
	addDataFlags(f, &o.Read)
	f.StringVarP(&o.Format, "format", "f", report.ExplainFormats()[0], "output format: "+strings.Join(report.ExplainFormats(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, "difference between claimed and computed points that counts as a finding")
	return cmd
}

func runExplain(ctx context.Context, cmd *cobra.Command, o *explainOptions) error {
	if !slices.Contains(report.ExplainFormats(), o.Format) {
		return failWith(exitNothing, fmt.Errorf("unknown format %q: want one of %s", o.Format, strings.Join(report.ExplainFormats(), ", ")))
	}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	prog, err := openRuleset(o.Ruleset, engine.Tolerance(o.Tolerance))
	if err != nil {
		return err
	}
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	units, info, err := readAll(ctx, o.Data, o.Read, prog, o.io)
	if err != nil {
		return err
	}
	at := -1
	for i := range units {
		if units[i].ID == o.Unit {
			at = i
			break
		}
	}
	if at < 0 {
		return failWith(exitNothing, fmt.Errorf("no unit %q in %s (units: %s)", o.Unit, strings.Join(info.Files, ", "), unitList(units)))
	}
	res, err := prog.Eval(ctx, units)
	if err != nil {
		return failWith(exitNothing, fmt.Errorf("evaluation stopped: %w", err))
	}
	// The derivation comes from a program with explanations and trace
	// on, which records every step while scoring the unit.
	eprog, err := engine.Compile(prog.Ruleset(), engine.Explain(true), engine.Trace(true), engine.Tolerance(o.Tolerance))
	if err != nil {
		return failWith(exitNothing, err)
	}
	u := eprog.EvalUnit(&units[at])
	u.Rank = res.Units[at].Rank
	d := report.Derivation{Meta: report.NewMeta(prog, info), Unit: &u, Ranked: res.Summary.Units - res.Summary.Errors}
	if err := out.write(ctx, func(w io.Writer) error { return report.Explain(w, o.Format, d) }); err != nil {
		return failWith(exitNothing, err)
	}
	if u.Failed() {
		fmt.Fprintf(o.io.ErrOut, "jixiao: unit %s could not be scored\n", u.Unit)
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// unitList names the first units of the data, for a message.
func unitList(units []indicators.Unit) string {
	const most = 10
	var ids []string
	for i := range units {
		if i == most {
			ids = append(ids, fmt.Sprintf("and %d more", len(units)-most))
			break
		}
		ids = append(ids, units[i].ID)
	}
	return strings.Join(ids, ", ")
}
