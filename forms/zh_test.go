package forms

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/internal/formtest"
)

// TestMessagesInBothLanguages pins the main messages of the 自评表 reader
// and of its review in Chinese, the default, and in English (Lang "en"):
// the reason of a cell not read, the finding that shows it, a claim above
// the rules with its arithmetic, 分值 that do not add up, a file not
// reviewed.
func TestMessagesInBothLanguages(t *testing.T) {
	dir := t.TempDir()
	b := formtest.New(t, "Sheet1")
	b.Row("A1", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
	b.Row("A2", "产出指标", "质量指标", "合格率", "≥95%且≤100%", "98%", 50, 50)
	b.Row("C3", "达标率", "≥95%", 0.98, 30, 30)
	b.Row("A4", "总分", nil, nil, nil, nil, 100, 80)
	bad := b.Save(dir, "bad.xlsx")
	good := formtest.Form10(formtest.New(t, "Sheet1"), 1).Save(dir, "a.xlsx")
	xls := filepath.Join(dir, "e.xls")
	if err := os.WriteFile(xls, []byte("\xd0\xcf\x11\xe0"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang                  string
		why, unreadable, sum  string
		claim, total, notRead string
	}{
		{"",
			`达标率：实际完成值 "0.98" 没有 %，而年度指标值 ≥95% 是百分数：请写成 0.98%（或将单元格格式设为百分比）`,
			`无法读取（bad.xlsx!Sheet1!D2）：合格率：年度指标值 "≥95%且≤100%" 含有不止一个指标值：请只写一个方向和一个数字（≥95%）`,
			`分值：各行分值之和 0 分，不等于总分行的分值 100 分（bad.xlsx!Sheet1!F4）`,
			`设备采购数量（满分 10）：自评 10 分（a.xlsx!Sheet1!H14），按规则应得 9 分，多计 1 分（自评高于规则）。依据：实际 45个 未达指标 ≥50个，按比例计分：10 × 45个 ÷ 50个 = 9（a.xlsx!Sheet1!F14）`,
			`总分：自评 95.3 分（a.xlsx!Sheet1!H22），按规则应为 91.24 分（各行按规则得分之和 91.24 分），多计 4.06 分（自评高于规则）`,
			xls + ` 是 .xls 工作簿，jixiao 不能读取：请在 Excel 或 WPS 中打开，另存为 .xlsx（文件 → 另存为 → Excel 工作簿 *.xlsx）`},
		{"en",
			`达标率: 实际完成值 "0.98" has no % while 年度指标值 ≥95% is a percent: write 0.98% (or format the cell as a percentage)`,
			`cannot be read (bad.xlsx!Sheet1!D2): 合格率: 年度指标值 "≥95%且≤100%" holds more than one target: write one direction and one number (≥95%)`,
			`分值: the rows' points add up to 0, not to the 总分 row's 100 (bad.xlsx!Sheet1!F4)`,
			`设备采购数量 (full points 10): claimed 10 (a.xlsx!Sheet1!H14), by the rules 9: 1 too many (the claim is above the rules). Basis: actual 45个 falls short of the target ≥50个, scored in proportion: 10 × 45个 ÷ 50个 = 9 (a.xlsx!Sheet1!F14)`,
			`总分: claimed 95.3 (a.xlsx!Sheet1!H22), by the rules 91.24 (the rows' points by the rules add up to 91.24): 4.06 too many (the claim is above the rules)`,
			xls + ` is an .xls workbook, which jixiao does not read: open it in Excel or WPS and save it as .xlsx (文件 → 另存为 → Excel 工作簿 *.xlsx)`},
	} {
		o := Options{Lang: c.lang}
		fs, err := o.ReadFile(bad)
		if err != nil || len(fs) != 1 || len(fs[0].Unreadable) != 2 {
			t.Fatalf("Lang %q: %v %+v", c.lang, err, fs)
		}
		f := fs[0]
		f.Review(o)
		if got := f.Unreadable[1].Why; got != c.why {
			t.Errorf("Lang %q: why\n%s\nwant\n%s", c.lang, got, c.why)
		}
		if len(f.Findings) != 3 || f.Findings[0].Message != c.unreadable || f.Findings[2].Message != c.sum {
			t.Errorf("Lang %q: findings %+v\nwant\n%s\n%s", c.lang, f.Findings, c.unreadable, c.sum)
		}
		fs, err = o.ReadFile(good)
		if err != nil || len(fs) != 1 {
			t.Fatalf("Lang %q: %v", c.lang, err)
		}
		fs[0].Review(o)
		var claim, total string
		for _, x := range fs[0].Findings {
			switch x.ID {
			case "设备采购数量":
				claim = x.Message
			case "总分":
				total = x.Message
			}
		}
		if claim != c.claim || total != c.total {
			t.Errorf("Lang %q:\n%s\n%s\nwant\n%s\n%s", c.lang, claim, total, c.claim, c.total)
		}
		if _, err := o.ReadFile(xls); err == nil || err.Error() != c.notRead {
			t.Errorf("Lang %q: %v, want %s", c.lang, err, c.notRead)
		}
	}
}
