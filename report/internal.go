package report

import "fmt"

// internalf is the error of a broken invariant of this package (a record
// cut short, a workbook part written twice): a bug of jixiao, never the
// user's mistake, so it is worded for whoever fixes it, in English, and
// says it is internal. The errors a user can cause are the catalogue's
// (internal/msg/report.go), in the run's language; TestReportMessages
// holds package report to that.
func internalf(format string, args ...any) error {
	return fmt.Errorf("report: internal error: "+format, args...)
}
