package engine_test

import (
	"context"
	"fmt"
	"os"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

// The main flow: open a ruleset, compile it, open the data, and evaluate
// the units into a format as they are read (jixiao eval -r dept-2013
// -d fixtures/demo-dept-2013.csv -f table --units D01,D02 --groups).
func Example() {
	rs, err := rulesets.Open("dept-2013") // a built-in id or a YAML file
	if err != nil {
		fmt.Println(err)
		return
	}
	prog, err := engine.Compile(rs, nil) // nil: the default engine.Options
	if err != nil {
		fmt.Println(err)
		return
	}
	src, err := data.Open("../fixtures/demo-dept-2013.csv", data.NewSchema(prog.Ruleset()))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer src.Close()
	table, _ := report.Lookup("table")
	o := report.Options{Units: []string{"D01", "D02"}, Groups: true}
	sum, err := report.Write(context.Background(), os.Stdout, table, o, report.NewMeta(prog, nil), prog, src)
	fmt.Println(sum.Units, "units scored, error:", err)
	// Output:
	// 部门整体支出绩效自评（财预〔2013〕53号共性指标框架，10号计分规则）（dept-2013 2013.1）
	// 排名  单位  名称                 | 投入(15) | 过程(40) | 产出(25) | 效果(20) |  总分  等级  结果应用
	// ---------------------------------+----------+----------+----------+----------+----------------------
	//    1  D01   演示市教育局         |     14.5 |    38.92 |    24.24 |       19 | 96.66  优    优先保障
	//    2  D02   演示市卫生健康委员会 |     14.5 |    38.93 |    24.53 |     18.6 | 96.56  优    优先保障
	// ---------------------------------+----------+----------+----------+----------+----------------------
	//             平均                 |     14.5 |    38.93 |    24.39 |     18.8 | 96.61
	// 共 2 个单位：优 2，良 0，中 0，差 0（排名为全部 14 个单位中的名次）
	// 规则集 dept-2013 2013.1  SHA-256 05bef71bbe70eaab87ca1616071ba89cb3037f0241f45c1b75c937ce057ae9ca
	// 14 units scored, error: <nil>
}
