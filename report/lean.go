package report

import (
	"io"
	"slices"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/record"
	"github.com/jixiao/jixiao/spill"
)

// drawer is a format drawn from whole unit results, a unit at a time
// (table, md, html, xlsx, selfeval). It gets each unit from drawRows as a
// lean copy of its result, decoded from the unit's record and reused for
// the next unit: what a drawer keeps of it, it must copy.
type drawer interface {
	begin(w io.Writer, m Meta) error
	unit(u *engine.UnitResult) error
	end(s engine.Summary) error
}

// drawRows is the Rows of a drawer: a unit's record is the lean copy of
// its result (leanUnit.code), which WriteUnit decodes for the drawer.
type drawRows struct {
	d      drawer
	m      Meta
	inputs bool // records carry the unit's inputs (the 自评表's funds)
	// slim records carry only what the xlsx draws (see slimRecords), and
	// words numbers their repeated texts.
	slim  bool
	words *record.Words
	lean  leanUnit
}

func (r *drawRows) Begin(w io.Writer, m Meta) error {
	r.m = m
	return r.d.begin(w, m)
}

func (r *drawRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	c := record.Codec{B: dst, Words: r.words}
	var l leanUnit
	l.code(&c, u, &r.m, r.inputs, r.slim)
	return c.B
}

func (r *drawRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	c := record.Codec{B: rec, Read: true, Words: r.words}
	u := &r.lean.u
	r.lean.code(&c, u, &r.m, r.inputs, r.slim)
	if c.Short || len(c.B) > 0 {
		return internalf("a unit's record is cut short")
	}
	u.Rank = rank
	return r.d.unit(u)
}

func (r *drawRows) End(w io.Writer, s engine.Summary) error { return r.d.end(s) }

// spoolMem is how many bytes each section of a report that waits for the
// end to be written keeps in memory before the rest go to a file.
const spoolMem = 8 << 20

// writeOut writes what s holds to w.
func writeOut(w io.Writer, s *spill.Spill) error {
	_, err := s.WriteTo(w)
	return err
}

// leanUnit is the result lean records are read into, reusing its memory
// from one record to the next.
type leanUnit struct {
	u       engine.UnitResult
	inds    []engine.IndicatorResult
	groups  []engine.Subtotal
	checks  []engine.CheckResult
	review  []engine.Finding
	values  []indicators.Value
	claimed []float64 // the indicators' claims, one slot each
	claim   engine.Claimed
	score   float64 // the unit's claimed score
	adjust  []engine.Adjustment
	outcome engine.Outcome
}

// slimRecords reports whether the xlsx's records can be slim: all but
// its 专家评分汇总 sheet (the raters of panel indicators) is drawn from
// the points, statuses and flags of the indicators, the subtotals, the
// total, grade, claims, rules and failed checks. A slim record leaves out
// the rest (values, targets, tiers, explanations, ratings) and writes
// points in cents and repeated texts by number: a million units'
// records, which wait until the ranks are known (in memory a band at a
// time, or in a temporary file for data that cannot be read again), take
// an eighth of the room (grid-center: 174 bytes a unit, not 1,398).
func slimRecords(m Meta) bool {
	for i := range m.Indicators {
		if m.Indicators[i].Form == indicators.FormPanel {
			return false
		}
	}
	return true
}

