package report

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/monitor"
	"github.com/jixiao/jixiao/spill"
)

// MonitorFormats lists the formats of jixiao monitor (双监控) at mon's
// date; the first is the default. color turns on the terminal table's
// colours. Each writes a row per unit as units come (input order), then
// the summary — units by light, the indicators most often red — keeping
// only counts, so a million units take no more memory than ten.
func MonitorFormats(mon *monitor.Monitor, color bool) Registry {
	f := func(name, desc string) Format {
		return Format{Name: name, Desc: desc, Binary: name == "xlsx", Lean: true, Digest: name != "csv", // csv shows no provenance
			Rows: func(o Options, m Meta) Rows {
				r := newMonitorRows(name, m, mon, color && name == "table")
				r.lang = o.Lang
				return r
			}}
	}
	return Registry{
		f("table", "lights per unit and indicator, for the terminal (in colour)"),
		f("json", "every light with its expected value and explanation, and the summary"),
		f("csv", "a row per unit: each indicator's value, expected value, share (完成度), light and note"),
		f("md", "Markdown table of the lights and the summary"),
		f("html", "one printable page, lights in colour"),
		f("xlsx", "workbook: 监控 sheet with the lights as fills, and 汇总"),
	}
}

// monitorRows writes the lights of 双监控 in one format (the Rows of
// MonitorFormats).
type monitorRows struct {
	w     *bufio.Writer
	out   io.Writer
	f     string
	m     Meta
	mon   *monitor.Monitor
	lit   []int // indexes of the indicators that get a light
	Color bool
	// counted as units are emitted
	units, failed int
	lights        [4]int // by indicators.LightRank: none, green, yellow, red
	red           []int  // by indicator index
	first         bool
	checkUnits    int // units whose data failed a consistency check (End's summary)
	xl            *monitorXLSX
	// whys: the format shows each indicator's explanation (not table or
	// md, which show its light alone).
	whys bool
	// WriteUnit's scratch, reused record after record.
	cellBuf []cell
	rankBuf []byte
	// pool holds the workers' monitorScratch: its memos are of this
	// format's digits and this ruleset's indicators.
	pool sync.Pool
	lang string // of the errors (Options.Lang)
	// checks is the list of 未通过的检查 (table, md, html): a line per
	// unit whose data failed a consistency check, shown after the
	// summary; the rows mark the unit 不符.
	checks *spill.Spill
	// checkTexts are the 未通过校验 texts of the ruleset's checks (csv).
	checkTexts csvChecks
}

func newMonitorRows(f string, m Meta, mon *monitor.Monitor, color bool) *monitorRows {
	s := &monitorRows{f: f, m: m, mon: mon, red: make([]int, len(m.Indicators)), first: true, Color: color,
		whys: f != "table" && f != "md"}
	s.pool.New = func() any { return new(monitorScratch) }
	if !s.full() && f != "json" {
		s.checks = spill.New(spoolMem)
	}
	if f == "csv" {
		s.checkTexts = newCSVChecks(m)
	}
	for k := range m.Indicators {
		if mon.Lit(k) {
			s.lit = append(s.lit, k)
		}
	}
	return s
}

// A record is the unit's light, each indicator's light (LightRank bytes,
// for the summary), then a uvarint: the offset of the rank's place plus
// one (0 for none), then the row. Rows of the tabular formats are cells.
const (
	mcText  = 0
	mcNum   = 1
	mcLight = 2
	mcRank  = 3
	mcShare = 4 // a share (完成度): a number shown as a percentage
)

// monitorScratch is a worker's reusable memory for AppendUnit, which
// runs on every worker at once: the lights of the unit, the bytes of a
// cell being made, and the digits of each indicator's last expected
// value, so that a unit costs no allocation of its own.
type monitorScratch struct {
	lu    monitor.Unit
	buf   []byte
	quote []byte
	exp   []expectedMemo
	idx   []int // the failed checks' indexes in checkTexts
}

// expectedMemo is the digits of an expected value (the target × the
// elapsed share: mostly the same for every unit) as one format writes
// them.
type expectedMemo struct {
	ok   bool
	bits uint64
	text []byte
}

// expected appends indicator k's expected value e as the format writes
// it (json: encoding/json's digits; the others: 4 decimals), from the
// last unit's digits when e is the same.
func (s *monitorRows) expected(dst []byte, sc *monitorScratch, k int, e float64) []byte {
	if len(sc.exp) < len(s.m.Indicators) {
		sc.exp = append(sc.exp, make([]expectedMemo, len(s.m.Indicators)-len(sc.exp))...)
	}
	m := &sc.exp[k]
	if b := math.Float64bits(e); !m.ok || m.bits != b {
		m.ok, m.bits = true, b
		if s.f == "json" {
			m.text, _ = appendJSONFloat(m.text[:0], e) // finite: jsonUnit checks
		} else {
			// csv and xlsx, beside the value: as the explanations round
			// it, a computed expectation rather than reported data.
			m.text = monitor.AppendExpected(m.text[:0], e)
		}
	}
	return append(dst, m.text...)
}

