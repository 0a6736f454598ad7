package msg

// Each command's long help (Long) and examples, and the texts of the
// flags. The English is the help as it was before the catalogue; the
// Chinese says the same for a finance bureau's staff. Examples run as
// they are written (cmd/jixiao TestHelpExamples), so a Chinese example's
// comments stand on lines of their own, starting with #.
const (
	HelpRootExample       Code = "help.root_example"
	HelpEvalLong          Code = "help.eval_long"
	HelpEvalExample       Code = "help.eval_example"
	HelpReviewLong        Code = "help.review_long"
	HelpReviewExample     Code = "help.review_example"
	HelpDiffLong          Code = "help.diff_long"
	HelpDiffExample       Code = "help.diff_example"
	HelpExplainLong       Code = "help.explain_long"
	HelpExplainExample    Code = "help.explain_example"
	HelpLintLong          Code = "help.lint_long"
	HelpLintExample       Code = "help.lint_example"
	HelpTestLong          Code = "help.test_long"
	HelpTestExample       Code = "help.test_example"
	HelpGenLong           Code = "help.gen_long"
	HelpGenExample        Code = "help.gen_example"
	HelpRulesetsLong      Code = "help.rulesets_long"
	HelpRulesetsExample   Code = "help.rulesets_example"
	HelpIndicatorsLong    Code = "help.indicators_long"
	HelpIndicatorsExample Code = "help.indicators_example"
	HelpMonitorLong       Code = "help.monitor_long"
	HelpMonitorExample    Code = "help.monitor_example"
	HelpServeLong         Code = "help.serve_long"
	HelpServeExample      Code = "help.serve_example"

	// cobra's own commands: help, and completion with a command per shell.
	HelpHelp             Code = "help.help"
	HelpHelpUse          Code = "help.help_use"
	HelpHelpLong         Code = "help.help_long"
	HelpCompletion       Code = "help.completion"
	HelpCompletionLong   Code = "help.completion_long"
	HelpCompletionShell  Code = "help.completion_shell"
	HelpCompletionBash   Code = "help.completion_bash"
	HelpCompletionZsh    Code = "help.completion_zsh"
	HelpCompletionFish   Code = "help.completion_fish"
	HelpCompletionPwsh   Code = "help.completion_powershell"
	FlagNoDescriptions   Code = "flag.no_descriptions"
	HelpUnknownTopic     Code = "help.unknown_topic"
	HelpDefault          Code = "help.default"
	HelpFlagsPlaceholder Code = "help.flags_placeholder"

	// The formats of eval -f, as its help lists them.
	HelpNeedsFile      Code = "help.needs_file"
	HelpFormatTable    Code = "help.format.table"
	HelpFormatJSON     Code = "help.format.json"
	HelpFormatCSV      Code = "help.format.csv"
	HelpFormatMD       Code = "help.format.md"
	HelpFormatXLSX     Code = "help.format.xlsx"
	HelpFormatHTML     Code = "help.format.html"
	HelpFormatSelfeval Code = "help.format.selfeval"

	// Flags.
	FlagRuleset         Code = "flag.ruleset"
	FlagRulesetTwice    Code = "flag.ruleset_twice"
	FlagData            Code = "flag.data"
	FlagDataClaims      Code = "flag.data_claims"
	FlagDataOld         Code = "flag.data_old"
	FlagFormat          Code = "flag.format"
	FlagOutput          Code = "flag.output"
	FlagGroups          Code = "flag.groups"
	FlagSort            Code = "flag.sort"
	FlagUnits           Code = "flag.units"
	FlagExplain         Code = "flag.explain"
	FlagWorkers         Code = "flag.workers"
	FlagTolerance       Code = "flag.tolerance"
	FlagToleranceReview Code = "flag.tolerance_review"
	FlagStampTime       Code = "flag.stamp_time"
	FlagStampTimeShort  Code = "flag.stamp_time_short"
	FlagExtract         Code = "flag.extract"
	FlagCount           Code = "flag.count"
	FlagSeed            Code = "flag.seed"
	FlagGenOutput       Code = "flag.gen_output"
	FlagClaims          Code = "flag.claims"
	FlagLong            Code = "flag.long"
	FlagAsOf            Code = "flag.as_of"
	FlagAddr            Code = "flag.addr"
	FlagToken           Code = "flag.token"
	FlagDB              Code = "flag.db"
	FlagMaxUpload       Code = "flag.max_upload"
	FlagVerbose         Code = "flag.verbose"
	FlagCoverage        Code = "flag.coverage"
	FlagSheet           Code = "flag.sheet"
	FlagHeaderRow       Code = "flag.header_row"
	FlagXLSXMaxSize     Code = "flag.xlsx_max_size"
	FlagXLSXMaxPart     Code = "flag.xlsx_max_part"
	FlagXLSXMaxRatio    Code = "flag.xlsx_max_ratio"
	FlagMaxField        Code = "flag.max_field"
	FlagCPUProfile      Code = "flag.cpuprofile"
	FlagMemProfile      Code = "flag.memprofile"
)

