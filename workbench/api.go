package workbench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

func (s *Server) routes() {
	m := http.NewServeMux()
	static := http.FileServer(http.FS(staticFS()))
	m.Handle("GET /static/", http.StripPrefix("/static/", static))
	m.HandleFunc("GET /{$}", s.page)
	m.HandleFunc("GET /api/rulesets", s.listRulesets)
	m.HandleFunc("GET /api/ruleset", s.getRuleset)
	m.HandleFunc("GET /api/formats", s.formats)
	m.HandleFunc("POST /api/eval", s.apiEval)
	m.HandleFunc("POST /api/diff", s.apiDiff)
	m.HandleFunc("POST /api/review", s.apiReview)
	m.HandleFunc("POST /api/explain", s.apiExplain)
	m.HandleFunc("POST /api/lint", s.apiLint)
	m.HandleFunc("POST /api/view", s.apiView)
	m.HandleFunc("GET /api/datasets", s.listDatasets)
	m.HandleFunc("POST /api/datasets", s.addDataset)
	m.HandleFunc("GET /api/versions", s.listVersions)
	m.HandleFunc("POST /api/versions", s.addVersion)
	m.HandleFunc("GET /api/runs", s.listRuns)
	m.HandleFunc("POST /api/runs", s.addRun)
	m.HandleFunc("GET /api/runs/{id}", s.getRun)
	m.HandleFunc("GET /api/units/{unit}/history", s.unitHistory)
	s.mux = m
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(staticFS(), "index.html")
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}

// text is a ruleset's or a data file's name and bytes, and their SHA-256
// when known (a stored dataset's is its key: 100,000 units are not hashed
// again at each page of rows).
type text struct {
	Name string
	Src  []byte
	hash string
}

func (t text) sum() string {
	if t.hash != "" {
		return t.hash
	}
	h := sha256.Sum256(t.Src)
	return hex.EncodeToString(h[:])
}

// hashed is t with its hash computed once.
func (t text) hashed() text {
	t.hash = t.sum()
	return t
}

// form is a multipart request read whole (the body is capped): files by
// field name, and the plain fields. The field forms carries many files
// (a folder of 自评表): each is in forms under the path it was sent with,
// the folder's name first.
type form struct {
	files  map[string]text
	forms  []text
	fields map[string]string
}

func readForm(r *http.Request) (*form, error) {
	f := &form{files: map[string]text{}, fields: map[string]string{}}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, zh().Wrap(err, msg.WbMultipart)
	}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			return nil, zh().Wrap(err, msg.WbReadUpload)
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return nil, zh().Wrap(err, msg.WbReadUploadPart, p.FormName())
		}
		switch {
		case p.FormName() == "forms":
			rel, err := relativeName(p)
			if err != nil {
				return nil, err
			}
			f.forms = append(f.forms, text{Name: rel, Src: b})
		case p.FileName() != "":
			f.files[p.FormName()] = text{Name: baseName(p.FileName()), Src: b}
		default:
			f.fields[p.FormName()] = string(b)
		}
	}
}

