package indicators

// Statuses of an indicator's result: how its points came about. The words
// are the JSON's and the tests' (expect: status).
const (
	StatusOK      = "ok"
	StatusMissing = "missing" // an input it reads is absent or blank
	StatusNA      = "na"      // an input it reads is 不适用: removed from the total
	StatusError   = "error"   // ÷0, NaN, ±Inf or a failing formula: scored 0
)

// Flags set on indicator results: what a reviewer should look at.
const (
	FlagOvershoot = "overshoot"  // value ≥ 1.2 × a positive target: 偏离度 to explain
	FlagClaimHigh = "claim_high" // the unit claimed more points than the rules give
	FlagClaimLow  = "claim_low"  // the unit claimed fewer points than the rules give
)
