package snapshot

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math/rand"
	"reflect"
	"testing"
)

// funcs covers every kind, with the pairings the recorder produces.
var funcs = []Func{
	{"CreateStringUtf8", "EslV"},
	{"CallFunction", "EvvlAV"},
	{"DefineClassWithOptions", "EslclPvlZV"},
	{"CompileScriptWithOptions", "EvlCQ"},
	{"CreateBigintWords", "EilwV"},
	{"Everything", "EzuldiopfcrRqQkKhHTOYDx"},
	{"$bytes", "ib"},
}

const tag = 0x1234abcd

func sampleOps() []Op {
	handler := []Arg{{U: 1}, {}, {}, {}, {U: 2}, {}, {}, {}, {U: 7}, {}}
	return []Op{
		{Fn: 0, Status: 0, Args: []Arg{{U: 5, B: []byte("hello")}, {U: 1}}},
		{Fn: 0, Status: 1, Args: []Arg{{Null: true}, {Null: true}}},
		{Fn: 0, Status: 0, Args: []Arg{{Auto: true, U: ^uint64(0), B: []byte("auto")}, {U: 2}}},
		{Fn: 1, Status: 10, Args: []Arg{{U: 1}, {U: 2}, {U: 2, Items: [][]Arg{{{U: 1}}, {{U: 0}}}}, {Null: true}}},
		{Fn: 2, Args: []Arg{
			{U: 3, B: []byte("Foo")},
			{U: 1, V: 4},
			{U: 2, Items: [][]Arg{
				{{B: []byte("m")}, {}, {U: 2, V: 1, W: 0}, {}, {}, {}, {U: 7}},
				{{Null: true}, {U: 9}, {}, {U: 1, V: 2}, {U: 1, V: 3}, {U: 4}, {U: 1024}},
			}},
			{U: 3},
			{U: 3, Items: [][]Arg{
				{{U: 0}, {U: 0}},
				{{U: 1}, {U: 4}},
				{{U: 2}, {Items: [][]Arg{{{Items: [][]Arg{handler}}, {U: 1, V: 1}}}}},
			}},
			{U: 10},
		}},
		{Fn: 3, Flags: OpCache, Extra: []byte{1, 2, 3}, Args: []Arg{
			{U: 1},
			{U: 5, Items: [][]Arg{
				{{U: 0}, {U: 1}},
				{{U: 1}, {Null: true}},
				{{U: 2}, {Items: [][]Arg{{{Null: true}, {B: []byte("a.js")}, {U: 10}, {U: 0}}}}},
				{{U: 5}},
				{{U: 6}, {}},
			}},
			{U: 11},
		}},
		{Fn: 4, Args: []Arg{{U: 1}, {U: 2, B: make([]byte, 16)}, {U: 12}}},
		{Fn: 5, Flags: OpHold, Args: []Arg{
			{B: []byte("z")}, {U: 3, B: []byte{1, 0, 2, 0, 3, 0}}, {U: 0x4000000000000000},
			{U: 42}, {Null: true}, {U: 3}, {U: 0}, {U: 0}, {U: 1}, {Null: true, U: 0},
			{U: 2}, {U: 13}, {U: 3}, {U: 14}, {U: 4}, {U: 15},
			{B: bytes.Repeat([]byte{9}, 16)}, {Null: true}, {Items: [][]Arg{handler}}, {}, {Null: true},
		}},
		{Fn: 6, Args: []Arg{{U: 0}, {U: 3, B: []byte{1, 2, 3}}}},
	}
}

func sampleBlob() *Blob {
	ops := sampleOps()
	return &Blob{EngineTag: tag, ExtRefs: 5, Funcs: funcs, Contexts: []Context{{Ops: ops}, {Ops: ops[:1]}}}
}

// normalize makes decoded args comparable with the hand-written ones
// (empty and nil slices).
func normalize(ops []Op) []Op {
	for i := range ops {
		ops[i].Args = normArgs(ops[i].Args)
		if len(ops[i].Extra) == 0 {
			ops[i].Extra = nil
		}
	}
	return ops
}

func normArgs(as []Arg) []Arg {
	for j := range as {
		if len(as[j].B) == 0 {
			as[j].B = nil
		}
		if len(as[j].Items) == 0 {
			as[j].Items = nil
		}
		for k := range as[j].Items {
			as[j].Items[k] = normArgs(as[j].Items[k])
		}
	}
	return as
}

func TestRoundTrip(t *testing.T) {
	b := sampleBlob()
	data := Encode(b)
	got, err := Decode(data, tag)
	if err != nil {
		t.Fatal(err)
	}
	if got.EngineTag != tag || got.ExtRefs != 5 || !reflect.DeepEqual(got.Funcs, funcs) {
		t.Fatalf("header: %+v", got)
	}
	if len(got.Contexts) != 2 {
		t.Fatalf("contexts: %d", len(got.Contexts))
	}
	want := normalize(sampleOps())
	if g := normalize(got.Contexts[0].Ops); !reflect.DeepEqual(g, want) {
		t.Fatalf("ops differ:\n got %+v\nwant %+v", g, want)
	}
	// Raw/N (what a restored env's journal continues from) re-encode to
	// the same blob.
	again := &Blob{EngineTag: tag, ExtRefs: 5, Funcs: funcs}
	for _, c := range got.Contexts {
		again.Contexts = append(again.Contexts, Context{Raw: c.Raw, N: c.N})
	}
	if !bytes.Equal(Encode(again), data) {
		t.Fatal("re-encoding from Raw differs")
	}
}

