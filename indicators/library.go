package indicators

import (
	_ "embed"
)

// LibraryYAML is the indicator library (指标库): the standard definitions of
// 财预〔2013〕53号's common indicators and the usual 财预〔2020〕10号 /
// 财预〔2021〕101号 output, benefit and satisfaction indicators. Package rulesets
// parses it; rulesets refer to its entries with use: ID.
//
//go:embed library.yaml
var LibraryYAML []byte

// Definition is one entry of the indicator library.
type Definition struct {
	ID        string
	Label     string
	Group     []string
	Direction string // ">=", "<=", "=" or "tier"
	Inputs    []Input
	Value     string
	Target    string // optional default target, e.g. ">= 1"
	Note      string
}
