package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The user guide (docs/, in Chinese) shows what jixiao prints. These tests
// run its examples, so that the guide cannot drift from the program: a
// change of a message, a score or a layout fails here until the guide says
// it too.

// guideRoot is the repository root, seen from this package's directory.
const guideRoot = "../.."

// guidePages lists the pages of the guide.
func guidePages(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(guideRoot, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 6 {
		t.Fatalf("docs/ has %d pages, want the guide's six at least: %v", len(pages), pages)
	}
	return pages
}

// TestGuideExampleRulesets loads every ruleset of docs/examples, runs its
// test cases (there must be some) and lints it: the rulesets the guide
// offers to copy load, score as their cases say and carry no warning.
func TestGuideExampleRulesets(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(guideRoot, "docs", "examples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".test.yaml") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, errOut := runCLI(t, "test", f, "-f", "json")
			if code != exitOK {
				t.Fatalf("jixiao test %s: exit %d\n%s%s", f, code, out, errOut)
			}
			var res struct {
				Rulesets []struct {
					Cases []struct {
						Name string `json:"name"`
						Pass bool   `json:"pass"`
					} `json:"cases"`
				} `json:"rulesets"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("jixiao test -f json: %v\n%s", err, out)
			}
			cases := 0
			for _, rs := range res.Rulesets {
				for _, c := range rs.Cases {
					cases++
					if !c.Pass {
						t.Errorf("case %s fails", c.Name)
					}
				}
			}
			if cases == 0 {
				t.Errorf("%s has no test case: give each example ruleset some, so that its scores are checked", f)
			}
			if code, out, errOut := runCLI(t, "lint", f); code != exitOK {
				t.Errorf("jixiao lint %s: exit %d\n%s%s", f, code, out, errOut)
			}
		})
	}
	if n < 2 {
		t.Fatalf("docs/examples holds %d rulesets, want at least 2", n)
	}
}

// transcript is one command of a ```console block of the guide and what
// the guide says it prints.
type transcript struct {
	page string
	line int    // of the command in the page
	dir  string // working directory, relative to the repository root
	env  []string
	args []string
	want []string // the lines shown after the command
	exit *int     // from a following "$ echo $?"
}

// outputOf returns the file a command writes with -o, if it does.
func (tr *transcript) outputOf() (string, bool) {
	for i, a := range tr.args {
		switch {
		case (a == "-o" || a == "--output") && i+1 < len(tr.args):
			return tr.args[i+1], true
		case strings.HasPrefix(a, "--output="):
			return strings.TrimPrefix(a, "--output="), true
		}
	}
	return "", false
}

// cwdRE marks the working directory of the next console block:
// <!-- 目录: docs/examples/errors -->.
var cwdRE = regexp.MustCompile(`^<!--\s*目录[:：]\s*(\S+)\s*-->$`)

// fileRE marks a code block that shows a whole file of the repository:
// <!-- 文件: docs/examples/first.yaml -->.
var fileRE = regexp.MustCompile(`^<!--\s*文件[:：]\s*(\S+)\s*-->$`)

// TestGuideFiles checks that a code block the guide marks as a file of the
// repository shows that file as it is.
func TestGuideFiles(t *testing.T) {
	n := 0
	for _, page := range guidePages(t) {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i := 0; i < len(lines); i++ {
			m := fileRE.FindStringSubmatch(strings.TrimSpace(lines[i]))
			if m == nil {
				continue
			}
			n++
			if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "```") {
				t.Errorf("%s:%d: a file mark must stand just above a code block", page, i+1)
				continue
			}
			var block []string
			j := i + 2
			for ; j < len(lines) && lines[j] != "```"; j++ {
				block = append(block, lines[j])
			}
			want, err := os.ReadFile(filepath.Join(guideRoot, m[1]))
			if err != nil {
				t.Errorf("%s:%d: %v", page, i+1, err)
				continue
			}
			if got := strings.Join(block, "\n") + "\n"; got != string(want) {
				t.Errorf("%s:%d: the block is not %s as it is now; copy the file into the page again\nthe page:\n%s\nthe file:\n%s", page, i+2, m[1], got, want)
			}
			i = j
		}
	}
	if n == 0 {
		t.Error("the guide shows no file of docs/examples")
	}
}

// transcripts reads the ```console blocks of a page. Each line starting
// with "$ " is a command (jixiao ARGS or go run ./cmd/jixiao ARGS,
// optionally after NAME=value settings), the lines up to the next command
// what it prints; "$ echo $?" gives the exit status of the command before.
// A command with -o must name a file of the repository, which jixiao must
// refuse to replace (see TestGuideTranscripts).
func transcripts(t *testing.T, page string) []transcript {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var out []transcript
	in, dir, next := false, ".", "."
	indent := "" // of the block's opening fence (a block inside a list item)
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if in {
			line = strings.TrimPrefix(line, indent)
		}
		switch {
		case !in && cwdRE.MatchString(strings.TrimSpace(line)):
			next = cwdRE.FindStringSubmatch(strings.TrimSpace(line))[1]
		case !in && strings.TrimSpace(line) == "```console":
			in, dir, next = true, next, "."
			indent = line[:len(line)-len(strings.TrimLeft(line, " "))]
		case in && strings.TrimSpace(line) == "```":
			in = false
		case in && line == "$ echo $?":
			if len(out) == 0 {
				t.Fatalf("%s:%d: echo $? before any command", page, n)
			}
			sc.Scan()
			n++
			code, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
			if err != nil {
				t.Fatalf("%s:%d: echo $? is not followed by a status: %q", page, n, sc.Text())
			}
			out[len(out)-1].exit = &code
		case in && strings.HasPrefix(line, "$ "):
			words, err := splitCommand(strings.TrimPrefix(line, "$ "))
			if err != nil {
				t.Fatalf("%s:%d: %v", page, n, err)
			}
			tr := transcript{page: page, line: n, dir: dir}
			for len(words) > 0 && regexp.MustCompile(`^[A-Z_]+=`).MatchString(words[0]) {
				tr.env, words = append(tr.env, words[0]), words[1:]
			}
			switch {
			case len(words) >= 1 && words[0] == "jixiao":
				tr.args = words[1:]
			case len(words) >= 3 && words[0] == "go" && words[1] == "run" && words[2] == "./cmd/jixiao":
				tr.args = words[3:]
			case len(words) >= 1 && words[0] == "cd":
				t.Fatalf("%s:%d: a console block cannot cd: mark its directory with <!-- 目录: DIR --> before it", page, n)
			default:
				t.Fatalf("%s:%d: a console block runs only jixiao: %q", page, n, line)
			}
			out = append(out, tr)
		case in:
			if len(out) == 0 {
				t.Fatalf("%s:%d: output before any command in a console block", page, n)
			}
			out[len(out)-1].want = append(out[len(out)-1].want, line)
		}
	}
	if in {
		t.Fatalf("%s: a ```console block is not closed", page)
	}
	return out
}

// splitCommand splits a command line into words as a shell would for the
// simple commands the guide shows: spaces separate words, and '...' or
// "..." quote. Pipes and redirections are refused.
func splitCommand(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case strings.ContainsRune("|<>;&`", r):
			return nil, fmt.Errorf("控制台示例只能是一条简单命令：%q 中有 %q", s, r)
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("%q 中的引号没有闭合", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// transcriptRE is the pattern of what a command must print: the lines
// shown, in order, each whole (trailing spaces aside). A line "…" stands
// for any lines, none included; "…" inside a line for any text.
func transcriptRE(want []string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?m)^`)
	for _, l := range want {
		l = strings.TrimRight(l, " \t")
		if l == "…" {
			b.WriteString(`(?:[^\n]*\n)*?`)
			continue
		}
		parts := strings.Split(l, "…")
		for i, p := range parts {
			if i > 0 {
				b.WriteString(`[^\n]*?`)
			}
			b.WriteString(regexp.QuoteMeta(p))
		}
		b.WriteString(`[ \t]*\n`)
	}
	return regexp.MustCompile(b.String())
}

// TestGuideTranscripts runs every command of the guide's ```console
// blocks and checks that it prints what the guide shows (stdout, then
// stderr), and exits as "$ echo $?" says.
func TestGuideTranscripts(t *testing.T) {
	total := 0
	for _, page := range guidePages(t) {
		for _, tr := range transcripts(t, page) {
			total++
			name := fmt.Sprintf("%s:%d", filepath.Base(tr.page), tr.line)
			t.Run(name, func(t *testing.T) {
				// The guide shows what its readers see: the Chinese
				// messages, the default.
				t.Setenv("JIXIAO_LANG", "zh")
				for _, kv := range tr.env {
					k, v, _ := strings.Cut(kv, "=")
					t.Setenv(k, v)
				}
				t.Chdir(filepath.Join(guideRoot, tr.dir))
				// The guide shows -o only where jixiao refuses it: onto
				// an input, which must come out as it was. Should jixiao
				// ever write it, the file is put back and the test fails.
				if out, ok := tr.outputOf(); ok {
					defer keep(t, tr, out)()
				}
				var stdout, stderr bytes.Buffer
				code := runContext(context.Background(), tr.args, strings.NewReader(""), &stdout, &stderr)
				got := stdout.String() + stderr.String()
				if !strings.HasSuffix(got, "\n") {
					got += "\n"
				}
				if tr.exit != nil && code != *tr.exit {
					t.Errorf("jixiao %s: exit %d, the guide says %d\n%s", strings.Join(tr.args, " "), code, *tr.exit, got)
				}
				if len(tr.want) > 0 && !transcriptRE(tr.want).MatchString(got) {
					t.Errorf("jixiao %s (in %s) does not print what %s shows at line %d.\nthe guide:\n%s\njixiao:\n%s",
						strings.Join(tr.args, " "), tr.dir, tr.page, tr.line, strings.Join(tr.want, "\n"), got)
				}
			})
		}
	}
	if total < 20 {
		t.Errorf("the guide runs %d commands, want at least 20", total)
	}
}

// keep notes the file or directory out, which a command of the guide
// writes with -o, and returns a function that fails the test if out
// changed, putting a file back as it was.
func keep(t *testing.T, tr transcript, out string) func() {
	t.Helper()
	list := func() string {
		names, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range names {
			b.WriteString(e.Name() + "\n")
		}
		return b.String()
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatalf("%s:%d: a console block may write (-o) only onto a file or directory of the repository, which jixiao must refuse: %v", tr.page, tr.line, err)
	}
	cmd := "jixiao " + strings.Join(tr.args, " ")
	if info.IsDir() {
		before := list()
		return func() {
			if after := list(); after != before {
				t.Errorf("%s changed directory %s: %q, was %q", cmd, out, after, before)
			}
		}
	}
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return func() {
		if after, err := os.ReadFile(out); err != nil || !bytes.Equal(after, before) {
			t.Errorf("%s changed %s", cmd, out)
			if err := os.WriteFile(out, before, info.Mode().Perm()); err != nil {
				t.Error(err)
			}
		}
	}
}

// TestGuideTranscriptRE checks the matching rules of the transcripts.
func TestGuideTranscriptRE(t *testing.T) {
	out := "a 1\nb 2  \nc 3\nd 4\n"
	for _, tc := range []struct {
		want  []string
		match bool
	}{
		{[]string{"a 1", "b 2"}, true},
		{[]string{"b 2", "c 3"}, true},
		{[]string{"a 1", "…", "d 4"}, true},
		{[]string{"a 1", "…", "b 2"}, true},
		{[]string{"a …", "c 3"}, false}, // lines follow one another
		{[]string{"… 2", "c …"}, true},
		{[]string{"a 1", "c 3"}, false},
		{[]string{"a"}, false}, // a line is matched whole
		{[]string{"d 4", "a 1"}, false},
		{[]string{"x.*"}, false},
	} {
		if got := transcriptRE(tc.want).MatchString(out); got != tc.match {
			t.Errorf("%q against %q: match %v, want %v", tc.want, out, got, tc.match)
		}
	}
}

// TestGuideYAMLBlocks checks that every ```yaml block of the guide is
// YAML: a snippet a reader copies into a ruleset must at least parse (a
// target written without quotes, a tab, a bracket left open would not).
func TestGuideYAMLBlocks(t *testing.T) {
	n := 0
	for _, page := range guidePages(t) {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i := 0; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) != "```yaml" {
				continue
			}
			indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " "))]
			var block []string
			j := i + 1
			for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
				block = append(block, strings.TrimPrefix(lines[j], indent))
			}
			n++
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(strings.Join(block, "\n")), &doc); err != nil {
				t.Errorf("%s:%d: the yaml block does not parse: %v", page, i+1, err)
			}
			i = j
		}
	}
	if n == 0 {
		t.Error("the guide has no yaml block")
	}
}

