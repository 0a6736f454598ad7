package msg

import "errors"

// Errorf is message c as an error, worded in p's language.
func (p Printer) Errorf(c Code, args ...any) error {
	return errors.New(p.Sprintf(c, args...))
}

// Wrap is err after a lead-in, message c in p's language (写入 x：/
// write x: ), the lead-in ending with its separator; errors.Is and
// errors.As still see err. A library's own words (os, SQLite) follow as
// they are.
func (p Printer) Wrap(err error, c Code, args ...any) error {
	return &wrapped{lead: p.Sprintf(c, args...), err: err}
}

type wrapped struct {
	lead string
	err  error
}

func (w *wrapped) Error() string { return w.lead + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }
