package engine_test

import (
	"math"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/demotest"
)

// finding is the part of an engine.Finding a test pins down; msg lists
// phrases the message must hold (the claim, the rules, the why, the kind).
type finding struct {
	id, kind       string
	claimed, rules any
	noReason       bool
	msg            []string
}

// TestReviewDemo checks every finding of fixtures/review-demo.csv against
// the hand computation of fixtures/README.md ("review-demo").
//
// The base unit (R01) scores: 预算执行率 86.2 ÷ 100 = 0.862 of target 1 →
// 10 × 0.862 = 8.62; 产出完成率 98 ÷ 100 = 0.98 ≥ 0.98 → 20; 满意度 45 ÷ 50 =
// 0.9 ≥ 0.9 → 30; 服务质量 A → 20 × 0.9 = 18; 合规性 1 violation → 20 − 2 =
// 18; total 8.62 + 20 + 30 + 18 + 18 = 94.62 → 优.
func TestReviewDemo(t *testing.T) {
	_, res := demotest.ReviewDemo(t, nil)
	tests := []struct {
		unit     string
		score    float64
		grade    string
		findings []finding
		over     float64 // Claimed.Over
		implied  string  // Claimed.ImpliedGrade
		sum      float64 // *Claimed.Sum, -1 when nil
	}{
		// Claims equal the rules everywhere.
		{unit: "R01", score: 94.62, grade: "优", over: 0, implied: "优", sum: 94.62},
		// 8.62 written as 9: +0.38 on the row; rows 9+20+30+18+18 = 95 = the
		// claimed total, so no sum_mismatch; total 95 vs 94.62 → +0.38.
		{unit: "R02", score: 94.62, grade: "优", over: 0.38, implied: "优", sum: 95, findings: []finding{
			{id: "execution", kind: "claim_high", claimed: 9.0, rules: 8.62,
				msg: []string{"预算执行率（满分 10）：自评 9 分，按规则应得 8.62 分，多计 0.38 分（自评高于规则）；疑将 8.62 凑整为 9。依据：预算执行率 = 全年执行数 86.2 ÷ 全年预算数 100 = 86.20%，目标 ≥ 100.00%，未完成，按比例计分 10 × 86.20% = 8.62"}},
			{id: "score", kind: "claim_high", claimed: 95.0, rules: 94.62,
				msg: []string{"总分：自评 95 分，按规则应为 94.62 分（各指标按规则得分之和 94.62 分），多计 0.38 分（自评高于规则）"}},
		}},
		// 98 % of a 98 % target scored 19.6 instead of 20, no reason given;
		// rows sum to 94.22 = the claimed total; total 94.22 vs 94.62 → −0.4.
		{unit: "R03", score: 94.62, grade: "优", over: 0, implied: "优", sum: 94.22, findings: []finding{
			{id: "output", kind: "claim_low", claimed: 19.6, rules: 20.0, noReason: true,
				msg: []string{"产出完成率（满分 20）：自评 19.6 分，按规则应得 20 分，少计 0.4 分（自评低于规则）；目标已完成，按规则应得满分，自评却低于满分，且未说明理由（reason.output）。依据：产出完成率 = 实际完成数 98 ÷ 计划完成数 100 = 98.00%，目标 ≥ 98.00%，已达到目标，得满分 20"}},
			{id: "score", kind: "claim_low", claimed: 94.22, rules: 94.62, msg: []string{"少计 0.4 分"}},
		}},
		// Target met, scored 27 of 30 with the unit's own reason: still a
		// claim_low, the reason is quoted and NoReason stays false.
		{unit: "R04", score: 94.62, grade: "优", over: 0, implied: "优", sum: 91.62, findings: []finding{
			{id: "satisfaction", kind: "claim_low", claimed: 27.0, rules: 30.0,
				msg: []string{"少计 3 分", "单位说明：问卷样本偏少，保守计分"}},
			{id: "score", kind: "claim_low", claimed: 91.62, rules: 94.62, msg: []string{"少计 3 分"}},
		}},
		// Rows right (94.62) under a total of 100: sum_mismatch by 5.38 and
		// the total is 5.38 over the rules.
		{unit: "R05", score: 94.62, grade: "优", over: 5.38, implied: "优", sum: 94.62, findings: []finding{
			{id: "score", kind: "sum_mismatch", claimed: 100.0, rules: 94.62,
				msg: []string{"总分：自评总分 100 分，不等于各指标自评得分之和 94.62 分，相差 5.38 分（总分与各项之和不符）"}},
			{id: "score", kind: "claim_high", claimed: 100.0, rules: 94.62, msg: []string{"多计 5.38 分"}},
		}},
		// 50 ÷ 100 → 5; B → 14; 3 violations → 20 − 6 = 14; total 5 + 20 +
		// 30 + 14 + 14 = 83 → 良, claimed 优 with every figure right.
		{unit: "R06", score: 83, grade: "良", over: 0, implied: "优", sum: 83, findings: []finding{
			{id: "grade", kind: "grade_mismatch", claimed: "优", rules: "良",
				msg: []string{"等级：自评「优」，按规则总分 83 分应为「良」（等级与总分不符）；自评总分 83 分本身也应为「良」"}},
		}},
		// 8.63 vs 8.62 and 94.63 vs 94.62: differences equal to the
		// tolerance 0.01 are not findings.
		{unit: "R07", score: 94.62, grade: "优", over: 0, implied: "优", sum: 94.63},
		// 8.631 vs 8.62: 0.011 > 0.01 is a finding; rows 94.631 → 94.63 vs
		// claimed 94.62 is within the tolerance, and so is the total.
		{unit: "R08", score: 94.62, grade: "优", over: 0.01, implied: "优", sum: 94.63, findings: []finding{
			{id: "execution", kind: "claim_high", claimed: 8.631, rules: 8.62, msg: []string{"多计 0.011 分"}},
		}},
		// 满意度 不适用 (survey NA): the rules give 64.62 of 70 applicable
		// → 64.62 ÷ 70 × 100 = 92.314 → 92.31. The unit claimed 30 on the N/A
		// row: claim_high by 30. Its total 94.62 is the plain sum of its
		// rows, so no sum_mismatch; it is 2.31 above 92.31.
		{unit: "R09", score: 92.31, grade: "优", over: 30, implied: "优", sum: 92.31, findings: []finding{
			{id: "satisfaction", kind: "claim_high", claimed: 30.0, rules: 0.0,
				msg: []string{"满意度（满分 30）：自评 30 分，按规则应得 0 分，多计 30 分（自评高于规则）；该指标不适用，不应计分。依据：满意度：有效问卷数、满意问卷数 不适用"}},
			{id: "score", kind: "claim_high", claimed: 94.62, rules: 92.31,
				msg: []string{"总分：自评 94.62 分，按规则应为 92.31 分（各适用指标按规则得分之和 64.62 分，按适用分值 70 折算为百分制），多计 2.31 分（自评高于规则）"}},
		}},
		// Same data, 0 claimed on the N/A row and the total rescaled as the
		// rules do (92.31): no finding.
		{unit: "R10", score: 92.31, grade: "优", over: 0, implied: "优", sum: 92.31},
		// 计划完成数 blank → 产出完成率 missing, 0 points; total 74.62 → 中.
		// Claimed 20 on it (+20), total 94.62 (+20, and the plain sum of the
		// rows), grade 优 ≠ 中.
		{unit: "R11", score: 74.62, grade: "中", over: 20, implied: "优", sum: 94.62, findings: []finding{
			{id: "output", kind: "claim_high", claimed: 20.0, rules: 0.0,
				msg: []string{"多计 20 分", "该指标缺少数据，自评得分无据可查。依据：产出完成率：缺少 计划完成数，记 0 分（满分 20）"}},
			{id: "score", kind: "claim_high", claimed: 94.62, rules: 74.62, msg: []string{"多计 20 分"}},
			{id: "grade", kind: "grade_mismatch", claimed: "优", rules: "中", msg: []string{"应为「中」"}},
		}},
		// Claims on 2 of 5 rows (9 and 18) under a total of 95: the rows
		// are checked, the sum is not (9 + 18 ≠ 95 says nothing), the total
		// is 0.38 over. Grade implied by the claimed total 95 → 优.
		{unit: "R12", score: 94.62, grade: "优", over: 0.38, implied: "优", sum: -1, findings: []finding{
			{id: "execution", kind: "claim_high", claimed: 9.0, rules: 8.62, msg: []string{"多计 0.38 分"}},
			{id: "score", kind: "claim_high", claimed: 95.0, rules: 94.62, msg: []string{"多计 0.38 分"}},
		}},
		// Only a grade, written 良好 (read as 良) against 优.
		{unit: "R13", score: 94.62, grade: "优", over: 0, implied: "良", sum: -1, findings: []finding{
			{id: "grade", kind: "grade_mismatch", claimed: "良好", rules: "优", msg: []string{"自评「良好」（即「良」），按规则总分 94.62 分应为「优」"}},
		}},
		// Budget 0: 预算执行率 divides by zero → error, 0 points; total 86 →
		// 良. Claimed 10 (+10), total 96 (+10), grade 优 ≠ 良.
		{unit: "R14", score: 86, grade: "良", over: 10, implied: "优", sum: 96, findings: []finding{
			{id: "execution", kind: "claim_high", claimed: 10.0, rules: 0.0, msg: []string{"多计 10 分", "该指标按所报数据无法计算", "除以零"}},
			{id: "score", kind: "claim_high", claimed: 96.0, rules: 86.0, msg: []string{"多计 10 分"}},
			{id: "grade", kind: "grade_mismatch", claimed: "优", rules: "良"},
		}},
		// 25 claimed on a weight of 20 where the rules give 18: +7; rows
		// 101.62 = claimed total, +7 on the total.
		{unit: "R15", score: 94.62, grade: "优", over: 7, implied: "优", sum: 101.62, findings: []finding{
			{id: "compliance", kind: "claim_high", claimed: 25.0, rules: 18.0, msg: []string{"多计 7 分", "自评超过该指标满分 20"}},
			{id: "score", kind: "claim_high", claimed: 101.62, rules: 94.62, msg: []string{"多计 7 分"}},
		}},
	}
	byID := map[string]*engine.UnitResult{}
	for i := range res.Units {
		byID[res.Units[i].Unit] = &res.Units[i]
	}
	for _, tc := range tests {
		t.Run(tc.unit, func(t *testing.T) {
			u := byID[tc.unit]
			if u == nil || u.Failed() {
				t.Fatalf("unit %s missing or failed: %+v", tc.unit, u)
			}
			if u.Score != tc.score || u.Grade != tc.grade {
				t.Errorf("score %v %s, want %v %s", u.Score, u.Grade, tc.score, tc.grade)
			}
			if u.Claimed == nil {
				t.Fatal("no Claimed")
			}
			if u.Claimed.Over != tc.over || u.Claimed.ImpliedGrade != tc.implied {
				t.Errorf("over %v implied %q, want %v %q", u.Claimed.Over, u.Claimed.ImpliedGrade, tc.over, tc.implied)
			}
			switch {
			case tc.sum < 0 && u.Claimed.Sum != nil:
				t.Errorf("sum %v, want none (not every row claimed)", *u.Claimed.Sum)
			case tc.sum >= 0 && (u.Claimed.Sum == nil || *u.Claimed.Sum != tc.sum):
				t.Errorf("sum %v, want %v", u.Claimed.Sum, tc.sum)
			}
			checkFindings(t, u, tc.findings)
		})
	}
	if u := byID["R16"]; u.Claimed != nil || len(u.Review) != 0 {
		t.Errorf("R16 has no claims, got %+v %v", u.Claimed, u.Review)
	}
	if u := byID["R17"]; !u.Failed() || u.Claimed != nil {
		t.Errorf("R17 has a bad cell and must fail without review, got %+v", u)
	}
}

