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
		Use:   "review [-r RULESET -d DATA | [-r RULESET] DIR-or-FILES…] [-f FORMAT] [-o FILE] [--tolerance T] [--extract FILE.csv]",
		Short: io.msg.Sprintf(msg.HelpReview),
		Long: `review scores every unit by the rules and sets its own self-evaluation
beside the result (复核): the points it claims per indicator (data field
claimed.<indicator id>), its total (claimed.score) and its grade
(claimed.grade). It reports every place where the claims depart from the
rules, with the claim, what the rules give and why:

  claim_high      多计: a claim above the rules' points, on an indicator or the total
  claim_low       少计: a claim below them; on an indicator whose target was met,
                  the finding says whether the unit gave a reason (reason.<id>)
  sum_mismatch    总分与各项之和不符: the claimed total is not the sum of the
                  claimed indicators (checked when every applicable one is claimed)
  grade_mismatch  等级与总分不符: the claimed grade is not the grade of the
                  rules' total

A claim on a 不适用 indicator above 0 is claim_high (the rules give it
nothing); one on a missing or error indicator is compared with its 0 points.

A claim departs when it differs from the rules by more than the tolerance
(--tolerance, default 0.01); a difference equal to the tolerance is not a
finding. Units with findings come first, the most points over-claimed
first; the summary counts the units reviewed, the units with findings, the
points over-claimed and the units whose grade the claims would change.

Submitted self-evaluation forms (自评表, .xlsx: the 10号 form, a system's
flat export, or either as units fill them) are reviewed by naming them or
their folders instead of -d. Without -r each form is scored by the 10号
rules from its own numbers (the 资金 block's 执行率 too) and the review
also reports 资金 amounts, 执行率 and 分值 that contradict each other and
rows it could not read, each with its cell (file!sheet!cell); files that
are not forms are listed with why. With -r a row is matched to the
ruleset's indicator of the same label (三级指标) and scored by its rules
(its target, bands or tiers, on the row's 实际完成值 and 分值); other rows
by the 10号 rules; grades are the ruleset's.
--extract FILE.csv keeps what was read as a data file (claimed.<label>,
reason.<label>) that eval and review -d read.

Exit status: 0 no finding; 1 some finding, or some unit could not be
scored; 2 nothing was reviewed (bad flags, a ruleset that does not compile,
unreadable data, or data without any claim).`,
		Example: `  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv -f md -o review.md
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv -f xlsx -o review.xlsx
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv --tolerance 0.5 -f json
  $ jixiao review 自评表/ -f html -o review.html --extract 自评表.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return runFormsReview(cmd.Context(), cmd, o, args)
			}
			if o.Extract != "" {
				return failWith(exitNothing, fmt.Errorf("--extract reads forms: name them (jixiao review DIR-or-FILES… --extract FILE.csv)"))
			}
			if err := checkDataFlags(cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runReview(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", "ruleset file or built-in id (default "+rulesets.Default+")")
	f.StringVarP(&o.Data, "data", "d", "", "data file with claimed.* fields: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin")
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.ReviewFormats().Names()[0], "output format: "+strings.Join(report.ReviewFormats().Names(), "|"))
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (whole or not at all) instead of standard output")
	f.IntVar(&o.Workers, "workers", 0, "evaluation workers (default: one per core)")
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, "a claim departs when it differs from the rules by more than this many points")
	f.StringVar(&o.Extract, "extract", "", "with forms: also write what was read as a CSV data file (claimed.*, reason.* columns)")
	return cmd
}

// runReview reviews with engine.Stream, as eval evaluates: the format's
// sink keeps each unit's review, not its result, in review order.
func runReview(ctx context.Context, cmd *cobra.Command, o *reviewOptions) error {
	format, err := report.ReviewFormats().Lookup(o.Format)
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
	eo, err := engineOptions(o.Workers, o.Tolerance, false)
	if err != nil {
		return err
	}
	prog, err := openRuleset(o.Ruleset, eo)
	if err != nil {
		return err
	}
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	src, info, err := openData(ctx, o.Data, o.Read, prog, o.io.In, true)
	if err != nil {
		return err
	}
	defer src.Close()
	var sum engine.Summary
	var streamErr error
	rs := &reviewSink{}
	err = out.write(ctx, func(w io.Writer) error {
		sink, err := report.NewSink(w, format, report.Options{Tolerance: o.Tolerance}, report.NewMeta(prog, info))
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
		return failWith(exitNothing, fmt.Errorf("nothing to review: no unit of %s claims a score (claimed.<indicator id>, claimed.score or claimed.grade)", strings.Join(info.Files, ", ")))
	case streamErr != nil && ctx.Err() != nil:
		return failWith(exitNothing, fmt.Errorf("evaluation stopped: %w", err))
	case streamErr != nil:
		return failWith(exitNothing, withFit(o.io.msg, streamErr, prog.Ruleset().ID))
	case err != nil:
		return failWith(exitNothing, err)
	}
	printWarnings(o.io.ErrOut, o.io.msg, src.Warnings())
	if sum.Errors > 0 {
		fmt.Fprintf(o.io.ErrOut, "jixiao: %d of %d units could not be scored (see their errors in the output)\n", sum.Errors, sum.Units)
	}
	if rs.findings.Load() || sum.Errors > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// errNoClaims stops a review of data without any claim before anything
// is written.
var errNoClaims = errors.New("no unit claims a score")

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