// helpMessages are each command's long help and its flags' texts.
var helpMessages = map[Code]entry{
	HelpRootExample: {
		zh: `  # 用默认规则集（grid-center）为内置演示单位计分
  $ jixiao eval
  # 为一个数据文件计分，输出完整结果（JSON）
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  # 逐步查看一个单位的得分是怎样算出的
  $ jixiao explain -r grid-center -d fixtures/lusong-grid-2022.yaml LS2022
  # 列出内置规则集；运行它们自带的测试
  $ jixiao rulesets
  $ jixiao test`,
		en: `  $ jixiao eval                                   # demo units, default ruleset
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  $ jixiao explain -r grid-center -d fixtures/lusong-grid-2022.yaml LS2022
  $ jixiao rulesets
  $ jixiao test`},

	HelpEvalLong: {
		zh: `eval 按规则集为数据中的每个单位计分，输出对比表（各单位 × 各指标得分、
总分、等级、排名），或以其他格式输出完整结果。

RULESET 是规则集文件的路径或内置规则集的编号（见 jixiao rulesets），默认为
%[1]s。DATA 可以是 CSV、XLSX、YAML、JSON 或 JSON Lines 文件；不给 -d 时，
为该规则集内置的演示单位计分。某个单位的数据读不出时，报告它的错误，其余单位
照常计分。

数据中带有单位自评分（claimed.<指标编号>、claimed.score、claimed.grade）时，
表格在计算出的总分和等级旁加列“自评总分”“自评等级”；自评与规则得分相差超过
--tolerance 时写作 8.62/9。JSON 输出带上自评分、标记 claim_high（多计）、
claim_low（少计）和每个单位的复核清单。全体单位的复核结果用 jixiao review 查看。

输出格式（-f）：
%[2]s
表格在各指标旁显示每个一级指标的小计；--groups 只显示小计，--sort 给单位排序，
--units 只保留部分单位。报告注明来源（规则集和数据及其 SHA-256），同样的输入
每次输出的字节完全相同；--stamp-time 或 SOURCE_DATE_EPOCH 可加上时间。-o 指定的
文件要么完整写出，要么不写，也绝不覆盖输入文件（数据、规则集、它的测试、设置
文件）；FIFO 或 /dev/null 这类设备直接写入。

退出状态：0 一切正常（一致性校验未通过只在标准错误中警告）；1 运行完成但有单位
未能评分；2 没有计分；130 被 Ctrl-C 中止，143 被 SIGTERM 终止（失败或中止的运行
不动 -o 原有的文件）。`,
		en: `eval scores every unit of the data against the ruleset and writes the
comparison table (units × indicator points, total, grade, rank) or the full
results in another format.

RULESET is a file path or a built-in id (see jixiao rulesets); the default is
%[1]s. DATA is CSV, XLSX, YAML, JSON or JSON Lines; without -d the
built-in demonstration units of the ruleset are scored. A unit whose data
cannot be read is reported with its errors and the others are scored.

Where the data carries the units' own scores (claimed.<indicator id>,
claimed.score, claimed.grade), the table adds 自评总分 and 自评等级 beside
the computed total and grade, and writes 8.62/9 where a claim departs from
the rules by more than --tolerance; JSON carries the claims, the flags
claim_high / claim_low and each unit's review list. jixiao review reports
the findings for the whole population.

Formats (-f):
%[2]s
Tables show each 一级指标's subtotal beside its indicators; --groups keeps
only the subtotals, --sort orders the units, --units keeps some of them.
Reports carry their provenance (ruleset and data with their SHA-256) and
are byte-identical between runs; --stamp-time or SOURCE_DATE_EPOCH adds a
time. Files given with -o are written whole or not at all, and never over
an input (the data, the ruleset, its tests, the settings file); a FIFO or
a device such as /dev/null is written directly.

Exit status: 0 all went well (failed checks are warnings on stderr); 1 the
run finished but some units failed; 2 nothing was evaluated; 130 stopped by
Ctrl-C, 143 by SIGTERM (a failed or interrupted run leaves the previous -o
FILE as it was).`},
	HelpEvalExample: {
		zh: `  # 默认规则集的演示单位，终端表格
  $ jixiao eval
  # 一个数据文件的完整结果（JSON）
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  # 只看一级指标小计，按总分从高到低
  $ jixiao eval -r dept-2013 -f table --groups --sort -score
  # 可打印的网页报告；10号文格式的自评表工作簿
  $ jixiao eval -r selfeval-2020 -f html -o report.html
  $ jixiao eval -r selfeval-2020 -f selfeval -o 自评表.xlsx`,
		en: `  $ jixiao eval
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  $ jixiao eval -r dept-2013 -f table --groups --sort -score
  $ jixiao eval -r selfeval-2020 -f html -o report.html
  $ jixiao eval -r selfeval-2020 -f selfeval -o 自评表.xlsx`},

	HelpReviewLong: {
		zh: `review 按规则为每个单位计分，并与单位的自评并列（复核）：单位自报的各指标
得分（数据字段 claimed.<指标编号>）、总分（claimed.score）和等级
（claimed.grade）。自评与规则不符的每一处都列出，附自评值、规则得分和原因：

  claim_high      多计：指标或总分的自评高于规则得分
  claim_low       少计：自评低于规则得分；指标已达到目标值时，
                  还说明单位是否给出了原因（reason.<编号>）
  sum_mismatch    总分与各项之和不符：自评总分不等于各指标自评之和
                  （各适用指标都有自评时才检查）
  grade_mismatch  等级与总分不符：自评等级不是规则总分对应的等级

不适用指标上大于 0 的自评算 claim_high（规则给它 0 分）；缺少数据或出错的
指标上的自评，与它的 0 分比较。

自评与规则相差超过容差（--tolerance，默认 0.01）才算不符，恰好等于容差不算。
有问题的单位排在前面，多计分数多的在前；汇总给出复核的单位数、有问题的单位数、
多计的分数，以及按自评会改变等级的单位数。

报送的自评表（.xlsx：10号文自评表、业务系统的平铺导出，或单位填写后的上述
两种表）可直接给出文件或所在文件夹来复核，不用 -d。不给 -r 时，每张表按 10号
文的规则用表中自己的数字计分（资金部分的执行率也算），并报告资金金额、执行率
与分值互相矛盾之处和读不出的行，各附单元格位置（文件!工作表!单元格）；不是
自评表的文件列出原因。给了 -r 时，表中的行按三级指标名称对应到规则集中同名的
指标，按它的规则（目标值、分档或档次，用该行的实际完成值和分值）计分；其余
行按 10号文规则计分；等级按规则集。
--extract 文件.csv 把读到的内容另存为数据文件（claimed.<指标名称>、
reason.<指标名称>），供 eval 和 review -d 读取。

输出格式（-f）：table 终端表格，json 完整结果，md Markdown 报告，xlsx 工作簿
（需 -o），html 可打印或分享的网页。

退出状态：0 没有问题；1 有问题，或有单位未能评分；2 没有复核（参数有误、规则集
无法编译、数据读不出，或数据中没有任何自评）。`,
		en: `review scores every unit by the rules and sets its own self-evaluation
beside the result (复核): the points it claims per indicator (data field
claimed.<indicator id>), its total (claimed.score) and its grade
(claimed.grade). It reports every place where the claims depart from the
rules, with the claim, what the rules give and why:

  claim_high      多计: a claim above the rules' points, on an indicator or the total
  claim_low       少计: a claim below them; on an indicator whose target was met,
                  the finding says whether the unit gave a reason (reason.<id>)
  sum_mismatch    总分与各项之和不符: the claimed total is not the sum of the
                  claimed indicators (checked when every applicable one is claimed)
  grade_mismatch  等级与总分不符: the claimed grade is not the grade of the
                  rules' total

A claim on a 不适用 indicator above 0 is claim_high (the rules give it
nothing); one on a missing or error indicator is compared with its 0 points.

A claim departs when it differs from the rules by more than the tolerance
(--tolerance, default 0.01); a difference equal to the tolerance is not a
finding. Units with findings come first, the most points over-claimed
first; the summary counts the units reviewed, the units with findings, the
points over-claimed and the units whose grade the claims would change.

Submitted self-evaluation forms (自评表, .xlsx: the 10号 form, a system's
flat export, or either as units fill them) are reviewed by naming them or
their folders instead of -d. Without -r each form is scored by the 10号
rules from its own numbers (the 资金 block's 执行率 too) and the review
also reports 资金 amounts, 执行率 and 分值 that contradict each other and
rows it could not read, each with its cell (file!sheet!cell); files that
are not forms are listed with why. With -r a row is matched to the
ruleset's indicator of the same label (三级指标) and scored by its rules
(its target, bands or tiers, on the row's 实际完成值 and 分值); other rows
by the 10号 rules; grades are the ruleset's.
--extract FILE.csv keeps what was read as a data file (claimed.<label>,
reason.<label>) that eval and review -d read.

Exit status: 0 no finding; 1 some finding, or some unit could not be
scored; 2 nothing was reviewed (bad flags, a ruleset that does not compile,
unreadable data, or data without any claim).`},
	HelpReviewExample: {
		zh: `  # 复核一个带自评分的数据文件
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv
  # 复核报告存为 Markdown 或 Excel 工作簿
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv -f md -o review.md
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv -f xlsx -o review.xlsx
  # 放宽容差到 0.5 分，输出 JSON
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv --tolerance 0.5 -f json
  # 复核一个文件夹里报送的自评表，并把读到的数据另存为 CSV
  $ jixiao review 自评表/ -f html -o review.html --extract 自评表.csv`,
		en: `  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv -f md -o review.md
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv -f xlsx -o review.xlsx
  $ jixiao review -r fixtures/review-demo-rules.yaml -d fixtures/review-demo.csv --tolerance 0.5 -f json
  $ jixiao review 自评表/ -f html -o review.html --extract 自评表.csv`},

	HelpDiffLong: {
		zh: `diff 用两个规则集为同一批单位计分：现行的（OLD）和拟修改的（NEW），在采用
之前显示修改带来的变化：

  - 每个单位新旧两套规则下的得分、等级和排名，得分的变化，以及得分有变化的指标；
  - 等级迁移矩阵：从每个旧等级变到每个新等级的单位数（行为旧等级，列为新等级）；
  - 变化最大的单位；
  - 对全体单位，是哪些指标造成了变化：每个指标得分变化在各单位上的合计，
    包括修改中新增或删去的指标。

两个规则集读同一个数据文件（各按自己的输入）。JSON（-f json）带两个规则集的
编号、版本和 sha256 以及数据的 sha256；xlsx 需要 -o。不给 -d 时使用旧规则集
内置的演示单位。

输出格式（-f）：table 终端表格，json 每个单位的变化，md Markdown 表格，xlsx
工作簿（单位、等级迁移、指标、来源）。

退出状态：0 所有单位在两套规则下都已计分；1 有单位在其中一套规则下未能评分
（显示为未计分）；2 没有比较。`,
		en: `diff scores the same units under two rulesets, the one in force (OLD) and a
proposed change (NEW), and shows what the change does before it is adopted:

  - for every unit its old and new score, grade and rank, the change in
    score, and the indicators whose points changed;
  - the grade migration matrix: how many units went from each old grade to
    each new grade (rows old, columns new);
  - the units that moved most;
  - for the whole population, which indicators caused the change: each
    indicator's change in points summed over the units, indicators added
    or dropped by the change included.

Both rulesets read the same data file (each by its own inputs). JSON (-f
json) carries both rulesets' id, version and sha256 and the data's sha256;
xlsx needs -o. Without -d the old ruleset's built-in demo units are used.

Exit status: 0 all units scored under both; 1 some unit failed under one
of them (shown as not scored); 2 nothing was compared.`},
	HelpDiffExample: {
		zh: `  # 默认规则集与一份修改稿比较（演示单位）
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml
  # 两个规则集文件，用一个数据文件
  $ jixiao diff -r cmd/jixiao/testdata/diff/old.yaml -r cmd/jixiao/testdata/diff/new.yaml -d cmd/jixiao/testdata/diff/units.csv
  # 输出 JSON；或存为 Excel 工作簿
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml -d fixtures/demo-grid-center.csv -f json
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml -f xlsx -o 影响.xlsx`,
		en: `  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml
  $ jixiao diff -r cmd/jixiao/testdata/diff/old.yaml -r cmd/jixiao/testdata/diff/new.yaml -d cmd/jixiao/testdata/diff/units.csv
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml -d fixtures/demo-grid-center.csv -f json
  $ jixiao diff -r grid-center -r cmd/jixiao/testdata/diff/grid-center-2023.yaml -f xlsx -o 影响.xlsx`},

	HelpExplainLong: {
		zh: `explain 列出一个单位得分的完整计算过程，供复核人员在终端阅读或打印（-f md
输出 Markdown）：

  - 每个指标的公式代入该单位的数字，以及实际走到的分支上的每个中间值
    （?: 的条件和选中的一边，逐行试过直到匹配的分档）；
  - 适用的目标值或分档、带数字的计分规则和得分（不超过权重，四舍五入到
    两位小数）；
  - 每个一级、二级指标组的小计，总分（有不适用指标时折算到 100 分），等级及其
    分数段，排名；
  - 未通过的一致性校验及其数字；
  - 单位自评分和复核结果（复核），如果有的话；
  - 来源：规则集的编号、版本和 sha256，数据的 sha256。

UNIT 是数据中单位列的单位编码；没有单位用这个编码时，也可以是一个单位的名称
（几个单位同名时不接受，并列出它们的编码）。其余单位也会计分，以得出排名。
RULESET 和 DATA 与 eval 相同。

退出状态：0 已列出；1 该单位未能评分（显示其错误）；2 没有计分（没有这个单位、
规则集或数据有误）。`,
		en: `explain prints the whole derivation of one unit's score, for a reviewer to
read on the terminal or print (-f md for Markdown):

  - every indicator's formula with the unit's numbers substituted, and every
    intermediate value of the branch actually taken (the condition of a ?:
    and its chosen side, the band rows tried until one matched);
  - the target or band that applied, the scoring rule with its numbers, and
    the points (clamped to the weight, rounded half-up to 2 decimals);
  - the subtotals of every 一级 and 二级 indicator group, the total (rescaled
    to 100 when indicators are 不适用), the grade with its band, the rank;
  - the failed consistency checks, with their numbers;
  - the unit's own claimed scores and the review findings (复核), if any;
  - the audit stamp: the ruleset's id, version and sha256, the data's sha256.

UNIT is the unit id of the data's unit column, or, when no unit has that
id, the name of one unit (a name several units bear is refused, with
their ids). The other units are scored
too, to give the rank. RULESET and DATA are as for eval.

Exit status: 0 explained; 1 the unit could not be scored (its errors are
shown); 2 nothing was evaluated (no such unit, bad ruleset or data).`},
	HelpExplainExample: {
		zh: `  # 一个数据文件中的单位 LS2022
  $ jixiao explain LS2022 -r grid-center -d fixtures/lusong-grid-2022.yaml
  # 默认规则集的演示单位 G04
  $ jixiao explain G04
  # 存为 Markdown，便于打印
  $ jixiao explain D03 -r dept-2013 -f md -o D03.md
  $ jixiao explain S02 -r selfeval-2020 -d fixtures/demo-selfeval-2020.csv`,
		en: `  $ jixiao explain LS2022 -r grid-center -d fixtures/lusong-grid-2022.yaml
  $ jixiao explain G04
  $ jixiao explain D03 -r dept-2013 -f md -o D03.md
  $ jixiao explain S02 -r selfeval-2020 -d fixtures/demo-selfeval-2020.csv`},

	HelpLintLong: {
		zh: `lint 检查规则集，不为任何单位计分。无法运行的报为错误（YAML 写法、未知的键、
无法编译的公式），能运行但可疑的报为警告：

  - 指标权重合计不是 100（并给出合计）；
  - 等级留下了没有等级的总分，或某个等级永远取不到；
  - 永远匹配不到的分档行：条件永不成立，被前面的行遮住（value >= 0.95 写在
    value >= 0.9 之后），写在恒成立的行之后，else 已被前面的行覆盖；没有分档行
    匹配的取值（得 0 分）；
  - 没有指标或校验读取的输入；不读任何输入的指标；
  - 使满分不可能或必然的目标值、得分和扣分（比率上的 ">= 0"，计数上的
    "<= -1"）；
  - 档次分值顺序颠倒，或超出财预〔2020〕10号的分档；
  - 总是通过或总是不通过的校验。

每条结果一行：文件:行:列: 级别: 说明，编辑器和 CI 能识别这种格式。取值范围
不用数据推算，报送的数字按 0 或以上看待（金额、个数、比例）。

RULESET 是规则集文件的路径或内置规则集的编号。退出状态：0 无问题，1 只有警告，
2 有错误。`,
		en: `lint checks rulesets without scoring any unit. It reports what cannot run
as errors (YAML, unknown keys, formulas that do not compile) and what runs
but is suspect as warnings:

  - indicator weights that do not sum to 100 (with the sum);
  - grades that leave totals without a grade, or can never match;
  - band rows that can never match: a condition that is never true, a row
    that earlier rows shadow (value >= 0.9 before value >= 0.95), rows after
    an always-true row, an else the rows before it cover; values no band
    row matches (scored 0);
  - inputs no indicator or check reads; indicators that read no input;
  - targets, scores and deductions that make full marks impossible or
    certain (">= 0" on a ratio, "<= -1" on a count);
  - tier points out of order or outside the bands of 财预〔2020〕10号;
  - checks that always pass or always fail.

Each finding is one line, FILE:LINE:COL: SEVERITY: MESSAGE, the form editors
and CI annotate. Ranges are worked out without data, taking reported
numbers as 0 or more (amounts, counts, shares).

RULESET is a file path or a built-in id. Exit status: 0 clean, 1 warnings
only, 2 errors.`},
	HelpLintExample: {
		zh: `  # 检查内置规则集、规则集文件
  $ jixiao lint grid-center
  $ jixiao lint rulesets/dept-2013.yaml rulesets/selfeval-2020.yaml
  # 一个有可疑之处的规则集：每条结果一行，如第 20 行第 5 列的警告：指标权重合计为 95，不是 100
  $ jixiao lint engine/testdata/lint/suspect.yaml`,
		en: `  $ jixiao lint grid-center
  $ jixiao lint rulesets/dept-2013.yaml rulesets/selfeval-2020.yaml
  $ jixiao lint engine/testdata/lint/suspect.yaml
  engine/testdata/lint/suspect.yaml:20:5: warning: indicator weights sum to 95, not 100
  ...`},

	HelpTestLong: {
		zh: `test 运行规则集的测试用例：规则集文件中的 tests: 列表，以及与它同目录的
名称.test.yaml。对每个未通过的用例，列出用例（名称、文件和行号、数据）和每一项
预期，预期值与实际值并列，覆盖总分、等级和每个指定的指标，不成立的标 ✗ 并加以
说明；最后一行汇总 "N passed, M failed"。不给参数时测试所有内置规则集；DIR
（文件夹）中查找规则集（*.yaml，不含 *.test.yaml）。

用例的 data: 与 YAML 数据文件的键读法相同：输入的编号或名称（名称可在括号中带
计量单位，如 预算（万元）），单元格按文字读（"1,234"、85%%、A、NA），以及
claimed.<编号>、claimed.score、claimed.grade 和 reason.<编号>。键不对应规则集中的
任何内容，或两个键对应同一个输入，该用例不通过。

--coverage 列出没有任何用例走到的分档行、档次和目标值分支（达到、按比例、
得零分、反向线性、反向比例）。

退出状态：0 全部通过；1 有用例未通过；2 有规则集无法载入。

带一个用例的规则集：

  id: demo
  inputs: {spent: {label: 支出}, budget: {label: 预算}}
  indicators:
    - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
  tests:
    - name: 执行一半得一半分
      data: {spent: 50, budget: 100}
      expect: {score: 50, grade: 差, points: {exec: 50}}

把用例的预期改为 score: 60 时，jixiao test 列出这个未通过的用例（名称、位置
demo.yaml:6、数据 {budget: 100, spent: 50}），逐项对比预期与实际：总分预期 60、
实际 50，标 ✗；等级（差）和 exec 的得分（50）相符；最后一行为 0 passed, 1 failed
（0 个通过，1 个未通过），退出状态为 1。`,
		en: `test runs the test cases of rulesets: the tests: list of a ruleset file, and
NAME.test.yaml beside it. For each failing case it prints the case (name,
file and line, data) and every expectation, expected against actual, for
the score, the grade and each pinned indicator, marking with ✗ those that
did not hold and explaining them; then a summary line "N passed, M failed".
With no argument it tests every built-in ruleset; a DIR is searched for
rulesets (*.yaml but not *.test.yaml).

A case's data: is read as the keys of a YAML data file are: input ids or
labels (a label may carry its unit in brackets, 预算（万元）), cells as text
("1,234", 85%%, A, NA), claimed.<id>, claimed.score, claimed.grade and
reason.<id>. A key that names nothing of the ruleset, or two keys for one
input, fails the case.

--coverage lists the band rows, tiers and target branches (met,
proportional, zero, reverse linear, reverse ratio) that no case reached.

Exit status 0 all passed; 1 a case failed; 2 a ruleset does not load.

A ruleset with one case:

  id: demo
  inputs: {spent: {label: 支出}, budget: {label: 预算}}
  indicators:
    - {id: exec, label: 预算执行率, weight: 100, value: spent / budget, target: ">= 1"}
  tests:
    - name: 执行一半得一半分
      data: {spent: 50, budget: 100}
      expect: {score: 50, grade: 差, points: {exec: 50}}

and what jixiao test prints when the case expects 60:

  FAIL demo: 执行一半得一半分 (demo.yaml:6)
    data: {budget: 100, spent: 50}
    score        want 60  got 50  ✗
    grade        want 差  got 差  ok
    points.exec  want 50  got 50  ok
  0 passed, 1 failed`},
	HelpTestExample: {
		zh: `  # 测试所有内置规则集
  $ jixiao test
  # 一个规则集，并列出没有用例走到的分档和分支
  $ jixiao test rulesets/grid-center.yaml --coverage
  # 一个文件夹里的规则集，输出 JSON；-v 通过的用例也列出
  $ jixiao test cmd/jixiao/testdata/cases/ -f json
  $ jixiao test rulesets/ -v`,
		en: `  $ jixiao test
  $ jixiao test rulesets/grid-center.yaml --coverage
  $ jixiao test cmd/jixiao/testdata/cases/ -f json
  $ jixiao test rulesets/ -v`},

	HelpGenLong: {
		zh: `gen 为任一规则集生成 N 个模拟单位：用于在采用规则集之前，在接近真实的一批单位
上试用它，也用于性能测试。

生成结果是确定的（同样的规则集、N 和种子总是得到同样的文件），并且分布得使每个
等级、分档和档次都出现：每个单位有一个绩效水平，各指标的输入用规则集自己的公式
从这个水平反推，落在目标值之下、之上或恰好达到。一小部分单元格是空白或 NA，或
带千位分隔符或计量单位；档次输入是字母，有的带比例（A:0.95）。

格式由 -o 的扩展名决定：.csv（表头为 unit、name 和各输入编号）、.jsonl（每行
{unit, name, data}）或 .xlsx（一张工作表，流式写出）。文件要么完整写出，要么不写。

加 --claims 时每个单位还带有自评（claimed.<编号>、claimed.score、claimed.grade）：
约四分之三正确，其余各有一处差错——某行向上取整（8.62 → 9）、某行虚报满分、
等级差一档、总分高于各行之和、达到目标却未给满分且没有说明——用来在一批单位上
试用 jixiao review。`,
		en: `gen writes N made-up units for any ruleset: for trying a ruleset on a
realistic population before adopting it, and for benchmarks.

The units are deterministic (the same ruleset, N and seed always give the
same file) and spread so that every grade, band and tier occurs: each unit
has a performance level and each indicator's inputs are solved from it with
the ruleset's own formulas, below, at and beyond the target. A small share of
cells is blank or NA, or carries thousands separators or the input's unit;
tier inputs are letters, some with a fraction (A:0.95).

The format follows the extension of -o: .csv (header unit, name, input ids),
.jsonl ({unit, name, data} per line) or .xlsx (one sheet, written as a
stream). The file is written whole or not at all.

With --claims each unit also carries its own self-evaluation (claimed.<id>,
claimed.score, claimed.grade): about three in four right, the rest with one
slip each — a row rounded up (8.62 → 9), a row inflated to full marks, a
grade one band off, a total above the sum of its rows, a met target scored
below full with no reason — for trying jixiao review on a population.`},
	HelpGenExample: {
		zh: `  # 默认规则集的 1000 个模拟单位，存为 CSV
  $ jixiao gen -r grid-center -n 1000 -o units.csv
  # 换一个种子，得到另一批单位；JSON Lines、Excel 工作簿
  $ jixiao gen -r dept-2013 -n 100000 --seed 7 -o dept.jsonl
  $ jixiao gen -r selfeval-2020 -n 500 -o projects.xlsx
  # 生成后直接计分；带自评分的单位用来试复核
  $ jixiao gen -r grid-center -n 1000 -o units.csv && jixiao eval -r grid-center -d units.csv
  $ jixiao gen -r grid-center -n 5000 --claims -o claimed.csv && jixiao review -r grid-center -d claimed.csv`,
		en: `  $ jixiao gen -r grid-center -n 1000 -o units.csv
  $ jixiao gen -r dept-2013 -n 100000 --seed 7 -o dept.jsonl
  $ jixiao gen -r selfeval-2020 -n 500 -o projects.xlsx
  $ jixiao gen -r grid-center -n 1000 -o units.csv && jixiao eval -r grid-center -d units.csv
  $ jixiao gen -r grid-center -n 5000 --claims -o claimed.csv && jixiao review -r grid-center -d claimed.csv`},

	HelpRulesetsLong: {
		zh: `rulesets 列出 jixiao 内置的规则集：编号、名称、指标个数和权重合计。凡是接受
-r RULESET 的命令，既可以给规则集文件的路径，也可以给这里的编号。`,
		en: `rulesets lists the rulesets built into jixiao: id, title, number of
indicators and total weight. Any command that takes -r RULESET accepts these
ids as well as file paths.`},
	HelpRulesetsExample: {
		zh: `  # 列出内置规则集，再用其中一个计分
  $ jixiao rulesets
  $ jixiao eval -r dept-2013`,
		en: `  $ jixiao rulesets
  $ jixiao eval -r dept-2013`},

	HelpIndicatorsLong: {
		zh: `indicators 列出 jixiao 自带的标准指标定义（财预〔2013〕53号的共性指标，以及
财预〔2020〕10号、财预〔2021〕101号常用的产出、效益和满意度指标），或编号、
名称、说明中含有 WORD 的指标。规则集中的指标写 use: 编号 即可引用，只写不同之处，
至少写权重，通常还有目标值。`,
		en: `indicators lists the standard indicator definitions that ship with jixiao
(财预〔2013〕53号's common indicators and the usual 财预〔2020〕10号 /
财预〔2021〕101号 output, benefit and satisfaction indicators), or those whose
id, label or note holds WORD. A ruleset indicator says use: ID and writes only
what differs, at least its weight and usually its target.`},
	HelpIndicatorsExample: {
		zh: `  # 全部指标；名称或说明含“预算”的指标；带输入和说明
  $ jixiao indicators
  $ jixiao indicators 预算
  $ jixiao indicators --long 满意度`,
		en: `  $ jixiao indicators
  $ jixiao indicators 预算
  $ jixiao indicators --long 满意度`},

	HelpMonitorLong: {
		zh: `monitor 为年度中报送的数据计分，按 --as-of 日期已过的时间比例折算目标值，
给每个指标亮绿、黄、红灯（时间过半、任务过半，财预〔2019〕136号）：时间比例 f
是该日期在一年中的第几天除以全年天数（2024-02-29 → 60/366）。正向目标的应达值
为 f × 目标值；反向目标（"<="）不折算，比较 目标值 ÷ 实际值。实际值 ≥ 应达值 ×
green（默认 1）为绿灯，≥ 应达值 × yellow（默认 0.8）为黄灯，否则为红灯；规则集的
monitor: {green, yellow} 可改这两个界限。档次输入 A 为绿灯，B 黄灯，C 红灯。分档、
扣分、直接给分、相对评价和专家评分的指标不亮灯；不适用的不亮灯；缺少数据和出错
的为红灯。单位的灯取它最差的指标。每盏灯都附说明；汇总按灯色统计单位数，并列出
最常亮红灯的指标。

输出格式（-f）：table、json、csv、md、html、xlsx（xlsx 需 -o）。csv 和 xlsx 每个
指标五列：实际、应达（都保留 4 位小数，xlsx 的实际存原数）、完成度（实际 ÷ 应达，
反向指标为 目标 ÷ 实际；csv 写作 132.59%%，xlsx 存数字、显示为百分比）、灯、说明。
对所有单位都一样的内容只在表头写一次：应达怎么来的（如“预算执行率 应达（全年目标
1 × 273/365）”）、完成度怎么算、几盏灯的界限（“灯（完成度达到 100%% 绿灯，达到
80%% 黄灯，其余红灯）”）。说明只写这些数字说不清的：缺少数据、无法计算、不适用，
按单位数据算出的目标（“全年目标 80 × 273/365”），没有完成度可比的情形（如“实际
为 0”），以及完成度四舍五入后够上了界限、实际并未够上的情形；数字已说清时说明为空。
json 和 html 的说明是完整的一句，含实际、应达、完成度和灯；table 和 md 只显示灯。
数据未通过规则集一致性校验的单位照常评分、亮灯，并在输出中标出：csv 和 xlsx 的
“未通过校验”列，table、md 和 html 的“校验”列（不符）和汇总后的“未通过的检查”，
json 的 checks；终端上另列出前 20 条。

退出状态：与 eval 相同。`,
		en: `monitor scores the data reported during the year and lights each indicator
green, yellow or red against its target pro-rated by the share of the year
elapsed at --as-of (时间过半、任务过半, 财预〔2019〕136号): the elapsed share f is
DATE's day of the year over the days of the year (2024-02-29 → 60/366).
A positive target expects f × target; a reverse target ("<=") is never
pro-rated and compares target ÷ value. Green at value ≥ expected × green
(default 1), yellow at ≥ expected × yellow (default 0.8), red otherwise;
the ruleset's monitor: {green, yellow} changes the bounds. A tier input
is green for A, yellow for B, red for C. Bands, deduct, score, relative
and panel indicators get no light; N/A gets none; missing and error are
red. A unit's light is its worst indicator's. Every light carries its
explanation; the summary counts units by light and names the indicators
most often red.

Formats (-f): table, json, csv, md, html, xlsx (xlsx needs -o). csv and
xlsx give each indicator five columns: 实际 (value) and 应达 (expected),
to 4 decimals (xlsx keeps the value itself); 完成度 (the share: value ÷
expected, target ÷ value for a reverse target; 132.59%% in csv, a number
shown as a percentage in xlsx); 灯 (light); and 说明. What is the same for
every unit is said once, in the headers: how the expected value of a
ruleset's target is reached (预算执行率 应达（全年目标 1 × 273/365）),
how the share is taken, and the bounds (灯（完成度达到 100%% 绿灯，达到
80%% 黄灯，其余红灯）). 说明 holds only what the numbers leave unsaid:
missing, error or N/A; a target worked out from the unit's data (全年目标
80 × 273/365); no share to compare (实际为 0); a share that reaches a
bound only once rounded. It is empty when the numbers say it all. The
explanations of json and html are whole, with value, expected, share and
light; table and md show the lights alone. A unit whose data fails a
consistency check of the ruleset is scored and lit all the same, and
marked: the 未通过校验 column of csv and xlsx, the 校验 column (不符) and
the list 未通过的检查 of table, md and html, json's checks; the first 20
are also warned of on the terminal.

Exit status: as eval's.`},
	HelpMonitorExample: {
		zh: `  # 9 月 30 日的监控：默认规则集的演示单位
  $ jixiao monitor --as-of 2023-09-30 -r grid-center
  # 自己的规则集和数据，存为 Excel 工作簿
  $ jixiao monitor --as-of 2023-09-30 -r ruleset.yaml -d units.csv
  $ jixiao monitor --as-of 2024-06-30 -r ruleset.yaml -d units.csv -f xlsx -o 监控.xlsx`,
		en: `  $ jixiao monitor --as-of 2023-09-30 -r ruleset.yaml -d units.csv
  $ jixiao monitor --as-of 2024-06-30 -r ruleset.yaml -d units.csv -f xlsx -o 监控.xlsx`},

	HelpServeLong: {
		zh: `serve 运行工作台：浏览器中的一个中文页面，与各命令用同一套程序库。它显示默认
规则集在演示单位上的对比表；打开数据（CSV、XLSX、JSON，可拖放）和规则集（内置
或 YAML 文件，检查结果标在对应行上）；调整权重、目标值、分档和等级界限，显示新的
总分、等级及与已保存版本相比的等级迁移；复核自评；下载各种格式的报告；并把规则集
的各个版本、数据集（按哈希）和每次运行（附来源）保存在 SQLite 数据库 --db 中。

标准输出的第一行是要打开的网址。在本机回环地址上（默认）不需要令牌；在其他地址上
每个请求都要带令牌（--token，或自动生成并写在网址中）。超过 --max-upload 字节的
上传被拒绝（413）。

页面之外，还有一个 API，返回与命令相同的内容：
  POST /api/eval     multipart ruleset, data (files), format   = jixiao eval -f json
  POST /api/diff     multipart old, new, data, format           = jixiao diff -f json
  POST /api/review   multipart ruleset, data, format            = jixiao review -f json
  POST /api/explain  multipart ruleset, data, unit, format      = jixiao explain UNIT
  POST /api/lint     multipart ruleset                          = jixiao lint，JSON 格式
规则集也可以用 ruleset_id（内置）或 ruleset_version（已保存的版本）给出，数据用
dataset（已保存数据集的哈希）给出；都不给时使用默认规则集及其演示单位。`,
		en: `serve runs the workbench, a page in the browser (in Chinese) over the same
library as the commands: it shows the default ruleset's comparison table over
its demo units; opens data (CSV, XLSX, JSON, drag and drop) and rulesets
(built-in or a YAML file, with lint messages at their lines); tunes weights,
targets, band and grade bounds and shows the new totals, grades and the grade
migration against the saved version; reviews claims; downloads every report
format; and keeps ruleset versions, datasets (by hash) and runs (with their
audit stamps) in the SQLite database --db.

The first line of standard output is the URL to open. On a loopback address
(the default) no token is needed; on any other address every request needs
the token (--token, or one generated and printed in the URL). Uploads over
--max-upload bytes are refused (413).

Beside the page, an API answers what the commands write:
  POST /api/eval     multipart ruleset, data (files), format   = jixiao eval -f json
  POST /api/diff     multipart old, new, data, format           = jixiao diff -f json
  POST /api/review   multipart ruleset, data, format            = jixiao review -f json
  POST /api/explain  multipart ruleset, data, unit, format      = jixiao explain UNIT
  POST /api/lint     multipart ruleset                          = jixiao lint, as JSON
A ruleset may be given as ruleset_id (built-in) or ruleset_version (saved),
data as dataset (the hash of a stored dataset); without them the default
ruleset and its demo units are used.`},
	HelpServeExample: {
		zh: `  # 在本机打开工作台
  $ jixiao serve
  # 让局域网内的同事访问（需要令牌），数据库另存
  $ jixiao serve --addr 0.0.0.0:8421 --db 绩效.db
  # 用 API 计分
  $ curl -F ruleset=@rules.yaml -F data=@units.csv http://127.0.0.1:8421/api/eval`,
		en: `  $ jixiao serve
  $ jixiao serve --addr 0.0.0.0:8421 --db 绩效.db
  $ curl -F ruleset=@rules.yaml -F data=@units.csv http://127.0.0.1:8421/api/eval`},

	HelpHelp:    {zh: "显示任一命令的帮助", en: "Help about any command"},
	HelpHelpUse: {zh: "help [命令]", en: "help [command]"},
	HelpHelpLong: {zh: "help 显示任一命令的帮助。\n输入 %[1]s help [命令] 查看详细说明。",
		en: "Help provides help for any command in the application.\nSimply type %[1]s help [path to command] for full details."},
	HelpCompletion: {zh: "生成命令行补全脚本（bash、zsh、fish、PowerShell）", en: "Generate the autocompletion script for the specified shell"},
	HelpCompletionLong: {zh: "为 %[1]s 生成指定 shell 的命令行补全脚本。\n脚本的用法见各子命令的帮助。\n",
		en: "Generate the autocompletion script for %[1]s for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n"},
	HelpCompletionShell: {zh: "生成 %s 的命令行补全脚本", en: "Generate the autocompletion script for %s"},
	HelpCompletionBash: {
		zh: `生成 bash 的命令行补全脚本。

脚本需要先安装“bash-completion”软件包；若尚未安装，可用操作系统的软件包管理器安装。

在当前 shell 会话中启用补全：

	source <(%[1]s completion bash)

为以后的每个会话启用补全，执行一次：

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

需要打开一个新的 shell，设置才会生效。
`,
		en: `Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(%[1]s completion bash)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

You will need to start a new shell for this setup to take effect.
`},
	HelpCompletionZsh: {
		zh: `生成 zsh 的命令行补全脚本。

若尚未启用 zsh 的补全功能，需要先启用，执行一次：

	echo "autoload -U compinit; compinit" >> ~/.zshrc

在当前 shell 会话中启用补全：

	source <(%[1]s completion zsh)

为以后的每个会话启用补全，执行一次：

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

需要打开一个新的 shell，设置才会生效。
`,
		en: `Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(%[1]s completion zsh)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

You will need to start a new shell for this setup to take effect.
`},
	HelpCompletionFish: {
		zh: `生成 fish 的命令行补全脚本。

在当前 shell 会话中启用补全：

	%[1]s completion fish | source

为以后的每个会话启用补全，执行一次：

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

需要打开一个新的 shell，设置才会生效。
`,
		en: `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	%[1]s completion fish | source

To load completions for every new session, execute once:

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

You will need to start a new shell for this setup to take effect.
`},
	HelpCompletionPwsh: {
		zh: `生成 PowerShell 的命令行补全脚本。

在当前 shell 会话中启用补全：

	%[1]s completion powershell | Out-String | Invoke-Expression

为以后的每个会话启用补全，把上面这条命令的输出加入 PowerShell 配置文件（profile）。
`,
		en: `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	%[1]s completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`},
	FlagNoDescriptions:   {zh: "补全时不显示说明", en: "disable completion descriptions"},
	HelpUnknownTopic:     {zh: "没有 %q 这个命令，无法显示帮助\n", en: "Unknown help topic %q\n"},
	HelpDefault:          {zh: "（默认 %s）", en: " (default %s)"},
	HelpFlagsPlaceholder: {zh: "[参数]", en: "[flags]"},

	HelpNeedsFile:      {zh: "（需 -o）", en: " (needs -o)"},
	HelpFormatTable:    {zh: "终端中的对比表", en: "comparison table for the terminal"},
	HelpFormatJSON:     {zh: "JSON 格式的完整结果（每个数字、状态、标记和说明），供其他程序读取", en: "full results as JSON (every number, status, flag and explanation)"},
	HelpFormatCSV:      {zh: "对比表，CSV 格式，供 Excel/WPS 打开（UTF-8 带 BOM），按输入顺序", en: "comparison table as CSV for Excel (UTF-8 with BOM), input order"},
	HelpFormatMD:       {zh: "对比表、统计和说明，Markdown 格式", en: "comparison table, statistics and explanations as Markdown"},
	HelpFormatXLSX:     {zh: "Excel 工作簿：对比、统计和未通过三张表", en: "workbook: comparison, statistics and failures sheets"},
	HelpFormatHTML:     {zh: "一张可打印的网页：表格、等级图、统计、说明", en: "one printable page: table, grade chart, statistics, explanations"},
	HelpFormatSelfeval: {zh: "工作簿，每个单位一张财预〔2020〕10号格式的自评表", en: "workbook with each unit's 自评表 in the 财预〔2020〕10号 layout"},

	FlagRuleset:      {zh: "规则集文件或内置规则集编号（默认 %s）", en: "ruleset file or built-in id (default %s)"},
	FlagRulesetTwice: {zh: "规则集文件或内置规则集编号：给两次，先旧后新", en: "ruleset file or built-in id: give it twice, old then new"},
	FlagData: {zh: "数据文件：.csv .xlsx .yaml .json .jsonl，或 - 从标准输入读 CSV（默认：规则集的演示单位）",
		en: "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the ruleset's demo units)"},
	FlagDataClaims: {zh: "带 claimed.* 字段的数据文件：.csv .xlsx .yaml .json .jsonl，或 - 从标准输入读 CSV",
		en: "data file with claimed.* fields: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin"},
	FlagDataOld: {zh: "数据文件：.csv .xlsx .yaml .json .jsonl，或 - 从标准输入读 CSV（默认：旧规则集的演示单位）",
		en: "data file: .csv .xlsx .yaml .json .jsonl, or - for CSV on stdin (default: the old ruleset's demo units)"},
	FlagFormat: {zh: "输出格式：%s", en: "output format: %s"},
	FlagOutput: {zh: "写入文件（要么完整写出，要么不写），而不是标准输出", en: "write to FILE (whole or not at all) instead of standard output"},
	FlagGroups: {zh: "只显示一级指标小计", en: "show only the 一级指标 subtotals"},
	FlagSort: {zh: "单位排序：rank、score、unit、name、grade（或 排名、总分、单位、名称、等级），指标编号或名称，或一级指标（前加 - 为降序；默认：表格按排名，json 和 selfeval 按输入顺序）",
		en: "sort units by rank, score, unit, name, grade (or 排名, 总分, 单位, 名称, 等级), an indicator id or label or a 一级指标 (prefix - for descending; default: rank for tables, input order for json and selfeval)"},
	FlagUnits:   {zh: "只保留这些单位编码（用 , ， 、 或 ； 分隔）", en: "keep only these unit ids (separated by , ， 、 or ；)"},
	FlagExplain: {zh: "附上计算说明（json、md 和 html 默认附上；--explain=false 不附）", en: "include explanations (on by default for json, md and html; --explain=false leaves them out)"},
	FlagWorkers: {zh: "同时计分的线程数（默认：每个 CPU 核一个）", en: "evaluation workers (default: one per core)"},
	FlagTolerance: {zh: "自评与计算得分之差超过此值时算作不符",
		en: "difference between claimed and computed points that counts as a finding"},
	FlagToleranceReview: {zh: "自评与规则得分相差超过这么多分时算作不符",
		en: "a claim departs when it differs from the rules by more than this many points"},
	FlagStampTime: {zh: "把这个时间（RFC 3339 格式，或 now）写入报告的来源（默认：设了 $SOURCE_DATE_EPOCH 时用它，否则不写，使报告每次字节相同）",
		en: "write this time (RFC 3339, or now) into the report's provenance (default: $SOURCE_DATE_EPOCH if set, else none, so reports are byte-identical)"},
	FlagStampTimeShort: {zh: "把这个时间（RFC 3339 格式，或 now）写入报告的来源", en: "write this time (RFC 3339, or now) into the report's provenance"},
	FlagExtract: {zh: "复核自评表时：另把读到的内容写成 CSV 数据文件（claimed.*、reason.* 列）",
		en: "with forms: also write what was read as a CSV data file (claimed.*, reason.* columns)"},
	FlagCount:     {zh: "单位个数", en: "number of units"},
	FlagSeed:      {zh: "随机种子：换一个种子得到另一批单位", en: "seed: another seed gives another population"},
	FlagGenOutput: {zh: "要写的文件：.csv、.jsonl 或 .xlsx", en: "file to write: .csv, .jsonl or .xlsx"},
	FlagClaims:    {zh: "加上自评分（复核用的数据）：多数正确，有的向上取整或虚报", en: "add claimed scores (复核 data): mostly right, some rounded up or inflated"},
	FlagLong:      {zh: "显示输入和说明", en: "show inputs and notes"},
	FlagAsOf:      {zh: "监控日期，如 2023-09-30（必填）", en: "the monitoring date, e.g. 2023-09-30 (required)"},
	FlagAddr:      {zh: "监听地址（主机:端口）；不是本机回环地址时需要令牌", en: "address to listen on (host:port); off loopback a token is required"},
	FlagToken:     {zh: "不在本机回环地址时请求须带的令牌（默认：自动生成，写在网址中）", en: "token requests must carry off loopback (default: generated and printed in the URL)"},
	FlagDB:        {zh: "保存规则集版本、数据集和运行记录的 SQLite 文件", en: "SQLite file keeping ruleset versions, datasets and runs"},
	FlagMaxUpload: {zh: "请求体的最大字节数（更大的上传返回 413）", en: "largest request body in bytes (larger uploads get 413)"},
	FlagVerbose:   {zh: "也列出通过的用例", en: "list passing cases too"},
	FlagCoverage:  {zh: "列出没有用例走到的分档、档次和目标值分支", en: "list the bands, tiers and target branches no case reached"},
	FlagSheet:     {zh: "xlsx 数据：单位所在的工作表（默认：唯一有表头行的那张）", en: "xlsx data: the sheet that holds the units (default: the one sheet with a header row)"},
	FlagHeaderRow: {zh: "xlsx 数据：表头所在的行，从 1 数起（默认：跳过标题行后，第一个含单位列和输入列的行）",
		en: "xlsx data: the row of the header, from 1 (default: the first row with the unit column and an input, past title rows)"},
	FlagXLSXMaxSize: {zh: "xlsx 数据：一个工作簿解压后各部分合计的上限（K、M、G 按 1024 进位）",
		en: "xlsx data: the most a workbook may unzip to, all its parts together (K, M, G: powers of 1024)"},
	FlagXLSXMaxPart:  {zh: "xlsx 数据：工作簿中一个部分（一张工作表）解压后的上限", en: "xlsx data: the most one part of a workbook (a sheet) may unzip to"},
	FlagXLSXMaxRatio: {zh: "xlsx 数据：一个部分解压后最多可达压缩大小的多少倍", en: "xlsx data: the most times its compressed size a part may unzip to"},
	FlagMaxField: {zh: "csv 数据：一个字段的最大长度；超过时（多了一个引号、导出损坏）停止读该文件并报出行和列",
		en: "csv data: the longest field read; a longer one (a stray quote, a broken export) stops the file with its row and column"},
	FlagCPUProfile: {zh: "把 CPU 性能剖析写入 `FILE`", en: "write a CPU profile to `FILE`"},
	FlagMemProfile: {zh: "退出时把堆内存剖析写入 `FILE`", en: "write a heap profile to `FILE` on exit"},
}
