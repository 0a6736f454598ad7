package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// Relative indicators (比较法) are scored against the run's population:
// every format shows it with the audit stamp, since the same unit scores
// otherwise among other units.

type jsonPopulation struct {
	ID         string        `json:"id"`
	Relative   string        `json:"relative"`
	Reverse    bool          `json:"reverse"`
	Population jsonPopBounds `json:"population"`
}

type jsonPopBounds struct {
	Best  *float64 `json:"best"` // null when no unit has a value
	Worst *float64 `json:"worst"`
	Count int      `json:"count"`
}

type jsonStatistics struct {
	Indicators []any `json:"indicators"`
}

// jsonPanel is a panel indicator's agreement: Kendall's W of the raters
// who scored every rated unit (null when there are not 2 such raters and 2
// units).
type jsonPanel struct {
	ID       string   `json:"id"`
	Panel    string   `json:"panel"`
	Raters   int      `json:"raters"`
	Units    int      `json:"units"`
	KendallW *float64 `json:"kendall_w"`
}

// statisticsJSON is the statistics of a run: relative indicators'
// populations, then panel indicators' agreement; "" when it has none.
func statisticsJSON(s engine.Summary) string {
	if len(s.Populations)+len(s.Panels) == 0 {
		return ""
	}
	var st jsonStatistics
	for _, p := range jsonPopulations(s.Populations) {
		st.Indicators = append(st.Indicators, p)
	}
	for _, p := range s.Panels {
		jp := jsonPanel{ID: p.ID, Panel: p.Method, Raters: p.Raters, Units: p.Units}
		if p.HasW {
			w := math.Round(p.W*1e4) / 1e4
			jp.KendallW = &w
		}
		st.Indicators = append(st.Indicators, jp)
	}
	b, _ := json.Marshal(st)
	return string(b)
}

func jsonPopulations(ps []indicators.RelativeStat) []jsonPopulation {
	out := make([]jsonPopulation, 0, len(ps))
	for _, p := range ps {
		jp := jsonPopulation{ID: p.ID, Relative: p.Method, Reverse: p.Reverse, Population: jsonPopBounds{Count: p.Count}}
		if p.Count > 0 {
			best, worst := p.Best(p.Reverse), p.Worst(p.Reverse)
			jp.Population.Best, jp.Population.Worst = &best, &worst
		}
		out = append(out, jp)
	}
	return out
}

// populationFields are the provenance lines of the populations.
func populationFields(m Meta) []Field {
	var fs []Field
	for _, p := range m.Populations {
		label := p.ID
		for _, ind := range m.Indicators {
			if ind.ID == p.ID {
				label = ind.Label
			}
		}
		v := "无可比较的单位"
		if p.Count > 0 {
			v = fmt.Sprintf("最优 %s，最差 %s，共 %d 个单位", num(p.Best(p.Reverse)), num(p.Worst(p.Reverse)), p.Count)
		}
		fs = append(fs, Field{"population." + p.ID, "比较总体（" + label + "）", v})
	}
	return fs
}

// num writes a population bound as plainly as it was reported.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
