package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/jixiao/jixiao/diff"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
)

// DiffFormats lists the formats of a rule-change comparison (jixiao
// diff); the first is the default. Each writes with its Diff.
func DiffFormats() Registry {
	return Registry{
		{Name: "table", Desc: "tables for the terminal", Diff: DiffTable},
		{Name: "json", Desc: "every unit's change as JSON", Diff: DiffJSON},
		{Name: "md", Desc: "Markdown tables", Diff: DiffMarkdown},
		{Name: "xlsx", Desc: "Excel workbook: units, migration, indicators, stamp", Diff: DiffXLSX, Binary: true},
	}
}

// MostMoved is how many units the table and Markdown formats list as the
// units that moved most.
const MostMoved = 10

// notScored labels the grade of a unit not scored on one side.
const notScored = "未评分"

func diffGrade(g string) string {
	if g == "" {
		return notScored
	}
	return g
}

func signed(x float64) string {
	if x > 0 {
		return "+" + Num(x)
	}
	return Num(x)
}

func rulesetTitle(r engine.RulesetInfo) string {
	return strings.TrimSpace(r.ID + " " + r.Version)
}

// diffSideText shows a unit's score, grade and rank on one side.
func diffSideText(s diff.Side, none string) (score, grade, rank string) {
	if !s.Scored {
		return notScored, notScored, none
	}
	return Num(s.Score), s.Grade, fmt.Sprint(s.Rank)
}

// changedText lists the indicators whose points changed, by label, as
// the bureau names them: "验收合格率 -2、资金使用合规性 +0.5", then the
// rules above the row and the 不适用 rescaling that moved the total
// ("不适用折算 -4.88（适用分值 80 → 85）"), so that the parts add up to
// the unit's change. arrow is " → ", or " -> " in the terminal's box.
func changedText(u *diff.Unit, arrow string) string {
	var parts []string
	for _, pc := range u.Indicators {
		parts = append(parts, indicatorName(pc.ID, pc.Label)+" "+signed(pc.Delta))
	}
	for _, pc := range u.Adjustments {
		parts = append(parts, "规则 "+indicatorName(pc.ID, pc.Label)+" "+signed(pc.Delta)) // a rule above the row (contract 2)
	}
	if r := u.Rescaling; r != nil {
		// Unchanged applicable weights still rescale the points' changes
		// (−5 points over 90 move the total −5.56): one figure then.
		weights := Num(r.NewApplicable)
		if r.OldApplicable != r.NewApplicable {
			weights = Num(r.OldApplicable) + arrow + weights
		}
		parts = append(parts, fmt.Sprintf("不适用折算 %s（适用分值 %s）", signed(r.Delta), weights))
	}
	return strings.Join(parts, "、")
}

// indicatorName is an indicator as a diff names it: its label, or its
// id when it has none.
func indicatorName(id, label string) string {
	if label != "" {
		return label
	}
	return id
}

// diffRows are the per-unit rows of the table and Markdown formats.
// The terminal's box gets ASCII arrows (ascii): "→" and "—" are East
// Asian ambiguous characters, two columns wide in a CJK terminal, where
// they would break the box's lines.
func diffRows(c *diff.Comparison, ascii bool) [][]string {
	arrow, none := " → ", "—"
	if ascii {
		arrow, none = " -> ", "-"
	}
	var rows [][]string
	for i := range c.Units {
		u := &c.Units[i]
		os, og, or := diffSideText(u.Old, none)
		ns, ng, nr := diffSideText(u.New, none)
		delta := ""
		if u.Both() {
			delta = signed(u.Delta)
		}
		rows = append(rows, []string{u.Unit, u.Name, os, ns, delta, og + arrow + ng, or + arrow + nr, changedText(u, arrow)})
	}
	return rows
}

var diffHeader = []string{"单位", "名称", "原总分", "新总分", "变化", "等级", "排名", "得分变化的指标"}

