package main

import (
	"context"
	"encoding/binary"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/jixiao/jixiao/data"
	"github.com/jixiao/jixiao/engine"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rulesets"
)

type explainOptions struct {
	io        *streams
	Ruleset   string
	Data      string
	Read      data.Options // how to read Data
	Format    string
	Output    string
	Unit      string
	Tolerance float64
}

func newExplainCmd(io *streams) *cobra.Command {
	o := &explainOptions{io: io}
	cmd := &cobra.Command{
		Use:     "explain [-r RULESET] [-d DATA] [-f text|md] UNIT",
		Short:   io.msg.Sprintf(msg.HelpExplain),
		Long:    io.msg.Sprintf(msg.HelpExplainLong),
		Example: io.msg.Sprintf(msg.HelpExplainExample),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Unit = args[0]
			if err := checkDataFlags(io.msg, cmd.Flags(), o.Data); err != nil {
				return err
			}
			return runExplain(cmd.Context(), cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Ruleset, "ruleset", "r", "", io.msg.Sprintf(msg.FlagRuleset, rulesets.Default))
	f.StringVarP(&o.Data, "data", "d", "", io.msg.Sprintf(msg.FlagData))
	addDataFlags(f, &o.Read, io.msg)
	f.StringVarP(&o.Format, "format", "f", report.ExplainFormats().Names()[0], io.msg.Sprintf(msg.FlagFormat, strings.Join(report.ExplainFormats().Names(), "|")))
	f.StringVarP(&o.Output, "output", "o", "", io.msg.Sprintf(msg.FlagOutput))
	f.Float64Var(&o.Tolerance, "tolerance", 0.01, io.msg.Sprintf(msg.FlagTolerance))
	return cmd
}

func runExplain(ctx context.Context, cmd *cobra.Command, o *explainOptions) error {
	format, err := report.ExplainFormats().LookupLang(o.Format, o.io.msg.Lang.String())
	if err != nil {
		return failWith(exitNothing, err)
	}
	out, err := openOutput(ctx, cmd, o.io, o.Output)
	if err != nil {
		return err
	}
	defer out.close()
	eo, err := engineOptions(o.io.msg, 0, o.Tolerance, false)
	if err != nil {
		return err
	}
	prog, err := openRuleset(o.io, o.Ruleset, eo)
	if err != nil {
		return err
	}
	if o.Data == "-" {
		defer unblockOnCancel(ctx, o.io.In)()
	}
	src, info, err := openData(ctx, o.io.msg, o.Data, o.Read, prog, o.io.In, true)
	if err != nil {
		return err
	}
	defer src.Close()
	// One pass ranks every unit (the rank needs them all) and keeps none:
	// the sink renders nothing but the wanted unit's mark, and the source
	// keeps a copy of that unit's data for the derivation.
	catch := &unitCatch{words: o.io.msg, id: o.Unit, byName: map[string]*indicators.Unit{}}
	sink := &rankSink{id: o.Unit, nameRanks: map[string]int{}, own: map[string][]*float64{}}
	rs := prog.Ruleset()
	for k, ind := range rs.Indicators {
		if ind.Relative != "" {
			sink.relative = append(sink.relative, k)
		}
	}
	sink.pops = make([][]float64, len(sink.relative))
	sum, err := prog.Stream(ctx, catch.wrap(src), sink)
	if err != nil {
		if ctx.Err() != nil {
			return failWith(exitNothing, o.io.msg.Wrap(err, msg.ErrStoppedLead))
		}
		return failWith(exitNothing, withFit(o.io.msg, err, prog.Ruleset().ID))
	}
	printWarnings(o.io.ErrOut, o.io.msg, src.Warnings())
	info.SHA256 = src.SHA256()
	// UNIT is an id first; failing that, a name (区教育局) that one unit
	// bears. A name that several units bear picks none: the message
	// lists their ids to choose from.
	if catch.unit == nil {
		switch ids := catch.nameIDs(); len(ids) {
		case 0:
			return failWith(exitNothing, o.io.msg.Errorf(msg.ErrNoUnit, o.Unit, strings.Join(info.Files, ", "), sink.list(o.io.msg, sum.Units)))
		case 1:
			catch.unit, sink.rank = catch.byName[ids[0]], sink.nameRanks[ids[0]]
		default:
			return failWith(exitNothing, o.io.msg.Errorf(msg.ErrNameAmbiguous, o.Unit, strings.Join(info.Files, ", "), len(ids), strings.Join(ids, ", ")))
		}
	}
	// The derivation comes from a program with explanations and trace
	// on, which records every step while scoring the unit.
	eprog, err := engine.Compile(prog.Ruleset(), &engine.Options{Explain: true, Trace: true, Tolerance: eo.Tolerance, Lang: o.io.msg.Lang.String()})
	if err != nil {
		return failWith(exitNothing, err)
	}
	// A relative indicator is explained against the run's population, not
	// the unit alone.
	catch.unit.Populations = sink.populations(rs, catch.unit.ID)
	u := eprog.EvalUnit(catch.unit)
	u.Rank = sink.rank
	d := report.Derivation{Meta: report.NewMeta(prog, info), Unit: &u, Ranked: sum.Units - sum.Errors}
	if err := out.write(ctx, func(w io.Writer) error { return format.Derivation(w, d) }); err != nil {
		return failWith(exitNothing, err)
	}
	if u.Failed() {
		io.WriteString(o.io.ErrOut, o.io.msg.Sprintf(msg.RunUnitFailed, u.Unit))
		return failWith(exitUnitsFailed, nil)
	}
	return nil
}

// unitCatch passes a source's units on and keeps a copy of the data of
// the unit id, for the derivation.
type unitCatch struct {
	words msg.Printer // words the error of data that cannot be read again
	id    string
	mu    sync.Mutex // chunks are decoded on Stream's workers
	unit  *indicators.Unit
	// byName keeps, by id, the units whose name is the id sought: used
	// only when no unit has that id.
	byName map[string]*indicators.Unit
}

// nameIDs lists the ids of the units named c.id, sorted.
func (c *unitCatch) nameIDs() []string {
	ids := slices.Collect(maps.Keys(c.byName))
	slices.Sort(ids)
	return ids
}

// keepUnit returns a copy of u that outlives the source's reuse of its memory.
func keepUnit(u *indicators.Unit) *indicators.Unit {
	v := *u
	v.Values = slices.Clone(u.Values)
	v.Claims = maps.Clone(u.Claims)
	v.Reasons = maps.Clone(u.Reasons)
	v.Errors = slices.Clone(u.Errors)
	return &v
}

func (c *unitCatch) see(units []indicators.Unit) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range units {
		u := &units[i]
		if u.ID != c.id && u.Name == c.id && c.byName != nil {
			if k := c.byName[u.ID]; k == nil || k.Pos.Line > u.Pos.Line {
				c.byName[u.ID] = keepUnit(u)
			}
		}
		// The first of a duplicated id is the one scored; chunks may be
		// decoded out of order.
		if u.ID != c.id || c.unit != nil && c.unit.Pos.Line <= u.Pos.Line {
			continue
		}
		// The source reuses the unit's memory for the next one.
		c.unit = keepUnit(u)
	}
}

