//go:build !unix

package engine

// bandAlloc returns n bytes for a band's records, on the heap where no
// anonymous mapping is at hand.
func bandAlloc(n int) (b []byte, mapped bool) { return make([]byte, 0, n), false }

// bandFree does nothing: the memory is the heap's.
func bandFree(b []byte) {}
