package engine_test

import (
	"testing"

	"github.com/jixiao/jixiao/indicators"
)

// This file is the yardstick of the scoring target: the grid-center
// ruleset written out by hand in plain Go, as a programmer would without
// a rules engine — inputs at fixed places, one function, the scoring
// arithmetic of package indicators (ScoreTarget, Points, Round2). It
// computes what a result must hold for each unit (every indicator's
// points, status and overshoot flag, the checks, the rescaled total and
// the grade), and TestHandwrittenGridCenter holds it to the engine on
// generated units, so the benchmark compares equal work.

// gridIdx holds the input indexes of grid-center, looked up once.
type gridIdx struct {
	budget, spent, expBasic, expProject, expPersonnel, expPublic, shareStated, staff            int
	gfmDeclared, gfmVerified, baseChecked, flagged, trainings, submitted, published             int
	received, closedOnTime, coop, workersStart, workersLeft, surveyValid, surveySatisfied       int
	workerSurveyed, workerSatisfied, tClearance, tUpdate, tSupport, tAdjust, tReuse, tIncentive int
}

func newGridIdx(rs *indicators.Ruleset) *gridIdx {
	i := rs.InputIndex
	return &gridIdx{i("budget"), i("spent"), i("exp_basic"), i("exp_project"), i("exp_personnel"), i("exp_public"),
		i("project_share_stated"), i("staff_in_post"), i("gfm_declared"), i("gfm_verified"), i("base_info_checked"),
		i("incomplete_flagged"), i("training_sessions"), i("articles_submitted"), i("articles_published"),
		i("events_received"), i("events_closed_on_time"), i("coop_cases"), i("workers_start"), i("workers_left"),
		i("survey_valid"), i("survey_satisfied"), i("worker_surveyed"), i("worker_satisfied"), i("gfm_clearance_tier"),
		i("data_update_tier"), i("data_support_tier"), i("grid_adjust_tier"), i("data_reuse_tier"), i("incentive_tier")}
}

// Indicator statuses of the hand-written scorer.
const (
	hwOK = iota
	hwMissing
	hwNA
	hwError
)

type hwIndicator struct {
	points    float64
	status    uint8
	overshoot bool
}

type hwResult struct {
	inds   [21]hwIndicator
	checks [11]bool // false: failed (skipped checks pass)
	score  float64
	grade  string
	failed bool
}

// status is the status an indicator reading the given inputs gets.
func status(u *indicators.Unit, ins ...int) uint8 {
	st := uint8(hwOK)
	for _, i := range ins {
		switch u.Values[i].Kind {
		case indicators.NA:
			return hwNA
		case indicators.Missing:
			st = hwMissing
		}
	}
	return st
}

func num(u *indicators.Unit, i int) float64 { return u.Values[i].Num }

// target scores value against a target, or records the status.
func target(r *hwIndicator, st uint8, op string, value, t, w float64) {
	r.status, r.points, r.overshoot = st, 0, false
	if st != hwOK {
		return
	}
	if !indicators.Finite(value) {
		r.status = hwError
		return
	}
	raw, _ := indicators.ScoreTarget(op, indicators.ReverseLinear, value, t, w)
	r.points = indicators.Points(raw, w)
	r.overshoot = indicators.Overshoot(op, value, t)
}

func tier(r *hwIndicator, u *indicators.Unit, i int, w float64) {
	r.status, r.points, r.overshoot = status(u, i), 0, false
	if r.status == hwOK {
		r.points = indicators.Points(indicators.ScoreTier(u.Values[i], indicators.DefaultTiers(), w), w)
	}
}

