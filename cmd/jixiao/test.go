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
		Use:   "test [RULESET|DIR ...]",
		Short: io.msg.Sprintf(msg.HelpTest),
		Long: `test runs the test cases of rulesets: the tests: list of a ruleset file, and
NAME.test.yaml beside it. For each failing case it prints the case (name,
file and line, data) and every expectation, expected against actual, for
the score, the grade and each pinned indicator, marking with ✗ those that
did not hold and explaining them; then a summary line "N passed, M failed".
With no argument it tests every built-in ruleset; a DIR is searched for
rulesets (*.yaml but not *.test.yaml).

A case's data: is read as the keys of a YAML data file are: input ids or
labels (a label may carry its unit in brackets, 预算（万元）), cells as text
("1,234", 85%, A, NA), claimed.<id>, claimed.score, claimed.grade and
reason.<id>. A key that names nothing of the ruleset, or two keys for one
input, fails the case.

--coverage lists the band rows, tiers and target branches (met,
proportional, zero, reverse linear, reverse ratio) that no case reached.

Exit status 0 all passed; 1 a case failed; 2 a ruleset does not load.

A ruleset with one case:

  id: demo
  inputs: {spent: {label: 支出}, budget: {label: 预算}}
  indicators:
    - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
  tests:
    - name: 执行一半得一半分
      data: {spent: 50, budget: 100}
      expect: {score: 50, grade: 差, points: {exec: 50}}

and what jixiao test prints when the case expects 60:

  FAIL demo: 执行一半得一半分 (demo.yaml:6)
    data: {budget: 100, spent: 50}
    score        want 60  got 50  ✗
    grade        want 差  got 差  ok
    points.exec  want 50  got 50  ok
  0 passed, 1 failed`,
		Example: `  $ jixiao test
  $ jixiao test rulesets/grid-center.yaml --coverage
  $ jixiao test cmd/jixiao/testdata/cases/ -f json
  $ jixiao test rulesets/ -v`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Refs = args
			return runTest(o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "list passing cases too")
	f.BoolVar(&o.Coverage, "coverage", false, "list the bands, tiers and target branches no case reached")
	f.StringVarP(&o.Format, "format", "f", report.CaseFormats().Names()[0], "output format: "+strings.Join(report.CaseFormats().Names(), "|"))
	return cmd
}

func runTest(o *testOptions) error {
	format, err := report.CaseFormats().Lookup(o.Format)
	if err != nil {
		return failWith(exitNothing, err)
	}
	refs, err := testRefs(o.Refs)
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
			fmt.Fprintf(o.io.ErrOut, "warning: %s: ruleset %s has no test cases\n", prog.Ruleset().File, prog.Ruleset().ID)
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
		return failWith(exitNothing, fmt.Errorf("%d of %d rulesets did not load", unloaded, len(refs)))
	}
	if _, failed := report.CaseCounts(runs); failed > 0 {
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// testRefs expands arguments into ruleset references: built-in ids and
// files as given, directories into the rulesets they hold.
func testRefs(args []string) ([]string, error) {
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
			return nil, fmt.Errorf("read %s: %w", a, err)
		}
	}
	return refs, nil
}