func TestAppendOpMatchesEncodeOps(t *testing.T) {
	ops := sampleOps()
	var raw []byte
	for i := range ops {
		raw = AppendOp(raw, funcs[ops[i].Fn].Sig, &ops[i])
	}
	want := EncodeOps(funcs, ops)
	got := append(binary.AppendUvarint(nil, uint64(len(ops))), raw...)
	if !bytes.Equal(got, want) {
		t.Fatal("AppendOp and EncodeOps disagree")
	}
}

func TestRefusals(t *testing.T) {
	data := Encode(sampleBlob())
	check := func(name string, b []byte, want error) {
		t.Helper()
		if _, err := Decode(b, tag); !errors.Is(err, want) {
			t.Errorf("%s: got %v, want %v", name, err, want)
		}
	}
	check("empty", nil, ErrFormat)
	check("short", data[:10], ErrFormat)
	check("magic", append([]byte("XJSVMSNP"), data[8:]...), ErrFormat)
	v := append([]byte(nil), data...)
	binary.LittleEndian.PutUint32(v[8:], Version+1)
	check("version", v, ErrVersion)
	if _, err := Decode(data, tag+1); !errors.Is(err, ErrEngine) {
		t.Errorf("engine tag: %v", err)
	}
	for n := 28; n < len(data); n += 7 {
		check("truncated", data[:n], ErrChecksum)
	}
	check("trailing byte", append(append([]byte(nil), data...), 0), ErrChecksum)
	// every single-bit flip after the version is caught by the checksum
	for i := 12; i < len(data); i++ {
		for bit := 0; bit < 8; bit++ {
			b := append([]byte(nil), data...)
			b[i] ^= 1 << bit
			if _, err := Decode(b, tag); err == nil {
				t.Fatalf("flip of byte %d bit %d accepted", i, bit)
			}
		}
	}
}

// reseal recomputes the checksum, so that malformed contents reach the
// structural checks.
func reseal(b []byte) []byte {
	body := b[:len(b)-4]
	return binary.LittleEndian.AppendUint32(append([]byte(nil), body...), crc32.Checksum(body, castagnoli))
}

func TestMalformedContentsWithValidChecksum(t *testing.T) {
	data := Encode(sampleBlob())
	rng := rand.New(rand.NewSource(1))
	accepted := 0
	for i := 0; i < 20000; i++ {
		b := append([]byte(nil), data[:len(data)-4]...)
		switch rng.Intn(4) {
		case 0:
			b[12+rng.Intn(len(b)-12)] = byte(rng.Intn(256))
		case 1:
			b = b[:12+rng.Intn(len(b)-12)]
		case 2:
			p := 12 + rng.Intn(len(b)-12)
			b = append(b[:p], append([]byte{byte(rng.Intn(256))}, b[p:]...)...)
		case 3:
			p := 12 + rng.Intn(len(b)-12)
			b = append(b[:p:p], b[p+1:]...)
		}
		if _, err := Decode(reseal(append(b, 0, 0, 0, 0)), tag); err == nil {
			accepted++ // e.g. a changed id or byte inside a string: still well-formed
		}
	}
	t.Logf("%d of 20000 resealed mutations were well-formed", accepted)
}

func TestSignatures(t *testing.T) {
	for _, s := range []string{"", "EslV", "EvvlAV", "lPi", "ib", "EilwV"} {
		if !validSig(s) {
			t.Errorf("%q should be valid", s)
		}
	}
	for _, s := range []string{"s", "Es", "A", "EvA", "E?", "Eu"} {
		if validSig(s) {
			t.Errorf("%q should be invalid", s)
		}
	}
}

func TestHugeCountsAreRefused(t *testing.T) {
	// An op stream claiming 2^40 ops, or an argv of 2^40 ids, in a few bytes.
	for _, body := range [][]byte{
		binary.AppendUvarint(nil, 1<<40),
		append(binary.AppendUvarint([]byte{1}, 1), append([]byte{0, 0, 1}, binary.AppendUvarint(nil, 1<<40)...)...),
	} {
		if _, err := DecodeOps(funcs, body); err == nil {
			t.Errorf("accepted %x", body)
		}
	}
}

// FuzzDecode: no input may panic or allocate without bound; whatever
// decodes must encode back to a blob that decodes to the same thing.
func FuzzDecode(f *testing.F) {
	data := Encode(sampleBlob())
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte(Magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) >= 16 && string(b[:8]) == Magic {
			b = reseal(b) // let mutations reach the structural checks
		}
		got, err := Decode(b, tag)
		if err != nil {
			return
		}
		again, err := Decode(Encode(got), tag)
		if err != nil {
			t.Fatalf("re-encoded blob refused: %v", err)
		}
		if !reflect.DeepEqual(normalizeBlob(again), normalizeBlob(got)) {
			t.Fatal("re-encoded blob differs")
		}
	})
}

func normalizeBlob(b *Blob) *Blob {
	for i := range b.Contexts {
		b.Contexts[i].Ops = normalize(b.Contexts[i].Ops)
		b.Contexts[i].Raw = nil
	}
	return b
}
