package data

import (
	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// duplicateKey is the error of a key written twice in one mapping, at pos
// and before at first (as jsonpos.DuplicateKey says it, worded by p).
func duplicateKey(p msg.Printer, pos diag.Pos, name string, first diag.Pos) *diag.Error {
	return &diag.Error{Pos: pos, Code: "duplicate_key", Field: name, Msg: p.Sprintf(msg.DataDuplicateKey, name, first.Line, first.Col)}
}

// unitKeys remembers, by meaning (field.meaning), the keys a keyed unit
// (YAML, JSON, JSON Lines) gave and where, so that a field given twice —
// the same key written twice, an input's id beside its label, a claim flat
// and nested — fails the unit instead of one of the two values silently
// winning. A reader keeps one and clears it for every unit.
type unitKeys map[string]givenKey

type givenKey struct {
	f   field
	pos diag.Pos
}

// add records that the unit gave field f, meaning meaning, at pos. For a
// field given already it adds the error to u and returns false: the caller
// ignores the value. Two spellings of a key the ruleset ignores are no
// error: neither is read.
func (k unitKeys) add(s *Schema, u *indicators.Unit, meaning string, f *field, pos diag.Pos) bool {
	prev, dup := k[meaning]
	if !dup {
		k[meaning] = givenKey{f: *f, pos: pos}
		return true
	}
	switch {
	case prev.f.name == f.name:
		u.Errors = append(u.Errors, duplicateKey(s.p, pos, f.name, prev.pos))
	case f.kind != fieldUnknown:
		u.Errors = append(u.Errors, s.duplicateKey(&prev.f, f, pos))
	}
	return false
}

// root records a key of the mapping around the list of units: a key given
// twice there (two units lists) makes the file ambiguous.
func (k unitKeys) root(p msg.Printer, name string, pos diag.Pos) error {
	if prev, dup := k[name]; dup {
		return duplicateKey(p, pos, name, prev.pos)
	}
	k[name] = givenKey{f: field{name: name}, pos: pos}
	return nil
}

// dataKey is the meaning of a unit's data key, which holds fields rather
// than being one; no field's meaning starts with a NUL.
const dataKey = "\x00data"
