package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The yardstick is only one if it does jixiao's work: these tests hold
// its output to the bytes `jixiao eval -r grid-center -f csv` writes for
// the same file, on generated units of several sizes and seeds and on
// hand-made rows that reach the branches generated data rarely does.

var (
	buildOnce sync.Once
	jixiaoBin string
	buildErr  error
)

// jixiao builds cmd/jixiao once for the tests of this package.
func jixiao(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hand-test-")
		if err != nil {
			buildErr = err
			return
		}
		jixiaoBin = filepath.Join(dir, "jixiao")
		out, err := exec.Command("go", "build", "-C", "../..", "-o", jixiaoBin, "./cmd/jixiao").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build ./cmd/jixiao: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return jixiaoBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if jixiaoBin != "" {
		os.RemoveAll(filepath.Dir(jixiaoBin))
	}
	os.Exit(code)
}

// craftedRows are units in jixiao gen's column order (unit, name, the
// inputs in the order of the ruleset) that generated data seldom has:
// zero denominators (无法计算, and checks over NaN and Inf), blanks on
// inputs every kind of indicator reads (缺项), 不适用 on numbers and tiers
// (the total rescaled), tiers by name and with fractions on the edges of
// their bands, numbers as bureaus write them, and a total that ties with
// another unit's.
var craftedRows = []string{
	// unit,name,budget,spent,exp_basic,exp_project,exp_personnel,exp_public,project_share_stated,staff_in_post,gfm_declared,gfm_verified,base_info_checked,incomplete_flagged,training_sessions,articles_submitted,articles_published,events_received,events_closed_on_time,coop_cases,workers_start,workers_left,survey_valid,survey_satisfied,worker_surveyed,worker_satisfied,6 tiers
	"Z01,零分母,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,C,C,C,C,C,C",
	"Z02,缺项,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
	"Z03,不适用,NA,100,N/A,40,na,5,40,n/a,100,100,不适用,#N/A,2,6,5,20,19,6,10,1,100,95,10,9,NA,A,NA,B,不适用,C",
	"Z04,档次,100,100,60,40,55,5,40,5,100,100,10000,2500,2,5,4,20,19,6,10,1,100,90,10,9,达成,部分达成,未达成,a:0.8,B:0.6,C:0.59",
	"Z05,档次满,100,100,60,40,55,5,40,5,100,100,10000,2500,2,5,4,20,19,6,10,1,100,90,10,9,A:1,b:0.79,c:0,A,B,C",
	`Z06,写法,"1,000.5",50万元,"1,200万",40万元,55.5,5,40%,5人,"1,000人",999,"12,345条",2500条,2期,5篇,4篇,20件,19件,6件,10人,1人,100份,90份,10份,9份,A,B,C,A,B,C`,
	"Z07,超支,100,150,110,40,100,10,26.67,2,50,60,9000,9500,1,4,5,10,12,3,10,11,10,12,5,6,C,C,C,C,C,C",
	"Z08,反向,100,100,60,40,40,20,40,10,100,100,10000,2500,2,5,4,20,19,6,10,1,100,90,10,9,A,A,A,A,A,A",
	"Z09,反向满,100,100,60,40,55,5,40,5,100,100,10000,2500,2,5,4,20,19,6,10,1,100,90,10,9,A,A,A,A,A,A",
	"Z10,并列,100,100,60,40,55,5,40,5,100,100,10000,2500,2,5,4,20,19,6,10,1,100,90,10,9,A,A,A,A,A,A",
}

// compare writes units to a file, scores it with jixiao and with eval,
// and fails on the first byte that differs.
func compare(t *testing.T, units []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(in, units, 0o644); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "jixiao.csv")
	cmd := exec.Command(jixiao(t), "eval", "-r", "grid-center", "-d", in, "-f", "csv", "-o", want)
	if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("jixiao eval: %v\n%s", err, out)
	}
	wantBytes, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := eval(in, bytes.NewReader(units), &got); err != nil {
		t.Fatalf("hand: %v", err)
	}
	if !bytes.Equal(got.Bytes(), wantBytes) {
		g, w := strings.Split(got.String(), "\n"), strings.Split(string(wantBytes), "\n")
		for i := 0; i < len(g) && i < len(w); i++ {
			if g[i] != w[i] {
				t.Fatalf("line %d differs:\nhand:   %s\njixiao: %s", i+1, g[i], w[i])
			}
		}
		t.Fatalf("hand wrote %d lines, jixiao %d", len(g), len(w))
	}
	return wantBytes
}

