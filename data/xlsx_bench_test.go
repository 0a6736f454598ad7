package data

import (
	"bytes"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/cputime"
)

// benchBook writes n units of bureauRuleset as a workbook: a title row,
// the header, then per row a code, a name, three numbers, a percent cell
// and a tier.
func benchBook(b *testing.B, n int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	num, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	sw.SetRow("A1", []any{"2022年部门整体支出绩效自评表"})
	sw.SetRow("A2", []any{"单位编码", "单位名称", "全年预算数", "全年执行数", "满意度", "完成率", "档次"})
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		x := float64(i%1000) + 0.25
		if err := sw.SetRow(cell, []any{
			"U" + string(rune('A'+i%26)) + itoa(i), "演示单位" + itoa(i%500),
			excelize.Cell{StyleID: num, Value: x * 3}, excelize.Cell{StyleID: num, Value: x * 2},
			excelize.Cell{StyleID: pct, Value: 0.9 + float64(i%100)/1000}, x / 1000, "B",
		}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		if i /= 10; i == 0 {
			return string(b)
		}
	}
}

// BenchmarkXLSX reads a workbook of 100,000 units (go test ./data -run XXX
// -bench XLSX -benchtime 1x): reader is this package's reader, every unit
// with its cell types and number formats; excelize-rows is excelize's row
// iterator as the reader used it before, values only; excelize-styles adds
// what excelize offers to learn each cell's format, GetCellStyle, which
// loads the whole sheet into memory.
func BenchmarkXLSX(b *testing.B) {
	const n = 100000
	book := benchBook(b, n)
	b.Logf("%d units, %d bytes", n, len(book))
	s := Options{Lang: "en"}.NewSchema(bureauRuleset())
	b.Run("reader", func(b *testing.B) {
		b.ReportAllocs()
		start := cputime.Now()
		defer func() { cputime.Report(b, start) }()
		for range b.N {
			src, err := Options{Lang: "en"}.OpenReader("b.xlsx", bytes.NewReader(book), s)
			if err != nil {
				b.Fatal(err)
			}
			units := 0
			for {
				u, err := src.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				if units == 0 && u.Values[2] != indicators.NumberValue(90) {
					b.Fatalf("unit %s: 满意度 %+v, want 90", u.ID, u.Values[2])
				}
				units++
			}
			src.Close()
			if units != n {
				b.Fatalf("%d units", units)
			}
		}
	})
	b.Run("excelize-rows", func(b *testing.B) {
		b.ReportAllocs()
		start := cputime.Now()
		defer func() { cputime.Report(b, start) }()
		for range b.N {
			f, err := excelize.OpenReader(bytes.NewReader(book), excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
			f.Close()
		}
	})
	b.Run("excelize-styles", func(b *testing.B) {
		b.ReportAllocs()
		start := cputime.Now()
		defer func() { cputime.Report(b, start) }()
		for range b.N {
			f, err := excelize.OpenReader(bytes.NewReader(book), excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			formats := map[int]int{} // style → number format, once per style
			for r := 1; rows.Next(); r++ {
				cells, err := rows.Columns(excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				for c := range cells {
					name, _ := excelize.CoordinatesToCellName(c+1, r)
					st, err := f.GetCellStyle("Sheet1", name)
					if err != nil {
						b.Fatal(err)
					}
					if _, ok := formats[st]; !ok {
						style, err := f.GetStyle(st)
						if err != nil {
							b.Fatal(err)
						}
						formats[st] = style.NumFmt
					}
				}
			}
			rows.Close()
			f.Close()
		}
	})
}
