package workbench

import (
	"bytes"
	"context"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestOpenScoresOnce: the page's requests for the same thing while it is
// being made wait for it rather than make it again: four views of a new
// dataset at once read and score its units once, and a change of weight
// after it scores the new side only (the saved side is the first view's).
func TestOpenScoresOnce(t *testing.T) {
	s := newTestServer(t, Config{DB: ":memory:", MaxUpload: 64 << 20})
	sum := uploadData(t, s, population(t, 20000))
	name, src, _ := builtinYAML(defaultRuleset)
	ws := workspace{Name: name, YAML: string(src), BaseName: name, BaseYAML: string(src), Dataset: sum}
	var wg sync.WaitGroup
	views := make([]view, 4)
	for i := range views {
		wg.Add(1)
		go func() {
			defer wg.Done()
			serveJSON(t, s, "/api/view", ws, &views[i])
		}()
	}
	wg.Wait()
	for i, v := range views {
		if v.Error != nil || v.Total != 20000 {
			t.Fatalf("view %d: %d units, %v", i, v.Total, v.Error)
		}
	}
	if n, m := s.cache.units.built(), s.cache.scored.built(); n != 1 || m != 1 {
		t.Errorf("four views at once read the units %d times and scored them %d times, want once each", n, m)
	}
	edited, err := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}})
	if err != nil {
		t.Fatal(err)
	}
	ws.YAML = string(edited)
	var v view
	serveJSON(t, s, "/api/view", ws, &v)
	if v.Diff == nil || v.Diff.MovedCount == 0 {
		t.Fatalf("a weight changed moved no unit: %+v", v.Diff)
	}
	if n := s.cache.scored.built(); n != 2 {
		t.Errorf("the first change scored %d rulesets over the units in all, want 2 (the saved side kept)", n)
	}
}

// TestPagesKeepTheOrder: scrolling (another offset, same sort and filter)
// sorts nothing again; another sort, direction or grade sorts once more;
// each order is what a fresh sort gives.
func TestPagesKeepTheOrder(t *testing.T) {
	s := newTestServer(t, Config{DB: ":memory:", MaxUpload: 64 << 20})
	sum := uploadData(t, s, population(t, 5000))
	name, src, _ := builtinYAML(defaultRuleset)
	edited, _ := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}})
	ws := workspace{Name: name, YAML: string(edited), BaseName: name, BaseYAML: string(src), Dataset: sum}
	pages := []struct {
		p     page
		sorts int // orders made so far
	}{
		{page{Limit: 100, Sort: "delta", Desc: true}, 1},
		{page{Offset: 300, Limit: 100, Sort: "delta", Desc: true}, 1},
		{page{Offset: 4950, Limit: 100, Sort: "delta", Desc: true}, 1},
		{page{Limit: 100, Sort: "delta"}, 2},
		{page{Limit: 100, Sort: "p3", Desc: true}, 3},
		{page{Offset: 100, Limit: 100, Sort: "p3", Desc: true}, 3},
		{page{Limit: 100, Sort: "p3", Desc: true, Grade: "良"}, 4},
	}
	for _, pc := range pages {
		ws.Page = &pc.p
		var v view
		serveJSON(t, s, "/api/view", ws, &v)
		if v.Error != nil || len(v.Units) == 0 {
			t.Fatalf("%+v: %d rows, %v", pc.p, len(v.Units), v.Error)
		}
		if n := s.cache.orders.built(); n != pc.sorts {
			t.Errorf("%+v: %d sorts so far, want %d", pc.p, n, pc.sorts)
		}
		c, _ := s.compile(text{Name: name, Src: edited}, false)
		d, _ := s.dataset(t.Context(), sum, c.rs.ID)
		res, cmp, err := s.retune(t.Context(), text{Name: name, Src: edited}, text{Name: name, Src: src}, d)
		if err != nil {
			t.Fatal(err)
		}
		fresh := sortRows(res, cmp, pageOf(&pc.p))
		var want []string
		for _, i := range fresh[v.Offset:min(len(fresh), v.Offset+pc.p.Limit)] {
			want = append(want, res.rows[i].unit)
		}
		var got []string
		for _, u := range v.Units {
			got = append(got, u.Unit)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%+v: rows %v…, a fresh sort gives %v…", pc.p, got[:3], want[:3])
		}
	}
}

