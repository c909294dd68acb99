//go:build linux && cgo

package jieba

// #include <malloc.h>
import "C"

// trimHeap returns the C heap's free memory to the system. cppjieba builds
// its dictionary from millions of small allocations; after a Release, glibc
// keeps them in its arenas, where the next segmenter's differently sized
// allocations only partly reuse them.
func trimHeap() { C.malloc_trim(0) }
