package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

var c2Args = []string{"-r", "testdata/c2/ruleset.yaml", "-d", "testdata/c2/units.csv"}

// TestRulesGolden: the rules above the row (contract 2) in every format
// and in the derivation, against golden files checked by hand against
// testdata/c2/README.md.
func TestRulesGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		{"table", []string{"eval"}, "testdata/c2/eval.golden"},
		{"json", []string{"eval", "-f", "json"}, "testdata/c2/eval.json.golden"},
		{"csv", []string{"eval", "-f", "csv"}, "testdata/c2/eval.csv.golden"},
		{"md", []string{"eval", "-f", "md"}, "testdata/c2/eval.md.golden"},
		{"html", []string{"eval", "-f", "html"}, "testdata/c2/eval.html.golden"},
		{"explain D2", []string{"explain", "D2"}, "testdata/c2/D2.golden"},
		{"explain D3", []string{"explain", "D3"}, "testdata/c2/D3.golden"},
		{"explain D3 md", []string{"explain", "D3", "-f", "md"}, "testdata/c2/D3.md.golden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{}, tc.args[:1]...), c2Args...)
			args = append(args, tc.args[1:]...)
			code, out, errOut := runTool(t, "", args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			checkGolden(t, tc.golden, out)
		})
	}
}

// TestRulesXLSX reads the 评分表 back: the 总分调整, 结果应用 and 预算调整额
// columns (README.md's figures), the last a number that SUM takes.
func TestRulesXLSX(t *testing.T) {
	out := filepath.Join(t.TempDir(), "c2.xlsx")
	if code, _, errOut := runTool(t, "", append(append([]string{"eval"}, c2Args...), "-f", "xlsx", "-o", out)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("评分表")
	if err != nil {
		t.Fatal(err)
	}
	// Row 2 heads the columns; rows 4… hold the units in rank order.
	head := rows[1]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	want := [][4]string{ // unit, 总分调整, 结果应用, 预算调整额
		{"D1", "+2，上限101", "优先保障", "0.00"},
		{"D2", "+1", "据实保障", "0.00"},
		{"D3", "封顶79", "核减", "-10.00"},
		{"D5", "", "核减", ""},
		{"D4", "封顶59", "取消或暂停", "-200.00"},
	}
	for k, w := range want {
		r := rows[3+k]
		get := func(h string) string {
			i, ok := col[h]
			if !ok {
				t.Fatalf("no column %s in %q", h, head)
			}
			if i < len(r) {
				return r[i]
			}
			return ""
		}
		got := [4]string{r[1], get("总分调整"), get("结果应用"), get("预算调整额")}
		if got != w {
			t.Errorf("row %d: %q, want %q", 4+k, got, w)
		}
	}
	v, err := f.GetCellValue("评分表", "L6", excelize.Options{RawCellValue: true})
	if err != nil || v != "-10" {
		t.Errorf("D3's 预算调整额 (L6) is %q (%v), want the number -10", v, err)
	}
}

// TestRulesDiff: jixiao diff from the demo ruleset without its rules
// above the row to the ruleset with them names each rule as a cause
// (README.md: D3's cap −10.5, D1's bonus +2 and ceiling −1, ...).
func TestRulesDiff(t *testing.T) {
	src, err := os.ReadFile("testdata/c2/ruleset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plain := string(src)
	plain = plain[:strings.Index(plain, "adjust:")] // no adjust, max_total, outcomes
	plain = strings.Replace(plain, "overshoot: {use: overshoot_yitihua}\n", "", 1)
	old := filepath.Join(t.TempDir(), "old.yaml")
	if err := os.WriteFile(old, []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	var recs []*diff.Recorder
	for _, path := range []string{old, "testdata/c2/ruleset.yaml"} {
		rs, err := rulesets.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := engine.Compile(rs, nil)
		if err != nil {
			t.Fatal(err)
		}
		src, err := data.Open("testdata/c2/units.csv", data.NewSchema(rs))
		if err != nil {
			t.Fatal(err)
		}
		rec := diff.NewRecorder(p)
		defer rec.Close()
		if _, err := p.Stream(context.Background(), src, rec); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	res, err := diff.Compare(recs[0], recs[1], nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, r := range res.Adjustments {
		got[r.ID] = r.Delta
	}
	// cap: D3 89.5 → 79 (−10.5), D4 76 → 59 (−17); bonus: D1 +2, D2 +1;
	// max_total: D1 102 → 101 (−1).
	want := map[string]float64{"exec_cap_yitihua": -27.5, "bonus": 3, "max_total": -1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rule causes %v, want %v", got, want)
	}
	// jixiao diff says it: D3's row names the cap, the causes list the rules.
	_, out, errOut := runTool(t, "", "diff", "-r", old, "-r", "testdata/c2/ruleset.yaml", "-d", "testdata/c2/units.csv")
	for _, line := range []string{"规则 预算执行率未达80%总分封顶 -10.5", "规则 exec_cap_yitihua 预算执行率未达80%总分封顶：对总分的影响合计 0 → -27.5（-27.5），2 个单位",
		"规则 bonus 加分事项：对总分的影响合计 0 → 3（+3），2 个单位"} {
		if !strings.Contains(out, line) {
			t.Errorf("jixiao diff lacks %q:\n%s%s", line, out, errOut)
		}
	}
	rulesDiffJSON(t, old)
}

// rulesDiffJSON: jixiao diff -f json carries the same causes, per unit
// (the rules whose effect on its total changed; null on the old side,
// whose ruleset has no rules above the row) and summed (in_old false).
func rulesDiffJSON(t *testing.T, old string) {
	t.Helper()
	code, out, errOut := runTool(t, "", "diff", "-r", old, "-r", "testdata/c2/ruleset.yaml", "-d", "testdata/c2/units.csv", "-f", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type change struct {
		ID    string   `json:"id"`
		Label string   `json:"label"`
		InOld bool     `json:"in_old"`
		InNew bool     `json:"in_new"`
		Old   *float64 `json:"old"`
		New   *float64 `json:"new"`
		Delta float64  `json:"delta"`
		Units int      `json:"units"`
	}
	var doc struct {
		Units []struct {
			Unit        string   `json:"unit"`
			Adjustments []change `json:"adjustments"`
		} `json:"units"`
		Adjustments []change `json:"adjustments"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	// Per unit, id:old→new; README.md's table: D1 bonus +2 and ceiling
	// 102 → 101, D2 bonus +1, D3 cap 89.5 → 79, D4 cap 76 → 59, D5 none.
	str := func(c change) string {
		side := func(p *float64) string {
			if p == nil {
				return "null"
			}
			return strconv.FormatFloat(*p, 'f', -1, 64)
		}
		return fmt.Sprintf("%s:%s→%s(%s)", c.ID, side(c.Old), side(c.New), strconv.FormatFloat(c.Delta, 'f', -1, 64))
	}
	got := map[string][]string{}
	for _, u := range doc.Units {
		for _, c := range u.Adjustments {
			got[u.Unit] = append(got[u.Unit], str(c))
		}
	}
	want := map[string][]string{
		"D1": {"bonus:null→2(2)", "max_total:null→-1(-1)"},
		"D2": {"bonus:null→1(1)"},
		"D3": {"exec_cap_yitihua:null→-10.5(-10.5)"},
		"D4": {"exec_cap_yitihua:null→-17(-17)"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("units' adjustments %v, want %v\n%s", got, want, out)
	}
	var sums []string
	for _, c := range doc.Adjustments {
		if c.InOld || !c.InNew {
			t.Errorf("%s: in_old %v, in_new %v; the old ruleset has no rules above the row", c.ID, c.InOld, c.InNew)
		}
		sums = append(sums, fmt.Sprintf("%s %s %d", str(c), c.Label, c.Units))
	}
	// Largest change first, as the text's causes.
	wantSums := []string{"exec_cap_yitihua:0→-27.5(-27.5) 预算执行率未达80%总分封顶 2", "bonus:0→3(3) 加分事项 2", "max_total:0→-1(-1) 总分上限 101 分 1"}
	if !reflect.DeepEqual(sums, wantSums) {
		t.Errorf("adjustments %q, want %q", sums, wantSums)
	}
}
