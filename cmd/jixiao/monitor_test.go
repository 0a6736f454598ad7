package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Goldens of jixiao monitor, checked by hand against
// testdata/monitor/README.md.
func TestMonitorFormats(t *testing.T) {
	for _, f := range []string{"table", "csv", "md", "json", "html"} {
		t.Run(f, func(t *testing.T) {
			code, out, errOut := runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
				"-d", "testdata/monitor/units.csv", "-f", f)
			if code != exitUnitsFailed { // M05 fails
				t.Fatalf("exit %d, want %d: %s", code, exitUnitsFailed, errOut)
			}
			checkGolden(t, "testdata/monitor/2024-02-29."+f+".golden", out)
		})
	}
}

func TestMonitorJSONShape(t *testing.T) {
	_, out, _ := runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
		"-d", "testdata/monitor/units.csv", "-f", "json")
	var doc struct {
		Monitor struct {
			Day, Days int
			Elapsed   float64
		}
		Units []struct {
			Unit  string
			Light string
		}
		Summary struct {
			Lights        map[string]int
			RedIndicators []struct {
				ID    string
				Units int
			} `json:"red_indicators"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Monitor.Day != 60 || doc.Monitor.Days != 366 || doc.Monitor.Elapsed != 60.0/366 {
		t.Errorf("monitor %+v, want day 60 of 366", doc.Monitor)
	}
	// M01 M06 green, M02 yellow, M03 M04 M05 red; unit_cost red for
	// M03, quality_tier for M03, output (missing) for M04.
	if l := doc.Summary.Lights; l["green"] != 2 || l["yellow"] != 1 || l["red"] != 3 {
		t.Errorf("lights %v, want green 2 yellow 1 red 3", l)
	}
	if r := doc.Summary.RedIndicators; len(r) != 3 || r[0].ID != "output" || r[0].Units != 1 {
		t.Errorf("red indicators %+v, want output, unit_cost, quality_tier once each", r)
	}
}

// The workbook colours each light with its fill.
func TestMonitorXLSXFills(t *testing.T) {
	path := filepath.Join(t.TempDir(), "监控.xlsx")
	code, _, errOut := runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
		"-d", "testdata/monitor/units.csv", "-f", "xlsx", "-o", path)
	if code != exitUnitsFailed {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{"F4": "C6EFCE", "F5": "FFEB9C", "F6": "FFC7CE"} // 监控灯 of M01, M02, M03
	for cell, fill := range want {
		v, _ := f.GetCellValue("监控", cell)
		id, err := f.GetCellStyle("监控", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], fill) {
			t.Errorf("%s (%s): fill %v, want %s", cell, v, st.Fill.Color, fill)
		}
	}
	sum, _ := f.GetCellValue("汇总", "A1")
	if !strings.Contains(sum, "绿灯 2，黄灯 1，红灯 3") {
		t.Errorf("汇总 A1 = %q", sum)
	}
	// Byte-identical between runs.
	again := filepath.Join(t.TempDir(), "again.xlsx")
	runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
		"-d", "testdata/monitor/units.csv", "-f", "xlsx", "-o", again)
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("two runs wrote different workbooks")
	}
}

func TestMonitorNeedsAsOf(t *testing.T) {
	code, _, errOut := runTool(t, "", "monitor", "-r", "testdata/monitor/ruleset.yaml", "-d", "testdata/monitor/units.csv")
	if code != exitNothing || !strings.Contains(errOut, "--as-of") {
		t.Errorf("exit %d, %q: want exit %d naming --as-of", code, errOut, exitNothing)
	}
	code, _, errOut = runTool(t, "", "monitor", "--as-of", "2023-02-29", "-r", "testdata/monitor/ruleset.yaml", "-d", "testdata/monitor/units.csv")
	if code != exitNothing || !strings.Contains(errOut, "2023-02-29") {
		t.Errorf("exit %d, %q: want exit %d naming the date", code, errOut, exitNothing)
	}
}

// The workbook's columns are csv's: the expected value to 4 decimals
// under a header saying how it is reached, the share (完成度) a number
// shown as a percentage, and the note beside them (AppendNote), empty
// where the numbers say it all. Worked in testdata/monitor/README.md.
func TestMonitorXLSXReasons(t *testing.T) {
	path := filepath.Join(t.TempDir(), "监控.xlsx")
	if code, _, errOut := runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
		"-d", "testdata/monitor/units.csv", "-f", "xlsx", "-o", path); code != exitUnitsFailed {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Row 4 is M01, 5 M02, 7 M04; per indicator 实际, 应达, 完成度, 灯,
	// 说明 from G (execution), L (output), Q (unit_cost), V (quality).
	for cell, want := range map[string]string{
		"H4": "0.1639",  // 1 × 60/366
		"M4": "19.6721", // 120 × 60/366
		"R5": "50",      // reverse: the target, never pro-rated
		"H3": "预算执行率 应达（全年目标 1 × 60/366）",
		"R3": "单位成本 应达（反向指标，不按时间进度折算）",
		"I3": "预算执行率 完成度（实际 ÷ 应达）",
		"S3": "单位成本 完成度（目标 ÷ 实际）",
		"J3": "预算执行率 灯（完成度达到 100% 绿灯，达到 80% 黄灯，其余红灯）",
		"Y3": "质量 灯（档次 A 绿灯，B 黄灯，其余红灯）",
		"I4": "366.00%", // 0.6 ÷ 0.163934
		"J4": "绿灯",
		"K4": "",       // the numbers say it all
		"S5": "90.91%", // 50 ÷ 55
		"T5": "黄灯",
		"U5": "",
		"X5": "", // a tier has no share
		"Z5": "", // nor a note: the header says what B is
		"U7": "实际为 0",
		"P7": "缺少数据",
		// After the unit's 说明 (AA), its failed consistency checks.
		"AB3": "未通过校验",
		"AB4": "",
		"AB7": "单位成本应大于 0（cost_positive）",
	} {
		if got, _ := f.GetCellValue("监控", cell); got != want {
			t.Errorf("监控!%s = %q, want %q", cell, got, want)
		}
	}
	if got, _ := f.GetCellValue("监控", "S5", excelize.Options{RawCellValue: true}); !strings.HasPrefix(got, "0.90909") {
		t.Errorf("监控!S5 holds %q, want the share itself, 0.90909…", got)
	}
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	const checkLine = "1 个单位的数据未通过一致性校验（不影响得分和亮灯），见「未通过校验」列"
	found := false
	for _, r := range rows {
		found = found || len(r) > 0 && r[0] == checkLine
	}
	if !found {
		t.Errorf("汇总 %q lacks the line %q", rows, checkLine)
	}
	// An empty note or share is no cell at all, blank to Excel (COUNTA,
	// ISBLANK), not an empty string.
	for _, cell := range []string{"K4", "U5", "X5", "Z5", "I7", "AB4"} {
		if typ, err := f.GetCellType("监控", cell); err != nil || typ != excelize.CellTypeUnset {
			t.Errorf("监控!%s is a cell of type %v (%v), want none", cell, typ, err)
		}
	}
	// The ids and names stay in view, the headers above the rows; the
	// sheet prints landscape on A4, one page wide.
	panes, err := f.GetPanes("监控")
	if err != nil || !panes.Freeze || panes.TopLeftCell != "C4" || panes.XSplit != 2 || panes.YSplit != 3 {
		t.Errorf("监控 panes %+v (%v), want frozen at C4", panes, err)
	}
	layout, err := f.GetPageLayout("监控")
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("监控 page layout %+v (%v), want landscape A4, one page wide", layout, err)
	}
}

// Reports are Chinese whatever --lang says (the guide's 提示语言): the
// csv explanations are the same words with --lang en. The help says what
// csv's 说明 holds, in both languages.
func TestMonitorReasonsAndHelpLanguages(t *testing.T) {
	rows := func(lang string) string {
		_, out, _ := runTool(t, "", "monitor", "--lang", lang, "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
			"-d", "testdata/monitor/units.csv", "-f", "csv")
		i := strings.Index(out, "M05,") // its data error is worded in the run's language
		if i < 0 {
			t.Fatalf("--lang %s: no M05 row in %q", lang, out)
		}
		return out[:i]
	}
	zh, en := rows("zh"), rows("en")
	if zh != en {
		t.Errorf("csv rows differ by --lang:\nzh %q\nen %q", zh, en)
	}
	if !strings.Contains(zh, "完成数量 应达（全年目标 120 × 60/366）,") || !strings.Contains(zh, ",60,19.6721,305.00%,绿灯,,") ||
		!strings.Contains(zh, ",缺少数据,") {
		t.Errorf("csv lacks M01's output share or M04's note: %q", zh)
	}
	for lang, want := range map[string]string{
		"zh": "说明只写这些数字说不清的",
		"en": "说明 holds only what the numbers leave unsaid",
	} {
		_, out, _ := runTool(t, "", "monitor", "--help", "--lang", lang)
		if !strings.Contains(out, want) {
			t.Errorf("monitor --help --lang %s lacks %q:\n%s", lang, want, out)
		}
	}
}

// The csv's 实际 is the value as the explanations and json write it, to 4
// decimals (60.5 ÷ 61 = 0.991803… → 0.9918); the workbook keeps the number
// itself.
func TestMonitorValueDigits(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(units, []byte("unit,name,spent,budget,done,cost,quality,incidents\nM01,比率,60.5,61,60,40,A,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml", "-d", units}
	code, out, errOut := runTool(t, "", append(args, "-f", "csv")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "\nM01,比率,") || !strings.Contains(out, ",绿灯,0.9918,0.1639,605.00%,绿灯,,") {
		t.Errorf("csv row: %q, want 实际 0.9918 (0.9918 ÷ 0.1639 = 6.05)", out)
	}
	path := filepath.Join(dir, "监控.xlsx")
	if code, _, errOut := runTool(t, "", append(args, "-f", "xlsx", "-o", path)...); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue("监控", "G4", excelize.Options{RawCellValue: true}); !strings.HasPrefix(got, "0.99180327868852") {
		t.Errorf("监控!G4 = %q, want the value itself, 0.99180327868852…", got)
	}
}

// TestMonitorRunsAsEval: monitor goes through eval's run — data without
// units is an error that writes nothing, not an empty report; failed
// consistency checks are warned of on stderr, and the end-of-run line
// that points to the marks in the output is true (the 未通过校验
// column).
func TestMonitorRunsAsEval(t *testing.T) {
	t.Setenv("JIXIAO_LANG", "zh")
	dir := t.TempDir()
	empty := filepath.Join(dir, "空.csv")
	if err := os.WriteFile(empty, []byte("unit,name,spent,budget,done,cost,quality,incidents\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "监控.csv")
	code, _, errOut := runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml", "-d", empty, "-o", out)
	if code != exitNothing || !strings.Contains(errOut, empty+"：数据中没有单位") {
		t.Errorf("data without units: exit %d, stderr %q; want %d and 数据中没有单位", code, errOut, exitNothing)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("data without units wrote %s (%v)", out, err)
	}

	code, csv, errOut := runTool(t, "", "monitor", "--as-of", "2024-02-29", "-r", "testdata/monitor/ruleset.yaml",
		"-d", "testdata/monitor/units.csv", "-f", "csv")
	if code != exitUnitsFailed {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"警告：M04 不适用与缺失：检查 cost_positive 未通过：单位成本应大于 0\n",
		"1 个未通过一致性校验；见输出中的标记",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(csv, ",单位成本应大于 0（cost_positive）\n") {
		t.Errorf("the csv does not mark M04's failed check:\n%s", csv)
	}
}
