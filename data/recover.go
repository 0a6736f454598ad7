package data

import "github.com/jixiao/jixiao/diag"

// errRecover turns a panic inside a reader into an error of the file;
// runtime errors are panicked again (see diag.Internal).
func errRecover(name string, errp *error) {
	if e := recover(); e != nil {
		*errp = diag.Internal(name, e)
	}
}
