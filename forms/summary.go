package forms

import (
	"math"
	"sort"
)

// Summary sums up the review of a folder of forms.
type Summary struct {
	Forms        int     `json:"forms"`         // forms reviewed
	WithFindings int     `json:"with_findings"` // forms with at least one finding
	Findings     int     `json:"findings"`
	Over         float64 `json:"over"`          // points over-claimed, Σ Over over the forms
	GradeChanged int     `json:"grade_changed"` // forms whose 自评等级 is not the rules' grade
	Rejected     int     `json:"rejected"`      // files not reviewed
	// Kinds counts the findings of each kind.
	Kinds map[string]int `json:"kinds"`
}

// Over is how many points the form claims above the rules: the larger of
// the excess of its rows flagged claim_high and the excess of its 总分.
func (f *Form) Over() float64 {
	var rows, total float64
	for _, x := range f.Findings {
		if x.Kind != FindClaimHigh {
			continue
		}
		c, _ := x.Claimed.(float64)
		r, _ := x.Rules.(float64)
		if x.ID == "总分" {
			total = c - r
		} else {
			rows += c - r
		}
	}
	return math.Round(max(rows, total)*100) / 100
}

// Order returns the forms in review order: those with findings first, the
// most points over-claimed first, then the rest; ties keep reading order.
func Order(forms []*Form) []*Form {
	out := append([]*Form(nil), forms...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := len(out[i].Findings) > 0, len(out[j].Findings) > 0
		if a != b {
			return a
		}
		return out[i].Over() > out[j].Over()
	})
	return out
}

// Summarize sums up reviewed forms and the files rejected.
func Summarize(forms []*Form, rejected []Rejected) Summary {
	s := Summary{Forms: len(forms), Rejected: len(rejected), Kinds: map[string]int{}}
	var over float64
	for _, f := range forms {
		if len(f.Findings) > 0 {
			s.WithFindings++
		}
		s.Findings += len(f.Findings)
		for _, x := range f.Findings {
			s.Kinds[x.Kind]++
			if x.Kind == FindGradeMismatch {
				s.GradeChanged++
			}
		}
		over += f.Over()
	}
	s.Over = math.Round(over*100) / 100
	return s
}
