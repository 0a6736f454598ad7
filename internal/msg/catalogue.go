package msg

// Code names a message. Codes are stable: JSON output and tests rely on
// them; the wording may change.
type Code string

// entry is a message's wording in each language. en1 is the English for
// a count of one (1 warning), where it differs from en.
type entry struct{ zh, en, en1 string }

// How a run ended: stderr lines of eval, review, diff, explain, test.
const (
	RunUnitsFailed  Code = "run.units_failed"
	RunMissing      Code = "run.missing"
	RunChecks       Code = "run.checks"
	RunIssues       Code = "run.issues"
	RunIssuesSep    Code = "run.issues_sep"
	RunInterrupted  Code = "run.interrupted"
	RunTerminated   Code = "run.terminated"
	RunNoOutput     Code = "run.no_output"
	RunPartOutput   Code = "run.part_output"
	RunUsage        Code = "run.usage"
	WarnCheck       Code = "warn.check"
	WarnMoreChecks  Code = "warn.more_checks"
	TableSplit      Code = "table.split"
	LintClean       Code = "lint.clean"
	LintSummary     Code = "lint.summary"
	LintErrors      Code = "lint.errors"
	LintWarnings    Code = "lint.warnings"
	LintSep         Code = "lint.sep"
	SettingsUnknown Code = "settings.unknown"
	SettingsDidYou  Code = "settings.did_you_mean"
)

// --version.
const (
	VersionUnknown  Code = "version.unknown"
	VersionDevel    Code = "version.devel"
	VersionCommit   Code = "version.commit"
	VersionModified Code = "version.modified"
	VersionGo       Code = "version.go"
)

// The commands' one-line summaries (--help), the root's help, and the
// flags every command has.
const (
	HelpRoot           Code = "help.root"
	HelpRootLong       Code = "help.root_long"
	HelpEval           Code = "help.eval"
	HelpReview         Code = "help.review"
	HelpMonitor        Code = "help.monitor"
	HelpServe          Code = "help.serve"
	ErrFormatBinary    Code = "err.format_binary"
	ErrDiffTwoRulesets Code = "err.diff_two_rulesets"
	ErrReadAgain       Code = "err.read_again"
	ErrSize            Code = "err.size"
	ErrWholeNumber     Code = "err.whole_number"
	HelpDiff           Code = "help.diff"
	HelpExplain        Code = "help.explain"
	HelpLint           Code = "help.lint"
	HelpTest           Code = "help.test"
	HelpGen            Code = "help.gen"
	HelpRulesets       Code = "help.rulesets"
	HelpIndicators     Code = "help.indicators"
	HelpUsage          Code = "help.usage"
	FlagLang           Code = "flag.lang"
	FlagConfig         Code = "flag.config"
	FlagVersion        Code = "flag.version"
	FlagHelp           Code = "flag.help"
)

// The commands' own errors and notes (cmd/jixiao): flag values, output
// files, what a run wrote. An Err…Lead is a lead-in for Printer.Wrap,
// ending with its separator.
const (
	RunPrefix            Code = "run.prefix"
	ListMore             Code = "run.list_more"
	ErrPartOutput        Code = "err.part_output"
	RunDiffFailed        Code = "run.diff_failed"
	RunUnitFailed        Code = "run.unit_failed"
	RunNotReviewed       Code = "run.not_reviewed"
	RunWroteUnits        Code = "run.wrote_units"
	RunNoIndicator       Code = "run.no_indicator"
	RunIndicatorInputs   Code = "run.indicator_inputs"
	RunRulesetsHeader    Code = "run.rulesets_header"
	RunRulesetDefault    Code = "run.ruleset_default"
	RunProgressUnits     Code = "run.progress_units"
	RunPhaseScore        Code = "run.phase_score"
	RunPhaseWrite        Code = "run.phase_write"
	WarnNoCases          Code = "warn.no_cases"
	WordTheData          Code = "word.the_data"
	ErrNotWorkbook       Code = "err.not_workbook"
	ErrChangedWhileDiff  Code = "err.changed_while_diff"
	ErrTolerance         Code = "err.tolerance"
	ErrNoUnits           Code = "err.no_units"
	ErrStampTime         Code = "err.stamp_time"
	ErrEpoch             Code = "err.epoch"
	ErrNoUnit            Code = "err.no_unit"
	ErrNameAmbiguous     Code = "err.name_ambiguous"
	ErrReadTwice         Code = "err.read_twice"
	ErrFormsAndData      Code = "err.forms_and_data"
	ErrNoForms           Code = "err.no_forms"
	ErrGenCount          Code = "err.gen_count"
	ErrGenOutput         Code = "err.gen_output"
	ErrNoData            Code = "err.no_data"
	ErrAsOf              Code = "err.as_of"
	ErrSortAmbiguous     Code = "err.sort_ambiguous"
	ErrExtractNeedsForms Code = "err.extract_needs_forms"
	ErrNoClaims          Code = "err.no_claims"
	ErrNotLoaded         Code = "err.not_loaded"
	ErrStoppedLead       Code = "err.stopped_lead"
	ErrMonitorLead       Code = "err.monitor_lead"
	ErrOpenDataLead      Code = "err.open_data_lead"
	ErrKeepDataLead      Code = "err.keep_data_lead"
	ErrReadDataLead      Code = "err.read_data_lead"
	ErrReadLead          Code = "err.read_lead"
	ErrWriteLead         Code = "err.write_lead"
	OutReadLead          Code = "out.read_lead"
	RunMoreErrors        Code = "run.more_errors"
	RunErrorCount        Code = "run.error_count"
	OutInOrder           Code = "out.in_order"
	ErrWritingLead       Code = "err.writing_lead"
	ErrCPUProfileLead    Code = "err.cpu_profile_lead"
	ErrHeapProfileLead   Code = "err.heap_profile_lead"
	ErrSettingsLead      Code = "err.settings_lead"
	ErrSettingLead       Code = "err.setting_lead"
	ErrServeLead         Code = "err.serve_lead"
	ErrSpill             Code = "err.spill"
)

