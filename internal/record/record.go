// Package record is the one codec of the compact unit records that
// report's formats and diff's recorder keep while a population streams
// (in memory, then in a temporary file): each writes its record and reads
// it back through the same calls, so that the two cannot drift apart.
package record

import (
	"encoding/binary"
	"math"
	"sync"

	"github.com/jixiao/jixiao/diag"
)

// Codec writes a record to B, or reads one from B when Read is set:
// strings as a uvarint length and the bytes, numbers as 8 bytes, ints as
// uvarints of their int64, flags as an int. Read, B is consumed; a read
// past its end sets Short and reads zeros from then on.
type Codec struct {
	B     []byte
	Read  bool
	Short bool
	// Intern, when reading, makes each text Name reads a string once.
	Intern map[string]string
	// Words, when set, numbers the texts Word codes: the same table must
	// write and read a record.
	Words *Words
}

// Words numbers the texts that units repeat (statuses, flags, the
// messages of failed checks), so that a record carries a small number
// instead of the text: a million units' failed checks are then a few
// bytes each rather than a hundred. Safe for concurrent use: the workers
// write records while they score.
type Words struct {
	mu   sync.RWMutex
	ids  map[string]int
	list []string
}

// maxWords bounds a table: texts past it (messages made per unit, such as
// a check that could not be computed) are written out whole.
const maxWords = 4096

func (w *Words) id(s string) (int, bool) {
	w.mu.RLock()
	i, ok := w.ids[s]
	w.mu.RUnlock()
	if ok {
		return i, true
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if i, ok := w.ids[s]; ok {
		return i, true
	}
	if len(w.list) >= maxWords {
		return 0, false
	}
	if w.ids == nil {
		w.ids = map[string]int{}
	}
	i = len(w.list)
	w.ids[s] = i
	w.list = append(w.list, s)
	return i, true
}

func (w *Words) word(i int) (string, bool) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if i < 0 || i >= len(w.list) {
		return "", false
	}
	return w.list[i], true
}

// Word codes a text that units repeat: its number in Words plus one, or 0
// and the text when the table is full (or Str, without Words).
func (c *Codec) Word(s *string) {
	if c.Words == nil {
		c.Str(s)
		return
	}
	if !c.Read {
		i, ok := c.Words.id(*s)
		if !ok {
			c.B = append(c.B, 0)
			c.Str(s)
			return
		}
		c.B = binary.AppendUvarint(c.B, uint64(i)+1)
		return
	}
	var n int
	c.Int(&n)
	if n == 0 {
		c.Str(s)
		return
	}
	w, ok := c.Words.word(n - 1)
	if !ok {
		c.Short, c.B = true, nil
	}
	*s = w
}

// Cents codes a float64 bit for bit, in a few bytes when it is a whole
// number of cents as Round2 makes them (points, scores): the zigzag of
// the cents shifted left by one, or 1 and the 8 bytes of anything else.
func (c *Codec) Cents(x *float64) {
	if !c.Read {
		if k, ok := cents(*x); ok {
			c.B = binary.AppendUvarint(c.B, (uint64(k<<1)^uint64(k>>63))<<1)
			return
		}
		c.B = append(c.B, 1)
		c.Num(x)
		return
	}
	v, n := binary.Uvarint(c.B)
	if n <= 0 || v>>63 != 0 {
		c.Short, c.B = true, nil
		*x = 0
		return
	}
	c.take(n)
	if v&1 == 1 {
		c.Num(x)
		return
	}
	z := v >> 1
	*x = fromCents(int64(z>>1) ^ -int64(z&1))
}

// cents is k when x is exactly fromCents(k) (and not -0): |k| below 2^53,
// so that the shifted zigzag fits 63 bits.
func cents(x float64) (int64, bool) {
	if x == 0 {
		return 0, !math.Signbit(x)
	}
	c := x * 100
	if !(c > -1<<53 && c < 1<<53) {
		return 0, false
	}
	k := int64(math.Round(c))
	return k, fromCents(k) == x
}

// fromCents is k/100 as the nearest float64, as indicators.FromCents and
// Round2 give it.
func fromCents(k int64) float64 { return float64(k) / 100 }

func (c *Codec) take(n int) []byte {
	if c.Short || n < 0 || n > len(c.B) {
		c.Short, c.B = true, nil
		return nil
	}
	b := c.B[:n]
	c.B = c.B[n:]
	return b
}

// Int codes an int.
func (c *Codec) Int(x *int) {
	if !c.Read {
		c.B = binary.AppendUvarint(c.B, uint64(int64(*x)))
		return
	}
	v, n := binary.Uvarint(c.B)
	if n <= 0 {
		n = -1
	}
	c.take(n)
	*x = int(int64(v))
}

// Count codes the length n of a slice and returns it; read, it is 0 for a
// record cut short, so that no loop runs past it.
func (c *Codec) Count(n int) int {
	c.Int(&n)
	if c.Read && (c.Short || n < 0 || n > len(c.B)) {
		c.Short = true
		return 0
	}
	return n
}

// Str codes a string.
func (c *Codec) Str(s *string) {
	if !c.Read {
		c.B = append(binary.AppendUvarint(c.B, uint64(len(*s))), *s...)
		return
	}
	var n int
	c.Int(&n)
	*s = string(c.take(n))
}

// Name is Str for the texts every unit repeats (indicator ids and
// labels): read with Intern set, each is made into a string once.
func (c *Codec) Name(s *string) {
	if !c.Read || c.Intern == nil {
		c.Str(s)
		return
	}
	var n int
	c.Int(&n)
	b := c.take(n)
	v, ok := c.Intern[string(b)]
	if !ok {
		v = string(b)
		c.Intern[v] = v
	}
	*s = v
}

// Num codes a float64, bit for bit.
func (c *Codec) Num(x *float64) {
	if !c.Read {
		c.B = binary.LittleEndian.AppendUint64(c.B, math.Float64bits(*x))
	} else if b := c.take(8); b != nil {
		*x = math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
}

// Flag codes a bool.
func (c *Codec) Flag(ok *bool) {
	n := 0
	if *ok {
		n = 1
	}
	c.Int(&n)
	if c.Read {
		*ok = n == 1
	}
}

// Any codes a value that is nil, a number or a text (a finding's claimed
// or rules value).
func (c *Codec) Any(v *any) {
	kind := 0
	switch (*v).(type) {
	case float64:
		kind = 1
	case string:
		kind = 2
	}
	c.Int(&kind)
	switch kind {
	case 1:
		x, _ := (*v).(float64)
		c.Num(&x)
		*v = x
	case 2:
		s, _ := (*v).(string)
		c.Str(&s)
		*v = s
	}
}

// Errors codes the errors of a unit that failed; read, they are appended
// to *errs.
func (c *Codec) Errors(errs *[]*diag.Error) {
	n := c.Count(len(*errs))
	for i := 0; i < n; i++ {
		if c.Read {
			*errs = append(*errs, &diag.Error{})
		}
		e := (*errs)[i]
		c.Str(&e.Pos.File)
		c.Int(&e.Pos.Line)
		c.Int(&e.Pos.Col)
		for _, s := range []*string{&e.Code, &e.Field, &e.Value, &e.Msg, &e.Snippet} {
			c.Str(s)
		}
	}
}
