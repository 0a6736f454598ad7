package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/mattn/go-runewidth"
)

// evalOnTerminal runs jixiao with its standard output on a pseudo-terminal
// of the given width and returns what the terminal showed and stderr.
func evalOnTerminal(t *testing.T, cols uint16, args ...string) (int, string, string) {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open a pseudo-terminal: %v", err)
	}
	defer master.Close()
	if err := pty.Setsize(master, &pty.Winsize{Rows: 50, Cols: cols}); err != nil {
		t.Fatal(err)
	}
	shown := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(master) // ends with EIO once tty is closed
		shown <- b
	}()
	var errOut bytes.Buffer
	code := run(args, strings.NewReader(""), tty, &errOut)
	tty.Close()
	out := strings.ReplaceAll(string(<-shown), "\r\n", "\n") // the tty's ONLCR
	return code, out, errOut.String()
}

// widest is the display width of out's widest line, CJK counted 2 and East
// Asian ambiguous characters counted wide, as a zh_CN terminal may.
func widest(out string) (int, string) {
	wide := &runewidth.Condition{EastAsianWidth: true}
	w, line := 0, ""
	for _, l := range strings.Split(out, "\n") {
		if n := wide.StringWidth(l); n > w {
			w, line = n, l
		}
	}
	return w, line
}

// tableLines is the lines of the grid: those with a bar. The lines below
// it (a failed check's text) wrap as the terminal wraps text.
func tableLines(out string) string {
	var b strings.Builder
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "|") || strings.Contains(l, "-+-") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// TestTableFitsTerminal: on a terminal of 100 columns the eval table of
// grid-center (185 columns wide) and dept-2013 (227) is split by 一级指标
// into parts that fit, each repeating the unit columns, every indicator
// still shown, and stderr says how to see the table whole; through a pipe
// the table stays whole and nothing is said.
func TestTableFitsTerminal(t *testing.T) {
	for _, rs := range []string{"grid-center", "dept-2013"} {
		t.Run(rs, func(t *testing.T) {
			code, out, errOut := evalOnTerminal(t, 100, "--lang", "zh", "eval", "-r", rs)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if w, line := widest(tableLines(out)); w > 100 {
				t.Errorf("a line is %d columns wide on a 100-column terminal:\n%s", w, line)
			}
			parts := strings.Count(out, "排名")
			if parts < 2 || !strings.Contains(errOut, "终端只有 100 列，已按一级指标分成") || !strings.Contains(errOut, "--groups") {
				t.Errorf("%d parts; stderr:\n%s\nstdout:\n%s", parts, errOut, out)
			}
			if strings.Count(out, "总分  等级") != 1 || strings.Count(out, "平均") != parts {
				t.Errorf("总分 once, 平均 once a part (%d):\n%s", parts, out)
			}
			// The built-in rulesets' outcomes: the 结果应用 column stands
			// in the part with the totals, not cut off or moved apart.
			_, head, _ := strings.Cut(out, "总分  等级")
			if head, _, _ = strings.Cut(head, "\n"); !strings.HasPrefix(head, "  结果应用") {
				t.Errorf("the part with the totals is headed %q, want 结果应用 after 总分 and 等级:\n%s", head, out)
			}
			_, piped, pipedErr := runCLI(t, "eval", "-r", rs)
			if w, _ := widest(tableLines(piped)); w <= 100 || strings.Count(piped, "排名") != 1 || strings.Contains(pipedErr, "终端") {
				t.Errorf("piped: %d columns, %d headers, stderr %q", w, strings.Count(piped, "排名"), pipedErr)
			}
			// The parts hold the same numbered indicator columns as the
			// whole table: the legend below is the same.
			legend := func(s string) string { return s[strings.Index(s, "指标：\n"):] }
			if legend(out) != legend(piped) {
				t.Errorf("legend differs:\n%s\nwant\n%s", legend(out), legend(piped))
			}
		})
	}
	// A table that fits is drawn whole: dept-2013's 一级 subtotals with
	// the 结果应用 column take 117 columns.
	code, out, errOut := evalOnTerminal(t, 120, "eval", "-r", "dept-2013", "--groups")
	if code != exitOK || strings.Count(out, "排名") != 1 || errOut != "" {
		t.Errorf("--groups: exit %d, stderr %q:\n%s", code, errOut, out)
	}
}
