package engine

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Relative indicators (比较法/标杆法) score a unit against every unit of the
// run, so a run that has them reads its units twice: a first pass through
// Stream itself, into popSink, gathers each relative indicator's
// population (the ok values of the units that are scored), and the second
// scores with it. Both passes are Stream's, so memory stays flat and a
// streamed run equals an in-memory one.

// populations is what the second pass reads: by indicator index.
type populations struct {
	pop []indicators.Population
	// sorted holds every value of each population, ascending, when
	// explanations are on: a unit's place among them (8 bytes a unit and
	// relative indicator, only then).
	sorted [][]float64
	// ratings holds each panel indicator's raters' points: by indicator
	// index, rater, then the rated unit's number (from 0).
	ratings []map[string]map[int]float64
	rated   []int // how many units each panel indicator was rated for
	// self is set for a unit scored alone against the other units a
	// ruleset test lists (Unit.Populations): the unit joins pop when its
	// value is ok, as it would in a run. A run's pass gathers every unit,
	// so its populations already hold the one being scored.
	self bool
}

// unitPopulations turns a unit's Populations into the populations it is
// scored against alone, or nil when it has none. Values are kept sorted
// whatever the options: a test's lists are short, and its explanation
// gives the unit's place.
func (p *Program) unitPopulations(u *indicators.Unit) *populations {
	if len(u.Populations) == 0 {
		return nil
	}
	pops := &populations{pop: make([]indicators.Population, len(p.inds)), sorted: make([][]float64, len(p.inds)), self: true}
	for _, k := range p.relative {
		vs := slices.Clone(u.Populations[p.inds[k].def.ID])
		for _, v := range vs {
			pops.pop[k].Add(v)
		}
		slices.Sort(vs)
		pops.sorted[k] = vs
	}
	return pops
}

// population is what value is scored against: the run's population of
// ci, with value in it when the unit is scored alone (self).
func (s *scratch) population(ci *compiledIndicator, value float64) indicators.Population {
	pop := s.pops.pop[ci.index]
	if s.pops.self {
		pop.Add(value)
	}
	return pop
}

// rewinder is a source that can be read again from the start (every file
// data.Open opens, and Eval's slice).
type rewinder interface{ Rewind() error }

// popSink is the first pass's sink: Render writes each relative
// indicator's value (if the unit has an ok one), Emit adds it to the
// population when the unit is scored (a failed or duplicate unit has rank
// 0, and stays out).
type popSink struct {
	p    *Program
	pops *populations
}

func (ps *popSink) Render(dst []byte, u *UnitResult) []byte {
	for _, k := range ps.p.relative {
		if u.Failed() || k >= len(u.Indicators) || u.Indicators[k].Status != indicators.StatusOK || !u.Indicators[k].HasValue {
			dst = append(dst, 0)
			continue
		}
		dst = append(dst, 1)
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(u.Indicators[k].Value))
	}
	for _, k := range ps.p.panels {
		if u.Failed() || k >= len(u.Indicators) || u.Indicators[k].Status != indicators.StatusOK {
			dst = append(dst, 0)
			continue
		}
		rs := u.Indicators[k].Ratings
		dst = binary.AppendUvarint(dst, uint64(len(rs)))
		for _, r := range rs {
			dst = binary.AppendUvarint(dst, uint64(len(r.Rater)))
			dst = append(dst, r.Rater...)
			dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(r.Points))
		}
	}
	return dst
}

func (ps *popSink) Start(Summary) error { return nil }