// AppendUnit makes the record of one unit.
func (s *monitorRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	sc := s.pool.Get().(*monitorScratch)
	defer s.pool.Put(sc)
	lu := &sc.lu
	s.mon.Lights(lu, u)
	dst = append(dst, byte(indicators.LightRank(lu.Light)))
	for k := range s.m.Indicators {
		r := 0
		if k < len(lu.Indicators) {
			r = indicators.LightRank(lu.Indicators[k].Light)
		}
		dst = append(dst, byte(r))
	}
	switch s.f {
	case "json":
		return s.jsonUnit(dst, u, sc)
	case "csv":
		return s.csvLine(dst, u, sc)
	}
	return s.cells(dst, u, sc)
}

// rendersLate reports whether Sink.RendersLate: a record depends on the
// unit and the ruleset alone, the same before Start or after. The formats
// that explain every light (csv, json, html, xlsx: some 2.7 kB a unit of
// grid-center) are faster scored twice than spilled; table and md (a
// light a cell) are not (200,000 units: table scored twice took 1.2–1.4
// times the CPU time).
func (s *monitorRows) rendersLate() bool { return s.whys }

// rendersCompact reports whether Sink.RendersCompact: csv, xlsx and html
// render from what a compact record keeps; json shows each indicator's
// points and flags, which it does not keep.
func (s *monitorRows) rendersCompact() bool { return s.f == "csv" || s.f == "xlsx" || s.f == "html" }

// full reports whether the format gives each indicator five columns and
// the failed checks a column of their own (csv, xlsx).
func (s *monitorRows) full() bool { return s.f == "csv" || s.f == "xlsx" }

// Begin writes what comes before the units.
func (s *monitorRows) Begin(w io.Writer, m Meta) error {
	s.m, s.out = m, w
	// The Sink's own buffer when w is one: a second buffer in front of
	// it copied every byte once more (2.7 GB for a million units of csv).
	if bw, ok := w.(*bufio.Writer); ok {
		s.w = bw
	} else {
		s.w = bufio.NewWriter(w)
	}
	switch s.f {
	case "json":
		b, _ := json.Marshal(jsonRuleset{ID: s.m.Ruleset.ID, Version: s.m.Ruleset.Version, SHA256: s.m.Ruleset.SHA256})
		fmt.Fprintf(s.w, `{"ruleset":%s`, b)
		if s.m.Data != nil {
			d, _ := json.Marshal(jsonData{Files: s.m.Data.Files, SHA256: s.m.Data.SHA256})
			fmt.Fprintf(s.w, `,"data":%s`, d)
		}
		if len(s.m.Populations) > 0 {
			p, _ := json.Marshal(jsonPopulations(s.m.Populations))
			fmt.Fprintf(s.w, `,"populations":%s`, p)
		}
		mon, _ := json.Marshal(s.monitorJSON())
		fmt.Fprintf(s.w, ",\n\"monitor\":%s,\n\"units\":[", mon)
	case "csv":
		s.w.WriteString("\ufeff")
		s.w.Write(appendCSVRow(nil, s.header(true)))
	case "table":
		fmt.Fprintf(s.w, "%s 绩效运行监控（双监控）\n%s\n\n", title(s.m), s.asOfLine())
		s.w.WriteString(strings.Join(s.header(false), "\t") + "\n")
	case "md":
		fmt.Fprintf(s.w, "# %s 绩效运行监控（双监控）\n\n%s\n\n", title(s.m), s.asOfLine())
		h := s.header(false)
		s.w.WriteString("| " + strings.Join(h, " | ") + " |\n|" + strings.Repeat(" --- |", len(h)) + "\n")
	case "html":
		fmt.Fprintf(s.w, monitorHTMLHead, html.EscapeString(title(s.m)), html.EscapeString(title(s.m)), html.EscapeString(s.asOfLine()))
		s.w.WriteString("<table>\n<thead><tr>")
		for _, h := range s.header(false) {
			fmt.Fprintf(s.w, "<th>%s</th>", html.EscapeString(h))
		}
		s.w.WriteString("</tr></thead>\n<tbody>\n")
	case "xlsx":
		x, err := newMonitorXLSX(s)
		if err != nil {
			return err
		}
		s.xl = x
	}
	return nil
}

// WriteUnit writes one unit's row.
func (s *monitorRows) WriteUnit(_ io.Writer, rec []byte, rank int) error {
	n := 1 + len(s.m.Indicators)
	if len(rec) < n {
		return internalf("monitor: a record was cut short")
	}
	s.units++
	s.lights[rec[0]]++
	if rank == 0 {
		s.failed++
	}
	for k := range s.m.Indicators {
		if rec[1+k] == 3 {
			s.red[k]++
		}
	}
	rec = rec[n:]
	hole, w := binary.Uvarint(rec)
	rec = rec[w:]
	switch s.f {
	case "json", "csv":
		// The text as the worker wrote it, the rank in its hole (csv: an
		// empty field for a failed unit).
		if s.f == "json" {
			sep := ",\n"
			if s.first {
				sep = "\n"
			}
			s.first = false
			s.w.WriteString(sep)
		}
		if hole > 0 {
			s.w.Write(rec[:hole-1])
			if s.f == "json" || rank > 0 {
				s.rankBuf = strconv.AppendInt(s.rankBuf[:0], int64(rank), 10)
				s.w.Write(s.rankBuf)
			}
			rec = rec[hole-1:]
		}
		_, err := s.w.Write(rec)
		return err
	}
	s.rankBuf = strconv.AppendInt(s.rankBuf[:0], int64(rank), 10)
	cells, err := decodeCells(s.cellBuf, rec, rank, s.rankBuf)
	if err != nil {
		return err
	}
	s.cellBuf = cells
	return s.row(cells)
}

