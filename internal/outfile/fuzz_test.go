package outfile

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// names are the path elements FuzzOutputPath builds paths from: the files
// and links of its tree, names that do not exist, "." and "..".
var names = []string{"in.csv", "rules.yaml", "old.txt", "new.txt", "sub", "deep", "data.json",
	"link", "hard.csv", "back", "dirlink", "loop", ".", "..", ""}

// Setup bits of FuzzOutputPath: which links the tree holds.
const (
	linkBits    = 0x7  // link → one of linkTargets (0: no link)
	hardBits    = 0x18 // hard.csv: none, a hard link to in.csv, to old.txt, a copy of in.csv
	backBit     = 0x20 // sub/back → ../rules.yaml, and the ruleset is named through it
	dirlinkBits = 0xc0 // dirlink → none, sub/deep, sub, sub/deep/..
	loopBit     = 0x100
	relBit      = 0x200 // the output path is relative to the working directory
)

var linkTargets = []string{"", "in.csv", "rules.yaml", "old.txt", "new.txt", "sub/deep", "sub/data.json", "sub/../old.txt"}

// FuzzOutputPath creates outputs at random paths over a tree of inputs,
// other files, symbolic and hard links, and checks what outfile promises:
// no input's bytes ever change, and the output is either the whole result
// (on a Commit that succeeds) or nothing (every file as it was, no
// temporary file left).
func FuzzOutputPath(f *testing.F) {
	seeds := []struct {
		elems  []byte
		setup  uint16
		commit bool
	}{
		{[]byte{0}, 0, true},                 // onto in.csv
		{[]byte{2}, 0, true},                 // onto old.txt
		{[]byte{3}, 0, true},                 // new.txt
		{[]byte{8}, 0x08, true},              // hard.csv → in.csv
		{[]byte{8}, 0x10, true},              // hard.csv → old.txt
		{[]byte{7}, 0x01, true},              // link → in.csv
		{[]byte{7}, 0x04, true},              // link → new.txt, dangling
		{[]byte{7, 6}, 0x05, true},           // link/data.json through link → sub/deep
		{[]byte{10, 13, 6}, 0x40, true},      // dirlink/../data.json, dirlink → sub/deep
		{[]byte{10, 13, 13, 1}, 0xc0, true},  // dirlink/../../rules.yaml, dirlink → sub/deep/..
		{[]byte{4, 9}, 0x20, true},           // sub/back → ../rules.yaml
		{[]byte{11}, 0x100, true},            // a loop
		{[]byte{4}, 0, true},                 // a directory
		{[]byte{4, 14}, 0, true},             // sub/
		{[]byte{0, 3}, 0, true},              // in.csv/new.txt
		{[]byte{12, 4, 13, 2}, 0x200, false}, // ./sub/../old.txt, relative, aborted
	}
	for _, s := range seeds {
		f.Add(s.elems, s.setup, s.commit)
	}
	f.Fuzz(func(t *testing.T, elems []byte, setup uint16, commit bool) {
		if len(elems) > 8 {
			elems = elems[:8]
		}
		root := t.TempDir()
		inputs := fuzzTree(t, root, setup)
		// The path stays inside root: a ".." that would climb above it
		// is dropped. Links lead only deeper, so the directory a path
		// reaches is never above the one its elements spell.
		var parts []string
		depth := 0
		for _, b := range elems {
			e := names[int(b)%len(names)]
			switch e {
			case "..":
				if depth == 0 {
					continue
				}
				depth--
			case ".", "":
			default:
				depth++
			}
			parts = append(parts, e)
		}
		path := root + "/" + strings.Join(parts, "/")
		if setup&relBit != 0 {
			wd, err := os.Getwd()
			if err != nil {
				t.Fatal(err)
			}
			// Both are absolute, so Rel always finds a path.
			rel, err := filepath.Rel(wd, root)
			if err != nil {
				t.Fatal(err)
			}
			path = rel + "/" + strings.Join(parts, "/")
		}

		before := snapshot(t, root)
		wasInput := false
		if out, err := os.Stat(path); err == nil {
			for _, in := range inputs {
				if st, err := os.Stat(in); err == nil && os.SameFile(out, st) {
					wasInput = true
				}
			}
		}
		result := []byte("results of " + path + "\n")

		file, err := Create(context.Background(), en, path, inputs...)
		committed := false
		if err == nil {
			if wasInput {
				t.Errorf("Create(%q) accepted an input", path)
			}
			if _, err := file.Write(result[:len(result)/2]); err != nil {
				t.Fatal(err)
			}
			if _, err := file.Write(result[len(result)/2:]); err != nil {
				t.Fatal(err)
			}
			if commit {
				committed = file.Commit() == nil
			} else {
				file.Abort()
			}
		}

		after := snapshot(t, root)
		var changed []string
		for p, a := range after {
			if b, ok := before[p]; !ok || b != a {
				changed = append(changed, p)
			}
		}
		for p := range before {
			if _, ok := after[p]; !ok {
				changed = append(changed, p+" (gone)")
			}
		}
		if !committed {
			if len(changed) > 0 {
				t.Errorf("%q not written (Create: %v), yet changed: %v", path, err, changed)
			}
			return
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, result) {
			t.Errorf("%q committed, reads %q (%v)", path, got, err)
		}
		out, _ := os.Stat(path)
		for _, p := range changed {
			if strings.HasPrefix(before[p], "link → ") {
				t.Errorf("%q committed over the link %s, which should stay a link", path, p)
			}
			st, err := os.Stat(filepath.Join(root, p))
			if err != nil || !os.SameFile(st, out) {
				t.Errorf("%q committed, and %s changed too", path, p)
			}
		}
		if len(changed) != 1 {
			t.Errorf("%q committed: %d files changed (%v), want 1", path, len(changed), changed)
		}
	})
}

