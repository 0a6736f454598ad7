package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

type monitorOptions struct {
	io        *streams
	Ruleset   string
	Data      string
	Read      data.Options
	Format    string
	Output    string
	AsOf      string
	Workers   int
	StampTime string
}

func newMonitorCmd(io *streams) *cobra.Command {
	o := &monitorOptions{io: io}
	cmd := &cobra.Command{
		Use:   "monitor --as-of DATE [-r RULESET] [-d DATA] [-f FORMAT] [-o FILE]",
		Short: io.msg.Sprintf(msg.HelpMonitor),
		Long: `monitor scores the data reported during the year and lights each indicator
green, yellow or red against its target pro-rated by the share of the year
elapsed at --as-of (时间过半、任务过半, 财预〔2019〕136号): the elapsed share f is
DATE's day of the year over the days of the year (2024-02-29 → 60/366).
A positive target expects f × target; a reverse target ("<=") is never
pro-rated and compares target ÷ value. Green at value ≥ expected × green
(default 1), yellow at ≥ expected × yellow (default 0.8), red otherwise;
the ruleset's monitor: {green, yellow} changes the bounds. A tier input
is green for A, yellow for B, red for C. Bands, deduct, score, relative
and panel indicators get no light; N/A gets none; missing and error are
red. A unit's light is its worst indicator's. Every light carries its
explanation; the summary counts units by light and names the indicators
most often red.

Formats (-f): table, json, csv, md, html, xlsx (xlsx needs -o).

Exit status: as eval's.`,
		Example: `  $ jixiao monitor --as-of 2023-09-30 -r ruleset.yaml -d units.csv
  $ jixiao monitor --as-of 2024-06-30 -r ruleset.yaml -d units.csv -f xlsx -o 监控.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDataFlags(cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runMonitor(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", "ruleset file or built-in id (default "+rulesets.Default+")")
	f.StringVarP(&o.Data, "data", "d", "", "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the ruleset's demo units)")
	addDataFlags(f, &o.Read, io.msg)
	f.StringVar(&o.AsOf, "as-of", "", "the monitoring date, e.g. 2023-09-30 (required)")
	f.StringVarP(&o.Format, "format", "f", "table", "output format: "+strings.Join(report.MonitorFormats(nil, false).Names(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	f.IntVar(&o.Workers, "workers", 0, "evaluation workers (default: one per core)")
	f.StringVar(&o.StampTime, "stamp-time", "", "write this time (RFC 3339, or now) into the report's provenance")
	return cmd
}

func runMonitor(ctx context.Context, cmd *cobra.Command, o *monitorOptions) error {
	if o.AsOf == "" {
		return failWith(exitNothing, fmt.Errorf("monitor needs --as-of DATE, e.g. --as-of 2023-09-30"))
	}
	asOf, err := monitor.ParseDate(o.AsOf)
	if err != nil {
		return failWith(exitNothing, err)
	}
	stamp, err := reportTime(o.StampTime, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return failWith(exitNothing, err)
	}
	prog, err := openRuleset(o.Ruleset, &engine.Options{Workers: max(o.Workers, 0)})
	if err != nil {
		return err
	}
	mon := monitor.New(prog.Ruleset(), asOf)
	format, err := report.MonitorFormats(mon, o.Output == "" && colorTerminal(o.io.Out)).Lookup(o.Format)
	if err != nil {
		return failWith(exitNothing, err)
	}
	if err := needsFile(o.io.msg, format, o.Output); err != nil {
		return err
	}
	meta := report.NewMeta(prog, nil)
	meta.Stamp = stamp
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	src, info, err := openData(ctx, o.Data, o.Read, prog, o.io.In, true)
	if err != nil {
		return err
	}
	defer src.Close()
	printWarnings(o.io.ErrOut, o.io.msg, src.Warnings())
	var sum engine.Summary
	var streamErr error
	err = out.write(ctx, func(w io.Writer) error {
		meta.Data = info
		sink, err := report.NewSink(w, format, report.Options{}, meta)
		if err != nil {
			return err
		}
		sink.Digest = src.SHA256
		sum, streamErr = prog.Stream(ctx, src, sink)
		if streamErr != nil {
			return streamErr
		}
		return sink.End(sum)
	})
	switch {
	case streamErr != nil && ctx.Err() != nil:
		return failWith(exitNothing, fmt.Errorf("monitoring stopped: %w", err))
	case streamErr != nil:
		return failWith(exitNothing, withFit(o.io.msg, streamErr, prog.Ruleset().ID))
	case err != nil:
		return failWith(exitNothing, err)
	}
	return endOfRun(o.io.ErrOut, o.io.msg, sum)
}

// colorTerminal reports whether w is a terminal that takes colours
// (NO_COLOR unset).
func colorTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == ""
}
