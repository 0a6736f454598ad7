package diff

import (
	"slices"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Rescaling is the 不适用 rescaling's part in a unit's move. A unit with
// 不适用 indicators is scored Σ points ÷ Σ applicable weights × 100, so a
// rule change that moves the applicable weights (a weight, or an
// indicator becoming 不适用 or applicable) moves its total by more or less
// than its indicators' points: Delta is that difference.
type Rescaling struct {
	// OldApplicable and NewApplicable are the unit's applicable weights
	// (适用分值): the sum of the weights of its indicators not 不适用.
	OldApplicable, NewApplicable float64
	// Old and New are what the rescaling added to the sum of the
	// applicable indicators' points on each side (the total before the
	// rules above the row − that sum; 0 on a side without 不适用), and
	// Delta is New − Old: the unit's Delta is its indicators' point
	// changes + its Adjustments' + this.
	Old, New, Delta float64
	// naBoth lists the indicators 不适用 on both sides: their weights
	// leave the unit's total alone (AddRules).
	naBoth []string
}

// RescalingTotal sums the units' Rescaling over the units that have one.
type RescalingTotal struct {
	Old, New, Delta float64
	Units           int
}

// rescaled is what the rescaling added to u's row total, and whether u
// has an indicator 不适用 at all (without, its total is the plain sum).
func rescaled(u *engine.UnitResult) (part float64, na bool) {
	var sum float64
	for k := range u.Indicators {
		if u.Indicators[k].Status == indicators.StatusNA {
			na = true
			continue
		}
		sum += u.Indicators[k].Points
	}
	if !na {
		return 0, false
	}
	row := u.Score
	if len(u.Adjustments) > 0 {
		// The rules above the row start from the row total (engine's
		// adjust): their own effects are the unit's Adjustments.
		row = u.Adjustments[0].Before
	}
	return indicators.Round2(row - sum), true
}

// unitRescaling is the rescaling's part in the move of a unit scored on
// both sides; nil when neither side has 不适用 indicators or the part is 0.
func unitRescaling(o, n *engine.UnitResult) *Rescaling {
	op, ona := rescaled(o)
	np, nna := rescaled(n)
	if !ona && !nna {
		return nil
	}
	d := indicators.Round2(np - op)
	if d == 0 {
		return nil
	}
	r := &Rescaling{OldApplicable: o.Applicable, NewApplicable: n.Applicable, Old: op, New: np, Delta: d}
	for k := range n.Indicators {
		ir := &n.Indicators[k]
		if ir.Status == indicators.StatusNA && slices.ContainsFunc(o.Indicators, func(oi engine.IndicatorResult) bool {
			return oi.ID == ir.ID && oi.Status == indicators.StatusNA
		}) {
			r.naBoth = append(r.naBoth, ir.ID)
		}
	}
	return r
}

// rescalingTotal sums the units' rescaling parts.
func rescalingTotal(d *Comparison) RescalingTotal {
	var t RescalingTotal
	for i := range d.Units {
		if r := d.Units[i].Rescaling; r != nil {
			t.Old += r.Old
			t.New += r.New
			t.Units++
		}
	}
	t.Old, t.New = indicators.Round2(t.Old), indicators.Round2(t.New)
	t.Delta = indicators.Round2(t.New - t.Old)
	return t
}
