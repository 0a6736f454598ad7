package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/internal/msg"
)

// xlsxBook is an xlsx package opened for reading: its ZIP directory checked
// against the limits, its sheets, the number format of each cell style and
// the shared strings. Parts are read straight out of the ZIP data as they
// are needed, a sheet streamed row by row, so memory holds the compressed
// file, the shared strings and one row.
type xlsxBook struct {
	name     string      // the file, for messages
	p        msg.Printer // words the messages
	parts    map[string]*zip.File
	sheets   []sheetRef
	styles   []cellFormat // by cell style index (the s of a cell)
	sst      []string     // shared strings
	date1904 bool         // serial dates count from 1904 (old Mac Excel)
	general  cellFormat   // the format of a cell in a workbook without styles
}

type sheetRef struct {
	name, part string
}

// maxText bounds a text or attribute value of a workbook part. Excel holds
// at most 32,767 characters in a cell, under 100 KB in UTF-8.
const maxText = 1 << 20

// xlsxRatioFloor: parts that unzip to less are not held to the ratio
// limit, which is for what takes time or memory to read.
const xlsxRatioFloor = 1 << 20

// Spreadsheet bounds (Excel's).
const (
	maxRows = 1 << 20
	maxCols = 1 << 14
)

// Relationship types, by the end of their URI (the same in transitional
// and strict OOXML).
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relStyles         = "/styles"
	relSharedStrings  = "/sharedStrings"
)

func (w *xlsxBook) errorf(code string, c msg.Code, args ...any) *diag.Error {
	return &diag.Error{Pos: diag.Pos{File: w.name}, Code: code, Msg: w.p.Sprintf(c, args...)}
}

// detail is what is wrong inside a damaged workbook, for damaged.
func (w *xlsxBook) detail(c msg.Code, args ...any) error { return errors.New(w.p.Sprintf(c, args...)) }

// damaged is the error of a part that cannot be read as a workbook writes it.
func (w *xlsxBook) damaged(part string, err error) *diag.Error {
	e := w.errorf("read_error", msg.DataDamaged, part, err)
	e.Err = err
	return e
}

// openBook reads the workbook in r. Its ZIP directory is checked
// against the limits of o before any part is unzipped, so a ZIP bomb is
// refused in the time it takes to read the file.
func openBook(name string, r io.Reader, o *Options) (*xlsxBook, error) {
	w := &xlsxBook{name: name, general: classifyFormat("General"), p: o.printer()}
	// The compressed file is no larger than what it unzips to, give or
	// take its headers.
	data, err := io.ReadAll(io.LimitReader(r, o.maxSize()+1))
	if err != nil {
		return nil, readError(w.p, name, 0, err)
	}
	if int64(len(data)) > o.maxSize() {
		return nil, w.errorf("xlsx_too_large", msg.DataXLSXTooLarge, formatSize(o.maxSize()))
	}
	if len(data) == 0 {
		return nil, w.errorf("empty_file", msg.DataXLSXEmpty)
	}
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		return nil, w.errorf("read_error", msg.DataEncrypted)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		e := w.errorf("read_error", msg.DataNotXLSX, err)
		e.Err = err
		return nil, e
	}
	if err := w.checkParts(zr, o); err != nil {
		return nil, err
	}
	if err := w.readStructure(); err != nil {
		return nil, err
	}
	return w, nil
}

