package indicators

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/jixiao/jixiao/diag"
)

// Kind says what a data cell holds.
type Kind uint8

// Kinds of cell. The zero Kind is Missing, so a fresh Value is an absent
// input.
const (
	Missing Kind = iota // absent or blank
	Number              // a finite number
	NA                  // 不适用: removes the indicators that read it
	Tier                // a tier letter, maybe with a fraction
)

// Value is one parsed cell of reported data.
type Value struct {
	Kind Kind
	Num  float64 // Number: the value; Tier: the fraction when HasFrac
	// Tier is 'A', 'B' or 'C' for Tier values.
	Tier    byte
	HasFrac bool
}

// NumberValue returns a Number value.
func NumberValue(x float64) Value { return Value{Kind: Number, Num: x} }

// String renders the value as a reviewer would write it.
func (v Value) String() string {
	switch v.Kind {
	case Number:
		return strconv.FormatFloat(v.Num, 'f', -1, 64)
	case NA:
		return "不适用"
	case Tier:
		if v.HasFrac {
			return string(v.Tier) + ":" + strconv.FormatFloat(v.Num, 'f', -1, 64)
		}
		return string(v.Tier)
	}
	return ""
}

// TierBand returns the fraction range of a tier letter under 财预〔2020〕10号:
// A ∈ [0.8, 1], B ∈ [0.6, 0.8), C ∈ [0, 0.6). hiOpen reports whether hi is
// excluded.
func TierBand(letter byte) (lo, hi float64, hiOpen bool) {
	switch letter {
	case 'A':
		return 0.8, 1, false
	case 'B':
		return 0.6, 0.8, true
	}
	return 0, 0.6, true
}

// TierName is the Chinese name of a tier letter.
func TierName(letter byte) string {
	switch letter {
	case 'A':
		return "达成"
	case 'B':
		return "部分达成"
	}
	return "未达成"
}

// IsNA reports whether a cell's text means 不适用.
func IsNA(s string) bool {
	switch s {
	case "NA", "N/A", "na", "n/a", "不适用", "#N/A":
		return true
	}
	return false
}

// ParseCell reads the text of a cell for input in. Blank text is Missing;
// NA and 不适用 are NA. A number input takes a plain decimal, optionally with
// correctly grouped thousands separators (1,234.5) and the input's declared
// unit as a suffix (153.51万元, or 50万 for a 万元 input); a tier input takes
// A/B/C, 达成/部分达成/未达成, or a letter with a fraction inside its band
// (A:0.95). Full-width forms typed with a Chinese keyboard (５０, ９５．５％,
// １，２３４, －５０, Ａ：０．９５) read as their ASCII forms (normalize).
// Anything else is an error saying why.
func ParseCell(s string, in *Input) (Value, error) {
	s = TrimSpace(s)
	if s == "" {
		return Value{}, nil
	}
	if typedWide(s) {
		// Sure not to read as it stands, and reads normalised as it would
		// after failing to: skip the failure, whose message costs more
		// than the rest.
		if n, err := normalize(s); err == nil {
			return parseCell(TrimSpace(n), s, in)
		}
	}
	v, err := parseCell(s, s, in)
	if err == nil || isASCII(s) {
		return v, err
	}
	// Normalising costs more than reading most cells (部分达成, 153.51万元)
	// does: only a cell that does not read as it stands is normalised.
	// What reads as it stands reads the same normalised.
	n, nerr := normalize(s)
	switch {
	case nerr != nil && in.Type == TypeTier:
		return Value{}, fmt.Errorf("unknown tier %s: %w", diag.Quote(s), nerr)
	case nerr != nil:
		return Value{}, fmt.Errorf("%w: %s %w", ErrNotNumber, diag.Quote(s), nerr)
	case n == s:
		return v, err
	}
	return parseCell(TrimSpace(n), s, in)
}

// parseCell is ParseCell on trimmed text s; text is the cell as typed,
// for messages.
func parseCell(s, text string, in *Input) (Value, error) {
	if IsNA(s) {
		return Value{Kind: NA}, nil
	}
	if in.Type == TypeTier {
		return parseTier(s, text)
	}
	if in.Unit != "" {
		s = cutUnit(s, in.Unit)
	}
	x, err := parseNumber(s, text)
	if err != nil {
		if in.Unit != "" {
			return Value{}, fmt.Errorf("%w (the input's unit is %s)", err, in.Unit)
		}
		return Value{}, err
	}
	return NumberValue(x), nil
}

