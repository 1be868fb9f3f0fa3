package main

/*
#include <stdlib.h>
#include <string.h>
#include "journal_gen.h"
#include "snapshot.h"

static size_t jsvm_u16_strlen(const uint16_t *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/libjsvm/libjsvm/pkg/snapshot"
)

// The set-up journal: how startup snapshots work (docs/RATIONALE.md,
// "Startup snapshots").
//
// QuickJS has no heap serialiser and cannot write closures, so a snapshot
// cannot be an image of the heap. Instead, each env of a VM created with
// JSVM_CreateVMOptions.isForSnapshotting records how it was built: every
// call the host makes on it from outside JS (the "journaled" functions,
// chosen by tools/genabi) is recorded with its arguments, in order. Handles
// (values, references, scripts, deferreds, scopes) become ids; strings and
// byte arrays are copied; native callbacks and any other caller pointer
// become indexes into JSVM_InitOptions.externalReferences; a compiled
// script also carries a code cache of itself, so that replaying it skips
// the parser. OH_JSVM_CreateSnapshot writes the journals into a blob
// (pkg/snapshot), and OH_JSVM_CreateEnvFromSnapshot creates an env and
// replays its journal through the very same API functions.
//
// Calls made from inside JS (native callbacks, finalizers, handlers) are
// not recorded: replaying the call that ran the JS runs them again. A call
// whose arguments cannot be carried to another process (a caller pointer
// that is not an external reference: Wrap's native object, external
// strings, caller-owned backing stores) makes the journal unreplayable:
// the call itself works, but CreateSnapshot of that env fails.

// journalFn is one row of the generated table journalFns.
type journalFn struct{ name, sig string }

// Pseudo-operations recorded beside the API calls.
const (
	fnEnv        = len(journalFns) + iota // the env's creation: its global descriptors and microtask policy
	fnCheckpoint                          // OH_JSVM_PerformMicrotaskCheckpoint on the env's VM
	fnPolicy                              // OH_JSVM_SetMicrotaskPolicy on the env's VM
	fnBytes                               // final bytes of a held ArrayBuffer (written at snapshot time)
	fnEnd                                 // end of a restore: open scopes closed, references dropped
	fnCount
)

var pseudoFns = [...]journalFn{
	{"$env", "lPi"},
	{"$checkpoint", ""},
	{"$policy", "i"},
	{"$bytes", "ib"},
	{"$end", ""},
}

// allFns is the function table of every blob this build writes and reads.
var allFns = func() []snapshot.Func {
	fs := make([]snapshot.Func, 0, fnCount)
	for _, f := range journalFns {
		fs = append(fs, snapshot.Func{Name: f.name, Sig: f.sig})
	}
	for _, f := range pseudoFns {
		fs = append(fs, snapshot.Func{Name: f.name, Sig: f.sig})
	}
	return fs
}()

var fnByName = func() map[string]int {
	m := make(map[string]int, len(allFns))
	for i, f := range allFns {
		m[f.Name] = i
	}
	return m
}()

// Functions the journal treats specially.
var (
	fnCompileScript            = fnByName["CompileScript"]
	fnCompileScriptWithOrigin  = fnByName["CompileScriptWithOrigin"]
	fnCompileScriptWithOptions = fnByName["CompileScriptWithOptions"]
	fnDeleteReference          = fnByName["DeleteReference"]
	fnRetainScript             = fnByName["RetainScript"]
	fnReleaseScript            = fnByName["ReleaseScript"]
)

func isCompile(fn int) bool {
	return fn == fnCompileScript || fn == fnCompileScriptWithOrigin || fn == fnCompileScriptWithOptions
}

// handleKey names a handle of one class ('v' values and private keys, 'r'
// references, 'q' scripts, 'k' deferreds, 'h' handle scopes).
type handleKey struct {
	class byte
	raw   uintptr
}

func classOf(k byte) byte {
	switch k {
	case 'V', 'A':
		return 'v'
	case 'R':
		return 'r'
	case 'Q':
		return 'q'
	case 'K':
		return 'k'
	case 'H':
		return 'h'
	}
	return k
}

// journal is the record of one env. It is used by the env's thread only.
type journal struct {
	raw    []byte // encoded ops (snapshot.AppendOp), fn = index into allFns
	n      int    // ops in raw
	ids    map[handleKey]uint64
	next   uint64 // last id issued
	maxExt int    // highest external-reference index used + 1
	taint  string // why the journal cannot be replayed ("" if it can)
}

func newJournal() *journal {
	return &journal{ids: make(map[handleKey]uint64)}
}

func (j *journal) append(op *snapshot.Op) {
	j.raw = snapshot.AppendOp(j.raw, allFns[op.Fn].Sig, op)
	j.n++
}

func (j *journal) spoil(format string, args ...any) {
	if j.taint == "" {
		j.taint = fmt.Sprintf(format, args...)
		debugf("snapshot: env journal cannot be replayed: %s", j.taint)
	}
}

// ---- external references ----

// extRefs indexes JSVM_InitOptions.externalReferences (set once by
// OH_JSVM_Init, never changed afterwards).
type extRefTable struct {
	list  []unsafe.Pointer
	index map[uintptr]int
}

// newExtRefTable reads the 0-terminated table (intptr_t entries, read as
// the addresses they are).
func newExtRefTable(p *C.intptr_t) *extRefTable {
	t := &extRefTable{index: map[uintptr]int{}}
	if p == nil {
		return t
	}
	for i := 0; ; i++ {
		v := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(p), i*int(unsafe.Sizeof(*p))))
		if v == nil {
			break
		}
		if _, dup := t.index[uintptr(v)]; !dup {
			t.index[uintptr(v)] = i
		}
		t.list = append(t.list, v)
	}
	return t
}

// ref returns the argument form of a caller pointer: 0 for NULL, index+1
// for an external reference; ok is false for any other pointer.
func (j *journal) ref(p unsafe.Pointer) (uint64, bool) {
	if p == nil {
		return 0, true
	}
	i, ok := reg.extRefs().index[uintptr(p)]
	if !ok {
		return 0, false
	}
	if i+1 > j.maxExt {
		j.maxExt = i + 1
	}
	return uint64(i) + 1, true
}

// ---- reading the packed words of a call ----

func wordPtr(w []C.jsvm_word, i int) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&w[i]))
}

func wordU64(w []C.jsvm_word, i int) uint64 {
	return *(*uint64)(unsafe.Pointer(&w[i]))
}

// maxRead bounds what the recorder copies out of caller memory for an
// argument whose length the call itself would reject.
const maxRead = math.MaxInt32 // C.GoBytes takes a C int

// libjsvmJournalCall records and performs one journaled call made by the
// host on env (journal.c decides it is one).
//
//export libjsvmJournalCall
func libjsvmJournalCall(env C.JSVM_Env, fn C.int, words *C.jsvm_word) (st C.JSVM_Status) {
	j := reg.journalOf(env)
	if j == nil || int(fn) >= len(journalFns) {
		return C.jsvm_journal_dispatch(env, fn, words)
	}
	id := int(fn)
	sig := journalFns[id].sig
	w := unsafe.Slice(words, len(sig))
	done := false
	defer func() {
		// A fault in the recorder must neither skip nor repeat the call,
		// and must not cross into C: the journal is given up instead.
		if r := recover(); r != nil {
			j.spoil("recorder failed on OH_JSVM_%s: %v", journalFns[id].name, r)
			if !done {
				st = C.jsvm_journal_dispatch(env, fn, words)
			}
			C.jsvm_set_status(env, st)
		}
	}()
	rec := recording{j: j, fn: id, w: w}
	op := rec.inputs(sig)
	st = C.jsvm_journal_dispatch(env, fn, words)
	done = true
	op.Status = uint32(st)
	rec.outputs(sig, &op, st)
	if st == stOK {
		rec.extras(env, sig, &op)
	}
	j.append(&op)
	C.jsvm_set_status(env, st) // the extras may have made calls of their own
	return st
}

// recording reads one call's arguments.
type recording struct {
	j        *journal
	fn       int
	w        []C.jsvm_word
	firstIn  unsafe.Pointer // first JSVM_Value argument (buffer holds)
	firstOut int            // word index of the first JSVM_Value* output, -1 if none
}

func (r *recording) name() string { return allFns[r.fn].Name }

// inputs records every argument as the call receives it; output ids are
// filled in after the call (outputs).
func (r *recording) inputs(sig string) snapshot.Op {
	op := snapshot.Op{Fn: uint32(r.fn)}
	r.firstOut = -1
	snapshot.EachArg(sig, func(i int, k byte, _ int) { op.Args = append(op.Args, r.in(k, i)) })
	return op
}

func (r *recording) handle(k byte, p unsafe.Pointer, what string) uint64 {
	if p == nil {
		return 0
	}
	id, ok := r.j.ids[handleKey{classOf(k), uintptr(p)}]
	if !ok {
		r.j.spoil("OH_JSVM_%s: %s was not created by a recorded call", r.name(), what)
	}
	return id
}

func (r *recording) pointer(p unsafe.Pointer, what string) uint64 {
	v, ok := r.j.ref(p)
	if !ok {
		r.j.spoil("OH_JSVM_%s: %s %p is not in JSVM_InitOptions.externalReferences", r.name(), what, p)
	}
	return v
}

func (r *recording) in(k byte, i int) snapshot.Arg {
	w := r.w
	var a snapshot.Arg
	switch k {
	case 'v', 'r', 'q', 'k', 'h':
		p := wordPtr(w, i)
		if k == 'v' && r.firstIn == nil {
			r.firstIn = p
		}
		a.U = r.handle(k, p, "a handle argument")
	case 'V', 'R', 'Q', 'K', 'H':
		a.Null = wordPtr(w, i) == nil
		if k == 'V' && r.firstOut < 0 {
			r.firstOut = i
		}
	case 'o', 'D':
		a.Null = wordPtr(w, i) == nil
	case 'x':
		a.Null = wordPtr(w, i) == nil
		r.j.spoil("OH_JSVM_%s: external strings keep caller memory", r.name())
	case 'i', 'd':
		a.U = wordU64(w, i)
	case 'p':
		a.U = r.pointer(wordPtr(w, i), "pointer argument")
	case 'f':
		a.U = r.pointer(wordPtr(w, i), "function pointer")
	case 'c':
		a = r.callback((*C.JSVM_CallbackStruct)(wordPtr(w, i)))
	case 'z':
		a = cString((*C.char)(wordPtr(w, i)))
	case 's', 'u', 'b':
		a = r.sized(k, wordPtr(w, i), wordU64(w, i+1))
	case 'w':
		p, n := wordPtr(w, i), wordU64(w, i-1)
		a.Null, a.U = p == nil, n
		if p != nil && n <= maxRead/8 {
			a.B = C.GoBytes(p, C.int(n*8))
		}
	case 'A':
		p, n := wordPtr(w, i), wordU64(w, i-1)
		a.Null, a.U = p == nil, n
		if p != nil {
			if n > 1<<24 {
				r.j.spoil("OH_JSVM_%s: %d arguments", r.name(), n)
				break
			}
			hs := unsafe.Slice((*C.JSVM_Value)(p), n)
			a.Items = make([][]snapshot.Arg, n)
			for j, h := range hs {
				a.Items[j] = []snapshot.Arg{{U: r.handle('v', unsafe.Pointer(h), "an argv element")}}
			}
		}
	case 'T':
		p := wordPtr(w, i)
		a.Null = p == nil
		if p != nil {
			a.B = C.GoBytes(p, 16)
		}
	case 'P':
		a = r.props((*C.JSVM_PropertyDescriptor)(wordPtr(w, i)), wordU64(w, i-1))
	case 'O':
		a = r.origin((*C.JSVM_ScriptOrigin)(wordPtr(w, i)))
	case 'C':
		a = r.compileOptions((*C.JSVM_CompileOptions)(wordPtr(w, i)), wordU64(w, i-1))
	case 'Y':
		a = r.handlerCfg((*C.JSVM_PropertyHandlerConfigurationStruct)(wordPtr(w, i)))
	case 'Z':
		a = r.classOptions((*C.JSVM_DefineClassOptions)(wordPtr(w, i)), wordU64(w, i-1))
	}
	return a
}

func cString(p *C.char) snapshot.Arg {
	if p == nil {
		return snapshot.Arg{Null: true}
	}
	return snapshot.Arg{B: C.GoBytes(unsafe.Pointer(p), C.int(C.strlen(p)))}
}

// sized reads a string or byte array whose length follows it. A length the
// call will refuse (above INT_MAX) is recorded without reading memory.
func (r *recording) sized(k byte, p unsafe.Pointer, n uint64) snapshot.Arg {
	a := snapshot.Arg{Null: p == nil, U: n, Auto: n == uint64(autoLength)}
	if p == nil {
		return a
	}
	if k == 'b' && isCompile(r.fn) {
		return a // a caller's code cache: the replay brings its own
	}
	unit := uint64(1)
	if k == 'u' {
		unit = 2
	}
	switch {
	case a.Auto && k == 'u':
		n = uint64(C.jsvm_u16_strlen((*C.uint16_t)(p)))
	case a.Auto:
		n = uint64(C.strlen((*C.char)(p)))
	case n > 0x7fffffff:
		return a
	}
	if n*unit <= maxRead {
		a.B = C.GoBytes(p, C.int(n*unit))
	}
	return a
}

// callback records a JSVM_Callback. The struct itself must be an external
// reference (its address is what the host's other process can name); as a
// convenience, a struct that is not is accepted when its callback and data
// are (or data is NULL): the replay then builds an equal struct.
func (r *recording) callback(cb *C.JSVM_CallbackStruct) snapshot.Arg {
	if cb == nil {
		return snapshot.Arg{}
	}
	if v, ok := r.j.ref(unsafe.Pointer(cb)); ok {
		return snapshot.Arg{U: 1, V: v}
	}
	fnp, okf := r.j.ref(unsafe.Pointer(cb.callback))
	data, okd := r.j.ref(cb.data)
	if okf && okd && fnp != 0 {
		return snapshot.Arg{U: 2, V: fnp, W: data}
	}
	r.j.spoil("OH_JSVM_%s: JSVM_CallbackStruct %p (callback %p) is not in JSVM_InitOptions.externalReferences",
		r.name(), cb, cb.callback)
	return snapshot.Arg{}
}

func (r *recording) props(p *C.JSVM_PropertyDescriptor, n uint64) snapshot.Arg {
	a := snapshot.Arg{Null: p == nil, U: n}
	if p == nil {
		return a
	}
	if n > 1<<20 {
		r.j.spoil("OH_JSVM_%s: %d property descriptors", r.name(), n)
		return a
	}
	for _, d := range unsafe.Slice(p, n) {
		a.Items = append(a.Items, []snapshot.Arg{
			cString(d.utf8name),
			{U: r.handle('v', unsafe.Pointer(d.name), "a descriptor's name")},
			r.callback(d.method),
			r.callback(d.getter),
			r.callback(d.setter),
			{U: r.handle('v', unsafe.Pointer(d.value), "a descriptor's value")},
			{U: uint64(d.attributes)},
		})
	}
	return a
}

func (r *recording) origin(o *C.JSVM_ScriptOrigin) snapshot.Arg {
	if o == nil {
		return snapshot.Arg{Null: true}
	}
	return snapshot.Arg{Items: [][]snapshot.Arg{{
		cString(o.sourceMapUrl),
		cString(o.resourceName),
		{U: uint64(o.resourceLineOffset)},
		{U: uint64(o.resourceColumnOffset)},
	}}}
}

// unionPtr and unionInt read the content union of the option structs.
func unionPtr(u *[8]byte) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(u)) }
func unionInt(u *[8]byte) int32          { return *(*int32)(unsafe.Pointer(u)) }
func unionBool(u *[8]byte) bool          { return *(*bool)(unsafe.Pointer(u)) }

func (r *recording) compileOptions(p *C.JSVM_CompileOptions, n uint64) snapshot.Arg {
	a := snapshot.Arg{Null: p == nil, U: n}
	if p == nil || n > 1<<16 {
		return a
	}
	for _, o := range unsafe.Slice(p, n) {
		id := uint64(o.id)
		it := []snapshot.Arg{{U: id}}
		switch id {
		case C.JSVM_COMPILE_MODE:
			it = append(it, snapshot.Arg{U: uint64(uint32(unionInt(&o.content)))})
		case C.JSVM_COMPILE_ENABLE_SOURCE_MAP:
			b := uint64(0)
			if unionBool(&o.content) {
				b = 1
			}
			it = append(it, snapshot.Arg{U: b})
		case C.JSVM_COMPILE_CODE_CACHE:
			// A cache passed in: only whether there is one matters; the
			// replay brings a cache of its own.
			cc := (*C.JSVM_CodeCache)(unionPtr(&o.content))
			it = append(it, snapshot.Arg{Null: cc == nil || cc.cache == nil})
		case C.JSVM_COMPILE_SCRIPT_ORIGIN:
			it = append(it, r.origin((*C.JSVM_ScriptOrigin)(unionPtr(&o.content))))
		case C.JSVM_COMPILE_CODE_CACHE_REJECTED:
			it = append(it, snapshot.Arg{Null: unionPtr(&o.content) == nil})
		}
		a.Items = append(a.Items, it)
	}
	return a
}

func (r *recording) handlerCfg(c *C.JSVM_PropertyHandlerConfigurationStruct) snapshot.Arg {
	if c == nil {
		return snapshot.Arg{Null: true}
	}
	fns := []unsafe.Pointer{
		unsafe.Pointer(c.genericNamedPropertyGetterCallback), unsafe.Pointer(c.genericNamedPropertySetterCallback),
		unsafe.Pointer(c.genericNamedPropertyDeleterCallback), unsafe.Pointer(c.genericNamedPropertyEnumeratorCallback),
		unsafe.Pointer(c.genericIndexedPropertyGetterCallback), unsafe.Pointer(c.genericIndexedPropertySetterCallback),
		unsafe.Pointer(c.genericIndexedPropertyDeleterCallback), unsafe.Pointer(c.genericIndexedPropertyEnumeratorCallback),
	}
	var it []snapshot.Arg
	for _, f := range fns {
		it = append(it, snapshot.Arg{U: r.pointer(f, "interceptor")})
	}
	it = append(it,
		snapshot.Arg{U: r.handle('v', unsafe.Pointer(c.namedPropertyData), "namedPropertyData")},
		snapshot.Arg{U: r.handle('v', unsafe.Pointer(c.indexedPropertyData), "indexedPropertyData")})
	return snapshot.Arg{Items: [][]snapshot.Arg{it}}
}

func (r *recording) classOptions(p *C.JSVM_DefineClassOptions, n uint64) snapshot.Arg {
	a := snapshot.Arg{Null: p == nil, U: n}
	if p == nil || n > 1<<16 {
		return a
	}
	for _, o := range unsafe.Slice(p, n) {
		id := uint64(o.id)
		if id == C.JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER {
			h := (*C.JSVM_PropertyHandler)(unionPtr(&o.content))
			var ha snapshot.Arg
			if h == nil {
				ha.Null = true
			} else {
				ha.Items = [][]snapshot.Arg{{r.handlerCfg(h.propertyHandlerCfg), r.callback(h.callAsFunctionCallback)}}
			}
			a.Items = append(a.Items, []snapshot.Arg{{U: id}, ha})
			continue
		}
		a.Items = append(a.Items, []snapshot.Arg{{U: id}, {U: uint64(uint32(unionInt(&o.content)))}})
	}
	return a
}

// outputs gives ids to the handles the call produced.
func (r *recording) outputs(sig string, op *snapshot.Op, st C.JSVM_Status) {
	snapshot.EachArg(sig, func(i int, k byte, n int) {
		a := &op.Args[n]
		switch k {
		case 'V', 'R', 'Q', 'K', 'H':
			if a.Null || st != stOK {
				return
			}
			h := *(*unsafe.Pointer)(wordPtr(r.w, i))
			if h == nil {
				return // a NULL result (e.g. a collected weak reference)
			}
			r.j.next++
			r.j.ids[handleKey{classOf(k), uintptr(h)}] = r.j.next
			a.U = r.j.next
		}
	})
}

// extras attaches what a successful call needs beyond its arguments: the
// code cache of a compiled script, the buffer whose bytes were handed out.
func (r *recording) extras(env C.JSVM_Env, sig string, op *snapshot.Op) {
	if isCompile(r.fn) {
		script := *(*C.JSVM_Script)(wordPtr(r.w, len(sig)-1))
		if cache := journalCodeCache(env, script); cache != nil {
			op.Extra = cache
			op.Flags |= snapshot.OpCache
		}
	}
	for i := 0; i < len(sig); i++ {
		if sig[i] != 'D' || wordPtr(r.w, i) == nil {
			continue
		}
		v := r.firstIn
		if v == nil && r.firstOut >= 0 {
			v = *(*unsafe.Pointer)(wordPtr(r.w, r.firstOut))
		}
		if v != nil && C.jsvm_snap_hold(env, C.JSVM_Value(v)) >= 0 {
			op.Flags |= snapshot.OpHold
		}
		break
	}
}

// journalCodeCache returns a code cache of script (nil if none can be
// made: the replay then compiles from source).
func journalCodeCache(env C.JSVM_Env, script C.JSVM_Script) []byte {
	var data *C.uint8_t
	var n C.size_t
	if C.jsvm_journal_code_cache(env, script, &data, &n) != 0 || data == nil {
		return nil
	}
	b := C.GoBytes(unsafe.Pointer(data), C.int(n))
	C.jsvm_journal_code_cache_free(env, data)
	return b
}
