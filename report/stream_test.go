package report

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/msg"
)

// TestAppendNum holds the fast number formatting to Num.
func TestAppendNum(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 0.01, 0.1, 0.5, 1, 2.5, 9.99, 10, 99.99, 100, 1234.56, -1.5, 5.993,
		0.125, 1e15, 1e20, math.MaxFloat64, math.Inf(1), math.NaN(), 0.004, 0.005, 123456789.12,
		-0.001, -0.004, -0.005, -0.01, -4.2, -92.59, -1e13, -1e15, -1e20, -123456789.12, -math.MaxFloat64, math.Inf(-1)}
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 200000; i++ {
		xs = append(xs, float64(r.IntN(1000000))/100, r.Float64()*100, float64(r.IntN(2000)-1000)/100,
			-float64(r.IntN(1e9))/100, -r.Float64()*1e6, -0.05*float64(r.IntN(1e7))/100)
	}
	for _, x := range xs {
		if got, want := string(appendNum(nil, x)), Num(x); got != want {
			t.Fatalf("appendNum(%v) = %q, Num gives %q", x, got, want)
		}
	}
}

// TestStreams: which formats a Sink can write, with which options, and
// NewSink's word when it cannot.
func TestStreams(t *testing.T) {
	m, _ := sample(t)
	for _, tc := range []struct {
		format string
		o      Options
		want   string // NewSink's error, "" when it streams
	}{
		{"csv", Options{}, ""},
		{"json", Options{Sort: "-score"}, ""},
		{"csv", Options{Sort: "rank"}, ""},
		{"xlsx", Options{}, ""},
		{"xlsx", Options{Sort: "-quality"}, ""},
		{"json", Options{Units: []string{"U1"}}, ""},
		{"csv", Options{Sort: "name"}, ""},
		{"xlsx", Options{Sort: "-unit"}, ""},
		{"table", Options{}, ""},
		{"md", Options{Sort: "-unit", Units: []string{"U2"}}, ""},
		{"html", Options{}, ""},
		{"selfeval", Options{Sort: "score"}, ""},
		{"csv", Options{Sort: "no_such_column"}, `--sort "no_such_column"`},
	} {
		f, err := Lookup(tc.format)
		if err != nil {
			t.Fatal(err)
		}
		_, err = NewSink(io.Discard, f, tc.o, m)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s %+v: %v", tc.format, tc.o, err)
		case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%s %+v: error %v, want %q", tc.format, tc.o, err, tc.want)
		}
	}
}

// TestSortKeysOneCheck: every key the --sort error offers orders the
// units, either way; what it does not offer is refused, by CheckSort and
// NewSink alike, with the same word.
func TestSortKeysOneCheck(t *testing.T) {
	m, _ := sample(t)
	for _, key := range sortKeys(m) {
		for _, k := range []string{key, "-" + key} {
			if o, err := sortOrder(m, k, msg.Printer{}); err != nil || o == nil {
				t.Errorf("--sort %q: order %v, error %v", k, o, err)
			}
		}
	}
	f, err := Lookup("csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"-", "--score", "rank-", "colour"} {
		checked := CheckSort(m, k, "en")
		_, sinkErr := NewSink(io.Discard, f, Options{Sort: k, Lang: "en"}, m)
		if checked == nil || sinkErr == nil || checked.Error() != sinkErr.Error() ||
			!strings.HasPrefix(checked.Error(), fmt.Sprintf("--sort %q: want one of rank, score,", k)) {
			t.Errorf("--sort %q: CheckSort %v, NewSink %v", k, checked, sinkErr)
		}
	}
}
