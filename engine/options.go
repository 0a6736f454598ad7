package engine

import (
	"fmt"
	"runtime"
	"time"
)

// Option configures Compile and evaluation: only what a ruleset file cannot
// say (parallelism, limits, explanations).
type Option func(*config) error

type config struct {
	workers   int
	maxNodes  uint
	memBudget uint
	maxSteps  int64
	timeout   time.Duration
	explain   bool
	trace     bool
	tolerance float64
	noFast    bool
	spill     int
}

// Defaults and limits live in one place (see limits.go for what each limit
// bounds and why).
func newConfig(opts []Option) (config, error) {
	c := config{
		workers:   runtime.NumCPU(),
		maxNodes:  defaultMaxNodes,
		memBudget: defaultMemoryBudget,
		maxSteps:  defaultMaxSteps,
		timeout:   defaultUnitTimeout,
		tolerance: 0.01,
		spill:     4 << 20,
	}
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

// maxNodesOpt bounds the size of a formula's syntax tree (default
// defaultMaxNodes, at most 10000). A formula over the limit is refused by
// Compile.
func maxNodesOpt(n uint) Option {
	return func(c *config) error {
		if n == 0 || n > capMaxNodes {
			return fmt.Errorf("max nodes must be between 1 and %d, got %d", capMaxNodes, n)
		}
		c.maxNodes = n
		return nil
	}
}

// memoryBudgetOpt bounds how many list elements the formulas of one unit may
// build together (default defaultMemoryBudget). Ranges of constant bounds
// over the budget, in one formula or in all the formulas every unit runs,
// are refused by Compile; a unit whose data makes its formulas exceed it
// fails with the reason.
func memoryBudgetOpt(n uint) Option {
	return func(c *config) error {
		if n == 0 || n > capMemoryBudget {
			return fmt.Errorf("memory budget must be between 1 and %d, got %d", capMemoryBudget, n)
		}
		c.memBudget = n
		return nil
	}
}

// maxStepsOpt bounds the loop steps (predicate bodies of map, filter, all,
// sum, reduce, ...) the formulas of one unit may run together (default
// defaultMaxSteps). Nested loops over lists of known length that may exceed
// it are refused by Compile; a unit that exceeds it fails with the reason.
func maxStepsOpt(n int64) Option {
	return func(c *config) error {
		if n < 1 || n > capMaxSteps {
			return fmt.Errorf("max steps must be between 1 and %d, got %d", capMaxSteps, n)
		}
		c.maxSteps = n
		return nil
	}
}

// unitTimeoutOpt bounds the time the formulas of one unit may take (default
// defaultUnitTimeout, at most a minute), checked inside loops and between
// the formulas that run on expr's VM. A unit over it fails with the
// reason and the others are scored. Being a time, it is the one limit whose
// outcome can depend on the machine; MaxSteps is hit first by any formula
// that is merely long.
func unitTimeoutOpt(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 || d > capUnitTimeout {
			return fmt.Errorf("unit timeout must be above 0 and at most %v, got %v", capUnitTimeout, d)
		}
		c.timeout = d
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

// exprOnly turns the fast path off, so every formula runs on expr's VM. It
// exists for tests and benchmarks that compare the two.
func exprOnly() Option {
	return func(c *config) error { c.noFast = true; return nil }
}

// SpillMemory sets how many bytes of rendered units Stream keeps in memory
// between its passes before it moves them to a temporary file (default 4
// MiB; 0 spills at once).
func SpillMemory(bytes int) Option {
	return func(c *config) error {
		if bytes < 0 {
			return fmt.Errorf("spill memory must be 0 or more, got %d", bytes)
		}
		c.spill = bytes
		return nil
	}
}
