package main

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// TestChineseMessages pins the Chinese wording of the lines a run ends
// with (the catalogue's run.* and warn.* messages), and that English
// (LANG=C, --lang en) says the same.
func TestChineseMessages(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		err  string // the end of stderr
	}{
		{"units failed", nil, []string{"--lang", "zh", "eval", "-r", conformanceRuleset, "-d", conformanceData, "-f", "json"}, exitUnitsFailed,
			"jixiao：共 32 个单位，4 个未能评分（错误见输出）\njixiao：32 个单位中 1 个缺少数据（按 0 分计）；见输出中的标记\n"},
		{"units failed, LANG=C", map[string]string{"JIXIAO_LANG": "", "LANG": "C"}, []string{"eval", "-r", conformanceRuleset, "-d", conformanceData, "-f", "json"}, exitUnitsFailed,
			"jixiao: 4 of 32 units could not be scored (see their errors in the output)\njixiao: 1 of 32 units have missing inputs (scored 0); see the marks in the output\n"},
		{"zh_CN locale", map[string]string{"JIXIAO_LANG": "", "LANG": "zh_CN.UTF-8"}, []string{"eval", "-r", conformanceRuleset, "-d", conformanceData, "-f", "json"}, exitUnitsFailed,
			"jixiao：共 32 个单位，4 个未能评分（错误见输出）\njixiao：32 个单位中 1 个缺少数据（按 0 分计）；见输出中的标记\n"},
		{"bad flag", nil, []string{"--lang", "zh", "eval", "--colour"}, exitNothing,
			"jixiao：未知的参数：--colour\n用法见 jixiao --help。\n"},
		{"check warning", nil, []string{"--lang", "zh", "eval"}, exitOK,
			"警告：G09 壬区网格化管理服务中心：检查 total_is_project_plus_basic 未通过：项目支出 + 基本支出 应等于财政拨款支出（全年执行数），两位小数下差额应为0\njixiao：14 个单位中 1 个未通过一致性校验；见输出中的标记\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			code, _, errOut := runCLI(t, c.args...)
			if code != c.code || !strings.HasSuffix(errOut, c.err) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr ending:\n%s", code, errOut, c.code, c.err)
			}
		})
	}
}

// TestChineseHelp: the help is Chinese by default, headings included, and
// English with --lang en.
func TestChineseHelp(t *testing.T) {
	t.Setenv("JIXIAO_LANG", "")
	t.Setenv("LANG", "")
	_, zh, _ := runCLI(t, "--help")
	for _, want := range []string{"jixiao 为预算单位的年度绩效自评计分。", "用法：\n", "命令：\n", "  lint        在使用前检查规则集中的错误和可疑之处\n", "--lang zh|en"} {
		if !strings.Contains(zh, want) {
			t.Errorf("jixiao --help lacks %q:\n%s", want, zh)
		}
	}
	_, en, _ := runCLI(t, "--lang", "en", "--help")
	for _, want := range []string{"Usage:\n", "Available Commands:\n", "  lint        Check rulesets for mistakes before they are used\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("jixiao --help --lang en lacks %q:\n%s", want, en)
		}
	}
	if code, _, errOut := runCLI(t, "--lang", "fr", "rulesets"); code != exitNothing || !strings.Contains(errOut, `--lang "fr": want zh (中文) or en (English)`) {
		t.Errorf("--lang fr: exit %d, %s", code, errOut)
	}
}

// TestTierAMeansMet: a tier A (达成) indicator scored below its weight
// (A at 90 %) is not a deduction to explain; B and C are.
func TestTierAMeansMet(t *testing.T) {
	var a, bc int
	for _, unit := range []string{"D01", "D02", "D03", "D12"} {
		code, out, errOut := runCLI(t, "explain", "-r", "dept-2013", unit)
		if code != exitOK {
			t.Fatalf("explain %s: exit %d: %s", unit, code, errOut)
		}
		for _, line := range strings.Split(out, "\n") {
			if !strings.Contains(line, "说明") || !strings.Contains(line, "：评价档次 ") {
				continue
			}
			switch {
			case strings.Contains(line, "评价档次 A"):
				a++
				if strings.Contains(line, "扣") || strings.Contains(line, "偏差原因") {
					t.Errorf("%s: tier A reads as a deduction: %s", unit, line)
				}
			default:
				bc++
				if !strings.Contains(line, "应说明偏差原因") && !strings.Contains(line, "单位说明") {
					t.Errorf("%s: tier B or C without its deduction: %s", unit, line)
				}
			}
		}
	}
	if a < 5 || bc < 3 {
		t.Errorf("only %d tier A and %d tier B/C lines seen", a, bc)
	}
}

// TestUnitsAndSortAsTyped: --units splits at full-width separators too,
// and --sort takes an indicator's label or a header word for the id or
// key.
func TestUnitsAndSortAsTyped(t *testing.T) {
	_, byID, _ := runCLI(t, "eval", "-r", "grid-center", "-f", "csv", "--units", "G01,G03,G05", "--sort", "-score")
	code, typed, errOut := runCLI(t, "eval", "-r", "grid-center", "-f", "csv", "--units", "G01，G03、G05；", "--sort", "-总分")
	if code != exitOK || typed != byID || strings.Count(typed, "\n") != 4 {
		t.Errorf("exit %d, stderr %s:\n%s\nwant\n%s", code, errOut, typed, byID)
	}
	rs, err := openRuleset(&streams{}, "grid-center", nil)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, ind := range rs.Ruleset().Indicators {
		if ind.Label == "预算执行率" {
			id = ind.ID
		}
	}
	_, want, _ := runCLI(t, "eval", "-r", "grid-center", "-f", "csv", "--sort", "-"+id)
	_, got, _ := runCLI(t, "eval", "-r", "grid-center", "-f", "csv", "--sort", "-预算执行率")
	if id == "" || got != want || !strings.HasPrefix(strings.SplitN(got, "\n", 3)[1], "G02,") {
		t.Errorf("--sort -预算执行率 (%s):\n%s\nwant\n%s", id, got, want)
	}
	twice := []indicators.Indicator{{ID: "b", Label: "完成率"}, {ID: "a", Label: "完成率"}}
	if _, err := sortKey(msg.Printer{Lang: msg.EN}, twice, "完成率"); err == nil || err.Error() != `--sort "完成率": 2 indicators have that label (a, b): give the id of one` {
		t.Errorf("ambiguous label: %v", err)
	}
}
