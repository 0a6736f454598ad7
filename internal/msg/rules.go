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
}