// TestMostMovedIsMoved: the units the page lists as moved most are diff's
// Moved, in its order (ties in unit order).
func TestMostMovedIsMoved(t *testing.T) {
	s := newTestServer(t, Config{DB: ":memory:"})
	data := population(t, 3000)
	name, src, _ := builtinYAML(defaultRuleset)
	edited, _ := applyEdits(name, src, []Edit{{Indicator: "budget_execution_rate", Field: "weight", Value: "3"}})
	_, cmp, err := s.retune(t.Context(), text{Name: name, Src: edited}, text{Name: name, Src: src}, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, mostMoved, 5000} {
		var got, want []string
		for _, i := range mostMovedOf(cmp.Comparison, n) {
			got = append(got, cmp.Units[i].Unit)
		}
		for _, u := range cmp.Moved(n) {
			want = append(want, u.Unit)
		}
		if len(want) < min(n, 100) || !slices.Equal(got, want) {
			t.Errorf("%d most moved: %d units %.80v, diff's Moved %d %.80v", n, len(got), got, len(want), want)
		}
	}
}

// TestFormsNamesStayInside: a file sent with a name that climbs out of its
// folder is refused before anything is written; a Windows path or a
// leading slash is read as a path inside the folder.
func TestFormsNamesStayInside(t *testing.T) {
	s := newTestServer(t, Config{DB: ":memory:"})
	for _, tc := range []struct{ name, want string }{
		{"../../etc/cron.d/x.xlsx", "文件名须在所选文件夹之内"},
		{`..\..\x.xlsx`, "文件名须在所选文件夹之内"},
		{"自评表/../../x.xlsx", "文件名须在所选文件夹之内"},
		{`自评表\二科\说明.txt`, `自评表/二科/说明.txt 不是工作簿`},
		{"/自评表/说明.txt", `自评表/说明.txt 不是工作簿`},
	} {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="forms"; filename="`+strings.ReplaceAll(tc.name, `\`, `\\`)+`"`)
		w, _ := mw.CreatePart(h)
		w.Write([]byte("not a workbook"))
		mw.Close()
		r := httptest.NewRequest(http.MethodPost, "/api/review", &b)
		r.Host = testHost
		r.Header.Set("Content-Type", mw.FormDataContentType())
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if rec.Code < 400 || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: %d %s, want an error saying %q", tc.name, rec.Code, rec.Body, tc.want)
		}
	}
}

// TestLRUWaitsForOne: who asks for a value being made gets it when made;
// when the request making it is cancelled, the one waiting makes it.
func TestLRUWaitsForOne(t *testing.T) {
	c := &lru{max: 2}
	started, release := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		_, err := c.do("k", func() (any, error) {
			close(started)
			<-release
			return nil, context.Canceled
		})
		first <- err
	}()
	<-started
	second := make(chan any, 1)
	go func() {
		v, err := c.do("k", func() (any, error) { return "made by the second", nil })
		if err != nil {
			t.Error(err)
		}
		second <- v
	}()
	time.Sleep(50 * time.Millisecond) // the second waiting (else it makes the value anyway)
	close(release)
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled build: %v", err)
	}
	if v := <-second; v != "made by the second" {
		t.Errorf("the waiting request got %v", v)
	}
	if v, err := c.do("k", func() (any, error) { return "again", nil }); v != "made by the second" || err != nil || c.built() != 2 {
		t.Errorf("kept: %v %v, %d built", v, err, c.built())
	}
}
