package data

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// testRuleset has a number input with a unit, one without, a tier input
// and an indicator to claim: every path of the cell readers.
func testRuleset() *indicators.Ruleset {
	return &indicators.Ruleset{ID: "t", Grades: indicators.DefaultGrades(),
		Inputs: []indicators.Input{
			{ID: "spent", Label: "执行数", Unit: "万元", Type: indicators.TypeNumber},
			{ID: "n", Label: "人数", Type: indicators.TypeNumber},
			{ID: "q", Label: "质量", Type: indicators.TypeTier},
			{ID: "pct", Label: "比例", Unit: "%", Type: indicators.TypeNumber},
		},
		Indicators: []indicators.Indicator{{ID: "exec", Label: "执行"}},
	}
}

// read is every unit, the warnings and the final error of one reader.
type read struct {
	units    []indicators.Unit
	warnings []*diag.Error
	err      error
}

func readAll(src Source) read {
	var r read
	for {
		u, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.err = err
			break
		}
		r.units = append(r.units, *u)
	}
	r.warnings = src.Warnings()
	return r
}

// readChunks reads src chunk by chunk, decoding into reused memory the
// way engine.Stream's workers do.
func readChunks(c *csvSource) read {
	var r read
	var buf []indicators.Unit
	for {
		dec, err := c.NextChunk()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.err = err
			break
		}
		buf, err = dec(buf[:0])
		for _, u := range buf {
			u.Values = append([]indicators.Value(nil), u.Values...)
			r.units = append(r.units, u)
		}
		if err != nil {
			r.err = err
			break
		}
	}
	r.warnings = c.Warnings()
	return r
}

// sameRead reports how two reads differ, or "".
func sameRead(got, want read) string {
	if (got.err == nil) != (want.err == nil) {
		return fmt.Sprintf("error %v, want %v", got.err, want.err)
	}
	if got.err != nil && !sameError(got.err, want.err) {
		return fmt.Sprintf("error %#v, want %#v", got.err, want.err)
	}
	if len(got.units) != len(want.units) {
		return fmt.Sprintf("%d units, want %d", len(got.units), len(want.units))
	}
	for i := range want.units {
		g, w := got.units[i], want.units[i]
		if g.ID != w.ID || g.Name != w.Name || g.Pos != w.Pos || g.ClaimedGrade != w.ClaimedGrade {
			return fmt.Sprintf("unit %d: %q %q %v %q, want %q %q %v %q", i, g.ID, g.Name, g.Pos, g.ClaimedGrade, w.ID, w.Name, w.Pos, w.ClaimedGrade)
		}
		if len(g.Values) != len(w.Values) {
			return fmt.Sprintf("unit %d: %d values, want %d", i, len(g.Values), len(w.Values))
		}
		for k := range w.Values {
			gv, wv := g.Values[k], w.Values[k]
			if gv.Kind != wv.Kind || math.Float64bits(gv.Num) != math.Float64bits(wv.Num) || gv.Tier != wv.Tier || gv.HasFrac != wv.HasFrac {
				return fmt.Sprintf("unit %d value %d: %+v, want %+v", i, k, gv, wv)
			}
		}
		if !reflect.DeepEqual(g.Claims, w.Claims) || !reflect.DeepEqual(g.Reasons, w.Reasons) {
			return fmt.Sprintf("unit %d: claims %v reasons %v, want %v %v", i, g.Claims, g.Reasons, w.Claims, w.Reasons)
		}
		if len(g.Errors) != len(w.Errors) {
			return fmt.Sprintf("unit %d: errors %v, want %v", i, g.Errors, w.Errors)
		}
		for k := range w.Errors {
			if !sameError(g.Errors[k], w.Errors[k]) {
				return fmt.Sprintf("unit %d error %d: %#v, want %#v", i, k, g.Errors[k], w.Errors[k])
			}
		}
	}
	if len(got.warnings) != len(want.warnings) {
		return fmt.Sprintf("warnings %v, want %v", got.warnings, want.warnings)
	}
	for k := range want.warnings {
		if !sameError(got.warnings[k], want.warnings[k]) {
			return fmt.Sprintf("warning %d: %v, want %v", k, got.warnings[k], want.warnings[k])
		}
	}
	return ""
}

func sameError(a, b error) bool {
	var da, db *diag.Error
	if errors.As(a, &da) && errors.As(b, &db) {
		return da.Pos == db.Pos && da.Code == db.Code && da.Field == db.Field && da.Value == db.Value && da.Msg == db.Msg
	}
	return a.Error() == b.Error()
}

