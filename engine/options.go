package engine

import (
	"errors"
	"runtime"
	"time"

	"github.com/jixiao/jixiao/internal/msg"
)

// Options configures Compile and evaluation: only what a ruleset file
// cannot say (parallelism, explanations, claims, limits). The zero value,
// or a nil *Options, is the defaults; a field left at 0 keeps its default.
type Options struct {
	// Workers is how many goroutines evaluate units (0: one per core).
	Workers int
	// Explain makes every indicator result carry its explanation. Off,
	// the scoring path builds no strings.
	Explain bool
	// Trace makes every indicator result carry its derivation step by
	// step (IndicatorResult.Steps), and every failed check its own
	// (CheckResult.Steps): each sub-expression of the branch taken with
	// its value, the scoring rule with its numbers, the rounding. It is
	// the detail jixiao explain prints, too costly to record for every
	// unit of a large evaluation.
	Trace bool
	// Tolerance is how far a claimed score may lie from the rules' points
	// before it is a finding (0: 0.01; negative: none, any difference is
	// a finding, as net.Dialer's KeepAlive takes a negative for off).
	Tolerance float64
	// SpillMemory is how many bytes of rendered units Stream keeps in
	// memory between its passes before it moves them to a temporary file
	// (0: 4 MiB; negative: none, it spills at once).
	SpillMemory int
	// BandMemory is how many bytes of rendered units each pass keeps in
	// memory when Stream writes the units of a data file in an order of
	// their own by reading it again a band of that order at a time
	// (bands.go; 0: 64 MiB).
	BandMemory int

	// The limits on formulas (limits.go says what each bounds and why).
	// None can be switched off: a value over its cap is refused.

	// MaxNodes bounds the size of a formula's syntax tree (0: 500; at most
	// 10000). A formula over it is refused by Compile.
	MaxNodes uint
	// MemoryBudget bounds how many list elements the formulas of one unit
	// may build together (0: 1000000). Ranges of constant bounds over it,
	// in one formula or in all the formulas every unit runs, are refused
	// by Compile; a unit whose data makes its formulas exceed it fails
	// with the reason.
	MemoryBudget uint
	// MaxSteps bounds the loop steps (predicate bodies of map, filter,
	// all, sum, reduce, ...) the formulas of one unit may run together
	// (0: 1000000). Nested loops over lists of known length that may
	// exceed it are refused by Compile; a unit that exceeds it fails.
	MaxSteps int64
	// UnitTimeout bounds the time the formulas of one unit may take (0:
	// 5s; at most a minute), checked inside loops and between the
	// formulas that run on expr's VM. A unit over it fails with the
	// reason and the others are scored. Being a time, it is the one limit
	// whose outcome can depend on the machine; MaxSteps is hit first by
	// any formula that is merely long.
	UnitTimeout time.Duration
	// ExprOnly turns the fast path off, so every formula runs on expr's
	// VM: for tests and benchmarks that compare the two.
	ExprOnly bool
	// Lang is the language of the messages: "en" English, anything else
	// (the empty string too) Chinese.
	Lang string
}

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
	band      int
	pr        msg.Printer // words the messages in Options.Lang
}

// newConfig fills in the defaults and checks the limits; defaults live
// here and in limits.go only.
func newConfig(o *Options) (config, error) {
	if o == nil {
		o = &Options{}
	}
	c := config{
		workers:   o.Workers,
		maxNodes:  o.MaxNodes,
		memBudget: o.MemoryBudget,
		maxSteps:  o.MaxSteps,
		timeout:   o.UnitTimeout,
		explain:   o.Explain,
		trace:     o.Trace,
		tolerance: o.Tolerance,
		noFast:    o.ExprOnly,
		spill:     o.SpillMemory,
		band:      o.BandMemory,
		pr:        msg.For(o.Lang),
	}
	switch {
	case c.workers < 0:
		return c, errors.New(c.pr.Sprintf(msg.OptWorkers, c.workers))
	case c.maxNodes > capMaxNodes:
		return c, errors.New(c.pr.Sprintf(msg.OptMaxNodes, capMaxNodes, c.maxNodes))
	case c.memBudget > capMemoryBudget:
		return c, errors.New(c.pr.Sprintf(msg.OptMemory, capMemoryBudget, c.memBudget))
	case c.maxSteps < 0 || c.maxSteps > capMaxSteps:
		return c, errors.New(c.pr.Sprintf(msg.OptMaxSteps, capMaxSteps, c.maxSteps))
	case c.timeout < 0 || c.timeout > capUnitTimeout:
		return c, errors.New(c.pr.Sprintf(msg.OptTimeout, capUnitTimeout, c.timeout))
	case c.tolerance != c.tolerance:
		return c, errors.New(c.pr.Sprintf(msg.OptTolerance, c.tolerance))
	}
	if c.workers == 0 {
		c.workers = runtime.NumCPU()
	}
	if c.maxNodes == 0 {
		c.maxNodes = defaultMaxNodes
	}
	if c.memBudget == 0 {
		c.memBudget = defaultMemoryBudget
	}
	if c.maxSteps == 0 {
		c.maxSteps = defaultMaxSteps
	}
	if c.timeout == 0 {
		c.timeout = defaultUnitTimeout
	}
	switch {
	case c.tolerance == 0:
		c.tolerance = 0.01
	case c.tolerance < 0:
		c.tolerance = 0
	}
	if c.band <= 0 {
		c.band = defaultBandMemory
	}
	switch {
	case c.spill == 0:
		c.spill = 4 << 20
	case c.spill < 0:
		c.spill = 0
	}
	return c, nil
}