func (ps *popSink) Emit(rec []byte, rank int) error {
	if rank == 0 {
		return nil
	}
	for _, k := range ps.p.relative {
		if len(rec) == 0 {
			return errors.New("stream: a population record was cut short")
		}
		ok := rec[0] == 1
		rec = rec[1:]
		if !ok {
			continue
		}
		if len(rec) < 8 {
			return errors.New("stream: a population record was cut short")
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(rec))
		rec = rec[8:]
		ps.pops.pop[k].Add(v)
		if ps.pops.sorted != nil {
			ps.pops.sorted[k] = append(ps.pops.sorted[k], v)
		}
	}
	cut := errors.New("stream: a panel record was cut short")
	for _, k := range ps.p.panels {
		n, w := binary.Uvarint(rec)
		if w <= 0 {
			return cut
		}
		rec = rec[w:]
		if n == 0 {
			continue
		}
		unit := ps.pops.rated[k]
		ps.pops.rated[k]++
		for ; n > 0; n-- {
			l, w := binary.Uvarint(rec)
			if w <= 0 || len(rec) < w+int(l)+8 {
				return cut
			}
			rater := string(rec[w : w+int(l)])
			pts := math.Float64frombits(binary.LittleEndian.Uint64(rec[w+int(l):]))
			rec = rec[w+int(l)+8:]
			m := ps.pops.ratings[k][rater]
			if m == nil {
				m = map[int]float64{}
				ps.pops.ratings[k][rater] = m
			}
			m[unit] = pts
		}
	}
	return nil
}

// gatherPopulations runs the first pass over src and rewinds it for the
// second.
func (p *Program) gatherPopulations(ctx context.Context, src Units) (*populations, error) {
	id := p.rs.Indicators[slices.Concat(p.relative, p.panels)[0]].ID
	rw, ok := src.(rewinder)
	if !ok {
		return nil, errors.New(p.conf.pr.Sprintf(msg.EngReadTwiceStream, id))
	}
	// Rewinding before the first pass finds a source that cannot be read
	// twice before anything is read.
	if err := rw.Rewind(); err != nil {
		return nil, fmt.Errorf("%s: %w", p.conf.pr.Sprintf(msg.EngReadTwice, id), err)
	}
	pops := &populations{pop: make([]indicators.Population, len(p.inds)), rated: make([]int, len(p.inds)),
		ratings: make([]map[string]map[int]float64, len(p.inds))}
	for _, k := range p.panels {
		pops.ratings[k] = map[string]map[int]float64{}
	}
	if p.conf.explain {
		pops.sorted = make([][]float64, len(p.inds))
	}
	if _, err := p.Stream(ctx, src, &popSink{p: p, pops: pops}); err != nil {
		return nil, err
	}
	for _, s := range pops.sorted {
		slices.Sort(s)
	}
	if err := rw.Rewind(); err != nil {
		return nil, fmt.Errorf("%s: %w", p.conf.pr.Sprintf(msg.EngReadAgain, id), err)
	}
	return pops, nil
}

// stats lists the populations for the summary, in the ruleset's order.
func (p *Program) relativeStats(pops *populations) []indicators.RelativeStat {
	if pops == nil {
		return nil
	}
	var out []indicators.RelativeStat
	for _, k := range p.relative {
		d := p.inds[k].def
		out = append(out, indicators.RelativeStat{ID: d.ID, Method: d.Relative, Reverse: d.Lower, Population: pops.pop[k]})
	}
	return out
}

// scoreRelative scores value against the run's population. Outside a run
// (a single unit, a ruleset test without a population) the population is
// the unit alone, which gives full marks.
func (s *scratch) scoreRelative(ci *compiledIndicator, value float64) (float64, error) {
	pop := indicators.Population{Min: value, Max: value, Count: 1}
	if s.pops != nil {
		pop = s.population(ci, value)
	}
	raw, err := indicators.ScoreRelative(ci.def.Relative, ci.def.Lower, value, ci.def.Weight, pop)
	if err != nil {
		return 0, &scoreError{msg.EngPartValue, 0, err}
	}
	return raw, nil
}

