package diff

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/spill"
)

// Recorder is one side of a streamed comparison: the engine.Sink of one
// ruleset's engine.Stream over the units, keeping of each unit only what a
// comparison needs (id, name, score, grade, rank, errors, each indicator's
// points), in a spill, so that memory stays flat however many units there
// are. Compare matches the units of two recorders.
type Recorder struct {
	ruleset engine.RulesetInfo
	grades  []string
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
	c := codec{b: dst}
	c.unit(u)
	return c.b
}

// Start notes the grade labels (engine.Sink).
func (r *Recorder) Start(s engine.Summary) error {
	r.grades = gradeLabels(s)
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
	c := codec{b: rec, read: true}
	var id string
	c.str(&id)
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
	return b.Comparison(), nil
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
	c := codec{b: rec, read: true}
	var rank int
	c.int(&rank)
	d.u = engine.UnitResult{Indicators: d.inds[:0]}
	if d.intern == nil {
		d.intern = map[string]string{}
	}
	c.intern = d.intern
	c.unit(&d.u)
	if c.short {
		return nil, errors.New("a unit's record is cut short")
	}
	d.inds = d.u.Indicators
	d.u.Rank = rank
	return &d.u, nil
}

// codec writes or reads a record: the same calls do both, so that the
// two cannot drift apart.
type codec struct {
	b      []byte
	read   bool
	short  bool
	intern map[string]string
}

func (c *codec) unit(u *engine.UnitResult) {
	c.str(&u.Unit)
	c.str(&u.Name)
	c.num(&u.Score)
	c.str(&u.Grade)
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
	n = c.count(len(u.Indicators))
	for i := 0; i < n; i++ {
		if c.read {
			u.Indicators = append(u.Indicators, engine.IndicatorResult{})
		}
		ir := &u.Indicators[i]
		c.name(&ir.ID)
		c.name(&ir.Label)
		c.num(&ir.Points)
	}
}

func (c *codec) take(n int) []byte {
	if c.short || n < 0 || n > len(c.b) {
		c.short, c.b = true, nil
		return nil
	}
	b := c.b[:n]
	c.b = c.b[n:]
	return b
}

func (c *codec) int(x *int) {
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

func (c *codec) count(n int) int {
	c.int(&n)
	if c.read && (c.short || n < 0 || n > len(c.b)) {
		c.short = true
		return 0
	}
	return n
}

func (c *codec) str(s *string) {
	if !c.read {
		c.b = append(binary.AppendUvarint(c.b, uint64(len(*s))), *s...)
		return
	}
	var n int
	c.int(&n)
	*s = string(c.take(n))
}

// name is str for the ids and labels of indicators, which every unit
// repeats: read, they are made into strings once.
func (c *codec) name(s *string) {
	if !c.read {
		c.str(s)
		return
	}
	var n int
	c.int(&n)
	b := c.take(n)
	v, ok := c.intern[string(b)]
	if !ok {
		v = string(b)
		c.intern[v] = v
	}
	*s = v
}

func (c *codec) num(x *float64) {
	if !c.read {
		c.b = binary.LittleEndian.AppendUint64(c.b, math.Float64bits(*x))
	} else if b := c.take(8); b != nil {
		*x = math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
}
