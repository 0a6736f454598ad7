package msg

// The messages of the ruleset loader (rulesets, indicators), the engine's
// compile, scoring and lint, the tests (tester), monitor and diff: Chinese
// first, and the English that cmd/jixiao's goldens and docs quote.
const (
	RuleReadError          Code = "rules.read_error"
	RuleUnknownKey         Code = "rules.unknown_key"
	RuleEmptyFile          Code = "rules.empty_file"
	RuleNoDocument         Code = "rules.no_document"
	RuleBinary             Code = "rules.binary"
	RuleNotUTF8            Code = "rules.not_u_t_f8"
	RuleGB18030            Code = "rules.g_b18030"
	RuleExpectedMapping    Code = "rules.expected_mapping"
	RuleMergeKey           Code = "rules.merge_key"
	RuleDuplicateKey       Code = "rules.duplicate_key"
	RuleTooManyKeys        Code = "rules.too_many_keys"
	RuleKindMapping        Code = "rules.kind_mapping"
	RuleKindList           Code = "rules.kind_list"
	RuleKindNothing        Code = "rules.kind_nothing"
	RuleKindOther          Code = "rules.kind_other"
	RuleExpectedText       Code = "rules.expected_text"
	RuleNumberRange        Code = "rules.number_range"
	RuleExpectedNumber     Code = "rules.expected_number"
	RuleNotFinite          Code = "rules.not_finite"
	RuleExpectedBool       Code = "rules.expected_bool"
	RuleExpectedList       Code = "rules.expected_list"
	RuleExpectedFormula    Code = "rules.expected_formula"
	RuleEmptyFormula       Code = "rules.empty_formula"
	RuleBuiltinInput       Code = "rules.builtin_input"
	RuleNotIdent           Code = "rules.not_ident"
	RuleReservedWord       Code = "rules.reserved_word"
	RuleNotRuleset         Code = "rules.not_ruleset"
	RuleBadRulesetID       Code = "rules.bad_ruleset_i_d"
	RuleBadMissing         Code = "rules.bad_missing"
	RuleNoID               Code = "rules.no_i_d"
	RuleNoIndicators       Code = "rules.no_indicators"
	RuleBadReverse         Code = "rules.bad_reverse"
	RuleGradeNeeds         Code = "rules.grade_needs"
	RuleGradeOrder         Code = "rules.grade_order"
	RuleGradesEmpty        Code = "rules.grades_empty"
	RuleInputNotIdent      Code = "rules.input_not_ident"
	RuleInputReserved      Code = "rules.input_reserved"
	RuleInputType          Code = "rules.input_type"
	RuleCheckNeeds         Code = "rules.check_needs"
	RuleDuplicateID        Code = "rules.duplicate_i_d"
	RuleIndicatorsEmpty    Code = "rules.indicators_empty"
	RuleWeightAbove0       Code = "rules.weight_above0"
	RuleBadTarget          Code = "rules.bad_target"
	RuleDeductNeeds        Code = "rules.deduct_needs"
	RuleIndicatorNeedsID   Code = "rules.indicator_needs_i_d"
	RuleNoWeight           Code = "rules.no_weight"
	RuleManyForms          Code = "rules.many_forms"
	RuleNoForm             Code = "rules.no_form"
	RuleTiersValue         Code = "rules.tiers_value"
	RuleReverseTarget      Code = "rules.reverse_target"
	RuleNeedsValue         Code = "rules.needs_value"
	RuleBandEither         Code = "rules.band_either"
	RuleElseLast           Code = "rules.else_last"
	RuleBandNeeds          Code = "rules.band_needs"
	RuleBandsEmpty         Code = "rules.bands_empty"
	RuleTierFraction       Code = "rules.tier_fraction"
	RuleUnknownTier        Code = "rules.unknown_tier"
	RuleTestData           Code = "rules.test_data"
	RuleBadRelative        Code = "rules.bad_relative"
	RuleBadPanel           Code = "rules.bad_panel"
	RuleReverseRelative    Code = "rules.reverse_relative"
	RuleRelativeValue      Code = "rules.relative_value"
	RuleSpreadPanel        Code = "rules.spread_panel"
	RuleSpreadRange        Code = "rules.spread_range"
	RulePanelValue         Code = "rules.panel_value"
	RulePanelInput         Code = "rules.panel_input"
	RuleMonitorBands       Code = "rules.monitor_bands"
	RuleLibOvershootID     Code = "rules.lib_overshoot_i_d"
	RuleLibDuplicate       Code = "rules.lib_duplicate"
	RuleUseInLibrary       Code = "rules.use_in_library"
	RuleMaxTotal           Code = "rules.max_total"
	RuleRulesLibrary       Code = "rules.rules_library"
	RuleIndicatorLibrary   Code = "rules.indicator_library"
	RuleNoOvershoot        Code = "rules.no_overshoot"
	RuleOvershootRatio     Code = "rules.overshoot_ratio"
	RuleOvershootDeduct    Code = "rules.overshoot_deduct"
	RuleOvershootBoth      Code = "rules.overshoot_both"
	RuleOvershootNeeds     Code = "rules.overshoot_needs"
	RuleAdjustDuplicate    Code = "rules.adjust_duplicate"
	RuleAdjustBoth         Code = "rules.adjust_both"
	RuleAdjustNeither      Code = "rules.adjust_neither"
	RuleAdjustNeedsID      Code = "rules.adjust_needs_i_d"
	RuleAdjustAmount       Code = "rules.adjust_amount"
	RuleNoAdjust           Code = "rules.no_adjust"
	RuleAdjustOwn          Code = "rules.adjust_own"
	RuleOutcomeChange      Code = "rules.outcome_change"
	RuleOutcomeNeeds       Code = "rules.outcome_needs"
	RuleOutcomeTwice       Code = "rules.outcome_twice"
	RuleOutcomeGrade       Code = "rules.outcome_grade"
	RuleExpectAdjust       Code = "rules.expect_adjust"
	RuleUnknownRuleset     Code = "rules.unknown_ruleset"
	RuleBadDirection       Code = "rules.bad_direction"
	RuleLibDuplicateID     Code = "rules.lib_duplicate_i_d"
	RuleNoLibraryID        Code = "rules.no_library_i_d"
	WhatLibraryID          Code = "rules.what_library_i_d"
	WhatInputLabel         Code = "rules.what_input_label"
	WhatInputUnit          Code = "rules.what_input_unit"
	WhatInputType          Code = "rules.what_input_type"
	WhatCheckID            Code = "rules.what_check_i_d"
	WhatIndicatorID        Code = "rules.what_indicator_i_d"
	WhatDeductCount        Code = "rules.what_deduct_count"
	WhatDeductPoints       Code = "rules.what_deduct_points"
	WhatBandScore          Code = "rules.what_band_score"
	WhatTestName           Code = "rules.what_test_name"
	WhatExpectedScore      Code = "rules.what_expected_score"
	WhatExpectedGrade      Code = "rules.what_expected_grade"
	WhatMonitorGreen       Code = "rules.what_monitor_green"
	WhatMonitorYellow      Code = "rules.what_monitor_yellow"
	WhatRuleID             Code = "rules.what_rule_i_d"
	WhatOvershootUse       Code = "rules.what_overshoot_use"
	WhatOvershootRatio     Code = "rules.what_overshoot_ratio"
	WhatOvershootDeduct    Code = "rules.what_overshoot_deduct"
	WhatAdjustRuleID       Code = "rules.what_adjust_rule_i_d"
	WhatAdjustRuleLabel    Code = "rules.what_adjust_rule_label"
	WhatAdjustWhen         Code = "rules.what_adjust_when"
	WhatAdjustUse          Code = "rules.what_adjust_use"
	WhatOutcomeGrade       Code = "rules.what_outcome_grade"
	WhatOutcomeAction      Code = "rules.what_outcome_action"
	WhatOutcomeChange      Code = "rules.what_outcome_change"
	WhatExpectedOutcome    Code = "rules.what_expected_outcome"
	WhatExpectedChange     Code = "rules.what_expected_change"
	InTestFile             Code = "rules.in_test_file"
	InRuleset              Code = "rules.in_ruleset"
	InGrade                Code = "rules.in_grade"
	InCheck                Code = "rules.in_check"
	InIndicator            Code = "rules.in_indicator"
	InBand                 Code = "rules.in_band"
	InDeduct               Code = "rules.in_deduct"
	InTest                 Code = "rules.in_test"
	InExpect               Code = "rules.in_expect"
	InLibraryEntry         Code = "rules.in_library_entry"
	InRulesLibrary         Code = "rules.in_rules_library"
	InOvershoot            Code = "rules.in_overshoot"
	InAdjustRule           Code = "rules.in_adjust_rule"
	InRulesLibraryEntry    Code = "rules.in_rules_library_entry"
	WantBand               Code = "rules.want_band"
	WantOvershoot          Code = "rules.want_overshoot"
	WantAdjust             Code = "rules.want_adjust"
	RuleYAML               Code = "rules.y_a_m_l"
	InInput                Code = "rules.in_input"
	WhatInputOptional      Code = "rules.what_input_optional"
	WhatTier               Code = "rules.what_tier"
	WhatExpectedPoints     Code = "rules.what_expected_points"
	WhatExpectedStatus     Code = "rules.what_expected_status"
	WhatPopulation         Code = "rules.what_population"
	WhatPopulationValue    Code = "rules.what_population_value"
	WhatExpectedTotalAfter Code = "rules.what_expected_total_after"
	EngCheckAssertMissing  Code = "rules.eng_check_assert_missing"
	EngTiersValue          Code = "rules.eng_tiers_value"
	EngBandsEmpty          Code = "rules.eng_bands_empty"
	EngPanelInput          Code = "rules.eng_panel_input"
	EngNoForm              Code = "rules.eng_no_form"
	EngWeight              Code = "rules.eng_weight"
	EngFormulaMissing      Code = "rules.eng_formula_missing"
	EngFormulaLong         Code = "rules.eng_formula_long"
	EngGaveNumber          Code = "rules.eng_gave_number"
	EngGaveBool            Code = "rules.eng_gave_bool"
	EngNotCompiled         Code = "rules.eng_not_compiled"
	EngFailed              Code = "rules.eng_failed"
	EngUnknownInput        Code = "rules.eng_unknown_input"
	EngUnknownInputHint    Code = "rules.eng_unknown_input_hint"
	EngUnexpected          Code = "rules.eng_unexpected"
	EngEndsEarly           Code = "rules.eng_ends_early"
	EngTooManyNodes        Code = "rules.eng_too_many_nodes"
	EngTierLetter          Code = "rules.eng_tier_letter"
	EngWrongType           Code = "rules.eng_wrong_type"
	EngGives               Code = "rules.eng_gives"
	EngTypeBoolNum         Code = "rules.eng_type_bool_num"
	EngTypeTextNum         Code = "rules.eng_type_text_num"
	EngTypeNumCond         Code = "rules.eng_type_num_cond"
	EngTypeTextCond        Code = "rules.eng_type_text_cond"
	EngTypeListNum         Code = "rules.eng_type_list_num"
	EngTypeMapNum          Code = "rules.eng_type_map_num"
	EngTypeNilNum          Code = "rules.eng_type_nil_num"
	EngTypeNilCond         Code = "rules.eng_type_nil_cond"
	EngWhatMsg             Code = "rules.eng_what_msg"
	EngWhatCompile         Code = "rules.eng_what_compile"
	EngIndicator           Code = "rules.eng_indicator"
	EngCheck               Code = "rules.eng_check"
	EngIndicatorPart       Code = "rules.eng_indicator_part"
	EngPartValue           Code = "rules.eng_part_value"
	EngRatioNegative       Code = "rules.eng_ratio_negative"
	EngPartTarget          Code = "rules.eng_part_target"
	EngPartBandCond        Code = "rules.eng_part_band_cond"
	EngPartBandScore       Code = "rules.eng_part_band_score"
	EngPartDeductCount     Code = "rules.eng_part_deduct_count"
	EngPartScore           Code = "rules.eng_part_score"
	EngPartBand            Code = "rules.eng_part_band"
	EngPartBandNScore      Code = "rules.eng_part_band_n_score"
	EngOtherRuleset        Code = "rules.eng_other_ruleset"
	EngNoApplicable        Code = "rules.eng_no_applicable"
	EngMissingInput        Code = "rules.eng_missing_input"
	EngNoFormRun           Code = "rules.eng_no_form_run"
	EngCancelled           Code = "rules.eng_cancelled"
	EngWhyTime             Code = "rules.eng_why_time"
	EngWhySize             Code = "rules.eng_why_size"
	EngWhyUse              Code = "rules.eng_why_use"
	EngMemory              Code = "rules.eng_memory"
	EngSteps               Code = "rules.eng_steps"
	EngTimeout             Code = "rules.eng_timeout"
	EngMaySteps            Code = "rules.eng_may_steps"
	EngUnbounded           Code = "rules.eng_unbounded"
	EngNotAllowed          Code = "rules.eng_not_allowed"
	EngRange               Code = "rules.eng_range"
	EngPlus                Code = "rules.eng_plus"
	EngAllocTotal          Code = "rules.eng_alloc_total"
	EngMaxTotal            Code = "rules.eng_max_total"
	EngRuleName            Code = "rules.eng_rule_name"
	EngAdjustRule          Code = "rules.eng_adjust_rule"
	EngAdjustPart          Code = "rules.eng_adjust_part"
	EngAdjustMissing       Code = "rules.eng_adjust_missing"
	EngOutcomeGrade        Code = "rules.eng_outcome_grade"
	EngOutcomeChange       Code = "rules.eng_outcome_change"
	EngTakesID             Code = "rules.eng_takes_i_d"
	EngNoIndicator         Code = "rules.eng_no_indicator"
	EngNoIndicatorHint     Code = "rules.eng_no_indicator_hint"
	EngNaN                 Code = "rules.eng_na_n"
	EngDivZero             Code = "rules.eng_div_zero"
	EngRuleError           Code = "rules.eng_rule_error"
	LintWeightSum          Code = "rules.lint_weight_sum"
	LintGradeTwice         Code = "rules.lint_grade_twice"
	LintGradeTooHigh       Code = "rules.lint_grade_too_high"
	LintGradeTaken         Code = "rules.lint_grade_taken"
	LintGradeEmpty         Code = "rules.lint_grade_empty"
	LintGradeGap           Code = "rules.lint_grade_gap"
	LintTiersOrder         Code = "rules.lint_tiers_order"
	LintTierBand           Code = "rules.lint_tier_band"
	LintInputUnused        Code = "rules.lint_input_unused"
	LintCheckPasses        Code = "rules.lint_check_passes"
	LintCheckFails         Code = "rules.lint_check_fails"
	LintNoInput            Code = "rules.lint_no_input"
	LintScoreNever         Code = "rules.lint_score_never"
	LintScoreFull          Code = "rules.lint_score_full"
	LintDeductNever        Code = "rules.lint_deduct_never"
	LintDeductAll          Code = "rules.lint_deduct_all"
	LintTargetMet          Code = "rules.lint_target_met"
	LintTargetNever        Code = "rules.lint_target_never"
	LintElse               Code = "rules.lint_else"
	LintBandFalse          Code = "rules.lint_band_false"
	LintBandNever          Code = "rules.lint_band_never"
	LintBandScore          Code = "rules.lint_band_score"
	LintBandGap            Code = "rules.lint_band_gap"
	LintBandN              Code = "rules.lint_band_n"
	LintBeforeTrue         Code = "rules.lint_before_true"
	LintComesFirst         Code = "rules.lint_comes_first"
	LintBandsBefore        Code = "rules.lint_bands_before"
	LintRelNegative        Code = "rules.lint_rel_negative"
	LintRelZero            Code = "rules.lint_rel_zero"
	LintSpreadZero         Code = "rules.lint_spread_zero"
	LintSpreadOne          Code = "rules.lint_spread_one"
	LintAdjustFalse        Code = "rules.lint_adjust_false"
	LintCapMax             Code = "rules.lint_cap_max"
	LintCapHigh            Code = "rules.lint_cap_high"
	LintAddZero            Code = "rules.lint_add_zero"
	LintMaxTotal           Code = "rules.lint_max_total"
	LintOutcomeMissing     Code = "rules.lint_outcome_missing"
	RangeNoValue           Code = "rules.range_no_value"
	RangeAnyValue          Code = "rules.range_any_value"
	RangeAlways            Code = "rules.range_always"
	RangeLiesIn            Code = "rules.range_lies_in"
	RangeOr                Code = "rules.range_or"
	LintSevError           Code = "rules.lint_sev_error"
	LintSevWarning         Code = "rules.lint_sev_warning"
	EngWhatPart            Code = "rules.eng_what_part"
	LintInputLabel         Code = "rules.lint_input_label"
	TestNoIndicator        Code = "rules.test_no_indicator"
	TestCase               Code = "rules.test_case"
	TestPopNoIndicator     Code = "rules.test_pop_no_indicator"
	TestPopNotRelative     Code = "rules.test_pop_not_relative"
	TestPopNegative        Code = "rules.test_pop_negative"
	MonitorAsOf            Code = "rules.monitor_as_of"
	OptWorkers             Code = "rules.opt_workers"
	OptMaxNodes            Code = "rules.opt_max_nodes"
	OptMemory              Code = "rules.opt_memory"
	OptMaxSteps            Code = "rules.opt_max_steps"
	OptTimeout             Code = "rules.opt_timeout"
	OptTolerance           Code = "rules.opt_tolerance"
	EngRaterRange          Code = "rules.eng_rater_range"
	EngReadTwiceStream     Code = "rules.eng_read_twice_stream"
	EngReadTwice           Code = "rules.eng_read_twice"
	EngReadAgain           Code = "rules.eng_read_again"
	EngDataChanged         Code = "rules.eng_data_changed"
	EngFewerUnits          Code = "rules.eng_fewer_units"
	EngMoreUnits           Code = "rules.eng_more_units"
	EngOtherUnit           Code = "rules.eng_other_unit"
	CasesError             Code = "rules.cases_error"
	CasesFail              Code = "rules.cases_fail"
	CasesPass              Code = "rules.cases_pass"
	CasesCoverage          Code = "rules.cases_coverage"
	CasesNeverReached      Code = "rules.cases_never_reached"
	CasesCounts            Code = "rules.cases_counts"
	CasesExpect            Code = "rules.cases_expect"
)

