package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

type evalOptions struct {
	io        *streams
	Ruleset   string
	Data      string
	Format    string
	Output    string
	Groups    bool
	Sort      string
	Units     []string
	Explain   bool
	Workers   int
	Tolerance float64
}

func newEvalCmd(io *streams) *cobra.Command {
	o := &evalOptions{io: io}
	cmd := &cobra.Command{
		Use:   "eval [-r RULESET] [-d DATA] [-f FORMAT] [-o FILE]",
		Short: "Score every unit of a data file and print the results",
		Long: `eval scores every unit of the data against the ruleset and writes the
comparison table (units × indicator points, total, grade, rank) or the full
results in another format.

RULESET is a file path or a built-in id (see jixiao rulesets); the default is
` + rulesets.Default + `. DATA is CSV, XLSX, YAML, JSON or JSON Lines; without -d the
built-in demonstration units of the ruleset are scored. A unit whose data
cannot be read is reported with its errors and the others are scored.

Where the data carries the units' own scores (claimed.<indicator id>,
claimed.score, claimed.grade), the table adds 自评总分 and 自评等级 beside
the computed total and grade, and writes 8.62/9 where a claim departs from
the rules by more than --tolerance; JSON carries the claims, the flags
claim_high / claim_low and each unit's review list. jixiao review reports
the findings for the whole population.

Exit status: 0 all went well (failed checks are warnings on stderr); 1 the
run finished but some units failed; 2 nothing was evaluated.`,
		Example: `  $ jixiao eval
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  $ jixiao eval -r dept-2013 -f table --groups --sort -score
  $ jixiao eval -r my-rules.yaml -d units.csv -f json -o results.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", "ruleset file or built-in id (default "+rulesets.Default+")")
	f.StringVarP(&o.Data, "data", "d", "", "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the ruleset's demo units)")
	f.StringVarP(&o.Format, "format", "f", report.FormatNames()[0], "output format: "+strings.Join(report.FormatNames(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	f.BoolVar(&o.Groups, "groups", false, "show only the 一级指标 subtotals")
	f.StringVar(&o.Sort, "sort", "", "sort units by rank, score, unit, name, grade or an indicator id (prefix - for descending)")
	f.StringSliceVar(&o.Units, "units", nil, "keep only these unit ids (comma-separated)")
	f.BoolVar(&o.Explain, "explain", false, "include explanations (always on for json)")
	f.IntVar(&o.Workers, "workers", 0, "evaluation workers (default: one per core)")
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, "difference between claimed and computed points that counts as a finding")
	return cmd
}

// engineOptions turns common flags into engine options.
func engineOptions(workers int, tolerance float64, explain bool) []engine.Option {
	opts := []engine.Option{engine.Explain(explain), engine.Tolerance(tolerance)}
	if workers > 0 {
		opts = append(opts, engine.Workers(workers))
	}
	return opts
}

func runEval(o *evalOptions) error {
	format, err := report.Lookup(o.Format)
	if err != nil {
		return failWith(exitNothing, err)
	}
	if format.Binary && o.Output == "" {
		return failWith(exitNothing, fmt.Errorf("format %s is binary: give -o FILE", format.Name))
	}
	explain := o.Explain || format.Name != "table"
	prog, err := openRuleset(o.Ruleset, engineOptions(o.Workers, o.Tolerance, explain)...)
	if err != nil {
		return err
	}
	if o.Sort != "" && !validSort(o.Sort, prog) {
		return failWith(exitNothing, fmt.Errorf("--sort %q: want one of %s (prefix - for descending)", o.Sort, strings.Join(report.SortKeys(report.NewMeta(prog, nil)), ", ")))
	}
	units, info, err := readAll(o.Data, prog, o.io)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := prog.Eval(ctx, units)
	if err != nil {
		return failWith(exitNothing, fmt.Errorf("evaluation stopped: %w", err))
	}
	res.Data = info
	meta := report.NewMeta(prog, info)
	meta.HasClaims = res.HasClaims()
	ro := report.Options{Groups: o.Groups, Sort: o.Sort, Units: o.Units, Explain: explain}
	if err := writeReport(o.io.Out, o.Output, func(w io.Writer) error { return report.Write(w, format, ro, meta, res) }); err != nil {
		return failWith(exitNothing, err)
	}
	warnChecks(o.io.ErrOut, res)
	if res.Summary.Errors > 0 {
		fmt.Fprintf(o.io.ErrOut, "jixiao: %d of %d units could not be scored (see their errors in the output)\n", res.Summary.Errors, res.Summary.Units)
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

func validSort(key string, prog *engine.Program) bool {
	key = strings.TrimPrefix(key, "-")
	for _, k := range report.SortKeys(report.NewMeta(prog, nil)) {
		if k == key {
			return true
		}
	}
	return false
}

// writeReport writes to stdout, or to path whole or not at all.
func writeReport(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.commit()
}

// warnChecks prints failed consistency checks as warnings, at most a few
// per run so a large population does not drown the terminal.
func warnChecks(w io.Writer, res *engine.Result) {
	const most = 20
	n := 0
	for _, u := range res.Units {
		for _, c := range u.Checks {
			if c.OK || c.Skipped {
				continue
			}
			if n < most {
				fmt.Fprintf(w, "warning: %s %s: check %s failed: %s\n", u.Unit, u.Name, c.ID, c.Message)
			}
			n++
		}
	}
	if n > most {
		fmt.Fprintf(w, "warning: %d more failed checks (see the full output)\n", n-most)
	}
}
