package report

import (
	"bytes"
	"encoding/binary"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// csvRows writes the comparison table as CSV for Excel: UTF-8 with a
// byte-order mark (Excel takes BOM-less CSV for the local code page),
// quoted as encoding/csv quotes, one row per unit in input order:
//
//	单位编码, 单位名称, the points of each indicator (headed by its label),
//	总分, 等级, 排名, [自评总分, 自评等级], 缺项, 无法计算, 未通过校验, 错误,
//	[each indicator's 说明]
//
// An indicator that does not apply reads 不适用; a unit that failed has
// empty points, total, grade and rank and its errors under 错误. The
// claimed columns appear when the data carries claims, the explanations
// with --explain. The first two headers are names the data readers take
// for unit and name, so the file can be read back.
//
// A missing or uncomputable indicator scores 0, and its cell holds that
// plain 0: people read the file in Excel or WPS and sum, average or
// chart the columns, and "0(缺)" would be text there, left out of a SUM
// without a word, or refused by a chart. So the points stay numbers and
// each unit says what they hide in columns of its own: 缺项 lists the
// indicators scored 0 for missing data, 无法计算 those that could not be
// computed (÷0), 未通过校验 the failed consistency checks (message and
// id), each list joined by ；. Filtering a column for non-blank cells
// gives the units to look at again. The columns are always there, blank
// when there is nothing to say, so a template or formula that reads the
// file by column keeps working from one run to the next.
type csvRows struct {
	o      Options
	m      Meta
	claims bool
	rank   [24]byte // WriteUnit's digits (one Emit at a time): a local array escapes through w.Write
	// checks are the 未通过校验 texts of the ruleset's checks, by index:
	// a record names its failed checks by number, and WriteUnit writes
	// their texts (a hundred bytes each, in most rows of a population
	// that fails a check) from here rather than from a record that waits
	// in the spill.
	checks csvChecks
	idx    []int // writeChecks' scratch
	field  []byte
}

// csvCheck is the text of a failed check in the 未通过校验 field, as
// appendCheckText writes it, and as it is written inside quotes.
type csvCheck struct {
	id, msg        string
	text, quoted   []byte
	special, space bool // text holds a comma, quote or line break; text starts with a space
}

// csvChecks are the texts of a ruleset's checks, by index.
type csvChecks []csvCheck

func newCSVChecks(m Meta) csvChecks {
	var cs csvChecks
	for k := range m.checks {
		f := &m.checks[k]
		t := appendCheckText(nil, f)
		first, _ := utf8.DecodeRune(t)
		cs = append(cs, csvCheck{id: f.ID, msg: f.Message, text: t,
			quoted:  []byte(strings.ReplaceAll(string(t), `"`, `""`)),
			special: bytes.ContainsAny(t, ",\"\r\n"), space: unicode.IsSpace(first)})
	}
	return cs
}

// appendField appends the 未通过校验 field of the checks at idx (indexes
// of cs), quoted where csv needs it: when a text has a comma, quote or
// line break, or the first begins with a space (csvNeedsQuotes).
func (cs csvChecks) appendField(dst []byte, idx []int) []byte {
	quote := false
	for i, x := range idx {
		quote = quote || cs[x].special || i == 0 && cs[x].space
	}
	if quote {
		dst = append(dst, '"')
	}
	for i, x := range idx {
		if i > 0 {
			dst = append(dst, listSep...)
		}
		if quote {
			dst = append(dst, cs[x].quoted...)
		} else {
			dst = append(dst, cs[x].text...)
		}
	}
	if quote {
		dst = append(dst, '"')
	}
	return dst
}

// indexes appends to idx the index in cs of each failed check of u, in
// order; ok is false when one is not the ruleset's check with its own
// message (one that could not be computed says why).
func (cs csvChecks) indexes(idx []int, u *engine.UnitResult) (_ []int, ok bool) {
	j := 0
	for k := range u.Checks {
		ch := &u.Checks[k]
		if ch.OK || ch.Skipped {
			continue
		}
		for j < len(cs) && cs[j].id != ch.ID {
			j++
		}
		if j == len(cs) || cs[j].msg != ch.Message {
			return idx, false
		}
		idx = append(idx, j)
		j++
	}
	return idx, true
}

// appendFieldOf appends the 未通过校验 field of u: from the texts when its
// failed checks are the ruleset's (indexes), else as appendChecks writes
// it, quoted where csv needs it. idx is scratch memory, kept between
// calls.
func (cs csvChecks) appendFieldOf(dst []byte, u *engine.UnitResult, idx *[]int) []byte {
	x, ok := cs.indexes((*idx)[:0], u)
	*idx = x
	if ok {
		return cs.appendField(dst, x)
	}
	return quoteTail(appendChecks(dst, u), len(dst))
}

func newCSVRows(o Options, m Meta) Rows {
	return &csvRows{o: o, m: m, checks: newCSVChecks(m)}
}

func (c *csvRows) Begin(w io.Writer, m Meta) error {
	c.m, c.claims = m, m.HasClaims
	b := []byte("\ufeff")
	b = appendCSVField(b, "单位编码")
	b = append(b, ',')
	b = appendCSVField(b, "单位名称")
	for _, ind := range m.Indicators {
		b = append(b, ',')
		b = appendCSVField(b, ind.Label)
	}
	b = append(b, ",总分,等级,排名"...)
	if c.claims {
		b = append(b, ",自评总分,自评等级"...)
	}
	b = appendCSVRulesHeader(b, m)
	b = append(b, ",缺项,无法计算,未通过校验,错误"...)
	if c.o.Explain {
		for _, ind := range m.Indicators {
			b = append(b, ',')
			b = appendCSVField(b, ind.Label+"说明")
		}
	}
	b = append(b, '\n')
	_, err := w.Write(b)
	return err
}

// A record is the row in parts around the rank and the failed checks:
// the lengths of the first three (4 bytes each); the part before the
// rank; the claimed columns (each with its leading comma); the row up to
// the 未通过校验 field; that field, as a uvarint count of failed checks
// and their numbers (csvRows.checks) or, when a check is worded per unit
// or not the ruleset's, a 0, a uvarint length and the field itself; and
// the rest of the row with its newline.
func (c *csvRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) // the lengths, filled below
	start := len(dst)
	dst = appendCSVField(dst, u.Unit)
	dst = append(dst, ',')
	dst = appendCSVField(dst, u.Name)
	if u.Failed() {
		for range c.indicatorCount(u) {
			dst = append(dst, ',')
		}
		dst = append(dst, ",,,"...)
	} else {
		for k := range u.Indicators {
			dst = append(dst, ',')
			if ir := &u.Indicators[k]; ir.Status == indicators.StatusNA {
				dst = append(dst, "不适用"...)
			} else {
				dst = appendNum(dst, ir.Points)
			}
		}
		dst = append(dst, ',')
		dst = appendNum(dst, u.Score)
		dst = append(dst, ',')
		dst = appendCSVField(dst, u.Grade)
		dst = append(dst, ',')
	}
	mid := len(dst)
	dst = append(dst, ',')
	if u.Claimed != nil && u.Claimed.Score != nil {
		dst = appendNum(dst, *u.Claimed.Score)
	}
	dst = append(dst, ',')
	if u.Claimed != nil {
		dst = appendCSVField(dst, u.Claimed.Grade)
	}
	end := len(dst)
	dst = appendCSVRules(dst, c.m, u)
	dst, checks := c.appendIssues(dst, u)
	rest := len(dst)
	dst = c.appendChecksCoded(dst, u, checks)
	dst = append(dst, ',')
	if u.Failed() {
		var msgs []string
		for _, e := range u.Errors {
			msgs = append(msgs, e.Error())
		}
		dst = appendCSVField(dst, strings.Join(msgs, "\n"))
	}
	if c.o.Explain {
		n := c.indicatorCount(u)
		for k := 0; k < n; k++ {
			dst = append(dst, ',')
			if k < len(u.Indicators) {
				dst = appendCSVField(dst, u.Indicators[k].Explain)
			}
		}
	}
	dst = append(dst, '\n')
	binary.LittleEndian.PutUint32(dst[at:], uint32(mid-start))
	binary.LittleEndian.PutUint32(dst[at+4:], uint32(end-mid))
	binary.LittleEndian.PutUint32(dst[at+8:], uint32(rest-end))
	return dst
}

