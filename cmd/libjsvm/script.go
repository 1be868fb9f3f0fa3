package main

/*
#include <stdlib.h>
#include "ops.h"
*/
import "C"

import (
	"sync"
	"unsafe"

	"github.com/libjsvm/libjsvm/pkg/status"
)

// jsvmCompileScript implements OH_JSVM_CompileScript. A cache is consumed
// when it validates (pkg/engine/cache.h); eagerCompile has no effect
// (QuickJS always compiles whole scripts to bytecode).
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
	if cachedData == nil {
		return C.jsvm_op_compile(env, script, nil, 1, result)
	}
	return compileCached(env, script, nil, 1, cachedData, cacheDataLength, nil, cacheRejected, result)
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
	line := originLine(origin)
	if cachedData == nil {
		return C.jsvm_op_compile(env, script, origin.resourceName, line, result)
	}
	return compileCached(env, script, origin.resourceName, line, cachedData, cacheDataLength, nil, cacheRejected, result)
}

// originLine is the first line number of a script with this origin.
func originLine(origin *C.JSVM_ScriptOrigin) C.int {
	line := C.int(1)
	if origin.resourceLineOffset < 1<<30 {
		line += C.int(origin.resourceLineOffset)
	}
	return line
}

// compileCached compiles with a cache attached (one cgo call). Why a cache
// was rejected goes to the debug log (LIBJSVM_DEBUG=1).
func compileCached(env C.JSVM_Env, script C.JSVM_Value, name *C.char, line C.int, data *C.uint8_t, n C.size_t, bg C.JSVM_DeserializeResult, rejected *C.bool, result *C.JSVM_Script) C.JSVM_Status {
	var verdict C.int
	st := C.jsvm_op_compile_cached(env, script, name, line, data, n, bg, rejected, &verdict, result)
	if st == stOK && verdict != 0 && debugOn {
		debugf("code cache rejected: %s", C.GoString(C.jsvm_cache_verdict_name(verdict)))
	}
	return st
}

// jsvmCompileScriptWithOptions implements OH_JSVM_CompileScriptWithOptions.
// As in the reference implementation, a code cache (and a
// BackgroundDeserialize result) is consumed only in mode
// JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, and the cache-rejected output is
// written only then; the other modes compile from source (QuickJS has no
// eager or profile-guided compilation: those modes behave like DEFAULT).
// Compile profiles and ENABLE_SOURCE_MAP are accepted and not applied.
//
//export jsvmCompileScriptWithOptions
func jsvmCompileScriptWithOptions(env C.JSVM_Env, script C.JSVM_Value, optionCount C.size_t, options *C.JSVM_CompileOptions, result *C.JSVM_Script) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil || result == nil || (options == nil && optionCount > 0) {
		return badArgsJS(env)
	}
	o, ok := parseCompileOptions(options, optionCount)
	if !ok {
		return badArgsJS(env)
	}
	var name *C.char
	line := C.int(1)
	if o.origin != nil {
		name, line = o.origin.resourceName, originLine(o.origin)
	}
	if o.mode != C.JSVM_COMPILE_MODE_CONSUME_CODE_CACHE {
		return C.jsvm_op_compile(env, script, name, line, result)
	}
	return compileCached(env, script, name, line, o.cache.cache, o.cache.length, o.bg, o.rejected, result)
}

// compileOptions is what parseCompileOptions read from a
// JSVM_CompileOptions array (all pointers are the caller's C memory).
type compileOptions struct {
	mode     C.int
	cache    *C.JSVM_CodeCache
	origin   *C.JSVM_ScriptOrigin
	bg       C.JSVM_DeserializeResult
	rejected *C.bool
}

// parseCompileOptions walks the options; false means JSVM_INVALID_ARG: a
// mode out of range, an origin without resourceName, CONSUME_CODE_CACHE
// without a cache, or a BackgroundDeserialize result that is not live.
// Unknown ids are ignored; when an id repeats, the last one counts.
func parseCompileOptions(options *C.JSVM_CompileOptions, count C.size_t) (o compileOptions, ok bool) {
	for i := C.size_t(0); i < count; i++ {
		opt := (*C.JSVM_CompileOptions)(unsafe.Add(unsafe.Pointer(options), uintptr(i)*unsafe.Sizeof(*options)))
		// content is a C union: read only the member the id selects (a
		// pointer-typed read of an int member could hold garbage bits).
		content := unsafe.Pointer(&opt.content)
		switch opt.id {
		case C.JSVM_COMPILE_MODE:
			o.mode = *(*C.int)(content)
			if o.mode < C.JSVM_COMPILE_MODE_DEFAULT || o.mode > C.JSVM_COMPILE_MODE_CONSUME_COMPILE_PROFILE {
				return o, false
			}
		case C.JSVM_COMPILE_CODE_CACHE:
			o.cache = *(**C.JSVM_CodeCache)(content)
		case C.JSVM_COMPILE_SCRIPT_ORIGIN:
			o.origin = *(**C.JSVM_ScriptOrigin)(content)
			if o.origin != nil && o.origin.resourceName == nil {
				return o, false
			}
		case C.JSVM_COMPILE_BACKGROUND_DESERIALIZE_RESULT:
			o.bg = *(*C.JSVM_DeserializeResult)(content)
		case C.JSVM_COMPILE_CODE_CACHE_REJECTED:
			o.rejected = *(**C.bool)(content)
		}
		// JSVM_COMPILE_COMPILE_PROFILE, JSVM_COMPILE_ENABLE_SOURCE_MAP and
		// unknown ids: nothing to apply.
	}
	if o.cache != nil && o.cache.cache == nil {
		o.cache = nil // a NULL cache field means no cache
	}
	if o.mode != C.JSVM_COMPILE_MODE_CONSUME_CODE_CACHE {
		return o, true // cache, result and rejected output are not used
	}
	if o.cache == nil {
		return o, false
	}
	if o.bg != nil && !deserializeResults.has(unsafe.Pointer(o.bg)) {
		return o, false
	}
	return o, true
}

