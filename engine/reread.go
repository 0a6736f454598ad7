package engine

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"math"
	"sync"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Scoring twice. Stream's second pass needs every unit's record: by
// default the first pass renders them and keeps them in a spill, in a
// temporary file as large as the output (a million units of JSON with
// explanations: 9 GB). When the units come from a file that can be read
// again and the sink renders the same whether before Start or after, the
// first pass only scores (ranks, grades, duplicate ids, warnings) and the
// second reads the file again, scores and renders each unit again and
// hands it to the sink at once, in input order, with its rank: no
// temporary file, at the cost of reading and scoring twice.
//
// The file may change between the passes (saved from Excel meanwhile):
// each unit's record header (its line, id, name, score, grade and failed
// checks) is hashed in the first pass, and the second stops with an error
// at the first unit whose header differs, or when the units are more or
// fewer: what it would write is not what was ranked.

// rereader is a source that can read its units again from the start
// (data's sources of a regular file).
type rereader interface {
	CanReread() bool
	Reread() (interface {
		Next() (*indicators.Unit, error)
	}, error)
}

// lateRenderer is a sink whose Render gives the same bytes before Start
// or after it (report's csv and json sinks without --units), which the
// second reading needs: it renders after Start.
type lateRenderer interface {
	RendersLate() bool
}

// scoreCounter is a sink that counts the units scored without being
// rendered (the first pass of two), as it counts those it renders: jixiao
// eval's progress bar. Scored is called on the workers.
type scoreCounter interface {
	Scored()
}

// rereads reports whether Stream should score src twice rather than spill
// the records of sink.
func (st *streamer) rereads(src Units, sink Sink) (rereader, bool) {
	rr, ok := src.(rereader)
	if !ok || !rr.CanReread() || st.keep || st.orderer != nil {
		return nil, false
	}
	lr, ok := sink.(lateRenderer)
	if !ok || !lr.RendersLate() {
		return nil, false
	}
	return rr, true
}

// headerSum is the hash that the second reading checks a unit against:
// its inputs and its record's header but the file, which a record carries
// only at the start of a chunk (the readings may cut chunks differently).
// The bytes are laid out in buf (a worker's, reused) and hashed at once:
// maphash.Hash.Write of each value's 10 bytes cost 3 times as much.
func (st *streamer) headerSum(buf *[]byte, h []byte, u *indicators.Unit) uint32 {
	p := parser{b: h}
	flags := p.byte()
	if flags&recFailed == 0 {
		p.uvarint()
		p.byte()
	}
	lead := p.off
	if flags&recFile != 0 {
		p.str()
	}
	if p.short {
		return 0
	}
	b := append((*buf)[:0], flags&^recFile)
	b = append(b, h[1:lead]...)
	b = append(b, h[p.off:]...)
	for _, v := range u.Values {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Num))
		b = append(b, byte(v.Kind), v.Tier)
	}
	*buf = b
	x := maphash.Bytes(st.sumSeed, b)
	return uint32(x ^ x>>32)
}

// errChanged says the data changed between the passes.
func (st *streamer) errChanged(file string, unit int, what string) error {
	return errors.New(st.p.conf.pr.Sprintf(msg.EngDataChanged, file, what, unit))
}

// readAgain opens the data for one more reading; done ends it.
func readAgain(rr rereader) (src Units, done func(), err error) {
	again, err := rr.Reread()
	if err != nil {
		return nil, nil, err
	}
	done = func() {}
	if c, ok := again.(io.Closer); ok {
		done = func() { c.Close() }
	}
	src, ok := again.(Units)
	if !ok {
		done()
		return nil, nil, errors.New("stream: the data read again is not a source of units")
	}
	return src, done, nil
}

