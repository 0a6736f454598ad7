package main

import "testing"

// TestDataMessagesInChinese: a run in Chinese (JIXIAO_LANG=zh) says the
// data's errors and warnings in Chinese, the fit hint included; the same
// run in English says the same thing as it always did.
func TestDataMessagesInChinese(t *testing.T) {
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		zh, en string // the whole of stderr
	}{
		{"no unit column", []string{"eval", "-r", ok, "-d", D + "no-unit-column.csv", "-f", "json"}, exitNothing,
			D + "no-unit-column.csv:1: 表头没有单位编码列（unit、单位编码、单位代码 或 编码）：请加一列写明各单位的编码；现有的列为 name、spent、budget、tier\n",
			D + "no-unit-column.csv:1: the header has no unit column (unit, 单位编码, 单位代码 or 编码, the unit's id); its columns are name, spent, budget, tier\n"},
		{"converted from GBK", []string{"eval", "-r", ok, "-d", D + "gbk.csv", "-f", "json"}, exitOK,
			"警告：" + D + "gbk.csv:2: 文件是 GB18030（GBK）编码（旧的中文系统和 Excel 的普通 CSV 这样保存），已转换为 UTF-8\n",
			"warning: " + D + "gbk.csv:2: the file is GB18030 (GBK), as older Chinese systems and Excel's plain CSV write it; it was converted to UTF-8\n"},
		{"another ruleset's data", []string{"eval", "-d", D + "columns-dept-2013.csv", "-f", "json"}, exitNothing,
			D + "columns-dept-2013.csv:1: 规则集 grid-center 的 30 个输入中只有 6 个有对应的列，这看来是另一个规则集的数据；以下输入没有对应的列：\n" +
				"  exp_basic（基本支出）\n  exp_project（项目支出）\n  exp_personnel（人员经费）\n" +
				"  project_share_stated（报告所列项目支出占总支出比例）\n  gfm_declared（格防码在线申报数）\n  …… 另有 19 个\n" +
				"它符合内置规则集 dept-2013：请加上 -r dept-2013 运行\n",
			D + "columns-dept-2013.csv:1: the data has a column for only 6 of the 30 inputs of ruleset grid-center: it looks like data for another ruleset; no column for:\n" +
				"  exp_basic (基本支出)\n  exp_project (项目支出)\n  exp_personnel (人员经费)\n" +
				"  project_share_stated (报告所列项目支出占总支出比例)\n  gfm_declared (格防码在线申报数)\n  … and 19 more\n" +
				"it fits the built-in ruleset dept-2013: run with -r dept-2013\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, l := range []struct{ lang, want string }{{"zh", c.zh}, {"en", c.en}} {
				t.Setenv("JIXIAO_LANG", l.lang)
				code, _, errOut := runCLI(t, c.args...)
				if code != c.code || errOut != l.want {
					t.Errorf("JIXIAO_LANG=%s: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", l.lang, code, errOut, c.code, l.want)
				}
			}
		})
	}
}
