// Package workbench is jixiao's local web workbench (jixiao serve): a
// Chinese single-page app and a JSON API over the library — open data and
// a ruleset, tune weights, targets and bounds and see every unit move
// against the saved version, review claims, download every report format,
// and keep ruleset versions, datasets and runs in a SQLite database.
//
// The page is HTML, CSS and plain JavaScript embedded in the binary; it
// loads nothing from elsewhere. Requests never name a file: rulesets are
// built-in ids, saved versions or uploaded text, data is uploaded or kept
// in the database by its hash, so nothing a request says reaches the file
// system but the database.
//
// Security: on a loopback address any local program may use the server,
// but a browser only from the page itself (a POST from another origin is
// refused, and the Host must be a loopback name, against DNS rebinding).
// On any other address every request needs the token: the X-Jixiao-Token
// header, or the same-site cookie the page gets when opened with ?token=.
// Uploads are capped (413 past the cap).
package workbench

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/jixiao/jixiao/internal/msg"
)

//go:embed web
var webFS embed.FS

// DefaultMaxUpload is the default cap on a request's body.
const DefaultMaxUpload = 64 << 20

// DefaultAddr is where jixiao serve listens unless told.
const DefaultAddr = "127.0.0.1:8421"

// Config says how a workbench serves.
type Config struct {
	// Addr is the address the server listens on; it decides whether a
	// token is required (any address that is not loopback).
	Addr string
	// Token is required off loopback; New generates one when empty.
	Token string
	// DB is the SQLite file of the history; ":memory:" keeps none.
	DB string
	// MaxUpload caps a request's body in bytes (DefaultMaxUpload when 0).
	MaxUpload int64
	// Now stamps versions, datasets and runs (time.Now when nil).
	Now func() time.Time
}

// Server is a workbench: its handler, its database and its caches.
type Server struct {
	cfg       Config
	needToken bool
	store     *store
	mux       *http.ServeMux
	cache     *caches
}

// New opens the database and makes the server.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.DB == "" {
		return nil, zh().Errorf(msg.WbNoDB)
	}
	s := &Server{cfg: cfg, needToken: !IsLoopback(cfg.Addr), cache: newCaches()}
	if s.cfg.Token == "" && s.needToken {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return nil, zh().Wrap(err, msg.WbToken)
		}
		s.cfg.Token = hex.EncodeToString(b)
	}
	st, err := openStore(cfg.DB, cfg.Now)
	if err != nil {
		return nil, err
	}
	s.store = st
	s.routes()
	return s, nil
}

// Close closes the database.
func (s *Server) Close() error { return s.store.Close() }

// Token is the token requests need (empty on loopback unless one was given).
func (s *Server) Token() string { return s.cfg.Token }

// URL is the address to open in a browser, with the token when one is
// needed.
func (s *Server) URL(addr string) string {
	u := url.URL{Scheme: "http", Host: addr, Path: "/"}
	if s.cfg.Token != "" {
		u.RawQuery = "token=" + url.QueryEscape(s.cfg.Token)
	}
	return u.String()
}

// IsLoopback tells whether addr (host:port) listens only on this machine.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

const (
	tokenHeader = "X-Jixiao-Token"
	tokenCookie = "jixiao_token"
)

