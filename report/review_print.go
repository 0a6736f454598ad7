package report

import "github.com/xuri/excelize/v2"

// reviewTitleRows are the header rows each sheet of the review workbook
// repeats at the top of every printed page: the units' header on 复核汇总,
// the column headers on the others.
var reviewTitleRows = map[string]string{
	reviewSheetSummary:  "$8:$8",
	reviewSheetFindings: "$1:$1",
	reviewSheetOthers:   "$1:$1",
}

// reviewPrintTitles names the header rows each sheet of the review workbook
// repeats on every printed page. The sheets themselves are written by hand
// (sheetWriter: A4 landscape, one page wide, eval's footer), so that a review
// printed for a meeting is not nine portrait pages of cut text.
func reviewPrintTitles(f *excelize.File) error {
	for _, sheet := range []string{reviewSheetSummary, reviewSheetFindings, reviewSheetOthers} {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + reviewTitleRows[sheet], Scope: sheet,
		}); err != nil {
			return err
		}
	}
	return nil
}
