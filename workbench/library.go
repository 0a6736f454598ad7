package workbench

// The adapter to jixiao's library: every call the workbench makes into
// rulesets, engine, data, diff and report is in this file, so that a change
// of the library's API is met here and nowhere else.

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/forms"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/review"
	"github.com/jixiao/jixiao/rulesets"
)

// tolerance is the CLI's default --tolerance: a claim departs from the
// rules by more than this many points.
const tolerance = 0.01

// defaultRuleset is the ruleset the page opens with.
const defaultRuleset = rulesets.Default

// builtinIDs lists the built-in rulesets.
func builtinIDs() []string { return rulesets.IDs() }

// builtinYAML is the text of a built-in ruleset and the name the CLI gives
// it. Only ids of the list are read: a request never names a file.
func builtinYAML(id string) (name string, src []byte, err error) {
	if !slices.Contains(rulesets.IDs(), id) {
		return "", nil, zh().Errorf(msg.WbNoBuiltin, id, rulesets.IDs())
	}
	src, err = fs.ReadFile(rulesets.FS, id+".yaml")
	return "rulesets/" + id + ".yaml", src, err
}

// loadRuleset reads a ruleset's YAML (positioned errors).
func loadRuleset(name string, src []byte) (*indicators.Ruleset, error) {
	return rulesets.Load(name, src)
}

// compile compiles a loaded ruleset; explain asks for explanations.
func compile(rs *indicators.Ruleset, explain bool) (*engine.Program, error) {
	return engine.Compile(rs, &engine.Options{Explain: explain, Tolerance: tolerance})
}

// demoData is the demonstration data of a built-in ruleset, named as the
// CLI names it.
func demoData(rulesetID string) (name string, src []byte, ok bool) {
	file, ok := fixtures.Demo(rulesetID)
	if !ok {
		return "", nil, false
	}
	src, err := fs.ReadFile(fixtures.FS, file)
	if err != nil {
		return "", nil, false
	}
	return "fixtures/" + file, src, true
}

// readUnits reads every unit of a data file for prog's ruleset.
func readUnits(prog *engine.Program, name string, src []byte) ([]indicators.Unit, []*diag.Error, error) {
	s, err := data.OpenReader(name, bytes.NewReader(src), data.NewSchema(prog.Ruleset()))
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	units, warnings, _, err := data.Collect(s)
	return units, warnings, err
}

// rulesetOf is the compiled program's ruleset (a copy).
func rulesetOf(prog *engine.Program) *indicators.Ruleset { return prog.Ruleset() }

// evaluate scores units already read.
func evaluate(ctx context.Context, prog *engine.Program, units []indicators.Unit, info *engine.DataInfo) (*engine.Result, error) {
	res, err := prog.Eval(ctx, units)
	if err != nil {
		return nil, err
	}
	res.Data = info
	return res, nil
}

// formatExplains tells whether format carries explanations by default, as
// jixiao eval -f FORMAT does.
func formatExplains(format string) (bool, error) {
	f, err := report.Lookup(format)
	if err != nil {
		return false, err
	}
	return !f.Lean, nil
}

// writeEval writes what jixiao eval -f format writes for the data file
// name with bytes src; prog must be compiled as formatExplains says.
func writeEval(ctx context.Context, w io.Writer, format string, prog *engine.Program, name string, src []byte) (engine.Summary, error) {
	f, err := report.Lookup(format)
	if err != nil {
		return engine.Summary{}, err
	}
	s, err := data.OpenReader(name, bytes.NewReader(src), data.NewSchema(prog.Ruleset()))
	if err != nil {
		return engine.Summary{}, err
	}
	defer s.Close()
	meta := report.NewMeta(prog, &engine.DataInfo{Files: []string{name}})
	return report.Write(ctx, w, f, report.Options{Explain: !f.Lean}, meta, prog, s)
}

// evalFormats lists the formats of jixiao eval -f, with whether each is
// binary.
func evalFormats() (names []string, binary map[string]bool) {
	binary = map[string]bool{}
	for _, f := range report.Formats() {
		binary[f.Name] = f.Binary
	}
	return report.Formats().Names(), binary
}

// compare is the comparison of two results of the same units.
func compare(old, new *engine.Result) *diff.Comparison { return diff.Diff(old, new) }

// writeDiff writes a comparison as jixiao diff -f format does.
func writeDiff(w io.Writer, format string, c *diff.Comparison) error {
	f, err := report.DiffFormats().Lookup(format)
	if err != nil {
		return err
	}
	return f.Diff(w, c)
}

// diffFormats lists the formats of jixiao diff -f.
func diffFormats() []string {
	return report.DiffFormats().Names()
}

// errNoClaims says that a review has nothing to compare.
var errNoClaims = zh().Errorf(msg.WbNoClaims)

