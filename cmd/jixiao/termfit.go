package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// terminalWidth is the width in columns of w when w is a terminal; pipes
// and files have none (0), and get the table whole.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil || cols <= 0 {
		return 0
	}
	return cols
}

// tableSplit remembers that the terminal table was split into parts, to
// say so, and how to see it whole, once the table is drawn.
type tableSplit struct {
	terminal     int
	width, parts int
}

func (s *tableSplit) split(width, parts int) { s.width, s.parts = width, parts }

func (s *tableSplit) print(w io.Writer) {
	if s.parts > 1 {
		fmt.Fprintf(w, "jixiao: 表格宽 %d 列，终端只有 %d 列，已按一级指标分成 %d 段显示；--groups 只显示一级指标小计，经管道（jixiao eval … | less -S）或 -o 文件可看不分段的整表\n",
			s.width, s.terminal, s.parts)
	}
}
