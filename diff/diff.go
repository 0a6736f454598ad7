package diff

import (
	"math"
	"sort"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Comparison is what a rule change does to every unit: the same units
// scored under an old and a new ruleset, side by side (see Diff).
type Comparison struct {
	Old, New engine.RulesetInfo
	// Data identifies the units both results were computed from, when
	// the old result says.
	Data *engine.DataInfo
	// OldGrades and NewGrades are the grade labels of each ruleset, in
	// band order.
	OldGrades, NewGrades []string
	// Units are in the old result's order, then the units only the new
	// result has.
	Units []Unit
	// Migration is the grade migration matrix: for every old grade and
	// every new grade (band order, old grade first), how many units went
	// from one to the other, zeros included. Units not scored on a side
	// (failed, or absent) have an empty grade there; those cells appear
	// only when they hold units.
	Migration []Migration
	// Indicators says, for the whole population, which indicators caused
	// the change: the sum over units scored on both sides of each
	// indicator's change in points, largest change first. An indicator of
	// one side only counts its points as gained or lost.
	Indicators []IndicatorChange
	// Rules are the differences between the two rulesets that move
	// scores or grades, when the caller gave them (AddRules).
	Rules []RuleChange
	// Adjustments says the same of the rules above the indicator row (adjust
	// rules and the max_total clamp, contract 2): each rule's effect on
	// the totals (after − before, 0 where it did not apply), summed.
	Adjustments []IndicatorChange
	// Rescaling sums the units' 不适用 rescaling parts (Unit.Rescaling):
	// zero when no unit's rescaling moved its total.
	Rescaling RescalingTotal
	// Populations pairs the populations of the relative indicators (比较法)
	// of either side by id: a unit that fails, or is scored, on one side
	// only moves the other units' relative points.
	Populations []PopulationChange
}

// PopulationChange is one relative indicator's population on both sides;
// Old or New is nil when that side has no such relative indicator.
type PopulationChange struct {
	ID       string
	Old, New *indicators.RelativeStat
}

// Changed reports whether the population differs between the sides.
func (p *PopulationChange) Changed() bool {
	return p.Old == nil || p.New == nil || *p.Old != *p.New
}

// Side is a unit's result under one ruleset. Scored is false when the
// unit failed there (Errors says why) or is absent from that result.
type Side struct {
	Scored bool
	Score  float64
	Grade  string
	Rank   int
	Errors []*diag.Error
}

// Unit is one unit under both rulesets.
type Unit struct {
	Unit, Name string
	Old, New   Side
	// Delta is New.Score − Old.Score, rounded to 2 decimals; valid when
	// both sides are scored.
	Delta float64
	// Indicators lists the indicators whose points changed, in the new
	// ruleset's order and then those only the old one has; empty unless
	// both sides are scored.
	Indicators []PointsChange
	// Causes are the rule changes that gave the unit its new grade, for a
	// unit whose grade changed (AddRules).
	Causes []RuleChange
	// Adjustments lists the rules above the row whose effect on the unit's
	// total changed (Old and New: after − before; nil where that ruleset
	// has no such rule, 0 where the rule did not apply), in the new
	// ruleset's order, then those only the old one has.
	Adjustments []PointsChange
	// Rescaling is the 不适用 rescaling's part in the unit's move, when
	// a side has 不适用 indicators and the part is not 0; nil otherwise.
	Rescaling *Rescaling
}

// Both reports whether the unit was scored under both rulesets.
func (u *Unit) Both() bool { return u.Old.Scored && u.New.Scored }

// PointsChange is one indicator's points for a unit under both rulesets.
// Old or New is nil when that ruleset has no such indicator.
type PointsChange struct {
	ID, Label string
	Old, New  *float64
	// Delta is new − old points (a missing side counting 0), rounded to
	// 2 decimals.
	Delta float64
}

// Migration is one cell of the grade migration matrix.
type Migration struct {
	From, To string // "" for a unit not scored on that side
	Units    int
}

// IndicatorChange is one indicator's change in points over the whole
// population.
type IndicatorChange struct {
	ID, Label    string
	InOld, InNew bool
	// Old and New are the indicator's points summed over the units scored
	// on both sides; Delta is New − Old, rounded to 2 decimals.
	Old, New, Delta float64
	// Units counts the units whose points of this indicator changed.
	Units int
}

// Diff compares two results of the same units, matched by unit id: for
// each unit its old and new score, grade and rank and the indicators whose
// points changed; the grade migration matrix; and which indicators caused
// the change over the whole population.
func Diff(old, new *engine.Result) *Comparison {
	b := NewBuilder(old.Ruleset, new.Ruleset, gradeLabels(old.Summary), gradeLabels(new.Summary), old.Data)
	newAt := unitIndex(new)
	seen := map[string]bool{}
	for i := range old.Units {
		o := &old.Units[i]
		if seen[o.Unit] {
			continue // a duplicate id failed in the data already; keep the first
		}
		seen[o.Unit] = true
		var n *engine.UnitResult
		if j, ok := newAt[o.Unit]; ok {
			n = &new.Units[j]
		}
		b.Add(o, n)
	}
	for i := range new.Units {
		n := &new.Units[i]
		if !seen[n.Unit] {
			seen[n.Unit] = true
			b.Add(nil, n)
		}
	}
	c := b.Comparison()
	c.Populations = populationChanges(old.Summary.Populations, new.Summary.Populations)
	return c
}

// Builder makes a Comparison a unit at a time, so that a caller scoring
// the units as they stream (Recorder, Compare) keeps the comparison, not
// the results. Diff is a Builder over two whole results.
type Builder struct {
	c Comparison
	// first holds the indicators of the first unit with indicators on
	// each side (new, then old): the causes are listed in that order.
	first [2][]IndicatorChange
	sums  map[string]*IndicatorChange // by id: points over units scored on both sides
}

// NewBuilder starts the comparison of the rulesets old and new (their
// grade labels in band order) over the units of data (nil when unknown).
func NewBuilder(old, new engine.RulesetInfo, oldGrades, newGrades []string, data *engine.DataInfo) *Builder {
	return &Builder{c: Comparison{Old: old, New: new, Data: data, OldGrades: oldGrades, NewGrades: newGrades},
		sums: map[string]*IndicatorChange{}}
}

// Add compares one unit under both rulesets: o is its old result and n
// its new one, nil on the side it is absent from. Units come in the order
// the comparison lists them; neither result is kept.
func (b *Builder) Add(o, n *engine.UnitResult) {
	for k, u := range []*engine.UnitResult{n, o} {
		if b.first[k] != nil || u == nil || len(u.Indicators) == 0 {
			continue
		}
		b.first[k] = []IndicatorChange{}
		for _, ir := range u.Indicators {
			b.first[k] = append(b.first[k], IndicatorChange{ID: ir.ID, Label: ir.Label})
		}
	}
	ud := unitDiff(o, n)
	if ud.Both() {
		for _, ir := range o.Indicators {
			b.sum(ir.ID).Old += ir.Points
		}
		for _, ir := range n.Indicators {
			b.sum(ir.ID).New += ir.Points
		}
		for _, pc := range ud.Indicators {
			b.sum(pc.ID).Units++
		}
	}
	b.c.Units = append(b.c.Units, ud)
}

func (b *Builder) sum(id string) *IndicatorChange {
	s := b.sums[id]
	if s == nil {
		s = &IndicatorChange{}
		b.sums[id] = s
	}
	return s
}

// Comparison returns the comparison of the units added so far.
func (b *Builder) Comparison() *Comparison {
	d := b.c
	d.Migration = migration(&d)
	d.Indicators = b.indicatorChanges()
	d.Adjustments = adjustChanges(&d)
	d.Rescaling = rescalingTotal(&d)
	return &d
}

func populationChanges(old, new []indicators.RelativeStat) []PopulationChange {
	var out []PopulationChange
	at := map[string]int{}
	for i := range old {
		at[old[i].ID] = len(out)
		out = append(out, PopulationChange{ID: old[i].ID, Old: &old[i]})
	}
	for i := range new {
		if k, ok := at[new[i].ID]; ok {
			out[k].New = &new[i]
		} else {
			out = append(out, PopulationChange{ID: new[i].ID, New: &new[i]})
		}
	}
	return out
}

func gradeLabels(s engine.Summary) []string {
	var out []string
	for _, g := range s.Grades {
		out = append(out, g.Label)
	}
	return out
}

func side(u *engine.UnitResult) Side {
	switch {
	case u == nil:
		return Side{}
	case u.Failed():
		return Side{Errors: u.Errors}
	}
	return Side{Scored: true, Score: u.Score, Grade: u.Grade, Rank: u.Rank}
}

func unitDiff(o, n *engine.UnitResult) Unit {
	ud := Unit{Old: side(o), New: side(n)}
	if o != nil {
		ud.Unit, ud.Name = o.Unit, o.Name
	} else {
		ud.Unit, ud.Name = n.Unit, n.Name
	}
	if !ud.Both() {
		return ud
	}
	ud.Delta = indicators.Round2(n.Score - o.Score)
	ud.Adjustments = unitRuleChanges(o, n)
	ud.Rescaling = unitRescaling(o, n)
	if sameIndicators(o.Indicators, n.Indicators) {
		// The usual rule change (weights, targets, bounds) keeps the
		// indicators and their order: pair them by place, with no map per
		// unit (the workbench's tuning loop compares 10,000 units a change).
		for k := range n.Indicators {
			oi, ir := &o.Indicators[k], &n.Indicators[k]
			if oi.Points != ir.Points {
				pc := PointsChange{ID: ir.ID, Label: ir.Label, Old: ptr(oi.Points), New: ptr(ir.Points)}
				pc.Delta = pointsDelta(pc.Old, pc.New)
				ud.Indicators = append(ud.Indicators, pc)
			}
		}
		return ud
	}
	oldAt := map[string]*engine.IndicatorResult{}
	for k := range o.Indicators {
		oldAt[o.Indicators[k].ID] = &o.Indicators[k]
	}
	inNew := map[string]bool{}
	for k := range n.Indicators {
		ir := &n.Indicators[k]
		inNew[ir.ID] = true
		pc := PointsChange{ID: ir.ID, Label: ir.Label, New: ptr(ir.Points)}
		if oi, ok := oldAt[ir.ID]; ok {
			pc.Old = ptr(oi.Points)
			if oi.Points == ir.Points {
				continue
			}
		}
		pc.Delta = pointsDelta(pc.Old, pc.New)
		ud.Indicators = append(ud.Indicators, pc)
	}
	for k := range o.Indicators {
		oi := &o.Indicators[k]
		if !inNew[oi.ID] {
			pc := PointsChange{ID: oi.ID, Label: oi.Label, Old: ptr(oi.Points)}
			pc.Delta = pointsDelta(pc.Old, nil)
			ud.Indicators = append(ud.Indicators, pc)
		}
	}
	return ud
}

func ptr(x float64) *float64 { return &x }

// sameIndicators tells whether two results list the same indicators in the
// same order.
func sameIndicators(a, b []engine.IndicatorResult) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].ID != b[k].ID {
			return false
		}
	}
	return true
}

