package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

// marshalUnit is what the JSON format wrote for a unit before
// appendUnitRecord: json.Marshal(JSONUnit(u)) with the unit's rank, or,
// when json.Marshal fails, {"error":...,"unit":...}.
func marshalUnit(u *engine.UnitResult, rank int) []byte {
	v := *u
	v.Rank = rank
	b, err := json.Marshal(JSONUnit(&v))
	if err != nil {
		b, _ = json.Marshal(map[string]string{"unit": u.Unit, "error": err.Error()})
	}
	return b
}

// checkUnits holds the record of each unit, written out by WriteUnit with
// a rank, to marshalUnit with that rank. Two ranks of different lengths
// show the hole is where the rank goes; the record is also appended after
// other bytes, as a worker appends to its buffer.
func checkUnits(t *testing.T, units []engine.UnitResult) {
	t.Helper()
	if len(units) == 0 {
		t.Fatal("no units to check")
	}
	j := newJSONRows(Options{}, Meta{}).(*jsonRows)
	j.first = false // WriteUnit then starts every unit with ",\n"
	var out bytes.Buffer
	for i := range units {
		u := &units[i]
		rec := appendUnitRecord(nil, u)
		if after := appendUnitRecord([]byte("xyz"), u); string(after) != "xyz"+string(rec) {
			t.Fatalf("unit %d (%q): record depends on what precedes it", i, u.Unit)
		}
		for _, rank := range []int{i + 1, 1234567890} {
			out.Reset()
			if err := j.WriteUnit(&out, rec, rank); err != nil {
				t.Fatal(err)
			}
			want := append([]byte(",\n"), marshalUnit(u, rank)...)
			if !bytes.Equal(out.Bytes(), want) {
				got := out.Bytes()
				k := 0
				for k < len(got) && k < len(want) && got[k] == want[k] {
					k++
				}
				t.Fatalf("unit %d (%q), rank %d: differs from json.Marshal at byte %d:\n got %q\nwant %q",
					i, u.Unit, rank, k, window(got, k), window(want, k))
			}
		}
	}
}

// window is up to 60 bytes around offset k.
func window(b []byte, k int) []byte {
	return b[max(0, k-30):min(len(b), k+30)]
}