// generate returns n units of grid-center made by jixiao gen.
func generate(t *testing.T, n int, seed int64) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "gen.csv")
	cmd := exec.Command(jixiao(t), "gen", "-r", "grid-center", "-n", fmt.Sprint(n), "--seed", fmt.Sprint(seed), "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jixiao gen: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHandEqualsJixiaoGenerated(t *testing.T) {
	for _, c := range []struct {
		n    int
		seed int64
	}{{1, 1}, {97, 2}, {5000, 3}, {60000, 4}} {
		t.Run(fmt.Sprintf("n=%d,seed=%d", c.n, c.seed), func(t *testing.T) {
			units := generate(t, c.n, c.seed)
			out := compare(t, units)
			if c.n < 5000 {
				return
			}
			// What generated data must reach for the comparison to
			// cover it: quoted (grouped) and unit-suffixed numbers, tier
			// fractions, blanks, 不适用, failed checks, shared ranks.
			for _, s := range []string{`,"`, "万元,", ":0.", ",,", ",NA,"} {
				if !bytes.Contains(units, []byte(s)) {
					t.Errorf("the generated units hold no %q", s)
				}
			}
			for _, s := range []string{",不适用,", "（spent_within_budget）", "（worker_satisfied_within_valid）"} {
				if !bytes.Contains(out, []byte(s)) {
					t.Errorf("the report holds no %q", s)
				}
			}
			if missing := columnNonBlank(t, out, "缺项"); missing == 0 {
				t.Error("no unit has a 缺项")
			}
		})
	}
}

func TestHandEqualsJixiaoCrafted(t *testing.T) {
	units := generate(t, 200, 5)
	units = append(units, strings.Join(craftedRows, "\n")+"\n"...)
	out := compare(t, units)
	for _, s := range []string{"Z01,零分母", "Z02,缺项", "Z03,不适用"} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("the report has no row %s", s)
		}
	}
	if n := columnNonBlank(t, out, "无法计算"); n == 0 {
		t.Error("no unit has an indicator that could not be computed")
	}
	// Z09 and Z10 are the same unit: they share a rank.
	var ranks []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Z09,") || strings.HasPrefix(line, "Z10,") {
			ranks = append(ranks, strings.Split(line, ",")[2+nInd+2])
		}
	}
	if len(ranks) != 2 || ranks[0] != ranks[1] {
		t.Errorf("ranks of Z09 and Z10: %v, want two equal", ranks)
	}
}

// TestHandRefusesWhatItDoesNotRead: the yardstick stops rather than
// score what it was not written for.
func TestHandRefusesWhatItDoesNotRead(t *testing.T) {
	units := generate(t, 3, 1)
	header, _, _ := bytes.Cut(units, []byte("\n"))
	for _, c := range []struct{ row, want string }{
		{"U0001,x,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,A,A,A,A,A,A", "appears twice"},
		{"Y1,x,1e3,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,A,A,A,A,A,A", "numbers jixiao gen writes"},
		{"Y2,x,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,A:0.5,A,A,A,A,A", "tiers jixiao gen writes"},
		{"Y3,x,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA", "every indicator is 不适用"},
		{"Y4,x,1", "fields, the header has"},
	} {
		data := append(append([]byte{}, units...), c.row+"\n"...)
		err := eval("u.csv", bytes.NewReader(data), new(bytes.Buffer))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.row, err, c.want)
		}
	}
	if err := eval("u.csv", strings.NewReader("unit,name,budget\n"), new(bytes.Buffer)); err == nil {
		t.Errorf("header %q: got no error", header[:20])
	}
}

// columnNonBlank counts the rows of a report whose column headed name is
// not blank (the report's fields are unquoted here).
func columnNonBlank(t *testing.T, report []byte, name string) int {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(string(report), "\n"), "\n")
	col := -1
	for i, h := range strings.Split(lines[0], ",") {
		if h == name {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no column %s", name)
	}
	n := 0
	for _, l := range lines[1:] {
		if f := strings.Split(l, ","); col < len(f) && f[col] != "" {
			n++
		}
	}
	return n
}