// cutUnit returns s without unit at its end, if it ends so. A unit written
// in the ruleset with full-width forms (％) is also cut in its ASCII form,
// and 万 alone is how a 万元 figure is often written.
func cutUnit(s, unit string) string {
	if t, ok := strings.CutSuffix(s, unit); ok {
		return TrimSpace(t)
	}
	if !isASCII(unit) {
		unit = norm.NFKC.String(unit)
		if t, ok := strings.CutSuffix(s, unit); ok {
			return TrimSpace(t)
		}
	}
	if t, ok := strings.CutSuffix(s, "万"); ok && unit == "万元" {
		return TrimSpace(t)
	}
	return s
}

// ErrLookalike is wrapped by the error of a cell holding a character that
// only looks like a digit, sign or letter of a number or tier: a
// superscript, a circled digit, a small-form comma. normalize does not
// read them: 10² would become 102.
var ErrLookalike = errors.New("type the cell with plain digits, signs and letters")

// normalize returns cell text as ParseCell reads it when it does not read
// as it stands: its NFKC form, so that the full-width forms a Chinese
// keyboard types (５０, ．, ，, ％, －, Ａ, ：, the ideographic space) become
// ASCII, and the minus sign − (U+2212) as "-", which it can only mean. A
// character that NFKC would turn into ASCII in any other way than by its
// width (², ①, ﹐, ㎡) is an error wrapping ErrLookalike: reading it would
// change the number silently.
func normalize(s string) (string, error) {
	t := norm.NFKC.String(s)
	if t != s {
		for _, r := range s {
			if lookalike(r) {
				return "", fmt.Errorf("holds %q (U+%04X), which only looks like %q: %w", r, r, norm.NFKC.String(string(r)), ErrLookalike)
			}
		}
	}
	if strings.Contains(t, "−") {
		t = strings.ReplaceAll(t, "−", "-")
	}
	return t, nil
}

// lookalike reports whether NFKC turns r into text holding ASCII other
// than by a change of width (Ｆ → F, ５ → 5).
func lookalike(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return false
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	for _, c := range norm.NFKC.Properties(b[:n]).Decomposition() {
		if c < utf8.RuneSelf {
			return true
		}
	}
	return false
}

// typedWide reports whether s holds a full-width form (U+FF01–U+FF5E,
// the ideographic space U+3000) or the minus sign U+2212: what a Chinese
// keyboard types and normalize turns into ASCII.
func typedWide(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case 0xEF:
			if b := s[i+1]; b == 0xBC || b == 0xBD {
				return true
			}
		case 0xE3:
			if s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		case 0xE2:
			if s[i+1] == 0x88 && s[i+2] == 0x92 {
				return true
			}
		}
	}
	return false
}

// isASCII reports whether s is all ASCII: such a cell needs no
// normalising, which keeps the common cell's path short.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ErrNotNumber is wrapped by every error of ParseNumber.
var ErrNotNumber = errors.New("not a number")

// ParseNumber reads a decimal number: an optional sign, digits either plain
// or grouped in threes by commas, and an optional fraction. Exponents, hex,
// Inf and NaN are refused: reported data never needs them and they hide
// typing mistakes.
//
// Full-width forms read as ASCII (see normalize).
func ParseNumber(s string) (float64, error) {
	x, err := parseNumber(s, s)
	if err == nil || isASCII(s) {
		return x, err
	}
	n, nerr := normalize(s)
	switch {
	case nerr != nil:
		return 0, fmt.Errorf("%w: %s %w", ErrNotNumber, diag.Quote(s), nerr)
	case n == s:
		return x, err
	}
	return parseNumber(n, s)
}

// parseNumber reads s; text is the cell as typed, for messages.
func parseNumber(s, text string) (float64, error) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	grouped := false
	group := -1 // digits since the last comma; -1 before any comma
	lead := 0   // digits before the first comma
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',') {
		if s[i] == ',' {
			if group == -1 {
				if lead == 0 || lead > 3 {
					return 0, fmt.Errorf("%w: %s has a misplaced thousands separator", ErrNotNumber, diag.Quote(text))
				}
			} else if group != 3 {
				return 0, fmt.Errorf("%w: %s has a misplaced thousands separator", ErrNotNumber, diag.Quote(text))
			}
			grouped = true
			group = 0
		} else if group >= 0 {
			group++
		} else {
			lead++
		}
		i++
	}
	if grouped && group != 3 {
		return 0, fmt.Errorf("%w: %s has a misplaced thousands separator", ErrNotNumber, diag.Quote(text))
	}
	intDigits := i - start
	if i < len(s) && s[i] == '.' {
		i++
		frac := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == frac && intDigits == 0 {
			return 0, fmt.Errorf("%w: %s", ErrNotNumber, diag.Quote(text))
		}
	} else if intDigits == 0 {
		return 0, fmt.Errorf("%w: %s", ErrNotNumber, diag.Quote(text))
	}
	if i != len(s) {
		return 0, fmt.Errorf("%w: %s", ErrNotNumber, diag.Quote(text))
	}
	if grouped {
		s = strings.ReplaceAll(s, ",", "")
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) {
		// Only a number of over 300 digits is: its length goes after.
		return 0, fmt.Errorf("%w: %q is out of range (%d characters)", ErrNotNumber, diag.Head(text), utf8.RuneCountInString(text))
	}
	return x, nil
}

