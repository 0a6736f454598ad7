// Command hand is the yardstick of bench/whole.sh: `jixiao eval -r
// grid-center -f csv` written by hand for the data `jixiao gen -r
// grid-center` makes, as fast as a person could write it — the ruleset's
// 21 indicators and 11 checks as plain Go over inputs at fixed places, no
// rules engine. It writes the same bytes as jixiao (hand_test.go holds it
// to that), so that jixiao's time over its time measures what the
// generality of the engine costs.
//
//	go run ./bench/hand IN.csv OUT.csv
//
// It reads the input in blocks that the cores parse and score in
// parallel into compact results (56 bytes a unit plus its id and name),
// counts the totals for the ranks, then formats the blocks in parallel and
// writes them in order. It handles what jixiao gen writes — plain,
// grouped (1,234.5) and unit-suffixed (17.1万元) numbers, blanks, NA,
// tiers with or without a fraction — and stops on anything else (a
// quoted field, another header, a bad cell, a unit id seen before, a unit
// with every indicator 不适用) rather than guess: it is a yardstick, not a
// second implementation of the data readers.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: hand IN.csv OUT.csv")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[2])
	if err == nil {
		err = run(os.Args[1], f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "hand:", err)
		os.Exit(1)
	}
}

// The inputs of grid-center, at fixed places.
const (
	budget = iota
	spent
	expBasic
	expProject
	expPersonnel
	expPublic
	shareStated
	staff
	gfmDeclared
	gfmVerified
	baseChecked
	flagged
	trainings
	submitted
	published
	received
	closedOnTime
	coop
	workersStart
	workersLeft
	surveyValid
	surveySatisfied
	workerSurveyed
	workerSatisfied
	tClearance
	tUpdate
	tSupport
	tAdjust
	tReuse
	tIncentive
	nInputs
	firstTier = tClearance
)

var inputIDs = [nInputs]string{"budget", "spent", "exp_basic", "exp_project", "exp_personnel", "exp_public",
	"project_share_stated", "staff_in_post", "gfm_declared", "gfm_verified", "base_info_checked",
	"incomplete_flagged", "training_sessions", "articles_submitted", "articles_published", "events_received",
	"events_closed_on_time", "coop_cases", "workers_start", "workers_left", "survey_valid", "survey_satisfied",
	"worker_surveyed", "worker_satisfied", "gfm_clearance_tier", "data_update_tier", "data_support_tier",
	"grid_adjust_tier", "data_reuse_tier", "incentive_tier"}

// inputUnits are the units the inputs declare: a cell may end in its
// input's unit (万 alone for 万元).
var inputUnits = [nInputs]string{"万元", "万元", "万元", "万元", "万元", "万元", "%", "人", "人", "人", "条", "条", "期",
	"篇", "篇", "件", "件", "件", "人", "人", "份", "份", "份", "份"}

const nInd = 21

var labels = [nInd]string{"预算执行率", "基础信息核查条数", "标识不完整信息条数", "网格员业务培训期数", "宣传稿件刊发篇数",
	"格防码核查率", "宣传稿件采用率", "入格事件按期办结率", "格防码动态清零及时性", "网格数据即时更新情况", "公用经费占比",
	"人均公用经费", "项目支出占比", "疫情防控等中心工作数据保障成效", "网格优化调整完成情况", "基础数据“一次采集、多次利用”实现程度",
	"部门协同解决问题数", "网格员考核激励机制建设", "网格员队伍稳定率", "群众满意度", "网格员满意度"}

var weights = [nInd]float64{10, 5, 3, 3, 3, 8, 3, 5, 4, 4, 4, 4, 4, 6, 4, 5, 5, 5, 5, 5, 5}

const nChecks = 11

// checkTexts are the failed checks as the report names them: message（id）.
var checkTexts = [nChecks]string{
	"全年执行数不应超过全年预算数（spent_within_budget）",
	"项目支出 + 基本支出 应等于财政拨款支出（全年执行数），两位小数下差额应为0（total_is_project_plus_basic）",
	"人员经费 + 公用经费 应等于基本支出，两位小数下差额应为0（basic_is_personnel_plus_public）",
	"报告所列项目支出占比应等于 项目支出 ÷ 全年执行数（四舍五入到0.01%）（project_share_as_stated）",
	"网格员核查数不应超过格防码在线申报数（verified_within_declared）",
	"标识不完整信息条数不应超过核查基础信息条数（flagged_within_checked）",
	"刊发篇数不应超过供稿篇数（published_within_submitted）",
	"按期办结的入格事件不应多于受理的入格事件（closed_within_received）",
	"流失网格员人数不应超过年初网格员人数（left_within_start）",
	"群众满意问卷数不应超过有效问卷数（satisfied_within_valid）",
	"网格员满意问卷数不应超过有效问卷数（worker_satisfied_within_valid）",
}

