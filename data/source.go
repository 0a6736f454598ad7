package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/openctx"
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
var formats = map[string]func(name string, r io.Reader, s *Schema, o *Options) (Source, error){
	".csv":    newCSV,
	".txt":    newCSV,
	".yaml":   plain(newYAML),
	".yml":    plain(newYAML),
	".json":   plain(newJSON),
	".jsonl":  plain(newJSONL),
	".ndjson": plain(newJSONL),
	".xlsx":   newXLSX,
}

// plain is a format reader that takes no options.
func plain(open func(name string, r io.Reader, s *Schema) (Source, error)) func(string, io.Reader, *Schema, *Options) (Source, error) {
	return func(name string, r io.Reader, s *Schema, _ *Options) (Source, error) { return open(name, r, s) }
}

// Open opens the data file at path, choosing the reader by extension.
// Units are checked for a missing id, not against each other: a unit id
// that appears twice is engine.Stream's to find (Eval's too), in bounded
// memory, so a source keeps nothing per unit however many there are. A
// CSV source can also be read a chunk at a time, each chunk decoded on any
// goroutine (NextChunk, engine.Stream decodes such chunks on its workers).
func Open(path string, s *Schema) (Source, error) { return Options{}.Open(path, s) }

// OpenContext is Open that stops waiting when ctx is done: data from a FIFO
// (mkfifo, a shell's process substitution) blocks the open until a writer
// comes and each read until it writes, and a Ctrl-C must end the wait. A
// FIFO is read once, as any file: the digest is taken as the units are read.
func OpenContext(ctx context.Context, path string, s *Schema) (Source, error) {
	return Options{}.OpenContext(ctx, path, s)
}

// OpenReader reads data in the format that name's extension says from r,
// which the caller closes.
func OpenReader(name string, r io.Reader, s *Schema) (Source, error) {
	return Options{}.OpenReader(name, r, s)
}

// OpenStream is Open without the digest when digest is false (SHA256 is
// then ""): reading is that much cheaper, for reports that show none.
func OpenStream(path string, s *Schema, digest bool) (Source, error) {
	return Options{}.OpenStream(path, s, digest)
}

// OpenStreamContext is OpenStream that stops waiting when ctx is done (see
// OpenContext).
func OpenStreamContext(ctx context.Context, path string, s *Schema, digest bool) (Source, error) {
	return Options{}.OpenStreamContext(ctx, path, s, digest)
}

// ReadFile reads the data file at path whole, for a consumer that reads
// its units more than once (under two rulesets): a FIFO or a device gives
// its bytes only once. It stops waiting when ctx is done (see OpenContext).
func ReadFile(ctx context.Context, path string) ([]byte, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var p msg.Printer // Chinese, as every package function speaks
	if open, ok := formats[ext]; !ok || open == nil {
		return nil, unknownFormat(p, path, ext)
	}
	f, err := openFile(ctx, p, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	defer openctx.Unblock(ctx, f)()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: path}, Code: "read_error", Msg: p.Sprintf(msg.DataReadData, unwrapPath(err)), Err: err}
	}
	return b, nil
}

// openFile opens the data file at path for reading, as long as ctx lets it
// wait.
func openFile(ctx context.Context, p msg.Printer, path string) (*os.File, error) {
	f, err := openctx.OpenFile(ctx, path, os.O_RDONLY, 0)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: path}, Code: "read_error", Msg: p.Sprintf(msg.DataOpenData, unwrapPath(err)), Err: err}
	}
	return f, nil
}

// OpenStreamReader is OpenReader without the digest unless digest is set
// (see OpenStream).
func OpenStreamReader(name string, r io.Reader, s *Schema, digest bool) (Source, error) {
	return Options{}.OpenStreamReader(name, r, s, digest)
}

func open(ctx context.Context, path string, s *Schema, o *Options, digest bool) (Source, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if open, ok := formats[ext]; !ok || open == nil {
		return nil, unknownFormat(o.printer(), path, ext)
	}
	f, err := openFile(ctx, o.printer(), path)
	if err != nil {
		return nil, err
	}
	unblock := openctx.Unblock(ctx, f)
	src, err := openReader(path, f, s, o, digest)
	if err != nil {
		unblock()
		f.Close()
		return nil, err
	}
	fs := src.(interface{ file() *fileSource }).file()
	fs.f, fs.unblock = f, unblock
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		// A regular file can be read again (a FIFO or a device cannot):
		// engine.Stream may score twice rather than keep every rendered
		// unit for the second pass (reread.go).
		fs.regular = true
	}
	return src, nil
}

func unknownFormat(p msg.Printer, name, ext string) error {
	return &diag.Error{Pos: diag.Pos{File: name}, Code: "unknown_format",
		Msg: p.Sprintf(msg.DataUnknownFormat, ext)}
}

func openReader(name string, r io.Reader, s *Schema, o *Options, digest bool) (_ Source, err error) {
	defer errRecover(name, &err)
	// The schema words the messages of what it reads in the language of
	// the options the file is read with.
	s = s.in(o.printer())
	ext := strings.ToLower(filepath.Ext(name))
	open, ok := formats[ext]
	if !ok || open == nil {
		return nil, unknownFormat(s.p, name, ext)
	}
	h := &countingHash{}
	if digest {
		h.Hash = sha256.New()
	}
	var in io.Reader = io.TeeReader(r, h)
	var text *textReader
	if textExts[ext] {
		text, err = newTextReader(s.p, name, in)
		if err != nil {
			return nil, err
		}
		in = text
	}
	src, err := open(name, in, s, o)
	if err != nil {
		return nil, err
	}
	if len(s.panel) > 0 {
		// One row per rater: a unit is its run of rows (panel.go).
		src = &panelSource{Source: src, s: s}
	}
	fs := &fileSource{Source: src, name: name, r: r, h: h, text: text, opened: &openedWith{schema: s, options: o, digest: digest}}
	if ch, ok := src.(chunker); ok {
		return &chunkSource{fileSource: fs, ch: ch}, nil
	}
	return fs, nil
}

