package engine

import (
	"cmp"
	"errors"
	"slices"
	"sync"

	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/internal/msg"
)

// Scoring in bands. A sink that wants its units in an order of its own
// (the xlsx, by rank) gets them only once every unit is scored, so by
// default each unit's record waits in a spill: for a million units of
// the xlsx, a temporary file larger than the workbook. When the units
// come from a file that can be read again and the sink asks for it
// (bander), Stream does otherwise:
//
//   - the first pass scores every unit and keeps only what places it in
//     the order (its key, whether it failed: 9 bytes a unit for a numeric
//     key) besides the hash that scoring twice keeps (reread.go), and
//     renders each record only to measure it;
//   - the units are then placed in the order (4 bytes a unit), and the
//     order is cut into bands of about BandMemory bytes of records;
//   - each band is one more pass: the file is read again, the units of
//     the band (and only they) are scored and rendered again, checked
//     against the first pass's hash and kept in memory; then they are
//     handed to the sink in order.
//
// No temporary file holds the records, at the cost of reading the file
// once a band and scoring each unit twice. A unit's place, and so its
// band, comes from the first pass; a file changed in between stops the
// run as scoring twice does.

// defaultBandMemory is how many bytes of records a band keeps by default:
// a million units of grid-center's xlsx (251 MB of records) in four bands,
// the process under 256 MB.
const defaultBandMemory = 64 << 20

// bander is a sink that would have a data file read again a band of its
// order at a time rather than its records spilled (report's xlsx).
type bander interface {
	Bands() bool
}

// bands reports whether Stream should score src in bands for sink.
func (st *streamer) bands(src Units, sink Sink) (rereader, bool) {
	rr, ok := src.(rereader)
	if !ok || !rr.CanReread() || st.keep || st.orderer == nil {
		return nil, false
	}
	if b, ok := sink.(bander); !ok || !b.Bands() {
		return nil, false
	}
	return rr, true
}

// bandKeys is what the first pass keeps of each unit, in input order, to
// place it in the orderer's order; then, the place.
type bandKeys struct {
	nums   []float64
	texts  []string // nil until a key has a text
	failed []bool
	bytes  int64   // the records' length, all told
	pos    []int32 // after place: each unit's place in the order
}

// add keeps the keys of a job's units.
func (k *bandKeys) add(meta []unitMeta) {
	for i := range meta {
		m := &meta[i]
		if m.key.Text != "" && k.texts == nil {
			k.texts = make([]string, len(k.nums), cap(k.nums))
		}
		k.nums = append(k.nums, m.key.Num)
		if k.texts != nil {
			k.texts = append(k.texts, m.key.Text)
		}
		k.failed = append(k.failed, m.flags&recFailed != 0)
		k.bytes += int64(m.n)
	}
}

// place puts the units in the orderer's order as emitOrdered does (a
// stable sort: input order among equals and among the failed, which go
// last, duplicates among them), drops the keys and returns how many
// units a band holds.
func (st *streamer) place() int {
	k := &st.keys
	for i := range st.dups {
		k.failed[i] = true // failed after all
	}
	n := len(k.nums)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	key := func(i int32) OrderKey {
		o := OrderKey{Num: k.nums[i]}
		if k.texts != nil {
			o.Text = k.texts[i]
		}
		return o
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		if fa, fb := k.failed[a], k.failed[b]; fa || fb {
			return cmp.Compare(b2i(fa), b2i(fb))
		}
		return st.orderer.CompareKeys(key(a), key(b))
	})
	k.pos = make([]int32, n)
	for p, i := range order {
		k.pos[i] = int32(p)
	}
	k.nums, k.texts, k.failed = nil, nil, nil
	if k.bytes <= 0 {
		return max(n, 1)
	}
	return int(max(1, int64(st.p.conf.band)*int64(n)/k.bytes))
}

// band is the band of the order a pass keeps: places lo to hi, their
// records in blocks of memory reused from band to band.
type band struct {
	lo, hi int
	next   int // input index of the next job's first unit (takeBase)
	mu     sync.Mutex
	file   string // a file the pass read, for its errors
	blocks [][]byte
	mapped []bool // whether each block is mapped outside the heap (bandAlloc)
	cur    int    // the block being filled
	slots  []bandSlot
}

// bandSlot is where the record of the unit at one place lies, and that
// unit's input index.
type bandSlot struct {
	block, off, n, idx int32
}

// bandBlock is the size of a block of a band's records: large enough
// that few records are left at a block's end, small enough that the
// last block of a band wastes little.
const bandBlock = 1 << 20

