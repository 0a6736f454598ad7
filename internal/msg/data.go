package msg

// The data readers' messages (package data): a file that cannot be read,
// its header, its cells and rows, and the warnings of a file read.
const (
	// Words and small parts put into sentences.
	DataParen       Code = "data.paren"
	DataListSep     Code = "data.list_sep"
	DataOr          Code = "data.or"
	DataMoreColumns Code = "data.more_columns"
	DataMoreItems   Code = "data.more_items"
	DataColumn      Code = "data.column"
	DataKey         Code = "data.key"
	DataWhereColumn Code = "data.where_column"
	DataWhereLine   Code = "data.where_line"
	DataUnitID      Code = "data.unit_id"
	DataUnitName    Code = "data.unit_name"
	DataInput       Code = "data.input"
	DataUnitCols    Code = "data.unit_columns"
	DataNameCols    Code = "data.name_columns"
	DataANumber     Code = "data.a_number"
	DataAText       Code = "data.a_text"
	DataATier       Code = "data.a_tier"
	DataAMapping    Code = "data.a_mapping"
	DataAList       Code = "data.a_list"
	DataAnAlias     Code = "data.an_alias"
	DataAnObject    Code = "data.an_object"
	DataNull        Code = "data.null"
	DataNone        Code = "data.none"
	DataBlank       Code = "data.blank"
	DataRows        Code = "data.rows"
	DataWarning     Code = "data.warning"

	// Places.
	DataAtRowCol      Code = "data.at_row_col"
	DataAtSheetRow    Code = "data.at_sheet_row"
	DataAtSheetRowCol Code = "data.at_sheet_row_col"
	DataAtSheet       Code = "data.at_sheet"
	DataPlaced        Code = "data.placed"

	// The header (or the keys of keyed data).
	DataNoUnitColumn   Code = "data.no_unit_column"
	DataColumnTwice    Code = "data.column_twice"
	DataColumnsBoth    Code = "data.columns_both"
	DataKeysBoth       Code = "data.keys_both"
	DataWrongUnitNone  Code = "data.wrong_unit_none"
	DataWrongUnitPart  Code = "data.wrong_unit_part"
	DataWrongUnit      Code = "data.wrong_unit"
	DataAbsentOptional Code = "data.absent_optional"
	DataForeign        Code = "data.foreign"
	DataForeignMore    Code = "data.foreign_more"
	DataAbsent         Code = "data.absent"
	DataAbsentCount    Code = "data.absent_count"
	DataDidYouMean     Code = "data.did_you_mean"
	DataAbsentHow      Code = "data.absent_how"
	DataNoRater        Code = "data.no_rater"
	DataKeyNotInput    Code = "data.key_not_input"
	DataKeyNoIndicator Code = "data.key_no_indicator"
	DataColNotInput    Code = "data.column_not_input"
	DataColNoIndicator Code = "data.column_no_indicator"
	DataDuplicateKey   Code = "data.duplicate_key"
	DataFitsNone       Code = "data.fits_none"
	DataFits           Code = "data.fits"
	DataAnd            Code = "data.and"

	// Cells.
	DataField          Code = "data.field"
	DataNotNumber      Code = "data.not_number"
	DataNotNumberUnit  Code = "data.not_number_unit"
	DataThousands      Code = "data.thousands"
	DataOutOfRange     Code = "data.out_of_range"
	DataOutOfRangeLen  Code = "data.out_of_range_len"
	DataNotFinite      Code = "data.not_finite"
	DataLookalike      Code = "data.lookalike"
	DataUnknownTier    Code = "data.unknown_tier"
	DataTierBand       Code = "data.tier_band"
	DataTierFraction   Code = "data.tier_fraction"
	DataTierNoNumber   Code = "data.tier_no_number"
	DataWantNumberText Code = "data.want_number_or_text"
	DataCellUnread     Code = "data.cell_unread"
	DataMissingID      Code = "data.missing_id"

	// Rows.
	DataRowShort   Code = "data.row_short"
	DataRowLong    Code = "data.row_long"
	DataPastHeader Code = "data.past_header"

	// CSV and text.
	DataEmptyCSV       Code = "data.empty_csv"
	DataBareQuote      Code = "data.bare_quote"
	DataOpenQuote      Code = "data.open_quote"
	DataCSVOther       Code = "data.csv_other"
	DataOpenQuoteLong  Code = "data.open_quote_long"
	DataFieldTooLong   Code = "data.field_too_long"
	DataRowTooLong     Code = "data.row_too_long"
	DataZIP            Code = "data.zip"
	DataXLS            Code = "data.xls"
	DataUTF16          Code = "data.utf16"
	DataUTF16NoBOM     Code = "data.utf16_no_bom"
	DataGB18030        Code = "data.gb18030"
	DataNUL            Code = "data.nul"
	DataNotValidAs     Code = "data.not_valid_as"
	DataNeitherUTF8    Code = "data.neither_utf8"
	DataMixedUTF8      Code = "data.mixed_utf8"
	DataReadFailed     Code = "data.read_failed"
	DataReadData       Code = "data.read_data"
	DataOpenData       Code = "data.open_data"
	DataUnknownFormat  Code = "data.unknown_format"
	DataNoReread       Code = "data.no_reread"
	DataNoRereadStream Code = "data.no_reread_stream"
	DataNoRereadErr    Code = "data.no_reread_err"

	// YAML and JSON.
	DataEmptyKeyed    Code = "data.empty_keyed"
	DataNoDocument    Code = "data.no_document"
	DataWantList      Code = "data.want_list"
	DataYAMLNotUnit   Code = "data.yaml_not_unit"
	DataJSONNotUnit   Code = "data.json_not_unit"
	DataWantText      Code = "data.want_text"
	DataWantMapping   Code = "data.want_mapping"
	DataWantObject    Code = "data.want_object"
	DataUnknownKey    Code = "data.unknown_key"
	DataFound         Code = "data.found"
	DataJSON          Code = "data.json"
	DataJSONLineNot   Code = "data.jsonl_not_object"
	DataJSONLineLong  Code = "data.jsonl_too_long"
	DataOptionsBadRow Code = "data.options_header_row"
	DataOptionsLimits Code = "data.options_limits"
	DataOptionsField  Code = "data.options_max_field"

	// Workbooks.
	DataNoSheet         Code = "data.no_sheet"
	DataNoSheets        Code = "data.no_sheets"
	DataTwoSheets       Code = "data.two_sheets"
	DataSheetEmpty      Code = "data.sheet_empty"
	DataAllSheetsEmpty  Code = "data.all_sheets_empty"
	DataNoHeaderAtRow   Code = "data.no_header_at_row"
	DataNoHeader        Code = "data.no_header"
	DataHeaderRowEmpty  Code = "data.header_row_empty"
	DataLookedRow       Code = "data.looked_row"
	DataLookedRowEmpty  Code = "data.looked_row_empty"
	DataLookedEmpty     Code = "data.looked_empty"
	DataLookedUnitOnly  Code = "data.looked_unit_only"
	DataLooked          Code = "data.looked"
	DataLookedSep       Code = "data.looked_sep"
	DataDamaged         Code = "data.damaged"
	DataXLSXTooLarge    Code = "data.xlsx_too_large"
	DataXLSXEmpty       Code = "data.xlsx_empty"
	DataEncrypted       Code = "data.encrypted"
	DataNotXLSX         Code = "data.not_xlsx"
	DataNoBookPart      Code = "data.no_book_part"
	DataPartTooLarge    Code = "data.part_too_large"
	DataPartRatio       Code = "data.part_ratio"
	DataBookTooLarge    Code = "data.book_too_large"
	DataNotComputed     Code = "data.not_computed"
	DataCellErrorValue  Code = "data.cell_error_value"
	DataCellLogical     Code = "data.cell_logical"
	DataCellDate        Code = "data.cell_date"
	DataCellDateFormat  Code = "data.cell_date_format"
	DataCellScaled      Code = "data.cell_scaled"
	DataPanelRowName    Code = "data.panel_row"
	DataPanelTwice      Code = "data.panel_twice"
	DataPanelDisagree   Code = "data.panel_disagree"
	DataPanelRange      Code = "data.panel_range"
	DataPanelNotNumber  Code = "data.panel_not_number"
	DataPanelBlank      Code = "data.panel_blank"
	DataPanelRaterFirst Code = "data.panel_rater"

	// What is wrong inside a damaged workbook (after DataDamaged).
	DataPartTwice        Code = "data.part_twice"
	DataSheetNoPart      Code = "data.sheet_no_part"
	DataNumFmtID         Code = "data.numfmt_id"
	DataLongString       Code = "data.long_string"
	DataSheetPartMissing Code = "data.sheet_part_missing"
	DataRowOrder         Code = "data.row_order"
	DataEndsInRow        Code = "data.ends_in_row"
	DataCellRef          Code = "data.cell_ref"
	DataCellPlace        Code = "data.cell_place"
	DataCellStyle        Code = "data.cell_style"
	DataCellType         Code = "data.cell_type"
	DataEndsInCell       Code = "data.ends_in_cell"
	DataSharedString     Code = "data.shared_string"

	// The word for the stable code of a key given twice (see
	// catalogue.go's code.* words).
	codeDuplicateKey Code = "code.duplicate_key"
)

