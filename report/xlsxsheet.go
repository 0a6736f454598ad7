package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rowSheet is a sheet written row by row: excelize's StreamWriter, or
// partSheet.
type rowSheet interface {
	SetColWidth(min, max int, width float64) error
	SetPanes(p *excelize.Panes) error
	SetRow(cell string, values []any, opts ...excelize.RowOpts) error
	MergeCell(top, bottom string) error
	Flush() error
}

// partSheet writes a sheet of the xlsx straight into its zip part
// (sortedZip.Direct), deflated as the rows come, the same bytes as
// excelize's StreamWriter gives for the calls the xlsx makes (held by
// TestXLSXSheetsAsExcelize). excelize's writer keeps the sheet's XML in a
// temporary file until the workbook is written: for a million units, 2.3
// GB for 评分表 and 未通过, several times the workbook.
type partSheet struct {
	w        io.WriteCloser
	selected bool   // the sheet's tab is the one selected
	footer   string // the printed pages' footer
	cols     []string
	pane     string
	merges   []string
	started  bool
	buf      []byte
}

func newPartSheet(w io.WriteCloser, selected bool, footer string) *partSheet {
	return &partSheet{w: w, selected: selected, footer: footer}
}

func (s *partSheet) SetColWidth(min, max int, width float64) error {
	if s.started {
		return internalf("sheet: column widths set after a row")
	}
	if min < 1 || max > excelize.MaxColumns || min > max {
		return excelize.ErrColumnNumber
	}
	if width > excelize.MaxColumnWidth {
		return excelize.ErrColumnWidth
	}
	s.cols = append(s.cols, fmt.Sprintf(`<col min="%d" max="%d" width="%s" customWidth="1"/>`, min, max, strconv.FormatFloat(width, 'f', -1, 64)))
	return nil
}

func (s *partSheet) SetPanes(p *excelize.Panes) error {
	if s.started {
		return internalf("sheet: panes set after a row")
	}
	var b strings.Builder
	b.WriteString(`<pane`)
	attr := func(name, v string) {
		if v != "" && v != "0" {
			fmt.Fprintf(&b, ` %s="%s"`, name, v)
		}
	}
	state := ""
	if p.Freeze {
		state = "frozen"
	}
	attr("activePane", p.ActivePane)
	attr("state", state)
	attr("topLeftCell", p.TopLeftCell)
	attr("xSplit", strconv.Itoa(p.XSplit))
	attr("ySplit", strconv.Itoa(p.YSplit))
	b.WriteString(`></pane>`)
	s.pane = b.String()
	return nil
}

// start writes what comes before the rows.
func (s *partSheet) start() error {
	if s.started {
		return nil
	}
	s.started = true
	var b strings.Builder
	b.WriteString(xml.Header + `<worksheet` + excelizeNamespaces)
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="true"></pageSetUpPr></sheetPr><dimension ref="A1"></dimension><sheetViews><sheetView`)
	if s.selected {
		b.WriteString(` tabSelected="true"`)
	}
	b.WriteString(` workbookViewId="0">` + s.pane + `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"></sheetFormatPr>`)
	if len(s.cols) > 0 {
		// excelize lists the widths set one column at a time last first.
		b.WriteString("<cols>")
		for i := len(s.cols) - 1; i >= 0; i-- {
			b.WriteString(s.cols[i])
		}
		b.WriteString("</cols>")
	}
	b.WriteString("<sheetData>")
	_, err := io.WriteString(s.w, b.String())
	return err
}

func (s *partSheet) SetRow(cell string, values []any, opts ...excelize.RowOpts) error {
	if err := s.start(); err != nil {
		return err
	}
	b, err := appendRow(s.buf[:0], cell, values, opts...)
	if err != nil {
		return err
	}
	s.buf = b
	_, err = s.w.Write(b)
	return err
}