// fuzzTree makes the tree under root that setup says and returns the
// inputs of the run: in.csv, rules.yaml (or the link sub/back to it) and
// sub/data.json.
func fuzzTree(t *testing.T, root string, setup uint16) []string {
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	at := func(p string) string { return filepath.Join(root, p) }
	must(os.MkdirAll(at("sub/deep"), 0o755))
	must(os.WriteFile(at("in.csv"), []byte("unit,spent\nU1,5\n"), 0o644))
	must(os.WriteFile(at("rules.yaml"), []byte("id: r\n"), 0o644))
	must(os.WriteFile(at("sub/data.json"), []byte("[]\n"), 0o644))
	must(os.WriteFile(at("old.txt"), []byte("previous results\n"), 0o644))
	if to := linkTargets[setup&linkBits]; to != "" {
		must(os.Symlink(to, at("link")))
	}
	switch setup & hardBits >> 3 {
	case 1:
		must(os.Link(at("in.csv"), at("hard.csv")))
	case 2:
		must(os.Link(at("old.txt"), at("hard.csv")))
	case 3:
		must(os.WriteFile(at("hard.csv"), []byte("unit,spent\nU1,5\n"), 0o644))
	}
	rules := at("rules.yaml")
	if setup&backBit != 0 {
		must(os.Symlink("../rules.yaml", at("sub/back")))
		rules = at("sub/back")
	}
	if to := []string{"", "sub/deep", "sub", "sub/deep/.."}[setup&dirlinkBits>>6]; to != "" {
		must(os.Symlink(to, at("dirlink")))
	}
	if setup&loopBit != 0 {
		must(os.Symlink("loop", at("loop")))
	}
	return []string{at("in.csv"), rules, at("sub/data.json")}
}

// snapshot maps each file under root to its bytes, and each link to its
// target.
func snapshot(t *testing.T, root string) map[string]string {
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(p)
			files[rel] = "link → " + to
			return err
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			files[rel] = string(b)
			return err
		case !d.IsDir():
			files[rel] = d.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
