package data

import (
	"errors"
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/cellword"
	"github.com/jixiao/jixiao/internal/msg"
)

// cellProblem is why a cell of keyed or typed data does not read, found by
// this package: a catalogue message and its arguments, worded in the
// reader's language when the message is made. Its Error is the English.
type cellProblem struct {
	code   msg.Code
	args   []any
	number bool // wraps indicators.ErrNotNumber, as ParseNumber's errors do
}

func (c cellProblem) Error() string { return msg.Printer{Lang: msg.EN}.Sprintf(c.code, c.args...) }

func (c cellProblem) Unwrap() error {
	if c.number {
		return indicators.ErrNotNumber
	}
	return nil
}

// notNumber is the problem of a value that reads as no number.
func notNumber(c msg.Code, args ...any) cellProblem {
	return cellProblem{code: c, args: args, number: true}
}

// The forms of indicators.ParseCell's tier errors that cellReason words
// anew (the number errors are cellword's).
var (
	tierBandRE = regexp.MustCompile(`^tier ` + cellword.Quoted + `: fraction (\S+) is outside tier ([ABC]) \((.+)\) band (\[.*[\])])$`)
	tierFracRE = regexp.MustCompile(`^tier ` + cellword.Quoted + `: fraction (not a number: .*)$`)
)

// tierWant ends indicators' error for text that names no tier.
const tierWant = "want A, B, C, 达成, 部分达成 or 未达成"

// cellReason says why text, the cell of field f, does not read (err), in
// the schema's language. English is err's own text, as it always was; in
// Chinese each error indicators.ParseCell gives (no number, a misplaced
// thousands separator, a number out of range, a look-alike character, no
// tier, a tier's fraction that is no number or outside its band) is
// worded from the catalogue, and any other keeps its text after a
// Chinese lead-in, so that nothing it says is lost.
func (s *Schema) cellReason(f *field, text string, err error) string {
	var cp cellProblem
	if errors.As(err, &cp) {
		return s.p.Sprintf(cp.code, cp.args...)
	}
	if s.p.Lang == msg.EN {
		return err.Error()
	}
	var in *indicators.Input
	if f.kind == fieldInput || f.kind == fieldWrongUnit {
		in = &s.rs.Inputs[f.input]
	}
	return cellWords(s.p, err, text, in)
}

// cellWords is the catalogue's wording, in p's language, of an error of
// indicators.ParseCell or ParseNumber of text, a cell of input in (nil
// for a claim).
func cellWords(p msg.Printer, err error, text string, in *indicators.Input) string {
	e := err.Error()
	value := diag.Quote(indicators.TrimSpace(text))
	if w, ok := cellword.Lookalike(p, err, value); ok {
		return w
	}
	if in != nil && in.Type == indicators.TypeTier {
		if strings.HasPrefix(e, "unknown tier ") && strings.HasSuffix(e, tierWant) {
			return p.Sprintf(msg.DataUnknownTier, value)
		}
		if m := tierBandRE.FindStringSubmatch(e); m != nil {
			return p.Sprintf(msg.DataTierBand, m[1], m[2], m[3], m[4], m[5])
		}
		if m := tierFracRE.FindStringSubmatch(e); m != nil {
			if w, ok := cellword.Number(p, m[2], ""); ok {
				return p.Sprintf(msg.DataTierFraction, m[1], w)
			}
		}
		return p.Sprintf(msg.DataCellUnread, e)
	}
	if !errors.Is(err, indicators.ErrNotNumber) {
		return p.Sprintf(msg.DataCellUnread, e)
	}
	if in != nil && in.Unit != "" {
		if t, ok := strings.CutSuffix(e, " (the input's unit is "+in.Unit+")"); ok {
			if strings.HasPrefix(t, "not a number: ") && !strings.Contains(t, " has a misplaced") && !strings.Contains(t, " is out of range (") {
				return p.Sprintf(msg.DataNotNumberUnit, value, in.Unit)
			}
			e = t
		}
	}
	// The cell as typed, which the error may quote normalised (１２ as 12).
	if w, ok := cellword.Number(p, e, value); ok {
		return w
	}
	return p.Sprintf(msg.DataCellUnread, err.Error())
}
