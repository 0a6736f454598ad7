package engine

import (
	"context"

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
