package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainOnePass: explain reads the data in one pass that keeps only
// the unit asked for. Over a CSV of many chunks (decoded on several
// workers, out of order) and the same units as JSONL (read one at a
// time), a unit deep in the data and a duplicated id give the same
// derivation, of the first of the duplicates, with its rank among all;
// an unknown id lists the first ten units in input order.
func TestExplainOnePass(t *testing.T) {
	dir := t.TempDir()
	const n = 3000
	var csv, jsonl strings.Builder
	csv.WriteString("unit,name,spent,budget,done,plan,cost,cost_cap,issues,quality,surveyed,satisfied\n")
	for i := range n {
		id := fmt.Sprintf("U%04d", i)
		if i == n-1 {
			id = "U2000" // the later one fails as a duplicate
		}
		spent := 50 + i%50
		q := string(rune('A' + i%3))
		fmt.Fprintf(&csv, "%s,单位%d,%d,100,%d,10,%d,10,%d,%s,100,%d\n", id, i, spent, i%11, 5+i%9, i%4, q, 60+i%40)
		fmt.Fprintf(&jsonl, `{"unit":%q,"name":"单位%d","data":{"spent":%d,"budget":100,"done":%d,"plan":10,"cost":%d,"cost_cap":10,"issues":%d,"quality":%q,"surveyed":100,"satisfied":%d}}`+"\n",
			id, i, spent, i%11, 5+i%9, i%4, q, 60+i%40)
	}
	paths := []string{filepath.Join(dir, "u.csv"), filepath.Join(dir, "u.jsonl")}
	for i, text := range []string{csv.String(), jsonl.String()} {
		if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"U2000", "U2990"} {
		var outs []string
		for _, p := range paths {
			code, out, stderr := runTool(t, "", "explain", "-r", "testdata/explain/ruleset.yaml", "-d", p, id)
			if code != exitOK {
				t.Fatalf("%s %s: exit %d: %s", p, id, code, stderr)
			}
			if id == "U2000" && !strings.Contains(out, "U2000 单位2000\n") {
				t.Errorf("%s: want the first U2000 (单位2000), got\n%s", p, out)
			}
			// The derivation, past the stamp of the data file.
			_, body, _ := strings.Cut(out, "\n\n")
			outs = append(outs, body)
		}
		if !strings.Contains(outs[0], "一级指标") || !strings.Contains(outs[0], fmt.Sprintf("/ %d", n-1)) {
			t.Errorf("%s: want the unit ranked among %d scored units:\n%s", id, n-1, outs[0])
		}
		if outs[0] != outs[1] {
			t.Errorf("%s: csv and jsonl derivations differ:\n%s\n---\n%s", id, outs[0], outs[1])
		}
	}
	code, _, stderr := runTool(t, "", "explain", "-r", "testdata/explain/ruleset.yaml", "-d", paths[0], "NOPE")
	want := "(units: U0000, U0001, U0002, U0003, U0004, U0005, U0006, U0007, U0008, U0009, and 2990 more)"
	if code != exitNothing || !strings.Contains(stderr, want) {
		t.Errorf("unknown unit: exit %d, stderr %q, want %s", code, stderr, want)
	}
}
