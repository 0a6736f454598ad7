package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// ExplainFormats lists the formats of a unit's derivation (jixiao
// explain); the first is the default. Each writes with its Derivation.
func ExplainFormats() Registry {
	return Registry{
		{Name: "text", Desc: "for the terminal or paper", Derivation: func(w io.Writer, d Derivation) error { return explainIn(w, &explainText{}, d) }},
		{Name: "md", Desc: "Markdown", Derivation: func(w io.Writer, d Derivation) error { return explainIn(w, &explainMD{}, d) }},
	}
}

// Derivation is everything the derivation of one unit shows.
type Derivation struct {
	Meta Meta
	Unit *engine.UnitResult // scored with engine.Explain and engine.Trace
	// Ranked is how many units were ranked with it (rank 3 of Ranked);
	// 0 leaves the rank out.
	Ranked int
}

// Explain writes the whole derivation of one unit: for every indicator
// its formulas with the unit's numbers and every intermediate value of the
// branch taken (engine.Step), the target or band that applied and the
// points; the 一级 and 二级 subtotals; the total, the grade and the rank;
// failed checks with their numbers; and the unit's claims (复核). The text
// format reads on a terminal and prints on paper; md is Markdown.
func Explain(w io.Writer, format string, d Derivation) error {
	if format == "" {
		format = ExplainFormats().Names()[0]
	}
	f, err := ExplainFormats().Lookup(format)
	if err != nil {
		return err
	}
	return f.Derivation(w, d)
}

func explainIn(w io.Writer, sink explainSink, d Derivation) error {
	writeDerivation(sink, d)
	_, err := io.WriteString(w, sink.String())
	return err
}

// explainSink lays out a derivation in one format.
type explainSink interface {
	heading(level int, text string)
	field(key, value string)
	steps(steps []engine.Step)
	para(text string)
	String() string
}

func writeDerivation(s explainSink, d Derivation) {
	u, m := d.Unit, d.Meta
	name := strings.TrimSpace(u.Unit + " " + u.Name)
	s.heading(1, "得分推导："+name)
	title := strings.TrimSpace(strings.Join([]string{m.Ruleset.ID, m.Ruleset.Version, m.Ruleset.Title}, " "))
	s.field("规则集", title)
	s.field("sha256", m.Ruleset.SHA256)
	if m.Data != nil {
		s.field("数据", strings.Join(m.Data.Files, ", "))
		s.field("sha256", m.Data.SHA256)
	}
	if u.Failed() {
		s.heading(2, "未能评分")
		for _, e := range u.Errors {
			s.para(e.Error())
		}
		return
	}
	summary := fmt.Sprintf("总分 %s，等级 %s", Num(u.Score), u.Grade)
	if d.Ranked > 0 {
		summary += fmt.Sprintf("，排名 %d / %d", u.Rank, d.Ranked)
	}
	s.field("结果", summary)
	for _, g := range subgroups(m.Indicators) {
		s.heading(2, fmt.Sprintf("一级指标 %s（分值 %s，得分 %s）", g.Name, Num(g.Weight), Num(subtotal(u, g.Members))))
		for _, sub := range g.subs {
			if sub.Name != "" {
				s.heading(3, fmt.Sprintf("二级指标 %s（分值 %s，得分 %s）", sub.Name, Num(sub.Weight), Num(subtotal(u, sub.Members))))
			}
			for _, i := range sub.Members {
				if i < len(u.Indicators) {
					writeIndicator(s, &u.Indicators[i])
				}
			}
		}
	}
	writeTotal(s, d)
	writeChecks(s, u)
	writeReview(s, u)
}

func writeIndicator(s explainSink, ir *engine.IndicatorResult) {
	pts := "得分 " + Num(ir.Points)
	if ir.Status == indicators.StatusNA {
		pts = "不适用"
	}
	s.heading(4, fmt.Sprintf("%s（%s）分值 %s，%s", ir.Label, ir.ID, Num(ir.Weight), pts))
	switch ir.Status {
	case indicators.StatusNA:
		s.field("状态", "不适用（"+strings.Join(ir.NA, "、")+"），不计分，总分按适用指标折算")
	case indicators.StatusMissing:
		s.field("状态", "数据缺失（"+strings.Join(ir.Missing, "、")+"），记 0 分")
	case indicators.StatusError:
		s.field("状态", "无法计算，记 0 分")
	}
	s.steps(ir.Steps)
	if ir.Claimed != nil {
		s.field("自评得分", Num(*ir.Claimed))
	}
	if len(ir.Flags) > 0 {
		s.field("标记", strings.Join(mapStrings(ir.Flags, flagText), "；"))
	}
	if ir.Explain != "" {
		s.field("说明", ir.Explain)
	}
}

