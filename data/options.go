package data

import (
	"context"
	"errors"
	"io"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Options say how data files are read. The zero value reads every file as
// jixiao always has: the sheet and header row of a workbook are found, and
// the limits are the defaults below.
type Options struct {
	// Sheet names the sheet of a workbook that holds the units; empty, the
	// first visible sheet that has a header row (a row with the unit
	// column and an input of the ruleset).
	Sheet string
	// HeaderRow is the spreadsheet row (from 1) of the header; 0 finds it:
	// title and note rows above the header are skipped.
	HeaderRow int

	// XLSXMaxSize bounds what a workbook unzips to, all its parts
	// together, in bytes; 0 means DefaultXLSXMaxSize.
	XLSXMaxSize int64
	// XLSXMaxPart bounds what one part of a workbook (a sheet, the shared
	// strings) unzips to, in bytes; 0 means DefaultXLSXMaxPart.
	XLSXMaxPart int64
	// XLSXMaxRatio bounds how many times its compressed size a part larger
	// than xlsxRatioFloor may unzip to; 0 means DefaultXLSXMaxRatio.
	XLSXMaxRatio int64

	// MaxField is the longest CSV field read, in bytes; 0 means
	// DefaultMaxField. A longer field, and a row longer than 16 times
	// MaxField, stop the file with an error naming the row and column, so
	// that a stray quote or a broken export cannot make jixiao hold
	// gigabytes.
	MaxField int64

	// Lang is the language of the messages: "en" for English, anything
	// else ("" included) for Chinese, jixiao's first language. The errors
	// and warnings of a file read with these options are worded in it,
	// whichever schema reads it.
	Lang string
}

// printer words the messages of a file read with o.
func (o *Options) printer() msg.Printer { return msg.For(o.Lang) }

// NewSchema is the function NewSchema, the schema wording its messages (of
// Schema.Unit) in o's language.
func (o Options) NewSchema(rs *indicators.Ruleset) *Schema {
	return NewSchema(rs).in(o.printer())
}

// DefaultMaxField is the default of Options.MaxField: far more than any
// cell of reported data needs.
const DefaultMaxField = 1 << 20

// Default limits of a workbook. A bureau's workbook of some thousand units
// unzips to a few megabytes; 100,000 units of grid-center as jixiao gen
// writes them (21 columns) to a 114 MB sheet, 6.9 times its compressed
// size. Sheets of styled empty cells compress 12 times; a run of zeros,
// 1,000 times. The reader streams a sheet, so these bound time, and the
// shared strings it holds, more than memory.
const (
	DefaultXLSXMaxSize  = 1 << 30   // 1 GiB, all parts together
	DefaultXLSXMaxPart  = 256 << 20 // 256 MiB, about 230,000 rows of 21 numbers
	DefaultXLSXMaxRatio = 200
)

func (o *Options) maxSize() int64  { return orDefault(o.XLSXMaxSize, DefaultXLSXMaxSize) }
func (o *Options) maxPart() int64  { return orDefault(o.XLSXMaxPart, DefaultXLSXMaxPart) }
func (o *Options) maxRatio() int64 { return orDefault(o.XLSXMaxRatio, DefaultXLSXMaxRatio) }

// maxField is the field limit; beyond 1 TiB it is 1 TiB, which no reader
// reaches, so that 16 times it cannot overflow.
func (o *Options) maxField() int { return int(min(orDefault(o.MaxField, DefaultMaxField), 1<<40)) }

func orDefault(v, def int64) int64 {
	if v > 0 {
		return v
	}
	return def
}

// Check reports options that cannot be met.
func (o Options) Check() error {
	switch {
	case o.HeaderRow < 0 || o.HeaderRow > maxRows:
		return errors.New(o.printer().Sprintf(msg.DataOptionsBadRow, o.HeaderRow, maxRows))
	case o.XLSXMaxSize < 0 || o.XLSXMaxPart < 0 || o.XLSXMaxRatio < 0:
		return errors.New(o.printer().Sprintf(msg.DataOptionsLimits))
	case o.MaxField < 0:
		return errors.New(o.printer().Sprintf(msg.DataOptionsField, o.MaxField))
	}
	return nil
}

// Open opens the data file at path, choosing the reader by extension.
func (o Options) Open(path string, s *Schema) (Source, error) {
	return open(context.Background(), path, s, &o, true)
}

// OpenContext is Open that stops waiting when ctx is done (see the function
// OpenContext).
func (o Options) OpenContext(ctx context.Context, path string, s *Schema) (Source, error) {
	return open(ctx, path, s, &o, true)
}

// OpenReader reads data in the format that name's extension says from r,
// which the caller closes.
func (o Options) OpenReader(name string, r io.Reader, s *Schema) (Source, error) {
	return openReader(name, r, s, &o, true)
}

// OpenStream is Open without the digest unless digest is set (see the
// function OpenStream).
func (o Options) OpenStream(path string, s *Schema, digest bool) (Source, error) {
	return open(context.Background(), path, s, &o, digest)
}

// OpenStreamContext is OpenStream that stops waiting when ctx is done (see
// the function OpenContext).
func (o Options) OpenStreamContext(ctx context.Context, path string, s *Schema, digest bool) (Source, error) {
	return open(ctx, path, s, &o, digest)
}

// OpenStreamReader is OpenReader without the digest unless digest is set
// (see the function OpenStream).
func (o Options) OpenStreamReader(name string, r io.Reader, s *Schema, digest bool) (Source, error) {
	return openReader(name, r, s, &o, digest)
}
