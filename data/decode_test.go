package data_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

func gb18030(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16le(t *testing.T, s string) string {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// utf16NoBOM is s in UTF-16 in byte order e, without a byte-order mark.
func utf16NoBOM(t *testing.T, e unicode.Endianness, s string) string {
	t.Helper()
	b, err := unicode.UTF16(e, unicode.IgnoreBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decodeCSV is a CSV file headed by labels, the way a unit's finance
// system exports it.
const decodeCSV = "单位编码,单位名称,支出,预算,档次\n" +
	"U1,甲区网格化管理服务中心,\"1,234.5万元\",2000,达成\n" +
	"U2,乙区网格化管理服务中心,50,100,部分达成\n"

func TestDecodeConvertsGB18030AndUTF16(t *testing.T) {
	filler := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "X%04d,x,1,2,A\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name    string
		src     string
		warning string // substring of the one warning; "" for none
	}{
		{"utf-8", decodeCSV, ""},
		{"utf-8 with BOM", "\ufeff" + decodeCSV, ""},
		{"gb18030", gb18030(t, decodeCSV), "the file is GB18030 (GBK), as older Chinese systems and Excel's plain CSV write it; it was converted to UTF-8"},
		// 42000 bytes of ASCII before the first Chinese character: the
		// decision falls in the second chunk of the decoding layer.
		{"gb18030 after a long ascii prefix", gb18030(t, "unit,name,spent,budget,tier\n"+filler(3000)+"U1,甲区网格化管理服务中心,\"1,234.5万元\",2000,达成\nU2,乙区网格化管理服务中心,50,100,部分达成\n"), "converted to UTF-8"},
		{"utf-16 with BOM", utf16le(t, decodeCSV), "the file is UTF-16 (Excel's \"Unicode text\"); it was converted to UTF-8"},
		{"utf-16le without BOM", utf16NoBOM(t, unicode.LittleEndian, decodeCSV), "the file is UTF-16 without a byte-order mark (every other byte is NUL); it was converted to UTF-8"},
		{"utf-16be without BOM", utf16NoBOM(t, unicode.BigEndian, decodeCSV), "the file is UTF-16 without a byte-order mark"},
		{"utf-16le without BOM, a character outside the BMP", utf16NoBOM(t, unicode.LittleEndian, strings.Replace(decodeCSV, "甲区", "𠀀区", 1)), "the file is UTF-16 without a byte-order mark"},
		// A character split across the 32 KiB chunks of the layer.
		// 28 + 2338 × 14 + 3 + 4 = 32767 bytes before 一, whose 3 bytes
		// are the last of the first chunk (32768) and the first of the next.
		{"utf-8 across a chunk boundary", "unit,name,spent,budget,tier\n" + filler(2338) + "Y,x" + strings.Repeat("x", 4) + "一,1,2,A\n" + "U1,甲区网格化管理服务中心,\"1,234.5万元\",2000,达成\nU2,乙区网格化管理服务中心,50,100,部分达成\n", ""},
	}
	if i := strings.Index(tests[8].src, "一"); tests[8].name != "utf-8 across a chunk boundary" || i != 32767 {
		t.Fatalf("一 at byte %d, want 32767 (across the chunk boundary)", i)
	}
	rs := decodeRuleset(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, err := data.Options{Lang: "en"}.OpenReader("units.csv", strings.NewReader(tc.src), data.Options{Lang: "en"}.NewSchema(rs))
			if err != nil {
				t.Fatal(err)
			}
			units, warnings, sum, err := data.Collect(src)
			if err != nil {
				t.Fatal(err)
			}
			// The last two units are U1 and U2 in every file.
			u1, u2 := units[len(units)-2], units[len(units)-1]
			if u1.ID != "U1" || u1.Name != "甲区网格化管理服务中心" && u1.Name != "𠀀区网格化管理服务中心" || u2.Name != "乙区网格化管理服务中心" {
				t.Fatalf("units %q %q, %q %q", u1.ID, u1.Name, u2.ID, u2.Name)
			}
			// 1,234.5万元 → 1234.5; 达成 → A; 部分达成 → B.
			if u1.Values[0] != indicators.NumberValue(1234.5) || u1.Values[2].Tier != 'A' || u2.Values[2].Tier != 'B' {
				t.Errorf("values %v %v", u1.Values, u2.Values)
			}
			for _, u := range units {
				if len(u.Errors) > 0 {
					t.Errorf("unit %s: %v", u.ID, u.Errors)
				}
			}
			var enc []*diag.Error
			for _, w := range warnings {
				if w.Code == "encoding" {
					enc = append(enc, w)
				}
			}
			switch {
			case tc.warning == "" && len(enc) > 0:
				t.Errorf("warning %v for a UTF-8 file", enc[0])
			case tc.warning != "" && (len(enc) != 1 || !strings.Contains(enc[0].Msg, tc.warning) || enc[0].Pos.File != "units.csv"):
				t.Errorf("warnings %v, want one holding %q", warnings, tc.warning)
			}
			// The digest is of the file's own bytes, before conversion.
			want := sha256.Sum256([]byte(tc.src))
			if sum != hex.EncodeToString(want[:]) {
				t.Errorf("sha256 %s, want that of the raw bytes %x", sum, want)
			}
		})
	}
}

func decodeRuleset(t *testing.T) *indicators.Ruleset {
	t.Helper()
	return &indicators.Ruleset{ID: "d", Inputs: []indicators.Input{
		{ID: "spent", Label: "支出", Unit: "万元", Type: indicators.TypeNumber},
		{ID: "budget", Label: "预算", Type: indicators.TypeNumber},
		{ID: "tier", Label: "档次", Type: indicators.TypeTier},
	}}
}

func TestDecodeRefusesWhatIsNotText(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want string // the whole error
	}{
		{"zip archive", "units.csv", "PK\x03\x04\x14\x00\x06\x00",
			"units.csv: the file is a ZIP archive (an XLSX workbook?), not text: give a workbook the .xlsx extension, or save it as CSV UTF-8"},
		{"old excel", "units.csv", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
			"units.csv: the file is an old Excel .xls workbook, not text: save it as .xlsx or as CSV UTF-8"},
		// The NUL is the 4th character of line 2.
		{"binary", "units.csv", "unit,spent\nU1,\x00\x01\x02",
			"units.csv:2:4: the file holds binary data (a NUL byte), not text: want a CSV, JSON or YAML text file"},
		// Every other byte NUL, but a control character is no text.
		{"binary with every other byte NUL", "units.csv", "u\x00n\x00i\x00t\x00\x01\x00\x02\x00",
			"units.csv:1:2: the file holds binary data (a NUL byte), not text: want a CSV, JSON or YAML text file"},
		// 0xFF starts no character of UTF-8 or GB18030; it is the 4th
		// character of line 2.
		{"neither utf-8 nor gb18030", "units.csv", "unit,name\nU1,\xff\xfe\xfd\n",
			"units.csv:2:4: the text is neither UTF-8 nor GB18030 (GBK) (byte 0xFF): save the file as UTF-8 (Excel: 另存为 → CSV UTF-8), or convert it with iconv -f GB18030 -t UTF-8"},
		// 甲 in UTF-8 on line 2 decides UTF-8; 乙 in GBK on line 3 is not.
		{"mixed encodings", "units.csv", "unit,name\nU1,甲\nU2,\xd2\xd2\n",
			"units.csv:3:4: invalid UTF-8 (byte 0xD2) in a file that is UTF-8 before this point: the file mixes encodings; save it as UTF-8 (Excel: 另存为 → CSV UTF-8)"},
		// Lines that end with a lone CR are counted as lines.
		{"mixed encodings, CR line ends", "units.csv", "unit,name\rU1,甲\rU2,\xd2\xd2\r",
			"units.csv:3:4: invalid UTF-8 (byte 0xD2) in a file that is UTF-8 before this point: the file mixes encodings; save it as UTF-8 (Excel: 另存为 → CSV UTF-8)"},
		// The first CR is the last byte of the layer's first 32 KiB chunk.
		{"mixed encodings, CR line ends, CR at a chunk's end", "units.csv", "unit,支出,预算,档次," + strings.Repeat("x", 32767-len("unit,支出,预算,档次,")) + "\rU1,甲\rU2,\xd2\xd2\r",
			"units.csv:3:4: invalid UTF-8 (byte 0xD2) in a file that is UTF-8 before this point: the file mixes encodings; save it as UTF-8 (Excel: 另存为 → CSV UTF-8)"},
		{"binary json lines", "units.jsonl", "{\"unit\": \"U1\"}\n\x00",
			"units.jsonl:2:1: the file holds binary data (a NUL byte), not text: want a CSV, JSON or YAML text file"},
		{"gbk yaml", "units.yaml", "- {unit: U1, name: \xff}\n",
			"units.yaml:1:20: the text is neither UTF-8 nor GB18030 (GBK) (byte 0xFF): save the file as UTF-8 (Excel: 另存为 → CSV UTF-8), or convert it with iconv -f GB18030 -t UTF-8"},
	}
	rs := decodeRuleset(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, err := data.Options{Lang: "en"}.OpenReader(tc.file, strings.NewReader(tc.src), data.Options{Lang: "en"}.NewSchema(rs))
			if err == nil {
				_, _, _, err = data.Collect(src)
			}
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error %T %v, want a *diag.Error", err, err)
			}
			if got := de.Error(); got != tc.want {
				t.Errorf("error\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// GBK text in a YAML file is read too: the layer is below every text
// format.
func TestDecodeGB18030YAML(t *testing.T) {
	src := gb18030(t, "- {unit: U1, name: 甲区, data: {支出: 1234.5万元, 预算: 2000, 档次: 达成}}\n")
	s, err := data.Options{Lang: "en"}.OpenReader("units.yaml", bytes.NewReader([]byte(src)), data.Options{Lang: "en"}.NewSchema(decodeRuleset(t)))
	if err != nil {
		t.Fatal(err)
	}
	units, warnings, _, err := data.Collect(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 1 || units[0].Name != "甲区" || units[0].Values[0] != indicators.NumberValue(1234.5) || len(units[0].Errors) > 0 {
		t.Errorf("units %+v", units)
	}
	if len(warnings) != 1 || warnings[0].Code != "encoding" {
		t.Errorf("warnings %v", warnings)
	}
}

// A JSON Lines file with a line beyond the reader's 16 MiB says so.
func TestJSONLLineTooLong(t *testing.T) {
	src := `{"unit": "U1"}` + "\n" + `{"unit": "` + strings.Repeat("x", 17<<20) + `"}` + "\n"
	s, err := data.Options{Lang: "en"}.OpenReader("units.jsonl", strings.NewReader(src), data.Options{Lang: "en"}.NewSchema(decodeRuleset(t)))
	if err == nil {
		_, _, _, err = data.Collect(s)
	}
	if err == nil || err.Error() != "units.jsonl:2: the line is longer than 16 MiB: JSON Lines holds one unit per line" {
		t.Errorf("error %v", err)
	}
}