// ServeHTTP checks the request (token, origin, size) and serves it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "no-referrer")
	// The page loads nothing from outside the binary; the policy says so to
	// the browser too.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	if !s.needToken && r.Host != "" && !IsLoopback(r.Host) {
		// A page of another site that resolves its own name to 127.0.0.1
		// (DNS rebinding) would otherwise be same-origin with us.
		httpError(w, http.StatusForbidden, zh().Errorf(msg.WbHost, r.Host))
		return
	}
	if s.cfg.Token != "" {
		if r.Method == http.MethodGet && r.URL.Path == "/" && r.URL.Query().Get("token") != "" {
			if !s.tokenOK(r.URL.Query().Get("token")) {
				httpError(w, http.StatusUnauthorized, zh().Errorf(msg.WbWrongToken))
				return
			}
			// The token moves to a same-site cookie and out of the address bar.
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.cfg.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		if s.needToken && !s.authorized(r) {
			httpError(w, http.StatusUnauthorized, zh().Errorf(msg.WbNeedsToken))
			return
		}
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if err := sameOrigin(r); err != nil {
			httpError(w, http.StatusForbidden, err)
			return
		}
		if r.ContentLength > s.cfg.MaxUpload {
			httpError(w, http.StatusRequestEntityTooLarge, zh().Errorf(msg.WbUploadOver, r.ContentLength, s.cfg.MaxUpload))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

func (s *Server) authorized(r *http.Request) bool {
	if t := r.Header.Get(tokenHeader); t != "" {
		return s.tokenOK(t)
	}
	c, err := r.Cookie(tokenCookie)
	return err == nil && s.tokenOK(c.Value)
}

// sameOrigin refuses a state-changing request a browser sends from another
// site: browsers send Origin (and Sec-Fetch-Site) with every cross-origin
// POST; programs such as curl send neither.
func sameOrigin(r *http.Request) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return zh().Errorf(msg.WbOtherSite, site)
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return nil
	}
	u, err := url.Parse(o)
	if err != nil || u.Host != r.Host {
		return zh().Errorf(msg.WbOrigin, o)
	}
	return nil
}

// apiError is the JSON of a failed request: the message and, for errors
// with a position (a ruleset or a data file), each error with its place.
type apiError struct {
	Error  string      `json:"error"`
	Errors []errorItem `json:"errors,omitempty"`
}

type errorItem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Field   string `json:"field,omitempty"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	Text    string `json:"text"`
}

func httpError(w http.ResponseWriter, status int, err error) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		status = http.StatusRequestEntityTooLarge
		err = zh().Errorf(msg.WbUploadOverLimit, mb.Limit)
	}
	writeJSON(w, status, apiError{Error: err.Error(), Errors: positioned(err)})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// caches keep what the tuning loop reads again and again: compiled
// programs by the hash of their text, units read by dataset and inputs,
// results by both. Each holds a few entries, the latest.
type caches struct {
	progs    lru
	lints    lru // lint's issues by text
	datasets lru // stored datasets' bytes by hash, not read from the database at each page
	units    lru
	results  lru
	scored   lru // the tuning loop's compact scores
	cmps     lru // their comparisons, by both texts and the data
	orders   lru // the table's rows sorted and filtered, per scores, comparison and page
}

func newCaches() *caches {
	return &caches{progs: lru{max: 16}, lints: lru{max: 16}, datasets: lru{max: 2}, units: lru{max: 4}, results: lru{max: 4},
		scored: lru{max: 4}, cmps: lru{max: 4}, orders: lru{max: 16}}
}

// lru keeps the max entries used last: a use counts, so the saved version,
// compared at every retune, stays while new texts come and go.
type lru struct {
	mu    sync.Mutex
	max   int
	keys  []string
	items map[string]*entry
	made  int // values built, for the tests: each once
}

// entry is a value being made or made: who asks for it meanwhile waits
// for the one making it rather than making it again (the page asks for
// rows while 100,000 units are still being scored).
type entry struct {
	done chan struct{}
	v    any
	err  error
}

// do returns the value kept under k, making it with build when there is
// none. An error is returned to whoever waited for it and not kept.
func (c *lru) do(k string, build func() (any, error)) (any, error) {
	c.mu.Lock()
	if e, ok := c.items[k]; ok {
		c.touch(k)
		c.mu.Unlock()
		<-e.done
		if errors.Is(e.err, context.Canceled) || errors.Is(e.err, context.DeadlineExceeded) {
			// The request making it went away (the page asked for
			// something else): this one's build makes it instead.
			return c.do(k, build)
		}
		return e.v, e.err
	}
	if c.items == nil {
		c.items = map[string]*entry{}
	}
	if len(c.keys) == c.max {
		delete(c.items, c.keys[0])
		c.keys = c.keys[1:]
	}
	e := &entry{done: make(chan struct{})}
	c.keys = append(c.keys, k)
	c.items[k] = e
	c.made++
	c.mu.Unlock()

	defer func() {
		close(e.done)
		if e.err != nil {
			c.mu.Lock()
			if c.items[k] == e {
				delete(c.items, k)
				c.keys = slices.DeleteFunc(c.keys, func(key string) bool { return key == k })
			}
			c.mu.Unlock()
		}
	}()
	e.err = errAbandoned // what the waiters get should build panic
	e.v, e.err = build()
	return e.v, e.err
}

var errAbandoned = zh().Errorf(msg.WbAbandoned)

// built is how many values were made.
func (c *lru) built() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made
}

func (c *lru) touch(k string) {
	for i, key := range c.keys {
		if key == k {
			c.keys = append(append(c.keys[:i:i], c.keys[i+1:]...), k)
			return
		}
	}
}

// staticFS is the page's files.
func staticFS() fs.FS {
	sub, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return sub
}

// requestContext bounds the work of one request.
func requestContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), 5*time.Minute)
}
