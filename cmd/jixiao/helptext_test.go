package main

import (
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
)

// helpTexts is every text of the help a user can read, by where it is:
// each command's Short, Long and Example, and each of its flags' usage,
// local and inherited, hidden ones included.
func helpTexts(lang msg.Lang) map[string]string {
	root := newRootCmd(&streams{msg: msg.Printer{Lang: lang}}, &profile{})
	texts := map[string]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := c.CommandPath()
		texts[path+" Short"] = c.Short
		texts[path+" Long"] = c.Long
		if c.Example != "" {
			texts[path+" Example"] = c.Example
		}
		flag := func(f *pflag.Flag) { texts[path+" --"+f.Name] = f.Usage }
		c.LocalFlags().VisitAll(flag)
		c.InheritedFlags().VisitAll(flag)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return texts
}

// TestHelpWorded walks the whole command tree: in Chinese every Short,
// Long and flag text has Chinese in it; in English none is empty, none is
// the Chinese, and every text the Chinese help has, the English has too.
func TestHelpWorded(t *testing.T) {
	zh, en := helpTexts(msg.ZH), helpTexts(msg.EN)
	if len(zh) < 150 {
		t.Fatalf("only %d help texts found", len(zh))
	}
	t.Logf("%d help texts, each in Chinese and English", len(zh))
	for _, want := range []string{"jixiao eval --sort", "jixiao completion bash --no-descriptions", "jixiao help --help", "jixiao serve --cpuprofile", "jixiao Example"} {
		if _, ok := zh[want]; !ok {
			t.Errorf("%s: not in the tree walked", want)
		}
	}
	han := func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
	}
	for where, z := range zh {
		if !strings.HasSuffix(where, " Example") && !han(z) {
			t.Errorf("%s: no Chinese in %q", where, z)
		}
		e, ok := en[where]
		switch {
		case !ok || strings.TrimSpace(e) == "":
			t.Errorf("%s: no English", where)
		case e == z:
			t.Errorf("%s: the English is the Chinese: %q", where, e)
		}
	}
	if len(en) != len(zh) {
		t.Errorf("%d texts in English, %d in Chinese", len(en), len(zh))
	}
}

// TestEveryFormatHasHelp: eval's help describes every format of -f.
func TestEveryFormatHasHelp(t *testing.T) {
	for _, f := range report.Formats() {
		if formatHelp(f.Name) == "" {
			t.Errorf("format %s has no description in the catalogue (formatHelp)", f.Name)
		}
	}
}

// TestHelpGolden pins jixiao eval --help in Chinese and in English, each
// checked by hand.
func TestHelpGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		code, out, errOut := runCLI(t, "--lang", lang, "eval", "--help")
		if code != exitOK || errOut != "" {
			t.Fatalf("--lang %s eval --help: exit %d, %s", lang, code, errOut)
		}
		checkGolden(t, "testdata/help/eval-"+lang+".txt", out)
	}
}

// TestHelpLangAnyOrder: --lang is read wherever it stands, before or
// after --help and the command, as --lang X or --lang=X; --help before
// the command's name is that command's help.
func TestHelpLangAnyOrder(t *testing.T) {
	t.Setenv("JIXIAO_LANG", "")
	t.Setenv("LANG", "")
	for _, c := range []struct {
		args []string
		want string // the start of the help
	}{
		{[]string{"--help", "--lang", "en"}, "jixiao scores the yearly"},
		{[]string{"--help", "--lang=en"}, "jixiao scores the yearly"},
		{[]string{"--lang", "en", "--help"}, "jixiao scores the yearly"},
		{[]string{"-h", "--lang", "en"}, "jixiao scores the yearly"},
		{[]string{"--help"}, "jixiao 为预算单位"},
		{[]string{"eval", "--help", "--lang", "en"}, "eval scores every unit"},
		{[]string{"--help", "--lang", "en", "eval"}, "eval scores every unit"},
		{[]string{"--help", "eval", "--lang", "en"}, "eval scores every unit"},
		{[]string{"eval", "--lang", "zh", "--help"}, "eval 按规则集"},
		{[]string{"help", "eval", "--lang", "en"}, "eval scores every unit"},
		{[]string{"help", "--lang", "zh", "eval"}, "eval 按规则集"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != exitOK || !strings.HasPrefix(out, c.want) {
			t.Errorf("jixiao %s: exit %d, %s\n%.200s\nwant it to start %q", strings.Join(c.args, " "), code, errOut, out, c.want)
		}
	}
}