// Cell kinds.
const (
	kNum = iota
	kMissing
	kNA
)

// Indicator points in a result are cents; these values above any cents
// mark the indicators that scored 0 for a reason, or do not apply.
const (
	ptNA      = 0xFFFF
	ptMissing = 0xFFFE
	ptError   = 0xFFFD
)

// result is one scored unit: 56 bytes.
type result struct {
	pts    [nInd]uint16
	total  uint16 // cents
	checks uint16 // bit k: check k failed
	// budget is the unit's 全年预算数, which the outcomes of 中 and 差
	// read (评价结果应用); NaN when blank or 不适用, whose change jixiao
	// leaves blank.
	budget float64
}

// block is a part of the input cut at a line end, and what became of it.
type block struct {
	seq   int
	line  int // line of the file of the block's first row
	text  []byte
	res   []result
	names []byte   // every unit's id then name
	ends  []uint32 // end of each unit's id and of its name in names
	hash  []uint64 // hash of each unit's id, for the id table
	hist  []int32  // units of each total in cents
	err   error
}

const blockSize = 1 << 20

// scoring constants, computed at run time as jixiao computes them.
type consts struct {
	geLo  [nInd]float64 // t − eps·|t|: a value at least this reaches a ">= t" target
	targ  [nInd]float64
	twoLo [nInd]float64 // 2t − eps·|2t| for "<=" targets
	leHi  [nInd]float64 // t + eps·|t|
}

func newConsts() *consts {
	eps := 1e-12
	c := &consts{}
	targets := [nInd]float64{1, 10000, 2500, 2, 5, 1, 0.8, 0.95, 0, 0, 0.1, 1.5, 0.35, 0, 0, 0, 6, 0, 0.9, 0.9, 0.9}
	for k, t := range targets {
		c.targ[k] = t
		c.geLo[k] = t - eps*math.Abs(t)
		c.leHi[k] = t + eps*math.Abs(t)
		c.twoLo[k] = 2*t - eps*math.Abs(2*t)
	}
	return c
}

func run(in string, out io.Writer) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	return eval(in, f, out)
}