func (b *band) reset(lo, hi int) {
	b.lo, b.hi, b.next, b.cur = lo, hi, 0, 0
	for i := range b.blocks {
		b.blocks[i] = b.blocks[i][:0]
	}
	b.slots = slices.Grow(b.slots[:0], hi-lo)[:hi-lo]
	clear(b.slots)
}

// put keeps the record of the unit of input index idx at place p.
func (b *band) put(p, idx int, rec []byte, file string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.file == "" {
		b.file = file
	}
	for b.cur < len(b.blocks) && len(b.blocks[b.cur])+len(rec) > cap(b.blocks[b.cur]) {
		b.cur++
	}
	if b.cur == len(b.blocks) {
		blk, mapped := bandAlloc(max(bandBlock, len(rec)))
		b.blocks, b.mapped = append(b.blocks, blk), append(b.mapped, mapped)
	}
	off := len(b.blocks[b.cur])
	b.blocks[b.cur] = append(b.blocks[b.cur], rec...)
	b.slots[p-b.lo] = bandSlot{block: int32(b.cur), off: int32(off), n: int32(len(rec)), idx: int32(idx)}
}

// free gives the blocks back.
func (b *band) free() {
	for i, blk := range b.blocks {
		if b.mapped[i] {
			bandFree(blk)
		}
	}
	b.blocks, b.mapped = nil, nil
}

// takeBase gives job j, whose chunk holds n units, the input index of
// its first: the workers take turns, in input order, once each has
// decoded its chunk, so that a unit outside the band is not scored.
func (st *streamer) takeBase(j *job, n int) {
	if err := st.turn.wait(j.seq); err != nil && j.err == nil {
		j.err = err
	}
	j.base = st.band.next
	st.band.next += n
	st.turn.done(j.seq, nil)
}

// inBand reports whether the unit of input index idx, u, is in the band.
func (st *streamer) inBand(idx int, u *indicators.Unit) (bool, error) {
	if idx >= len(st.sums) {
		return false, st.errChanged(u.Pos.File, idx+1, st.p.conf.pr.Sprintf(msg.EngMoreUnits, len(st.sums)))
	}
	p := int(st.keys.pos[idx])
	return p >= st.band.lo && p < st.band.hi, nil
}

// keepInBand checks the record the worker wrote last, from start in
// wk.out, against the first pass and keeps it in the band; the worker's
// and the job's buffers are left as before it, so that a pass holds no
// more than the band.
func (st *streamer) keepInBand(wk *worker, j *job, file string, start, idx int) error {
	rec := wk.out[start:]
	wk.out = wk.out[:start] // rec stays readable until the next record
	sum := j.sums[len(j.sums)-1]
	j.sums, j.meta, j.ids, j.warn = j.sums[:0], j.meta[:0], j.ids[:0], j.warn[:0]
	if sum != st.sums[idx] {
		return st.errChanged(file, idx+1, st.p.conf.pr.Sprintf(msg.EngOtherUnit))
	}
	st.band.put(int(st.keys.pos[idx]), idx, rec, file)
	return nil
}

// bandPasses writes the units a band at a time, each band a reading of
// the data.
func (st *streamer) bandPasses(rr rereader) error {
	st.ranks.finish()
	per := st.place()
	st.pass2 = true
	st.turn.cond.L = &st.turn.mu
	st.band = &band{}
	defer st.band.free()
	n := len(st.sums)
	e := emitter{st: st}
	for lo := 0; lo < n; lo += per {
		b := st.band
		b.reset(lo, min(n, lo+per))
		if err := st.bandPass(rr); err != nil {
			return err
		}
		for k := range b.slots {
			if k%4096 == 0 {
				if err := st.ctx.Err(); err != nil {
					return err
				}
			}
			s := b.slots[k]
			if s.n == 0 {
				return errors.New("stream: a unit of the band was not read again")
			}
			if _, ok := e.parse(b.blocks[s.block][s.off:s.off+s.n], int(s.idx)); !ok {
				return errors.New("stream: a record was cut short")
			}
			if err := e.emit(); err != nil {
				return err
			}
		}
	}
	return nil
}

// bandPass reads the data again and keeps the records of the band.
func (st *streamer) bandPass(rr rereader) error {
	src, done, err := readAgain(rr)
	if err != nil {
		return err
	}
	defer done()
	st.turn.next, st.turn.failed = 0, nil
	if err := st.score(src); err != nil {
		return err
	}
	if st.band.next != len(st.sums) {
		return st.errChanged(st.band.file, st.band.next+1, st.p.conf.pr.Sprintf(msg.EngFewerUnits, st.band.next, len(st.sums)))
	}
	return nil
}
