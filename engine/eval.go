package engine

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"unsafe"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Eval scores every unit and returns the results in input order, ranked
// and summarised. Units that cannot be scored are in the result with their
// errors; they never stop the others; a unit whose id appeared before
// fails with duplicate_unit. Eval is Stream over the slice into a sink
// that keeps every result, so it holds them all: Stream is for many
// units. It returns an error only when ctx is cancelled (or a spill file
// fails).
func (p *Program) Eval(ctx context.Context, units []indicators.Unit) (*Result, error) {
	c := &collector{}
	sum, err := p.Stream(ctx, &sliceUnits{units: units}, c)
	if err != nil {
		return nil, err
	}
	res := p.newResult()
	res.Units, res.Summary = c.out, sum
	return res, nil
}

// newResult returns an empty result stamped with the ruleset.
func (p *Program) newResult() *Result {
	rs := p.rs
	return &Result{Ruleset: RulesetInfo{ID: rs.ID, Title: rs.Title, Version: rs.Version, SHA256: rs.SHA256}}
}

// sliceUnits is a slice of units as Stream reads them.
type sliceUnits struct {
	units []indicators.Unit
	next  int
}

// Rewind starts the units again, for the second pass of a run with
// relative indicators.
func (s *sliceUnits) Rewind() error {
	s.next = 0
	return nil
}

func (s *sliceUnits) Next() (*indicators.Unit, error) {
	if s.next == len(s.units) {
		return nil, io.EOF
	}
	s.next++
	return &s.units[s.next-1], nil
}

// collector is Eval's sink. Render keeps each result (Stream gives a
// keeper a result of its own for every unit) and records its place; Emit
// puts them in input order with their ranks.
type collector struct {
	mu  sync.Mutex
	got []UnitResult // in the order the workers rendered them
	out []UnitResult
}

func (c *collector) keepsResults() {}

func (c *collector) Render(dst []byte, u *UnitResult) []byte {
	c.mu.Lock()
	i := len(c.got)
	c.got = append(c.got, *u)
	c.mu.Unlock()
	return binary.AppendUvarint(dst, uint64(i))
}

func (c *collector) Start(s Summary) error {
	c.out = make([]UnitResult, 0, s.Units)
	return nil
}

func (c *collector) Emit(rec []byte, rank int) error {
	i, _ := binary.Uvarint(rec)
	u := c.got[i]
	u.Rank = rank
	c.out = append(c.out, u)
	return nil
}

// EvalUnit scores one unit on its own (no rank). Its relative indicators
// are scored against u.Populations (the other units, as a ruleset test
// gives them) with the unit among them, or against the unit alone.
func (p *Program) EvalUnit(u *indicators.Unit) UnitResult {
	var r UnitResult
	s := p.newScratch(context.Background())
	s.pops = p.unitPopulations(u)
	p.evalUnitSafe(s, u, &r)
	return r
}

// evalUnitSafe is evalUnit with a recover of its own, for one unit
// scored alone; a stream worker recovers once for a run of units
// (streamer.scoreRun) and comes here only for the unit that panicked.
func (p *Program) evalUnitSafe(s *scratch, u *indicators.Unit, r *UnitResult) {
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
	p.evalUnit(s, u, r)
}

