// Package planted holds the forms of a bare English error that
// TestReportScanFindsPlanted expects the scan of package report to find,
// and the forms it must pass. It is never built (testdata).
package planted

import (
	"errors"
	"fmt"

	"github.com/jixiao/jixiao/internal/msg"
)

func bare(n int) error {
	if n > 1 {
		return fmt.Errorf("--units: no unit %d in the data", n)
	}
	return errors.New("more units than a sheet holds")
}

func worded(p msg.Printer, n int) error {
	if n > 1 {
		return p.Errorf(msg.RepUnitsUnknown, n)
	}
	return internalf("sortedZip: %d is written twice", n)
}

func internalf(format string, args ...any) error {
	return fmt.Errorf("internal error: "+format, args...)
}

func wrap(name string, err error) error { return fmt.Errorf("sheet %s: %w", name, err) }
