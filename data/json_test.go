package data_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
)

// colOf returns the line (from 1) and column (in characters, from 1) of
// the first occurrence of sub on or after line from of src, so that tests
// name positions by what is there rather than by counting.
func colOf(t *testing.T, src string, from int, sub string) (line, col int) {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if i+1 < from {
			continue
		}
		if k := strings.Index(l, sub); k >= 0 {
			return i + 1, len([]rune(l[:k])) + 1
		}
	}
	t.Fatalf("%q not in %q from line %d", sub, src, from)
	return 0, 0
}

// jsonSchema is the schema of ruleset (data_test.go) with every input
// optional: the tests here are about reading keys, not about which inputs
// a file gives (see columns_test.go).
func jsonSchema(t *testing.T) *data.Schema {
	t.Helper()
	rs, err := rulesets.Load("d.yaml", []byte(ruleset))
	if err != nil {
		t.Fatal(err)
	}
	for i := range rs.Inputs {
		rs.Inputs[i].Optional = true
	}
	return data.Options{Lang: "en"}.NewSchema(rs)
}

// readUnits reads every unit of src as file name, and the error that
// stopped the reading, if any.
func readUnits(t *testing.T, name, src string) ([]indicators.Unit, error) {
	t.Helper()
	s, err := data.Options{Lang: "en"}.OpenReader(name, strings.NewReader(src), jsonSchema(t))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var units []indicators.Unit
	for {
		u, err := s.Next()
		if err == io.EOF {
			return units, nil
		}
		if err != nil {
			return units, err
		}
		units = append(units, *u)
	}
}

// TestJSONNumberOutOfRange: a number no float64 holds fails its unit, with
// the file, line, column, field and value, and the other units are scored,
// as in .jsonl and .yaml. It used to refuse the whole .json file with
// "json: json: cannot unmarshal …" and no position.
func TestJSONNumberOutOfRange(t *testing.T) {
	digits := "1" + strings.Repeat("0", 399)
	src := "[\n" +
		`  {"unit": "U1", "data": {"spent": 50, "budget": 100, "tier": "A"}},` + "\n" +
		`  {"unit": "U2", "data": {"spent": 1e400, "budget": 100, "tier": "A"}},` + "\n" +
		`  {"unit": "U3", "data": {"spent": 50, "budget": ` + digits + `, "tier": "A"}},` + "\n" +
		`  {"unit": "U4", "data": {"spent": -1E+999, "budget": 100, "tier": "B"}},` + "\n" +
		`  {"unit": "U5", "data": {"spent": 50, "budget": 100, "tier": "B"}}` + "\n" +
		"]\n"
	units, err := readUnits(t, "u.json", src)
	if err != nil {
		t.Fatalf("the file was refused: %v", err)
	}
	if len(units) != 5 {
		t.Fatalf("%d units, want 5", len(units))
	}
	for _, i := range []int{0, 4} {
		if len(units[i].Errors) > 0 || units[i].Values[0] != indicators.NumberValue(50) {
			t.Errorf("%s: errors %v values %v, want scored", units[i].ID, units[i].Errors, units[i].Values)
		}
	}
	for _, tc := range []struct {
		i            int
		field, value string
		line         int
	}{{1, "spent", "1e400", 3}, {2, "budget", digits, 4}, {3, "spent", "-1E+999", 5}} {
		u := units[tc.i]
		if len(u.Errors) != 1 {
			t.Errorf("%s: errors %v, want one", u.ID, u.Errors)
			continue
		}
		e := u.Errors[0]
		line, col := colOf(t, src, tc.line, tc.value)
		want := diag.Pos{File: "u.json", Line: line, Col: col}
		if e.Pos != want || e.Field != tc.field || e.Value != diag.Clip(tc.value) || e.Code != "bad_cell" ||
			!errors.Is(e, indicators.ErrNotNumber) || !strings.Contains(e.Msg, "out of range") {
			t.Errorf("%s: error %+v, want bad_cell at %v on %s = %.10s… out of range", u.ID, e, want, tc.field, tc.value)
		}
	}
}

