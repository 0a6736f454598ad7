package report

import (
	"bufio"
	"encoding/binary"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Rows is a format that renders each unit on its own into bytes, with a
// hole where the rank goes: engine.Stream's workers render units as they
// are scored, and the records are written, ranks filled in, once every
// unit is scored.
type Rows interface {
	// Begin writes what comes before the first unit.
	Begin(w io.Writer, m Meta) error
	// AppendUnit appends the record of u to dst. It must be safe for
	// concurrent use and must not keep u or dst.
	AppendUnit(dst []byte, u *engine.UnitResult) []byte
	// WriteUnit writes a record of AppendUnit with the unit's rank (0 for
	// a unit that failed). It is called for one record at a time, in
	// order, so it may keep state and scratch memory in the format, but
	// not the record.
	WriteUnit(w io.Writer, rec []byte, rank int) error
	// End writes what comes after the last unit.
	End(w io.Writer, s engine.Summary) error
}

// Sink writes a report as engine.Stream evaluates: it is the engine.Sink
// that renders units on the workers through the format's Rows and writes
// them in order with their ranks. It is where --sort (an ordering engine.Sink)
// and --units are done, for every format. Meta may be changed until Stream calls Start
// (to stamp the data's digest, known only once it is all read).
type Sink struct {
	Meta Meta
	// Digest, when set, gives the data's digest at Start, for Meta.Data.
	Digest func() string
	w      *bufio.Writer
	rows   Rows
	order  *streamOrder // the order of the units, nil for input order

	// For --units: the ids to keep in the order given, the kept ones
	// seen so far (Render runs on the workers), and the summary of the
	// kept units (units, errors, grades).
	keep   map[string]bool
	wanted []string
	mu     sync.Mutex
	seen   map[string]bool
	// named has, for a wanted word that is some unit's name (--units
	// 区教育局), the ids of the units bearing it: Start refuses a name
	// that picks more than one unit, or one unit besides the unit of
	// that id, before anything is written.
	named map[string][]string
	kept  engine.Summary
	pr    msg.Printer // words the errors of --units in Options.Lang
}

// NewSink returns the sink of format f writing to w, or an error when
// o.Sort names no column. It has engine.Stream hand it the units in the
// order of o.Sort (the format's default when empty); with o.Units it keeps
// those units, and its Start fails, before anything is written, when the
// data holds no unit of one of the ids.
func NewSink(w io.Writer, f Format, o Options, m Meta) (*Sink, error) {
	key := o.Sort
	if key == "" {
		key = f.Sort
	}
	pr := msg.For(o.Lang)
	order, err := sortOrder(m, key, pr)
	if err != nil {
		return nil, err
	}
	s := &Sink{Meta: m, w: bufio.NewWriterSize(w, 256<<10), order: order, rows: f.Rows(o, m), pr: pr}
	if of, ok := w.(outputFile); ok {
		if r, ok := s.rows.(outputSetter); ok {
			r.setOutput(of)
		}
	}
	if s.keep, s.wanted = wantedUnits(o.Units); s.keep != nil {
		s.seen, s.named = map[string]bool{}, map[string][]string{}
	}
	return s, nil
}

// Ordered tells engine.Stream whether the units come in an order of their
// own (an ordering engine.Sink).
func (s *Sink) Ordered() bool { return s.order != nil }

// OrderKey is a scored unit's place in that order (an ordering engine.Sink).
func (s *Sink) OrderKey(u *engine.UnitResult) engine.OrderKey { return s.order.key(u) }

// CompareKeys compares two places in that order (an ordering engine.Sink).
func (s *Sink) CompareKeys(a, b engine.OrderKey) int { return s.order.compare(a, b) }

// Keeps reports whether the report shows unit u (all, unless --units):
// engine's statistics describe the units a report shows.
func (s *Sink) Keeps(u *engine.UnitResult) bool {
	return s.keep == nil || s.keep[u.Unit] || s.keep[u.Name]
}

// Render renders one unit (engine.Sink). With --units, the record starts
// with a tag for Emit: 0 a unit not kept (and nothing else); else a kind
// shifted left by 2, 1 a failed unit, 2 a scored unit of no grade band,
// 3+j one of band j, with bit 1 set for a unit with a missing indicator
// and bit 2 for one with failed checks, then their number.
func (s *Sink) Render(dst []byte, u *engine.UnitResult) []byte {
	if s.keep == nil {
		return s.rows.AppendUnit(dst, u)
	}
	if !s.Keeps(u) {
		return append(dst, 0)
	}
	s.mu.Lock()
	if s.keep[u.Unit] {
		s.seen[u.Unit] = true
	}
	if s.keep[u.Name] && u.Name != u.Unit && !slices.Contains(s.named[u.Name], u.Unit) {
		s.named[u.Name] = append(s.named[u.Name], u.Unit)
	}
	s.mu.Unlock()
	tag := 1
	if !u.Failed() {
		tag = 2
		for j, g := range s.Meta.Grades {
			if g.Label == u.Grade {
				tag = 3 + j
				break
			}
		}
	}
	tag <<= 2
	if !u.Failed() && u.HasMissing() {
		tag |= 1
	}
	checks := u.FailedChecks()
	if checks > 0 {
		tag |= 2
	}
	dst = binary.AppendUvarint(dst, uint64(tag))
	if checks > 0 {
		dst = binary.AppendUvarint(dst, uint64(checks))
	}
	return s.rows.AppendUnit(dst, u)
}

// Start writes the beginning of the report (engine.Sink).
func (s *Sink) Start(sum engine.Summary) error {
	if sum.Claimed > 0 {
		s.Meta.HasClaims = true
	}
	s.Meta.HasFailedChecks = sum.CheckUnits > 0
	s.Meta.Population = sum.Units
	s.Meta.Populations = sum.Populations
	if s.keep != nil {
		if err := unknownUnits(s.pr, s.wanted, s.seen, s.named); err != nil {
			return err
		}
		s.kept = engine.Summary{}
		for _, g := range s.Meta.Grades {
			s.kept.Grades = append(s.kept.Grades, engine.GradeCount{Label: g.Label})
		}
	}
	if s.Digest != nil && s.Meta.Data != nil {
		d := *s.Meta.Data
		d.SHA256 = s.Digest()
		s.Meta.Data = &d
	}
	return s.rows.Begin(s.w, s.Meta)
}

// Emit writes one unit with its rank (engine.Sink).
func (s *Sink) Emit(rec []byte, rank int) error {
	if s.keep != nil {
		tag, n := binary.Uvarint(rec)
		if tag == 0 {
			return nil
		}
		rec = rec[n:]
		s.kept.Units++
		if tag&1 != 0 {
			s.kept.MissingUnits++
		}
		if tag&2 != 0 {
			checks, n := binary.Uvarint(rec)
			rec = rec[n:]
			s.kept.CheckUnits++
			s.kept.FailedChecks += int(checks)
		}
		tag >>= 2
		switch {
		case tag == 1:
			s.kept.Errors++
		case tag >= 3:
			s.kept.Grades[tag-3].Units++
		}
	}
	return s.rows.WriteUnit(s.w, rec, rank)
}

// End writes the end of the report and flushes it. With --units, the
// summary it writes is of the kept units.
func (s *Sink) End(sum engine.Summary) error {
	if s.keep != nil {
		s.kept.Indicators, s.kept.Groups, s.kept.Score = sum.Indicators, sum.Groups, sum.Score
		sum = s.kept
	}
	if err := s.rows.End(s.w, sum); err != nil {
		return err
	}
	return s.w.Flush()
}

// appendNum appends Num(x) without formatting through fmt: a score or
// points value is a Round2 result, the double nearest to some k/100, whose
// two-decimal form is the digits of k. Whatever is not (checked by
// turning k back into x) goes through Num.
func appendNum(b []byte, x float64) []byte {
	if c := x * 100; c > 0 && c < 1e15 {
		k := int64(c + 0.5)
		if indicators.FromCents(k) == x {
			return appendCents(b, k)
		}
	} else if c < 0 && c > -1e15 {
		// A budget change (预算调整额: −0.05 × budget) is negative.
		k := int64(0.5 - c)
		if -indicators.FromCents(k) == x {
			return appendCents(append(b, '-'), k)
		}
	} else if x == 0 && !math.Signbit(x) {
		return append(b, '0')
	}
	return append(b, Num(x)...)
}

// appendCents appends k/100 with at most two decimals, no trailing zeros.
func appendCents(b []byte, k int64) []byte {
	ip, fp := k/100, k%100
	switch {
	case ip < 10:
		b = append(b, byte('0'+ip))
	case ip < 100:
		b = append(b, byte('0'+ip/10), byte('0'+ip%10))
	default:
		b = strconv.AppendInt(b, ip, 10)
	}
	if fp != 0 {
		b = append(b, '.', byte('0'+fp/10))
		if fp%10 != 0 {
			b = append(b, byte('0'+fp%10))
		}
	}
	return b
}

// Statistics reports whether the report shows the statistics of the
// units (an engine.Sink may say it does not): a csv has no summary, and
// monitor shows them only in json, so engine.Stream spares every unit
// their record.
func (s *Sink) Statistics() bool {
	switch r := s.rows.(type) {
	case *csvRows:
		return false
	case *monitorRows:
		return r.f == "json"
	}
	return true
}

// RendersLate reports whether the sink would have engine.Stream score a
// data file twice — rendering each unit in the second pass, after Start —
// rather than keep every rendered unit in a temporary file as large as
// the output. Render must then give the same record before Start or
// after: not so with --units, which notes the units seen as it renders.
// Chosen by measurement (bench/whole.sh, 2 cores): json, whose units run
// to kilobytes, is as fast or faster scored twice (100,000 units with
// explanations: 0.9 the CPU time, and no 866 MB temporary file), and so
// is csv with explanations (4.3 kB a unit); csv without them, some 600
// bytes a unit, is not (a million units: 1.4 the CPU time).
func (s *Sink) RendersLate() bool {
	if s.keep != nil {
		return false
	}
	switch r := s.rows.(type) {
	case *jsonRows:
		return true
	case *csvRows:
		return r.o.Explain
	case *monitorRows:
		return r.rendersLate()
	}
	return false
}

// RendersCompact reports whether the sink would have engine.Stream keep
// each unit as a compact record between its passes — the values, tiers
// and targets of its indicators — and render it once the ranks are known,
// rather than score a data file twice or keep every rendered row: monitor's
// csv, which writes a value, an expected value, a light and a reason for
// each indicator (over a kilobyte a unit) from those alone, and from data
// in a pipe as fast as from a file. Its Render gives the same bytes before
// Start or after.
func (s *Sink) RendersCompact() bool {
	if s.keep != nil {
		return false
	}
	r, ok := s.rows.(*monitorRows)
	return ok && r.rendersCompact()
}

// Bands reports whether the sink would have engine.Stream write the
// units of a data file in its order by reading the file again a band of
// that order at a time, rather than keep every record in a temporary
// file until the order is known: the xlsx, whose 评分表 comes by rank
// (or --sort) and whose records of a million units (251 MB) outweigh the
// workbook. Render gives the same record in every reading (the word
// table numbers each text once), and the --units it notes are the same.
func (s *Sink) Bands() bool {
	r, ok := s.rows.(*drawRows)
	if !ok {
		return false
	}
	_, ok = r.d.(*xlsxWriter)
	return ok
}
