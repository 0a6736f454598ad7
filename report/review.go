package report

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/internal/record"
	"github.com/jixiao/jixiao/review"
	"github.com/jixiao/jixiao/spill"
)

// The review report (复核, `jixiao review`): for a whole population, the
// units whose claims depart from the rules — most points over-claimed
// first — with their findings, then the units whose claims agree, the
// units without claims and the units that could not be scored, and a
// summary. The order and every figure come from package review and the
// engine; the writers below only lay them out.

// reviewOrder is the Sort of the review formats: the order of
// review.Key, not a --sort key.
const reviewOrder = "\x00review"

// ReviewFormats lists the formats of the review report (`jixiao review
// -f`); the first is the default. Their Rows keep each unit's review (not
// its result) in a spill, in review order, and write it all at the end,
// when the summary that comes first is known. Options.Tolerance is shown.
func ReviewFormats() Registry {
	f := func(name, desc string, draw func(io.Writer, Meta, *reviewDoc) error) Format {
		return Format{Name: name, Desc: desc, Sort: reviewOrder, Digest: true, Binary: name == "xlsx",
			Rows: func(o Options, m Meta) Rows { return &reviewRows{draw: draw, doc: reviewDoc{Tolerance: o.Tolerance}} }}
	}
	return Registry{
		f("table", "units with findings and the findings, for the terminal", writeReviewTable),
		f("json", "the review as JSON: units in review order with their findings, and the summary", writeReviewJSON),
		f("md", "Markdown review report", writeReviewMarkdown),
		f("xlsx", "Excel workbook: summary, one row per finding", writeReviewXLSX),
		f("html", "self-contained HTML page to print or share", writeReviewHTML),
	}
}

// WriteReview writes the review rv of a whole result in format f (one of
// ReviewFormats), for library callers; `jixiao review` writes through a
// Sink as engine.Stream evaluates.
func WriteReview(w io.Writer, f Format, m Meta, rv *review.Review) error {
	r, ok := f.Rows(Options{Tolerance: rv.Tolerance}, m).(*reviewRows)
	if !ok {
		// A caller's mistake, never a user's: -f is looked up in ReviewFormats.
		return internalf("WriteReview: format %s is not one of ReviewFormats", f.Name)
	}
	defer r.doc.close()
	for _, i := range rv.Order {
		if err := r.doc.add(r.AppendUnit(nil, &rv.Result.Units[i])); err != nil {
			return err
		}
	}
	r.doc.Summary = rv.Summary
	return r.draw(w, m, &r.doc)
}

// reviewRows is the Rows of a review format.
type reviewRows struct {
	m    Meta
	draw func(io.Writer, Meta, *reviewDoc) error
	doc  reviewDoc
}

func (r *reviewRows) Begin(w io.Writer, m Meta) error { r.m = m; return nil }

func (r *reviewRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	c := record.Codec{B: dst}
	codeReview(&c, u, nil)
	return c.B
}

// WriteUnit keeps the unit's review: units come in review order.
func (r *reviewRows) WriteUnit(w io.Writer, rec []byte, rank int) error { return r.doc.add(rec) }

func (r *reviewRows) End(w io.Writer, s engine.Summary) error {
	defer r.doc.close()
	return r.draw(w, r.m, &r.doc)
}

// reviewDoc is a review as its writers read it: the summary, and the
// units' review records in review order, in a spill, each class of units
// (review.Class) in a section of its own.
type reviewDoc struct {
	Tolerance float64
	Summary   review.Summary
	sp        *spill.Spill
	parts     [review.Failed + 1]struct {
		start, end int64
		n          int
	}
	l reviewLean
}

// add keeps one unit's record; records come in review order.
func (d *reviewDoc) add(rec []byte) error {
	u, err := d.l.decode(rec)
	if err != nil {
		return err
	}
	d.Summary.Add(u)
	if d.sp == nil {
		d.sp = spill.New(spoolMem)
	}
	at, err := d.sp.Add(binary.AppendUvarint(nil, uint64(len(rec))))
	if err == nil {
		_, err = d.sp.Add(rec)
	}
	p := &d.parts[review.ClassOf(u)]
	if p.n == 0 {
		p.start = at
	}
	p.n++
	p.end = d.sp.Len()
	return err
}

func (d *reviewDoc) close() {
	if d.sp != nil {
		d.sp.Close()
	}
}

// count is how many units of class c the review holds.
func (d *reviewDoc) count(c review.Class) int { return d.parts[c].n }

