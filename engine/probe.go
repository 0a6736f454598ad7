package engine

import (
	"context"

	"github.com/expr-lang/expr/ast"

	"github.com/jixiao/jixiao/indicators"
)

// Probe evaluates single formulas of a compiled ruleset on made-up inputs,
// for tools that explore what a ruleset does across its input space, such
// as the synthetic-data generator (synth.Generator, jixiao gen). It
// uses the same compiled formulas as scoring. A Probe is not safe for
// concurrent use: make one per goroutine.
type Probe struct {
	p *Program
	s *scratch
	// reads lists, per indicator, the inputs its value (or deduct count)
	// formula reads in order of appearance; treads those of its target.
	reads, treads [][]int
}

// NewProbe returns a probe of p. Tier inputs read as letter A.
func (p *Program) NewProbe() *Probe {
	pr := &Probe{p: p, s: p.newScratch(context.Background())}
	for i := range pr.s.tiers {
		if p.isTier[i] {
			pr.s.tiers[i] = "A"
		}
	}
	pr.reads = make([][]int, len(p.inds))
	pr.treads = make([][]int, len(p.inds))
	for k := range p.inds {
		ci := &p.inds[k]
		switch {
		case ci.value != nil && ci.def.Form != indicators.FormTiers:
			pr.reads[k] = appearance(p.rs, ci.value)
		case ci.count != nil:
			pr.reads[k] = appearance(p.rs, ci.count)
		}
		if ci.target != nil {
			pr.treads[k] = appearance(p.rs, ci.target)
		}
	}
	return pr
}

// appearance lists the inputs f reads, in the order they first appear in
// its source.
func appearance(rs *indicators.Ruleset, f *formula) []int {
	if f.prog == nil {
		return nil
	}
	var out []int
	node := f.node
	ast.Walk(&node, identVisitor(func(name string) {
		if i := rs.InputIndex(name); i >= 0 && !containsInt(out, i) {
			out = append(out, i)
		}
	}))
	return out
}

// load sets the inputs of one evaluation, which meets the limits of a unit
// on its own (the meter is reset; else the time limit would run from the
// probe's first use and every probe after it would fail).
func (pr *Probe) load(in []float64) {
	pr.s.meter.reset()
	copy(pr.s.in[:len(pr.s.in)-2], in)
	pr.s.envOK = false
	pr.s.setValue(0)
	pr.s.setWeight(0)
}

// Reads lists the inputs that the value formula of indicator k (its
// deduct count for deduct) reads, in order of appearance.
func (pr *Probe) Reads(k int) []int { return pr.reads[k] }

// TargetReads lists the inputs that the target of indicator k reads.
func (pr *Probe) TargetReads(k int) []int { return pr.treads[k] }

// Value evaluates the value formula of indicator k (the deduct count for
// deduct) with the numbers in (by input index). ok is false when there is
// no such formula or the result is not finite.
func (pr *Probe) Value(k int, in []float64) (v float64, ok bool) {
	ci := &pr.p.inds[k]
	f := ci.value
	if ci.count != nil {
		f = ci.count
	}
	if f == nil || ci.def.Form == indicators.FormTiers {
		return 0, false
	}
	pr.load(in)
	pr.s.setWeight(ci.def.Weight)
	v, err := finiteOr(f.float(pr.s))
	return v, err == nil
}

// Target evaluates the target of indicator k with the numbers in.
func (pr *Probe) Target(k int, in []float64) (t float64, ok bool) {
	ci := &pr.p.inds[k]
	if ci.target == nil {
		return 0, false
	}
	pr.load(in)
	t, err := finiteOr(ci.target.float(pr.s))
	return t, err == nil
}

// Band returns the band (from 1) of indicator k that value v meets with
// the numbers in, or 0 when none does.
func (pr *Probe) Band(k int, in []float64, v float64) int {
	ci := &pr.p.inds[k]
	pr.load(in)
	pr.s.setValue(v)
	pr.s.setWeight(ci.def.Weight)
	for b, band := range ci.bands {
		if band.when == nil {
			return b + 1
		}
		if ok, err := band.when.bool(pr.s); err == nil && ok {
			return b + 1
		}
	}
	return 0
}
