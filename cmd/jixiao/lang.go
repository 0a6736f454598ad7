package main

import (
	"strings"

	"github.com/jixiao/jixiao/internal/msg"
)

// langOf is the language of a run: --lang on the command line (read
// before the commands are made, since their help is worded in it), else
// the environment's (msg.FromEnv). A bad --lang value is the flag's to
// refuse (langFlag), with the others.
func langOf(args []string, getenv func(string) string) msg.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, err := msg.Parse(v); err == nil {
				return l
			}
		}
	}
	return msg.FromEnv(getenv)
}

// langFlag is --lang as cobra sees it: only checked, already read by
// langOf.
type langFlag struct{}

func (langFlag) String() string { return "" }
func (langFlag) Type() string   { return "zh|en" }
func (langFlag) Set(v string) error {
	_, err := msg.Parse(v)
	return err
}
