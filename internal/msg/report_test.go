package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bareErrors lists the English string literals that the non-test
// sources of dir make errors of with fmt.Errorf or errors.New, outside a
// package's sentinels: a message a user may read that is not the
// catalogue's. A broken invariant is worded by a helper that says it is
// internal (report's internalf), which this scan leaves alone; so is a
// lead-in that only names where a wrapped error came from (sheet %s: %w).
func bareErrors(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", dir, "*.go"))
	if len(files) == 0 {
		t.Fatalf("no sources in %s", dir)
	}
	var found []string
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				continue // sentinels, matched by errors.Is
			}
			ast.Inspect(d, func(n ast.Node) bool {
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
					if english.MatchString(s) {
						found = append(found, fset.Position(lit.Pos()).String()+": "+lit.Value)
					}
				}
				return true
			})
		}
	}
	return found
}

// TestReportMessages: package report makes no error of English text: an
// error a user can cause (-f, --units, --sort, a sheet's limits) is a
// code of reportMessages, worded in Options.Lang; a bug is internalf's.
func TestReportMessages(t *testing.T) {
	for _, s := range bareErrors(t, "report") {
		t.Errorf("%s: an error in English outside the catalogue: word it in internal/msg/report.go, or, for a bug, with internalf", s)
	}
}

// TestReportScanFindsPlanted: the scan of TestReportMessages finds the
// bare errors planted in testdata/planted, and only them.
func TestReportScanFindsPlanted(t *testing.T) {
	found := bareErrors(t, "internal/msg/testdata/planted")
	want := []string{`"--units: no unit %d in the data"`, `"more units than a sheet holds"`}
	if len(found) != len(want) {
		t.Fatalf("found %q, want %q", found, want)
	}
	for i, w := range want {
		if !strings.HasSuffix(found[i], ": "+w) {
			t.Errorf("found %s, want %s", found[i], w)
		}
	}
}
