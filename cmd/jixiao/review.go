package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

type reviewOptions struct {
	io        *streams
	Ruleset   string
	Data      string
	Read      data.Options // how to read Data
	Format    string
	Output    string
	Workers   int
	Tolerance float64
	Extract   string // forms mode: write what was read as a data file
}

func newReviewCmd(io *streams) *cobra.Command {
	o := &reviewOptions{io: io}
	cmd := &cobra.Command{
		Use:     "review [-r RULESET -d DATA | [-r RULESET] DIR-or-FILES…] [-f FORMAT] [-o FILE] [--tolerance T] [--extract FILE.csv]",
		Short:   io.msg.Sprintf(msg.HelpReview),
		Long:    io.msg.Sprintf(msg.HelpReviewLong),
		Example: io.msg.Sprintf(msg.HelpReviewExample),
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return runFormsReview(cmd.Context(), cmd, o, args)
			}
			if o.Extract != "" {
				return failWith(exitNothing, io.msg.Errorf(msg.ErrExtractNeedsForms))
			}
			if err := checkDataFlags(io.msg, cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runReview(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", io.msg.Sprintf(msg.FlagRuleset, rulesets.Default))
	f.StringVarP(&o.Data, "data", "d", "", io.msg.Sprintf(msg.FlagDataClaims))
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.ReviewFormats().Names()[0], io.msg.Sprintf(msg.FlagFormat, strings.Join(report.ReviewFormats().Names(), "|")))
	f.StringVarP(&o.Output, "output", "o", "", io.msg.Sprintf(msg.FlagOutput))
	f.IntVar(&o.Workers, "workers", 0, io.msg.Sprintf(msg.FlagWorkers))
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, io.msg.Sprintf(msg.FlagToleranceReview))
	f.StringVar(&o.Extract, "extract", "", io.msg.Sprintf(msg.FlagExtract))
	return cmd
}

// runReview reviews with engine.Stream, as eval evaluates: the format's
// sink keeps each unit's review, not its result, in review order.
func runReview(ctx context.Context, cmd *cobra.Command, o *reviewOptions) error {
	format, err := report.ReviewFormats().LookupLang(o.Format, o.io.msg.Lang.String())
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
	// Findings quote the explanation of their indicator; the engine builds
	// it for those indicators only, so the review costs what eval costs.
	eo, err := engineOptions(o.io.msg, o.Workers, o.Tolerance, false)
	if err != nil {
		return err
	}
	prog, err := openRuleset(o.io, o.Ruleset, eo)
	if err != nil {
		return err
	}
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	src, info, err := openData(ctx, o.io.msg, o.Data, o.Read, prog, o.io.In, true)
	if err != nil {
		return err
	}
	defer src.Close()
	var sum engine.Summary
	var streamErr error
	rs := &reviewSink{}
	err = out.write(ctx, func(w io.Writer) error {
		sink, err := report.NewSink(w, format, report.Options{Tolerance: o.Tolerance, Lang: o.io.msg.Lang.String()}, report.NewMeta(prog, info))
		if err != nil {
			return err
		}
		sink.Digest = src.SHA256
		rs.Sink = sink
		if sum, streamErr = prog.Stream(ctx, src, rs); streamErr != nil {
			return streamErr
		}
		return sink.End(sum)
	})
	switch {
	case errors.Is(streamErr, errNoClaims):
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrNoClaims, strings.Join(info.Files, ", ")))
	case streamErr != nil && ctx.Err() != nil:
		return failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrStoppedLead))
	case streamErr != nil:
		return failWith(exitNothing, withFit(o.io.msg, streamErr, prog.Ruleset().ID))
	case err != nil:
		return failWith(exitNothing, err)
	}
	printWarnings(o.io.ErrOut, o.io.msg, src.Warnings())
	if sum.Errors > 0 {
		fmt.Fprintln(o.io.ErrOut, o.io.msg.Sprintf(msg.RunUnitsFailed, sum.Errors, sum.Units))
	}
	if rs.findings.Load() || sum.Errors > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// errNoClaims stops a review of data without any claim before anything
// is written.
var errNoClaims = errors.New(string(msg.ErrNoClaims))

// reviewSink is the report's sink of a review, which notes whether any
// unit has a finding and stops when no unit claims anything.
type reviewSink struct {
	*report.Sink
	findings atomic.Bool
}

func (s *reviewSink) Render(dst []byte, u *engine.UnitResult) []byte {
	if len(u.Review) > 0 {
		s.findings.Store(true)
	}
	return s.Sink.Render(dst, u)
}

func (s *reviewSink) Start(sum engine.Summary) error {
	if sum.Claimed == 0 {
		return errNoClaims
	}
	return s.Sink.Start(sum)
}
