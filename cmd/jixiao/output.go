package main

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/outfile"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

// output is where a command writes its report: standard output, or the
// file of -o through outfile (whole or not at all, never over an input).
type output struct {
	stdout io.Writer
	file   *outfile.File // nil for standard output
	words  msg.Printer   // words its errors
}

// openOutput opens -o path for cmd before anything is read, so that an
// output that would replace an input, or that cannot be written, stops the
// run before it begins. No path, or "-", is standard output.
func openOutput(ctx context.Context, cmd *cobra.Command, st *streams, path string) (*output, error) {
	if path == "" || path == "-" {
		return &output{stdout: st.Out, words: st.msg}, nil
	}
	f, err := outfile.Create(ctx, st.msg, path, inputFiles(cmd, st)...)
	if err != nil {
		return nil, failWith(exitNothing, err)
	}
	return &output{file: f, words: st.msg}, nil
}

// inputFiles lists the files cmd reads, from its flags: the ruleset(s)
// with their test cases, the data (standard input for -d -) and the
// settings file. A built-in ruleset id is no file and stays out of the
// list, as does any name that does not exist.
func inputFiles(cmd *cobra.Command, st *streams) []string {
	var files []string
	flags := cmd.Flags()
	if f := flags.Lookup("ruleset"); f != nil {
		refs := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			refs = sv.GetSlice()
		}
		for _, ref := range refs {
			if _, err := os.Stat(ref); err == nil {
				files = append(files, ref, rulesets.TestFile(ref))
			}
		}
	}
	if f := flags.Lookup("data"); f != nil {
		switch d := f.Value.String(); d {
		case "":
		case "-":
			// os.Stdin is named /dev/stdin, which is the file the shell
			// redirected from (jixiao eval -d - -o x.csv < x.csv).
			if in, ok := st.In.(*os.File); ok {
				files = append(files, in.Name())
			}
		default:
			files = append(files, d)
		}
	}
	if f := flags.Lookup("config"); f != nil {
		files = append(files, settingsFile(f.Value.String()))
	}
	return files
}

// write writes a report: to standard output, or to the file whole or not
// at all. A failed write, or a cancelled ctx (Ctrl-C), leaves the previous
// file as it was and no temporary file behind.
func (o *output) write(ctx context.Context, write func(io.Writer) error) error {
	if o.file == nil {
		return write(ctxWriter{ctx, o.stdout})
	}
	var w io.Writer = ctxWriter{ctx, o.file}
	if !o.file.Direct() {
		w = ctxFile{ctxWriter{ctx, o.file}}
	}
	if err := write(w); err != nil {
		return o.abort(o.words.Wrap(err, msg.ErrWriteLead, o.file.Name()))
	}
	if err := ctx.Err(); err != nil {
		return o.abort(err)
	}
	return o.file.Commit()
}

// close drops the output unless it was written; deferred by each command,
// so that a run that stops early leaves no temporary file.
func (o *output) close() {
	if o.file != nil {
		o.file.Abort()
	}
}

// abort drops the output after err; when a FIFO or device already got part
// of it, which cannot be taken back, the error says so.
func (o *output) abort(err error) error {
	o.file.Abort()
	if o.file.Direct() && o.file.Written() > 0 {
		return &partialOutput{path: o.file.Name(), err: err, words: o.words}
	}
	return err
}

// partialOutput is the error of a run that stopped after writing part of
// its output to a FIFO or a device.
type partialOutput struct {
	path  string
	err   error
	words msg.Printer
}

func (p *partialOutput) Error() string {
	return p.words.Sprintf(msg.ErrPartOutput, p.err, p.path)
}

func (p *partialOutput) Unwrap() error { return p.err }

// ctxWriter stops writing once ctx is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// ctxFile is ctxWriter for a regular file, which a format may also write
// out of order (the xlsx writes its largest sheet straight into the
// file, not into a temporary file of its own, and moves it in place at
// the end): report looks for these methods.
type ctxFile struct{ ctxWriter }

func (c ctxFile) file() *outfile.File { return c.w.(*outfile.File) }

func (c ctxFile) ReadAt(p []byte, off int64) (int, error) { return c.file().ReadAt(p, off) }

func (c ctxFile) WriteAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.file().WriteAt(p, off)
}

func (c ctxFile) Truncate(size int64) error { return c.file().Truncate(size) }

func (c ctxFile) Written() int64 { return c.file().Written() }

// needsFile refuses a binary format (xlsx) bound for standard output:
// it is written to a file, -o FILE.
func needsFile(p msg.Printer, f report.Format, output string) error {
	if f.Binary && (output == "" || output == "-") {
		return failWith(exitNothing, errors.New(p.Sprintf(msg.ErrFormatBinary, f.Name)))
	}
	return nil
}