func checkFindings(t *testing.T, u *engine.UnitResult, want []finding) {
	t.Helper()
	if len(u.Review) != len(want) {
		for _, f := range u.Review {
			t.Logf("got %s %s %v %v %s", f.ID, f.Kind, f.Claimed, f.Rules, f.Message)
		}
		t.Fatalf("%d findings, want %d", len(u.Review), len(want))
	}
	for i, w := range want {
		f := u.Review[i]
		if f.ID != w.id || f.Kind != w.kind || f.Claimed != w.claimed || f.Rules != w.rules || f.NoReason != w.noReason {
			t.Errorf("finding %d: %s %s claimed %v rules %v noReason %v, want %s %s %v %v %v",
				i, f.ID, f.Kind, f.Claimed, f.Rules, f.NoReason, w.id, w.kind, w.claimed, w.rules, w.noReason)
		}
		for _, m := range w.msg {
			if !strings.Contains(f.Message, m) {
				t.Errorf("finding %d message\n  %s\nlacks\n  %s", i, f.Message, m)
			}
		}
	}
	// The indicator flags say the same as the indicator findings.
	flagged := map[string]string{}
	for _, f := range u.Review {
		if f.ID != engine.FindingScore && f.ID != engine.FindingGrade {
			flagged[f.ID] = f.Kind
		}
	}
	for _, ir := range u.Indicators {
		var got string
		for _, fl := range ir.Flags {
			if fl == indicators.FlagClaimHigh || fl == indicators.FlagClaimLow {
				got = fl
			}
		}
		if got != flagged[ir.ID] {
			t.Errorf("%s: flag %q, finding %q", ir.ID, got, flagged[ir.ID])
		}
	}
}

