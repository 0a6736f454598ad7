package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/rulesets"
	"github.com/jixiao/jixiao/synth"
)

type genOptions struct {
	io      *streams
	Ruleset string
	N       int
	Seed    int64
	Output  string
	Claims  bool
}

func newGenCmd(io *streams) *cobra.Command {
	o := &genOptions{io: io}
	cmd := &cobra.Command{
		Use:     "gen -r RULESET -n N [--seed S] -o FILE.csv|.jsonl|.xlsx",
		Short:   io.msg.Sprintf(msg.HelpGen),
		Long:    io.msg.Sprintf(msg.HelpGenLong),
		Example: io.msg.Sprintf(msg.HelpGenExample),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGen(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", io.msg.Sprintf(msg.FlagRuleset, rulesets.Default))
	f.IntVarP(&o.N, "count", "n", 1000, io.msg.Sprintf(msg.FlagCount))
	f.Int64Var(&o.Seed, "seed", 1, io.msg.Sprintf(msg.FlagSeed))
	f.StringVarP(&o.Output, "output", "o", "", io.msg.Sprintf(msg.FlagGenOutput))
	f.BoolVar(&o.Claims, "claims", false, io.msg.Sprintf(msg.FlagClaims))
	return cmd
}

// genWriters write generated rows in one data format.
var genWriters = map[string]func(w io.Writer, header []string) rowWriter{
	".csv":   newGenCSV,
	".jsonl": newGenJSONL,
	".xlsx":  newGenXLSX,
}

type rowWriter interface {
	row(r *synth.Row) error
	close() error
}

func runGen(ctx context.Context, cmd *cobra.Command, o *genOptions) error {
	if o.N < 1 {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrGenCount, o.N))
	}
	ext := strings.ToLower(filepath.Ext(o.Output))
	newWriter, ok := genWriters[ext]
	if o.Output == "" || !ok {
		return failWith(exitNothing, o.io.msg.Errorf(msg.ErrGenOutput, o.Output))
	}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	prog, err := openRuleset(o.io, o.Ruleset, nil)
	if err != nil {
		return err
	}
	rs := prog.Ruleset()
	header := synth.NewGenerator(rs, prog.NewProbe(), o.N, o.Seed).Header()
	if o.Claims {
		header = append(header, synth.ClaimHeader(rs)...)
	}
	err = out.write(ctx, func(w io.Writer) error {
		rw := newWriter(w, header)
		err := generate(prog, o.N, o.Seed, o.Claims, rw.row)
		if cerr := rw.close(); err == nil {
			err = cerr
		}
		return err
	})
	if err != nil {
		return failWith(exitNothing, err)
	}
	io.WriteString(o.io.ErrOut, o.io.msg.Sprintf(msg.RunWroteUnits, o.N, rs.ID, o.Output))
	return nil
}

