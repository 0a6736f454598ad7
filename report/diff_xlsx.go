package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/diff"
)

// DiffXLSX writes a comparison as an Excel workbook: a sheet of units
// (old and new score, grade and rank, the change, the indicators whose
// points changed), the grade migration matrix, the population's indicator
// changes, and the audit stamp of both rulesets and the data.
func DiffXLSX(w io.Writer, c *diff.Comparison) error {
	// Streamed, as eval's workbook is: no sheet is held, only c.
	f, _, err := newWorkbook("单位", Meta{}, w)
	if err != nil {
		return err
	}
	defer f.Close()
	sheets := []struct {
		name string
		rows func(row func([]any) error) error
	}{
		{"单位", func(row func([]any) error) error { return diffXLSXUnits(c, row) }},
		{"等级迁移", diffXLSXRows(diffXLSXMigration(c))},
		{"指标", diffXLSXRows(diffXLSXIndicators(c))},
		{"说明", diffXLSXRows(diffXLSXStamp(c))},
	}
	for i, sh := range sheets {
		if i > 0 {
			if _, err := f.NewSheet(sh.name); err != nil {
				return err
			}
		}
		sw, err := f.NewStreamWriter(sh.name)
		if err == nil && i == 0 {
			err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		}
		r := 0
		if err == nil {
			err = sh.rows(func(v []any) error { r++; return sw.SetRow(cellName(1, r), v) })
		}
		if err == nil {
			err = sw.Flush()
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", sh.name, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// diffXLSXRows gives rows one by one.
func diffXLSXRows(rows [][]any) func(row func([]any) error) error {
	return func(row func([]any) error) error {
		for _, v := range rows {
			if err := row(v); err != nil {
				return err
			}
		}
		return nil
	}
}

// diffXLSXSide gives the score, grade and rank cells of a side: numbers
// where scored, empty cells where not.
func diffXLSXSide(s diff.Side) []any {
	if !s.Scored {
		return []any{nil, notScored, nil}
	}
	return []any{s.Score, s.Grade, s.Rank}
}

// diffXLSXUnits gives the rows of the units' sheet one by one: a row per
// unit, of which there may be a million.
func diffXLSXUnits(c *diff.Comparison, emit func([]any) error) error {
	if err := emit([]any{"单位", "名称", "原总分", "原等级", "原排名", "新总分", "新等级", "新排名", "变化", "得分变化的指标"}); err != nil {
		return err
	}
	for i := range c.Units {
		u := &c.Units[i]
		row := []any{u.Unit, u.Name}
		row = append(row, diffXLSXSide(u.Old)...)
		row = append(row, diffXLSXSide(u.New)...)
		if u.Both() {
			row = append(row, u.Delta)
		} else {
			row = append(row, nil)
		}
		if err := emit(append(row, changedText(u, " → "))); err != nil {
			return err
		}
	}
	return nil
}

func diffXLSXMigration(c *diff.Comparison) [][]any {
	from, to, counts := migrationCells(c)
	head := []any{"原等级 \\ 新等级"}
	for _, t := range to {
		head = append(head, diffGrade(t))
	}
	rows := [][]any{head}
	for i, f := range from {
		row := []any{diffGrade(f)}
		for _, n := range counts[i] {
			row = append(row, n)
		}
		rows = append(rows, row)
	}
	return rows
}

func diffXLSXIndicators(c *diff.Comparison) [][]any {
	rows := [][]any{{"指标", "名称", "原规则集", "新规则集", "原得分合计", "新得分合计", "变化", "得分变化的单位数"}}
	yes := map[bool]string{true: "有", false: "无"}
	for _, ic := range c.Indicators {
		rows = append(rows, []any{ic.ID, ic.Label, yes[ic.InOld], yes[ic.InNew], ic.Old, ic.New, ic.Delta, ic.Units})
	}
	// The 不适用 rescaling, summed as the indicators are: what it added to
	// the totals of the units it moved.
	if r := c.Rescaling; r.Units > 0 {
		rows = append(rows, []any{nil, "不适用折算（对总分的影响）", nil, nil, r.Old, r.New, r.Delta, r.Units})
	}
	return rows
}

func diffXLSXStamp(c *diff.Comparison) [][]any {
	rows := [][]any{
		{"项目", "id", "版本", "sha256"},
		{"原规则集", c.Old.ID, c.Old.Version, c.Old.SHA256},
		{"新规则集", c.New.ID, c.New.Version, c.New.SHA256},
	}
	if c.Data != nil {
		rows = append(rows, []any{"数据", strings.Join(c.Data.Files, ", "), "", c.Data.SHA256})
	}
	return rows
}
