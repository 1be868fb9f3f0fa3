package main

/*
#include <stdlib.h>
#include <string.h>
#include "journal_gen.h"
#include "snapshot.h"
#include "ops.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/libjsvm/libjsvm/pkg/snapshot"
)

// The replay side of the set-up journal (journal.go): an env rebuilt from
// one context of a snapshot by making the recorded calls again, through
// the same API functions, with ids turned back into this process's handles
// and external-reference indexes into this process's pointers.

// replayer rebuilds one env.
type replayer struct {
	env     C.JSVM_Env
	vm      *vmState
	ext     *extRefTable
	handles map[uint64]unsafe.Pointer // id -> handle of this env
	refs    map[uint64]bool           // ids of live references made by the replay
	kept    map[uint64]bool           // ids of retained scripts made by the replay
	tmp     []unsafe.Pointer          // C memory of the current call
}

var errDiverged = errors.New("snapshot: replay diverged")

func (r *replayer) alloc(n int) unsafe.Pointer {
	p := C.calloc(1, C.size_t(n))
	if p == nil {
		panic("out of memory")
	}
	r.tmp = append(r.tmp, p)
	return p
}

// keep allocates C memory that must live as long as the VM: the library
// stores some pointers it is given (interceptor configurations, callback
// structs) instead of copying them.
func (r *replayer) keep(n int) unsafe.Pointer {
	p := C.calloc(1, C.size_t(n))
	if p == nil {
		panic("out of memory")
	}
	reg.keepForVM(r.vm, p)
	return p
}

func (r *replayer) freeTmp() {
	for _, p := range r.tmp {
		C.free(p)
	}
	r.tmp = r.tmp[:0]
}

func (r *replayer) bytes(b []byte, extra int) unsafe.Pointer {
	p := r.alloc(len(b) + extra)
	if len(b) > 0 {
		C.memcpy(p, unsafe.Pointer(&b[0]), C.size_t(len(b)))
	}
	return p
}

func (r *replayer) cstr(a *snapshot.Arg) *C.char {
	if a.Null {
		return nil
	}
	return (*C.char)(r.bytes(a.B, 1))
}

func (r *replayer) handle(id uint64) (unsafe.Pointer, error) {
	if id == 0 {
		return nil, nil
	}
	h, ok := r.handles[id]
	if !ok {
		return nil, fmt.Errorf("snapshot: unknown handle id %d", id)
	}
	return h, nil
}

func (r *replayer) pointer(v uint64) (unsafe.Pointer, error) {
	if v == 0 {
		return nil, nil
	}
	if v > uint64(len(r.ext.list)) {
		return nil, fmt.Errorf("snapshot: external reference %d missing from JSVM_InitOptions.externalReferences", v-1)
	}
	return r.ext.list[v-1], nil
}

func (r *replayer) callback(a *snapshot.Arg) (*C.JSVM_CallbackStruct, error) {
	switch a.U {
	case 0:
		return nil, nil
	case 1:
		p, err := r.pointer(a.V)
		return (*C.JSVM_CallbackStruct)(p), err
	}
	fn, err := r.pointer(a.V)
	if err != nil {
		return nil, err
	}
	data, err := r.pointer(a.W)
	if err != nil {
		return nil, err
	}
	cb := (*C.JSVM_CallbackStruct)(r.keep(int(unsafe.Sizeof(C.JSVM_CallbackStruct{}))))
	*(*unsafe.Pointer)(unsafe.Pointer(&cb.callback)) = fn
	cb.data = data
	return cb, nil
}

// replay makes ops[from:] again on r.env.
func (r *replayer) replay(ops []snapshot.Op, from int) error {
	plan := planReplay(ops)
	for i := from; i < len(ops); i++ {
		op := &ops[i]
		if plan.standIn[i] {
			// a source string only compiles with their own cache read:
			// an empty stand-in spares copying it and hashing it again
			short := *op
			short.Args = append([]snapshot.Arg(nil), op.Args...)
			short.Args[0] = snapshot.Arg{}
			op = &short
		}
		r.env.jr_trust = 0
		if plan.trusted[i] {
			r.env.jr_trust = 1
		}
		err := r.op(op)
		r.env.jr_trust = 0
		r.freeTmp()
		if err != nil {
			return fmt.Errorf("op %d (%s): %w", i, allFns[op.Fn].Name, err)
		}
	}
	return nil
}

// replayPlan marks the string ops whose value only serves as the source of
// compiles that carry a code cache of their own (as every successful
// compile of a journal does): the replay creates them empty and runs those
// compiles trusted (core.h: jr_trust), skipping the copy of the source and
// its hash, which for a large script cost as much as reading its bytecode.
type replayPlan struct {
	standIn map[int]bool // op index -> create the string empty
	trusted map[int]bool // op index -> compile trusting its cache
}

var stringFns = map[int]bool{
	fnByName["CreateStringUtf8"]: true, fnByName["CreateStringLatin1"]: true, fnByName["CreateStringUtf16"]: true,
}

func planReplay(ops []snapshot.Op) replayPlan {
	p := replayPlan{standIn: map[int]bool{}, trusted: map[int]bool{}}
	made := map[uint64]int{}       // string id -> op that made it
	compiles := map[uint64][]int{} // string id -> compiles using it as their cached source
	spoiled := map[uint64]bool{}   // string ids used any other way
	for i := range ops {
		op := &ops[i]
		fn := int(op.Fn)
		if fn >= len(journalFns) {
			continue
		}
		sig := allFns[fn].Sig
		cachedCompile := isCompile(fn) && op.Flags&snapshot.OpCache != 0 && op.Status == uint32(stOK)
		first := true
		forEachUse(sig, op.Args, func(id uint64) {
			if cachedCompile && first {
				compiles[id] = append(compiles[id], i)
			} else {
				spoiled[id] = true
			}
			first = false
		})
		if stringFns[fn] && op.Status == uint32(stOK) {
			if out := op.Args[len(op.Args)-1]; !out.Null && out.U != 0 {
				made[out.U] = i
			}
		}
	}
	for id, i := range made {
		if spoiled[id] || len(compiles[id]) == 0 {
			continue
		}
		p.standIn[i] = true
		for _, j := range compiles[id] {
			p.trusted[j] = true
		}
	}
	return p
}

// forEachUse calls use for every handle id an op's arguments refer to, in
// argument order (outputs are definitions, not uses).
func forEachUse(sig string, args []snapshot.Arg, use func(uint64)) {
	snapshot.EachArg(sig, func(_ int, k byte, n int) {
		a := &args[n]
		switch k {
		case 'v', 'r', 'q', 'k', 'h':
			if a.U != 0 {
				use(a.U)
			}
		case 'A':
			for _, it := range a.Items {
				if it[0].U != 0 {
					use(it[0].U)
				}
			}
		case 'P':
			for _, it := range a.Items {
				forEachUse(snapshot.PropSig, it, use)
			}
		case 'Y':
			if !a.Null {
				forEachUse(snapshot.HandlerSig, a.Items[0], use)
			}
		case 'Z':
			for _, it := range a.Items {
				if len(it) == 2 && !it[1].Null && len(it[1].Items) == 1 {
					forEachUse("Y", it[1].Items[0][:1], use)
				}
			}
		}
	})
}

func (r *replayer) op(op *snapshot.Op) error {
	fn := int(op.Fn)
	switch fn {
	case fnEnv:
		return errors.New("snapshot: env created twice")
	case fnCheckpoint:
		C.jsvm_op_microtask_checkpoint_vm(r.env.vm)
		return nil
	case fnPolicy:
		if p := op.Args[0].U; p <= C.JSVM_MICROTASK_AUTO {
			r.env.vm.microtask_policy = C.int(p)
		}
		return nil
	case fnBytes:
		b := op.Args[1].B
		if len(b) > 0 {
			C.jsvm_snap_held_write(r.env, C.uint32_t(op.Args[0].U), unsafe.Pointer(&b[0]), C.size_t(len(b)))
		}
		return nil
	case fnEnd:
		r.finish()
		return nil
	}
	sig := allFns[fn].Sig
	w := unsafe.Slice((*C.jsvm_word)(r.alloc((len(sig)+1)*int(unsafe.Sizeof(C.jsvm_word{})))), len(sig))
	out := make([]unsafe.Pointer, len(sig)) // scratch of each output parameter
	var firstIn unsafe.Pointer
	firstOut := -1
	setPtr(w, 0, unsafe.Pointer(r.env)) // every journaled function takes the env first
	var err error
	snapshot.EachArg(sig, func(i int, k byte, n int) {
		if err != nil {
			return
		}
		if err = r.arg(w, i, k, &op.Args[n], op, out); err != nil {
			return
		}
		if k == 'v' && firstIn == nil {
			firstIn = wordPtr(w, i)
		}
		if k == 'V' && firstOut < 0 {
			firstOut = i
		}
	})
	if err != nil {
		return err
	}
	st := C.jsvm_journal_dispatch(r.env, C.int(fn), &w[0])
	if uint32(st) != op.Status {
		return fmt.Errorf("%w: status %d, recorded %d", errDiverged, st, op.Status)
	}
	// outputs: this process's handles for the recorded ids
	snapshot.EachArg(sig, func(i int, k byte, n int) {
		a := &op.Args[n]
		switch k {
		case 'V', 'R', 'Q', 'K', 'H':
			if a.Null || st != stOK || a.U == 0 || err != nil {
				return
			}
			h := *(*unsafe.Pointer)(out[i])
			if h == nil {
				err = fmt.Errorf("%w: no handle where the recording had one", errDiverged)
				return
			}
			r.handles[a.U] = h
			if k == 'R' {
				r.refs[a.U] = true
			}
		}
	})
	if err != nil {
		return err
	}
	if st == stOK {
		r.track(fn, op)
	}
	if op.Flags&snapshot.OpHold != 0 {
		v := firstIn
		if v == nil && firstOut >= 0 {
			v = *(*unsafe.Pointer)(out[firstOut])
		}
		if v == nil || C.jsvm_snap_hold(r.env, C.JSVM_Value(v)) < 0 {
			return fmt.Errorf("%w: no buffer to hold", errDiverged)
		}
	}
	return nil
}

// track follows references and retained scripts, which the end of a
// restore releases (a snapshot carries no JSVM_Ref or JSVM_Script of the
// process that made it).
func (r *replayer) track(fn int, op *snapshot.Op) {
	switch fn {
	case fnDeleteReference:
		delete(r.refs, op.Args[0].U)
	case fnRetainScript:
		r.kept[op.Args[0].U] = true
	case fnReleaseScript:
		delete(r.kept, op.Args[0].U)
	}
}

// finish ends a restore: the references and retained scripts the set-up
// made are released, the handle scopes it left open are closed and a
// pending exception is dropped, so that the env starts as a fresh one
// would, with its global state in place.
func (r *replayer) finish() {
	for id := range r.refs {
		if h, ok := r.handles[id]; ok {
			C.OH_JSVM_DeleteReference(r.env, C.JSVM_Ref(h))
		}
	}
	for id := range r.kept {
		if h, ok := r.handles[id]; ok {
			C.OH_JSVM_ReleaseScript(r.env, C.JSVM_Script(h))
		}
	}
	C.jsvm_snap_restore_done(r.env)
	clear(r.refs)
	clear(r.kept)
	clear(r.handles)
}

func setPtr(w []C.jsvm_word, i int, p unsafe.Pointer) {
	*(*unsafe.Pointer)(unsafe.Pointer(&w[i])) = p
}

func setU64(w []C.jsvm_word, i int, v uint64) {
	*(*uint64)(unsafe.Pointer(&w[i])) = v
}

// dummyCache stands in for a caller's code cache in a call that failed
// when it was recorded (its bytes were not kept; any cache is rejected).
var dummyCache = []byte{0}

func (r *replayer) arg(w []C.jsvm_word, i int, k byte, a *snapshot.Arg, op *snapshot.Op, out []unsafe.Pointer) error {
	switch k {
	case 'v', 'r', 'q', 'k', 'h':
		h, err := r.handle(a.U)
		if err != nil {
			return err
		}
		setPtr(w, i, h)
	case 'V', 'R', 'Q', 'K', 'H', 'o', 'D':
		if !a.Null {
			out[i] = r.alloc(16)
			setPtr(w, i, out[i])
		}
	case 'x':
		return errors.New("snapshot: external strings cannot be replayed")
	case 'i', 'd':
		setU64(w, i, a.U)
	case 'p', 'f':
		p, err := r.pointer(a.U)
		if err != nil {
			return err
		}
		setPtr(w, i, p)
	case 'c':
		cb, err := r.callback(a)
		if err != nil {
			return err
		}
		setPtr(w, i, unsafe.Pointer(cb))
	case 'z':
		setPtr(w, i, unsafe.Pointer(r.cstr(a)))
	case 's', 'u', 'b':
		n := a.U
		switch {
		case k == 'b' && isCompile(int(op.Fn)) && op.Flags&snapshot.OpCache != 0:
			// the script's own cache: the replay skips the parser
			n = uint64(len(op.Extra))
			setPtr(w, i, r.bytes(op.Extra, 0))
		case a.Null:
			setPtr(w, i, nil)
		case k == 'b' && isCompile(int(op.Fn)):
			n = uint64(len(dummyCache))
			setPtr(w, i, r.bytes(dummyCache, 0))
		default:
			setPtr(w, i, r.bytes(a.B, 2)) // NUL-terminated for JSVM_AUTO_LENGTH
		}
		if a.Auto && k != 'b' {
			n = uint64(autoLength)
		}
		setU64(w, i+1, n)
	case 'w':
		setU64(w, i-1, a.U)
		if !a.Null {
			setPtr(w, i, r.bytes(a.B, 8))
		}
	case 'A':
		setU64(w, i-1, a.U)
		if !a.Null {
			p := r.alloc(len(a.Items)*8 + 8)
			hs := unsafe.Slice((*unsafe.Pointer)(p), len(a.Items))
			for j, it := range a.Items {
				h, err := r.handle(it[0].U)
				if err != nil {
					return err
				}
				hs[j] = h
			}
			setPtr(w, i, p)
		}
	case 'T':
		if !a.Null {
			setPtr(w, i, r.bytes(a.B, 0))
		}
	case 'P':
		setU64(w, i-1, a.U)
		if !a.Null {
			p, err := r.props(a)
			if err != nil {
				return err
			}
			setPtr(w, i, p)
		}
	case 'O':
		setPtr(w, i, unsafe.Pointer(r.origin(a)))
	case 'C':
		p, cnt, err := r.compileOptions(a, op)
		if err != nil {
			return err
		}
		setU64(w, i-1, cnt)
		setPtr(w, i, p)
	case 'Y':
		p, err := r.handlerCfg(a)
		if err != nil {
			return err
		}
		setPtr(w, i, unsafe.Pointer(p))
	case 'Z':
		setU64(w, i-1, a.U)
		if !a.Null {
			p, err := r.classOptions(a)
			if err != nil {
				return err
			}
			setPtr(w, i, p)
		}
	default:
		return fmt.Errorf("snapshot: kind %q cannot be replayed", k)
	}
	return nil
}

func (r *replayer) props(a *snapshot.Arg) (unsafe.Pointer, error) {
	size := int(unsafe.Sizeof(C.JSVM_PropertyDescriptor{}))
	p := r.alloc(size*len(a.Items) + size)
	ds := unsafe.Slice((*C.JSVM_PropertyDescriptor)(p), len(a.Items))
	for j, it := range a.Items {
		d := &ds[j]
		d.utf8name = r.cstr(&it[0])
		name, err := r.handle(it[1].U)
		if err != nil {
			return nil, err
		}
		d.name = C.JSVM_Value(name)
		if d.method, err = r.callback(&it[2]); err != nil {
			return nil, err
		}
		if d.getter, err = r.callback(&it[3]); err != nil {
			return nil, err
		}
		if d.setter, err = r.callback(&it[4]); err != nil {
			return nil, err
		}
		value, err := r.handle(it[5].U)
		if err != nil {
			return nil, err
		}
		d.value = C.JSVM_Value(value)
		d.attributes = C.JSVM_PropertyAttributes(it[6].U)
	}
	return p, nil
}

func (r *replayer) origin(a *snapshot.Arg) *C.JSVM_ScriptOrigin {
	if a.Null {
		return nil
	}
	it := a.Items[0]
	o := (*C.JSVM_ScriptOrigin)(r.alloc(int(unsafe.Sizeof(C.JSVM_ScriptOrigin{}))))
	o.sourceMapUrl = r.cstr(&it[0])
	o.resourceName = r.cstr(&it[1])
	o.resourceLineOffset = C.size_t(it[2].U)
	o.resourceColumnOffset = C.size_t(it[3].U)
	return o
}

func setUnionPtr(u *[8]byte, p unsafe.Pointer) { *(*unsafe.Pointer)(unsafe.Pointer(u)) = p }
func setUnionInt(u *[8]byte, v int32)          { *(*int32)(unsafe.Pointer(u)) = v }
func setUnionBool(u *[8]byte, v bool)          { *(*bool)(unsafe.Pointer(u)) = v }

// compileOptions rebuilds a JSVM_CompileOptions array. For a compile that
// succeeded, the cache and mode options are replaced by the recorded code
// cache of the script (consumed, so the parser is skipped).
func (r *replayer) compileOptions(a *snapshot.Arg, op *snapshot.Op) (unsafe.Pointer, uint64, error) {
	if a.Null {
		return nil, a.U, nil
	}
	useCache := op.Flags&snapshot.OpCache != 0
	size := int(unsafe.Sizeof(C.JSVM_CompileOptions{}))
	p := r.alloc(size * (len(a.Items) + 2))
	os := unsafe.Slice((*C.JSVM_CompileOptions)(p), len(a.Items)+2)
	n := 0
	for _, it := range a.Items {
		id := it[0].U
		if useCache && (id == C.JSVM_COMPILE_MODE || id == C.JSVM_COMPILE_CODE_CACHE) {
			continue
		}
		o := &os[n]
		n++
		o.id = C.JSVM_CompileOptionId(id)
		switch id {
		case C.JSVM_COMPILE_MODE:
			setUnionInt(&o.content, int32(uint32(it[1].U)))
		case C.JSVM_COMPILE_ENABLE_SOURCE_MAP:
			setUnionBool(&o.content, it[1].U != 0)
		case C.JSVM_COMPILE_CODE_CACHE:
			if !it[1].Null {
				cc := (*C.JSVM_CodeCache)(r.alloc(int(unsafe.Sizeof(C.JSVM_CodeCache{}))))
				cc.cache = (*C.uint8_t)(r.bytes(dummyCache, 0))
				cc.length = C.size_t(len(dummyCache))
				setUnionPtr(&o.content, unsafe.Pointer(cc))
			}
		case C.JSVM_COMPILE_SCRIPT_ORIGIN:
			setUnionPtr(&o.content, unsafe.Pointer(r.origin(&it[1])))
		case C.JSVM_COMPILE_CODE_CACHE_REJECTED:
			if !it[1].Null {
				setUnionPtr(&o.content, r.alloc(8))
			}
		}
	}
	if useCache {
		cc := (*C.JSVM_CodeCache)(r.alloc(int(unsafe.Sizeof(C.JSVM_CodeCache{}))))
		cc.cache = (*C.uint8_t)(r.bytes(op.Extra, 0))
		cc.length = C.size_t(len(op.Extra))
		os[n].id = C.JSVM_COMPILE_MODE
		setUnionInt(&os[n].content, C.JSVM_COMPILE_MODE_CONSUME_CODE_CACHE)
		os[n+1].id = C.JSVM_COMPILE_CODE_CACHE
		setUnionPtr(&os[n+1].content, unsafe.Pointer(cc))
		n += 2
	}
	return p, uint64(n), nil
}

func (r *replayer) handlerCfg(a *snapshot.Arg) (*C.JSVM_PropertyHandlerConfigurationStruct, error) {
	if a.Null {
		return nil, nil
	}
	it := a.Items[0]
	c := (*C.JSVM_PropertyHandlerConfigurationStruct)(r.keep(int(unsafe.Sizeof(C.JSVM_PropertyHandlerConfigurationStruct{}))))
	slots := []*unsafe.Pointer{
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericNamedPropertyGetterCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericNamedPropertySetterCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericNamedPropertyDeleterCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericNamedPropertyEnumeratorCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericIndexedPropertyGetterCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericIndexedPropertySetterCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericIndexedPropertyDeleterCallback)),
		(*unsafe.Pointer)(unsafe.Pointer(&c.genericIndexedPropertyEnumeratorCallback)),
	}
	for j, s := range slots {
		p, err := r.pointer(it[j].U)
		if err != nil {
			return nil, err
		}
		*s = p
	}
	named, err := r.handle(it[8].U)
	if err != nil {
		return nil, err
	}
	indexed, err := r.handle(it[9].U)
	if err != nil {
		return nil, err
	}
	c.namedPropertyData = C.JSVM_Value(named)
	c.indexedPropertyData = C.JSVM_Value(indexed)
	return c, nil
}

func (r *replayer) classOptions(a *snapshot.Arg) (unsafe.Pointer, error) {
	size := int(unsafe.Sizeof(C.JSVM_DefineClassOptions{}))
	p := r.alloc(size*len(a.Items) + size)
	os := unsafe.Slice((*C.JSVM_DefineClassOptions)(p), len(a.Items))
	for j, it := range a.Items {
		o := &os[j]
		o.id = C.JSVM_DefineClassOptionsId(it[0].U)
		if it[0].U != C.JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER {
			setUnionInt(&o.content, int32(uint32(it[1].U)))
			continue
		}
		if it[1].Null {
			continue
		}
		h := (*C.JSVM_PropertyHandler)(r.keep(int(unsafe.Sizeof(C.JSVM_PropertyHandler{}))))
		pair := it[1].Items[0]
		cfg, err := r.handlerCfg(&pair[0])
		if err != nil {
			return nil, err
		}
		cb, err := r.callback(&pair[1])
		if err != nil {
			return nil, err
		}
		h.propertyHandlerCfg = cfg
		h.callAsFunctionCallback = cb
		setUnionPtr(&o.content, unsafe.Pointer(h))
	}
	return p, nil
}
