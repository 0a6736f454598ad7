package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

type evalOptions struct {
	io      *streams
	Ruleset string
	Data    string
	Read    data.Options // how to read Data
	Format  string
	Output  string
	Groups  bool
	Sort    string
	Units   []string
	Explain bool
	// ExplainSet tells that --explain was given (true or false): then it
	// decides, else the format does.
	ExplainSet bool
	Workers    int
	Tolerance  float64
	StampTime  string
}

func newEvalCmd(io *streams) *cobra.Command {
	o := &evalOptions{io: io}
	cmd := &cobra.Command{
		Use:   "eval [-r RULESET] [-d DATA] [-f FORMAT] [-o FILE]",
		Short: io.msg.Sprintf(msg.HelpEval),
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

Formats (-f):
` + formatList() + `
Tables show each 一级指标's subtotal beside its indicators; --groups keeps
only the subtotals, --sort orders the units, --units keeps some of them.
Reports carry their provenance (ruleset and data with their SHA-256) and
are byte-identical between runs; --stamp-time or SOURCE_DATE_EPOCH adds a
time. Files given with -o are written whole or not at all, and never over
an input (the data, the ruleset, its tests, the settings file); a FIFO or
a device such as /dev/null is written directly.

Exit status: 0 all went well (failed checks are warnings on stderr); 1 the
run finished but some units failed; 2 nothing was evaluated; 130 stopped by
Ctrl-C, 143 by SIGTERM (a failed or interrupted run leaves the previous -o
FILE as it was).`,
		Example: `  $ jixiao eval
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  $ jixiao eval -r dept-2013 -f table --groups --sort -score
  $ jixiao eval -r selfeval-2020 -f html -o report.html
  $ jixiao eval -r selfeval-2020 -f selfeval -o 自评表.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ExplainSet = cmd.Flags().Changed("explain")
			if err := checkDataFlags(cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runEval(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", "ruleset file or built-in id (default "+rulesets.Default+")")
	f.StringVarP(&o.Data, "data", "d", "", "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the ruleset's demo units)")
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.FormatNames()[0], "output format: "+strings.Join(report.FormatNames(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	f.BoolVar(&o.Groups, "groups", false, "show only the 一级指标 subtotals")
	f.StringVar(&o.Sort, "sort", "", "sort units by rank, score, unit, name, grade (or 排名, 总分, 单位, 名称, 等级), an indicator id or label or a 一级指标 (prefix - for descending; default: rank for tables, input order for json and selfeval)")
	f.StringSliceVar(&o.Units, "units", nil, "keep only these unit ids (separated by , ， 、 or ；)")
	f.BoolVar(&o.Explain, "explain", false, "include explanations (on by default for json, md and html; --explain=false leaves them out)")
	f.IntVar(&o.Workers, "workers", 0, "evaluation workers (default: one per core)")
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, "difference between claimed and computed points that counts as a finding")
	f.StringVar(&o.StampTime, "stamp-time", "", "write this time (RFC 3339, or now) into the report's provenance (default: $SOURCE_DATE_EPOCH if set, else none, so reports are byte-identical)")
	return cmd
}

// engineOptions turns common flags into engine options. --tolerance 0
// is no tolerance, which engine.Options spells negative (its 0 is the
// default).
func engineOptions(workers int, tolerance float64, explain bool) (*engine.Options, error) {
	if tolerance < 0 || tolerance != tolerance {
		return nil, failWith(exitNothing, fmt.Errorf("tolerance must be 0 or more, got %v", tolerance))
	}
	if tolerance == 0 {
		tolerance = -1
	}
	return &engine.Options{Workers: max(workers, 0), Explain: explain, Tolerance: tolerance}, nil
}

// runEval evaluates with engine.Stream, whatever the format: units are
// read, scored and rendered as they come, by a worker per core, and
// written in the format's order (input order, by rank, --sort) once the
// ranks are known, in memory that does not grow with the number of units.
// A progress bar shows on a terminal when the run is long.
func runEval(ctx context.Context, cmd *cobra.Command, o *evalOptions) error {
	format, err := report.Lookup(o.Format)
	if err != nil {
		return failWith(exitNothing, err)
	}
	if err := needsFile(o.io.msg, format, o.Output); err != nil {
		return err
	}
	stamp, err := reportTime(o.StampTime, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return failWith(exitNothing, err)
	}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	explain := o.Explain || !format.Lean && !o.ExplainSet
	eo, err := engineOptions(o.Workers, o.Tolerance, explain)
	if err != nil {
		return err
	}
	prog, err := openRuleset(o.Ruleset, eo)
	if err != nil {
		return err
	}
	if o.Sort, err = sortKey(prog.Ruleset().Indicators, o.Sort); err != nil {
		return failWith(exitNothing, err)
	}
	o.Units = splitUnits(o.Units)
	if err := report.CheckSort(report.NewMeta(prog, nil), o.Sort); err != nil {
		return failWith(exitNothing, err)
	}
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	ro := report.Options{Groups: o.Groups, Sort: o.Sort, Units: o.Units, Explain: explain}
	// A table for a terminal narrower than itself is split by 一级指标.
	split := &tableSplit{p: o.io.msg}
	if format.Name == "table" && (o.Output == "" || o.Output == "-") {
		if split.terminal = terminalWidth(o.io.Out); split.terminal > 0 {
			ro.Width, ro.Split = split.terminal, split.split
		}
	}
	src, info, err := openData(ctx, o.Data, o.Read, prog, o.io.In, format.Digest)
	if err != nil {
		return err
	}
	defer src.Close()
	var size int64
	if st, err := os.Stat(o.Data); err == nil && o.Data != "" && o.Data != "-" {
		size = st.Size()
	}
	read := func() int64 { return 0 }
	if c, ok := src.(interface{ BytesRead() int64 }); ok {
		read = c.BytesRead
	}
	// What the data's header said (unknown columns, a conversion) is said
	// now, before the long part; what the rest of the data says, at the
	// end.
	said := len(src.Warnings())
	printWarnings(o.io.ErrOut, o.io.msg, src.Warnings())
	var sum engine.Summary
	var streamErr error
	warn := &checkWarnings{p: o.io.msg}
	err = out.write(ctx, func(w io.Writer) error {
		meta := report.NewMeta(prog, info)
		meta.Stamp = stamp
		sink, err := report.NewSink(w, format, ro, meta)
		if err != nil {
			return err
		}
		sink.Digest = src.SHA256
		bar := startProgress(o.io.ErrOut, size, read)
		sum, streamErr = prog.Stream(ctx, src, &evalSink{Sink: sink, bar: bar, warn: warn})
		bar.done()
		if streamErr != nil {
			return streamErr
		}
		return sink.End(sum)
	})
	switch {
	case errors.Is(streamErr, errNoUnits):
		return failWith(exitNothing, fmt.Errorf("%s: the data holds no units", info.Files[0]))
	case streamErr != nil && ctx.Err() != nil:
		// err wraps streamErr, and tells when a FIFO got part of the output.
		return failWith(exitNothing, fmt.Errorf("evaluation stopped: %w", err))
	case streamErr != nil:
		// A data error reads as it does when the data is read first.
		return failWith(exitNothing, withFit(o.io.msg, streamErr, prog.Ruleset().ID))
	case err != nil:
		return failWith(exitNothing, err)
	}
	if w := src.Warnings(); len(w) > said {
		printWarnings(o.io.ErrOut, o.io.msg, w[said:])
	}
	warn.print(o.io.ErrOut, sum.FailedChecks)
	split.print(o.io.ErrOut)
	return endOfRun(o.io.ErrOut, o.io.msg, sum)
}

// endOfRun says how the run went on stderr and gives its exit status:
// the units that could not be scored, then, last, one line counting the
// units whose scores hide missing data (scored 0) or that failed a
// consistency check, which the output marks but which a reader of a
// long report or a csv may not look for. Nothing when all is well.
func endOfRun(w io.Writer, p msg.Printer, s engine.Summary) error {
	if s.Errors > 0 {
		fmt.Fprintln(w, p.Sprintf(msg.RunUnitsFailed, s.Errors, s.Units))
	}
	var issues []string
	if s.MissingUnits > 0 {
		issues = append(issues, p.Sprintf(msg.RunMissing, s.MissingUnits, s.Units))
	}
	if s.CheckUnits > 0 {
		issues = append(issues, p.Sprintf(msg.RunChecks, s.CheckUnits, s.Units))
	}
	if len(issues) > 0 {
		fmt.Fprintln(w, p.Sprintf(msg.RunIssues, strings.Join(issues, p.Sprintf(msg.RunIssuesSep))))
	}
	if s.Errors > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// formatList describes the output formats for the help, one a line.
func formatList() string {
	var b strings.Builder
	for _, f := range report.Formats() {
		fmt.Fprintf(&b, "  %-9s %s", f.Name, f.Desc)
		if f.Binary {
			b.WriteString(" (needs -o)")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// reportTime is the time a report is stamped with: --stamp-time (RFC 3339,
// or "now"), else SOURCE_DATE_EPOCH (seconds since 1970, the convention of
// reproducible builds), else none, so that two runs on the same input
// write the same bytes.
func reportTime(flag, epoch string, now func() time.Time) (time.Time, error) {
	switch {
	case flag == "now":
		return now().UTC().Truncate(time.Second), nil
	case flag != "":
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, fmt.Errorf("--stamp-time %q: want RFC 3339 such as 2024-03-31T09:00:00+08:00, or now", flag)
		}
		return t, nil
	case epoch != "":
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: want whole seconds since 1970-01-01", epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Time{}, nil
}

// errNoUnits stops a stream over data with no units before anything is
// written.
var errNoUnits = errors.New("the data holds no units")

// evalSink is the report's sink with the command's own concerns:
// progress, failed checks, and no report of no units.
type evalSink struct {
	*report.Sink
	bar  *progress
	warn *checkWarnings
}

func (e *evalSink) Render(dst []byte, u *engine.UnitResult) []byte {
	e.bar.add()
	return e.Sink.Render(dst, u)
}

// Scored counts a unit scored in the first pass of a data file scored
// twice, which renders nothing (engine's reread.go).
func (e *evalSink) Scored() { e.bar.add() }

func (e *evalSink) Start(s engine.Summary) error {
	if s.Units == 0 {
		return errNoUnits
	}
	e.bar.writing(s.Units)
	return e.Sink.Start(s)
}

func (e *evalSink) Emit(rec []byte, rank int) error {
	e.bar.wrote()
	return e.Sink.Emit(rec, rank)
}

func (e *evalSink) FailedCheck(unit, name string, c engine.CheckResult) bool {
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
