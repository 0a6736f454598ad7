//go:build unix

package engine

import "syscall"

// bandAlloc returns n bytes for a band's records mapped outside Go's
// heap: a band is tens of megabytes that live through every pass of the
// bands, and on the heap the collector would let the heap grow to twice
// the live memory, band included, before it collects (at a million
// units of the xlsx: 312 MB peak). mapped is false when the mapping
// failed and the memory is the heap's.
func bandAlloc(n int) (b []byte, mapped bool) {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, 0, n), false
	}
	return b[:0], true
}

// bandFree unmaps memory of bandAlloc.
func bandFree(b []byte) {
	syscall.Munmap(b[:cap(b)])
}