// place is value's place in its population (1 the best), when the run
// kept the values; 0 when it did not.
func (s *scratch) place(ci *compiledIndicator, value float64) int {
	if s.pops == nil || s.pops.sorted == nil {
		return 0
	}
	vs := s.pops.sorted[ci.index]
	if ci.def.Lower {
		// Values below it are better.
		i, _ := slices.BinarySearch(vs, value)
		return i + 1
	}
	// Values above it are better. With self, vs lacks the unit's own
	// value, which is not better than itself: the place is the same.
	i, found := slices.BinarySearch(vs, value)
	for found && i < len(vs) && vs[i] == value {
		i++
	}
	return len(vs) - i + 1
}

// explainRelative writes how a relative indicator scored: the method, the
// population (count, best, worst), the unit's place in it and the
// arithmetic. pv writes a value as the indicator shows values.
func (s *scratch) explainRelative(b []byte, ci *compiledIndicator, ir *IndicatorResult, pv func([]byte, float64) []byte) []byte {
	def := ci.def
	if def.Relative == indicators.RelativeEfficacy {
		b = append(b, "，功效系数法"...)
	} else {
		b = append(b, "，标杆比较法"...)
	}
	if def.Lower {
		b = append(b, "（越小越好）"...)
	} else {
		b = append(b, "（越大越好）"...)
	}
	if s.pops == nil {
		b = append(b, "：比较总体只有本单位，得满分 "...)
		return appendNum4(b, def.Weight)
	}
	pop := s.population(ci, ir.Value)
	best, worst := pop.Best(def.Lower), pop.Worst(def.Lower)
	b = append(b, "：参与比较 "...)
	b = strconv.AppendInt(b, int64(pop.Count), 10)
	b = append(b, " 个单位，最优 "...)
	b = pv(b, best)
	b = append(b, "，最差 "...)
	b = pv(b, worst)
	if place := s.place(ci, ir.Value); place > 0 {
		b = append(b, "，本单位第 "...)
		b = strconv.AppendInt(b, int64(place), 10)
		b = append(b, " 位"...)
	}
	switch {
	case best == worst:
		b = append(b, "；最优与最差相同，得满分 "...)
		return appendNum4(b, def.Weight)
	case ir.Value == best:
		b = append(b, "；本单位为最优，得满分 "...)
		return appendNum4(b, def.Weight)
	}
	b = append(b, "；得分 = "...)
	b = appendNum4(b, def.Weight)
	switch {
	case def.Relative == indicators.RelativeEfficacy:
		b = append(b, " × (0.6 + 0.4 × ("...)
		b = pv(b, ir.Value)
		b = append(b, " − "...)
		b = pv(b, worst)
		b = append(b, ") ÷ ("...)
		b = pv(b, best)
		b = append(b, " − "...)
		b = pv(b, worst)
		b = append(b, "))"...)
	case def.Lower:
		b = append(b, " × 最优 "...)
		b = pv(b, best)
		b = append(b, " ÷ "...)
		b = pv(b, ir.Value)
	default:
		b = append(b, " × "...)
		b = pv(b, ir.Value)
		b = append(b, " ÷ 最优 "...)
		b = pv(b, best)
	}
	b = append(b, " = "...)
	return appendNum4(b, ir.Points)
}

// panelStats works out each panel indicator's Kendall's W over the raters
// who scored every rated unit (units rated by a panel of their own have
// no common raters, and no W).
func (p *Program) panelStats(pops *populations) []indicators.PanelStat {
	if pops == nil {
		return nil
	}
	var out []indicators.PanelStat
	for _, k := range p.panels {
		d := p.inds[k].def
		st := indicators.PanelStat{ID: d.ID, Method: d.Panel, Units: pops.rated[k]}
		var raters []string
		for r, m := range pops.ratings[k] {
			if len(m) == st.Units {
				raters = append(raters, r)
			}
		}
		slices.Sort(raters) // map order must not reach the output
		st.Raters = len(raters)
		scores := make([][]float64, len(raters))
		for i, r := range raters {
			scores[i] = make([]float64, st.Units)
			for u, x := range pops.ratings[k][r] {
				scores[i][u] = x
			}
		}
		st.W, st.HasW = indicators.KendallW(scores)
		out = append(out, st)
	}
	return out
}
