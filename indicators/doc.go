// Package indicators is the indicator model of jixiao: rulesets, inputs,
// indicators and their scoring forms; the reported data of one unit, cell by
// cell; the scoring methods of 财预〔2020〕10号 as pure arithmetic on already
// evaluated values; Excel-style rounding; and the embedded indicator library
// (指标库) of standard definitions.
//
// Nothing here evaluates formulas: package engine compiles and runs them and
// hands the numbers to the functions of this package, so that every scoring
// rule can be tested with a plain table.
package indicators
