package main

// Submitted self-evaluation forms (testdata/bad/data/forms-*, built with
// excelize): a form that contradicts itself, an .xls, a workbook that is
// not a form.
func init() {
	const contradict = D + "forms-contradict.xlsx"
	badCases = append(badCases, []badCase{
		// 年度资金总额 0 over 本年财政拨款 90; rows of 110 under a 总分 of
		// 100; the claims add up to 110, not the 90 written; rules 85 (良).
		// The findings are in the run's language (English in tests).
		{name: "forms: a form that contradicts itself", args: []string{"review", contradict}, exit: 1,
			stdout: []string{
				"资金: 年度资金总额, 全年预算数 0 万元 (forms-contradict.xlsx!Sheet1!D5), is not the sum of its items, 90 万元 (本年财政拨款 90)",
				"预算执行率 (full points 10): claimed 10 (forms-contradict.xlsx!Sheet1!H5), by the rules 0: 10 too many (the claim is above the rules). Basis: 全年预算数 is 0 (forms-contradict.xlsx!Sheet1!D5): the rate cannot be worked out; scored 0",
				"分值: the rows' points add up to 110, not to the 总分 row's 100 (forms-contradict.xlsx!Sheet1!F14)",
				"总分: the claimed total 90 (forms-contradict.xlsx!Sheet1!G14) is not the sum of the rows' claims, 110: 20 apart (total and items disagree)",
				"等级: claimed 「优秀」 (forms-contradict.xlsx!Sheet1!B15), but by the rules the total 85 gives 「良」 (grade and total disagree)",
			}},
		{name: "forms: an .xls and a workbook that is not a form", args: []string{"review", D + "forms-old.xls", D + "forms-notform.xlsx"}, exit: 2,
			stderr: []string{
				"jixiao: not reviewed: " + D + "forms-old.xls is an .xls workbook, which jixiao does not read: open it in Excel or WPS and save it as .xlsx",
				"jixiao: not reviewed: " + D + "forms-notform.xlsx: not a self-evaluation form: no sheet (名单) has an indicator table, a header row with 三级指标, 分值 and 得分",
				"jixiao: nothing to review: no self-evaluation form (自评表) in " + D + "forms-old.xls, " + D + "forms-notform.xlsx",
			}},
	}...)
}
