package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/rulesets"
)

const panelRuleset = `
id: p
inputs: {plan: {label: 方案}, budget: {label: 预算}}
indicators:
  - {id: plan_score, weight: 10, value: plan, panel: mean}
  - {id: exec, weight: 90, value: budget, target: ">= 1"}
`

// TestPanelNeedsRaterColumn: panel data without a rater column (or key)
// stops the file with the panel indicator and the columns named: each
// row would otherwise be a nameless rater, and a unit given twice would
// pass for two. With the column, the rows are gathered into units.
func TestPanelNeedsRaterColumn(t *testing.T) {
	rs, err := rulesets.Load("p.yaml", []byte(panelRuleset))
	if err != nil {
		t.Fatal(err)
	}
	s := data.Options{Lang: "en"}.NewSchema(rs)
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, c := range []struct{ name, content, want string }{
		{"u.csv", "unit,plan,budget\nU1,8,100\nU1,9,100\n",
			"u.csv:1: ruleset p scores plan_score by a panel of raters (专家评分), so the data gives one row per rater and unit and a column naming the rater (rater, 评分人 or 专家); none does (the columns are unit, plan, budget)"},
		{"u.json", `[{"unit": "U1", "data": {"plan": 8, "budget": 100}}]`,
			"u.json: ruleset p scores plan_score by a panel of raters (专家评分), so the data gives one row per rater and unit and a key naming the rater (rater, 评分人 or 专家); none does (the keys are plan, budget)"},
	} {
		_, _, _, err := data.Options{Lang: "en"}.ReadAll(write(c.name, c.content), s)
		var de *diag.Error
		if !errors.As(err, &de) || de.Code != "missing_column" || de.Field != "rater" || filepath.Base(de.Error()) != c.want {
			t.Errorf("%s: err %v\nwant %s", c.name, err, c.want)
		}
	}
	units, _, _, err := data.Options{Lang: "en"}.ReadAll(write("ok.csv", "unit,评分人,plan,budget\nU1,张,8,100\nU1,王,9,100\n"), s)
	if err != nil || len(units) != 1 || len(units[0].Ratings[0]) != 2 {
		t.Fatalf("with a rater column: %d units, err %v", len(units), err)
	}
}
