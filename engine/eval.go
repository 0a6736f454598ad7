package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Eval scores every unit and returns the results in input order, ranked
// and summarised. Units that cannot be scored are in the result with their
// errors; they never stop the others. Eval returns an error only when ctx
// is cancelled.
func (p *Program) Eval(ctx context.Context, units []indicators.Unit) (*Result, error) {
	res := p.NewResult()
	res.Units = make([]UnitResult, len(units))
	workers := min(p.conf.workers, max(1, len(units)/64))
	if workers <= 1 {
		s := p.newScratch(ctx)
		for i := range units {
			if i%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			p.evalUnit(s, &units[i], &res.Units[i])
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int, workers)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := p.newScratch(ctx)
				for i := range next {
					p.evalUnit(s, &units[i], &res.Units[i])
				}
			}()
		}
		const chunk = 256
	feed:
		for i := 0; i < len(units); i += chunk {
			if ctx.Err() != nil {
				break feed
			}
			for j := i; j < min(i+chunk, len(units)); j++ {
				next <- j
			}
		}
		close(next)
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	p.Finish(res)
	return res, nil
}

// NewResult returns an empty result stamped with the ruleset.
func (p *Program) NewResult() *Result {
	rs := p.Ruleset
	return &Result{Ruleset: RulesetInfo{ID: rs.ID, Title: rs.Title, Version: rs.Version, SHA256: rs.SHA256}}
}

// Finish ranks the units of res and computes its summary.
func (p *Program) Finish(res *Result) {
	scores := make([]float64, len(res.Units))
	ok := make([]bool, len(res.Units))
	for i := range res.Units {
		scores[i], ok[i] = res.Units[i].Score, !res.Units[i].Failed()
	}
	ranks := Ranks(scores, ok)
	for i := range res.Units {
		res.Units[i].Rank = ranks[i]
	}
	res.Summary = p.Summarize(res.Units)
}

// Summarize counts units, failures and grades.
func (p *Program) Summarize(units []UnitResult) Summary {
	s := Summary{Units: len(units)}
	for _, g := range p.Ruleset.Grades {
		s.Grades = append(s.Grades, GradeCount{Label: g.Label})
	}
	for i := range units {
		if units[i].Failed() {
			s.Errors++
			continue
		}
		for j := range s.Grades {
			if s.Grades[j].Label == units[i].Grade {
				s.Grades[j].Units++
				break
			}
		}
	}
	return s
}