// End writes the summary and what comes after the units.
func (s *monitorRows) End(_ io.Writer, sum engine.Summary) error {
	s.checkUnits = sum.CheckUnits
	if s.checks != nil {
		defer s.checks.Close()
	}
	if s.f == "xlsx" {
		if err := s.xl.end(); err != nil {
			return err
		}
		return nil
	}
	switch s.f {
	case "json":
		b, _ := json.Marshal(s.summaryJSON())
		fmt.Fprintf(s.w, "\n],\n\"summary\":%s", b)
		if st := statisticsJSON(sum); st != "" {
			fmt.Fprintf(s.w, ",\n\"statistics\":%s", st)
		}
		s.w.WriteString("}\n")
	case "csv":
	case "table":
		s.w.WriteString("\n" + s.summaryText() + "\n")
		if s.checks.Len() > 0 {
			s.w.WriteString("未通过的检查：\n")
			if err := writeOut(s.w, s.checks); err != nil {
				return err
			}
		}
		s.w.WriteString(provenanceLines(s.m))
	case "md":
		s.w.WriteString("\n" + strings.ReplaceAll(s.summaryText(), "\n", "\n\n") + "\n\n")
		if s.checks.Len() > 0 {
			s.w.WriteString("## 未通过的检查\n\n")
			if err := writeOut(s.w, s.checks); err != nil {
				return err
			}
			s.w.WriteString("\n")
		}
		s.w.WriteString(provenanceLine(s.m) + "\n")
	case "html":
		fmt.Fprintf(s.w, "</tbody></table>\n<h2>汇总</h2>\n<p>%s</p>\n", strings.ReplaceAll(html.EscapeString(s.summaryText()), "\n", "<br>"))
		if s.checks.Len() > 0 {
			s.w.WriteString("<h2>未通过的检查</h2>\n<ul>\n")
			if err := writeOut(s.w, s.checks); err != nil {
				return err
			}
			s.w.WriteString("</ul>\n")
		}
		fmt.Fprintf(s.w, "<footer>%s</footer>\n</body></html>\n", html.EscapeString(provenanceLine(s.m)))
	}
	return s.w.Flush()
}

func (s *monitorRows) asOfLine() string {
	mon := s.mon
	return fmt.Sprintf("监控日期 %s，时间进度 %d/%d = %s；绿灯：达到应达值的 %s，黄灯：%s 以上，其余红灯",
		mon.AsOf.Format("2006-01-02"), mon.Day, mon.Days, percentOf(mon.Elapsed), percentOf(mon.Bounds.Green), percentOf(mon.Bounds.Yellow))
}

func percentOf(x float64) string { return strconv.FormatFloat(x*100, 'f', 2, 64) + "%" }

// header lists the columns; full gives each indicator five (csv, xlsx):
// its value, expected value, share (完成度), light and 说明, the headers
// saying what is the same for every unit — how the expected value is
// reached ("预算执行率 应达（全年目标 1 × 273/365）"), how the share is
// taken ("（实际 ÷ 应达）") and the bounds of the lights — so that 说明
// holds only the words the row's numbers leave unsaid (monitor.AppendNote).
func (s *monitorRows) header(full bool) []string {
	h := []string{"单位编码", "单位名称", "总分", "等级", "排名", "监控灯"}
	noted := func(head, note string) string {
		if note == "" {
			return head
		}
		return head + "（" + note + "）"
	}
	for _, k := range s.lit {
		l := s.m.Indicators[k].Label
		if full {
			h = append(h, l+" 实际", noted(l+" 应达", s.mon.ExpectedNote(k)), noted(l+" 完成度", s.mon.ShareNote(k)),
				noted(l+" 灯", s.mon.LightNote(k)), l+" 说明")
		} else {
			h = append(h, l)
		}
	}
	h = append(h, "说明")
	switch {
	case full:
		h = append(h, "未通过校验")
	case s.m.HasFailedChecks:
		h = append(h, "校验")
	}
	return h
}

