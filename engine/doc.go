// Package engine compiles a ruleset and evaluates units: the library API of
// jixiao. The command line is a thin layer over it. The main flow (Example
// runs it):
//
//	rs, err := rulesets.Open("dept-2013")        // or a YAML file
//	prog, err := engine.Compile(rs, nil)         // nil: the default Options
//	src, err := data.Open(path, data.NewSchema(prog.Ruleset()))
//	sum, err := report.Write(ctx, w, format, report.Options{}, report.NewMeta(prog, nil), prog, src)
//
// The flow follows the stages of the data:
//
//	rulesets.Open / LoadFile / Load  ruleset YAML → *indicators.Ruleset (package rulesets:
//	                                 strict, positioned errors, the indicator library)
//	engine.Compile                   every formula type-checked once by expr against the
//	                                 ruleset's inputs → *engine.Program; Options for
//	                                 workers, explanations, traces, claims and limits
//	data.Open / data.Source          reported data → indicators.Unit, one at a time
//	(*Program).Stream                units as they are read → a Sink: points, totals, grades,
//	                                 ranks, summary; the one evaluation (see Streaming)
//	report.Sink / report.Write       a Sink for every output format (table, JSON, CSV, ...)
//	(*Program).Eval / EvalUnit       Stream into a sink that keeps every result → *engine.Result;
//	                                 one unit on its own
//	review.Of (package review)       claims (复核) → units in review order, summary
//
// A Program is immutable and safe for concurrent use: Compile keeps its
// own copy of the ruleset, (*Program).Ruleset returns a copy, and each
// worker keeps its own scratch state and expr VM. Formulas that are
// plain arithmetic over numeric inputs run as typed float64 closures over
// an array of the unit's inputs (fast.go), with operands that are inputs or
// constants read in place; the rest run on expr's VM. Both give the same
// bits: tests compare them on every formula of the built-in and
// conformance rulesets and on fuzzed formulas and inputs.
//
// Scoring follows 财预〔2020〕10号 (docs/计分规则.md) (see package indicators for
// the arithmetic): points are clamped to [0, weight] and rounded as Excel's
// ROUND; a division by zero, NaN or ±Inf sets status error and scores 0;
// 不适用 removes an indicator and rescales the total to 100; a missing input
// scores 0 with status missing, or fails the unit under missing: error.
//
// Claims (claimed.<indicator id>, claimed.score, claimed.grade in the data)
// never change a score: each unit is scored by the rules and its claims are
// set beside the result, with a finding wherever they depart by more than
// the tolerance (review.go says how claims meet N/A, missing and error
// indicators, and partial tables).
//
// Explanations (Options.Explain) are built only when asked for, from the
// values recorded while scoring, by appending to a per-worker buffer, so
// the plain path formats no strings. With
// Options.Trace every indicator result also carries its Steps: each
// sub-expression of the branch actually taken with the unit's numbers and
// its value, the scoring rule and the rounding (steps.go); failed checks
// carry theirs. jixiao explain asks for both.
//
// The tuning tools work on the same compiled program:
//
//	engine.Lint(rs)                  what cannot run (errors) and what is suspect (warnings),
//	                                 found from the static ranges of the formulas (ranges.go)
//	diff.Diff(old, new)              two results of the same units → *diff.Comparison (package
//	                                 diff): per unit changes, grade migration, causes by indicator
//	(*Program).TargetRules           the target branches an indicator can reach, which the
//	                                 test runner (package tester) counts its cases against
//
// Rulesets are written by people, so formulas are bounded (limits.go): at
// most Options.MaxNodes nodes, only the builtins scoring needs, and per unit a
// memory budget, a number of loop steps and a time limit. What can be
// known from the ruleset alone is refused by Compile with its position; a
// unit whose data makes a formula exceed a limit fails with the reason and
// the other units are scored. No panic crosses the package boundary: Compile
// turns one into an error, and evaluation fails only the unit it happened
// in, except for runtime errors (bugs), which are panicked again.
//
// # Streaming
//
// Stream scores any number of units in memory that does not grow with
// their number. It reads in two passes over its own records, never over
// the data:
//
//  1. Score. One goroutine reads the data: a plain Source unit by unit, a
//     chunked source (NextChunk: data's CSV reader) as raw chunks cut at record
//     boundaries, which the workers decode. A worker per core decodes,
//     scores (into a reused result: no allocation per unit) and
//     renders each unit through Sink.Render into a record with a hole where
//     the rank goes (report's formats do), noting beside it
//     the unit's score in cents, grade, flags and id hash. A collector
//     takes the chunks back in input order, with a bounded number in
//     flight, and keeps only counts: units per score in cents (an array up
//     to the ruleset's highest score), per grade, failures, claims, failed
//     checks, and the ids in Bloom filters (5 MB for the first 4 million
//     ids, then a chain of larger ones).
//     Records go to a spill: memory up to Options.SpillMemory, then a temporary
//     file; the ids with their keys to a second, smaller spill.
//  2. Settle duplicates. An id the filters say may have been seen is a
//     suspect; when there are any, one read of the id spill finds, exactly,
//     the units whose id appeared before. They fail with duplicate_unit and
//     leave the counts.
//  3. Emit. The rank of a score is one more than the number of units above
//     it, read off the counts; Sink.Start gets the summary, then Sink.Emit
//     every record from the spill, in input order, with its rank (a
//     duplicate is rendered again as the failed unit it is). A sink that
//     orders its units (see Sink; report's tables, sorted by rank, and any format with
//     --sort) gets them in its order
//     instead: the collector noted where each record lies and its key, 40
//     bytes a unit, and emit sorts those and reads each record back from
//     the spill.
//
// Two readings of the data replace the record spill where the data is a
// file that can be read again: a sink whose records render the same in
// either pass (json; csv with explanations; monitor's json, html and
// xlsx) has each unit scored once more and emitted as it comes
// (reread.go), the first pass making no explanations; a sink that orders its units and asks for it (the
// xlsx) has them emitted a band of its order at a time, each band a
// reading that keeps only that band's records in memory (bands.go).
//
// A sink that renders from few fields of each result (monitor's csv)
// has compact records spilled instead of rendered ones, and the workers
// render them once the ranks are known (compact.go): the data is read
// once, from a file or a pipe.
//
// Memory is the chunks in flight, the counts and the filters (and the
// places of the records for a sink that orders); the records sit in the page
// cache, not in the process.
// Output is the same bytes whatever the number of workers: records are
// made per unit and emitted in input order (or a stable sort of it).
package engine
