package main

/*
#include "ops.h"
*/
import "C"

// jsvmThrow implements OH_JSVM_Throw.
//
//export jsvmThrow
func jsvmThrow(env C.JSVM_Env, err C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if err == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_throw(env, err)
}

func throwError(env C.JSVM_Env, kind C.int, code, msg *C.char) C.JSVM_Status {
	if msg == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_throw_error(env, kind, code, msg)
}

// jsvmThrowError implements OH_JSVM_ThrowError (code optional, set as .code).
//
//export jsvmThrowError
func jsvmThrowError(env C.JSVM_Env, code, msg *C.char) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return throwError(env, C.JSVM_ERR_ERROR, code, msg)
}

// jsvmThrowTypeError implements OH_JSVM_ThrowTypeError.
//
//export jsvmThrowTypeError
func jsvmThrowTypeError(env C.JSVM_Env, code, msg *C.char) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return throwError(env, C.JSVM_ERR_TYPE, code, msg)
}

// jsvmThrowRangeError implements OH_JSVM_ThrowRangeError.
//
//export jsvmThrowRangeError
func jsvmThrowRangeError(env C.JSVM_Env, code, msg *C.char) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return throwError(env, C.JSVM_ERR_RANGE, code, msg)
}

// jsvmThrowSyntaxError implements OH_JSVM_ThrowSyntaxError.
//
//export jsvmThrowSyntaxError
func jsvmThrowSyntaxError(env C.JSVM_Env, code, msg *C.char) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return throwError(env, C.JSVM_ERR_SYNTAX, code, msg)
}

func createError(env C.JSVM_Env, kind C.int, code, msg C.JSVM_Value, result *C.JSVM_Value) C.JSVM_Status {
	if msg == nil || result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_create_error(env, kind, code, msg, result)
}

// jsvmCreateError implements OH_JSVM_CreateError (does not throw).
//
//export jsvmCreateError
func jsvmCreateError(env C.JSVM_Env, code, msg C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return createError(env, C.JSVM_ERR_ERROR, code, msg, result)
}

// jsvmCreateTypeError implements OH_JSVM_CreateTypeError.
//
//export jsvmCreateTypeError
func jsvmCreateTypeError(env C.JSVM_Env, code, msg C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return createError(env, C.JSVM_ERR_TYPE, code, msg, result)
}

// jsvmCreateRangeError implements OH_JSVM_CreateRangeError.
//
//export jsvmCreateRangeError
func jsvmCreateRangeError(env C.JSVM_Env, code, msg C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return createError(env, C.JSVM_ERR_RANGE, code, msg, result)
}

// jsvmCreateSyntaxError implements OH_JSVM_CreateSyntaxError.
//
//export jsvmCreateSyntaxError
func jsvmCreateSyntaxError(env C.JSVM_Env, code, msg C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return createError(env, C.JSVM_ERR_SYNTAX, code, msg, result)
}

// jsvmGetAndClearLastException implements OH_JSVM_GetAndClearLastException:
// undefined when nothing is pending (as the reference implementation does).
//
//export jsvmGetAndClearLastException
func jsvmGetAndClearLastException(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	*result = C.jsvm_op_take_exception(env)
	return stOK
}