func pointsDelta(o, n *float64) float64 {
	var a, b float64
	if o != nil {
		a = *o
	}
	if n != nil {
		b = *n
	}
	return indicators.Round2(b - a)
}

func gradeOf(s Side) string {
	if !s.Scored {
		return ""
	}
	return s.Grade
}

func migration(d *Comparison) []Migration {
	count := map[[2]string]int{}
	for i := range d.Units {
		u := &d.Units[i]
		count[[2]string{gradeOf(u.Old), gradeOf(u.New)}]++
	}
	from := append(append([]string{}, d.OldGrades...), "")
	to := append(append([]string{}, d.NewGrades...), "")
	var out []Migration
	for _, f := range from {
		for _, t := range to {
			n := count[[2]string{f, t}]
			if n == 0 && (f == "" || t == "") {
				continue
			}
			out = append(out, Migration{From: f, To: t, Units: n})
		}
	}
	// Grades a unit got that its ruleset's bands do not list (a total
	// below every band) still count.
	listed := map[[2]string]bool{}
	for _, m := range out {
		listed[[2]string{m.From, m.To}] = true
	}
	var extra []Migration
	for k, n := range count {
		if !listed[k] {
			extra = append(extra, Migration{From: k[0], To: k[1], Units: n})
		}
	}
	sort.Slice(extra, func(i, j int) bool {
		if extra[i].From != extra[j].From {
			return extra[i].From < extra[j].From
		}
		return extra[i].To < extra[j].To
	})
	return append(out, extra...)
}