// evalUnit scores u into r. It does not recover: see evalUnitSafe.
func (p *Program) evalUnit(s *scratch, u *indicators.Unit, r *UnitResult) {
	// A caller that evaluates unit after unit into the same result (a
	// stream worker) keeps its slices' memory; a fresh
	// result has none.
	inds, checks, groups := r.Indicators[:0], r.Checks[:0], r.Groups[:0]
	if s.lend {
		if s.inds == nil {
			s.inds = make([]IndicatorResult, len(p.inds))
			s.checks = make([]CheckResult, len(p.checks))
			s.groups = make([]Subtotal, 0, len(p.groups))
		}
		inds, checks, groups = s.inds, s.checks, s.groups
	}
	*r = UnitResult{Unit: u.ID, Name: u.Name, Pos: u.Pos}
	s.meter.reset()
	s.limit = nil
	s.text, s.explained = s.text[:0], s.explained[:0] // a unit that panicked may have left some
	if len(u.Errors) > 0 {
		r.Errors = u.Errors
		return
	}
	rs := p.rs
	if len(u.Values) != len(rs.Inputs) {
		r.Errors = []*diag.Error{{Pos: u.Pos, Code: "internal", Msg: "unit was read for another ruleset"}}
		return
	}
	r.Inputs = u.Values
	s.na, s.missing = 0, 0
	for i := range u.Values {
		v := &u.Values[i]
		// Numbers for the formulas; tier inputs are never read as numbers
		// (formulas see their letter), and N/A and missing values hold 0.
		s.in[i] = v.Num
		if v.Kind == indicators.Number {
			continue
		}
		s.tiers[i] = ""
		switch v.Kind {
		case indicators.Tier:
			s.tiers[i] = tierString(v.Tier)
		case indicators.NA:
			s.na |= bit(i)
		case indicators.Missing:
			s.missing |= bit(i)
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
	if cap(inds) < len(p.inds) {
		inds = make([]IndicatorResult, len(p.inds))
	}
	r.Indicators = inds[:len(p.inds)]
	var sum, applicable float64
	anyNA := false
	// Explanations evaluate formulas again. They do so with the meter as
	// it stood before the indicator was scored, and the meter is put back
	// after, so that they meet the limits as scoring did and a unit
	// scores the same with explanations or without.
	again := s.explain || u.Claims != nil || p.conf.trace
	var before meterState
	for k := range p.inds {
		ir := &r.Indicators[k]
		ci := &p.inds[k]
		if again {
			before = s.meter.save()
		}
		p.scoreIndicator(s, ci, u, ir)
		// A claim that departs from the rules is explained even when
		// explanations are off: its finding quotes the explanation.
		flagged := u.Claims != nil && p.claim(s, u, ir)
		if s.explain || flagged || p.conf.trace {
			after := s.meter.save()
			if s.explain || flagged {
				s.meter.restore(before)
				p.explain(s, ci, u, ir, k)
			}
			if p.conf.trace {
				s.meter.restore(before)
				p.recordSteps(s, ci, u, ir)
			}
			s.meter.restore(after)
		}
		if ir.Status == indicators.StatusNA {
			anyNA = true
			continue
		}
		sum += ir.Points
		applicable += ir.Weight
	}
	s.setExplanations(r.Indicators)
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
	if p.rules != nil {
		if e := p.adjust(s, u, r); e != nil {
			*r = UnitResult{Unit: u.ID, Name: u.Name, Pos: u.Pos, Errors: []*diag.Error{e}}
			return
		}
	}
	r.Grade = indicators.GradeOf(rs.Grades, r.Score)
	if p.rules != nil {
		p.outcome(s, u, r)
	}
	p.setGroups(r, groups)
	if len(p.checks) > 0 {
		if cap(checks) < len(p.checks) {
			checks = make([]CheckResult, len(p.checks))
		}
		r.Checks = checks[:len(p.checks)]
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

// tierString is a tier letter as a string, without converting (which
// allocates).
func tierString(b byte) string {
	switch b {
	case 'A':
		return "A"
	case 'B':
		return "B"
	case 'C':
		return "C"
	}
	return string(rune(b))
}

// bit is the mask bit of input i; inputs past 64 share the last bit, so a
// mask test can only say "maybe" for them (see compiledIndicator.mask).
func bit(i int) uint64 { return 1 << min(i, 63) }

// noteLimit records the first limit a formula of the unit hit, if err is
// one; kind and id name the indicator or check (id may be ""), joined only
// then: an error that is no limit (÷0) costs no string.
func (p *Program) noteLimit(s *scratch, u *indicators.Unit, kind, id string, err error) {
	if s.limit != nil {
		return
	}
	le := asLimit(err, p.conf.memBudget)
	if le == nil {
		return
	}
	what := kind
	if id != "" {
		what += " " + id
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
				in := p.rs.Inputs[i]
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

// scoreIndicator scores one indicator of the unit into ir.
func (p *Program) scoreIndicator(s *scratch, ci *compiledIndicator, u *indicators.Unit, ir *IndicatorResult) {
	def := ci.def
	if len(ir.ID) == len(def.ID) && unsafe.StringData(ir.ID) == unsafe.StringData(def.ID) {
		// The same indicator's result evaluated into before (a stream
		// worker's; its id is the definition's own string, so comparing
		// where the bytes lie is enough): reset what scoring sets,
		// keeping the slices' memory.
		ir.Value, ir.HasValue, ir.Tier, ir.Target, ir.HasTarget = 0, false, "", 0, false
		ir.Points, ir.Status, ir.Flags, ir.Rule, ir.Band = 0, indicators.StatusOK, ir.Flags[:0], 0, 0
		ir.Explain, ir.Steps, ir.Claimed, ir.Reason, ir.Err = "", nil, nil, "", nil
		ir.Missing, ir.NA, ir.Ratings = ir.Missing[:0], ir.NA[:0], nil
	} else {
		*ir = IndicatorResult{ID: def.ID, Label: def.Label, Group: def.Group, Weight: def.Weight, Status: indicators.StatusOK}
	}
	if u.Reasons != nil {
		ir.Reason = u.Reasons[def.ID]
	}
	// 不适用 wins over missing: an indicator that reads an N/A input is na
	// even if another of its inputs is missing. The masks rule out most
	// indicators without looking at their inputs.
	if ci.mask&s.na != 0 {
		for _, i := range ci.reads {
			if u.Values[i].Kind == indicators.NA {
				ir.Status = indicators.StatusNA
				ir.NA = append(ir.NA, p.rs.Inputs[i].ID)
			}
		}
		if ir.Status == indicators.StatusNA {
			return
		}
	}
	if ci.mask&s.missing != 0 {
		for _, i := range ci.reads {
			if u.Values[i].Kind == indicators.Missing {
				ir.Status = indicators.StatusMissing
				ir.Missing = append(ir.Missing, p.rs.Inputs[i].ID)
			}
		}
		if ir.Status == indicators.StatusMissing {
			return
		}
	}
	s.setWeight(def.Weight)
	s.setValue(0)
	var raw float64
	var err error
	if f := ci.value; ci.form == formTarget && ci.hasTargetConst && f != nil && f.num != nil {
		// The common case in one piece: a fast value against a constant
		// target (what score does for it).
		v := f.num(s)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			err = valueNotFinite(v)
		} else {
			s.setValue(v)
			t := ci.targetConst
			ir.Value, ir.HasValue, ir.Target, ir.HasTarget = v, true, t, true
			raw, ir.Rule = ci.dir.Score(v, t, def.Weight)
			if ci.dir.Overshoot(v, t) {
				ir.Flags = append(ir.Flags, indicators.FlagOvershoot)
			}
		}
	} else {
		raw, err = p.score(s, ci, u, ir)
	}
	if err != nil {
		ir.Status = indicators.StatusError
		ir.Points = 0
		ir.Err = err
		p.noteLimit(s, u, "indicator", def.ID, err)
		return
	}
	switch {
	case raw >= def.Weight:
		ir.Points = ci.full // clamped to the weight
	case raw <= 0:
		ir.Points = 0
	default:
		ir.Points = indicators.Round2(raw)
	}
	if ci.over != nil && ir.HasTarget && ci.dir.Penalized(ir.Value, ir.Target, ci.over.Ratio) {
		// 目标设定偏低: the points lose the penalty, never below 0.
		ir.Points = max(0, indicators.Round2(ir.Points-ci.over.Deduct))
		ir.Flags = append(ir.Flags, indicators.FlagOvershootPenalty)
	}
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
		return x, notFinite(x)
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
		s.setValue(v)
	}
	switch ci.form {
	case formTiers:
		v := u.Values[ci.tierInput]
		ir.Tier = tierString(v.Tier)
		raw := indicators.ScoreTier(v, def.Tiers, def.Weight)
		ir.Value, ir.HasValue = raw/def.Weight, true
		return raw, nil
	case formTarget:
		t, err := finiteOr(ci.target.float(s))
		if err != nil {
			return 0, &scoreError{"target", err}
		}
		ir.Target, ir.HasTarget = t, true
		raw, rule := ci.dir.Score(s.value(), t, def.Weight)
		ir.Rule = rule
		if ci.dir.Overshoot(s.value(), t) {
			ir.Flags = append(ir.Flags, indicators.FlagOvershoot)
		}
		return raw, nil
	case formBands:
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
	case formDeduct:
		n, err := finiteOr(ci.count.float(s))
		if err != nil {
			return 0, &scoreError{"deduct count", err}
		}
		ir.Value, ir.HasValue = n, true
		return indicators.ScoreDeduct(n, def.Deduct.Points, def.Weight), nil
	case formScore:
		pts, err := finiteOr(ci.score.float(s))
		if err != nil {
			return 0, &scoreError{"score", err}
		}
		return pts, nil
	case formRelative:
		return s.scoreRelative(ci, s.value())
	case formPanel:
		return s.scorePanel(ci, u, ir)
	}
	return 0, fmt.Errorf("indicator %s has no scoring form", def.ID)
}

func (p *Program) evalCheck(s *scratch, cc *compiledCheck, u *indicators.Unit, cr *CheckResult) {
	*cr = CheckResult{ID: cc.def.ID, OK: true}
	if cc.mask&(s.na|s.missing) != 0 {
		for _, i := range cc.assert.reads {
			if k := u.Values[i].Kind; k == indicators.Missing || k == indicators.NA {
				cr.Skipped = true
				cr.Message = p.skipMsg[i]
				return
			}
		}
	}
	if f := cc.assert; f.cond != nil && !p.conf.trace {
		// A fast assertion neither fails nor meters: nothing to save or
		// trace around it.
		if !f.cond(s) {
			cr.OK = false
			cr.Message = cc.failMsg
		}
		return
	}
	before := s.meter.save() // see evalUnit
	ok, err := cc.assert.bool(s)
	after := s.meter.save()
	switch {
	case err != nil:
		cr.OK = false
		cr.Message = fmt.Sprintf("检查无法计算：%v", err)
		p.noteLimit(s, u, "check", cc.def.ID, err)
	case !ok:
		cr.OK = false
		cr.Message = cc.failMsg
	}
	if !cr.OK && p.conf.trace {
		s.meter.restore(before)
		p.recordCheckSteps(s, cc, cr)
		s.meter.restore(after)
	}
}
