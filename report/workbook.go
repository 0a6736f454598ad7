package report

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/spill"
)

// Shared workbook plumbing for the xlsx and selfeval formats: a file whose
// bytes are the same on every run, document properties with provenance,
// and the styles both use.

// newWorkbook returns an empty workbook to be written to w, with its first
// sheet renamed to first, and the zip writer it writes its parts through
// (see sortedZip), which takes parts of the caller's too.
func newWorkbook(first string, m Meta, w io.Writer) (*excelize.File, *sortedZip, error) {
	f := excelize.NewFile()
	mod := m.Stamp
	if mod.IsZero() {
		mod = zipEpoch
	}
	z := &sortedZip{w: w, mod: mod, parts: map[string]*zipPart{}}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return nil, nil, err
	}
	return f, z, nil
}

// sortedZip is the zip writer of a workbook: excelize writes the parts of
// streamed sheets in map order, which changes from run to run, so this
// writer holds every part and writes them sorted by name
// ([Content_Types].xml first, as Office does) when the workbook closes.
// Parts are held deflated, as they are written, one after another in a
// store: in memory up to zipStoreMem, then in a temporary file, so that
// the comparison sheet of a million units (about 300 MB deflated) does
// not sit in memory. Entries carry the report's stamp as their time, or
// the zip epoch, so equal workbooks are equal bytes.
//
// A part named in replace is not written as excelize gives it (in one
// write) but by the function, from excelize's bytes: to add to them, or
// to write the part by hand.
type sortedZip struct {
	w       io.Writer
	mod     time.Time
	parts   map[string]*zipPart
	last    *zipPart      // the part being written
	flate   *flate.Writer // reused from part to part
	store   *spill.Spill  // made by the first part
	replace map[string]func(w io.Writer, b []byte) error
	// direct are the parts written beside the others, as they come (the
	// xlsx's 评分表 and 未通过, a row per unit): each deflates into a store
	// of its own; what excelize writes under their names is dropped.
	direct map[string]*directPart
	// file, when set, is the output the workbook goes to, from base on,
	// which the largest direct part is written into as it comes (toFile).
	file   outputFile
	base   int64
	gap    int64  // fileGap; tests make it small
	inFile string // the name of that part
}

// directPart is a part written beside the others (sortedZip.Direct).
type directPart struct {
	zipPart
	flate *parallelFlate
	done  bool
	// In the output file (toFile): where it is written, through buf.
	at  *fileAt
	buf *bufio.Writer
}

func (d *directPart) Write(b []byte) (int, error) {
	if d.done {
		return 0, internalf("sortedZip: write to a part after it was closed")
	}
	d.crc.Write(b)
	d.size += uint64(len(b))
	return d.flate.Write(b)
}

// Close ends the part.
func (d *directPart) Close() error {
	if d.done {
		return nil
	}
	d.done = true
	if err := d.flate.Close(); err != nil {
		return err
	}
	if d.buf != nil {
		err := d.buf.Flush()
		d.end = d.at.off
		return err
	}
	d.end = d.store.Len()
	return nil
}

// Direct starts a part to be written beside the others until it is
// closed, and written in its place among them at the end. The first big
// one goes into the output file when the zip has one.
func (z *sortedZip) Direct(name string, big bool) (io.WriteCloser, error) {
	if _, ok := z.direct[name]; ok {
		return nil, internalf("sortedZip: %s is written twice", name)
	}
	store := spill.New(zipStoreMem)
	d := &directPart{zipPart: zipPart{z: z, crc: crc32.NewIEEE(), store: store}, flate: newParallelFlate(store, 5)}
	if z.direct == nil {
		z.direct = map[string]*directPart{}
	}
	z.direct[name] = d
	if big && z.file != nil && z.inFile == "" {
		z.inFile = name
		store.Close()
		d.toFile(z.file, z.base, z.gap)
	}
	return d, nil
}

// replaced is a part that replace writes.
type replaced struct {
	w  io.Writer
	fn func(w io.Writer, b []byte) error
}

func (r *replaced) Write(b []byte) (int, error) {
	if r.fn == nil {
		return 0, internalf("sortedZip: a part to replace is written twice")
	}
	fn := r.fn
	r.fn = nil
	return len(b), fn(r.w, b)
}

