package msg

// ruleMessages are the messages of the ruleset loader (rulesets, indicators), the engine's compile and scoring, and the tests (tester).
var ruleMessages = map[Code]entry{}
