// Package forms reads the self-evaluation forms (项目支出绩效自评表,
// 部门整体支出绩效自评表) that budget units submit as workbooks, in the
// three shapes bureaus meet: the 财预〔2020〕10号 form (title, 资金 block,
// indicator table with merged 一级/二级 labels, 总分, 自评等级), the flat
// export of a budget-management system (one header row, one row per
// indicator, many units), and the mangled copies units make of both (an
// empty first row, a 填表说明 sheet first, numbers stored as text, a
// percent stored as 0.98 with a percent format, a 填表人 line).
//
// Parts of a form are found by their header words, never by fixed cell
// addresses. Every value read keeps its provenance (file!sheet!cell), and
// a row that cannot be read is kept with its cell and why, never dropped.
//
// Review then scores every row from the form's own numbers by the rules of
// 财预〔2020〕10号 (the arithmetic of package indicators) and lists where the
// form departs from them or from itself: claimed points above or below the
// rules (claim_high, claim_low), a 总分 that is not the sum of its rows
// (sum_mismatch), a 资金 block whose amounts, 执行率 or 得分 contradict each
// other (fund_mismatch, rate_mismatch), 分值 that do not add up
// (weight_mismatch), a 自评等级 that is not the total's (grade_mismatch) and
// rows it could not read (unreadable).
package forms
