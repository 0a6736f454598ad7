package main

// Blank and uncomputable cells are scored 0, and every format must say so
// in the unit's row, with the run's closing line on stderr
// (data/visible-blank-and-zero.csv: U1's 支出 is blank, U3's 预算 is 0).
func init() {
	const data = D + "visible-blank-and-zero.csv"
	const endLine = "jixiao: 1 of 3 units have missing inputs (scored 0); see the marks in the output\n"
	eval := func(format string) []string { return []string{"eval", "-r", ok, "-d", data, "-f", format} }
	badCases = append(badCases, []badCase{
		// U1: 支出 blank → 预算执行率 missing, 0; tier A → 40 × 0.9 = 36.
		// U2: 100 ÷ 100 ≥ 1 → 60; B → 40 × 0.7 = 28; 88 良, rank 1.
		// U3: 80 ÷ 0 → error, 0; A → 36. U1 and U3 tie at 36, rank 2.
		{name: "visible: csv keeps points numeric and lists what is missing", args: eval("csv"), exit: 0,
			stderr: []string{endLine},
			stdout: []string{"单位编码,单位名称,预算执行率,质量,总分,等级,排名,缺项,无法计算,未通过校验,错误\n",
				"U1,甲,0,36,36,差,2,预算执行率,,,\n", "U2,乙,60,28,88,良,1,,,,\n", "U3,丙,0,36,36,差,2,,预算执行率,,\n"}},
		{name: "visible: table marks the cells", args: eval("table"), exit: 0,
			stderr: []string{endLine},
			stdout: []string{"   2  U1    甲   |        0缺 |    36 |    36  差\n", "   2  U3    丙   |        0错 |    36 |    36  差\n",
				"共 3 个单位：优 0，良 1，中 0，差 2；其中 1 个单位有缺失数据（记 0 分）\n", "  缺 数据缺失，记 0 分\n"}},
		{name: "visible: md marks the cells", args: eval("md"), exit: 0,
			stderr: []string{endLine},
			stdout: []string{"| 2 | U1 | 甲 | 0缺 | 36 | **36** | 差 |\n", "- 缺 数据缺失，记 0 分\n"}},
		{name: "visible: json says missing", args: eval("json"), exit: 0,
			stderr: []string{endLine},
			stdout: []string{`"points":0,"status":"missing"`}},
		{name: "visible: html marks the cells", args: eval("html"), exit: 0,
			stderr: []string{endLine},
			stdout: []string{`<td class="missing" title="缺 数据缺失，记 0 分">0缺</td>`}},
		{name: "visible: xlsx", args: append(eval("xlsx"), "-o", "{tmp}/out.xlsx"), exit: 0,
			stderr: []string{endLine}},
		{name: "visible: selfeval", args: append(eval("selfeval"), "-o", "{tmp}/out.xlsx"), exit: 0,
			stderr: []string{endLine}},
	}...)
}
