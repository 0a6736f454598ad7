package indicators_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/jixiao/jixiao/indicators"
)

// numberSeeds are cells as units type them, good and bad.
var numberSeeds = []string{
	"0", "1", "-1", "+2.5", "1,234.5", "12,345,678", "0.1", ".5", "5.", "1e5", "0x10", "Inf", "NaN",
	"1,23", "1,2345", ",123", "123,", "--1", "1.2.3", "", " ", "１２３", "1 234", "99999999999999999999999",
	"1" + strings.Repeat("0", 400), "0." + strings.Repeat("0", 400) + "1", "-0", "00012", "1_000",
	"５０", "９５．５", "1，234.5", "－50", "１,２３４", "−50", "五十", "12,34", "1 980", "10²", "①", "1﹐234", "１２,３４",
}

// nfkc is the NFKC form of a cell, with the minus sign U+2212 as "-"
// (ParseCell's choice; NFKC keeps it).
func nfkc(s string) string {
	return strings.ReplaceAll(norm.NFKC.String(s), "\u2212", "-")
}

// FuzzParseNumber: ParseNumber never panics; it returns a finite number or
// an error wrapping ErrNotNumber; a number it accepts reads the same after
// printing it back (round trip), and agrees with strconv on the NFKC form
// of the text without its thousands separators. A text and its NFKC form
// read the same, unless the text holds a lookalike character (10²), which
// is refused.
func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := indicators.ParseNumber(s)
		nx, nerr := indicators.ParseNumber(nfkc(s))
		if err != nil {
			if !errors.Is(err, indicators.ErrNotNumber) {
				t.Fatalf("ParseNumber(%q): error %v does not wrap ErrNotNumber", s, err)
			}
			if nerr == nil && !errors.Is(err, indicators.ErrLookalike) {
				t.Fatalf("ParseNumber(%q) fails (%v), its NFKC form %q reads %v", s, err, nfkc(s), nx)
			}
			return
		}
		if nerr != nil || math.Float64bits(nx) != math.Float64bits(x) {
			t.Fatalf("ParseNumber(%q) = %v, its NFKC form %q reads %v, %v", s, x, nfkc(s), nx, nerr)
		}
		if !indicators.Finite(x) {
			t.Fatalf("ParseNumber(%q) = %v, not finite", s, x)
		}
		want, err := strconv.ParseFloat(strings.ReplaceAll(nfkc(s), ",", ""), 64)
		if err != nil || want != x {
			t.Fatalf("ParseNumber(%q) = %v, strconv says %v (%v)", s, x, want, err)
		}
		back := strconv.FormatFloat(x, 'f', -1, 64)
		y, err := indicators.ParseNumber(back)
		if err != nil || y != x || math.Signbit(y) != math.Signbit(x) {
			t.Fatalf("round trip of %q: %v → %q → %v (%v)", s, x, back, y, err)
		}
	})
}

// FuzzParseCell: ParseCell never panics and returns one of: missing (blank
// text only), a finite number (number inputs only), N/A, a tier letter
// with any fraction inside its band (tier inputs only), or an error. A
// cell and its NFKC form read the same, unless the cell holds a lookalike
// character (10², ①), which is refused.
func FuzzParseCell(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s, "", false)
	}
	for _, s := range []string{"153.51万元", "55440人", "12 人", "NA", "不适用", "#N/A", "A", "b", "达成", "部分达成：0.7",
		"A:0.95", "A:0.5", "B:0.8", "C:0.59999", "C:-0", "未达成:0", "D", "A:", ":0.9", "A:0.9:1", "A：1,000",
		"５０万元", "50万", "５０万", "９５．５％", "Ａ", "ａ：０．９", "达成：０．９", "ＮＡ", "Ｎ／Ａ", "50 万", "五十", "1 980", "5²"} {
		f.Add(s, "万元", false)
		f.Add(s, "", true)
	}
	f.Fuzz(func(t *testing.T, s, unit string, tier bool) {
		in := &indicators.Input{ID: "x", Unit: unit, Type: indicators.TypeNumber}
		if tier {
			in.Type = indicators.TypeTier
		}
		v, err := indicators.ParseCell(s, in)
		nv, nerr := indicators.ParseCell(nfkc(s), in)
		switch {
		case err == nil && (nerr != nil || nv.Kind != v.Kind || math.Float64bits(nv.Num) != math.Float64bits(v.Num) || nv.Tier != v.Tier || nv.HasFrac != v.HasFrac):
			t.Fatalf("ParseCell(%q, unit %q, tier=%v) = %+v, its NFKC form %q reads %+v, %v", s, unit, tier, v, nfkc(s), nv, nerr)
		case err != nil && nerr == nil && !errors.Is(err, indicators.ErrLookalike):
			t.Fatalf("ParseCell(%q, unit %q, tier=%v) fails (%v), its NFKC form %q reads %+v", s, unit, tier, err, nfkc(s), nv)
		}
		if err != nil {
			if v != (indicators.Value{}) {
				t.Fatalf("ParseCell(%q) returned %+v with error %v", s, v, err)
			}
			if err.Error() == "" {
				t.Fatalf("ParseCell(%q): empty error", s)
			}
			return
		}
		switch v.Kind {
		case indicators.Missing:
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseCell(%q) is missing, but the cell is not blank", s)
			}
		case indicators.Number:
			if tier || !indicators.Finite(v.Num) {
				t.Fatalf("ParseCell(%q, tier=%v) = number %v", s, tier, v.Num)
			}
		case indicators.NA:
			if !indicators.IsNA(strings.TrimSpace(nfkc(s))) {
				t.Fatalf("ParseCell(%q) is N/A", s)
			}
		case indicators.Tier:
			if !tier || !strings.ContainsRune("ABC", rune(v.Tier)) {
				t.Fatalf("ParseCell(%q, tier=%v) = tier %q", s, tier, v.Tier)
			}
			if v.HasFrac {
				if err := indicators.CheckTierFraction(v.Tier, v.Num); err != nil {
					t.Fatalf("ParseCell(%q) = %+v: %v", s, v, err)
				}
			}
		default:
			t.Fatalf("ParseCell(%q): kind %d", s, v.Kind)
		}
	})
}
