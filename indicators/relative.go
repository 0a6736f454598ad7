package indicators

import (
	"math"
	"slices"
	"strings"

	"github.com/jixiao/jixiao/internal/msg"
)

// Relative forms (比较法/标杆法): an indicator scored against the population
// of units evaluated in the same run.
const (
	FormRelative = "relative"
	FormPanel    = "panel"

	// RelativeBestRatio scores weight × value / best (reverse: best / value).
	RelativeBestRatio = "best_ratio"
	// RelativeEfficacy is 功效系数法: weight × (0.6 + 0.4 × (value − worst) / (best − worst)).
	RelativeEfficacy = "efficacy"
)

// Population is what a relative indicator's points depend on beyond the
// unit: the smallest and largest value among the units scored with an ok
// value (missing, N/A, error and failed units stay out), and how many.
type Population struct {
	Min, Max float64
	Count    int
}

// Add puts one unit's value into the population.
func (p *Population) Add(v float64) {
	if p.Count == 0 || v < p.Min {
		p.Min = v
	}
	if p.Count == 0 || v > p.Max {
		p.Max = v
	}
	p.Count++
}

// Merge adds the values another part of the population holds.
func (p *Population) Merge(q Population) {
	if q.Count == 0 {
		return
	}
	p.Add(q.Min)
	p.Add(q.Max)
	p.Count += q.Count - 2
}

// Best and Worst are the population's best and worst values: the largest
// and smallest, or the other way round for a reverse indicator (smaller
// is better).
func (p Population) Best(reverse bool) float64 {
	if reverse {
		return p.Min
	}
	return p.Max
}

// Worst is the population's worst value (see Best).
func (p Population) Worst(reverse bool) float64 {
	if reverse {
		return p.Max
	}
	return p.Min
}

// NegativeRatioError is ScoreRelative's error for a negative value of a
// best_ratio indicator, whose ratio to the best says nothing. Its Error is
// the English of the catalogue's message (msg.EngRatioNegative), which
// says why and what to do; engine words it in the run's language.
type NegativeRatioError struct{ Value float64 }

func (e *NegativeRatioError) Error() string {
	return msg.Printer{Lang: msg.EN}.Sprintf(msg.EngRatioNegative, e.Value)
}

// ScoreRelative returns the raw points (not clamped or rounded) of value
// within the population pop, by method. best == worst gives the full
// weight in both forms, so does a value equal to the best. best_ratio
// needs values of at least 0: a negative one is a *NegativeRatioError.
func ScoreRelative(method string, reverse bool, value, weight float64, pop Population) (float64, error) {
	if method == RelativeBestRatio && value < 0 {
		return 0, &NegativeRatioError{value}
	}
	best, worst := pop.Best(reverse), pop.Worst(reverse)
	if pop.Count == 0 || best == worst || value == best {
		return weight, nil
	}
	switch method {
	case RelativeEfficacy:
		return weight * (0.6 + 0.4*(value-worst)/(best-worst)), nil
	default: // best_ratio
		if reverse {
			// best < value here, and best >= 0: value > 0.
			return weight * best / value, nil
		}
		return weight * value / best, nil // best > worst >= 0
	}
}

// Place is a value's place in the population, 1 for the best: how many
// of the population's values are better, plus one. It needs every value,
// so the engine counts it only where a unit is explained.
func Place(value float64, reverse bool, values []float64) int {
	n := 1
	for _, v := range values {
		if (!reverse && v > value) || (reverse && v < value) {
			n++
		}
	}
	return n
}

// Panel combination methods (专家评分).
const (
	PanelMean    = "mean"
	PanelMedian  = "median"
	PanelTrimmed = "trimmed"
)

// DefaultSpread is the share of the weight raters may disagree by before
// an indicator is flagged panel_spread.
const DefaultSpread = 0.2

