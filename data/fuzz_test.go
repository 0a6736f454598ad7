package data_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// fuzzRuleset has a number input with a unit, a plain number input and a
// tier input, read by one indicator each.
const fuzzRuleset = `id: fuzz
inputs:
  spent:  {label: 支出, unit: 万元}
  budget: {label: 预算}
  tier:   {label: 档次, type: tier}
indicators:
  - {id: exec, label: 执行率, weight: 40, value: spent / budget, target: ">= 1"}
  - {id: cost, label: 成本, weight: 30, value: spent, target: "<= budget"}
  - {id: quality, label: 质量, weight: 30, value: tier}
`

func fuzzProgram(t testing.TB) *engine.Program {
	rs, err := rulesets.Load("fuzz.yaml", []byte(fuzzRuleset))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, &engine.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// checkPositioned fails unless e names file, a line from 1, a code and a
// message.
func checkPositioned(t *testing.T, e *diag.Error, file string) {
	t.Helper()
	if e.Pos.File != file || e.Code == "" || e.Msg == "" || e.Code == "internal" {
		t.Fatalf("error %+v: want file %s, a code and a message", e, file)
	}
}

// checkRefusal fails unless err is a *diag.Error naming file, or a
// non-empty diag.List of them: a header can be wrong in several places at
// once (a column named twice, twice over).
func checkRefusal(t *testing.T, op string, err error, file string) {
	t.Helper()
	var list diag.List
	if errors.As(err, &list) {
		if len(list) == 0 {
			t.Fatalf("%s: an empty diag.List", op)
		}
		for _, de := range list {
			checkPositioned(t, de, file)
		}
		return
	}
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("%s: %T %v, want a *diag.Error or a diag.List", op, err, err)
	}
	checkPositioned(t, de, file)
}

// fuzzRead reads src as file name and holds the readers to their promise:
// no panic; a file it cannot read is refused with a diag.Error naming it;
// otherwise every unit either carries positioned errors or scores within
// the rules.
func fuzzRead(t *testing.T, prog *engine.Program, name string, src []byte) {
	s, err := data.Options{Lang: "en"}.OpenReader(name, bytes.NewReader(src), data.Options{Lang: "en"}.NewSchema(prog.Ruleset()))
	if err != nil {
		checkRefusal(t, "OpenReader", err, name)
		return
	}
	defer s.Close()
	for n := 0; ; n++ {
		if n > len(src)+1 {
			t.Fatalf("more units (%d) than bytes (%d)", n, len(src))
		}
		u, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			checkRefusal(t, "Next", err, name)
			return
		}
		if u.Pos.File != name || u.Pos.Line < 1 {
			t.Fatalf("unit %q at %v: want a line of %s", u.ID, u.Pos, name)
		}
		for _, e := range u.Errors {
			checkPositioned(t, e, name)
			if e.Pos.Line < 1 {
				t.Fatalf("unit %q: error without a line: %v", u.ID, e)
			}
		}
		r := prog.EvalUnit(u)
		if len(u.Errors) > 0 && !r.Failed() {
			t.Fatalf("unit %q has read errors %v but scored", u.ID, u.Errors)
		}
		if r.Failed() {
			for _, e := range r.Errors {
				checkPositioned(t, e, name)
			}
			continue
		}
		for _, ir := range r.Indicators {
			if !(ir.Points >= 0 && ir.Points <= ir.Weight) {
				t.Fatalf("unit %q indicator %s: points %v outside [0, %v]", u.ID, ir.ID, ir.Points, ir.Weight)
			}
		}
		if !(r.Score >= 0 && r.Score <= 100) {
			t.Fatalf("unit %q: score %v outside [0, 100]", u.ID, r.Score)
		}
	}
	if s.SHA256() == "" {
		t.Fatal("no digest after the last unit")
	}
}

// csvSeeds are CSV files as units send them, good and bad.
var csvSeeds = []string{
	// A column named three times: refused with a list (CI's fuzzer found it).
	"unit,name,spent,1,budget,1,1\nU1,甲,1,2,3,4,5\n",
	"unit,name,spent,budget,tier\nU1,甲,50,100,A\nU2,乙,1,234.5万元,2,B:0.7\n",
	"unit,name,支出,预算,档次\nU1,甲,\"1,234.5\",2000,达成\nU2,乙,NA,不适用,\n",
	"\ufeffunit,spent,budget,tier\r\nU1,1,2,C:0.5\r\n",
	"unit,spent\nU1,abc\nU1,1\n,2\n",
	"unit,spent,budget\nU1,1\nU2,1,2,3\n",
	"unit,spent,spent\nU1,1,2\n",
	"name,spent\nX,1\n",
	"unit,\"spent\nU1,1\n",
	"unit,spent,budget,tier,claimed.exec,claimed.score,claimed.grade,reason.exec\nU1,50,100,A,20分,80,良,资金未到位\n",
	"unit,spent,budget\nU1,1e308,1e-308\nU2,-0,0\n",
	"",
	"\x00\x01\x02",
	"PK\x03\x04",
	"unit,spent\nU1,\xc4\xe3\n",
	"unit,name\nU1,\xb2\xe2\xca\xd4\n",
	"unit,name\nU1,\xff\xfe\n",
	"\xff\xfeu\x00n\x00i\x00t\x00\n\x00U\x001\x00",
	"u\x00n\x00i\x00t\x00,\x00s\x00p\x00e\x00n\x00t\x00\n\x00U\x001\x00,\x005\x000\x00\n\x00",
	"unit,spent,tier\rU1,５０,Ａ\rU2,\"1,234\",B:0.7\r",
	"unit,spent,budget\nU1,－1，234.5万,９５．５％\nU2,10²,①\n",
}

// FuzzReadCSV: the CSV reader (with the decoding layer under it) never
// panics, and every unit it yields either carries positioned errors or
// scores within the rules.
func FuzzReadCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	for _, name := range []string{"../engine/testdata/conformance/units.csv", "../fixtures/demo-grid-center.csv"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	prog := fuzzProgram(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzRead(t, prog, "fuzz.csv", src)
	})
}

// FuzzReadJSONL: the same for JSON Lines.
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"unit": "U1", "name": "甲", "data": {"spent": 50, "budget": 100, "tier": "A"}}` + "\n" +
			`{"unit": "U2", "data": {"spent": "1,234.5万元", "budget": "NA", "tier": "B:0.7"}}`,
		`{"unit": 7, "data": {"支出": 1e400, "预算": -1, "档次": 3}}`,
		`{"unit": "U1", "claimed.exec": 20, "claimed.score": "80分", "claimed.grade": "良", "reason.exec": "说明"}`,
		`{"unit": "U1", "data": {"spent": [1], "budget": {"a": 1}, "tier": true}}`,
		`{"unit": "U1", "extra": 1}` + "\n" + `not json` + "\n\n" + `[1, 2]` + "\n" + `{"unit": "U1"}`,
		"\ufeff{\"unit\": \"U1\", \"data\": {\"spent\": null}}",
		`{"unit": "U1", "data": {"spent": 1, "budget": 0}}`,
		"{\"unit\": \"\xc4\xe3\"}",
		"",
	} {
		f.Add([]byte(s))
	}
	prog := fuzzProgram(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		fuzzRead(t, prog, "fuzz.jsonl", src)
	})
}
