package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestClaimColumnsReadBack: the results jixiao writes as CSV, pasted beside
// the units' figures as a bureau would in Excel, read back with their
// 自评总分 and 自评等级 as the units' claims: the same claims as the data
// the results came from.
func TestClaimColumnsReadBack(t *testing.T) {
	rules, units := "../../fixtures/review-demo-rules.yaml", "../../fixtures/review-demo.csv"
	_, results, _ := jixiao(t, "", "eval", "-r", rules, "-d", units, "-f", "csv")
	out, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(results, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(out[0], ","); !strings.Contains(h, ",自评总分,自评等级,") {
		t.Fatalf("the results print no claims: %s", h)
	}
	raw, err := os.ReadFile(units)
	if err != nil {
		t.Fatal(err)
	}
	in, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The figures of each unit, without its claims and reasons.
	var keep []int
	for i, h := range in[0] {
		if i > 1 && !strings.HasPrefix(h, "claimed.") && !strings.HasPrefix(h, "reason.") {
			keep = append(keep, i)
		}
	}
	figures := map[string][]string{}
	for _, row := range in {
		for _, i := range keep {
			figures[row[0]] = append(figures[row[0]], row[i])
		}
	}
	var merged [][]string
	for k, row := range out {
		id := row[0]
		if k == 0 {
			id = "unit"
		}
		merged = append(merged, append(append([]string{}, row...), figures[id]...))
	}
	path := filepath.Join(t.TempDir(), "merged.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	csv.NewWriter(f).WriteAll(merged)
	f.Close()

	claims := func(args ...string) []any {
		t.Helper()
		_, js, errOut := jixiao(t, "", append(args, "-f", "json")...)
		var res struct{ Units []map[string]any }
		if err := json.Unmarshal([]byte(js), &res); err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		var c []any
		for _, u := range res.Units {
			c = append(c, []any{u["unit"], u["claimed"]})
		}
		return c
	}
	want := claims("eval", "-r", rules, "-d", units)
	if c, _ := want[0].([]any)[1].(map[string]any); c["score"] == nil || c["grade"] == nil {
		t.Fatalf("the demo's first unit claims nothing: %v", want[0])
	}
	got := claims("eval", "-r", rules, "-d", path)
	if len(want) != 17 || !reflect.DeepEqual(got, want) {
		t.Errorf("claims read back\n%v\nwant\n%v", got, want)
	}
}
