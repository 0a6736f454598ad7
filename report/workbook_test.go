package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/spill"
)

// TestSortedZip writes parts out of order, one of them large and in many
// writes, and reads the archive back with archive/zip, which checks each
// part's CRC-32 and sizes: the parts come back whole, sorted with
// [Content_Types].xml first, stamped with the given time, and the same
// parts give the same bytes, whether they were held in memory or in a
// temporary file.
func TestSortedZip(t *testing.T) {
	for _, limit := range []int{zipStoreMem, 1000} { // in memory; in a temporary file past 1000 bytes
		t.Run(fmt.Sprintf("limit=%d", limit), func(t *testing.T) { testSortedZip(t, limit) })
	}
}

func testSortedZip(t *testing.T, limit int) {
	big := strings.Repeat("<row><c>合成单位 12.5</c></row>\n", 50000) // 1.8 MB, deflates well
	parts := []struct{ name, text string }{
		{"xl/worksheets/sheet1.xml", big},
		{"docProps/app.xml", "<app/>"},
		{"[Content_Types].xml", "<Types/>"},
		{"xl/empty.xml", ""},
		{"_rels/.rels", "<Relationships/>"},
	}
	mod := time.Date(2024, 3, 31, 9, 30, 12, 0, time.UTC)
	write := func() []byte {
		var out bytes.Buffer
		z := &sortedZip{w: &out, mod: mod, parts: map[string]*zipPart{}, store: spill.New(limit)}
		for _, p := range parts {
			w, err := z.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			for s := p.text; s != ""; {
				n := min(len(s), 4096)
				if _, err := io.WriteString(w, s[:n]); err != nil {
					t.Fatal(err)
				}
				s = s[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	b := write()
	if !bytes.Equal(b, write()) {
		t.Error("the same parts gave different bytes")
	}
	if len(b) > len(big)/10 {
		t.Errorf("archive is %d bytes for %d of repetitive text: parts are not deflated", len(b), len(big))
	}
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/empty.xml", "xl/worksheets/sheet1.xml"}
	text := map[string]string{}
	for _, p := range parts {
		text[p.name] = p.text
	}
	if len(r.File) != len(want) {
		t.Fatalf("%d parts, want %d", len(r.File), len(want))
	}
	for i, f := range r.File {
		if f.Name != want[i] {
			t.Errorf("part %d is %s, want %s", i, f.Name, want[i])
		}
		if !f.Modified.Equal(mod) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, mod)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC-32 at the end
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if string(got) != text[f.Name] {
			t.Errorf("%s: read back %d bytes, wrote %d", f.Name, len(got), len(text[f.Name]))
		}
	}
}

// TestSortedZipWriteAfterNext: a part cannot be written once the next is
// created, as with zip.Writer.
func TestSortedZipWriteAfterNext(t *testing.T) {
	z := &sortedZip{w: io.Discard, mod: zipEpoch, parts: map[string]*zipPart{}}
	a, _ := z.Create("a")
	if _, err := z.Create("b"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Write([]byte("x")); err == nil {
		t.Error("writing part a after creating b succeeded")
	}
}
