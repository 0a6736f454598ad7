package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/forms"
	"github.com/jixiao/jixiao/report"
)

// formsFile is the name of the extract that review -r reads forms through:
// it is what the messages and the review's data line name.
const formsFile = "自评表提取.csv"

// runFormsReview reviews the submitted self-evaluation forms of paths
// (files and folders). Without -r every form is scored by the 10号 rules
// from its own numbers; with -r the forms are read as data, rows matched
// to the ruleset's indicators by label (三级指标), and reviewed as review
// -d reviews a data file. --extract keeps what was read as a data file.
func runFormsReview(ctx context.Context, cmd *cobra.Command, o *reviewOptions, paths []string) error {
	if o.Data != "" {
		return failWith(exitNothing, fmt.Errorf("give either forms (jixiao review DIR-or-FILES…) or -d DATA, not both"))
	}
	fs, rejected, err := forms.ReadPaths(paths)
	if err != nil {
		return failWith(exitNothing, err)
	}
	for _, r := range rejected {
		fmt.Fprintf(o.io.ErrOut, "jixiao: not reviewed: %s\n", r.Why)
	}
	if len(fs) == 0 {
		return failWith(exitNothing, fmt.Errorf("nothing to review: no self-evaluation form (自评表) in %s", strings.Join(paths, ", ")))
	}
	if o.Extract != "" {
		out, err := openOutput(ctx, cmd, o.io, o.Extract)
		if err != nil {
			return err
		}
		err = out.write(ctx, func(w io.Writer) error { return forms.WriteCSV(w, fs) })
		out.close()
		if err != nil {
			return failWith(exitNothing, fmt.Errorf("writing %s: %w", o.Extract, err))
		}
	}
	if cmd.Flags().Changed("ruleset") {
		return reviewFormsByRuleset(ctx, cmd, o, fs, len(rejected))
	}
	if !slices.Contains(report.FormsFormats, o.Format) {
		return failWith(exitNothing, fmt.Errorf("unknown format %q for a review of forms: use one of %s", o.Format, strings.Join(report.FormsFormats, ", ")))
	}
	if o.Format == "xlsx" && (o.Output == "" || o.Output == "-") {
		return failWith(exitNothing, fmt.Errorf("format xlsx is binary: give -o FILE"))
	}
	for _, f := range fs {
		f.Review(o.Tolerance)
	}
	fr := &report.FormsReview{Tolerance: o.Tolerance, Forms: forms.Order(fs), Rejected: rejected, Summary: forms.Summarize(fs, rejected)}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	if err := out.write(ctx, func(w io.Writer) error { return report.WriteForms(w, o.Format, fr) }); err != nil {
		return failWith(exitNothing, err)
	}
	if fr.Summary.WithFindings > 0 || len(rejected) > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// reviewFormsByRuleset reviews the forms by the ruleset: their extract is
// the data of an ordinary review.
func reviewFormsByRuleset(ctx context.Context, cmd *cobra.Command, o *reviewOptions, fs []*forms.Form, rejected int) error {
	dir, err := os.MkdirTemp("", "jixiao-forms-")
	if err != nil {
		return failWith(exitNothing, err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, formsFile)
	f, err := os.Create(path)
	if err != nil {
		return failWith(exitNothing, err)
	}
	err = forms.WriteCSV(f, fs)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return failWith(exitNothing, fmt.Errorf("extracting the forms: %w", err))
	}
	ro := *o
	ro.Data = path
	err = runReview(ctx, cmd, &ro)
	if err == nil && rejected > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return err
}
