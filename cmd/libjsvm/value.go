package main

/*
#include "ops.h"
*/
import "C"

import (
	"unsafe"

	"github.com/libjsvm/libjsvm/pkg/status"
)

func createString(env C.JSVM_Env, kind C.int, str unsafe.Pointer, length C.size_t, result *C.JSVM_Value) C.JSVM_Status {
	if result == nil || !lengthOK(str != nil, length) {
		return stInvalidArg
	}
	return C.jsvm_op_string(env, kind, str, length, result)
}

// OH_JSVM_CreateStringUtf8 and OH_JSVM_GetValueStringUtf8 are in C
// (fast_values.c): a round trip of a short string costs less than the two cgo
// transitions would (docs/bench.md, op g).

// jsvmCreateStringLatin1 implements OH_JSVM_CreateStringLatin1 (copies str).
//
//export jsvmCreateStringLatin1
func jsvmCreateStringLatin1(env C.JSVM_Env, str *C.char, length C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return createString(env, C.JSVM_STR_LATIN1, unsafe.Pointer(str), length, result)
}

// jsvmCreateStringUtf16 implements OH_JSVM_CreateStringUtf16 (copies str).
//
//export jsvmCreateStringUtf16
func jsvmCreateStringUtf16(env C.JSVM_Env, str *C.char16_t, length C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return createString(env, C.JSVM_STR_UTF16, unsafe.Pointer(str), length, result)
}

func getString(env C.JSVM_Env, kind C.int, value C.JSVM_Value, buf unsafe.Pointer, bufsize C.size_t, result *C.size_t) C.JSVM_Status {
	// Without a buffer the call is a length query, so result is required.
	if value == nil || (buf == nil && result == nil) {
		return stInvalidArg
	}
	return C.jsvm_op_get_string(env, kind, value, buf, bufsize, result)
}

// jsvmGetValueStringLatin1 implements OH_JSVM_GetValueStringLatin1: each
// UTF-16 code unit is truncated to its low byte, as V8 does.
//
//export jsvmGetValueStringLatin1
func jsvmGetValueStringLatin1(env C.JSVM_Env, value C.JSVM_Value, buf *C.char, bufsize C.size_t, result *C.size_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return getString(env, C.JSVM_STR_LATIN1, value, unsafe.Pointer(buf), bufsize, result)
}

// jsvmGetValueStringUtf16 implements OH_JSVM_GetValueStringUtf16.
//
//export jsvmGetValueStringUtf16
func jsvmGetValueStringUtf16(env C.JSVM_Env, value C.JSVM_Value, buf *C.char16_t, bufsize C.size_t, result *C.size_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return getString(env, C.JSVM_STR_UTF16, value, unsafe.Pointer(buf), bufsize, result)
}

// jsvmCreateObject implements OH_JSVM_CreateObject.
//
//export jsvmCreateObject
func jsvmCreateObject(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	v := C.jsvm_op_new_object(env)
	if v == nil {
		return code(status.GenericFailure)
	}
	*result = v
	return stOK
}

// jsvmCreateArray implements OH_JSVM_CreateArray.
//
//export jsvmCreateArray
func jsvmCreateArray(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_new_array(env, 0, 0, result)
}

// jsvmCreateArrayWithLength implements OH_JSVM_CreateArrayWithLength; a
// length above 2^32-1 (not a valid array length) is JSVM_INVALID_ARG.
//
//export jsvmCreateArrayWithLength
func jsvmCreateArrayWithLength(env C.JSVM_Env, length C.size_t, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_new_array(env, 1, length, result)
}
