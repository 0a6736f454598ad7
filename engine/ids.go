package engine

import (
	"math/bits"
	"slices"
)

// idSet tells Stream which unit ids may have appeared before, in a few
// bits per unit instead of the ids themselves: a chain of blocked Bloom
// filters, each four times the size of the one before, so that it needs no
// estimate of how many units will come. The first takes 4 million ids in
// 5 MB; its pages are touched, so resident, only as ids fall in them. An id it has seen is
// always reported (no false negatives); one it has not seen is reported
// about once in a hundred. The hashes of the reported ids, the suspects,
// are settled exactly in a later pass over the spilled ids
// (streamer.verifyDuplicates).
//
// Each id sets eight bits in one 64-byte block (one bit per word, as
// Parquet's split-block filters do), so a test or an insert touches one
// cache line per filter.
type idSet struct {
	filters  []bloom
	suspects []uint64 // hashes of ids that may have appeared before
	table    []uint64 // the suspects as an open-addressing set, after settle
}

type bloom struct {
	words   []uint64 // blocks of 8 words
	nblocks uint64
	n       int // ids added
	cap     int // ids it takes at bloomBitsPerID bits each
}

const (
	bloomBitsPerID = 10
	bloomFirstCap  = 1 << 22
	bloomGrowth    = 4
)

// salts spread one 32-bit hash over the eight words of a block (the
// constants of Parquet's split-block Bloom filter).
var salts = [8]uint32{0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31}

func newIDSet() *idSet { return &idSet{} }

// hashID is FNV-1a over the bytes, finished with splitmix64's mixer so
// that every bit of the result depends on every byte.
func hashID(id []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range id {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return mix(h)
}

// hashString is hashID of a string.
func hashString(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return mix(h)
}

func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func newBloom(capacity int) bloom {
	nblocks := uint64((capacity*bloomBitsPerID + 511) / 512)
	return bloom{words: make([]uint64, 8*nblocks), nblocks: nblocks, cap: capacity}
}

// block returns the words of h's block and the bit of each word.
func (b *bloom) block(h uint64) ([]uint64, [8]uint64) {
	i, _ := bits.Mul64(h, b.nblocks) // the high bits pick the block
	key := uint32(h)
	var m [8]uint64
	for w := range m {
		m[w] = 1 << ((key * salts[w]) >> 26)
	}
	return b.words[i*8 : i*8+8], m
}

func (b *bloom) has(h uint64) bool {
	words, m := b.block(h)
	for w := range m {
		if words[w]&m[w] == 0 {
			return false
		}
	}
	return true
}

func (b *bloom) add(h uint64) {
	words, m := b.block(h)
	for w := range m {
		words[w] |= m[w]
	}
	b.n++
}

// touch loads the block of h in every filter and returns a word of it, so
// that a caller about to add many hashes can have their cache lines
// fetched side by side (the loads do not depend on each other) before
// add waits on each in turn.
func (s *idSet) touch(h uint64) uint64 {
	var x uint64
	for i := range s.filters {
		b := &s.filters[i]
		k, _ := bits.Mul64(h, b.nblocks)
		x ^= b.words[k*8]
	}
	return x
}

// add records the id of hash h (hashID), noting it as a suspect when it
// may have been added before.
func (s *idSet) add(h uint64) {
	for i := range s.filters {
		if s.filters[i].has(h) {
			s.suspects = append(s.suspects, h)
			break
		}
	}
	if last := len(s.filters) - 1; last < 0 || s.filters[last].n >= s.filters[last].cap {
		c := bloomFirstCap
		if last >= 0 {
			c = s.filters[last].cap * bloomGrowth
		}
		s.filters = append(s.filters, newBloom(c))
	}
	s.filters[len(s.filters)-1].add(h)
}

// settle puts the suspects in a hash table for suspect: linear probing
// over a power-of-two table at most half full. Slot value 0 is empty; a
// hash of 0 counts as 1, which can only add a suspect.
func (s *idSet) settle() {
	slices.Sort(s.suspects)
	s.suspects = slices.Compact(s.suspects)
	n := 16
	for n < 2*len(s.suspects) {
		n *= 2
	}
	s.table = make([]uint64, n)
	for _, h := range s.suspects {
		h = max(h, 1)
		for i := h & uint64(n-1); ; i = (i + 1) & uint64(n-1) {
			if s.table[i] == 0 || s.table[i] == h {
				s.table[i] = h
				break
			}
		}
	}
}

// suspect reports whether id may have appeared twice.
func (s *idSet) suspect(id []byte) bool {
	h := max(hashID(id), 1)
	mask := uint64(len(s.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.table[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}
