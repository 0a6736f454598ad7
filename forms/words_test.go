package forms

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// TestNumberErrorsWorded: a figure of a 自评表 that is no number is said
// with the data readers' words in Chinese (a misplaced thousands
// separator, a look-alike character, a number out of range, not only the
// plain case), and as indicators says it in English.
func TestNumberErrorsWorded(t *testing.T) {
	big := "1" + strings.Repeat("0", 400)
	head := `"1` + strings.Repeat("0", 79) + `…"`
	for _, c := range []struct {
		text, zh, en string
	}{
		{"abc", `实际完成值 "abc"："abc" 不是数值：请填写数字，或将单元格格式设为“常规”`,
			`实际完成值 "abc": not a number: "abc"`},
		{"1,23", `实际完成值 "1,23"："1,23" 的千位分隔符（逗号）位置不对：请每三位一个逗号，或不写逗号`,
			`实际完成值 "1,23": not a number: "1,23" has a misplaced thousands separator`},
		{"10²", `实际完成值 "10²"："10²" 中的 '²'（U+00B2）只是看起来像 "2"：请用普通的数字、符号和字母重新输入`,
			`实际完成值 "10²": not a number: "10²" holds '²' (U+00B2), which only looks like "2": type the cell with plain digits, signs and letters`},
		{big, `实际完成值 "x"：` + head + ` 超出数值范围（401 个字符）`,
			`实际完成值 "x": not a number: ` + head + ` is out of range (401 characters)`},
	} {
		_, err := indicators.ParseNumber(c.text)
		if err == nil {
			t.Fatalf("%s read as a number", c.text)
		}
		cell := c.text
		if cell == big {
			cell = "x"
		}
		p := problemf(msg.FormsActualNum, `"`+cell+`"`, err)
		if got := word(msg.Printer{Lang: msg.ZH}, p); got != c.zh {
			t.Errorf("zh: %s\nwant %s", got, c.zh)
		}
		if got := word(msg.Printer{Lang: msg.EN}, p); got != c.en {
			t.Errorf("en: %s\nwant %s", got, c.en)
		}
	}
}