// zipPart is one deflated part: where it lies in the store and what its
// zip header needs.
type zipPart struct {
	z          *sortedZip
	start, end int64
	crc        hash.Hash32
	size       uint64
	store      *spill.Spill // where it lies: the zip's store, or a direct part's own
}

// zipStoreMem is how many deflated bytes a workbook keeps in memory
// before the rest go to a temporary file.
const zipStoreMem = 32 << 20

// zipEpoch is the earliest time a zip entry can carry (MS-DOS dates).
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Create starts a part; like zip.Writer's, it ends the one before.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, ok := z.direct[name]; ok {
		// excelize's copy of a sheet written directly: empty, dropped.
		if err := z.finish(); err != nil {
			return nil, err
		}
		return io.Discard, nil
	}
	w, err := z.create(name)
	if fn := z.replace[name]; fn != nil && err == nil {
		delete(z.replace, name)
		return &replaced{w: w, fn: fn}, nil
	}
	return w, err
}

func (z *sortedZip) create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if z.store == nil {
		z.store = spill.New(zipStoreMem)
	}
	p := &zipPart{z: z, crc: crc32.NewIEEE(), start: z.store.Len(), store: z.store}
	if z.flate == nil {
		// Level 5, as archive/zip deflates.
		fw, err := flate.NewWriter(z.store, 5)
		if err != nil {
			return nil, err
		}
		z.flate = fw
	} else {
		z.flate.Reset(z.store)
	}
	z.parts[name], z.last = p, p
	return p, nil
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p != p.z.last {
		return 0, internalf("sortedZip: write to a part after the next was created")
	}
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.z.flate.Write(b)
}

// finish ends the part being written.
func (z *sortedZip) finish() error {
	if z.last == nil {
		return nil
	}
	err := z.flate.Close()
	z.last.end = z.store.Len()
	z.last = nil
	return err
}

func (z *sortedZip) AddFS(fs.FS) error {
	return internalf("sortedZip: AddFS is not supported")
}

func (z *sortedZip) Close() error {
	if z.store != nil {
		defer z.store.Close()
	}
	for _, d := range z.direct {
		if d.store != nil {
			defer d.store.Close()
		}
	}
	for name := range z.replace {
		return internalf("workbook: excelize wrote no %s", name)
	}
	if err := z.finish(); err != nil {
		return err
	}
	names := make([]string, 0, len(z.parts)+len(z.direct))
	for n := range z.parts {
		names = append(names, n)
	}
	for n, d := range z.direct {
		if !d.done {
			return internalf("workbook: %s was not closed", n)
		}
		if _, ok := z.parts[n]; ok {
			return internalf("workbook: %s is written twice", n)
		}
		z.parts[n] = &d.zipPart
		names = append(names, n)
	}
	const types = "[Content_Types].xml"
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == types) != (names[j] == types) {
			return names[i] == types
		}
		return names[i] < names[j]
	})
	date, clock := msDosTime(z.mod.UTC())
	write := func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, n := range names {
			p := z.parts[n]
			fw, err := zw.CreateRaw(&zip.FileHeader{
				Name: n, Method: zip.Deflate, CreatorVersion: 20, ReaderVersion: 20,
				ModifiedDate: date, ModifiedTime: clock,
				CRC32: p.crc.Sum32(), CompressedSize64: uint64(p.end - p.start), UncompressedSize64: p.size,
			})
			if err != nil {
				return err
			}
			var sec io.Reader
			if p.store != nil {
				if sec, err = p.store.Section(p.start, p.end); err != nil {
					return err
				}
			} else {
				// In the output file (writeFile).
				sec = io.NewSectionReader(z.file, p.start, p.end-p.start)
			}
			if _, err := io.Copy(fw, sec); err != nil {
				return fmt.Errorf("workbook: %w", err)
			}
		}
		return zw.Close()
	}
	if z.inFile != "" {
		return z.writeFile(names, z.inFile, write)
	}
	return write(z.w)
}

