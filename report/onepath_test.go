package report

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/engine"
)

// TestFormatsHoldNoResults: no format keeps unit results as units come, so
// that its memory does not grow with them: no slice, array or map in a
// format's writer (through pointers, interfaces and struct fields) holds
// engine.UnitResult or IndicatorResult, or pointers to them. A drawn
// format decodes each unit into one result it reuses; what it keeps of a
// unit is drawn text and counts. (The one result a drawn format decodes
// each unit into, leanUnit, is reused, not kept.)
func TestFormatsHoldNoResults(t *testing.T) {
	m, _ := sample(t)
	for _, f := range Formats() {
		rows := f.Rows(Options{Explain: true, Groups: true}, m)
		if path := holdsResults(reflect.ValueOf(rows), f.Name, map[reflect.Type]bool{}); path != "" {
			t.Errorf("format %s keeps unit results in %s", f.Name, path)
		}
	}
}

var resultTypes = []reflect.Type{reflect.TypeFor[engine.UnitResult](), reflect.TypeFor[engine.IndicatorResult]()}

// holdsResults returns the path of a collection in v whose elements are or
// hold a unit or indicator result, or "".
func holdsResults(v reflect.Value, path string, seen map[reflect.Type]bool) string {
	if v.Type() == reflect.TypeFor[leanUnit]() || v.Type() == reflect.TypeFor[reviewLean]() {
		return ""
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return holdsResultsType(v.Type(), path, seen)
		}
		return holdsResults(v.Elem(), path, seen)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if p := holdsResults(v.Field(i), path+"."+v.Type().Field(i).Name, seen); p != "" {
				return p
			}
		}
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		return holdsResultsType(v.Type(), path, seen)
	}
	return ""
}

// holdsResultsType is holdsResults for a value not at hand: the type's.
func holdsResultsType(t reflect.Type, path string, seen map[reflect.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer:
		return holdsResultsType(t.Elem(), path, seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if p := holdsResultsType(t.Field(i).Type, path+"."+t.Field(i).Name, seen); p != "" {
				return p
			}
		}
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		for _, r := range resultTypes {
			if containsType(t.Elem(), r, map[reflect.Type]bool{}) {
				return path + " (" + t.String() + ")"
			}
		}
	}
	return ""
}

// containsType reports whether struct t holds r by value or pointer.
func containsType(t, r reflect.Type, seen map[reflect.Type]bool) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t == r {
		return true
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		if containsType(t.Field(i).Type, r, seen) {
			return true
		}
	}
	return false
}

// TestHoldsResults: the check of TestFormatsHoldNoResults finds results
// held in a slice, directly or inside a struct, and allows one reused.
func TestHoldsResults(t *testing.T) {
	type row struct {
		cells []string
		u     *engine.UnitResult
	}
	for _, tc := range []struct {
		v    any
		want string
	}{
		{struct{ units []*engine.UnitResult }{}, "w.units ([]*engine.UnitResult)"},
		{&struct{ rows []row }{}, "w.rows ([]report.row)"},
		{struct {
			by map[string][]engine.IndicatorResult
		}{}, "w.by (map[string][]engine.IndicatorResult)"},
		{struct {
			d    any
			lean leanUnit
		}{d: &tableWriter{}}, ""},
		{struct{ d any }{d: &struct{ failed []engine.UnitResult }{}}, "w.d.failed ([]engine.UnitResult)"},
	} {
		if got := holdsResults(reflect.ValueOf(tc.v), "w", map[reflect.Type]bool{}); got != tc.want {
			t.Errorf("%T: %q, want %q", tc.v, got, tc.want)
		}
	}
}

// TestDrawnFormatsDeterministic: the formats drawn from whole results
// give the same bytes with one worker as with several, with the records
// spilled to a file at once or kept in memory, for enough units that
// several chunks are in flight.
func TestDrawnFormatsDeterministic(t *testing.T) {
	_, demo := builtin(t, "grid-center")
	units := generated(t, demo.prog.Ruleset(), 700, 5)
	units = append(units, units[3], units[400]) // two repeated ids
	for _, name := range []string{"table", "md", "html", "selfeval"} {
		f, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		var first []byte
		for _, c := range []struct{ workers, spill int }{{1, 1 << 30}, {4, -1 /* spill at once */}, {3, 1 << 30}} {
			prog, err := engine.Compile(demo.prog.Ruleset(), &engine.Options{Explain: true, Workers: c.workers, SpillMemory: c.spill})
			if err != nil {
				t.Fatal(err)
			}
			m := NewMeta(prog, &engine.DataInfo{Files: []string{"gen.csv"}})
			var b bytes.Buffer
			if _, err := Write(context.Background(), &b, f, Options{Explain: true, Groups: name == "selfeval"}, m, prog, &unitList{units: units}); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b.Bytes()
				if !f.Binary && !bytes.Contains(first, []byte("U0400")) {
					t.Fatalf("%s: the units are not in the output", name)
				}
				continue
			}
			if !bytes.Equal(b.Bytes(), first) {
				t.Errorf("%s with %d workers, spill %d: output differs from 1 worker's at byte %d", name, c.workers, c.spill,
					firstDiff(b.Bytes(), first))
			}
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
