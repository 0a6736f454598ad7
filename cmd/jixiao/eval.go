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
		Use:     "eval [-r RULESET] [-d DATA] [-f FORMAT] [-o FILE]",
		Short:   io.msg.Sprintf(msg.HelpEval),
		Long:    io.msg.Sprintf(msg.HelpEvalLong, rulesets.Default, formatList(io.msg)),
		Example: io.msg.Sprintf(msg.HelpEvalExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ExplainSet = cmd.Flags().Changed("explain")
			if err := checkDataFlags(io.msg, cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runEval(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", io.msg.Sprintf(msg.FlagRuleset, rulesets.Default))
	f.StringVarP(&o.Data, "data", "d", "", io.msg.Sprintf(msg.FlagData))
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.FormatNames()[0], io.msg.Sprintf(msg.FlagFormat, strings.Join(report.FormatNames(), "|")))
	f.StringVarP(&o.Output, "output", "o", "", io.msg.Sprintf(msg.FlagOutput))
	f.BoolVar(&o.Groups, "groups", false, io.msg.Sprintf(msg.FlagGroups))
	f.StringVar(&o.Sort, "sort", "", io.msg.Sprintf(msg.FlagSort))
	f.StringSliceVar(&o.Units, "units", nil, io.msg.Sprintf(msg.FlagUnits))
	f.BoolVar(&o.Explain, "explain", false, io.msg.Sprintf(msg.FlagExplain))
	f.IntVar(&o.Workers, "workers", 0, io.msg.Sprintf(msg.FlagWorkers))
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, io.msg.Sprintf(msg.FlagTolerance))
	f.StringVar(&o.StampTime, "stamp-time", "", io.msg.Sprintf(msg.FlagStampTime))
	return cmd
}

// engineOptions turns common flags into engine options. --tolerance 0
// is no tolerance, which engine.Options spells negative (its 0 is the
// default).
func engineOptions(p msg.Printer, workers int, tolerance float64, explain bool) (*engine.Options, error) {
	if tolerance < 0 || tolerance != tolerance {
		return nil, failWith(exitNothing, p.Errorf(msg.ErrTolerance, tolerance))
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
	format, err := report.Formats().LookupLang(o.Format, o.io.msg.Lang.String())
	if err != nil {
		return failWith(exitNothing, err)
	}
	if err := needsFile(o.io.msg, format, o.Output); err != nil {
		return err
	}
	stamp, err := reportTime(o.io.msg, o.StampTime, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return failWith(exitNothing, err)
	}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	explain := o.Explain || !format.Lean && !o.ExplainSet
	eo, err := engineOptions(o.io.msg, o.Workers, o.Tolerance, explain)
	if err != nil {
		return err
	}
	prog, err := openRuleset(o.io, o.Ruleset, eo)
	if err != nil {
		return err
	}
	if o.Sort, err = sortKey(o.io.msg, prog.Ruleset().Indicators, o.Sort); err != nil {
		return failWith(exitNothing, err)
	}
	o.Units = splitUnits(o.Units)
	if err := report.CheckSort(report.NewMeta(prog, nil), o.Sort, o.io.msg.Lang.String()); err != nil {
		return failWith(exitNothing, err)
	}
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	ro := report.Options{Groups: o.Groups, Sort: o.Sort, Units: o.Units, Explain: explain, Lang: o.io.msg.Lang.String()}
	// A table for a terminal narrower than itself is split by 一级指标.
	split := &tableSplit{p: o.io.msg}
	if format.Name == "table" && (o.Output == "" || o.Output == "-") {
		if split.terminal = terminalWidth(o.io.Out); split.terminal > 0 {
			ro.Width, ro.Split = split.terminal, split.split
		}
	}
	src, info, err := openData(ctx, o.io.msg, o.Data, o.Read, prog, o.io.In, format.Digest)
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
		bar := startProgress(o.io.msg, o.io.ErrOut, size, read)
		sum, streamErr = prog.Stream(ctx, src, &evalSink{Sink: sink, bar: bar, warn: warn})
		bar.done()
		if streamErr != nil {
			return streamErr
		}
		return sink.End(sum)
	})
	switch {
	case errors.Is(streamErr, errNoUnits):
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrNoUnits, info.Files[0]))
	case streamErr != nil && ctx.Err() != nil:
		// err wraps streamErr, and tells when a FIFO got part of the output.
		return failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrStoppedLead))
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

// formatHelp is the catalogue's description of a format of eval -f; ""
// for a format the catalogue does not describe (TestEveryFormatHasHelp).
func formatHelp(name string) msg.Code {
	switch name {
	case "table":
		return msg.HelpFormatTable
	case "json":
		return msg.HelpFormatJSON
	case "csv":
		return msg.HelpFormatCSV
	case "md":
		return msg.HelpFormatMD
	case "xlsx":
		return msg.HelpFormatXLSX
	case "html":
		return msg.HelpFormatHTML
	case "selfeval":
		return msg.HelpFormatSelfeval
	}
	return ""
}

// formatList is eval's formats, one a line, for its help.
func formatList(p msg.Printer) string {
	var b strings.Builder
	for _, f := range report.Formats() {
		fmt.Fprintf(&b, "  %-9s %s", f.Name, p.Sprintf(formatHelp(f.Name)))
		if f.Binary {
			b.WriteString(p.Sprintf(msg.HelpNeedsFile))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// reportTime is the time a report is stamped with: --stamp-time (RFC 3339,
// or "now"), else SOURCE_DATE_EPOCH (seconds since 1970, the convention of
// reproducible builds), else none, so that two runs on the same input
// write the same bytes.
func reportTime(p msg.Printer, flag, epoch string, now func() time.Time) (time.Time, error) {
	switch {
	case flag == "now":
		return now().UTC().Truncate(time.Second), nil
	case flag != "":
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, p.Errorf(msg.ErrStampTime, flag)
		}
		return t, nil
	case epoch != "":
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, p.Errorf(msg.ErrEpoch, epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Time{}, nil
}

// errNoUnits stops a stream over data with no units before anything is
// written.
var errNoUnits = errors.New(string(msg.ErrNoUnits))

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
