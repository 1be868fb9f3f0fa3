package main

/*
#include "values.h"
#include "ops.h"
*/
import "C"

import "unsafe"

// externalString creates a copied string (QuickJS has no external strings)
// and runs the finalizer before returning, as the API allows for engines that
// cannot make external strings; *copied tells the caller so.
func externalString(env C.JSVM_Env, kind C.int, str unsafe.Pointer, length C.size_t, fin C.JSVM_Finalize, hint unsafe.Pointer, result *C.JSVM_Value, copied *C.bool) C.JSVM_Status {
	if result == nil || copied == nil || !lengthOK(str != nil, length) {
		return stInvalidArg
	}
	return C.jsvm_op_external_string(env, kind, str, length, fin, hint, result, copied)
}

// jsvmCreateExternalStringLatin1 implements OH_JSVM_CreateExternalStringLatin1.
//
//export jsvmCreateExternalStringLatin1
func jsvmCreateExternalStringLatin1(env C.JSVM_Env, str *C.char, length C.size_t, finalizeCallback C.JSVM_Finalize, finalizeHint unsafe.Pointer, result *C.JSVM_Value, copied *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return externalString(env, C.JSVM_STR_LATIN1, unsafe.Pointer(str), length, finalizeCallback, finalizeHint, result, copied)
}

// jsvmCreateExternalStringUtf16 implements OH_JSVM_CreateExternalStringUtf16.
//
//export jsvmCreateExternalStringUtf16
func jsvmCreateExternalStringUtf16(env C.JSVM_Env, str *C.char16_t, length C.size_t, finalizeCallback C.JSVM_Finalize, finalizeHint unsafe.Pointer, result *C.JSVM_Value, copied *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return externalString(env, C.JSVM_STR_UTF16, unsafe.Pointer(str), length, finalizeCallback, finalizeHint, result, copied)
}
