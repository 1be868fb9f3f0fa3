// Package snapshot is the startup-snapshot blob of libjsvm: its binary
// format, its validation, and the codec of the recorded API calls it
// carries. It is pure Go (no cgo), so that everything a damaged or hostile
// blob can reach is tested and fuzzed here (snapshot_test.go).
//
// What a snapshot is (docs/RATIONALE.md, "Startup snapshots"): QuickJS
// cannot serialise a heap, so a snapshot records how each env was built.
// In a VM created with isForSnapshotting, every JSVM call the host makes on
// an env (outside JS) is journaled with its arguments: handles become ids,
// strings and byte arrays are copied, native callbacks and other caller
// pointers become indexes into JSVM_InitOptions.externalReferences, and a
// compiled script carries a code cache of itself. A blob holds, per
// context, that journal; restoring replays it.
//
// Layout (integers little-endian; uvarint = encoding/binary.Uvarint):
//
//	magic "LJSVMSNP" | u32 format version | u32 engine tag | u32 flags (0)
//	| u32 external references needed (highest index used + 1)
//	| uvarint function count, then per function: name, signature (both uvarint length + bytes)
//	| uvarint context count, then per context: uvarint byte length + ops
//	| u32 CRC-32C of every byte before it
//
// ops: uvarint count, then per op: uvarint function (index into the
// blob's function table), uvarint status, u8 flags (opCache, opHold),
// the arguments in the order of the function's signature (see Kinds),
// and with opCache a byte string (the code cache of a compiled script).
package snapshot

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// Magic starts every blob; Version is the format version this package
// writes and reads.
const (
	Magic   = "LJSVMSNP"
	Version = 1
)

// Op flags.
const (
	OpCache = 1 << 0 // Extra holds a code cache of the script the op compiled
	OpHold  = 1 << 1 // the op handed the host an ArrayBuffer's bytes (see journal.go)
)

// Limits that keep a hostile blob from asking for absurd allocations.
const (
	maxItems = 1 << 24
	maxDepth = 4
)

// Func is one entry of a blob's function table: an OH_JSVM_* name without
// the prefix (or a pseudo-operation starting with '$') and its signature.
type Func struct {
	Name string
	Sig  string
}

// Arg is one recorded argument; which fields are used depends on its kind.
type Arg struct {
	U     uint64  // integers, ids, extref indexes, tags, double bits, raw lengths
	V, W  uint64  // callbacks: extref index of the struct (tag 1), or of the function and its data (tag 2)
	Null  bool    // a pointer argument was NULL
	Auto  bool    // s/u: the length was JSVM_AUTO_LENGTH
	B     []byte  // bytes: strings, byte arrays, words, type tags
	Items [][]Arg // structs and arrays of structs (P, O, C, Y, Z)
}

// Op is one recorded call.
type Op struct {
	Fn     uint32 // index into the blob's (or the recorder's) function table
	Status uint32
	Flags  uint8
	Args   []Arg
	Extra  []byte // OpCache: code cache
}

// Context is the journal of one env: its ops, decoded (Ops) or as the
// recorder appends them (Raw, N ops encoded by AppendOp).
type Context struct {
	Ops []Op
	Raw []byte
	N   int
}

// Blob is a decoded snapshot.
type Blob struct {
	EngineTag uint32
	ExtRefs   uint32 // number of external references the blob needs
	Funcs     []Func
	Contexts  []Context
}

