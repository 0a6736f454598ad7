package engine

import (
	"fmt"
	"runtime"
)

// Option configures Compile and evaluation: only what a ruleset file cannot
// say (parallelism, limits, explanations).
type Option func(*config) error

type config struct {
	workers   int
	maxNodes  uint
	explain   bool
	trace     bool
	tolerance float64
	noFast    bool
}

// Defaults and limits live in one place.
func newConfig(opts []Option) (config, error) {
	c := config{workers: runtime.NumCPU(), maxNodes: 500, tolerance: 0.01}
	for _, o := range opts {
		if err := o(&c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Workers sets how many goroutines evaluate units (default: one per core).
func Workers(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("workers must be at least 1, got %d", n)
		}
		c.workers = n
		return nil
	}
}

// Explain makes every indicator result carry its explanation. Off, the
// scoring path builds no strings.
func Explain(on bool) Option {
	return func(c *config) error { c.explain = on; return nil }
}

// Trace makes every indicator result carry its derivation step by step
// (IndicatorResult.Steps), and every failed check its own (CheckResult.Steps):
// each sub-expression of the branch taken with its value, the scoring rule
// with its numbers, the rounding. It is the detail jixiao explain prints,
// too costly to record for every unit of a large evaluation, so it is off
// unless asked for.
func Trace(on bool) Option {
	return func(c *config) error { c.trace = on; return nil }
}

// MaxNodes bounds the size of a formula's syntax tree (default 500).
func MaxNodes(n uint) Option {
	return func(c *config) error {
		if n == 0 {
			return fmt.Errorf("max nodes must be above 0")
		}
		c.maxNodes = n
		return nil
	}
}

// Tolerance sets how far a claimed score may lie from the rules' points
// before it is a finding (default 0.01).
func Tolerance(t float64) Option {
	return func(c *config) error {
		if t < 0 || t != t {
			return fmt.Errorf("tolerance must be 0 or more, got %v", t)
		}
		c.tolerance = t
		return nil
	}
}

// ExprOnly turns the fast path off, so every formula runs on expr's VM. It
// exists for tests and benchmarks that compare the two.
func ExprOnly() Option {
	return func(c *config) error { c.noFast = true; return nil }
}