func writeTotal(s explainSink, d Derivation) {
	u := d.Unit
	var sum, weights float64
	na := false
	for _, ir := range u.Indicators {
		if ir.Status == indicators.StatusNA {
			na = true
			continue
		}
		sum += ir.Points
		weights += ir.Weight
	}
	s.heading(2, "总分与等级")
	if na {
		s.field("总分", fmt.Sprintf("适用指标得分合计 %s ÷ 适用分值 %s × 100 = %s（有不适用指标，按百分制折算）", Num(indicators.Round2(sum)), Num(weights), Num(u.Score)))
	} else {
		s.field("总分", fmt.Sprintf("各指标得分之和 = %s", Num(u.Score)))
	}
	grade := u.Grade
	for _, g := range d.Meta.Grades {
		if g.Label == u.Grade {
			grade = fmt.Sprintf("%s（总分 %s ≥ %s）", g.Label, Num(u.Score), Num(g.Min))
			break
		}
	}
	s.field("等级", grade)
	if d.Ranked > 0 {
		s.field("排名", fmt.Sprintf("%d / %d（并列同名次，其后名次顺延）", u.Rank, d.Ranked))
	}
}

func writeChecks(s explainSink, u *engine.UnitResult) {
	failed := false
	for _, c := range u.Checks {
		if !c.OK && !c.Skipped {
			failed = true
		}
	}
	if !failed {
		return
	}
	s.heading(2, "未通过的检查")
	for _, c := range u.Checks {
		if c.OK || c.Skipped {
			continue
		}
		s.heading(4, c.ID)
		s.field("说明", c.Message)
		s.steps(c.Steps)
	}
}

func writeReview(s explainSink, u *engine.UnitResult) {
	if u.Claimed == nil && len(u.Review) == 0 {
		return
	}
	s.heading(2, "复核（单位自评）")
	if c := u.Claimed; c != nil {
		if c.Score != nil {
			s.field("自评总分", Num(*c.Score))
		}
		if c.Grade != "" {
			s.field("自评等级", c.Grade)
		}
	}
	if len(u.Review) == 0 {
		s.para("自评与规则计算一致。")
	}
	for _, f := range u.Review {
		s.field(findingText(f.Kind), f.Message)
	}
}

// findingText names a review finding's kind.
func findingText(kind string) string {
	switch kind {
	case engine.FindClaimHigh:
		return "多计"
	case engine.FindClaimLow:
		return "少计"
	case engine.FindSumMismatch:
		return "合计不符"
	case engine.FindGradeMismatch:
		return "等级不符"
	}
	return kind
}

// flagText says what an indicator flag means.
func flagText(f string) string {
	switch f {
	case indicators.FlagOvershoot:
		return "超过目标 20% 以上，需说明偏离原因（偏离度）"
	case indicators.FlagClaimHigh:
		return "自评得分高于规则得分"
	case indicators.FlagClaimLow:
		return "自评得分低于规则得分"
	}
	return f
}

// stepLabel says in words what a step's part is.
func stepLabel(part string) string {
	switch part {
	case "value":
		return "值"
	case "target":
		return "目标"
	case "else":
		return "其余情形比例"
	case "count":
		return "扣分次数"
	case "score":
		return "得分公式"
	case "tier":
		return "评价档次"
	case "rule":
		return "计分规则"
	case "points":
		return "得分"
	case "assert":
		return "检查条件"
	}
	var n int
	if _, err := fmt.Sscanf(part, "band %d when", &n); err == nil && strings.HasSuffix(part, "when") {
		return fmt.Sprintf("第%d档条件", n)
	}
	if _, err := fmt.Sscanf(part, "band %d score", &n); err == nil {
		return fmt.Sprintf("第%d档比例", n)
	}
	return part
}

