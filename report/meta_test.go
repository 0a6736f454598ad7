package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/rulesets"
)

// TestMetaStamp: NewMeta carries the ruleset's id, version and the sha256
// of its bytes, and the data stamp, and the JSON writer prints both.
func TestMetaStamp(t *testing.T) {
	src := []byte("id: stamp\nversion: \"7\"\ninputs: {a: {label: 甲}}\nindicators:\n  - {id: x, weight: 100, value: a, target: \">= 1\"}\n")
	rs, err := rulesets.Load("stamp.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := engine.Compile(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	data := &engine.DataInfo{Files: []string{"units.csv"}, SHA256: "0123abcd"}
	m := NewMeta(prog, data)
	if m.Ruleset.ID != "stamp" || m.Ruleset.Version != "7" || m.Ruleset.SHA256 != hex.EncodeToString(sum[:]) || m.Data != data {
		t.Fatalf("meta stamp: %+v %+v", m.Ruleset, m.Data)
	}
	var b bytes.Buffer
	f, err := Lookup("json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), &b, f, Options{}, m, prog, &unitList{}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Ruleset struct{ ID, Version, SHA256 string }
		Data    struct{ SHA256 string }
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Ruleset.ID != "stamp" || got.Ruleset.Version != "7" || got.Ruleset.SHA256 != m.Ruleset.SHA256 || got.Data.SHA256 != "0123abcd" {
		t.Errorf("JSON stamp: %+v", got)
	}
}
