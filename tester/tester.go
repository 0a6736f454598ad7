// Package tester runs the test cases of a ruleset (jixiao test), as OPA's
// tester runs a policy's tests: each case's data becomes a unit through
// data.Schema.Unit, read by the same rules as a data file, and is scored
// by the compiled program with explanations; its expectations (score,
// grade, points and status of indicators) are checked against what the
// rules give. Coverage says which band rows, tier letters and target
// branches the cases reached. The reports of the results (pretty, json)
// are report's.
package tester

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Result is the outcome of one ruleset test case.
type Result struct {
	Case *indicators.Case
	Pass bool
	// Expected lists every expectation of the case with what the run
	// gave, in the order score, grade, points, status (ids sorted).
	Expected []Expectation
	Failures []Expectation // the expectations that did not hold
	Err      error         // the case's data could not be read, or the unit failed
	Unit     engine.UnitResult
}

// Expectation is one expectation of a case and what the run gave; OK
// reports whether it held.
type Expectation struct {
	Key     string // "score", "grade", "points.<id>", "status.<id>"
	Want    string
	Got     string
	OK      bool
	Explain string // the indicator's explanation, for points and status
}

// Run runs the test cases of the program's ruleset, in order.
func Run(p *engine.Program) []Result {
	rs := p.Ruleset()
	// The cases' data errors stay in English, as before, until the
	// tester has a language of its own to give the schema.
	s := data.Options{Lang: "en"}.NewSchema(rs)
	out := make([]Result, len(rs.Tests))
	for i := range rs.Tests {
		out[i] = runCase(p, s, &rs.Tests[i])
	}
	return out
}

// RunCase runs one test case of the program's ruleset.
func RunCase(p *engine.Program, c *indicators.Case) Result {
	return runCase(p, data.Options{Lang: "en"}.NewSchema(p.Ruleset()), c)
}

func runCase(p *engine.Program, s *data.Schema, c *indicators.Case) Result {
	cr := Result{Case: c}
	u, err := Unit(s, c)
	if err != nil {
		cr.Err = err
		return cr
	}
	if u.Populations, err = populations(p.Ruleset(), c); err != nil {
		cr.Err = err
		return cr
	}
	r := p.EvalUnit(&u)
	cr.Unit = r
	if r.Failed() {
		cr.Err = diag.List(r.Errors)
		return cr
	}
	byID := map[string]*engine.IndicatorResult{}
	for k := range r.Indicators {
		byID[r.Indicators[k].ID] = &r.Indicators[k]
	}
	expect := func(m Expectation) {
		cr.Expected = append(cr.Expected, m)
		if !m.OK {
			cr.Failures = append(cr.Failures, m)
		}
	}
	if c.Score != nil {
		expect(Expectation{Key: "score", Want: num(*c.Score), Got: num(r.Score), OK: same2(*c.Score, r.Score)})
	}
	if c.Grade != "" {
		expect(Expectation{Key: "grade", Want: c.Grade, Got: r.Grade, OK: c.Grade == r.Grade})
	}
	for _, id := range sortedKeys(c.Points) {
		m := Expectation{Key: "points." + id, Want: num(c.Points[id]), Got: "no such indicator"}
		if ir, ok := byID[id]; ok {
			m.Got, m.OK, m.Explain = num(ir.Points), same2(c.Points[id], ir.Points), ir.Explain
		}
		expect(m)
	}
	for _, id := range sortedKeys(c.Status) {
		m := Expectation{Key: "status." + id, Want: c.Status[id], Got: "no such indicator"}
		if ir, ok := byID[id]; ok {
			m.Got, m.OK, m.Explain = ir.Status, c.Status[id] == ir.Status, ir.Explain
		}
		expect(m)
	}
	expectRules(c, &r, expect)
	cr.Pass = len(cr.Failures) == 0
	return cr
}

// Unit builds the unit of a test case from its data (see
// data.Schema.Unit): its id and name are the case's name, and an error
// names the case and stands at it.
func Unit(s *data.Schema, c *indicators.Case) (indicators.Unit, error) {
	u, err := s.Unit(c.Name, c.Name, c.Data)
	u.Pos = c.Pos
	if err == nil {
		return u, nil
	}
	var errs diag.List
	for _, e := range u.Errors {
		errs.Add(diag.Errorf(c.Pos, e.Code, "test %s: %s", c.Name, e.Msg))
	}
	u.Errors = errs
	return u, errs
}

// populations checks a case's population: against its ruleset, which
// LoadCases does not have. Each id must name a relative indicator, and a
// best_ratio one takes no negative value (its ratio to the best would say
// nothing, as the engine refuses it for a unit). Errors stand at the id.
func populations(rs *indicators.Ruleset, c *indicators.Case) (map[string][]float64, error) {
	if len(c.Populations) == 0 {
		return nil, nil
	}
	byID := map[string]*indicators.Indicator{}
	for k := range rs.Indicators {
		byID[rs.Indicators[k].ID] = &rs.Indicators[k]
	}
	var errs diag.List
	out := map[string][]float64{}
	for _, cp := range c.Populations {
		ind := byID[cp.ID]
		switch {
		case ind == nil:
			errs.Add(diag.Errorf(cp.Pos, "unknown_indicator", "test %s: population: no indicator %s in ruleset %s", c.Name, cp.ID, rs.ID))
			continue
		case ind.Form != indicators.FormRelative:
			errs.Add(diag.Errorf(cp.Pos, "bad_value", "test %s: population: indicator %s is not relative (比较法): only relative indicators are scored against other units", c.Name, cp.ID))
			continue
		}
		for k, v := range cp.Values {
			if ind.Relative == indicators.RelativeBestRatio && v < 0 {
				errs.Add(diag.Errorf(cp.Pos, "bad_value", "test %s: population of %s, value %d: best_ratio needs values of at least 0, found %v", c.Name, cp.ID, k+1, v))
			}
		}
		out[cp.ID] = cp.Values
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// same2 compares to 2 decimals, as expectations are written.
func same2(a, b float64) bool { return math.Abs(indicators.Round2(a)-indicators.Round2(b)) < 0.001 }

// num prints a number as engine's explanations do: at most 4 decimals,
// no trailing zeros.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+∞"
	case math.IsInf(x, -1):
		return "−∞"
	}
	s := strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x, 'f', 4, 64), "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
