package engine

import (
	"context"
	"encoding/binary"

	"github.com/jixiao/jixiao/indicators"
)

// Evaluator scores units one at a time the way Stream's workers do: its
// own scratch state and expr VM, its result's memory reused from one unit
// to the next. Benchmarks and tests of the per-unit path use it; callers
// have EvalUnit.
type Evaluator struct {
	p *Program
	s *scratch
	r UnitResult
}

// NewEvaluator returns an evaluator of p.
func (p *Program) NewEvaluator() *Evaluator {
	s := p.newScratch(context.Background())
	s.lend = true // as a stream worker's: the result is read before the next unit
	return &Evaluator{p: p, s: s}
}

// Eval scores u (no rank); the result is valid until the next call.
func (e *Evaluator) Eval(u *indicators.Unit) *UnitResult {
	e.p.evalUnit(e.s, u, &e.r)
	return &e.r
}

// CompactRoundTrip is r as Stream's second pass over compact records
// gets it back (compact.go): its record header's fields as the first pass
// writes them, and its compact payload.
func (p *Program) CompactRoundTrip(r *UnitResult, into *UnitResult) error {
	h := header{line: r.Pos.Line, unit: []byte(r.Unit), name: []byte(r.Name), grade: noGrade}
	if r.Failed() {
		h.flags |= recFailed
		h.errors = binary.AppendUvarint(nil, uint64(len(r.Errors)))
		for _, e := range r.Errors {
			h.errors = appendError(h.errors, e)
		}
	} else {
		h.cents = cents(r.Score)
		for k, g := range p.rs.Grades {
			if g.Label == r.Grade {
				h.grade = k
			}
		}
	}
	h.nchecks = r.FailedChecks()
	h.checks = p.appendFailedChecks(nil, r)
	h.payload = p.appendCompact(nil, r)
	return p.decodeCompact(&h, r.Pos.File, into)
}

// FailMessage is the message of check k when it fails.
func (p *Program) FailMessage(k int) string { return p.checks[k].failMsg }
