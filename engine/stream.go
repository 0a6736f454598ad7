package engine

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/indicators"
	"github.com/jixiao/jixiao/spill"
)

// Units is what Stream reads: units one at a time in input order, io.EOF
// after the last. Every data.Source is one.
type Units interface {
	Next() (*indicators.Unit, error)
}

// chunkDecoder decodes one chunk of a chunkedUnits source: it appends the
// chunk's units to buf (reusing the memory of the units beyond len(buf),
// up to cap(buf)) and returns them. An error means the data cannot be
// read past the units returned, as a syntax error of the file.
type chunkDecoder = func(buf []indicators.Unit) ([]indicators.Unit, error)

// chunkedUnits is a source whose units Stream's workers decode in
// parallel: NextChunk cuts the raw data into chunks in input order (io.EOF
// after the last), and each chunk's decoder runs on a worker. Stream reads
// such a source through NextChunk only. data's CSV reader is one.
type chunkedUnits interface {
	NextChunk() (chunkDecoder, error)
}

// Sink receives what Stream makes of the units. Stream calls Render on
// its workers as units are scored, then, once every unit is scored and the
// ranks are known, Start once and Emit for each unit in input order.
//
// A Sink that wants its units in an order of its own also has the methods
// Ordered() bool, OrderKey(u *UnitResult) OrderKey and CompareKeys(a, b
// OrderKey) int (see orderer in stream.go); one that wants to hear of
// failed checks, FailedCheck(unit, name string, c CheckResult) (more bool)
// (see checkWarner).
type Sink interface {
	// Render appends the record of one unit result to dst: whatever the
	// sink wants handed back to Emit, usually the unit formatted for
	// output with a hole where the rank goes. It runs on the worker that
	// scored the unit, concurrently with other workers. u and the slices
	// it holds are reused for the next unit once Render returns.
	Render(dst []byte, u *UnitResult) []byte
	// Start receives the summary of all units before the first Emit.
	Start(s Summary) error
	// Emit receives the record Render made of a unit, in input order
	// (or its own order), with the unit's rank (0 for a unit that failed).
	Emit(rec []byte, rank int) error
}

// orderer is implemented by a Sink that wants its units in an order of
// its own instead of input order, when Ordered returns true: by the key
// OrderKey gives each scored unit, as CompareKeys compares them, units of
// equal key in input order, then the units that failed, in input order.
// (report's sorted formats: the comparison sheet by rank, --sort.)
// OrderKey runs on the workers, like Render; its key is kept until the
// units are emitted, so it must not hold memory of u (clone a string).
// Stream reads the spilled records back in that order, at the cost of
// some 40 bytes of memory a unit for where each record lies and its key.
type orderer interface {
	Ordered() bool
	OrderKey(u *UnitResult) OrderKey
	CompareKeys(a, b OrderKey) int
}

// OrderKey is a unit's place in an orderer's order: a number, a text, or
// both, as the orderer compares them.
type OrderKey struct {
	Num  float64
	Text string
}

// keeper is implemented by a Sink that keeps the results Render is given
// (Eval's collector): each unit is scored into a result of its own, with
// its own explanations, rather than into the worker's reused one.
type keeper interface{ keepsResults() }

// statister is a sink that can say it shows no statistics (a csv has no
// summary): Stream then neither records nor counts them, and the
// summary's Indicators, Groups and Score stay empty. A sink that is not
// one gets them.
type statister interface{ Statistics() bool }

// chooser is implemented by a Sink that shows only some units (report's
// --units): Keeps runs on the workers, and the statistics of the summary
// are over the units it keeps.
type chooser interface {
	Keeps(u *UnitResult) bool
}

// checkWarner is implemented by a Sink that wants to hear of failed
// consistency checks: FailedCheck is called for them in input order,
// before Start, until it returns false, for the first maxWarnings at most.
// (The summary counts them all.)
type checkWarner interface {
	FailedCheck(unit, name string, c CheckResult) (more bool)
}

