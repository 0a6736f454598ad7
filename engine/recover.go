package engine

import (
	"fmt"
	"runtime"

	"github.com/jixiao/jixiao/diag"
)

// errRecover turns a panic inside a stage of the engine into an error
// returned by the stage's entry (Load, LoadCases, Compile), so that no
// panic crosses the package boundary on bad input. A runtime error (nil
// dereference, index out of range) is a bug in jixiao, not bad input: it is
// panicked again so it is not hidden (text/template's errRecover).
func errRecover(name string, errp *error) {
	e := recover()
	if e == nil {
		return
	}
	if re, ok := e.(runtime.Error); ok {
		panic(re)
	}
	*errp = diag.List{{Pos: diag.Pos{File: name}, Code: "internal", Msg: fmt.Sprintf("internal error: %v", e)}}
}
