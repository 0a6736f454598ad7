package indicators

import "testing"

func TestScoreTarget(t *testing.T) {
	tests := []struct {
		name          string
		op, reverse   string
		value, target float64
		weight        float64
		want          float64 // points after clamp and Round2
		rule          Rule
	}{
		// positive ">= T"
		{"positive met exactly", ">=", "", 0.9, 0.9, 10, 10, RuleMet},
		{"positive above", ">=", "", 1.1, 0.9, 10, 10, RuleMet},
		{"positive seed 59.93%", ">=", "", 153.51 / 256.14, 1, 10, 5.99, RuleProportional}, // 0.59932 × 10 = 5.993 → 5.99
		{"positive proportional", ">=", "", 60, 80, 15, 11.25, RuleProportional},           // 15 × 60/80
		{"positive negative value", ">=", "", -5, 100, 15, 0, RuleProportional},            // clamped at 0
		{"positive T=0 met", ">=", "", 5, 0, 15, 15, RuleMet},
		{"positive T=0 missed", ">=", "", -1, 0, 15, 0, RuleZero},
		{"float noise reaches target", ">=", "", 0.1 + 0.2, 0.3, 10, 10, RuleMet},
		// equal "= T"
		{"equal T>0 as positive", "=", "", 96.5, 100, 10, 9.65, RuleProportional},
		{"equal T>0 met", "=", "", 100, 100, 10, 10, RuleMet},
		{"equal zero met", "=", "", 0, 0, 10, 10, RuleMet},
		{"equal zero below", "=", "", -2, 0, 10, 10, RuleMet},
		{"equal zero missed", "=", "", 1, 0, 10, 0, RuleZero},
		// reverse "<= T", linear
		{"reverse met exactly", "<=", "", 10, 10, 10, 10, RuleMet},
		{"reverse between T and 2T", "<=", "", 13.7, 10, 10, 6.3, RuleReverseLinear}, // 10 × (1 − 3.7/10)
		{"reverse at 2T", "<=", "", 20, 10, 10, 0, RuleZero},
		{"reverse beyond 2T", "<=", "", 35, 10, 10, 0, RuleZero},
		{"reverse T=0 missed", "<=", "", 1, 0, 10, 0, RuleZero},
		// reverse ratio
		{"ratio met", "<=", ReverseRatio, 3, 3, 10, 10, RuleMet},
		{"ratio above", "<=", ReverseRatio, 4, 3, 10, 7.5, RuleReverseRatio},   // 10 × 3/4
		{"ratio far", "<=", ReverseRatio, 1500, 3, 10, 0.02, RuleReverseRatio}, // 10 × 3/1500 = 0.02
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw, rule := ScoreTarget(tc.op, tc.reverse, tc.value, tc.target, tc.weight)
			if got := Points(raw, tc.weight); got != tc.want || rule != tc.rule {
				t.Errorf("ScoreTarget(%q, %v, %v) = %v (%v), want %v (%v)", tc.op, tc.value, tc.target, got, rule, tc.want, tc.rule)
			}
		})
	}
}

func TestOvershoot(t *testing.T) {
	tests := []struct {
		op            string
		value, target float64
		want          bool
	}{
		{">=", 1.08, 0.9, true}, // exactly 1.2 × 0.9
		{">=", 1.07, 0.9, false},
		{">=", 1.1, 0.9, true},
		{"=", 120, 100, true},
		{"<=", 30, 10, false},
		{">=", 5, 0, false}, // T = 0 never overshoots
	}
	for _, tc := range tests {
		if got := Overshoot(tc.op, tc.value, tc.target); got != tc.want {
			t.Errorf("Overshoot(%q, %v, %v) = %v, want %v", tc.op, tc.value, tc.target, got, tc.want)
		}
	}
}

func TestScoreTierAndDeduct(t *testing.T) {
	def := DefaultTiers()
	if got := Points(ScoreTier(Value{Kind: Tier, Tier: 'A'}, def, 3), 3); got != 2.7 {
		t.Errorf("tier A of 3 = %v, want 2.7", got) // 0.9 × 3
	}
	if got := Points(ScoreTier(Value{Kind: Tier, Tier: 'B', Num: 0.61, HasFrac: true}, def, 10), 10); got != 6.1 {
		t.Errorf("tier B:0.61 of 10 = %v, want 6.1", got)
	}
	if got := Points(ScoreTier(Value{Kind: Tier, Tier: 'C'}, Tiers{A: 1, B: 0.8, C: 0.5}, 5), 5); got != 2.5 {
		t.Errorf("written tier C of 5 = %v, want 2.5", got)
	}
	if got := Points(ScoreDeduct(2+3.0/2, 1.5, 6), 6); got != 0.75 {
		t.Errorf("deduct 3.5 × 1.5 from 6 = %v, want 0.75", got)
	}
	if got := Points(ScoreDeduct(18, 1.5, 6), 6); got != 0 {
		t.Errorf("deduct below zero = %v, want 0", got)
	}
}

func TestParseCell(t *testing.T) {
	num := &Input{ID: "x", Unit: "万元"}
	pct := &Input{ID: "p", Unit: "%"}
	tier := &Input{ID: "t", Type: TypeTier}
	tests := []struct {
		name string
		in   *Input
		cell string
		want Value
		err  bool
	}{
		{"plain", num, "153.51", NumberValue(153.51), false},
		{"unit suffix", num, "153.51万元", NumberValue(153.51), false},
		{"grouped", num, "1,234.5", NumberValue(1234.5), false},
		{"grouped millions", num, "-1,234,567", NumberValue(-1234567), false},
		{"percent unit", pct, "96.5%", NumberValue(96.5), false},
		{"blank", num, "  ", Value{}, false},
		{"NA", num, "NA", Value{Kind: NA}, false},
		{"不适用", num, "不适用", Value{Kind: NA}, false},
		{"bad grouping", num, "1,50", Value{}, true},
		{"bad grouping 1,0,0", num, "1,0,0", Value{}, true},
		{"leading comma", num, ",100", Value{}, true},
		{"two dots", num, "12..5", Value{}, true},
		{"other unit", num, "5人", Value{}, true},
		{"exponent", num, "1e5", Value{}, true},
		{"inf", num, "Inf", Value{}, true},
		{"lone dot", num, ".", Value{}, true},
		{"leading dot", num, ".5", NumberValue(0.5), false},
		{"tier letter", tier, "a", Value{Kind: Tier, Tier: 'A'}, false},
		{"tier chinese", tier, "部分达成", Value{Kind: Tier, Tier: 'B'}, false},
		{"tier fraction", tier, "B:0.61", Value{Kind: Tier, Tier: 'B', Num: 0.61, HasFrac: true}, false},
		{"tier fraction full-width colon", tier, "达成：0.95", Value{Kind: Tier, Tier: 'A', Num: 0.95, HasFrac: true}, false},
		{"tier fraction at top of A", tier, "A:1", Value{Kind: Tier, Tier: 'A', Num: 1, HasFrac: true}, false},
		{"tier fraction at open edge", tier, "B:0.8", Value{}, true},
		{"tier fraction outside", tier, "B:0.85", Value{}, true},
		{"unknown tier", tier, "D", Value{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCell(tc.cell, tc.in)
			if (err != nil) != tc.err {
				t.Fatalf("ParseCell(%q) error = %v, want error %v", tc.cell, err, tc.err)
			}
			if err == nil && got != tc.want {
				t.Errorf("ParseCell(%q) = %+v, want %+v", tc.cell, got, tc.want)
			}
		})
	}
}