// appendChecksCoded appends the 未通过校验 field of u as a record holds
// it (see AppendUnit): when checks, the failed checks by number if each
// is the ruleset's as csvRows.checks has it, else the field.
func (c *csvRows) appendChecksCoded(dst []byte, u *engine.UnitResult, checks bool) []byte {
	if !checks {
		return append(dst, 0, 0)
	}
	var at [16]int
	if idx, coded := c.checks.indexes(at[:0], u); coded {
		dst = binary.AppendUvarint(dst, uint64(len(idx)))
		for _, x := range idx {
			dst = binary.AppendUvarint(dst, uint64(x))
		}
		return dst
	}
	field := quoteTail(appendChecks(nil, u), 0)
	dst = append(dst, 0)
	dst = binary.AppendUvarint(dst, uint64(len(field)))
	return append(dst, field...)
}

// writeChecks writes the 未通过校验 field coded at the start of b and
// returns the rest of b; ok is false when b is cut short.
func (c *csvRows) writeChecks(w io.Writer, b []byte) (rest []byte, ok bool, err error) {
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return nil, false, nil
	}
	b = b[k:]
	if n == 0 {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l {
			return nil, false, nil
		}
		_, err := w.Write(b[k : k+int(l)])
		return b[k+int(l):], true, err
	}
	c.idx = c.idx[:0]
	for i := uint64(0); i < n; i++ {
		x, k := binary.Uvarint(b)
		if k <= 0 || x >= uint64(len(c.checks)) {
			return nil, false, nil
		}
		b = b[k:]
		c.idx = append(c.idx, int(x))
	}
	c.field = c.checks.appendField(c.field[:0], c.idx)
	if _, err := w.Write(c.field); err != nil {
		return nil, true, err
	}
	return b, true, nil
}