// The 自评表 reader's messages (package forms): files it does not review
// and cells it cannot read.
const (
	FormsXLS         Code = "forms.xls"
	FormsNotBook     Code = "forms.not_workbook"
	FormsCannotOpen  Code = "forms.cannot_open"
	FormsNoTable     Code = "forms.no_table"
	FormsNoRows      Code = "forms.no_rows"
	FormsTooManyRows Code = "forms.too_many_rows"
	FormsReadFolder  Code = "forms.read_folder"
	FormsNoLabel     Code = "forms.no_label"
	FormsFundCell    Code = "forms.fund_cell"
	FormsRowProblem  Code = "forms.row_problem"
	FormsNotPercent  Code = "forms.not_percent"
	FormsWeightBlank Code = "forms.weight_blank"
	FormsNotAbove0   Code = "forms.not_above_0"
	FormsWeight      Code = "forms.weight"
	FormsClaim       Code = "forms.claim"
	FormsTotal       Code = "forms.total"
	FormsDirection   Code = "forms.direction"
	FormsDirContra   Code = "forms.direction_contradicts"
	FormsTargetBlank Code = "forms.target_blank"
	FormsTargetRead  Code = "forms.target_unread"
	FormsTargetDirs  Code = "forms.target_two_directions"
	FormsTargetNum   Code = "forms.target_number"
	FormsTargetTwo   Code = "forms.target_two"
	FormsActualQual  Code = "forms.actual_qualitative"
	FormsActualDir   Code = "forms.actual_direction"
	FormsActualNaN   Code = "forms.actual_not_number"
	FormsActualNum   Code = "forms.actual_number"
	FormsActualPct   Code = "forms.actual_no_percent"
	FormsActualUnit  Code = "forms.actual_unit"
	FormsNoUnit      Code = "forms.no_unit"
)

// The findings of a 自评表 review and the arithmetic of its rows
// (package forms, Review).
const (
	FormsUnreadable     Code = "forms.unreadable"
	FormsSumMismatch    Code = "forms.sum_mismatch"
	FormsTotalHigh      Code = "forms.total_high"
	FormsTotalLow       Code = "forms.total_low"
	FormsRowsSum        Code = "forms.rows_sum"
	FormsRowsSumNA      Code = "forms.rows_sum_na"
	FormsGradeMismatch  Code = "forms.grade_mismatch"
	FormsNoFunds        Code = "forms.no_funds"
	FormsZeroBudget     Code = "forms.zero_budget"
	FormsNA             Code = "forms.na"
	FormsBlankActual    Code = "forms.blank_actual"
	FormsRate           Code = "forms.rate"
	FormsMet            Code = "forms.met"
	FormsProportional   Code = "forms.proportional"
	FormsReverse        Code = "forms.reverse"
	FormsZero           Code = "forms.zero"
	FormsOvershoot      Code = "forms.overshoot"
	FormsRef            Code = "forms.ref"
	FormsNote           Code = "forms.note"
	FormsTierBand       Code = "forms.tier_band"
	FormsTierReported   Code = "forms.tier_reported"
	FormsTierInside     Code = "forms.tier_inside"
	FormsTierOutside    Code = "forms.tier_outside"
	FormsTierDefault    Code = "forms.tier_default"
	FormsRowClaim       Code = "forms.row_claim"
	FormsHigh           Code = "forms.high"
	FormsLow            Code = "forms.low"
	FormsRowNA          Code = "forms.row_na"
	FormsAboveFull      Code = "forms.above_full"
	FormsFullNoReason   Code = "forms.full_no_reason"
	FormsFullReason     Code = "forms.full_reason"
	FormsBasis          Code = "forms.basis"
	FormsFundSum        Code = "forms.fund_sum"
	FormsFundRate       Code = "forms.fund_rate"
	FormsWeightSum      Code = "forms.weight_sum"
	FormsTotalRowWeight Code = "forms.total_row_weight"
	FormsHundred        Code = "forms.hundred"
	FormsGroupWeight    Code = "forms.group_weight"
)

