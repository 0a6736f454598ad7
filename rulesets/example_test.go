package rulesets_test

import (
	"fmt"

	"github.com/jixiao/jixiao/rulesets"
)

// A ruleset is named by a built-in id or a file path; a name that is
// neither says which ids there are.
func ExampleOpen() {
	rs, err := rulesets.Options{Lang: "en"}.Open("grid-center")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rs.ID, rs.File, len(rs.Indicators), "indicators,", len(rs.Tests) > 0, "has test cases")
	_, err = rulesets.Options{Lang: "en"}.Open("grid-centre")
	fmt.Println(err)
	// Output:
	// grid-center rulesets/grid-center.yaml 21 indicators, true has test cases
	// grid-centre: no ruleset file grid-centre and no built-in ruleset of that id (built-in: dept-2013, grid-center, selfeval-2020)
}

// Errors name the file, line and column, show the line and point at it.
func ExampleLoad() {
	_, err := rulesets.Options{Lang: "en"}.Load("r.yaml", []byte("id: x\ninputs: {a: {}}\nindicators:\n  - {id: a1, weight: ten, value: a, target: \">= 1\"}\n"))
	fmt.Println(err)
	// Output:
	// r.yaml:4:22: weight: expected a number, found "ten"
	//  |   - {id: a1, weight: ten, value: a, target: ">= 1"}
	//  | .....................^
}

// SearchLibrary finds library entries by id, label or note; a ruleset
// takes one with use: ID.
func ExampleSearchLibrary() {
	defs, err := rulesets.Library()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range rulesets.SearchLibrary(defs, "预算执行率") {
		fmt.Println(d.ID, d.Label, d.Direction, d.Value)
	}
	// Output:
	// budget_execution_rate 预算执行率 >= spent / budget
}
