package msg

// The reports' messages (package report): a format, --units and --sort
// that name nothing, and the limits of a workbook's sheet.
const (
	RepUnknownFormat Code = "report.unknown_format"
	RepUnitsIDName   Code = "report.units_id_name"
	RepUnitsNameMany Code = "report.units_name_many"
	RepUnitsUnknown  Code = "report.units_unknown"
	RepSortUnknown   Code = "report.sort_unknown"
	RepXLSXRows      Code = "report.xlsx_rows"
	RepMonitorRows   Code = "report.monitor_rows"
	RepSelfEvalLinks Code = "report.selfeval_links"
)

// reportMessages are the messages of package report. The English is the
// old English text, word for word.
var reportMessages = map[Code]entry{
	RepUnknownFormat: {zh: "未知的格式 %q：可用的格式有 %s", en: "unknown format %q: want one of %s"},
	RepUnitsIDName: {zh: "--units：%[1]s 既是单位 %[2]s 的编码，又是 %[3]s 的名称：请给出单位编码",
		en: "--units: %s is the id of unit %s and the name of %s: give ids"},
	RepUnitsNameMany: {zh: "--units：有 %[2]d 个单位名为 %[1]s：%[3]s；请给出其中一个的单位编码",
		en: "--units: unit name %s is borne by %d units: %s; give one of their ids"},
	RepUnitsUnknown: {zh: "--units：数据中没有单位 %s", en: "--units: no unit %s in the data"},
	RepSortUnknown: {zh: "--sort %q：可用的排序列有 %s（前加 - 为降序）",
		en: "--sort %q: want one of %s (prefix - for descending)"},
	RepXLSXRows: {zh: "xlsx：一张工作表最多 %[2]d 行，放不下超过 %[1]d 个已评分的单位：请用 -f csv 或 -f json",
		en: "xlsx: more than %d scored units do not fit on a sheet (%d rows at most): use -f csv or -f json"},
	RepMonitorRows: {zh: "monitor：单位数超过一张工作表的 %d 行：请用 -f csv 或 json",
		en: "monitor: more units than a sheet's %d rows: use -f csv or json"},
	RepSelfEvalLinks: {zh: "selfeval：目录最多链接 %d 张自评表：请用 --units 只写部分单位",
		en: "selfeval: the index links at most %d forms: use --units to write fewer units"},
}
