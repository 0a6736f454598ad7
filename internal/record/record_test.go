package record

import (
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/diag"
)

// code writes or reads every kind of field, as the records do.
func code(c *Codec, v *fields) {
	c.Str(&v.s)
	c.Name(&v.name)
	c.Int(&v.i)
	c.Num(&v.x)
	c.Flag(&v.ok)
	c.Any(&v.a)
	c.Any(&v.b)
	c.Any(&v.none)
	c.Errors(&v.errs)
}

type fields struct {
	s, name    string
	i          int
	x          float64
	ok         bool
	a, b, none any
	errs       []*diag.Error
}

func TestRoundTrip(t *testing.T) {
	in := fields{s: "单位", name: "exec", i: -3, x: 0.1 + 0.2, ok: true, a: 8.62, b: "NA",
		errs: []*diag.Error{{Pos: diag.Pos{File: "d.csv", Line: 4, Col: 2}, Code: "c", Field: "f", Value: "v", Msg: "m", Snippet: "s"}}}
	w := Codec{}
	code(&w, &in)
	r := Codec{B: w.B, Read: true, Intern: map[string]string{}}
	var out fields
	code(&r, &out)
	if r.Short || len(r.B) != 0 {
		t.Fatalf("short %v, %d bytes left", r.Short, len(r.B))
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("read back %+v, want %+v", out, in)
	}
	if _, ok := r.Intern["exec"]; !ok {
		t.Error("Name did not intern the text it read")
	}
}

// A record cut anywhere reads as Short, and no count runs past its end.
func TestCutShort(t *testing.T) {
	w := Codec{}
	in := fields{s: "abc", errs: []*diag.Error{{Msg: "m"}, {Msg: "n"}}}
	code(&w, &in)
	for n := range len(w.B) {
		r := Codec{B: w.B[:n], Read: true}
		var out fields
		code(&r, &out)
		if !r.Short {
			t.Errorf("cut at %d of %d bytes: not short", n, len(w.B))
		}
	}
}
