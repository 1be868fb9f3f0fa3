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
	"hash/crc32"
	"unsafe"

	"github.com/libjsvm/libjsvm/pkg/snapshot"
	"github.com/libjsvm/libjsvm/pkg/status"
)

// Startup snapshots: OH_JSVM_CreateSnapshot, OH_JSVM_CreateEnvFromSnapshot
// and the snapshot fields of JSVM_CreateVMOptions. journal.go explains the
// mechanism, pkg/snapshot the blob.

// snapshotTag identifies the builds whose blobs this one reads: the engine
// version and the journal's function table (names and signatures), so a
// blob is refused by a library whose API or code caches differ.
var snapshotTag = func() uint32 {
	h := crc32.NewIEEE()
	h.Write([]byte("libjsvm-snapshot/QuickJS-ng/" + C.GoString(C.jsvm_engine_version)))
	for _, f := range allFns {
		h.Write([]byte("\x00" + f.Name + "\x00" + f.Sig))
	}
	return h.Sum32()
}()

var errCorruptContext = errors.New("snapshot: context does not start with the env's creation")

func pseudoOp(fn int, args ...uint64) snapshot.Op {
	op := snapshot.Op{Fn: uint32(fn)}
	for _, a := range args {
		op.Args = append(op.Args, snapshot.Arg{U: a})
	}
	return op
}

// vmSnapshotOptions validates the snapshot fields of JSVM_CreateVMOptions:
// a blob that is not a snapshot this build can restore (damaged, from
// another build, or needing more external references than OH_JSVM_Init
// registered) is JSVM_INVALID_ARG.
func vmSnapshotOptions(o *C.JSVM_CreateVMOptions) (*snapshot.Blob, bool, C.JSVM_Status) {
	if o == nil {
		return nil, false, stOK
	}
	snapshotting := bool(o.isForSnapshotting)
	if o.snapshotBlobData == nil {
		if o.snapshotBlobSize != 0 {
			return nil, false, stInvalidArg
		}
		return nil, snapshotting, stOK
	}
	if o.snapshotBlobSize == 0 || o.snapshotBlobSize > 1<<31-1 {
		return nil, false, stInvalidArg
	}
	// A copy: the decoded blob refers to its bytes, and the caller may free
	// the blob once the VM exists.
	data := C.GoBytes(unsafe.Pointer(o.snapshotBlobData), C.int(o.snapshotBlobSize))
	blob, err := snapshot.Decode(data, snapshotTag)
	if err == nil && !sameFuncs(blob.Funcs) {
		err = snapshot.ErrEngine
	}
	if err == nil && int(blob.ExtRefs) > len(reg.extRefs().list) {
		debugf("snapshot: the blob needs %d external references, OH_JSVM_Init registered %d",
			blob.ExtRefs, len(reg.extRefs().list))
		return nil, false, stInvalidArg
	}
	if err != nil {
		debugf("%v", err)
		return nil, false, stInvalidArg
	}
	return blob, snapshotting, stOK
}

func sameFuncs(fs []snapshot.Func) bool {
	if len(fs) != len(allFns) {
		return false
	}
	for i := range fs {
		if fs[i] != allFns[i] {
			return false
		}
	}
	return true
}

// startJournal makes env, just created by OH_JSVM_CreateEnv in a VM made
// for snapshotting, record its set-up, starting with its creation.
func startJournal(env C.JSVM_Env, n C.size_t, props *C.JSVM_PropertyDescriptor) {
	j := newJournal()
	rec := recording{j: j, fn: fnEnv}
	op := snapshot.Op{Fn: uint32(fnEnv), Args: []snapshot.Arg{
		rec.props(props, uint64(n)),
		{U: uint64(env.vm.microtask_policy)},
	}}
	j.append(&op)
	reg.setJournal(env, j)
}

