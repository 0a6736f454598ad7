package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/spill"
)

// sheetWriter writes a worksheet's XML by hand, for the selfeval workbook:
// excelize adds a sheet in time that grows with the sheets already there,
// so a workbook of one sheet per unit took time quadratic in the units.
// It has the calls of excelize's StreamWriter that the 自评表 uses, and
// encodes cells as that writer does (numbers to 15 significant digits,
// strings inline, cut to 32,767 characters), so that every cell reads
// back the same.
type sheetWriter struct {
	rows   *spill.Spill // the <row> elements, as they are written
	links  *spill.Spill // the <hyperlink> elements, when there are any
	cols   []float64    // the widths of columns A…, 0 for none set
	merges []string
	buf    []byte
	plain  bool   // no page setup: the sheet prints with Excel's defaults
	filter string // the range of the sheet's autofilter, if it has one
	footer string // the printed pages' footer (&L…&R…), if any
}

// SetColWidth sets the width of columns min to max (from 1).
func (s *sheetWriter) SetColWidth(min, max int, width float64) error {
	for len(s.cols) < max {
		s.cols = append(s.cols, 0)
	}
	for c := min; c <= max; c++ {
		s.cols[c-1] = width
	}
	return nil
}

// SetRow writes the row of cell (its column is A) with values from column
// A on: excelize.Cell values with their style, nil for no cell.
func (s *sheetWriter) SetRow(cell string, values []any, opts ...excelize.RowOpts) error {
	b, err := appendRow(s.buf[:0], cell, values, opts...)
	if err != nil {
		return err
	}
	s.buf = b
	_, err = s.rows.Write(s.buf)
	return err
}

// appendRow appends the <row> element of SetRow, as excelize's
// StreamWriter writes it.
func appendRow(b []byte, cell string, values []any, opts ...excelize.RowOpts) ([]byte, error) {
	_, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		return b, err
	}
	height := 0.0
	if len(opts) > 0 {
		height = opts[0].Height
	}
	if height > excelize.MaxRowHeight {
		return b, excelize.ErrMaxRowHeight
	}
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, v := range values {
		style := 0
		if c, ok := v.(excelize.Cell); ok {
			style, v = c.StyleID, c.Value
		} else if v == nil {
			continue
		}
		b = appendCell(b, cellName(i+1, row), style, v)
	}
	return append(b, "</row>"...), nil
}

// MergeCell merges the cells from top to bottom.
func (s *sheetWriter) MergeCell(top, bottom string) error {
	s.merges = append(s.merges, top+":"+bottom)
	return nil
}

// writeTo writes the worksheet: unless plain, its page fits a page wide
// and, when tall is 1, a page tall; its view (selected, panes) is view;
// then its columns, rows, filter, merged cells and links. The spills are
// closed.
func (s *sheetWriter) writeTo(w io.Writer, view string, tall int) error {
	defer s.rows.Close()
	var b strings.Builder
	b.WriteString(xml.Header + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if !s.plain {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	b.WriteString(`<sheetViews>` + view + `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.cols) > 0 {
		b.WriteString("<cols>")
		for i, w := range s.cols {
			if w > 0 {
				fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(w, 'f', -1, 64))
			}
		}
		b.WriteString("</cols>")
	}
	b.WriteString("<sheetData>")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := writeOut(w, s.rows); err != nil {
		return err
	}
	b.Reset()
	b.WriteString("</sheetData>")
	if s.filter != "" {
		fmt.Fprintf(&b, `<autoFilter ref="%s"/>`, s.filter)
	}
	if len(s.merges) > 0 {
		fmt.Fprintf(&b, `<mergeCells count="%d">`, len(s.merges))
		for _, m := range s.merges {
			fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
		}
		b.WriteString("</mergeCells>")
	}
	if s.links != nil && s.links.Len() > 0 {
		defer s.links.Close()
		b.WriteString("<hyperlinks>")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		if err := writeOut(w, s.links); err != nil {
			return err
		}
		b.Reset()
		b.WriteString("</hyperlinks>")
	}
	if !s.plain {
		fmt.Fprintf(&b, `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="%d"/>`, tall)
	}
	if s.footer != "" {
		b.WriteString(`<headerFooter><oddFooter>`)
		xml.EscapeText(&b, []byte(s.footer))
		b.WriteString(`</oddFooter></headerFooter>`)
	}
	_, err := io.WriteString(w, b.String()+"</worksheet>")
	return err
}

// appendCell appends the <c> element of one cell.
func appendCell(b []byte, ref string, style int, v any) []byte {
	b = append(b, `<c r="`...)
	b = append(b, ref...)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	var text string
	switch v := v.(type) {
	case nil:
		return append(b, "></c>"...)
	case int:
		b = append(b, "><v>"...)
		b = strconv.AppendInt(b, int64(v), 10)
		return append(b, "</v></c>"...)
	case float64:
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			b = append(b, "><v>"...)
			b = append(b, formatCellFloat(v)...)
			return append(b, "</v></c>"...)
		}
		text = fmt.Sprint(v)
	case string:
		text = v
	default:
		text = fmt.Sprint(v)
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if text != "" && (isSpaceByte(text[0]) || isSpaceByte(text[len(text)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = append(b, cellText(text)...)
	return append(b, "</t></is></c>"...)
}

func isSpaceByte(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// cellText is a cell's string as excelize writes it inline: cut to
// excelize.TotalCellChars UTF-16 units, XML-escaped but for newlines, and
// with any _xHHHH_ in it escaped so that it is not read as a character.
func cellText(s string) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > excelize.TotalCellChars {
			s = s[:i]
			break
		}
	}
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	// A _xHHHH_ written by the unit is kept as text: its _ escaped.
	return bstr.ReplaceAllString(strings.ReplaceAll(b.String(), "&#xA;", "\n"), "_x005F$0")
}

// formatCellFloat is excelize's: the shortest decimal of x, cut to Excel's
// 15 significant digits.
func formatCellFloat(x float64) string {
	str := strconv.FormatFloat(x, 'f', -1, 64)
	if math.Abs(x) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// bstr matches what Office reads as an escaped character (_x0041_ is A).
var bstr = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
