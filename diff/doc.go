// Package diff shows what a rule change does before it is adopted: the
// same units scored under two rulesets, the one in force (old) and a
// proposed one (new), compared unit by unit. It works on engine's results
// only, so the two evaluations are the caller's: compile each ruleset,
// read the units for each (each ruleset reads the data by its own inputs)
// and pass both results to Diff.
//
// A Comparison holds three views of the change:
//
//   - per unit (Unit), matched by unit id: the old and new score, grade and
//     rank, the change in score, and the indicators whose points changed.
//     A unit that failed, or is absent, on one side is not scored there
//     and has no change;
//   - the grade migration matrix (Migration): how many units went from
//     each old grade to each new grade, in band order, zeros included;
//   - the causes (IndicatorChange): for the whole population, each
//     indicator's points summed over the units scored on both sides,
//     before and after, largest change first. An indicator the change
//     adds or drops counts its points as gained or lost. The rules above
//     the row (Adjustments) and the 不适用 rescaling (Rescaling: a unit
//     with 不适用 indicators is scored Σ points ÷ Σ applicable weights ×
//     100, so its total moves by more or less than its points) are causes
//     too, per unit and summed: a unit's causes add up to its change.
//
// Moved picks the units that moved most. Package report writes a
// Comparison as a table, JSON, Markdown or an Excel workbook (jixiao diff).
package diff
