package handles

import (
	"math/rand"
	"testing"
)

func TestAddGetDelete(t *testing.T) {
	var tb Table[string]
	a := tb.Add("a")
	b := tb.Add("b")
	if a == 0 || b == 0 || a == b {
		t.Fatalf("bad ids %d %d", a, b)
	}
	if v, ok := tb.Get(a); !ok || v != "a" {
		t.Fatalf("Get(a) = %q, %v", v, ok)
	}
	if v, ok := tb.Delete(a); !ok || v != "a" {
		t.Fatalf("Delete(a) = %q, %v", v, ok)
	}
	if _, ok := tb.Get(a); ok {
		t.Fatal("deleted id still resolves")
	}
	if _, ok := tb.Delete(a); ok {
		t.Fatal("double delete succeeded")
	}
	c := tb.Add("c") // reuses a's slot with a new generation
	if c == a {
		t.Fatal("reused slot gave the same id")
	}
	if _, ok := tb.Get(a); ok {
		t.Fatal("stale id resolves to the slot's new occupant")
	}
	if tb.Len() != 2 {
		t.Fatalf("Len = %d, want 2", tb.Len())
	}
	if _, ok := tb.Get(0); ok {
		t.Fatal("id 0 resolved")
	}
	if _, ok := tb.Get(ID(12345)); ok {
		t.Fatal("unknown id resolved")
	}
	seen := 0
	tb.Each(func(id ID, v string) {
		if got, _ := tb.Get(id); got != v {
			t.Errorf("Each gave %d=%q but Get says %q", id, v, got)
		}
		seen++
	})
	if seen != 2 {
		t.Fatalf("Each saw %d entries", seen)
	}
}

// TestRandomOps compares the table with a map over random add/delete runs.
func TestRandomOps(t *testing.T) {
	var tb Table[int]
	model := map[ID]int{}
	var dead []ID
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		if r.Intn(3) > 0 || len(model) == 0 {
			id := tb.Add(i)
			if _, dup := model[id]; dup {
				t.Fatalf("id %d issued twice", id)
			}
			model[id] = i
			continue
		}
		for id, v := range model {
			got, ok := tb.Delete(id)
			if !ok || got != v {
				t.Fatalf("Delete(%d) = %d,%v want %d", id, got, ok, v)
			}
			delete(model, id)
			dead = append(dead, id)
			break
		}
	}
	for id, v := range model {
		if got, ok := tb.Get(id); !ok || got != v {
			t.Fatalf("Get(%d) = %d,%v want %d", id, got, ok, v)
		}
	}
	for _, id := range dead {
		if _, live := model[id]; live {
			continue // the generation wrapped around onto a live id: allowed
		}
		if _, ok := tb.Get(id); ok {
			t.Fatalf("dead id %d resolves", id)
		}
	}
	if tb.Len() != len(model) {
		t.Fatalf("Len = %d, model %d", tb.Len(), len(model))
	}
}