// eval scores the units of the CSV r (named name) and writes the report to out.
func eval(name string, r io.Reader, out io.Writer) error {
	workers := runtime.GOMAXPROCS(0)
	c := newConsts()

	// The header.
	first := make([]byte, blockSize)
	n, err := io.ReadFull(r, first)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return err
	}
	first = first[:n]
	first = bytes.TrimPrefix(first, []byte("\ufeff"))
	nl := bytes.IndexByte(first, '\n')
	if nl < 0 {
		return fmt.Errorf("%s: no header line in the first %d bytes", name, blockSize)
	}
	cols, err := header(first[:nl])
	if err != nil {
		return fmt.Errorf("%s:1: %w", name, err)
	}
	carry := first[nl+1:]

	// Pass 1: parse and score blocks in parallel; ids checked in order.
	// Input buffers go round: the reader fills one while the workers
	// score the others.
	free := make(chan []byte, workers+2)
	for range workers + 2 {
		free <- make([]byte, 0, 2*blockSize)
	}
	seed := maphash.MakeSeed()
	todo := make(chan *block, workers)
	done := make(chan *block, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range todo {
				b.score(cols, c, seed)
				free <- b.text[:0]
				b.text = nil
				done <- b
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(todo)
		seq, line := 0, 2
		rest := carry
		for eof := false; !eof; {
			buf := append(<-free, rest...)
			m, err := io.ReadFull(r, buf[len(buf):len(buf)+blockSize])
			buf = buf[:len(buf)+m]
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				eof = true
			} else if err != nil {
				readErr <- err
				return
			}
			cut := len(buf)
			if !eof {
				cut = bytes.LastIndexByte(buf, '\n') + 1
				if cut == 0 {
					readErr <- fmt.Errorf("%s:%d: a line longer than %d bytes", name, line, len(buf))
					return
				}
			}
			// The carried tail must not share the buffer that goes round.
			rest = append([]byte(nil), buf[cut:]...)
			b := &block{seq: seq, line: line, text: buf[:cut]}
			line += bytes.Count(b.text, []byte{'\n'})
			todo <- b
			seq++
		}
		readErr <- nil
	}()
	go func() { wg.Wait(); close(done) }()

	var blocks []*block
	hist := make([]int64, 10001)
	ids := idTable{blocks: &blocks}
	if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
		// Sized for the units the file holds, from the bytes of a row
		// of the first block: growing rehashes every id seen.
		if rows := bytes.Count(first, []byte{'\n'}); rows > 0 {
			ids.size(int(st.Size()/int64(len(first)/rows)) * 5 / 4)
		}
	}
	pending := map[int]*block{}
	var firstErr error
	for b := range done {
		pending[b.seq] = b
		for {
			nb := pending[len(blocks)]
			if nb == nil {
				break
			}
			delete(pending, nb.seq)
			blocks = append(blocks, nb)
			if firstErr != nil {
				continue
			}
			if nb.err != nil {
				firstErr = fmt.Errorf("%s: %w", name, nb.err)
				continue
			}
			for i := range nb.res {
				if !ids.add(nb.seq, i) {
					firstErr = fmt.Errorf("%s: unit %s appears twice: the hand program does not handle that", name, nb.id(i))
					break
				}
			}
			for k, v := range nb.hist {
				hist[k] += int64(v)
			}
			nb.hist = nil
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	if firstErr != nil {
		return firstErr
	}
	ids.slots = nil

	// Ranks: one more than the units with a higher total.
	rank := make([]int64, len(hist))
	var above int64
	for k := len(hist) - 1; k >= 0; k-- {
		rank[k] = above + 1
		above += hist[k]
	}

	// Pass 2: format blocks in parallel, write them in order; output
	// buffers go round too.
	if _, err := io.WriteString(out, headerOut); err != nil {
		return err
	}
	type formatted struct {
		buf  []byte
		done chan struct{}
	}
	outFree := make(chan []byte, 2*workers+1)
	for range 2*workers + 1 {
		outFree <- nil
	}
	slots := make(chan *formatted, 2*workers)
	go func() {
		defer close(slots)
		for _, b := range blocks {
			fm := &formatted{buf: <-outFree, done: make(chan struct{})}
			slots <- fm
			go func(b *block) {
				// Rows run to some 650 bytes, a few past 1,000.
				if need := 1024 * len(b.res); cap(fm.buf) < need {
					fm.buf = make([]byte, 0, need)
				}
				fm.buf = b.format(fm.buf[:0], rank)
				b.res, b.names, b.ends, b.hash = nil, nil, nil, nil
				close(fm.done)
			}(b)
		}
	}()
	var werr error
	for fm := range slots {
		<-fm.done
		if werr == nil {
			_, werr = out.Write(fm.buf)
		}
		outFree <- fm.buf
	}
	return werr
}

// idTable is a set of the unit ids seen, open addressing over the ids
// kept in the blocks: a slot holds the id's hash and block<<32 | unit + 1
// (0 is empty).
type idTable struct {
	blocks *[]*block
	slots  []idSlot
	n      int
}

type idSlot struct{ hash, ref uint64 }

func (t *idTable) ref(ref uint64) []byte {
	return (*t.blocks)[ref>>32].id(int(ref&0xFFFFFFFF) - 1)
}

// add adds the id of unit i of block seq; false when it was there.
func (t *idTable) add(seq, i int) bool {
	if 2*(t.n+1) > len(t.slots) {
		t.size(2 * (t.n + 1))
	}
	b := (*t.blocks)[seq]
	if !t.insert(b.hash[i], uint64(seq)<<32|uint64(i)+1, b.id(i)) {
		return false
	}
	t.n++
	return true
}

func (t *idTable) insert(hash, ref uint64, id []byte) bool {
	mask := uint64(len(t.slots) - 1)
	for h := hash & mask; ; h = (h + 1) & mask {
		s := &t.slots[h]
		if s.ref == 0 {
			*s = idSlot{hash, ref}
			return true
		}
		if s.hash == hash && bytes.Equal(t.ref(s.ref), id) {
			return false
		}
	}
}

// size makes room for n ids at most half the slots full.
func (t *idTable) size(n int) {
	want := 1 << 16
	for want < 2*n {
		want *= 2
	}
	if want <= len(t.slots) {
		return
	}
	old := t.slots
	t.slots = make([]idSlot, want)
	for _, s := range old {
		if s.ref != 0 {
			t.insert(s.hash, s.ref, t.ref(s.ref))
		}
	}
}

// header maps each column to an input (or -1 for unit, -2 for name).
func header(line []byte) ([]int, error) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
	var cols []int
	seen := map[int]bool{}
	for _, f := range bytes.Split(line, []byte{','}) {
		col := -3
		switch string(f) {
		case "unit":
			col = -1
		case "name":
			col = -2
		default:
			for j, id := range inputIDs {
				if string(f) == id {
					col = j
				}
			}
		}
		if col == -3 || seen[col] {
			return nil, fmt.Errorf("column %q: the hand program knows only the columns jixiao gen writes, once each", f)
		}
		seen[col] = true
		cols = append(cols, col)
	}
	if len(seen) != nInputs+2 {
		return nil, errors.New("the hand program wants every column jixiao gen writes")
	}
	return cols, nil
}

