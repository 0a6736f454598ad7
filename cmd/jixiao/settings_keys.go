package main

import (
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/internal/jsonpos"
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