// CombinePanel returns the raters' scores combined by method: their mean;
// the median (the mean of the middle two of an even count); or, trimmed,
// the mean after dropping one highest and one lowest score when there are
// at least 5, else the mean. scores is sorted in place.
func CombinePanel(method string, scores []float64) float64 {
	n := len(scores)
	if n == 0 {
		return 0
	}
	sortFloats(scores)
	switch {
	case method == PanelMedian && n%2 == 1:
		return scores[n/2]
	case method == PanelMedian:
		return (scores[n/2-1] + scores[n/2]) / 2
	case method == PanelTrimmed && n >= 5:
		scores = scores[1 : n-1]
	}
	var sum float64
	for _, s := range scores {
		sum += s
	}
	return sum / float64(len(scores))
}

// PanelSpread reports whether the raters disagree by more than spread ×
// weight (strictly): max − min above the bound. A rounding error of the
// product must not flag a spread exactly at the bound.
func PanelSpread(scores []float64, spread, weight float64) bool {
	if len(scores) < 2 {
		return false
	}
	lo, hi := scores[0], scores[0]
	for _, s := range scores {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	return hi-lo > spread*weight+1e-9
}

func sortFloats(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// KendallW is Kendall's coefficient of concordance of m raters over n
// units: scores[r][u] is rater r's score of unit u. Each rater's scores
// are ranked (ties share the mean rank) and W = 12·S / (m²(n³ − n) −
// m·ΣT), T = Σ(t³ − t) over each rater's ties. 1 is full agreement, 0
// none. ok is false when W is undefined: fewer than 2 raters or units, or
// every rater giving every unit the same score.
func KendallW(scores [][]float64) (w float64, ok bool) {
	m := len(scores)
	if m < 2 {
		return 0, false
	}
	n := len(scores[0])
	if n < 2 {
		return 0, false
	}
	sums := make([]float64, n)
	var ties float64
	for _, row := range scores {
		ranks, t := rankTies(row)
		ties += t
		for u, r := range ranks {
			sums[u] += r
		}
	}
	mean := float64(m) * float64(n+1) / 2
	var s float64
	for _, r := range sums {
		s += (r - mean) * (r - mean)
	}
	fm, fn := float64(m), float64(n)
	den := fm*fm*(fn*fn*fn-fn) - fm*ties
	if den <= 0 {
		return 0, false
	}
	return 12 * s / den, true
}

// rankTies ranks xs from 1 (smallest), ties sharing their mean rank, and
// returns Σ(t³ − t) over the groups of ties.
func rankTies(xs []float64) ([]float64, float64) {
	n := len(xs)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	for i := 1; i < n; i++ {
		for j := i; j > 0 && xs[idx[j]] < xs[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	ranks := make([]float64, n)
	var ties float64
	for i := 0; i < n; {
		j := i
		for j+1 < n && xs[idx[j+1]] == xs[idx[i]] {
			j++
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			ranks[idx[k]] = r
		}
		t := float64(j - i + 1)
		ties += t*t*t - t
		i = j + 1
	}
	return ranks, ties
}

// RelativeStat is the population a relative indicator was scored against
// in a run: a result's statistics and audit stamp carry it, since the
// indicator's points move when the population does.
type RelativeStat struct {
	ID      string // indicator id
	Method  string // RelativeBestRatio or RelativeEfficacy
	Reverse bool   // the smallest value is the best
	Population
}

// PanelStat is the agreement of a panel indicator's raters across the
// units of a run: Kendall's W over the raters who scored every unit the
// indicator was rated for (HasW false when fewer than 2 raters or units).
type PanelStat struct {
	ID     string
	Method string
	Raters int // raters who scored every rated unit
	Units  int // units rated
	W      float64
	HasW   bool
}

// PanelInputs lists the input indexes that hold panel points: the value
// input of each panel indicator.
func (rs *Ruleset) PanelInputs() []int {
	var out []int
	for _, ind := range rs.Indicators {
		if ind.Form != FormPanel {
			continue
		}
		if i := rs.InputIndex(strings.TrimSpace(ind.Value.Src)); i >= 0 && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}
