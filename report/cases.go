package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/text/width"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/tester"
)

// CaseRun is the outcome of the test cases of one ruleset (jixiao test).
type CaseRun struct {
	Ruleset engine.RulesetInfo
	File    string // the ruleset file, as named in messages
	Results []tester.Result
	// Coverage lists the ruleset's branches with how many cases reached
	// each; nil unless coverage was asked for.
	Coverage []tester.Branch
}

// CaseReporter writes the outcome of ruleset test cases, as OPA's tester
// reporters do: grouped by ruleset, expected against actual for every
// failing case, PASS/FAIL counts at the end.
type CaseReporter interface {
	Report(runs []CaseRun) error
}

// CaseOptions select what a case reporter shows.
type CaseOptions struct {
	Verbose bool   // list passing cases too
	Lang    string // the language of pretty's words: "en" English, else Chinese
}

// CaseFormats lists the case reporters (jixiao test -f); the first is
// the default. Each makes its reporter with Cases.
func CaseFormats() Registry {
	return Registry{
		{Name: "pretty", Desc: "failures with expected against actual, then counts", Cases: func(w io.Writer, o CaseOptions) CaseReporter {
			return &PrettyCases{W: w, Verbose: o.Verbose, Lang: o.Lang}
		}},
		{Name: "json", Desc: "every case and expectation as JSON", Cases: func(w io.Writer, o CaseOptions) CaseReporter { return &JSONCases{W: w} }},
	}
}

// CaseCounts counts the passed and failed cases of runs; a case whose data
// could not be read or whose unit failed counts as failed.
func CaseCounts(runs []CaseRun) (passed, failed int) {
	for _, r := range runs {
		for _, cr := range r.Results {
			if cr.Pass && cr.Err == nil {
				passed++
			} else {
				failed++
			}
		}
	}
	return passed, failed
}

// PrettyCases prints, for each failing case, the case (name, place and
// data) and every expectation with what the run gave, marking those that
// did not hold and explaining them; then the branches coverage found
// unreached; then the line "N passed, M failed".
type PrettyCases struct {
	W       io.Writer
	Verbose bool
	Lang    string // "en" English, anything else Chinese
}

// Report writes the runs.
func (p *PrettyCases) Report(runs []CaseRun) error {
	pr := msg.For(p.Lang)
	var b strings.Builder
	for _, r := range runs {
		for _, cr := range r.Results {
			c := cr.Case
			where := fmt.Sprintf("%s:%d", c.File, c.Pos.Line)
			switch {
			case cr.Err != nil:
				b.WriteString(pr.Sprintf(msg.CasesError, r.Ruleset.ID, c.Name, where))
				writeCaseData(&b, c.Data)
				for _, line := range strings.Split(cr.Err.Error(), "\n") {
					b.WriteString("  " + line + "\n")
				}
			case !cr.Pass:
				b.WriteString(pr.Sprintf(msg.CasesFail, r.Ruleset.ID, c.Name, where))
				writeCaseData(&b, c.Data)
				writeExpectations(&b, pr, cr.Expected)
			case p.Verbose:
				b.WriteString(pr.Sprintf(msg.CasesPass, r.Ruleset.ID, c.Name, where))
			}
		}
	}
	for _, r := range runs {
		if r.Coverage == nil {
			continue
		}
		reached := 0
		for _, br := range r.Coverage {
			if br.Cases > 0 {
				reached++
			}
		}
		b.WriteString(pr.Sprintf(msg.CasesCoverage, r.Ruleset.ID, r.File, reached, len(r.Coverage)))
		for _, br := range r.Coverage {
			if br.Cases == 0 {
				b.WriteString(pr.Sprintf(msg.CasesNeverReached, br.Pos, br.Indicator, br))
			}
		}
	}
	passed, failed := CaseCounts(runs)
	b.WriteString(pr.Sprintf(msg.CasesCounts, passed, failed))
	_, err := io.WriteString(p.W, b.String())
	return err
}

// writeCaseData prints the data of a case on one line, keys sorted.
func writeCaseData(b *strings.Builder, data map[string]any) {
	if len(data) == 0 {
		return
	}
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %v", k, data[k])
	}
	b.WriteString("  data: {" + strings.Join(parts, ", ") + "}\n")
}

