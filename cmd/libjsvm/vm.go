package main

/*
#include <stdlib.h>
#include "ops.h"
*/
import "C"

import (
	"github.com/libjsvm/libjsvm/pkg/status"
)

// jsvmInit implements OH_JSVM_Init. Only the first call in the process does
// anything; later ones return JSVM_GENERIC_FAILURE. Safe from many threads.
//
//export jsvmInit
func jsvmInit(options *C.JSVM_InitOptions) (st C.JSVM_Status) {
	defer guard(&st)
	if !reg.initOnce(options) {
		return code(status.GenericFailure)
	}
	return stOK
}

// jsvmCreateVM implements OH_JSVM_CreateVM. OH_JSVM_Init must have run
// (JSVM_GENERIC_FAILURE otherwise: the reference implementation requires it).
// The options' heap sizes bound the VM's memory (pkg/engine/memory.c).
//
//export jsvmCreateVM
func jsvmCreateVM(options *C.JSVM_CreateVMOptions, result *C.JSVM_VM) (st C.JSVM_Status) {
	defer guard(&st)
	if result == nil {
		return stInvalidArg
	}
	if !reg.isInitialized() {
		return code(status.GenericFailure)
	}
	blob, snapshotting, st := vmSnapshotOptions(options)
	if st != stOK {
		return st
	}
	var vm C.JSVM_VM
	if st = C.jsvm_op_create_vm(options, &vm); st != stOK {
		return st
	}
	reg.addVM(vm, snapshotting, blob)
	*result = vm
	return stOK
}

// jsvmDestroyVM implements OH_JSVM_DestroyVM. Envs the user did not destroy
// are destroyed first, so that the engine is released without leaks.
//
//export jsvmDestroyVM
func jsvmDestroyVM(vm C.JSVM_VM) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil {
		return stInvalidArg
	}
	envs, kept, ok := reg.removeVM(vm)
	if !ok {
		return stInvalidArg
	}
	for _, env := range envs {
		C.jsvm_env_free(env)
	}
	C.jsvm_vm_free(vm)
	for _, p := range kept {
		C.free(p)
	}
	return stOK
}

// jsvmSetMicrotaskPolicy implements OH_JSVM_SetMicrotaskPolicy. In a VM
// made for snapshotting, the envs' journals record it (it decides when
// their promise jobs run).
//
//export jsvmSetMicrotaskPolicy
func jsvmSetMicrotaskPolicy(vm C.JSVM_VM, policy C.JSVM_MicrotaskPolicy) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil || (policy != C.JSVM_MICROTASK_EXPLICIT && policy != C.JSVM_MICROTASK_AUTO) {
		return stInvalidArg
	}
	vm.microtask_policy = C.int(policy)
	if vm.depth == 0 {
		reg.journalAll(vm, pseudoOp(fnPolicy, uint64(policy)))
	}
	return stOK
}

// jsvmPerformMicrotaskCheckpoint implements OH_JSVM_PerformMicrotaskCheckpoint
// (recorded by the journals of a VM made for snapshotting).
//
//export jsvmPerformMicrotaskCheckpoint
func jsvmPerformMicrotaskCheckpoint(vm C.JSVM_VM) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil {
		return stInvalidArg
	}
	if vm.depth == 0 {
		reg.journalAll(vm, pseudoOp(fnCheckpoint))
	}
	C.jsvm_op_microtask_checkpoint_vm(vm)
	return stOK
}

// jsvmPumpMessageLoop implements OH_JSVM_PumpMessageLoop. QuickJS posts no
// platform tasks (no background compiler or GC threads), so there is never a
// task to run: *result is false. Microtasks are not run here, as in the
// reference implementation.
//
//export jsvmPumpMessageLoop
func jsvmPumpMessageLoop(vm C.JSVM_VM, result *C.bool) (st C.JSVM_Status) {
	if vm == nil || result == nil {
		return stInvalidArg
	}
	*result = false
	return stOK
}

// jsvmGetVMInfo implements OH_JSVM_GetVMInfo. The strings are static.
//
//export jsvmGetVMInfo
func jsvmGetVMInfo(result *C.JSVM_VMInfo) (st C.JSVM_Status) {
	if result == nil {
		return stInvalidArg
	}
	result.apiVersion = 1
	result.engine = C.jsvm_engine_name
	result.version = C.jsvm_engine_version
	result.cachedDataVersionTag = C.uint32_t(cacheTag)
	return stOK
}

// cacheTag identifies code-cache compatibility: a CRC32C of the engine
// build (version, bytecode version, value layout, byte order) and the cache
// format version (pkg/engine/cache.h), so it changes whenever caches of one
// build stop being accepted by another.
var cacheTag = C.jsvm_cache_version_tag()

// jsvmGetVersion implements OH_JSVM_GetVersion: the JSVM-API level we
// implement, as the reference implementation reports it.
//
//export jsvmGetVersion
func jsvmGetVersion(env C.JSVM_Env, result *C.uint32_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	*result = C.JSVM_CORE_API_VERSION
	return stOK
}
