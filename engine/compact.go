package engine

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"unsafe"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Compact records. A sink that writes many bytes a unit from few fields
// of its result (monitor's csv: a value, an expected value, a light and a
// reason for each indicator) need not have the units read and scored
// twice, nor its rendered rows kept: the first pass keeps of each unit a
// compact record — its record header and, per indicator, the status,
// value, tier and target — in the spill (some 170 bytes a grid-center
// unit), and once the ranks are known the workers turn the records back
// into results and render them, handing them to the sink in input order
// as a second reading does. Data from a pipe needs no temporary copy.

// compactRenderer is a sink whose Render needs of a result only what a
// compact record keeps, when RendersCompact returns true: Unit, Name, Pos,
// Errors, Score, Grade and the failed Checks (the passed ones are left
// out), and of each indicator its ID, Label, Weight, Status, Value
// (HasValue), Tier and Target (HasTarget). Render must give the same bytes
// before Start or after.
type compactRenderer interface {
	RendersCompact() bool
}

// The flags of an indicator in a compact record.
const (
	cxValue       = 1 << iota // a value follows
	cxIntValue                // the value is an integer, as a varint
	cxTarget                  // a target follows, unless cxConstTarget
	cxConstTarget             // the target is the ruleset's number
	cxTier                    // a tier follows
)

// The status lies in the flags' top 3 bits: its index in
// compactStatuses, or cxStatusText when it is written out after them.
const (
	cxStatusShift = 5
	cxStatusText  = 7
)

var compactStatuses = [4]string{indicators.StatusOK, indicators.StatusMissing, indicators.StatusNA, indicators.StatusError}

// appendCompact appends the indicators of r to a compact record.
func (p *Program) appendCompact(b []byte, r *UnitResult) []byte {
	if r.Failed() {
		return b // the header holds the errors
	}
	for k := range r.Indicators {
		ir := &r.Indicators[k]
		status := cxStatusText
		for i, s := range compactStatuses {
			if ir.Status == s {
				status = i
				break
			}
		}
		flags := byte(status) << cxStatusShift
		intValue := ir.HasValue && ir.Value == math.Trunc(ir.Value) && math.Abs(ir.Value) < 1<<53 &&
			!(ir.Value == 0 && math.Signbit(ir.Value))
		if ir.HasValue {
			flags |= cxValue
			if intValue {
				flags |= cxIntValue
			}
		}
		ci := &p.inds[k]
		if ir.HasTarget {
			flags |= cxTarget
			if ci.hasTargetConst && math.Float64bits(ir.Target) == math.Float64bits(ci.targetConst) {
				flags |= cxConstTarget
			}
		}
		if ir.Tier != "" {
			flags |= cxTier
		}
		b = append(b, flags)
		if status == cxStatusText {
			b = appendString(b, ir.Status)
		}
		switch {
		case intValue:
			b = binary.AppendVarint(b, int64(ir.Value))
		case ir.HasValue:
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(ir.Value))
		}
		if flags&(cxTarget|cxConstTarget) == cxTarget {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(ir.Target))
		}
		if ir.Tier != "" {
			b = appendString(b, ir.Tier)
		}
	}
	return b
}

// decodeCompact sets r to the result a compact record h keeps (see
// compactRenderer), its file being file; r's indicators are reused.
func (p *Program) decodeCompact(h *header, file string, r *UnitResult) error {
	inds, checks := r.Indicators[:0], r.Checks[:0]
	*r = UnitResult{Unit: string(h.unit), Name: string(h.name), Pos: diag.Pos{File: file, Line: h.line}, Checks: checks}
	if h.flags&recFailed != 0 {
		r.Errors = decodeErrors(h.errors)
		return nil
	}
	r.Checks = p.decodeChecks(h, r.Checks[:0])
	r.Score = indicators.FromCents(h.cents)
	if h.grade < len(p.rs.Grades) {
		r.Grade = p.rs.Grades[h.grade].Label
	}
	if cap(inds) < len(p.inds) {
		inds = make([]IndicatorResult, len(p.inds))
	}
	r.Indicators = inds[:len(p.inds)]
	d := parser{b: h.payload}
	for k := range r.Indicators {
		ci := &p.inds[k]
		ir := &r.Indicators[k]
		if len(ir.ID) == len(ci.def.ID) && unsafe.StringData(ir.ID) == unsafe.StringData(ci.def.ID) {
			// Set up by the unit before, and only these fields decoded
			// since: clearing the whole result costs more than decoding.
			ir.Value, ir.HasValue, ir.Tier, ir.Target, ir.HasTarget = 0, false, "", 0, false
		} else {
			*ir = IndicatorResult{ID: ci.def.ID, Label: ci.def.Label, Group: ci.def.Group, Weight: ci.def.Weight}
		}
		flags := d.byte()
		if s := int(flags >> cxStatusShift); s < len(compactStatuses) {
			ir.Status = compactStatuses[s]
		} else {
			ir.Status = string(d.str())
		}
		switch {
		case flags&cxIntValue != 0:
			ir.Value, ir.HasValue = float64(d.varint()), true
		case flags&cxValue != 0:
			ir.Value, ir.HasValue = math.Float64frombits(binary.LittleEndian.Uint64(d.bytes(8))), true
		}
		switch {
		case flags&cxConstTarget != 0:
			ir.Target, ir.HasTarget = ci.targetConst, true
		case flags&cxTarget != 0:
			ir.Target, ir.HasTarget = math.Float64frombits(binary.LittleEndian.Uint64(d.bytes(8))), true
		}
		if flags&cxTier != 0 {
			ir.Tier = tierText(d.str())
		}
		if d.short {
			return errors.New("stream: a record was cut short")
		}
	}
	if d.off != len(d.b) {
		return errors.New("stream: a compact record is longer than its indicators")
	}
	return nil
}

