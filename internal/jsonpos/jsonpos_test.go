package jsonpos

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/diag"
)

// tokens lists every token of src as "line:col token".
func tokens(t *testing.T, src string) ([]string, error) {
	t.Helper()
	d := NewDecoder("f.json", strings.NewReader(src))
	var out []string
	for {
		tok, p, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, fmt.Sprintf("%d:%d %v", p.Line, p.Col, tok))
	}
}

func TestTokenPositions(t *testing.T) {
	src := "\ufeff{\"a\" :\t[1, \"单位\",\r\n  true ,null],\n\"键\": {\"b\": -1.5e3}}  \n"
	got, err := tokens(t, src)
	if err != nil {
		t.Fatal(err)
	}
	want := "1:1 { 1:2 a 1:8 [ 1:9 1 1:12 单位 2:3 true 2:9 <nil> 2:13 ] 3:1 键 3:6 { 3:7 b 3:12 -1.5e3 3:18 } 3:19 }"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"a": 1 "b": 2}`, `f.json:1:9: invalid character '"' after object key:value pair`},
		{"{\"a\": [1,\n  2,\n  fals]}", `f.json:3:7: invalid character ']' in literal false (expecting 'e')`},
		{`{"a": "x` + "\t" + `"}`, `f.json:1:9: invalid character '\t' in string literal`},
		{`{"a": "\q"}`, `f.json:1:9: invalid character 'q' in string escape code`},
		{`{"a": 01}`, `f.json:1:8: invalid character '1' after object key:value pair`},
		{`{"a": [1, 2}`, `f.json:1:12: invalid character '}' after array element`},
		{"{\"a\": [1, 2\n\n", `f.json:1:12: unexpected end of JSON input`},
		{`{"a": "abc`, `f.json:1:11: unexpected end of JSON input`},
		{`{"a": 1} {"b": 2}`, `f.json:1:10: invalid character '{' after top-level value`},
		{`{"a": 1} 中`, `f.json:1:10: invalid character '中' looking for beginning of value`},
	} {
		d := NewDecoder("f.json", strings.NewReader(tc.src))
		var err error
		for err == nil {
			var tok json.Token
			tok, _, err = d.Token()
			if err == nil && tok == json.Delim('}') && d.depth == 0 {
				err = d.End()
				break
			}
		}
		var de *diag.Error
		if !errors.As(err, &de) || strings.SplitN(de.Error(), "\n", 2)[0] != tc.want {
			t.Errorf("%q: %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

// TestSkip returns a skipped value as written, and the window of a long
// line of many values stays small.
func TestSkip(t *testing.T) {
	d := NewDecoder("f.json", strings.NewReader(`{"a": [1, {"b": [2]}],  "c": {}}`))
	for _, want := range []string{"{", "a", "["} {
		if tok, _, err := d.Token(); err != nil || fmt.Sprint(tok) != want {
			t.Fatalf("token %v %v, want %s", tok, err, want)
		}
	}
	if raw, err := d.Skip(); raw != `[1, {"b": [2]}]` || err != nil {
		t.Errorf("Skip = %q, %v", raw, err)
	}
	if tok, p, err := d.Token(); tok != "c" || p.Col != 25 || err != nil {
		t.Errorf("after Skip: %v at %v, %v", tok, p, err)
	}
}

// longLine generates a list of n objects on one line.
type longLine struct {
	n, i int
	buf  []byte
}

func (g *longLine) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		switch {
		case g.i > g.n:
			return 0, io.EOF
		case g.i == g.n:
			g.buf = []byte("]")
		case g.i == 0:
			g.buf = []byte(`[{"k": "值0"}`)
		default:
			g.buf = fmt.Appendf(nil, `,{"k": "值%d"}`, g.i)
		}
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// TestBoundedWindow: reading a one-line document of 5 MB keeps a few
// kilobytes, and the column of its last token is exact.
func TestBoundedWindow(t *testing.T) {
	const n = 300_000
	d := NewDecoder("f.json", &longLine{n: n})
	peak := 0
	var last diag.Pos
	for {
		tok, p, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		peak = max(peak, cap(d.w.buf))
		if tok == json.Delim('}') {
			last = p
		}
	}
	if peak > 64<<10 {
		t.Errorf("window grew to %d bytes", peak)
	}
	// The last } is the last character of the line.
	col := len([]rune(`[{"k": "值0"}`))
	for i := 1; i < n; i++ {
		col += len([]rune(fmt.Sprintf(`,{"k": "值%d"}`, i)))
	}
	if last != (diag.Pos{File: "f.json", Line: 1, Col: col}) {
		t.Errorf("last } at %v, want column %d", last, col)
	}
}

// TestTooLong: a string longer than MaxToken is refused where it starts.
func TestTooLong(t *testing.T) {
	src := io.MultiReader(strings.NewReader(`{"a": "`), strings.NewReader(strings.Repeat("x", MaxToken+1)), strings.NewReader(`"}`))
	d := NewDecoder("f.json", src)
	var err error
	for err == nil {
		_, _, err = d.Token()
	}
	if err == nil || !strings.HasPrefix(err.Error(), "f.json:1:7: a single value is longer than 16 MiB") {
		t.Errorf("got %v", err)
	}
}

func TestCheckKeys(t *testing.T) {
	for _, tc := range []struct {
		src  string
		fold bool
		want string
	}{
		{`{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}`, false, ""},
		{"{\"a\": 1,\n \"b\": {\"a\": 2, \"a\": 3}}", false, `f.json:2:16: duplicate key "a" (first at line 2, column 8): keep one`},
		{`[{"x": {}, "y": [], "x": 1}]`, false, `f.json:1:21: duplicate key "x" (first at line 1, column 3): keep one`},
		{`{"Format": "csv", "format": "json"}`, false, ""},
		{`{"Format": "csv", "format": "json"}`, true, `f.json:1:19: key "format" means the same as "Format" (line 1, column 2): keep one`},
		{`{"a": 1,}`, false, `f.json:1:9: invalid character '}' looking for beginning of object key string`},
	} {
		err := CheckKeys("f.json", strings.NewReader(tc.src), tc.fold)
		got := ""
		if err != nil {
			got = strings.SplitN(err.Error(), "\n", 2)[0]
		}
		if got != tc.want {
			t.Errorf("%s (fold %v): %q\nwant %q", tc.src, tc.fold, got, tc.want)
		}
	}
}

// FuzzDecoder: the decoder gives the tokens encoding/json gives, each at
// the line and column of its first character, and for input that is not
// JSON an error with a position inside the input, never a panic.
func FuzzDecoder(f *testing.F) {
	for _, s := range []string{
		`[{"unit": "U1", "data": {"spent": 1e400, "x": [1, {"y": null}]}}]`,
		"{\"a\" :\t[1, \"单位\",\r\n  true ,null],\n\"键\": {\"b\": -1.5e3}}",
		"\ufeff[1,\n2,\n\"\\u4e2d\"]",
		`{"a": 1 "b": 2}`, `[tru]`, `{"a": "x` + "\t" + `"}`, `[1, 2`, `"abc`, `{"a":1}{"b":2}`, ``, ` `,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		text := strings.TrimPrefix(src, "\ufeff")
		lines := strings.Split(text, "\n")
		d := NewDecoder("f.json", strings.NewReader(src))
		ref := json.NewDecoder(strings.NewReader(text))
		ref.UseNumber()
		for n := 0; ; n++ {
			tok, p, err := d.Token()
			want, werr := ref.Token()
			if err == io.EOF {
				if werr != io.EOF {
					t.Fatalf("EOF, encoding/json says %v %v", want, werr)
				}
				return
			}
			if err != nil {
				var de *diag.Error
				if !errors.As(err, &de) || de.Pos.Line < 1 || de.Pos.Line > len(lines) || de.Pos.Col < 1 || de.Pos.Col > len([]rune(lines[de.Pos.Line-1]))+1 {
					t.Fatalf("error %#v outside the input", err)
				}
				if werr == nil {
					t.Fatalf("error %v, encoding/json gives %v", err, want)
				}
				return
			}
			if werr != nil || fmt.Sprint(tok) != fmt.Sprint(want) {
				t.Fatalf("token %d: %v, encoding/json %v %v", n, tok, want, werr)
			}
			line := []rune(lines[p.Line-1])
			first := line[p.Col-1]
			var ok bool
			switch tok := tok.(type) {
			case json.Delim:
				ok = first == rune(tok)
			case string:
				ok = first == '"'
			case json.Number:
				ok = first == '-' || first >= '0' && first <= '9'
			case bool:
				ok = first == 't' || first == 'f'
			case nil:
				ok = first == 'n'
			}
			if !ok {
				t.Fatalf("token %v at %v, where the text has %q", tok, p, string(first))
			}
		}
	})
}
