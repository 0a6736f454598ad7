package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

// fileSHA256 is the hex sha256 of a file's bytes, as sha256sum prints it.
func fileSHA256(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestAuditStamp: every JSON result carries the ruleset's id, version and
// the sha256 of its file, and the sha256 of the data file's bytes, so a
// result can be matched to its inputs years later.
func TestAuditStamp(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		stdin   string // file given on standard input
		ruleset string // file whose bytes the ruleset sha256 is of
		data    string // file whose bytes the data sha256 is of
		// dataSum is what `sha256sum DATA` printed, as a check on
		// fileSHA256 itself; given for this package's own fixture only, as
		// the shared fixtures change with the project.
		dataSum string
	}{
		{"csv", []string{"eval", "-r", "testdata/diff/old.yaml", "-d", "testdata/diff/units.csv", "-f", "json"}, "",
			"testdata/diff/old.yaml", "testdata/diff/units.csv", "5ad26a4a8221e3ee6fad7b0cd72c93b02eb90a70676b0f37bbdce4db0cd6469a"},
		{"built-in ruleset, yaml data", []string{"eval", "-r", "grid-center", "-d", "../../fixtures/lusong-grid-2022.yaml", "-f", "json"}, "",
			"../../rulesets/grid-center.yaml", "../../fixtures/lusong-grid-2022.yaml", ""},
		{"embedded demo data", []string{"eval", "-r", "grid-center", "-f", "json"}, "",
			"../../rulesets/grid-center.yaml", "../../fixtures/demo-grid-center.csv", ""},
		{"stdin", []string{"eval", "-r", "testdata/explain/ruleset.yaml", "-d", "-", "-f", "json"}, "testdata/explain/units.csv",
			"testdata/explain/ruleset.yaml", "testdata/explain/units.csv", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdin := ""
			if tc.stdin != "" {
				b, err := os.ReadFile(tc.stdin)
				if err != nil {
					t.Fatal(err)
				}
				stdin = string(b)
			}
			_, out, _ := runTool(t, stdin, tc.args...)
			var res struct {
				Ruleset struct{ ID, Version, SHA256 string }
				Data    *struct{ SHA256 string }
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			wantData := fileSHA256(t, tc.data)
			if tc.dataSum != "" && wantData != tc.dataSum {
				t.Fatalf("sha256 of %s is %s, sha256sum said %s", tc.data, wantData, tc.dataSum)
			}
			if res.Ruleset.ID == "" || res.Ruleset.Version == "" || res.Ruleset.SHA256 != fileSHA256(t, tc.ruleset) {
				t.Errorf("ruleset stamp %+v, want sha256 %s", res.Ruleset, fileSHA256(t, tc.ruleset))
			}
			if res.Data == nil || res.Data.SHA256 != wantData {
				t.Errorf("data stamp %+v, want sha256 %s", res.Data, wantData)
			}
		})
	}
}
