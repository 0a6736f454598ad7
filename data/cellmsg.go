package data

import (
	"errors"
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
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

// The forms of indicators.ParseCell's errors that cellReason words anew.
var (
	lookalikeRE = regexp.MustCompile(`holds ('(?:[^'\\]|\\.)*') \(U\+([0-9A-F]+)\), which only looks like ("(?:[^"\\]|\\.)*")`)
	outOfLenRE  = regexp.MustCompile(`is out of range \((\d+) characters\)$`)
	tierBandRE  = regexp.MustCompile(`^tier ("(?:[^"\\]|\\.)*"): fraction (\S+) is outside tier ([ABC]) \((.+)\) band (\[.*[\])])$`)
)

// tierWant ends indicators' error for text that names no tier.
const tierWant = "want A, B, C, 达成, 部分达成 or 未达成"

// cellReason says why text, the cell of field f, does not read (err), in
// the schema's language. English is err's own text, as it always was; in
// Chinese the errors of indicators.ParseCell that a user meets (no
// number, a misplaced thousands separator, a look-alike character, no
// tier) are worded from the catalogue, and any other keeps its text after
// a Chinese lead-in, so that nothing it says is lost.
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
	c, args := cellProblemOf(err, text, in)
	return s.p.Sprintf(c, args...)
}

// cellProblemOf is the catalogue message for an error of
// indicators.ParseCell or ParseNumber of text, a cell of input in (nil for
// a claim).
func cellProblemOf(err error, text string, in *indicators.Input) (msg.Code, []any) {
	e := err.Error()
	value := diag.Quote(indicators.TrimSpace(text))
	if m := lookalikeRE.FindStringSubmatch(e); m != nil && errors.Is(err, indicators.ErrLookalike) {
		return msg.DataLookalike, []any{value, m[1], m[2], m[3]}
	}
	if in != nil && in.Type == indicators.TypeTier {
		if strings.HasPrefix(e, "unknown tier ") && strings.HasSuffix(e, tierWant) {
			return msg.DataUnknownTier, []any{value}
		}
		if m := tierBandRE.FindStringSubmatch(e); m != nil {
			return msg.DataTierBand, []any{m[1], m[2], m[3], m[4], m[5]}
		}
		return msg.DataCellUnread, []any{e}
	}
	if !errors.Is(err, indicators.ErrNotNumber) {
		return msg.DataCellUnread, []any{e}
	}
	switch {
	case strings.Contains(e, " has a misplaced thousands separator"):
		return msg.DataThousands, []any{value}
	case outOfLenRE.MatchString(e):
		n := outOfLenRE.FindStringSubmatch(e)[1]
		return msg.DataOutOfRangeLen, []any{diag.Head(indicators.TrimSpace(text)), n}
	case in != nil && in.Unit != "" && strings.HasSuffix(e, " (the input's unit is "+in.Unit+")"):
		return msg.DataNotNumberUnit, []any{value, in.Unit}
	}
	return msg.DataNotNumber, []any{value}
}
