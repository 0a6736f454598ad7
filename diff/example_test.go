package diff_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// The rules in force weigh 预算执行率 60 and 满意度 40 (met at 80 %); the
// proposed rules weigh them 50 and 50 and ask 90 % satisfaction.
const oldRules = `
id: rules
version: "2023"
inputs:
  spent: {label: 支出}
  budget: {label: 预算}
  satisfaction: {label: 满意度}
indicators:
  - {id: exec, label: 预算执行率, weight: 60, value: spent / budget, target: ">= 1"}
  - {id: survey, label: 满意度, weight: 40, value: satisfaction, target: ">= 0.8"}
`

const newRules = `
id: rules
version: "2024"
inputs:
  spent: {label: 支出}
  budget: {label: 预算}
  satisfaction: {label: 满意度}
indicators:
  - {id: exec, label: 预算执行率, weight: 50, value: spent / budget, target: ">= 1"}
  - {id: survey, label: 满意度, weight: 50, value: satisfaction, target: ">= 0.9"}
`

const units = `unit,name,spent,budget,satisfaction
U1,甲单位,100,100,0.64
U2,乙单位,90,100,0.95
U3,丙单位,100,100,0.99
`

// evaluate scores the units under one ruleset, as any library caller
// would: load, compile, read the data for the ruleset's inputs, evaluate.
func evaluate(name, rules string) *engine.Result {
	rs, err := rulesets.Load(name, []byte(rules))
	if err != nil {
		log.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		log.Fatal(err)
	}
	src, err := data.OpenReader("units.csv", strings.NewReader(units), data.NewSchema(rs))
	if err != nil {
		log.Fatal(err)
	}
	us, _, _, err := data.Collect(src)
	if err != nil {
		log.Fatal(err)
	}
	res, err := prog.Eval(context.Background(), us)
	if err != nil {
		log.Fatal(err)
	}
	return res
}

func ExampleDiff() {
	d := diff.Diff(evaluate("old.yaml", oldRules), evaluate("new.yaml", newRules))
	for _, u := range d.Units {
		fmt.Printf("%s %s: %v → %v (%+g), %s → %s\n", u.Unit, u.Name, u.Old.Score, u.New.Score, u.Delta, u.Old.Grade, u.New.Grade)
		for _, pc := range u.Indicators {
			fmt.Printf("  %s %v → %v\n", pc.Label, *pc.Old, *pc.New)
		}
	}
	fmt.Println("grade migration:")
	for _, m := range d.Migration {
		if m.Units > 0 {
			fmt.Printf("  %s → %s: %d\n", m.From, m.To, m.Units)
		}
	}
	fmt.Println("causes:")
	for _, ic := range d.Indicators {
		fmt.Printf("  %s %v → %v (%+g) in %d units\n", ic.Label, ic.Old, ic.New, ic.Delta, ic.Units)
	}
	// Output:
	// U1 甲单位: 92 → 85.56 (-6.44), 优 → 良
	//   预算执行率 60 → 50
	//   满意度 32 → 35.56
	// U2 乙单位: 94 → 95 (+1), 优 → 优
	//   预算执行率 54 → 45
	//   满意度 40 → 50
	// U3 丙单位: 100 → 100 (+0), 优 → 优
	//   预算执行率 60 → 50
	//   满意度 40 → 50
	// grade migration:
	//   优 → 优: 2
	//   优 → 良: 1
	// causes:
	//   预算执行率 174 → 145 (-29) in 3 units
	//   满意度 112 → 135.56 (+23.56) in 3 units
}