// The workbench's messages (package workbench, jixiao serve): its page
// is Chinese, and so are they (msg.Printer{}). A …Lead-like wording that
// ends with its separator is a lead-in for Printer.Wrap.
const (
	WbMultipart       Code = "wb.multipart"
	WbReadUpload      Code = "wb.read_upload"
	WbReadUploadPart  Code = "wb.read_upload_part"
	WbVersion         Code = "wb.version"
	WbNoData          Code = "wb.no_data"
	WbSavedVersion    Code = "wb.saved_version"
	WbPartRuleset     Code = "wb.part_ruleset"
	WbNoUnit          Code = "wb.no_unit"
	WbNoFile          Code = "wb.no_file"
	WbReadRequest     Code = "wb.read_request"
	WbRunNumber       Code = "wb.run_number"
	WbCutShort        Code = "wb.cut_short"
	WbNoBuiltin       Code = "wb.no_builtin"
	WbNoClaims        Code = "wb.no_claims"
	WbNoDB            Code = "wb.no_db"
	WbToken           Code = "wb.token"
	WbHost            Code = "wb.host"
	WbWrongToken      Code = "wb.wrong_token"
	WbNeedsToken      Code = "wb.needs_token"
	WbUploadOver      Code = "wb.upload_over"
	WbUploadOverLimit Code = "wb.upload_over_limit"
	WbOtherSite       Code = "wb.other_site"
	WbOrigin          Code = "wb.origin"
	WbDatabase        Code = "wb.database"
	WbSaveVersion     Code = "wb.save_version"
	WbListVersions    Code = "wb.list_versions"
	WbNotFound        Code = "wb.not_found"
	WbRulesetVersion  Code = "wb.ruleset_version"
	WbSaveDataset     Code = "wb.save_dataset"
	WbDataset         Code = "wb.dataset"
	WbListDatasets    Code = "wb.list_datasets"
	WbSaveRun         Code = "wb.save_run"
	WbSaveRunUnit     Code = "wb.save_run_unit"
	WbListRuns        Code = "wb.list_runs"
	WbRun             Code = "wb.run"
	WbHistory         Code = "wb.history"
	WbEdit            Code = "wb.edit"
	WbDescGrade       Code = "wb.desc_grade"
	WbDescIndicator   Code = "wb.desc_indicator"
	WbNotRuleset      Code = "wb.not_ruleset"
	WbGradeMin        Code = "wb.grade_min"
	WbNoGrade         Code = "wb.no_grade"
	WbNoIndicator     Code = "wb.no_indicator"
	WbBandField       Code = "wb.band_field"
	WbNoBandRow       Code = "wb.no_band_row"
	WbBandNoKey       Code = "wb.band_no_key"
	WbTunable         Code = "wb.tunable"
	WbSayWhich        Code = "wb.say_which"
	WbNotNumber       Code = "wb.not_number"
	WbNotScalar       Code = "wb.not_scalar"
	WbValueNotFound   Code = "wb.value_not_found"
	WbInBraces        Code = "wb.in_braces"
	WbUploadOutside   Code = "wb.upload_outside"
	WbAbandoned       Code = "wb.abandoned"
	WbUpload          Code = "wb.upload"
	WbUploadTwice     Code = "wb.upload_twice"
	WbFormsByRuleset  Code = "wb.forms_by_ruleset"
	WbFormsAndData    Code = "wb.forms_and_data"
	WbFormsTemp       Code = "wb.forms_temp"
	WbFormsLang       Code = "wb.forms_lang"
	WbNoFormsSent     Code = "wb.no_forms_sent"
)

// cobra's and pflag's errors of a command line, worded (cmd/jixiao
// usageError; the English is theirs, as they print it).
const (
	ErrUnknownFlag      Code = "err.unknown_flag"
	ErrUnknownShorthand Code = "err.unknown_shorthand"
	ErrFlagNeedsValue   Code = "err.flag_needs_value"
	ErrShortNeedsValue  Code = "err.short_needs_value"
	ErrFlagValue        Code = "err.flag_value"
	WordWantNumber      Code = "word.want_number"
	ErrFlagSyntax       Code = "err.flag_syntax"
	ErrUnknownCommand   Code = "err.unknown_command"
	ErrDidYouMean       Code = "err.did_you_mean"
	ErrArgsExact        Code = "err.args_exact"
	ErrArgsMin          Code = "err.args_min"
	ErrArgsMax          Code = "err.args_max"
)

// The output file's messages (internal/outfile, -o FILE). An …Lead is a
// lead-in for Printer.Wrap.
const (
	OutNoName       Code = "out.no_name"
	OutCreateLead   Code = "out.create_lead"
	OutIsDir        Code = "out.is_dir"
	OutBadKind      Code = "out.bad_kind"
	OutKindSocket   Code = "out.kind_socket"
	OutKindBlock    Code = "out.kind_block"
	OutKindSpecial  Code = "out.kind_special"
	OutIsInput      Code = "out.is_input"
	OutHowLink      Code = "out.how_link"
	OutHowSymlink   Code = "out.how_symlink"
	OutHowSame      Code = "out.how_same"
	OutTooManyLinks Code = "out.too_many_links"
	OutNamesDir     Code = "out.names_dir"
	OutNoTempName   Code = "out.no_temp_name"
	OutChanged      Code = "out.changed"
	OutWriteDone    Code = "out.write_done"
)