// Errors of Decode.
var (
	ErrFormat   = errors.New("snapshot: not a libjsvm snapshot")
	ErrVersion  = errors.New("snapshot: written by another format version")
	ErrEngine   = errors.New("snapshot: written by another engine or library build")
	ErrChecksum = errors.New("snapshot: checksum mismatch (damaged blob)")
	ErrCorrupt  = errors.New("snapshot: malformed contents")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Signatures are strings of parameter kinds (tools/genabi/journal.go
// documents the letters). The struct kinds have fixed item layouts:
//
//	P item: utf8name z, name v, method c, getter c, setter c, value v, attributes i
//	O:      sourceMapUrl z, resourceName z, line offset i, column offset i
//	Y:      8 interceptor function pointers f, then the two data values v
//	C item: option id i, then by id: mode i | code cache b | origin O | profile - |
//	        source map i | deserialize result - | rejected-out o
//	Z item: option id i, then by id: normal i | count i | property handler H
//	        where H is a nullable pair (Y, call-as-function c)
const (
	PropSig    = "zvcccvi"
	OriginSig  = "zzii"
	HandlerSig = "ffffffffvv"
)

// compileOptSig is the payload signature of a JSVM_CompileOptions entry.
func compileOptSig(id uint64) string {
	switch id {
	case 0, 4: // JSVM_COMPILE_MODE, JSVM_COMPILE_ENABLE_SOURCE_MAP
		return "i"
	case 1: // JSVM_COMPILE_CODE_CACHE
		return "b"
	case 2: // JSVM_COMPILE_SCRIPT_ORIGIN
		return "O"
	case 6: // JSVM_COMPILE_CODE_CACHE_REJECTED
		return "o"
	}
	return "" // compile profile, deserialize result, unknown ids: not replayed
}

// classOptSig is the payload signature of a JSVM_DefineClassOptions entry.
func classOptSig(id uint64) string {
	if id == 2 { // JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER
		return "H"
	}
	return "i"
}

// ---------------------------------------------------------------- encode

type writer struct{ b []byte }

func (w *writer) uv(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) u8(v uint8)  { w.b = append(w.b, v) }
func (w *writer) u32(v uint32) {
	w.b = binary.LittleEndian.AppendUint32(w.b, v)
}
func (w *writer) bytes(b []byte) { w.uv(uint64(len(b))); w.b = append(w.b, b...) }
func (w *writer) flag(null bool) {
	if null {
		w.u8(1)
	} else {
		w.u8(0)
	}
}

// Encode writes a blob. Ops must match the signatures of b.Funcs (the
// recorder guarantees it; Encode does not re-check).
func Encode(b *Blob) []byte {
	w := &writer{b: make([]byte, 0, 4096)}
	w.b = append(w.b, Magic...)
	w.u32(Version)
	w.u32(b.EngineTag)
	w.u32(0)
	w.u32(b.ExtRefs)
	w.uv(uint64(len(b.Funcs)))
	for _, f := range b.Funcs {
		w.bytes([]byte(f.Name))
		w.bytes([]byte(f.Sig))
	}
	w.uv(uint64(len(b.Contexts)))
	for _, c := range b.Contexts {
		if c.Ops != nil {
			w.bytes(EncodeOps(b.Funcs, c.Ops))
			continue
		}
		body := binary.AppendUvarint(nil, uint64(c.N))
		w.bytes(append(body, c.Raw...))
	}
	w.u32(crc32.Checksum(w.b, castagnoli))
	return w.b
}

// EncodeOps writes an op stream (the body of one context).
func EncodeOps(funcs []Func, ops []Op) []byte {
	b := binary.AppendUvarint(nil, uint64(len(ops)))
	for i := range ops {
		b = AppendOp(b, funcs[ops[i].Fn].Sig, &ops[i])
	}
	return b
}

// AppendOp appends one op, whose function has signature sig, to dst.
func AppendOp(dst []byte, sig string, op *Op) []byte {
	w := &writer{b: dst}
	w.uv(uint64(op.Fn))
	w.uv(uint64(op.Status))
	w.u8(op.Flags)
	w.args(sig, op.Args)
	if op.Flags&OpCache != 0 {
		w.bytes(op.Extra)
	}
	return w.b
}

// EachArg calls f for every recorded parameter of sig, in order: its index
// among the function's parameters, its kind, and its index in Op.Args.
// 'E' (the env) and 'l' (a length or count, recorded with its neighbour)
// take no slot in Op.Args.
func EachArg(sig string, f func(param int, kind byte, arg int)) {
	n := 0
	for i := 0; i < len(sig); i++ {
		if k := sig[i]; k != 'E' && k != 'l' {
			f(i, k, n)
			n++
		}
	}
}

// args writes the arguments of a signature.
func (w *writer) args(sig string, args []Arg) {
	EachArg(sig, func(_ int, k byte, n int) { w.arg(k, &args[n]) })
}

func (w *writer) arg(k byte, a *Arg) {
	switch k {
	case 'v', 'r', 'q', 'k', 'h', 'i', 'p', 'f':
		w.uv(a.U)
	case 'V', 'R', 'Q', 'K', 'H':
		w.flag(a.Null)
		w.uv(a.U)
	case 'o', 'D', 'x':
		w.flag(a.Null)
	case 'd':
		w.b = binary.LittleEndian.AppendUint64(w.b, a.U)
	case 'c':
		w.uv(a.U) // 0 NULL, 1 a struct in the table, 2 a struct rebuilt from a function and data in the table
		if a.U != 0 {
			w.uv(a.V)
		}
		if a.U == 2 {
			w.uv(a.W)
		}
	case 'z':
		w.flag(a.Null)
		if !a.Null {
			w.bytes(a.B)
		}
	case 's', 'u', 'b':
		w.flag(a.Null)
		w.flag(a.Auto)
		w.uv(a.U)
		w.bytes(a.B)
	case 'w':
		w.flag(a.Null)
		w.uv(a.U)
		w.bytes(a.B)
	case 'A':
		w.flag(a.Null)
		w.uv(a.U) // count
		if !a.Null {
			for _, it := range a.Items {
				w.uv(it[0].U)
			}
		}
	case 'T':
		w.flag(a.Null)
		if !a.Null {
			w.b = append(w.b, a.B...)
		}
	case 'P', 'C', 'Z':
		w.flag(a.Null)
		w.uv(a.U) // count
		if !a.Null {
			for _, it := range a.Items {
				w.item(k, it)
			}
		}
	case 'O', 'Y':
		w.flag(a.Null)
		if !a.Null {
			w.args(structSig(k), a.Items[0])
		}
	}
}

func structSig(k byte) string {
	if k == 'O' {
		return OriginSig
	}
	return HandlerSig
}

func (w *writer) item(k byte, it []Arg) {
	switch k {
	case 'P':
		w.args(PropSig, it)
	case 'C':
		w.uv(it[0].U)
		if s := compileOptSig(it[0].U); s != "" {
			w.arg(s[0], &it[1])
		}
	case 'Z':
		w.uv(it[0].U)
		if classOptSig(it[0].U) == "H" {
			h := &it[1]
			w.flag(h.Null)
			if !h.Null {
				w.arg('Y', &h.Items[0][0])
				w.arg('c', &h.Items[0][1])
			}
		} else {
			w.uv(it[1].U)
		}
	}
}

// ---------------------------------------------------------------- decode

type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = ErrCorrupt
	}
}