// TestReviewTolerance pins the tolerance: a difference greater than the
// tolerance is a finding, an equal one is not. The demo's base unit scores
// 预算执行率 8.62 and a total of 94.62.
func TestReviewTolerance(t *testing.T) {
	tests := []struct {
		name      string
		tolerance float64
		execution float64 // claimed.execution
		score     float64 // claimed.score, 0 for none
		want      string  // kinds of the findings, space-separated
	}{
		{"equal to 0.01 above", 0.01, 8.63, 0, ""},        // 8.63 − 8.62 = 0.01
		{"equal to 0.01 below", 0.01, 8.61, 0, ""},        // 8.62 − 8.61 = 0.01
		{"just above 0.01", 0.01, 8.631, 0, "claim_high"}, // 0.011 > 0.01
		{"just below −0.01", 0.01, 8.609, 0, "claim_low"}, // 0.011 > 0.01
		{"total equal to tolerance", 0.01, 8.62, 94.63, ""},
		{"total just above", 0.01, 8.62, 94.64, "claim_high"}, // 0.02; rows 94.62 vs 94.64 is a sum_mismatch only when every row is claimed
		{"zero tolerance, same", 0, 8.62, 0, ""},
		{"zero tolerance, a cent", 0, 8.63, 0, "claim_high"},
		{"wide tolerance hides rounding", 0.5, 9, 95, ""},                    // 0.38 ≤ 0.5
		{"wide tolerance, equal", 0.5, 9.12, 0, ""},                          // 9.12 − 8.62 = 0.5
		{"wide tolerance, above", 0.5, 9.13, 95.13, "claim_high claim_high"}, // 0.51 and 0.51
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := engine.Options{Tolerance: tc.tolerance}
			if tc.tolerance == 0 {
				o.Tolerance = -1 // none: Options' 0 is the default
			}
			prog, _ := demotest.ReviewDemo(t, &o)
			u := demoUnit(t, prog)
			u.Claims = map[string]float64{"execution": tc.execution}
			if tc.score != 0 {
				u.Claims["score"] = tc.score
			}
			r := prog.EvalUnit(&u)
			var kinds []string
			for _, f := range r.Review {
				kinds = append(kinds, f.Kind)
			}
			if got := strings.Join(kinds, " "); got != tc.want {
				t.Errorf("findings %q, want %q (%v)", got, tc.want, r.Review)
			}
		})
	}
	if _, err := engine.Compile(&indicators.Ruleset{ID: "x"}, &engine.Options{Tolerance: math.NaN()}); err == nil {
		t.Error("a tolerance that is not a number must be refused")
	}
}