// chunker is a format reader whose units can be decoded a chunk at a time
// on any goroutine (the CSV reader).
type chunker interface {
	NextChunk() (func([]indicators.Unit) ([]indicators.Unit, error), error)
}

// chunkSource is a fileSource that can be read by chunks.
type chunkSource struct {
	*fileSource
	ch chunker
}

// NextChunk returns the decoder of the next chunk of units, or io.EOF.
func (cs *chunkSource) NextChunk() (_ func([]indicators.Unit) ([]indicators.Unit, error), err error) {
	defer errRecover(cs.name, &err)
	dec, err := cs.ch.NextChunk()
	if err == io.EOF {
		cs.finish()
	}
	if err != nil {
		return nil, err
	}
	return func(buf []indicators.Unit) (_ []indicators.Unit, err error) {
		defer errRecover(cs.name, &err)
		units, err := dec(buf)
		for i := range units {
			checkID(cs.opened.schema.p, &units[i])
		}
		return units, err
	}, nil
}

// readError names the file in an error of the reader under a format; the
// decoding layer's errors are positioned already.
func readError(p msg.Printer, name string, line int, err error) *diag.Error {
	var de *diag.Error
	if errors.As(err, &de) {
		return de
	}
	return &diag.Error{Pos: diag.Pos{File: name, Line: line}, Code: "read_error", Msg: p.Sprintf(msg.DataReadFailed, err), Err: err}
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileSource adds the file, its digest and the check for a missing id to
// a format's reader.
type fileSource struct {
	Source
	name string
	r    io.Reader
	f    *os.File // closed by Close, when the source opened it
	// unblock ends the watch that stops a blocked read of f when the
	// run is cancelled.
	unblock func()
	h       *countingHash
	text    *textReader // the decoding layer of a text format, else nil
	sum     string
	opened  *openedWith // how to open r again (Rewind)
	regular bool        // the data is a regular file, which Reread may open again
}

func (fs *fileSource) file() *fileSource { return fs }

// countingHash hashes the data (unless Hash is nil) and counts its bytes,
// for progress.
type countingHash struct {
	hash.Hash
	n atomic.Int64
}

func (c *countingHash) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	if c.Hash == nil {
		return len(p), nil
	}
	return c.Hash.Write(p)
}

// BytesRead tells how many bytes of the data were read so far; it may be
// called from any goroutine.
func (fs *fileSource) BytesRead() int64 { return fs.h.n.Load() }

func (fs *fileSource) Next() (_ *indicators.Unit, err error) {
	defer errRecover(fs.name, &err)
	u, err := fs.Source.Next()
	if err == io.EOF {
		fs.finish()
	}
	if u == nil {
		return nil, err
	}
	had := len(u.Errors)
	checkID(fs.opened.schema.p, u)
	if p, ok := fs.Source.(rowPlacer); ok {
		for _, e := range u.Errors[had:] {
			e.Msg = fs.opened.schema.p.Sprintf(msg.DataPlaced, p.rowPlace(e.Pos.Line), e.Msg)
		}
	}
	return u, err
}

// rowPlacer is a format reader that names a row more fully than its line
// number: a workbook's says the sheet.
type rowPlacer interface {
	rowPlace(line int) string
}

// RowPlace names the row at line more fully than its number where the
// format can (a workbook's sheet and row), for what the units' consumer
// says of a row (engine.Stream, of a repeated id); "" where it cannot.
func (fs *fileSource) RowPlace(line int) string {
	if p, ok := fs.Source.(rowPlacer); ok {
		return p.rowPlace(line)
	}
	return ""
}

// finish hashes what the reader left unread (a trailing newline, say) and
// fixes the digest.
func (fs *fileSource) finish() {
	if fs.sum != "" || fs.h.Hash == nil {
		return
	}
	io.Copy(fs.h, fs.r)
	fs.sum = hex.EncodeToString(fs.h.Sum(nil))
}

// checkID reports a unit without an id, unless it is no unit at all (a
// line that said so already).
func checkID(p msg.Printer, u *indicators.Unit) {
	if u.ID == "" && !unreadable(u) {
		u.Errors = append(u.Errors, &diag.Error{Pos: u.Pos, Code: "missing_unit_id", Field: "unit", Msg: p.Sprintf(msg.DataMissingID)})
	}
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
	if fs.sum != "" || fs.h.Hash == nil {
		return fs.sum
	}
	return hex.EncodeToString(fs.h.Sum(nil))
}

func (fs *fileSource) Close() error {
	err := fs.Source.Close()
	if fs.f != nil {
		fs.unblock()
		err = errors.Join(err, fs.f.Close())
	}
	return err
}

// ReadAll reads every unit of the file at path.
func ReadAll(path string, s *Schema) (units []indicators.Unit, warnings []*diag.Error, sum string, err error) {
	return Options{}.ReadAll(path, s)
}

// ReadAll is the function ReadAll, reading as o says.
func (o Options) ReadAll(path string, s *Schema) (units []indicators.Unit, warnings []*diag.Error, sum string, err error) {
	src, err := o.Open(path, s)
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