// evalUnits scores units with the options given.
func evalUnits(t *testing.T, rs *indicators.Ruleset, units []indicators.Unit, o *engine.Options) []engine.UnitResult {
	t.Helper()
	prog, err := engine.Compile(rs, o)
	if err != nil {
		t.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	return res.Units
}

// generated returns n units of synth.NewGenerator for rs, read back
// through the CSV reader.
func generated(t *testing.T, rs *indicators.Ruleset, n int, seed int64) []indicators.Unit {
	t.Helper()
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := synth.NewGenerator(rs, prog.NewProbe(), n, seed).WriteCSV(&buf, n); err != nil {
		t.Fatal(err)
	}
	return readUnits(t, rs, "gen.csv", buf.String())
}

func readUnits(t *testing.T, rs *indicators.Ruleset, name, text string) []indicators.Unit {
	t.Helper()
	src, err := data.OpenReader(name, strings.NewReader(text), data.NewSchema(rs))
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	return units
}

// withClaims adds synth's claims to units (a slip on about one unit in
// two, so that every kind of finding is there) and scores them again.
func withClaims(t *testing.T, rs *indicators.Ruleset, units []indicators.Unit) []engine.UnitResult {
	t.Helper()
	res := evalUnits(t, rs, units, nil)
	scored := make([]synth.Scored, len(res))
	for i, u := range res {
		scored[i] = synth.Scored{Score: u.Score, Grade: u.Grade, Failed: u.Failed()}
		for _, ir := range u.Indicators {
			scored[i].Points = append(scored[i].Points, ir.Points)
			scored[i].NA = append(scored[i].NA, ir.Status == indicators.StatusNA)
		}
	}
	mix := synth.ClaimMix{RoundedUp: 0.15, Inflated: 0.1, WrongGrade: 0.1, BadSum: 0.1, NoReason: 0.1}
	synth.AddClaims(rs, units, scored, rand.New(rand.NewPCG(2022, 10)), mix)
	return evalUnits(t, rs, units, &engine.Options{Explain: true})
}

// awkward are strings encoding/json escapes, each in its own way.
var awkward = []string{
	"",
	`<b>A&B</b> <script>`,                         // HTML: \u003c \u003e \u0026
	"line\u2028sep\u2029para",                     // \u2028 \u2029
	"\x00\x01\x07\b\t\n\v\f\r\x1b\x1f\x7f ",       // short forms \b \t \n \f \r, \u00XX for the rest; DEL is as is
	"bad \xff\xfe utf-8 \xe2\x80 \xc0\xaf",        // each invalid byte \ufffd
	"cut CJK \xe4\xb8",                            // a truncated 中: two \ufffd
	`say "hi" \ back\slash \u0041`,                // \" \\
	"网格中心（第一）：满意度≥90%",                            // CJK as is
	"emoji 🀄 and real \ufffd and ‧ \u2027 \u202a", // 4-byte runes, U+FFFD, neighbours of U+2028 as is
	"\xed\xa0\x80 surrogate",                      // an encoded surrogate is invalid UTF-8
}

// awkwardUnits gives u every awkward string in every string it has, one
// string a unit, its slices copied.
func awkwardUnits(u engine.UnitResult) []engine.UnitResult {
	var out []engine.UnitResult
	for k, s := range awkward {
		v := u
		v.Unit, v.Name, v.Grade = fmt.Sprintf("U%d%s", k, s), s+"名称", s
		v.Indicators = append([]engine.IndicatorResult(nil), u.Indicators...)
		for i := range v.Indicators {
			ir := &v.Indicators[i]
			ir.ID, ir.Label, ir.Tier, ir.Status = s+"id", s, s, "ok"+s
			ir.Group, ir.Flags = []string{s, "产出" + s}, []string{s}
			ir.Reason, ir.Explain = "理由"+s, s+"说明"+s
		}
		v.Checks = append([]engine.CheckResult(nil), u.Checks...)
		for i := range v.Checks {
			v.Checks[i].ID, v.Checks[i].Message = s, "核对"+s
		}
		if u.Claimed != nil {
			c := *u.Claimed
			c.Grade = s
			v.Claimed = &c
		}
		v.Review = append([]engine.Finding(nil), u.Review...)
		for i := range v.Review {
			f := &v.Review[i]
			f.ID, f.Kind, f.Message = s, s+"kind", s+"复核"
			if _, ok := f.Claimed.(string); ok {
				f.Claimed, f.Rules = s, s+"优"
			}
		}
		out = append(out, v)
	}
	return out
}

// TestAppendUnitJSON holds the JSON format's records to json.Marshal of
// JSONUnit, byte for byte, on every kind of unit: the conformance suite,
// generated populations of three built-in rulesets, claims and their
// findings, failed units, odd numbers and strings encoding/json escapes.
func TestAppendUnitJSON(t *testing.T) {
	conf, err := rulesets.LoadFile(filepath.Join("..", "engine", "testdata", "conformance", "ruleset.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	confUnits, _, _, err := data.ReadAll(filepath.Join("..", "engine", "testdata", "conformance", "units.csv"), data.NewSchema(conf))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("conformance", func(t *testing.T) { checkUnits(t, evalUnits(t, conf, confUnits, nil)) })
	t.Run("conformance/explain", func(t *testing.T) { checkUnits(t, evalUnits(t, conf, confUnits, &engine.Options{Explain: true})) })
	for _, id := range []string{"grid-center", "dept-2013", "selfeval-2020"} {
		rs, err := rulesets.Open(id)
		if err != nil {
			t.Fatal(err)
		}
		units := generated(t, rs, 300, 7)
		t.Run(id, func(t *testing.T) { checkUnits(t, evalUnits(t, rs, units, nil)) })
		t.Run(id+"/explain", func(t *testing.T) { checkUnits(t, evalUnits(t, rs, units, &engine.Options{Explain: true})) })
		t.Run(id+"/claims", func(t *testing.T) {
			res := withClaims(t, rs, generated(t, rs, 300, 8))
			findings := map[string]int{}
			for _, u := range res {
				for _, f := range u.Review {
					findings[f.Kind]++
				}
			}
			// The mix makes every kind of slip; each must be checked.
			for _, k := range []string{engine.FindClaimHigh, engine.FindClaimLow, engine.FindSumMismatch, engine.FindGradeMismatch} {
				if findings[k] == 0 {
					t.Errorf("no %s finding among %v", k, findings)
				}
			}
			checkUnits(t, res)
		})
	}
	t.Run("awkward strings", func(t *testing.T) {
		rs, err := rulesets.Open("grid-center")
		if err != nil {
			t.Fatal(err)
		}
		var units []engine.UnitResult
		for _, u := range withClaims(t, rs, generated(t, rs, 40, 9)) {
			if len(u.Review) > 0 {
				units = append(units, awkwardUnits(u)...)
			}
		}
		for _, u := range evalUnits(t, conf, confUnits, &engine.Options{Explain: true}) {
			units = append(units, awkwardUnits(u)...)
		}
		checkUnits(t, units)
	})
	t.Run("failed units", func(t *testing.T) { checkUnits(t, failedUnits(t, conf)) })
	t.Run("numbers", func(t *testing.T) { checkUnits(t, numberUnits(t, conf, confUnits)) })
}

// failedUnits are units that failed as a whole: bad cells read from a
// CSV (file, row, column, field, value), and errors made by hand with
// every part of a position present or not and awkward strings.
func failedUnits(t *testing.T, rs *indicators.Ruleset) []engine.UnitResult {
	header := "unit,name,paid,approved,plan,actual,accidents,delay_days,cost_each,rate_pct,impact,satisfy,issues_a,issues_b\n"
	csv := header +
		"E01,坏数<>&,abc,100,100,100,0,10,3,100%,A,A,0,0\n" +
		"E02,\"引号\"\"与\\\",90,1O0,100,100,0,10,3,100%,Z,A,0,0\n" +
		"E03,控制\x01字符,90,100,100,100,0,10,3,百分之百,A,A,0,0\n"
	units := evalUnits(t, rs, readUnits(t, rs, "坏<数据>.csv", csv), nil)
	for _, u := range units {
		if !u.Failed() || u.Errors[0].Field == "" || u.Errors[0].Pos.Col == 0 {
			t.Fatalf("unit %s: want a bad cell with its field and column, have %+v", u.Unit, u.Errors)
		}
	}
	for k, s := range awkward {
		units = append(units, engine.UnitResult{Unit: s, Name: s, Score: 12, Grade: "优", Rank: 3, Errors: []*diag.Error{
			{Pos: diag.Pos{File: s + ".csv", Line: k + 2, Col: 27 + k*26}, Code: "bad_cell", Field: s, Value: s, Msg: s},
			{Pos: diag.Pos{Line: -1}, Code: s, Msg: ""}, // a negative row is written, not left out
			{Pos: diag.Pos{File: "f", Col: -3}, Code: "c", Value: "0"},
			{Code: "internal", Msg: "no position at all"},
		}})
	}
	return units
}

// numberUnits are conformance units whose numbers are what encoding/json
// writes in odd ways: -0, 'e' forms below 1e-6 and from 1e21, values far
// from any k/10⁴, NaN and ±Inf (json.Marshal's error), and findings
// holding values of other types.
func numberUnits(t *testing.T, rs *indicators.Ruleset, units []indicators.Unit) []engine.UnitResult {
	res := evalUnits(t, rs, units, &engine.Options{Explain: true})
	odd := []float64{0, math.Copysign(0, -1), 1e-7, -1.5e-7, 1e-6, 9.99999e-7, 1e21, -1e21, 9.99e20, 1e11, 1e11 + 0.5,
		123456789.0123, math.Nextafter(0.3, 1), 1.0 / 3, 5e-324, math.MaxFloat64, -2.5, 0.00005, 99.995, 1e15 / 1e4}
	var out []engine.UnitResult
	for i, x := range odd {
		u := res[i%len(res)]
		if u.Failed() {
			continue
		}
		u.Score = x
		u.Indicators = append([]engine.IndicatorResult(nil), u.Indicators...)
		for k := range u.Indicators {
			ir := &u.Indicators[k]
			y := odd[(i+k)%len(odd)]
			ir.Weight, ir.Points, ir.Target, ir.HasTarget = y, -y, y*3, k%2 == 0
			ir.Value, ir.HasValue = y/7, k%3 != 0
			ir.Claimed = &odd[(i+2*k)%len(odd)]
		}
		// Claims with a total only, a grade only, or rows only (no
		// "claimed" object, but a "review").
		claimed := x
		u.Claimed = [...]*engine.Claimed{{Score: &claimed}, {Grade: "良"}, {Rows: 2}}[i%3]
		u.Review = []engine.Finding{
			{ID: "a", Kind: "k", Claimed: x, Rules: 7},
			{ID: "b", Kind: "k", Claimed: nil, Rules: true},
			{ID: "c", Kind: "k", Claimed: map[string]float64{"<b>": x, "a": 1}, Rules: []int{1, 2}},
			{ID: "d", Kind: "k", Claimed: json.RawMessage(` {"x" : "<&>"} `), Rules: int64(-3)},
		}
		out = append(out, u)
	}
	base := res[0]
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		for field := 0; field < 8; field++ {
			u := base
			u.Indicators = append([]engine.IndicatorResult(nil), base.Indicators...)
			u.Review = []engine.Finding{{ID: "s", Claimed: 1.0, Rules: 2.0}}
			u.Claimed = &engine.Claimed{Grade: "优"}
			ir := &u.Indicators[len(u.Indicators)-1]
			switch field {
			case 0:
				u.Score = bad
			case 1:
				ir.Weight = bad
			case 2:
				ir.Target, ir.HasTarget = bad, true
			case 3:
				ir.Points = bad
			case 4:
				ir.Claimed = &bad
			case 5:
				u.Review[0].Rules = bad
			case 6:
				// A non-finite value is left out (null), not an error.
				ir.Value, ir.HasValue = bad, true
			case 7:
				u.Review[0].Claimed = make(chan int) // json.Marshal cannot
			}
			out = append(out, u)
		}
	}
	return out
}

// TestAppendJSONFloat holds appendJSONFloat to json.Marshal on named
// values at the edges of its forms and on random values of every
// magnitude, round4 and Round2 results among them.
func TestAppendJSONFloat(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		want string
	}{
		{"zero", 0, "0"},
		{"negative zero keeps its sign", math.Copysign(0, -1), "-0"},
		{"cents", 8.62, "8.62"},
		{"round4", 0.5993, "0.5993"},
		{"whole", 100, "100"},
		{"negative", -3.5, "-3.5"},
		{"tenth of a ten-thousandth is not k/10⁴", 0.00001, "0.00001"},
		{"1e-6 is the last 'f'", 1e-6, "0.000001"},
		{"below 1e-6 is 'e', exponent without 0", 1e-7, "1e-7"},
		{"1e21 is the first 'e'", 1e21, "1e+21"},
		{"just below 1e21 is 'f'", 9.99e20, "999000000000000000000"},
		{"tiniest", 5e-324, "5e-324"},
		{"largest", math.MaxFloat64, "1.7976931348623157e+308"},
		{"the double after 0.3 (0.1 + 0.2 at run time)", math.Nextafter(0.3, 1), "0.30000000000000004"},
		{"above the k/10⁴ range", 123456789012.5, "123456789012.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := appendJSONFloat(nil, tt.x)
			m, merr := json.Marshal(tt.x)
			if err != nil || merr != nil || string(got) != tt.want || string(m) != tt.want {
				t.Errorf("appendJSONFloat(%v) = %s, %v; json.Marshal = %s, %v; want %s", tt.x, got, err, m, merr, tt.want)
			}
		})
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		var x float64
		switch i % 4 {
		case 0: // any double
			x = math.Float64frombits(r.Uint64())
		case 1: // a Round2 result up to 10⁶
			x = indicators.Round2(r.Float64() * 1e6)
		case 2: // a round4 result of any magnitude
			x = round4(r.NormFloat64() * math.Pow(10, float64(r.IntN(30)-12)))
		default: // k/10⁴ near the top of the fast path
			x = float64(r.Int64N(2e15)) / 1e4
		}
		got, err := appendJSONFloat(nil, x)
		m, merr := json.Marshal(x)
		if (err != nil) != (merr != nil) || (err != nil && err.Error() != merr.Error()) || string(got) != string(m) && err == nil {
			t.Fatalf("appendJSONFloat(%b) = %s, %v; json.Marshal = %s, %v", x, got, err, m, merr)
		}
	}
}

