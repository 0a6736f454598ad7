package engine_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsNoLoading: engine compiles and evaluates a model; reading
// YAML is package rulesets' stage, so engine imports neither a YAML
// package nor rulesets (which would pull the loader back in).
func TestImportsNoLoading(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.Contains(path, "yaml") || path == "github.com/jixiao/jixiao/rulesets" {
				t.Errorf("%s: engine imports %s", fset.Position(imp.Pos()), path)
			}
		}
	}
}
