package indicators

import (
	"errors"
	"strings"
	"testing"
)

// TestParseCellChineseKeyboard: the forms a Chinese keyboard types read
// as their ASCII forms, and nothing else is read more loosely than before.
func TestParseCellChineseKeyboard(t *testing.T) {
	plain := &Input{ID: "n"}
	wan := &Input{ID: "spent", Unit: "万元"}
	yuan := &Input{ID: "fee", Unit: "元"}
	pct := &Input{ID: "rate", Unit: "%"}
	pctWide := &Input{ID: "rate", Unit: "％"}
	tier := &Input{ID: "q", Type: TypeTier}
	for _, tc := range []struct {
		in   *Input
		cell string
		want Value
	}{
		{plain, "５０", NumberValue(50)},
		{pct, "９５．５％", NumberValue(95.5)},
		{pctWide, "95.5%", NumberValue(95.5)},
		{pctWide, "９５．５％", NumberValue(95.5)},
		{plain, "1，234.5", NumberValue(1234.5)},
		{plain, "－50", NumberValue(-50)},
		{plain, "\u221250", NumberValue(-50)}, // the minus sign: it can mean nothing else
		{plain, "１,２３４", NumberValue(1234)},
		{plain, "\u3000５０\u3000", NumberValue(50)},
		{wan, "50万", NumberValue(50)},
		{wan, "５０万", NumberValue(50)},
		{wan, "50 万", NumberValue(50)},
		{wan, "１５３．５１万元", NumberValue(153.51)},
		{wan, "153.51万元", NumberValue(153.51)},
		{plain, "ＮＡ", Value{Kind: NA}},
		{plain, "＃Ｎ／Ａ", Value{Kind: NA}},
		{tier, "Ａ", Value{Kind: Tier, Tier: 'A'}},
		{tier, "ｂ", Value{Kind: Tier, Tier: 'B'}},
		{tier, "A：0.95", Value{Kind: Tier, Tier: 'A', Num: 0.95, HasFrac: true}},
		{tier, "Ａ：０．９５", Value{Kind: Tier, Tier: 'A', Num: 0.95, HasFrac: true}},
		{tier, "达成：０．９", Value{Kind: Tier, Tier: 'A', Num: 0.9, HasFrac: true}},
		{tier, "达成", Value{Kind: Tier, Tier: 'A'}},
	} {
		got, err := ParseCell(tc.cell, tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseCell(%q, unit %q) = %+v, %v; want %+v", tc.cell, tc.in.Unit, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		in        *Input
		cell, msg string
		lookalike bool
	}{
		{plain, "五十", `not a number: "五十"`, false},
		{plain, "12,34", `not a number: "12,34" has a misplaced thousands separator`, false},
		{plain, "１２,３４", `not a number: "１２,３４" has a misplaced thousands separator`, false},
		{plain, "1 980", `not a number: "1 980"`, false},
		{plain, "１　９８０", `not a number: "１\u3000９８０"`, false},
		{yuan, "50万", `not a number: "50万" (the input's unit is 元)`, false},
		{plain, "50万", `not a number: "50万"`, false},
		{plain, "10²", `not a number: "10²" holds '²' (U+00B2), which only looks like "2": type the cell with plain digits, signs and letters`, true},
		{plain, "①", `holds '①' (U+2460)`, true},
		{plain, "1﹐234", `holds '﹐' (U+FE50)`, true},
		{plain, "95。5", `not a number: "95。5"`, false},
		{plain, "–50", `not a number: "–50"`, false}, // an en dash may be a range
		{tier, "Ｄ", `unknown tier "Ｄ": want A, B, C`, false},
		{tier, "Ⓐ", `unknown tier "Ⓐ": holds 'Ⓐ'`, true},
	} {
		_, err := ParseCell(tc.cell, tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseCell(%q) error = %v, want one saying %s", tc.cell, err, tc.msg)
			continue
		}
		if errors.Is(err, ErrLookalike) != tc.lookalike {
			t.Errorf("ParseCell(%q) error %v: lookalike %v, want %v", tc.cell, err, !tc.lookalike, tc.lookalike)
		}
	}
}

// TestParseCellEchoesAtMost80Characters: a long bad cell is quoted cut
// short with its length.
func TestParseCellEchoesAtMost80Characters(t *testing.T) {
	cell := strings.Repeat("x", 1<<20)
	for _, in := range []*Input{{ID: "n"}, {ID: "q", Type: TypeTier}, {ID: "s", Unit: "万元"}} {
		_, err := ParseCell(cell, in)
		if err == nil || len(err.Error()) > 300 || !strings.Contains(err.Error(), `…" (1048576 bytes)`) {
			t.Errorf("ParseCell(1 MiB of x, %+v) error of %d bytes, want at most 300 quoting the cell cut short: %.200s", in, len(err.Error()), err)
		}
	}
	if _, err := ParseNumber(cell); err == nil || len(err.Error()) > 300 {
		t.Errorf("ParseNumber(1 MiB of x): error of %d bytes", len(err.Error()))
	}
}
