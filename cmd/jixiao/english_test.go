package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// englishWords finds words of English in a message: three letters or
// more, outside fmt verbs, flag names (--as-of), placeholders (FILE,
// DATA) and file extensions.
var englishWords = regexp.MustCompile(`(?:^|[^-%.A-Za-z_])([a-z][a-z']{2,})\b`)

// mayStayEnglish are literals that reach users as they are on purpose:
// machine words (a progress bar's unit, an HTTP header), or the English
// a library's error is wrapped with where the library's own words follow.
var mayStayEnglish = map[string]string{
	"attachment; filename*=UTF-8''%s": "an HTTP header (Content-Disposition), read by the browser",
	"run-%d.json":                     "the name of a downloaded file",
	"exit status %d":                  "an exitError without an error is never printed: exitCode returns its status",
}

// TestNoBareEnglish scans the sources of cmd/jixiao, the workbench and
// internal/outfile (the errors of -o FILE) for
// a message made with a bare English format (fmt.Errorf, errors.New,
// fmt.Fprintf…) instead of the catalogue (internal/msg), so that no
// English reaches a Chinese user: every such call whose literal holds an
// English word is reported, unless mayStayEnglish says why it stays.
func TestNoBareEnglish(t *testing.T) {
	calls := map[string]bool{"fmt.Errorf": true, "errors.New": true, "fmt.Fprintf": true, "fmt.Fprintln": true, "fmt.Fprint": true,
		"fmt.Printf": true, "fmt.Sprintf": true, "fmt.Println": true, "io.WriteString": true, "http.Error": true}
	var files []string
	for _, dir := range []string{".", "../../workbench", "../../internal/outfile"} {
		found, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range found {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	if len(files) < 25 {
		t.Fatalf("only %d sources found", len(files))
	}
	seen := 0
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok || !calls[pkg.Name+"."+sel.Sel.Name] {
				return true
			}
			seen++
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				if _, ok := mayStayEnglish[s]; ok {
					continue
				}
				if m := englishWords.FindStringSubmatch(strings.ReplaceAll(s, "jixiao", "")); m != nil {
					t.Errorf("%s: %s.%s(%q): English (%q) not from the catalogue", fset.Position(lit.Pos()), pkg.Name, sel.Sel.Name, s, m[1])
				}
			}
			return true
		})
	}
	if seen < 50 {
		t.Errorf("only %d calls seen: is the scan looking at the right files?", seen)
	}
}