// Stream scores the units of src as they are read and hands them to sink
// in input order, ranked, holding only a bounded window of units in
// memory however many there are (see the package documentation for the
// passes). A worker per core (the Workers option) scores units, each with
// its own scratch state and expr VM, and renders them through
// sink.Render. A unit whose id appeared before fails with
// duplicate_unit; src must not check ids itself (data.OpenStream does
// not).
//
// Stream returns the summary of all units. Its error is set, and nothing
// was emitted, when src cannot be read to the end (a syntax error, an I/O
// error) or ctx is cancelled; or, with some units emitted, when the sink
// or the spill file fails.
func (p *Program) Stream(ctx context.Context, src Units, sink Sink) (Summary, error) {
	var pops *populations
	if _, first := sink.(*popSink); len(p.relative)+len(p.panels) > 0 && !first {
		var err error
		if pops, err = p.gatherPopulations(ctx, src); err != nil {
			return Summary{}, err
		}
	}
	st := &streamer{p: p, sink: sink, ctx: ctx, spill: spill.New(p.conf.spill), idSpill: spill.New(p.conf.spill / 4), pops: pops}
	defer st.spill.Close()
	defer st.idSpill.Close()
	st.warner, _ = sink.(checkWarner)
	if p, ok := src.(interface{ RowPlace(line int) string }); ok {
		st.rowPlace = p.RowPlace
	}
	_, st.keep = sink.(keeper)
	st.chooser, _ = sink.(chooser)
	st.stats = newStatsAcc(p)
	if s, ok := sink.(statister); ok && !s.Statistics() {
		st.noStats = true
	}
	if o, ok := sink.(orderer); ok && o.Ordered() {
		st.orderer = o
	}
	st.grades = make([]int, len(p.rs.Grades))
	st.changes = make([]int64, len(p.rs.Grades))
	st.noChange = make([]int, len(p.rs.Grades))
	st.ranks.init(p.rs)
	st.ids = newIDSet()
	if cr, ok := sink.(compactRenderer); ok && cr.RendersCompact() && !st.keep && st.orderer == nil {
		st.compact = true
	}
	var rr rereader
	twice := false
	if !st.compact {
		rr, twice = st.rereads(src, sink)
		if !twice {
			rr, st.banded = st.bands(src, sink)
			twice = st.banded
		}
	}
	st.twoPass = twice
	st.counter, _ = sink.(scoreCounter)
	if twice {
		st.sumSeed = maphash.MakeSeed()
	}
	if err := st.score(src); err != nil {
		return Summary{}, err
	}
	if err := st.verifyDuplicates(); err != nil {
		return Summary{}, err
	}
	if err := st.restat(rr); err != nil {
		return Summary{}, err
	}
	for _, w := range st.warnings {
		if _, dup := st.dups[w.idx]; !dup && !st.warner.FailedCheck(w.unit, w.name, w.check) {
			break
		}
	}
	sum := st.summary()
	sum.Populations = p.relativeStats(pops)
	sum.Panels = p.panelStats(pops)
	if err := sink.Start(sum); err != nil {
		return sum, err
	}
	if st.banded {
		return sum, st.bandPasses(rr)
	}
	if st.twoPass {
		return sum, st.rescore(rr)
	}
	if st.compact {
		return sum, st.recompose()
	}
	return sum, st.emit()
}

// maxWarnings bounds the failed checks Stream keeps for a checkWarner.
const maxWarnings = 256

// chunkUnits is how many units Stream takes from a plain (not chunked)
// source into one job.
const chunkUnits = 256

// streamer is the state of one Stream call.
type streamer struct {
	p       *Program
	sink    Sink
	warner  checkWarner
	chooser chooser   // nil: the statistics count every unit
	stats   *statsAcc // gathered by the collector
	noStats bool      // the sink shows no statistics (statister)
	keep    bool      // the sink keeps results (keeper)
	// rowPlace names a row of the data more fully than its line, when the
	// source can (data's workbooks: the sheet), for a repeated id.
	rowPlace func(line int) string
	ctx      context.Context
	spill    *spill.Spill
	pops     *populations // of the relative indicators, from the first pass

	// Gathered in input order by the collector.
	units, failed, claimed int
	grades                 []int // by grade band
	// changes sums the outcomes' budget changes in cents by grade band
	// (exact, so that the sum does not depend on the order of the
	// units), and noChange counts the units whose change is unknown.
	changes      []int64
	noChange     []int
	ranks        rankCounter
	failedChecks int
	missingUnits int       // scored units with a missing indicator
	checkUnits   int       // units with a failed check
	warnings     []warning // the first failed checks, for the warner
	ids          *idSet
	idSpill      *spill.Spill
	dups         map[int]int // record index of a duplicate → line of its first
	// When the data is read twice (twoPass), the id spill leaves out the
	// units' statistics records, most of its bytes (xlsx at a million
	// units: 82 MB): the few duplicates found are read and scored once
	// more to take theirs out (restat), by index, with their ids.
	idBuf   []byte
	restats []restatUnit
	touched uint64 // keeps idSet.touch's loads from being left out

	// Where the records lie in the spill, in input order: runs of
	// records, or for an orderer each record with its key.
	segs    []segment
	orderer orderer
	recs    []spillRec

	// Scoring twice (reread.go): the first pass keeps a hash of each
	// unit's record header, the second hands records to the sink as the
	// workers' turns come.
	twoPass, pass2 bool
	counter        scoreCounter // the sink, if it counts units scored unrendered
	// compact: the first pass keeps compact records, which the second
	// renders (compact.go).
	compact bool
	sumSeed maphash.Seed
	sums    []uint32
	turn    turns
	em      emitter
	emitted int

	// Scoring in bands (bands.go): the first pass keeps each unit's key
	// in the orderer's order; then each pass keeps the records of a band
	// of that order.
	banded bool
	keys   bandKeys
	band   *band
}

// segment is a run of records in the spill, in input order. The workers
// spill their records as they go, side by side, so that a worker holds at
// most about spillBytes of them however large a chunk's output is (a JSON
// record with explanations is some 60 times its CSV row).
type segment struct {
	off int64
	n   int
}

// spillBytes is how many bytes of records a worker gathers before it
// spills them: a few writes a megabyte, and little memory a worker.
const spillBytes = 128 << 10

// holdBytes is how many bytes of records a worker of a second reading
// keeps while an earlier job holds the turn to write, rather than wait
// for it: waiting at every spillBytes kept one worker idle behind the
// other (monitor's csv at a million units used 1.3 of the 2 cores). A
// job of a 64 KiB chunk renders to a few MiB at most.
const holdBytes = 16 << 20