// checkParts indexes the parts and holds their declared sizes to the
// limits. archive/zip holds every part to its declared size as it is read,
// so the check cannot be lied to.
func (w *xlsxBook) checkParts(zr *zip.Reader, o *Options) error {
	w.parts = make(map[string]*zip.File, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		key := partKey(f.Name)
		if _, dup := w.parts[key]; dup {
			return w.damaged(f.Name, w.detail(msg.DataPartTwice))
		}
		w.parts[key] = f
		size := f.UncompressedSize64
		if size > uint64(o.maxPart()) {
			return w.errorf("xlsx_too_large", msg.DataPartTooLarge,
				f.Name, formatSize(int64(min(size, 1<<62))), formatSize(o.maxPart()))
		}
		if size >= xlsxRatioFloor && size/max(f.CompressedSize64, 1) > uint64(o.maxRatio()) {
			return w.errorf("xlsx_too_large", msg.DataPartRatio,
				f.Name, size/max(f.CompressedSize64, 1), formatSize(int64(size)), formatSize(int64(f.CompressedSize64)), o.maxRatio())
		}
		total += size
		if total > uint64(o.maxSize()) {
			return w.errorf("xlsx_too_large", msg.DataBookTooLarge,
				formatSize(o.maxSize()))
		}
	}
	return nil
}

// partKey is how a part is looked up: OPC part names are case-insensitive.
func partKey(name string) string { return strings.ToLower(strings.TrimPrefix(name, "/")) }