// The words for the stable error codes of data and rulesets
// (diag.Error.Code), as the xlsx 未通过 sheet shows them: Word("bad_cell").
const (
	codeAbsentInput     Code = "code.absent_input"
	codeBadBand         Code = "code.bad_band"
	codeBadCell         Code = "code.bad_cell"
	codeBadEncoding     Code = "code.bad_encoding"
	codeBadOption       Code = "code.bad_option"
	codeBadValue        Code = "code.bad_value"
	codeBinaryFile      Code = "code.binary_file"
	codeCSVSyntax       Code = "code.csv_syntax"
	codeDuplicateColumn Code = "code.duplicate_column"
	codeDuplicateID     Code = "code.duplicate_id"
	codeDuplicateUnit   Code = "code.duplicate_unit"
	codeEmptyFile       Code = "code.empty_file"
	codeEncoding        Code = "code.encoding"
	codeError           Code = "code.error"
	codeFieldTooLong    Code = "code.field_too_long"
	codeForeignData     Code = "code.foreign_data"
	codeFormulaLimit    Code = "code.formula_limit"
	codeFormulaSyntax   Code = "code.formula_syntax"
	codeFormulaTooLarge Code = "code.formula_too_large"
	codeInternal        Code = "code.internal"
	codePanelRater      Code = "code.panel_rater"
	codeBadAdjust       Code = "code.bad_adjust"
	codeUnknownGrade    Code = "code.unknown_grade"
	codeUnknownInd      Code = "code.unknown_indicator"
	codeRuleError       Code = "code.rule_error"
	codePanelDisagree   Code = "code.panel_disagree"
	codePanelPoints     Code = "code.panel_points"
	codeJSONSyntax      Code = "code.json_syntax"
	codeLibrary         Code = "code.library"
	codeMissingColumn   Code = "code.missing_column"
	codeMissingInput    Code = "code.missing_input"
	codeMissingKey      Code = "code.missing_key"
	codeMissingUnitID   Code = "code.missing_unit_id"
	codeNoApplicable    Code = "code.no_applicable"
	codeNoHeader        Code = "code.no_header"
	codeNotAUnit        Code = "code.not_a_unit"
	codeRaggedRow       Code = "code.ragged_row"
	codeReadError       Code = "code.read_error"
	codeReservedID      Code = "code.reserved_id"
	codeRowTooLong      Code = "code.row_too_long"
	codeScoringForm     Code = "code.scoring_form"
	codeTypeMismatch    Code = "code.type_mismatch"
	codeUnknownColumn   Code = "code.unknown_column"
	codeUnknownFormat   Code = "code.unknown_format"
	codeUnknownInput    Code = "code.unknown_input"
	codeUnknownRuleset  Code = "code.unknown_ruleset"
	codeWrongUnit       Code = "code.wrong_unit"
	codeYAMLSyntax      Code = "code.yaml_syntax"
)

// catalogue is every message, read-only once built: the messages of the
// commands' run (this file), and those of each stage in a file of its own
// (data.go, rules.go, report.go, help.go), so that one stage's wording is read in one
// place.
var catalogue = join(generalMessages, dataMessages, ruleMessages, reportMessages, helpMessages)

// join is the union of the stages' messages; a code worded twice is a
// mistake that stops the program at its start (and so every test).
func join(parts ...map[Code]entry) map[Code]entry {
	all := map[Code]entry{}
	for _, part := range parts {
		for c, e := range part {
			if _, dup := all[c]; dup {
				panic("msg: " + string(c) + " is worded twice")
			}
			all[c] = e
		}
	}
	return all
}

