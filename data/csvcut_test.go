package data

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// optionalRuleset is testRuleset with every input but spent optional, so
// that a file of a few columns reads.
func optionalRuleset() *indicators.Ruleset {
	rs := testRuleset()
	for i := range rs.Inputs {
		rs.Inputs[i].Optional = rs.Inputs[i].ID != "spent"
	}
	return rs
}

// TestCSVCROnly: a file whose lines end with a lone \r (old Mac Excel's
// "CSV (Macintosh)") reads as the same file with \n, and as encoding/csv
// reads that.
func TestCSVCROnly(t *testing.T) {
	const head = "unit,name,spent,n,q,pct\r"
	for _, tc := range []struct{ name, text string }{
		{"plain", head + "U1,甲,1.5,3,A,50\rU2,乙,2,4,B,60\r"},
		{"no final CR", head + "U1,甲,1.5,3,A,50\rU2,乙,2,4,B,60"},
		{"blank lines", head + "\r\rU1,甲,1\r\r"},
		{"quoted CR", head + "U1,\"甲\r乙\",1\rU2,x,2\r"},
		{"bad cell line", head + "U1,甲,x\rU2,乙,2\r"},
		{"header only", head},
		{"quoted header", "unit,\"na\rme\"\rU1,x\r"},
		{"CR then LF later", head + "U1,甲,1\nU2,乙,2\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) { compare(t, tc.text) })
	}
	// The lines are counted as lines.
	src, err := newCSV("t.csv", strings.NewReader("unit,name,spent\rU1,甲,1\rU2,乙,x\r"), Options{Lang: "en"}.NewSchema(optionalRuleset()), &Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	r := readAll(src)
	if r.err != nil || len(r.units) != 2 || r.units[1].Pos.Line != 3 || len(r.units[1].Errors) != 1 ||
		!strings.Contains(r.units[1].Errors[0].Error(), "t.csv:3:3: row 3, column C: spent (执行数): not a number") {
		t.Fatalf("CR file: %+v", r)
	}
}

// TestCSVCROnlyRandom compares the readers on random files whose first
// line ends with a lone \r.
func TestCSVCROnlyRandom(t *testing.T) {
	pieces := []string{"U1", "U2", "甲", ",", ",", ",", "\"", "\"\"", "\r", "\r", "\r", "\n", "\r\n", " ", "1", "2.5", "NA", "A", "B:0.7", "万元", "x"}
	r := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		b.WriteString("unit,name,spent,n,q,pct,claimed.exec\r")
		for n := r.IntN(40); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		compare(t, b.String())
	}
}

// readLimited reads text with a field limit, by Next and by chunks of
// several sizes from a reader handing out one byte at a time, and fails
// unless every way reads the same; it returns that read.
func readLimited(t *testing.T, text string, limit int) read {
	t.Helper()
	s := Options{Lang: "en"}.NewSchema(optionalRuleset())
	o := &Options{Lang: "en", MaxField: int64(limit)}
	var first read
	for k, size := range []int{csvChunk, 1, 7, 64, 1000} {
		var r io.Reader = strings.NewReader(text)
		if k > 0 {
			r = &oneByteReader{r}
		}
		c, err := newCSVChunks("t.csv", r, s, o, size)
		var got read
		if err != nil {
			got.err = err
		} else if k == 0 {
			got = readAll(c)
		} else {
			got = readChunks(c)
		}
		if k == 0 {
			first = got
		} else if d := sameRead(got, first); d != "" {
			t.Fatalf("limit %d, chunks of %d: %s\ninput: %q", limit, size, d, text)
		}
	}
	return first
}

// TestCSVFieldLimit: a field over the limit stops the data at its row and
// column, after the units before it, with its whole length.
func TestCSVFieldLimit(t *testing.T) {
	const head = "unit,name,spent\n"
	long := strings.Repeat("长", 20) // 60 bytes
	for _, tc := range []struct {
		name, text string
		units      int
		code, msg  string
	}{
		{"unquoted", head + "U1,a,1\nU2," + long + ",2\nU3,c,3\n", 1, "field_too_long",
			"t.csv:3:2: row 3, column B: field too long (60 bytes; the limit is 50, set with --max-field): \"" + strings.Repeat("长", 16) + "…\" (60 bytes)"},
		{"last column", head + "U1,a,1\nU2,b," + strings.Repeat("9", 51) + "\r\nU3,c,3\n", 1, "field_too_long",
			"t.csv:3:3: row 3, column C: field too long (51 bytes"},
		{"last column at the end", head + "U1,a,1\nU2,b," + strings.Repeat("9", 51), 1, "field_too_long",
			"t.csv:3:3: row 3, column C: field too long (51 bytes"},
		{"quoted and closed", head + "U1,a,1\nU2,\"" + strings.Repeat("x\n", 30) + "\",2\n", 1, "field_too_long",
			"t.csv:3:2: row 3, column B: field too long (62 bytes"},
		{"quoted with doubled quotes", head + "U1,\"" + strings.Repeat(`""`, 30) + "\"\n", 0, "field_too_long",
			"t.csv:2:2: row 2, column B: field too long (62 bytes"},
		{"header", "unit,name," + long + "\nU1,a,1\n", 0, "field_too_long",
			"t.csv:1:3: row 1, column C: field too long (60 bytes"},
		{"after a multi-line field", head + "U1,\"a\nb\",1\nU2,b,\"c\nd" + long + "\"\n", 1, "field_too_long",
			"t.csv:4:3: row 4, column C: field too long (65 bytes; the limit is 50, set with --max-field): \"c\\nd" + strings.Repeat("长", 15) + "…\" (65 bytes)"},
		{"not closed", head + "U1,a,1\nU2,\"abc,2\n" + strings.Repeat("U9,z,9\n", 10), 1, "csv_syntax",
			"t.csv:3:4: a quoted field is not closed where it should be: a \" is missing, or one inside it is not doubled (the field at row 3, column B runs 77 bytes to the end of the data)"},
		{"row of many fields", head + "U1,a,1\nU2" + strings.Repeat(",1234567890", 90) + "\nU3,c,3\n", 1, "row_too_long",
			"t.csv:3: row 3 too long (more than 805 bytes in 74 fields; a row may hold 16 times the field limit 50, set with --max-field)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readLimited(t, tc.text, 50)
			var de *diag.Error
			if !errors.As(r.err, &de) || de.Code != tc.code || !strings.Contains(de.Error(), tc.msg) {
				t.Fatalf("error %v, want %s: %s", r.err, tc.code, tc.msg)
			}
			if len(r.units) != tc.units {
				t.Errorf("%d units before the error, want %d", len(r.units), tc.units)
			}
		})
	}
	// At the limit, and a long record of short fields, read as
	// encoding/csv reads them.
	for _, text := range []string{
		head + "U1," + strings.Repeat("x", 50) + ",1\n",
		head + "U1,\"" + strings.Repeat("x", 48) + "\",1\r\n",
		head + "U1," + strings.Repeat("x", 50) + "\r\n",
		head + "U1,a,1\nU2" + strings.Repeat(",1234567890", 40) + "\n",
	} {
		got := readLimited(t, text, 50)
		ref, _ := newRefCSV("t.csv", strings.NewReader(text), Options{Lang: "en"}.NewSchema(optionalRuleset()))
		if d := sameRead(got, readAll(ref)); d != "" {
			t.Errorf("%q: %s", text, d)
		}
	}
}

