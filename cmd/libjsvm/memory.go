package main

/*
#include "memory.h"
*/
import "C"

import "unsafe"

// jsvmGetHeapStatistics implements OH_JSVM_GetHeapStatistics from QuickJS's
// own accounting (JS_ComputeMemoryUsage); docs/deviations.md says how each
// field maps. The global-handle fields count the envs' reference tables.
//
//export jsvmGetHeapStatistics
func jsvmGetHeapStatistics(vm C.JSVM_VM, result *C.JSVM_HeapStatistics) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil || result == nil {
		return stInvalidArg
	}
	C.jsvm_mem_heap_stats(vm, result)
	for _, env := range reg.envsOf(vm) {
		var used, total C.size_t
		C.jsvm_mem_env_refs(env, &used, &total)
		result.usedGlobalHandlesSize += used
		result.totalGlobalHandlesSize += total
	}
	return stOK
}

// jsvmSetHandlerForOOMError implements OH_JSVM_SetHandlerForOOMError. The
// handler is called when an out-of-memory error reaches the API boundary
// (never inside an allocation); returning from it is allowed: the VM stays
// usable.
//
//export jsvmSetHandlerForOOMError
func jsvmSetHandlerForOOMError(vm C.JSVM_VM, handler C.JSVM_HandlerForOOMError) (st C.JSVM_Status) {
	if vm == nil {
		return stInvalidArg
	}
	C.jsvm_mem_set_oom_handler(vm, handler)
	return stOK
}

// jsvmSetHandlerForFatalError implements OH_JSVM_SetHandlerForFatalError.
// QuickJS reports no recoverable fatal errors; the handler hears of the
// library's own unrecoverable conditions just before it aborts.
//
//export jsvmSetHandlerForFatalError
func jsvmSetHandlerForFatalError(vm C.JSVM_VM, handler C.JSVM_HandlerForFatalError) (st C.JSVM_Status) {
	if vm == nil {
		return stInvalidArg
	}
	vm.fatal_handler = handler
	return stOK
}

// jsvmSetHandlerForPromiseReject implements OH_JSVM_SetHandlerForPromiseReject
// through QuickJS's promise-rejection tracker.
//
//export jsvmSetHandlerForPromiseReject
func jsvmSetHandlerForPromiseReject(vm C.JSVM_VM, handler C.JSVM_HandlerForPromiseReject) (st C.JSVM_Status) {
	if vm == nil {
		return stInvalidArg
	}
	C.jsvm_mem_set_reject_handler(vm, handler)
	return stOK
}

// jsvmAddHandlerForGC implements OH_JSVM_AddHandlerForGC. The library runs
// every collection of the VM itself, at safe points, so handlers are called
// around each one whose type (always JSVM_GC_TYPE_MARK_SWEEP_COMPACT) is in
// gcType (pkg/engine/memory.c).
//
//export jsvmAddHandlerForGC
func jsvmAddHandlerForGC(vm C.JSVM_VM, triggerTime C.JSVM_CBTriggerTimeForGC, handler C.JSVM_HandlerForGC,
	gcType C.JSVM_GCType, userData unsafe.Pointer) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil {
		return stInvalidArg
	}
	return C.jsvm_gc_add_handler(vm, triggerTime, handler, gcType, userData)
}

// jsvmRemoveHandlerForGC implements OH_JSVM_RemoveHandlerForGC: the
// registration is identified by (triggerTime, handler, userData).
//
//export jsvmRemoveHandlerForGC
func jsvmRemoveHandlerForGC(vm C.JSVM_VM, triggerTime C.JSVM_CBTriggerTimeForGC, handler C.JSVM_HandlerForGC,
	userData unsafe.Pointer) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil {
		return stInvalidArg
	}
	return C.jsvm_gc_remove_handler(vm, triggerTime, handler, userData)
}

// jsvmSetHeapThresholdCallback implements OH_JSVM_SetHeapThresholdCallback:
// one callback per VM, called before collections while the VM's heap holds
// at least threshold bytes.
//
//export jsvmSetHeapThresholdCallback
func jsvmSetHeapThresholdCallback(vm C.JSVM_VM, threshold C.uint64_t, callback C.JSVM_HandlerForHeapThreshold,
	data unsafe.Pointer) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil {
		return stInvalidArg
	}
	return C.jsvm_gc_set_threshold(vm, threshold, callback, data)
}

// jsvmClearHeapThresholdCallback implements OH_JSVM_ClearHeapThresholdCallback:
// the (threshold, callback, data) triple must be the registered one.
//
//export jsvmClearHeapThresholdCallback
func jsvmClearHeapThresholdCallback(vm C.JSVM_VM, threshold C.uint64_t, callback C.JSVM_HandlerForHeapThreshold,
	data unsafe.Pointer) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil {
		return stInvalidArg
	}
	return C.jsvm_gc_clear_threshold(vm, threshold, callback, data)
}
