package main

/*
#include "values.h"
*/
import "C"

// jsvmCreateDate implements OH_JSVM_CreateDate. The time value is clipped as
// by the Date constructor (NaN beyond ±8.64e15 ms, fractions truncated).
//
//export jsvmCreateDate
func jsvmCreateDate(env C.JSVM_Env, time C.double, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_date(env, time, result)
}

// jsvmIsDate implements OH_JSVM_IsDate.
//
//export jsvmIsDate
func jsvmIsDate(env C.JSVM_Env, value C.JSVM_Value, isDate *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_DATE, value, isDate)
}

// jsvmGetDateValue implements OH_JSVM_GetDateValue (JSVM_DATE_EXPECTED for
// non-dates; NaN for an invalid date).
//
//export jsvmGetDateValue
func jsvmGetDateValue(env C.JSVM_Env, value C.JSVM_Value, result *C.double) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_date_value(env, value, result)
}

// isKind answers the OH_JSVM_Is* type tests that need no engine call beyond
// a class check (what is a JSVM_IS_* of values.h).
func isKind(env C.JSVM_Env, what C.int, value C.JSVM_Value, result *C.bool) C.JSVM_Status {
	if value == nil || result == nil {
		return stInvalidArg
	}
	*result = C.jsvm_op_is(env, what, value) != 0
	return stOK
}
