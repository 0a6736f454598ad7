// Package cputime reads the CPU time of the process, for benchmarks on a
// busy machine: the wall clock counts the time other programs hold the
// cores, the CPU time only this program's work.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Now is the CPU time (user and system) the process has used so far.
func Now() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Report adds the metric cpu-ns/op to b: the CPU time per operation since
// start (a Now reading taken after b.ResetTimer).
func Report(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(Now()-start)/float64(b.N), "cpu-ns/op")
}
