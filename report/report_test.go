package report

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/msg"
)

func TestFormatsRegistered(t *testing.T) {
	// Every format of the issue is registered; the binary ones need -o.
	binary := map[string]bool{"xlsx": true, "selfeval": true}
	for _, name := range []string{"table", "json", "md", "xlsx", "html", "selfeval"} {
		f, err := Lookup(name)
		if err != nil {
			t.Errorf("format %s: %v", name, err)
			continue
		}
		if f.Binary != binary[name] {
			t.Errorf("format %s: Binary = %v, want %v", name, f.Binary, binary[name])
		}
	}
	if FormatNames()[0] != "table" {
		t.Errorf("default format = %s, want table", FormatNames()[0])
	}
	for lang, want := range map[string]string{
		"":   `未知的格式 "pdf"：可用的格式有 table, json, csv, md, xlsx, html, selfeval`,
		"en": `unknown format "pdf": want one of table, json, csv, md, xlsx, html, selfeval`,
	} {
		if _, err := Formats().LookupLang("pdf", lang); err == nil || err.Error() != want {
			t.Errorf("LookupLang(pdf, %q) error = %v, want %s", lang, err, want)
		}
	}
	if _, err := Lookup("pdf"); err == nil || !strings.HasPrefix(err.Error(), `未知的格式 "pdf"`) {
		t.Errorf("Lookup(pdf) error = %v, want it in Chinese", err)
	}
}

func TestLayout(t *testing.T) {
	m, _ := sample(t)
	tests := []struct {
		name   string
		groups bool
		keys   []string // column keys in order
		nums   []int    // indicator numbers (0 for subtotals)
	}{
		// 产出 has two indicators, so its subtotal follows them; 预算执行 and
		// 满意度 have one each, and no subtotal.
		{"indicators", false, []string{"budget_execution_rate", "output_done", "quality", "产出", "satisfaction"}, []int{1, 2, 3, 0, 4}},
		{"groups only", true, []string{"预算执行", "产出", "满意度"}, []int{0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLayout(m, Options{Groups: tc.groups})
			var keys []string
			var nums []int
			for _, c := range l.Columns {
				keys = append(keys, c.Key)
				nums = append(nums, c.Num)
			}
			if strings.Join(keys, ",") != strings.Join(tc.keys, ",") {
				t.Errorf("keys = %v, want %v", keys, tc.keys)
			}
			for i := range nums {
				if nums[i] != tc.nums[i] {
					t.Errorf("numbers = %v, want %v", nums, tc.nums)
					break
				}
			}
		})
	}
	l := NewLayout(m, Options{})
	if h := l.Columns[3].Header(); h != "产出小计（50）" {
		t.Errorf("subtotal header = %q", h)
	}
	if h := l.Columns[1].Header(); h != "完成数量（30）" {
		t.Errorf("indicator header = %q", h)
	}
}

// orderRows records the unit ids in the order the Sink hands them over.
type orderRows struct{ ids *[]string }

func (o orderRows) Begin(io.Writer, Meta) error { return nil }
func (o orderRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	return append(dst, u.Unit...)
}
func (o orderRows) WriteUnit(_ io.Writer, rec []byte, _ int) error {
	*o.ids = append(*o.ids, string(rec))
	return nil
}
func (o orderRows) End(io.Writer, engine.Summary) error { return nil }

