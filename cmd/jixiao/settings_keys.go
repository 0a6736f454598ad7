package main

import (
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/internal/jsonpos"
	"github.com/jixiao/jixiao/internal/msg"
)

// checkSettingsKeys refuses a settings file (jixiao.yaml, or a .json or
// .yaml given with --config) with a key given twice, at the second key.
// viper lets the last of two keys win in JSON, and ignores case, so that
// format: and Format: are one setting whichever of the two it keeps; the
// two are compared ignoring case here. Other formats are left to viper.
func checkSettingsKeys(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".yaml" && ext != ".yml" {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil // viper says it cannot read the file
	}
	if ext == ".json" {
		return jsonpos.CheckKeys(path, strings.NewReader(string(src)), true)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return diag.YAML(path, src, err)
	}
	return yamlDuplicateKey(path, src, &doc)
}

// yamlDuplicateKey returns the first key of a mapping under n that another
// key of that mapping equals, ignoring case.
func yamlDuplicateKey(path string, src []byte, n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		seen := map[string]jsonpos.Key{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			pos := diag.Pos{File: path, Line: k.Line, Col: k.Column}
			id := strings.ToLower(k.Value)
			if prev, dup := seen[id]; dup {
				e := jsonpos.DuplicateKey(pos, k.Value, prev)
				e.Snippet = diag.LineOf(src, k.Line)
				return e
			}
			seen[id] = jsonpos.Key{Name: k.Value, Pos: pos}
		}
	}
	for _, c := range n.Content {
		if err := yamlDuplicateKey(path, src, c); err != nil {
			return err
		}
	}
	return nil
}

// warnUnknownSettings warns, on w, of every top-level key of the settings
// file at path that is no flag of any command: a misspelt key (fromat:)
// would otherwise be ignored without a word, and the run would use the
// default. Keys are compared ignoring case, as viper reads them; the
// closest flag name is suggested. JSON is read as the YAML it also is.
func warnUnknownSettings(w io.Writer, p msg.Printer, path string, root *cobra.Command) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".yaml" && ext != ".yml" {
		return
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return // viper says it cannot read the file
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return
	}
	known := map[string]bool{}
	var names []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		add := func(f *pflag.Flag) {
			if !f.Hidden && f.Name != "help" && f.Name != "config" && !known[f.Name] {
				known[f.Name] = true
				names = append(names, f.Name)
			}
		}
		c.LocalFlags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	sort.Strings(names)
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		key := strings.ToLower(k.Value)
		if known[key] {
			continue
		}
		hint := ""
		best, bestD := "", len([]rune(key))/2+1 // a suggestion shares at least half the key
		for _, n := range names {
			if d := diag.Distance(key, n); d < bestD {
				best, bestD = n, d
			}
		}
		if best != "" {
			hint = p.Sprintf(msg.SettingsDidYou, best)
		}
		io.WriteString(w, p.Sprintf(msg.SettingsUnknown, path, k.Line, k.Column, k.Value, hint))
	}
}
