package workbench

import (
	"fmt"
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

// pageOf is the page pg asks for with its bounds applied: the first
// defaultPage rows by rank when it says nothing.
func pageOf(pg *page) page {
	p := page{Limit: defaultPage}
	if pg != nil {
		p = *pg
	}
	if p.Limit <= 0 {
		p.Limit = defaultPage
	}
	p.Limit = min(p.Limit, maxPage)
	p.Offset = max(p.Offset, 0)
	p.Query = strings.TrimSpace(p.Query)
	return p
}

// order is the rows of res (compared by cmp, or nil) that page p keeps, in
// its order. It is kept per scores, comparison, sort, direction and
// filter, so that the page scrolling through 100,000 units costs a slice,
// not a sort, per request.
func (s *Server) order(res *scored, cmp *compared, p page) []int32 {
	key := fmt.Sprintf("%s\x00%s\x00%q %t %q %q", res.key, cmpKey(cmp), p.Sort, p.Desc, p.Grade, p.Query)
	idx, _ := s.cache.orders.do(key, func() (any, error) { return sortRows(res, cmp, p), nil })
	return idx.([]int32)
}

func cmpKey(cmp *compared) string {
	if cmp == nil {
		return ""
	}
	return cmp.key
}

// sortRows filters the rows of res by p's grade and text and sorts them by
// p's column, equal keys in table order (reversed with the direction, as
// the page's own sort did).
func sortRows(res *scored, cmp *compared, p page) []int32 {
	idx := make([]int32, 0, len(res.rows))
	for i := range res.rows {
		r := &res.rows[i]
		if p.Grade != "" && r.grade != p.Grade {
			continue
		}
		if p.Query != "" && !strings.Contains(r.unit, p.Query) && !strings.Contains(r.name, p.Query) {
			continue
		}
		idx = append(idx, int32(i))
	}
	nums, strs := sortValues(res, cmp, p.Sort)
	slices.SortFunc(idx, func(a, b int32) int {
		var c int
		if strs != nil {
			c = strings.Compare(strs[a], strs[b])
		} else {
			c = cmpFloat(nums[a], nums[b])
		}
		if c == 0 {
			c = cmpInt(int(a), int(b))
		}
		if p.Desc {
			return -c
		}
		return c
	})
	return idx
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

// sortValues is each row's value in the column named key, as the page's
// columns show it: a number (a blank — not applicable, no old score —
// below any number, a unit that failed scored -1, a failed unit's rank
// after every other) or a text. Computed once before sorting: the
// comparisons then read no map.
func sortValues(res *scored, cmp *compared, key string) ([]float64, []string) {
	rows := res.rows
	old := func(i int) *diff.Unit {
		if cmp == nil {
			return nil
		}
		return cmp.byUnit[rows[i].unit]
	}
	num := func(f func(i int) float64) []float64 {
		out := make([]float64, len(rows))
		for i := range rows {
			out[i] = f(i)
		}
		return out
	}
	str := func(f func(i int) string) []string {
		out := make([]string, len(rows))
		for i := range rows {
			out[i] = f(i)
		}
		return out
	}
	switch key {
	case "unit":
		return nil, str(func(i int) string { return rows[i].unit })
	case "name":
		return nil, str(func(i int) string { return rows[i].name })
	case "grade":
		return nil, str(func(i int) string { return rows[i].grade })
	case "score":
		return num(func(i int) float64 {
			if rows[i].err != "" {
				return -1
			}
			return rows[i].score
		}), nil
	case "old":
		return num(func(i int) float64 {
			if d := old(i); d != nil && d.Old.Scored {
				return d.Old.Score
			}
			return math.Inf(-1)
		}), nil
	case "oldgrade":
		return nil, str(func(i int) string {
			if d := old(i); d != nil && d.Old.Scored {
				return d.Old.Grade
			}
			return ""
		})
	case "delta":
		return num(func(i int) float64 {
			if d := old(i); d != nil && d.Both() {
				return d.Delta
			}
			return 0
		}), nil
	case "checks":
		return num(func(i int) float64 { return float64(min(rows[i].checks, 1)) }), nil
	}
	if k, err := strconv.Atoi(strings.TrimPrefix(key, "p")); err == nil && strings.HasPrefix(key, "p") && k >= 0 && k < res.nind() {
		n := res.nind()
		return num(func(i int) float64 {
			if res.na[i*n+k] {
				return math.Inf(-1)
			}
			return res.points[i*n+k]
		}), nil
	}
	// rank, and a key the page does not have.
	return num(func(i int) float64 {
		if rows[i].rank == 0 {
			return math.Inf(1)
		}
		return float64(rows[i].rank)
	}), nil
}

// fillRows puts the rows of page p in v, from the rows order keeps, with
// the counts.
func (v *view) fillRows(res *scored, cmp *compared, p page, order []int32) {
	var old map[string]*diff.Unit
	if cmp != nil {
		old = cmp.byUnit
	}
	v.Total, v.Matched, v.Offset = len(res.rows), len(order), min(p.Offset, len(order))
	end := min(v.Offset+p.Limit, len(order))
	v.Units = make([]unitRow, 0, end-v.Offset)
	for _, i := range order[v.Offset:end] {
		v.Units = append(v.Units, rowView(res, int(i), old))
	}
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
