// Package review is the review (复核) of a population: a stage over
// engine's results, as package diff is. engine compares each unit's claims
// with the rules as it scores it (UnitResult.Claimed, UnitResult.Review);
// review puts the units in the order a reviewer reads them and sums them
// up. It works a unit at a time (Summary.Add, Key, Compare), so report's
// review formats run over engine.Stream in memory that does not grow with
// the units, and over a whole engine.Result for library callers (Of).
package review

import (
	"cmp"
	"sort"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Class is where a unit stands in a review, in review order.
type Class int

// The classes of units, in the order a review lists them.
const (
	Findings  Class = iota // claims that depart from the rules
	Agree                  // claims that agree with the rules
	Unclaimed              // no claim at all
	Failed                 // the unit could not be scored
)

// ClassOf returns the class of a unit result.
func ClassOf(u *engine.UnitResult) Class {
	switch {
	case u.Failed():
		return Failed
	case u.Claimed == nil:
		return Unclaimed
	case len(u.Review) > 0:
		return Findings
	}
	return Agree
}

// Key is a unit's place in review order (an engine.OrderKey): its class,
// then, among units with findings, the points over-claimed, most first.
// engine.Stream puts failed units last and keeps ties in input order.
func Key(u *engine.UnitResult) engine.OrderKey {
	k := engine.OrderKey{Text: string(rune('0' + ClassOf(u)))}
	if u.Claimed != nil {
		k.Num = u.Claimed.Over
	}
	return k
}

// Compare compares two keys of Key.
func Compare(a, b engine.OrderKey) int {
	if c := cmp.Compare(a.Text, b.Text); c != 0 || a.Text != "0" {
		return c
	}
	return cmp.Compare(b.Num, a.Num)
}

// Summary sums up a review.
type Summary struct {
	Units        int     // units scored whose data carries a claim: the units reviewed
	WithFindings int     // reviewed units with at least one finding
	Findings     int     // findings over all units
	Over         float64 // points over-claimed: Σ Claimed.Over over the units
	GradeChanged int     // units whose claims would give another grade than the rules
	Unclaimed    int     // units scored whose data carries no claim
	Errors       int     // units that could not be scored
	// Kinds counts the findings of each kind.
	ClaimHigh, ClaimLow, SumMismatch, GradeMismatch int
}

// Add counts one unit result in the summary.
func (s *Summary) Add(u *engine.UnitResult) {
	switch ClassOf(u) {
	case Failed:
		s.Errors++
		return
	case Unclaimed:
		s.Unclaimed++
		return
	case Findings:
		s.WithFindings++
	}
	s.Units++
	if u.GradeChanged() {
		s.GradeChanged++
	}
	// Each Over is in cents: a running sum rounded to cents is exact.
	s.Over = indicators.Round2(s.Over + u.Claimed.Over)
	for _, f := range u.Review {
		s.Findings++
		switch f.Kind {
		case engine.FindClaimHigh:
			s.ClaimHigh++
		case engine.FindClaimLow:
			s.ClaimLow++
		case engine.FindSumMismatch:
			s.SumMismatch++
		case engine.FindGradeMismatch:
			s.GradeMismatch++
		}
	}
}

// Review is the review of a whole result: the units in the order a
// reviewer reads them, and the summary.
type Review struct {
	Result    *engine.Result
	Tolerance float64
	// Order indexes Result.Units: units with findings first, by points
	// over-claimed (most first; ties keep input order), then units whose
	// claims agree with the rules, then units without claims, then units
	// that could not be scored.
	Order   []int
	Summary Summary
}

// Of orders and sums up the review of res, whose claims were compared
// with the rules within tolerance (engine.Tolerance).
func Of(res *engine.Result, tolerance float64) *Review {
	rv := &Review{Result: res, Tolerance: tolerance, Order: make([]int, len(res.Units))}
	keys := make([]engine.OrderKey, len(res.Units))
	for i := range res.Units {
		rv.Order[i] = i
		keys[i] = Key(&res.Units[i])
		rv.Summary.Add(&res.Units[i])
	}
	sort.SliceStable(rv.Order, func(a, b int) bool { return Compare(keys[rv.Order[a]], keys[rv.Order[b]]) < 0 })
	return rv
}

// HasClaims reports whether any unit of res carries a claim.
func HasClaims(res *engine.Result) bool {
	for i := range res.Units {
		if res.Units[i].Claimed != nil {
			return true
		}
	}
	return false
}