// migrationCells lays the migration cells out as rows of old grades and
// columns of new grades (band order), with a 未评分 row or column only
// when some unit was not scored on that side.
func migrationCells(c *diff.Comparison) (from, to []string, counts [][]int) {
	from, to = append([]string{}, c.OldGrades...), append([]string{}, c.NewGrades...)
	count := map[[2]string]int{}
	for _, m := range c.Migration {
		count[[2]string{m.From, m.To}] = m.Units
		if !slices.Contains(from, m.From) {
			from = append(from, m.From)
		}
		if !slices.Contains(to, m.To) {
			to = append(to, m.To)
		}
	}
	for _, f := range from {
		row := make([]int, len(to))
		for j, t := range to {
			row[j] = count[[2]string{f, t}]
		}
		counts = append(counts, row)
	}
	return from, to, counts
}

// migrationMatrix is the migration matrix as text, with its header row.
func migrationMatrix(c *diff.Comparison) (header []string, rows [][]string) {
	from, to, counts := migrationCells(c)
	header = append([]string{"原等级 \\ 新等级"}, mapStrings(to, diffGrade)...)
	for i, f := range from {
		row := []string{diffGrade(f)}
		for _, n := range counts[i] {
			row = append(row, fmt.Sprint(n))
		}
		rows = append(rows, row)
	}
	return header, rows
}

func mapStrings(xs []string, f func(string) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// movedLines says how the units that moved most moved.
func movedLines(c *diff.Comparison) []string {
	var out []string
	for _, u := range c.Moved(MostMoved) {
		out = append(out, fmt.Sprintf("%s %s：%s → %s（%s），%s → %s，排名 %d → %d", u.Unit, u.Name,
			Num(u.Old.Score), Num(u.New.Score), signed(u.Delta), u.Old.Grade, u.New.Grade, u.Old.Rank, u.New.Rank))
	}
	return out
}

// causeLines says which indicators caused the change, largest first,
// leaving out those that changed nothing.
func causeLines(c *diff.Comparison) []string {
	var out []string
	for _, ic := range c.Indicators {
		if ic.Delta == 0 && ic.Units == 0 && ic.InOld == ic.InNew {
			continue
		}
		note := ""
		switch {
		case !ic.InOld:
			note = "，新增指标"
		case !ic.InNew:
			note = "，已删除的指标"
		}
		out = append(out, fmt.Sprintf("%s：合计 %s → %s（%s），%d 个单位得分变化%s", indicatorName(ic.ID, ic.Label), Num(ic.Old), Num(ic.New), signed(ic.Delta), ic.Units, note))
	}
	return append(out, populationLines(c)...)
}

// populationLines says where a relative indicator's population changed:
// its points moved for every unit, whatever the unit's own data.
func populationLines(c *diff.Comparison) []string {
	var out []string
	side := func(p *indicators.RelativeStat) string {
		if p == nil {
			return "无"
		}
		if p.Count == 0 {
			return "0 个单位"
		}
		return fmt.Sprintf("%d 个单位，最优 %s，最差 %s", p.Count, num(p.Best(p.Reverse)), num(p.Worst(p.Reverse)))
	}
	for i := range c.Populations {
		p := &c.Populations[i]
		if !p.Changed() {
			continue
		}
		out = append(out, fmt.Sprintf("%s 比较总体：%s → %s（比较法的得分随参与比较的单位变化）", p.ID, side(p.Old), side(p.New)))
	}
	// The rules above the row: each one's effect on the totals of the
	// units it changed (after − before), old and new.
	for _, rc := range c.Adjustments {
		out = append(out, fmt.Sprintf("规则 %s %s：对总分的影响合计 %s → %s（%s），%d 个单位", rc.ID, rc.Label, Num(rc.Old), Num(rc.New), signed(rc.Delta), rc.Units))
	}
	// The 不适用 rescaling: what it added to the totals of the units whose
	// rescaling moved them, old and new.
	if r := c.Rescaling; r.Units > 0 {
		out = append(out, fmt.Sprintf("不适用折算：对总分的影响合计 %s → %s（%s），%d 个单位", Num(r.Old), Num(r.New), signed(r.Delta), r.Units))
	}
	return out
}

func diffTitle(c *diff.Comparison) string {
	return fmt.Sprintf("规则变更影响：%s → %s，共 %d 个单位", rulesetTitle(c.Old), rulesetTitle(c.New), len(c.Units))
}

// DiffTable writes a comparison for the terminal: the units, the grade
// migration matrix, the units that moved most and the indicators that
// caused the change.
func DiffTable(w io.Writer, c *diff.Comparison) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, diffTitle(c))
	align := []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft}
	if err := boxTable(bw, diffHeader, diffRows(c, true), align); err != nil {
		return err
	}
	fmt.Fprintln(bw, "\n等级迁移（行：原等级，列：新等级）")
	cols, rows := migrationMatrix(c)
	malign := []tw.Align{tw.AlignLeft}
	for range cols[1:] {
		malign = append(malign, tw.AlignRight)
	}
	if err := boxTable(bw, cols, rows, malign); err != nil {
		return err
	}
	if moved := movedLines(c); len(moved) > 0 {
		fmt.Fprintln(bw, "\n变化最大的单位")
		for _, l := range moved {
			fmt.Fprintln(bw, "  "+l)
		}
	}
	if causes := causeLines(c); len(causes) > 0 {
		fmt.Fprintln(bw, "\n引起变化的指标（全部单位合计）")
		for _, l := range causes {
			fmt.Fprintln(bw, "  "+l)
		}
	}
	writeRuleSections(bw, c, func(h string) string { return "\n" + h + "\n" }, "  ")
	return bw.Flush()
}