var headerOut = func() string {
	b := []byte("\ufeff单位编码,单位名称")
	for _, l := range labels {
		b = append(b, ',')
		b = append(b, l...)
	}
	return string(append(b, ",总分,等级,排名,结果应用,预算调整额,缺项,无法计算,未通过校验,错误\n"...))
}()

func (b *block) id(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = b.ends[2*i-1]
	}
	return b.names[start:b.ends[2*i]]
}

// unit holds one row's cells.
type unit struct {
	num  [nInputs]float64
	kind [nInputs]uint8
	tier [nInputs]byte // 'A', 'B', 'C'
	frac [nInputs]bool // num holds the tier's fraction
}

// score parses and scores the rows of b.text.
func (b *block) score(cols []int, c *consts, seed maphash.Seed) {
	text := b.text
	rows := bytes.Count(text, []byte{'\n'}) + 1
	b.res = make([]result, 0, rows)
	b.names = make([]byte, 0, 32*rows)
	b.ends = make([]uint32, 0, 2*rows)
	b.hash = make([]uint64, 0, rows)
	b.hist = make([]int32, 10001)
	var u unit
	line := b.line
	for len(text) > 0 {
		end := bytes.IndexByte(text, '\n')
		var row []byte
		if end < 0 {
			row, text = text, nil
		} else {
			row, text = text[:end], text[end+1:]
		}
		if len(row) > 0 && row[len(row)-1] == '\r' {
			row = row[:len(row)-1]
		}
		if len(row) == 0 {
			line++
			continue // encoding/csv skips blank lines
		}
		if err := b.parse(row, cols, &u); err != nil {
			b.err = fmt.Errorf("row %d: %w", line, err)
			return
		}
		r := result{budget: math.NaN()}
		if u.kind[budget] == kNum {
			r.budget = u.num[budget]
		}
		if !scoreUnit(&u, c, &r) {
			b.err = fmt.Errorf("row %d: every indicator is 不适用: the hand program does not handle that", line)
			return
		}
		b.res = append(b.res, r)
		b.hash = append(b.hash, maphash.Bytes(seed, b.id(len(b.res)-1)))
		b.hist[r.total]++
		line++
	}
}