// mayFlush reports whether the worker should hand over its records now:
// always, but in a second reading, where handing over waits for the
// job's turn, only in its turn or past holdBytes.
func (st *streamer) mayFlush(wk *worker, j *job) bool {
	if !st.pass2 || st.band != nil {
		return true
	}
	return len(wk.out) >= holdBytes || st.turn.isNext(j.seq)
}

// spillRec is where a record lies in the spill and its key in the
// orderer's order.
type spillRec struct {
	off    int64
	n      int32
	failed bool // sorts last
	key    OrderKey
}

// warning is a failed check kept for the checkWarner; idx is the unit's
// place in input order.
type warning struct {
	idx        int
	unit, name string
	check      CheckResult
}

// job is one chunk of units on its way through the workers.
type job struct {
	seq    int
	decode chunkDecoder
	units  []indicators.Unit // from a plain source
	segs   []segment         // where the records of the chunk's units lie in the spill
	meta   []unitMeta        // what the collector needs of each unit
	ids    []byte            // the units' entries of the id spill
	warn   []byte            // the headers of the records with failed checks, for a checkWarner
	sums   []uint32          // the units' header hashes, in the first pass of a reread
	base   int               // in a band's pass, the input index of the chunk's first unit
	run    []byte            // in recompose, a run of compact records
	file   string            // and the file of its first
	err    error
	last   bool
}

// unitMeta is what the collector needs of a unit, worked out by the
// worker that scored it so that the one collector goroutine does little.
type unitMeta struct {
	cents   int64
	key     OrderKey // the orderer's key, when there is one
	hash    uint64   // hashID of the unit id, when hasID
	off     int64    // where the unit's record lies in the spill (at first, in the worker's buffer)
	n       int      // the record's length
	warn    int      // where its header lies in job.warn, when nchecks > 0
	stat    int      // where its stat record lies in job.ids
	nchecks int      // failed checks
	change  int64    // the outcome's budget change in cents (Summary.Outcomes)
	grade   uint8
	flags   uint8
	hasID   bool
}

// score is the first pass: read, score and render every unit, gather what
// needs all units (ranks, grade counts, duplicate ids) and spill the
// records in input order.
func (st *streamer) score(src Units) error {
	workers := st.p.conf.workers
	inflight := 2*workers + 2
	tokens := make(chan struct{}, inflight)
	free := make(chan *job, inflight)
	jobs := make(chan *job)
	done := make(chan *job, inflight)
	quit := make(chan struct{})
	chunked, _ := src.(chunkedUnits)

	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case tokens <- struct{}{}:
			case <-quit:
				return
			}
			var j *job
			select {
			case j = <-free:
				*j = job{segs: j.segs[:0], units: j.units[:0], meta: j.meta[:0], ids: j.ids[:0], warn: j.warn[:0], sums: j.sums[:0], run: j.run[:0]}
			default:
				j = &job{}
			}
			j.seq = seq
			st.read(src, chunked, j)
			select {
			case jobs <- j:
			case <-quit:
				return
			}
			if j.last {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := &worker{s: st.p.newScratch(st.ctx)}
			wk.s.pops = st.pops
			wk.s.lend = !st.keep // work renders each result before the next
			if st.twoPass && !st.pass2 && !st.banded {
				// The first pass of two renders nothing: it needs no
				// explanation (a unit scores the same without them,
				// evalUnit), and writing them is most of the cost of
				// scoring a unit that has them.
				wk.s.explain = false
			}
			for j := range jobs {
				st.work(wk, j)
				done <- j // never blocks: at most inflight jobs exist
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	abort := func(err error) error {
		close(quit)
		for range done {
		}
		return err
	}
	pending := map[int]*job{}
	next := 0
	for j := range done {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := st.collect(j); err != nil {
				return abort(err)
			}
			if j.err != nil {
				return abort(j.err)
			}
			if j.last {
				close(quit)
				for range done {
				}
				return nil
			}
			// Free the job before the token: a reader woken by the token
			// then finds it, keeping its buffers, instead of making a new
			// job that grows them again.
			free <- j // never blocks: at most inflight jobs exist
			<-tokens
		}
	}
	return errors.New("stream: the reader stopped without a last chunk")
}

// read fills j with the next chunk of src.
func (st *streamer) read(src Units, chunked chunkedUnits, j *job) {
	if err := st.ctx.Err(); err != nil {
		j.err, j.last = err, true
		return
	}
	if runs, ok := src.(*spillRuns); ok {
		var err error
		j.run, j.file, err = runs.next(j.run)
		switch {
		case err == io.EOF:
			j.last = true
		case err != nil:
			j.err, j.last = err, true
		}
		return
	}
	if chunked != nil {
		dec, err := chunked.NextChunk()
		switch {
		case err == io.EOF:
			j.last = true
		case err != nil:
			j.err, j.last = err, true
		default:
			j.decode = dec
		}
		return
	}
	for len(j.units) < chunkUnits {
		u, err := src.Next()
		if err == io.EOF {
			j.last = true
			return
		}
		if err != nil {
			j.err, j.last = err, true
			return
		}
		j.units = append(j.units, *u)
	}
}

// worker is the scratch state of one worker goroutine.
type worker struct {
	s     *scratch
	r     UnitResult
	units []indicators.Unit
	out   []byte // records of the current job not yet spilled
	first int    // index in job.meta of the first unit in out
	sum   []byte // headerSum's scratch
}