// cells renders a unit as cells, in header(true)'s order. Each cell is
// its kind, a uvarint length and its bytes; numbers and explanations are
// appended through sc.buf rather than made as strings.
func (s *monitorRows) cells(dst []byte, u *engine.UnitResult, sc *monitorScratch) []byte {
	lu := &sc.lu
	dst = append(dst, 0) // no hole: the rank is a cell
	var n int
	at := len(dst)
	dst = append(dst, 0, 0) // count, filled below (fits two bytes)
	add := func(kind byte, v []byte) {
		dst = append(dst, kind)
		dst = binary.AppendUvarint(dst, uint64(len(v)))
		dst = append(dst, v...)
		n++
	}
	addS := func(kind byte, v string) {
		dst = append(dst, kind)
		dst = binary.AppendUvarint(dst, uint64(len(v)))
		dst = append(dst, v...)
		n++
	}
	addS(mcText, u.Unit)
	addS(mcText, u.Name)
	if u.Failed() {
		addS(mcText, "")
		addS(mcText, "")
	} else {
		sc.buf = appendShortF(sc.buf[:0], u.Score)
		add(mcNum, sc.buf)
		addS(mcText, u.Grade)
	}
	addS(mcRank, "")
	addS(mcLight, lu.Light)
	for _, k := range s.lit {
		var l *monitor.Light
		var ir *engine.IndicatorResult
		if k < len(lu.Indicators) {
			l, ir = &lu.Indicators[k], &u.Indicators[k]
		}
		switch {
		case ir != nil && ir.HasValue && indicators.Finite(ir.Value) && ir.Tier == "":
			sc.buf = appendShortG(sc.buf[:0], ir.Value)
			add(mcNum, sc.buf)
		case ir != nil && ir.Tier != "":
			addS(mcText, ir.Tier)
		default:
			addS(mcText, "")
		}
		if l != nil && l.HasExpected {
			sc.buf = s.expected(sc.buf[:0], sc, k, l.Expected)
			add(mcNum, sc.buf)
		} else {
			addS(mcText, "")
		}
		if l != nil && l.HasShare && (s.f == "csv" || s.f == "xlsx") {
			// The share itself, shown by the cell's format as 132.59%.
			sc.buf = strconv.AppendFloat(sc.buf[:0], l.Share, 'g', -1, 64)
			add(mcShare, sc.buf)
		} else {
			addS(mcText, "") // table, md and html show no share column
		}
		if l == nil {
			addS(mcLight, "")
			addS(mcText, "")
			continue
		}
		addS(mcLight, l.Light)
		switch {
		case s.f == "csv" || s.f == "xlsx":
			// Beside the value, expected value and share: what they
			// leave unsaid.
			sc.buf = s.mon.AppendNote(sc.buf[:0], lu, k, ir)
			add(mcText, sc.buf)
		case s.whys:
			sc.buf = s.mon.AppendWhy(sc.buf[:0], lu, k, ir)
			add(mcText, sc.buf)
		default:
			// table and md show the light alone: its explanation is
			// never made.
			addS(mcText, "")
		}
	}
	sc.buf = s.mon.AppendUnitWhy(sc.buf[:0], lu)
	if u.Failed() && len(u.Errors) > 0 {
		sc.buf = append(sc.buf, "；"...)
		sc.buf = append(sc.buf, u.Errors[0].Msg...)
	}
	add(mcText, sc.buf)
	sc.buf = appendChecks(sc.buf[:0], u)
	add(mcText, sc.buf)
	binary.BigEndian.PutUint16(dst[at:], uint16(n))
	return dst
}

// A cell of a record as WriteUnit reads it: v is in the record (or the
// rank's scratch), valid until the next record.
type cell struct {
	kind byte
	v    []byte
}

// decodeCells reads the cells of rec into cells (reused), the rank cell
// written from rank into rankBuf.
func decodeCells(cells []cell, rec []byte, rank int, rankBuf []byte) ([]cell, error) {
	if len(rec) < 2 {
		return nil, internalf("monitor: a record was cut short")
	}
	n := int(binary.BigEndian.Uint16(rec))
	rec = rec[2:]
	cells = cells[:0]
	for i := 0; i < n; i++ {
		if len(rec) < 1 {
			return nil, internalf("monitor: a record was cut short")
		}
		kind := rec[0]
		l, w := binary.Uvarint(rec[1:])
		if w <= 0 || len(rec) < 1+w+int(l) {
			return nil, internalf("monitor: a record was cut short")
		}
		v := rec[1+w : 1+w+int(l)]
		rec = rec[1+w+int(l):]
		if kind == mcRank {
			kind, v = mcNum, nil
			if rank > 0 {
				v = rankBuf
			}
		}
		cells = append(cells, cell{kind, v})
	}
	return cells, nil
}

// ANSI colours of the lights on a terminal.
var ansiLight = map[string]string{indicators.LightGreen: "\x1b[32m", indicators.LightYellow: "\x1b[33m", indicators.LightRed: "\x1b[31m"}

// Emoji of the lights in Markdown, which has no colour of its own.
var mdLight = map[string]string{indicators.LightGreen: "🟢", indicators.LightYellow: "🟡", indicators.LightRed: "🔴"}

// row writes one unit's cells in the tabular formats.
func (s *monitorRows) row(cells []cell) error {
	switch s.f {
	case "xlsx":
		return s.xl.row(cells)
	}
	// table, md, html: the fixed columns, each indicator's light (its
	// explanation beside in html), the unit's explanation.
	var out []string
	checks := 6 + 5*len(s.lit) + 1 // the cell of the failed checks, after 说明
	for i, c := range cells {
		if i == checks {
			if s.m.HasFailedChecks {
				out = append(out, s.checkCell(cells[0].v, cells[1].v, c.v))
			}
			continue
		}
		if i >= 6 && i < checks-1 {
			// per indicator: value, expected, share, light, why: the light
			// only, html keeps the why as the cell's title.
			j := (i - 6) % 5
			if j != 3 {
				continue
			}
			out = append(out, s.lightCell(string(c.v), string(cells[i+1].v)))
			continue
		}
		if c.kind == mcLight {
			out = append(out, s.lightCell(string(c.v), ""))
			continue
		}
		switch s.f {
		case "html":
			out = append(out, "<td>"+html.EscapeString(string(c.v))+"</td>")
		case "md":
			out = append(out, mdEscape.Replace(string(c.v)))
		default:
			out = append(out, string(c.v))
		}
	}
	var err error
	switch s.f {
	case "html":
		_, err = s.w.WriteString("<tr>" + strings.Join(out, "") + "</tr>\n")
	case "md":
		_, err = s.w.WriteString("| " + strings.Join(out, " | ") + " |\n")
	default:
		_, err = s.w.WriteString(strings.Join(out, "\t") + "\n")
	}
	return err
}

