package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// shuffled is a ruleset whose indicators are not listed by group: 产出,
// 过程, 满意度, 效益, 产出 (the second 产出 in 二级指标 数量指标 again).
const shuffled = `id: shuffled
title: 乱序规则集
version: "1"
inputs:
  budget: {label: 全年预算数, unit: 万元}
  spent:  {label: 全年执行数, unit: 万元}
  plan:   {label: 计划数, unit: 个}
  done:   {label: 完成数, unit: 个}
  sat:    {label: 满意度, unit: "%"}
  cost:   {label: 单位成本, unit: 元}
indicators:
  - {id: exec, label: 预算执行率, group: [过程, 资金管理], weight: 20, value: spent / budget, target: ">= 1"}
  - {id: qty, label: 完成数量, group: [产出, 数量指标], weight: 20, value: done, target: ">= plan"}
  - {id: ctl, label: 执行控制, group: [过程, 业务管理], weight: 10, value: spent / budget, target: "<= 1"}
  - {id: satisfaction, label: 服务对象满意度, group: [满意度, 满意度指标], weight: 20, value: sat, target: ">= 0.9"}
  - {id: avg, label: 人均成本, group: [效益, 经济效益], weight: 10, value: cost / 3, target: "<= 500"}
  - {id: qty2, label: 完成质量, group: [产出, 质量指标], weight: 10, value: done / plan, target: ">= 1"}
  - {id: qty3, label: 完成批次, group: [产出, 数量指标], weight: 10, value: done, target: ">= 1"}
`

// TestSelfEvalGroupsRows: the 自评表 lists the indicators by 一级指标 then
// 二级指标, in the order each first appears, merging 产出's cells over its
// three rows and 数量指标's over its two; values are rounded for people
// (1250 ÷ 3 is 416.67; a share is shown as percent, and a % input with
// its sign).
func TestSelfEvalGroupsRows(t *testing.T) {
	dir := t.TempDir()
	rs := filepath.Join(dir, "shuffled.yaml")
	data := filepath.Join(dir, "units.csv")
	out := filepath.Join(dir, "自评表.xlsx")
	os.WriteFile(rs, []byte(shuffled), 0o644)
	os.WriteFile(data, []byte("unit,name,budget,spent,plan,done,sat,cost\nS1,甲单位,100,90,10,9,94.52%,1250\n"), 0o644)
	if code, _, errOut := runCLI(t, "eval", "-r", rs, "-d", data, "-f", "selfeval", "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[1]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := -1
	for i, r := range rows {
		if len(r) > 1 && r[1] == "一级指标" {
			head = i
		}
	}
	if head < 0 {
		t.Fatalf("no indicator header in %v", rows)
	}
	var got []string
	values := map[string]string{}
	for _, r := range rows[head+1 : head+7] {
		for len(r) < 6 {
			r = append(r, "")
		}
		got = append(got, r[1]+"/"+r[2]+"/"+r[3])
		values[r[3]] = r[5]
	}
	// exec is the budget row above; 产出's three rows first (数量指标
	// twice, then 质量指标), then 过程, 满意度, 效益.
	want := []string{"产出/数量指标/完成数量", "产出/数量指标/完成批次", "产出/质量指标/完成质量", "过程/业务管理/执行控制", "满意度/满意度指标/服务对象满意度", "效益/经济效益/人均成本"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rows\n%v\nwant\n%v", got, want)
	}
	merged, _ := f.GetMergeCells(sheet)
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	first := head + 2 // the first indicator row, 1-based
	for _, w := range []string{cellRef("B", first, first+2), cellRef("C", first, first+1)} {
		if !strings.Contains(" "+strings.Join(refs, " ")+" ", " "+w+" ") {
			t.Errorf("merged cells %v lack %s", refs, w)
		}
	}
	if values["人均成本"] != "416.67" || values["服务对象满意度"] != "94.52" {
		t.Errorf("实际完成值: 人均成本 %q, 服务对象满意度 %q", values["人均成本"], values["服务对象满意度"])
	}
	// The share is shown as percent (90.00 %), the % input with its sign.
	for cell, want := range map[string]string{"G6": "90.00%", fmt.Sprintf("F%d", first+4): "94.52%", fmt.Sprintf("F%d", first+5): "416.67"} {
		if got, _ := f.GetCellValue(sheet, cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
}

func cellRef(col string, from, to int) string {
	return fmt.Sprintf("%s%d:%s%d", col, from, col, to)
}
