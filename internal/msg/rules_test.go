package msg

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// bareRuleMessage finds a message made from an English format string rather
// than the catalogue: diag.Errorf, a Msg: field, a loader's errorf or a
// linter's warn with a literal, and fmt.Errorf, errors.New or
// fmt.Sprintf of a literal holding English words.
var bareRuleMessage = regexp.MustCompile(`diag\.Errorf\(|Msg: *"[^"]*[A-Za-z]{2,}|Msg: *fmt\.Sprintf\(|(?:errorf|warn|fail)\([^\n]*, *"[^"]*[A-Za-z]{3,} [A-Za-z]{2,}|(?:fmt\.Errorf|errors\.New|fmt\.Sprintf)\("[^"]*[A-Za-z]{3,} [A-Za-z]{2,}[^"]*"`)

// englishKept are the English strings left in the sources of the rules'
// packages on purpose, each with why: stream and spill errors that only a
// bug or a corrupt temporary file gives, sentinel errors matched with
// errors.Is and never shown, and indicators' cell-value errors, which the
// data readers word (data/cellmsg.go; data's TestCellErrorFormsWorded
// fails on a new one until it is worded there and pinned).
var englishKept = []string{
	`errors.New("not a finite number"`,  // sentinel, errors.Is
	`errors.New("evaluation cancelled"`, // sentinel, worded by noteLimit
	`errors.New("stream: a population record was cut short"`,
	`errors.New("stream: a panel record was cut short"`,
	`errors.New("stream: the data read again is not a source of units"`,
	`errors.New("stream: a record was cut short"`,
	`errors.New("stream: the reader stopped without a last chunk"`,
	`errors.New("stream: a stat record was cut short"`,
	`errors.New("stream: a unit of the band was not read again"`,          // a bug: the counts of the readings agreed
	`errors.New("stream: a compact record is longer than its indicators"`, // a bug, or a corrupt temporary file
	`errors.New("stream: compact records are read a run at a time"`,       // a bug: never called
	`errors.New("stream: the compact records are not every unit"`,         // a bug: the passes' counts differ
	`errors.New("read spill: an item was cut short"`,
	`fmt.Errorf("read spill: %w"`,
	`fmt.Errorf("formula did not compile"`, // explain's steps of a compiled program
	`fmt.Errorf("cannot show %s"`,          // explain's steps: a node kind never compiled
	`fmt.Errorf("compare the results: %w"`, // diff: wraps the stream errors above
	`errors.New("a unit's record is cut short"`,
	`fmt.Errorf("unknown tier %s: %w"`,
	`fmt.Errorf("%w (the input's unit is %s)"`,
	`errors.New("type the cell with plain digits, signs and letters"`,
	`fmt.Errorf("holds %q (U+%04X), which only looks like %q: %w"`,
	`fmt.Errorf("%w: %s has a misplaced thousands separator"`,
	`fmt.Errorf("%w: %q is out of range (%d characters)"`,
	`fmt.Errorf("unknown tier %s: want A, B, C, 达成, 部分达成 or 未达成"`,
	`fmt.Errorf("fraction %s is outside tier %c (%s) band [%s, %s%s"`,
}

// TestNoBareEnglishInRules: the packages of the rules (the loader, the
// engine, the tests, monitor, diff, review) make every message a user
// reads from the catalogue, so it comes in Chinese first and in English
// with --lang en. A new message written as an English format string
// fails here: add a code to ruleMessages and word it in both languages.
func TestNoBareEnglishInRules(t *testing.T) {
	scanned := 0
	for _, dir := range []string{"rulesets", "indicators", "engine", "tester", "monitor", "diff", "review"} {
		for _, path := range sources(t, dir) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			scanned++
			for n, line := range strings.Split(string(src), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "//") {
					continue
				}
				m := bareRuleMessage.FindString(line)
				if m == "" || slices.ContainsFunc(englishKept, func(k string) bool { return strings.Contains(line, k) }) {
					continue
				}
				t.Errorf("%s:%d: a message in English only (%s): word it in internal/msg/rules.go\n\t%s", path, n+1, m, strings.TrimSpace(line))
			}
		}
	}
	if scanned < 40 {
		t.Errorf("scanned only %d files", scanned)
	}
}

// TestBareRuleMessageFound: the scan above finds the forms a bare message
// takes, so that it cannot pass by finding nothing.
func TestBareRuleMessageFound(t *testing.T) {
	for _, line := range []string{
		`l.errorf(n, "bad_value", "weight must be above 0, found %v", x)`,
		`c.errs.Add(diag.Errorf(pos, "bad_band", "%s: bands: the list is empty", what))`,
		`r.Errors = []*diag.Error{{Pos: u.Pos, Code: "internal", Msg: "unit was read for another ruleset"}}`,
		`Msg: fmt.Sprintf("duplicate id %q", id)`,
		`l.warn(pos, "weight_sum", "indicator weights sum to %s, not 100", s)`,
		`return fmt.Errorf("the rater gave %v points", p)`,
		`return errors.New("the file is empty")`,
	} {
		if !bareRuleMessage.MatchString(line) {
			t.Errorf("not found: %s", line)
		}
	}
	for _, line := range []string{
		`l.errorf(n, "bad_value", msg.RuleWeightAbove0, x)`,
		`return errors.New(c.pr.Sprintf(msg.OptWorkers, c.workers))`,
		`l.warn(pos, "weight_sum", msg.LintWeightSum, s)`,
	} {
		if bareRuleMessage.MatchString(line) {
			t.Errorf("found in a worded message: %s", line)
		}
	}
}