// jsvmCreateCodeCache implements OH_JSVM_CreateCodeCache. Not JS-running: it
// works with an exception pending. The buffer is malloc'd by the engine and
// recorded here, so that OH_JSVM_ReleaseCache can tell it from any other
// pointer.
//
//export jsvmCreateCodeCache
func jsvmCreateCodeCache(env C.JSVM_Env, script C.JSVM_Script, data **C.uint8_t, length *C.size_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if script == nil || data == nil || length == nil {
		return stInvalidArg
	}
	if st = C.jsvm_op_create_code_cache(env, script, data, length); st == stOK {
		codeCaches.add(unsafe.Pointer(*data))
	}
	return st
}

// jsvmReleaseCache implements OH_JSVM_ReleaseCache. Only buffers handed out
// by OH_JSVM_CreateCodeCache and not yet released are freed; anything else
// (a foreign pointer, a second release, a JS cache released as
// JSVM_CACHE_TYPE_WASM: this library makes no wasm caches) is
// JSVM_INVALID_ARG and left alone.
//
//export jsvmReleaseCache
func jsvmReleaseCache(env C.JSVM_Env, cacheData *C.uint8_t, cacheType C.JSVM_CacheType) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if cacheData == nil || cacheType != C.JSVM_CACHE_TYPE_JS || !codeCaches.take(unsafe.Pointer(cacheData)) {
		return stInvalidArg
	}
	C.free(unsafe.Pointer(cacheData))
	return stOK
}

// jsvmBackgroundDeserialize implements OH_JSVM_BackgroundDeserialize: a
// worker thread (C, pkg/engine/cache.c) checks the cache's header, versions
// and payload checksum while the caller goes on; the bytecode itself is read
// on the VM's thread by the compile that receives the result (QuickJS
// objects can only be made there). The caller keeps the cache bytes alive
// and unchanged until that compile has returned.
//
//export jsvmBackgroundDeserialize
func jsvmBackgroundDeserialize(vm C.JSVM_VM, cacheData C.JSVM_CodeCache, result *C.JSVM_DeserializeResult) (st C.JSVM_Status) {
	defer guard(&st)
	if result != nil {
		*result = nil
	}
	if vm == nil || result == nil || cacheData.cache == nil || cacheData.length == 0 {
		return stInvalidArg
	}
	r := C.jsvm_bg_start(cacheData.cache, cacheData.length)
	if r == nil {
		return code(status.GenericFailure)
	}
	deserializeResults.add(unsafe.Pointer(r))
	*result = r
	return stOK
}

// jsvmReleaseDeserializeResult implements OH_JSVM_ReleaseDeserializeResult:
// waits for the worker and frees the result. A result that is not live (a
// second release, a foreign pointer) is JSVM_INVALID_ARG.
//
//export jsvmReleaseDeserializeResult
func jsvmReleaseDeserializeResult(result C.JSVM_DeserializeResult) (st C.JSVM_Status) {
	defer guard(&st)
	if result == nil || !deserializeResults.take(unsafe.Pointer(result)) {
		return stInvalidArg
	}
	C.jsvm_bg_free(result)
	return stOK
}

// ptrSet is a process-wide set of C pointers handed to the user (code-cache
// buffers, BackgroundDeserialize results): the release functions check
// membership before freeing, so a foreign pointer or a double release is a
// status, not a crash. Any thread may call it.
type ptrSet struct {
	mu sync.Mutex
	m  map[unsafe.Pointer]struct{}
}

var codeCaches, deserializeResults ptrSet

func (s *ptrSet) add(p unsafe.Pointer) {
	s.mu.Lock()
	if s.m == nil {
		s.m = map[unsafe.Pointer]struct{}{}
	}
	s.m[p] = struct{}{}
	s.mu.Unlock()
}

func (s *ptrSet) has(p unsafe.Pointer) bool {
	s.mu.Lock()
	_, ok := s.m[p]
	s.mu.Unlock()
	return ok
}

// take removes p and reports whether it was there.
func (s *ptrSet) take(p unsafe.Pointer) bool {
	s.mu.Lock()
	_, ok := s.m[p]
	delete(s.m, p)
	s.mu.Unlock()
	return ok
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
