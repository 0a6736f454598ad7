package workbench

import (
	"errors"
	"math"
	"slices"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/indicators"
)

// view is what the page draws: the ruleset's text and lint, the comparison
// table of every unit in compact rows, the grade distribution, and the
// comparison with the saved version. A failure (a ruleset or data file that
// cannot be read) comes as Error, with the text and lint still there for
// the editor.
type view struct {
	YAML    string      `json:"yaml"`
	Lint    []Issue     `json:"lint"`
	Error   *apiError   `json:"error,omitempty"`
	Ruleset *rulesetRef `json:"ruleset,omitempty"`
	Data    *dataRef    `json:"data,omitempty"`
	Columns []column    `json:"columns,omitempty"`
	Grades  []gradeView `json:"grades,omitempty"`
	// Units is one page of the table (Page says which, sorted and
	// filtered as asked): 100,000 rows would be some 30 MB to send.
	Units    []unitRow `json:"units,omitempty"`
	Total    int       `json:"total"`   // units scored
	Matched  int       `json:"matched"` // units the filter keeps
	Offset   int       `json:"offset"`  // of Units[0] among them
	Warnings []string  `json:"warnings,omitempty"`
	Diff     *diffView `json:"diff,omitempty"`
	Millis   int64     `json:"ms"`
}

type dataRef struct {
	Files  []string `json:"files"`
	SHA256 string   `json:"sha256"`
}

type rulesetRef struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Version string `json:"version"`
}

type column struct {
	ID     string   `json:"id"`
	Label  string   `json:"label"`
	Group  []string `json:"group"`
	Weight float64  `json:"weight"`
	Target string   `json:"target,omitempty"`
	Form   string   `json:"form,omitempty"`
	Bands  []band   `json:"bands,omitempty"`
}

type band struct {
	When  string `json:"when,omitempty"`
	Score string `json:"score"`
	Else  bool   `json:"else,omitempty"`
}

type gradeView struct {
	Label string  `json:"label"`
	Min   float64 `json:"min"`
	Units int     `json:"units"`
}

// unitRow is one unit of the table, in short keys: 100,000 of them travel
// to the page.
type unitRow struct {
	Unit   string     `json:"u"`
	Name   string     `json:"n"`
	Score  float64    `json:"s"`
	Grade  string     `json:"g"`
	Rank   int        `json:"r"`
	Points []*float64 `json:"p"` // nil where 不适用
	Error  string     `json:"e,omitempty"`
	Checks int        `json:"c,omitempty"`
	// Against the saved version: its score and grade, and the change.
	OldScore *float64 `json:"os,omitempty"`
	OldGrade string   `json:"og,omitempty"`
	Delta    *float64 `json:"d,omitempty"`
}

type diffView struct {
	Old        rulesetRef        `json:"old"`
	OldGrades  []string          `json:"old_grades"`
	NewGrades  []string          `json:"new_grades"`
	Migration  []migration       `json:"migration"`
	Moved      []movedUnit       `json:"moved"`
	MovedCount int               `json:"moved_count"`
	Indicators []indicatorChange `json:"indicators"`
}

type migration struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Units int    `json:"units"`
}

// indicatorChange is an indicator's points over the population, before
// and after.
type indicatorChange struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
	Units int     `json:"units"`
}

// pointsChange is why a unit moved: an indicator's points before and after
// (null where a ruleset has no such indicator).
type pointsChange struct {
	ID    string   `json:"id"`
	Label string   `json:"label"`
	Old   *float64 `json:"old"`
	New   *float64 `json:"new"`
	Delta float64  `json:"delta"`
}

type movedUnit struct {
	Unit     string         `json:"unit"`
	Name     string         `json:"name"`
	OldScore float64        `json:"old_score"`
	NewScore float64        `json:"new_score"`
	OldGrade string         `json:"old_grade"`
	NewGrade string         `json:"new_grade"`
	Delta    float64        `json:"delta"`
	Causes   []pointsChange `json:"causes"`
}

// mostMoved is how many moved units the page lists with their causes.
const mostMoved = 50

func (v *view) fail(err error) {
	v.Error = &apiError{Error: err.Error(), Errors: positioned(err)}
}

