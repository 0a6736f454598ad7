// Package cellword words the errors of indicators' reading of a number
// (indicators.ParseNumber, and ParseCell for a number input) from the
// catalogue, for the readers of data and of 自评表: indicators makes them
// in English, with the value quoted, and each reader says them in its
// language.
package cellword

import (
	"errors"
	"regexp"
	"strconv"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Quoted is a cell as diag.Quote writes it: clipped, its length after.
const Quoted = `("(?:[^"\\]|\\.)*"(?: \(\d+ bytes\))?)`

var (
	lookalikeRE = regexp.MustCompile(`holds ('(?:[^'\\]|\\.)*') \(U\+([0-9A-F]+)\), which only looks like ("(?:[^"\\]|\\.)*")`)
	outOfLenRE  = regexp.MustCompile(`^not a number: ("(?:[^"\\]|\\.)*") is out of range \((\d+) characters\)$`)
	notNumberRE = regexp.MustCompile(`^not a number: ` + Quoted + `( has a misplaced thousands separator)?$`)
	lookQuoteRE = regexp.MustCompile(`^(?:not a number: ` + Quoted + ` holds |unknown tier ` + Quoted + `: holds )`)
)

// Lookalike is the wording, in p's language, of err when it holds a
// character that only looks like a digit, sign or letter
// (indicators.ErrLookalike); value is the cell quoted, "" for the
// error's own quote.
func Lookalike(p msg.Printer, err error, value string) (string, bool) {
	m := lookalikeRE.FindStringSubmatch(err.Error())
	if m == nil || !errors.Is(err, indicators.ErrLookalike) {
		return "", false
	}
	if value == "" {
		q := lookQuoteRE.FindStringSubmatch(err.Error())
		if q == nil {
			return "", false
		}
		value = q[1] + q[2] // one of them

	}
	return p.Sprintf(msg.DataLookalike, value, m[1], m[2], m[3]), true
}

// Number is the wording, in p's language, of e, the text of an error of
// indicators' reading of a number (no number, a misplaced thousands
// separator, a number out of range); value is the cell quoted, "" for the
// error's own quote. ok is false for a text of no such form.
func Number(p msg.Printer, e, value string) (string, bool) {
	if m := outOfLenRE.FindStringSubmatch(e); m != nil {
		head, err := strconv.Unquote(m[1])
		if err != nil {
			return "", false
		}
		return p.Sprintf(msg.DataOutOfRangeLen, head, m[2]), true
	}
	m := notNumberRE.FindStringSubmatch(e)
	if m == nil {
		return "", false
	}
	if value == "" {
		value = m[1]
	}
	if m[2] != "" {
		return p.Sprintf(msg.DataThousands, value), true
	}
	return p.Sprintf(msg.DataNotNumber, value), true
}
