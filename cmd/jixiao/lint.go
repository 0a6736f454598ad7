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
		Use:     "lint RULESET...",
		Short:   st.msg.Sprintf(msg.HelpLint),
		Long:    st.msg.Sprintf(msg.HelpLintLong),
		Example: st.msg.Sprintf(msg.HelpLintExample),
		Args:    cobra.MinimumNArgs(1),
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
