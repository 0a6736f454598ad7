// Package rulesets holds jixiao's built-in rulesets, embedded in the binary:
// NAME.yaml is the ruleset with id NAME, and NAME.test.yaml beside it holds
// its test cases. engine.Open takes these ids wherever a ruleset is named.
package rulesets

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

// FS holds the built-in ruleset files.
//
//go:embed *.yaml
var FS embed.FS

// Default is the id of the ruleset used when none is named.
const Default = "grid-center"

// IDs returns the ids of the built-in rulesets, sorted.
func IDs() []string {
	entries, _ := fs.ReadDir(FS, ".")
	var ids []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".test.yaml") {
			ids = append(ids, strings.TrimSuffix(name, ".yaml"))
		}
	}
	sort.Strings(ids)
	return ids
}
