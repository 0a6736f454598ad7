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
	// M01 green, M02 yellow, M03 M04 M05 red; unit_cost red for M03,
	// quality_tier for M03, output (missing) for M04.
	if l := doc.Summary.Lights; l["green"] != 1 || l["yellow"] != 1 || l["red"] != 3 {
		t.Errorf("lights %v, want green 1 yellow 1 red 3", l)
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
	if !strings.Contains(sum, "绿灯 1，黄灯 1，红灯 3") {
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
