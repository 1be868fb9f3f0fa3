package engine

import (
	"encoding/binary"
	"hash/crc32"
	"math/rand"
	"testing"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func TestCRC32CKnownValue(t *testing.T) {
	for name, f := range map[string]func([]byte) uint32{"fast": crc32c, "table": crc32cTable} {
		if got := f([]byte("123456789")); got != 0xE3069283 {
			t.Errorf("%s: crc32c(123456789) = %#x, want 0xe3069283", name, got)
		}
		if got := f(nil); got != 0 {
			t.Errorf("%s: crc32c of nothing = %#x, want 0", name, got)
		}
	}
	t.Logf("SSE4.2 path in use: %v", crc32cHardware())
}

// Both paths agree with Go's CRC32C at every length and alignment that
// matters to the 8-byte loops.
func TestCRC32CMatchesStdlib(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	buf := make([]byte, 5000)
	rng.Read(buf)
	for off := 0; off < 9; off++ {
		for n := 0; n+off <= len(buf); n += 1 + n/7 {
			b := buf[off : off+n]
			want := crc32.Checksum(b, castagnoli)
			if got := crc32c(b); got != want {
				t.Fatalf("fast: offset %d length %d: %#x, want %#x", off, n, got, want)
			}
			if got := crc32cTable(b); got != want {
				t.Fatalf("table: offset %d length %d: %#x, want %#x", off, n, got, want)
			}
		}
	}
}

// goHash is the documented definition of the cache hash (cache.h).
func goHash(b []byte) uint32 {
	if len(b) < 4096 {
		return crc32.Checksum(b, castagnoli)
	}
	l := (len(b) / 3) &^ 7
	var t [12]byte
	binary.LittleEndian.PutUint32(t[0:], crc32.Checksum(b[:l], castagnoli))
	binary.LittleEndian.PutUint32(t[4:], crc32.Checksum(b[l:2*l], castagnoli))
	binary.LittleEndian.PutUint32(t[8:], crc32.Checksum(b[2*l:], castagnoli))
	return crc32.Checksum(t[:], castagnoli)
}

func TestCacheHashDefinition(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	buf := make([]byte, 300000)
	rng.Read(buf)
	lengths := []int{0, 1, 7, 4095, 4096, 4097, 4103, 4104, 4119, 12288, 12289, 65536 + 5, 299999}
	for i := 0; i < 50; i++ {
		lengths = append(lengths, rng.Intn(len(buf)))
	}
	for _, n := range lengths {
		for _, off := range []int{0, 1, 3} {
			if off+n > len(buf) {
				continue
			}
			b := buf[off : off+n]
			want := goHash(b)
			if got := cacheHash(b); got != want {
				t.Fatalf("fast: length %d offset %d: %#x, want %#x", n, off, got, want)
			}
			if got := cacheHashTable(b); got != want {
				t.Fatalf("table: length %d offset %d: %#x, want %#x", n, off, got, want)
			}
		}
	}
}

// A 500 KB source must hash in microseconds (docs/bench.md).
func BenchmarkCacheHash500K(b *testing.B) {
	buf := make([]byte, 500*1024)
	rand.New(rand.NewSource(3)).Read(buf)
	b.SetBytes(int64(len(buf)))
	for i := 0; i < b.N; i++ {
		cacheHash(buf)
	}
}

func BenchmarkCacheHashTable500K(b *testing.B) {
	buf := make([]byte, 500*1024)
	rand.New(rand.NewSource(3)).Read(buf)
	b.SetBytes(int64(len(buf)))
	for i := 0; i < b.N; i++ {
		cacheHashTable(buf)
	}
}
