package workbench

import (
	"context"
	"errors"
	"io"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/record"
)

// scored is one ruleset's evaluation of the kept units in the compact form
// the tuning loop needs: the table's rows, their points in one flat slice,
// and what diff.Builder reads of a unit. The loop streams into it instead
// of building an engine.Result: a Result holds 10,000 × 21 indicator
// results in fresh memory, and making them was most of a retune's time
// (issue 19). It is not changed once made, so requests share it.
type scored struct {
	ruleset engine.RulesetInfo
	summary engine.Summary
	data    *engine.DataInfo
	rows    []row
	ids     []string // the indicators' ids and labels, in order
	labels  []string
	points  []float64 // len(ids) a row; na marks 不适用
	na      []bool
	// first is the row of each unit id's first appearance: a repeated id
	// failed in the data, and the first is the one compared (as diff.Diff).
	first map[string]int
}

// row is one unit of the table without its points.
type row struct {
	unit, name, grade, err string
	score                  float64
	applicable             float64 // the weights not 不适用, for diff's rescaling
	rank, checks           int
	errs                   []*diag.Error
	// adjusts are the rules above the row that applied; hasRules tells a
	// ruleset without such rules (nil) from none applying, as diff does.
	adjusts  []engine.Adjustment
	hasRules bool
}

func (s *scored) nind() int { return len(s.ids) }

func (s *scored) pointsOf(i int) ([]float64, []bool) {
	n := s.nind()
	return s.points[i*n : (i+1)*n], s.na[i*n : (i+1)*n]
}

// unitResult fills u (its memory reused from one unit to the next) with
// what diff.Builder reads of row i.
func (s *scored) unitResult(i int, u *engine.UnitResult) *engine.UnitResult {
	r := &s.rows[i]
	inds := u.Indicators[:0]
	pts, na := s.pointsOf(i)
	for k, p := range pts {
		ir := engine.IndicatorResult{ID: s.ids[k], Label: s.labels[k], Points: p, Status: indicators.StatusOK}
		if na[k] {
			ir.Status = indicators.StatusNA // diff tells the 不适用 rescaling by it
		}
		inds = append(inds, ir)
	}
	*u = engine.UnitResult{Unit: r.unit, Name: r.name, Score: r.score, Applicable: r.applicable, Grade: r.grade, Rank: r.rank, Errors: r.errs, Indicators: inds}
	if r.hasRules {
		u.Adjustments = r.adjusts
		if u.Adjustments == nil {
			u.Adjustments = []engine.Adjustment{}
		}
	}
	return u
}

// compareScored compares the saved version's scores with the current ones
// as diff.Diff compares their results (TestCompareScoredIsDiff), but for
// the relative indicators' population figures, which the page does not
// show.
func compareScored(old, cur *scored) *diff.Comparison {
	b := diff.NewBuilder(old.ruleset, cur.ruleset, gradeLabels(old.summary), gradeLabels(cur.summary), cur.data)
	var ou, nu engine.UnitResult
	for i := range old.rows {
		id := old.rows[i].unit
		if old.first[id] != i {
			continue
		}
		if j, ok := cur.first[id]; ok {
			b.Add(old.unitResult(i, &ou), cur.unitResult(j, &nu))
		} else {
			b.Add(old.unitResult(i, &ou), nil)
		}
	}
	for j := range cur.rows {
		id := cur.rows[j].unit
		if _, inOld := old.first[id]; !inOld && cur.first[id] == j {
			b.Add(nil, cur.unitResult(j, &nu))
		}
	}
	return b.Comparison()
}

func gradeLabels(s engine.Summary) []string {
	out := make([]string, 0, len(s.Grades))
	for _, g := range s.Grades {
		out = append(out, g.Label)
	}
	return out
}