// rescore is the second pass of a reread: it reads the units again and
// scores and renders them; the workers hand the records to the sink in
// input order, taking turns (emitTurn).
func (st *streamer) rescore(rr rereader) error {
	src, done, err := readAgain(rr)
	if err != nil {
		return err
	}
	defer done()
	st.ranks.finish()
	st.pass2 = true
	st.turn.cond.L = &st.turn.mu
	st.em = emitter{st: st}
	if err := st.score(src); err != nil {
		return err
	}
	if err := st.turn.failed; err != nil {
		return err
	}
	if st.emitted != len(st.sums) {
		return st.errChanged(st.em.file, st.emitted+1, st.p.conf.pr.Sprintf(msg.EngFewerUnits, st.emitted, len(st.sums)))
	}
	return nil
}

// turns lets the workers of the second reading hand their records to the
// sink in input order: the worker of job seq waits until next is seq.
type turns struct {
	mu     sync.Mutex
	cond   sync.Cond
	next   int
	failed error
}

// wait waits for the turn of job seq, or for a failure.
func (t *turns) wait(seq int) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.next != seq && t.failed == nil {
		t.cond.Wait()
	}
	return t.failed
}

// isNext reports whether it is the turn of job seq (or a failure ended
// the turns), so that a wait would not block.
func (t *turns) isNext(seq int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.next == seq || t.failed != nil
}

// done ends the turn of job seq, with its error if any.
func (t *turns) done(seq int, err error) {
	t.mu.Lock()
	if err != nil && t.failed == nil {
		t.failed = err
	}
	if t.next == seq {
		t.next++
	}
	t.cond.Broadcast()
	t.mu.Unlock()
}

// emitTurn hands the records in wk.out to the sink, in its turn: checked
// against the first reading, with their ranks.
func (st *streamer) emitTurn(wk *worker, j *job) error {
	if err := st.turn.wait(j.seq); err != nil {
		return err
	}
	b := wk.out
	for k := wk.first; len(b) > 0; k++ {
		idx := st.emitted
		n, ok := st.em.parse(b, idx)
		if !ok {
			return errors.New("stream: a record was cut short")
		}
		if !st.compact { // a second reading: the data may have changed
			if idx >= len(st.sums) {
				return st.errChanged(st.em.file, idx+1, st.p.conf.pr.Sprintf(msg.EngMoreUnits, len(st.sums)))
			}
			if j.sums[k] != st.sums[idx] {
				return st.errChanged(st.em.file, idx+1, st.p.conf.pr.Sprintf(msg.EngOtherUnit))
			}
		}
		if err := st.em.emit(); err != nil {
			return err
		}
		st.emitted++
		b = b[n:]
	}
	return nil
}

// restatUnit is a duplicate whose statistics record restat takes out:
// its place in input order, its line and id as the first reading gave
// them.
type restatUnit struct {
	idx, line int
	id        string
}

// restat takes the duplicates found by verifyDuplicates out of the
// statistics when the data is read twice, whose id spill has no
// statistics records: it reads the data once more and scores those
// units again (the same record the first reading counted). Real data has
// none or a few, so the reading is rare; a million units of xlsx keep
// 62 MB less in temporary files.
func (st *streamer) restat(rr rereader) error {
	if len(st.restats) == 0 || st.noStats {
		return nil
	}
	src, done, err := readAgain(rr)
	if err != nil {
		return err
	}
	defer done()
	s := st.p.newScratch(st.ctx)
	s.pops, s.explain = st.pops, false
	var r UnitResult
	var rec []byte
	file := ""
	for idx, next := 0, 0; next < len(st.restats); idx++ {
		u, err := src.Next()
		if err == io.EOF {
			return st.errChanged(file, idx+1, st.p.conf.pr.Sprintf(msg.EngFewerUnits, idx, st.units))
		}
		if err != nil {
			return err
		}
		file = u.Pos.File
		d := st.restats[next]
		if idx < d.idx {
			continue
		}
		next++
		r = UnitResult{}
		st.p.evalUnitSafe(s, u, &r)
		if r.Unit != d.id || max(0, u.Pos.Line) != d.line {
			return st.errChanged(file, idx+1, st.p.conf.pr.Sprintf(msg.EngOtherUnit))
		}
		rec = appendStatRecord(rec[:0], &r, st.chooser == nil || st.chooser.Keeps(&r))
		st.stats.add(rec, -1)
	}
	return nil
}
