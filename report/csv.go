package report

import (
	"encoding/binary"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/engine"
)

// csvRows writes the comparison table as CSV for Excel: UTF-8 with a
// byte-order mark (Excel takes BOM-less CSV for the local code page),
// quoted as encoding/csv quotes, one row per unit in input order:
//
//	单位编码, 单位名称, the points of each indicator (headed by its label),
//	总分, 等级, 排名, [自评总分, 自评等级], 错误, [each indicator's 说明]
//
// An indicator that does not apply reads 不适用; a unit that failed has
// empty points, total, grade and rank and its errors under 错误. The
// claimed columns appear when the data carries claims, the explanations
// with --explain. The first two headers are names the data readers take
// for unit and name, so the file can be read back.
type csvRows struct {
	o      Options
	m      Meta
	claims bool
	rank   [24]byte // WriteUnit's digits (one Emit at a time): a local array escapes through w.Write
}

func newCSVRows(o Options, m Meta) Rows { return &csvRows{o: o, m: m} }

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
	b = append(b, ",错误"...)
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

// A record is the row in three parts around the rank: the lengths of the
// first two (4 bytes each), then the part before the rank, the claimed
// columns (each with its leading comma) and the rest of the row with its
// newline.
func (c *csvRows) AppendUnit(dst []byte, u *engine.UnitResult) []byte {
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0, 0, 0, 0, 0) // the lengths, filled below
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
			if ir := &u.Indicators[k]; ir.Status == engine.StatusNA {
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
	return dst
}

// indicatorCount is how many indicator columns a row has.
func (c *csvRows) indicatorCount(u *engine.UnitResult) int { return len(c.m.Indicators) }

func (c *csvRows) WriteUnit(w io.Writer, rec []byte, rank int) error {
	a := binary.LittleEndian.Uint32(rec)
	cl := binary.LittleEndian.Uint32(rec[4:])
	rec = rec[8:]
	head, claims, rest := rec[:a], rec[a:a+cl], rec[a+cl:]
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
	_, err := w.Write(rest)
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
