package main

/*
#include "memory.h"
*/
import "C"

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
