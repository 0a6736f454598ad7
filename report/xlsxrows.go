package report

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
)

// xlsxRows streams the xlsx format: engine.Stream hands it the units in
// the order of its comparison sheet (by rank, or --sort), so the workbook
// is written row by row however many units come. A unit's record is what
// the xlsx writer reads of it, decoded back into a result for
// xlsxWriter.Unit, so that the workbook is byte for byte the one
// report.Write makes (engine's TestStreamLikeEval).
type xlsxRows struct {
	x *xlsxWriter
	m Meta
	u engine.UnitResult // WriteUnit's result, reused
}

func newXLSXRows(o Options, m Meta) Rows { return &xlsxRows{x: newXLSXWriter(nil, o), m: m} }

func (r *xlsxRows) Begin(w io.Writer, m Meta) error {
	r.x.w, r.m = w, m
	return r.x.Begin(m)
}

// The record of a unit: its strings as uvarint lengths and bytes, its
// floats as 8 bytes:
//
//	unit, name
//	errors   uvarint n, n × (file, line, col, code, field, value, message)
//	score, grade                               unless it failed
//	indicators: per indicator of the ruleset, points, status, flags (uvarint n, n × string)
//	checks: uvarint n, n × (id, ok|skipped<<1, message)
//	claimed: 0, or 1 then score flag (0/1, then score) and grade

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendF64(b []byte, x float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
}

func (r *xlsxRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	dst = appendStr(dst, u.Unit)
	dst = appendStr(dst, u.Name)
	dst = binary.AppendUvarint(dst, uint64(len(u.Errors)))
	for _, e := range u.Errors {
		dst = appendStr(dst, e.Pos.File)
		// uint64 of an int64 turns back into it, negative or not.
		dst = binary.AppendUvarint(dst, uint64(int64(e.Pos.Line)))
		dst = binary.AppendUvarint(dst, uint64(int64(e.Pos.Col)))
		for _, s := range []string{e.Code, e.Field, e.Value, e.Msg} {
			dst = appendStr(dst, s)
		}
	}
	if u.Failed() {
		return dst
	}
	dst = appendF64(dst, u.Score)
	dst = appendStr(dst, u.Grade)
	for k := range u.Indicators {
		ir := &u.Indicators[k]
		dst = appendF64(dst, ir.Points)
		dst = appendStr(dst, ir.Status)
		dst = binary.AppendUvarint(dst, uint64(len(ir.Flags)))
		for _, f := range ir.Flags {
			dst = appendStr(dst, f)
		}
	}
	dst = binary.AppendUvarint(dst, uint64(len(u.Checks)))
	for _, c := range u.Checks {
		dst = appendStr(dst, c.ID)
		var bits byte
		if c.OK {
			bits |= 1
		}
		if c.Skipped {
			bits |= 2
		}
		dst = append(dst, bits)
		dst = appendStr(dst, c.Message)
	}
	if u.Claimed == nil {
		return append(dst, 0)
	}
	dst = append(dst, 1)
	if u.Claimed.Score == nil {
		dst = append(dst, 0)
	} else {
		dst = appendF64(append(dst, 1), *u.Claimed.Score)
	}
	return appendStr(dst, u.Claimed.Grade)
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

func (r *xlsxRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	p := &recordReader{b: rec}
	inds, checks := r.u.Indicators[:0], r.u.Checks[:0]
	u := &r.u
	*u = engine.UnitResult{Unit: p.str(), Name: p.str(), Rank: rank}
	for n := p.uvarint(); n > 0 && !p.short; n-- {
		e := &diag.Error{}
		e.Pos.File = p.str()
		e.Pos.Line, e.Pos.Col = int(int64(p.uvarint())), int(int64(p.uvarint()))
		e.Code, e.Field, e.Value, e.Msg = p.str(), p.str(), p.str(), p.str()
		u.Errors = append(u.Errors, e)
	}
	if !u.Failed() {
		u.Score, u.Grade = p.f64(), p.str()
		for k := range r.m.Indicators {
			def := &r.m.Indicators[k]
			ir := engine.IndicatorResult{ID: def.ID, Label: def.Label, Group: def.Group, Weight: def.Weight}
			ir.Points, ir.Status = p.f64(), p.str()
			for n := p.uvarint(); n > 0 && !p.short; n-- {
				ir.Flags = append(ir.Flags, p.str())
			}
			inds = append(inds, ir)
		}
		u.Indicators = inds
		for n := p.uvarint(); n > 0 && !p.short; n-- {
			c := engine.CheckResult{ID: p.str()}
			bits := p.byte()
			c.OK, c.Skipped, c.Message = bits&1 != 0, bits&2 != 0, p.str()
			checks = append(checks, c)
		}
		u.Checks = checks
		if p.byte() == 1 {
			c := &engine.Claimed{}
			if p.byte() == 1 {
				s := p.f64()
				c.Score = &s
			}
			c.Grade = p.str()
			u.Claimed = c
		}
	}
	if p.short || len(p.b) > 0 {
		return errors.New("xlsx: a unit's record is cut short")
	}
	return r.x.Unit(u)
}

func (r *xlsxRows) End(w io.Writer, s engine.Summary) error { return r.x.End(s) }
