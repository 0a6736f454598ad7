package engine

import "github.com/jixiao/jixiao/diag"

// errRecover turns a panic inside a stage of the engine into the error
// returned by the stage's entry (Load, LoadCases, Compile); runtime errors
// are panicked again (see diag.Internal).
func errRecover(name string, errp *error) {
	if e := recover(); e != nil {
		*errp = diag.List{diag.Internal(name, e)}
	}
}
