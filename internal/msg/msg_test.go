package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// verbs is the fmt verb each argument of format gets, by argument number
// (explicit indexes %[2]d followed), so that a Chinese wording that puts
// the arguments in another order is compared with the English rightly.
func verbs(format string) map[int]byte {
	out := map[int]byte{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			n, _ := strconv.Atoi(format[i+1 : i+end])
			arg = n - 1
			i += end + 1
		}
		if i < len(format) {
			out[arg] = format[i]
			arg++
		}
	}
	return out
}

// TestCatalogueComplete: every code declared is worded in both languages,
// and the two wordings take the same arguments with the same verbs (the
// same information, in the order each language wants).
func TestCatalogueComplete(t *testing.T) {
	fset := token.NewFileSet()
	sources, _ := filepath.Glob("*.go")
	declared := 0
	for _, path := range sources {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		declared += checkWorded(t, f)
	}
	if declared != len(catalogue) || declared < 50 {
		t.Errorf("%d codes declared, %d worded", declared, len(catalogue))
	}
}

// checkWorded checks the codes f declares (see TestCatalogueComplete) and
// says how many it declares.
func checkWorded(t *testing.T, f *ast.File) int {
	t.Helper()
	declared := 0
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || vs.Type == nil || len(vs.Values) != 1 {
			return true
		}
		if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
			return true
		}
		lit := vs.Values[0].(*ast.BasicLit)
		code, _ := strconv.Unquote(lit.Value)
		declared++
		e, ok := catalogue[Code(code)]
		if !ok || e.zh == "" || e.en == "" {
			t.Errorf("%s (%s): not worded in both languages: %+v", vs.Names[0].Name, code, e)
			return true
		}
		zh, en := verbs(e.zh), verbs(e.en)
		if len(zh) != len(en) {
			t.Errorf("%s: zh takes %v, en %v", code, zh, en)
		}
		for k, v := range en {
			if zh[k] != v {
				t.Errorf("%s: argument %d is %%%c in en, %%%c in zh", code, k+1, v, zh[k])
			}
		}
		if e.en1 != "" && len(verbs(e.en1)) != len(en) {
			t.Errorf("%s: the singular takes other arguments", code)
		}
		return true
	})
	return declared
}

// TestEveryErrorCodeWorded: every stable error code the data readers,
// the ruleset loader and the engine give (diag.Error.Code) has a word, so
// that the 未通过 sheet never shows a bare code such as bad_cell.
func TestEveryErrorCodeWorded(t *testing.T) {
	lit := regexp.MustCompile(`(?:Code: *|Code = |diag\.Errorf\([^\n]*?, *)"([a-z_]+)"`)
	var found []string
	for _, dir := range []string{"data", "engine", "diag", "indicators", "rulesets"} {
		for _, path := range sources(t, dir) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range lit.FindAllStringSubmatch(string(src), -1) {
				if !slices.Contains(found, m[1]) {
					found = append(found, m[1])
				}
			}
		}
	}
	if !slices.Contains(found, "bad_cell") || len(found) < 30 {
		t.Fatalf("found only %v", found)
	}
	zh := Printer{ZH}
	for _, code := range found {
		if w := zh.Word(code); w == code {
			t.Errorf("error code %s has no word in the catalogue (add code.%s)", code, code)
		}
	}
}

func TestLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Lang
	}{
		{nil, ZH},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, ZH},
		{map[string]string{"LANG": "C"}, EN},
		{map[string]string{"LANG": "C.UTF-8"}, EN},
		{map[string]string{"LANG": "POSIX"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8"}, EN},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, ZH},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, ZH},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, EN},
		{map[string]string{"LANG": "C", "JIXIAO_LANG": "zh"}, ZH},
		{map[string]string{"JIXIAO_LANG": "en"}, EN},
	} {
		if got := FromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %v, want %v", c.env, got, c.want)
		}
	}
	if l, err := Parse("en"); err != nil || l != EN {
		t.Errorf("Parse(en) = %v, %v", l, err)
	}
	if _, err := Parse("fr"); err == nil || !strings.Contains(err.Error(), "want zh (中文) or en (English)") {
		t.Errorf("Parse(fr): %v", err)
	}
}

func TestPrinter(t *testing.T) {
	zh, en := Printer{ZH}, Printer{EN}
	for _, c := range []struct{ got, want string }{
		{zh.Sprintf(RunUnitsFailed, 1, 2), "jixiao：共 2 个单位，1 个未能评分（错误见输出）"},
		{en.Sprintf(RunUnitsFailed, 1, 2), "jixiao: 1 of 2 units could not be scored (see their errors in the output)"},
		{en.Count(LintWarnings, 1), "1 warning"},
		{en.Count(LintWarnings, 3), "3 warnings"},
		{zh.Count(LintWarnings, 1), "1 个警告"},
		{zh.Word("bad_cell"), "单元格无法识别"},
		{en.Word("bad_cell"), "cell not understood"},
		{zh.Word("no_such_code"), "no_such_code"},
		{zh.Sprintf("no.such", 3), "no.such 3"},
		{zh.Sprintf(WarnCheck, "B01", "甲", "c1", codeBadCell), zh.Sprintf(WarnCheck, "B01", "甲", "c1", "单元格无法识别")},
		{en.Sprintf(WarnCheck, "B01", "甲", "c1", codeBadCell), en.Sprintf(WarnCheck, "B01", "甲", "c1", "cell not understood")},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

func TestFor(t *testing.T) {
	for in, want := range map[string]Lang{"": ZH, "zh": ZH, "en": EN, "C": EN, "en_US.UTF-8": EN, "fr": ZH} {
		if got := For(in).Lang; got != want {
			t.Errorf("For(%q) = %v, want %v", in, got, want)
		}
		if got := For(For(in).Lang.String()).Lang; got != want {
			t.Errorf("For(%q).Lang.String() does not read back", in)
		}
	}
}

// TestClippedLengthWorded: a value cut by diag.Clip or diag.Quote tells
// its length in the message's language; text that only looks alike, and
// English, are left as they are.
func TestClippedLengthWorded(t *testing.T) {
	for _, tc := range []struct{ arg, zh, en string }{
		{`"abc…" (403 bytes)`, `"abc…"（403 字节） 不是数值`, `not a number: "abc…" (403 bytes)`},
		{`abc… (52428800 bytes)`, `abc…（52428800 字节） 不是数值`, `not a number: abc… (52428800 bytes)`},
		{`"abc" (3 bytes)`, `"abc" (3 bytes) 不是数值`, `not a number: "abc" (3 bytes)`},
		{`abc`, `abc 不是数值`, `not a number: abc`},
	} {
		if got := (Printer{Lang: ZH}).Sprintf(DataNotNumber, tc.arg); !strings.HasPrefix(got, tc.zh) {
			t.Errorf("zh %q: got %q, want it to start %q", tc.arg, got, tc.zh)
		}
		if got := (Printer{Lang: EN}).Sprintf(DataNotNumber, tc.arg); got != tc.en {
			t.Errorf("en %q: got %q, want %q", tc.arg, got, tc.en)
		}
	}
}
