package main

import (
	"context"
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
	run := &scoreRun{io: o.io, prog: prog, src: src, info: info, dataPath: o.Data, lead: msg.ErrStoppedLead}
	sum, err := run.write(ctx, out, func(w io.Writer) (*report.Sink, error) {
		meta := report.NewMeta(prog, info)
		meta.Stamp = stamp
		return report.NewSink(w, format, ro, meta)
	})
	if err != nil {
		return err
	}
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