// relativeName is the path an uploaded file was sent with (a folder's
// file as folder/file.xlsx; Part.FileName keeps the last element only),
// refused when it would leave the folder.
func relativeName(p *multipart.Part) (string, error) {
	_, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
	name := params["filename"]
	if err != nil || name == "" {
		return baseName(p.FileName()), nil
	}
	name = strings.TrimLeft(strings.ReplaceAll(name, `\`, "/"), "/")
	clean := path.Clean(name)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", zh().Errorf(msg.WbUploadOutside, name)
	}
	return clean, nil
}

// baseName is the last element of an uploaded file's name: the name is
// shown in messages and its extension says the format; it names no file
// here.
func baseName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	if name == "." || name == "/" || name == ".." {
		return "upload"
	}
	return name
}

// ruleset is the ruleset a form gives as the file part, the built-in id
// part+"_id" or the saved version part+"_version"; the default ruleset
// when none.
func (s *Server) ruleset(ctx context.Context, f *form, part string) (text, error) {
	if t, ok := f.files[part]; ok {
		return t, nil
	}
	if id := f.fields[part+"_version"]; id != "" {
		return s.versionText(ctx, id)
	}
	id := f.fields[part+"_id"]
	if id == "" {
		id = defaultRuleset
	}
	name, src, err := builtinYAML(id)
	return text{Name: name, Src: src}, err
}

func (s *Server) versionText(ctx context.Context, id string) (text, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return text{}, zh().Errorf(msg.WbVersion, id)
	}
	v, err := s.store.version(ctx, n)
	if err != nil {
		return text{}, err
	}
	return text{Name: fmt.Sprintf("%s@v%d.yaml", v.RulesetID, v.ID), Src: []byte(v.YAML)}, nil
}

// data is the data a form gives: the file part data, a stored dataset by
// its hash (dataset), or the demonstration units of ruleset rulesetID.
func (s *Server) data(ctx context.Context, f *form, rulesetID string) (text, error) {
	if t, ok := f.files["data"]; ok {
		return t.hashed(), nil
	}
	return s.dataset(ctx, f.fields["dataset"], rulesetID)
}

// dataset is the stored dataset of hash sum (read from the database once
// while it is in use), or the ruleset's demonstration units when sum is
// empty.
func (s *Server) dataset(ctx context.Context, sum, rulesetID string) (text, error) {
	if sum != "" {
		v, err := s.cache.datasets.do(sum, func() (any, error) {
			name, src, err := s.store.dataset(ctx, sum)
			return text{Name: name, Src: src, hash: sum}, err
		})
		if err != nil {
			return text{}, err
		}
		return v.(text), nil
	}
	name, src, ok := demoData(rulesetID)
	if !ok {
		return text{}, zh().Errorf(msg.WbNoData, rulesetID)
	}
	return text{Name: name, Src: src}.hashed(), nil
}

// compiled is a ruleset compiled, with the key of its text.
type compiled struct {
	prog *engine.Program
	rs   *indicators.Ruleset
	key  string
}

func (s *Server) compile(t text, explain bool) (*compiled, error) {
	key := fmt.Sprintf("%s\x00%s\x00%t", t.Name, t.sum(), explain)
	c, err := s.cache.progs.do(key, func() (any, error) {
		rs, err := loadRuleset(t.Name, t.Src)
		if err != nil {
			return nil, err
		}
		prog, err := compile(rs, explain)
		if err != nil {
			return nil, err
		}
		return &compiled{prog: prog, rs: rulesetOf(prog), key: key}, nil
	})
	if err != nil {
		return nil, err
	}
	return c.(*compiled), nil
}

// inputsKey names how a ruleset reads data: units read for one ruleset
// serve every ruleset with the same inputs (a change of weights, targets
// or bounds reads the data the same way).
func inputsKey(rs *indicators.Ruleset) string {
	var b strings.Builder
	for _, in := range rs.Inputs {
		fmt.Fprintf(&b, "%q %q %q %q %t\n", in.ID, in.Label, in.Unit, in.Type, in.Optional)
	}
	return b.String()
}

type readData struct {
	units    []indicators.Unit
	warnings []*diag.Error
	info     *engine.DataInfo
}

func (s *Server) units(c *compiled, d text) (*readData, error) {
	sum := d.sum()
	key := d.Name + "\x00" + sum + "\x00" + inputsKey(c.rs)
	rd, err := s.cache.units.do(key, func() (any, error) {
		units, warnings, err := readUnits(c.prog, d.Name, d.Src)
		if err != nil {
			return nil, err
		}
		return &readData{units: units, warnings: warnings, info: &engine.DataInfo{Files: []string{d.Name}, SHA256: sum}}, nil
	})
	if err != nil {
		return nil, err
	}
	return rd.(*readData), nil
}

func (s *Server) result(ctx context.Context, c *compiled, d text) (*engine.Result, *readData, error) {
	rd, err := s.units(c, d)
	if err != nil {
		return nil, nil, err
	}
	key := c.key + "\x00" + rd.info.Files[0] + "\x00" + rd.info.SHA256
	res, err := s.cache.results.do(key, func() (any, error) { return evaluate(ctx, c.prog, rd.units, rd.info) })
	if err != nil {
		return nil, nil, err
	}
	return res.(*engine.Result), rd, nil
}

// retune is the tuning loop: the ruleset cur scored over the data d (kept
// read), and compared with the saved version base. Both sides are
// streamed into compact scores (see scored) rather than engine.Results.
func (s *Server) retune(ctx context.Context, cur, base text, d text) (*scored, *compared, error) {
	c, err := s.compile(cur, false)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.scored(ctx, c, d)
	if err != nil {
		return nil, nil, err
	}
	if base.Src == nil {
		return res, nil, nil
	}
	b, err := s.compile(base, false)
	if err != nil {
		return nil, nil, zh().Wrap(err, msg.WbSavedVersion)
	}
	old, err := s.scored(ctx, b, d)
	if err != nil {
		return nil, nil, zh().Wrap(err, msg.WbSavedVersion)
	}
	// The page asks again for each page of rows it scrolls to: the same
	// two texts are compared once.
	key := c.key + "\x00" + b.key + "\x00" + d.Name + "\x00" + d.sum()
	cmp, _ := s.cache.cmps.do(key, func() (any, error) { return newCompared(compareScored(old, res), key), nil })
	return res, cmp.(*compared), nil
}

// scored is the compact scores of the compiled ruleset c over the data d,
// kept for the next retune (the saved version's stay while it is tuned).
func (s *Server) scored(ctx context.Context, c *compiled, d text) (*scored, error) {
	rd, err := s.units(c, d)
	if err != nil {
		return nil, err
	}
	key := c.key + "\x00" + rd.info.Files[0] + "\x00" + rd.info.SHA256
	// A request for the same while it is scored waits for it.
	res, err := s.cache.scored.do(key, func() (any, error) {
		res, err := scoreUnits(ctx, c.prog, rd.units, rd.info)
		if err != nil {
			return nil, err
		}
		res.key = key
		return res, nil
	})
	if err != nil {
		return nil, err
	}
	return res.(*scored), nil
}

func formatOf(f *form, def string) string {
	if v := f.fields["format"]; v != "" {
		return v
	}
	return def
}

// download sends bytes as a file the browser saves.
func download(w http.ResponseWriter, name, format string, b []byte) {
	types := map[string]string{"json": "application/json", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8",
		"md": "text/markdown; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
	ct, ok := types[format]
	if !ok {
		ct = "text/plain; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename*=UTF-8''%s", urlEscape(name)))
	w.Write(b)
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func ext(format string) string {
	switch format {
	case "table", "text":
		return "txt"
	case "selfeval":
		return "xlsx"
	}
	return format
}

// rulesAndData reads a request's rulesets (the parts named, "ruleset" but
// for diff's old and new) and data and compiles the rulesets: the first
// steps of every answer that scores. The data defaults to the first
// ruleset's demonstration units. The status is an error's: 400 for what
// the request gave, 422 for a ruleset that does not compile.
func (s *Server) rulesAndData(ctx context.Context, f *form, explain bool, parts ...string) ([]*compiled, text, int, error) {
	cs := make([]*compiled, len(parts))
	for i, part := range parts {
		rt, err := s.ruleset(ctx, f, part)
		if err == nil {
			cs[i], err = s.compile(rt, explain)
			if err != nil {
				return nil, text{}, http.StatusUnprocessableEntity, err
			}
			continue
		}
		if len(parts) > 1 {
			err = zh().Wrap(err, msg.WbPartRuleset, part)
		}
		return nil, text{}, http.StatusBadRequest, err
	}
	d, err := s.data(ctx, f, cs[0].rs.ID)
	if err != nil {
		return nil, text{}, http.StatusBadRequest, err
	}
	return cs, d, 0, nil
}

// apiEval answers what jixiao eval -f FORMAT writes (json by default).
func (s *Server) apiEval(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	f, err := readForm(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	format := formatOf(f, "json")
	explain, err := formatExplains(format)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	cs, d, status, err := s.rulesAndData(ctx, f, explain, "ruleset")
	if err != nil {
		httpError(w, status, err)
		return
	}
	c := cs[0]
	var buf bytes.Buffer
	if _, err := writeEval(ctx, &buf, format, c.prog, d.Name, d.Src); err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	download(w, c.rs.ID+"."+ext(format), format, buf.Bytes())
}

// apiDiff answers what jixiao diff -r OLD -r NEW -f FORMAT writes: parts
// old and new (files, old_id/new_id or old_version/new_version), data.
func (s *Server) apiDiff(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	f, err := readForm(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	progs, d, status, err := s.rulesAndData(ctx, f, false, "old", "new")
	if err != nil {
		httpError(w, status, err)
		return
	}
	var res [2]*engine.Result
	for i, c := range progs {
		if res[i], _, err = s.result(ctx, c, d); err != nil {
			httpError(w, http.StatusUnprocessableEntity, err)
			return
		}
	}
	format := formatOf(f, "json")
	var buf bytes.Buffer
	if err := writeDiff(&buf, format, compare(res[0], res[1])); err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	download(w, "diff."+ext(format), format, buf.Bytes())
}

// apiReview answers what jixiao review -f FORMAT writes: of the claims
// in data (parts ruleset and data), or of the self-evaluation forms sent
// as the files forms (see apiReviewForms).
func (s *Server) apiReview(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	f, err := readForm(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	if len(f.forms) > 0 {
		s.apiReviewForms(ctx, w, f)
		return
	}
	cs, d, status, err := s.rulesAndData(ctx, f, false, "ruleset")
	if err != nil {
		httpError(w, status, err)
		return
	}
	c := cs[0]
	res, _, err := s.result(ctx, c, d)
	if err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	format := formatOf(f, "json")
	var buf bytes.Buffer
	if err := writeReview(ctx, &buf, format, c.prog, res, d.Name, d.Src); err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	download(w, "review."+ext(format), format, buf.Bytes())
}

// apiReviewForms answers what jixiao review DIR -f FORMAT [--lang LANG]
// writes (json and Chinese by default) of the forms uploaded: each file under the path it was sent
// with, so a folder folder/ sent whole answers as jixiao review folder.
// The forms are written to a temporary folder, read as the command reads
// them and the folder removed: no name sent reaches beyond it.
func (s *Server) apiReviewForms(ctx context.Context, w http.ResponseWriter, f *form) {
	if _, ok := f.files["ruleset"]; ok || f.fields["ruleset_id"] != "" || f.fields["ruleset_version"] != "" {
		httpError(w, http.StatusBadRequest, zh().Errorf(msg.WbFormsByRuleset))
		return
	}
	if _, ok := f.files["data"]; ok || f.fields["dataset"] != "" {
		httpError(w, http.StatusBadRequest, zh().Errorf(msg.WbFormsAndData))
		return
	}
	dir, err := os.MkdirTemp("", "jixiao-forms-")
	if err != nil {
		httpError(w, http.StatusInternalServerError, zh().Wrap(err, msg.WbFormsTemp))
		return
	}
	defer os.RemoveAll(dir)
	for _, t := range f.forms {
		if err := writeUpload(dir, t); err != nil {
			httpError(w, http.StatusBadRequest, err)
			return
		}
	}
	format := formatOf(f, "json")
	var buf bytes.Buffer
	if err := writeFormsReview(ctx, &buf, format, dir, f.fields["lang"]); err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	download(w, "review."+ext(format), format, buf.Bytes())
}

// writeUpload writes t under dir at its relative name (checked by
// relativeName), refusing a second file of the same name.
func writeUpload(dir string, t text) error {
	dst := filepath.Join(dir, filepath.FromSlash(t.Name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return zh().Wrap(err, msg.WbUpload, t.Name)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return zh().Errorf(msg.WbUploadTwice, t.Name)
	}
	if err != nil {
		return zh().Wrap(err, msg.WbUpload, t.Name)
	}
	if _, err := out.Write(t.Src); err != nil {
		out.Close()
		return zh().Wrap(err, msg.WbUpload, t.Name)
	}
	return out.Close()
}

// apiExplain answers what jixiao explain UNIT -f FORMAT writes (text by
// default): field unit.
func (s *Server) apiExplain(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	f, err := readForm(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	cs, d, status, err := s.rulesAndData(ctx, f, false, "ruleset")
	if err != nil {
		httpError(w, status, err)
		return
	}
	c := cs[0]
	// The ranks are the view's scores: a unit clicked does not score the
	// 100,000 others again.
	res, err := s.scored(ctx, c, d)
	if err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	rd, err := s.units(c, d)
	if err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	unit := f.fields["unit"]
	at := -1
	for i := range rd.units {
		if rd.units[i].ID == unit {
			at = i
			break
		}
	}
	if at < 0 {
		httpError(w, http.StatusNotFound, zh().Errorf(msg.WbNoUnit, unit, d.Name))
		return
	}
	format := formatOf(f, "text")
	var buf bytes.Buffer
	if err := writeExplain(&buf, format, c.rs, c.prog, rd.units, at, res.rows[at].rank, res.summary.Units-res.summary.Errors, res.data); err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	download(w, unit+"."+ext(format), format, buf.Bytes())
}

// apiLint answers what jixiao lint says, as JSON: {"issues": [...]}.
func (s *Server) apiLint(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	f, err := readForm(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	rt, err := s.ruleset(ctx, f, "ruleset")
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"issues": s.lint(rt)})
}

// lint is what jixiao lint says of t, kept by its text: the page asks
// with the same text for each page of rows it scrolls to, and linting
// compiles every formula (some milliseconds).
func (s *Server) lint(t text) []Issue {
	v, _ := s.cache.lints.do(t.Name+"\x00"+t.sum(), func() (any, error) { return lint(t.Name, t.Src), nil })
	return v.([]Issue)
}

func (s *Server) listRulesets(w http.ResponseWriter, r *http.Request) {
	type builtin struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Version string `json:"version"`
	}
	out := []builtin{}
	for _, id := range builtinIDs() {
		name, src, err := builtinYAML(id)
		if err != nil {
			httpError(w, http.StatusInternalServerError, err)
			return
		}
		rs, err := loadRuleset(name, src)
		if err != nil {
			httpError(w, http.StatusInternalServerError, err)
			return
		}
		out = append(out, builtin{ID: id, Title: rs.Title, Version: rs.Version})
	}
	vs, err := s.store.versions(r.Context())
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"builtin": out, "default": defaultRuleset, "versions": vs})
}

// getRuleset answers the text of a built-in ruleset (?id=) or a saved
// version (?version=).
func (s *Server) getRuleset(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var t text
	var err error
	if v := q.Get("version"); v != "" {
		t, err = s.versionText(r.Context(), v)
	} else {
		id := q.Get("id")
		if id == "" {
			id = defaultRuleset
		}
		t.Name, t.Src, err = builtinYAML(id)
	}
	if err != nil {
		httpError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": t.Name, "yaml": string(t.Src)})
}

func statusOf(err error) int {
	if errors.Is(err, errNotFound) {
		return http.StatusNotFound
	}
	return http.StatusBadRequest
}

func (s *Server) formats(w http.ResponseWriter, r *http.Request) {
	names, binary := evalFormats()
	writeJSON(w, http.StatusOK, map[string]any{"eval": names, "binary": binary, "diff": diffFormats(), "review": reviewFormats(), "forms": formsFormats()})
}

func (s *Server) listDatasets(w http.ResponseWriter, r *http.Request) {
	ds, err := s.store.datasets(r.Context())
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, ds)
}

// addDataset keeps the uploaded file data by its hash.
func (s *Server) addDataset(w http.ResponseWriter, r *http.Request) {
	f, err := readForm(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err)
		return
	}
	d, ok := f.files["data"]
	if !ok {
		httpError(w, http.StatusBadRequest, zh().Errorf(msg.WbNoFile))
		return
	}
	sum := d.sum()
	if err := s.store.addDataset(r.Context(), sum, d.Name, d.Src); err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, Dataset{SHA256: sum, Name: d.Name, Size: len(d.Src)})
}

func (s *Server) listVersions(w http.ResponseWriter, r *http.Request) {
	vs, err := s.store.versions(r.Context())
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, vs)
}

// versionRequest saves a ruleset's text as a new version.
type versionRequest struct {
	Name string `json:"name"`
	YAML string `json:"yaml"`
	Note string `json:"note"`
}

func (s *Server) addVersion(w http.ResponseWriter, r *http.Request) {
	var req versionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		httpError(w, http.StatusBadRequest, zh().Wrap(err, msg.WbReadRequest))
		return
	}
	t := text{Name: baseName(req.Name), Src: []byte(req.YAML)}
	c, err := s.compile(t, false)
	if err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	v, err := s.store.addVersion(r.Context(), Version{RulesetID: c.rs.ID, Version: c.rs.Version, Title: c.rs.Title, SHA256: t.sum(), YAML: req.YAML, Note: req.Note})
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	v.YAML = ""
	writeJSON(w, http.StatusOK, v)
}

// workspace is what the page has open: the ruleset's text (name, yaml),
// the saved version it is compared with (base_name, base_yaml; none to
// compare with nothing), the data (a stored dataset's hash, or empty for
// the ruleset's demonstration units) and the form's edits to make first.
type workspace struct {
	Name     string `json:"name"`
	YAML     string `json:"yaml"`
	BaseName string `json:"base_name"`
	BaseYAML string `json:"base_yaml"`
	Dataset  string `json:"dataset"`
	Edits    []Edit `json:"edits"`
	Page     *page  `json:"page,omitempty"` // the table's rows to send; the first 200 by rank without
}

func (s *Server) apiView(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	start := time.Now()
	var ws workspace
	if err := json.NewDecoder(r.Body).Decode(&ws); err != nil {
		httpError(w, http.StatusBadRequest, zh().Wrap(err, msg.WbReadRequest))
		return
	}
	cur := text{Name: baseName(ws.Name), Src: []byte(ws.YAML)}
	if len(ws.Edits) > 0 {
		src, err := applyEdits(cur.Name, cur.Src, ws.Edits)
		if err != nil {
			httpError(w, http.StatusUnprocessableEntity, err)
			return
		}
		cur.Src = src
	}
	out := view{YAML: string(cur.Src), Lint: s.lint(cur)}
	var base text
	if ws.BaseYAML != "" && ws.BaseYAML != string(cur.Src) {
		base = text{Name: baseName(ws.BaseName), Src: []byte(ws.BaseYAML)}
	}
	c, err := s.compile(cur, false)
	if err != nil {
		out.fail(err)
		writeJSON(w, http.StatusOK, out)
		return
	}
	d, err := s.dataset(ctx, ws.Dataset, c.rs.ID)
	if err != nil {
		out.fail(err)
		writeJSON(w, http.StatusOK, out)
		return
	}
	res, cmp, err := s.retune(ctx, cur, base, d)
	if err != nil {
		out.fail(err)
		writeJSON(w, http.StatusOK, out)
		return
	}
	rd, _ := s.units(c, d)
	p := pageOf(ws.Page)
	out.fill(c.rs, res, cmp, rd, p, s.order(res, cmp, p))
	out.Millis = time.Since(start).Milliseconds()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) listRuns(w http.ResponseWriter, r *http.Request) {
	rs, err := s.store.runs(r.Context())
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, rs)
}

// addRun evaluates the workspace and keeps the run: its JSON (as jixiao
// eval -f json --stamp-time writes it) and each unit's outcome.
func (s *Server) addRun(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := requestContext(r)
	defer cancel()
	var ws workspace
	if err := json.NewDecoder(r.Body).Decode(&ws); err != nil {
		httpError(w, http.StatusBadRequest, zh().Wrap(err, msg.WbReadRequest))
		return
	}
	cur := text{Name: baseName(ws.Name), Src: []byte(ws.YAML)}
	c, err := s.compile(cur, true)
	if err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	d, err := s.dataset(ctx, ws.Dataset, c.rs.ID)
	if err != nil {
		httpError(w, statusOf(err), err)
		return
	}
	stamp := s.cfg.Now().UTC().Truncate(time.Second)
	var buf bytes.Buffer
	if _, err := writeEvalStamped(ctx, &buf, c.prog, d.Name, d.Src, stamp); err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	res, _, err := s.result(ctx, c, d)
	if err != nil {
		httpError(w, http.StatusUnprocessableEntity, err)
		return
	}
	var units []RunUnit
	for _, u := range res.Units {
		units = append(units, RunUnit{Unit: u.Unit, Name: u.Name, Scored: !u.Failed(), Score: u.Score, Grade: u.Grade, Rank: u.Rank})
	}
	run := Run{RulesetID: c.rs.ID, RulesetVersion: c.rs.Version, RulesetSHA256: cur.sum(), DataName: d.Name, DataSHA256: d.sum(), Stamp: stamp.Format(time.RFC3339)}
	run, err = s.store.addRun(ctx, run, cur.Src, buf.Bytes(), units)
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, run)
}

// getRun answers a kept run's output exactly as it was written.
func (s *Server) getRun(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		httpError(w, http.StatusBadRequest, zh().Errorf(msg.WbRunNumber, r.PathValue("id")))
		return
	}
	b, err := s.store.runOutput(r.Context(), id)
	if err != nil {
		httpError(w, statusOf(err), err)
		return
	}
	download(w, fmt.Sprintf("run-%d.json", id), "json", b)
}

func (s *Server) unitHistory(w http.ResponseWriter, r *http.Request) {
	h, err := s.store.unitHistory(r.Context(), r.PathValue("unit"))
	if err != nil {
		httpError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, h)
}