// generate makes units 0..n-1 on one goroutine per core, in blocks, and
// hands them to emit in order.
func generate(prog *engine.Program, n int, seed int64, claims bool, emit func(*synth.Row) error) error {
	const size = 512
	type block struct {
		rows []synth.Row
		err  error
	}
	type job struct {
		start  int
		blocks chan block
	}
	workers := runtime.NumCPU()
	jobs := make(chan job)
	order := make(chan job, 2*workers)
	done := make(chan struct{})
	defer close(done)
	for w := 0; w < workers; w++ {
		go func() {
			rs := prog.Ruleset() // a copy: the workers share nothing
			g := synth.NewGenerator(rs, prog.NewProbe(), n, seed)
			schema := data.NewSchema(rs)
			for j := range jobs {
				b := block{rows: make([]synth.Row, min(size, n-j.start))}
				for i := range b.rows {
					g.Unit(j.start+i, &b.rows[i])
					if claims && b.err == nil {
						b.err = addClaims(g, schema, prog, &b.rows[i], seed, j.start+i)
					}
				}
				j.blocks <- b
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for start := 0; start < n; start += size {
			j := job{start: start, blocks: make(chan block, 1)}
			select {
			case order <- j:
			case <-done:
				return
			}
			select {
			case jobs <- j:
			case <-done:
				return
			}
		}
	}()
	for j := range order {
		b := <-j.blocks
		if b.err != nil {
			return b.err
		}
		for i := range b.rows {
			if err := emit(&b.rows[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// addClaims scores a generated row by the rules and appends the unit's
// claims drawn around that score. The row is read as data is
// (data.Schema.Unit); a cell that does not read is the generator's bug,
// and stops the run rather than draw claims around a wrong score. Each
// unit has its own random source, seeded by its number, so the file does
// not depend on the order of the work.
func addClaims(g *synth.Generator, schema *data.Schema, prog *engine.Program, row *synth.Row, seed int64, i int) error {
	rs := schema.Ruleset()
	u, err := schema.Unit(row.ID, row.Name, g.Fields(row))
	if err != nil {
		return fmt.Errorf("%s: %w", row.ID, err) // the data error says, in the run's language, what gen wrote wrong
	}
	r := prog.EvalUnit(&u)
	s := synth.Scored{Score: r.Score, Grade: r.Grade, Failed: r.Failed()}
	for _, ir := range r.Indicators {
		s.Points = append(s.Points, ir.Points)
		s.NA = append(s.NA, ir.Status == indicators.StatusNA)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)^0x636c61696d73)) // "claims"
	synth.Claim(rs, &u, &s, rng, synth.DefaultClaimMix())
	row.Cells = append(row.Cells, synth.ClaimCells(rs, &u)...)
	return nil
}

type genCSV struct {
	w   *csv.Writer
	rec []string
}

func newGenCSV(w io.Writer, header []string) rowWriter {
	c := &genCSV{w: csv.NewWriter(bufio.NewWriterSize(w, 1<<20))}
	c.w.Write(header)
	return c
}

func (c *genCSV) row(r *synth.Row) error {
	c.rec = append(append(c.rec[:0], r.ID, r.Name), r.Cells...)
	return c.w.Write(c.rec)
}

func (c *genCSV) close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return nil
}

type genJSONL struct {
	bw     *bufio.Writer
	inputs []string
	buf    []byte
}

func newGenJSONL(w io.Writer, header []string) rowWriter {
	return &genJSONL{bw: bufio.NewWriterSize(w, 1<<20), inputs: header[2:]}
}

// row writes {"unit", "name", "data"}: plain numbers as JSON numbers,
// other cells as text, blank cells left out.
func (j *genJSONL) row(r *synth.Row) error {
	b := append(j.buf[:0], `{"unit":`...)
	b = strconv.AppendQuote(b, r.ID)
	b = append(b, `,"name":`...)
	b, _ = appendJSONString(b, r.Name)
	b = append(b, `,"data":{`...)
	first := true
	for i, c := range r.Cells {
		if c == "" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b, _ = appendJSONString(b, j.inputs[i])
		b = append(b, ':')
		if _, err := strconv.ParseFloat(c, 64); err == nil {
			b = append(b, c...)
		} else {
			b, _ = appendJSONString(b, c)
		}
	}
	b = append(b, "}}\n"...)
	j.buf = b
	_, err := j.bw.Write(b)
	return err
}

func appendJSONString(b []byte, s string) ([]byte, error) {
	q, err := json.Marshal(s)
	return append(b, q...), err
}

func (j *genJSONL) close() error { return j.bw.Flush() }

type genXLSX struct {
	w    io.Writer
	f    *excelize.File
	sw   *excelize.StreamWriter
	row0 int
	vals []any
	err  error
}

func newGenXLSX(w io.Writer, header []string) rowWriter {
	x := &genXLSX{w: w, f: excelize.NewFile(), row0: 1}
	x.sw, x.err = x.f.NewStreamWriter("Sheet1")
	if x.err == nil {
		hv := make([]any, len(header))
		for i, h := range header {
			hv[i] = h
		}
		x.err = x.sw.SetRow("A1", hv)
	}
	return x
}

// row writes plain numbers as numeric cells, everything else as text.
func (x *genXLSX) row(r *synth.Row) error {
	if x.err != nil {
		return x.err
	}
	x.row0++
	x.vals = append(x.vals[:0], r.ID, r.Name)
	for _, c := range r.Cells {
		if v, err := strconv.ParseFloat(c, 64); err == nil {
			x.vals = append(x.vals, v)
		} else {
			x.vals = append(x.vals, c)
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row0)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, x.vals)
}

func (x *genXLSX) close() error {
	if x.err != nil {
		return x.err
	}
	if err := x.sw.Flush(); err != nil {
		return err
	}
	_, err := x.f.WriteTo(x.w)
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	return err
}