// boxTable renders a boxed terminal table (the diff and review tables)
// with tablewriter: East Asian widths off (see table.go), headers as
// written and centred, cells aligned by column, never wrapped.
func boxTable(w io.Writer, header []string, rows [][]string, align []tw.Align) error {
	tbl := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithHeaderAlignment(tw.AlignCenter),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	)
	tbl.Header(header)
	if err := tbl.Bulk(rows); err != nil {
		return err
	}
	return tbl.Render()
}

// DiffMarkdown writes a comparison as Markdown tables.
func DiffMarkdown(w io.Writer, c *diff.Comparison) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", diffTitle(c))
	fmt.Fprintf(bw, "- 原规则集：%s，sha256 `%s`\n", rulesetTitle(c.Old), c.Old.SHA256)
	fmt.Fprintf(bw, "- 新规则集：%s，sha256 `%s`\n", rulesetTitle(c.New), c.New.SHA256)
	if c.Data != nil {
		fmt.Fprintf(bw, "- 数据：%s，sha256 `%s`\n", strings.Join(c.Data.Files, ", "), c.Data.SHA256)
	}
	fmt.Fprintln(bw, "\n## 各单位")
	diffMDTable(bw, diffHeader, diffRows(c, false))
	fmt.Fprintln(bw, "\n## 等级迁移（行：原等级，列：新等级）")
	cols, rows := migrationMatrix(c)
	diffMDTable(bw, cols, rows)
	if moved := movedLines(c); len(moved) > 0 {
		fmt.Fprintln(bw, "\n## 变化最大的单位")
		fmt.Fprintln(bw)
		for _, l := range moved {
			fmt.Fprintln(bw, "- "+explainMDEscape(l))
		}
	}
	if causes := causeLines(c); len(causes) > 0 {
		fmt.Fprintln(bw, "\n## 引起变化的指标（全部单位合计）")
		fmt.Fprintln(bw)
		for _, l := range causes {
			fmt.Fprintln(bw, "- "+explainMDEscape(l))
		}
	}
	writeRuleSections(bw, c, func(h string) string { return "\n## " + h + "\n\n" }, "- ")
	return bw.Flush()
}

func diffMDTable(w io.Writer, header []string, rows [][]string) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| "+strings.Join(mapStrings(header, explainMDEscape), " | ")+" |")
	fmt.Fprintln(w, strings.Repeat("|---", len(header))+"|")
	for _, r := range rows {
		fmt.Fprintln(w, "| "+strings.Join(mapStrings(r, explainMDEscape), " | ")+" |")
	}
}

// JSON layout of a comparison (the diff issue): old and new ruleset
// stamps, the data stamp, units, migration, and the population's
// indicator changes.
type diffJSONStamp struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

type diffJSONSide struct {
	Score  *float64 `json:"score"`
	Grade  *string  `json:"grade"`
	Rank   *int     `json:"rank"`
	Errors []string `json:"errors,omitempty"`
}

type diffJSONPoints struct {
	ID    string   `json:"id"`
	Old   *float64 `json:"old"`
	New   *float64 `json:"new"`
	Delta float64  `json:"delta"`
}

