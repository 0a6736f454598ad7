package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainByName: explain takes a unit's name where its id is not
// found; an id wins over a name; a name two units bear is refused with
// their ids.
func TestExplainByName(t *testing.T) {
	src, err := os.ReadFile("testdata/explain/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	// E3 is renamed 甲单位 (E1's name), E4 is named E2 (E2's id).
	csv := strings.Replace(string(src), "E3,丙单位,", "E3,甲单位,", 1)
	csv = strings.Replace(csv, "E4,丁单位,", "E4,E2,", 1)
	dup := filepath.Join(t.TempDir(), "units.csv")
	if err := os.WriteFile(dup, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rs := "testdata/explain/ruleset.yaml"

	// By name: the same derivation, byte for byte, as by id.
	codeID, byID, _ := runTool(t, "", "explain", "-r", rs, "-d", "testdata/explain/units.csv", "E2")
	codeName, byName, errOut := runTool(t, "", "explain", "-r", rs, "-d", "testdata/explain/units.csv", "乙单位")
	if codeID != exitOK || codeName != exitOK || byName != byID {
		t.Errorf("explain 乙单位: exit %d (by id %d), err %q; output differs from explain E2:\n%s\nwant:\n%s", codeName, codeID, errOut, byName, byID)
	}

	// An id is matched before names: E2 is E2, not E4 named E2.
	code, out, _ := runTool(t, "", "explain", "-r", rs, "-d", dup, "E2")
	if code != exitOK || !strings.Contains(out, "E2 乙单位") || strings.Contains(out, "E4") {
		t.Errorf("explain E2 with a unit named E2: exit %d:\n%s", code, out)
	}

	// 甲单位 is E1's and E3's name: refused, naming both.
	code, out, errOut = runTool(t, "", "explain", "-r", rs, "-d", dup, "甲单位")
	want := "jixiao: unit name \"甲单位\" in " + dup + " is borne by 2 units: E1, E3; give one of their ids\n"
	if code != exitNothing || out != "" || errOut != want {
		t.Errorf("ambiguous name: exit %d out %q err %q, want 2 and %q", code, out, errOut, want)
	}
}
