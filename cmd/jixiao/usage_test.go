package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLineMessages pins the command line's own messages in
// Chinese, and that English says the same (cobra's and pflag's words,
// and the catalogue's English).
func TestCommandLineMessages(t *testing.T) {
	for _, c := range []struct {
		args   []string
		zh, en string // the first line of stderr
	}{
		{[]string{"eval", "--colour"}, "jixiao：未知的参数：--colour", "jixiao: unknown flag: --colour"},
		{[]string{"eval", "-x"}, "jixiao：未知的短参数 'x'（在 -x 中）", `jixiao: unknown shorthand flag: 'x' in -x`},
		{[]string{"eval", "--workers"}, "jixiao：参数 --workers 后面要跟一个值", "jixiao: flag needs an argument: --workers"},
		{[]string{"eval", "--workers", "x"}, `jixiao：参数 "--workers" 的值 "x" 无效：应为数字`, `jixiao: invalid argument "x" for "--workers" flag: strconv.ParseInt: parsing "x": invalid syntax`},
		{[]string{"explain"}, "jixiao：要给 1 个参数，现有 0 个", "jixiao: accepts 1 arg(s), received 0"},
		{[]string{"lint"}, "jixiao：至少要给 1 个参数，现只有 0 个", "jixiao: requires at least 1 arg(s), only received 0"},
		{[]string{"gne"}, `jixiao：未知的命令 "gne"（"jixiao" 没有这个命令）`, `jixiao: unknown command "gne" for "jixiao"`},
		{[]string{"eval", "--tolerance", "-1"}, "jixiao：--tolerance 应为 0 或以上，而不是 -1", "jixiao: tolerance must be 0 or more, got -1"},
		{[]string{"eval", "--stamp-time", "昨天"}, `jixiao：--stamp-time "昨天"：应为 RFC 3339 格式的时间，如 2024-03-31T09:00:00+08:00，或 now`, `jixiao: --stamp-time "昨天": want RFC 3339 such as 2024-03-31T09:00:00+08:00, or now`},
		{[]string{"eval", "--sheet", "数据"}, "jixiao：--sheet 只用于 xlsx 工作簿，所给数据 不是工作簿", "jixiao: --sheet is for xlsx workbooks, and the data is not one"},
		{[]string{"gen", "-n", "0", "-o", "x.csv"}, "jixiao：-n 0：至少要 1 个单位", "jixiao: -n 0: want at least 1 unit"},
		{[]string{"gen", "-o", "x.txt"}, `jixiao：-o "x.txt"：文件名应以 .csv、.jsonl 或 .xlsx 结尾`, `jixiao: -o "x.txt": want a file ending in .csv, .jsonl or .xlsx`},
		{[]string{"monitor"}, "jixiao：monitor 需要监控日期 --as-of，如 --as-of 2023-09-30", "jixiao: monitor needs --as-of DATE, e.g. --as-of 2023-09-30"},
		{[]string{"explain", "NOPE"}, `jixiao：fixtures/demo-grid-center.csv 中没有单位 "NOPE"（单位有：G01, G02, G03, G04, G05, G06, G07, G08, G09, G10, 另有 4 个）`,
			`jixiao: no unit "NOPE" in fixtures/demo-grid-center.csv (units: G01, G02, G03, G04, G05, G06, G07, G08, G09, G10, and 4 more)`},
		{[]string{"eval", "-o", "."}, "jixiao：创建 .：这是一个文件夹；请给出文件名", "jixiao: create .: is a directory; give a file name"},
		{[]string{"indicators", "没有这样的指标"}, `指标库中没有与 "没有这样的指标" 相符的指标`, `no indicator in the library matches "没有这样的指标"`},
	} {
		for _, lang := range []string{"zh", "en"} {
			want := c.zh
			if lang == "en" {
				want = c.en
			}
			code, _, errOut := runCLI(t, append([]string{"--lang", lang}, c.args...)...)
			if first, _, _ := strings.Cut(errOut, "\n"); code == exitOK || first != want {
				t.Errorf("jixiao --lang %s %s: exit %d, stderr:\n%s\nwant the first line\n%s", lang, strings.Join(c.args, " "), code, errOut, want)
			}
		}
	}
}

// TestLangSetting: lang in jixiao.yaml words the run's messages, as
// --lang does; --lang on the command line wins.
func TestLangSetting(t *testing.T) {
	t.Setenv("JIXIAO_LANG", "")
	t.Setenv("LANG", "C")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "jixiao.yaml"), []byte("lang: zh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	data := filepath.Join(root, "fixtures", "demo-grid-center.csv")
	_, _, zh := runCLI(t, "explain", "NOPE", "-d", data)
	_, _, en := runCLI(t, "--lang", "en", "explain", "NOPE", "-d", data)
	if !strings.HasPrefix(zh, "jixiao："+data+" 中没有单位 \"NOPE\"") || !strings.HasPrefix(en, "jixiao: no unit \"NOPE\"") {
		t.Errorf("lang: zh in jixiao.yaml:\n%s\nwith --lang en:\n%s", zh, en)
	}
}