// chunkDecoder and chunkedUnits spell out the method by which engine.Stream
// reads a source whose workers decode its chunks (data's CSV and XLSX
// sources): a wrapper must have it too, or Stream reads unit by unit.
type (
	chunkDecoder = func(buf []indicators.Unit) ([]indicators.Unit, error)
	chunkedUnits interface {
		engine.Units
		NextChunk() (chunkDecoder, error)
	}
)

// wrap returns src seen through c, chunked when src is.
func (c *unitCatch) wrap(src data.Source) engine.Units {
	if ch, ok := src.(chunkedUnits); ok {
		return catchChunks{c, ch}
	}
	return catchUnits{c, src}
}

type catchUnits struct {
	c   *unitCatch
	src engine.Units
}

func (s catchUnits) Next() (*indicators.Unit, error) {
	u, err := s.src.Next()
	if u != nil {
		s.c.see([]indicators.Unit{*u})
	}
	return u, err
}

type catchChunks struct {
	c   *unitCatch
	src chunkedUnits
}

// Rewind starts the data again, for rulesets whose relative or panel
// indicators read it twice; the unit caught stays the first of its id.
func (s catchUnits) Rewind() error { return rewind(s.c.words, s.src) }

// Rewind is catchUnits' Rewind for a chunked source.
func (s catchChunks) Rewind() error { return rewind(s.c.words, s.src) }

// rewind rewinds src when it can be, with the error engine.Stream gives a
// source that cannot be read again.
func rewind(p msg.Printer, src any) error {
	r, ok := src.(interface{ Rewind() error })
	if !ok {
		return p.Errorf(msg.ErrReadTwice)
	}
	return r.Rewind()
}

