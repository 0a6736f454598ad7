package report

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
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
// its result (appendLean), which WriteUnit decodes for the drawer.
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
	return appendLean(dst, u, r.inputs)
}

func (r *drawRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	u, err := r.lean.read(rec, &r.m, r.inputs)
	if err != nil {
		return err
	}
	u.Rank = rank
	return r.d.unit(u)
}

func (r *drawRows) End(w io.Writer, s engine.Summary) error { return r.d.end(s) }

// The lean record of a unit result holds what the drawn formats show.
// Strings are a uvarint length and the bytes, floats 8 bytes, and a
// position's line and column uvarints of their int64:
//
//	unit, name
//	errors      uvarint n, n × (file, line, col, code, field, value, message, snippet)
//	inputs      n × (kind byte, number)            when the format asks
//	score, grade, applicable                       unless it failed
//	indicators  per indicator of the ruleset: points, status, flags (uvarint n, n × string),
//	            bits (has value, has target, claimed), value, target, claimed, tier, explain, reason
//	checks      uvarint n, n × (id, message): the failed ones only
//	claimed     0, or 1 then score flag (0/1, then score) and grade
//	review      uvarint n, n × message
//
// The labels, groups and weights of the indicators come from the meta.
const (
	leanValue = 1 << iota
	leanTarget
	leanClaimed
)

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendF64(b []byte, x float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
}

func appendLean(dst []byte, u *engine.UnitResult, inputs bool) []byte {
	dst = appendStr(dst, u.Unit)
	dst = appendStr(dst, u.Name)
	dst = binary.AppendUvarint(dst, uint64(len(u.Errors)))
	for _, e := range u.Errors {
		dst = appendStr(dst, e.Pos.File)
		// uint64 of an int64 turns back into it, negative or not.
		dst = binary.AppendUvarint(dst, uint64(int64(e.Pos.Line)))
		dst = binary.AppendUvarint(dst, uint64(int64(e.Pos.Col)))
		for _, s := range []string{e.Code, e.Field, e.Value, e.Msg, e.Snippet} {
			dst = appendStr(dst, s)
		}
	}
	if inputs {
		dst = binary.AppendUvarint(dst, uint64(len(u.Inputs)))
		for _, v := range u.Inputs {
			dst = appendF64(append(dst, byte(v.Kind)), v.Num)
		}
	}
	if u.Failed() {
		return dst
	}
	dst = appendF64(dst, u.Score)
	dst = appendStr(dst, u.Grade)
	dst = appendF64(dst, u.Applicable)
	for k := range u.Indicators {
		ir := &u.Indicators[k]
		dst = appendF64(dst, ir.Points)
		dst = appendStr(dst, ir.Status)
		dst = binary.AppendUvarint(dst, uint64(len(ir.Flags)))
		for _, f := range ir.Flags {
			dst = appendStr(dst, f)
		}
		var bits byte
		if ir.HasValue {
			bits |= leanValue
		}
		if ir.HasTarget {
			bits |= leanTarget
		}
		claimed := 0.0
		if ir.Claimed != nil {
			bits |= leanClaimed
			claimed = *ir.Claimed
		}
		dst = append(dst, bits)
		dst = appendF64(appendF64(appendF64(dst, ir.Value), ir.Target), claimed)
		dst = appendStr(appendStr(appendStr(dst, ir.Tier), ir.Explain), ir.Reason)
	}
	failed := 0
	for k := range u.Checks {
		if !u.Checks[k].OK && !u.Checks[k].Skipped {
			failed++
		}
	}
	dst = binary.AppendUvarint(dst, uint64(failed))
	for _, c := range u.Checks {
		if !c.OK && !c.Skipped {
			dst = appendStr(appendStr(dst, c.ID), c.Message)
		}
	}
	if u.Claimed == nil {
		dst = append(dst, 0)
	} else {
		dst = append(dst, 1)
		if u.Claimed.Score == nil {
			dst = append(dst, 0)
		} else {
			dst = appendF64(append(dst, 1), *u.Claimed.Score)
		}
		dst = appendStr(dst, u.Claimed.Grade)
	}
	dst = binary.AppendUvarint(dst, uint64(len(u.Review)))
	for _, f := range u.Review {
		dst = appendStr(dst, f.Message)
	}
	return dst
}