// flush spills the records in wk.out and notes where they went.
func (st *streamer) flush(wk *worker, j *job) error {
	if len(wk.out) == 0 {
		return nil
	}
	if st.band != nil {
		// A band's records went to the band as they were made; what is
		// left is that of a unit that failed the check against the
		// first pass.
		wk.out, wk.first = wk.out[:0], len(j.meta)
		return nil
	}
	if st.pass2 {
		err := st.emitTurn(wk, j)
		wk.out, wk.first = wk.out[:0], len(j.meta)
		return err
	}
	off, err := st.spill.Add(wk.out)
	if err != nil {
		return err
	}
	for i := wk.first; i < len(j.meta); i++ {
		j.meta[i].off += off
	}
	j.segs = append(j.segs, segment{off: off, n: len(wk.out)})
	wk.out, wk.first = wk.out[:0], len(j.meta)
	return nil
}

func (st *streamer) work(wk *worker, j *job) {
	units := j.units
	if j.decode != nil {
		units, j.err = j.decode(wk.units[:0])
		wk.units = units[:0]
	}
	wk.out, wk.first = wk.out[:0], 0
	defer func() {
		if err := st.flush(wk, j); err != nil && j.err == nil {
			j.err = err
		}
		if st.pass2 && st.band == nil {
			st.turn.done(j.seq, j.err)
		}
	}()
	if st.compact && st.pass2 {
		st.workRun(wk, j)
		return
	}
	if st.band != nil {
		st.takeBase(j, len(units))
	}
	// The units are scored without a recover each: one guards the run
	// of them, and a unit whose scoring panicked is scored again alone
	// under evalUnitSafe (its error, or the panic of a bug), then the
	// run goes on after it. Nothing of the unit was written before its
	// scoring, so starting it again writes each unit once.
	file := ""
	for from, safe := 0, -1; from < len(units); {
		at, ok := st.scoreRun(wk, j, units, from, safe, &file)
		if ok {
			return
		}
		from, safe = at, at
	}
}

// scoreRun scores and renders units[from:] in order, units[safe] (if
// from) with a recover of its own. It returns ok, or the index of the
// unit whose scoring panicked (a panic anywhere else goes on up).
func (st *streamer) scoreRun(wk *worker, j *job, units []indicators.Unit, from, safe int, file *string) (at int, ok bool) {
	at = -1 // the unit being scored, while it is
	defer func() {
		if at < 0 {
			return
		}
		e := recover()
		if _, bug := e.(runtime.Error); bug {
			panic(e) // a bug of jixiao surfaces, as evalUnitSafe does
		}
	}()
	for i := from; i < len(units); i++ {
		if len(wk.out) >= spillBytes && st.mayFlush(wk, j) {
			if err := st.flush(wk, j); err != nil {
				j.err = err
				return -1, true
			}
		}
		if st.band != nil {
			in, err := st.inBand(j.base+i, &units[i])
			if err != nil {
				j.err = err
				return -1, true
			}
			if !in {
				continue // another band's: scored in its own pass
			}
		}
		u := &units[i]
		r := &wk.r
		if st.keep {
			*r = UnitResult{}
		}
		if i == safe {
			st.p.evalUnitSafe(wk.s, u, r)
		} else {
			at = i
			st.p.evalUnit(wk.s, u, r)
			at = -1
		}
		start := len(wk.out)
		st.record(wk, j, u, r, i, file)
		if st.band != nil {
			if err := st.keepInBand(wk, j, u.Pos.File, start, j.base+i); err != nil {
				j.err = err
				return -1, true
			}
		}
	}
	return -1, true
}

