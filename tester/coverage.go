package tester

import (
	"fmt"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Branch kinds: the ways an indicator can score that test coverage tracks.
const (
	BranchBand   = "band"   // one row of a bands table (or its else)
	BranchTier   = "tier"   // one tier letter of a 定性 indicator
	BranchTarget = "target" // one branch of the target method (indicators.Rule)
)

// Branch is one way an indicator can score: a band row, a tier letter, or
// a branch of its target method. Cases counts the test cases whose unit
// scored the indicator (status ok) through it.
type Branch struct {
	Indicator string // indicator id
	Kind      string // BranchBand, BranchTier or BranchTarget
	// Name is the band row ("band 2", "else"), the tier letter ("A") or
	// the target rule ("met", "proportional", "zero", "reverse linear",
	// "reverse ratio").
	Name string
	// Desc says it in words: the band's condition, the tier's name, the
	// rule's wording.
	Desc  string
	Pos   diag.Pos
	Cases int

	band int
	rule indicators.Rule
	tier byte
}

// String names the branch for messages: "band 2 (value >= 0.95)",
// "tier B (部分达成)", "target proportional (未达到目标，按比例计分)".
func (b Branch) String() string {
	if b.Kind == BranchBand {
		if b.Name == "else" {
			return "else"
		}
		return fmt.Sprintf("%s (%s)", b.Name, b.Desc)
	}
	return fmt.Sprintf("%s %s (%s)", b.Kind, b.Name, b.Desc)
}

// ruleNames are the stable names of the target rules.
var ruleNames = map[indicators.Rule]string{
	indicators.RuleMet:           "met",
	indicators.RuleProportional:  "proportional",
	indicators.RuleZero:          "zero",
	indicators.RuleReverseLinear: "reverse linear",
	indicators.RuleReverseRatio:  "reverse ratio",
}

// Branches lists the branches of every indicator that some unit can
// reach, in ruleset order. Target rules that no value can reach (a
// proportional score on a target that is never above 0, say) are left
// out (see engine.Program.TargetRules).
func Branches(p *engine.Program) []Branch {
	rs := p.Ruleset()
	var out []Branch
	for k := range rs.Indicators {
		def := &rs.Indicators[k]
		switch def.Form {
		case indicators.FormBands:
			for i, b := range def.Bands {
				br := Branch{Indicator: def.ID, Kind: BranchBand, Name: fmt.Sprintf("band %d", i+1), Desc: b.When.Src, Pos: b.When.Pos, band: i + 1}
				if b.Else {
					br.Name, br.Desc, br.Pos = "else", "", b.Pos
				}
				out = append(out, br)
			}
		case indicators.FormTiers:
			for _, letter := range []byte("ABC") {
				out = append(out, Branch{Indicator: def.ID, Kind: BranchTier, Name: string(letter), Desc: indicators.TierName(letter), Pos: def.Value.Pos, tier: letter})
			}
		case indicators.FormTarget:
			for _, r := range p.TargetRules(k) {
				out = append(out, Branch{Indicator: def.ID, Kind: BranchTarget, Name: ruleNames[r], Desc: r.String(), Pos: def.Target.Expr.Pos, rule: r})
			}
		}
	}
	return out
}

// Coverage returns the branches of p with, for each, how many of the
// case results reached it. A branch with Cases 0 was never reached.
func Coverage(p *engine.Program, results []Result) []Branch {
	brs := Branches(p)
	at := map[string][]int{}
	for i, b := range brs {
		at[b.Indicator] = append(at[b.Indicator], i)
	}
	for _, cr := range results {
		for _, ir := range cr.Unit.Indicators {
			if ir.Status != indicators.StatusOK {
				continue
			}
			for _, i := range at[ir.ID] {
				b := &brs[i]
				switch {
				case b.Kind == BranchBand && b.band == ir.Band,
					b.Kind == BranchTier && ir.Tier != "" && b.tier == ir.Tier[0],
					b.Kind == BranchTarget && b.rule == ir.Rule:
					b.Cases++
				}
			}
		}
	}
	return brs
}
