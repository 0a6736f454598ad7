package rulesets_test

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/rulesets"
)

// TestTestDataDuplicateKey: a key given twice in a test case's data is
// named where it is. It used to say only "test data: expected a mapping of
// input to value" at the mapping, which has the shape it asks for.
func TestTestDataDuplicateKey(t *testing.T) {
	src := "id: x\ninputs: {spent: {}, budget: {}}\nindicators:\n  - {id: a, weight: 10, value: spent / budget, target: \">= 1\"}\n" +
		"tests:\n  - name: t\n    data: {spent: 1, budget: 2,\n           spent: 2}\n    expect: {score: 10}\n"
	_, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte(src))
	want := "r.yaml:8:12: duplicate key \"spent\"\n |            spent: 2}\n | ...........^"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if err != nil && strings.Contains(err.Error(), "expected a mapping") {
		t.Errorf("the mapping is a mapping: %v", err)
	}
}
