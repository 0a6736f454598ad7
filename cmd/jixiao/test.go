package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/tester"
)

type testOptions struct {
	io       *streams
	Refs     []string
	Format   string
	Coverage bool
	Verbose  bool
}

func newTestCmd(io *streams) *cobra.Command {
	o := &testOptions{io: io}
	cmd := &cobra.Command{
		Use:     "test [RULESET|DIR ...]",
		Short:   io.msg.Sprintf(msg.HelpTest),
		Long:    io.msg.Sprintf(msg.HelpTestLong),
		Example: io.msg.Sprintf(msg.HelpTestExample),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Refs = args
			return runTest(o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.Verbose, "verbose", "v", false, io.msg.Sprintf(msg.FlagVerbose))
	f.BoolVar(&o.Coverage, "coverage", false, io.msg.Sprintf(msg.FlagCoverage))
	f.StringVarP(&o.Format, "format", "f", report.CaseFormats().Names()[0], io.msg.Sprintf(msg.FlagFormat, strings.Join(report.CaseFormats().Names(), "|")))
	return cmd
}

func runTest(o *testOptions) error {
	format, err := report.CaseFormats().LookupLang(o.Format, o.io.msg.Lang.String())
	if err != nil {
		return failWith(exitNothing, err)
	}
	refs, err := testRefs(o.io.msg, o.Refs)
	if err != nil {
		return failWith(exitNothing, err)
	}
	var runs []report.CaseRun
	unloaded := 0
	for _, ref := range refs {
		// Explanations show why an expectation failed.
		prog, err := openRuleset(o.io, ref, &engine.Options{Explain: true})
		if err != nil {
			// Say why, and go on with the other rulesets: one broken file
			// should not hide the results of the rest.
			exitCode(o.io, err)
			unloaded++
			continue
		}
		if len(prog.Ruleset().Tests) == 0 {
			fmt.Fprint(o.io.ErrOut, o.io.msg.Sprintf(msg.WarnNoCases, prog.Ruleset().File, prog.Ruleset().ID))
		}
		results := tester.Options{Lang: o.io.msg.Lang.String()}.Run(prog)
		run := report.CaseRun{Ruleset: report.NewMeta(prog, nil).Ruleset, File: prog.Ruleset().File, Results: results}
		if o.Coverage {
			run.Coverage = tester.Coverage(prog, results)
		}
		runs = append(runs, run)
	}
	if err := format.Cases(o.io.Out, report.CaseOptions{Verbose: o.Verbose, Lang: o.io.msg.Lang.String()}).Report(runs); err != nil {
		return failWith(exitNothing, err)
	}
	if unloaded > 0 {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrNotLoaded, unloaded, len(refs)))
	}
	if _, failed := report.CaseCounts(runs); failed > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// testRefs expands arguments into ruleset references: built-in ids and
// files as given, directories into the rulesets they hold.
func testRefs(p msg.Printer, args []string) ([]string, error) {
	if len(args) == 0 {
		return rulesets.IDs(), nil
	}
	var refs []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			refs = append(refs, a)
			continue
		}
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if !d.IsDir() && (strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) &&
				!strings.HasSuffix(name, ".test.yaml") {
				refs = append(refs, path)
			}
			return nil
		})
		if err != nil {
			return nil, p.Wrap(err, msg.ErrReadLead, a)
		}
	}
	return refs, nil
}
