package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Cells typed with a Chinese keyboard, old Mac line ends, UTF-16 without
// a byte-order mark and fields over the limit (the files cells-*).
func init() {
	badCases = append(badCases, []badCase{
		// ５０万 for a 万元 input, １，０００, １０００．０, ｂ：０．７, －５ and
		// Ａ score as their ASCII forms in cells-ascii.csv: U1 50/100 of
		// 60 = 30 and A 36 → 66; U2 1000/1000 = 60 and B:0.7 of 40 = 28 →
		// 88; U3 −5/100 → 0 and 达成 36 → 36.
		{name: "full-width cells", args: asJSON(badData("cells-fullwidth.csv")), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":66,`, `{"unit":"U2","name":"乙","score":88,`, `{"unit":"U3","name":"丙","score":36,`}},
		{name: "ASCII cells", args: asJSON(badData("cells-ascii.csv")), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":66,`, `{"unit":"U2","name":"乙","score":88,`, `{"unit":"U3","name":"丙","score":36,`}},
		{name: "Chinese numeral and superscript", args: badData("cells-chinese-numeral.csv"), exit: 1,
			stderr: []string{"jixiao: 2 of 3 units could not be scored (see their errors in the output)"},
			stdout: []string{`testdata/bad/data/cells-chinese-numeral.csv:2:3: row 2, column C: spent (支出): not a number: "五十" (the input's unit is 万元)`,
				`testdata/bad/data/cells-chinese-numeral.csv:3:3: row 3, column C: spent (支出): not a number: "10²" holds '²' (U+00B2), which only looks like "2": type the cell with plain digits, signs and letters`}},
		// Lines ending with a lone CR, as old Mac Excel's "CSV
		// (Macintosh)" writes: the same scores as ok.csv.
		{name: "CR line ends", args: asJSON(badData("cells-cr.csv")), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":66,`, `{"unit":"U2","name":"乙","score":88,`}},
		{name: "UTF-16LE without a byte-order mark", args: asJSON(badData("cells-utf16le-nobom.csv")), exit: 0,
			stderr: []string{"warning: testdata/bad/data/cells-utf16le-nobom.csv: the file is UTF-16 without a byte-order mark (every other byte is NUL); it was converted to UTF-8"},
			stdout: []string{`{"unit":"U1","name":"甲","score":66,`, `{"unit":"U2","name":"乙","score":88,`}},
		// U2's name is 100 × 长, 300 bytes.
		{name: "field over --max-field", args: append(badData("cells-long-field.csv"), "--max-field", "100"), exit: 2,
			stderr: []string{`testdata/bad/data/cells-long-field.csv:3:2: row 3, column B: field too long (300 bytes; the limit is 100, set with --max-field): "` + strings.Repeat("长", 33) + `…" (300 bytes)`}},
		{name: "field within the default limit", args: asJSON(badData("cells-long-field.csv")), exit: 0,
			stdout: []string{`{"unit":"U2","name":"` + strings.Repeat("长", 100) + `","score":88,`}},
		{name: "--max-field 0", args: append(badData("cells-long-field.csv"), "--max-field", "0"), exit: 2,
			stderr: []string{`jixiao: invalid argument "0" for "--max-field" flag: want a size such as 512M or 2G`}},
	}...)
}

// TestFullWidthScoresLikeASCII: a file typed with a Chinese keyboard and
// its ASCII twin give the same results, byte for byte but for the data's
// name and digest, in every format that shows scores.
func TestFullWidthScoresLikeASCII(t *testing.T) {
	provenance := regexp.MustCompile(`(?m)cells-(fullwidth|ascii)\.csv|[0-9a-f]{64}`)
	for _, format := range []string{"json", "csv", "table"} {
		var outs [2]string
		for i, file := range []string{"cells-fullwidth.csv", "cells-ascii.csv"} {
			code, out, errOut := runCLI(t, "eval", "-r", ok, "-d", D+file, "-f", format)
			if code != 0 {
				t.Fatalf("%s -f %s: exit %d\n%s", file, format, code, errOut)
			}
			outs[i] = provenance.ReplaceAllString(out, "")
		}
		if outs[0] != outs[1] {
			t.Errorf("-f %s: full-width cells give\n%s\nASCII cells give\n%s", format, outs[0], outs[1])
		}
	}
}

// TestLongFieldDefaultLimit: a data file with a 2 MiB cell is refused
// under the default limit of 1 MiB, naming row, column and length, and
// read under --max-field 4M.
func TestLongFieldDefaultLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.csv")
	cell := strings.Repeat("x", 2<<20)
	if err := os.WriteFile(path, []byte("unit,name,spent,budget,tier\nU1,甲,50,100,A\nU2,\""+cell+"\",100,100,B\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "eval", "-r", ok, "-d", path, "-f", "json")
	want := fmt.Sprintf(`%s:3:2: row 3, column B: field too long (2097154 bytes; the limit is 1048576, set with --max-field): "%s…" (2097154 bytes)`, path, strings.Repeat("x", 80))
	if code != 2 || out != "" || !strings.Contains(errOut, want) || len(errOut) > 1000 {
		t.Fatalf("exit %d, stdout %d bytes, stderr %.2000s\nwant exit 2 and %s", code, len(out), errOut, want)
	}
	code, out, errOut = runCLI(t, "eval", "-r", ok, "-d", path, "-f", "json", "--max-field", "4M")
	if code != 0 || !strings.Contains(out, `"unit":"U2","name":"`+cell+`","score":88,`) {
		t.Fatalf("--max-field 4M: exit %d\n%.500s", code, errOut)
	}
}

// TestLongBadValuesAreClipped: bad cells, an extra field and an unknown
// column of half a megabyte each are echoed at most 80 characters long, in
// every message and every output that shows errors.
func TestLongBadValuesAreClipped(t *testing.T) {
	long := strings.Repeat("坏", 170_000) // 510,000 bytes
	path := filepath.Join(t.TempDir(), "long.csv")
	text := "unit,name,spent,budget,tier," + long + "\n" +
		"U1,甲," + long + ",100,A,x\n" +
		"U2,乙,50,100," + long + ",x\n" +
		"U3,丙,50,100,A,x," + long + "\n" +
		"U4,丁,50,100,A,x\n"
	if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	clipped := strings.Repeat("坏", 80) + "…"
	for _, format := range []string{"table", "json", "csv", "md", "html"} {
		code, out, errOut := runCLI(t, "eval", "-r", ok, "-d", path, "-f", format)
		if code != 1 {
			t.Fatalf("-f %s: exit %d, want 1\n%.1000s", format, code, errOut)
		}
		for name, s := range map[string]string{"stdout": out, "stderr": errOut} {
			if strings.Contains(s, strings.Repeat("坏", 81)) {
				t.Errorf("-f %s: %s echoes a bad value whole (%d bytes)", format, name, len(s))
			}
		}
		if !strings.Contains(out+errOut, clipped) || !strings.Contains(out+errOut, "(510000 bytes)") {
			t.Errorf("-f %s: no value clipped to %q with its length in\n%.3000s\n%s", format, clipped, out, errOut)
		}
	}
	path2 := filepath.Join(t.TempDir(), "out.xlsx")
	if code, _, errOut := runCLI(t, "eval", "-r", ok, "-d", path, "-f", "xlsx", "-o", path2); code != 1 {
		t.Fatalf("-f xlsx: exit %d\n%.1000s", code, errOut)
	}
	wb, err := excelize.OpenFile(path2)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	seen := false
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if strings.Contains(cell, strings.Repeat("坏", 81)) {
					t.Errorf("-f xlsx: sheet %s has a bad value whole (%d bytes)", sheet, len(cell))
				}
				seen = seen || strings.Contains(cell, clipped)
			}
		}
	}
	if !seen {
		t.Errorf("-f xlsx: no cell holds a bad value clipped to %q", clipped)
	}
}
