package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/workbench"
)

type serveOptions struct {
	io        *streams
	Addr      string
	Token     string
	DB        string
	MaxUpload int64
}

func newServeCmd(io *streams) *cobra.Command {
	o := &serveOptions{io: io}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8421] [--token T] [--db FILE]",
		Short: io.msg.Sprintf(msg.HelpServe),
		Long: `serve runs the workbench, a page in the browser (in Chinese) over the same
library as the commands: it shows the default ruleset's comparison table over
its demo units; opens data (CSV, XLSX, JSON, drag and drop) and rulesets
(built-in or a YAML file, with lint messages at their lines); tunes weights,
targets, band and grade bounds and shows the new totals, grades and the grade
migration against the saved version; reviews claims; downloads every report
format; and keeps ruleset versions, datasets (by hash) and runs (with their
audit stamps) in the SQLite database --db.

The first line of standard output is the URL to open. On a loopback address
(the default) no token is needed; on any other address every request needs
the token (--token, or one generated and printed in the URL). Uploads over
--max-upload bytes are refused (413).

Beside the page, an API answers what the commands write:
  POST /api/eval     multipart ruleset, data (files), format   = jixiao eval -f json
  POST /api/diff     multipart old, new, data, format           = jixiao diff -f json
  POST /api/review   multipart ruleset, data, format            = jixiao review -f json
  POST /api/explain  multipart ruleset, data, unit, format      = jixiao explain UNIT
  POST /api/lint     multipart ruleset                          = jixiao lint, as JSON
A ruleset may be given as ruleset_id (built-in) or ruleset_version (saved),
data as dataset (the hash of a stored dataset); without them the default
ruleset and its demo units are used.`,
		Example: `  $ jixiao serve
  $ jixiao serve --addr 0.0.0.0:8421 --db 绩效.db
  $ curl -F ruleset=@rules.yaml -F data=@units.csv http://127.0.0.1:8421/api/eval`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Addr, "addr", workbench.DefaultAddr, "address to listen on (host:port); off loopback a token is required")
	f.StringVar(&o.Token, "token", "", "token requests must carry off loopback (default: generated and printed in the URL)")
	f.StringVar(&o.DB, "db", "jixiao.db", "SQLite file keeping ruleset versions, datasets and runs")
	f.Int64Var(&o.MaxUpload, "max-upload", workbench.DefaultMaxUpload, "largest request body in bytes (larger uploads get 413)")
	return cmd
}

func runServe(ctx context.Context, o *serveOptions) error {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return failWith(exitNothing, fmt.Errorf("serve: %w", err))
	}
	srv, err := workbench.New(workbench.Config{Addr: o.Addr, Token: o.Token, DB: o.DB, MaxUpload: o.MaxUpload})
	if err != nil {
		ln.Close()
		return failWith(exitNothing, err)
	}
	defer srv.Close()
	fmt.Fprintln(o.io.Out, srv.URL(shownAddr(o.Addr, ln.Addr())))
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			return failWith(exitNothing, fmt.Errorf("serve: %w", err))
		}
		return nil
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
		return ctx.Err()
	}
}

// shownAddr is the address to print: the host as the user gave it (an
// unspecified 0.0.0.0 would otherwise print as [::]) with the port the
// listener got (for :0).
func shownAddr(given string, got net.Addr) string {
	host, _, err := net.SplitHostPort(given)
	_, port, err2 := net.SplitHostPort(got.String())
	if err != nil || err2 != nil {
		return got.String()
	}
	if host == "" {
		host = "0.0.0.0"
	}
	return net.JoinHostPort(host, port)
}