// parse reads one row into u and appends its id and name to b.names.
func (b *block) parse(row []byte, cols []int, u *unit) error {
	var id, nm []byte
	col := 0
	for start := 0; start <= len(row); col++ {
		var f []byte
		if start < len(row) && row[start] == '"' {
			// A quoted field ("6,126"): one with no quote inside.
			q := bytes.IndexByte(row[start+1:], '"')
			if q < 0 || start+q+2 < len(row) && row[start+q+2] != ',' {
				return fmt.Errorf("column %d: a field with quotes inside: the hand program does not read those", col+1)
			}
			f = row[start+1 : start+1+q]
			start += q + 3
		} else {
			// Fields are short: a byte loop beats IndexByte's call.
			end := start
			for end < len(row) && row[end] != ',' {
				if row[end] == '"' {
					return fmt.Errorf("column %d: a bare quote: the hand program does not read those", col+1)
				}
				end++
			}
			f = row[start:end]
			start = end + 1
		}
		if col >= len(cols) {
			return fmt.Errorf("more fields than the header's %d", len(cols))
		}
		switch j := cols[col]; {
		case j == -1:
			id = f
		case j == -2:
			nm = f
		case j >= firstTier:
			if err := parseTier(f, u, j); err != nil {
				return fmt.Errorf("column %d: %w", col+1, err)
			}
		default:
			if err := parseNum(f, u, j); err != nil {
				return fmt.Errorf("column %d: %w", col+1, err)
			}
		}
	}
	if col != len(cols) {
		return fmt.Errorf("%d fields, the header has %d", col, len(cols))
	}
	if len(id) == 0 || spaced(id) || spaced(nm) {
		return errors.New("a blank unit id or one with spaces around: the hand program does not handle that")
	}
	b.names = append(b.names, id...)
	b.ends = append(b.ends, uint32(len(b.names)))
	b.names = append(b.names, nm...)
	b.ends = append(b.ends, uint32(len(b.names)))
	return nil
}

// spaced reports whether f begins or ends with a space, which jixiao
// would trim.
func spaced(f []byte) bool {
	if len(f) == 0 {
		return false
	}
	first, _ := utf8.DecodeRune(f)
	last, _ := utf8.DecodeLastRune(f)
	return unicode.IsSpace(first) || unicode.IsSpace(last)
}

func isNA(f []byte) bool {
	switch string(f) {
	case "NA", "N/A", "na", "n/a", "不适用", "#N/A":
		return true
	}
	return false
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func parseNum(f []byte, u *unit, j int) error {
	if len(f) == 0 {
		u.kind[j] = kMissing
		return nil
	}
	if f[0] > '9' || f[len(f)-1] > '9' || f[0] < '0' || f[len(f)-1] < '0' {
		if isNA(f) {
			u.kind[j] = kNA
			return nil
		}
		unit := inputUnits[j]
		if g, ok := bytes.CutSuffix(f, []byte(unit)); ok {
			f = g
		} else if g, ok := bytes.CutSuffix(f, []byte("万")); ok && unit == "万元" {
			f = g
		}
	}
	x, ok := number(f)
	if !ok {
		return fmt.Errorf("cell %q: the hand program reads only the numbers jixiao gen writes", f)
	}
	u.kind[j], u.num[j] = kNum, x
	return nil
}

// number reads digits with correctly grouped thousands separators and an
// optional fraction: exactly, by one division, up to 15 digits.
func number(f []byte) (float64, bool) {
	var m uint64
	digits, frac, group, lead := 0, -1, -1, 0
	grouped := false
	for i := 0; i < len(f); i++ {
		switch ch := f[i]; {
		case ch >= '0' && ch <= '9':
			m = m*10 + uint64(ch-'0')
			digits++
			switch {
			case frac >= 0:
				frac++
			case group >= 0:
				group++
			default:
				lead++
			}
		case ch == ',' && frac < 0:
			if group == -1 && (lead == 0 || lead > 3) || group >= 0 && group != 3 {
				return 0, false
			}
			grouped, group = true, 0
		case ch == '.' && frac < 0:
			if grouped && group != 3 {
				return 0, false
			}
			frac = 0
		default:
			return 0, false
		}
	}
	if digits == 0 || frac < 0 && grouped && group != 3 {
		return 0, false
	}
	if digits > 15 {
		s := string(bytes.ReplaceAll(f, []byte{','}, nil))
		x, err := strconv.ParseFloat(s, 64)
		return x, err == nil && !math.IsInf(x, 0)
	}
	if frac <= 0 {
		return float64(m), true
	}
	return float64(m) / pow10[frac], true
}

func parseTier(f []byte, u *unit, j int) error {
	if len(f) == 0 {
		u.kind[j] = kMissing
		return nil
	}
	if isNA(f) {
		u.kind[j] = kNA
		return nil
	}
	name, fr, hasFrac := bytes.Cut(f, []byte{':'})
	var letter byte
	switch string(name) {
	case "A", "a", "达成":
		letter = 'A'
	case "B", "b", "部分达成":
		letter = 'B'
	case "C", "c", "未达成":
		letter = 'C'
	default:
		return fmt.Errorf("tier %q: the hand program reads only the tiers jixiao gen writes", f)
	}
	u.kind[j], u.tier[j], u.frac[j] = kNum, letter, hasFrac
	if hasFrac {
		// The bands: A [0.8, 1], B [0.6, 0.8), C [0, 0.6).
		x, ok := number(fr)
		var in bool
		switch letter {
		case 'A':
			in = x >= 0.8 && x <= 1
		case 'B':
			in = x >= 0.6 && x < 0.8
		default:
			in = x >= 0 && x < 0.6
		}
		if !ok || !in {
			return fmt.Errorf("tier %q: the hand program reads only the tiers jixiao gen writes", f)
		}
		u.num[j] = x
	}
	return nil
}

// cents rounds points in [0, weight] as Excel's ROUND(x, 2): half away
// from zero on the 15-significant-digit decimal form of x.
func cents(x float64) uint16 {
	y := x * 100
	if f := y - float64(int64(y)); f-0.5 > 1e-6 || 0.5-f > 1e-6 {
		return uint16(int64(y + 0.5))
	}
	// Within a millionth of a half: round the decimal digits.
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], x, 'e', 14, 64) // d.dddddddddddddde±XX
	exp := int(s[18]-'0')*10 + int(s[19]-'0')
	if s[17] == '-' {
		exp = -exp
	}
	keep := exp + 3 // digits left of the cut at 0.01
	if keep >= 15 {
		return uint16(int64(y + 0.5))
	}
	digit := func(i int) byte {
		if i == 0 {
			return s[0]
		}
		return s[i+1]
	}
	var n int64
	for i := 0; i < keep; i++ {
		n = n*10 + int64(digit(i)-'0')
	}
	if keep >= 0 && digit(keep) >= '5' {
		n++
	}
	return uint16(n)
}