// checkCell is the 校验 cell of a unit in table, md and html: 不符 when
// its data failed a consistency check (checks, the checks' text, is then
// listed under 未通过的检查 after the summary).
func (s *monitorRows) checkCell(unit, name, checks []byte) string {
	if len(checks) == 0 {
		if s.f == "html" {
			return "<td></td>"
		}
		return ""
	}
	switch s.f {
	case "html":
		fmt.Fprintf(s.checks, "<li><strong>%s %s</strong>：%s</li>\n", html.EscapeString(string(unit)), html.EscapeString(string(name)), html.EscapeString(string(checks)))
		return `<td title="` + html.EscapeString(string(checks)) + `">` + MarkCheck.Sym + "</td>"
	case "md":
		fmt.Fprintf(s.checks, "- %s %s：%s\n", mdEscape.Replace(string(unit)), mdEscape.Replace(string(name)), mdEscape.Replace(string(checks)))
	default:
		fmt.Fprintf(s.checks, "  %s %s：%s\n", unit, name, checks)
	}
	return MarkCheck.Sym
}

func (s *monitorRows) lightCell(light, why string) string {
	name := monitor.Chinese(light)
	switch s.f {
	case "html":
		cls := light
		if cls == "" {
			cls, name = "none", "—"
		}
		if why != "" {
			return fmt.Sprintf(`<td class="%s" title="%s">%s<br><small>%s</small></td>`, cls, html.EscapeString(why), name, html.EscapeString(why))
		}
		return fmt.Sprintf(`<td class="%s">%s</td>`, cls, name)
	case "md":
		if light == "" {
			return "—"
		}
		return mdLight[light] + " " + name
	}
	if light == "" {
		return "—"
	}
	if s.Color {
		return ansiLight[light] + name + "\x1b[0m"
	}
	return name
}

// summaryText: units by light, the indicators most often red.
func (s *monitorRows) summaryText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "共 %d 个单位：绿灯 %d，黄灯 %d，红灯 %d", s.units, s.lights[1], s.lights[2], s.lights[3])
	if s.lights[0] > 0 {
		fmt.Fprintf(&b, "，无灯 %d", s.lights[0])
	}
	if s.failed > 0 {
		fmt.Fprintf(&b, "（其中 %d 个单位数据有误，未能评分，记红灯）", s.failed)
	}
	reds := s.redIndicators()
	if len(reds) == 0 {
		b.WriteString("\n没有指标亮红灯")
	} else {
		b.WriteString("\n红灯最多的指标：")
	}
	for i, r := range reds {
		if i == 10 {
			break
		}
		if i > 0 {
			b.WriteString("，")
		}
		fmt.Fprintf(&b, "%s %d 个单位", s.m.Indicators[r].Label, s.red[r])
	}
	if s.checkUnits > 0 {
		where := "「未通过的检查」"
		if s.full() {
			where = "「未通过校验」列"
		}
		fmt.Fprintf(&b, "\n%d 个单位的数据未通过一致性校验（不影响得分和亮灯），见%s", s.checkUnits, where)
	}
	return b.String()
}

// redIndicators lists the indicators with a red light, most often red
// first (ruleset order among equals).
func (s *monitorRows) redIndicators() []int {
	var ks []int
	for k, n := range s.red {
		if n > 0 {
			ks = append(ks, k)
		}
	}
	sort.SliceStable(ks, func(a, b int) bool { return s.red[ks[a]] > s.red[ks[b]] })
	return ks
}

type monitorJSON struct {
	AsOf    string  `json:"as_of"`
	Elapsed float64 `json:"elapsed"`
	Day     int     `json:"day"`
	Days    int     `json:"days"`
	Green   float64 `json:"green"`
	Yellow  float64 `json:"yellow"`
}

func (s *monitorRows) monitorJSON() monitorJSON {
	m := s.mon
	return monitorJSON{AsOf: m.AsOf.Format("2006-01-02"), Elapsed: m.Elapsed, Day: m.Day, Days: m.Days, Green: m.Bounds.Green, Yellow: m.Bounds.Yellow}
}

type monitorSummaryJSON struct {
	Units         int             `json:"units"`
	Errors        int             `json:"errors"`
	CheckUnits    int             `json:"check_units"` // units whose data failed a consistency check
	Lights        monitorCounts   `json:"lights"`
	RedIndicators []monitorRedInd `json:"red_indicators"`
}

