// Package rulesets reads rulesets: YAML → *indicators.Ruleset, the model
// package engine compiles. It also holds jixiao's built-in rulesets,
// embedded in the binary, and reads the indicator library (指标库).
//
//	rulesets.Open(ref)               a built-in id (IDs) or a file path; a path wins
//	                                 when both exist
//	rulesets.LoadFile / Load         a ruleset file or its bytes, with the test cases
//	                                 of NAME.test.yaml beside the file
//	rulesets.LoadCases               a NAME.test.yaml file of test cases
//	rulesets.Library / SearchLibrary the indicator library (indicators.LibraryYAML)
//
// Loading is strict: unknown keys, duplicate keys and ids, wrong types and
// bad scoring forms are errors with file, line and column (a diag.List
// holding every error found, sorted by position). An indicator that says
// use: ID is filled from the library entry ID, keeping what the ruleset
// wrote itself, and the entry's inputs are added unless the ruleset
// declares them. Formulas are not compiled here: engine.Compile
// type-checks them against the ruleset's inputs and names the position of
// an error inside a formula from what the loader recorded
// (indicators.Formula).
//
// Rulesets are written by people: a file that is not UTF-8 text (GB18030
// from an older editor) is named as such, and aliases (*name) that would
// make the loader read more than 200,000 keys are refused. No panic
// crosses the package boundary: Load and LoadCases turn one into an
// error, except for runtime errors (bugs), which are panicked again.
//
// The flow goes on in package engine: rulesets.Open → engine.Compile →
// evaluate → report.
package rulesets