func (b *Builder) indicatorChanges() []IndicatorChange {
	var out []IndicatorChange
	at := map[string]int{}
	// Order of first appearance: the new ruleset's indicators, then the
	// old ones it dropped. Labels come from each side's first unit that
	// has indicators.
	for k, isNew := range []bool{true, false} {
		for _, ic := range b.first[k] {
			i, ok := at[ic.ID]
			if !ok {
				i = len(out)
				at[ic.ID] = i
				out = append(out, IndicatorChange{ID: ic.ID, Label: ic.Label})
			}
			if isNew {
				out[i].InNew, out[i].Label = true, ic.Label
			} else {
				out[i].InOld = true
			}
		}
	}
	for k := range out {
		if s := b.sums[out[k].ID]; s != nil {
			out[k].Old, out[k].New, out[k].Units = s.Old, s.New, s.Units
		}
		out[k].Old = indicators.Round2(out[k].Old)
		out[k].New = indicators.Round2(out[k].New)
		out[k].Delta = indicators.Round2(out[k].New - out[k].Old)
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Delta) > math.Abs(out[j].Delta) })
	return out
}

// unitIndex maps each unit id of r to its first unit.
func unitIndex(r *engine.Result) map[string]int {
	m := map[string]int{}
	for i := range r.Units {
		if _, dup := m[r.Units[i].Unit]; !dup {
			m[r.Units[i].Unit] = i
		}
	}
	return m
}

// Moved returns up to n units scored on both sides that moved most, by
// the size of their change in score (ties in unit order), leaving out
// units that did not move.
func (d *Comparison) Moved(n int) []Unit {
	var out []Unit
	for _, u := range d.Units {
		if u.Both() && u.Delta != 0 {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Delta) > math.Abs(out[j].Delta) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
