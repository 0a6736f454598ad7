package engine

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// CaseResult is the outcome of one ruleset test case.
type CaseResult struct {
	Case *indicators.Case
	Pass bool
	// Expected lists every expectation of the case with what the run
	// gave, in the order score, grade, points, status (ids sorted).
	Expected []Mismatch
	Failures []Mismatch // the expectations that did not hold
	Err      error      // the case's data could not be read, or the unit failed
	Unit     UnitResult
}

// Mismatch is one expectation of a case and what the run gave; OK reports
// whether it held.
type Mismatch struct {
	Key     string // "score", "grade", "points.<id>", "status.<id>"
	Want    string
	Got     string
	OK      bool
	Explain string // the indicator's explanation, for points and status
}

// RunCases runs the test cases of the program's ruleset, in order.
func (p *Program) RunCases() []CaseResult {
	rs := p.rs
	out := make([]CaseResult, len(rs.Tests))
	for i := range rs.Tests {
		out[i] = p.RunCase(&rs.Tests[i])
	}
	return out
}

// RunCase runs one test case.
func (p *Program) RunCase(c *indicators.Case) CaseResult {
	cr := CaseResult{Case: c}
	u, err := p.CaseUnit(c)
	if err != nil {
		cr.Err = err
		return cr
	}
	var r UnitResult
	s := p.newScratch(context.Background())
	conf := p.conf
	q := *p
	q.conf = conf
	q.conf.explain = true
	s.explain = true
	q.evalUnit(s, &u, &r)
	cr.Unit = r
	if r.Failed() {
		cr.Err = diag.List(r.Errors)
		return cr
	}
	byID := map[string]*IndicatorResult{}
	for k := range r.Indicators {
		byID[r.Indicators[k].ID] = &r.Indicators[k]
	}
	expect := func(m Mismatch) {
		cr.Expected = append(cr.Expected, m)
		if !m.OK {
			cr.Failures = append(cr.Failures, m)
		}
	}
	if c.Score != nil {
		expect(Mismatch{Key: "score", Want: fmtNum(*c.Score), Got: fmtNum(r.Score), OK: same2(*c.Score, r.Score)})
	}
	if c.Grade != "" {
		expect(Mismatch{Key: "grade", Want: c.Grade, Got: r.Grade, OK: c.Grade == r.Grade})
	}
	for _, id := range sortedKeys(c.Points) {
		m := Mismatch{Key: "points." + id, Want: fmtNum(c.Points[id]), Got: "no such indicator"}
		if ir, ok := byID[id]; ok {
			m.Got, m.OK, m.Explain = fmtNum(ir.Points), same2(c.Points[id], ir.Points), ir.Explain
		}
		expect(m)
	}
	for _, id := range sortedKeys(c.Status) {
		m := Mismatch{Key: "status." + id, Want: c.Status[id], Got: "no such indicator"}
		if ir, ok := byID[id]; ok {
			m.Got, m.OK, m.Explain = ir.Status, c.Status[id] == ir.Status, ir.Explain
		}
		expect(m)
	}
	cr.Pass = len(cr.Failures) == 0
	return cr
}

// same2 compares to 2 decimals, as expectations are written.
func same2(a, b float64) bool { return math.Abs(indicators.Round2(a)-indicators.Round2(b)) < 0.001 }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CaseUnit builds the unit of a test case from its data: keys are input
// ids (or labels), claimed.* and reason.*; values are numbers or cell text.
func (p *Program) CaseUnit(c *indicators.Case) (indicators.Unit, error) {
	rs := p.rs
	u := indicators.Unit{ID: c.Name, Name: c.Name, Values: make([]indicators.Value, len(rs.Inputs)), Pos: c.Pos}
	var errs diag.List
	for _, key := range sortedKeys(c.Data) {
		raw := c.Data[key]
		switch {
		case strings.HasPrefix(key, "claimed."):
			id := strings.TrimPrefix(key, "claimed.")
			if id == "grade" {
				u.ClaimedGrade = fmt.Sprint(raw)
				continue
			}
			x, ok := toFloat(raw)
			if !ok {
				errs.Add(diag.Errorf(c.Pos, "bad_cell", "test %s: %s: want a number, found %v", c.Name, key, raw))
				continue
			}
			if u.Claims == nil {
				u.Claims = map[string]float64{}
			}
			u.Claims[id] = x
			continue
		case strings.HasPrefix(key, "reason."):
			if u.Reasons == nil {
				u.Reasons = map[string]string{}
			}
			u.Reasons[strings.TrimPrefix(key, "reason.")] = fmt.Sprint(raw)
			continue
		}
		i := rs.InputIndex(key)
		if i < 0 {
			for j, in := range rs.Inputs {
				if in.Label == key {
					i = j
				}
			}
		}
		if i < 0 {
			errs.Add(diag.Errorf(c.Pos, "unknown_input", "test %s: data names %q, which is not an input of ruleset %s", c.Name, key, rs.ID))
			continue
		}
		in := &rs.Inputs[i]
		var v indicators.Value
		var err error
		switch x := raw.(type) {
		case nil:
		case int, float64:
			f, _ := toFloat(x)
			if in.Type == indicators.TypeTier {
				err = fmt.Errorf("a tier input takes a tier letter, not a number")
			} else {
				v = indicators.NumberValue(f)
			}
		case string:
			v, err = indicators.ParseCell(x, in)
		default:
			err = fmt.Errorf("want a number or text, found %v", raw)
		}
		if err != nil {
			errs.Add(diag.Errorf(c.Pos, "bad_cell", "test %s: input %s: %v", c.Name, key, err))
			continue
		}
		u.Values[i] = v
	}
	if len(errs) > 0 {
		return u, errs
	}
	return u, nil
}

func toFloat(x any) (float64, bool) {
	switch x := x.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