// record writes the record of a unit scored into r: its header, the
// sink's rendering and what the collector needs of it.
func (st *streamer) record(wk *worker, j *job, u *indicators.Unit, r *UnitResult, i int, file *string) {
	m := unitMeta{off: int64(len(wk.out)), grade: noGrade}
	if r.Failed() {
		m.flags |= recFailed
	} else {
		if r.HasMissing() {
			m.flags |= recMissing
		}
		m.cents = cents(r.Score)
		if st.orderer != nil {
			m.key = st.orderer.OrderKey(r)
		}
		for k, g := range st.p.rs.Grades {
			if g.Label == r.Grade && k < noGrade {
				m.grade = uint8(k)
				break
			}
		}
		if o := r.Outcome; o != nil {
			if o.HasChange {
				m.change = cents(o.Change)
			} else {
				m.flags |= recNoChange
			}
		}
	}
	if r.Claimed != nil {
		m.flags |= recClaims
	}
	// In rank order the records are read out of order, so each
	// carries its file.
	if i == 0 || u.Pos.File != *file || st.orderer != nil {
		m.flags |= recFile
		*file = u.Pos.File
	}
	for k := range r.Checks {
		if !r.Checks[k].OK && !r.Checks[k].Skipped {
			m.nchecks++
		}
	}
	if r.Unit != "" && !st.pass2 { // ids are checked in the first pass
		m.hasID = true
		m.hash = hashString(r.Unit)
	}
	at := len(wk.out)
	wk.out = append(wk.out, 0, 0, 0, 0, 0, 0, 0, 0)
	wk.out = st.appendHeader(wk.out, u, r, &m)
	h := len(wk.out)
	if st.twoPass {
		j.sums = append(j.sums, st.headerSum(&wk.sum, wk.out[at+8:h], u))
	}
	firstOfTwo := st.twoPass && !st.pass2
	switch {
	case st.compact && !st.pass2:
		wk.out = st.p.appendCompact(wk.out, r)
		if st.counter != nil {
			st.counter.Scored()
		}
	case !firstOfTwo || st.banded: // the first pass of two only scores (in bands, it measures)
		wk.out = st.sink.Render(wk.out, r)
	case st.counter != nil:
		st.counter.Scored()
	}
	binary.LittleEndian.PutUint32(wk.out[at:], uint32(h-at-8))
	binary.LittleEndian.PutUint32(wk.out[at+4:], uint32(len(wk.out)-h))
	m.n = len(wk.out) - at
	if st.pass2 {
		// The second reading only renders: the counts, warnings,
		// duplicate ids and statistics were taken from the first
		// (collect ignores them now), so their entries are not made.
		j.meta = append(j.meta, m)
		return
	}
	if m.nchecks > 0 && st.warner != nil {
		// The header alone, as a record without payload.
		m.warn = len(j.warn)
		j.warn = binary.LittleEndian.AppendUint32(j.warn, uint32(h-at-8))
		j.warn = binary.LittleEndian.AppendUint32(j.warn, 0)
		j.warn = append(j.warn, wk.out[at+8:h]...)
	}
	if firstOfTwo {
		wk.out = wk.out[:at]
	}
	j.meta = append(j.meta, m)
	// The id spill entry (verifyDuplicates).
	j.ids = binary.AppendUvarint(j.ids, uint64(max(0, u.Pos.Line)))
	j.ids = append(j.ids, m.flags, m.grade)
	j.ids = binary.AppendUvarint(j.ids, uint64(m.cents))
	j.ids = binary.AppendUvarint(j.ids, uint64(m.nchecks))
	j.ids = binary.AppendVarint(j.ids, m.change)
	j.ids = appendString(j.ids, r.Unit)
	j.meta[len(j.meta)-1].stat = len(j.ids)
	j.ids = appendStatRecord(j.ids, r, !st.noStats && (st.chooser == nil || st.chooser.Keeps(r)))
}

// A record is the lengths of its two parts (4 bytes each), a header the
// streamer reads, and the sink's part. The header holds first what the
// second pass needs of every unit, then what it needs only to render a
// unit again (a duplicate found late) and what warnings need:
//
//	flags     byte (recFailed, recClaims, recFile, recMissing)
//	cents     uvarint, then grade byte (noGrade: none)   unless recFailed
//	file      string, when recFile (the first unit of a chunk, or a new file)
//	line      uvarint
//	unit      string
//	name      string
//	checks    uvarint n, then n × check: uvarint index<<1 | custom,
//	          and the message string when custom
//	errors    uvarint n, then n × error                   when recFailed
//
// A string is a uvarint length and the bytes. A failed check's message is
// written only when it is not the check's own (custom).
const (
	recFailed = 1 << iota
	recClaims
	recFile
	recMissing  // an indicator of the scored unit is missing (Summary.MissingUnits)
	recNoChange // the outcome's change is unknown (Summary.Outcomes)
)

const noGrade = 0xff

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendFailedChecks appends the failed checks of r as a header holds
// them (decodeChecks reads them back).
func (p *Program) appendFailedChecks(b []byte, r *UnitResult) []byte {
	for k := range r.Checks {
		c := &r.Checks[k]
		if c.OK || c.Skipped {
			continue
		}
		if c.Message == p.checks[k].failMsg {
			b = binary.AppendUvarint(b, uint64(k)<<1)
		} else {
			b = binary.AppendUvarint(b, uint64(k)<<1|1)
			b = appendString(b, c.Message)
		}
	}
	return b
}