// generalMessages are the messages of a run of any command.
var generalMessages = map[Code]entry{
	RunUnitsFailed: {zh: "jixiao：共 %[2]d 个单位，%[1]d 个未能评分（错误见输出）",
		en: "jixiao: %d of %d units could not be scored (see their errors in the output)"},
	RunMissing:     {zh: "%[2]d 个单位中 %[1]d 个缺少数据（按 0 分计）", en: "%d of %d units have missing inputs (scored 0)"},
	RunChecks:      {zh: "%[2]d 个单位中 %[1]d 个未通过一致性校验", en: "%d of %d units failed consistency checks"},
	RunIssues:      {zh: "jixiao：%s；见输出中的标记", en: "jixiao: %s; see the marks in the output"},
	RunIssuesSep:   {zh: "，", en: ", "},
	RunInterrupted: {zh: "已中断", en: "interrupted"},
	RunTerminated:  {zh: "已终止", en: "terminated"},
	RunNoOutput:    {zh: "jixiao：%s，未写出任何输出", en: "jixiao: %s; no output was written"},
	RunPartOutput: {zh: "jixiao：%s；%s 已收到部分输出（FIFO 或设备边生成边写入）",
		en: "jixiao: %s; %s got part of the output (a FIFO or device is written as the output is made)"},
	RunUsage:       {zh: "用法见 jixiao --help。", en: "Run 'jixiao --help' for usage."},
	WarnCheck:      {zh: "警告：%s %s：检查 %s 未通过：%s\n", en: "warning: %s %s: check %s failed: %s\n"},
	WarnMoreChecks: {zh: "警告：另有 %d 项检查未通过（见完整输出）\n", en: "warning: %d more failed checks (see the full output)\n"},
	TableSplit: {zh: "jixiao：表格宽 %d 列，终端只有 %d 列，已按一级指标分成 %d 段显示；--groups 只显示一级指标小计，经管道（jixiao eval … | less -S）或 -o 文件可看不分段的整表\n",
		en: "jixiao: the table is %d columns wide and the terminal %d: it is shown in %d parts by 一级指标; --groups shows only the 一级指标 subtotals, and a pipe (jixiao eval … | less -S) or -o FILE gets the table whole\n"},
	LintClean:    {zh: "jixiao lint：无问题\n", en: "jixiao lint: no problems\n"},
	LintSummary:  {zh: "jixiao lint：%s\n", en: "jixiao lint: %s\n"},
	LintErrors:   {zh: "%d 个错误", en: "%d errors", en1: "%d error"},
	LintWarnings: {zh: "%d 个警告", en: "%d warnings", en1: "%d warning"},
	LintSep:      {zh: "，", en: ", "},
	SettingsUnknown: {zh: "警告：%s:%d:%d：未知的设置项 %s，已忽略（可用的设置项即各命令的参数名，如 ruleset、format）%s\n",
		en: "warning: %s:%d:%d: unknown setting %s, ignored (settings are the commands' flag names, such as ruleset, format)%s\n"},
	SettingsDidYou: {zh: "；是否想写 %s？", en: "; did you mean %s?"},

	RunPrefix:          {zh: "jixiao：%s", en: "jixiao: %s"},
	ListMore:           {zh: "另有 %d 个", en: "and %d more"},
	ErrPartOutput:      {zh: "%v（%s 已收到部分输出）", en: "%v (%s got part of the output)"},
	RunDiffFailed:      {zh: "jixiao：共 %[2]d 个单位，%[1]d 个未能在两个规则集下都评分（显示为%[3]s）\n", en: "jixiao: %d of %d units could not be scored under both rulesets (shown as %s)\n"},
	RunUnitFailed:      {zh: "jixiao：单位 %s 未能评分\n", en: "jixiao: unit %s could not be scored\n"},
	RunNotReviewed:     {zh: "jixiao：未复核：%s\n", en: "jixiao: not reviewed: %s\n"},
	RunWroteUnits:      {zh: "已把规则集 %[2]s 的 %[1]d 个单位写入 %[3]s\n", en: "wrote %d units of ruleset %s to %s\n"},
	RunNoIndicator:     {zh: "指标库中没有与 %q 相符的指标\n", en: "no indicator in the library matches %q\n"},
	RunIndicatorInputs: {zh: "    输入：%s\n    %s\n\n", en: "    inputs: %s\n    %s\n\n"},
	RunRulesetsHeader:  {zh: "编号\t指标数\t权重\t名称", en: "ID\tINDICATORS\tWEIGHT\tTITLE"},
	RunRulesetDefault:  {zh: "（默认）", en: " (default)"},
	RunProgressUnits:   {zh: "个单位", en: "units"},
	RunPhaseScore:      {zh: "评分", en: "scoring"},
	RunPhaseWrite:      {zh: "写出", en: "writing"},
	WarnNoCases:        {zh: "警告：%s：规则集 %s 没有测试用例\n", en: "warning: %s: ruleset %s has no test cases\n"},
	WordTheData:        {zh: "所给数据", en: "the data"},
	ErrNotWorkbook:     {zh: "--%s 只用于 xlsx 工作簿，%s 不是工作簿", en: "--%s is for xlsx workbooks, and %s is not one"},
	ErrChangedWhileDiff: {zh: "%s 在 diff 为两个规则集分别读取时发生了变化：请等它不再变化后重新运行 diff",
		en: "%s changed while diff read it for each ruleset: run diff again once it no longer changes"},
	ErrTolerance:     {zh: "--tolerance 应为 0 或以上，而不是 %v", en: "tolerance must be 0 or more, got %v"},
	ErrNoUnits:       {zh: "%s：数据中没有单位", en: "%s: the data holds no units"},
	ErrStampTime:     {zh: "--stamp-time %q：应为 RFC 3339 格式的时间，如 2024-03-31T09:00:00+08:00，或 now", en: "--stamp-time %q: want RFC 3339 such as 2024-03-31T09:00:00+08:00, or now"},
	ErrEpoch:         {zh: "SOURCE_DATE_EPOCH %q：应为自 1970-01-01 起的整秒数", en: "SOURCE_DATE_EPOCH %q: want whole seconds since 1970-01-01"},
	ErrNoUnit:        {zh: "%[2]s 中没有单位 %[1]q（单位有：%[3]s）", en: "no unit %q in %s (units: %s)"},
	ErrNameAmbiguous: {zh: "%[2]s 中有 %[3]d 个单位名为 %[1]q：%[4]s；请给出其中一个的单位编码", en: "unit name %q in %s is borne by %d units: %s; give one of their ids"},
	ErrReadTwice:     {zh: "数据无法再读一次：请先存为文件，再用 -d 给出该文件", en: "the data cannot be read a second time: save it to a file and give that"},
	ErrFormsAndData:  {zh: "请给出自评表（jixiao review 文件夹或文件…）或 -d DATA，不能两者都给", en: "give either forms (jixiao review DIR-or-FILES…) or -d DATA, not both"},
	ErrNoForms:       {zh: "没有可复核的内容：%s 中没有自评表", en: "nothing to review: no self-evaluation form (自评表) in %s"},
	ErrGenCount:      {zh: "-n %d：至少要 1 个单位", en: "-n %d: want at least 1 unit"},
	ErrGenOutput:     {zh: "-o %q：文件名应以 .csv、.jsonl 或 .xlsx 结尾", en: "-o %q: want a file ending in .csv, .jsonl or .xlsx"},
	ErrNoData:        {zh: "没有数据：请用 -d 给出数据文件（规则集 %s 没有内置演示数据）", en: "no data: give -d FILE (ruleset %s has no built-in demonstration data)"},
	ErrAsOf:          {zh: "monitor 需要监控日期 --as-of，如 --as-of 2023-09-30", en: "monitor needs --as-of DATE, e.g. --as-of 2023-09-30"},
	ErrSortAmbiguous: {zh: "--sort %q：有 %d 个指标叫这个名称（%s）：请给出其中一个的编号", en: "--sort %q: %d indicators have that label (%s): give the id of one"},
	ErrExtractNeedsForms: {zh: "--extract 读的是自评表：请给出自评表（jixiao review 文件夹或文件… --extract 文件.csv）",
		en: "--extract reads forms: name them (jixiao review DIR-or-FILES… --extract FILE.csv)"},
	ErrNoClaims: {zh: "没有可复核的内容：%s 中没有单位填报自评分（claimed.<指标编号>、claimed.score 或 claimed.grade）",
		en: "nothing to review: no unit of %s claims a score (claimed.<indicator id>, claimed.score or claimed.grade)"},
	ErrNotLoaded:    {zh: "%[2]d 个规则集中 %[1]d 个无法载入", en: "%d of %d rulesets did not load"},
	ErrStoppedLead:  {zh: "计分中止：", en: "evaluation stopped: "},
	ErrMonitorLead:  {zh: "监控中止：", en: "monitoring stopped: "},
	ErrOpenDataLead: {zh: "打开数据 %s：", en: "open data %s: "},
	ErrKeepDataLead: {zh: "为第二个规则集保留 %s：", en: "keep %s for the second ruleset: "},
	ErrReadDataLead: {zh: "读取数据 %s：", en: "read data %s: "},
	ErrReadLead:     {zh: "读取 %s：", en: "read %s: "},
	ErrWriteLead:    {zh: "写入 %s：", en: "write %s: "},
	ErrSpill: {zh: "无法写入临时文件（%v）：磁盘可能已满；请腾出空间，或用 TMPDIR 环境变量指定一个有空间的文件夹",
		en: "cannot write a temporary file (%v): the disk may be full; free some space, or point the TMPDIR environment variable at a folder with room"},
	RunMoreErrors:      {zh: "另有 %d 个错误未列出", en: "%d more errors were truncated"},
	RunErrorCount:      {zh: "共 %d 个错误", en: "%d errors", en1: "%d error"},
	OutReadLead:        {zh: "读取 %s：", en: "read %s: "},
	OutInOrder:         {zh: "管道或设备只能按顺序写入", en: "a FIFO or device is written in order only"},
	ErrWritingLead:     {zh: "写入 %s：", en: "writing %s: "},
	ErrCPUProfileLead:  {zh: "CPU 性能剖析：", en: "cpu profile: "},
	ErrHeapProfileLead: {zh: "堆内存剖析：", en: "heap profile: "},
	ErrSettingsLead:    {zh: "读取设置文件 %s：", en: "read settings %s: "},
	ErrSettingLead:     {zh: "设置项 %s=%q：", en: "setting %s=%q: "},
	ErrServeLead:       {zh: "工作台：", en: "serve: "},

	WbMultipart:      {zh: "请求应为 multipart/form-data（如 curl -F ruleset=@r.yaml -F data=@units.csv）：", en: "want a multipart/form-data request (curl -F ruleset=@r.yaml -F data=@units.csv): "},
	WbReadUpload:     {zh: "读取上传内容：", en: "read upload: "},
	WbReadUploadPart: {zh: "读取上传的 %s：", en: "read upload %s: "},
	WbVersion:        {zh: "版本 %q：应为已保存版本的编号", en: "version %q: want the number of a saved version"},
	WbNoData:         {zh: "没有数据：请上传数据文件（规则集 %s 没有内置演示数据）", en: "no data: upload a data file (ruleset %s has no built-in demonstration data)"},
	WbSavedVersion:   {zh: "已保存的版本：", en: "saved version: "},
	WbPartRuleset:    {zh: "%s 规则集：", en: "%s ruleset: "},
	WbNoUnit:         {zh: "%[2]s 中没有单位 %[1]q", en: "no unit %q in %s"},
	WbUploadOutside:  {zh: "上传的 %q：文件名须在所选文件夹之内", en: "upload %q: a file's name must stay inside its folder"},
	WbAbandoned:      {zh: "计算此结果的请求已中断：请再请求一次", en: "the request computing this result failed: ask again"},
	WbUpload:         {zh: "上传的 %s：", en: "upload %s: "},
	WbUploadTwice:    {zh: "上传的 %s：同名文件上传了两次，请每个文件只传一次", en: "upload %s: two files of that name: send each once"},
	WbFormsByRuleset: {zh: "此处按自评表自身的数字以 10 号文规则复核；要按规则集评分，请用 jixiao review -r 规则集 文件夹",
		en: "forms are reviewed here by the 10号 rules from their own numbers; to score them by a ruleset use jixiao review -r RULESET DIR"},
	WbFormsAndData:    {zh: "自评表与数据（claimed.* 列）只能给一种", en: "give either forms or data (claimed.* fields), not both"},
	WbFormsTemp:       {zh: "自评表：", en: "forms: "},
	WbFormsLang:       {zh: "lang %q：应为 zh 或 en（同 jixiao --lang）", en: "lang %q: want zh or en (as jixiao --lang)"},
	WbNoFormsSent:     {zh: "没有可复核的内容：上传的文件中没有自评表（%s）", en: "nothing to review: no self-evaluation form (自评表) among the files sent (%s)"},
	WbNoFile:          {zh: "没有文件：请把数据文件作为 data 部分上传", en: "no file: send the data file as the part data"},
	WbReadRequest:     {zh: "读取请求：", en: "read request: "},
	WbRunNumber:       {zh: "运行记录 %q：应为数字", en: "run %q: want a number"},
	WbCutShort:        {zh: "单位的一行不完整", en: "a unit's row is cut short"},
	WbNoBuiltin:       {zh: "没有内置规则集 %q（内置规则集：%v）", en: "no built-in ruleset %q (built-in: %v)"},
	WbNoClaims:        {zh: "没有可复核的内容：数据中没有单位填报自评分（claimed.<指标编号>、claimed.score 或 claimed.grade）", en: "nothing to review: no unit of the data claims a score (claimed.<indicator id>, claimed.score or claimed.grade)"},
	WbNoDB:            {zh: "工作台：没有数据库文件：请用 --db 给出文件", en: "workbench: no database file: give --db FILE"},
	WbToken:           {zh: "工作台：令牌：", en: "workbench: token: "},
	WbHost:            {zh: "%q 不是本机：请在本机回环地址打开工作台", en: "host %q is not this machine: open the workbench at its loopback address"},
	WbWrongToken:      {zh: "令牌不对：请打开 jixiao serve 显示的网址", en: "wrong token: open the URL jixiao serve printed"},
	WbNeedsToken:      {zh: "这个工作台需要令牌：请打开 jixiao serve 显示的网址，或在请求头 X-Jixiao-Token 中带上令牌", en: "this workbench needs its token: open the URL jixiao serve printed, or send the X-Jixiao-Token header"},
	WbUploadOver:      {zh: "上传的 %d 字节超过上限 %d 字节（jixiao serve --max-upload）", en: "upload of %d bytes is over the limit of %d bytes (jixiao serve --max-upload)"},
	WbUploadOverLimit: {zh: "上传超过上限 %d 字节（jixiao serve --max-upload）", en: "upload over the limit of %d bytes (jixiao serve --max-upload)"},
	WbOtherSite:       {zh: "拒绝来自其他网站（%s）的请求", en: "request from another site (%s) refused"},
	WbOrigin:          {zh: "拒绝来自 %q 的请求：只有工作台页面可以提交到这里", en: "request from origin %q refused: only the workbench page may post here"},
	WbDatabase:        {zh: "数据库 %s：", en: "database %s: "},
	WbSaveVersion:     {zh: "保存规则集版本：", en: "save ruleset version: "},
	WbListVersions:    {zh: "列出规则集版本：", en: "list ruleset versions: "},
	WbNotFound:        {zh: "找不到", en: "not found"},
	WbRulesetVersion:  {zh: "规则集版本 %d：", en: "ruleset version %d: "},
	WbSaveDataset:     {zh: "保存数据集 %s：", en: "save dataset %s: "},
	WbDataset:         {zh: "数据集 %s：", en: "dataset %s: "},
	WbListDatasets:    {zh: "列出数据集：", en: "list datasets: "},
	WbSaveRun:         {zh: "保存运行记录：", en: "save run: "},
	WbSaveRunUnit:     {zh: "保存运行记录中的单位 %s：", en: "save run unit %s: "},
	WbListRuns:        {zh: "列出运行记录：", en: "list runs: "},
	WbRun:             {zh: "运行记录 %d：", en: "run %d: "},
	WbHistory:         {zh: "单位 %s 的历史：", en: "history of unit %s: "},
	WbEdit:            {zh: "第 %d 处修改（%s）：", en: "edit %d (%s): "},
	WbDescGrade:       {zh: "等级 %s 的 %s", en: "grade %s %s"},
	WbDescIndicator:   {zh: "指标 %s 的 %s", en: "indicator %s %s"},
	WbNotRuleset:      {zh: "%s：不是规则集（顶层应为映射）", en: "%s: not a ruleset (a mapping at the top)"},
	WbGradeMin:        {zh: "等级只能调整 min，不能调整 %q", en: "a grade has only min to tune, not %q"},
	WbNoGrade:         {zh: "%s 中没有等级 %q", en: "%s has no grade %q"},
	WbNoIndicator:     {zh: "%s 中没有指标 %q", en: "%s has no indicator %q"},
	WbBandField:       {zh: "应为 band.N.when 或 band.N.score，而不是 %q", en: "want band.N.when or band.N.score, not %q"},
	WbNoBandRow:       {zh: "指标 %s 没有第 %d 行分档", en: "indicator %s has no band row %d"},
	WbBandNoKey:       {zh: "指标 %[2]s 的第 %[1]d 行分档没有 %[3]s（else 行请在 YAML 中修改）", en: "band row %d of indicator %s has no %s (an else row is edited in the YAML)"},
	WbTunable:         {zh: "指标可调整的是 weight、target、band.N.when 或 band.N.score，不能调整 %q", en: "an indicator's weight, target, band.N.when or band.N.score can be tuned, not %q"},
	WbSayWhich:        {zh: "请说明要修改哪个指标或等级", en: "say which indicator or grade to change"},
	WbNotNumber:       {zh: "%q 不是数值", en: "%q is not a number"},
	WbNotScalar:       {zh: "第 %d 行：这个值不是单行的标量：请在 YAML 中修改", en: "line %d: the value is not a one-line scalar: edit it in the YAML"},
	WbValueNotFound:   {zh: "第 %d 行：在文本中找不到这个值", en: "line %d: cannot find the value in the text"},
	WbInBraces:        {zh: "第 %d 行：这里没有写 %s，且该项写在花括号中：请在 YAML 中添加", en: "line %d: %s is not written here and the entry is in braces: add it in the YAML"},

	ErrUnknownFlag:      {zh: "未知的参数：--%s", en: "unknown flag: --%s"},
	ErrUnknownShorthand: {zh: "未知的短参数 %q（在 -%s 中）", en: "unknown shorthand flag: %q in -%s"},
	ErrFlagNeedsValue:   {zh: "参数 --%s 后面要跟一个值", en: "flag needs an argument: --%s"},
	ErrShortNeedsValue:  {zh: "参数 %q（在 -%s 中）后面要跟一个值", en: "flag needs an argument: %q in -%s"},
	ErrFlagValue:        {zh: "参数 %[2]q 的值 %[1]q 无效：%[3]v", en: "invalid argument %q for %q flag: %v"},
	WordWantNumber:      {zh: "应为数字", en: "want a number"},
	ErrFlagSyntax:       {zh: "参数写法有误：%s", en: "bad flag syntax: %s"},
	ErrUnknownCommand:   {zh: "未知的命令 %[1]q（%[2]q 没有这个命令）", en: "unknown command %q for %q"},
	ErrDidYouMean:       {zh: "\n\n是否想输入：\n%s", en: "\n\nDid you mean this?\n%s"},
	ErrArgsExact:        {zh: "要给 %d 个参数，现有 %d 个", en: "accepts %d arg(s), received %d"},
	ErrArgsMin:          {zh: "至少要给 %d 个参数，现只有 %d 个", en: "requires at least %d arg(s), only received %d"},
	ErrArgsMax:          {zh: "最多给 %d 个参数，现有 %d 个", en: "accepts at most %d arg(s), received %d"},

	OutNoName:       {zh: "创建输出文件：没有给出文件名", en: "create: no file name"},
	OutCreateLead:   {zh: "创建 %s：", en: "create %s: "},
	OutIsDir:        {zh: "创建 %s：这是一个文件夹；请给出文件名", en: "create %s: is a directory; give a file name"},
	OutBadKind:      {zh: "创建 %s：这是%s；应为普通文件、FIFO 或字符设备", en: "create %s: is a %s; want a regular file, a FIFO or a character device"},
	OutKindSocket:   {zh: "套接字", en: "socket"},
	OutKindBlock:    {zh: "块设备", en: "block device"},
	OutKindSpecial:  {zh: "特殊文件", en: "special file"},
	OutIsInput:      {zh: "创建 %s：它就是输入文件 %s（%s）；请把输出写到另一个文件", en: "create %s: it is the input %s (%s); write the output to another file"},
	OutHowLink:      {zh: "同一个文件的另一个名字", en: "the same file under another name"},
	OutHowSymlink:   {zh: "指向它的符号链接", en: "a symbolic link to it"},
	OutHowSame:      {zh: "同一个文件", en: "the same file"},
	OutTooManyLinks: {zh: "符号链接层数太多", en: "too many levels of symbolic links"},
	OutNamesDir:     {zh: "创建 %s：这是文件夹的写法；请给出文件名", en: "create %s: names a directory; give a file name"},
	OutNoTempName:   {zh: "创建 %s：旁边找不到可用的临时文件名（%s*）", en: "create %s: no free temporary name beside it (%s*)"},
	OutChanged:      {zh: "打开时它从 FIFO 或设备变成了另一种文件", en: "it changed from a FIFO or device to another kind of file while opened"},
	OutWriteDone:    {zh: "写入 %s：已经提交或放弃", en: "write %s: already committed or aborted"},

	VersionUnknown:  {zh: "jixiao（版本未知：构建时没有模块信息）", en: "jixiao (version unknown: built without module information)"},
	VersionDevel:    {zh: "开发版", en: "development build"},
	VersionCommit:   {zh: "，提交 %s", en: ", commit %s"},
	VersionModified: {zh: "，含未提交的修改", en: ", with local changes"},
	VersionGo:       {zh: "%s，%s 编译", en: "%s, %s"},

	HelpRoot: {zh: "按规则集为预算单位的绩效自评计分", en: "Score budget-performance self-evaluations (绩效自评) against a ruleset"},
	HelpRootLong: {zh: `jixiao 为预算单位的年度绩效自评计分。

规则集（YAML）一次写定指标体系：输入、指标及其公式、权重、目标值和计分规则
（财预〔2020〕10号）、一致性校验和等级。jixiao 用它为每个单位报送的数据（CSV、
XLSX、YAML、JSON、JSON Lines）计分，给出每个单位各指标得分、总分、等级
（优/良/中/差）、排名，以及每个数字的计算过程。

程序设置来自参数、JIXIAO_* 环境变量（JIXIAO_FORMAT、JIXIAO_RULESET 等）和当前
目录下的设置文件 jixiao.yaml（或 --config 指定的文件），优先级依次降低。
提示语言：默认中文；--lang en、JIXIAO_LANG=en 或 LANG=C、en_* 时为英文。
使用手册见仓库 docs/README.md。`,
		en: `jixiao scores the yearly performance self-evaluations (绩效自评) of budget units.

A ruleset (YAML) defines the indicator system once: inputs, indicators with
their formulas, weights, targets and scoring rules (财预〔2020〕10号), consistency
checks and grade bands. jixiao runs it over every unit's reported data (CSV,
XLSX, YAML, JSON, JSON Lines) and gives each unit its points per indicator, a
total, a grade (优/良/中/差), a rank and an explanation of every number.

App settings come from flags, JIXIAO_* environment variables (JIXIAO_FORMAT,
JIXIAO_RULESET, ...) and a config file jixiao.yaml in the working directory
(or --config), in that order of precedence. Messages are in Chinese unless
--lang en, JIXIAO_LANG=en or LANG=C or en_* asks for English.
The user guide (Chinese) is docs/README.md in the repository.`},
	HelpEval:           {zh: "为数据文件中的每个单位计分并输出结果", en: "Score every unit of a data file and print the results"},
	HelpMonitor:        {zh: "年中绩效运行监控（双监控）：某日各指标与各单位的红黄绿灯", en: "Mid-year monitoring (双监控): a light per indicator and unit at a date"},
	ErrFormatBinary:    {zh: "格式 %s 是二进制文件：请用 -o 文件名 写入文件", en: "format %s is binary: give -o FILE"},
	ErrDiffTwoRulesets: {zh: "diff 比较两个规则集：请给出 -r 旧规则集 -r 新规则集（现有 %d 个）", en: "diff compares two rulesets: give -r OLD -r NEW (got %d)"},
	ErrReadAgain:       {zh: "再次读取 %s", en: "read %s again"},
	ErrSize:            {zh: "应为大小，如 512M 或 2G（字节；K、M、G 按 1024 进位），而不是 %q", en: "want a size such as 512M or 2G (bytes; K, M, G are powers of 1024), not %q"},
	ErrWholeNumber:     {zh: "应为大于 0 的整数，而不是 %q", en: "want a whole number above 0, not %q"},
	HelpServe:          {zh: "在浏览器中打开工作台：调整规则，查看每个单位的变化", en: "Serve the workbench in the browser: tune the rules and see every unit move"},
	HelpReview:         {zh: "按规则复核各单位的自评得分（复核），或复核一个文件夹的自评表", en: "Review the units' own claimed scores against the rules (复核), or a folder of submitted 自评表"},
	HelpDiff:           {zh: "显示规则变更对每个单位的影响", en: "Show what a rule change does to every unit"},
	HelpExplain:        {zh: "逐步显示一个单位的得分是怎样算出的", en: "Show how one unit's score was derived, step by step"},
	HelpLint:           {zh: "在使用前检查规则集中的错误和可疑之处", en: "Check rulesets for mistakes before they are used"},
	HelpTest:           {zh: "运行规则集自带的测试用例", en: "Run rulesets' test cases"},
	HelpGen:            {zh: "为规则集生成模拟单位数据", en: "Generate synthetic units for a ruleset"},
	HelpRulesets:       {zh: "列出内置规则集", en: "List the built-in rulesets"},
	HelpIndicators:     {zh: "列出或搜索指标库（指标库）", en: "List or search the indicator library (指标库)"},
	// cobra's usage template, its headings worded (the groups of
	// commands, which jixiao does not use, left out); useLine and
	// flagUsages (cmd/jixiao) word cobra's "[flags]" and pflag's defaults.
	HelpUsage: {zh: `用法：{{if .Runnable}}
  {{useLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}

命令：{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

参数：
{{flagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局参数：
{{flagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

各命令的说明见 "{{.CommandPath}} [命令] --help"。{{end}}
`,
		en: `Usage:{{if .Runnable}}
  {{useLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}

Available Commands:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{flagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{flagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`},
	FlagLang:    {zh: "提示语言：zh（中文，默认）或 en（English）", en: "language of the messages: zh (中文, the default) or en (English)"},
	FlagConfig:  {zh: "设置文件（默认：当前目录下存在的 ./jixiao.yaml）", en: "settings file (default ./jixiao.yaml when it exists)"},
	FlagVersion: {zh: "显示 jixiao 的版本", en: "version for jixiao"},
	FlagHelp:    {zh: "显示 %s 的帮助", en: "help for %s"},

	codeAbsentInput:     {zh: "缺少输入列", en: "input has no column"},
	codeBadBand:         {zh: "分档规则有误", en: "bad band"},
	codeBadCell:         {zh: "单元格无法识别", en: "cell not understood"},
	codeBadEncoding:     {zh: "文字编码有误", en: "bad text encoding"},
	codeBadOption:       {zh: "选项有误", en: "bad option"},
	codeBadValue:        {zh: "取值有误", en: "bad value"},
	codeBinaryFile:      {zh: "不是文本文件", en: "binary file"},
	codeCSVSyntax:       {zh: "CSV 格式有误", en: "CSV syntax"},
	codeDuplicateColumn: {zh: "列重复", en: "duplicate column"},
	codeDuplicateID:     {zh: "编号重复", en: "duplicate id"},
	codeDuplicateUnit:   {zh: "单位重复", en: "duplicate unit"},
	codePanelRater:      {zh: "评分人有误", en: "bad rater"},
	codeBadAdjust:       {zh: "总分调整规则有误", en: "bad adjust rule"},
	codeUnknownGrade:    {zh: "未知等级", en: "unknown grade"},
	codeUnknownInd:      {zh: "未知指标", en: "unknown indicator"},
	codeRuleError:       {zh: "总分调整规则无法计算", en: "rule could not be worked out"},
	codePanelDisagree:   {zh: "同一单位各评分行不一致", en: "rater rows disagree"},
	codePanelPoints:     {zh: "专家评分超出范围", en: "panel points out of range"},
	codeEmptyFile:       {zh: "文件为空", en: "empty file"},
	codeEncoding:        {zh: "文字编码有误", en: "encoding"},
	codeError:           {zh: "错误", en: "error"},
	codeFieldTooLong:    {zh: "单元格过长", en: "cell too long"},
	codeForeignData:     {zh: "数据不属于本规则集", en: "data of another ruleset"},
	codeFormulaLimit:    {zh: "公式超出计算限制", en: "formula over its limits"},
	codeFormulaSyntax:   {zh: "公式写法有误", en: "formula syntax"},
	codeFormulaTooLarge: {zh: "公式过长", en: "formula too large"},
	codeInternal:        {zh: "内部错误", en: "internal error"},
	codeJSONSyntax:      {zh: "JSON 格式有误", en: "JSON syntax"},
	codeLibrary:         {zh: "指标库有误", en: "indicator library"},
	codeMissingColumn:   {zh: "缺少列", en: "missing column"},
	codeMissingInput:    {zh: "缺少数据", en: "missing input"},
	codeMissingKey:      {zh: "缺少必填项", en: "missing key"},
	codeMissingUnitID:   {zh: "缺少单位编码", en: "missing unit id"},
	codeNoApplicable:    {zh: "没有适用的指标", en: "no applicable indicator"},
	codeNoHeader:        {zh: "缺少表头", en: "no header"},
	codeNotAUnit:        {zh: "不是单位数据", en: "not a unit"},
	codeRaggedRow:       {zh: "行的列数不对", en: "ragged row"},
	codeReadError:       {zh: "读取失败", en: "read error"},
	codeReservedID:      {zh: "编号是保留字", en: "reserved id"},
	codeRowTooLong:      {zh: "行过长", en: "row too long"},
	codeScoringForm:     {zh: "缺少计分方式", en: "no scoring form"},
	codeTypeMismatch:    {zh: "类型不符", en: "type mismatch"},
	codeUnknownColumn:   {zh: "未知的列", en: "unknown column"},
	codeUnknownFormat:   {zh: "未知的格式", en: "unknown format"},
	codeUnknownInput:    {zh: "未知的输入", en: "unknown input"},
	codeUnknownRuleset:  {zh: "未知的规则集", en: "unknown ruleset"},
	codeWrongUnit:       {zh: "计量单位不符", en: "wrong unit of measure"},
	codeYAMLSyntax:      {zh: "YAML 格式有误", en: "YAML syntax"},
}