// compare reads text with the fast reader (by Next, and by chunks of
// several sizes) and with the encoding/csv one, and reports any
// difference.
func compare(t *testing.T, text string) {
	t.Helper()
	s := Options{Lang: "en"}.NewSchema(testRuleset())
	var want read
	ref, refErr := newRefCSV("t.csv", strings.NewReader(asLF(text)), s)
	if refErr != nil {
		want.err = refErr
	} else {
		want = readAll(ref)
	}
	check := func(how string, got read, err error) {
		t.Helper()
		if err != nil {
			got = read{err: err}
		}
		if d := sameRead(got, want); d != "" {
			t.Fatalf("%s: %s\ninput: %q", how, d, text)
		}
	}
	src, err := newCSV("t.csv", strings.NewReader(text), s, &Options{Lang: "en"})
	var got read
	if err == nil {
		got = readAll(src)
	}
	check("Next", got, err)
	for _, size := range []int{1, 7, 64} {
		c, err := newCSVChunks("t.csv", &oneByteReader{strings.NewReader(text)}, s, &Options{Lang: "en"}, size)
		var got read
		if err == nil {
			got = readChunks(c)
		}
		check(fmt.Sprintf("chunks of %d", size), got, err)
	}
}

// asLF is text as the fast reader must read it: a file whose first line
// (outside quotes) ends with a lone \r, as the old Mac OS "CSV
// (Macintosh)" writes, has every \r read as a line end; any other file
// keeps a lone \r inside a field, as encoding/csv does.
func asLF(text string) string {
	quoted := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			return text
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return text
			}
			return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
		}
	}
	return text
}

// oneByteReader hands out one byte per Read, as a slow pipe might.
type oneByteReader struct{ r io.Reader }

func (o *oneByteReader) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}

func TestCSVLikeEncodingCSV(t *testing.T) {
	const head = "unit,name,spent,n,q,pct,claimed.exec,reason.exec,claimed.grade,other\n"
	for _, tc := range []struct {
		name, text string
	}{
		{"plain", head + "U1,甲,1.5,3,A,50,1,ok,优,x\nU2,乙,2,4,B,60,,,,\n"},
		{"BOM and labels", "\ufeffunit,执行数,人数\nU1,1,2\n"},
		{"CRLF", strings.ReplaceAll(head+"U1,甲,1.5,3,A,50,1,ok,优,x\nU2,乙,2,4,B,60,,,,\n", "\n", "\r\n")},
		{"no final newline", head + "U1,甲,1.5,3,A,50,1,ok,优,x"},
		{"final CR", head + "U1,甲,1.5,3,A,50,1,ok,优,x\r"},
		{"blank lines", head + "\n\nU1,甲,1\n\r\n\nU2,乙,2\n\n"},
		{"quoted", head + "\"U1\",\"甲,乙\",\"1,234.5\",\"3\"\"\",A\n"},
		{"quoted newline", head + "U1,\"甲\n乙\",1\nU2,\"a\r\nb\",2\n"},
		{"quoted doubled quote across lines", head + "U1,\"a\"\"\nb\"\"c\",1\nU2,x,2\n"},
		{"empty quoted", head + "U1,\"\",\"\"\n"},
		{"thousands and units", head + "U1,甲,\"1,234.5\",\"26,944人\",达成,34.53%\nU2,乙,153.51万元, 12 ,a,x\n"},
		{"NA", head + "U1,甲,NA,不适用,N/A,#N/A\n"},
		{"bad cells", head + "U1,甲,1,0,0,x,A:0.5,y,ok,abc,,\n"},
		{"tier fraction", head + "U1,甲,1,2,A:0.95,3\nU2,乙,1,2,B:0.9,3\n"},
		{"ragged", head + "U1,甲\nU2,乙,1,2,A,3,4,5,6,7,8,9\n"},
		{"plain numbers", head + "U1,a,-0,+5,A,.5\nU2,b,5.,007,B,123456789012345\nU3,c,1234567890123456,0.1,C,-.0\nU4,d,.,-,+.,1.2.3\n"},
		{"bare quote", head + "U1,a\"b,1\n"},
		{"bare quote later", head + "U1,a,1\nU2,b,2\nU3,x\"y,3\n"},
		{"extraneous quote", head + "U1,\"ab\"c,1\n"},
		{"unterminated quote", head + "U1,\"abc,1\nU2,d,2\n"},
		{"unterminated quote ending in newline", head + "U1,\"abc\n"},
		{"quote after multi-line field", head + "U1,\"a\nb\"x,1\n"},
		{"empty file", ""},
		{"only blank lines", "\n\r\n\n"},
		{"header only", head},
		{"no unit column", "name,spent\nx,1\n"},
		{"duplicate column", "unit,spent,执行数\nU1,1,2\n"},
		{"header bare quote", "unit,na\"me\nU1,x\n"},
		{"missing unit id", head + ",甲,1\n"},
		{"spaces kept", head + " U1 , 甲 ,1\n"},
		{"lone CR inside field", head + "U1,a\rb,1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) { compare(t, tc.text) })
	}
}

// TestCSVLikeEncodingCSVRandom compares the readers on random texts made
// of the characters that matter to CSV and to cells.
func TestCSVLikeEncodingCSVRandom(t *testing.T) {
	pieces := []string{"U1", "U2", "甲", ",", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "1", "2.5", "-3", "1,234", "NA",
		"A", "B:0.7", "达成", "万元", "%", ".", "+", "x"}
	const head = "unit,name,spent,n,q,pct,claimed.exec,reason.exec\n"
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		b.WriteString(head)
		for n := r.IntN(40); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		compare(t, b.String())
	}
}

