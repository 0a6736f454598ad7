package data

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// panelSource reads the data of a ruleset with panel indicators (专家评分):
// one row per rater and unit, the unit id repeating on consecutive rows.
// It gathers each run of rows into one unit: the panel inputs' points per
// rater (Unit.Ratings), every other input as the rows give it — they must
// agree, else the unit fails with the rows named. A unit's rows must be
// consecutive: a unit id seen again after others is a duplicate unit.
type panelSource struct {
	Source
	s       *Schema
	pending *indicators.Unit // the first row of the next unit, read ahead
	done    bool
	err     error
}

func (p *panelSource) rowPlace(line int) string {
	if rp, ok := p.Source.(rowPlacer); ok {
		return rp.rowPlace(line)
	}
	return ""
}

func (p *panelSource) Next() (*indicators.Unit, error) {
	if p.err != nil {
		return nil, p.err
	}
	first := p.pending
	p.pending = nil
	if first == nil {
		if p.done {
			return nil, io.EOF
		}
		u, err := p.Source.Next()
		if err != nil {
			return nil, err
		}
		first = clonedUnit(u)
	}
	rows := []*indicators.Unit{first}
	for !p.done && first.ID != "" {
		u, err := p.Source.Next()
		if err == io.EOF {
			p.done = true
			break
		}
		if err != nil {
			// The unit read so far is given; the error comes next.
			p.err, p.done = err, true
			break
		}
		if u.ID != first.ID {
			p.pending = clonedUnit(u)
			break
		}
		rows = append(rows, clonedUnit(u))
	}
	if first.ID == "" && !p.done {
		// A row without an id is a unit of its own (it fails as such).
		return first, nil
	}
	return p.gather(rows), nil
}

// clonedUnit copies a unit the reader may reuse for the next row.
func clonedUnit(u *indicators.Unit) *indicators.Unit {
	c := *u
	c.Values = append([]indicators.Value(nil), u.Values...)
	c.Errors = append([]*diag.Error(nil), u.Errors...)
	return &c
}

// rowName names a row for messages: its line and rater.
func (p *panelSource) rowName(u *indicators.Unit, k int) string {
	r := u.Rater
	if r == "" {
		r = p.s.p.Sprintf(msg.DataPanelRaterFirst, k+1)
	}
	return p.s.p.Sprintf(msg.DataPanelRowName, u.Pos.Line, r)
}

// gather makes one unit of the rows of a unit.
func (p *panelSource) gather(rows []*indicators.Unit) *indicators.Unit {
	u := rows[0]
	isPanel := make([]bool, len(u.Values))
	for _, i := range p.s.panel {
		isPanel[i] = true
	}
	seen := map[string]int{}
	for k, r := range rows {
		if k > 0 {
			u.Errors = append(u.Errors, r.Errors...)
			if u.Name == "" {
				u.Name = r.Name
			}
		}
		if r.Rater == "" {
			r.Rater = p.s.p.Sprintf(msg.DataPanelRaterFirst, k+1)
		}
		if prev, dup := seen[r.Rater]; dup {
			u.Errors = append(u.Errors, &diag.Error{Pos: r.Pos, Code: "panel_rater", Field: "rater",
				Msg: p.s.p.Sprintf(msg.DataPanelTwice, u.ID, r.Rater, prev, r.Pos.Line)})
		}
		seen[r.Rater] = r.Pos.Line
	}
	if len(u.Errors) > 0 {
		return u
	}
	// Inputs other than panel points: every row must give the same.
	for i := range u.Values {
		if isPanel[i] {
			continue
		}
		for k, r := range rows[1:] {
			if !sameValue(u.Values[i], r.Values[i]) {
				in := &p.s.rs.Inputs[i]
				u.Errors = append(u.Errors, &diag.Error{Pos: r.Pos, Code: "panel_disagree", Field: in.ID,
					Msg: p.s.p.Sprintf(msg.DataPanelDisagree,
						u.ID, p.s.inputName(i), p.rowName(rows[0], 0), showValue(u.Values[i]), p.rowName(r, k+1), showValue(r.Values[i]))})
			}
		}
	}
	u.Ratings = make([][]indicators.Rating, len(u.Values))
	for _, i := range p.s.panel {
		in := &p.s.rs.Inputs[i]
		var blank, na []string
		for k, r := range rows {
			switch v := r.Values[i]; v.Kind {
			case indicators.Number:
				if w, ok := p.weight(i); ok && (v.Num < 0 || v.Num > w) {
					u.Errors = append(u.Errors, &diag.Error{Pos: r.Pos, Code: "panel_points", Field: in.ID, Value: fmt.Sprint(v.Num),
						Msg: p.s.p.Sprintf(msg.DataPanelRange, u.ID, p.rowName(r, k), p.s.inputName(i), w, v.Num)})
					continue
				}
				u.Ratings[i] = append(u.Ratings[i], indicators.Rating{Rater: r.Rater, Points: v.Num, Pos: r.Pos})
			case indicators.NA:
				na = append(na, p.rowName(r, k))
			case indicators.Missing:
				blank = append(blank, p.rowName(r, k))
			default:
				u.Errors = append(u.Errors, &diag.Error{Pos: r.Pos, Code: "panel_points", Field: in.ID,
					Msg: p.s.p.Sprintf(msg.DataPanelNotNumber, u.ID, p.rowName(r, k), p.s.inputName(i), showValue(v))})
			}
		}
		switch {
		case len(u.Ratings[i]) == 0 && len(na) == len(rows):
			u.Values[i] = indicators.Value{Kind: indicators.NA}
		case len(u.Ratings[i]) == 0 && len(blank) == len(rows):
			u.Values[i] = indicators.Value{Kind: indicators.Missing}
		case len(blank)+len(na) > 0:
			u.Errors = append(u.Errors, &diag.Error{Pos: u.Pos, Code: "panel_points", Field: in.ID,
				Msg: p.s.p.Sprintf(msg.DataPanelBlank,
					u.ID, p.s.inputName(i), strings.Join(append(blank, na...), p.s.p.Sprintf(msg.DataListSep)))})
		default:
			var sum float64
			for _, r := range u.Ratings[i] {
				sum += r.Points
			}
			// Formulas that read the input see the raters' mean.
			u.Values[i] = indicators.Value{Kind: indicators.Number, Num: sum / float64(len(u.Ratings[i]))}
		}
	}
	u.Rater = ""
	return u
}

// sameValue reports whether two cells read the same.
func sameValue(a, b indicators.Value) bool {
	return a.Kind == b.Kind && a.Num == b.Num && a.Tier == b.Tier && a.HasFrac == b.HasFrac
}

// showValue writes a cell for messages: the value, or a word.
func showValue(v indicators.Value) any {
	switch v.Kind {
	case indicators.Number:
		return fmt.Sprint(v.Num)
	case indicators.Tier:
		return string(rune(v.Tier))
	case indicators.NA:
		return "不适用"
	}
	return msg.DataBlank
}

// weight is the smallest weight of the panel indicators that read input
// i: a rater's points may not pass it.
func (p *panelSource) weight(i int) (float64, bool) {
	rs := p.s.rs
	w, ok := 0.0, false
	for _, ind := range rs.Indicators {
		if ind.Form == indicators.FormPanel && rs.InputIndex(strings.TrimSpace(ind.Value.Src)) == i && (!ok || ind.Weight < w) {
			w, ok = ind.Weight, true
		}
	}
	return w, ok
}
