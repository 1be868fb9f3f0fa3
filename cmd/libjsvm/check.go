package main

/*
#include "object.h"
*/
import "C"

// The type checks that never run JS (Typeof, the Is* predicates,
// StrictEquals) are C, in fast_object.c. These two may run user code.

// jsvmInstanceof implements OH_JSVM_Instanceof: a null or undefined
// constructor is JSVM_OBJECT_EXPECTED, any other non-function
// JSVM_FUNCTION_EXPECTED, each with a TypeError pending.
//
//export jsvmInstanceof
func jsvmInstanceof(env C.JSVM_Env, object C.JSVM_Value, constructor C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if object == nil || constructor == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_instanceof(env, object, constructor, result)
}

// jsvmEquals implements OH_JSVM_Equals (==, which may call valueOf/toString).
//
//export jsvmEquals
func jsvmEquals(env C.JSVM_Env, a C.JSVM_Value, b C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if a == nil || b == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_equals(env, a, b, result)
}