func (v *view) fill(rs *indicators.Ruleset, res *scored, cmp *compared, rd *readData, p page, order []int32) {
	v.Ruleset = &rulesetRef{ID: rs.ID, Title: rs.Title, Version: rs.Version}
	if res.data != nil {
		v.Data = &dataRef{Files: res.data.Files, SHA256: res.data.SHA256}
	}
	for _, ind := range rs.Indicators {
		c := column{ID: ind.ID, Label: ind.Label, Group: ind.Group, Weight: ind.Weight, Target: targetText(ind.Target), Form: ind.Form}
		for _, b := range ind.Bands {
			c.Bands = append(c.Bands, band{When: b.When.Src, Score: b.Score.Src, Else: b.Else})
		}
		v.Columns = append(v.Columns, c)
	}
	counts := map[string]int{}
	for _, g := range res.summary.Grades {
		counts[g.Label] = g.Units
	}
	for _, g := range rs.Grades {
		v.Grades = append(v.Grades, gradeView{Label: g.Label, Min: g.Min, Units: counts[g.Label]})
	}
	v.fillRows(res, cmp, p, order)
	if rd != nil {
		for _, w := range rd.warnings {
			v.Warnings = append(v.Warnings, w.Error())
		}
	}
	if cmp != nil {
		v.Diff = cmp.view
	}
}

// compared is a comparison with the saved version and what the page shows
// of it, made once: the page asks again for each page of rows it scrolls
// to, and listing the units that moved most sorts them all.
type compared struct {
	*diff.Comparison
	key    string // in the cache: both texts and the data
	view   *diffView
	byUnit map[string]*diff.Unit // for the rows' old scores
}

func newCompared(cmp *diff.Comparison, key string) *compared {
	dv := &diffView{Old: rulesetRef{ID: cmp.Old.ID, Version: cmp.Old.Version}, OldGrades: cmp.OldGrades, NewGrades: cmp.NewGrades,
		Moved: []movedUnit{}}
	for _, m := range cmp.Migration {
		dv.Migration = append(dv.Migration, migration{From: m.From, To: m.To, Units: m.Units})
	}
	for _, c := range cmp.Indicators {
		dv.Indicators = append(dv.Indicators, indicatorChange{ID: c.ID, Label: c.Label, Old: c.Old, New: c.New, Delta: c.Delta, Units: c.Units})
	}
	for i := range cmp.Units {
		if u := &cmp.Units[i]; u.Both() && (u.Delta != 0 || u.Old.Grade != u.New.Grade) {
			dv.MovedCount++
		}
	}
	for _, i := range mostMovedOf(cmp, mostMoved) {
		u := &cmp.Units[i]
		dv.Moved = append(dv.Moved, movedUnit{Unit: u.Unit, Name: u.Name, OldScore: u.Old.Score, NewScore: u.New.Score,
			OldGrade: u.Old.Grade, NewGrade: u.New.Grade, Delta: u.Delta, Causes: causes(u.Indicators)})
	}
	byUnit := make(map[string]*diff.Unit, len(cmp.Units))
	for i := range cmp.Units {
		byUnit[cmp.Units[i].Unit] = &cmp.Units[i]
	}
	return &compared{Comparison: cmp, key: key, view: dv, byUnit: byUnit}
}

// mostMovedOf is the index of the n units diff's Moved(n) lists (the
// largest changes in score, ties in unit order), found by sorting indices:
// Moved sorts copies of the units, a second of a first retune of 100,000.
func mostMovedOf(cmp *diff.Comparison, n int) []int {
	var idx []int
	for i := range cmp.Units {
		if u := &cmp.Units[i]; u.Both() && u.Delta != 0 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmpFloat(math.Abs(cmp.Units[b].Delta), math.Abs(cmp.Units[a].Delta)); c != 0 {
			return c
		}
		return cmpInt(a, b)
	})
	return idx[:min(n, len(idx))]
}

func errorsText(errs []*diag.Error) string {
	s := ""
	for i, e := range errs {
		if i > 0 {
			s += "\n"
		}
		s += e.Error()
	}
	return s
}

// positioned lists the positioned errors err holds (a ruleset's or a data
// file's), each with its place, for the page to show at its line.
func positioned(err error) []errorItem {
	var list diag.List
	var one *diag.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = diag.List{one}
	default:
		return nil
	}
	out := make([]errorItem, 0, len(list))
	for _, e := range list {
		out = append(out, errorItem{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Field: e.Field, Code: e.Code, Message: e.Msg, Text: e.Error()})
	}
	return out
}

func targetText(t indicators.Target) string {
	if t.Op == "" {
		return ""
	}
	return t.Op + " " + t.Expr.Src
}

func causes(pcs []diff.PointsChange) []pointsChange {
	out := make([]pointsChange, 0, len(pcs))
	for _, p := range pcs {
		out = append(out, pointsChange{ID: p.ID, Label: p.Label, Old: p.Old, New: p.New, Delta: p.Delta})
	}
	return out
}
