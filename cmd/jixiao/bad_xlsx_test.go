package main

// Workbooks as bureaus send them (testdata/bad/data/xlsx-*.xlsx, built
// with excelize: a 填表说明 sheet, then 数据 with a title, a 填报单位 line
// and a blank row above the header in row 4).
func init() {
	const bureau = D + "xlsx-bureau.xlsx"
	const fourFailed = "jixiao: 4 of 5 units could not be scored (see their errors in the output)"
	badCases = append(badCases, []badCase{
		// U1 is scored past the title rows: 50/100 × 60 = 30, A 36.
		{name: "xlsx: header past the title rows", args: asJSON(badData("xlsx-bureau.xlsx")), exit: 1, stderr: []string{fourFailed},
			stdout: []string{`{"unit":"U1","name":"甲","score":66,"grade":"中","rank":1,`}},
		{name: "xlsx: date cell", args: badData("xlsx-bureau.xlsx"), exit: 1, stderr: []string{fourFailed},
			stdout: []string{bureau + ":6:3: sheet 数据, row 6, column C: 支出 (spent): the cell holds a date or time (2022-12-31, format yyyy/m/d), not a number: enter a number and format the cell as 常规 (General) or 数值 (Number)"}},
		{name: "xlsx: boolean cell", args: badData("xlsx-bureau.xlsx"), exit: 1, stderr: []string{fourFailed},
			stdout: []string{bureau + ":7:3: sheet 数据, row 7, column C: 支出 (spent): the cell holds the logical value TRUE, not a number: enter a number"}},
		{name: "xlsx: error value", args: badData("xlsx-bureau.xlsx"), exit: 1, stderr: []string{fourFailed},
			stdout: []string{bureau + ":8:3: sheet 数据, row 8, column C: 支出 (spent): the cell holds the error #DIV/0!, not a number: correct the formula or its data in Excel or WPS"}},
		{name: "xlsx: formula never computed", args: asJSON(badData("xlsx-bureau.xlsx")), exit: 1, stderr: []string{fourFailed},
			stdout: []string{`"row":9,"column":"C","field":"支出","code":"formula_not_computed","message":"sheet 数据, row 9, column C: 支出 (spent): the cell's formula has no computed value (the file was written by a program, not saved by Excel): open and save the file in Excel or WPS so values are computed"`}},
		{name: "xlsx: sheet and header row named", args: append(badData("xlsx-bureau.xlsx"), "--sheet", "数据", "--header-row", "4"), exit: 1, stderr: []string{fourFailed}},
		{name: "xlsx: no such sheet", args: append(badData("xlsx-bureau.xlsx"), "--sheet", "说明"), exit: 2,
			stderr: []string{bureau + `: the workbook has no sheet "说明": its sheets are 填表说明, 数据`}},
		{name: "xlsx: header row with no unit column", args: append(badData("xlsx-bureau.xlsx"), "--sheet", "数据", "--header-row", "2"), exit: 2,
			stderr: []string{bureau + ":2: sheet 数据, row 2: the header has no unit column (unit, 单位编码, 单位代码 or 编码, the unit's id); its columns are 填报单位：演示县财政局    金额单位：万元"}},
		{name: "xlsx: two sheets of units", args: badData("xlsx-two-sheets.xlsx"), exit: 2,
			stderr: []string{D + "xlsx-two-sheets.xlsx: sheets 2022 (header in row 4) and 2023 (header in row 4) both hold units: say which to read with --sheet NAME"}},
		// 2023: U1 100/100 × 60 + A 36 = 96.
		{name: "xlsx: one of two sheets named", args: append(asJSON(badData("xlsx-two-sheets.xlsx")), "--sheet", "2023"), exit: 0,
			stdout: []string{`{"unit":"U1","name":"甲","score":96,"grade":"优","rank":1,`}},
		{name: "xlsx: another ruleset's workbook", args: badData("xlsx-other-ruleset.xlsx"), exit: 2,
			stderr: []string{D + "xlsx-other-ruleset.xlsx: no sheet has a header row (a row with the unit column, unit, 单位编码, 单位代码 or 编码, or the name column, name, 单位名称 or 名称, and an input of ruleset bad-base): looked at sheet 填表说明 (1 row); sheet 数据 (4 rows; row 4 has the unit or name column but no input of the ruleset: 单位编码, 单位名称, 网格数, 事件数); name the sheet and its header row with --sheet NAME --header-row N"}},
		{name: "xlsx: encrypted workbook", args: badData("xlsx-encrypted.xlsx"), exit: 2,
			stderr: []string{D + "xlsx-encrypted.xlsx: the file is an encrypted (password-protected) workbook or an old .xls one, not an xlsx workbook: open it in Excel or WPS and save it as .xlsx without a password"}},
		{name: "xlsx: workbook cut short", args: badData("xlsx-truncated.xlsx"), exit: 2,
			stderr: []string{D + "xlsx-truncated.xlsx: not a readable xlsx workbook (zip: not a valid zip file): save it in Excel or WPS as .xlsx (Excel 工作簿)"}},
		// The sheet's directory entry says 2 GiB: refused before unzipping.
		{name: "xlsx: zip bomb", args: badData("xlsx-bomb.xlsx"), exit: 2,
			stderr: []string{D + "xlsx-bomb.xlsx: part xl/worksheets/sheet2.xml unzips to 2 GiB, more than the limit of 256 MiB for one part: no workbook of reported data is this large (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-part"}},
		{name: "xlsx: limit from the command line", args: append(badData("xlsx-bureau.xlsx"), "--xlsx-max-size", "16K"), exit: 2,
			stderr: []string{bureau + ": the workbook unzips to more than the limit of 16 KiB: no workbook of reported data is this large (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-size"}},
		{name: "xlsx: limit from the settings", args: append(badData("xlsx-bureau.xlsx"), "--config", D+"xlsx-settings.yaml"), exit: 2,
			stderr: []string{bureau + ": the workbook unzips to more than the limit of 16 KiB"}},
		{name: "xlsx: bad limit", args: append(badData("xlsx-bureau.xlsx"), "--xlsx-max-part", "-1"), exit: 2,
			stderr: []string{`jixiao: invalid argument "-1" for "--xlsx-max-part" flag: want a size such as 512M or 2G (bytes; K, M, G are powers of 1024), not "-1"`}},
		{name: "xlsx: --sheet for CSV data", args: append([]string{"eval", "-r", ok, "-d", okD}, "--sheet", "数据"), exit: 2,
			stderr: []string{"jixiao: --sheet is for xlsx workbooks, and testdata/bad/ok.csv is not one"}},
		{name: "xlsx: --header-row for the demo data", args: []string{"eval", "--header-row", "3"}, exit: 2,
			stderr: []string{"jixiao: --header-row is for xlsx workbooks, and the data is not one"}},
	}...)
}
