// Package msg is the catalogue of jixiao's messages to its users: each
// message has a stable code and its wording in Chinese, the default, and
// in English (--lang en, or LANG=C or en_*), saying the same thing. Code
// that speaks to users names the message by its code, so that one idea is
// worded once (合计不符 everywhere, not sometimes 总分与各项之和不符), and
// machine-readable output (JSON) keeps the codes, which never change.
package msg

import (
	"fmt"
	"regexp"
	"strings"
)

// Lang is a language of the messages.
type Lang int

const (
	ZH Lang = iota // Chinese, the default
	EN             // English
)

// Parse reads a --lang value: zh or en, as a locale may write them too
// (zh_CN.UTF-8, en-US).
func Parse(s string) (Lang, error) {
	if l, ok := fromLocale(s); ok {
		return l, nil
	}
	return ZH, fmt.Errorf("--lang %q: want zh (中文) or en (English)", s)
}

// fromLocale is the language of a locale name: C and POSIX (with any
// encoding) and en_* are English, zh_* Chinese; ok is false for any other.
func fromLocale(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	base, _, _ := strings.Cut(s, ".")
	switch {
	case base == "zh" || strings.HasPrefix(base, "zh_") || strings.HasPrefix(base, "zh-"):
		return ZH, true
	case base == "en" || strings.HasPrefix(base, "en_") || strings.HasPrefix(base, "en-"), base == "c", base == "posix":
		return EN, true
	}
	return ZH, false
}

// FromEnv is the language the environment asks for: JIXIAO_LANG, else the
// locale (LC_ALL, LC_MESSAGES, LANG, the first one set, as C programs take
// it); Chinese when none says English. A locale of another language
// (fr_FR) gets Chinese, jixiao's first language.
func FromEnv(getenv func(string) string) Lang {
	if v := getenv("JIXIAO_LANG"); v != "" {
		if l, ok := fromLocale(v); ok {
			return l
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			l, _ := fromLocale(v)
			return l
		}
	}
	return ZH
}

// Printer words messages in one language.
type Printer struct{ Lang Lang }

// Sprintf is message c worded in p's language, with args put in as by
// fmt.Sprintf. A code missing from the catalogue (a mistake the tests
// catch) is printed as itself with its arguments, never as nothing.
func (p Printer) Sprintf(c Code, args ...any) string {
	e, ok := catalogue[c]
	if !ok {
		return fmt.Sprint(append([]any{string(c), " "}, args...)...)
	}
	args = p.words(args)
	if p.Lang == EN {
		return fmt.Sprintf(e.en, args...)
	}
	return fmt.Sprintf(e.zh, args...)
}

// words puts in each argument that is itself a message code (a word such
// as "a number" / "数值" in "not %s") worded in p's language, so that a
// message built of parts is in one language throughout. args is not
// changed.
func (p Printer) words(args []any) []any {
	out := args
	for i, a := range args {
		var w string
		switch a := a.(type) {
		case Code:
			w = p.Sprintf(a)
		case string:
			// A value clipped by diag.Clip or diag.Quote tells its length
			// in English ("abc…" (403 bytes)): in Chinese, 字节.
			if p.Lang == EN || !strings.Contains(a, " bytes)") {
				continue
			}
			w = clippedLength.ReplaceAllString(a, "…$1（$2 字节）")
		default:
			continue
		}
		if &out[0] == &args[0] {
			out = append([]any(nil), args...)
		}
		out[i] = w
	}
	return out
}

// clippedLength is the length diag.Clip and diag.Quote put after a value
// they cut: … (N bytes), or …" (N bytes) when quoted.
var clippedLength = regexp.MustCompile(`…("?) \((\d+) bytes\)`)

// Word is the word for a stable error code of the data or the ruleset
// (bad_cell: 单元格无法识别) in p's language; a code the catalogue does
// not word is shown as it is.
func (p Printer) Word(code string) string {
	if _, ok := catalogue[Code("code."+code)]; !ok {
		return code
	}
	return p.Sprintf(Code("code." + code))
}

// Count is message c for a count n: c's English has a singular form for
// n = 1 (1 warning, 2 warnings); Chinese has one form.
func (p Printer) Count(c Code, n int) string {
	if e, ok := catalogue[c]; ok && p.Lang == EN && n == 1 && e.en1 != "" {
		return fmt.Sprintf(e.en1, n)
	}
	return p.Sprintf(c, n)
}

// For is the printer of a library's Lang option: "en" (or a locale such
// as C or en_US) words messages in English, anything else, the empty
// string included, in Chinese, the default.
func For(lang string) Printer {
	l, _ := fromLocale(lang)
	return Printer{l}
}

// String is the language as For and --lang read it: zh or en.
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "zh"
}