// appendIssues appends the 缺项 and 无法计算 fields, each with its leading
// comma, and the comma of 未通过校验, and reports whether that field has
// checks to list: blank for a unit with nothing to say (most of them, and
// every failed unit, whose errors say it all), which costs a pass over
// the statuses and checks and nothing else.
func (c *csvRows) appendIssues(dst []byte, u *engine.UnitResult) ([]byte, bool) {
	var missing, failed bool
	for k := range u.Indicators {
		switch u.Indicators[k].Status {
		case indicators.StatusMissing:
			missing = true
		case indicators.StatusError:
			failed = true
		}
	}
	checks := u.FailedChecks() > 0
	if u.Failed() || !missing && !failed && !checks {
		return append(dst, ",,,"...), false
	}
	dst = append(dst, ',')
	if missing {
		at := len(dst)
		dst = quoteTail(appendLabels(dst, u, indicators.StatusMissing), at)
	}
	dst = append(dst, ',')
	if failed {
		at := len(dst)
		dst = quoteTail(appendLabels(dst, u, indicators.StatusError), at)
	}
	return append(dst, ','), checks
}

// quoteTail quotes dst[at:], a field appended as it is, where
// appendCSVField would: the list fields are appended in place, and
// rarely need quotes.
func quoteTail(dst []byte, at int) []byte {
	if !csvNeedsQuotesBytes(dst[at:]) {
		return dst
	}
	field := string(dst[at:])
	return appendCSVField(dst[:at], field)
}

// csvNeedsQuotesBytes is csvNeedsQuotes of b. The lists are long (a
// check's message): four vectorised searches beat IndexAny's byte loop.
// Short fields (monitor's ids, names and grades, eleven a unit) are
// passed over once, as csvNeedsQuotes does: four calls cost more there.
func csvNeedsQuotesBytes(b []byte) bool {
	switch {
	case len(b) == 0:
		return false
	case string(b) == `\.`:
		return true
	case len(b) <= 64:
		for _, c := range b {
			switch c {
			case '\n', '\r', '"', ',':
				return true
			}
		}
	case bytes.IndexByte(b, ',') >= 0, bytes.IndexByte(b, '"') >= 0,
		bytes.IndexByte(b, '\n') >= 0, bytes.IndexByte(b, '\r') >= 0:
		return true
	}
	r, _ := utf8.DecodeRune(b)
	return unicode.IsSpace(r)
}

// indicatorCount is how many indicator columns a row has.
func (c *csvRows) indicatorCount(u *engine.UnitResult) int { return len(c.m.Indicators) }

func (c *csvRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	if len(rec) < 12 {
		return internalf("a unit's record is cut short")
	}
	a := binary.LittleEndian.Uint32(rec)
	cl := binary.LittleEndian.Uint32(rec[4:])
	r := binary.LittleEndian.Uint32(rec[8:])
	rec = rec[12:]
	if uint64(a)+uint64(cl)+uint64(r) > uint64(len(rec)) {
		return internalf("a unit's record is cut short")
	}
	head, claims, rest1, rest := rec[:a], rec[a:a+cl], rec[a+cl:a+cl+r], rec[a+cl+r:]
	if _, err := w.Write(head); err != nil {
		return err
	}
	if rank > 0 {
		if _, err := w.Write(strconv.AppendInt(c.rank[:0], int64(rank), 10)); err != nil {
			return err
		}
	}
	if c.claims {
		if _, err := w.Write(claims); err != nil {
			return err
		}
	}
	if _, err := w.Write(rest1); err != nil {
		return err
	}
	rest, ok, err := c.writeChecks(w, rest)
	if err != nil {
		return err
	}
	if !ok {
		return internalf("a unit's record is cut short")
	}
	_, err = w.Write(rest)
	return err
}

func (c *csvRows) End(w io.Writer, s engine.Summary) error { return nil }

// appendCSVField appends one field quoted as encoding/csv's Writer quotes
// it (Comma ',', UseCRLF false).
func appendCSVField(b []byte, field string) []byte {
	if !csvNeedsQuotes(field) {
		return append(b, field...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(field, '"')
		if i < 0 {
			b = append(b, field...)
			break
		}
		b = append(b, field[:i+1]...)
		b = append(b, '"')
		field = field[i+1:]
	}
	return append(b, '"')
}

func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	if len(field) > 64 {
		// A long field (an explanation): four vectorised searches beat
		// one byte-at-a-time pass.
		if strings.IndexByte(field, ',') >= 0 || strings.IndexByte(field, '"') >= 0 ||
			strings.IndexByte(field, '\n') >= 0 || strings.IndexByte(field, '\r') >= 0 {
			return true
		}
	} else {
		for i := 0; i < len(field); i++ {
			switch field[i] {
			case '\n', '\r', '"', ',':
				return true
			}
		}
	}
	r1, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r1)
}