// leanUnit decodes lean records into one result, reusing its memory
// from one record to the next.
type leanUnit struct {
	u       engine.UnitResult
	inds    []engine.IndicatorResult
	checks  []engine.CheckResult
	review  []engine.Finding
	values  []indicators.Value
	claimed []float64 // the indicators' claims, one slot each
	score   float64   // the unit's claimed score
	claim   engine.Claimed
}

// recordReader reads the fields of a record, noting a short one.
type recordReader struct {
	b     []byte
	short bool
}

func (p *recordReader) uvarint() uint64 {
	x, n := binary.Uvarint(p.b)
	if n <= 0 {
		p.short = true
		return 0
	}
	p.b = p.b[n:]
	return x
}

func (p *recordReader) byte() byte {
	if len(p.b) < 1 {
		p.short = true
		return 0
	}
	c := p.b[0]
	p.b = p.b[1:]
	return c
}

func (p *recordReader) f64() float64 {
	if len(p.b) < 8 {
		p.short = true
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64(p.b))
	p.b = p.b[8:]
	return x
}

func (p *recordReader) str() string {
	n := p.uvarint()
	if p.short || n > uint64(len(p.b)) {
		p.short = true
		return ""
	}
	s := string(p.b[:n])
	p.b = p.b[n:]
	return s
}

// read decodes a record of appendLean made with the same inputs.
func (l *leanUnit) read(rec []byte, m *Meta, inputs bool) (*engine.UnitResult, error) {
	p := &recordReader{b: rec}
	u := &l.u
	*u = engine.UnitResult{Unit: p.str(), Name: p.str()}
	for n := p.uvarint(); n > 0 && !p.short; n-- {
		e := &diag.Error{}
		e.Pos.File = p.str()
		e.Pos.Line, e.Pos.Col = int(int64(p.uvarint())), int(int64(p.uvarint()))
		e.Code, e.Field, e.Value, e.Msg, e.Snippet = p.str(), p.str(), p.str(), p.str(), p.str()
		u.Errors = append(u.Errors, e)
	}
	if inputs {
		l.values = l.values[:0]
		for n := p.uvarint(); n > 0 && !p.short; n-- {
			l.values = append(l.values, indicators.Value{Kind: indicators.Kind(p.byte()), Num: p.f64()})
		}
		u.Inputs = l.values
	}
	if u.Failed() {
		if p.short || len(p.b) > 0 {
			return nil, errors.New("report: a unit's record is cut short")
		}
		return u, nil
	}
	u.Score, u.Grade, u.Applicable = p.f64(), p.str(), p.f64()
	if len(l.inds) != len(m.Indicators) {
		l.inds, l.claimed = make([]engine.IndicatorResult, len(m.Indicators)), make([]float64, len(m.Indicators))
	}
	for k := range l.inds {
		def, ir := &m.Indicators[k], &l.inds[k]
		*ir = engine.IndicatorResult{ID: def.ID, Label: def.Label, Group: def.Group, Weight: def.Weight, Flags: ir.Flags[:0]}
		ir.Points, ir.Status = p.f64(), p.str()
		for n := p.uvarint(); n > 0 && !p.short; n-- {
			ir.Flags = append(ir.Flags, p.str())
		}
		bits := p.byte()
		ir.Value, ir.Target, l.claimed[k] = p.f64(), p.f64(), p.f64()
		ir.HasValue, ir.HasTarget = bits&leanValue != 0, bits&leanTarget != 0
		if bits&leanClaimed != 0 {
			ir.Claimed = &l.claimed[k]
		}
		ir.Tier, ir.Explain, ir.Reason = p.str(), p.str(), p.str()
	}
	u.Indicators = l.inds
	l.checks = l.checks[:0]
	for n := p.uvarint(); n > 0 && !p.short; n-- {
		l.checks = append(l.checks, engine.CheckResult{ID: p.str(), Message: p.str()})
	}
	u.Checks = l.checks
	if p.byte() == 1 {
		l.claim = engine.Claimed{}
		if p.byte() == 1 {
			l.score = p.f64()
			l.claim.Score = &l.score
		}
		l.claim.Grade = p.str()
		u.Claimed = &l.claim
	}
	l.review = l.review[:0]
	for n := p.uvarint(); n > 0 && !p.short; n-- {
		l.review = append(l.review, engine.Finding{Message: p.str()})
	}
	u.Review = l.review
	if p.short || len(p.b) > 0 {
		return nil, errors.New("report: a unit's record is cut short")
	}
	return u, nil
}
