package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The diff fixtures, testdata/diff: old.yaml (exec 40 at ">= 1", output
// 40 at ">= 1", satisfaction 20 at ">= 0.8") against new.yaml (exec 30 at
// ">= 0.95", output unchanged, satisfaction 20 at ">= 0.9", and a new tier
// indicator quality 10 with the default points A 0.9, B 0.7, C 0.3), over
// the 11 units of units.csv. Computed by hand (">= T": weight × value / T
// below T; points rounded half-up to 2 decimals; grades 优 ≥ 90, 良 ≥ 80,
// 中 ≥ 60, 差 below):
//
//	unit  exec  output sat   | old                      | new
//	U1    1     1      0.95 A | 40+40+20        = 100 优 | 30+40+20+9                = 99    优
//	U2    0.9   1      0.85 A | 36+40+20        = 96  优 | 28.42+40+18.89+9          = 96.31 优  (30×0.9/0.95 = 28.421; 20×0.85/0.9 = 18.889)
//	U3    0.8   0.9    0.8  B | 32+36+20        = 88  良 | 25.26+36+17.78+7          = 86.04 良  (24/0.95 = 25.263; 16/0.9 = 17.778)
//	U4    0.95  0.8    0.9  C | 38+32+20        = 90  优 | 30+32+20+3                = 85    良
//	U5    0.7   0.7    0.6  C | 28+28+15        = 71  中 | 22.11+28+13.33+3          = 66.44 中  (21/0.95 = 22.105; 12/0.9 = 13.333)
//	U6    1     0.95   0.7  A | 40+38+17.5      = 95.5 优 | 30+38+15.56+9            = 92.56 优  (14/0.9 = 15.556)
//	U7    0.6   0.6    0.5  A | 24+24+12.5      = 60.5 中 | 18.95+24+11.11+9         = 63.06 中  (18/0.95 = 18.947; 10/0.9 = 11.111)
//	U8    0.5   0.5    0.5  B | 20+20+12.5      = 52.5 差 | 15.79+20+11.11+7         = 53.9  差  (15/0.95 = 15.789)
//	U9    0.95  0.775  0.9  A | 38+31+20        = 89  良 | 30+31+20+9                = 90    优
//	U10   0.5   0.55   0.8  C | 20+22+20        = 62  中 | 15.79+22+17.78+3          = 58.57 差
//	U11   1     1      1    X | 40+40+20        = 100 优 | not scored: X is no tier
//
// Ranks, old: U1 = U11 = 100 → 1, 1; U2 96 → 3; U6 95.5 → 4; U4 90 → 5;
// U9 89 → 6; U3 88 → 7; U5 71 → 8; U10 62 → 9; U7 60.5 → 10; U8 52.5 → 11.
// New: U1 99 → 1; U2 → 2; U6 → 3; U9 → 4; U3 → 5; U4 → 6; U5 → 7; U7 → 8;
// U10 → 9; U8 → 10.
//
// Migration (rows old, columns new):
//
//	       优  良  中  差  not scored
//	优      3   1   0   0   1        U1 U2 U6 stay; U4 falls; U11 fails
//	良      1   1   0   0   0        U9 rises; U3 stays
//	中      0   0   2   1   0        U5 U7 stay; U10 falls
//	差      0   0   0   1   0        U8 stays
//
// Population, over the 10 units scored under both: exec 316 → 246.32
// (−69.68, all 10 changed); quality 0 → 68 (+68, new); satisfaction
// 177.5 → 165.56 (−11.94, 7 changed: all but U1, U4, U9); output
// unchanged. −69.68 + 68 − 11.94 = −13.62 = the sum of the unit deltas.

type diffJSON struct {
	Old, New struct{ ID, Version, SHA256 string }
	Data     struct{ SHA256 string }
	Units    []struct {
		Unit, Name string
		Old, New   struct {
			Score *float64
			Grade *string
			Rank  *int
		}
		Delta      *float64
		Indicators []struct {
			ID              string
			Old, New, Delta *float64
		}
	}
	Migration []struct {
		From, To *string
		Units    int
	}
	Indicators []struct {
		ID    string
		Delta float64
		Units int
	}
}

var diffArgs = []string{"diff", "-r", "testdata/diff/old.yaml", "-r", "testdata/diff/new.yaml", "-d", "testdata/diff/units.csv"}

func TestDiffJSONByHand(t *testing.T) {
	code, out, errOut := runTool(t, "", append(diffArgs, "-f", "json")...)
	// U11 failed under the new rules: the run finished, some unit failed.
	if code != exitUnitsFailed || errOut != "jixiao: 1 of 11 units could not be scored under both rulesets (shown as 未评分)\n" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var d diffJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d.Old.ID != "diff-old" || d.Old.Version != "2023" || d.New.ID != "diff-new" || d.New.Version != "2024" ||
		d.Old.SHA256 != fileSHA256(t, "testdata/diff/old.yaml") || d.New.SHA256 != fileSHA256(t, "testdata/diff/new.yaml") ||
		d.Data.SHA256 != fileSHA256(t, "testdata/diff/units.csv") {
		t.Errorf("stamps: %+v %+v %+v", d.Old, d.New, d.Data)
	}
	type side struct {
		score float64
		grade string
		rank  int
	}
	want := []struct {
		unit     string
		old, new side
		delta    float64
		changed  string // id:delta of the indicators whose points changed
	}{
		{"U1", side{100, "优", 1}, side{99, "优", 1}, -1, "exec:-10 quality:9"},
		{"U2", side{96, "优", 3}, side{96.31, "优", 2}, 0.31, "exec:-7.58 satisfaction:-1.11 quality:9"},
		{"U3", side{88, "良", 7}, side{86.04, "良", 5}, -1.96, "exec:-6.74 satisfaction:-2.22 quality:7"},
		{"U4", side{90, "优", 5}, side{85, "良", 6}, -5, "exec:-8 quality:3"},
		{"U5", side{71, "中", 8}, side{66.44, "中", 7}, -4.56, "exec:-5.89 satisfaction:-1.67 quality:3"},
		{"U6", side{95.5, "优", 4}, side{92.56, "优", 3}, -2.94, "exec:-10 satisfaction:-1.94 quality:9"},
		{"U7", side{60.5, "中", 10}, side{63.06, "中", 8}, 2.56, "exec:-5.05 satisfaction:-1.39 quality:9"},
		{"U8", side{52.5, "差", 11}, side{53.9, "差", 10}, 1.4, "exec:-4.21 satisfaction:-1.39 quality:7"},
		{"U9", side{89, "良", 6}, side{90, "优", 4}, 1, "exec:-8 quality:9"},
		{"U10", side{62, "中", 9}, side{58.57, "差", 9}, -3.43, "exec:-4.21 satisfaction:-2.22 quality:3"},
	}
	if len(d.Units) != 11 {
		t.Fatalf("%d units, want 11", len(d.Units))
	}
	for i, w := range want {
		u := d.Units[i]
		var changed []string
		for _, ic := range u.Indicators {
			changed = append(changed, ic.ID+":"+strconv.FormatFloat(*ic.Delta, 'f', -1, 64))
		}
		got := side{*u.Old.Score, *u.Old.Grade, *u.Old.Rank}
		gotNew := side{*u.New.Score, *u.New.Grade, *u.New.Rank}
		if u.Unit != w.unit || got != w.old || gotNew != w.new || *u.Delta != w.delta || strings.Join(changed, " ") != w.changed {
			t.Errorf("%s: old %v new %v delta %v changed %v; want %s %v %v %v %s", u.Unit, got, gotNew, *u.Delta, changed, w.unit, w.old, w.new, w.delta, w.changed)
		}
	}
	// The quality indicator is new: no old points.
	if q := d.Units[0].Indicators[1]; q.ID != "quality" || q.Old != nil || *q.New != 9 {
		t.Errorf("U1 quality: %+v", q)
	}
	u11 := d.Units[10]
	if u11.Unit != "U11" || *u11.Old.Score != 100 || u11.New.Score != nil || u11.New.Grade != nil || u11.New.Rank != nil || u11.Delta != nil || len(u11.Indicators) != 0 {
		t.Errorf("U11 should be scored old (100) and null new: %+v", u11)
	}
	// The matrix, row by row as in the comment above.
	matrix := map[[2]string]int{}
	for _, m := range d.Migration {
		from, to := "-", "-"
		if m.From != nil {
			from = *m.From
		}
		if m.To != nil {
			to = *m.To
		}
		matrix[[2]string{from, to}] = m.Units
	}
	grades := []string{"优", "良", "中", "差", "-"}
	wantMatrix := [][]int{
		{3, 1, 0, 0, 1},
		{1, 1, 0, 0, 0},
		{0, 0, 2, 1, 0},
		{0, 0, 0, 1, 0},
	}
	total := 0
	for i, row := range wantMatrix {
		for j, n := range row {
			if got := matrix[[2]string{grades[i], grades[j]}]; got != n {
				t.Errorf("migration %s → %s: %d units, want %d", grades[i], grades[j], got, n)
			}
			total += n
		}
	}
	sum := 0
	for _, m := range d.Migration {
		sum += m.Units
	}
	if total != 11 || sum != 11 {
		t.Errorf("the matrix holds %d units (hand %d), want 11", sum, total)
	}
	wantInd := []struct {
		id    string
		delta float64
		units int
	}{{"exec", -69.68, 10}, {"quality", 68, 10}, {"satisfaction", -11.94, 7}, {"output", 0, 0}}
	for i, w := range wantInd {
		if g := d.Indicators[i]; g.ID != w.id || g.Delta != w.delta || g.Units != w.units {
			t.Errorf("population %d: %+v, want %+v", i, g, w)
		}
	}
}

func TestDiffFormats(t *testing.T) {
	code, out, _ := runTool(t, "", diffArgs...)
	if code != exitUnitsFailed {
		t.Fatalf("exit %d", code)
	}
	for _, line := range []string{
		"规则变更影响：diff-old 2023 → diff-new 2024，共 11 个单位",
		"| 原等级 \\ 新等级 | 优 | 良 | 中 | 差 | 未评分 |",
		"| 优              |  3 |  1 |  0 |  0 |      1 |",
		"| 良              |  1 |  1 |  0 |  0 |      0 |",
		"| 中              |  0 |  0 |  2 |  1 |      0 |",
		"| 差              |  0 |  0 |  0 |  1 |      0 |",
		// Units that moved most: U4 −5 first, U5 −4.56 next.
		"  U4 丁单位：90 → 85（-5），优 → 良，排名 5 → 6",
		"  U5 戊单位：71 → 66.44（-4.56），中 → 中，排名 8 → 7",
		"  预算执行率：合计 316 → 246.32（-69.68），10 个单位得分变化",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("table lacks %q:\n%s", line, out)
		}
	}
	code, out, _ = runTool(t, "", append(diffArgs, "-f", "md")...)
	if code != exitUnitsFailed || !strings.Contains(out, "| 优 | 3 | 1 | 0 | 0 | 1 |\n") {
		t.Errorf("md: exit %d\n%s", code, out)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "影响.xlsx")
	if code, _, errOut := runTool(t, "", append(diffArgs, "-f", "xlsx")...); code != exitNothing || !strings.Contains(errOut, "format xlsx is binary: give -o FILE") {
		t.Errorf("xlsx without -o: exit %d %q", code, errOut)
	}
	if code, _, _ := runTool(t, "", append(diffArgs, "-f", "xlsx", "-o", path)...); code != exitUnitsFailed {
		t.Fatalf("xlsx: exit %d", code)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("等级迁移", "B2"); v != "3" {
		t.Errorf("xlsx 优 → 优 = %q, want 3", v)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the output directory, want only the workbook", len(entries))
	}
}

func TestDiffInputs(t *testing.T) {
	// Standard input is read once and given to both rulesets.
	csv, err := os.ReadFile("testdata/diff/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runTool(t, string(csv), "diff", "-r", "testdata/diff/old.yaml", "-r", "testdata/diff/new.yaml", "-d", "-", "-f", "json")
	if code != exitUnitsFailed || !strings.Contains(out, `{"from":"中","to":"差","units":1}`) {
		t.Errorf("stdin: exit %d\n%s", code, out)
	}
	tests := []struct {
		name string
		args []string
		err  string
	}{
		{"one ruleset", []string{"diff", "-r", "testdata/diff/old.yaml"}, "jixiao: diff compares two rulesets: give -r OLD -r NEW (got 1)\n"},
		{"bad format", append(diffArgs, "-f", "pdf"), "jixiao: unknown format \"pdf\": want one of table, json, md, xlsx\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runTool(t, "", tc.args...)
			if code != exitNothing || out != "" || errOut != tc.err {
				t.Errorf("exit %d out %q err %q, want 2 and %q", code, out, errOut, tc.err)
			}
		})
	}
}

// TestDiffDemo runs the help's first example: a revision of the built-in
// grid-center over its demo units changes three targets and nothing else.
func TestDiffDemo(t *testing.T) {
	code, out, errOut := runTool(t, "", "diff", "-r", "grid-center", "-r", "testdata/diff/grid-center-2023.yaml", "-f", "json")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d diffJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	changed := map[string]bool{}
	for _, ic := range d.Indicators {
		if ic.Units > 0 {
			changed[ic.ID] = true
		}
	}
	want := map[string]bool{"budget_execution_rate": true, "training": true, "public_satisfaction": true}
	if !reflect.DeepEqual(changed, want) {
		t.Errorf("indicators that changed: %v, want %v", changed, want)
	}
}
