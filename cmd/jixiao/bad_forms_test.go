package main

// Submitted self-evaluation forms (testdata/bad/data/forms-*, built with
// excelize): a form that contradicts itself, an .xls, a workbook that is
// not a form.
func init() {
	const contradict = D + "forms-contradict.xlsx"
	badCases = append(badCases, []badCase{
		// 年度资金总额 0 over 本年财政拨款 90; rows of 110 under a 总分 of
		// 100; the claims add up to 110, not the 90 written; rules 85 (良).
		{name: "forms: a form that contradicts itself", args: []string{"review", contradict}, exit: 1,
			stdout: []string{
				"资金：年度资金总额的全年预算数 0 万元（forms-contradict.xlsx!Sheet1!D5），不等于其中各项之和 90 万元（本年财政拨款 90）",
				"预算执行率（满分 10）：自评 10 分（forms-contradict.xlsx!Sheet1!H5），按规则应得 0 分，多计 10 分（自评高于规则）。依据：全年预算数为 0（forms-contradict.xlsx!Sheet1!D5），执行率无法计算，按 0 分计",
				"分值：各行分值之和 110 分，不等于总分行的分值 100 分（forms-contradict.xlsx!Sheet1!F14）",
				"总分：自评总分 90 分（forms-contradict.xlsx!Sheet1!G14），不等于各行自评得分之和 110 分，相差 20 分（总分与各项之和不符）",
				"等级：自评「优秀」（forms-contradict.xlsx!Sheet1!B15），按规则总分 85 分应为「良」（等级与总分不符）",
			}},
		{name: "forms: an .xls and a workbook that is not a form", args: []string{"review", D + "forms-old.xls", D + "forms-notform.xlsx"}, exit: 2,
			stderr: []string{
				"jixiao: not reviewed: " + D + "forms-old.xls is an .xls workbook, which jixiao does not read: open it in Excel or WPS and save it as .xlsx",
				"jixiao: not reviewed: " + D + "forms-notform.xlsx: not a self-evaluation form: no sheet (名单) has an indicator table, a header row with 三级指标, 分值 and 得分",
				"jixiao: nothing to review: no self-evaluation form (自评表) in " + D + "forms-old.xls, " + D + "forms-notform.xlsx",
			}},
	}...)
}