// TestAppendJSONString holds appendJSONString to json.Marshal on the
// awkward strings, and on every single byte and every rune boundary case
// after a prefix.
func TestAppendJSONString(t *testing.T) {
	var all []string
	all = append(all, awkward...)
	for b := 0; b < 256; b++ {
		all = append(all, string([]byte{byte(b)}), "ab"+string([]byte{byte(b)})+"中")
	}
	for _, r := range []rune{0x7f, 0x80, 0x7ff, 0x800, 0x2027, 0x2028, 0x2029, 0x202a, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff} {
		all = append(all, string(r), "x"+string(r)+"y")
	}
	// Every lead byte of three (E0-EF) with every second byte, a third
	// byte at the edges of 80-BF and U+2028/9's, and cut short.
	for lead := 0xe0; lead <= 0xef; lead++ {
		for second := 0; second < 256; second++ {
			all = append(all, string([]byte{'x', byte(lead), byte(second)}))
			for _, third := range []byte{0x00, 0x7f, 0x80, 0xa7, 0xa8, 0xa9, 0xaa, 0xbf, 0xc0, 0xe4} {
				all = append(all, string([]byte{'x', byte(lead), byte(second), third, 'y'}))
			}
		}
	}
	for _, s := range all {
		got := appendJSONString([]byte("pre"), s)
		want, _ := json.Marshal(s)
		if string(got) != "pre"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, json.Marshal = %s", s, got[3:], want)
		}
	}
}

// FuzzJSONString compares appendJSONString with json.Marshal of the
// string.
func FuzzJSONString(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, json.Marshal = %s", s, got, want)
		}
	})
}

// FuzzJSONFloat compares appendJSONFloat with json.Marshal of the number,
// its error for NaN and ±Inf included.
func FuzzJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 8.62, 0.5993, 1e-7, 1e21, math.Nextafter(0.3, 1), math.Inf(1)} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		want, werr := json.Marshal(x)
		got, err := appendJSONFloat(nil, x)
		if werr != nil || err != nil {
			if werr == nil || err == nil || werr.Error() != err.Error() {
				t.Fatalf("appendJSONFloat(%v): error %v, json.Marshal's %v", x, err, werr)
			}
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("appendJSONFloat(%v) = %s, json.Marshal = %s", x, got, want)
		}
	})
}