func (st *streamer) appendHeader(b []byte, u *indicators.Unit, r *UnitResult, m *unitMeta) []byte {
	b = append(b, m.flags)
	if m.flags&recFailed == 0 {
		b = binary.AppendUvarint(b, uint64(m.cents))
		b = append(b, m.grade)
	}
	if m.flags&recFile != 0 {
		b = appendString(b, u.Pos.File)
	}
	b = binary.AppendUvarint(b, uint64(max(0, u.Pos.Line)))
	b = appendString(b, r.Unit)
	b = appendString(b, r.Name)
	b = binary.AppendUvarint(b, uint64(m.nchecks))
	b = st.p.appendFailedChecks(b, r)
	if r.Failed() {
		b = binary.AppendUvarint(b, uint64(len(r.Errors)))
		for _, e := range r.Errors {
			b = appendError(b, e)
		}
	}
	return b
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cents is a rounded score in hundredths: scores are Round2 results, so
// two scores are equal exactly when their cents are.
func cents(score float64) int64 { return int64(math.Round(score * 100)) }

func appendError(b []byte, e *diag.Error) []byte {
	b = appendString(b, e.Pos.File)
	b = binary.AppendUvarint(b, uint64(max(0, e.Pos.Line)))
	b = binary.AppendUvarint(b, uint64(max(0, e.Pos.Col)))
	for _, s := range []string{e.Code, e.Field, e.Value, e.Msg, e.Snippet} {
		b = appendString(b, s)
	}
	return b
}

// header is a parsed record; its byte slices point into the buffer it
// was parsed from.
type header struct {
	line    int
	flags   byte
	file    []byte // when recFile
	cents   int64
	grade   int
	unit    []byte
	name    []byte
	nchecks int
	checks  []byte // the failed checks, encoded
	errors  []byte // the errors of a failed unit, encoded
	payload []byte
}

// parser reads the fields of one record from b, noting a short buffer.
type parser struct {
	b     []byte
	off   int
	short bool
}

func (p *parser) uvarint() uint64 {
	x, n := binary.Uvarint(p.b[min(p.off, len(p.b)):])
	if n <= 0 {
		p.short = true
		return 0
	}
	p.off += n
	return x
}

func (p *parser) varint() int64 {
	x, n := binary.Varint(p.b[min(p.off, len(p.b)):])
	if n <= 0 {
		p.short = true
		return 0
	}
	p.off += n
	return x
}

func (p *parser) byte() byte {
	if p.off >= len(p.b) {
		p.short = true
		return 0
	}
	p.off++
	return p.b[p.off-1]
}

func (p *parser) bytes(n int) []byte {
	if p.short || n < 0 || p.off+n > len(p.b) {
		p.short = true
		return nil
	}
	p.off += n
	return p.b[p.off-n : p.off]
}

func (p *parser) str() []byte { return p.bytes(int(p.uvarint())) }

func (p *parser) skipError() {
	p.str()
	p.uvarint()
	p.uvarint()
	for i := 0; i < 5; i++ {
		p.str()
	}
}

// parseRecord parses the record at the start of b into h and returns its
// length; ok is false when b holds less than a whole record. Unless full,
// it reads of the header only what ranking needs (flags, cents, grade,
// file).
func parseRecord(b []byte, h *header, full bool) (n int, ok bool) {
	if len(b) < 8 {
		return 0, false
	}
	hlen := int(binary.LittleEndian.Uint32(b))
	plen := int(binary.LittleEndian.Uint32(b[4:]))
	n = 8 + hlen + plen
	if len(b) < n {
		return 0, false
	}
	h.payload = b[8+hlen : n]
	p := parser{b: b[8 : 8+hlen]}
	h.flags = p.byte()
	h.cents, h.grade = 0, noGrade
	if h.flags&recFailed == 0 {
		h.cents = int64(p.uvarint())
		h.grade = int(p.byte())
	}
	h.file = nil
	if h.flags&recFile != 0 {
		h.file = p.str()
	}
	if !full {
		return n, !p.short
	}
	h.line = int(p.uvarint())
	h.unit = p.str()
	h.name = p.str()
	h.nchecks = int(p.uvarint())
	at := p.off
	for k := 0; k < h.nchecks && !p.short; k++ {
		if p.uvarint()&1 != 0 {
			p.str()
		}
	}
	h.checks = p.b[min(at, p.off):p.off]
	h.errors = nil
	if h.flags&recFailed != 0 {
		at := p.off
		for k := int(p.uvarint()); k > 0 && !p.short; k-- {
			p.skipError()
		}
		h.errors = p.b[min(at, p.off):p.off]
	}
	return n, !p.short
}

// decodeErrors returns the errors of a failed unit's record.
func decodeErrors(b []byte) []*diag.Error {
	p := parser{b: b}
	var errs []*diag.Error
	for k := int(p.uvarint()); k > 0 && !p.short; k-- {
		e := &diag.Error{}
		e.Pos.File = string(p.str())
		e.Pos.Line = int(p.uvarint())
		e.Pos.Col = int(p.uvarint())
		e.Code, e.Field, e.Value = string(p.str()), string(p.str()), string(p.str())
		e.Msg, e.Snippet = string(p.str()), string(p.str())
		errs = append(errs, e)
	}
	return errs
}

// collect takes a job's units in input order: counts, ranks, duplicate
// ids and failed checks from what the worker noted of each; then the
// records and the id entries to their spills.
func (st *streamer) collect(j *job) error {
	if st.pass2 {
		return nil // the workers emitted the records
	}
	st.sums = append(st.sums, j.sums...)
	// The id set's blocks are spread over megabytes: fetch the chunk's
	// first, all at once, rather than one cache miss per unit in turn.
	var touched uint64
	for i := range j.meta {
		if j.meta[i].hasID {
			touched ^= st.ids.touch(j.meta[i].hash)
		}
	}
	st.touched ^= touched
	from := 0 // where the unit's id spill entry starts in j.ids
	for i := range j.meta {
		m := &j.meta[i]
		st.units++
		if m.flags&recClaims != 0 {
			st.claimed++
		}
		if m.flags&recFailed != 0 {
			st.failed++
		} else {
			st.ranks.add(m.cents, 1)
			if int(m.grade) < len(st.grades) {
				st.grades[m.grade]++
				st.changes[m.grade] += m.change
				if m.flags&recNoChange != 0 {
					st.noChange[m.grade]++
				}
			}
		}
		st.failedChecks += m.nchecks
		if m.nchecks > 0 {
			st.checkUnits++
		}
		if m.flags&recMissing != 0 {
			st.missingUnits++
		}
		if m.nchecks > 0 && st.warner != nil && len(st.warnings) < maxWarnings {
			var h header
			if _, ok := parseRecord(j.warn[m.warn:], &h, true); !ok {
				return errors.New("stream: a record was cut short")
			}
			unit, name := string(h.unit), string(h.name)
			for _, c := range st.p.decodeChecks(&h, nil) {
				if len(st.warnings) == maxWarnings {
					break
				}
				st.warnings = append(st.warnings, warning{st.units - 1, unit, name, c})
			}
		}
		if m.hasID {
			st.ids.add(m.hash)
		}
		n, ok := st.stats.add(j.ids[m.stat:], 1)
		if !ok {
			return errors.New("stream: a stat record was cut short")
		}
		if st.twoPass {
			st.idBuf = append(st.idBuf, j.ids[from:m.stat]...)
		}
		from = m.stat + n
	}
	ids := j.ids
	if st.twoPass {
		ids, st.idBuf = st.idBuf, st.idBuf[:0]
	}
	if _, err := st.idSpill.Write(ids); err != nil {
		return err
	}
	if st.orderer != nil && !st.banded {
		for i := range j.meta {
			m := &j.meta[i]
			st.recs = append(st.recs, spillRec{off: m.off, n: int32(m.n), failed: m.flags&recFailed != 0, key: m.key})
		}
		return nil
	}
	if st.banded {
		st.keys.add(j.meta)
		return nil
	}
	st.segs = append(st.segs, j.segs...)
	return nil
}

// readSpill calls parse on the bytes of sp from the start, as often as
// it takes whole items off the front, until the end. parse returns the
// length of the item it took, or ok false when b holds less than one.
func readSpill(sp *spill.Spill, parse func(b []byte) (n int, ok bool, err error)) error {
	r, err := sp.Section(0, sp.Len())
	if err != nil {
		return err
	}
	buf := make([]byte, 0, 1<<20)
	off := 0 // start of the next item in buf
	eof := false
	for {
		n, ok, err := parse(buf[off:])
		if err != nil {
			return err
		}
		if ok {
			off += n
			continue
		}
		if eof {
			if off < len(buf) {
				return errors.New("read spill: an item was cut short")
			}
			return nil
		}
		// Keep the partial item at the front, make room, read on.
		buf = buf[:copy(buf, buf[off:])]
		off = 0
		if len(buf) == cap(buf) {
			nb := make([]byte, len(buf), 2*cap(buf))
			copy(nb, buf)
			buf = nb
		}
		m, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			eof = true
		} else if err != nil {
			return fmt.Errorf("read spill: %w", err)
		}
	}
}

