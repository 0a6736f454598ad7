package engine

import "github.com/jixiao/jixiao/diag"

// errRecover turns a panic inside Compile into the error it returns;
// runtime errors are panicked again (see diag.Internal).
func errRecover(name string, errp *error) {
	if e := recover(); e != nil {
		*errp = diag.List{diag.Internal(name, e)}
	}
}
