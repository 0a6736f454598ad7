package indicators_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
)

// numberSeeds are cells as units type them, good and bad.
var numberSeeds = []string{
	"0", "1", "-1", "+2.5", "1,234.5", "12,345,678", "0.1", ".5", "5.", "1e5", "0x10", "Inf", "NaN",
	"1,23", "1,2345", ",123", "123,", "--1", "1.2.3", "", " ", "１２３", "1 234", "99999999999999999999999",
	"1" + strings.Repeat("0", 400), "0." + strings.Repeat("0", 400) + "1", "-0", "00012", "1_000",
}

// FuzzParseNumber: ParseNumber never panics; it returns a finite number or
// an error wrapping ErrNotNumber; a number it accepts reads the same after
// printing it back (round trip), and agrees with strconv on the text
// without its thousands separators.
func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := indicators.ParseNumber(s)
		if err != nil {
			if !errors.Is(err, indicators.ErrNotNumber) {
				t.Fatalf("ParseNumber(%q): error %v does not wrap ErrNotNumber", s, err)
			}
			return
		}
		if !indicators.Finite(x) {
			t.Fatalf("ParseNumber(%q) = %v, not finite", s, x)
		}
		want, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
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
// with any fraction inside its band (tier inputs only), or an error.
func FuzzParseCell(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s, "", false)
	}
	for _, s := range []string{"153.51万元", "55440人", "12 人", "NA", "不适用", "#N/A", "A", "b", "达成", "部分达成：0.7",
		"A:0.95", "A:0.5", "B:0.8", "C:0.59999", "C:-0", "未达成:0", "D", "A:", ":0.9", "A:0.9:1", "A：1,000"} {
		f.Add(s, "万元", false)
		f.Add(s, "", true)
	}
	f.Fuzz(func(t *testing.T, s, unit string, tier bool) {
		in := &indicators.Input{ID: "x", Unit: unit, Type: indicators.TypeNumber}
		if tier {
			in.Type = indicators.TypeTier
		}
		v, err := indicators.ParseCell(s, in)
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
			if !indicators.IsNA(strings.TrimSpace(s)) {
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
