package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/jixiao/jixiao/engine"
)

// Field is one labelled line of a report's provenance.
type Field struct {
	Key   string // stable English key, for document properties
	Label string // Chinese label, for footers
	Value string
}

// Provenance lists what a report was computed from: the ruleset (id,
// version, sha256), the data (files, sha256), which units were selected,
// and the time when one was given explicitly. Without a time the list is
// the same on every run, so reports stay byte-identical.
func Provenance(m Meta) []Field {
	title := m.Ruleset.Title
	if title == "" {
		title = m.Ruleset.ID
	}
	fs := []Field{
		{"ruleset", "规则集", fmt.Sprintf("%s %s（%s）", m.Ruleset.ID, m.Ruleset.Version, title)},
		{"ruleset.sha256", "规则集 SHA-256", m.Ruleset.SHA256},
	}
	if m.Data != nil {
		if len(m.Data.Files) > 0 {
			fs = append(fs, Field{"data", "数据", strings.Join(m.Data.Files, "，")})
		}
		fs = append(fs, Field{"data.sha256", "数据 SHA-256", m.Data.SHA256})
	}
	fs = append(fs, populationFields(m)...)
	if !m.Stamp.IsZero() {
		fs = append(fs, Field{"time", "生成时间", m.Stamp.UTC().Format(time.RFC3339)})
	}
	fs = append(fs, Field{"generator", "生成工具", "jixiao"})
	return fs
}

// provenanceLine joins the provenance into one line for footers.
func provenanceLine(m Meta) string {
	var parts []string
	for _, f := range Provenance(m) {
		parts = append(parts, f.Label+"："+f.Value)
	}
	return strings.Join(parts, "；")
}

// title is the report's heading: the ruleset's title, else its id.
func title(m Meta) string {
	if m.Ruleset.Title != "" {
		return m.Ruleset.Title
	}
	return m.Ruleset.ID
}

// summaryLine says how many units the report holds and their grades:
// 共 4 个单位：优 3，良 1，中 0，差 0; among how many units they were
// ranked when that is more (population, --units); then, apart (they
// overlap the grades), how many of them have missing data or failed
// checks.
func summaryLine(s engine.Summary, population int) string {
	var parts []string
	for _, g := range s.Grades {
		parts = append(parts, fmt.Sprintf("%s %d", g.Label, g.Units))
	}
	line := fmt.Sprintf("共 %d 个单位：%s", s.Units, strings.Join(parts, "，"))
	if s.Errors > 0 {
		line += fmt.Sprintf("，未能评分 %d", s.Errors)
	}
	if population > s.Units {
		line += fmt.Sprintf("（排名为全部 %d 个单位中的名次）", population)
	}
	var issues []string
	if s.MissingUnits > 0 {
		issues = append(issues, fmt.Sprintf("%d 个单位有缺失数据（记 0 分）", s.MissingUnits))
	}
	if s.CheckUnits > 0 {
		issues = append(issues, fmt.Sprintf("%d 个单位未通过一致性校验", s.CheckUnits))
	}
	if len(issues) > 0 {
		line += "；其中 " + strings.Join(issues, "，")
	}
	return line + outcomeSums(s)
}
