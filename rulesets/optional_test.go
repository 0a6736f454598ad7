package rulesets_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// TestLoadOptional: optional: true marks an input the data may lack; it
// takes true or false and nothing else, with the position of the value.
func TestLoadOptional(t *testing.T) {
	src := "id: x\ninputs:\n  a: {label: 甲, optional: true}\n  b: {optional: false}\n  c: {unit: 万元}\nindicators:\n  - {id: i, weight: 10, value: a + b + c, target: \">= 1\"}\n"
	rs, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := []bool{rs.Inputs[0].Optional, rs.Inputs[1].Optional, rs.Inputs[2].Optional}; got[0] != true || got[1] || got[2] {
		t.Errorf("optional %v, want [true false false]", got)
	}
	if _, err := engine.Compile(rs, nil); err != nil {
		t.Fatal(err)
	}
	for value, want := range map[string]string{
		"yes": `r.yaml:3:27: input a: optional: expected true or false, found "yes"`,
		"1":   `r.yaml:3:27: input a: optional: expected true or false, found "1"`,
		"~":   `r.yaml:3:27: input a: optional: expected true or false, found nothing`,
	} {
		_, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(strings.Replace(src, "optional: true", "optional: "+value, 1)))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("optional: %s: error\n%v\nwant it to start\n%s", value, err, want)
		}
	}
	_, err = rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(strings.Replace(src, "optional: true", "optinal: true", 1)))
	if err == nil || !strings.Contains(err.Error(), `unknown key "optinal" in input a (want label, unit, type, optional)`) {
		t.Errorf("misspelt key: %v", err)
	}
}