func FuzzCSV(f *testing.F) {
	f.Add("unit,name,spent\nU1,甲,1\n")
	f.Add("unit,spent\n\"U1\",\"1,234\"\r\nU2,\"a\nb\"\n")
	f.Add("unit,q\nU1,A:0.9\nU2,\"x\"\"\"\n")
	f.Add("unit,q\rU1,A:0.9\rU2,\"x\r\"\"\"\r")
	f.Fuzz(func(t *testing.T, text string) { compare(t, text) })
}

// TestPlainNumber holds the fast number path to ParseNumber, bit for bit.
func TestPlainNumber(t *testing.T) {
	cases := []string{"0", "-0", "+0", "1", "0.1", "0.3", "2.675", "153.51", "999999999999999", ".5", "5.", "-.25",
		"123456.789012345", "0.000000000000001", "000012", "9007199254740993"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 40000; i++ {
		// Up to 15 digits must take the fast path; longer ones must not
		// (their integer is no longer exact).
		digits := strconv.FormatUint(r.Uint64()%[]uint64{1e15, 1e19}[i%2], 10)
		p := r.IntN(len(digits) + 1)
		s := digits[:p] + "." + digits[p:]
		if r.IntN(2) == 0 {
			s = "-" + s
		}
		cases = append(cases, s, digits)
	}
	for _, s := range cases {
		got, ok := plainNumber(s)
		want, err := indicators.ParseNumber(s)
		if !ok {
			if len(strings.Trim(s, "+-.")) <= 15 && err == nil && !strings.Contains(s, "..") {
				t.Errorf("plainNumber(%q) refused a number of at most 15 digits", s)
			}
			continue
		}
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("plainNumber(%q) = %v, ParseNumber gives %v, %v", s, got, want, err)
		}
	}
}

// TestPlainTier holds the fast tier path to indicators.ParseTier: what it
// takes it must read the same, and what it refuses ParseTier must decide.
func TestPlainTier(t *testing.T) {
	cases := []string{"A", "B", "C", "D", "a", "", "A:0.95", "A:1", "A:0.9", "A:0.8999", "B:0.9", "B:0.6", "B:0.59",
		"C:0", "C:0.6", "C:0.59", "A:1.5", "A:", "A:x", "A: 0.9", "a:0.9", "B:.7", "B:0.7 ", "C:-0", "A:0.95x", "AB", "A：0.9"}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 5000; i++ {
		cases = append(cases, string(rune('A'+r.IntN(4)))+":"+strconv.FormatFloat(r.Float64()*1.2, 'f', r.IntN(5), 64))
	}
	for _, s := range cases {
		var got indicators.Value
		ok := plainTier(s, &got)
		want, err := indicators.ParseTier(s)
		if !ok {
			if len(s) == 1 && s[0] >= 'A' && s[0] <= 'C' {
				t.Errorf("plainTier(%q) refused a bare tier letter", s)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("plainTier(%q) = %+v, ParseTier gives %+v, %v", s, got, want, err)
		}
	}
}

// TestScanNumberWords holds the eight-bytes-at-a-time scanNumber to the
// byte loop, at every offset of rows made of number-like pieces.
func TestScanNumberWords(t *testing.T) {
	pieces := []string{"0", "1", "7", "12", "123", "1234567", "12345678", "123456789", "1234567890123456", ".", "..",
		"-", "+", ",", ",", ",", ",", "万元", "%", "x", " ", "A:0.9", "\"", "e5", "/", ":", "\xff"}
	r := rand.New(rand.NewPCG(9, 10))
	for n := 0; n < 30000; n++ {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			x, end, ok := scanNumber(s, i)
			wx, wend, wok := scanNumberBytes(s, i)
			if ok != wok || end != wend || (ok && math.Float64bits(x) != math.Float64bits(wx)) {
				t.Fatalf("scanNumber(%q, %d) = %v, %d, %v; the byte loop gives %v, %d, %v", s, i, x, end, ok, wx, wend, wok)
			}
		}
	}
}
