package main

/*
#include "object.h"
*/
import "C"

// The abstract conversions of spec §3.11. A conversion that throws (a Symbol,
// a valueOf that throws, ...) leaves its exception pending and returns the
// status naming the expected type.

func coerce(env C.JSVM_Env, kind C.int, value C.JSVM_Value, result *C.JSVM_Value) C.JSVM_Status {
	if value == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_coerce(env, kind, value, result)
}

// jsvmCoerceToBool implements OH_JSVM_CoerceToBool (ToBoolean; cannot fail).
//
//export jsvmCoerceToBool
func jsvmCoerceToBool(env C.JSVM_Env, value C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return coerce(env, C.JSVM_COERCE_BOOL, value, result)
}

// jsvmCoerceToNumber implements OH_JSVM_CoerceToNumber (JSVM_NUMBER_EXPECTED
// on failure).
//
//export jsvmCoerceToNumber
func jsvmCoerceToNumber(env C.JSVM_Env, value C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return coerce(env, C.JSVM_COERCE_NUMBER, value, result)
}

// jsvmCoerceToObject implements OH_JSVM_CoerceToObject (JSVM_OBJECT_EXPECTED
// for null and undefined).
//
//export jsvmCoerceToObject
func jsvmCoerceToObject(env C.JSVM_Env, value C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return coerce(env, C.JSVM_COERCE_OBJECT, value, result)
}

// jsvmCoerceToString implements OH_JSVM_CoerceToString (JSVM_STRING_EXPECTED
// on failure).
//
//export jsvmCoerceToString
func jsvmCoerceToString(env C.JSVM_Env, value C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return coerce(env, C.JSVM_COERCE_STRING, value, result)
}

// jsvmCoerceToBigInt implements OH_JSVM_CoerceToBigInt: ToBigInt, so a
// Number is JSVM_BIGINT_EXPECTED (with a TypeError pending).
//
//export jsvmCoerceToBigInt
func jsvmCoerceToBigInt(env C.JSVM_Env, value C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return coerce(env, C.JSVM_COERCE_BIGINT, value, result)
}
