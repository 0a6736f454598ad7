package main

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestBoxesLineUp: the review and diff tables, with their Chinese labels
// and names, are drawn with ASCII borders, and every line of a box has
// the same display width counting CJK as 2 columns, whether the terminal
// draws East Asian ambiguous characters narrow or wide (a zh_CN terminal
// set to wide): no cell holds one.
func TestBoxesLineUp(t *testing.T) {
	for _, args := range [][]string{
		{"review", "-r", "../../fixtures/review-demo-rules.yaml", "-d", "../../fixtures/review-demo.csv"},
		{"diff", "-r", "grid-center", "-r", "testdata/diff/grid-center-2023.yaml"},
		{"diff", "-r", "testdata/diff/old.yaml", "-r", "testdata/diff/new.yaml", "-d", "testdata/diff/units.csv"},
	} {
		code, out, errOut := runCLI(t, args...)
		if code == exitNothing {
			t.Fatalf("%v: exit 2: %s", args, errOut)
		}
		if strings.ContainsAny(out, "┌┬┐├┼┤└┴┘│─") {
			t.Errorf("%v draws box characters:\n%s", args, out)
		}
		boxes := 0
		for _, box := range strings.Split(out, "\n\n") {
			var lines []string
			for _, l := range strings.Split(box, "\n") {
				if strings.HasPrefix(l, "+-") || strings.HasPrefix(l, "| ") {
					lines = append(lines, l)
				}
			}
			if len(lines) == 0 {
				continue
			}
			boxes++
			for _, wide := range []bool{false, true} {
				c := &runewidth.Condition{EastAsianWidth: wide}
				want := c.StringWidth(lines[0])
				for _, l := range lines {
					if w := c.StringWidth(l); w != want {
						t.Errorf("%v (ambiguous wide %v): a line %d columns wide in a box of %d:\n%s\n%s", args, wide, w, want, lines[0], l)
					}
				}
			}
		}
		if boxes == 0 {
			t.Errorf("%v: no box in:\n%s", args, out)
		}
	}
}
