package main

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/jixiao/jixiao/internal/msg"
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
	p            msg.Printer
	terminal     int
	width, parts int
}

func (s *tableSplit) split(width, parts int) { s.width, s.parts = width, parts }

func (s *tableSplit) print(w io.Writer) {
	if s.parts > 1 {
		io.WriteString(w, s.p.Sprintf(msg.TableSplit, s.width, s.terminal, s.parts))
	}
}
