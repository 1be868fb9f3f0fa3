package main

/*
#include "ops.h"
*/
import "C"

// jsvmCreateFunction implements OH_JSVM_CreateFunction. cb is kept, not
// copied: it must outlive the function.
//
//export jsvmCreateFunction
func jsvmCreateFunction(env C.JSVM_Env, utf8name *C.char, length C.size_t, cb C.JSVM_Callback, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if cb == nil || cb.callback == nil || result == nil || (utf8name != nil && !lengthOK(true, length)) {
		return badArgsJS(env)
	}
	return C.jsvm_op_create_function(env, utf8name, length, cb, result)
}

// jsvmCreateFunctionWithScript implements OH_JSVM_CreateFunctionWithScript:
// new Function(argv..., script) with the intrinsic Function constructor,
// named funcName when given.
//
//export jsvmCreateFunctionWithScript
func jsvmCreateFunctionWithScript(env C.JSVM_Env, funcName *C.char, length C.size_t, argc C.size_t, argv *C.JSVM_Value, script C.JSVM_Value, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil || result == nil || (argc > 0 && argv == nil) || (funcName != nil && !lengthOK(true, length)) {
		return badArgsJS(env)
	}
	return C.jsvm_op_function_with_script(env, funcName, length, argc, argv, script, result)
}