// Ranks ranks scores from the highest: ties share the best rank and the
// next rank skips (1, 2, 2, 4). Entries with ok false get rank 0 and do
// not count.
func Ranks(scores []float64, ok []bool) []int {
	idx := make([]int, 0, len(scores))
	for i := range scores {
		if ok[i] {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	ranks := make([]int, len(scores))
	for pos, i := range idx {
		if pos > 0 && scores[i] == scores[idx[pos-1]] {
			ranks[i] = ranks[idx[pos-1]]
		} else {
			ranks[i] = pos + 1
		}
	}
	return ranks
}

// EvalUnit scores one unit on its own (no rank).
func (p *Program) EvalUnit(u *indicators.Unit) UnitResult {
	var r UnitResult
	p.evalUnit(p.newScratch(context.Background()), u, &r)
	return r
}

func (p *Program) evalUnit(s *scratch, u *indicators.Unit, r *UnitResult) {
	defer func() {
		// A formula that panics inside expr is recovered in scratch.run.
		// Any other panic fails this unit alone, except a runtime error
		// (nil dereference, index out of range), which is a bug in jixiao
		// and must surface (text/template's errRecover).
		if e := recover(); e != nil {
			d := diag.Internal(u.Pos.File, e)
			d.Pos = u.Pos
			*r = UnitResult{Unit: u.ID, Name: u.Name, Pos: u.Pos, Errors: []*diag.Error{d}}
		}
	}()
	*r = UnitResult{Unit: u.ID, Name: u.Name, Pos: u.Pos}
	s.meter.reset()
	s.limit = nil
	if len(u.Errors) > 0 {
		r.Errors = u.Errors
		return
	}
	rs := p.Ruleset
	if len(u.Values) != len(rs.Inputs) {
		r.Errors = []*diag.Error{{Pos: u.Pos, Code: "internal", Msg: "unit was read for another ruleset"}}
		return
	}
	r.Inputs = u.Values
	for i, v := range u.Values {
		s.in[i], s.tiers[i] = 0, ""
		switch v.Kind {
		case indicators.Number:
			s.in[i] = v.Num
		case indicators.Tier:
			s.tiers[i] = string(v.Tier)
		}
	}
	s.envOK = false
	if rs.Missing == indicators.MissingError {
		if errs := p.missingErrors(u); len(errs) > 0 {
			r.Errors = errs
			return
		}
	}
	s.claims = nil
	if u.Claims != nil {
		s.claims = make([]float64, 0, len(p.inds))
	}
	r.Indicators = make([]IndicatorResult, len(p.inds))
	var sum, applicable float64
	anyNA := false
	for k := range p.inds {
		ir := &r.Indicators[k]
		p.evalIndicator(s, &p.inds[k], u, ir)
		if ir.Status == StatusNA {
			anyNA = true
			continue
		}
		sum += ir.Points
		applicable += ir.Weight
	}
	r.Applicable = applicable
	switch {
	case !anyNA:
		r.Score = indicators.Round2(sum)
	case applicable > 0:
		// 不适用 indicators leave the total; it is rescaled to 100 over
		// the applicable weights.
		r.Score = indicators.Round2(sum / applicable * 100)
	default:
		r.Errors = []*diag.Error{{Pos: u.Pos, Code: "no_applicable", Msg: "every indicator is 不适用: nothing to score"}}
		r.Indicators = nil
		return
	}
	r.Grade = indicators.GradeOf(rs.Grades, r.Score)
	if len(p.checks) > 0 {
		r.Checks = make([]CheckResult, len(p.checks))
		for k := range p.checks {
			p.evalCheck(s, &p.checks[k], u, &r.Checks[k])
		}
	}
	if s.limit != nil {
		// A formula hit a limit of jixiao (limits.go): the unit fails with
		// the reason and the others go on.
		*r = UnitResult{Unit: u.ID, Name: u.Name, Pos: u.Pos, Errors: []*diag.Error{s.limit}}
		return
	}
	if u.Claims != nil || u.ClaimedGrade != "" {
		p.review(u, r)
	}
}

// noteLimit records the first limit a formula of the unit hit, if err is
// one; what names the indicator or check.
func (p *Program) noteLimit(s *scratch, u *indicators.Unit, what string, err error) {
	if s.limit != nil {
		return
	}
	le := asLimit(err, p.conf.memBudget)
	if le == nil {
		return
	}
	var se *scoreError
	if errors.As(err, &se) {
		what += " " + se.what
	}
	code := "formula_limit"
	if le == errCancelled {
		code = "cancelled"
	}
	s.limit = &diag.Error{Pos: u.Pos, Code: code, Msg: fmt.Sprintf("%s: %v", what, le), Err: err}
}

// missingErrors lists, under the error policy, the inputs read by some
// indicator that the unit lacks.
func (p *Program) missingErrors(u *indicators.Unit) []*diag.Error {
	var errs []*diag.Error
	seen := map[int]bool{}
	for k := range p.inds {
		if p.readsNA(&p.inds[k], u) {
			continue
		}
		for _, i := range p.inds[k].reads {
			if u.Values[i].Kind == indicators.Missing && !seen[i] {
				seen[i] = true
				in := p.Ruleset.Inputs[i]
				errs = append(errs, &diag.Error{Pos: u.Pos, Code: "missing_input", Field: in.ID,
					Msg: fmt.Sprintf("input %s (%s) is missing and the ruleset says missing: error", in.ID, in.Label)})
			}
		}
	}
	return errs
}

func (p *Program) readsNA(ci *compiledIndicator, u *indicators.Unit) bool {
	for _, i := range ci.reads {
		if u.Values[i].Kind == indicators.NA {
			return true
		}
	}
	return false
}

func (p *Program) evalIndicator(s *scratch, ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) {
	def := ci.def
	*ir = IndicatorResult{ID: def.ID, Label: def.Label, Group: def.Group, Weight: def.Weight, Status: StatusOK}
	if u.Reasons != nil {
		ir.Reason = u.Reasons[def.ID]
	}
	defer func() {
		// A claim that departs from the rules is explained even when
		// explanations are off: its finding quotes the explanation.
		flagged := u.Claims != nil && p.claim(s, u, ir)
		if p.conf.explain || flagged {
			p.explain(s, ci, u, ir)
		}
		if p.conf.trace {
			p.recordSteps(s, ci, u, ir)
		}
	}()
	// 不适用 wins over missing: an indicator that reads an N/A input is na
	// even if another of its inputs is missing.
	for _, i := range ci.reads {
		if u.Values[i].Kind == indicators.NA {
			ir.Status = StatusNA
			ir.NA = append(ir.NA, p.Ruleset.Inputs[i].ID)
		}
	}
	if ir.Status == StatusNA {
		return
	}
	for _, i := range ci.reads {
		if u.Values[i].Kind == indicators.Missing {
			ir.Status = StatusMissing
			ir.Missing = append(ir.Missing, p.Ruleset.Inputs[i].ID)
		}
	}
	if ir.Status == StatusMissing {
		return
	}
	s.weight = def.Weight
	s.value = 0
	raw, err := p.score(s, ci, u, ir)
	if err != nil {
		ir.Status = StatusError
		ir.Points = 0
		ir.Err = err
		p.noteLimit(s, u, "indicator "+def.ID, err)
		return
	}
	ir.Points = indicators.Points(raw, def.Weight)
}

// scoreError says why an indicator scored nothing; it reaches the
// explanation, never the caller.
type scoreError struct {
	what string // value, target, band 2, ...
	err  error
}

func (e *scoreError) Error() string { return e.what + ": " + e.err.Error() }

func (e *scoreError) Unwrap() error { return e.err }

// finiteOr passes a formula's result on, turning NaN and ±Inf into an
// error: they must never produce points.
func finiteOr(x float64, err error) (float64, error) {
	if err != nil {
		return x, err
	}
	if !indicators.Finite(x) {
		return x, fmt.Errorf("%w: %v", errNotFinite, x)
	}
	return x, nil
}

// score computes the raw (unclamped) points of an indicator.
func (p *Program) score(s *scratch, ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) (float64, error) {
	def := ci.def
	if ci.value != nil {
		v, err := finiteOr(ci.value.float(s))
		ir.Value, ir.HasValue = v, err == nil
		if err != nil {
			return 0, &scoreError{"value", err}
		}
		s.value = v
	}
	switch def.Form {
	case indicators.FormTiers:
		v := u.Values[ci.tierInput]
		ir.Tier = string(v.Tier)
		raw := indicators.ScoreTier(v, def.Tiers, def.Weight)
		ir.Value, ir.HasValue = raw/def.Weight, true
		return raw, nil
	case indicators.FormTarget:
		t, err := finiteOr(ci.target.float(s))
		if err != nil {
			return 0, &scoreError{"target", err}
		}
		ir.Target, ir.HasTarget = t, true
		raw, rule := indicators.ScoreTarget(def.Target.Op, def.Reverse, s.value, t, def.Weight)
		ir.Rule = rule
		if indicators.Overshoot(def.Target.Op, s.value, t) {
			ir.Flags = append(ir.Flags, FlagOvershoot)
		}
		return raw, nil
	case indicators.FormBands:
		for k, b := range ci.bands {
			if b.when != nil {
				ok, err := b.when.bool(s)
				if err != nil {
					return 0, &scoreError{fmt.Sprintf("band %d", k+1), err}
				}
				if !ok {
					continue
				}
			}
			ir.Band = k + 1
			frac, err := finiteOr(b.score.float(s))
			if err != nil {
				return 0, &scoreError{fmt.Sprintf("band %d score", k+1), err}
			}
			return frac * def.Weight, nil
		}
		return 0, nil // no band matched and no else: nothing earned
	case indicators.FormDeduct:
		n, err := finiteOr(ci.count.float(s))
		if err != nil {
			return 0, &scoreError{"deduct count", err}
		}
		ir.Value, ir.HasValue = n, true
		return indicators.ScoreDeduct(n, def.Deduct.Points, def.Weight), nil
	case indicators.FormScore:
		pts, err := finiteOr(ci.score.float(s))
		if err != nil {
			return 0, &scoreError{"score", err}
		}
		return pts, nil
	}
	return 0, fmt.Errorf("indicator %s has no scoring form", def.ID)
}

func (p *Program) evalCheck(s *scratch, cc *compiledCheck, u *indicators.Unit, cr *CheckResult) {
	*cr = CheckResult{ID: cc.def.ID, OK: true}
	for _, i := range cc.assert.reads {
		if k := u.Values[i].Kind; k == indicators.Missing || k == indicators.NA {
			cr.Skipped = true
			cr.Message = fmt.Sprintf("未检查：缺少 %s", p.Ruleset.Inputs[i].Label)
			return
		}
	}
	ok, err := cc.assert.bool(s)
	switch {
	case err != nil:
		cr.OK = false
		cr.Message = fmt.Sprintf("检查无法计算：%v", err)
		p.noteLimit(s, u, "check "+cc.def.ID, err)
	case !ok:
		cr.OK = false
		cr.Message = cc.def.Message
		if cr.Message == "" {
			cr.Message = "不满足 " + cc.def.Assert.Src
		}
	}
	if !cr.OK && p.conf.trace {
		p.recordCheckSteps(s, cc, cr)
	}
}
