package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnitsByName: eval --units keeps a unit named by its name as by its
// id (same bytes); a name two units bear, or a word that is one unit's id
// and another's name, is refused with the ids before anything is written.
func TestUnitsByName(t *testing.T) {
	src, err := os.ReadFile("testdata/explain/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	rs := "testdata/explain/ruleset.yaml"
	eval := func(data, units string) (int, string, string) {
		return runTool(t, "", "eval", "-r", rs, "-d", data, "-f", "csv", "--units", units)
	}
	code, byID, _ := eval("testdata/explain/units.csv", "E1,E2")
	codeN, byName, errOut := eval("testdata/explain/units.csv", "甲单位,乙单位")
	// E4 cannot be scored, so both exit 1; the rows are E1 and E2.
	if code == exitNothing || codeN != code || byName != byID || strings.Count(byName, "\nE") != 2 {
		t.Errorf("--units by name: exit %d/%d err %q:\n%s\nwant:\n%s", codeN, code, errOut, byName, byID)
	}

	dir := t.TempDir()
	write := func(name, csv string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// E3 renamed 甲单位 (E1's name); E4 named E2 (E2's id).
	dup := write("dup.csv", strings.Replace(string(src), "E3,丙单位,", "E3,甲单位,", 1))
	clash := write("clash.csv", strings.Replace(string(src), "E4,丁单位,", "E4,E2,", 1))
	for _, tc := range []struct{ data, units, err string }{
		{dup, "甲单位", "--units: unit name 甲单位 is borne by 2 units: E1, E3; give one of their ids"},
		{clash, "E2", "--units: E2 is the id of unit E2 and the name of E4: give ids"},
	} {
		code, out, errOut := eval(tc.data, tc.units)
		if code != exitNothing || out != "" || !strings.Contains(errOut, tc.err) {
			t.Errorf("--units %s: exit %d out %q err %q, want 2 and %q", tc.units, code, out, errOut, tc.err)
		}
	}
}