// code writes or reads the lean record of u: what the drawn formats show
// of a unit result. The labels, groups and weights of the indicators come
// from the meta, and only the checks that failed are kept. Slim, it codes
// only what the xlsx draws (slimRecords). Written, u is only read.
func (l *leanUnit) code(c *record.Codec, u *engine.UnitResult, m *Meta, inputs, slim bool) {
	if c.Read {
		*u = engine.UnitResult{}
	}
	c.Str(&u.Unit)
	c.Str(&u.Name)
	c.Errors(&u.Errors)
	if inputs {
		n := c.Count(len(u.Inputs))
		if c.Read {
			l.values = slices.Grow(l.values[:0], n)[:n]
			u.Inputs = l.values
		}
		for i := range n {
			kind := int(u.Inputs[i].Kind)
			c.Int(&kind)
			c.Num(&u.Inputs[i].Num)
			if c.Read {
				// Written only when decoding: encoding, u.Inputs is the
				// unit's data, shared with the reader and other sinks.
				u.Inputs[i].Kind = indicators.Kind(kind)
			}
		}
	}
	if len(u.Errors) > 0 {
		return
	}
	if slim {
		c.Cents(&u.Score)
		c.Word(&u.Grade)
		c.Cents(&u.Applicable)
	} else {
		c.Num(&u.Score)
		c.Str(&u.Grade)
		c.Num(&u.Applicable)
	}
	if c.Read {
		if len(l.inds) != len(m.Indicators) {
			l.inds, l.claimed = make([]engine.IndicatorResult, len(m.Indicators)), make([]float64, len(m.Indicators))
		}
		for k := range l.inds {
			def := &m.Indicators[k]
			l.inds[k] = engine.IndicatorResult{ID: def.ID, Label: def.Label, Group: def.Group, Weight: def.Weight, Flags: l.inds[k].Flags[:0]}
		}
		u.Indicators = l.inds
	}
	for k := range u.Indicators {
		ir := &u.Indicators[k]
		if slim {
			c.Cents(&ir.Points)
			c.Word(&ir.Status)
			nf := c.Count(len(ir.Flags))
			for i := 0; i < nf; i++ {
				if c.Read {
					ir.Flags = append(ir.Flags, "")
				}
				c.Word(&ir.Flags[i])
			}
			continue
		}
		c.Num(&ir.Points)
		c.Str(&ir.Status)
		nf := c.Count(len(ir.Flags))
		for i := 0; i < nf; i++ {
			if c.Read {
				ir.Flags = append(ir.Flags, "")
			}
			c.Str(&ir.Flags[i])
		}
		c.Flag(&ir.HasValue)
		c.Num(&ir.Value)
		c.Flag(&ir.HasTarget)
		c.Num(&ir.Target)
		claimed := ir.Claimed != nil
		c.Flag(&claimed)
		if claimed && c.Read {
			ir.Claimed = &l.claimed[k]
		}
		if claimed {
			c.Num(ir.Claimed)
		}
		c.Str(&ir.Tier)
		c.Str(&ir.Explain)
		c.Str(&ir.Reason)
		codeRatings(c, ir)
	}
	ng := c.Count(len(u.Groups))
	if c.Read {
		l.groups = slices.Grow(l.groups[:0], ng)[:ng]
		u.Groups = l.groups
	}
	for i := range ng {
		g := &u.Groups[i]
		if slim {
			c.Word(&g.Name)
			c.Cents(&g.Points)
			c.Cents(&g.Weight)
			continue
		}
		c.Str(&g.Name)
		c.Num(&g.Points)
		c.Num(&g.Weight)
	}
	var failed []engine.CheckResult
	if c.Read {
		failed = l.checks[:0]
	} else {
		for _, ch := range u.Checks {
			if !ch.OK && !ch.Skipped {
				failed = append(failed, ch)
			}
		}
	}
	n := c.Count(len(failed))
	for i := 0; i < n; i++ {
		if c.Read {
			failed = append(failed, engine.CheckResult{})
		}
		if slim {
			c.Word(&failed[i].ID)
			c.Word(&failed[i].Message)
			continue
		}
		c.Str(&failed[i].ID)
		c.Str(&failed[i].Message)
	}
	claims := u.Claimed != nil
	c.Flag(&claims)
	if claims {
		if c.Read {
			l.claim = engine.Claimed{}
			u.Claimed = &l.claim
		}
		score := u.Claimed.Score != nil
		c.Flag(&score)
		if score && c.Read {
			u.Claimed.Score = &l.score
		}
		if score {
			c.Num(u.Claimed.Score)
		}
		c.Str(&u.Claimed.Grade)
	}
	review := u.Review
	if c.Read {
		review = l.review[:0]
	}
	n = c.Count(len(review))
	for i := 0; i < n; i++ {
		if c.Read {
			review = append(review, engine.Finding{})
		}
		c.Str(&review[i].Message)
	}
	if c.Read {
		u.Checks, u.Review, l.checks, l.review = failed, review, failed, review
	}
	l.codeRules(c, u, m)
}