// stepLines returns what a step shows: the expression, then "= substituted"
// and "= value" where they add something (an input's substitution,
// "全年预算数 256.14", already shows its value).
func stepLines(st engine.Step) []string {
	lines := []string{st.Expr}
	subst := st.Subst != "" && st.Subst != st.Expr && st.Subst != st.Value
	if subst {
		lines = append(lines, "= "+st.Subst)
	}
	input := !strings.Contains(st.Expr, " ") && strings.HasSuffix(st.Subst, " "+st.Value)
	if st.Value != st.Expr && !input {
		lines = append(lines, "= "+st.Value)
	}
	return lines
}

// stepLineWidth is how wide a step may print on one line before its parts
// go one under the other.
const stepLineWidth = 96

// subgroup is a 一级指标 with its 二级 groups in order of first appearance;
// indicators with no 二级 form a subgroup with an empty name.
type subgroup struct {
	Group
	subs []Group
}

func subgroups(inds []indicators.Indicator) []subgroup {
	var out []subgroup
	for _, g := range Groups(inds) {
		sg := subgroup{Group: g}
		at := map[string]int{}
		for _, i := range g.Members {
			name := ""
			if len(inds[i].Group) > 1 {
				name = inds[i].Group[1]
			}
			k, ok := at[name]
			if !ok {
				k = len(sg.subs)
				at[name] = k
				sg.subs = append(sg.subs, Group{Name: name})
			}
			sg.subs[k].Weight += inds[i].Weight
			sg.subs[k].Members = append(sg.subs[k].Members, i)
		}
		out = append(out, sg)
	}
	return out
}

func subtotal(u *engine.UnitResult, members []int) float64 {
	return Subtotal(u, Group{Members: members})
}

// explainText lays a derivation out for a terminal or paper: headings
// indented by level, fields as "key  value", steps one per line.
type explainText struct {
	b     strings.Builder
	level int
}

func (t *explainText) indent() string {
	return strings.Repeat("  ", max(0, t.level-1))
}

func (t *explainText) heading(level int, text string) {
	switch level {
	case 1:
		t.b.WriteString(text + "\n")
	case 2:
		t.b.WriteString("\n" + text + "\n")
	default:
		t.b.WriteString(strings.Repeat("  ", level-2) + text + "\n")
	}
	t.level = level
}

// explainKeyWidth is the width of the key column of the text format.
const explainKeyWidth = 12

func (t *explainText) field(key, value string) {
	t.b.WriteString(t.indent() + padWidth(key, explainKeyWidth) + "  " + value + "\n")
}

func (t *explainText) steps(steps []engine.Step) {
	prev := ""
	for _, st := range steps {
		label := ""
		if st.Part != prev {
			label = stepLabel(st.Part)
		}
		prev = st.Part
		lines := stepLines(st)
		if one := strings.Join(lines, " "); displayWidth(one) <= stepLineWidth {
			lines = []string{one}
		}
		for i, line := range lines {
			if i > 0 {
				label = ""
			}
			t.b.WriteString(t.indent() + padWidth(label, explainKeyWidth) + "  " + line + "\n")
		}
	}
}

func (t *explainText) para(text string) {
	for _, line := range strings.Split(text, "\n") {
		t.b.WriteString(t.indent() + line + "\n")
	}
}

func (t *explainText) String() string { return t.b.String() }

// explainMD lays a derivation out as Markdown: headings, a field list, a
// table of steps.
type explainMD struct{ b strings.Builder }

func (m *explainMD) heading(level int, text string) {
	m.b.WriteString("\n" + strings.Repeat("#", level) + " " + text + "\n\n")
}

func (m *explainMD) field(key, value string) {
	m.b.WriteString("- **" + key + "**：" + explainMDEscape(value) + "\n")
}

func (m *explainMD) steps(steps []engine.Step) {
	if len(steps) == 0 {
		return
	}
	m.b.WriteString("\n| 步骤 | 公式 | 代入 | 结果 |\n|---|---|---|---|\n")
	for _, st := range steps {
		subst := st.Subst
		if subst == st.Expr || subst == st.Value {
			subst = ""
		}
		fmt.Fprintf(&m.b, "| %s | %s | %s | %s |\n", stepLabel(st.Part), explainMDEscape(st.Expr), explainMDEscape(subst), explainMDEscape(st.Value))
	}
	m.b.WriteString("\n")
}

func (m *explainMD) para(text string) {
	m.b.WriteString("\n```\n" + text + "\n```\n\n")
}

func (m *explainMD) String() string {
	s := strings.TrimLeft(m.b.String(), "\n")
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

// explainMDEscape keeps text inside one table cell or list item.
func explainMDEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`).Replace(s)
}