// TestJSONSyntaxError: the units before a syntax error are read, and the
// error names the line and column of the character that breaks the file,
// for errors between values and inside them.
func TestJSONSyntaxError(t *testing.T) {
	head := "[\n" + `  {"unit": "U1", "data": {"spent": 50, "budget": 100}},` + "\n"
	for _, tc := range []struct {
		name, line, at, msg string
	}{
		{"missing comma", `  {"unit": "U2", "data": {"spent": 50 "budget": 100}}`, `"budget"`, `json: invalid character '"' after object key:value pair`},
		{"bad literal", `  {"unit": "U2", "data": {"spent": tru, "budget": 100}}`, `, "budget"`, `json: invalid character ',' in literal true (expecting 'e')`},
		{"bad number", `  {"unit": "U2", "data": {"spent": -x, "budget": 100}}`, `x,`, `json: invalid character 'x' in numeric literal`},
		{"control character", "  {\"unit\": \"U2\", \"name\": \"甲\x01\", \"data\": {}}", "\x01", `json: invalid character '\x01' in string literal`},
		{"single quotes", `  {"unit": 'U2'}`, `'U2'`, `json: invalid character '\'' looking for beginning of value`},
		{"trailing comma", `  {"unit": "U2", "data": {"spent": 50,}}`, `}}`, `json: invalid character '}' looking for beginning of object key string`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := head + tc.line + "\n]\n"
			units, err := readUnits(t, "u.json", src)
			if len(units) != 1 || units[0].ID != "U1" || len(units[0].Errors) > 0 {
				t.Errorf("units before the error: %+v, want U1 scored", units)
			}
			line, col := colOf(t, src, 3, tc.at)
			var de *diag.Error
			if !errors.As(err, &de) || de.Pos != (diag.Pos{File: "u.json", Line: line, Col: col}) || de.Msg != tc.msg || de.Code != "json_syntax" {
				t.Fatalf("error %#v\nwant u.json:%d:%d: %s", err, line, col, tc.msg)
			}
			if de.Snippet != strings.TrimRight(tc.line, "\n") {
				t.Errorf("snippet %q, want the line", de.Snippet)
			}
		})
	}

	// A file that ends too early names the place just after its last
	// character.
	src := head + `  {"unit": "U2", "data": {"spent": 50` + "\n"
	units, err := readUnits(t, "u.json", src)
	var de *diag.Error
	if len(units) != 1 || !errors.As(err, &de) || de.Pos != (diag.Pos{File: "u.json", Line: 3, Col: 38}) || de.Msg != "json: unexpected end of JSON input" {
		t.Errorf("truncated file: %d units, error %v", len(units), err)
	}
	// Text after the list is refused where it starts.
	src = head[:len(head)-2] + "\n]\n{\"unit\": \"U9\"}\n"
	if _, err := readUnits(t, "u.json", src); err == nil || !strings.HasPrefix(err.Error(), "u.json:4:1: json: ") {
		t.Errorf("data after the list: %v", err)
	}
}