// each calls fn with the units of class c in review order, numbered from
// 1, until fn returns an error; the unit is reused for the next one.
func (d *reviewDoc) each(c review.Class, fn func(n int, u *engine.UnitResult) error) error {
	p := d.parts[c]
	if p.n == 0 {
		return nil
	}
	sec, err := d.sp.Section(p.start, p.end)
	if err != nil {
		return err
	}
	br := bufio.NewReader(sec)
	var buf []byte
	for n := 1; n <= p.n; n++ {
		size, err := binary.ReadUvarint(br)
		if err != nil {
			return internalf("a review record is cut short: %w", err)
		}
		buf = slices.Grow(buf[:0], int(size))[:size]
		if _, err := io.ReadFull(br, buf); err != nil {
			return internalf("a review record is cut short: %w", err)
		}
		u, err := d.l.decode(buf)
		if err != nil {
			return err
		}
		if err := fn(n, u); err != nil {
			return err
		}
	}
	return nil
}

// reviewLean is the unit review records are read into, reusing its
// memory from one record to the next.
type reviewLean struct {
	u      engine.UnitResult
	claim  engine.Claimed
	score  float64
	review []engine.Finding
	rec    []byte // the record last decoded
}

func (l *reviewLean) decode(rec []byte) (*engine.UnitResult, error) {
	l.rec = rec
	c := record.Codec{B: rec, Read: true}
	codeReview(&c, &l.u, l)
	if c.Short || len(c.B) > 0 {
		return nil, internalf("a unit's review record is cut short")
	}
	return &l.u, nil
}

// codeReview writes or reads (into l's memory) the review record of u:
// what the review formats show of a unit. Written, u is only read.
func codeReview(c *record.Codec, u *engine.UnitResult, l *reviewLean) {
	if c.Read {
		*u = engine.UnitResult{}
	}
	c.Str(&u.Unit)
	c.Str(&u.Name)
	c.Errors(&u.Errors)
	if len(u.Errors) > 0 {
		return
	}
	c.Num(&u.Score)
	c.Str(&u.Grade)
	claims := u.Claimed != nil
	c.Flag(&claims)
	if !claims {
		return
	}
	if c.Read {
		l.claim = engine.Claimed{}
		u.Claimed = &l.claim
	}
	score := u.Claimed.Score != nil
	c.Flag(&score)
	if score && c.Read {
		u.Claimed.Score = &l.score
	}
	if score {
		c.Num(u.Claimed.Score)
	}
	c.Str(&u.Claimed.Grade)
	c.Num(&u.Claimed.Over)
	c.Str(&u.Claimed.ImpliedGrade)
	n := c.Count(len(u.Review))
	if c.Read {
		l.review = slices.Grow(l.review[:0], n)[:n]
		u.Review = l.review
	}
	for i := range n {
		f := &u.Review[i]
		if c.Read {
			*f = engine.Finding{}
		}
		c.Str(&f.ID)
		c.Str(&f.Label)
		c.Str(&f.Kind)
		c.Any(&f.Claimed)
		c.Any(&f.Rules)
		c.Flag(&f.NoReason)
		c.Str(&f.Message)
	}
}

// KindLabel is the Chinese name of a finding kind.
func KindLabel(kind string) string {
	switch kind {
	case engine.FindClaimHigh:
		return "多计"
	case engine.FindClaimLow:
		return "少计"
	case engine.FindSumMismatch:
		return "总分与各项之和不符"
	case engine.FindGradeMismatch:
		return "等级与总分不符"
	}
	return kind
}

// reviewTitle is the heading of a review report.
func reviewTitle(m Meta) string {
	title := m.Ruleset.Title
	if title == "" {
		title = m.Ruleset.ID
	}
	return fmt.Sprintf("复核：%s（%s %s）", title, m.Ruleset.ID, m.Ruleset.Version)
}

// reviewSummaryText is the summary in one Chinese sentence.
func reviewSummaryText(s review.Summary) string {
	text := fmt.Sprintf("复核 %d 个单位：有问题 %d 个，共 %d 条（多计 %d，少计 %d，总分与各项之和不符 %d，等级与总分不符 %d）；共多计 %s 分；按自评会改变等级 %d 个",
		s.Units, s.WithFindings, s.Findings, s.ClaimHigh, s.ClaimLow, s.SumMismatch, s.GradeMismatch, Num(s.Over), s.GradeChanged)
	if s.Unclaimed > 0 {
		text += fmt.Sprintf("；未提供自评 %d 个", s.Unclaimed)
	}
	if s.Errors > 0 {
		text += fmt.Sprintf("；未能评分 %d 个", s.Errors)
	}
	return text
}