// verifyDuplicates finds the units whose id appeared before. The id set
// of the first pass can only say "maybe seen" (it keeps a few bits per
// unit, not the ids); this pass reads the spilled ids again and settles
// each suspect exactly.
func (st *streamer) verifyDuplicates() error {
	if len(st.ids.suspects) == 0 {
		return nil
	}
	st.ids.settle()
	first := map[string]int{} // suspect id → line of its first unit
	st.dups = map[int]int{}
	idx := 0
	return readSpill(st.idSpill, func(b []byte) (int, bool, error) {
		p := parser{b: b}
		line := int(p.uvarint())
		flags := p.byte()
		grade := int(p.byte())
		cents := int64(p.uvarint())
		nchecks := int(p.uvarint())
		change := p.varint()
		id := p.str()
		if p.short {
			return 0, false, nil
		}
		stat := p.off
		if !st.twoPass { // read twice, the entry has no statistics record
			n, ok := st.stats.add(b[p.off:], 0) // sign 0: only its length
			if !ok {
				return 0, false, nil
			}
			p.off += n
		}
		i := idx
		idx++
		if len(id) == 0 || !st.ids.suspect(id) {
			return p.off, true, nil
		}
		prev, seen := first[string(id)]
		if !seen {
			first[string(id)] = line
			return p.off, true, nil
		}
		st.dups[i] = prev
		// A duplicate is no unit of the statistics.
		if st.twoPass {
			st.restats = append(st.restats, restatUnit{idx: i, line: line, id: string(id)})
		} else {
			st.stats.add(b[stat:], -1)
		}
		if flags&recFailed == 0 {
			// It was scored; as a duplicate it fails, and its checks and
			// claims go.
			st.failed++
			st.failedChecks -= nchecks
			if nchecks > 0 {
				st.checkUnits--
			}
			if flags&recMissing != 0 {
				st.missingUnits--
			}
			if flags&recClaims != 0 {
				st.claimed--
			}
			st.ranks.add(cents, -1)
			if grade < len(st.grades) {
				st.grades[grade]--
				st.changes[grade] -= change
				if flags&recNoChange != 0 {
					st.noChange[grade]--
				}
			}
		}
		return p.off, true, nil
	})
}

func (st *streamer) summary() Summary {
	s := Summary{Units: st.units, Errors: st.failed, Claimed: st.claimed, FailedChecks: st.failedChecks,
		MissingUnits: st.missingUnits, CheckUnits: st.checkUnits}
	if !st.noStats {
		s.Indicators, s.Groups, s.Score = st.stats.stats()
	}
	for k, g := range st.p.rs.Grades {
		s.Grades = append(s.Grades, GradeCount{Label: g.Label, Units: st.grades[k]})
	}
	s.Outcomes = st.p.outcomeSums(st.grades, st.changes, st.noChange)
	return s
}

