package report

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
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
	lean   leanUnit
}

func (r *drawRows) Begin(w io.Writer, m Meta) error {
	r.m = m
	return r.d.begin(w, m)
}

func (r *drawRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	c := leanCodec{b: dst}
	var l leanUnit
	l.code(&c, u, &r.m, r.inputs)
	return c.b
}

func (r *drawRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	c := leanCodec{b: rec, read: true}
	u := &r.lean.u
	r.lean.code(&c, u, &r.m, r.inputs)
	if c.short || len(c.b) > 0 {
		return errors.New("report: a unit's record is cut short")
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

// leanCodec writes a record to b, or reads one from b when read is set:
// strings as a uvarint length and the bytes, numbers as 8 bytes, ints as
// uvarints of their int64, flags as a byte.
type leanCodec struct {
	b     []byte
	read  bool
	short bool // a read ran past the end
}

func (c *leanCodec) take(n int) []byte {
	if c.short || n < 0 || n > len(c.b) {
		c.short, c.b = true, nil
		return nil
	}
	b := c.b[:n]
	c.b = c.b[n:]
	return b
}

func (c *leanCodec) int(x *int) {
	if !c.read {
		c.b = binary.AppendUvarint(c.b, uint64(int64(*x)))
		return
	}
	v, n := binary.Uvarint(c.b)
	if n <= 0 {
		n = -1
	}
	c.take(n)
	*x = int(int64(v))
}

func (c *leanCodec) str(s *string) {
	if !c.read {
		c.b = append(binary.AppendUvarint(c.b, uint64(len(*s))), *s...)
		return
	}
	var n int
	c.int(&n)
	*s = string(c.take(n))
}

func (c *leanCodec) num(x *float64) {
	if !c.read {
		c.b = binary.LittleEndian.AppendUint64(c.b, math.Float64bits(*x))
	} else if b := c.take(8); b != nil {
		*x = math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
}

func (c *leanCodec) flag(ok *bool) {
	n := 0
	if *ok {
		n = 1
	}
	c.int(&n)
	if c.read {
		*ok = n == 1
	}
}

// any codes a finding's claimed or rules value: nil, a number or a text.
func (c *leanCodec) any(v *any) {
	kind := 0
	switch (*v).(type) {
	case float64:
		kind = 1
	case string:
		kind = 2
	}
	c.int(&kind)
	switch kind {
	case 1:
		x, _ := (*v).(float64)
		c.num(&x)
		*v = x
	case 2:
		s, _ := (*v).(string)
		c.str(&s)
		*v = s
	}
}

// codeErrors codes the errors of a unit that failed.
func codeErrors(c *leanCodec, u *engine.UnitResult) {
	n := c.count(len(u.Errors))
	for i := 0; i < n; i++ {
		if c.read {
			u.Errors = append(u.Errors, &diag.Error{})
		}
		e := u.Errors[i]
		c.str(&e.Pos.File)
		c.int(&e.Pos.Line)
		c.int(&e.Pos.Col)
		for _, s := range []*string{&e.Code, &e.Field, &e.Value, &e.Msg, &e.Snippet} {
			c.str(s)
		}
	}
}

// count codes the length of a slice; read, it is 0 for a record cut
// short, so that no loop runs past it.
func (c *leanCodec) count(n int) int {
	c.int(&n)
	if c.short || n < 0 || n > len(c.b) && c.read {
		c.short = true
		return 0
	}
	return n
}

// leanUnit is the result lean records are read into, reusing its memory
// from one record to the next.
type leanUnit struct {
	u       engine.UnitResult
	inds    []engine.IndicatorResult
	checks  []engine.CheckResult
	review  []engine.Finding
	values  []indicators.Value
	claimed []float64 // the indicators' claims, one slot each
	claim   engine.Claimed
	score   float64 // the unit's claimed score
}

// code writes or reads the lean record of u: what the drawn formats show
// of a unit result. The labels, groups and weights of the indicators come
// from the meta, and only the checks that failed are kept. Written, u is
// only read.
func (l *leanUnit) code(c *leanCodec, u *engine.UnitResult, m *Meta, inputs bool) {
	if c.read {
		*u = engine.UnitResult{}
	}
	c.str(&u.Unit)
	c.str(&u.Name)
	codeErrors(c, u)
	if inputs {
		n := c.count(len(u.Inputs))
		if c.read {
			l.values = slices.Grow(l.values[:0], n)[:n]
			u.Inputs = l.values
		}
		for i := range n {
			kind := int(u.Inputs[i].Kind)
			c.int(&kind)
			c.num(&u.Inputs[i].Num)
			if c.read {
				// Written only when decoding: encoding, u.Inputs is the
				// unit's data, shared with the reader and other sinks.
				u.Inputs[i].Kind = indicators.Kind(kind)
			}
		}
	}
	if len(u.Errors) > 0 {
		return
	}
	c.num(&u.Score)
	c.str(&u.Grade)
	c.num(&u.Applicable)
	if c.read {
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
		c.num(&ir.Points)
		c.str(&ir.Status)
		nf := c.count(len(ir.Flags))
		for i := 0; i < nf; i++ {
			if c.read {
				ir.Flags = append(ir.Flags, "")
			}
			c.str(&ir.Flags[i])
		}
		c.flag(&ir.HasValue)
		c.num(&ir.Value)
		c.flag(&ir.HasTarget)
		c.num(&ir.Target)
		claimed := ir.Claimed != nil
		c.flag(&claimed)
		if claimed && c.read {
			ir.Claimed = &l.claimed[k]
		}
		if claimed {
			c.num(ir.Claimed)
		}
		c.str(&ir.Tier)
		c.str(&ir.Explain)
		c.str(&ir.Reason)
	}
	var failed []engine.CheckResult
	if c.read {
		failed = l.checks[:0]
	} else {
		for _, ch := range u.Checks {
			if !ch.OK && !ch.Skipped {
				failed = append(failed, ch)
			}
		}
	}
	n := c.count(len(failed))
	for i := 0; i < n; i++ {
		if c.read {
			failed = append(failed, engine.CheckResult{})
		}
		c.str(&failed[i].ID)
		c.str(&failed[i].Message)
	}
	claims := u.Claimed != nil
	c.flag(&claims)
	if claims {
		if c.read {
			l.claim = engine.Claimed{}
			u.Claimed = &l.claim
		}
		score := u.Claimed.Score != nil
		c.flag(&score)
		if score && c.read {
			u.Claimed.Score = &l.score
		}
		if score {
			c.num(u.Claimed.Score)
		}
		c.str(&u.Claimed.Grade)
	}
	review := u.Review
	if c.read {
		review = l.review[:0]
	}
	n = c.count(len(review))
	for i := 0; i < n; i++ {
		if c.read {
			review = append(review, engine.Finding{})
		}
		c.str(&review[i].Message)
	}
	if c.read {
		u.Checks, u.Review, l.checks, l.review = failed, review, failed, review
	}
}