type monitorCounts struct {
	Green  int `json:"green"`
	Yellow int `json:"yellow"`
	Red    int `json:"red"`
	None   int `json:"none"`
}

type monitorRedInd struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Units int    `json:"units"`
}

func (s *monitorRows) summaryJSON() monitorSummaryJSON {
	out := monitorSummaryJSON{Units: s.units, Errors: s.failed, CheckUnits: s.checkUnits, RedIndicators: []monitorRedInd{},
		Lights: monitorCounts{Green: s.lights[1], Yellow: s.lights[2], Red: s.lights[3], None: s.lights[0]}}
	for _, k := range s.redIndicators() {
		out.RedIndicators = append(out.RedIndicators, monitorRedInd{ID: s.m.Indicators[k].ID, Label: s.m.Indicators[k].Label, Units: s.red[k]})
	}
	return out
}

// jsonUnit appends a unit's JSON with a hole for its rank: the bytes
// json.Marshal wrote of monitorUnitJSON (TestMonitorJSONAsMarshal holds
// it to them), by hand. A number encoding/json cannot write (NaN, ±Inf)
// makes the record {"error":...,"unit":...}, as eval's JSON does.
func (s *monitorRows) jsonUnit(dst []byte, u *engine.UnitResult, sc *monitorScratch) []byte {
	start := len(dst)
	dst, err := s.appendJSONUnit(dst, u, sc)
	if err != nil {
		b, _ := json.Marshal(map[string]string{"unit": u.Unit, "error": err.Error()})
		dst = append(dst[:start], 0)
		return append(dst, b...)
	}
	return dst
}

func (s *monitorRows) appendJSONUnit(dst []byte, u *engine.UnitResult, sc *monitorScratch) (_ []byte, err error) {
	lu := &sc.lu
	start := len(dst)
	failed := u.Failed()
	if failed {
		dst = append(dst, 0) // uvarint 0: no rank
	}
	dst = append(dst, `{"unit":`...)
	dst = appendJSONString(dst, u.Unit)
	dst = append(dst, `,"name":`...)
	dst = appendJSONString(dst, u.Name)
	if !failed {
		dst = append(dst, `,"score":`...)
		if dst, err = appendJSONFloat(dst, u.Score); err != nil {
			return dst, err
		}
		if u.Grade != "" {
			dst = append(dst, `,"grade":`...)
			dst = appendJSONString(dst, u.Grade)
		}
		dst = append(dst, `,"rank":`...)
		dst = insertHole(dst, start)
	}
	dst = append(dst, `,"light":`...)
	dst = appendJSONLight(dst, lu.Light)
	dst = append(dst, `,"why":`...)
	sc.buf = s.mon.AppendUnitWhy(sc.buf[:0], lu)
	dst = appendJSONText(dst, sc.buf)
	dst = append(dst, `,"indicators":[`...)
	if !failed {
		for k := range u.Indicators {
			if k > 0 {
				dst = append(dst, ',')
			}
			if dst, err = s.appendJSONIndicator(dst, sc, k, &u.Indicators[k]); err != nil {
				return dst, err
			}
		}
	}
	dst = append(dst, ']')
	dst = appendJSONChecks(dst, u.Checks)
	dst = append(dst, `,"errors":[`...)
	if failed {
		for i, e := range u.Errors {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONError(dst, e)
		}
	}
	return append(dst, "]}"...), nil
}

// appendJSONIndicator appends indicator k of a scored unit with its light.
func (s *monitorRows) appendJSONIndicator(dst []byte, sc *monitorScratch, k int, ir *engine.IndicatorResult) (_ []byte, err error) {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, ir.ID)
	dst = append(dst, `,"label":`...)
	dst = appendJSONString(dst, ir.Label)
	if dst, err = appendJSONScore(dst, ir); err != nil {
		return dst, err
	}
	lu := &sc.lu
	if k >= len(lu.Indicators) {
		return append(dst, `,"light":null,"expected":null,"share":null}`...), nil
	}
	l := &lu.Indicators[k]
	dst = append(dst, `,"light":`...)
	dst = appendJSONLight(dst, l.Light)
	dst = append(dst, `,"expected":`...)
	switch {
	case !l.HasExpected:
		dst = append(dst, "null"...)
	case !indicators.Finite(l.Expected):
		return appendJSONFloat(dst, l.Expected) // its error
	default:
		dst = s.expected(dst, sc, k, l.Expected)
	}
	// The share (完成度) as the csv's column has it, with every digit.
	dst = append(dst, `,"share":`...)
	if !l.HasShare {
		dst = append(dst, "null"...)
	} else if dst, err = appendJSONFloat(dst, l.Share); err != nil {
		return dst, err
	}
	if sc.buf = s.mon.AppendWhy(sc.buf[:0], lu, k, ir); len(sc.buf) > 0 {
		dst = append(dst, `,"why":`...)
		dst = appendJSONText(dst, sc.buf)
	}
	return append(dst, '}'), nil
}

// appendJSONLight appends a light's name, null for none.
func appendJSONLight(dst []byte, light string) []byte {
	if light == "" {
		return append(dst, "null"...)
	}
	return appendJSONString(dst, light)
}