// dataMessages are the data readers' messages (package data) and the 自评表 reader's (package forms).
var dataMessages = map[Code]entry{
	codeDuplicateKey: {zh: "键重复", en: "duplicate key"},

	DataParen:       {zh: "%s（%s）", en: "%s (%s)"},
	DataListSep:     {zh: "、", en: ", "},
	DataOr:          {zh: " 或 ", en: " or "},
	DataAnd:         {zh: " 和 ", en: " and "},
	DataMoreColumns: {zh: "……（共 %d 列）", en: ", … (%d columns)"},
	DataMoreItems:   {zh: "%s 等（另有 %d 项）", en: "%s and %d more"},
	DataColumn:      {zh: "列", en: "column"},
	DataKey:         {zh: "键", en: "key"},
	DataWhereColumn: {zh: "%s 列", en: "column %s"},
	DataWhereLine:   {zh: "第 %d 行", en: "line %d"},
	DataUnitID:      {zh: "单位编码", en: "the unit id"},
	DataUnitName:    {zh: "单位名称", en: "the unit name"},
	DataInput:       {zh: "输入 %s", en: "input %s"},
	DataUnitCols:    {zh: "unit、单位编码、单位代码 或 编码", en: "unit, 单位编码, 单位代码 or 编码"},
	DataNameCols:    {zh: "name、单位名称 或 名称", en: "name, 单位名称 or 名称"},
	DataANumber:     {zh: "数字", en: "a number"},
	DataAText:       {zh: "文字", en: "text"},
	DataATier:       {zh: "评价档次（A、B、C、达成、部分达成 或 未达成）", en: "a tier (A, B, C, 达成, 部分达成 or 未达成)"},
	DataAMapping:    {zh: "映射（mapping）", en: "a mapping"},
	DataAList:       {zh: "列表", en: "a list"},
	DataAnAlias:     {zh: "别名（alias）", en: "an alias"},
	DataAnObject:    {zh: "对象", en: "an object"},
	DataNull:        {zh: "null", en: "null"},
	DataNone:        {zh: "无", en: "none"},
	DataBlank:       {zh: "空白", en: "blank"},
	DataRows:        {zh: "%d 行", en: "%d rows", en1: "%d row"},
	DataWarning:     {zh: "警告：%s\n", en: "warning: %s\n"},

	DataAtRowCol:      {zh: "第 %d 行，%s 列：%s", en: "row %d, column %s: %s"},
	DataAtSheetRow:    {zh: "工作表 %s，第 %d 行", en: "sheet %s, row %d"},
	DataAtSheetRowCol: {zh: "工作表 %s，第 %d 行，%s 列", en: "sheet %s, row %d, column %s"},
	DataAtSheet:       {zh: "工作表 %s：%s", en: "sheet %s: %s"},
	DataPlaced:        {zh: "%s：%s", en: "%s: %s"},

	DataNoUnitColumn: {zh: "表头没有单位编码列（%s）：请加一列写明各单位的编码；现有的列为 %s",
		en: "the header has no unit column (%s, the unit's id); its columns are %s"},
	DataColumnTwice: {zh: "列 %s 出现了两次（%s 列和 %s 列）：请只保留一列", en: "column %s appears twice (columns %s and %s)"},
	DataColumnsBoth: {zh: "%s 列（%s）和 %s 列（%s）都是%s：请只保留其中一列",
		en: "columns %s (%s) and %s (%s) both give %s: keep one of them"},
	DataKeysBoth: {zh: "键 %s 和 %s 都是%s：请只保留其中一个", en: "keys %s and %s both give %s: keep one of them"},
	DataWrongUnitNone: {zh: "%[1]s %[2]q 是%[3]s，括号中写了 %[4]q，但规则集没有为这一输入声明计量单位：如数字就是规则集所指的，请把%[5]s名改为 %[6]s；或在规则集中为这一输入写 unit: %[7]s",
		en: "%s %q names %s with %q in brackets, but the ruleset declares no unit for the input: head the %s %s if the figures are what the ruleset means, or declare unit: %s for the input in the ruleset"},
	DataWrongUnitPart: {zh: "%[1]s %[2]q 是%[3]s，括号中写了 %[4]q，不是这一输入的计量单位 %[5]s：如这一%[6]s就是这一输入，请把名称改为 %[7]s（%[8]s）或 %[9]s；如只是其中一部分，请为它另设一个%[10]s",
		en: "%s %q names %s with %q in brackets, which is not the input's unit %s: if it holds the input, head the %s %s（%s） or %s; if it holds a part of it, give the input a %s of its own"},
	DataWrongUnit: {zh: "%[1]s %[2]q 是%[3]s，括号中写了 %[4]q，不是这一输入的计量单位 %[5]s：如数字以 %[6]s 计，请换算为 %[7]s；并把%[8]s名改为 %[9]s（%[10]s）或 %[11]s",
		en: "%s %q names %s with %q in brackets, which is not the input's unit %s: if the figures are in %s, convert them to %s; head the %s %s（%s） or %s"},
	DataAbsentOptional: {zh: "没有%[1]s给出输入 %[2]s（规则集 %[3]s 中为选填）：各单位这一项都按缺少数据处理",
		en: "no %s gives input %s, which is optional in ruleset %s: every unit is missing on it"},
	DataForeign: {zh: "规则集 %[4]s 的 %[3]d 个输入中只有 %[2]d 个有对应的%[1]s，这看来是另一个规则集的数据；以下输入没有对应的%[5]s：",
		en: "the data has a %s for only %d of the %d inputs of ruleset %s: it looks like data for another ruleset; no %s for:"},
	DataForeignMore: {zh: "\n  …… 另有 %d 个", en: "\n  … and %d more"},
	DataAbsent: {zh: "规则集 %[1]s 要读取的以下输入没有对应的%[2]s，各单位这些项都将计 0 分：",
		en: "ruleset %s reads inputs that no %s gives, and every unit would score 0 on them:"},
	DataAbsentCount: {zh: "规则集 %[2]s 的 %[1]d 个输入没有对应的列", en: "%d inputs of ruleset %s have no column"},
	DataDidYouMean:  {zh: "：是否是 %s？", en: ": did you mean %s?"},
	DataAbsentHow: {zh: "\n请用输入的编号或名称命名（%s名可在括号中加上计量单位）；单位可能没有的输入，请在规则集中为它写 optional: true",
		en: "\nname each by its id or label (a %s may add the input's unit in brackets), or mark an input that units may lack optional: true in the ruleset"},
	DataNoRater: {zh: "规则集 %[1]s 的 %[2]s 由专家评分，数据应每位专家、每个单位各一行，并有写明评分人的%[3]s（rater、评分人 或 专家）；现在没有（现有的%[4]s为 %[5]s）",
		en: "ruleset %s scores %s by a panel of raters (专家评分), so the data gives one row per rater and unit and a %s naming the rater (rater, 评分人 or 专家); none does (the %ss are %s)"},
	DataKeyNotInput:    {zh: "数据中的 %s 不是规则集 %s 的输入", en: "data names %s, which is not an input of ruleset %s"},
	DataKeyNoIndicator: {zh: "数据中的 %s 不对应规则集 %s 的任何指标", en: "data names %s, which names no indicator of ruleset %s"},
	DataColNotInput:    {zh: "列 %s 不是规则集 %s 的输入，已忽略", en: "column %s is not an input of ruleset %s; it is ignored"},
	DataColNoIndicator: {zh: "列 %s 不对应规则集 %s 的任何指标，已忽略", en: "column %s names no indicator of ruleset %s; it is ignored"},
	DataDuplicateKey:   {zh: "键 %q 重复（第一次在第 %d 行第 %d 列）：请只保留一个", en: "duplicate key %q (first at line %d, column %d): keep one"},
	DataFitsNone: {zh: "\n它也不符合任何内置规则集（%s）：请用 -r 文件 给出这份数据自己的规则集",
		en: "\nit fits none of the built-in rulesets (%s) either: give the data's own ruleset with -r FILE"},
	DataFits: {zh: "\n它符合内置规则集 %s：请加上 -r %s 运行", en: "\nit fits the built-in ruleset %s: run with -r %s"},

	DataField:         {zh: "%s：%s", en: "%s: %s"},
	DataNotNumber:     {zh: "%s 不是数值：请填写数字，或将单元格格式设为“常规”", en: "not a number: %s"},
	DataNotNumberUnit: {zh: "%s 不是数值（这一输入的计量单位为 %s）：请填写数字，或将单元格格式设为“常规”", en: "not a number: %s (the input's unit is %s)"},
	DataThousands:     {zh: "%s 的千位分隔符（逗号）位置不对：请每三位一个逗号，或不写逗号", en: "not a number: %s has a misplaced thousands separator"},
	DataOutOfRange:    {zh: "%s 超出数值范围", en: "not a number: %s is out of range"},
	DataOutOfRangeLen: {zh: "%q 超出数值范围（%s 个字符）", en: "not a number: %q is out of range (%s characters)"},
	DataNotFinite:     {zh: "%s 不是有限的数值", en: "not a number: %s is not finite"},
	DataLookalike: {zh: "%s 中的 %s（U+%s）只是看起来像 %s：请用普通的数字、符号和字母重新输入",
		en: "not a number: %s holds %s (U+%s), which only looks like %s: type the cell with plain digits, signs and letters"},
	DataUnknownTier: {zh: "%s 不是评价档次：请填写 A、B、C、达成、部分达成 或 未达成", en: "unknown tier %s: want A, B, C, 达成, 部分达成 or 未达成"},
	DataTierBand: {zh: "档次 %s 的比例 %s 不在 %s（%s）档的范围 %s 内：请改正比例，或改选相应的档次",
		en: "tier %s: fraction %s is outside tier %s (%s) band %s"},
	DataTierFraction: {zh: "档次 %s 的比例：%s", en: "tier %s: fraction %s"},
	DataTierNoNumber: {zh: "评价档次应填写 A、B、C、达成、部分达成 或 未达成（或 A:0.95），不能填数字",
		en: "a tier input takes A, B, C, 达成, 部分达成 or 未达成 (or A:0.95), not a number"},
	DataWantNumberText: {zh: "应为数字或文字，而不是 %s", en: "want a number or text, found %s"},
	DataCellUnread:     {zh: "无法识别：%s", en: "%s"},
	DataMissingID:      {zh: "单位没有编码（unit 列）：请填写单位编码", en: "the unit has no id (column unit)"},

	DataRowShort: {zh: "第 %d 行有 %d 个字段，表头有 %d 个：%s 列（%s）及其后各列缺失",
		en: "row %d has %d fields, the header has %d: column %s (%s) and after are missing"},
	DataRowLong: {zh: "第 %d 行有 %d 个字段，表头有 %d 个：%s 列（%s）没有表头",
		en: "row %d has %d fields, the header has %d: column %s (%s) has no header"},
	DataPastHeader: {zh: "单元格在表头的 %d 列之外：请给它加上表头，或删去", en: "a cell past the header's %d columns"},

	DataEmptyCSV: {zh: "数据文件是空的：第一行应为表头（unit、name 和各输入）", en: "the data file is empty: want a header row (unit, name, inputs...)"},
	DataBareQuote: {zh: `字段中间有 "，但字段不是以 " 开头：请用 " 括起整个字段，并把其中的 " 写两次（"甲""乙"）`,
		en: `a " inside a field that does not start with one: quote the whole field and double the " inside ("甲""乙")`},
	DataOpenQuote: {zh: `带引号的字段没有在应结束处结束：缺少一个 "，或其中的 " 没有写两次`,
		en: `a quoted field is not closed where it should be: a " is missing, or one inside it is not doubled`},
	DataCSVOther: {zh: "CSV 格式有误：%s", en: "%s"},
	DataOpenQuoteLong: {zh: `带引号的字段没有在应结束处结束：缺少一个 "，或其中的 " 没有写两次（第 %d 行 %s 列的字段一直延续 %d 字节到数据末尾）`,
		en: `a quoted field is not closed where it should be: a " is missing, or one inside it is not doubled (the field at row %d, column %s runs %d bytes to the end of the data)`},
	DataFieldTooLong: {zh: "第 %d 行，%s 列：字段过长（%d 字节，上限为 %d，可用 --max-field 调整）：%s",
		en: "row %d, column %s: field too long (%d bytes; the limit is %d, set with --max-field): %s"},
	DataRowTooLong: {zh: "第 %[1]d 行过长（%[3]d 个字段超过 %[2]d 字节；一行最多为字段上限 %[5]d 的 %[4]d 倍，可用 --max-field 调整）",
		en: "row %d too long (more than %d bytes in %d fields; a row may hold %d times the field limit %d, set with --max-field)"},
	DataZIP: {zh: "文件是 ZIP 压缩包（XLSX 工作簿？），不是文本：工作簿请用 .xlsx 扩展名，或另存为 CSV UTF-8",
		en: "the file is a ZIP archive (an XLSX workbook?), not text: give a workbook the .xlsx extension, or save it as CSV UTF-8"},
	DataXLS: {zh: "文件是旧版 Excel .xls 工作簿，不是文本：请另存为 .xlsx 或 CSV UTF-8",
		en: "the file is an old Excel .xls workbook, not text: save it as .xlsx or as CSV UTF-8"},
	DataUTF16: {zh: "文件是 UTF-16 编码（Excel 的“Unicode 文本”），已转换为 UTF-8",
		en: "the file is UTF-16 (Excel's \"Unicode text\"); it was converted to UTF-8"},
	DataUTF16NoBOM: {zh: "文件是没有字节顺序标记的 UTF-16 编码（每隔一个字节为 NUL），已转换为 UTF-8",
		en: "the file is UTF-16 without a byte-order mark (every other byte is NUL); it was converted to UTF-8"},
	DataGB18030: {zh: "文件是 GB18030（GBK）编码（旧的中文系统和 Excel 的普通 CSV 这样保存），已转换为 UTF-8",
		en: "the file is GB18030 (GBK), as older Chinese systems and Excel's plain CSV write it; it was converted to UTF-8"},
	DataNUL: {zh: "文件含有二进制数据（NUL 字节），不是文本：应为 CSV、JSON 或 YAML 文本文件",
		en: "the file holds binary data (a NUL byte), not text: want a CSV, JSON or YAML text file"},
	DataNotValidAs: {zh: "文件按 %[1]s 读取（根据最先出现的非 ASCII 字符判断），但此处不是有效的 %[2]s：请将文件存为 UTF-8（Excel：另存为 → CSV UTF-8）",
		en: "the file was read as %s (from its first non-ASCII characters), but this is not valid %s: save the file as UTF-8 (Excel: 另存为 → CSV UTF-8)"},
	DataNeitherUTF8: {zh: "文字既不是 UTF-8 也不是 GB18030（GBK）编码（字节 0x%02X）：请将文件存为 UTF-8（Excel：另存为 → CSV UTF-8），或用 iconv -f GB18030 -t UTF-8 转换",
		en: "the text is neither UTF-8 nor GB18030 (GBK) (byte 0x%02X): save the file as UTF-8 (Excel: 另存为 → CSV UTF-8), or convert it with iconv -f GB18030 -t UTF-8"},
	DataMixedUTF8: {zh: "此前为 UTF-8 的文件中出现无效的 UTF-8（字节 0x%02X）：文件混用了多种编码；请将文件存为 UTF-8（Excel：另存为 → CSV UTF-8）",
		en: "invalid UTF-8 (byte 0x%02X) in a file that is UTF-8 before this point: the file mixes encodings; save it as UTF-8 (Excel: 另存为 → CSV UTF-8)"},
	DataReadFailed:     {zh: "读取失败：%v", en: "%v"},
	DataReadData:       {zh: "无法读取数据：%v", en: "read data: %v"},
	DataOpenData:       {zh: "无法打开数据：%v", en: "open data: %v"},
	DataUnknownFormat:  {zh: "未知的数据格式 %q：应为 .csv、.xlsx、.yaml、.json 或 .jsonl", en: "unknown data format %q: want .csv, .xlsx, .yaml, .json or .jsonl"},
	DataNoReread:       {zh: "%s：数据无法再次读取（不是普通文件）", en: "%s: the data cannot be read again (not a regular file)"},
	DataNoRereadStream: {zh: "%s：数据无法读取第二次（是数据流，不是文件）：请先存为文件再给出", en: "%s: the data cannot be read a second time (a stream, not a file): save it to a file and give that"},
	DataNoRereadErr:    {zh: "%s：数据无法读取第二次（%v）：请先存为文件再给出", en: "%s: the data cannot be read a second time (%v): save it to a file and give that"},

	DataEmptyKeyed:    {zh: "数据文件是空的：应为 {unit, name, data} 的列表", en: "the data file is empty: want a list of {unit, name, data}"},
	DataNoDocument:    {zh: "数据文件中没有 YAML 文档", en: "the data file holds no document"},
	DataWantList:      {zh: "应为单位的列表，每个单位写作 {unit, name, data: {输入: 值}}", en: "want a list of units, each {unit, name, data: {input: value}}"},
	DataYAMLNotUnit:   {zh: "每个单位应是一个映射 {unit, name, data}", en: "a unit must be a mapping {unit, name, data}"},
	DataJSONNotUnit:   {zh: "每个单位应是一个对象 {unit, name, data}，而这里是%s", en: "a unit must be an object {unit, name, data}, found %s"},
	DataWantText:      {zh: "%s：应为文字", en: "%s: want text"},
	DataWantMapping:   {zh: "%s：应为“输入: 值”的映射", en: "%s: want a mapping of input to value"},
	DataWantObject:    {zh: "%s：应为“输入: 值”的对象", en: "%s: want an object of input to value"},
	DataUnknownKey:    {zh: "%s：未知的键，应为 unit、name 或 data", en: "%s: unknown key: want unit, name, data"},
	DataFound:         {zh: "这里是%s", en: "found %s"},
	DataJSON:          {zh: "JSON 格式有误：%s", en: "json: %s"},
	DataJSONLineNot:   {zh: "不是 JSON 对象 {unit, name, data}：%s", en: "not a JSON object {unit, name, data}: %s"},
	DataJSONLineLong:  {zh: "这一行超过 16 MiB：JSON Lines 每行是一个单位", en: "the line is longer than 16 MiB: JSON Lines holds one unit per line"},
	DataOptionsBadRow: {zh: "--header-row %d：应为 1 到 %d 之间的行号", en: "--header-row %d: want a row from 1 to %d"},
	DataOptionsLimits: {zh: "工作簿的各项上限应为 0（默认）或更大", en: "the workbook limits must be 0 (the default) or more"},
	DataOptionsField:  {zh: "--max-field %d：应为大于 0 的大小（默认 1MiB）", en: "--max-field %d: want a size above 0 (default 1MiB)"},

	DataNoSheet:  {zh: "工作簿中没有工作表 %q：现有的工作表为 %s", en: "the workbook has no sheet %q: its sheets are %s"},
	DataNoSheets: {zh: "工作簿中没有工作表", en: "the workbook has no sheet"},
	DataTwoSheets: {zh: "工作表 %s（表头在第 %d 行）和 %s（表头在第 %d 行）都有单位数据：请用 --sheet 工作表名 指定读取哪一个",
		en: "sheets %s (header in row %d) and %s (header in row %d) both hold units: say which to read with --sheet NAME"},
	DataSheetEmpty: {zh: "工作表 %s 是空的：应有表头行（unit、name 和各输入）", en: "sheet %s is empty: want a header row (unit, name, inputs...)"},
	DataAllSheetsEmpty: {zh: "工作簿的每个工作表都是空的（%s）：应有一个工作表带表头行（unit、name 和各输入）",
		en: "every sheet of the workbook is empty (%s): want a sheet with a header row (unit, name, inputs...)"},
	DataNoHeaderAtRow: {zh: "没有哪个工作表在第 %[3]d 行有单位编码列（%[1]s）或单位名称列（%[2]s）：已查看 %[4]s；请用 --sheet 工作表名 指定工作表，或用 --header-row 行号 指定另一表头行",
		en: "no sheet has the unit column (%s) or the name column (%s) in row %d: looked at %s; name the sheet with --sheet NAME, or another header row with --header-row N"},
	DataNoHeader: {zh: "没有哪个工作表有表头行（含单位编码列 %[1]s 或单位名称列 %[2]s，以及规则集 %[3]s 的输入）：已查看 %[4]s；请用 --sheet 工作表名 --header-row 行号 指定工作表和表头行",
		en: "no sheet has a header row (a row with the unit column, %s, or the name column, %s, and an input of ruleset %s): looked at %s; name the sheet and its header row with --sheet NAME --header-row N"},
	DataHeaderRowEmpty: {zh: "工作表 %s 第 %d 行是空的：--header-row 应指向表头行（unit、name 和各输入）",
		en: "sheet %s, row %d is empty: --header-row names the header row (unit, name, inputs...)"},
	DataLookedRow:      {zh: "工作表 %s（第 %d 行：%s）", en: "sheet %s (row %d: %s)"},
	DataLookedRowEmpty: {zh: "工作表 %s（第 %d 行是空的）", en: "sheet %s (row %d is empty)"},
	DataLookedEmpty:    {zh: "工作表 %s（空）", en: "sheet %s (empty)"},
	DataLookedUnitOnly: {zh: "工作表 %s（%s；第 %d 行有单位编码或名称列，但没有规则集的输入：%s）",
		en: "sheet %s (%s; row %d has the unit or name column but no input of the ruleset: %s)"},
	DataLooked:    {zh: "工作表 %s（%s）", en: "sheet %s (%s)"},
	DataLookedSep: {zh: "；", en: "; "},
	DataDamaged: {zh: "工作簿已损坏（%s：%v）：请在 Excel 或 WPS 中打开并重新另存为 .xlsx",
		en: "the workbook is damaged (%s: %v): open it in Excel or WPS and save it again as .xlsx"},
	DataXLSXTooLarge: {zh: "工作簿超过了 %s 的上限：如确为正常文件，请用 --xlsx-max-size 提高上限",
		en: "the workbook is larger than the limit of %s: if it is genuine, raise the limit with --xlsx-max-size"},
	DataXLSXEmpty: {zh: "数据文件是空的：应为 xlsx 工作簿", en: "the data file is empty: want an xlsx workbook"},
	DataEncrypted: {zh: "文件是加密（有密码）的工作簿或旧版 .xls 工作簿，不是 xlsx 工作簿：请在 Excel 或 WPS 中打开，不设密码另存为 .xlsx",
		en: "the file is an encrypted (password-protected) workbook or an old .xls one, not an xlsx workbook: open it in Excel or WPS and save it as .xlsx without a password"},
	DataNotXLSX: {zh: "不是可读取的 xlsx 工作簿（%v）：请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）",
		en: "not a readable xlsx workbook (%v): save it in Excel or WPS as .xlsx (Excel 工作簿)"},
	DataNoBookPart: {zh: "不是 xlsx 工作簿（没有部件 %s）：请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）",
		en: "not an xlsx workbook (it has no part %s): save it in Excel or WPS as .xlsx (Excel 工作簿)"},
	DataPartTooLarge: {zh: "部件 %s 解压后为 %s，超过单个部件 %s 的上限：报送数据的工作簿不会这么大（ZIP 炸弹？）；如确为正常文件，请用 --xlsx-max-part 提高上限",
		en: "part %s unzips to %s, more than the limit of %s for one part: no workbook of reported data is this large (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-part"},
	DataPartRatio: {zh: "部件 %s 解压后为压缩大小的 %d 倍（%s，压缩后 %s），超过 %d 倍的上限：报送数据的工作簿压缩不了这么多（ZIP 炸弹？）；如确为正常文件，请用 --xlsx-max-ratio 提高上限",
		en: "part %s unzips to %d times its compressed size (%s from %s), more than the limit of %d times: no workbook of reported data compresses so well (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-ratio"},
	DataBookTooLarge: {zh: "工作簿解压后超过 %s 的上限：报送数据的工作簿不会这么大（ZIP 炸弹？）；如确为正常文件，请用 --xlsx-max-size 提高上限",
		en: "the workbook unzips to more than the limit of %s: no workbook of reported data is this large (a ZIP bomb?); if it is genuine, raise the limit with --xlsx-max-size"},
	DataNotComputed: {zh: "单元格的公式没有计算结果（文件由程序写出，未经 Excel 保存）：请在 Excel 或 WPS 中打开并保存，让公式算出结果",
		en: "the cell's formula has no computed value (the file was written by a program, not saved by Excel): open and save the file in Excel or WPS so values are computed"},
	DataCellErrorValue: {zh: "单元格是错误值 %s，不是%s：请在 Excel 或 WPS 中改正公式或其数据",
		en: "the cell holds the error %s, not %s: correct the formula or its data in Excel or WPS"},
	DataCellLogical: {zh: "单元格是逻辑值 %s，不是%s：请填写%s", en: "the cell holds the logical value %s, not %s: enter %s"},
	DataCellDate:    {zh: "单元格是日期 %s，不是%s：请填写%s", en: "the cell holds the date %s, not %s: enter %s"},
	DataCellDateFormat: {zh: "单元格是日期或时间（%s，格式 %s），不是%s：请填写%s，并将单元格格式设为“常规”或“数值”",
		en: "the cell holds a date or time (%s, format %s), not %s: enter %s and format the cell as 常规 (General) or 数值 (Number)"},
	DataCellScaled: {zh: "单元格的值是 %s，但其格式 %s 显示的是另外的数字，不清楚以哪个为准：请按本意填写，并将单元格格式设为“常规”或“数值”",
		en: "the cell holds %s but its format %s shows other digits, so which is meant is unclear: enter the value as meant and format the cell as 常规 (General) or 数值 (Number)"},
	DataPanelRowName: {zh: "第 %d 行（%s）", en: "row %d (%s)"},
	DataPanelTwice: {zh: "单位 %s：评分人 %s 有两行（第 %d 行和第 %d 行）：每位评分人对每个单位只填一行",
		en: "unit %s: rater %s has two rows (rows %d and %d): give each rater one row per unit"},
	DataPanelDisagree: {zh: "单位 %s：输入 %s 在各评分行中不一致：%s 为 %s，%s 为 %s；除专家评分外，同一单位各行的输入应相同",
		en: "unit %s: input %s differs between its rater rows: %s has %s, %s has %s; inputs other than the panel's points must be the same on every row of a unit"},
	DataPanelRange: {zh: "单位 %s，%s：%s 是评分人的打分，应在 0 到指标分值 %v 之间，而这里是 %v",
		en: "unit %s, %s: %s is a rater's points, from 0 to the indicator's weight %v, found %v"},
	DataPanelNotNumber: {zh: "单位 %s，%s：%s 是评分人的打分，应为数字，而这里是 %s",
		en: "unit %s, %s: %s holds a rater's points, a number, found %s"},
	DataPanelBlank: {zh: "单位 %s：%s 在 %s 为空或不适用，但其他行有打分：请填写每位评分人的打分，或删去该行",
		en: "unit %s: %s is blank or 不适用 on %s but scored on other rows: give every rater's points, or remove the row"},
	DataPartTwice:        {zh: "部件重复出现", en: "the part appears twice"},
	DataSheetNoPart:      {zh: "工作表 %s 没有部件", en: "sheet %s has no part"},
	DataNumFmtID:         {zh: "numFmtId %q 不是数字", en: "numFmtId %q is not a number"},
	DataLongString:       {zh: "第 %d 个字符串超过 %d 字节", en: "string %d is longer than %d bytes"},
	DataSheetPartMissing: {zh: "工作表 %s 的部件缺失", en: "the part of sheet %s is missing"},
	DataRowOrder:         {zh: "行号 %q 不在第 %d 行之后", en: "row number %q does not follow row %d"},
	DataEndsInRow:        {zh: "工作表在第 %d 行中间结束", en: "the sheet ends inside row %d"},
	DataCellRef:          {zh: "单元格引用 %q 有误", en: "cell reference %q"},
	DataCellPlace:        {zh: "单元格 %s%d 位置不对", en: "cell %s%d is out of place"},
	DataCellStyle:        {zh: "单元格 %s%d 的样式 %q 在工作簿中不存在", en: "cell %s%d has style %q, which the workbook does not have"},
	DataCellType:         {zh: "单元格 %s%d 的类型为 %q", en: "cell %s%d has type %q"},
	DataEndsInCell:       {zh: "工作表在单元格 %s%d 中间结束", en: "the sheet ends inside cell %s%d"},
	DataSharedString:     {zh: "单元格 %s%d 引用的共享字符串 %q 在工作簿中不存在", en: "cell %s%d refers to shared string %q, which the workbook does not have"},
	DataPanelRaterFirst:  {zh: "专家%d", en: "专家%d"},
	FormsXLS: {zh: "%s 是 %s 工作簿，jixiao 不能读取：请在 Excel 或 WPS 中打开，另存为 .xlsx（文件 → 另存为 → Excel 工作簿 *.xlsx）",
		en: "%s is an %s workbook, which jixiao does not read: open it in Excel or WPS and save it as .xlsx (文件 → 另存为 → Excel 工作簿 *.xlsx)"},
	FormsNotBook: {zh: "%s 不是工作簿（.xlsx），已跳过", en: "%s is not a workbook (.xlsx): skipped"},
	FormsCannotOpen: {zh: "%s 无法作为 .xlsx 工作簿打开（%v）：请在 Excel 或 WPS 中打开，重新另存为 .xlsx",
		en: "%s cannot be opened as an .xlsx workbook (%v): open it in Excel or WPS and save it again as .xlsx"},
	FormsNoTable: {zh: "%s：不是自评表：没有哪个工作表（%s）有指标表，即含 三级指标、分值 和 得分 的表头行",
		en: "%s: not a self-evaluation form: no sheet (%s) has an indicator table, a header row with 三级指标, 分值 and 得分"},
	FormsNoRows: {zh: "%s!%s：不是自评表：表头在第 %d 行，但其下没有指标行",
		en: "%s!%s: not a self-evaluation form: the header is at row %d but no indicator row follows it"},
	FormsTooManyRows: {zh: "%s!%s 有 %d 行：自评表或导出表不会这么多（最多 %d 行）",
		en: "%s!%s has %d rows: a self-evaluation form or export has far fewer (at most %d)"},
	FormsReadFolder:  {zh: "读取文件夹 %s：", en: "reading folder %s: "},
	FormsNoLabel:     {zh: "该行有数字但没有三级指标：请填写指标名称", en: "the row has figures but no 三级指标: name the indicator"},
	FormsFundCell:    {zh: "%[2]s的%[1]s：%[3]v", en: "%s of %s: %v"},
	FormsRowProblem:  {zh: "%s：%v", en: "%s: %v"},
	FormsNotPercent:  {zh: "%q 不是百分数：请写成 95%%（或将单元格格式设为百分比）", en: "%q is not a percent: write it as 95%% (or format the cell as a percentage)"},
	FormsWeightBlank: {zh: "分值为空：请填写该指标的分值", en: "分值 is blank: write the indicator's points"},
	FormsNotAbove0:   {zh: "%s 不大于 0", en: "%s is not above 0"},
	FormsWeight:      {zh: "分值：%v", en: "分值: %v"},
	FormsClaim:       {zh: "得分：%v", en: "得分: %v"},
	FormsTotal:       {zh: "总分：%v", en: "总分: %v"},
	FormsDirection:   {zh: "指标方向 %q 不是 正向、反向、等于 或 定性", en: "指标方向 %q is not 正向, 反向, 等于 or 定性"},
	FormsDirContra:   {zh: "指标方向 %q 与年度指标值 %q 矛盾：请改正其中一个", en: "指标方向 %q contradicts 年度指标值 %q: correct one of them"},
	FormsTargetBlank: {zh: "年度指标值为空：请填写指标值，如 ≥95%% 或 有效", en: "年度指标值 is blank: write the target, e.g. ≥95%% or 有效"},
	FormsTargetRead: {zh: "年度指标值 %s 既不是方向加数字（≥95%%、≤90万元、=100%%、不少于3次），也不是文字（有效）",
		en: "年度指标值 %s does not read as a direction and a number (≥95%%, ≤90万元, =100%%, 不少于3次) nor as a wording (有效)"},
	FormsTargetDirs: {zh: "年度指标值 %s 写了两个方向：请只保留一个", en: "年度指标值 %s says two directions: keep one"},
	FormsTargetNum:  {zh: "年度指标值 %s：%v", en: "年度指标值 %s: %v"},
	FormsTargetTwo: {zh: "年度指标值 %s 含有不止一个指标值：请只写一个方向和一个数字（≥95%%）",
		en: "年度指标值 %s holds more than one target: write one direction and one number (≥95%%)"},
	FormsActualQual: {zh: "实际完成值 %s 没有说明是否达到 %s：请填写 达成、部分达成 或 未达成（或 A、B、C）",
		en: "实际完成值 %s does not say whether %s was reached: write 达成, 部分达成 or 未达成 (or A, B, C)"},
	FormsActualDir: {zh: "实际完成值 %s 带有方向符号：请填写实际达到的数值，如 98%%", en: "实际完成值 %s carries a direction: write the figure reached, e.g. 98%%"},
	FormsActualNaN: {zh: "实际完成值 %s 不是数值（年度指标值为 %s）：请填写实际达到的数值，或 达成、部分达成、未达成、不适用",
		en: "实际完成值 %s is not a number (年度指标值 is %s): write the figure reached, or 达成, 部分达成, 未达成, or 不适用"},
	FormsActualNum: {zh: "实际完成值 %s：%v", en: "实际完成值 %s: %v"},
	FormsActualPct: {zh: "实际完成值 %s 没有 %%，而年度指标值 %s 是百分数：请写成 %s%%（或将单元格格式设为百分比）",
		en: "实际完成值 %s has no %% while 年度指标值 %s is a percent: write %s%% (or format the cell as a percentage)"},
	FormsActualUnit: {zh: "实际完成值 %s 的单位是 %s，而年度指标值 %s 的单位是 %s：请以 %s 填写",
		en: "实际完成值 %s is in %s but 年度指标值 %s is in %s: write it in %s"},
	FormsNoUnit:         {zh: "无单位", en: "no unit"},
	FormsUnreadable:     {zh: "无法读取（%s）：%s", en: "cannot be read (%s): %s"},
	FormsSumMismatch:    {zh: "总分：自评总分 %s 分（%s），不等于各行自评得分之和 %s 分，相差 %s 分（总分与各项之和不符）", en: "总分: the claimed total %s (%s) is not the sum of the rows' claims, %s: %s apart (total and items disagree)"},
	FormsTotalHigh:      {zh: "总分：自评 %s 分（%s），按规则应为 %s 分（%s），多计 %s 分（自评高于规则）", en: "总分: claimed %s (%s), by the rules %s (%s): %s too many (the claim is above the rules)"},
	FormsTotalLow:       {zh: "总分：自评 %s 分（%s），按规则应为 %s 分（%s），少计 %s 分（自评低于规则）", en: "总分: claimed %s (%s), by the rules %s (%s): %s too few (the claim is below the rules)"},
	FormsRowsSum:        {zh: "各行按规则得分之和 %s 分", en: "the rows' points by the rules add up to %s"},
	FormsRowsSumNA:      {zh: "各适用行按规则得分之和 %s 分，按适用分值 %s 折算为百分制", en: "the applicable rows' points by the rules add up to %s, rescaled to 100 over their weights %s"},
	FormsGradeMismatch:  {zh: "等级：自评「%s」（%s），按规则总分 %s 分应为「%s」（等级与总分不符）", en: "等级: claimed 「%s」 (%s), but by the rules the total %s gives 「%s」 (grade and total disagree)"},
	FormsNoFunds:        {zh: "资金表缺少全年预算数或全年执行数，按 0 分计", en: "the 资金 table lacks 全年预算数 or 全年执行数: scored 0"},
	FormsZeroBudget:     {zh: "全年预算数为 0（%s），执行率无法计算，按 0 分计", en: "全年预算数 is 0 (%s): the rate cannot be worked out; scored 0"},
	FormsNA:             {zh: "不适用，不计分，总分按适用分值折算为百分制", en: "不适用: not scored; the total is rescaled to 100 over the applicable weights"},
	FormsBlankActual:    {zh: "实际完成值为空（%s），按 0 分计", en: "实际完成值 is blank (%s): scored 0"},
	FormsRate:           {zh: "执行率 = 全年执行数 %s ÷ 全年预算数 %s = %s%%；得分 = 分值 %s × min(执行率, 1) = %s", en: "rate = 全年执行数 %s ÷ 全年预算数 %s = %s%%; points = 分值 %s × min(rate, 1) = %s"},
	FormsMet:            {zh: "实际 %s，达到指标 %s，得满分 %s", en: "actual %s reaches the target %s: full points %s"},
	FormsProportional:   {zh: "实际 %s 未达指标 %s，按比例计分：%s × %s ÷ %s = %s", en: "actual %s falls short of the target %s, scored in proportion: %s × %s ÷ %s = %s"},
	FormsReverse:        {zh: "实际 %s 超出指标 %s，按超出比例扣分：%s × (1 − (%s − %s) ÷ %s) = %s", en: "actual %s exceeds the target %s, deducted in proportion: %s × (1 − (%s − %s) ÷ %s) = %s"},
	FormsZero:           {zh: "实际 %s，指标 %s，%s，得 0 分", en: "actual %s, target %s, %s: 0 points"},
	FormsOvershoot:      {zh: "；超额完成 120%% 以上，应说明偏离原因", en: "; more than 120%% of the target: explain the departure"},
	FormsRef:            {zh: "（%s）", en: " (%s)"},
	FormsNote:           {zh: "；%s", en: "; %s"},
	FormsTierBand:       {zh: "定性指标「%s」，得分区间为分值的 %s%%–%s%%（%s–%s 分）", en: "qualitative 「%s」: points from %s%% to %s%% of the weight (%s–%s)"},
	FormsTierReported:   {zh: "%s，按所报 %s 计 %s 分", en: "%s; the reported %s gives %s"},
	FormsTierInside:     {zh: "%s，自评 %s 分在区间内", en: "%s; the claim %s is inside it"},
	FormsTierOutside:    {zh: "%s，自评 %s 分不在区间内，按该档 %s%% 计 %s 分", en: "%s; the claim %s is outside it: the tier's %s%% gives %s"},
	FormsTierDefault:    {zh: "%s，按该档 %s%% 计 %s 分", en: "%s; the tier's %s%% gives %s"},
	FormsRowClaim:       {zh: "%s（满分 %s）：自评 %s 分（%s），按规则应得 %s 分，", en: "%s (full points %s): claimed %s (%s), by the rules %s: "},
	FormsHigh:           {zh: "多计 %s 分（自评高于规则）", en: "%s too many (the claim is above the rules)"},
	FormsLow:            {zh: "少计 %s 分（自评低于规则）", en: "%s too few (the claim is below the rules)"},
	FormsRowNA:          {zh: "；该指标不适用，不应计分", en: "; the indicator does not apply and scores nothing"},
	FormsAboveFull:      {zh: "；自评超过该指标满分 %s", en: "; the claim is above the indicator's full points %s"},
	FormsFullNoReason:   {zh: "；按规则应得满分，自评却低于满分，且未说明偏差原因", en: "; full points by the rules, yet the claim is below them and gives no reason"},
	FormsFullReason:     {zh: "；按规则应得满分，单位说明：%s", en: "; full points by the rules; the unit's reason: %s"},
	FormsBasis:          {zh: "。依据：%s", en: ". Basis: %s"},
	FormsFundSum:        {zh: "资金：%s的%s %s 万元（%s），不等于其中各项之和 %s 万元（%s）", en: "资金: %s, %s %s 万元 (%s), is not the sum of its items, %s 万元 (%s)"},
	FormsFundRate:       {zh: "资金：%s的执行率写作 %s%%（%s），而全年执行数 %s ÷ 全年预算数 %s = %s%%", en: "资金: the rate of %s is written %s%% (%s), but 全年执行数 %s ÷ 全年预算数 %s = %s%%"},
	FormsWeightSum:      {zh: "分值：各行分值之和 %s 分，不等于%s %s 分%s", en: "分值: the rows' points add up to %s, not to %s %s%s"},
	FormsTotalRowWeight: {zh: "总分行的分值", en: "the 总分 row's"},
	FormsHundred:        {zh: "百分制的", en: "the full"},
	FormsGroupWeight:    {zh: "分值：%s标明 %s 分（%s），其下各行分值之和为 %s 分", en: "分值: %s states %s (%s), and its rows add up to %s"},
}