func clamp(x, w float64) float64 {
	if x < 0 {
		return 0
	}
	if x > w {
		return w
	}
	return x
}

// status of an indicator reading inputs i and j (j < 0: none).
func status(u *unit, i, j int) uint16 {
	st := uint16(0)
	for _, k := range [2]int{i, j} {
		if k < 0 {
			continue
		}
		switch u.kind[k] {
		case kNA:
			return ptNA
		case kMissing:
			st = ptMissing
		}
	}
	return st
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// atLeast scores a ">=" target.
func atLeast(r *result, k int, st uint16, v float64, c *consts) {
	if st != 0 {
		r.pts[k] = st
		return
	}
	if !finite(v) {
		r.pts[k] = ptError
		return
	}
	w := weights[k]
	var p float64
	switch t := c.targ[k]; {
	case v >= c.geLo[k]:
		p = w
	case t <= 0:
		p = 0
	default:
		p = w * v / t
	}
	r.pts[k] = cents(clamp(p, w))
}

// atMost scores a "<=" target (linear reverse scoring).
func atMost(r *result, k int, st uint16, v float64, c *consts) {
	if st != 0 {
		r.pts[k] = st
		return
	}
	if !finite(v) {
		r.pts[k] = ptError
		return
	}
	w := weights[k]
	var p float64
	switch t := c.targ[k]; {
	case v <= c.leHi[k]:
		p = w
	case t <= 0, v >= c.twoLo[k]:
		p = 0
	default:
		p = w * (1 - (v-t)/t)
	}
	r.pts[k] = cents(clamp(p, w))
}

// tierPoints are the default points of tiers A, B, C.
var tierPoints = [3]float64{0.9, 0.7, 0.3}

func tier(r *result, k int, u *unit, j int) {
	if st := status(u, j, -1); st != 0 {
		r.pts[k] = st
		return
	}
	w := weights[k]
	var p float64
	if u.frac[j] {
		p = u.num[j] * w
	} else {
		p = tierPoints[u.tier[j]-'A'] * w
	}
	r.pts[k] = cents(clamp(p, w))
}

// failed reports a check that fails: one whose inputs are all numbers.
func failed(u *unit, ok bool, ins ...int) bool {
	for _, i := range ins {
		if u.kind[i] != kNum {
			return false
		}
	}
	return !ok
}

// scoreUnit scores u into r; false when no indicator applies.
func scoreUnit(u *unit, c *consts, r *result) bool {
	n := &u.num
	atLeast(r, 0, status(u, spent, budget), n[spent]/n[budget], c)
	atLeast(r, 1, status(u, baseChecked, -1), n[baseChecked], c)
	atLeast(r, 2, status(u, flagged, -1), n[flagged], c)
	atLeast(r, 3, status(u, trainings, -1), n[trainings], c)
	atLeast(r, 4, status(u, published, -1), n[published], c)
	atLeast(r, 5, status(u, gfmVerified, gfmDeclared), n[gfmVerified]/n[gfmDeclared], c)
	atLeast(r, 6, status(u, published, submitted), n[published]/n[submitted], c)
	atLeast(r, 7, status(u, closedOnTime, received), n[closedOnTime]/n[received], c)
	tier(r, 8, u, tClearance)
	tier(r, 9, u, tUpdate)
	atMost(r, 10, status(u, expPublic, spent), n[expPublic]/n[spent], c)
	atMost(r, 11, status(u, expPublic, staff), n[expPublic]/n[staff], c)
	atLeast(r, 12, status(u, expProject, spent), n[expProject]/n[spent], c)
	tier(r, 13, u, tSupport)
	tier(r, 14, u, tAdjust)
	tier(r, 15, u, tReuse)
	atLeast(r, 16, status(u, coop, -1), n[coop], c)
	tier(r, 17, u, tIncentive)
	atLeast(r, 18, status(u, workersLeft, workersStart), 1-n[workersLeft]/n[workersStart], c)
	atLeast(r, 19, status(u, surveySatisfied, surveyValid), n[surveySatisfied]/n[surveyValid], c)
	atLeast(r, 20, status(u, workerSatisfied, workerSurveyed), n[workerSatisfied]/n[workerSurveyed], c)

	var sum, applicable float64
	anyNA := false
	for k, p := range r.pts {
		switch p {
		case ptNA:
			anyNA = true
		case ptMissing, ptError:
			applicable += weights[k]
		default:
			sum += float64(p) / 100
			applicable += weights[k]
		}
	}
	switch {
	case !anyNA:
		r.total = cents(sum)
	case applicable > 0:
		r.total = cents(sum / applicable * 100)
	default:
		return false
	}

	var ck uint16
	set := func(k int, f bool) {
		if f {
			ck |= 1 << k
		}
	}
	set(0, failed(u, n[spent] <= n[budget], spent, budget))
	set(1, failed(u, math.Abs(n[expProject]+n[expBasic]-n[spent]) < 0.005, expProject, expBasic, spent))
	set(2, failed(u, math.Abs(n[expPersonnel]+n[expPublic]-n[expBasic]) < 0.005, expPersonnel, expPublic, expBasic))
	set(3, failed(u, math.Abs(n[shareStated]-n[expProject]/n[spent]*100) < 0.005, shareStated, expProject, spent))
	set(4, failed(u, n[gfmVerified] <= n[gfmDeclared], gfmVerified, gfmDeclared))
	set(5, failed(u, n[flagged] <= n[baseChecked], flagged, baseChecked))
	set(6, failed(u, n[published] <= n[submitted], published, submitted))
	set(7, failed(u, n[closedOnTime] <= n[received], closedOnTime, received))
	set(8, failed(u, n[workersLeft] <= n[workersStart], workersLeft, workersStart))
	set(9, failed(u, n[surveySatisfied] <= n[surveyValid], surveySatisfied, surveyValid))
	set(10, failed(u, n[workerSatisfied] <= n[workerSurveyed], workerSatisfied, workerSurveyed))
	r.checks = ck
	return true
}

// appendCents appends k/100 with at most two decimals, no trailing zeros.
func appendCents(b []byte, k uint16) []byte {
	ip, fp := k/100, k%100
	switch {
	case ip < 10:
		b = append(b, byte('0'+ip))
	case ip < 100:
		b = append(b, byte('0'+ip/10), byte('0'+ip%10))
	default:
		b = strconv.AppendUint(b, uint64(ip), 10)
	}
	if fp != 0 {
		b = append(b, '.', byte('0'+fp/10))
		if fp%10 != 0 {
			b = append(b, byte('0'+fp%10))
		}
	}
	return b
}

// appendList appends, joined by ；, the labels of the indicators marked m.
func appendList(b []byte, r *result, m uint16) []byte {
	first := true
	for k, p := range r.pts {
		if p == m {
			if !first {
				b = append(b, "；"...)
			}
			first = false
			b = append(b, labels[k]...)
		}
	}
	return b
}

var grades = [4]string{"优", "良", "中", "差"}

// actions are grid-center's outcomes by grade; 中 changes the budget by
// −0.05 × budget, 差 by −budget, 优 and 良 by 0.
var actions = [4]string{"优先保障", "据实保障", "核减", "取消或暂停"}

// appendChange appends the budget change of grade g as jixiao's csv writes
// it: rounded to cents as indicators.Round2 rounds, no trailing zeros,
// blank when the change reads a budget that is not a number.
func appendChange(b []byte, g int, budget float64) []byte {
	var x float64
	switch g {
	case 2:
		x = -0.05 * budget
	case 3:
		x = -budget
	}
	if math.IsNaN(x) {
		return b
	}
	k := round2Cents(x)
	if k < 0 {
		b = append(b, '-')
		k = -k
	}
	ip, fp := k/100, k%100
	b = strconv.AppendInt(b, ip, 10)
	if fp != 0 {
		b = append(b, '.', byte('0'+fp/10))
		if fp%10 != 0 {
			b = append(b, byte('0'+fp%10))
		}
	}
	return b
}

// round2Cents is x rounded half away from zero to cents, as
// indicators.Round2: by the float far from a half, else by x's 15
// significant decimal digits (so that 0.125 written as 0.12499999… still
// rounds up).
func round2Cents(x float64) int64 {
	a := math.Abs(x * 100)
	var k int64
	if f := a - math.Trunc(a); math.Abs(f-0.5) > 1e-6 {
		k = int64(a + 0.5)
	} else {
		s := strconv.FormatFloat(math.Abs(x), 'e', 14, 64) // d.dddddddddddddde±XX
		digits := s[:1] + s[2:16]
		exp, _ := strconv.Atoi(s[17:])
		keep := exp + 1 + 2
		switch {
		case keep >= len(digits):
			k = int64(a)
		case keep < 0:
			k = 0
		default:
			if keep > 0 {
				k, _ = strconv.ParseInt(digits[:keep], 10, 64)
			}
			if digits[keep] >= '5' {
				k++
			}
		}
	}
	if x < 0 {
		return -k
	}
	return k
}

// format appends the report rows of b's units to dst.
func (b *block) format(dst []byte, rank []int64) []byte {
	var start uint32
	for i := range b.res {
		r := &b.res[i]
		idEnd, nameEnd := b.ends[2*i], b.ends[2*i+1]
		dst = append(dst, b.names[start:idEnd]...)
		dst = append(dst, ',')
		dst = append(dst, b.names[idEnd:nameEnd]...)
		start = nameEnd
		var missing, errs bool
		for _, p := range r.pts {
			dst = append(dst, ',')
			switch p {
			case ptNA:
				dst = append(dst, "不适用"...)
			case ptMissing:
				dst, missing = append(dst, '0'), true
			case ptError:
				dst, errs = append(dst, '0'), true
			default:
				dst = appendCents(dst, p)
			}
		}
		dst = append(dst, ',')
		dst = appendCents(dst, r.total)
		g := 3
		switch {
		case r.total >= 9000:
			g = 0
		case r.total >= 8000:
			g = 1
		case r.total >= 6000:
			g = 2
		}
		dst = append(dst, ',')
		dst = append(dst, grades[g]...)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, rank[r.total], 10)
		dst = append(dst, ',')
		dst = append(dst, actions[g]...)
		dst = append(dst, ',')
		dst = appendChange(dst, g, r.budget)
		dst = append(dst, ',')
		if missing {
			dst = appendList(dst, r, ptMissing)
		}
		dst = append(dst, ',')
		if errs {
			dst = appendList(dst, r, ptError)
		}
		dst = append(dst, ',')
		first := true
		for k := 0; k < nChecks; k++ {
			if r.checks&(1<<k) != 0 {
				if !first {
					dst = append(dst, "；"...)
				}
				first = false
				dst = append(dst, checkTexts[k]...)
			}
		}
		dst = append(dst, ",\n"...)
	}
	return dst
}
