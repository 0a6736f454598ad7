package review_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/fixtures"
	"github.com/jixiao/jixiao/internal/demotest"
	"github.com/jixiao/jixiao/review"
	"github.com/jixiao/jixiao/rulesets"
)

// TestReviewOrderAndSummary checks the review of the whole demo: units
// with findings by points over-claimed (ties in input order), then units
// whose claims agree, then units without claims, then failed units.
func TestReviewOrderAndSummary(t *testing.T) {
	_, res := demotest.ReviewDemo(t, nil)
	rv := review.Of(res, 0.01)
	var order []string
	for _, i := range rv.Order {
		order = append(order, res.Units[i].Unit)
	}
	// Over: R09 30, R11 20, R14 10, R15 7, R05 5.38, R02 0.38, R12 0.38
	// (input order), R08 0.01, then R03 R04 R06 R13 at 0; clean R01 R07
	// R10; unclaimed R16; failed R17.
	want := "R09 R11 R14 R15 R05 R02 R12 R08 R03 R04 R06 R13 R01 R07 R10 R16 R17"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
	s := rv.Summary
	// 15 units reviewed (R01–R15), 12 with findings; over 30 + 20 + 10 +
	// 7 + 5.38 + 0.38 + 0.38 + 0.01 = 73.15; grades changed: R06 (优 for
	// 良), R11 (优 for 中), R13 (良 for 优), R14 (优 for 良).
	wantS := review.Summary{Units: 15, WithFindings: 12, Findings: 23, Over: 73.15, GradeChanged: 4,
		Unclaimed: 1, Errors: 1, ClaimHigh: 14, ClaimLow: 4, SumMismatch: 1, GradeMismatch: 4}
	if s != wantS {
		t.Errorf("summary\n got %+v\nwant %+v", s, wantS)
	}
	if rv.Tolerance != 0.01 {
		t.Errorf("tolerance %v, want the default 0.01", rv.Tolerance)
	}
	if !review.HasClaims(res) {
		t.Error("HasClaims false on claimed data")
	}
}

// ExampleProgram_Review reviews the units' own claims of the made-up
// review demo (fixtures/review-demo.csv) and prints the units with
// findings, most points over-claimed first.
func ExampleOf() {
	src, _ := fs.ReadFile(fixtures.FS, "review-demo-rules.yaml")
	rs, _ := rulesets.Load("review-demo-rules.yaml", src)
	prog, _ := engine.Compile(rs, nil)
	f, _ := fixtures.FS.Open("review-demo.csv")
	defer f.Close()
	s, _ := data.OpenReader("review-demo.csv", f, data.NewSchema(rs))
	units, _, _, _ := data.Collect(s)
	res, _ := prog.Eval(context.Background(), units)
	rv := review.Of(res, 0.01)
	for _, i := range rv.Order[:3] {
		u := res.Units[i]
		fmt.Printf("%s over %v: %s %s\n", u.Unit, u.Claimed.Over, u.Review[0].Kind, u.Review[0].ID)
	}
	fmt.Printf("%d reviewed, %d with findings, %v points over-claimed, %d grades changed\n",
		rv.Summary.Units, rv.Summary.WithFindings, rv.Summary.Over, rv.Summary.GradeChanged)
	// Output:
	// R09 over 30: claim_high satisfaction
	// R11 over 20: claim_high output
	// R14 over 10: claim_high execution
	// 15 reviewed, 12 with findings, 73.15 points over-claimed, 4 grades changed
}
