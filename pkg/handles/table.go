// Package handles keeps Go-side objects that C code refers to by integer id.
//
// An id packs a slot index and the slot's generation, so an id that outlived
// its object (deleted, then the slot reused) is reported as unknown instead of
// reaching the new occupant. Id 0 is never issued: C code uses 0 for "none".
//
// A Table is not safe for concurrent use; its owner serialises access (the
// library's registry holds a mutex around the VM and env tables).
package handles

// ID is a table id; it fits the uint32 fields of the C structs that carry it.
type ID uint32

const indexBits = 20 // up to ~1M live entries; 12 bits of generation

// Table stores values of type T under ids.
type Table[T any] struct {
	slots []slot[T]
	free  []uint32
	live  int
}

type slot[T any] struct {
	val  T
	gen  uint32
	used bool
}

// Add stores v and returns its id. It panics if the table is full, which at
// 2^20 live entries means a caller leaks ids.
func (t *Table[T]) Add(v T) ID {
	var i uint32
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		if len(t.slots) >= 1<<indexBits-1 {
			panic("handles: table full")
		}
		t.slots = append(t.slots, slot[T]{})
		i = uint32(len(t.slots) - 1)
	}
	s := &t.slots[i]
	s.val, s.used = v, true
	s.gen = (s.gen + 1) & (1<<(32-indexBits) - 1)
	if s.gen == 0 {
		s.gen = 1
	}
	t.live++
	return ID(s.gen<<indexBits | (i + 1))
}

func (t *Table[T]) lookup(id ID) *slot[T] {
	i := uint32(id)&(1<<indexBits-1) - 1
	if id == 0 || int(i) >= len(t.slots) {
		return nil
	}
	s := &t.slots[i]
	if !s.used || s.gen != uint32(id)>>indexBits {
		return nil
	}
	return s
}

// Get returns the value stored under id, or false for an unknown or stale id.
func (t *Table[T]) Get(id ID) (T, bool) {
	if s := t.lookup(id); s != nil {
		return s.val, true
	}
	var zero T
	return zero, false
}

// Delete removes id and returns its value; false if id is unknown or stale.
func (t *Table[T]) Delete(id ID) (T, bool) {
	s := t.lookup(id)
	var zero T
	if s == nil {
		return zero, false
	}
	v := s.val
	s.val, s.used = zero, false
	t.free = append(t.free, uint32(id)&(1<<indexBits-1)-1)
	t.live--
	return v, true
}

// Len is the number of live entries (tests use it to check for leaks).
func (t *Table[T]) Len() int { return t.live }

// Each calls f for every live entry, in slot order. f must not add or delete.
func (t *Table[T]) Each(f func(ID, T)) {
	for i := range t.slots {
		if s := &t.slots[i]; s.used {
			f(ID(s.gen<<indexBits|uint32(i+1)), s.val)
		}
	}
}