func TestWriteOrderAndFilter(t *testing.T) {
	m, res := sample(t)
	tests := []struct {
		name   string
		format string // Format.Sort default: rank for table, input order for json
		o      Options
		want   string
	}{
		{"table default is rank; failed last", "table", Options{}, "U5 U1 U2 U3 U4"},
		{"json default is input order", "json", Options{}, "U1 U2 U3 U4 U5"},
		{"score ascending", "json", Options{Sort: "score"}, "U3 U2 U1 U5 U4"},
		{"score descending", "json", Options{Sort: "-score"}, "U5 U1 U2 U3 U4"},
		{"rank descending", "table", Options{Sort: "-rank"}, "U3 U2 U1 U5 U4"},
		// band order 优 良 中 差; ties keep input order
		{"grade best first", "json", Options{Sort: "grade"}, "U1 U5 U2 U3 U4"},
		// 产出 subtotals: U1 48, U2 29, U3 0, U5 48 (testdata/README.md)
		{"group subtotal descending", "json", Options{Sort: "-产出"}, "U1 U5 U2 U3 U4"},
		// 满意度 points: U1 40, U2 35.56, U3 0, U5 40
		{"indicator", "json", Options{Sort: "satisfaction"}, "U3 U2 U1 U5 U4"},
		{"unit id descending", "json", Options{Sort: "-unit"}, "U5 U3 U2 U1 U4"},
		{"keep some units", "table", Options{Units: []string{"U2", " U1", "U4"}}, "U1 U2 U4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := Lookup(tc.format)
			var ids []string
			f.Rows = func(Options, Meta) Rows { return orderRows{&ids} }
			if err := res.write(&bytes.Buffer{}, f, tc.o, m); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("order = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestWriteBadOptions(t *testing.T) {
	m, res := sample(t)
	f, _ := Lookup("md")
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"unknown unit", Options{Units: []string{"U1", "U9", "X"}}, "--units：数据中没有单位 U9, X"},
		{"unknown unit en", Options{Units: []string{"U1", "U9", "X"}, Lang: "en"}, "--units: no unit U9, X in the data"},
		{"unknown sort key", Options{Sort: "-colour"}, `--sort "-colour"：可用的排序列有 rank, score, unit, name, grade, budget_execution_rate, output_done, quality, satisfaction, 预算执行, 产出, 满意度（前加 - 为降序）`},
		{"unknown sort key en", Options{Sort: "-colour", Lang: "en"}, `--sort "-colour": want one of rank, score, unit, name, grade, budget_execution_rate, output_done, quality, satisfaction, 预算执行, 产出, 满意度 (prefix - for descending)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := res.write(&b, f, tc.o, m)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("error = %v, want %s", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", b.Len())
			}
		})
	}
}

func TestWriteSummaryOfKeptUnits(t *testing.T) {
	m, res := sample(t)
	f, _ := Lookup("table")
	var got engine.Summary
	var meta Meta
	f.Rows = func(Options, Meta) Rows { return &keptSummaryRows{sum: &got, meta: &meta} }
	if err := res.write(&bytes.Buffer{}, f, Options{Units: []string{"U1", "U2", "U4"}}, m); err != nil {
		t.Fatal(err)
	}
	// U1 优, U2 中, U4 failed: 3 units, 1 error.
	if got.Units != 3 || got.Errors != 1 || got.Grades[0].Units != 1 || got.Grades[2].Units != 1 || got.Grades[3].Units != 0 {
		t.Errorf("summary = %+v", got)
	}
	if meta.Population != 5 {
		t.Errorf("population = %d, want 5 (ranks are among all units)", meta.Population)
	}
}

type keptSummaryRows struct {
	sum  *engine.Summary
	meta *Meta
}

func (s *keptSummaryRows) Begin(_ io.Writer, m Meta) error                    { *s.meta = m; return nil }
func (s *keptSummaryRows) AppendUnit(dst []byte, _ *engine.UnitResult) []byte { return dst }
func (s *keptSummaryRows) WriteUnit(io.Writer, []byte, int) error             { return nil }
func (s *keptSummaryRows) End(_ io.Writer, sum engine.Summary) error          { *s.sum = sum; return nil }

func TestJSONTime(t *testing.T) {
	m, res := sample(t)
	if s := string(renderMeta(t, "json", Options{}, m, res)); strings.Contains(s, `"time"`) {
		t.Error("json has a time none was given")
	}
	m.Stamp = stamp
	if s := string(renderMeta(t, "json", Options{}, m, res)); !strings.Contains(s, `"time":"2024-03-31T01:00:00Z"`) {
		t.Errorf("json lacks the given time: %.300s", s)
	}
}

// TestUnknownUnitsWorded: the errors of --units, in Chinese, the default,
// and in English, saying the same.
func TestUnknownUnitsWorded(t *testing.T) {
	have := map[string]bool{"E1": true, "E2": true, "E3": true, "E4": true}
	named := map[string][]string{"甲单位": {"E3", "E1"}, "E2": {"E4"}}
	for _, c := range []struct {
		wanted []string
		zh, en string
	}{
		{[]string{"甲单位"}, "--units：有 2 个单位名为 甲单位：E1, E3；请给出其中一个的单位编码",
			"--units: unit name 甲单位 is borne by 2 units: E1, E3; give one of their ids"},
		{[]string{"E2"}, "--units：E2 既是单位 E2 的编码，又是 E4 的名称：请给出单位编码",
			"--units: E2 is the id of unit E2 and the name of E4: give ids"},
		{[]string{"E1", "X", "Y"}, "--units：数据中没有单位 X, Y", "--units: no unit X, Y in the data"},
	} {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			err := unknownUnits(msg.For(lang), c.wanted, have, named)
			if err == nil || err.Error() != want {
				t.Errorf("%v in %s: %v, want %s", c.wanted, lang, err, want)
			}
		}
	}
	if err := unknownUnits(msg.For("zh"), []string{"E1", "甲单位x"}, have, named); err == nil {
		t.Error("an unknown word passed")
	}
}