// TestJSONShapes: the list may be the document or its units key; anything
// else is refused with its position, before a unit is read.
func TestJSONShapes(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"list", `[{"unit": "U1"}, {"unit": "U2"}]`, "U1,U2"},
		{"units key", "\ufeff{\"title\": {\"a\": [1, {}]}, \"units\": [{\"unit\": \"U1\"}], \"year\": 2024}", "U1"},
		{"empty list", " [ ] ", ""},
		{"empty", " \n", "u.json: the data file is empty: want a list of {unit, name, data}"},
		{"object without units", `{"unit": "U1"}`, "u.json:1:1: want a list of units, each {unit, name, data: {input: value}}"},
		{"units not a list", `{"units": {"unit": "U1"}}`, "u.json:1:11: want a list of units, each {unit, name, data: {input: value}}"},
		{"scalar", `"U1"`, "u.json:1:1: want a list of units, each {unit, name, data: {input: value}}"},
		{"units twice", "{\"units\": [{\"unit\": \"U1\"}],\n \"units\": []}", `u.json:2:2: duplicate key "units" (first at line 1, column 2): keep one`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units, err := readUnits(t, "u.json", tc.src)
			var ids []string
			for _, u := range units {
				ids = append(ids, u.ID)
			}
			got := strings.Join(ids, ",")
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDuplicateKeys: a key given twice in a unit — the same key, or an
// input's id and its label, a claim flat and nested — fails that unit at
// the second key, in every keyed format; the other units are scored.
// Before, one of the two values silently won.
func TestDuplicateKeys(t *testing.T) {
	type dupCase struct {
		name string
		unit string // the first unit, which has the duplicate
		at   string // the second key, as written
		msg  string
		code string // duplicate_key, or for two names of one field duplicate_column
	}
	json := []dupCase{
		{"data key", `{"unit": "U1", "data": {"spent": 1, "budget": 2, "spent": 2}}`, `"spent": 2`, `duplicate key "spent" (first at line 2, column 25): keep one`, ""},
		{"unit key", `{"unit": "U1", "data": {"spent": 1}, "unit": "U9"}`, `"unit": "U9"`, `duplicate key "unit" (first at line 2, column 2): keep one`, ""},
		{"data twice", `{"unit": "U1", "data": {"spent": 1}, "data": {"budget": 1}}`, `"data": {"b`, `duplicate key "data" (first at line 2, column 16): keep one`, ""},
		{"id and label", `{"unit": "U1", "data": {"spent": 1, "全年执行数": 2}}`, `"全年执行数"`, `keys "spent" and "全年执行数" both give input spent (全年执行数): keep one of them`, "duplicate_column"},
		{"claim flat and nested", `{"unit": "U1", "data": {"spent": 1}, "claimed.exec": 5, "claimed": {"exec": 6}}`, `"exec": 6`, `duplicate key "claimed.exec" (first at line 2, column 38): keep one`, ""},
		{"unit in data", `{"unit": "U1", "data": {"unit": "U9"}}`, `"unit": "U9"`, `duplicate key "unit" (first at line 2, column 2): keep one`, ""},
	}
	yaml := []dupCase{
		{"data key", "unit: U1\n  data: {spent: 1, budget: 2, spent: 2}", "spent: 2", `duplicate key "spent" (first at line 2, column 10): keep one`, ""},
		{"unit key", "unit: U1\n  unit: U9", "unit: U9", `duplicate key "unit" (first at line 1, column 3): keep one`, ""},
		{"id and label", "unit: U1\n  data:\n    spent: 1\n    全年执行数: 2", "全年执行数", `keys "spent" and "全年执行数" both give input spent (全年执行数): keep one of them`, "duplicate_column"},
		{"claim flat and nested", "unit: U1\n  claimed.exec: 5\n  claimed: {exec: 6}", "exec: 6", `duplicate key "claimed.exec" (first at line 2, column 3): keep one`, ""},
	}
	const second = `{"unit": "U2", "data": {"spent": 1, "budget": 2}}`
	check := func(t *testing.T, name, src string, firstLine int, c dupCase) {
		t.Helper()
		units, err := readUnits(t, name, src)
		if err != nil || len(units) != 2 {
			t.Fatalf("%d units, error %v", len(units), err)
		}
		line, col := colOf(t, src, firstLine, c.at)
		want := fmt.Sprintf("%s:%d:%d: %s", name, line, col, c.msg)
		if c.code == "" {
			c.code = "duplicate_key"
		}
		if u := units[0]; len(u.Errors) != 1 || u.Errors[0].Error() != want || u.Errors[0].Code != c.code {
			t.Errorf("errors %v\nwant %s", u.Errors, want)
		}
		if u := units[1]; u.ID != "U2" || len(u.Errors) > 0 {
			t.Errorf("the other unit: %s %v, want U2 scored", u.ID, u.Errors)
		}
	}
	for _, c := range json {
		t.Run("json "+c.name, func(t *testing.T) {
			check(t, "u.json", "[\n"+c.unit+",\n"+second+"\n]", 2, c)
		})
		t.Run("jsonl "+c.name, func(t *testing.T) {
			// JSON Lines names the line of a bad cell, and the line and
			// column of a duplicate key.
			check(t, "u.jsonl", "\n"+c.unit+"\n"+second+"\n", 2, c)
		})
	}
	for _, c := range yaml {
		t.Run("yaml "+c.name, func(t *testing.T) {
			check(t, "u.yaml", "- "+c.unit+"\n- "+second+"\n", 1, c)
		})
	}

	// Keys outside the units: the list itself given twice is ambiguous,
	// and the file is refused.
	_, err := readUnits(t, "u.yaml", "units: [{unit: U1}]\ntitle: x\nunits: [{unit: U2}]\n")
	if err == nil || err.Error() != `u.yaml:3:1: duplicate key "units" (first at line 1, column 1): keep one` {
		t.Errorf("yaml units twice: %v", err)
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// unitsJSON generates a .json list of n units, minified on one line, as
// it is read: the test holds no file.
type unitsJSON struct {
	n, i int
	buf  []byte
}

func (g *unitsJSON) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		switch {
		case g.i > g.n:
			return 0, io.EOF
		case g.i == g.n:
			g.buf = []byte("]")
		default:
			sep := ","
			if g.i == 0 {
				sep = "["
			}
			g.buf = fmt.Appendf(nil, `%s{"unit":"U%d","name":"单位%d","data":{"spent":%d,"budget":100,"tier":"A"}}`, sep, g.i, g.i, g.i%100)
		}
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// TestJSONStreams: a .json file is read a unit at a time: the first unit
// comes after a few kilobytes of a 4 MB file (it used to be read whole
// first), and the last unit's position is right on a line of 4 MB.
func TestJSONStreams(t *testing.T) {
	const n = 50_000
	in := &countingReader{r: &unitsJSON{n: n}}
	s, err := data.Options{Lang: "en"}.OpenStreamReader("big.json", in, jsonSchema(t), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.Next()
	if err != nil || u.ID != "U0" {
		t.Fatalf("first unit %v, %v", u, err)
	}
	if in.n > 256<<10 {
		t.Errorf("%d bytes read before the first unit, want a few kilobytes", in.n)
	}
	var last *indicators.Unit
	count := 1
	for {
		u, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		last, count = u, count+1
	}
	if count != n {
		t.Fatalf("%d units, want %d", count, n)
	}
	// The last unit starts after every other unit's text on the one line.
	col := 2 // after the [
	for i := 0; i < n-1; i++ {
		col += len([]rune(fmt.Sprintf(`{"unit":"U%d","name":"单位%d","data":{"spent":%d,"budget":100,"tier":"A"}},`, i, i, i%100)))
	}
	if want := (diag.Pos{File: "big.json", Line: 1, Col: col}); last.Pos != want {
		t.Errorf("last unit at %v, want %v", last.Pos, want)
	}
}

// TestJSONReadsLikeYAML: the same units read from .json, .jsonl and .yaml
// give the same values and the same errors: the same codes and fields in
// the three, the same messages in the two JSON formats, which say
// "object" and show a value of the wrong kind as written.
func TestJSONReadsLikeYAML(t *testing.T) {
	units := []string{
		`{"unit": "U1", "name": "甲", "data": {"spent": "1,234.5", "budget": 2000, "人数": "55440人", "tier": "B:0.7"}, "note": 1}`,
		`{"unit": 7, "data": {"spent": null, "budget": "NA", "tier": 3, "x": 1}}`,
		`{"unit": "U3", "data": {"spent": true, "budget": [1, {"a": 2}], "tier": {"A": 1}}}`,
		`{"unit": "U4", "data": {"spent": "1e5", "budget": "", "tier": "达成"}, "claimed": 5}`,
		`{"unit": ["U5"], "name": {"x": 1}, "data": 5}`,
		`5`,
		`{}`,
	}
	// read gives each unit twice: its values and error codes, then its
	// error messages.
	read := func(name, src string) (values, msgs []string) {
		got, err := readUnits(t, name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, u := range got {
			v, m := fmt.Sprintf("%s|%s|%v", u.ID, u.Name, u.Values), ""
			for _, e := range u.Errors {
				v += fmt.Sprintf("|%s %s", e.Code, e.Field)
				m += fmt.Sprintf("|%q %s", e.Value, e.Msg)
			}
			values, msgs = append(values, v), append(msgs, m)
		}
		return values, msgs
	}
	y, _ := read("u.yaml", "- "+strings.Join(units, "\n- ")+"\n")
	j, jm := read("u.json", "["+strings.Join(units, ",\n")+"]")
	jl, jlm := read("u.jsonl", strings.Join(units, "\n"))
	if len(y) != len(units) || len(j) != len(units) || len(jl) != len(units) {
		t.Fatalf("%d, %d, %d units, want %d", len(y), len(j), len(jl), len(units))
	}
	for i := range units {
		if j[i] != y[i] {
			t.Errorf("unit %d\n json %s\n yaml %s", i, j[i], y[i])
		}
		if i == 5 {
			continue // not an object: not_a_unit in a list, json_syntax as a line
		}
		if jl[i] != j[i] || jlm[i] != jm[i] {
			t.Errorf("unit %d\njsonl %s %s\n json %s %s", i, jl[i], jlm[i], j[i], jm[i])
		}
	}
}

// FuzzReadJSON: the .json reader holds the promise of fuzzRead (no panic,
// a positioned error for a file it cannot read, else every unit scored
// within the rules or failed with positioned errors).
func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{
		`[{"unit": "U1", "name": "甲", "data": {"spent": 50, "budget": 100, "tier": "A"}},` + "\n" +
			`{"unit": "U2", "data": {"spent": "1,234.5万元", "budget": "NA", "tier": "B:0.7"}}]`,
		`[{"unit": 7, "data": {"支出": 1e400, "预算": -1, "档次": 3}}]`,
		`{"title": "x", "units": [{"unit": "U1", "claimed": {"exec": 20, "score": "80分"}, "reason.exec": "说明"}]}`,
		`[{"unit": "U1", "data": {"spent": [1], "budget": {"a": 1}, "tier": true}}, 5, [], null]`,
		`[{"unit": "U1", "data": {"spent": 1, "spent": 2, "支出": 3}, "unit": "U2"}]`,
		"\ufeff[{\"unit\": \"U1\", \"data\": {\"spent\": null}}]",
		`[{"unit": "U1", "data": {"spent": 1 "budget": 0}}]`,
		`{"units": [], "units": []}`,
		"[{\"unit\": \"\xc4\xe3\"}]",
		"",
	} {
		f.Add([]byte(s))
	}
	prog := fuzzProgram(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzRead(t, prog, "fuzz.json", src)
	})
}

// TestJSONNullIDAndName: null is no id (the unit fails for want of one)
// and no name, in both JSON formats.
func TestJSONNullIDAndName(t *testing.T) {
	for _, name := range []string{"u.json", "u.jsonl"} {
		src := `{"unit": null, "data": {"spent": 1}}` + "\n" + `{"unit": "U2", "name": null, "data": {"spent": 1}}`
		if name == "u.json" {
			src = "[" + strings.Replace(src, "\n", ",", 1) + "]"
		}
		units, err := readUnits(t, name, src)
		if err != nil || len(units) != 2 {
			t.Fatalf("%s: %d units, %v", name, len(units), err)
		}
		if e := units[0].Errors; len(e) != 1 || e[0].Code != "missing_unit_id" {
			t.Errorf("%s: null id: %v", name, e)
		}
		if u := units[1]; len(u.Errors) > 0 || u.Name != "" {
			t.Errorf("%s: null name: %q %v", name, u.Name, u.Errors)
		}
	}
}
