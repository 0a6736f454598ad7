package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffJSONPopulations: jixiao diff -f json carries the relative
// indicators' populations on both sides, and says which changed. By hand:
// old cost = cost: 200, 300, 400 (U4 blank, missing, stays out) → best
// 200, worst 400, 3 units; new cost = cost / people: 100, 300, 100 →
// best 100, worst 300, 3 units. size = people on both sides: 2, 1, 4, 1 →
// best 4, worst 1, 4 units, unchanged. The output is the same bytes run
// after run, and has no populations key without relative indicators.
func TestDiffJSONPopulations(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ruleset := func(version, costValue string) string {
		return `id: rel-diff
version: "` + version + `"
inputs: {cost: {label: 成本}, people: {label: 人数}}
indicators:
  - {id: cost, weight: 50, value: ` + costValue + `, relative: best_ratio, reverse: true}
  - {id: size, weight: 50, value: people, relative: efficacy}
`
	}
	old := write("old.yaml", ruleset("1", "cost"))
	new := write("new.yaml", ruleset("2", "cost / people"))
	units := write("units.csv", "unit,cost,people\nU1,200,2\nU2,300,1\nU3,400,4\nU4,,1\n")
	code, out, errOut := runTool(t, "", "diff", "-r", old, "-r", new, "-d", units, "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := `"populations":[
{"id":"cost","changed":true,"old":{"id":"cost","relative":"best_ratio","reverse":true,"population":{"best":200,"worst":400,"count":3}},"new":{"id":"cost","relative":"best_ratio","reverse":true,"population":{"best":100,"worst":300,"count":3}}},
{"id":"size","changed":false,"old":{"id":"size","relative":"efficacy","reverse":false,"population":{"best":4,"worst":1,"count":4}},"new":{"id":"size","relative":"efficacy","reverse":false,"population":{"best":4,"worst":1,"count":4}}}
]}
`
	if !strings.HasSuffix(out, want) {
		t.Errorf("diff json ends:\n%s\nwant it to end:\n%s", out[max(0, len(out)-len(want)-200):], want)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if _, out2, _ := runTool(t, "", "diff", "-r", old, "-r", new, "-d", units, "-f", "json"); out2 != out {
		t.Error("a second run gave other bytes")
	}
	if _, plain, _ := runTool(t, "", append(diffArgs, "-f", "json")...); strings.Contains(plain, `"populations"`) {
		t.Error("a comparison without relative indicators has a populations key")
	}
}
