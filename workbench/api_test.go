package workbench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// multipartBody builds a request body of files (field → name, bytes) and
// plain fields.
func multipartBody(t testing.TB, files map[string]text, fields map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for field, f := range files {
		w, err := mw.CreateFormFile(field, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.Src)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func post(t *testing.T, h http.Handler, path string, files map[string]text, fields map[string]string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartBody(t, files, fields)
	r := httptest.NewRequest(http.MethodPost, path, body)
	r.Host = testHost
	r.Header.Set("Content-Type", ct)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func postJSON(t *testing.T, h http.Handler, path string, v any) *httptest.ResponseRecorder {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(b))
	r.Host = testHost
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func getPath(t *testing.T, h http.Handler, path string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.Host = testHost
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// testHost is the Host of the test requests: the server's own loopback
// address.
const testHost = "127.0.0.1:8421"

func readFile(t *testing.T, path string) text {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return text{Name: filepath.Base(path), Src: b}
}

func TestTokenOffLoopback(t *testing.T) {
	s := newTestServer(t, Config{Addr: "0.0.0.0:8421", Token: "s3cret"})
	ok := map[string]string{tokenHeader: "s3cret"}
	for _, tc := range []struct {
		name string
		do   func(map[string]string) *httptest.ResponseRecorder
	}{
		{"page", func(h map[string]string) *httptest.ResponseRecorder { return getPath(t, s, "/", h) }},
		{"script", func(h map[string]string) *httptest.ResponseRecorder { return getPath(t, s, "/static/app.js", h) }},
		{"runs", func(h map[string]string) *httptest.ResponseRecorder { return getPath(t, s, "/api/runs", h) }},
		{"eval", func(h map[string]string) *httptest.ResponseRecorder { return post(t, s, "/api/eval", nil, nil, h) }},
	} {
		if w := tc.do(nil); w.Code != http.StatusUnauthorized {
			t.Errorf("%s without the token: %d, want 401", tc.name, w.Code)
		}
		if w := tc.do(map[string]string{tokenHeader: "wrong"}); w.Code != http.StatusUnauthorized {
			t.Errorf("%s with a wrong token: %d, want 401", tc.name, w.Code)
		}
		if w := tc.do(ok); w.Code != http.StatusOK {
			t.Errorf("%s with the token: %d, want 200: %s", tc.name, w.Code, w.Body)
		}
	}
	// The URL's ?token= becomes a same-site cookie, which then suffices.
	w := getPath(t, s, "/?token=s3cret", nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("/?token=: %d, want 303", w.Code)
	}
	c := w.Result().Cookies()
	if len(c) != 1 || c[0].Value != "s3cret" || c[0].SameSite != http.SameSiteStrictMode || !c[0].HttpOnly {
		t.Fatalf("cookie %+v: want the token, SameSite=Strict, HttpOnly", c)
	}
	if w := getPath(t, s, "/api/runs", map[string]string{"Cookie": c[0].String()}); w.Code != http.StatusOK {
		t.Errorf("with the cookie: %d, want 200", w.Code)
	}
	if w := getPath(t, s, "/?token=nope", nil); w.Code != http.StatusUnauthorized {
		t.Errorf("/?token=nope: %d, want 401", w.Code)
	}

	// Without --token off loopback, one is generated and printed in the URL.
	g := newTestServer(t, Config{Addr: "192.0.2.7:8421"})
	if len(g.Token()) < 32 || !strings.Contains(g.URL("192.0.2.7:8421"), "?token="+g.Token()) {
		t.Errorf("generated token %q, URL %s", g.Token(), g.URL("192.0.2.7:8421"))
	}
	if l := newTestServer(t, Config{Addr: "127.0.0.1:8421"}); l.Token() != "" || l.URL("127.0.0.1:8421") != "http://127.0.0.1:8421/" {
		t.Errorf("loopback: token %q, URL %s", l.Token(), l.URL("127.0.0.1:8421"))
	}
}

func TestCrossSiteRefused(t *testing.T) {
	s := newTestServer(t, Config{})
	if w := post(t, s, "/api/eval", nil, nil, map[string]string{"Origin": "http://evil.example"}); w.Code != http.StatusForbidden {
		t.Errorf("POST from another origin: %d, want 403", w.Code)
	}
	if w := post(t, s, "/api/eval", nil, nil, map[string]string{"Sec-Fetch-Site": "cross-site"}); w.Code != http.StatusForbidden {
		t.Errorf("POST from another site: %d, want 403", w.Code)
	}
	if w := post(t, s, "/api/eval", nil, nil, map[string]string{"Origin": "http://example.com"}); w.Code != http.StatusForbidden {
		t.Errorf("POST from the same-looking origin: %d, want 403", w.Code)
	}
	r := httptest.NewRequest(http.MethodGet, "/api/runs", nil)
	r.Host = "rebound.example:8421"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("loopback server asked as rebound.example: %d, want 403", w.Code)
	}
	// The page itself posts with its own origin.
	if w := post(t, s, "/api/eval", nil, nil, map[string]string{"Origin": "http://" + testHost, "Sec-Fetch-Site": "same-origin"}); w.Code != http.StatusOK {
		t.Errorf("POST from the page's own origin: %d, want 200: %s", w.Code, w.Body)
	}
}

func TestUploadCap(t *testing.T) {
	s := newTestServer(t, Config{MaxUpload: 4096})
	big := text{Name: "units.csv", Src: bytes.Repeat([]byte("x"), 8192)}
	w := post(t, s, "/api/eval", map[string]text{"data": big}, nil, nil)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("8 KiB with a 4 KiB cap: %d, want 413: %s", w.Code, w.Body)
	}
	// A body of unknown length is cut where it passes the cap.
	body, ct := multipartBody(t, map[string]text{"data": big}, nil)
	r := httptest.NewRequest(http.MethodPost, "/api/datasets", io.MultiReader(body))
	r.Host = testHost
	r.ContentLength = -1
	r.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "4096") {
		t.Errorf("chunked 8 KiB with a 4 KiB cap: %d, want 413 naming the cap: %s", rec.Code, rec.Body)
	}
	small := readFile(t, "../cmd/jixiao/testdata/diff/units.csv")
	if len(small.Src) > 3000 {
		t.Fatalf("test data of %d bytes does not fit the cap", len(small.Src))
	}
	if w := post(t, s, "/api/datasets", map[string]text{"data": small}, nil, nil); w.Code != http.StatusOK {
		t.Errorf("a file under the cap: %d: %s", w.Code, w.Body)
	}
}

// TestConcurrentRequests evaluates, retunes and saves from many goroutines
// at once: every answer is the one a request alone gets (go test -race
// checks the caches and the database).
func TestConcurrentRequests(t *testing.T) {
	s := newTestServer(t, Config{})
	rules := readFile(t, "../cmd/jixiao/testdata/diff/old.yaml")
	units := readFile(t, "../cmd/jixiao/testdata/diff/units.csv")
	wantEval := post(t, s, "/api/eval", map[string]text{"ruleset": rules, "data": units}, nil, nil).Body.String()
	name, src, _ := builtinYAML(defaultRuleset)
	ws := workspace{Name: name, YAML: string(src), BaseName: name, BaseYAML: string(src),
		Edits: []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "15"}}}
	wantView := postJSON(t, s, "/api/view", ws).Body.String()
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch i % 4 {
			case 0:
				if got := post(t, s, "/api/eval", map[string]text{"ruleset": rules, "data": units}, nil, nil).Body.String(); got != wantEval {
					errs <- "eval differs when run concurrently"
				}
			case 1:
				w := postJSON(t, s, "/api/view", ws)
				var a, b view
				json.Unmarshal(w.Body.Bytes(), &a)
				json.Unmarshal([]byte(wantView), &b)
				a.Millis, b.Millis = 0, 0
				ja, _ := json.Marshal(a)
				jb, _ := json.Marshal(b)
				if len(a.Units) == 0 || !bytes.Equal(ja, jb) {
					errs <- "view differs when run concurrently"
				}
			case 2:
				if w := postJSON(t, s, "/api/versions", versionRequest{Name: name, YAML: string(src), Note: fmt.Sprint(i)}); w.Code != http.StatusOK {
					errs <- "save version: " + w.Body.String()
				}
			case 3:
				if w := postJSON(t, s, "/api/runs", workspace{Name: name, YAML: string(src)}); w.Code != http.StatusOK {
					errs <- "save run: " + w.Body.String()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	var vs []Version
	json.Unmarshal(getPath(t, s, "/api/versions", nil).Body.Bytes(), &vs)
	var runs []Run
	json.Unmarshal(getPath(t, s, "/api/runs", nil).Body.Bytes(), &runs)
	if len(vs) != 4 || len(runs) != 4 {
		t.Errorf("%d versions and %d runs kept, want 4 of each", len(vs), len(runs))
	}
}

// TestReopenHistory closes the database and opens it again: versions,
// datasets and runs are there, and a run's output is the same bytes.
func TestReopenHistory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "history.db")
	s := newTestServer(t, Config{DB: db})
	name, src, _ := builtinYAML(defaultRuleset)
	units := readFile(t, "../fixtures/demo-grid-center.csv")
	w := post(t, s, "/api/datasets", map[string]text{"data": units}, nil, nil)
	var ds Dataset
	if err := json.Unmarshal(w.Body.Bytes(), &ds); err != nil || ds.SHA256 == "" {
		t.Fatalf("dataset: %s", w.Body)
	}
	w = postJSON(t, s, "/api/versions", versionRequest{Name: name, YAML: string(src), Note: "2022 版"})
	var v Version
	json.Unmarshal(w.Body.Bytes(), &v)
	w = postJSON(t, s, "/api/runs", workspace{Name: name, YAML: string(src), Dataset: ds.SHA256})
	var run Run
	json.Unmarshal(w.Body.Bytes(), &run)
	out := getPath(t, s, fmt.Sprintf("/api/runs/%d", run.ID), nil).Body.String()
	if !strings.Contains(out, `"time":"2024-03-31T09:00:00Z"`) || !strings.Contains(out, `"sha256":"`+ds.SHA256+`"`) {
		t.Errorf("the run's output carries no audit stamp:\n%.300s", out)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	r := newTestServer(t, Config{DB: db})
	var vs []Version
	json.Unmarshal(getPath(t, r, "/api/versions", nil).Body.Bytes(), &vs)
	if len(vs) != 1 || vs[0].ID != v.ID || vs[0].Note != "2022 版" || vs[0].SHA256 != v.SHA256 {
		t.Errorf("versions after reopening: %+v, want %+v", vs, v)
	}
	got := getPath(t, r, "/api/ruleset?version="+fmt.Sprint(v.ID), nil)
	var rt map[string]string
	json.Unmarshal(got.Body.Bytes(), &rt)
	if rt["yaml"] != string(src) {
		t.Error("the saved version's text changed when the database was reopened")
	}
	var dss []Dataset
	json.Unmarshal(getPath(t, r, "/api/datasets", nil).Body.Bytes(), &dss)
	if len(dss) != 1 || dss[0].SHA256 != ds.SHA256 || dss[0].Size != len(units.Src) {
		t.Errorf("datasets after reopening: %+v", dss)
	}
	if again := getPath(t, r, fmt.Sprintf("/api/runs/%d", run.ID), nil).Body.String(); again != out {
		t.Error("the run reopened is not the bytes it was")
	}
	var h []RunUnit
	json.Unmarshal(getPath(t, r, "/api/units/G03/history", nil).Body.Bytes(), &h)
	if len(h) != 1 || h[0].Score != 94.82 || h[0].Grade != "优" || h[0].Rank != 3 || h[0].Stamp != "2024-03-31T09:00:00Z" {
		t.Errorf("history of G03: %+v", h)
	}
	// Evaluating the stored dataset again gives the run's numbers.
	w = post(t, r, "/api/eval", nil, map[string]string{"dataset": ds.SHA256, "ruleset_version": fmt.Sprint(v.ID)}, nil)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"unit":"G03","name":"丙区网格化管理服务中心","score":94.82`) {
		t.Errorf("eval of the stored dataset and version: %d %.300s", w.Code, w.Body)
	}
}

func TestLintAtLines(t *testing.T) {
	s := newTestServer(t, Config{})
	bad := text{Name: "r.yaml", Src: []byte("id: r\ntitle: t\nversion: \"1\"\ninputs:\n  a: {label: A}\nindicators:\n  - id: x\n    label: X\n    weight: 90\n    value: a\n    target: \">= 1\"\n")}
	w := post(t, s, "/api/lint", map[string]text{"ruleset": bad}, nil, nil)
	var out struct{ Issues []Issue }
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Issues) == 0 || out.Issues[0].Line == 0 || !strings.HasPrefix(out.Issues[0].Text, "r.yaml:") {
		t.Errorf("lint of weights summing to 90: %s", w.Body)
	}
	broken := text{Name: "r.yaml", Src: []byte("id: r\nindicators: [\n")}
	w = postJSON(t, s, "/api/view", workspace{Name: "r.yaml", YAML: string(broken.Src)})
	var v view
	json.Unmarshal(w.Body.Bytes(), &v)
	if v.Error == nil || len(v.Error.Errors) == 0 || v.Error.Errors[0].Line == 0 || len(v.Lint) == 0 {
		t.Errorf("a broken ruleset's view has no positioned error: %s", w.Body)
	}
}
