package main

/*
#include "values.h"
*/
import "C"

// jsvmCreateMap implements OH_JSVM_CreateMap.
//
//export jsvmCreateMap
func jsvmCreateMap(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_create_collection(env, C.JSVM_COLL_MAP, result)
}

// jsvmCreateSet implements OH_JSVM_CreateSet.
//
//export jsvmCreateSet
func jsvmCreateSet(env C.JSVM_Env, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_create_collection(env, C.JSVM_COLL_SET, result)
}

// regexpFlagsAll is every JSVM_RegExpFlags bit (keep in sync with
// jsvm_types.h; test_collection.c tries each one).
const regexpFlagsAll = 0x1ff

// jsvmCreateRegExp implements OH_JSVM_CreateRegExp. Flag bits outside
// JSVM_RegExpFlags are JSVM_INVALID_ARG; JSVM_REGEXP_LINEAR is rejected by
// QuickJS (SyntaxError pending, JSVM_GENERIC_FAILURE), as is a bad pattern.
//
//export jsvmCreateRegExp
func jsvmCreateRegExp(env C.JSVM_Env, value C.JSVM_Value, flags C.JSVM_RegExpFlags, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil || flags&^regexpFlagsAll != 0 {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_regexp(env, value, C.int(flags), result)
}

// jsvmCreateProxy implements OH_JSVM_CreateProxy (JSVM_OBJECT_EXPECTED unless
// target and handler are objects).
//
//export jsvmCreateProxy
func jsvmCreateProxy(env C.JSVM_Env, target, handler C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if target == nil || handler == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_proxy(env, target, handler, result)
}

// jsvmIsMap implements OH_JSVM_IsMap.
//
//export jsvmIsMap
func jsvmIsMap(env C.JSVM_Env, value C.JSVM_Value, isMap *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_MAP, value, isMap)
}

// jsvmIsSet implements OH_JSVM_IsSet.
//
//export jsvmIsSet
func jsvmIsSet(env C.JSVM_Env, value C.JSVM_Value, isSet *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_SET, value, isSet)
}

// jsvmIsRegExp implements OH_JSVM_IsRegExp.
//
//export jsvmIsRegExp
func jsvmIsRegExp(env C.JSVM_Env, value C.JSVM_Value, result *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_REGEXP, value, result)
}

// jsvmIsProxy implements OH_JSVM_IsProxy.
//
//export jsvmIsProxy
func jsvmIsProxy(env C.JSVM_Env, value C.JSVM_Value, isProxy *C.bool) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	return isKind(env, C.JSVM_IS_PROXY, value, isProxy)
}

// jsvmProxyGetTarget implements OH_JSVM_ProxyGetTarget (JSVM_INVALID_TYPE for
// non-proxies; null for a revoked proxy, as V8 reports).
//
//export jsvmProxyGetTarget
func jsvmProxyGetTarget(env C.JSVM_Env, value C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if value == nil || result == nil {
		return stInvalidArg
	}
	return C.jsvm_op_proxy_target(env, value, result)
}