// writeReview writes the review of claims as jixiao review -f format does,
// for the data file name with bytes src; res is its evaluation, to know
// first whether any unit claims anything.
func writeReview(ctx context.Context, w io.Writer, format string, prog *engine.Program, res *engine.Result, name string, src []byte) error {
	f, err := report.ReviewFormats().Lookup(format)
	if err != nil {
		return err
	}
	if !review.HasClaims(res) {
		return errNoClaims
	}
	s, err := data.OpenReader(name, bytes.NewReader(src), data.NewSchema(prog.Ruleset()))
	if err != nil {
		return err
	}
	defer s.Close()
	meta := report.NewMeta(prog, &engine.DataInfo{Files: []string{name}})
	_, err = report.Write(ctx, w, f, report.Options{Tolerance: tolerance}, meta, prog, s)
	return err
}

// writeFormsReview writes the review of the self-evaluation forms in the
// folder dir as jixiao review DIR -f format does (by the 10号 rules, at
// the default tolerance), each file named by its path under dir: what the
// command names DIR/file.xlsx when the folder's name is part of it. lang
// is --lang's: zh (or empty) or en.
func writeFormsReview(ctx context.Context, w io.Writer, format, dir, lang string) error {
	f, err := report.FormsFormats().Lookup(format)
	if err != nil {
		return err
	}
	if lang != "" && lang != "zh" && lang != "en" {
		return zh().Errorf(msg.WbFormsLang, lang)
	}
	opts := forms.Options{Tolerance: tolerance, Lang: lang}
	fs, rejected, err := opts.ReadPaths([]string{dir})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	prefix := dir + string(filepath.Separator)
	unprefix := func(s string) string { return strings.ReplaceAll(s, prefix, "") }
	for i := range rejected {
		rejected[i].File, rejected[i].Why = unprefix(rejected[i].File), unprefix(rejected[i].Why)
	}
	if len(fs) == 0 {
		whys := make([]string, len(rejected))
		for i, r := range rejected {
			whys[i] = r.Why
		}
		return zh().Errorf(msg.WbNoFormsSent, strings.Join(whys, "；"))
	}
	for _, form := range fs {
		form.File = unprefix(form.File)
		for k := range form.Unreadable {
			form.Unreadable[k].Why = unprefix(form.Unreadable[k].Why)
		}
		form.Review(opts)
	}
	fr := &report.FormsReview{Tolerance: tolerance, Forms: forms.Order(fs), Rejected: rejected, Summary: forms.Summarize(fs, rejected)}
	return report.WriteForms(w, f, fr)
}

// formsFormats lists the formats of jixiao review DIR -f.
func formsFormats() []string { return report.FormsFormats().Names() }

// reviewFormats lists the formats of jixiao review -f.
func reviewFormats() []string { return report.ReviewFormats().Names() }

// writeExplain writes the derivation of units[at], ranked rank of the
// ranked units scored, as jixiao explain UNIT -f format does.
func writeExplain(w io.Writer, format string, rs *indicators.Ruleset, prog *engine.Program, units []indicators.Unit, at, rank, ranked int, info *engine.DataInfo) error {
	if _, err := report.ExplainFormats().Lookup(format); err != nil {
		return err
	}
	eprog, err := engine.Compile(rs, &engine.Options{Explain: true, Trace: true, Tolerance: tolerance})
	if err != nil {
		return err
	}
	u := eprog.EvalUnit(&units[at])
	u.Rank = rank
	d := report.Derivation{Meta: report.NewMeta(prog, info), Unit: &u, Ranked: ranked}
	return report.Explain(w, format, d)
}

// Issue is one lint finding or load error, at its place in the YAML.
type Issue struct {
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"` // error or warning
	Code     string `json:"code"`
	Message  string `json:"message"`
	Text     string `json:"text"` // as jixiao lint prints it
}

// lint is what jixiao lint says of a ruleset's text.
func lint(name string, src []byte) []Issue {
	var issues []engine.Issue
	if rs, err := rulesets.Load(name, src); err != nil {
		issues = engine.ErrorIssues(err)
	} else {
		issues = engine.Lint(rs, nil)
	}
	out := []Issue{}
	for _, is := range issues {
		sev := "warning"
		if is.Error {
			sev = "error"
		}
		out = append(out, Issue{Line: is.Pos.Line, Col: is.Pos.Col, Severity: sev, Code: is.Code, Message: is.Msg, Text: is.String()})
	}
	return out
}

// writeEvalStamped is writeEval in JSON with the explanations, stamped
// with the time of the run (as --stamp-time does): the run kept in the
// history carries when it was made.
func writeEvalStamped(ctx context.Context, w io.Writer, prog *engine.Program, name string, src []byte, stamp time.Time) (engine.Summary, error) {
	f, err := report.Lookup("json")
	if err != nil {
		return engine.Summary{}, err
	}
	s, err := data.OpenReader(name, bytes.NewReader(src), data.NewSchema(prog.Ruleset()))
	if err != nil {
		return engine.Summary{}, err
	}
	defer s.Close()
	meta := report.NewMeta(prog, &engine.DataInfo{Files: []string{name}})
	meta.Stamp = stamp
	return report.Write(ctx, w, f, report.Options{Explain: true}, meta, prog, s)
}
