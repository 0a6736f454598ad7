package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/rulesets"
)

func newTestCmd(io *streams) *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test [RULESET|DIR ...]",
		Short: "Run rulesets' test cases",
		Long: `test runs the test cases of rulesets: the tests: list of a ruleset file, and
NAME.test.yaml beside it. For each failure it prints the case and expected
against actual for the score, the grade and each pinned indicator, then a
summary line "N passed, M failed". With no argument it tests every built-in
ruleset. Exit status 1 when any case failed, 2 when a ruleset does not load.

A ruleset with one case:

  id: demo
  inputs: {spent: {label: 支出}, budget: {label: 预算}}
  indicators:
    - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
  tests:
    - name: 执行一半得一半分
      data: {spent: 50, budget: 100}
      expect: {score: 50, grade: 差, points: {exec: 50}}`,
		Example: `  $ jixiao test
  $ jixiao test rulesets/grid-center.yaml
  $ jixiao test my-rules/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			refs, err := testRefs(args)
			if err != nil {
				return failWith(exitNothing, err)
			}
			passed, failed := 0, 0
			for _, ref := range refs {
				prog, err := openRuleset(ref)
				if err != nil {
					return err
				}
				for _, cr := range prog.RunCases() {
					switch {
					case cr.Err != nil:
						failed++
						fmt.Fprintf(io.Out, "ERROR %s: %s\n  %v\n", prog.Ruleset.ID, cr.Case.Name, cr.Err)
					case !cr.Pass:
						failed++
						fmt.Fprintf(io.Out, "FAIL %s: %s (%s:%d)\n", prog.Ruleset.ID, cr.Case.Name, cr.Case.File, cr.Case.Pos.Line)
						for _, m := range cr.Failures {
							fmt.Fprintf(io.Out, "  %-28s want %-10s got %s\n", m.Key, m.Want, m.Got)
							if m.Explain != "" {
								fmt.Fprintf(io.Out, "  %28s %s\n", "", m.Explain)
							}
						}
					default:
						passed++
						if verbose {
							fmt.Fprintf(io.Out, "PASS %s: %s\n", prog.Ruleset.ID, cr.Case.Name)
						}
					}
				}
			}
			fmt.Fprintf(io.Out, "%d passed, %d failed\n", passed, failed)
			if failed > 0 {
				return failWith(exitUnitsFailed, nil)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing cases too")
	return cmd
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
