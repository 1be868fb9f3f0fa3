package main

/*
#include <stdlib.h>
#include "ops.h"
*/
import "C"

// jsvmCompileScript implements OH_JSVM_CompileScript. Code caches are the
// subject of CompileScriptWithOptions/CreateCodeCache; a cache passed here is
// not consumed yet, so it is reported as rejected (compilation proceeds from
// source, as the contract for a rejected cache says).
//
//export jsvmCompileScript
func jsvmCompileScript(env C.JSVM_Env, script C.JSVM_Value, cachedData *C.uint8_t, cacheDataLength C.size_t, eagerCompile C.bool, cacheRejected *C.bool, result *C.JSVM_Script) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil || result == nil {
		return badArgsJS(env)
	}
	st = C.jsvm_op_compile(env, script, nil, 1, result)
	if st == stOK && cachedData != nil && cacheRejected != nil {
		*cacheRejected = true
	}
	return st
}

// jsvmCompileScriptWithOrigin implements OH_JSVM_CompileScriptWithOrigin.
// resourceName becomes the file name in stack traces and resourceLineOffset
// shifts line numbers; column offsets and source maps are not applied
// (docs/deviations.md).
//
//export jsvmCompileScriptWithOrigin
func jsvmCompileScriptWithOrigin(env C.JSVM_Env, script C.JSVM_Value, cachedData *C.uint8_t, cacheDataLength C.size_t, eagerCompile C.bool, cacheRejected *C.bool, origin *C.JSVM_ScriptOrigin, result *C.JSVM_Script) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil || result == nil || origin == nil || origin.resourceName == nil {
		return badArgsJS(env)
	}
	line := C.int(1)
	if origin.resourceLineOffset < 1<<30 {
		line += C.int(origin.resourceLineOffset)
	}
	st = C.jsvm_op_compile(env, script, origin.resourceName, line, result)
	if st == stOK && cachedData != nil && cacheRejected != nil {
		*cacheRejected = true
	}
	return st
}

// jsvmRunScript implements OH_JSVM_RunScript: runs in the global scope.
//
//export jsvmRunScript
func jsvmRunScript(env C.JSVM_Env, script C.JSVM_Script, result *C.JSVM_Value) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil || result == nil {
		return badArgsJS(env)
	}
	return C.jsvm_op_run(env, script, result)
}

// jsvmRetainScript implements OH_JSVM_RetainScript.
//
//export jsvmRetainScript
func jsvmRetainScript(env C.JSVM_Env, script C.JSVM_Script) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil {
		return stInvalidArg
	}
	return C.jsvm_op_retain_script(env, script)
}

// jsvmReleaseScript implements OH_JSVM_ReleaseScript.
//
//export jsvmReleaseScript
func jsvmReleaseScript(env C.JSVM_Env, script C.JSVM_Script) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil {
		return stInvalidArg
	}
	return C.jsvm_op_release_script(env, script)
}
