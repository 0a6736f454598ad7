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

// reviewPrintSetup makes every sheet of the review workbook print as
// eval's do (printSetup: A4 landscape, one page wide, ruleset and page
// number in the footer), with its header row repeated on every page, so
// that a review printed for a meeting is not nine portrait pages of cut
// text.
func reviewPrintSetup(f *excelize.File, m Meta) error {
	for _, sheet := range []string{reviewSheetSummary, reviewSheetFindings, reviewSheetOthers} {
		if err := printSetup(f, sheet, m); err != nil {
			return err
		}
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + reviewTitleRows[sheet], Scope: sheet,
		}); err != nil {
			return err
		}
	}
	return nil
}
