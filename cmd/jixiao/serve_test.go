package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/workbench"
)

// apiPost posts files (field → path, sent under the path's base name) and
// fields to the workbench and answers the body.
func apiPost(t *testing.T, h http.Handler, path string, files map[string]string, fields map[string]string) (int, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for field, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := mw.CreateFormFile(field, filepath.Base(p))
		w.Write(src)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	r, _ := http.NewRequest(http.MethodPost, path, &b)
	r.Host = "127.0.0.1:8421"
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := &recorder{header: http.Header{}}
	h.ServeHTTP(w, r)
	return w.code, w.body.String()
}

type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) { r.code = code }

// TestServeAPIEqualsCLI: what the API answers is, byte for byte, what the
// commands print, for the same files under the same names.
func TestServeAPIEqualsCLI(t *testing.T) {
	// The workbench speaks Chinese: the commands are run in it too.
	t.Setenv("JIXIAO_LANG", "zh")
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"testdata/diff/old.yaml":                      "old.yaml",
		"testdata/diff/new.yaml":                      "new.yaml",
		"testdata/diff/units.csv":                     "units.csv",
		"../../fixtures/review-demo-rules.yaml":       "claims-rules.yaml",
		"../../fixtures/review-demo.csv":              "claims.csv",
		"../../engine/testdata/conformance/units.csv": "conformance.csv",
		conformanceRuleset:                            "conformance.yaml",
	} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := workbench.New(workbench.Config{DB: filepath.Join(t.TempDir(), "wb.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	t.Chdir(dir)
	for _, tc := range []struct {
		name   string
		cli    []string
		path   string
		files  map[string]string
		fields map[string]string
	}{
		{"eval default", []string{"eval", "-f", "json"}, "/api/eval", nil, nil},
		{"eval", []string{"eval", "-r", "conformance.yaml", "-d", "conformance.csv", "-f", "json"}, "/api/eval",
			map[string]string{"ruleset": "conformance.yaml", "data": "conformance.csv"}, nil},
		{"eval csv", []string{"eval", "-r", "old.yaml", "-d", "units.csv", "-f", "csv"}, "/api/eval",
			map[string]string{"ruleset": "old.yaml", "data": "units.csv"}, map[string]string{"format": "csv"}},
		{"diff", []string{"diff", "-r", "old.yaml", "-r", "new.yaml", "-d", "units.csv", "-f", "json"}, "/api/diff",
			map[string]string{"old": "old.yaml", "new": "new.yaml", "data": "units.csv"}, nil},
		{"review", []string{"review", "-r", "claims-rules.yaml", "-d", "claims.csv", "-f", "json"}, "/api/review",
			map[string]string{"ruleset": "claims-rules.yaml", "data": "claims.csv"}, nil},
		{"explain", []string{"explain", "G03"}, "/api/explain", nil, map[string]string{"unit": "G03"}},
	} {
		_, want, errOut := runCLI(t, tc.cli...)
		if want == "" {
			t.Fatalf("%s: the CLI printed nothing: %s", tc.name, errOut)
		}
		code, got := apiPost(t, srv, tc.path, tc.files, tc.fields)
		if code != http.StatusOK || got != want {
			t.Errorf("%s: the API (%d) answers\n%.400s\nthe CLI printed\n%.400s", tc.name, code, got, want)
		}
	}
	// Lint: the issues the API lists are the lines jixiao lint prints.
	os.WriteFile("weights.yaml", []byte("id: r\ntitle: t\nversion: \"1\"\ninputs:\n  a: {label: A}\nindicators:\n  - id: x\n    label: X\n    weight: 90\n    value: a\n    target: \">= 1\"\n"), 0o644)
	_, want, _ := runCLI(t, "lint", "weights.yaml")
	_, got := apiPost(t, srv, "/api/lint", map[string]string{"ruleset": "weights.yaml"}, nil)
	var out struct{ Issues []workbench.Issue }
	if err := json.Unmarshal([]byte(got), &out); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, is := range out.Issues {
		lines = append(lines, is.Text+"\n")
	}
	if want == "" || strings.Join(lines, "") != want {
		t.Errorf("lint: the API lists %q, the CLI printed %q", lines, want)
	}
}

// TestServePrintsURL runs jixiao serve: the first line of its output is
// the URL, with a generated token off loopback, and the page answers there.
func TestServePrintsURL(t *testing.T) {
	for _, tc := range []struct {
		addr      string
		withToken bool
	}{{"127.0.0.1:0", false}, {"0.0.0.0:0", true}} {
		ctx, cancel := context.WithCancel(context.Background())
		pr, pw := io.Pipe()
		done := make(chan error, 1)
		o := &serveOptions{io: &streams{Out: pw, ErrOut: io.Discard}, Addr: tc.addr, DB: filepath.Join(t.TempDir(), "wb.db"), MaxUpload: 1 << 20}
		go func() { done <- runServe(ctx, o); pw.Close() }()
		line, err := bufio.NewReader(pr).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		url := strings.TrimSpace(line)
		if strings.Contains(url, "?token=") != tc.withToken || !strings.HasPrefix(url, "http://") {
			t.Errorf("%s: first line %q", tc.addr, line)
		}
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Timeout: 10 * time.Second, Jar: jar}
		local := strings.Replace(url, "0.0.0.0", "127.0.0.1", 1)
		res, err := client.Get(local)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "绩效评价工作台") {
			t.Errorf("%s: GET %s: %d", tc.addr, local, res.StatusCode)
		}
		if tc.withToken {
			bare := local[:strings.Index(local, "?")] + "api/runs"
			if res, err := (&http.Client{Timeout: 10 * time.Second}).Get(bare); err != nil || res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: GET without the token: %v %v, want 401", tc.addr, res.StatusCode, err)
			}
		}
		cancel()
		<-done
	}
}
