package main

/*
#include "promise.h"
*/
import "C"

// OH_JSVM_CreatePromise, OH_JSVM_ResolveDeferred and OH_JSVM_RejectDeferred
// are in C (fast_values.c): with the checkpoint, their cgo transitions alone
// took the create-resolve cycle past twice the plain-C cost (docs/bench.md,
// op j). A deferred is used up by its first settle; a second one is
// JSVM_INVALID_ARG (promise.c).

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
