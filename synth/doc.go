// Package synth makes synthetic reported data for any ruleset: populations
// of made-up units (Generator, behind `jixiao gen`) and their own
// self-evaluation claims, mostly right with the slips real 自评表 show
// (Claim, AddClaims, behind `jixiao gen --claims`). It is for trying a
// ruleset on a realistic population before adopting it, for `jixiao
// review` demonstrations, and for tests and benchmarks.
//
// Units are solved from the ruleset's own compiled formulas, which come in
// through the Formulas interface (engine.Probe provides it), and claims
// are drawn around what the rules give a unit (Scored, filled from an
// engine result). synth imports neither engine nor data, so that engine's
// and data's own tests and benchmarks can draw units from it; a caller
// that needs a generated row as an indicators.Unit reads it with
// data.Schema.Unit (Generator.Fields gives the row keyed by input id).
package synth