// ruleMessages are the messages of the ruleset loader (rulesets, indicators), the engine's compile and scoring, and the tests (tester).
var ruleMessages = map[Code]entry{
	RuleReadError:          {zh: "读取规则文件失败：%v", en: "read ruleset: %v"},
	RuleUnknownKey:         {zh: "未知的键 %[1]q（位于%[2]s，可用的键：%[3]s）", en: "unknown key %q in %s (want %s)"},
	RuleEmptyFile:          {zh: "文件是空的", en: "the file is empty"},
	RuleNoDocument:         {zh: "文件中没有 YAML 内容", en: "the file holds no YAML document"},
	RuleBinary:             {zh: "文件含二进制数据（NUL 字节），不是 YAML 文本：请检查是否选错了文件", en: "the file holds binary data (a NUL byte), not YAML text"},
	RuleNotUTF8:            {zh: "文件不是 UTF-8 文本（字节 0x%02X）：请另存为 UTF-8 编码", en: "the file is not UTF-8 text (byte 0x%02X): save it as UTF-8"},
	RuleGB18030:            {zh: "文件不是 UTF-8 文本（字节 0x%02X），看起来是 GB18030（GBK）编码：请另存为 UTF-8，如 iconv -f GB18030 -t UTF-8", en: "the file is not UTF-8 text (byte 0x%02X); it looks like GB18030 (GBK): save it as UTF-8, e.g. iconv -f GB18030 -t UTF-8"},
	RuleExpectedMapping:    {zh: "应为映射（键: 值），实际是 %s", en: "expected a mapping, found %s"},
	RuleMergeKey:           {zh: "不支持合并键（<<）", en: "merge keys (<<) are not supported"},
	RuleDuplicateKey:       {zh: "键 %q 重复", en: "duplicate key %q"},
	RuleTooManyKeys:        {zh: "文件的键超过 %d 个（含别名 *name 重复计入的）：请少用锚点共享", en: "the file has more than %d keys, counting those that aliases (*name) repeat: share less through anchors"},
	RuleKindMapping:        {zh: "映射", en: "a mapping"},
	RuleKindList:           {zh: "列表", en: "a list"},
	RuleKindNothing:        {zh: "空值", en: "nothing"},
	RuleKindOther:          {zh: "其他内容", en: "something else"},
	RuleExpectedText:       {zh: "%s：应为文本，实际是 %s", en: "%s: expected text, found %s"},
	RuleNumberRange:        {zh: "%s：应为有限的数，实际是 %s，超出范围", en: "%s: expected a finite number, found %s, which is out of range"},
	RuleExpectedNumber:     {zh: "%s：应为数值，实际是 %s", en: "%s: expected a number, found %s"},
	RuleNotFinite:          {zh: "%s：应为有限的数，实际是 %q", en: "%s: expected a finite number, found %q"},
	RuleExpectedBool:       {zh: "%s：应为 true 或 false，实际是 %s", en: "%s: expected true or false, found %s"},
	RuleExpectedList:       {zh: "%s：应为列表，实际是 %s", en: "%s: expected a list, found %s"},
	RuleExpectedFormula:    {zh: "%s：应为公式，实际是 %s", en: "%s: expected a formula, found %s"},
	RuleEmptyFormula:       {zh: "%s：公式为空", en: "%s: the formula is empty"},
	RuleBuiltinInput:       {zh: "输入项 id %q 是公式内置函数的名称（%s(...)）：请改名，如 %s_value", en: "input id %q is the name of a built-in function of formulas (%s(...)): rename the input, e.g. %s_value"},
	RuleNotIdent:           {zh: "%s %q 不是合法的标识符：只能用字母、数字和 _，且不能以数字开头", en: "%s %q is not an identifier: use letters, digits and _, not starting with a digit"},
	RuleReservedWord:       {zh: "%s %q 是保留字，请换一个", en: "%s %q is a reserved word"},
	RuleNotRuleset:         {zh: "规则集应为 id、title、inputs、indicators 等键的映射，实际是 %s", en: "a ruleset is a mapping of id, title, inputs, indicators ..., found %s"},
	RuleBadRulesetID:       {zh: "规则集 id %q：只能用字母、数字、_ 和 -", en: "ruleset id %q: use letters, digits, _ and -"},
	RuleBadMissing:         {zh: "missing：应为 zero 或 error，实际是 %q", en: "missing: want zero or error, found %q"},
	RuleNoID:               {zh: "规则集缺少 id", en: "the ruleset has no id"},
	RuleNoIndicators:       {zh: "规则集缺少 indicators（指标）", en: "the ruleset has no indicators"},
	RuleBadReverse:         {zh: "reverse：应为 linear 或 ratio，实际是 %q", en: "reverse: want linear or ratio, found %q"},
	RuleGradeNeeds:         {zh: "等级需要 min 和 label", en: "a grade needs min and label"},
	RuleGradeOrder:         {zh: "等级 %s：min %v 应低于上一等级的 min（%v）", en: "grade %s: min %v must be below the min of the grade before it (%v)"},
	RuleGradesEmpty:        {zh: "grades：列表为空", en: "grades: the list is empty"},
	RuleInputNotIdent:      {zh: "输入项 id %q 不是合法的标识符：只能用字母、数字和 _，且不能以数字开头", en: "input id %q is not an identifier: use letters, digits and _, not starting with a digit"},
	RuleInputReserved:      {zh: "输入项 id %q 是保留字，请换一个", en: "input id %q is a reserved word"},
	RuleInputType:          {zh: "输入项 %s：type 应为 number 或 tier，实际是 %q", en: "input %s: type: want number or tier, found %q"},
	RuleCheckNeeds:         {zh: "审核规则（check）需要 id 和 assert", en: "a check needs id and assert"},
	RuleDuplicateID:        {zh: "id %q 重复：第 %[3]d 行的%[2]s已使用", en: "duplicate id %q: already used by the %s at line %d"},
	RuleIndicatorsEmpty:    {zh: "indicators：列表为空", en: "indicators: the list is empty"},
	RuleWeightAbove0:       {zh: "weight（权重）应大于 0，实际是 %v", en: "weight must be above 0, found %v"},
	RuleBadTarget:          {zh: "target %q：应为比较符（>=、<= 或 =）加表达式，如 \">= 0.95\"", en: "target %q: want a comparator (>=, <= or =) and an expression, e.g. \">= 0.95\""},
	RuleDeductNeeds:        {zh: "deduct 需要 count", en: "deduct needs count"},
	RuleIndicatorNeedsID:   {zh: "指标需要 id", en: "an indicator needs an id"},
	RuleNoWeight:           {zh: "指标 %s 缺少 weight（权重）", en: "indicator %s has no weight"},
	RuleManyForms:          {zh: "指标 %s 有 %d 种评分方式（%s）：target、bands、tiers、deduct、score、relative、panel 只能给一种", en: "indicator %s has %d scoring forms (%s): give exactly one of target, bands, tiers, deduct, score, relative, panel"},
	RuleNoForm:             {zh: "指标 %s 没有评分方式：请给出 target、bands、tiers、deduct、score、relative、panel 中的一种", en: "indicator %s has no scoring form: give one of target, bands, tiers, deduct, score, relative, panel"},
	RuleTiersValue:         {zh: "指标 %s：tiers 的 value 应为档次（tier）输入项，实际是 %q", en: "indicator %s: tiers need a value that is a tier input, found %q"},
	RuleReverseTarget:      {zh: "指标 %s：reverse 只适用于 \"<=\" 的 target", en: "indicator %s: reverse applies only to a \"<=\" target"},
	RuleNeedsValue:         {zh: "指标 %s：%s 需要 value 公式", en: "indicator %s: %s needs a value formula"},
	RuleBandEither:         {zh: "一个分档要么写 when 和 score，要么写 else", en: "a band has either when and score, or else"},
	RuleElseLast:           {zh: "else 应为最后一档", en: "else must be the last band"},
	RuleBandNeeds:          {zh: "分档需要 when 和 score", en: "a band needs when and score"},
	RuleBandsEmpty:         {zh: "bands：列表为空", en: "bands: the list is empty"},
	RuleTierFraction:       {zh: "档次 %s：应为 0 到 1 之间的权重比例，实际是 %v", en: "tier %s: a fraction of the weight between 0 and 1, found %v"},
	RuleUnknownTier:        {zh: "未知的档次 %q（应为 A、B、C）", en: "unknown tier %q (want A, B, C)"},
	RuleTestData:           {zh: "测试的 data：应为“输入项: 数值”的映射", en: "test data: expected a mapping of input to value"},
	RuleBadRelative:        {zh: "relative：应为 best_ratio 或 efficacy，实际是 %q", en: "relative: want best_ratio or efficacy, found %q"},
	RuleBadPanel:           {zh: "panel：应为 mean、median 或 trimmed，实际是 %q", en: "panel: want mean, median or trimmed, found %q"},
	RuleReverseRelative:    {zh: "指标 %s：reverse: true 只适用于比较法（relative）指标（\"<=\" 的 target 用 reverse: linear 或 ratio）", en: "indicator %s: reverse: true applies only to a relative indicator (a \"<=\" target takes reverse: linear or ratio)"},
	RuleRelativeValue:      {zh: "指标 %s：relative 需要 value 公式", en: "indicator %s: relative needs a value formula"},
	RuleSpreadPanel:        {zh: "指标 %s：spread 只适用于评议（panel）指标", en: "indicator %s: spread applies only to a panel indicator"},
	RuleSpreadRange:        {zh: "spread 是权重的比例，应在 0 到 1 之间，实际是 %v", en: "spread is a share of the weight, from 0 to 1, found %v"},
	RulePanelValue:         {zh: "指标 %s：panel 需要 value：存放各评分人分数的输入项", en: "indicator %s: panel needs value: the input that holds each rater's points"},
	RulePanelInput:         {zh: "指标 %s：panel 从一个输入项读取各评分人的分数，value 应为输入项名称，实际是 %q", en: "indicator %s: panel reads each rater's points from one input, so value must name an input, found %q"},
	RuleMonitorBands:       {zh: "monitor：应满足 0 <= yellow <= green，实际 yellow 为 %v、green 为 %v", en: "monitor: want 0 <= yellow <= green, found yellow %v and green %v"},
	RuleLibOvershootID:     {zh: "规则库的 overshoot 需要 id", en: "a library overshoot needs an id"},
	RuleLibDuplicate:       {zh: "规则库 id %q 重复", en: "duplicate rules library id %q"},
	RuleUseInLibrary:       {zh: "规则库内不能用 use:", en: "use: inside the rules library"},
	RuleMaxTotal:           {zh: "max_total 应大于 0，实际是 %v", en: "max_total must be above 0, found %v"},
	RuleRulesLibrary:       {zh: "规则库：%v", en: "rules library: %v"},
	RuleIndicatorLibrary:   {zh: "指标库：%v", en: "indicator library: %v"},
	RuleNoOvershoot:        {zh: "overshoot：use：规则库中没有 overshoot %q（现有：%s）", en: "overshoot: use: the rules library has no overshoot %q (it has %s)"},
	RuleOvershootRatio:     {zh: "overshoot 的 ratio 应大于 1（1.3 即目标的 130%%），实际是 %v", en: "overshoot ratio must be above 1 (1.3 = 130%% of the target), found %v"},
	RuleOvershootDeduct:    {zh: "overshoot 的 deduct 应大于 0（扣的分数），实际是 %v", en: "overshoot deduct must be above 0 (the points lost), found %v"},
	RuleOvershootBoth:      {zh: "overshoot：use 与 ratio、deduct 只能二选一", en: "overshoot: give either use or ratio and deduct, not both"},
	RuleOvershootNeeds:     {zh: "overshoot 需要 ratio 和 deduct，如 {ratio: 1.3, deduct: 2}", en: "overshoot needs ratio and deduct, e.g. {ratio: 1.3, deduct: 2}"},
	RuleAdjustDuplicate:    {zh: "调整规则 id %q 重复：第 %[2]d 行的规则已使用", en: "duplicate adjust rule id %q: already used by the rule at line %d"},
	RuleAdjustBoth:         {zh: "调整规则 %s 同时有 cap 和 add：只能给一个（一条规则要么封顶总分，要么加减总分）", en: "adjust rule %s has both cap and add: give one (a rule either caps the total or adds to it)"},
	RuleAdjustNeither:      {zh: "调整规则 %s 既没有 cap 也没有 add：请给出 cap（总分上限）或 add（加的分数，负数为扣分）", en: "adjust rule %s has neither cap nor add: give cap (the highest total) or add (points to add, negative to deduct)"},
	RuleAdjustNeedsID:      {zh: "调整规则需要 id", en: "an adjust rule needs an id"},
	RuleAdjustAmount:       {zh: "adjust 的 %s：应为数值或公式，实际是 %s（如 %s: 89）", en: "adjust %s: expected a number or a formula, found %s (e.g. %s: 89)"},
	RuleNoAdjust:           {zh: "adjust：use：规则库中没有调整规则 %q（现有：%s）", en: "adjust: use: the rules library has no adjust rule %q (it has %s)"},
	RuleAdjustOwn:          {zh: "调整规则 %s：use %s 已自带 %s：请删去 cap 和 add，或删去 use", en: "adjust rule %s: use %s brings its own %s: drop cap and add, or drop use"},
	RuleOutcomeChange:      {zh: "outcome 的 change：应为数值或公式，实际为空", en: "outcome change: expected a number or a formula, found nothing"},
	RuleOutcomeNeeds:       {zh: "结果应用（outcome）需要 grade 和 action，如 {grade: 中, action: 核减, change: \"-0.05 * budget\"}", en: "an outcome needs grade and action, e.g. {grade: 中, action: 核减, change: \"-0.05 * budget\"}"},
	RuleOutcomeTwice:       {zh: "等级 %s 的结果应用重复：第 %[2]d 行已给出", en: "outcome for grade %s given twice: already at line %d"},
	RuleOutcomeGrade:       {zh: "等级 %q 的结果应用：规则集没有这个等级（现有等级：%s）", en: "outcome for grade %q: the ruleset has no such grade (its grades: %s)"},
	RuleExpectAdjust:       {zh: "预期调整 %s：应为规则调整后的总分（数值），或 false（规则不应适用），实际是 %s", en: "expected adjustment %s: the total after the rule (a number), or false if the rule must not apply, found %s"},
	RuleUnknownRuleset:     {zh: "没有规则文件 %s，也没有这个 id 的内置规则集（内置：%s）", en: "no ruleset file %s and no built-in ruleset of that id (built-in: %s)"},
	RuleBadDirection:       {zh: "direction：应为 >=、<=、= 或 tier，实际是 %q", en: "direction: want >=, <=, = or tier, found %q"},
	RuleLibDuplicateID:     {zh: "指标库 id %q 重复", en: "duplicate library id %q"},
	RuleNoLibraryID:        {zh: "use：指标库中没有 %q（可用 jixiao indicators 查看）", en: "use: the indicator library has no %q (see jixiao indicators)"},
	WhatLibraryID:          {zh: "指标库 id", en: "library id"},
	WhatInputLabel:         {zh: "输入项的 label", en: "input label"},
	WhatInputUnit:          {zh: "输入项的 unit", en: "input unit"},
	WhatInputType:          {zh: "输入项的 type", en: "input type"},
	WhatCheckID:            {zh: "审核规则 id", en: "check id"},
	WhatIndicatorID:        {zh: "指标 id", en: "indicator id"},
	WhatDeductCount:        {zh: "deduct 的 count", en: "deduct count"},
	WhatDeductPoints:       {zh: "deduct 的 points", en: "deduct points"},
	WhatBandScore:          {zh: "分档的 score", en: "band score"},
	WhatTestName:           {zh: "测试名称", en: "test name"},
	WhatExpectedScore:      {zh: "预期总分", en: "expected score"},
	WhatExpectedGrade:      {zh: "预期等级", en: "expected grade"},
	WhatMonitorGreen:       {zh: "monitor 的 green", en: "monitor green"},
	WhatMonitorYellow:      {zh: "monitor 的 yellow", en: "monitor yellow"},
	WhatRuleID:             {zh: "规则 id", en: "rule id"},
	WhatOvershootUse:       {zh: "overshoot 的 use", en: "overshoot use"},
	WhatOvershootRatio:     {zh: "overshoot 的 ratio", en: "overshoot ratio"},
	WhatOvershootDeduct:    {zh: "overshoot 的 deduct", en: "overshoot deduct"},
	WhatAdjustRuleID:       {zh: "调整规则 id", en: "adjust rule id"},
	WhatAdjustRuleLabel:    {zh: "调整规则的 label", en: "adjust rule label"},
	WhatAdjustWhen:         {zh: "adjust 的 when", en: "adjust when"},
	WhatAdjustUse:          {zh: "adjust 的 use", en: "adjust use"},
	WhatOutcomeGrade:       {zh: "outcome 的 grade", en: "outcome grade"},
	WhatOutcomeAction:      {zh: "outcome 的 action", en: "outcome action"},
	WhatOutcomeChange:      {zh: "outcome 的 change", en: "outcome change"},
	WhatExpectedOutcome:    {zh: "预期结果应用", en: "expected outcome"},
	WhatExpectedChange:     {zh: "预期调整金额", en: "expected change"},
	InTestFile:             {zh: "测试文件", en: "test file"},
	InRuleset:              {zh: "规则集", en: "ruleset"},
	InGrade:                {zh: "等级", en: "grade"},
	InCheck:                {zh: "审核规则", en: "check"},
	InIndicator:            {zh: "指标", en: "indicator"},
	InBand:                 {zh: "分档", en: "band"},
	InDeduct:               {zh: "deduct", en: "deduct"},
	InTest:                 {zh: "测试", en: "test"},
	InExpect:               {zh: "expect", en: "expect"},
	InLibraryEntry:         {zh: "指标库条目", en: "library entry"},
	InRulesLibrary:         {zh: "规则库", en: "rules library"},
	InOvershoot:            {zh: "overshoot", en: "overshoot"},
	InAdjustRule:           {zh: "调整规则", en: "adjust rule"},
	InRulesLibraryEntry:    {zh: "规则库条目", en: "rules library entry"},
	WantBand:               {zh: "when 和 score，或 else", en: "when and score, or else"},
	WantOvershoot:          {zh: "ratio 和 deduct，或 use", en: "ratio and deduct, or use"},
	WantAdjust:             {zh: "id、label、when、cap 或 add、use", en: "id, label, when, cap or add, use"},
	RuleYAML:               {zh: "YAML 格式错误：%s", en: "%s"},
	InInput:                {zh: "输入项 %s", en: "input %s"},
	WhatInputOptional:      {zh: "输入项 %s 的 optional", en: "input %s: optional"},
	WhatTier:               {zh: "档次 %s", en: "tier %s"},
	WhatExpectedPoints:     {zh: "%s 的预期得分", en: "expected points of %s"},
	WhatExpectedStatus:     {zh: "%s 的预期状态", en: "expected status of %s"},
	WhatPopulation:         {zh: "%s 的 population", en: "population of %s"},
	WhatPopulationValue:    {zh: "%s 的 population 第 %d 个值", en: "population of %s, value %d"},
	WhatExpectedTotalAfter: {zh: "%s 调整后的预期总分", en: "expected total after %s"},
	EngCheckAssertMissing:  {zh: "审核规则 %s：缺少 assert 公式", en: "check %s: the assert formula is missing"},
	EngTiersValue:          {zh: "%s：tiers 的 value 应为档次（tier）输入项的名称，实际是 %q", en: "%s: tiers need a value that names a tier input, found %q"},
	EngBandsEmpty:          {zh: "%s：bands 列表为空", en: "%s: bands: the list is empty"},
	EngPanelInput:          {zh: "%s：panel 从一个输入项读取各评分人的分数，value 应为输入项名称，实际是 %q", en: "%s: panel reads each rater's points from one input, so value must name an input, found %q"},
	EngNoForm:              {zh: "%s 没有评分方式：请给出 target、bands、tiers、deduct、score 中的一种", en: "%s has no scoring form: give one of target, bands, tiers, deduct, score"},
	EngWeight:              {zh: "%s：weight（权重）应为大于 0 的有限数，实际是 %v", en: "%s: weight must be a finite number above 0, found %v"},
	EngFormulaMissing:      {zh: "%s：缺少公式", en: "%s: the formula is missing"},
	EngFormulaLong:         {zh: "%s：公式长 %d 字节，超过上限 %d", en: "%s: the formula is %d bytes long, more than the limit of %d"},
	EngGaveNumber:          {zh: "公式结果是 %T，应为数值", en: "formula gave %T, want a number"},
	EngGaveBool:            {zh: "公式结果是 %T，应为 true 或 false", en: "formula gave %T, want true or false"},
	EngNotCompiled:         {zh: "公式未能编译", en: "formula did not compile"},
	EngFailed:              {zh: "公式运行出错：%v", en: "formula failed: %v"},
	EngUnknownInput:        {zh: "未知的名称 %q（不是已声明的输入项）", en: "unknown input %q"},
	EngUnknownInputHint:    {zh: "未知的名称 %q（是否应为 %s？）", en: "unknown input %q (did you mean %s?)"},
	EngUnexpected:          {zh: "此处不应出现 %q", en: "unexpected %q"},
	EngEndsEarly:           {zh: "公式不完整（提前结束了）", en: "the formula ends too early"},
	EngTooManyNodes:        {zh: "公式超过 %d 个节点（jixiao 的上限）：请简化", en: "the formula has more than %d nodes (a limit of jixiao): simplify it"},
	EngTierLetter:          {zh: "%s：档次输入项是字母（A、B 或 C），不是数值；请用比较，如 tier == 'A'", en: "%s: a tier input holds a letter (A, B or C), not a number; compare it, e.g. tier == 'A'"},
	EngWrongType:           {zh: "公式结果的类型不对：%s", en: "the formula gives the wrong type: %s"},
	EngGives:               {zh: "公式给出%s", en: "the formula gives %s"},
	EngTypeBoolNum:         {zh: " true 或 false，而此处需要数值", en: "true or false where a number is needed"},
	EngTypeTextNum:         {zh: "文本，而此处需要数值", en: "text where a number is needed"},
	EngTypeNumCond:         {zh: "数值，而此处需要条件（true 或 false）", en: "a number where a condition (true or false) is needed"},
	EngTypeTextCond:        {zh: "文本，而此处需要条件（true 或 false）", en: "text where a condition (true or false) is needed"},
	EngTypeListNum:         {zh: "列表，而此处需要数值", en: "a list where a number is needed"},
	EngTypeMapNum:          {zh: "映射，而此处需要数值", en: "a mapping where a number is needed"},
	EngTypeNilNum:          {zh: " nil，而此处需要数值", en: "nil where a number is needed"},
	EngTypeNilCond:         {zh: " nil，而此处需要条件（true 或 false）", en: "nil where a condition (true or false) is needed"},
	EngWhatMsg:             {zh: "%s：%s", en: "%s: %s"},
	EngWhatCompile:         {zh: "%s：公式无法编译：%s", en: "%s: %s"},
	EngIndicator:           {zh: "指标 %s", en: "indicator %s"},
	EngCheck:               {zh: "审核规则 %s", en: "check %s"},
	EngIndicatorPart:       {zh: "指标 %s 的 %s", en: "indicator %s %s"},
	EngPartValue:           {zh: "value", en: "value"},
	EngRatioNegative: {zh: "比较法 best_ratio 以本单位的值除以最优值计分，值为负（%v）时这个比值没有意义：请改用 relative: efficacy（功效系数法，可取任意值），或改写 value 公式，使值不小于 0",
		en: "best_ratio needs values of at least 0, found %v: it scores a value divided by the best one, which means nothing for a negative value; use relative: efficacy (any values), or write the value so that it is 0 or more"},
	EngPartTarget:      {zh: "target", en: "target"},
	EngPartBandCond:    {zh: "when（分档条件）", en: "band condition"},
	EngPartBandScore:   {zh: "score（分档得分）", en: "band score"},
	EngPartDeductCount: {zh: "count（扣分次数）", en: "deduct count"},
	EngPartScore:       {zh: "score", en: "score"},
	EngPartBand:        {zh: "第 %d 档", en: "band %d"},
	EngPartBandNScore:  {zh: "第 %d 档的 score", en: "band %d score"},
	EngOtherRuleset:    {zh: "该单位是按另一个规则集读取的（内部错误）", en: "unit was read for another ruleset"},
	EngNoApplicable:    {zh: "所有指标都不适用：无可评分", en: "every indicator is 不适用: nothing to score"},
	EngMissingInput:    {zh: "输入项 %s（%s）缺失，而规则集规定 missing: error：请补填该数据", en: "input %s (%s) is missing and the ruleset says missing: error"},
	EngNoFormRun:       {zh: "指标 %s 没有评分方式", en: "indicator %s has no scoring form"},
	EngCancelled:       {zh: "评分已取消", en: "evaluation cancelled"},
	EngWhyTime:         {zh: "结果会随运行的时间而变", en: "the result would depend on when jixiao runs"},
	EngWhySize:         {zh: "它可能生成任意长的文本或列表", en: "it can build text or lists of any size"},
	EngWhyUse:          {zh: "评分用不到它", en: "it has no use in scoring"},
	EngMemory:          {zh: "公式需要超过 %d 个列表元素或字符（jixiao 的内存上限，一个单位的全部公式合计）：请简化公式", en: "the formula needs more than %d list elements or characters (the memory limit of jixiao); simplify the formula (the limit is for all the formulas of a unit together)"},
	EngSteps:           {zh: "该单位的公式循环超过 %d 步（jixiao 的上限）：请简化公式", en: "the formulas ran more than %d loop steps on this unit (a limit of jixiao); simplify the formula"},
	EngTimeout:         {zh: "该单位的公式运行超过 %v（jixiao 的上限）：请简化公式", en: "the formulas took longer than %v on this unit (a limit of jixiao); simplify the formula"},
	EngMaySteps:        {zh: "公式在一个单位上可能循环多达 %s 步，超过上限 %d：请对更短的列表循环", en: "the formula may run up to %s loop steps on one unit, more than the limit of %d: loop over shorter lists"},
	EngUnbounded:       {zh: "无限多", en: "an unbounded number of"},
	EngNotAllowed:      {zh: "公式中不能用 %s()：%s", en: "%s() is not allowed in formulas: %s"},
	EngRange:           {zh: "范围 %s 有 %d 个元素，超过上限 %d", en: "the range %s has %d elements, more than the limit of %d"},
	EngPlus:            {zh: "此处的 + 只能加数值：公式中不能拼接文本或列表（若值是数字，请用 float() 包起来）", en: "+ may only add numbers here: joining text or lists is not allowed in formulas (wrap a value in float() if it is a number)"},
	EngAllocTotal:      {zh: "加上前面的公式，每个单位要生成 %d 个元素的范围，超过每个单位 %d 的上限：请用更短的范围", en: "with the formulas before it, every unit would build ranges of %d elements, more than the limit of %d per unit: use shorter ranges"},
	EngMaxTotal:        {zh: "max_total 应为大于 0 的有限数，实际是 %v", en: "max_total must be a finite number above 0, found %v"},
	EngRuleName:        {zh: "输入项 id %q 是调整和结果应用公式中的名称（points、values、total）：请改名，如 %s_value", en: "input id %q is a name of adjust and outcome formulas (points, values, total): rename the input, e.g. %s_value"},
	EngAdjustRule:      {zh: "调整规则 %s", en: "adjust rule %s"},
	EngAdjustPart:      {zh: "调整规则 %s 的 %s", en: "adjust rule %s %s"},
	EngAdjustMissing:   {zh: "%s：缺少 %s 公式", en: "%s: the %s formula is missing"},
	EngOutcomeGrade:    {zh: "等级 %q 的结果应用：规则集没有这个等级", en: "outcome for grade %q: the ruleset has no such grade"},
	EngOutcomeChange:   {zh: "等级 %s 结果应用的 change", en: "outcome %s change"},
	EngTakesID:         {zh: "%s 后面应接指标 id：%s.ID", en: "%s takes an indicator id: %s.ID"},
	EngNoIndicator:     {zh: "%s.%s：规则集没有指标 %q", en: "%s.%s: the ruleset has no indicator %q"},
	EngNoIndicatorHint: {zh: "%s.%s：规则集没有指标 %q（是否应为 %s.%s？）", en: "%s.%s: the ruleset has no indicator %q (did you mean %s.%s?)"},
	EngNaN:             {zh: "0 ÷ 0，结果无意义", en: "0 ÷ 0, the result means nothing"},
	EngDivZero:         {zh: "除以零", en: "division by zero"},
	EngRuleError:       {zh: "%s：该单位无法计算（%s）；总分没有按这条规则调整；请修正数据或规则", en: "%s: cannot be worked out for this unit (%s): the total is not adjusted by accident; fix the data or the rule"},
	LintWeightSum:      {zh: "指标权重合计 %s，不是 100", en: "indicator weights sum to %s, not 100"},
	LintGradeTwice:     {zh: "等级 %s 用了两次（另见第 %d 行）：两段总分会得到同一等级", en: "grade %s is used twice (also at line %d): totals in two bands get the same grade"},
	LintGradeTooHigh:   {zh: "等级 %s 永远评不上：它要求总分至少 %s，而总分最高只有 %s", en: "grade %s can never match: it needs a total of at least %s, and no total exceeds %s"},
	LintGradeTaken:     {zh: "等级 %s 永远评不上：等级 %s（min %s）已包含所有总分，而总分不会为负", en: "grade %s can never match: grade %s (min %s) already takes every total, and totals are never negative"},
	LintGradeEmpty:     {zh: "等级 %s 永远评不上：保留两位小数的总分没有落在 [%s, %s) 内的", en: "grade %s can never match: no total rounded to 2 decimals lies in [%s, %s)"},
	LintGradeGap:       {zh: "总分低于 %s 时没有等级：最低等级 %s 从 %s 起（请加一个 min: 0 的等级）", en: "totals below %s get no grade: the lowest grade %s starts at %s (add a grade with min: 0)"},
	LintTiersOrder:     {zh: "指标 %s：档次分值应从 A 到 C 递减，实际 A %s、B %s、C %s", en: "indicator %s: tier points should fall from A to C, found A %s, B %s, C %s"},
	LintTierBand:       {zh: "指标 %s：档次 %c（%s）得权重的 %s，超出财预〔2020〕10号规定的区间 [%s, %s%s", en: "indicator %s: tier %c (%s) scores %s of the weight, outside its band [%s, %s%s of 财预〔2020〕10号"},
	LintInputUnused:    {zh: "输入项 %s%s：没有被任何指标或审核规则用到", en: "input %s%s is never read by any indicator or check"},
	LintCheckPasses:    {zh: "审核规则 %s 总是通过：%s 不读取任何输入项，且总为真", en: "check %s always passes: %s reads no input and is always true"},
	LintCheckFails:     {zh: "审核规则 %s 总是不通过：%s 不读取任何输入项，且永不为真", en: "check %s always fails: %s reads no input and is never true"},
	LintNoInput:        {zh: "指标 %s 不读取任何输入项：每个单位得分相同", en: "indicator %s reads no input: every unit gets the same points"},
	LintScoreNever:     {zh: "指标 %s：不可能得满分：score 公式%s，从不大于 0", en: "indicator %s: full marks are impossible: the score formula %s, never above 0"},
	LintScoreFull:      {zh: "指标 %s：必得满分：score 公式%s，从不低于权重 %s", en: "indicator %s: full marks are certain: the score formula %s, never below the weight %s"},
	LintDeductNever:    {zh: "指标 %s：必得满分：%s 分 × 次数（次数%s）从不扣分", en: "indicator %s: full marks are certain: %s points × a count that %s never deduct anything"},
	LintDeductAll:      {zh: "指标 %s：不可能得满分：%s 分 × 次数（次数%s）总是扣完全部权重", en: "indicator %s: full marks are impossible: %s points × a count that %s always deduct the whole weight"},
	LintTargetMet:      {zh: "指标 %s：必得满分：%s %s，总能达到目标 %s", en: "indicator %s: full marks are certain: %s %s, which always meets target %s"},
	LintTargetNever:    {zh: "指标 %s：不可能得满分：%s %s，永远达不到目标 %s", en: "indicator %s: full marks are impossible: %s %s, which never meets target %s"},
	LintElse:           {zh: "指标 %s：else 永远不会匹配：前面的分档已包含所有取值（%s）", en: "indicator %s: else can never match: the bands before it take every value (%s)"},
	LintBandFalse:      {zh: "指标 %s：%s永远不会匹配：其条件永不为真", en: "indicator %s: %s can never match: its condition is never true"},
	LintBandNever:      {zh: "指标 %s：%s永远不会匹配：%s", en: "indicator %s: %s can never match: %s"},
	LintBandScore:      {zh: "指标 %s：第 %d 档得权重的 %s，超出 [0, 1]：得分会被截到范围内", en: "indicator %s: band %d scores %s of the weight, outside [0, 1]: points are clamped"},
	LintBandGap:        {zh: "指标 %s：没有分档匹配 %s：这样的单位得 0 分（若本意如此，请加一行 else）", en: "indicator %s: no band matches %s: such units score 0 (add an else row if that is meant)"},
	LintBandN:          {zh: "第 %d 档（%s）", en: "band %d (%s)"},
	LintBeforeTrue:     {zh: "前面的第 %d 档（%s）总为真", en: "band %d (%s) before it is always true"},
	LintComesFirst:     {zh: "第 %d 档（%s）在前，已包含它的所有取值", en: "band %d (%s) comes first and takes every value it would"},
	LintBandsBefore:    {zh: "前面的第 %s 档已包含它的所有取值", en: "bands %s before it take every value it would"},
	LintRelNegative:    {zh: "指标 %s：best_ratio 要求取值不小于 0，而 %s %s：取值为负的单位会出错（efficacy 可取任意值）", en: "indicator %s: best_ratio needs values of at least 0, and %s %s: units with a negative value fail (efficacy takes any values)"},
	LintRelZero:        {zh: "指标 %s：反向 best_ratio 按 权重 × 最优值 ÷ value 计分，而 %s %s：取值为 0 的单位会成为最优，其他单位都得 0 分（未报的数请留空，不计入比较范围）", en: "indicator %s: reverse best_ratio scores weight × best ÷ value, and %s %s: a unit at 0 would be the best and every other unit would score 0 (leave a figure not reported blank, so that it stays out of the population)"},
	LintSpreadZero:     {zh: "指标 %s：spread 为 0 时，评分人只要有差异就会标记 panel_spread（spread 是评分人之间允许相差的权重比例，默认 0.2）", en: "indicator %s: spread 0 flags panel_spread on every unit whose raters differ at all (spread is the share of the weight raters may differ by, 0.2 by default)"},
	LintSpreadOne:      {zh: "指标 %s：spread %s 永远不会标记 panel_spread：得分在 0..%s 之间，评分人相差不会超过权重", en: "indicator %s: spread %s never flags panel_spread: points lie within 0..%s, so raters never differ by more than the weight"},
	LintAdjustFalse:    {zh: "调整规则 %s 永远不会生效：其条件 %s 永不为真", en: "adjust rule %s can never apply: its condition %s is never true"},
	LintCapMax:         {zh: "调整规则 %s：cap 不起作用：它%s，高于 max_total %s，而 max_total 已把所有总分压得更低", en: "adjust rule %s: the cap never matters: it %s, above max_total %s, which clamps every total lower anyway"},
	LintCapHigh:        {zh: "调整规则 %s 永远不会生效：其 cap %s，从不低于最高总分 %s（cap 只对高于它的总分起作用）", en: "adjust rule %s can never apply: its cap %s, never below the highest total %s (a cap applies only to a total above it)"},
	LintAddZero:        {zh: "调整规则 %s 加 0 分：不会改变任何总分", en: "adjust rule %s adds 0: it never changes a total"},
	LintMaxTotal:       {zh: "max_total %s 低于权重合计 %s：满分会被截为 %s", en: "max_total %s is below the sum of the weights %s: full marks are clamped to %s"},
	LintOutcomeMissing: {zh: "outcomes 没有给等级 %s 规定结果应用：该等级的单位没有结果应用，也不计入合计", en: "outcomes give no action for grade %s: units of that grade get no outcome and leave the sums"},
	RangeNoValue:       {zh: "没有取值", en: "no value"},
	RangeAnyValue:      {zh: "任意值", en: "any value"},
	RangeAlways:        {zh: "总是 %s", en: "is always %s"},
	RangeLiesIn:        {zh: "取值在 %s", en: "lies in %s"},
	RangeOr:            {zh: " 或 ", en: " or "},
	LintSevError:       {zh: "错误", en: "error"},
	LintSevWarning:     {zh: "警告", en: "warning"},
	EngWhatPart:        {zh: "%s 的 %s", en: "%s %s"},
	LintInputLabel:     {zh: "（%s）", en: " (%s)"},
	TestNoIndicator:    {zh: "没有这个指标", en: "no such indicator"},
	TestCase:           {zh: "测试 %s：%s", en: "test %s: %s"},
	TestPopNoIndicator: {zh: "测试 %s：population：规则集 %[3]s 中没有指标 %[2]s", en: "test %s: population: no indicator %s in ruleset %s"},
	TestPopNotRelative: {zh: "测试 %s：population：指标 %s 不是比较法（relative）指标：只有比较法指标才与其他单位比较计分", en: "test %s: population: indicator %s is not relative (比较法): only relative indicators are scored against other units"},
	TestPopNegative:    {zh: "测试 %s：%s 的 population 第 %d 个值：best_ratio 要求取值不小于 0，实际是 %v", en: "test %s: population of %s, value %d: best_ratio needs values of at least 0, found %v"},
	MonitorAsOf:        {zh: "--as-of %q：应为日期，如 2023-09-30", en: "--as-of %q: want a date such as 2023-09-30"},
	OptWorkers:         {zh: "workers 至少为 1，实际是 %d", en: "workers must be at least 1, got %d"},
	OptMaxNodes:        {zh: "max nodes 应在 1 到 %d 之间，实际是 %d", en: "max nodes must be between 1 and %d, got %d"},
	OptMemory:          {zh: "memory budget 应在 1 到 %d 之间，实际是 %d", en: "memory budget must be between 1 and %d, got %d"},
	OptMaxSteps:        {zh: "max steps 应在 1 到 %d 之间，实际是 %d", en: "max steps must be between 1 and %d, got %d"},
	OptTimeout:         {zh: "unit timeout 应大于 0 且不超过 %v，实际是 %v", en: "unit timeout must be above 0 and at most %v, got %v"},
	OptTolerance:       {zh: "tolerance 应为数值，实际是 %v", en: "tolerance must be a number, got %v"},
	EngRaterRange:      {zh: "评分人 %s（第 %d 行）给了 %v 分，超出 0 到权重 %v 的范围", en: "rater %s (row %d) gave %v points, outside 0 to the weight %v"},
	EngReadTwiceStream: {zh: "指标 %s 要与所有单位比较计分（relative）或比较各单位的评分人（panel），数据要读两遍：请从文件读取，不要用只能读一遍的数据流", en: "indicator %s is scored against all the units (relative) or its raters compared across them (panel), so the data is read twice: read it from a file, not a stream that cannot be read again"},
	EngReadTwice:       {zh: "指标 %s 要与所有单位比较计分（relative）或比较各单位的评分人（panel），数据要读两遍", en: "indicator %s is scored against all the units (relative) or its raters compared across them (panel), so the data is read twice"},
	EngReadAgain:       {zh: "为指标 %s 再次读取数据", en: "reading the data again for indicator %s"},
	EngDataChanged:     {zh: "%s：jixiao 读取期间数据变了（再次读取到第 %[3]d 个单位时%[2]s；或某个公式在一遍中超时而另一遍没有）：请在文件保存并关闭后重新运行", en: "%s: the data changed while jixiao read it (%s at unit %d when the file was read again; or a formula met a time limit in one reading and not the other): run again once the file is saved and closed"},
	EngFewerUnits:      {zh: "只有 %d 个单位，而第一遍有 %d 个", en: "%d units where the first reading had %d"},
	EngMoreUnits:       {zh: "单位多于第一遍的 %d 个", en: "more units than the first reading's %d"},
	EngOtherUnit:       {zh: "单位与第一遍的不同", en: "a unit other than the first reading's"},
	CasesError:         {zh: "出错 %s：%s（%s）\n", en: "ERROR %s: %s (%s)\n"},
	CasesFail:          {zh: "未通过 %s：%s（%s）\n", en: "FAIL %s: %s (%s)\n"},
	CasesPass:          {zh: "通过 %s：%s（%s）\n", en: "PASS %s: %s (%s)\n"},
	CasesCoverage:      {zh: "覆盖 %s（%s）：%[4]d 个分支中到达 %[3]d 个\n", en: "coverage %s (%s): %d of %d branches reached\n"},
	CasesNeverReached:  {zh: "  %s: %s：%s 从未到达\n", en: "  %s: %s: %s never reached\n"},
	CasesCounts:        {zh: "%d 个通过，%d 个未通过\n", en: "%d passed, %d failed\n"},
	CasesExpect:        {zh: "  %s  预期 %s  实际 %s  %s\n", en: "  %s  want %s  got %s  %s\n"},
}