// msDosTime is t as the date and time fields of a zip header (two-second
// steps, years from 1980).
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (max(t.Year(), 1980)-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// coreTimes matches the creation and modification times of the core
// properties, which excelize's template fills with a fixed date of its own.
var coreTimes = regexp.MustCompile(`<dcterms:(created|modified)[^>]*>[^<]*</dcterms:(created|modified)>`)

// setProperties writes the provenance into the workbook's document
// properties: title, subject, a description of every field, and one custom
// property per field (ruleset, ruleset.sha256, data, data.sha256, time).
// The created and modified times are the stamp when one was given, and
// absent otherwise.
func setProperties(f *excelize.File, m Meta, subject string) error {
	var desc []string
	for _, p := range Provenance(m) {
		desc = append(desc, p.Label+"："+p.Value)
	}
	props := &excelize.DocProperties{
		Title:          title(m),
		Subject:        subject,
		Creator:        "jixiao",
		LastModifiedBy: "jixiao",
		Description:    strings.Join(desc, "\n"),
		Keywords:       strings.Join([]string{"绩效自评", m.Ruleset.ID, m.Ruleset.Version}, ", "),
		Identifier:     m.Ruleset.ID + "@" + m.Ruleset.Version,
		Version:        m.Ruleset.Version,
	}
	if !m.Stamp.IsZero() {
		props.Created = m.Stamp.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return internalf("document properties: %w", err)
	}
	if m.Stamp.IsZero() {
		const core = "docProps/core.xml"
		if b, ok := f.Pkg.Load(core); ok {
			f.Pkg.Store(core, coreTimes.ReplaceAll(b.([]byte), nil))
		}
	}
	for _, p := range Provenance(m) {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "jixiao." + p.Key, Value: p.Value}); err != nil {
			return internalf("document properties: %w", err)
		}
	}
	return nil
}

// gradeColours are the fill and font colours of the grade bands, best
// first (green, blue, amber, red, as spreadsheet users read them); bands
// past the fourth are grey.
var gradeColours = [][2]string{
	{"C6EFCE", "006100"},
	{"DDEBF7", "1F4E78"},
	{"FFEB9C", "9C5700"},
	{"FFC7CE", "9C0006"},
}

// gradeColour returns the fill and font colour of band i.
func gradeColour(i int) (fill, font string) {
	if i >= 0 && i < len(gradeColours) {
		return gradeColours[i][0], gradeColours[i][1]
	}
	return "EDEDED", "404040"
}

// Colours of marked cells, by Mark.Class.
var markFill = map[string]string{"na": "EDEDED", "missing": "FCE4D6", "error": "FFC7CE", "overshoot": "E2EFDA", "penalty": "FFEB9C", "check": "F8CBAD"}

// styles builds cell styles from a small description, caching them.
type styles struct {
	f     *excelize.File
	cache map[styleKey]int
	err   error
}

// styleKey describes a cell style.
type styleKey struct {
	numFmt  string // custom number format, "" for General
	bold    bool
	size    float64
	fill    string
	font    string // font colour
	align   string // horizontal alignment
	wrap    bool
	border  bool
	valign  string
	italics bool
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, cache: map[styleKey]int{}}
}

// id returns the style id of k, creating it on first use. An error is kept
// and reported by the writer at the end.
func (s *styles) id(k styleKey) int {
	if id, ok := s.cache[k]; ok {
		return id
	}
	st := &excelize.Style{Font: &excelize.Font{Bold: k.bold, Size: k.size, Color: k.font, Italic: k.italics}}
	if k.numFmt != "" {
		nf := k.numFmt
		st.CustomNumFmt = &nf
	}
	if k.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{k.fill}}
	}
	if k.align != "" || k.wrap || k.valign != "" {
		st.Alignment = &excelize.Alignment{Horizontal: k.align, WrapText: k.wrap, Vertical: k.valign}
	}
	if k.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "808080", Style: 1})
		}
	}
	id, err := s.f.NewStyle(st)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.cache[k] = id
	return id
}

// cellName is the A1 name of column col (from 1) in row.
func cellName(col, row int) string {
	return colLetter(col-1) + fmt.Sprint(row)
}

// ptr returns a pointer to v, for excelize's optional settings.
func ptr[T any](v T) *T { return &v }

// Number formats.
const (
	fmtPoints  = "0.00"
	fmtPercent = "0.00%"
	fmtInt     = "0"
)