// writeExpectations prints one line per expectation, want against got, a
// ✗ on those that did not hold with the indicator's explanation below.
func writeExpectations(b *strings.Builder, pr msg.Printer, exp []tester.Expectation) {
	kw, ww, gw := 0, 0, 0
	for _, m := range exp {
		kw = max(kw, displayWidth(m.Key))
		ww = max(ww, displayWidth(m.Want))
		gw = max(gw, displayWidth(m.Got))
	}
	for _, m := range exp {
		mark := "ok"
		if !m.OK {
			mark = "✗"
		}
		b.WriteString(pr.Sprintf(msg.CasesExpect, padWidth(m.Key, kw), padWidth(m.Want, ww), padWidth(m.Got, gw), mark))
		if !m.OK && m.Explain != "" {
			b.WriteString("  " + strings.Repeat(" ", kw) + "  " + m.Explain + "\n")
		}
	}
}

// displayWidth counts the terminal columns of s: wide (CJK) characters
// take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// padWidth pads s with spaces to n terminal columns.
func padWidth(s string, n int) string {
	if w := displayWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// JSONCases writes every case of every run as one JSON document:
// {"rulesets": [{id, version, sha256, file, cases: [{name, file, line,
// pass, error, expect: [{key, want, got, ok}]}], coverage}], "passed",
// "failed"}.
type JSONCases struct{ W io.Writer }

type jsonCaseRun struct {
	ID       string         `json:"id"`
	Version  string         `json:"version"`
	SHA256   string         `json:"sha256"`
	File     string         `json:"file"`
	Cases    []jsonCase     `json:"cases"`
	Coverage []jsonCoverage `json:"coverage,omitempty"`
}

type jsonCase struct {
	Name   string       `json:"name"`
	File   string       `json:"file"`
	Line   int          `json:"line"`
	Pass   bool         `json:"pass"`
	Error  string       `json:"error,omitempty"`
	Expect []jsonExpect `json:"expect"`
}

type jsonExpect struct {
	Key     string `json:"key"`
	Want    string `json:"want"`
	Got     string `json:"got"`
	OK      bool   `json:"ok"`
	Explain string `json:"explain,omitempty"`
}

type jsonCoverage struct {
	Indicator string `json:"indicator"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Desc      string `json:"desc,omitempty"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Col       int    `json:"col"`
	Cases     int    `json:"cases"`
}

// Report writes the runs.
func (j *JSONCases) Report(runs []CaseRun) error {
	out := struct {
		Rulesets []jsonCaseRun `json:"rulesets"`
		Passed   int           `json:"passed"`
		Failed   int           `json:"failed"`
	}{Rulesets: []jsonCaseRun{}}
	for _, r := range runs {
		jr := jsonCaseRun{ID: r.Ruleset.ID, Version: r.Ruleset.Version, SHA256: r.Ruleset.SHA256, File: r.File, Cases: []jsonCase{}}
		for _, cr := range r.Results {
			jc := jsonCase{Name: cr.Case.Name, File: cr.Case.File, Line: cr.Case.Pos.Line, Pass: cr.Pass && cr.Err == nil, Expect: []jsonExpect{}}
			if cr.Err != nil {
				jc.Error = cr.Err.Error()
			}
			for _, m := range cr.Expected {
				je := jsonExpect{Key: m.Key, Want: m.Want, Got: m.Got, OK: m.OK}
				if !m.OK {
					je.Explain = m.Explain
				}
				jc.Expect = append(jc.Expect, je)
			}
			jr.Cases = append(jr.Cases, jc)
		}
		for _, br := range r.Coverage {
			jr.Coverage = append(jr.Coverage, jsonCoverage{Indicator: br.Indicator, Kind: br.Kind, Name: br.Name, Desc: br.Desc,
				File: br.Pos.File, Line: br.Pos.Line, Col: br.Pos.Col, Cases: br.Cases})
		}
		out.Rulesets = append(out.Rulesets, jr)
	}
	out.Passed, out.Failed = CaseCounts(runs)
	enc := json.NewEncoder(j.W)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