// Next is never called: Stream reads a chunked source by its chunks.
func (s catchChunks) Next() (*indicators.Unit, error) { return nil, io.EOF }

func (s catchChunks) NextChunk() (chunkDecoder, error) {
	dec, err := s.src.NextChunk()
	if dec == nil {
		return nil, err
	}
	return func(buf []indicators.Unit) ([]indicators.Unit, error) {
		units, err := dec(buf)
		s.c.see(units[len(buf):])
		return units, err
	}, err
}

// rankSink is the engine.Sink of explain: it keeps the rank of unit id
// and the first ids of the data (for a message when there is no such
// unit), nothing else.
type rankSink struct {
	id string
	// relative holds the indexes of the relative indicators (比较法):
	// explaining one of them needs the population the run scored it
	// against, pops (its ok values by scored unit), and own, the values of
	// the units that may be the one explained.
	relative []int
	pops     [][]float64
	own      map[string][]*float64
	found    bool
	rank     int
	first    []string
	// nameRanks has the rank of each unit (by id) whose name is id: the
	// argument may be a name.
	nameRanks map[string]int
}

// unitListMost is how many ids a message lists.
const unitListMost = 10

// Render marks the unit wanted with a 1 (2 when its name is the
// argument) and gives its id, then its relative indicators' values.
func (s *rankSink) Render(dst []byte, u *engine.UnitResult) []byte {
	mark := byte(0)
	switch {
	case u.Unit == s.id:
		mark = 1
	case u.Name == s.id:
		mark = 2
	}
	dst = append(dst, mark)
	dst = binary.AppendUvarint(dst, uint64(len(u.Unit)))
	dst = append(dst, u.Unit...)
	for _, k := range s.relative {
		if k >= len(u.Indicators) || u.Indicators[k].Status != indicators.StatusOK {
			dst = append(dst, 0)
			continue
		}
		dst = binary.LittleEndian.AppendUint64(append(dst, 1), math.Float64bits(u.Indicators[k].Value))
	}
	return dst
}

func (s *rankSink) Start(engine.Summary) error { return nil }

// Emit counts the unit in the population of each relative indicator
// where it is scored (rank 0: failed or a repeated id, left out, as the
// run leaves it out) and notes the values of a unit that may be the one
// explained.
func (s *rankSink) Emit(rec []byte, rank int) error {
	mark := rec[0]
	n, w := binary.Uvarint(rec[1:])
	id := string(rec[1+w : 1+w+int(n)])
	rest := rec[1+w+int(n):]
	var vals []*float64
	for range s.relative {
		var v *float64
		if rest[0] == 1 {
			x := math.Float64frombits(binary.LittleEndian.Uint64(rest[1:9]))
			v, rest = &x, rest[9:]
		} else {
			rest = rest[1:]
		}
		vals = append(vals, v)
	}
	if len(s.first) < unitListMost {
		s.first = append(s.first, id)
	}
	if rank > 0 {
		for j, v := range vals {
			if v != nil {
				s.pops[j] = append(s.pops[j], *v)
			}
		}
	}
	if mark == 1 && !s.found {
		s.found, s.rank = true, rank
	}
	if _, seen := s.nameRanks[id]; mark == 2 && !seen && s.nameRanks != nil {
		s.nameRanks[id] = rank
	}
	if _, seen := s.own[id]; mark != 0 && !seen && rank > 0 {
		s.own[id] = vals
	}
	return nil
}

// populations are the values unit id is compared with: the run's,
// without the unit's own (EvalUnit adds it back, as a run counts it).
func (s *rankSink) populations(rs *indicators.Ruleset, id string) map[string][]float64 {
	if len(s.relative) == 0 {
		return nil
	}
	m := map[string][]float64{}
	for j, k := range s.relative {
		vs := slices.Clone(s.pops[j])
		if own := s.own[id]; own != nil && own[j] != nil {
			if i := slices.Index(vs, *own[j]); i >= 0 {
				vs = slices.Delete(vs, i, i+1)
			}
		}
		m[rs.Indicators[k].ID] = vs
	}
	return m
}

// list names the first units of the data, n in all, for a message.
func (s *rankSink) list(p msg.Printer, n int) string {
	ids := s.first
	if n > len(ids) {
		ids = append(ids, p.Sprintf(msg.ListMore, n-len(ids)))
	}
	return strings.Join(ids, ", ")
}
