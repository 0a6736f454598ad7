package report

// tablePart is the columns of the grid drawn together: their grid column
// indexes, and the 一级指标 spans over them (in the part's own indexes).
type tablePart struct {
	sel   []int
	spans []span
}

// barGap is the width of " | ", which stands before every span.
const barGap = 3

// fit splits the grid's columns into parts no wider than the terminal
// (Options.Width): each part repeats the unit columns (排名 单位 名称) and
// takes whole 一级指标, in order, or, for a 一级指标 too wide for a part of
// its own, as many of its columns as fit, the rest under its name with
// （续）; 总分 and the columns after it close the last part. No column is
// ever cut or hidden. Without a width, or when the table fits, there is
// one part, every column.
func (t *tableWriter) fit(cols []gridCol, spans []span) []tablePart {
	all := make([]int, len(cols))
	for i := range all {
		all[i] = i
	}
	if t.o.Width <= 0 || spanWidth(cols, 0, len(cols)-1) <= t.o.Width || len(spans) == 0 {
		return []tablePart{{sel: all, spans: localSpans(spans, all)}}
	}
	fixed := []int{0, 1, 2}
	// The line of 一级指标 names ends in " |", two columns past the grid.
	room := t.o.Width - partWidth(cols, fixed) - 2
	var parts []tablePart
	cur := tablePart{sel: append([]int{}, fixed...)}
	used := 0
	flush := func() {
		cur.spans = localSpans(cur.spans, cur.sel)
		parts = append(parts, cur)
		cur = tablePart{sel: append([]int{}, fixed...)}
		used = 0
	}
	width := func(p span) int { return barGap + max(spanWidth(cols, p.from, p.to), textWidth(p.name)) }
	add := func(p span) {
		for i := p.from; i <= p.to; i++ {
			cur.sel = append(cur.sel, i)
		}
		cur.spans = append(cur.spans, p)
		used += width(p)
	}
	for _, sp := range spans {
		if used+width(sp) <= room {
			add(sp)
			continue
		}
		if width(sp) <= room {
			// Whole on a part of its own rather than cut.
			flush()
			add(sp)
			continue
		}
		// Wider than a part: as many columns as fit in what is left of
		// this part, the rest on the next ones, under its name with （续）.
		for from := sp.from; from <= sp.to; {
			to := from
			for to < sp.to && used+width(span{name: pieceName(sp, from), from: from, to: to + 1}) <= room {
				to++
			}
			p := span{group: sp.group, name: pieceName(sp, from), from: from, to: to}
			if used > 0 && used+width(p) > room {
				flush()
				continue
			}
			add(p)
			from = to + 1
			if from <= sp.to {
				flush()
			}
		}
	}
	tailFrom := spans[len(spans)-1].to + 1
	tail := make([]int, 0, len(cols)-tailFrom)
	for i := tailFrom; i < len(cols); i++ {
		tail = append(tail, i)
	}
	if len(tail) > 0 && used+gap(cols[tailFrom])+partWidth(cols, tail) > room {
		flush()
	}
	cur.sel = append(cur.sel, tail...)
	flush()
	return parts
}

// pieceName is the label over a piece of a 一级指标's columns: its name,
// with （续） on the pieces after the first.
func pieceName(sp span, from int) string {
	if from == sp.from {
		return sp.name
	}
	return sp.name + "（续）"
}

// partWidth is the width of the grid columns sel drawn side by side.
func partWidth(cols []gridCol, sel []int) int {
	w := 0
	for k, i := range sel {
		w += cols[i].width
		if k > 0 {
			w += gap(cols[i])
		}
	}
	return w
}

// pick is the elements sel of xs, in sel's order.
func pick[T any](xs []T, sel []int) []T {
	out := make([]T, len(sel))
	for k, i := range sel {
		out[k] = xs[i]
	}
	return out
}

// localSpans is spans with the indexes of sel (the part's own) instead of
// the grid's.
func localSpans(spans []span, sel []int) []span {
	at := make(map[int]int, len(sel))
	for k, i := range sel {
		at[i] = k
	}
	out := make([]span, 0, len(spans))
	for _, sp := range spans {
		out = append(out, span{group: sp.group, name: sp.name, from: at[sp.from], to: at[sp.to]})
	}
	return out
}

// partCols is the part's grid columns; a piece that starts within a
// 一级指标 (its （续）) stands behind a bar, as the 一级指标 does, and its
// last column widens where the label is wider than the piece.
func partCols(cols []gridCol, p tablePart) []gridCol {
	out := pick(cols, p.sel)
	for _, sp := range p.spans {
		out[sp.from].bar, out[sp.from].tight = true, false
		if need := textWidth(sp.name) - spanWidth(out, sp.from, sp.to); need > 0 {
			out[sp.to].width += need
		}
	}
	return out
}
