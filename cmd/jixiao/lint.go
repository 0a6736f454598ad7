package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/rulesets"
)

type lintOptions struct {
	io       *streams
	Rulesets []string
}

func newLintCmd(st *streams) *cobra.Command {
	o := &lintOptions{io: st}
	return &cobra.Command{
		Use:   "lint RULESET...",
		Short: st.msg.Sprintf(msg.HelpLint),
		Long: `lint checks rulesets without scoring any unit. It reports what cannot run
as errors (YAML, unknown keys, formulas that do not compile) and what runs
but is suspect as warnings:

  - indicator weights that do not sum to 100 (with the sum);
  - grades that leave totals without a grade, or can never match;
  - band rows that can never match: a condition that is never true, a row
    that earlier rows shadow (value >= 0.9 before value >= 0.95), rows after
    an always-true row, an else the rows before it cover; values no band
    row matches (scored 0);
  - inputs no indicator or check reads; indicators that read no input;
  - targets, scores and deductions that make full marks impossible or
    certain (">= 0" on a ratio, "<= -1" on a count);
  - tier points out of order or outside the bands of 财预〔2020〕10号;
  - checks that always pass or always fail.

Each finding is one line, FILE:LINE:COL: SEVERITY: MESSAGE, the form editors
and CI annotate. Ranges are worked out without data, taking reported
numbers as 0 or more (amounts, counts, shares).

RULESET is a file path or a built-in id. Exit status: 0 clean, 1 warnings
only, 2 errors.`,
		Example: `  $ jixiao lint grid-center
  $ jixiao lint rulesets/dept-2013.yaml rulesets/selfeval-2020.yaml
  $ jixiao lint engine/testdata/lint/suspect.yaml
  engine/testdata/lint/suspect.yaml:20:5: warning: indicator weights sum to 95, not 100
  ...`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Rulesets = args
			return runLint(o)
		},
	}
}

func runLint(o *lintOptions) error {
	warnings, errs := 0, 0
	for _, ref := range o.Rulesets {
		var issues []engine.Issue
		lang := o.io.msg.Lang.String()
		if rs, err := (rulesets.Options{Lang: lang}).Open(ref); err != nil {
			issues = engine.ErrorIssues(err)
		} else {
			issues = engine.Lint(rs, &engine.Options{Lang: lang})
		}
		for _, is := range issues {
			// Issue.String's form, the severity in the command's language.
			severity := o.io.msg.Sprintf(msg.LintSevWarning)
			if is.Error {
				severity = o.io.msg.Sprintf(msg.LintSevError)
			}
			fmt.Fprintf(o.io.Out, "%s: %s: %s\n", is.Pos, severity, is.Msg)
			if is.Error {
				errs++
			} else {
				warnings++
			}
		}
	}
	p := o.io.msg
	switch {
	case errs > 0:
		sum := p.Count(msg.LintErrors, errs) + p.Sprintf(msg.LintSep) + p.Count(msg.LintWarnings, warnings)
		io.WriteString(o.io.ErrOut, p.Sprintf(msg.LintSummary, sum))
		return failWith(exitNothing, nil)
	case warnings > 0:
		io.WriteString(o.io.ErrOut, p.Sprintf(msg.LintSummary, p.Count(msg.LintWarnings, warnings)))
		return failWith(exitUnitsFailed, nil)
	}
	// Silence on success reads as "did it run?": say so.
	io.WriteString(o.io.ErrOut, p.Sprintf(msg.LintClean))
	return nil
}
