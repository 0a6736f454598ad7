package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// english is text with two English words in a row: a sentence, not a
// file name, a format or a unit.
var english = regexp.MustCompile(`[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}`)

// sources lists the non-test Go files of dir, from the repository's
// root; none is a mistake of the caller's.
func sources(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", dir, "*.go"))
	if len(files) == 0 {
		t.Fatalf("no sources in %s", dir)
	}
	return slices.DeleteFunc(files, func(p string) bool { return strings.HasSuffix(p, "_test.go") })
}

// eachDecl calls visit with each top-level declaration of the non-test
// sources of dir (from the repository's root) but a var block: a
// package's sentinel error (var ErrX = errors.New("...")) is matched by
// errors.Is, and its text is for programs.
func eachDecl(t *testing.T, dir string, visit func(*token.FileSet, ast.Decl)) {
	t.Helper()
	fset := token.NewFileSet()
	for _, path := range sources(t, dir) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				continue
			}
			visit(fset, d)
		}
	}
}

// bareEnglish lists the string literals of the non-test sources of dir
// that word a message for users in English without the catalogue: a
// format or text of fmt.Sprintf, Errorf, Fprintf or errors.New, a Msg,
// Why, Message or Explain field, or what is assigned to one.
func bareEnglish(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	var fset *token.FileSet
	check := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				if english.MatchString(s) {
					found = append(found, fset.Position(lit.Pos()).String()+": "+lit.Value)
				}
			}
			return true
		})
	}
	messageField := map[string]bool{"Msg": true, "Why": true, "Message": true, "Explain": true}
	scan := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok {
					switch pkg.Name + "." + sel.Sel.Name {
					case "fmt.Sprintf", "fmt.Errorf", "fmt.Fprintf", "fmt.Sprint", "errors.New":
						for _, a := range n.Args {
							check(a)
						}
					}
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && messageField[k.Name] {
				check(n.Value)
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && messageField[sel.Sel.Name] && i < len(n.Rhs) {
					check(n.Rhs[i])
				}
			}
		}
		return true
	}
	eachDecl(t, dir, func(fs *token.FileSet, d ast.Decl) {
		fset = fs
		ast.Inspect(d, scan)
	})
	return found
}

// TestDataMessagesFromCatalogue: the data readers and the 自评表 reader
// word no message in bare English; each is a code of dataMessages, so
// that it is Chinese first and English with Lang "en".
func TestDataMessagesFromCatalogue(t *testing.T) {
	for _, dir := range []string{"data", "forms", "internal/cellword"} {
		for _, s := range bareEnglish(t, dir) {
			t.Errorf("%s: a message in English outside the catalogue (word it in internal/msg/data.go)", s)
		}
	}
}

// TestBareEnglishFound: the scan of TestDataMessagesFromCatalogue finds a
// bare English message where one is made.
func TestBareEnglishFound(t *testing.T) {
	found := bareEnglish(t, "internal/jsonpos")
	if len(found) == 0 || !strings.Contains(strings.Join(found, "\n"), "duplicate key") {
		t.Errorf("the scan found %q in internal/jsonpos, which words its messages in English", found)
	}
}
