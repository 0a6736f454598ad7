package rulesets

import (
	"embed"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// FS holds the built-in ruleset files: NAME.yaml is the ruleset with id
// NAME, and NAME.test.yaml beside it holds its test cases.
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

// Open is Options{}.Open: messages in Chinese.
func Open(ref string) (*indicators.Ruleset, error) { return Options{}.Open(ref) }

// Open loads a ruleset by reference: a built-in id (see IDs) or
// a file path. A path wins when both exist.
func (o Options) Open(ref string) (*indicators.Ruleset, error) {
	if _, err := os.Stat(ref); err == nil || strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") {
		return o.LoadFile(ref)
	}
	src, err := fs.ReadFile(FS, ref+".yaml")
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: ref}, Code: "unknown_ruleset",
			Msg: msg.For(o.Lang).Sprintf(msg.RuleUnknownRuleset, ref, strings.Join(IDs(), ", "))}}
	}
	name := "rulesets/" + ref + ".yaml"
	rs, err := o.Load(name, src)
	if err != nil {
		return nil, err
	}
	if tsrc, err := fs.ReadFile(FS, ref+".test.yaml"); err == nil {
		cases, err := o.LoadCases("rulesets/"+ref+".test.yaml", tsrc)
		if err != nil {
			return nil, err
		}
		rs.Tests = append(rs.Tests, cases...)
	}
	return rs, nil
}