// decodeChecks appends to dst the failed checks of a record's header h:
// their ids, and their messages without allocating unless the record
// wrote one out (a message of its own, not the check's fail message).
func (p *Program) decodeChecks(h *header, dst []CheckResult) []CheckResult {
	d := parser{b: h.checks}
	for i := 0; i < h.nchecks && !d.short; i++ {
		x := d.uvarint()
		k := int(x >> 1)
		if k >= len(p.checks) {
			break
		}
		c := CheckResult{ID: p.checks[k].def.ID, Message: p.checks[k].failMsg}
		if x&1 != 0 {
			c.Message = string(d.str())
		}
		dst = append(dst, c)
	}
	return dst
}

// tierText is a tier as a string, without allocating for A, B and C.
func tierText(b []byte) string {
	if len(b) == 1 && b[0] >= 'A' && b[0] <= 'C' {
		return tierString(b[0])
	}
	return string(b)
}

// spillRuns is the source of the second pass over compact records: the
// runs of records of the spill in input order, each with the file of its
// first record.
type spillRuns struct {
	st   *streamer
	seg  int
	file string
}

// Next makes spillRuns a source for streamer.score, which reads it a run
// at a time (next) and never unit by unit.
func (s *spillRuns) Next() (*indicators.Unit, error) {
	return nil, errors.New("stream: compact records are read a run at a time")
}

// next reads the next run of records into buf.
func (s *spillRuns) next(buf []byte) (run []byte, file string, err error) {
	if s.seg == len(s.st.segs) {
		return nil, "", io.EOF
	}
	seg := s.st.segs[s.seg]
	s.seg++
	run, err = s.st.spill.ReadAt(seg.off, seg.n, buf)
	if err != nil {
		return nil, "", err
	}
	// The file of the run's first record, then of those after it.
	file = s.file
	var h header
	first := true
	for b := run; len(b) > 0; {
		n, ok := parseRecord(b, &h, false)
		if !ok {
			return nil, "", errors.New("stream: a record was cut short")
		}
		if h.file != nil {
			s.file = string(h.file)
			if first {
				file = s.file
			}
		}
		first = false
		b = b[n:]
	}
	return run, file, nil
}

// recompose is the second pass over compact records: the workers turn
// each run of them back into results, render them and hand them to the
// sink in input order, as a second reading does.
func (st *streamer) recompose() error {
	st.ranks.finish()
	st.pass2 = true
	st.turn.cond.L = &st.turn.mu
	st.em = emitter{st: st}
	if err := st.score(&spillRuns{st: st}); err != nil {
		return err
	}
	if err := st.turn.failed; err != nil {
		return err
	}
	if st.emitted != st.units {
		return errors.New("stream: the compact records are not every unit")
	}
	return nil
}

// workRun renders a run of compact records (a job of recompose).
func (st *streamer) workRun(wk *worker, j *job) {
	file := j.file
	var h header
	var u indicators.Unit
	rfile := ""
	for i, b := 0, j.run; len(b) > 0; i++ {
		if len(wk.out) >= spillBytes && st.mayFlush(wk, j) {
			if err := st.flush(wk, j); err != nil {
				j.err = err
				return
			}
		}
		n, ok := parseRecord(b, &h, true)
		if !ok {
			j.err = errors.New("stream: a record was cut short")
			return
		}
		if h.file != nil {
			file = string(h.file)
		}
		if err := st.p.decodeCompact(&h, file, &wk.r); err != nil {
			j.err = err
			return
		}
		u.Pos = wk.r.Pos
		st.record(wk, j, &u, &wk.r, i, &rfile)
		b = b[n:]
	}
}
