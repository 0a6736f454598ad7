package forms

import (
	"errors"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/cellword"
	"github.com/jixiao/jixiao/internal/msg"
)

// problem is why a cell or a file cannot be read: a catalogue message and
// its arguments, worded in the reader's language when the reason is
// shown (word). Its Error is the English. An argument that is an error
// is worded too; one that is ErrNotForm is kept for errors.Is.
type problem struct {
	code msg.Code
	args []any
}

func problemf(c msg.Code, args ...any) problem { return problem{code: c, args: args} }

func (e problem) Error() string { return word(msg.Printer{Lang: msg.EN}, e) }

func (e problem) Unwrap() []error {
	var out []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// word is err as p words it: a problem from the catalogue; an error of
// indicators.ParseNumber in the catalogue's words (in English, as it
// is); any other as it is, a library's detail.
func word(p msg.Printer, err error) string {
	var pr problem
	if errors.As(err, &pr) && pr.code != "" {
		args := make([]any, len(pr.args))
		for i, a := range pr.args {
			if e, ok := a.(error); ok && e != ErrNotForm {
				a = word(p, e)
			}
			args[i] = a
		}
		return p.Sprintf(pr.code, args...)
	}
	if p.Lang != msg.EN && errors.Is(err, indicators.ErrNotNumber) {
		// No number, a misplaced thousands separator, a number out of
		// range, a look-alike character: the data readers' words; another
		// form keeps its detail after the lead-in.
		if w, ok := cellword.Lookalike(p, err, ""); ok {
			return w
		}
		if w, ok := cellword.Number(p, err.Error(), ""); ok {
			return w
		}
		return p.Sprintf(msg.DataCellUnread, err.Error())
	}
	return err.Error()
}
