package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
)

// Source yields the units of a data file one at a time, in file order.
type Source interface {
	// Next returns the next unit, or io.EOF after the last. Cell errors
	// are on the unit; an error returned here means the file itself
	// cannot be read further.
	Next() (*indicators.Unit, error)
	// Warnings lists what was read but ignored, such as unknown columns.
	Warnings() []*diag.Error
	// SHA256 is the hex digest of the bytes read so far; after io.EOF,
	// of the whole file.
	SHA256() string
	Close() error
}

// Formats by file extension.
var formats = map[string]func(name string, r io.Reader, s *Schema) (Source, error){
	".csv":    newCSV,
	".txt":    newCSV,
	".yaml":   newYAML,
	".yml":    newYAML,
	".json":   newYAML, // JSON is YAML, and yaml.v3 gives line numbers
	".jsonl":  newJSONL,
	".ndjson": newJSONL,
}

// Open opens the data file at path, choosing the reader by extension.
func Open(path string, s *Schema) (Source, error) {
	ext := strings.ToLower(filepath.Ext(path))
	open, ok := formats[ext]
	if !ok || open == nil {
		return nil, &diag.Error{Pos: diag.Pos{File: path}, Code: "unknown_format",
			Msg: fmt.Sprintf("unknown data format %q: want .csv, .xlsx, .yaml, .json or .jsonl", ext)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: path}, Code: "read_error", Msg: fmt.Sprintf("open data: %v", unwrapPath(err)), Err: err}
	}
	src, err := OpenReader(path, f, s)
	if err != nil {
		f.Close()
		return nil, err
	}
	src.(*fileSource).f = f
	return src, nil
}

// OpenReader reads data in the format that name's extension says from r,
// which the caller closes.
func OpenReader(name string, r io.Reader, s *Schema) (_ Source, err error) {
	defer errRecover(name, &err)
	ext := strings.ToLower(filepath.Ext(name))
	open, ok := formats[ext]
	if !ok || open == nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Code: "unknown_format",
			Msg: fmt.Sprintf("unknown data format %q: want .csv, .xlsx, .yaml, .json or .jsonl", ext)}
	}
	h := sha256.New()
	var in io.Reader = io.TeeReader(r, h)
	var text *textReader
	if textExts[ext] {
		text, err = newTextReader(name, in)
		if err != nil {
			return nil, err
		}
		in = text
	}
	src, err := open(name, in, s)
	if err != nil {
		return nil, err
	}
	return &fileSource{Source: src, name: name, r: r, h: h, text: text, dups: map[string]diag.Pos{}}, nil
}

// readError names the file in an error of the reader under a format; the
// decoding layer's errors are positioned already.
func readError(name string, line int, err error) *diag.Error {
	var de *diag.Error
	if errors.As(err, &de) {
		return de
	}
	return &diag.Error{Pos: diag.Pos{File: name, Line: line}, Code: "read_error", Msg: err.Error(), Err: err}
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileSource adds the file, its digest and the duplicate-id check to a
// format's reader.
type fileSource struct {
	Source
	name string
	r    io.Reader
	f    *os.File // closed by Close, when the source opened it
	h    hash.Hash
	text *textReader // the decoding layer of a text format, else nil
	dups map[string]diag.Pos
	sum  string
}

func (fs *fileSource) Next() (_ *indicators.Unit, err error) {
	defer errRecover(fs.name, &err)
	u, err := fs.Source.Next()
	if err == io.EOF {
		// Hash what the reader left unread (a trailing newline, say).
		io.Copy(fs.h, fs.r)
		fs.sum = hex.EncodeToString(fs.h.Sum(nil))
	}
	if u == nil {
		return nil, err
	}
	switch prev, dup := fs.dups[u.ID]; {
	case u.ID == "" && unreadable(u):
		// A line that is not a unit at all has said so already.
	case u.ID == "":
		u.Errors = append(u.Errors, &diag.Error{Pos: u.Pos, Code: "missing_unit_id", Field: "unit", Msg: "the unit has no id (column unit)"})
	case dup:
		u.Errors = append(u.Errors, &diag.Error{Pos: u.Pos, Code: "duplicate_unit", Field: "unit", Value: u.ID,
			Msg: fmt.Sprintf("unit %s appears again: it was first at line %d, which is scored; unit ids must be unique", u.ID, prev.Line)})
	default:
		fs.dups[u.ID] = u.Pos
	}
	return u, err
}

// Warnings lists how the file was converted, if it was, then what the
// format's reader ignored.
func (fs *fileSource) Warnings() []*diag.Error {
	w := fs.Source.Warnings()
	if fs.text != nil && fs.text.Warning() != nil {
		w = append([]*diag.Error{fs.text.Warning()}, w...)
	}
	return w
}

// unreadable reports whether a unit is only an error: a line of JSON
// Lines that is not an object, an item of YAML that is not a mapping.
func unreadable(u *indicators.Unit) bool {
	for _, e := range u.Errors {
		if e.Code == "json_syntax" || e.Code == "not_a_unit" {
			return true
		}
	}
	return false
}

func (fs *fileSource) SHA256() string {
	if fs.sum != "" {
		return fs.sum
	}
	return hex.EncodeToString(fs.h.Sum(nil))
}

func (fs *fileSource) Close() error {
	if fs.f == nil {
		return nil
	}
	return fs.f.Close()
}

// ReadAll reads every unit of the file at path.
func ReadAll(path string, s *Schema) (units []indicators.Unit, warnings []*diag.Error, sum string, err error) {
	src, err := Open(path, s)
	if err != nil {
		return nil, nil, "", err
	}
	defer src.Close()
	return Collect(src)
}

// Collect reads every unit of src.
func Collect(src Source) (units []indicators.Unit, warnings []*diag.Error, sum string, err error) {
	for {
		u, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, src.Warnings(), "", err
		}
		units = append(units, *u)
	}
	return units, src.Warnings(), src.SHA256(), nil
}

// stripBOM drops a UTF-8 byte-order mark, which Excel writes at the start
// of CSV files.
func stripBOM(s string) string { return strings.TrimPrefix(s, "\ufeff") }

func sortStrings(s []string) { sort.Strings(s) }
