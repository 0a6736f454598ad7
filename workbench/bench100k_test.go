package workbench

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/cputime"
)

// serveJSON posts v as JSON to path on h and decodes the answer into out.
func serveJSON(tb testing.TB, h http.Handler, path string, v, out any) {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(b))
	r.Host = testHost
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		tb.Fatalf("%s: %d %.300s", path, w.Code, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// uploadData keeps data in s's database as the page's 打开数据 does.
func uploadData(tb testing.TB, s *Server, data text) string {
	tb.Helper()
	body, ct := multipartBody(tb, map[string]text{"data": data}, nil)
	r := httptest.NewRequest(http.MethodPost, "/api/datasets", body)
	r.Host = testHost
	r.Header.Set("Content-Type", ct)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var ds Dataset
	if err := json.Unmarshal(w.Body.Bytes(), &ds); err != nil || ds.SHA256 == "" {
		tb.Fatalf("dataset: %d %.300s", w.Code, w.Body)
	}
	return ds.SHA256
}

// BenchmarkOpen100k is what the page does when 100,000 units are opened:
// the file uploaded and kept, the first view (read, scored, a page of
// rows), then the first change of a weight (the saved side is what the
// first view scored: it is not scored again).
func BenchmarkOpen100k(b *testing.B) {
	data := population(b, 100000)
	name, src, _ := builtinYAML(defaultRuleset)
	edited, err := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("open", func(b *testing.B) {
		cpu := cputime.Now()
		for b.Loop() {
			s := newTestServer(b, Config{DB: ":memory:", MaxUpload: 256 << 20})
			sum := uploadData(b, s, data)
			var v view
			serveJSON(b, s, "/api/view", workspace{Name: name, YAML: string(src), BaseName: name, BaseYAML: string(src), Dataset: sum}, &v)
			if v.Total != 100000 || v.Error != nil {
				b.Fatalf("%d units, %v", v.Total, v.Error)
			}
		}
		cputime.Report(b, cpu)
	})
	b.Run("first-tune", func(b *testing.B) {
		var cpu time.Duration // of the timed part only
		for b.Loop() {
			b.StopTimer()
			s := newTestServer(b, Config{DB: ":memory:", MaxUpload: 256 << 20})
			sum := uploadData(b, s, data)
			var v view
			serveJSON(b, s, "/api/view", workspace{Name: name, YAML: string(src), BaseName: name, BaseYAML: string(src), Dataset: sum}, &v)
			b.StartTimer()
			start := cputime.Now()
			v = view{}
			serveJSON(b, s, "/api/view", workspace{Name: name, YAML: string(edited), BaseName: name, BaseYAML: string(src), Dataset: sum}, &v)
			cpu += cputime.Now() - start
			if v.Diff == nil || v.Error != nil {
				b.Fatalf("no comparison: %v", v.Error)
			}
		}
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	})
}

// BenchmarkPage100k is a request for another page of the table of 100,000
// units already scored and compared (as the page scrolls): sorted by the
// change, largest first. It times the server's side: the request is made
// beforehand, the answer's rows counted, not decoded.
func BenchmarkPage100k(b *testing.B) {
	data := population(b, 100000)
	name, src, _ := builtinYAML(defaultRuleset)
	edited, err := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}})
	if err != nil {
		b.Fatal(err)
	}
	s := newTestServer(b, Config{DB: ":memory:", MaxUpload: 256 << 20})
	sum := uploadData(b, s, data)
	ws := workspace{Name: name, YAML: string(edited), BaseName: name, BaseYAML: string(src), Dataset: sum,
		Page: &page{Limit: 300, Sort: "delta", Desc: true}}
	var v view
	serveJSON(b, s, "/api/view", ws, &v)
	bodies := make([][]byte, 300)
	for i := range bodies {
		ws.Page.Offset = i * 300
		if bodies[i], err = json.Marshal(ws); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC() // the garbage of scoring is not the pages'
	cpu := cputime.Now()
	for i := 0; b.Loop(); i++ {
		r := httptest.NewRequest(http.MethodPost, "/api/view", bytes.NewReader(bodies[i%len(bodies)]))
		r.Host = testHost
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if n := bytes.Count(w.Body.Bytes(), []byte(`{"u":`)); w.Code != http.StatusOK || n != 300 {
			b.Fatalf("%d: %d rows", w.Code, n)
		}
	}
	cputime.Report(b, cpu)
}
