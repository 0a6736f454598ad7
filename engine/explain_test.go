package engine

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/synth"
)

// units returns generated units of rs, and for the conformance ruleset
// its own 32 units as well (÷0, bands, deduct, score, claims, reasons).
func explainUnits(t *testing.T, p *Program, n int) []indicators.Unit {
	t.Helper()
	var buf bytes.Buffer
	if err := synth.NewGenerator(p.rs, p.NewProbe(), n, 5).WriteCSV(&buf, n); err != nil {
		t.Fatal(err)
	}
	src, err := data.OpenReader("g.csv", &buf, data.NewSchema(p.rs))
	if err != nil {
		t.Fatal(err)
	}
	units, _, _, err := data.Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	if p.rs.ID == "conformance" {
		more, _, _, err := data.ReadAll(filepath.Join("testdata", "conformance", "units.csv"), data.NewSchema(p.rs))
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, more...)
	}
	// Random units reach what a plausible population does not: zeros,
	// negatives, huge values (÷0, clamping below 0 and above the weight).
	r := rand.New(rand.NewPCG(uint64(len(p.rs.ID)), 3))
	for i := 0; i < n; i++ {
		u := indicators.Unit{ID: "R", Values: make([]indicators.Value, len(p.rs.Inputs))}
		for j, in := range p.rs.Inputs {
			switch k := r.IntN(20); {
			case k == 0:
				u.Values[j] = indicators.Value{Kind: indicators.NA}
			case k == 1:
				// missing
			case in.Type == indicators.TypeTier:
				u.Values[j] = indicators.Value{Kind: indicators.Tier, Tier: "ABC"[r.IntN(3)]}
			default:
				x := randomNumber(r)
				if math.IsNaN(x) || math.IsInf(x, 0) {
					x = 0
				}
				u.Values[j] = indicators.NumberValue(x)
			}
		}
		units = append(units, u)
	}
	return units
}

// TestExplainLikeBefore holds the append-based explanations to the
// fmt-based ones they replaced (explain_ref_test.go), string for string,
// over generated units of every built-in ruleset and the conformance
// ruleset with its own units.
func TestExplainLikeBefore(t *testing.T) {
	checked := 0
	for _, rs := range rulesetFiles(t) {
		p, err := Compile(rs, &Options{Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		s := p.newScratch(context.Background())
		for _, u := range explainUnits(t, p, 600) {
			var r UnitResult
			p.evalUnit(s, &u, &r)
			if r.Failed() {
				continue
			}
			for k := range p.inds {
				ci := &p.inds[k]
				var ir IndicatorResult
				p.scoreIndicator(s, ci, &u, &ir)
				got := string(p.appendExplain(nil, s, ci, &ir))
				p.refExplain(s, ci, &u, &ir)
				if got != ir.Explain {
					t.Fatalf("%s %s %s:\n got %s\nwant %s", rs.ID, u.ID, ci.def.ID, got, ir.Explain)
				}
				checked++
			}
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d explanations compared", checked)
	}
}

// TestNumberFormatsLikeBefore holds the number formatting of explanations
// to strconv's, on random, rounded, halfway and special values.
func TestNumberFormatsLikeBefore(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.00005, 0.00015, -0.00005, 0.12345, 1e11, 1e12, 8.8e8,
		math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, 153.51, 0.5993, 2.675, 1.0000499999}
	r := rand.New(rand.NewPCG(8, 9))
	for i := 0; i < 300000; i++ {
		switch i % 4 {
		case 0:
			xs = append(xs, (r.Float64()-0.5)*math.Pow(10, float64(r.IntN(16)-6)))
		case 1:
			xs = append(xs, float64(r.IntN(2000000)-1000000)/1e5) // ties at the 5th decimal
		case 2:
			xs = append(xs, float64(r.IntN(100000))/100)
		default:
			xs = append(xs, math.Float64frombits(r.Uint64()))
		}
	}
	for _, x := range xs {
		if got, want := fmtNum(x), refFmtNum(x); got != want {
			t.Fatalf("fmtNum(%v) = %q, want %q", x, got, want)
		}
		if got, want := fmtPercent(x/100), refFmtPercent(x/100); got != want {
			t.Fatalf("fmtPercent(%v) = %q, want %q", x/100, got, want)
		}
	}
}
