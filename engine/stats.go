package engine

import (
	"encoding/binary"

	"github.com/jixiao/jixiao/indicators"
)

// Stat is the statistics of one indicator, one 一级指标 subtotal or the
// total over the scored units a sink keeps (Summary.Indicators, .Groups,
// .Score).
//
// Units counts the units it applies to: scored units, less those for which
// the indicator is N/A (不适用 removes it, 财预〔2020〕10号), or for a
// subtotal those for which every indicator of the group is. Missing and
// error results count among them with their 0 points, as they count in the
// totals. Mean, Median, Min and Max are over those units, rounded half-up
// to 2 decimals; they are 0 when Units is 0.
type Stat struct {
	Key    string // indicator id, group name, or "score" for the total
	Label  string // indicator label, group name, or 总分
	Weight float64
	Units  int
	Mean   float64
	Median float64
	Min    float64
	Max    float64
	// Full counts the units at full marks: points equal to the weight, or
	// for a subtotal every applicable indicator of the group at full marks,
	// or a total of 100.
	Full int
	// Missing, NA and Error count the units whose result had that status;
	// for a subtotal, the units where any indicator of the group had it.
	Missing, NA, Error int
}

// Subtotal is a unit's points in one 一级指标: the sum of its
// indicators' points, rounded as points are, and their weights.
type Subtotal struct {
	Name   string
	Points float64
	Weight float64
}

// setGroups fills r.Groups from r.Indicators, reusing its memory.
func (p *Program) setGroups(r *UnitResult, groups []Subtotal) {
	r.Groups = groups[:0]
	for _, g := range p.groups {
		var s float64
		for _, i := range g.Members {
			s += r.Indicators[i].Points
		}
		r.Groups = append(r.Groups, Subtotal{Name: g.Name, Points: indicators.Round2(s), Weight: g.Weight})
	}
}

// statsAcc accumulates the statistics of the units a sink keeps, on the
// collector, from a few bytes the worker wrote of each unit
// (appendStatRecord). Points are cents between 0 and a column's weight, so
// each column counts its units per value in cents, in an array of
// weight × 100 + 1 counts: memory bounded by the weights, not the number
// of units, the median exact, and a unit counted can be taken out again
// (a duplicate id found in the second pass).
type statsAcc struct {
	p    *Program
	cols []colAcc  // the indicators, then the groups, then the total
	inds []statInd // one unit's indicators, decoded
}

// statInd is one indicator of a unit as the stat record holds it.
type statInd struct {
	status byte // statOK, statNA, statMissing, statError, | statFull
	cents  int64
}

// Status codes of a stat record.
const (
	statOK byte = iota
	statNA
	statMissing
	statError
	statFull = 4 // at full marks
)

// colAcc accumulates one column.
type colAcc struct {
	units, full, missing, na, err int64
	sum                           int64 // cents
	count                         []int64
}

func newStatsAcc(p *Program) *statsAcc {
	a := &statsAcc{p: p, cols: make([]colAcc, len(p.inds)+len(p.groups)+1), inds: make([]statInd, len(p.inds))}
	for k := range p.inds {
		a.cols[k].count = make([]int64, cents(p.inds[k].def.Weight)+1)
	}
	for k, g := range p.groups {
		a.cols[len(p.inds)+k].count = make([]int64, cents(g.Weight)+1)
	}
	a.cols[len(a.cols)-1].count = make([]int64, cents(max(100, p.rs.TotalWeight()))+1)
	return a
}

// appendStatRecord appends what the statistics need of r: a byte, 0 for a
// unit they leave out (failed, or not kept by the sink), else 1 (|2 when
// the total is 100 or more), the total in cents and each indicator's
// status and cents.
func appendStatRecord(b []byte, r *UnitResult, kept bool) []byte {
	if !kept || r.Failed() {
		return append(b, 0)
	}
	head := byte(1)
	if r.Score >= 100 {
		head |= 2
	}
	b = append(b, head)
	b = binary.AppendUvarint(b, uint64(cents(r.Score)))
	for k := range r.Indicators {
		ir := &r.Indicators[k]
		var s byte
		switch ir.Status {
		case indicators.StatusNA:
			s = statNA
		case indicators.StatusMissing:
			s = statMissing
		case indicators.StatusError:
			s = statError
		default:
			if ir.Points >= ir.Weight {
				s = statFull
			}
		}
		b = append(b, s)
		b = binary.AppendUvarint(b, uint64(max(0, cents(ir.Points))))
	}
	return b
}

