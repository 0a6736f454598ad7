// Package engine compiles a ruleset and evaluates units: the library API of
// jixiao. The command line is a thin layer over it.
//
// The flow follows the stages of the data:
//
//	engine.Open / LoadFile / Load    ruleset YAML → *indicators.Ruleset (strict, positioned errors)
//	engine.Compile                   every formula type-checked once by expr against the
//	                                 ruleset's inputs → *engine.Program
//	data.Open / data.Source          reported data → indicators.Unit, one at a time
//	(*Program).Eval / EvalUnit       units → *engine.Result: points, totals, grades, ranks
//	(*Program).Review                claims (复核) → units in review order, summary
//	report.Write / WriteReview       results → table, JSON, ...
//
// A Program is immutable and safe for concurrent use; each worker of Eval
// keeps its own scratch state and expr VM. Formulas that are plain
// arithmetic over numeric inputs run as typed float64 closures (fast.go);
// the rest run on expr's VM. Both give the same numbers: a fuzz test holds
// them to it.
//
// Scoring follows DESIGN.md and 财预〔2020〕10号 (see package indicators for
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
// Explanations (the Explain option) are built only when asked for, from the
// values recorded while scoring, so the plain path formats no strings. With
// the Trace option every indicator result also carries its Steps: each
// sub-expression of the branch actually taken with the unit's numbers and
// its value, the scoring rule and the rounding (steps.go); failed checks
// carry theirs. jixiao explain asks for both.
//
// The tuning tools work on the same compiled program:
//
//	engine.Lint(rs)                  what cannot run (errors) and what is suspect (warnings),
//	                                 found from the static ranges of the formulas (ranges.go)
//	engine.Diff(old, new)            two results of the same units → *engine.Comparison:
//	                                 per unit changes, grade migration, causes by indicator
//	(*Program).RunCases / Coverage   the ruleset's own test cases, and the band rows, tiers
//	                                 and target branches they reached
//
// Rulesets are written by people, so formulas are bounded (limits.go): at
// most MaxNodes nodes, only the builtins scoring needs, a memory budget per
// formula run, a number of loop steps and a time limit per unit. What can be
// known from the ruleset alone is refused by Compile with its position; a
// unit whose data makes a formula exceed a limit fails with the reason and
// the other units are scored. No panic crosses the package boundary: Load,
// LoadCases and Compile turn one into an error, and evaluation fails only
// the unit it happened in, except for runtime errors (bugs), which are
// panicked again.
package engine