// check is a consistency check: skipped (passing) when an input is
// missing or N/A.
func check(u *indicators.Unit, ok bool, ins ...int) bool {
	return status(u, ins...) != hwOK || ok
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// scoreGrid scores one unit of grid-center by hand.
func scoreGrid(x *gridIdx, u *indicators.Unit, r *hwResult) {
	r.failed = len(u.Errors) > 0
	if r.failed {
		return
	}
	in := r.inds[:]
	n := func(i int) float64 { return num(u, i) }
	target(&in[0], status(u, x.spent, x.budget), ">=", n(x.spent)/n(x.budget), 1, 10)
	target(&in[1], status(u, x.baseChecked), ">=", n(x.baseChecked), 10000, 5)
	target(&in[2], status(u, x.flagged), ">=", n(x.flagged), 2500, 3)
	target(&in[3], status(u, x.trainings), ">=", n(x.trainings), 2, 3)
	target(&in[4], status(u, x.published), ">=", n(x.published), 5, 3)
	target(&in[5], status(u, x.gfmVerified, x.gfmDeclared), ">=", n(x.gfmVerified)/n(x.gfmDeclared), 1, 8)
	target(&in[6], status(u, x.published, x.submitted), ">=", n(x.published)/n(x.submitted), 0.8, 3)
	target(&in[7], status(u, x.closedOnTime, x.received), ">=", n(x.closedOnTime)/n(x.received), 0.95, 5)
	tier(&in[8], u, x.tClearance, 4)
	tier(&in[9], u, x.tUpdate, 4)
	target(&in[10], status(u, x.expPublic, x.spent), "<=", n(x.expPublic)/n(x.spent), 0.1, 4)
	target(&in[11], status(u, x.expPublic, x.staff), "<=", n(x.expPublic)/n(x.staff), 1.5, 4)
	target(&in[12], status(u, x.expProject, x.spent), ">=", n(x.expProject)/n(x.spent), 0.35, 4)
	tier(&in[13], u, x.tSupport, 6)
	tier(&in[14], u, x.tAdjust, 4)
	tier(&in[15], u, x.tReuse, 5)
	target(&in[16], status(u, x.coop), ">=", n(x.coop), 6, 5)
	tier(&in[17], u, x.tIncentive, 5)
	target(&in[18], status(u, x.workersLeft, x.workersStart), ">=", 1-n(x.workersLeft)/n(x.workersStart), 0.9, 5)
	target(&in[19], status(u, x.surveySatisfied, x.surveyValid), ">=", n(x.surveySatisfied)/n(x.surveyValid), 0.9, 5)
	target(&in[20], status(u, x.workerSatisfied, x.workerSurveyed), ">=", n(x.workerSatisfied)/n(x.workerSurveyed), 0.9, 5)
	var sum, applicable float64
	weights := [21]float64{10, 5, 3, 3, 3, 8, 3, 5, 4, 4, 4, 4, 4, 6, 4, 5, 5, 5, 5, 5, 5}
	anyNA := false
	for k := range in {
		if in[k].status == hwNA {
			anyNA = true
			continue
		}
		sum += in[k].points
		applicable += weights[k]
	}
	switch {
	case !anyNA:
		r.score = indicators.Round2(sum)
	case applicable > 0:
		r.score = indicators.Round2(sum / applicable * 100)
	default:
		r.failed = true
		return
	}
	switch {
	case r.score >= 90:
		r.grade = "优"
	case r.score >= 80:
		r.grade = "良"
	case r.score >= 60:
		r.grade = "中"
	default:
		r.grade = "差"
	}
	c := r.checks[:]
	c[0] = check(u, n(x.spent) <= n(x.budget), x.spent, x.budget)
	c[1] = check(u, abs(n(x.expProject)+n(x.expBasic)-n(x.spent)) < 0.005, x.expProject, x.expBasic, x.spent)
	c[2] = check(u, abs(n(x.expPersonnel)+n(x.expPublic)-n(x.expBasic)) < 0.005, x.expPersonnel, x.expPublic, x.expBasic)
	c[3] = check(u, abs(n(x.shareStated)-n(x.expProject)/n(x.spent)*100) < 0.005, x.shareStated, x.expProject, x.spent)
	c[4] = check(u, n(x.gfmVerified) <= n(x.gfmDeclared), x.gfmVerified, x.gfmDeclared)
	c[5] = check(u, n(x.flagged) <= n(x.baseChecked), x.flagged, x.baseChecked)
	c[6] = check(u, n(x.published) <= n(x.submitted), x.published, x.submitted)
	c[7] = check(u, n(x.closedOnTime) <= n(x.received), x.closedOnTime, x.received)
	c[8] = check(u, n(x.workersLeft) <= n(x.workersStart), x.workersLeft, x.workersStart)
	c[9] = check(u, n(x.surveySatisfied) <= n(x.surveyValid), x.surveySatisfied, x.surveyValid)
	c[10] = check(u, n(x.workerSatisfied) <= n(x.workerSurveyed), x.workerSatisfied, x.workerSurveyed)
}

// TestHandwrittenGridCenter holds the hand-written scorer to the engine,
// so that BenchmarkScore compares two programs that compute the same.
func TestHandwrittenGridCenter(t *testing.T) {
	prog, units := genUnits(t, "grid-center", 20000, nil)
	if n := len(prog.Ruleset().Indicators); n != 21 {
		t.Fatalf("grid-center has %d indicators; the hand-written scorer knows 21", n)
	}
	x := newGridIdx(prog.Ruleset())
	ev := prog.NewEvaluator()
	var hw hwResult
	statuses := map[string]uint8{indicators.StatusOK: hwOK, indicators.StatusMissing: hwMissing, indicators.StatusNA: hwNA, indicators.StatusError: hwError}
	for i := range units {
		u := &units[i]
		got := ev.Eval(u)
		scoreGrid(x, u, &hw)
		if got.Failed() != hw.failed {
			t.Fatalf("%s: engine failed %v, hand-written %v", u.ID, got.Failed(), hw.failed)
		}
		if hw.failed {
			continue
		}
		if got.Score != hw.score || got.Grade != hw.grade {
			t.Fatalf("%s: engine %v %s, hand-written %v %s", u.ID, got.Score, got.Grade, hw.score, hw.grade)
		}
		for k := range got.Indicators {
			ir := &got.Indicators[k]
			h := hw.inds[k]
			over := len(ir.Flags) > 0 && ir.Flags[0] == indicators.FlagOvershoot
			if ir.Points != h.points || statuses[ir.Status] != h.status || over != h.overshoot {
				t.Fatalf("%s.%s: engine %v %s %v, hand-written %v %d %v", u.ID, ir.ID, ir.Points, ir.Status, ir.Flags, h.points, h.status, h.overshoot)
			}
		}
		for k, c := range got.Checks {
			if ok := c.OK || c.Skipped; ok != hw.checks[k] {
				t.Fatalf("%s: check %s: engine %v, hand-written %v", u.ID, c.ID, ok, hw.checks[k])
			}
		}
	}
}
