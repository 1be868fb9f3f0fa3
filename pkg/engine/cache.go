package engine

/*
#include "cache.h"
*/
import "C"

import "unsafe"

// Checksum functions of the code-cache format (cache.h), reachable from the
// package's unit tests (a _test.go file cannot use cgo). The library itself
// calls them from C only.

func bytesPtr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Pointer(&b[0])
}

// crc32c is CRC32C on the fastest path the CPU offers.
func crc32c(b []byte) uint32 { return uint32(C.jsvm_crc32c(0, bytesPtr(b), C.size_t(len(b)))) }

// crc32cTable is CRC32C on the table path only.
func crc32cTable(b []byte) uint32 { return uint32(C.jsvm_crc32c_sw(0, bytesPtr(b), C.size_t(len(b)))) }

// cacheHash is the source/payload hash (three CRC32C lanes above 4 KiB).
func cacheHash(b []byte) uint32 { return uint32(C.jsvm_hash(bytesPtr(b), C.size_t(len(b)))) }

// cacheHashTable is cacheHash on the table path only.
func cacheHashTable(b []byte) uint32 { return uint32(C.jsvm_hash_sw(bytesPtr(b), C.size_t(len(b)))) }

// crc32cHardware reports whether the SSE4.2 instruction is used.
func crc32cHardware() bool { return C.jsvm_crc32c_hw() != 0 }
