package main

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/forms"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
)

// runFormsReview reviews the submitted self-evaluation forms of paths
// (files and folders): every row scored by the 10号 rules from the form's
// own numbers, or with -r by the ruleset's indicator of the same label
// where the ruleset has one (and the ruleset's grades). --extract keeps
// what was read as a data file.
func runFormsReview(ctx context.Context, cmd *cobra.Command, o *reviewOptions, paths []string) error {
	if o.Data != "" {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrFormsAndData))
	}
	format, err := report.FormsFormats().LookupLang(o.Format, o.io.msg.Lang.String())
	if err != nil {
		return failWith(exitNothing, err)
	}
	if err := needsFile(o.io.msg, format, o.Output); err != nil {
		return err
	}
	// The tolerance is judged as review -d judges it.
	eo, err := engineOptions(o.io.msg, 1, o.Tolerance, false)
	if err != nil {
		return err
	}
	fs, rejected, err := forms.Options{Lang: o.io.msg.Lang.String()}.ReadPaths(paths)
	if err != nil {
		return failWith(exitNothing, err)
	}
	for _, r := range rejected {
		io.WriteString(o.io.ErrOut, o.io.msg.Sprintf(msg.RunNotReviewed, r.Why))
	}
	if len(fs) == 0 {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrNoForms, strings.Join(paths, ", ")))
	}
	if o.Extract != "" {
		out, err := openOutput(ctx, cmd, o.io, o.Extract)
		if err != nil {
			return err
		}
		err = out.write(ctx, func(w io.Writer) error { return forms.WriteCSV(w, fs) })
		out.close()
		if err != nil {
			return failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrWritingLead, o.Extract))
		}
	}
	opts := forms.Options{Tolerance: o.Tolerance, Lang: o.io.msg.Lang.String()}
	byRuleset := ""
	if cmd.Flags().Changed("ruleset") {
		prog, err := openRuleset(o.io, o.Ruleset, eo)
		if err != nil {
			return err
		}
		rs := prog.Ruleset()
		opts.Grades = rs.Grades
		byRuleset = rs.ID
		opts.Score = newRulesetScorer(ctx, rs).score
	}
	for _, f := range fs {
		f.Review(opts)
	}
	fr := &report.FormsReview{Ruleset: byRuleset, Tolerance: o.Tolerance, Forms: forms.Order(fs), Rejected: rejected, Summary: forms.Summarize(fs, rejected)}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	if err := out.write(ctx, func(w io.Writer) error { return report.WriteForms(w, format, fr) }); err != nil {
		return failWith(exitNothing, err)
	}
	if fr.Summary.WithFindings > 0 || len(rejected) > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}
