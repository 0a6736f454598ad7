package data

import (
	"fmt"
	"runtime"

	"github.com/jixiao/jixiao/diag"
)

// errRecover turns a panic inside a reader into an error of the file, so
// that no panic crosses the package boundary on bad input. A runtime error
// (nil dereference, index out of range) is a bug in jixiao, not bad input:
// it is panicked again so it is not hidden (text/template's errRecover).
func errRecover(name string, errp *error) {
	e := recover()
	if e == nil {
		return
	}
	if re, ok := e.(runtime.Error); ok {
		panic(re)
	}
	*errp = &diag.Error{Pos: diag.Pos{File: name}, Code: "internal", Msg: fmt.Sprintf("internal error: %v", e)}
}
