package main

/*
#include "promise.h"
*/
import "C"

// jsvmCreatePromise implements OH_JSVM_CreatePromise.
//
//export jsvmCreatePromise
func jsvmCreatePromise(env C.JSVM_Env, deferred *C.JSVM_Deferred, promise *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if deferred == nil || promise == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_promise(env, deferred, promise)
}

// jsvmResolveDeferred implements OH_JSVM_ResolveDeferred. The deferred is
// used up; using it again is JSVM_INVALID_ARG (promise.c).
//
//export jsvmResolveDeferred
func jsvmResolveDeferred(env C.JSVM_Env, deferred C.JSVM_Deferred, resolution C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if deferred == nil || resolution == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_settle_deferred(env, deferred, resolution, 0)
}

// jsvmRejectDeferred implements OH_JSVM_RejectDeferred (same rules).
//
//export jsvmRejectDeferred
func jsvmRejectDeferred(env C.JSVM_Env, deferred C.JSVM_Deferred, rejection C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if deferred == nil || rejection == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_settle_deferred(env, deferred, rejection, 1)
}

// jsvmIsPromise implements OH_JSVM_IsPromise.
//
//export jsvmIsPromise
func jsvmIsPromise(env C.JSVM_Env, value C.JSVM_Value, isPromise *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_PROMISE, value, isPromise)
}

// jsvmPromiseRegisterHandler implements OH_JSVM_PromiseRegisterHandler:
// then(onFulfilled, onRejected) with the engine's own then; at least one
// handler; JSVM_INVALID_TYPE for a non-promise or a non-function handler.
//
//export jsvmPromiseRegisterHandler
func jsvmPromiseRegisterHandler(env C.JSVM_Env, promise, onFulfilled, onRejected C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if promise == nil || (onFulfilled == nil && onRejected == nil) {
		return badArgsJS(env)
	}
	return C.jsvm_op_promise_then(env, promise, onFulfilled, onRejected, result)
}