// formatSize writes a byte count for a message: 256 MiB, 2.5 GiB.
func formatSize(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		switch {
		case n >= u.size && n%u.size == 0:
			return fmt.Sprintf("%d %s", n/u.size, u.name)
		case n >= u.size:
			return fmt.Sprintf("%.1f %s", float64(n)/float64(u.size), u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// open returns a scanner of the part, or nil when the workbook has none.
func (w *xlsxBook) open(part string) (*xmlScanner, io.Closer, error) {
	f := w.parts[partKey(part)]
	if f == nil {
		return nil, nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, w.damaged(part, err)
	}
	return newXMLScanner(rc, maxText), rc, nil
}

// rel is a relationship of a part: its id, type URI and the part it
// targets.
type rel struct {
	id, typ, target string
}

// rels reads the relationships of part, in the order of the file.
func (w *xlsxBook) rels(part string) ([]rel, error) {
	dir, file := path.Split(part)
	relsPart := dir + "_rels/" + file + ".rels"
	x, c, err := w.open(relsPart)
	if x == nil {
		return nil, err
	}
	defer c.Close()
	var out []rel
	for k := x.next(); k != tokEOF; k = x.next() {
		if k != tokStart || !x.is("Relationship") {
			continue
		}
		if strings.EqualFold(string(x.attr("TargetMode")), "External") {
			continue
		}
		target := string(x.attr("Target"))
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		out = append(out, rel{id: string(x.attr("Id")), typ: string(x.attr("Type")), target: target})
	}
	if err := x.Err(); err != nil {
		return nil, w.damaged(relsPart, err)
	}
	return out, nil
}

func relByID(rels []rel, id string) (rel, bool) {
	for _, r := range rels {
		if r.id == id {
			return r, true
		}
	}
	return rel{}, false
}

// readStructure finds the workbook part, its sheets, styles and shared
// strings.
func (w *xlsxBook) readStructure() error {
	book := "xl/workbook.xml"
	root, err := w.rels("")
	if err != nil {
		return err
	}
	for _, r := range root {
		if strings.HasSuffix(r.typ, relOfficeDocument) {
			book = r.target
			break
		}
	}
	bookRels, err := w.rels(book)
	if err != nil {
		return err
	}
	x, c, err := w.open(book)
	if err != nil {
		return err
	}
	if x == nil {
		return w.errorf("read_error", msg.DataNoBookPart, book)
	}
	defer c.Close()
	for k := x.next(); k != tokEOF; k = x.next() {
		if k != tokStart {
			continue
		}
		switch {
		case x.is("workbookPr"):
			v := string(x.attr("date1904"))
			w.date1904 = v == "1" || v == "true"
		case x.is("sheet"):
			r, ok := relByID(bookRels, string(x.attr("id")))
			if !ok {
				return w.damaged(book, w.detail(msg.DataSheetNoPart, x.attr("name")))
			}
			// Chart sheets and dialog sheets hold no cells.
			if strings.HasSuffix(r.typ, relWorksheet) {
				w.sheets = append(w.sheets, sheetRef{name: string(x.attr("name")), part: r.target})
			}
		}
	}
	if err := x.Err(); err != nil {
		return w.damaged(book, err)
	}
	styles, strs := "", ""
	for _, r := range bookRels {
		switch {
		case strings.HasSuffix(r.typ, relStyles) && styles == "":
			styles = r.target
		case strings.HasSuffix(r.typ, relSharedStrings) && strs == "":
			strs = r.target
		}
	}
	if styles == "" {
		styles = "xl/styles.xml"
	}
	if strs == "" {
		strs = "xl/sharedStrings.xml"
	}
	if err := w.readStyles(styles); err != nil {
		return err
	}
	return w.readSharedStrings(strs)
}

// readStyles reads the number format of every cell style.
func (w *xlsxBook) readStyles(part string) error {
	x, c, err := w.open(part)
	if x == nil {
		return err
	}
	defer c.Close()
	custom := map[int]string{}
	var ids []int
	inXfs := false
	for k := x.next(); k != tokEOF; k = x.next() {
		switch {
		case k == tokStart && x.is("numFmt"):
			id, err := strconv.Atoi(string(x.attr("numFmtId")))
			if err != nil {
				return w.damaged(part, w.detail(msg.DataNumFmtID, x.attr("numFmtId")))
			}
			custom[id] = string(x.attr("formatCode"))
		case k == tokStart && x.is("cellXfs"):
			inXfs = true
		case k == tokEnd && x.is("cellXfs"):
			inXfs = false
		case k == tokStart && inXfs && x.is("xf"):
			id := 0
			if v := x.attr("numFmtId"); v != nil {
				if id, err = strconv.Atoi(string(v)); err != nil {
					return w.damaged(part, w.detail(msg.DataNumFmtID, v))
				}
			}
			ids = append(ids, id)
		}
	}
	if err := x.Err(); err != nil {
		return w.damaged(part, err)
	}
	// A format is classified once per style, not once per cell.
	byID := map[int]cellFormat{}
	w.styles = make([]cellFormat, len(ids))
	for i, id := range ids {
		f, ok := byID[id]
		if !ok {
			code, isCustom := custom[id]
			if !isCustom {
				code = builtinFormat(id)
			}
			f = classifyFormat(code)
			byID[id] = f
		}
		w.styles[i] = f
	}
	return nil
}

// readSharedStrings reads the shared string table: each item's text, the
// runs of rich text joined, phonetic guides (rPh) left out.
func (w *xlsxBook) readSharedStrings(part string) error {
	x, c, err := w.open(part)
	if x == nil {
		return err
	}
	defer c.Close()
	var text []byte
	inSI, inT, rph := false, false, 0
	for k := x.next(); k != tokEOF; k = x.next() {
		switch k {
		case tokStart:
			switch {
			case x.is("si"):
				inSI, text = true, text[:0]
			case x.is("rPh"):
				rph++
			case x.is("t"):
				inT = true
			}
		case tokEnd:
			switch {
			case x.is("si"):
				w.sst = append(w.sst, unescapeOOXML(string(text)))
				inSI = false
			case x.is("rPh"):
				rph--
			case x.is("t"):
				inT = false
			}
		case tokText:
			if inSI && inT && rph == 0 {
				if len(text)+len(x.text) > maxText {
					return w.damaged(part, w.detail(msg.DataLongString, len(w.sst), maxText))
				}
				text = append(text, x.text...)
			}
		}
	}
	if err := x.Err(); err != nil {
		return w.damaged(part, err)
	}
	return nil
}

// unescapeOOXML decodes the _xHHHH_ escapes OOXML writes for characters XML
// cannot hold (_x000D_ for a carriage return); _x005F_ escapes the _ of a
// literal "_x0041_".
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				if n == 0x5F {
					b.WriteByte('_')
				} else {
					b.WriteRune(rune(n))
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
