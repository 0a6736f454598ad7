package workbench

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/diff"
)

// page is which rows of the table the page asks for: sorted by a column
// (the keys of the page's columns: rank, unit, name, p0…pN for the
// indicators in order, score, grade, old, oldgrade, delta, checks),
// filtered by grade and by a text in the unit's id or name, from Offset,
// Limit of them. The page draws only the rows in view, so it asks for a
// window around them as it scrolls instead of every unit.
type page struct {
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
	Sort   string `json:"sort"`
	Desc   bool   `json:"desc"`
	Grade  string `json:"grade"`
	Query  string `json:"q"`
}

const (
	// defaultPage is the rows a request that names no page gets: a
	// screenful and then some.
	defaultPage = 200
	// maxPage bounds a page, so that a request cannot ask for all 100,000
	// rows (some 30 MB) at once.
	maxPage = 2000
)

// fillRows puts the page of rows pg asks for in v, with the counts.
func (v *view) fillRows(res *scored, cmp *compared, pg *page) {
	p := page{Limit: defaultPage}
	if pg != nil {
		p = *pg
	}
	if p.Limit <= 0 {
		p.Limit = defaultPage
	}
	p.Limit = min(p.Limit, maxPage)
	p.Offset = max(p.Offset, 0)

	var old map[string]*diff.Unit
	if cmp != nil {
		old = cmp.byUnit
	}
	q := strings.TrimSpace(p.Query)
	idx := make([]int, 0, len(res.rows))
	for i := range res.rows {
		r := &res.rows[i]
		if p.Grade != "" && r.grade != p.Grade {
			continue
		}
		if q != "" && !strings.Contains(r.unit, q) && !strings.Contains(r.name, q) {
			continue
		}
		idx = append(idx, i)
	}
	key := sortKey(res, old, p.Sort)
	slices.SortFunc(idx, func(a, b int) int {
		c := key(a, b)
		if c == 0 {
			c = a - b // equal keys in table order, as the page's own sort did
		}
		if p.Desc {
			return -c
		}
		return c
	})
	v.Total, v.Matched, v.Offset = len(res.rows), len(idx), min(p.Offset, len(idx))
	end := min(v.Offset+p.Limit, len(idx))
	v.Units = make([]unitRow, 0, end-v.Offset)
	for _, i := range idx[v.Offset:end] {
		v.Units = append(v.Units, rowView(res, i, old))
	}
}

// cmpRank orders ranks with 0 (a unit that failed) after every other.
func cmpRank(a, b int) int {
	if a == 0 {
		a = math.MaxInt
	}
	if b == 0 {
		b = math.MaxInt
	}
	return cmpInt(a, b)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sortKey compares two rows by the column named key, as the page's columns
// show it: a blank (not applicable, no old score) before any number, a
// unit that failed scored -1.
func sortKey(res *scored, old map[string]*diff.Unit, key string) func(a, b int) int {
	rows := res.rows
	oldScore := func(i int) float64 {
		if d := old[rows[i].unit]; d != nil && d.Old.Scored {
			return d.Old.Score
		}
		return math.Inf(-1)
	}
	switch key {
	case "unit":
		return func(a, b int) int { return strings.Compare(rows[a].unit, rows[b].unit) }
	case "name":
		return func(a, b int) int { return strings.Compare(rows[a].name, rows[b].name) }
	case "grade":
		return func(a, b int) int { return strings.Compare(rows[a].grade, rows[b].grade) }
	case "score":
		score := func(i int) float64 {
			if rows[i].err != "" {
				return -1
			}
			return rows[i].score
		}
		return func(a, b int) int { return cmpFloat(score(a), score(b)) }
	case "old":
		return func(a, b int) int { return cmpFloat(oldScore(a), oldScore(b)) }
	case "oldgrade":
		grade := func(i int) string {
			if d := old[rows[i].unit]; d != nil && d.Old.Scored {
				return d.Old.Grade
			}
			return ""
		}
		return func(a, b int) int { return strings.Compare(grade(a), grade(b)) }
	case "delta":
		delta := func(i int) float64 {
			if d := old[rows[i].unit]; d != nil && d.Both() {
				return d.Delta
			}
			return 0
		}
		return func(a, b int) int { return cmpFloat(delta(a), delta(b)) }
	case "checks":
		return func(a, b int) int { return cmpInt(min(rows[a].checks, 1), min(rows[b].checks, 1)) }
	}
	if k, err := strconv.Atoi(strings.TrimPrefix(key, "p")); err == nil && strings.HasPrefix(key, "p") && k >= 0 && k < res.nind() {
		point := func(i int) float64 {
			if res.na[i*res.nind()+k] {
				return math.Inf(-1)
			}
			return res.points[i*res.nind()+k]
		}
		return func(a, b int) int { return cmpFloat(point(a), point(b)) }
	}
	// rank, and a key the page does not have.
	return func(a, b int) int { return cmpRank(rows[a].rank, rows[b].rank) }
}

// rowView is row i as the page draws it.
func rowView(res *scored, i int, old map[string]*diff.Unit) unitRow {
	r := &res.rows[i]
	out := unitRow{Unit: r.unit, Name: r.name, Score: r.score, Grade: r.grade, Rank: r.rank, Checks: r.checks, Error: r.err}
	pts, na := res.pointsOf(i)
	out.Points = make([]*float64, len(pts))
	for k := range pts {
		if !na[k] {
			out.Points[k] = &pts[k]
		}
	}
	if d := old[r.unit]; d != nil && d.Old.Scored {
		out.OldScore, out.OldGrade = &d.Old.Score, d.Old.Grade
		if d.Both() {
			out.Delta = &d.Delta
		}
	}
	return out
}