// TestGuideDocumentsEveryKey asks the loader which keys it accepts, by
// giving it an unknown key at every level of a ruleset (the error lists
// the keys it wants), and checks that docs/规则集.md shows each of them
// as code: a key the loader learns is a key the guide must explain.
func TestGuideDocumentsEveryKey(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "keys.yaml")
	src := `id: keys
zzz: 1
grades:
  - {min: 0, label: 差, zzz: 1}
inputs:
  a: {label: 甲, zzz: 1}
checks:
  - {id: c, assert: a > 0, zzz: 1}
indicators:
  - {id: x, weight: 50, value: a, bands: [{when: "value > 0", score: 1, zzz: 1}]}
  - {id: y, weight: 50, deduct: {count: a, points: 1, zzz: 1}, zzz: 1}
tests:
  - {name: t, zzz: 1, expect: {zzz: 1}}
`
	if err := os.WriteFile(rules, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := runCLI(t, "lint", rules)
	want := regexp.MustCompile(`unknown key "zzz" in ([a-z]+)[^(\n]*\(want ([^)\n]*)\)`).FindAllStringSubmatch(out+errOut, -1)
	if len(want) != 9 {
		t.Fatalf("the loader named the keys of %d places, want 9 (ruleset, grade, input, check, band, deduct, indicator, test, expect):\n%s%s", len(want), out, errOut)
	}
	guide, err := os.ReadFile(filepath.Join(guideRoot, "docs", "规则集.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range want {
		for _, key := range regexp.MustCompile(`,? and |, or |, `).Split(m[2], -1) {
			if !regexp.MustCompile("`" + regexp.QuoteMeta(key) + "[`:]").Match(guide) {
				t.Errorf("docs/规则集.md does not explain the key %s in %s (the loader accepts %s)", key, m[1], m[2])
			}
		}
	}
	// Tier points are keyed by letter or by name.
	for _, key := range []string{"A", "B", "C", "达成", "部分达成", "未达成"} {
		if !bytes.Contains(guide, []byte(key+": ")) {
			t.Errorf("docs/规则集.md does not show tiers keyed by %s", key)
		}
	}
}

// linkRE finds the targets of Markdown links.
var linkRE = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestGuideLinks checks that the links between the guide's pages and to
// its example files lead somewhere, and that the guide names only files
// of the repository.
func TestGuideLinks(t *testing.T) {
	for _, page := range guidePages(t) {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if contract := "DESIGN" + ".md"; bytes.Contains(src, []byte(contract)) {
			t.Errorf("%s names %s, which is not in the repository", page, contract)
		}
		for _, m := range linkRE.FindAllSubmatch(src, -1) {
			target := string(m[1])
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			target, _, _ = strings.Cut(target, "#")
			if target == "" {
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(page), target)); err != nil {
				t.Errorf("%s links to %s: %v", page, m[1], err)
			}
		}
	}
}

// TestGuideExampleFilesAreUsed checks that every file under docs/examples
// is named by some page of the guide, so that none is left to rot.
func TestGuideExampleFilesAreUsed(t *testing.T) {
	var all []byte
	for _, page := range guidePages(t) {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, src...)
	}
	examples := filepath.Join(guideRoot, "docs", "examples")
	err := filepath.Walk(examples, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		if !bytes.Contains(all, []byte(info.Name())) {
			t.Errorf("%s is not named by any page of docs/", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