type diffJSONUnit struct {
	Unit       string           `json:"unit"`
	Name       string           `json:"name"`
	Old        diffJSONSide     `json:"old"`
	New        diffJSONSide     `json:"new"`
	Delta      *float64         `json:"delta"`
	Indicators []diffJSONPoints `json:"indicators"`
	// Adjustments are the rules above the row (contract 2) whose effect
	// on the total changed. Left out when none did, so that a comparison
	// of rulesets without such rules keeps its bytes.
	Adjustments []diffJSONPoints `json:"adjustments,omitempty"`
	// Rescaling is the 不适用 rescaling's part in the move; left out
	// where it has none, as above.
	Rescaling *diffJSONRescaling `json:"rescaling,omitempty"`
}

// diffJSONRescaling is diff.Rescaling: the applicable weights (适用分值)
// and what the rescaling added to the total on each side.
type diffJSONRescaling struct {
	OldApplicable float64 `json:"old_applicable"`
	NewApplicable float64 `json:"new_applicable"`
	Old           float64 `json:"old"`
	New           float64 `json:"new"`
	Delta         float64 `json:"delta"`
}

// diffJSONRescalingTotal is diff.RescalingTotal.
type diffJSONRescalingTotal struct {
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
	Units int     `json:"units"`
}

type diffJSONMigration struct {
	From  *string `json:"from"`
	To    *string `json:"to"`
	Units int     `json:"units"`
}

type diffJSONIndicator struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	InOld bool    `json:"in_old"`
	InNew bool    `json:"in_new"`
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
	Units int     `json:"units"`
}