// jsvmCreateSnapshot implements OH_JSVM_CreateSnapshot. contexts[i]
// becomes context i of the blob. The blob stays valid for the life of the
// process (the API has no function to free it).
//
//export jsvmCreateSnapshot
func jsvmCreateSnapshot(vm C.JSVM_VM, contextCount C.size_t, contexts *C.JSVM_Env, blobData **C.char, blobSize *C.size_t) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil || blobData == nil || blobSize == nil || (contextCount > 0 && contexts == nil) || contextCount > 1<<16 {
		return stInvalidArg
	}
	s := reg.state(vm)
	if s == nil {
		return stInvalidArg
	}
	if !s.snapshotting {
		debugf("snapshot: OH_JSVM_CreateSnapshot needs a VM created with isForSnapshotting")
		return code(status.GenericFailure)
	}
	envs := unsafe.Slice(contexts, int(contextCount))
	blob := &snapshot.Blob{EngineTag: snapshotTag, Funcs: allFns}
	for _, env := range envs {
		if !reg.isEnvOf(vm, env) {
			return stInvalidArg
		}
		j := reg.journalOf(env)
		if j == nil || j.taint != "" {
			if j != nil {
				debugf("snapshot: cannot snapshot an env: %s", j.taint)
			}
			return code(status.GenericFailure)
		}
		if uint32(j.maxExt) > blob.ExtRefs {
			blob.ExtRefs = uint32(j.maxExt)
		}
		ctx := snapshot.Context{Raw: append([]byte(nil), j.raw...), N: j.n}
		// the final bytes of the buffers the host was handed
		for i := C.uint32_t(0); i < env.jr_nheld; i++ {
			var p unsafe.Pointer
			var n C.size_t
			if C.jsvm_snap_held_bytes(env, i, &p, &n) != 0 {
				continue
			}
			op := snapshot.Op{Fn: uint32(fnBytes), Args: []snapshot.Arg{{U: uint64(i)}, {U: uint64(n), B: C.GoBytes(p, C.int(n))}}}
			ctx.Raw = snapshot.AppendOp(ctx.Raw, allFns[fnBytes].Sig, &op)
			ctx.N++
		}
		blob.Contexts = append(blob.Contexts, ctx)
	}
	out := snapshot.Encode(blob)
	p := C.malloc(C.size_t(len(out)))
	if p == nil {
		return code(status.GenericFailure)
	}
	C.memcpy(p, unsafe.Pointer(&out[0]), C.size_t(len(out)))
	reg.keepBlob(p)
	*blobData = (*C.char)(p)
	*blobSize = C.size_t(len(out))
	return stOK
}

// jsvmCreateEnvFromSnapshot implements OH_JSVM_CreateEnvFromSnapshot: a new
// env, rebuilt by replaying context index of the VM's snapshot.
//
//export jsvmCreateEnvFromSnapshot
func jsvmCreateEnvFromSnapshot(vm C.JSVM_VM, index C.size_t, result *C.JSVM_Env) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil || result == nil {
		return stInvalidArg
	}
	*result = nil
	s := reg.state(vm)
	if s == nil {
		return stInvalidArg
	}
	if s.blob == nil || index >= C.size_t(len(s.blob.Contexts)) {
		return code(status.GenericFailure)
	}
	env, err := restoreEnv(vm, s, &s.blob.Contexts[index], s.blob.ExtRefs)
	if err != nil {
		debugf("snapshot: CreateEnvFromSnapshot(%d): %v", index, err)
		return code(status.GenericFailure)
	}
	*result = env
	return stOK
}

// restoreEnv creates an env and replays ctx into it.
func restoreEnv(vm C.JSVM_VM, s *vmState, ctx *snapshot.Context, extRefs uint32) (C.JSVM_Env, error) {
	ops := ctx.Ops
	if len(ops) == 0 || int(ops[0].Fn) != fnEnv {
		return nil, errCorruptContext
	}
	r := &replayer{vm: s, ext: reg.extRefs(), handles: map[uint64]unsafe.Pointer{},
		refs: map[uint64]bool{}, kept: map[uint64]bool{}}
	defer r.freeTmp()
	desc := &ops[0].Args[0]
	var props unsafe.Pointer
	if !desc.Null && desc.U > 0 {
		if int(desc.U) != len(desc.Items) {
			return nil, errCorruptContext
		}
		p, err := r.props(desc)
		if err != nil {
			return nil, err
		}
		props = p
	}
	// The set-up runs under the microtask policy it was recorded with.
	saved := vm.microtask_policy
	defer func() { vm.microtask_policy = saved }()
	if p := ops[0].Args[1].U; p <= C.JSVM_MICROTASK_AUTO {
		vm.microtask_policy = C.int(p)
	}
	var env C.JSVM_Env
	if st := C.jsvm_op_create_env(vm, C.size_t(len(desc.Items)), (*C.JSVM_PropertyDescriptor)(props), &env); st != stOK {
		return nil, errDiverged
	}
	reg.addEnv(vm, env)
	r.env = env
	r.freeTmp()
	if err := r.replay(ops, 1); err != nil {
		reg.removeEnv(env)
		C.jsvm_unlock_if_owner(vm)
		C.jsvm_env_free(env)
		return nil, err
	}
	r.finish()
	if s.snapshotting {
		// The restored env keeps recording: a snapshot of it replays this
		// set-up, the end of this restore, then what comes next.
		j := newJournal()
		j.raw = append(j.raw, ctx.Raw...)
		j.n = ctx.N
		j.next = maxID(ops)
		j.maxExt = int(extRefs)
		end := pseudoOp(fnEnd)
		j.append(&end)
		reg.setJournal(env, j)
	}
	return env, nil
}

// maxID is the highest handle id the ops issue.
func maxID(ops []snapshot.Op) uint64 {
	var m uint64
	for i := range ops {
		args := ops[i].Args
		snapshot.EachArg(allFns[ops[i].Fn].Sig, func(_ int, k byte, n int) {
			switch k {
			case 'V', 'R', 'Q', 'K', 'H':
				m = max(m, args[n].U)
			}
		})
	}
	return m
}
