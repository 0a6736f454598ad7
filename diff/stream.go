package diff

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/record"
	"github.com/jixiao/jixiao/spill"
)

// Recorder is one side of a streamed comparison: the engine.Sink of one
// ruleset's engine.Stream over the units, keeping of each unit only what a
// comparison needs (id, name, score, grade, rank, errors, each indicator's
// points and whether it is 不适用), in a spill, so that memory stays flat
// however many units there are. Compare matches the units of two
// recorders.
type Recorder struct {
	ruleset engine.RulesetInfo
	grades  []string
	pops    []indicators.RelativeStat // of the relative indicators (比较法)
	sp      *spill.Spill
	// first is where the first record of each unit id lies: a repeated id
	// failed in the data already, and the first is the one compared.
	first map[string]span
	buf   []byte
}

type span struct {
	off int64
	n   int
}

// recorderMem is how many bytes of records a Recorder keeps in memory
// before it spills them to a temporary file.
const recorderMem = 8 << 20

// NewRecorder returns the recorder of p's results.
func NewRecorder(p *engine.Program) *Recorder {
	rs := p.Ruleset()
	info := engine.RulesetInfo{ID: rs.ID, Title: rs.Title, Version: rs.Version, SHA256: rs.SHA256}
	return &Recorder{ruleset: info, sp: spill.New(recorderMem), first: map[string]span{}}
}

// Close drops the records.
func (r *Recorder) Close() { r.sp.Close() }

// Render codes what the comparison needs of u (engine.Sink).
func (r *Recorder) Render(dst []byte, u *engine.UnitResult) []byte {
	c := record.Codec{B: dst}
	codeUnit(&c, u)
	return c.B
}

// Start notes the grade labels (engine.Sink).
func (r *Recorder) Start(s engine.Summary) error {
	r.grades = gradeLabels(s)
	r.pops = s.Populations
	return nil
}

// Emit keeps a unit's record with its rank (engine.Sink).
func (r *Recorder) Emit(rec []byte, rank int) error {
	r.buf = binary.AppendUvarint(r.buf[:0], uint64(rank))
	r.buf = append(r.buf, rec...)
	if _, err := r.sp.Write(binary.AppendUvarint(nil, uint64(len(r.buf)))); err != nil {
		return err
	}
	sp := span{off: r.sp.Len(), n: len(r.buf)}
	if _, err := r.sp.Write(r.buf); err != nil {
		return err
	}
	c := record.Codec{B: rec, Read: true}
	var id string
	c.Str(&id)
	if _, dup := r.first[id]; !dup {
		r.first[id] = sp
	}
	return nil
}

// Compare compares the units recorded under the old and the new ruleset,
// matched by unit id, as Diff compares two results: the old units in their
// order, then the units only the new side has. data names the units.
func Compare(old, new *Recorder, data *engine.DataInfo) (*Comparison, error) {
	b := NewBuilder(old.ruleset, new.ruleset, old.grades, new.grades, data)
	var o, n decoded
	var nbuf []byte
	err := old.each(&o, func(at span, ou *engine.UnitResult) error {
		if old.first[ou.Unit] != at {
			return nil
		}
		sp, ok := new.first[ou.Unit]
		if !ok {
			b.Add(ou, nil)
			return nil
		}
		if cap(nbuf) < sp.n {
			nbuf = make([]byte, sp.n)
		}
		rec, err := new.sp.ReadAt(sp.off, sp.n, nbuf)
		if err != nil {
			return err
		}
		nu, err := n.decode(rec)
		if err != nil {
			return err
		}
		b.Add(ou, nu)
		return nil
	})
	if err == nil {
		err = new.each(&n, func(at span, nu *engine.UnitResult) error {
			if _, inOld := old.first[nu.Unit]; !inOld && new.first[nu.Unit] == at {
				b.Add(nil, nu)
			}
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("compare the results: %w", err)
	}
	c := b.Comparison()
	c.Populations = populationChanges(old.pops, new.pops)
	return c, nil
}

// each calls fn with every record in order, decoded into d.
func (r *Recorder) each(d *decoded, fn func(at span, u *engine.UnitResult) error) error {
	sec, err := r.sp.Section(0, r.sp.Len())
	if err != nil {
		return err
	}
	br := bufio.NewReader(sec)
	var buf []byte
	at := int64(0)
	for {
		n, err := binary.ReadUvarint(br)
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		at += int64(uvarintLen(n))
		if uint64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(br, buf); err != nil {
			return err
		}
		u, err := d.decode(buf)
		if err != nil {
			return err
		}
		if err := fn(span{off: at, n: int(n)}, u); err != nil {
			return err
		}
		at += int64(n)
	}
}

func uvarintLen(x uint64) int { return len(binary.AppendUvarint(nil, x)) }

// decoded is the unit result records are read into, its memory reused
// from one record to the next but for what a comparison keeps (errors).
type decoded struct {
	u      engine.UnitResult
	inds   []engine.IndicatorResult
	intern map[string]string // indicator ids and labels, read once
}

func (d *decoded) decode(rec []byte) (*engine.UnitResult, error) {
	c := record.Codec{B: rec, Read: true}
	var rank int
	c.Int(&rank)
	d.u = engine.UnitResult{Indicators: d.inds[:0]}
	if d.intern == nil {
		d.intern = map[string]string{}
	}
	c.Intern = d.intern
	codeUnit(&c, &d.u)
	if c.Short {
		return nil, errors.New("a unit's record is cut short")
	}
	d.inds = d.u.Indicators
	d.u.Rank = rank
	return &d.u, nil
}

// codeUnit writes or reads what a comparison needs of u.
func codeUnit(c *record.Codec, u *engine.UnitResult) {
	c.Str(&u.Unit)
	c.Str(&u.Name)
	c.Num(&u.Score)
	c.Num(&u.Applicable)
	c.Str(&u.Grade)
	c.Errors(&u.Errors)
	n := c.Count(len(u.Indicators))
	for i := 0; i < n; i++ {
		if c.Read {
			u.Indicators = append(u.Indicators, engine.IndicatorResult{})
		}
		ir := &u.Indicators[i]
		c.Name(&ir.ID)
		c.Name(&ir.Label)
		c.Num(&ir.Points)
		// Of the status, a comparison needs only 不适用, which rescales
		// the total (Unit.Rescaling): a byte, not the status's text.
		na := ir.Status == indicators.StatusNA
		c.Flag(&na)
		if c.Read {
			ir.Status = ""
			if na {
				ir.Status = indicators.StatusNA
			}
		}
	}
	// The rules above the row (a rule change as a cause): 0 when the
	// ruleset has none, else 1 + how many applied.
	n = 0
	if u.Adjustments != nil {
		n = 1 + len(u.Adjustments)
	}
	if n = c.Count(n); n > 0 {
		if c.Read {
			u.Adjustments = make([]engine.Adjustment, n-1)
		}
		for i := range u.Adjustments {
			a := &u.Adjustments[i]
			c.Name(&a.ID)
			c.Name(&a.Label)
			c.Num(&a.Before)
			c.Num(&a.After)
		}
	}
}
