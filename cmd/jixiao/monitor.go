package main

import (
	"context"
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
		Use:     "monitor --as-of DATE [-r RULESET] [-d DATA] [-f FORMAT] [-o FILE]",
		Short:   io.msg.Sprintf(msg.HelpMonitor),
		Long:    io.msg.Sprintf(msg.HelpMonitorLong),
		Example: io.msg.Sprintf(msg.HelpMonitorExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDataFlags(io.msg, cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runMonitor(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", io.msg.Sprintf(msg.FlagRuleset, rulesets.Default))
	f.StringVarP(&o.Data, "data", "d", "", io.msg.Sprintf(msg.FlagData))
	addDataFlags(f, &o.Read, io.msg)
	f.StringVar(&o.AsOf, "as-of", "", io.msg.Sprintf(msg.FlagAsOf))
	f.StringVarP(&o.Format, "format", "f", "table", io.msg.Sprintf(msg.FlagFormat, strings.Join(report.MonitorFormats(nil, false).Names(), "|")))
	f.StringVarP(&o.Output, "output", "o", "", io.msg.Sprintf(msg.FlagOutput))
	f.IntVar(&o.Workers, "workers", 0, io.msg.Sprintf(msg.FlagWorkers))
	f.StringVar(&o.StampTime, "stamp-time", "", io.msg.Sprintf(msg.FlagStampTimeShort))
	return cmd
}

func runMonitor(ctx context.Context, cmd *cobra.Command, o *monitorOptions) error {
	if o.AsOf == "" {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrAsOf))
	}
	asOf, err := monitor.ParseDate(o.AsOf, o.io.msg.Lang.String())
	if err != nil {
		return failWith(exitNothing, err)
	}
	stamp, err := reportTime(o.io.msg, o.StampTime, os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
	if err != nil {
		return failWith(exitNothing, err)
	}
	prog, err := openRuleset(o.io, o.Ruleset, &engine.Options{Workers: max(o.Workers, 0)})
	if err != nil {
		return err
	}
	mon := monitor.New(prog.Ruleset(), asOf)
	format, err := report.MonitorFormats(mon, o.Output == "" && colorTerminal(o.io.Out)).LookupLang(o.Format, o.io.msg.Lang.String())
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
	src, info, err := openData(ctx, o.io.msg, o.Data, o.Read, prog, o.io.In, format.Digest)
	if err != nil {
		return err
	}
	defer src.Close()
	run := &scoreRun{io: o.io, prog: prog, src: src, info: info, dataPath: o.Data, lead: msg.ErrMonitorLead}
	sum, err := run.write(ctx, out, func(w io.Writer) (*report.Sink, error) {
		meta.Data = info
		return report.NewSink(w, format, report.Options{Lang: o.io.msg.Lang.String()}, meta)
	})
	if err != nil {
		return err
	}
	return endOfRun(o.io.ErrOut, o.io.msg, sum)
}

// colorTerminal reports whether w is a terminal that takes colours
// (NO_COLOR unset).
func colorTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == ""
}
