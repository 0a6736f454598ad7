package data_test

import (
	"fmt"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// A library caller with figures in a map scores them as a data file with
// the same keys would be scored.
func ExampleSchema_Unit() {
	rs, err := rulesets.Load("budget.yaml", []byte(`
id: budget
inputs:
  spent:  {label: 全年执行数, unit: 万元}
  budget: {label: 全年预算数, unit: 万元}
indicators:
  - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	schema := data.NewSchema(rs)
	u, err := schema.Unit("U1", "甲单位", map[string]any{"spent": 153.51, "全年预算数（万元）": "256.14"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := prog.EvalUnit(&u)
	fmt.Println(r.Unit, r.Score, r.Grade)

	_, err = schema.Unit("U2", "乙单位", map[string]any{"spent": 10, "budgte": 20})
	fmt.Println(err)
	// Output:
	// U1 59.93 差
	// 数据中的 "budgte" 不是规则集 budget 的输入
}
