package main

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/formtest"
	"github.com/jixiao/jixiao/workbench"
)

// postForms posts the files (paths relative to the working directory,
// sent under those paths as a browser sends a folder's files) as the part
// forms, and the fields.
func postForms(t *testing.T, h http.Handler, files []string, fields map[string]string) (int, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// CreateFormFile would do, but for the quoting of the name: the
		// header is written as a browser writes it.
		hdr := textproto.MIMEHeader{}
		hdr.Set("Content-Disposition", `form-data; name="forms"; filename="`+filepath.ToSlash(p)+`"`)
		hdr.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w, err := mw.CreatePart(hdr)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(src)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	r, _ := http.NewRequest(http.MethodPost, "/api/review", &b)
	r.Host = "127.0.0.1:8421"
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := &recorder{header: http.Header{}}
	h.ServeHTTP(w, r)
	return w.code, w.body.String()
}

// TestServeFormsEqualsCLI: the review of a folder of 自评表 sent to
// /api/review (files forms, under the folder's name) is, byte for byte,
// what jixiao review FOLDER prints, in json (the API's default) and the
// other text formats; a file that is not a form is listed as the command
// lists it.
func TestServeFormsEqualsCLI(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "自评表")
	if err := os.MkdirAll(filepath.Join(folder, "二科"), 0o755); err != nil {
		t.Fatal(err)
	}
	formtest.Form10(formtest.New(t, "自评表"), 1).Save(folder, "219001.xlsx")
	formtest.Form10Of(formtest.New(t, "Sheet1"), 3, "219002-另一局").Save(filepath.Join(folder, "二科"), "219002.xlsx")
	formtest.New(t, "Sheet1").Row("A1", "姓名", "金额").Row("A2", "张三", 5).Save(folder, "通讯录.xlsx")
	os.WriteFile(filepath.Join(folder, "说明.txt"), []byte("not a form"), 0o644)
	srv, err := workbench.New(workbench.Config{DB: filepath.Join(t.TempDir(), "wb.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	t.Chdir(dir)
	files := []string{"自评表/219001.xlsx", "自评表/二科/219002.xlsx", "自评表/通讯录.xlsx", "自评表/说明.txt"}
	// The API speaks Chinese, as the command does unless told (the tests
	// run it in English unless given --lang zh); lang en as --lang en.
	for _, tc := range []struct{ format, lang string }{{"json", "zh"}, {"table", "zh"}, {"md", "zh"}, {"html", "zh"}, {"table", "en"}} {
		_, want, errOut := runCLI(t, "review", "自评表", "-f", tc.format, "--lang", tc.lang)
		if !strings.Contains(want, "219002") {
			t.Fatalf("%s: the CLI printed\n%.300s\n%s", tc.format, want, errOut)
		}
		fields := map[string]string{"format": tc.format}
		switch {
		case tc.lang == "en":
			fields["lang"] = "en"
		case tc.format == "json":
			fields = nil
		}
		code, got := postForms(t, srv, files, fields)
		if code != http.StatusOK || got != want {
			t.Errorf("%s %s: the API (%d) answers\n%.600s\nthe CLI printed\n%.600s", tc.format, tc.lang, code, got, want)
		}
	}
	if _, got := postForms(t, srv, files, nil); !strings.Contains(got, `"claim_high"`) || !strings.Contains(got, `"自评表/说明.txt"`) {
		t.Errorf("the review lacks the forms' findings or the file not reviewed:\n%.600s", got)
	}
	// A name that leaves the folder, the same file twice, a ruleset beside
	// the forms: refused, saying why.
	for _, tc := range []struct {
		files  []string
		fields map[string]string
		want   string
	}{
		{[]string{"自评表/219001.xlsx", "自评表/219001.xlsx"}, nil, "同名文件上传了两次"},
		{[]string{"自评表/219001.xlsx"}, map[string]string{"ruleset_id": "grid-center"}, "jixiao review -r"},
		{[]string{"自评表/说明.txt"}, nil, "上传的文件中没有自评表"},
		{[]string{"自评表/219001.xlsx"}, map[string]string{"lang": "fr"}, "应为 zh 或 en"},
	} {
		code, got := postForms(t, srv, tc.files, tc.fields)
		if code < 400 || !strings.Contains(got, tc.want) {
			t.Errorf("%v %v: %d %s, want an error saying %q", tc.files, tc.fields, code, got, tc.want)
		}
	}
}