// ParseTier reads a tier cell: A, B, C (any case), 达成, 部分达成, 未达成, or
// one of those with a fraction of the weight after a colon (A:0.95, 达成：0.9),
// which must lie inside the tier's band. Full-width forms read as ASCII
// (Ａ, Ａ：０．９５; see normalize).
func ParseTier(s string) (Value, error) {
	v, err := parseTier(s, s)
	if err == nil || isASCII(s) {
		return v, err
	}
	n, nerr := normalize(s)
	switch {
	case nerr != nil:
		return Value{}, fmt.Errorf("unknown tier %s: %w", diag.Quote(s), nerr)
	case n == s:
		return v, err
	}
	return parseTier(n, s)
}

// parseTier reads s; text is the cell as typed, for messages.
func parseTier(s, text string) (Value, error) {
	name, frac, hasFrac := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	var letter byte
	switch strings.ToUpper(name) {
	case "A", "达成":
		letter = 'A'
	case "B", "部分达成":
		letter = 'B'
	case "C", "未达成":
		letter = 'C'
	default:
		return Value{}, fmt.Errorf("unknown tier %s: want A, B, C, 达成, 部分达成 or 未达成", diag.Quote(text))
	}
	v := Value{Kind: Tier, Tier: letter}
	if !hasFrac {
		return v, nil
	}
	frac = strings.TrimSpace(frac)
	x, err := parseNumber(frac, frac)
	if err != nil {
		return Value{}, fmt.Errorf("tier %s: fraction %w", diag.Quote(text), err)
	}
	if err := CheckTierFraction(letter, x); err != nil {
		return Value{}, fmt.Errorf("tier %s: %w", diag.Quote(text), err)
	}
	v.Num, v.HasFrac = x, true
	return v, nil
}

// CheckTierFraction reports an error when x lies outside the band of tier
// letter.
func CheckTierFraction(letter byte, x float64) error {
	lo, hi, open := TierBand(letter)
	if x < lo || x > hi || (open && x == hi) || math.IsNaN(x) {
		closer := "]"
		if open {
			closer = ")"
		}
		return fmt.Errorf("fraction %s is outside tier %c (%s) band [%s, %s%s",
			strconv.FormatFloat(x, 'f', -1, 64), letter, TierName(letter),
			strconv.FormatFloat(lo, 'f', -1, 64), strconv.FormatFloat(hi, 'f', -1, 64), closer)
	}
	return nil
}

// TrimSpace is strings.TrimSpace with a shortcut for the usual cell, whose
// first and last characters are plainly not spaces. strings.TrimSpace
// decodes the last rune through a function call whenever a cell ends in a
// non-ASCII character (17.1万元, a unit's name), which is most of the cost
// of reading such a cell.
func TrimSpace(s string) string {
	if len(s) == 0 || mayBeSpaceAt(s[0]) {
		return strings.TrimSpace(s)
	}
	// The last character starts at the last byte that is not a UTF-8
	// continuation byte (10xxxxxx).
	i := len(s) - 1
	for i > 0 && i > len(s)-4 && s[i]&0xC0 == 0x80 {
		i--
	}
	if mayBeSpaceAt(s[i]) {
		return strings.TrimSpace(s)
	}
	return s
}

// mayBeSpaceAt reports whether a character starting with byte b may be a
// space: an ASCII space or control character, or a character whose UTF-8
// form starts as those of the Unicode spaces do (U+0085 and U+00A0 with
// C2, U+1680 with E1, U+2000–U+205F with E2, U+3000 with E3). A
// continuation byte (a cut character) counts as may be.
func mayBeSpaceAt(b byte) bool {
	switch {
	case b <= ' ' || b == 0x7F:
		return true
	case b < 0x80:
		return false
	}
	return b < 0xC0 || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3
}
