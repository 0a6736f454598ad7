package report

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/engine"
)

// TestCSVChecksByNumber: a csv record names the failed checks of the
// ruleset by number and WriteUnit writes their texts, quoted as
// encoding/csv quotes the whole field (a text with a comma or a quote, or
// a first text that starts with a space); a check worded for the unit,
// or checks that are not the ruleset's or not in its order, travel as
// the field itself. Monitor's csv (appendFieldOf) writes the same field.
func TestCSVChecksByNumber(t *testing.T) {
	m := Meta{checks: []engine.CheckResult{
		{ID: "a", Message: "执行数不应超过预算数"},
		{ID: "b", Message: "合计应相等, 两位小数"},
		{ID: "c", Message: `应写"是"或"否"`},
		{ID: "d", Message: " 以空格开头"},
	}}
	fail := func(ids ...string) []engine.CheckResult {
		var cs []engine.CheckResult
		for _, ch := range m.checks {
			cs = append(cs, engine.CheckResult{ID: ch.ID, Message: ch.Message, OK: true})
		}
		for _, id := range ids {
			for k := range cs {
				if cs[k].ID == id {
					cs[k].OK = false
				}
			}
		}
		return cs
	}
	custom := fail("a", "b")
	custom[0].Message = "执行数 120 超过预算数 100"
	for _, c := range []struct {
		name   string
		checks []engine.CheckResult
		want   string // the field's text
		raw    string // the field as written
	}{
		{"none", fail(), "", ``},
		{"plain", fail("a"), "执行数不应超过预算数（a）", `执行数不应超过预算数（a）`},
		{"comma", fail("a", "b"), "执行数不应超过预算数（a）；合计应相等, 两位小数（b）", `"执行数不应超过预算数（a）；合计应相等, 两位小数（b）"`},
		{"quote", fail("c"), `应写"是"或"否"（c）`, `"应写""是""或""否""（c）"`},
		{"space first", fail("d"), " 以空格开头（d）", `" 以空格开头（d）"`},
		{"space not first", fail("a", "d"), "执行数不应超过预算数（a）； 以空格开头（d）", `执行数不应超过预算数（a）； 以空格开头（d）`},
		{"worded for the unit", custom, "执行数 120 超过预算数 100（a）；合计应相等, 两位小数（b）", `"执行数 120 超过预算数 100（a）；合计应相等, 两位小数（b）"`},
		// The failed checks alone, as a compact record gives them (monitor).
		{"failed ones alone", fail("b")[1:2], "合计应相等, 两位小数（b）", `"合计应相等, 两位小数（b）"`},
		{"out of the ruleset's order", []engine.CheckResult{fail("c")[2], fail("a")[0]}, `应写"是"或"否"（c）；执行数不应超过预算数（a）`,
			`"应写""是""或""否""（c）；执行数不应超过预算数（a）"`},
		{"not the ruleset's", []engine.CheckResult{{ID: "z", Message: "别的检查"}}, "别的检查（z）", `别的检查（z）`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := newCSVRows(Options{}, m).(*csvRows)
			u := engine.UnitResult{Unit: "U1", Name: "单位", Score: 90, Grade: "优", Checks: c.checks}
			rec := rows.AppendUnit(nil, &u)
			var out bytes.Buffer
			if err := rows.WriteUnit(&out, rec, 3); err != nil {
				t.Fatal(err)
			}
			line := out.String()
			if want := ",,," + c.raw + ",\n"; !strings.HasSuffix(line, want) {
				t.Errorf("row %q, want it to end %q", line, want)
			}
			// monitor's csv writes the same field from the same texts.
			var idx []int
			if got := newCSVChecks(m).appendFieldOf([]byte("前,"), &u, &idx); string(got) != "前,"+c.raw {
				t.Errorf("appendFieldOf %q, want %q", got, "前,"+c.raw)
			}
			fields, err := csv.NewReader(strings.NewReader(line)).Read()
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			if got := fields[len(fields)-2]; got != c.want {
				t.Errorf("未通过校验 %q, want %q", got, c.want)
			}
			// A record cut before its checks are whole is refused, not
			// written short.
			at := 12 + int(binary.LittleEndian.Uint32(rec)+binary.LittleEndian.Uint32(rec[4:])+binary.LittleEndian.Uint32(rec[8:]))
			for _, n := range []int{0, 11, at, at + 1} {
				if err := rows.WriteUnit(&bytes.Buffer{}, rec[:n], 3); err == nil {
					t.Errorf("a record cut to %d of %d bytes was written", n, len(rec))
				}
			}
		})
	}
}
