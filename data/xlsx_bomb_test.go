package data

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"testing"
	"time"
)

// deflatedZeros is a raw deflate stream of n MiB of zeros, built from one
// compressed MiB repeated: a sync-flushed deflate block stands alone, so
// copies of it follow each other in one stream.
func deflatedZeros(t testing.TB, mib int) []byte {
	t.Helper()
	var one bytes.Buffer
	w, _ := flate.NewWriter(&one, flate.BestCompression)
	w.Write(make([]byte, 1<<20))
	w.Flush()
	var all bytes.Buffer
	for range mib {
		all.Write(one.Bytes())
	}
	w, _ = flate.NewWriter(&all, flate.BestCompression)
	w.Close() // the final, empty block
	return all.Bytes()
}

// bomb is a workbook whose sheet declares (and holds) mib MiB of zeros
// after its start tags; declared, when not 0, is the size its directory
// declares instead.
func bomb(t testing.TB, mib int, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range map[string]string{
		"_rels/.rels":                `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, text)
	}
	size := uint64(mib) << 20
	if declared != 0 {
		size = declared
	}
	body := deflatedZeros(t, mib)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(body)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXBomb: a workbook of a few megabytes that unzips to 2 GiB is
// refused from its ZIP directory, before anything is unzipped, by each
// limit in turn; one that lies about its size is stopped as it is read.
func TestXLSXBomb(t *testing.T) {
	book := bomb(t, 2048, 0)
	if len(book) > 8<<20 {
		t.Fatalf("the bomb is %d bytes, want a few MB", len(book))
	}
	s := Options{Lang: "en"}.NewSchema(bureauRuleset())
	for _, tc := range []struct {
		o    Options
		want string
	}{
		{Options{Lang: "en"}, "b.xlsx: part xl/worksheets/sheet1.xml unzips to 2 GiB, more than the limit of 256 MiB for one part: no workbook of reported data is this large (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-part"},
		{Options{Lang: "en", XLSXMaxPart: 4 << 30}, "b.xlsx: part xl/worksheets/sheet1.xml unzips to 1011 times its compressed size (2 GiB from 2.0 MiB), more than the limit of 200 times: no workbook of reported data compresses so well (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-ratio"},
		{Options{Lang: "en", XLSXMaxPart: 4 << 30, XLSXMaxRatio: 2000}, "b.xlsx: the workbook unzips to more than the limit of 1 GiB: no workbook of reported data is this large (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-size"},
	} {
		start := time.Now()
		_, err := tc.o.OpenReader("b.xlsx", bytes.NewReader(book), s)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%+v: error\n%v\nwant\n%s", tc.o, err, tc.want)
		}
		t.Logf("%+v: refused in %v", tc.o, time.Since(start))
	}
	// With every limit raised, the reader still holds no more than a
	// cell's text at a time: the run of zeros is no sheet.
	_, err := Options{Lang: "en", XLSXMaxSize: 4 << 30, XLSXMaxPart: 4 << 30, XLSXMaxRatio: 2000}.OpenReader("b.xlsx", bytes.NewReader(book), s)
	if err == nil || !strings.Contains(err.Error(), "a text longer than 1048576 bytes") {
		t.Errorf("limits raised: %v", err)
	}
	// The directory says 64 KiB; the data goes on: reading stops where
	// the declared size ends.
	liar := bomb(t, 64, 64<<10)
	_, err = Options{Lang: "en"}.OpenReader("b.xlsx", bytes.NewReader(liar), s)
	if err == nil || !strings.Contains(err.Error(), "b.xlsx: sheet Sheet1: the workbook is damaged (xl/worksheets/sheet1.xml: zip: not a valid zip file)") {
		t.Errorf("lying sizes: %v", err)
	}
}