// appendJSONText appends b as appendJSONString does: as is when every
// byte is printable ASCII other than " \ < > & or in a UTF-8 character
// of two or three bytes other than U+2028 and U+2029 (an explanation's
// Chinese, × and numbers), else through appendJSONString.
func appendJSONText(dst []byte, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf && jsonSafe[c] {
			i++
			continue
		}
		if i+2 < len(b) && threeByteLead(c) && b[i+1]&0xc0 == 0x80 && b[i+2]&0xc0 == 0x80 &&
			(c != 0xe2 || b[i+1] != 0x80 || b[i+2]&^1 != 0xa8) {
			i += 3
			continue
		}
		if i+1 < len(b) && c >= 0xc2 && c <= 0xdf && b[i+1]&0xc0 == 0x80 {
			i += 2 // × and ÷: valid UTF-8 of two bytes
			continue
		}
		return appendJSONString(dst, string(b))
	}
	dst = append(dst, '"')
	dst = append(dst, b...)
	return append(dst, '"')
}

// csvLine appends a unit's csv line, with a hole for its rank, in
// header(true)'s order: what row writes of its cells, written on the
// worker rather than decoded and written again in order.
func (s *monitorRows) csvLine(dst []byte, u *engine.UnitResult, sc *monitorScratch) []byte {
	lu := &sc.lu
	start := len(dst)
	text := func(v string) {
		at := len(dst)
		dst = sc.quoteTail(append(dst, v...), at)
	}
	text(u.Unit)
	dst = append(dst, ',')
	text(u.Name)
	dst = append(dst, ',')
	if !u.Failed() {
		dst = appendShortF(dst, u.Score)
		dst = append(dst, ',')
		text(u.Grade)
	} else {
		dst = append(dst, ',')
	}
	dst = append(dst, ',')
	dst = insertHole(dst, start)
	dst = append(dst, ',')
	dst = append(dst, monitor.Chinese(lu.Light)...)
	for _, k := range s.lit {
		dst = append(dst, ',')
		if k >= len(lu.Indicators) {
			dst = append(dst, ",,,,"...) // a failed unit: no value, share, light or note
			continue
		}
		l, ir := &lu.Indicators[k], &u.Indicators[k]
		switch {
		case ir.HasValue && indicators.Finite(ir.Value) && ir.Tier == "":
			dst = monitor.AppendValue(dst, ir.Value)
		case ir.Tier != "":
			text(ir.Tier)
		}
		dst = append(dst, ',')
		if l.HasExpected {
			dst = s.expected(dst, sc, k, l.Expected)
		}
		dst = append(dst, ',')
		if l.HasShare {
			dst = monitor.AppendShare(dst, l.Share)
		}
		dst = append(dst, ',')
		dst = append(dst, monitor.Chinese(l.Light)...)
		dst = append(dst, ',')
		// A note's words and numbers need no quotes (monitor.AppendNote):
		// it says nothing read from the data as it was written.
		dst = s.mon.AppendNote(dst, lu, k, ir)
	}
	dst = append(dst, ',')
	at := len(dst)
	dst = s.mon.AppendUnitWhy(dst, lu)
	if u.Failed() && len(u.Errors) > 0 {
		dst = append(dst, "；"...)
		dst = append(dst, u.Errors[0].Msg...)
	}
	dst = sc.quoteTail(dst, at)
	dst = append(dst, ',')
	dst = s.checkTexts.appendFieldOf(dst, u, &sc.idx)
	return append(dst, '\n')
}