// emit is the second pass: the spilled records in input order (or rank
// the orderer's order), each with its rank.
func (st *streamer) emit() error {
	st.ranks.finish()
	if st.orderer != nil {
		return st.emitOrdered()
	}
	e := emitter{st: st}
	idx := 0
	var buf []byte
	for _, seg := range st.segs {
		if err := st.ctx.Err(); err != nil {
			return err
		}
		b, err := st.spill.ReadAt(seg.off, seg.n, buf)
		if err != nil {
			return err
		}
		buf = b[:0]
		for len(b) > 0 {
			n, ok := e.parse(b, idx)
			if !ok {
				return errors.New("stream: a record was cut short")
			}
			if err := e.emit(); err != nil {
				return err
			}
			b = b[n:]
			idx++
		}
	}
	return nil
}

// emitOrdered emits the records in the orderer's order: it sorts their
// places by key (a stable sort keeps input order among equals and among
// the failed, which sort last), and reads each from the spill.
func (st *streamer) emitOrdered() error {
	for i := range st.dups {
		st.recs[i].failed = true // failed after all
	}
	order := make([]int32, len(st.recs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		ra, rb := &st.recs[a], &st.recs[b]
		if ra.failed || rb.failed {
			return cmp.Compare(b2i(ra.failed), b2i(rb.failed))
		}
		return st.orderer.CompareKeys(ra.key, rb.key)
	})
	e := emitter{st: st}
	var buf []byte
	for k, i := range order {
		if k%4096 == 0 {
			if err := st.ctx.Err(); err != nil {
				return err
			}
		}
		r := st.recs[i]
		b, err := st.spill.ReadAt(r.off, int(r.n), buf)
		if err != nil {
			return err
		}
		buf = b[:0]
		if _, ok := e.parse(b, int(i)); !ok {
			return errors.New("stream: a record was cut short")
		}
		if err := e.emit(); err != nil {
			return err
		}
	}
	return nil
}

// emitter hands records to the sink, one at a time.
type emitter struct {
	st    *streamer
	h     header
	file  string // the file of the records, as the last one to name it said
	dup   bool   // the record is a duplicate id, failed after all
	first int    // the line of the first unit with that id, for a dup
	buf   []byte
}

// parse parses the record at the start of b, that of unit idx in input
// order.
func (e *emitter) parse(b []byte, idx int) (int, bool) {
	e.first, e.dup = 0, false
	if len(e.st.dups) > 0 {
		e.first, e.dup = e.st.dups[idx]
	}
	n, ok := parseRecord(b, &e.h, e.dup)
	if ok && e.h.file != nil {
		e.file = string(e.h.file)
	}
	return n, ok
}

// emit hands the record parsed last to the sink with its rank.
func (e *emitter) emit() error {
	h, st := &e.h, e.st
	if e.dup {
		// Failed after all: render it again with its errors.
		u := UnitResult{Unit: string(h.unit), Name: string(h.name), Pos: diag.Pos{File: e.file, Line: h.line},
			Errors: decodeErrors(h.errors)}
		d := diag.DuplicateUnit(u.Pos, u.Unit, e.first)
		if st.rowPlace != nil && st.rowPlace(h.line) != "" {
			d.Msg = st.rowPlace(h.line) + ": " + d.Msg
		}
		u.Errors = append(u.Errors, d)
		e.buf = st.sink.Render(e.buf[:0], &u)
		return st.sink.Emit(e.buf, 0)
	}
	rank := 0
	if h.flags&recFailed == 0 {
		rank = st.ranks.rank(h.cents)
	}
	return st.sink.Emit(h.payload, rank)
}

// rankCounter ranks scores by counting them: a unit's rank is one more
// than the number of units with a higher score (ties share the best rank,
// the next rank skips: 1, 2, 2, 4), so the count of each distinct score
// is all it needs, however many units there are. Scores are counted in
// cents, in an array up to the highest score the ruleset can give (its
// total weight, or 100 after rescaling), else in a map.
type rankCounter struct {
	dense  []int64
	sparse map[int64]int64
	above  []int64       // after finish: units above each dense cents value
	rankOf map[int64]int // after finish: rank of each sparse cents value
}

func (rc *rankCounter) init(rs *indicators.Ruleset) {
	if top := cents(max(100, rs.TotalWeight())); top >= 0 && top <= 1<<18 {
		rc.dense = make([]int64, top+1)
	}
	rc.sparse = map[int64]int64{}
}

func (rc *rankCounter) add(c int64, n int64) {
	if c >= 0 && c < int64(len(rc.dense)) {
		rc.dense[c] += n
		return
	}
	rc.sparse[c] += n
}

// finish prepares rank; add must not be called after it.
func (rc *rankCounter) finish() {
	keys := make([]int64, 0, len(rc.sparse))
	for k, n := range rc.sparse {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] > keys[j] })
	rc.rankOf = map[int64]int{}
	var n int64
	for _, k := range keys {
		if k >= int64(len(rc.dense)) {
			rc.rankOf[k] = int(n) + 1
			n += rc.sparse[k]
		}
	}
	rc.above = make([]int64, len(rc.dense))
	for c := len(rc.dense) - 1; c >= 0; c-- {
		rc.above[c] = n
		n += rc.dense[c]
	}
	for _, k := range keys {
		if k < 0 {
			rc.rankOf[k] = int(n) + 1
			n += rc.sparse[k]
		}
	}
}

func (rc *rankCounter) rank(c int64) int {
	if c >= 0 && c < int64(len(rc.dense)) {
		return int(rc.above[c]) + 1
	}
	return rc.rankOf[c]
}
