package data

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// fmtKind is what a number format does to the number it shows.
type fmtKind uint8

const (
	fmtNumber  fmtKind = iota // the number as it is (General, 0.00, #,##0 ...)
	fmtPercent                // the number × 100 with a % (0%, 0.00%)
	fmtDate                   // a date or time (yyyy-mm-dd, h:mm ...)
	// fmtScaled shows other digits than the cell holds: thousands scaling
	// (#,##0, shows 1234567 as 1,235) or a literal point that moves the
	// digits (0!.0000 shows 1535100 as 153.5100, a way of showing 元 as
	// 万元).
	fmtScaled
)

// cellFormat is a number format, classified once per style: the kind of
// its positive, negative and zero sections.
type cellFormat struct {
	code  string
	kinds [3]fmtKind
	// zeros is the width of a format of only zeros (000000), with which
	// Excel shows codes such as 单位编码 001001 that are stored as numbers.
	zeros int
}

// kind is what the format does to x.
func (f *cellFormat) kind(x float64) fmtKind {
	switch {
	case x < 0:
		return f.kinds[1]
	case x == 0:
		return f.kinds[2]
	}
	return f.kinds[0]
}

// builtinFormat is the code of a built-in number format id, as Excel and
// WPS show them in a Chinese (zh-CN) locale; ids 27–36 and 50–58 are the
// East Asian date formats.
func builtinFormat(id int) string {
	switch id {
	case 1:
		return "0"
	case 2:
		return "0.00"
	case 3:
		return "#,##0"
	case 4:
		return "#,##0.00"
	case 5, 6:
		return `"¥"#,##0;"¥"-#,##0`
	case 7, 8:
		return `"¥"#,##0.00;"¥"-#,##0.00`
	case 9:
		return "0%"
	case 10:
		return "0.00%"
	case 11:
		return "0.00E+00"
	case 12:
		return "# ?/?"
	case 13:
		return "# ??/??"
	case 14:
		return "yyyy/m/d"
	case 15:
		return "d-mmm-yy"
	case 16:
		return "d-mmm"
	case 17:
		return "mmm-yy"
	case 18:
		return "h:mm AM/PM"
	case 19:
		return "h:mm:ss AM/PM"
	case 20:
		return "h:mm"
	case 21:
		return "h:mm:ss"
	case 22:
		return "yyyy/m/d h:mm"
	case 27, 36, 50, 52, 57:
		return `yyyy"年"m"月"`
	case 28, 29, 51, 53, 54, 58:
		return `m"月"d"日"`
	case 30:
		return "m-d-yy"
	case 31:
		return `yyyy"年"m"月"d"日"`
	case 32:
		return `h"时"mm"分"`
	case 33:
		return `h"时"mm"分"ss"秒"`
	case 34, 55:
		return `上午/下午h"时"mm"分"`
	case 35, 56:
		return `上午/下午h"时"mm"分"ss"秒"`
	case 37:
		return "#,##0 ;(#,##0)"
	case 38:
		return "#,##0 ;[Red](#,##0)"
	case 39:
		return "#,##0.00;(#,##0.00)"
	case 40:
		return "#,##0.00;[Red](#,##0.00)"
	case 41, 42:
		return `_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-`
	case 43, 44:
		return `_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-`
	case 45:
		return "mm:ss"
	case 46:
		return "[h]:mm:ss"
	case 47:
		return "mm:ss.0"
	case 48:
		return "##0.0E+0"
	case 49:
		return "@"
	}
	return "General"
}

// classifyFormat reads a number format code.
func classifyFormat(code string) cellFormat {
	f := cellFormat{code: code}
	sections := splitSections(code)
	conditional := false
	var kinds []fmtKind
	for i, s := range sections {
		if i == 3 {
			break // the text section
		}
		k, cond := classifySection(s)
		conditional = conditional || cond
		kinds = append(kinds, k)
	}
	if conditional {
		// [>100] and the like choose a section by value, not by sign:
		// take the strongest kind of any section.
		strongest := fmtNumber
		for _, k := range kinds {
			strongest = max(strongest, k)
		}
		kinds = []fmtKind{strongest}
	}
	for i := range f.kinds {
		// A missing negative or zero section is the positive one's.
		if i < len(kinds) {
			f.kinds[i] = kinds[i]
		} else {
			f.kinds[i] = kinds[0]
		}
	}
	if len(sections) == 1 && code != "" && strings.Trim(code, "0") == "" {
		f.zeros = len(code)
	}
	return f
}

// splitSections splits a format at the semicolons that separate its
// sections, not those in quotes, brackets or after a backslash.
func splitSections(code string) []string {
	var out []string
	start, quoted, bracket := 0, false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '!' || c == '_' || c == '*':
			i++
		case c == ';':
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

func isDigitPlaceholder(c byte) bool { return c == '0' || c == '#' || c == '?' }

// classifySection reads one section of a format; cond tells it has a
// condition such as [>100].
func classifySection(s string) (kind fmtKind, cond bool) {
	date, percent, scaled := false, false, false
	literalPoint := false // a point shown as text, not a decimal point
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				end = len(s) - i - 1
			}
			if strings.Contains(s[i+1:i+1+end], ".") {
				literalPoint = true
			}
			i += end + 1
		case c == '\\' || c == '!':
			if i+1 < len(s) && s[i+1] == '.' {
				literalPoint = true
			}
			i++
		case c == '_' || c == '*':
			i++ // a space as wide as, or a fill of, the next character
		case c == '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				end = len(s) - i
			}
			inner := strings.ToLower(s[i+1 : i+end])
			switch {
			case inner != "" && strings.Trim(inner, "h") == "", inner != "" && strings.Trim(inner, "m") == "", inner != "" && strings.Trim(inner, "s") == "":
				date = true // elapsed time, [h]:mm
			case strings.HasPrefix(inner, ">") || strings.HasPrefix(inner, "<") || strings.HasPrefix(inner, "="):
				cond = true
			}
			i += end
		case c == '%':
			percent = true
		case c == ',':
			if i > 0 && (isDigitPlaceholder(s[i-1]) || s[i-1] == ',') && (i+1 == len(s) || !isDigitPlaceholder(s[i+1])) {
				scaled = true
			}
		case isDigitPlaceholder(c):
			if literalPoint {
				scaled = true
			}
		default:
			switch c | 0x20 { // lower case; General has none of these
			case 'y', 'm', 'd', 'h', 's':
				date = true
			}
		}
	}
	switch {
	case date:
		return fmtDate, cond
	case scaled:
		return fmtScaled, cond
	case percent:
		return fmtPercent, cond
	}
	return fmtNumber, cond
}

// percentOf is what a cell holding x shows under a percent format, as a
// number: x × 100 to Excel's 15 significant digits, so that 0.965 (held
// as 0.96499999999999997) reads 96.5, not 96.49999999999999.
func percentOf(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x*100, 'g', 15, 64), 64)
	return v
}

// serialDate writes the date a serial number stands for, for a message:
// 2023-07-15, 2023-07-15 08:30, or 08:30 for a time of day.
func serialDate(x float64, date1904 bool) string {
	if x < 0 || x > 2958466 || math.IsNaN(x) { // 9999-12-31
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	days := math.Floor(x)
	secs := math.Round((x - days) * 86400)
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 61:
		// Excel counts 1900-02-29, a day that never was.
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	t = t.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	switch {
	case days == 0 && !date1904:
		return t.Format("15:04:05")
	case secs == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}