// quoteTail quotes dst[at:], a csv field, where appendCSVField would,
// through sc.quote.
func (sc *monitorScratch) quoteTail(dst []byte, at int) []byte {
	if !csvNeedsQuotesBytes(dst[at:]) {
		return dst
	}
	sc.quote = append(sc.quote[:0], dst[at:]...)
	dst = append(dst[:at], '"')
	for _, c := range sc.quote {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// appendShortF appends strconv's shortest 'f' form of x: the digits of k
// for a double nearest some k/10⁴ below 10¹¹ (a score, a count), where
// multiples of 10⁻⁴ are farther apart than two doubles.
func appendShortF(dst []byte, x float64) []byte {
	if a := math.Abs(x); a >= 1e-4 && a < 1e11 {
		if r := math.Round(x * 1e4); r/1e4 == x {
			return appendSignedTenThousandths(dst, int64(r))
		}
	}
	return strconv.AppendFloat(dst, x, 'f', -1, 64)
}

// appendShortG appends strconv's shortest 'g' form of x: appendShortF's
// digits between 10⁻⁴ and 10⁶, where 'g' writes no exponent.
func appendShortG(dst []byte, x float64) []byte {
	if a := math.Abs(x); a >= 1e-4 && a < 1e6 {
		if r := math.Round(x * 1e4); r/1e4 == x {
			return appendSignedTenThousandths(dst, int64(r))
		}
	}
	return strconv.AppendFloat(dst, x, 'g', -1, 64)
}

func appendSignedTenThousandths(dst []byte, k int64) []byte {
	if k < 0 {
		dst = append(dst, '-')
		k = -k
	}
	return appendTenThousandths(dst, k)
}

const monitorHTMLHead = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s 绩效运行监控</title>
<style>
body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top}
th{background:#D9E1F2}td.green{background:#C6EFCE;color:#006100}td.yellow{background:#FFEB9C;color:#9C5700}td.red{background:#FFC7CE;color:#9C0006}
td.none{color:#808080}small{color:#404040}footer{margin-top:1.5em;color:#595959;font-size:small}
@media print{@page{size:A4 landscape}}
</style></head><body>
<h1>%s 绩效运行监控（双监控）</h1>
<p>%s</p>
`

// monitorXLSX is the workbook of jixiao monitor: a 监控 sheet streamed a
// row per unit with the lights as fills, and a 汇总 sheet at the end. The
// 监控 sheet is written straight into the workbook's zip, deflated as the
// rows come (partSheet), rather than kept by excelize and deflated at the
// end: 200,000 units' sheet took excelize 14 of 30 CPU seconds in one
// goroutine after the last row.
type monitorXLSX struct {
	s    *monitorRows
	f    *excelize.File
	sw   rowSheet
	st   *styles
	next int // the next row of the sheet
	// The styles of the cells of every row, made once.
	light map[string]int // by light
	share int
	vals  []any // a row's values, reused
}

// Fills and fonts of the lights in the workbook.
var xlsxLight = map[string][2]string{indicators.LightGreen: {"C6EFCE", "006100"}, indicators.LightYellow: {"FFEB9C", "9C5700"}, indicators.LightRed: {"FFC7CE", "9C0006"}}

func newMonitorXLSX(s *monitorRows) (*monitorXLSX, error) {
	f, z, err := newWorkbook("监控", s.m, s.out)
	if err != nil {
		return nil, err
	}
	x := &monitorXLSX{s: s, f: f, st: newStyles(f), light: map[string]int{}}
	if err := setProperties(f, s.m, "绩效运行监控"); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet("汇总"); err != nil {
		return nil, err
	}
	id, err := f.GetSheetIndex("监控")
	if err != nil {
		return nil, err
	}
	part, err := z.Direct(fmt.Sprintf("xl/worksheets/sheet%d.xml", id+1), true)
	if err != nil {
		return nil, err
	}
	x.sw = newPartSheet(part, f.GetActiveSheetIndex() == id, printFooter(s.m))
	// The units' ids and names stay in view beside 100-odd columns, the
	// headers above 1,000,000 rows.
	if err := x.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4", ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	for _, l := range []string{indicators.LightGreen, indicators.LightYellow, indicators.LightRed} {
		// In this order, not the map's: style ids are the workbook's bytes.
		col := xlsxLight[l]
		x.light[l] = x.st.id(styleKey{fill: col[0], font: col[1], align: "center"})
	}
	x.share = x.st.id(styleKey{numFmt: "0.00%"})
	title := x.st.id(styleKey{bold: true, size: 14})
	if err := x.sw.SetRow("A1", []any{excelize.Cell{StyleID: title, Value: s.m.Ruleset.Title + " 绩效运行监控（双监控）"}}); err != nil {
		return nil, err
	}
	if err := x.sw.SetRow("A2", []any{s.asOfLine()}); err != nil {
		return nil, err
	}
	hs := x.st.id(styleKey{bold: true, fill: "D9E1F2", align: "center", wrap: true, border: true})
	var head []any
	for _, h := range s.header(true) {
		head = append(head, excelize.Cell{StyleID: hs, Value: h})
	}
	if err := x.sw.SetRow("A3", head); err != nil {
		return nil, err
	}
	x.next = 4
	return x, nil
}

func (x *monitorXLSX) row(cells []cell) error {
	if x.next > excelize.TotalRows {
		return msg.For(x.s.lang).Errorf(msg.RepMonitorRows, excelize.TotalRows)
	}
	vals := x.vals[:0]
	for _, c := range cells {
		var v any // nil: no cell, blank to Excel, as an empty string is not
		switch c.kind {
		case mcNum:
			if f, err := strconv.ParseFloat(string(c.v), 64); err == nil && len(c.v) > 0 {
				v = f
			}
		case mcShare:
			if f, err := strconv.ParseFloat(string(c.v), 64); err == nil {
				v = excelize.Cell{StyleID: x.share, Value: f}
			}
		case mcLight:
			if len(c.v) > 0 {
				v = excelize.Cell{StyleID: x.light[string(c.v)], Value: monitor.Chinese(string(c.v))}
			}
		default:
			if len(c.v) > 0 {
				v = string(c.v)
			}
		}
		vals = append(vals, v)
	}
	x.vals = vals
	err := x.sw.SetRow(cellName(1, x.next), vals)
	x.next++
	return err
}

func (x *monitorXLSX) end() error {
	if err := x.sw.Flush(); err != nil {
		return err
	}
	lines := strings.Split(x.s.summaryText(), "\n")
	for _, f := range Provenance(x.s.m) {
		lines = append(lines, f.Label+"："+f.Value)
	}
	for i, l := range lines {
		if err := x.f.SetCellValue("汇总", cellName(1, i+1), l); err != nil {
			return err
		}
	}
	if x.st.err != nil {
		return x.st.err
	}
	_, err := x.f.WriteTo(x.s.out)
	return err
}

// appendCSVRow appends fields as one CSV line.
func appendCSVRow(b []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVField(b, f)
	}
	return append(b, '\n')
}
