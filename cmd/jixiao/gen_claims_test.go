package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestGenClaims generates a population with claims and reviews it: about
// one unit in four carries a slip (DefaultClaimMix: 10 % rounded up, 5 %
// inflated, 3 % wrong grade, 3 % bad sum, 4 % no reason), so the review
// finds something in some units but not in most, and the file is the same
// on every run.
func TestGenClaims(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "claimed.csv")
	if code, _, errOut := jixiao(t, "", "gen", "-r", "grid-center", "-n", "2000", "--claims", "-o", path); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errOut)
	}
	again := filepath.Join(dir, "again.csv")
	jixiao(t, "", "gen", "-r", "grid-center", "-n", "2000", "--claims", "-o", again)
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Fatal("gen --claims wrote different files for the same seed")
	}
	if !bytes.Contains(a[:bytes.IndexByte(a, '\n')], []byte("claimed.budget_execution_rate")) {
		t.Fatalf("header has no claim columns: %s", a[:bytes.IndexByte(a, '\n')])
	}
	code, out, errOut := jixiao(t, "", "review", "-r", "grid-center", "-d", path, "-f", "json")
	if code != exitUnitsFailed {
		t.Fatalf("review: exit %d, want 1 (findings): %s", code, errOut)
	}
	var res struct {
		Units []struct {
			Unit   string
			Review []struct{ Kind string }
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("review json: %v", err)
	}
	withFindings := 0
	kinds := map[string]int{}
	for _, u := range res.Units {
		if len(u.Review) > 0 {
			withFindings++
		}
		for _, f := range u.Review {
			kinds[f.Kind]++
		}
	}
	if withFindings < 200 || withFindings > 1000 {
		t.Errorf("%d of 2000 units have findings, want roughly one in four", withFindings)
	}
	for _, k := range []string{"claim_high", "claim_low", "sum_mismatch", "grade_mismatch"} {
		if kinds[k] == 0 {
			t.Errorf("no finding of kind %s among %v", k, kinds)
		}
	}
}