// TestCSVFieldLimitRandom: with a small limit, random files read the
// same by every chunk size and read size, and a file whose records are
// all within the limit reads as encoding/csv reads it.
func TestCSVFieldLimitRandom(t *testing.T) {
	pieces := []string{"U1", "甲", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", "1", "2.5", "xxxxxxxxxx", "长长长长长"}
	r := rand.New(rand.NewPCG(13, 14))
	long := 0
	for i := 0; i < 1500; i++ {
		var b strings.Builder
		b.WriteString("unit,name,spent\n")
		for n := r.IntN(60); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		got := readLimited(t, text, 20)
		var de *diag.Error
		if errors.As(got.err, &de) && (de.Code == "field_too_long" || de.Code == "row_too_long") {
			long++
			continue
		}
		if de != nil && de.Code == "csv_syntax" && strings.Contains(de.Msg, "runs") {
			long++
			continue
		}
		ref, refErr := newRefCSV("t.csv", strings.NewReader(text), Options{Lang: "en"}.NewSchema(optionalRuleset()))
		want := read{err: refErr}
		if refErr == nil {
			want = readAll(ref)
		}
		if d := sameRead(got, want); d != "" {
			t.Fatalf("%s\ninput: %q", d, text)
		}
	}
	if long < 100 {
		t.Errorf("only %d of the random files had a field over the limit", long)
	}
}

// fieldFile is a reader of a CSV file whose unit U2 has a name of n bytes,
// quoted when quoted, made as it is read.
type fieldFile struct {
	head, tail string
	n, done    int
	fill       byte
}

func newFieldFile(n int, quoted bool) *fieldFile {
	f := &fieldFile{head: "unit,name,spent\nU1,甲,1\nU2,", tail: ",2\nU3,丙,3\n", n: n, fill: 'x'}
	if quoted {
		f.head += `"`
		f.tail = `"` + f.tail
		f.n -= 2
	}
	return f
}

func (f *fieldFile) Read(p []byte) (int, error) {
	w := 0
	for w < len(p) {
		switch {
		case f.head != "":
			k := copy(p[w:], f.head)
			f.head = f.head[k:]
			w += k
		case f.done < f.n:
			k := min(len(p)-w, f.n-f.done)
			for i := range p[w : w+k] {
				p[w+i] = f.fill
			}
			f.done += k
			w += k
		case f.tail != "":
			k := copy(p[w:], f.tail)
			f.tail = f.tail[k:]
			w += k
		default:
			if w == 0 {
				return 0, io.EOF
			}
			return w, nil
		}
	}
	return w, nil
}

// TestCSVFiftyMegabyteField: a 50 MB cell is refused at the default limit
// with its row, column and length, and read whole under a higher limit,
// quoted or not. Reading it took 30 to 90 s before (the cutter rescanned
// the growing buffer at every read); `time go test ./data -run
// TestCSVFiftyMegabyteField` tells how long it takes now.
func TestCSVFiftyMegabyteField(t *testing.T) {
	const n = 50_000_000
	s := Options{Lang: "en"}.NewSchema(optionalRuleset())
	for _, quoted := range []bool{false, true} {
		src, err := newCSV("t.csv", newFieldFile(n, quoted), s, &Options{Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		r := readAll(src)
		var de *diag.Error
		want := fmt.Sprintf("t.csv:3:2: row 3, column B: field too long (%d bytes; the limit is %d, set with --max-field): \"%s…\" (%d bytes)", n, DefaultMaxField, strings.Repeat("x", diag.EchoMax), n)
		if len(r.units) != 1 || !errors.As(r.err, &de) || de.Error() != want || de.Code != "field_too_long" {
			t.Fatalf("quoted %v: %d units, error %v; want 1 unit and %s", quoted, len(r.units), r.err, want)
		}
		if de.Value != strings.Repeat("x", diag.EchoMax)+fmt.Sprintf("… (%d bytes)", n) {
			t.Errorf("error value %q", de.Value)
		}

		src, err = newCSV("t.csv", newFieldFile(n, quoted), s, &Options{Lang: "en", MaxField: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		r = readAll(src)
		if r.err != nil || len(r.units) != 3 || len(r.units[1].Name) != n-2*btoi(quoted) || r.units[2].ID != "U3" {
			t.Fatalf("quoted %v under a 64 MiB limit: %d units, error %v", quoted, len(r.units), r.err)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkCSVLongField reads a file with one field of 8 MB: its time
// grows with the field's length, not with its square.
func BenchmarkCSVLongField(b *testing.B) {
	s := Options{Lang: "en"}.NewSchema(optionalRuleset())
	for _, size := range []int{1 << 20, 8 << 20} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				src, err := newCSV("t.csv", newFieldFile(size, true), s, &Options{Lang: "en", MaxField: 16 << 20})
				if err != nil {
					b.Fatal(err)
				}
				if r := readAll(src); r.err != nil || len(r.units) != 3 {
					b.Fatal(r.err)
				}
			}
		})
	}
}

// TestHeaderListClipped: the message of a header without a unit column
// lists at most 40 columns, each clipped.
func TestHeaderListClipped(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "%s%d,", strings.Repeat("列", 100), i)
	}
	b.WriteString("end\nx\n")
	_, err := newCSV("t.csv", strings.NewReader(b.String()), Options{Lang: "en"}.NewSchema(testRuleset()), &Options{Lang: "en"})
	want := "its columns are " + strings.Repeat("列", 80) + "… (301 bytes), "
	if err == nil || len(err.Error()) > 40*400 || !strings.Contains(err.Error(), want) || !strings.HasSuffix(err.Error(), ", … (51 columns)") {
		t.Errorf("error of %d bytes: %.600s", len(err.Error()), err)
	}
}

// FuzzCSVFieldLimit: under a small field limit, every chunk size and read
// size reads the same, and a file with no field or row over the limit
// reads as encoding/csv reads it.
func FuzzCSVFieldLimit(f *testing.F) {
	f.Add("unit,name,spent\nU1,甲,1\nU2,xxxxxxxxxxxxxxxxxxxxxx,2\n")
	f.Add("unit,name\r\"U1\",\"a\rb\rc\rd\re\rf\rg\rh\ri\rj\"\r")
	f.Add("unit,name,spent\nU1,\"abc,1\nU2,d,2\nU3,e,3\n")
	f.Fuzz(func(t *testing.T, text string) {
		got := readLimited(t, text, 16)
		var de *diag.Error
		if errors.As(got.err, &de) && (de.Code == "field_too_long" || de.Code == "row_too_long" ||
			de.Code == "csv_syntax" && strings.Contains(de.Msg, "to the end of the data")) {
			return
		}
		ref, refErr := newRefCSV("t.csv", strings.NewReader(asLF(text)), Options{Lang: "en"}.NewSchema(optionalRuleset()))
		want := read{err: refErr}
		if refErr == nil {
			want = readAll(ref)
		}
		if d := sameRead(got, want); d != "" {
			t.Fatalf("%s\ninput: %q", d, text)
		}
	})
}