// scoreUnits streams units through prog into a scored evaluation.
func scoreUnits(ctx context.Context, prog *engine.Program, units []indicators.Unit, info *engine.DataInfo) (*scored, error) {
	rs := prog.Ruleset()
	s := &scored{ruleset: engine.RulesetInfo{ID: rs.ID, Title: rs.Title, Version: rs.Version, SHA256: rs.SHA256}, data: info}
	for _, ind := range rs.Indicators {
		s.ids, s.labels = append(s.ids, ind.ID), append(s.labels, ind.Label)
	}
	sum, err := prog.Stream(ctx, &unitSlice{units: units}, &rowSink{s: s})
	if err != nil {
		return nil, err
	}
	s.summary = sum
	s.first = make(map[string]int, len(s.rows))
	for i := range s.rows {
		if _, dup := s.first[s.rows[i].unit]; !dup {
			s.first[s.rows[i].unit] = i
		}
	}
	return s, nil
}

// unitSlice is the kept units as engine.Stream reads them; Rewind lets a
// ruleset with relative indicators (比较法) read them twice.
type unitSlice struct {
	units []indicators.Unit
	next  int
}

func (u *unitSlice) Rewind() error {
	u.next = 0
	return nil
}

func (u *unitSlice) Next() (*indicators.Unit, error) {
	if u.next == len(u.units) {
		return nil, io.EOF
	}
	u.next++
	return &u.units[u.next-1], nil
}

// rowSink is the engine.Sink of the tuning loop: each unit's record is its
// row, coded on the worker that scored it (the worker's result is reused
// for the next unit, so nothing of it may be kept), read back in Emit.
type rowSink struct{ s *scored }

func (k *rowSink) Render(dst []byte, u *engine.UnitResult) []byte {
	c := record.Codec{B: dst}
	r := row{unit: u.Unit, name: u.Name, grade: u.Grade, score: u.Score, applicable: u.Applicable, checks: u.FailedChecks(), errs: u.Errors,
		adjusts: u.Adjustments, hasRules: u.Adjustments != nil}
	if u.Failed() {
		r.err = errorsText(u.Errors)
	}
	codeRow(&c, &r)
	n := c.Count(len(u.Indicators))
	for i := 0; i < n; i++ {
		na := u.Indicators[i].Status == indicators.StatusNA
		c.Flag(&na)
		c.Num(&u.Indicators[i].Points)
	}
	return c.B
}

func codeRow(c *record.Codec, r *row) {
	c.Str(&r.unit)
	c.Str(&r.name)
	c.Str(&r.grade)
	c.Str(&r.err)
	c.Num(&r.score)
	c.Num(&r.applicable)
	c.Int(&r.checks)
	c.Errors(&r.errs)
	c.Flag(&r.hasRules)
	n := c.Count(len(r.adjusts))
	for i := 0; i < n; i++ {
		if c.Read {
			r.adjusts = append(r.adjusts, engine.Adjustment{})
		}
		a := &r.adjusts[i]
		c.Str(&a.ID)
		c.Str(&a.Label)
		c.Num(&a.Before)
		c.Num(&a.After)
	}
}

func (k *rowSink) Start(sum engine.Summary) error {
	n := k.s.nind()
	k.s.rows = make([]row, 0, sum.Units)
	k.s.points = make([]float64, 0, sum.Units*n)
	k.s.na = make([]bool, 0, sum.Units*n)
	return nil
}

func (k *rowSink) Emit(rec []byte, rank int) error {
	c := record.Codec{B: rec, Read: true}
	var r row
	codeRow(&c, &r)
	r.rank = rank
	n := c.Count(0)
	for i := 0; i < n; i++ {
		var na bool
		var p float64
		c.Flag(&na)
		c.Num(&p)
		if i < k.s.nind() {
			k.s.points, k.s.na = append(k.s.points, p), append(k.s.na, na)
		}
	}
	// A unit that failed before its indicators were scored has none: its
	// row shows them as not applicable.
	for i := n; i < k.s.nind(); i++ {
		k.s.points, k.s.na = append(k.s.points, 0), append(k.s.na, true)
	}
	if c.Short {
		return errors.New("a unit's row is cut short")
	}
	k.s.rows = append(k.s.rows, r)
	return nil
}