func diffSideJSON(s diff.Side) diffJSONSide {
	if !s.Scored {
		var js diffJSONSide
		for _, e := range s.Errors {
			js.Errors = append(js.Errors, e.Error())
		}
		return js
	}
	score, grade, rank := s.Score, s.Grade, s.Rank
	return diffJSONSide{Score: &score, Grade: &grade, Rank: &rank}
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// DiffJSON writes a comparison as JSON, one unit per line:
//
//	{"old": {id, version, sha256}, "new": {…}, "data": {files, sha256},
//	 "units": [{"unit", "name", "old": {"score", "grade", "rank"}, "new": {…},
//	            "delta", "indicators": [{"id", "old", "new", "delta"}],
//	            "adjustments": […], "rescaling": {"old_applicable", "new_applicable", "old", "new", "delta"}}],
//	 "migration": [{"from", "to", "units"}],
//	 "indicators": [{"id", "label", "in_old", "in_new", "old", "new", "delta", "units"}],
//	 "adjustments": [{"id", "label", "in_old", "in_new", "old", "new", "delta", "units"}],
//	 "rescaling": {"old", "new", "delta", "units"}}
//
// A side where the unit was not scored has null score, grade and rank (and
// its errors); delta is then null. indicators lists only those whose points
// changed; an indicator of one side only has null on the other.
// adjustments are the rules above the row (adjust rules, max_total) as
// causes, like indicators but of each rule's effect on the total (after −
// before; 0 where it did not apply, null in a unit's entry on a side whose
// ruleset has no such rule): a unit's "adjustments" lists the rules whose
// effect on it changed, the top level sums them over those units (diff's
// Unit.Adjustments and Comparison.Adjustments). Both are left out when no
// rule's effect changed. rescaling is the 不适用 rescaling as a cause (a
// unit with 不适用 indicators is scored Σ points ÷ Σ applicable weights ×
// 100): in a unit's entry, {"old_applicable", "new_applicable", "old",
// "new", "delta"} — the applicable weights (适用分值), what the rescaling
// added to the total on each side (0 on a side without 不适用) and new −
// old, so that the unit's delta is the sum of its indicators', its
// adjustments' and this delta; at the top level {"old", "new", "delta",
// "units"}, summed over the units that have one. Both are left out where
// the rescaling moved no total. populations pairs the relative indicators'
// populations, [{"id", "changed", "old", "new"}] (each side {"id",
// "relative", "reverse", "population": {"best", "worst", "count"}}, null
// where the side lacks the indicator); left out without relative
// indicators.
func DiffJSON(w io.Writer, c *diff.Comparison) error {
	bw := bufio.NewWriter(w)
	put := func(prefix string, v any) {
		b, _ := json.Marshal(v)
		bw.WriteString(prefix)
		bw.Write(b)
	}
	put(`{"old":`, diffJSONStamp{c.Old.ID, c.Old.Version, c.Old.SHA256})
	put(",\n\"new\":", diffJSONStamp{c.New.ID, c.New.Version, c.New.SHA256})
	if c.Data != nil {
		put(",\n\"data\":", jsonData{Files: c.Data.Files, SHA256: c.Data.SHA256})
	}
	bw.WriteString(",\n\"units\":[")
	for i := range c.Units {
		u := &c.Units[i]
		ju := diffJSONUnit{Unit: u.Unit, Name: u.Name, Old: diffSideJSON(u.Old), New: diffSideJSON(u.New), Indicators: []diffJSONPoints{}}
		if u.Both() {
			d := u.Delta
			ju.Delta = &d
		}
		for _, pc := range u.Indicators {
			ju.Indicators = append(ju.Indicators, diffJSONPoints{ID: pc.ID, Old: pc.Old, New: pc.New, Delta: pc.Delta})
		}
		for _, pc := range u.Adjustments {
			ju.Adjustments = append(ju.Adjustments, diffJSONPoints{ID: pc.ID, Old: pc.Old, New: pc.New, Delta: pc.Delta})
		}
		if r := u.Rescaling; r != nil {
			ju.Rescaling = &diffJSONRescaling{OldApplicable: r.OldApplicable, NewApplicable: r.NewApplicable, Old: r.Old, New: r.New, Delta: r.Delta}
		}
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		put(sep, ju)
	}
	bw.WriteString("\n],\n\"migration\":[")
	for i, m := range c.Migration {
		sep := ","
		if i == 0 {
			sep = ""
		}
		put(sep+"\n", diffJSONMigration{From: optString(m.From), To: optString(m.To), Units: m.Units})
	}
	// The indicators' changes and the rules' above the row (adjustments,
	// only when some rule's effect changed) are written alike.
	changes := func(key string, list []diff.IndicatorChange) {
		bw.WriteString(",\n\"" + key + "\":[")
		for i, ic := range list {
			sep := ","
			if i == 0 {
				sep = ""
			}
			put(sep+"\n", diffJSONIndicator{ID: ic.ID, Label: ic.Label, InOld: ic.InOld, InNew: ic.InNew, Old: ic.Old, New: ic.New, Delta: ic.Delta, Units: ic.Units})
		}
		bw.WriteString("\n]")
	}
	bw.WriteString("\n]")
	changes("indicators", c.Indicators)
	if len(c.Adjustments) > 0 {
		changes("adjustments", c.Adjustments)
	}
	if r := c.Rescaling; r.Units > 0 {
		put(",\n\"rescaling\":", diffJSONRescalingTotal{Old: r.Old, New: r.New, Delta: r.Delta, Units: r.Units})
	}
	if len(c.Populations) > 0 {
		// The relative indicators' populations on both sides: a unit
		// scored on one side only moves every other unit's relative
		// points, and a reader of the JSON must see why. Absent without
		// relative indicators, so such comparisons keep their bytes.
		bw.WriteString(",\n\"populations\":[")
		for i := range c.Populations {
			sep := ","
			if i == 0 {
				sep = ""
			}
			put(sep+"\n", diffPopulationJSON(&c.Populations[i]))
		}
		bw.WriteString("\n]")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// diffJSONPopulation is one relative indicator's population on both
// sides; a side without the indicator is null.
type diffJSONPopulation struct {
	ID      string          `json:"id"`
	Changed bool            `json:"changed"`
	Old     *jsonPopulation `json:"old"`
	New     *jsonPopulation `json:"new"`
}

func diffPopulationJSON(p *diff.PopulationChange) diffJSONPopulation {
	out := diffJSONPopulation{ID: p.ID, Changed: p.Changed()}
	if p.Old != nil {
		out.Old = &jsonPopulations([]indicators.RelativeStat{*p.Old})[0]
	}
	if p.New != nil {
		out.New = &jsonPopulations([]indicators.RelativeStat{*p.New})[0]
	}
	return out
}