// reviewValue prints a finding's claimed or rules value: points to at
// most 4 decimals (a claim of 8.631 is shown as written), grades as they
// are.
func reviewValue(v any) string {
	switch v := v.(type) {
	case float64:
		return claimNum(v)
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// reviewUnitColumns are the columns of the list of units with findings.
var reviewUnitColumns = []string{"序号", "单位", "名称", "多计分数", "自评总分", "规则总分", "自评等级", "规则等级", "问题数"}

// reviewSummaryColumns head the summary of a review.
var reviewSummaryColumns = []string{"复核单位", "有问题", "问题条数", "多计", "少计", "总分与各项之和不符", "等级与总分不符", "多计合计（分）", "按自评会改变等级", "未提供自评", "未能评分"}

// reviewSummaryCells are the figures under reviewSummaryColumns.
func reviewSummaryCells(s review.Summary) []string {
	return []string{fmt.Sprint(s.Units), fmt.Sprint(s.WithFindings), fmt.Sprint(s.Findings), fmt.Sprint(s.ClaimHigh), fmt.Sprint(s.ClaimLow),
		fmt.Sprint(s.SumMismatch), fmt.Sprint(s.GradeMismatch), Num(s.Over), fmt.Sprint(s.GradeChanged), fmt.Sprint(s.Unclaimed), fmt.Sprint(s.Errors)}
}

// reviewFindingColumns head the findings of one unit.
var reviewFindingColumns = []string{"项目", "问题", "自评", "规则", "说明"}

// reviewFindingRows are the findings of one unit under reviewFindingColumns.
func reviewFindingRows(u *engine.UnitResult) [][]string {
	rows := make([][]string, len(u.Review))
	for i, f := range u.Review {
		rows[i] = []string{f.Label, KindLabel(f.Kind), reviewValue(f.Claimed), reviewValue(f.Rules), f.Message}
	}
	return rows
}

// reviewUnitCells are the cells of one unit with findings, numbered n.
func reviewUnitCells(n int, u *engine.UnitResult) []string {
	cs := ""
	if u.Claimed.Score != nil {
		cs = claimNum(*u.Claimed.Score)
	}
	return []string{fmt.Sprint(n), u.Unit, u.Name, Num(u.Claimed.Over), cs, Num(u.Score), u.Claimed.Grade, u.Grade, fmt.Sprint(len(u.Review))}
}

// reviewIDList writes "label N 个：" and the ids of the units of class
// c, at most limit of them, then "等 N 个".
func reviewIDList(w io.Writer, d *reviewDoc, c review.Class, label string, limit int) error {
	fmt.Fprintf(w, "%s %d 个：", label, d.count(c))
	err := d.each(c, func(n int, u *engine.UnitResult) error {
		switch {
		case n == limit+1:
			fmt.Fprintf(w, " 等 %d 个", d.count(c))
		case n <= limit && n > 1:
			fmt.Fprint(w, " "+u.Unit)
		case n == 1:
			fmt.Fprint(w, u.Unit)
		}
		return nil
	})
	fmt.Fprintln(w)
	return err
}

// writeReviewTable prints the list of units with findings as a table,
// then each unit's findings, then the summary, for the terminal.
func writeReviewTable(out io.Writer, m Meta, d *reviewDoc) error {
	w := &reviewWriter{w: out}
	fmt.Fprintf(w, "%s，容差 %s\n", reviewTitle(m), claimNum(d.Tolerance))
	if d.count(review.Findings) > 0 {
		align := make([]tw.Align, len(reviewUnitColumns))
		for i := range align {
			align[i] = tw.AlignRight
		}
		align[1], align[2] = tw.AlignLeft, tw.AlignLeft
		// The table sizes its columns from every row: it keeps the cells
		// of the units with findings, not their findings.
		rows := make([][]string, 0, d.count(review.Findings))
		if err := d.each(review.Findings, func(n int, u *engine.UnitResult) error {
			rows = append(rows, reviewUnitCells(n, u))
			return nil
		}); err != nil {
			return err
		}
		if err := boxTable(w, reviewUnitColumns, rows, align); err != nil {
			return err
		}
		rows = nil
		if err := d.each(review.Findings, func(n int, u *engine.UnitResult) error {
			fmt.Fprintf(w, "\n%d. %s %s", n, u.Unit, u.Name)
			if u.Claimed.Over > 0 {
				fmt.Fprintf(w, "（多计 %s 分）", Num(u.Claimed.Over))
			}
			fmt.Fprintln(w)
			for _, f := range u.Review {
				fmt.Fprintf(w, "   [%s] %s\n", KindLabel(f.Kind), f.Message)
			}
			return w.err
		}); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, reviewSummaryText(d.Summary))
	const most = 20
	if d.count(review.Agree) > 0 {
		if err := reviewIDList(w, d, review.Agree, "自评与规则一致", most); err != nil {
			return err
		}
	}
	if d.count(review.Unclaimed) > 0 {
		if err := reviewIDList(w, d, review.Unclaimed, "未提供自评", most); err != nil {
			return err
		}
	}
	if d.count(review.Failed) > 0 {
		fmt.Fprintln(w, "未能评分的单位：")
		if err := d.each(review.Failed, func(_ int, u *engine.UnitResult) error {
			fmt.Fprintf(w, "  %s %s\n", u.Unit, u.Name)
			for _, e := range u.Errors {
				fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(e.Error(), "\n", "\n    "))
			}
			return w.err
		}); err != nil {
			return err
		}
	}
	return w.err
}

// reviewWriter keeps the first write error, so a writer that prints with
// fmt.Fprintf still reports a full disk.
type reviewWriter struct {
	w   io.Writer
	err error
}

func (e *reviewWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}
