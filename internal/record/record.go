// Package record is the one codec of the compact unit records that
// report's formats and diff's recorder keep while a population streams
// (in memory, then in a temporary file): each writes its record and reads
// it back through the same calls, so that the two cannot drift apart.
package record

import (
	"encoding/binary"
	"math"

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
}

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
