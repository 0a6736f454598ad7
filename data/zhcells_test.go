package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCellErrorsInBothLanguages pins the rarer errors of a cell that does
// not read (indicators.ParseCell's): each is worded from the catalogue in
// Chinese, none left in English after 无法识别; English is the old text.
func TestCellErrorsInBothLanguages(t *testing.T) {
	big := "1" + strings.Repeat("0", 400)
	header := "unit,name,spent,n,q,pct\n"
	// How a message quotes the big cell: its first 80 bytes, then …
	head := `"1` + strings.Repeat("0", 79) + `…"`
	tierHead := `"A:1` + strings.Repeat("0", 77) + `…"`
	for _, c := range []struct {
		name, row string
		zh, en    string
	}{
		{"out of range, with a unit", "U1,甲," + big + ",1,A,5",
			"t.csv:2:3: 第 2 行，C 列：spent（执行数）：" + head + " 超出数值范围（401 个字符）",
			"t.csv:2:3: row 2, column C: spent (执行数): not a number: " + head + " is out of range (401 characters) (the input's unit is 万元)"},
		{"out of range", "U1,甲,1," + big + ",A,5",
			"t.csv:2:4: 第 2 行，D 列：n（人数）：" + head + " 超出数值范围（401 个字符）",
			"t.csv:2:4: row 2, column D: n (人数): not a number: " + head + " is out of range (401 characters)"},
		{"thousands, no unit", "U1,甲,1,\"12,34\",A,5",
			"t.csv:2:4: 第 2 行，D 列：n（人数）：\"12,34\" 的千位分隔符（逗号）位置不对：请每三位一个逗号，或不写逗号",
			"t.csv:2:4: row 2, column D: n (人数): not a number: \"12,34\" has a misplaced thousands separator"},
		{"full-width digits, thousands", "U1,甲,1,１２，３４,A,5",
			"t.csv:2:4: 第 2 行，D 列：n（人数）：\"１２，３４\" 的千位分隔符（逗号）位置不对：请每三位一个逗号，或不写逗号",
			"t.csv:2:4: row 2, column D: n (人数): not a number: \"１２，３４\" has a misplaced thousands separator"},
		{"lookalike in a tier", "U1,甲,1,1,Ａ²,5",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：\"Ａ²\" 中的 '²'（U+00B2）只是看起来像 \"2\"：请用普通的数字、符号和字母重新输入",
			"t.csv:2:5: row 2, column E: q (质量): unknown tier \"Ａ²\": holds '²' (U+00B2), which only looks like \"2\": type the cell with plain digits, signs and letters"},
		{"lookalike in a number", "U1,甲,1,①,A,5",
			"t.csv:2:4: 第 2 行，D 列：n（人数）：\"①\" 中的 '①'（U+2460）只是看起来像 \"1\"：请用普通的数字、符号和字母重新输入",
			"t.csv:2:4: row 2, column D: n (人数): not a number: \"①\" holds '①' (U+2460), which only looks like \"1\": type the cell with plain digits, signs and letters"},
		{"tier fraction not a number", "U1,甲,1,1,A:x,5",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：档次 \"A:x\" 的比例：\"x\" 不是数值：请填写数字，或将单元格格式设为“常规”",
			"t.csv:2:5: row 2, column E: q (质量): tier \"A:x\": fraction not a number: \"x\""},
		{"tier fraction thousands", "U1,甲,1,1,\"A:0,9\",5",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：档次 \"A:0,9\" 的比例：\"0,9\" 的千位分隔符（逗号）位置不对：请每三位一个逗号，或不写逗号",
			"t.csv:2:5: row 2, column E: q (质量): tier \"A:0,9\": fraction not a number: \"0,9\" has a misplaced thousands separator"},
		{"tier fraction out of range", "U1,甲,1,1,A:" + big + ",5",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：档次 " + tierHead + "（403 字节） 的比例：" + head + " 超出数值范围（401 个字符）",
			"t.csv:2:5: row 2, column E: q (质量): tier " + tierHead + " (403 bytes): fraction not a number: " + head + " is out of range (401 characters)"},
		{"tier fraction outside band", "U1,甲,1,1,C:0.7,5",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：档次 \"C:0.7\" 的比例 0.7 不在 C（未达成）档的范围 [0, 0.6) 内：请改正比例，或改选相应的档次",
			"t.csv:2:5: row 2, column E: q (质量): tier \"C:0.7\": fraction 0.7 is outside tier C (未达成) band [0, 0.6)"},
		{"unknown tier", "U1,甲,1,1,D,5",
			"t.csv:2:5: 第 2 行，E 列：q（质量）：\"D\" 不是评价档次：请填写 A、B、C、达成、部分达成 或 未达成",
			"t.csv:2:5: row 2, column E: q (质量): unknown tier \"D\": want A, B, C, 达成, 部分达成 or 未达成"},
	} {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			if got := firstMessage(t, lang, "t.csv", header+c.row+"\n"); got != want {
				t.Errorf("%s, %s:\n got %s\nwant %s", c.name, lang, got, want)
			}
		}
	}
}

// cellErrorForms are the English formats of indicators' cell errors
// (indicators/value.go), each with the cases of TestMessagesInBothLanguages
// and TestCellErrorsInBothLanguages that pin its Chinese wording
// (cellWords).
var cellErrorForms = map[string]string{
	"unknown tier %s: %w":         "lookalike in a tier",
	"%w: %s %w":                   "lookalike in a number",
	"%w (the input's unit is %s)": "not a number, out of range with a unit",
	"type the cell with plain digits, signs and letters": "lookalike (ErrLookalike)",
	"holds %q (U+%04X), which only looks like %q: %w":    "lookalike in a number, in a tier",
	"not a number": "not a number (ErrNotNumber)",
	"%w: %s has a misplaced thousands separator": "thousands, thousands no unit, tier fraction thousands",
	"%w: %s":                                 "not a number, tier fraction not a number",
	"%w: %q is out of range (%d characters)": "out of range, tier fraction out of range",
	"unknown tier %s: want A, B, C, 达成, 部分达成 or 未达成": "no tier, unknown tier",
	"tier %s: fraction %w": "tier fraction not a number, thousands, out of range",
	"tier %s: %w":          "tier band, tier fraction outside band",
	"fraction %s is outside tier %c (%s) band [%s, %s%s": "tier band, tier fraction outside band",
}

// TestCellErrorFormsWorded: every error indicators' cell reading can
// give is one cellWords words in Chinese and a test pins. A new form
// fails here until it is.
func TestCellErrorFormsWorded(t *testing.T) {
	forms := errorFormats(t, "../indicators/value.go")
	if !slices.Contains(forms, "%w: %s has a misplaced thousands separator") {
		t.Fatalf("the scan of value.go found %q", forms)
	}
	for _, f := range forms {
		if _, ok := cellErrorForms[f]; !ok {
			t.Errorf("indicators/value.go makes the cell error %q: word it in data/cellmsg.go (cellWords), pin it in TestCellErrorsInBothLanguages and add it to cellErrorForms", f)
		}
	}
	for f := range cellErrorForms {
		if !slices.Contains(forms, f) {
			t.Errorf("cellErrorForms lists %q, which indicators/value.go no longer makes", f)
		}
	}
}

// errorFormats is the format (or text) of every fmt.Errorf and
// errors.New of the Go source file path.
func errorFormats(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name+"."+sel.Sel.Name != "fmt.Errorf" && pkg.Name+"."+sel.Sel.Name != "errors.New" {
			return true
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		return true
	})
	return out
}