func (s *partSheet) MergeCell(top, bottom string) error {
	s.merges = append(s.merges, top+":"+bottom)
	return nil
}

// Flush writes what comes after the rows and closes the part.
func (s *partSheet) Flush() error {
	if err := s.start(); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("</sheetData>")
	if len(s.merges) > 0 {
		fmt.Fprintf(&b, `<mergeCells count="%d">`, len(s.merges))
		for _, m := range s.merges {
			fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
		}
		b.WriteString("</mergeCells>")
	}
	b.WriteString(`<pageSetup fitToHeight="0" fitToWidth="1" orientation="landscape" paperSize="9"></pageSetup>`)
	b.WriteString(`<headerFooter><oddFooter>`)
	xml.EscapeText(&b, []byte(s.footer))
	b.WriteString(`</oddFooter></headerFooter></worksheet>`)
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return err
	}
	return s.w.Close()
}

// excelizeNamespaces is what excelize's StreamWriter writes after
// <worksheet (its templateNamespaceIDMap, v2.11.1).
const excelizeNamespaces = ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:ap="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:op="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" xmlns:comp="http://schemas.openxmlformats.org/drawingml/2006/compatibility" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:lc="http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:xne="http://schemas.microsoft.com/office/excel/2006/main" xmlns:mso="http://schemas.microsoft.com/office/2006/01/customui" xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" xmlns:cppr="http://schemas.microsoft.com/office/2006/coverPageProps" xmlns:cdip="http://schemas.microsoft.com/office/2006/customDocumentInformationPanel" xmlns:ct="http://schemas.microsoft.com/office/2006/metadata/contentType" xmlns:ntns="http://schemas.microsoft.com/office/2006/metadata/customXsn" xmlns:lp="http://schemas.microsoft.com/office/2006/metadata/longProperties" xmlns:ma="http://schemas.microsoft.com/office/2006/metadata/properties/metaAttributes" xmlns:msink="http://schemas.microsoft.com/ink/2010/main" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart" xmlns:cdr14="http://schemas.microsoft.com/office/drawing/2010/chartDrawing" xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" xmlns:pic14="http://schemas.microsoft.com/office/drawing/2010/picture" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xdr14="http://schemas.microsoft.com/office/excel/2010/spreadsheetDrawing" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:mso14="http://schemas.microsoft.com/office/2009/07/customui" xmlns:dgm14="http://schemas.microsoft.com/office/drawing/2010/diagram" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x12ac="http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xmlns:xr4="http://schemas.microsoft.com/office/spreadsheetml/2016/revision4" xmlns:xr5="http://schemas.microsoft.com/office/spreadsheetml/2016/revision5" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr7="http://schemas.microsoft.com/office/spreadsheetml/2016/revision7" xmlns:xr8="http://schemas.microsoft.com/office/spreadsheetml/2016/revision8" xmlns:xr9="http://schemas.microsoft.com/office/spreadsheetml/2016/revision9" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr11="http://schemas.microsoft.com/office/spreadsheetml/2016/revision11" xmlns:xr12="http://schemas.microsoft.com/office/spreadsheetml/2016/revision12" xmlns:xr13="http://schemas.microsoft.com/office/spreadsheetml/2016/revision13" xmlns:xr14="http://schemas.microsoft.com/office/spreadsheetml/2016/revision14" xmlns:xr15="http://schemas.microsoft.com/office/spreadsheetml/2016/revision15" xmlns:x16="http://schemas.microsoft.com/office/spreadsheetml/2014/11/main" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" mc:Ignorable="c14 cdr14 a14 pic14 x14 xdr14 x14ac dsp mso14 dgm14 x15 x12ac x15ac xr xr2 xr3 xr4 xr5 xr6 xr7 xr8 xr9 xr10 xr11 xr12 xr13 xr14 xr15 x15 x16 x16r2 mo mx mv o v" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xr:uid="{00000000-0001-0000-0000-000000000000}">`