// add counts (sign 1) or takes out (sign -1) the unit of the stat record
// at the start of b, and returns the record's length.
func (a *statsAcc) add(b []byte, sign int64) (n int, ok bool) {
	p := parser{b: b}
	head := p.byte()
	if head == 0 || p.short {
		return p.off, !p.short
	}
	score := int64(p.uvarint())
	for k := range a.inds {
		a.inds[k] = statInd{status: p.byte(), cents: int64(p.uvarint())}
	}
	if p.short {
		return 0, false
	}
	for k, si := range a.inds {
		c := &a.cols[k]
		switch si.status &^ statFull {
		case statNA:
			c.na += sign
			continue
		case statMissing:
			c.missing += sign
		case statError:
			c.err += sign
		}
		c.add(si.cents, si.status&statFull != 0, sign)
	}
	for k, g := range a.p.groups {
		c := &a.cols[len(a.inds)+k]
		applicable, full, sum := 0, true, int64(0)
		var seen [4]bool // by status
		for _, i := range g.Members {
			si := a.inds[i]
			seen[si.status&^statFull] = true
			if si.status&^statFull == statNA {
				continue
			}
			applicable++
			sum += si.cents
			full = full && si.status == statFull
		}
		c.missing += sign * int64(b2i(seen[statMissing]))
		c.na += sign * int64(b2i(seen[statNA]))
		c.err += sign * int64(b2i(seen[statError]))
		if applicable > 0 {
			c.add(sum, full, sign)
		}
	}
	a.cols[len(a.cols)-1].add(score, head&2 != 0, sign)
	return p.off, true
}

func (c *colAcc) add(v int64, full bool, sign int64) {
	if v >= int64(len(c.count)) {
		// Beyond the weight: the bound does not hold (a ruleset whose
		// weights sum past 100 rescaled), so the array grows.
		c.count = append(c.count, make([]int64, v+1-int64(len(c.count)))...)
	}
	c.count[v] += sign
	c.units += sign
	c.sum += sign * v
	if full {
		c.full += sign
	}
}

// stats returns the statistics of the indicators, the groups and the
// total.
func (a *statsAcc) stats() (inds, groups []Stat, total Stat) {
	for k := range a.p.inds {
		def := a.p.inds[k].def
		inds = append(inds, a.cols[k].stat(def.ID, def.Label, def.Weight))
	}
	for k, g := range a.p.groups {
		groups = append(groups, a.cols[len(inds)+k].stat(g.Name, g.Name, g.Weight))
	}
	return inds, groups, a.cols[len(a.cols)-1].stat("score", "总分", 100)
}

func (c *colAcc) stat(key, label string, weight float64) Stat {
	st := Stat{Key: key, Label: label, Weight: weight, Units: int(c.units), Full: int(c.full),
		Missing: int(c.missing), NA: int(c.na), Error: int(c.err)}
	if c.units == 0 {
		return st
	}
	lo, hi := (c.units-1)/2, c.units/2 // 0-based ranks of the middle values
	var mlo, mhi, seen int64
	first := true
	for v, n := range c.count {
		if n == 0 {
			continue
		}
		if first {
			st.Min, first = float64(v)/100, false
		}
		st.Max = float64(v) / 100
		next := seen + n
		if lo >= seen && lo < next {
			mlo = int64(v)
		}
		if hi >= seen && hi < next {
			mhi = int64(v)
		}
		seen = next
	}
	st.Mean = indicators.Round2(float64(c.sum) / float64(c.units) / 100)
	st.Median = indicators.Round2(float64(mlo+mhi) / 200)
	return st
}