// demoUnit returns the base unit of the review demo (R01's data) without
// claims.
func demoUnit(t *testing.T, prog *engine.Program) indicators.Unit {
	t.Helper()
	rs := prog.Ruleset()
	u := indicators.Unit{ID: "T", Values: make([]indicators.Value, len(rs.Inputs))}
	for id, v := range map[string]float64{"budget": 100, "spent": 86.2, "planned": 100, "done": 98,
		"survey_n": 50, "survey_ok": 45, "violations": 1} {
		u.Values[rs.InputIndex(id)] = indicators.NumberValue(v)
	}
	u.Values[rs.InputIndex("quality_tier")] = indicators.Value{Kind: indicators.Tier, Tier: 'A'}
	return u
}

// TestReviewGradeLabels: claimed grades are read as the ruleset's labels
// where they name one (优秀 → 优); anything else departs from every grade.
func TestReviewGradeLabels(t *testing.T) {
	prog, _ := demotest.ReviewDemo(t, nil)
	tests := []struct {
		claimed string
		implied string
		finding bool // the base unit is 优
		msg     string
	}{
		{"优", "优", false, ""},
		{" 优 ", "优", false, ""},
		{"优秀", "优", false, ""},
		{"良好", "良", true, "自评「良好」（即「良」）"},
		{"中等", "中", true, "（即「中」）"},
		{"A", "A", true, "「A」不是本规则集的等级（优、良、中、差）"},
	}
	for _, tc := range tests {
		t.Run(tc.claimed, func(t *testing.T) {
			u := demoUnit(t, prog)
			u.ClaimedGrade = tc.claimed
			r := prog.EvalUnit(&u)
			if r.Claimed == nil || r.Claimed.ImpliedGrade != tc.implied {
				t.Fatalf("claimed %+v, want implied grade %q", r.Claimed, tc.implied)
			}
			if got := len(r.Review) == 1; got != tc.finding {
				t.Fatalf("findings %v, want one: %v", r.Review, tc.finding)
			}
			if tc.finding && !strings.Contains(r.Review[0].Message, tc.msg) {
				t.Errorf("message %q lacks %q", r.Review[0].Message, tc.msg)
			}
			if r.GradeChanged() != tc.finding {
				t.Errorf("GradeChanged %v, want %v", r.GradeChanged(), tc.finding)
			}
		})
	}
}

// TestReviewExplainOff: findings quote the explanation even when
// explanations are off, and only the flagged indicators pay for it.
func TestReviewExplainOff(t *testing.T) {
	prog, _ := demotest.ReviewDemo(t, &engine.Options{Explain: false})
	u := demoUnit(t, prog)
	u.Claims = map[string]float64{"execution": 9, "output": 20}
	r := prog.EvalUnit(&u)
	if len(r.Review) != 1 || !strings.Contains(r.Review[0].Message, "依据：预算执行率 = 全年执行数 86.2 ÷ 全年预算数 100") {
		t.Fatalf("review %+v", r.Review)
	}
	for _, ir := range r.Indicators {
		if ir.ID != "execution" && ir.Explain != "" {
			t.Errorf("%s explained with explanations off: %q", ir.ID, ir.Explain)
		}
	}
}
