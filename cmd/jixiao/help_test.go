package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/msg"
)

// TestHelpExamples: the --help of lint, explain, diff and test says what
// the command does (Long) and shows a worked example; every example line
// runs from the repository root (its files exist there) and does not fail
// to run (exit 2), and the output lines the help shows under it are what
// the command prints.
// Chinese examples run too: their comments stand on lines of their own.
func TestHelpExamples(t *testing.T) {
	for _, name := range []string{"lint", "explain", "diff", "test"} {
		t.Run(name, func(t *testing.T) {
			code, help, _ := runTool(t, "", name, "--help")
			if code != exitOK || !strings.Contains(help, "Examples:\n") || strings.Count(help, "$ jixiao "+name) < 3 {
				t.Fatalf("jixiao %s --help: exit %d, want a Long text and at least 3 examples:\n%s", name, code, help)
			}
			for _, lang := range []msg.Lang{msg.EN, msg.ZH} {
				t.Run(lang.String(), func(t *testing.T) {
					cmd, _, err := newRootCmd(&streams{msg: msg.Printer{Lang: lang}}, &profile{}).Find([]string{name})
					if err != nil || len(cmd.Long) < 200 {
						t.Fatalf("%s (%v): Long is missing or short", name, lang)
					}
					runExamples(t, cmd.Example)
				})
			}
		})
	}
}

func runExamples(t *testing.T, example string) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	t.Chdir(root)
	lines := strings.Split(example, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if strings.HasPrefix(line, "#") || !strings.HasPrefix(line, "$ jixiao ") {
			continue
		}
		args := strings.Fields(strings.TrimPrefix(line, "$ jixiao "))
		for k := range args {
			if k > 0 && args[k-1] == "-o" {
				args[k] = filepath.Join(out, args[k]) // keep the checkout clean
			}
		}
		code, stdout, stderr := runTool(t, "", args...)
		if code == exitNothing {
			t.Errorf("example %q: exit 2: %s", line, stderr)
		}
		// Lines shown under the example are its output.
		for ; i+1 < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "$ ") && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "#"); i++ {
			want := strings.TrimSpace(lines[i+1])
			if want != "..." && !strings.Contains(stdout, want+"\n") {
				t.Errorf("example %q does not print %q:\n%s", line, want, stdout)
			}
		}
	}
}
