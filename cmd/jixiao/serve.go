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
		Use:     "serve [--addr 127.0.0.1:8421] [--token T] [--db FILE]",
		Short:   io.msg.Sprintf(msg.HelpServe),
		Long:    io.msg.Sprintf(msg.HelpServeLong),
		Example: io.msg.Sprintf(msg.HelpServeExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Addr, "addr", workbench.DefaultAddr, io.msg.Sprintf(msg.FlagAddr))
	f.StringVar(&o.Token, "token", "", io.msg.Sprintf(msg.FlagToken))
	f.StringVar(&o.DB, "db", "jixiao.db", io.msg.Sprintf(msg.FlagDB))
	f.Int64Var(&o.MaxUpload, "max-upload", workbench.DefaultMaxUpload, io.msg.Sprintf(msg.FlagMaxUpload))
	return cmd
}

func runServe(ctx context.Context, o *serveOptions) error {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrServeLead))
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
			return failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrServeLead))
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