func (r *reader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) u8() uint8 {
	if r.err != nil || len(r.b) < 1 {
		r.fail()
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *reader) flag() bool {
	v := r.u8()
	if v > 1 {
		r.fail()
	}
	return v == 1
}

func (r *reader) u32() uint32 {
	if r.err != nil || len(r.b) < 4 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *reader) raw(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes() []byte { return r.raw(r.uv()) }

// count reads a count and checks that at least min bytes per element remain.
func (r *reader) count(min int) uint64 {
	n := r.uv()
	if n > maxItems || (min > 0 && n > uint64(len(r.b))/uint64(min)) {
		r.fail()
		return 0
	}
	return n
}

// Decode validates and decodes a blob. engineTag is the tag of the running
// library: a blob from another build is refused (its code caches and
// function signatures may not fit).
func Decode(data []byte, engineTag uint32) (*Blob, error) {
	const head = len(Magic) + 16
	if len(data) < head+4 || string(data[:len(Magic)]) != Magic {
		return nil, ErrFormat
	}
	if binary.LittleEndian.Uint32(data[len(Magic):]) != Version {
		return nil, ErrVersion
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, ErrChecksum
	}
	r := &reader{b: body[len(Magic)+4:]}
	b := &Blob{EngineTag: r.u32()}
	if b.EngineTag != engineTag {
		return nil, ErrEngine
	}
	if r.u32() != 0 { // flags: none defined
		return nil, ErrCorrupt
	}
	b.ExtRefs = r.u32()
	nf := r.count(2)
	for i := uint64(0); i < nf && r.err == nil; i++ {
		name, sig := string(r.bytes()), string(r.bytes())
		if name == "" || !validSig(sig) {
			r.fail()
		}
		b.Funcs = append(b.Funcs, Func{Name: name, Sig: sig})
	}
	nc := r.count(1)
	for i := uint64(0); i < nc && r.err == nil; i++ {
		ops, raw, err := decodeOps(b.Funcs, r.bytes())
		if err != nil {
			return nil, err
		}
		b.Contexts = append(b.Contexts, Context{Ops: ops, Raw: raw, N: len(ops)})
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail()
	}
	if r.err != nil {
		return nil, r.err
	}
	return b, nil
}

// validSig reports whether every letter of sig is a known kind and the
// paired kinds have their length or count beside them.
func validSig(sig string) bool {
	for i := 0; i < len(sig); i++ {
		switch k := sig[i]; k {
		case 'E', 'l', 'v', 'V', 'z', 'x', 'i', 'd', 'o', 'D', 'p', 'f', 'c',
			'r', 'R', 'q', 'Q', 'k', 'K', 'h', 'H', 'T', 'O', 'Y', 'b':
		case 's', 'u':
			if i+1 >= len(sig) || sig[i+1] != 'l' {
				return false
			}
		case 'A', 'w', 'P', 'C', 'Z':
			if i == 0 || sig[i-1] != 'l' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// DecodeOps decodes one context's op stream against a function table.
func DecodeOps(funcs []Func, data []byte) ([]Op, error) {
	ops, _, err := decodeOps(funcs, data)
	return ops, err
}

// decodeOps also returns the encoded ops without their count (Context.Raw).
func decodeOps(funcs []Func, data []byte) ([]Op, []byte, error) {
	r := &reader{b: data}
	n := r.count(3)
	raw := r.b
	ops := make([]Op, 0, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		fn := r.uv()
		if fn >= uint64(len(funcs)) {
			return nil, nil, ErrCorrupt
		}
		st := r.uv()
		if st > math.MaxInt32 {
			r.fail()
		}
		op := Op{Fn: uint32(fn), Status: uint32(st), Flags: r.u8()}
		if op.Flags&^(OpCache|OpHold) != 0 {
			r.fail()
		}
		op.Args = r.args(funcs[fn].Sig, 0)
		if op.Flags&OpCache != 0 {
			op.Extra = r.bytes()
		}
		ops = append(ops, op)
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail()
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	return ops, raw, nil
}

func (r *reader) args(sig string, depth int) []Arg {
	if depth > maxDepth {
		r.fail()
		return nil
	}
	var args []Arg
	for i := 0; i < len(sig) && r.err == nil; i++ {
		k := sig[i]
		if k == 'E' || k == 'l' {
			continue
		}
		args = append(args, r.arg(k, depth))
	}
	return args
}

func (r *reader) arg(k byte, depth int) Arg {
	var a Arg
	switch k {
	case 'v', 'r', 'q', 'k', 'h', 'i', 'p', 'f':
		a.U = r.uv()
	case 'V', 'R', 'Q', 'K', 'H':
		a.Null = r.flag()
		a.U = r.uv()
	case 'o', 'D', 'x':
		a.Null = r.flag()
	case 'd':
		b := r.raw(8)
		if b != nil {
			a.U = binary.LittleEndian.Uint64(b)
		}
	case 'c':
		a.U = r.uv()
		if a.U > 2 {
			r.fail()
		}
		if a.U != 0 {
			a.V = r.uv()
		}
		if a.U == 2 {
			a.W = r.uv()
		}
	case 'z':
		a.Null = r.flag()
		if !a.Null {
			a.B = r.bytes()
		}
	case 's', 'u', 'b':
		a.Null = r.flag()
		a.Auto = r.flag()
		a.U = r.uv()
		a.B = r.bytes()
	case 'w':
		a.Null = r.flag()
		a.U = r.uv()
		a.B = r.bytes()
		if !a.Null && uint64(len(a.B)) != a.U*8 {
			r.fail()
		}
	case 'A':
		a.Null = r.flag()
		a.U = r.uv()
		if !a.Null {
			if a.U > maxItems || a.U > uint64(len(r.b)) {
				r.fail()
				break
			}
			a.Items = make([][]Arg, 0, a.U)
			for j := uint64(0); j < a.U && r.err == nil; j++ {
				a.Items = append(a.Items, []Arg{{U: r.uv()}})
			}
		}
	case 'T':
		a.Null = r.flag()
		if !a.Null {
			a.B = r.raw(16)
		}
	case 'P', 'C', 'Z':
		a.Null = r.flag()
		a.U = r.uv()
		if !a.Null {
			if a.U > maxItems || a.U > uint64(len(r.b)) {
				r.fail()
				break
			}
			a.Items = make([][]Arg, 0, a.U)
			for j := uint64(0); j < a.U && r.err == nil; j++ {
				a.Items = append(a.Items, r.item(k, depth+1))
			}
		}
	case 'O', 'Y':
		a.Null = r.flag()
		if !a.Null {
			a.Items = [][]Arg{r.args(structSig(k), depth+1)}
		}
	default:
		r.fail()
	}
	return a
}

func (r *reader) item(k byte, depth int) []Arg {
	switch k {
	case 'P':
		return r.args(PropSig, depth)
	case 'C':
		id := Arg{U: r.uv()}
		if s := compileOptSig(id.U); s != "" {
			return []Arg{id, r.arg(s[0], depth)}
		}
		return []Arg{id}
	default: // 'Z'
		id := Arg{U: r.uv()}
		if classOptSig(id.U) == "H" {
			var h Arg
			h.Null = r.flag()
			if !h.Null {
				h.Items = [][]Arg{{r.arg('Y', depth+1), r.arg('c', depth+1)}}
			}
			return []Arg{id, h}
		}
		return []Arg{id, {U: r.uv()}}
	}
}

// String describes a decode error for diagnostics.
func (f Func) String() string { return fmt.Sprintf("%s(%s)", f.Name, f.Sig) }
