package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/internal/msg"
)

// addDataFlags adds to a command that reads data (-d) the flags that say
// how: the sheet and header row of a workbook, the limits a workbook is
// held to, and the longest field of a CSV file. Like every flag they may be settings (jixiao.yaml, JIXIAO_*).
func addDataFlags(f *pflag.FlagSet, o *data.Options, p msg.Printer) {
	o.Lang = p.Lang.String() // the data's messages are in the run's language
	f.StringVar(&o.Sheet, "sheet", "", "xlsx data: the sheet that holds the units (default: the one sheet with a header row)")
	f.IntVar(&o.HeaderRow, "header-row", 0, "xlsx data: the row of the header, from 1 (default: the first row with the unit column and an input, past title rows)")
	f.Var(&byteSize{&o.XLSXMaxSize, data.DefaultXLSXMaxSize, p}, "xlsx-max-size", "xlsx data: the most a workbook may unzip to, all its parts together (K, M, G: powers of 1024)")
	f.Var(&byteSize{&o.XLSXMaxPart, data.DefaultXLSXMaxPart, p}, "xlsx-max-part", "xlsx data: the most one part of a workbook (a sheet) may unzip to")
	f.Var(&ratio{&o.XLSXMaxRatio, data.DefaultXLSXMaxRatio, p}, "xlsx-max-ratio", "xlsx data: the most times its compressed size a part may unzip to")
	f.Var(&byteSize{&o.MaxField, data.DefaultMaxField, p}, "max-field", "csv data: the longest field read; a longer one (a stray quote, a broken export) stops the file with its row and column")
}

// checkDataFlags refuses --sheet and --header-row given for data that is
// no workbook: a CSV file's first line is its header. From a setting
// (jixiao.yaml, JIXIAO_SHEET) they apply to workbooks only, and are no
// error elsewhere.
func checkDataFlags(f *pflag.FlagSet, path string) error {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return nil
	}
	for _, name := range []string{"sheet", "header-row"} {
		if f.Changed(name) {
			what := path
			if path == "" || path == "-" {
				what = "the data"
			}
			return failWith(exitNothing, fmt.Errorf("--%s is for xlsx workbooks, and %s is not one", name, what))
		}
	}
	return nil
}

// byteSize is a flag of a size in bytes: 1073741824, 1G, 1GiB, 256MB.
type byteSize struct {
	n   *int64
	def int64
	p   msg.Printer // words the error
}

func (b *byteSize) String() string {
	n := *b.n
	if n == 0 {
		n = b.def
	}
	for _, u := range []string{"G", "M", "K"} {
		if s, _ := sizeUnit(u); n >= s && n%s == 0 {
			return strconv.FormatInt(n/s, 10) + u + "iB"
		}
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Type() string { return "size" }

func (b *byteSize) Set(s string) error {
	n, err := parseSize(b.p, s)
	if err != nil {
		return err
	}
	*b.n = n
	return nil
}

// sizeUnit is the multiplier of a size's unit; K, M and G are powers of
// 1024, as Windows shows file sizes.
func sizeUnit(u string) (int64, bool) {
	switch u {
	case "":
		return 1, true
	case "K":
		return 1 << 10, true
	case "M":
		return 1 << 20, true
	case "G":
		return 1 << 30, true
	case "T":
		return 1 << 40, true
	}
	return 0, false
}

func parseSize(p msg.Printer, s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	digits := strings.TrimSpace(strings.TrimRight(t, "KMGT"))
	mul, ok := sizeUnit(strings.TrimSpace(t[len(strings.TrimRight(t, "KMGT")):]))
	n, err := strconv.ParseInt(digits, 10, 64)
	if !ok || err != nil || n <= 0 || n > (1<<62)/mul {
		return 0, errors.New(p.Sprintf(msg.ErrSize, s))
	}
	return n * mul, nil
}

// ratio is a flag of a whole number above 0.
type ratio struct {
	n   *int64
	def int64
	p   msg.Printer
}

func (r *ratio) String() string {
	if *r.n == 0 {
		return strconv.FormatInt(r.def, 10)
	}
	return strconv.FormatInt(*r.n, 10)
}

func (r *ratio) Type() string { return "int" }

func (r *ratio) Set(s string) error {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 {
		return errors.New(r.p.Sprintf(msg.ErrWholeNumber, s))
	}
	*r.n = n
	return nil
}
