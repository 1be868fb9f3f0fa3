/*
 * libjsvm -- public C interface of the JSVM-API (OH_JSVM_*).
 *
 * This is libjsvm's own header, written from the project's specification of
 * the API. It is source- and binary-compatible with OpenHarmony's
 * ark_runtime/jsvm.h: identical function names, parameter types, types and
 * macros, so code written for OpenHarmony compiles unchanged against it.
 *
 * General rules (details in the specification):
 *  - Every function returns a JSVM_Status; outputs are written only on success
 *    unless stated otherwise. NULL env/vm or a NULL required pointer gives
 *    JSVM_INVALID_ARG.
 *  - Functions that may run JavaScript fail with JSVM_PENDING_EXCEPTION while
 *    an exception is pending, and return it when JavaScript throws.
 *  - JSVM_Value handles live in the innermost open handle scope.
 */
#ifndef ARK_RUNTIME_JSVM_JSVM_H
#define ARK_RUNTIME_JSVM_JSVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h> /* SIZE_MAX */

#include "jsvm_types.h"

/** Version number reserved for experimental builds. */
#define JSVM_VERSION_EXPERIMENTAL 2147483647

/** API version macro (inherited from Node-API; not used by declarations). */
#ifndef JSVM_VERSION
#ifdef JSVM_EXPERIMENTAL
#define JSVM_VERSION JSVM_VERSION_EXPERIMENTAL
#else
#define JSVM_VERSION 8
#endif
#endif

/** Marks exported API functions. */
#ifndef JSVM_EXTERN
#ifdef _WIN32
#define JSVM_EXTERN __declspec(dllexport)
#elif defined(__wasm__)
#define JSVM_EXTERN __attribute__((visibility("default"))) __attribute__((__import_module__("jsvm")))
#else
#define JSVM_EXTERN __attribute__((visibility("default")))
#endif
#endif

/** Length value meaning "the string is NUL-terminated". */
#define JSVM_AUTO_LENGTH SIZE_MAX

/*
 * C linkage for C++ callers. Unlike OpenHarmony's header, which defines these
 * unconditionally, they are #ifndef-guarded so that including other headers
 * that define the same names (for example Node-API style headers) does not
 * cause redefinition warnings.
 */
#ifndef EXTERN_C_START
#ifdef __cplusplus
#define EXTERN_C_START extern "C" {
#else
#define EXTERN_C_START
#endif
#endif

#ifndef EXTERN_C_END
#ifdef __cplusplus
#define EXTERN_C_END }
#else
#define EXTERN_C_END
#endif
#endif

EXTERN_C_START

/* ------------------------------------------------------------------------
 * Process init & VM lifecycle
 * ---------------------------------------------------------------------- */

/**
 * Initialises the engine for the whole process; call once before OH_JSVM_CreateVM. options may be NULL.
 * Thread-safe: only the first call succeeds, later ones return JSVM_GENERIC_FAILURE.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Init(const JSVM_InitOptions* options);

/**
 * Creates a VM (engine isolate); options may be NULL for defaults. Free it with OH_JSVM_DestroyVM.
 * JSVM_INVALID_ARG on NULL result or an invalid snapshot blob.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateVM(const JSVM_CreateVMOptions* options, JSVM_VM* result);

/** Destroys a VM. Destroy its envs and close its scopes first. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DestroyVM(JSVM_VM vm);

/** Returns the VM that owns env. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetVM(JSVM_Env env, JSVM_VM* result);

/* ------------------------------------------------------------------------
 * Environment (context) lifecycle
 * ---------------------------------------------------------------------- */

/**
 * Creates an env (JS context) in vm and installs the descriptors on its global object (utf8name keys;
 * JSVM_STATIC entries skipped). The callback structs referenced by the descriptors must outlive the env.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateEnv(JSVM_VM vm, size_t propertyCount,
    const JSVM_PropertyDescriptor* properties, JSVM_Env* result);

/** Destroys env; outstanding finalizers (wraps, externals, instance data) run during this call. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DestroyEnv(JSVM_Env env);

/* ------------------------------------------------------------------------
 * Scopes: VM / env / handle / escapable
 * ---------------------------------------------------------------------- */

/** Enters vm on the calling thread. Close with OH_JSVM_CloseVMScope on the same thread, in LIFO order. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_OpenVMScope(JSVM_VM vm, JSVM_VMScope* result);

/** Leaves a VM scope opened by OH_JSVM_OpenVMScope. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CloseVMScope(JSVM_VM vm, JSVM_VMScope scope);

/** Enters the context of env on the calling thread; needed before creating values or running JS in env. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_OpenEnvScope(JSVM_Env env, JSVM_EnvScope* result);

/** Leaves an env scope opened by OH_JSVM_OpenEnvScope (LIFO order). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CloseEnvScope(JSVM_Env env, JSVM_EnvScope scope);

/** Opens a handle scope. Every JSVM_Value created while it is innermost becomes invalid when it is closed. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_OpenHandleScope(JSVM_Env env, JSVM_HandleScope* result);

/**
 * Closes the innermost handle scope, invalidating its values and non-retained scripts.
 * JSVM_HANDLE_SCOPE_MISMATCH if no scope is open.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CloseHandleScope(JSVM_Env env, JSVM_HandleScope scope);

/**
 * Opens a handle scope from which one value can be promoted to the parent scope with OH_JSVM_EscapeHandle.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_OpenEscapableHandleScope(JSVM_Env env,
    JSVM_EscapableHandleScope* result);

/** Closes an escapable handle scope (LIFO order). JSVM_HANDLE_SCOPE_MISMATCH if no scope is open. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CloseEscapableHandleScope(JSVM_Env env,
    JSVM_EscapableHandleScope scope);

/**
 * Copies escapee into the parent of scope and returns the new handle in *result. Allowed once per scope; a
 * second call gives JSVM_ESCAPE_CALLED_TWICE.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_EscapeHandle(JSVM_Env env, JSVM_EscapableHandleScope scope,
    JSVM_Value escapee, JSVM_Value* result);

/* ------------------------------------------------------------------------
 * Multi-thread locking
 * ---------------------------------------------------------------------- */

/** Tells whether the calling thread holds the VM lock of env. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsLocked(JSVM_Env env, bool* isLocked);

/**
 * Takes the VM lock of env for the calling thread (nested calls on the same thread are fine). Take it before
 * opening VM/env/handle scopes.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_AcquireLock(JSVM_Env env);

/** Releases the VM lock taken with OH_JSVM_AcquireLock. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ReleaseLock(JSVM_Env env);

/* ------------------------------------------------------------------------
 * Script compile / run, code cache, compile options
 * ---------------------------------------------------------------------- */

/**
 * Compiles the JS source string script. An optional code cache may be supplied; *cacheRejected is written
 * only when one is. The script belongs to the current handle scope unless retained; syntax errors leave an
 * exception pending.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CompileScript(JSVM_Env env, JSVM_Value script,
    const uint8_t* cachedData, size_t cacheDataLength, bool eagerCompile, bool* cacheRejected,
    JSVM_Script* result);

/**
 * Same as OH_JSVM_CompileScript, with source location information (origin->resourceName is required,
 * sourceMapUrl optional).
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CompileScriptWithOrigin(JSVM_Env env, JSVM_Value script,
    const uint8_t* cachedData, size_t cacheDataLength, bool eagerCompile, bool* cacheRejected,
    JSVM_ScriptOrigin* origin, JSVM_Script* result);

/**
 * Serialises a compiled script into a code cache. The caller owns *data and frees it with
 * OH_JSVM_ReleaseCache(env, data, JSVM_CACHE_TYPE_JS).
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateCodeCache(JSVM_Env env, JSVM_Script script,
    const uint8_t** data, size_t* length);

/**
 * Runs a compiled script in the global scope of env; *result receives its completion value. An uncaught throw
 * gives JSVM_PENDING_EXCEPTION.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_RunScript(JSVM_Env env, JSVM_Script script, JSVM_Value* result);

/**
 * Compiles script as directed by optionCount JSVM_CompileOptions (mode, code cache, origin, source map, ...).
 * Unknown option ids are ignored.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CompileScriptWithOptions(JSVM_Env env, JSVM_Value script,
    size_t optionCount, JSVM_CompileOptions options[], JSVM_Script* result);

/**
 * Keeps script alive beyond its handle scope until OH_JSVM_ReleaseScript. JSVM_INVALID_ARG if it is already
 * retained.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_RetainScript(JSVM_Env env, JSVM_Script script);

/**
 * Frees a script retained with OH_JSVM_RetainScript; the handle must not be used afterwards. JSVM_INVALID_ARG
 * if it is not retained.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ReleaseScript(JSVM_Env env, JSVM_Script script);

/**
 * Frees a buffer from OH_JSVM_CreateCodeCache (JSVM_CACHE_TYPE_JS) or OH_JSVM_CreateWasmCache
 * (JSVM_CACHE_TYPE_WASM).
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ReleaseCache(JSVM_Env env, const uint8_t* cacheData,
    JSVM_CacheType cacheType);

/**
 * Starts deserialising a JS code cache on a worker thread. Hand *result to OH_JSVM_CompileScriptWithOptions
 * and free it with OH_JSVM_ReleaseDeserializeResult.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_BackgroundDeserialize(JSVM_VM vm, JSVM_CodeCache cacheData,
    JSVM_DeserializeResult* result);

/** Frees a result produced by OH_JSVM_BackgroundDeserialize. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ReleaseDeserializeResult(JSVM_DeserializeResult result);

/* ------------------------------------------------------------------------
 * WebAssembly
 * ---------------------------------------------------------------------- */

/**
 * Compiles WebAssembly bytecode into a WebAssembly.Module value, optionally from a wasm cache
 * (*cacheRejected, if non-NULL, reports whether it was rejected).
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CompileWasmModule(JSVM_Env env, const uint8_t* wasmBytecode,
    size_t wasmBytecodeLength, const uint8_t* cacheData, size_t cacheDataLength, bool* cacheRejected,
    JSVM_Value* wasmModule);

/** Eagerly compiles function functionIndex of wasmModule at the requested optimisation tier. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CompileWasmFunction(JSVM_Env env, JSVM_Value wasmModule,
    uint32_t functionIndex, JSVM_WasmOptLevel optLevel);

/** Tells whether value is a WebAssembly.Module. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsWasmModuleObject(JSVM_Env env, JSVM_Value value, bool* result);

/**
 * Serialises a compiled wasm module. The caller owns *data and frees it with OH_JSVM_ReleaseCache(env, data,
 * JSVM_CACHE_TYPE_WASM).
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateWasmCache(JSVM_Env env, JSVM_Value wasmModule,
    const uint8_t** data, size_t* length);

/* ------------------------------------------------------------------------
 * Startup snapshots
 * ---------------------------------------------------------------------- */

/**
 * Creates an env from context number index of the startup snapshot vm was created with. JSVM_GENERIC_FAILURE
 * if that context cannot be restored.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateEnvFromSnapshot(JSVM_VM vm, size_t index, JSVM_Env* result);

/**
 * Serialises vm and the given envs into a startup snapshot blob (contexts[i] becomes index i). The VM must
 * have been created with isForSnapshotting set.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateSnapshot(JSVM_VM vm, size_t contextCount,
    const JSVM_Env* contexts, const char** blobData, size_t* blobSize);

/* ------------------------------------------------------------------------
 * Value creation (primitives, strings, objects, arrays, singletons)
 * ---------------------------------------------------------------------- */

/** Creates an empty array. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateArray(JSVM_Env env, JSVM_Value* result);

/** Creates an array whose length is length. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateArrayWithLength(JSVM_Env env, size_t length,
    JSVM_Value* result);

/** Creates an empty plain object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateObject(JSVM_Env env, JSVM_Value* result);

/** Creates a number from an int32_t. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateInt32(JSVM_Env env, int32_t value, JSVM_Value* result);

/** Creates a number from a uint32_t. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateUint32(JSVM_Env env, uint32_t value, JSVM_Value* result);

/** Creates a number from an int64_t (precision is lost above 2^53). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateInt64(JSVM_Env env, int64_t value, JSVM_Value* result);

/** Creates a number from a double. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateDouble(JSVM_Env env, double value, JSVM_Value* result);

/**
 * Creates a string by copying ISO-8859-1 bytes; length in bytes, or JSVM_AUTO_LENGTH for NUL-terminated
 * input.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateStringLatin1(JSVM_Env env, const char* str, size_t length,
    JSVM_Value* result);

/**
 * Creates a string by copying UTF-16 code units; length in code units, or JSVM_AUTO_LENGTH for NUL-terminated
 * input.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateStringUtf16(JSVM_Env env, const char16_t* str, size_t length,
    JSVM_Value* result);

/** Creates a string by copying UTF-8 bytes; length in bytes, or JSVM_AUTO_LENGTH for NUL-terminated input. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateStringUtf8(JSVM_Env env, const char* str, size_t length,
    JSVM_Value* result);

/** Returns the JS value true or false. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetBoolean(JSVM_Env env, bool value, JSVM_Value* result);

/** Returns the global object of env. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetGlobal(JSVM_Env env, JSVM_Value* result);

/** Returns the JS value null. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetNull(JSVM_Env env, JSVM_Value* result);

/** Returns the JS value undefined. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetUndefined(JSVM_Env env, JSVM_Value* result);

/**
 * Creates a Latin-1 string that uses str without copying; finalizeCallback runs when the string dies. If the
 * engine had to copy, *copied is true and the finalizer has already run.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateExternalStringLatin1(JSVM_Env env, char* str, size_t length,
    JSVM_Finalize finalizeCallback, void* finalizeHint, JSVM_Value* result, bool* copied);

/** UTF-16 variant of OH_JSVM_CreateExternalStringLatin1 (same *copied and finalizer rules). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateExternalStringUtf16(JSVM_Env env, char16_t* str,
    size_t length, JSVM_Finalize finalizeCallback, void* finalizeHint, JSVM_Value* result, bool* copied);

/* ------------------------------------------------------------------------
 * Value extraction (C conversion)
 * ---------------------------------------------------------------------- */

/** Reads a JS boolean. JSVM_BOOLEAN_EXPECTED for other types. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueBool(JSVM_Env env, JSVM_Value value, bool* result);

/** Reads a JS number as a double. JSVM_NUMBER_EXPECTED for other types. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueDouble(JSVM_Env env, JSVM_Value value, double* result);

/**
 * Converts a JS number to int32_t with ToInt32 wrap-around (NaN and infinities give 0). JSVM_NUMBER_EXPECTED
 * for other types.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueInt32(JSVM_Env env, JSVM_Value value, int32_t* result);

/**
 * Converts a JS number to int64_t by truncation (non-finite values give 0). JSVM_NUMBER_EXPECTED for other
 * types.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueInt64(JSVM_Env env, JSVM_Value value, int64_t* result);

/**
 * Copies a string as Latin-1 into buf, truncated to bufsize-1 chars and NUL-terminated; *result gets the
 * count. With buf NULL, *result gets the full length. JSVM_STRING_EXPECTED for non-strings.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueStringLatin1(JSVM_Env env, JSVM_Value value, char* buf,
    size_t bufsize, size_t* result);

/** As OH_JSVM_GetValueStringLatin1, but produces UTF-8 bytes. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueStringUtf8(JSVM_Env env, JSVM_Value value, char* buf,
    size_t bufsize, size_t* result);

/** As OH_JSVM_GetValueStringLatin1, but produces UTF-16 code units. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueStringUtf16(JSVM_Env env, JSVM_Value value, char16_t* buf,
    size_t bufsize, size_t* result);

/** Converts a JS number to uint32_t with ToUint32 semantics. JSVM_NUMBER_EXPECTED for other types. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueUint32(JSVM_Env env, JSVM_Value value, uint32_t* result);

/* ------------------------------------------------------------------------
 * Type checks, typeof, equality
 * ---------------------------------------------------------------------- */

/** Classifies value like JS typeof, except that null gives JSVM_NULL and externals give JSVM_EXTERNAL. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Typeof(JSVM_Env env, JSVM_Value value, JSVM_ValueType* result);

/** Evaluates `object instanceof constructor`. JSVM_FUNCTION_EXPECTED if constructor is not a function. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Instanceof(JSVM_Env env, JSVM_Value object, JSVM_Value constructor,
    bool* result);

/** Tells whether value is an array. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsArray(JSVM_Env env, JSVM_Value value, bool* result);

/** Evaluates lhs === rhs. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_StrictEquals(JSVM_Env env, JSVM_Value lhs, JSVM_Value rhs,
    bool* result);

/** Evaluates lhs == rhs; may run user code (exceptions give JSVM_PENDING_EXCEPTION). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Equals(JSVM_Env env, JSVM_Value lhs, JSVM_Value rhs, bool* result);

/** Tells whether value can be called. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsCallable(JSVM_Env env, JSVM_Value value, bool* isCallable);

/** Tells whether value is undefined. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsUndefined(JSVM_Env env, JSVM_Value value, bool* isUndefined);

/** Tells whether value is null. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsNull(JSVM_Env env, JSVM_Value value, bool* isNull);

/** Tells whether value is null or undefined. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsNullOrUndefined(JSVM_Env env, JSVM_Value value,
    bool* isNullOrUndefined);

/** Tells whether value is a boolean primitive. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsBoolean(JSVM_Env env, JSVM_Value value, bool* isBoolean);

/** Tells whether value is a number primitive. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsNumber(JSVM_Env env, JSVM_Value value, bool* isNumber);

/** Tells whether value is a string primitive. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsString(JSVM_Env env, JSVM_Value value, bool* isString);

/** Tells whether value is a symbol. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsSymbol(JSVM_Env env, JSVM_Value value, bool* isSymbol);

/** Tells whether value is a function. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsFunction(JSVM_Env env, JSVM_Value value, bool* isFunction);

/** Tells whether value is an object (functions and externals included). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsObject(JSVM_Env env, JSVM_Value value, bool* isObject);

/** Tells whether value is a BigInt primitive. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsBigInt(JSVM_Env env, JSVM_Value value, bool* isBigInt);

/** Tells whether value can be invoked with new. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsConstructor(JSVM_Env env, JSVM_Value value, bool* isConstructor);

/** Tells whether value is a boxed BigInt object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsBigIntObject(JSVM_Env env, JSVM_Value value, bool* result);

/** Tells whether value is a boxed Boolean object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsBooleanObject(JSVM_Env env, JSVM_Value value, bool* result);

/** Tells whether value is a boxed String object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsStringObject(JSVM_Env env, JSVM_Value value, bool* result);

/** Tells whether value is a boxed Number object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsNumberObject(JSVM_Env env, JSVM_Value value, bool* result);

/** Tells whether value is a boxed Symbol object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsSymbolObject(JSVM_Env env, JSVM_Value value, bool* result);

/* ------------------------------------------------------------------------
 * Coercion (abstract operations)
 * ---------------------------------------------------------------------- */

/** Applies the JS ToBoolean operation. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CoerceToBool(JSVM_Env env, JSVM_Value value, JSVM_Value* result);

/**
 * Applies the JS ToNumber operation (may run user code). On failure returns JSVM_NUMBER_EXPECTED with the
 * exception pending.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CoerceToNumber(JSVM_Env env, JSVM_Value value, JSVM_Value* result);

/**
 * Applies the JS ToObject operation (boxes primitives). null/undefined give JSVM_OBJECT_EXPECTED with a
 * TypeError pending.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CoerceToObject(JSVM_Env env, JSVM_Value value, JSVM_Value* result);

/**
 * Applies the JS ToString operation (may run user code). On failure returns JSVM_STRING_EXPECTED with the
 * exception pending.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CoerceToString(JSVM_Env env, JSVM_Value value, JSVM_Value* result);

/** Applies the JS ToBigInt operation. On failure returns JSVM_BIGINT_EXPECTED with the exception pending. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CoerceToBigInt(JSVM_Env env, JSVM_Value value, JSVM_Value* result);

/* ------------------------------------------------------------------------
 * Objects, properties, elements, keys, prototypes, JSON
 * ---------------------------------------------------------------------- */

/** Returns the length of an array. JSVM_ARRAY_EXPECTED if value is not an array. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetArrayLength(JSVM_Env env, JSVM_Value value, uint32_t* result);

/** Returns the prototype of object. JSVM_OBJECT_EXPECTED for null/undefined. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetPrototype(JSVM_Env env, JSVM_Value object, JSVM_Value* result);

/**
 * Returns an array of the enumerable string keys of object, including inherited ones (for...in order, symbols
 * excluded).
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetPropertyNames(JSVM_Env env, JSVM_Value object,
    JSVM_Value* result);

/** Returns an array of the keys of object selected by keyMode, the keyFilter bits and keyConversion. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetAllPropertyNames(JSVM_Env env, JSVM_Value object,
    JSVM_KeyCollectionMode keyMode, JSVM_KeyFilter keyFilter, JSVM_KeyConversion keyConversion,
    JSVM_Value* result);

/** Performs object[key] = value. A throwing setter gives JSVM_PENDING_EXCEPTION. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key,
    JSVM_Value value);

/** Reads object[key]. A throwing getter gives JSVM_PENDING_EXCEPTION. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key,
    JSVM_Value* result);

/** Evaluates `key in object` (own or inherited). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_HasProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key,
    bool* result);

/** Deletes object[key]; *result (optional) tells whether the deletion succeeded. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DeleteProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key,
    bool* result);

/** Tells whether object has an own property key. key must be a string or symbol (else JSVM_NAME_EXPECTED). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_HasOwnProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key,
    bool* result);

/** Sets a property whose key is the NUL-terminated UTF-8 string utf8name. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetNamedProperty(JSVM_Env env, JSVM_Value object,
    const char* utf8name, JSVM_Value value);

/** Reads a property whose key is the NUL-terminated UTF-8 string utf8name. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetNamedProperty(JSVM_Env env, JSVM_Value object,
    const char* utf8name, JSVM_Value* result);

/** Tells whether object has (or inherits) the property named utf8name. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_HasNamedProperty(JSVM_Env env, JSVM_Value object,
    const char* utf8name, bool* result);

/** Performs object[index] = value. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetElement(JSVM_Env env, JSVM_Value object, uint32_t index,
    JSVM_Value value);

/** Reads object[index]. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetElement(JSVM_Env env, JSVM_Value object, uint32_t index,
    JSVM_Value* result);

/** Tells whether object has (or inherits) an element at index. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_HasElement(JSVM_Env env, JSVM_Value object, uint32_t index,
    bool* result);

/** Deletes object[index]; *result (optional) tells whether the deletion succeeded. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DeleteElement(JSVM_Env env, JSVM_Value object, uint32_t index,
    bool* result);

/**
 * Defines propertyCount own properties on object from descriptors (data, method or accessor). properties may
 * be NULL only when propertyCount is 0.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DefineProperties(JSVM_Env env, JSVM_Value object,
    size_t propertyCount, const JSVM_PropertyDescriptor* properties);

/** Applies Object.freeze to object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ObjectFreeze(JSVM_Env env, JSVM_Value object);

/** Applies Object.seal to object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ObjectSeal(JSVM_Env env, JSVM_Value object);

/**
 * Parses a JSON string into a JS value. JSVM_STRING_EXPECTED for a non-string; a syntax error leaves a
 * SyntaxError pending.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_JsonParse(JSVM_Env env, JSVM_Value jsonString, JSVM_Value* result);

/** Serialises a JS value to a JSON string. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_JsonStringify(JSVM_Env env, JSVM_Value jsonObject,
    JSVM_Value* result);

/** Returns Object.getPrototypeOf(object). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ObjectGetPrototypeOf(JSVM_Env env, JSVM_Value object,
    JSVM_Value* result);

/**
 * Performs Object.setPrototypeOf(object, prototype); prototype must be an object. JSVM_GENERIC_FAILURE if the
 * change is refused.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ObjectSetPrototypeOf(JSVM_Env env, JSVM_Value object,
    JSVM_Value prototype);

/* ------------------------------------------------------------------------
 * Private keys (JSVM_Data)
 * ---------------------------------------------------------------------- */

/**
 * Creates a private key (JSVM_Data) with an optional string description. Private properties are invisible to
 * JS code.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreatePrivate(JSVM_Env env, JSVM_Value description,
    JSVM_Data* result);

/** Sets the private property key on object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetPrivate(JSVM_Env env, JSVM_Value object, JSVM_Data key,
    JSVM_Value value);

/** Reads the private property key of object (undefined if absent). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetPrivate(JSVM_Env env, JSVM_Value object, JSVM_Data key,
    JSVM_Value* result);

/** Removes the private property key from object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DeletePrivate(JSVM_Env env, JSVM_Value object, JSVM_Data key);

/* ------------------------------------------------------------------------
 * Functions, callbacks, JSVM_CallbackInfo
 * ---------------------------------------------------------------------- */

/**
 * Calls func with this = recv and argc arguments from argv; *result (optional) gets the return value. A throw
 * gives JSVM_PENDING_EXCEPTION.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CallFunction(JSVM_Env env, JSVM_Value recv, JSVM_Value func,
    size_t argc, const JSVM_Value* argv, JSVM_Value* result);

/**
 * Creates a JS function that calls cb->callback. utf8name (optional) only sets its name; cb must outlive the
 * function.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateFunction(JSVM_Env env, const char* utf8name, size_t length,
    JSVM_Callback cb, JSVM_Value* result);

/**
 * Inside a native callback: fetches arguments, this and the callback data. *argc is capacity on input and the
 * real argument count on output; missing arguments are filled with undefined.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetCbInfo(JSVM_Env env, JSVM_CallbackInfo cbinfo, size_t* argc,
    JSVM_Value* argv, JSVM_Value* thisArg, void** data);

/** Inside a native callback: returns new.target, or NULL when the call is not a construct call. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetNewTarget(JSVM_Env env, JSVM_CallbackInfo cbinfo,
    JSVM_Value* result);

/** Evaluates `new constructor(...argv)`. A throwing constructor gives JSVM_PENDING_EXCEPTION. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_NewInstance(JSVM_Env env, JSVM_Value constructor, size_t argc,
    const JSVM_Value* argv, JSVM_Value* result);

/**
 * Builds a function from the source body script and the parameter names in argv (all strings), like `new
 * Function(...)`.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateFunctionWithScript(JSVM_Env env, const char* funcName,
    size_t length, size_t argc, const JSVM_Value* argv, JSVM_Value script, JSVM_Value* result);

/* ------------------------------------------------------------------------
 * Classes, wrap/unwrap, type tags, finalizers
 * ---------------------------------------------------------------------- */

/**
 * Creates a class constructor named utf8name that runs constructor->callback. JSVM_STATIC descriptors go on
 * the constructor, the rest on its prototype. The class is not bound to the global object.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DefineClass(JSVM_Env env, const char* utf8name, size_t length,
    JSVM_Callback constructor, size_t propertyCount, const JSVM_PropertyDescriptor* properties,
    JSVM_Value* result);

/**
 * Attaches nativeObject to jsObject; finalizeCb runs when jsObject is collected. *result (optional) is a weak
 * reference the caller must delete. JSVM_INVALID_ARG if already wrapped.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Wrap(JSVM_Env env, JSVM_Value jsObject, void* nativeObject,
    JSVM_Finalize finalizeCb, void* finalizeHint, JSVM_Ref* result);

/** Returns the native pointer attached by OH_JSVM_Wrap. JSVM_INVALID_ARG if jsObject is not wrapped. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Unwrap(JSVM_Env env, JSVM_Value jsObject, void** result);

/**
 * Detaches the native pointer attached by OH_JSVM_Wrap (returned in *result if non-NULL); its finalizer will
 * no longer run.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_RemoveWrap(JSVM_Env env, JSVM_Value jsObject, void** result);

/** Tags an object with a 128-bit JSVM_TypeTag. An object can be tagged only once (else JSVM_INVALID_ARG). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_TypeTagObject(JSVM_Env env, JSVM_Value value,
    const JSVM_TypeTag* typeTag);

/** Tells whether value carries a type tag equal to *typeTag (false when untagged). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CheckObjectTypeTag(JSVM_Env env, JSVM_Value value,
    const JSVM_TypeTag* typeTag, bool* result);

/**
 * Adds a finalizer to jsObject without wrapping it; may be called several times per object. *result
 * (optional) is a weak reference.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_AddFinalizer(JSVM_Env env, JSVM_Value jsObject, void* finalizeData,
    JSVM_Finalize finalizeCb, void* finalizeHint, JSVM_Ref* result);

/**
 * As OH_JSVM_DefineClass, plus named/indexed property interceptors for instances and an optional call-as-
 * function callback. propertyHandlerCfg must stay valid while the class is in use.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DefineClassWithPropertyHandler(JSVM_Env env, const char* utf8name,
    size_t length, JSVM_Callback constructor, size_t propertyCount, const JSVM_PropertyDescriptor* properties,
    JSVM_PropertyHandlerCfg propertyHandlerCfg, JSVM_Callback callAsFunctionCallback, JSVM_Value* result);

/**
 * As OH_JSVM_DefineClass, with an optional parent class and option_count JSVM_DefineClassOptions (internal
 * field count, property handler). Unknown option ids give JSVM_INVALID_ARG.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DefineClassWithOptions(JSVM_Env env, const char* utf8name,
    size_t length, JSVM_Callback constructor, size_t propertyCount, const JSVM_PropertyDescriptor* properties,
    JSVM_Value parentClass, size_t option_count, JSVM_DefineClassOptions options[], JSVM_Value* result);

/* ------------------------------------------------------------------------
 * External values
 * ---------------------------------------------------------------------- */

/**
 * Creates an external value holding data; finalizeCb (optional) runs when it is collected. OH_JSVM_Typeof
 * reports JSVM_EXTERNAL.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateExternal(JSVM_Env env, void* data, JSVM_Finalize finalizeCb,
    void* finalizeHint, JSVM_Value* result);

/** Returns the data pointer of an external value. JSVM_INVALID_ARG for other values. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueExternal(JSVM_Env env, JSVM_Value value, void** result);

/* ------------------------------------------------------------------------
 * References (strong/weak, JSVM_Value and JSVM_Data)
 * ---------------------------------------------------------------------- */

/**
 * Creates a reference to value with initialRefcount (0 = weak, >0 = strong). Delete it with
 * OH_JSVM_DeleteReference.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateReference(JSVM_Env env, JSVM_Value value,
    uint32_t initialRefcount, JSVM_Ref* result);

/** Deletes a reference. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DeleteReference(JSVM_Env env, JSVM_Ref ref);

/** Increments the reference count (making the reference strong); *result (optional) gets the new count. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ReferenceRef(JSVM_Env env, JSVM_Ref ref, uint32_t* result);

/**
 * Decrements the reference count (0 makes it weak); *result (optional) gets the new count.
 * JSVM_GENERIC_FAILURE if it is already 0.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ReferenceUnref(JSVM_Env env, JSVM_Ref ref, uint32_t* result);

/** Returns the referenced value, or NULL if a weakly held value has been collected. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetReferenceValue(JSVM_Env env, JSVM_Ref ref, JSVM_Value* result);

/** Creates a strong reference to a JSVM_Data; initialRefcount must be greater than 0. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateDataReference(JSVM_Env env, JSVM_Data data,
    uint32_t initialRefcount, JSVM_Ref* result);

/** Returns the JSVM_Data held by a reference made with OH_JSVM_CreateDataReference. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetReferenceData(JSVM_Env env, JSVM_Ref ref, JSVM_Data* result);

/* ------------------------------------------------------------------------
 * Errors & exceptions
 * ---------------------------------------------------------------------- */

/**
 * Returns env-owned information on the last call made on env. The pointee is overwritten by the next call on
 * env.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetLastErrorInfo(JSVM_Env env,
    const JSVM_ExtendedErrorInfo** result);

/**
 * Throws an arbitrary JS value. Outside a callback it stays pending until OH_JSVM_GetAndClearLastException.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_Throw(JSVM_Env env, JSVM_Value error);

/** Throws a new Error with message msg and optional code (stored as .code). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ThrowError(JSVM_Env env, const char* code, const char* msg);

/** Throws a new TypeError with message msg and optional code. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ThrowTypeError(JSVM_Env env, const char* code, const char* msg);

/** Throws a new RangeError with message msg and optional code. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ThrowRangeError(JSVM_Env env, const char* code, const char* msg);

/** Throws a new SyntaxError with message msg and optional code. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ThrowSyntaxError(JSVM_Env env, const char* code, const char* msg);

/** Tells whether value is an Error object. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsError(JSVM_Env env, JSVM_Value value, bool* result);

/**
 * Creates (without throwing) an Error; msg must be a JS string, code is an optional JS string stored as
 * .code.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateError(JSVM_Env env, JSVM_Value code, JSVM_Value msg,
    JSVM_Value* result);

/** Creates (without throwing) a TypeError; same arguments as OH_JSVM_CreateError. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateTypeError(JSVM_Env env, JSVM_Value code, JSVM_Value msg,
    JSVM_Value* result);

/** Creates (without throwing) a RangeError; same arguments as OH_JSVM_CreateError. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateRangeError(JSVM_Env env, JSVM_Value code, JSVM_Value msg,
    JSVM_Value* result);

/** Creates (without throwing) a SyntaxError; same arguments as OH_JSVM_CreateError. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateSyntaxError(JSVM_Env env, JSVM_Value code, JSVM_Value msg,
    JSVM_Value* result);

/**
 * Returns the pending exception and clears it (undefined if none is pending). Works while an exception is
 * pending.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetAndClearLastException(JSVM_Env env, JSVM_Value* result);

/** Tells whether an exception is pending on env. Works while an exception is pending. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsExceptionPending(JSVM_Env env, bool* result);

/* ------------------------------------------------------------------------
 * ArrayBuffer / backing store / TypedArray / DataView
 * ---------------------------------------------------------------------- */

/**
 * Creates a zero-filled ArrayBuffer of byteLength bytes; *data (optional) gets its memory, writable from
 * native code.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateArraybuffer(JSVM_Env env, size_t byteLength, void** data,
    JSVM_Value* result);

/**
 * Allocates backing-store memory (zeroed or not) for later use with
 * OH_JSVM_CreateArrayBufferFromBackingStoreData. Free with OH_JSVM_FreeArrayBufferBackingStoreData.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_AllocateArrayBufferBackingStoreData(size_t byteLength,
    JSVM_InitializedFlag initialized, void** data);

/** Frees memory from OH_JSVM_AllocateArrayBufferBackingStoreData. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_FreeArrayBufferBackingStoreData(void* data);

/**
 * Creates an ArrayBuffer over arrayBufferSize bytes at data+offset without copying; the caller keeps
 * ownership and must keep the memory alive.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateArrayBufferFromBackingStoreData(JSVM_Env env, void* data,
    size_t backingStoreSize, size_t offset, size_t arrayBufferSize, JSVM_Value* result);

/**
 * Creates a typed array of the given type and element length over arraybuffer starting at byteOffset. Out-of-
 * range views raise a RangeError.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateTypedarray(JSVM_Env env, JSVM_TypedarrayType type,
    size_t length, JSVM_Value arraybuffer, size_t byteOffset, JSVM_Value* result);

/** Creates a DataView of length bytes over arraybuffer starting at byteOffset. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateDataview(JSVM_Env env, size_t length, JSVM_Value arraybuffer,
    size_t byteOffset, JSVM_Value* result);

/** Returns the data pointer and byte length of an ArrayBuffer (both outputs optional). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetArraybufferInfo(JSVM_Env env, JSVM_Value arraybuffer,
    void** data, size_t* byteLength);

/**
 * Returns the type, element count, data pointer (offset applied), buffer and byte offset of a typed array;
 * every output is optional.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetTypedarrayInfo(JSVM_Env env, JSVM_Value typedarray,
    JSVM_TypedarrayType* type, size_t* length, void** data, JSVM_Value* arraybuffer, size_t* byteOffset);

/**
 * Returns the byte length, data pointer (offset applied), buffer and byte offset of a DataView; every output
 * is optional.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetDataviewInfo(JSVM_Env env, JSVM_Value dataview,
    size_t* bytelength, void** data, JSVM_Value* arraybuffer, size_t* byteOffset);

/** Tells whether value is an ArrayBuffer. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsArraybuffer(JSVM_Env env, JSVM_Value value, bool* result);

/** Tells whether value is a typed array. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsTypedarray(JSVM_Env env, JSVM_Value value, bool* result);

/** Tells whether value is a DataView. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsDataview(JSVM_Env env, JSVM_Value value, bool* result);

/**
 * Detaches an ArrayBuffer. JSVM_ARRAYBUFFER_EXPECTED / JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED if it is not one
 * or cannot be detached.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_DetachArraybuffer(JSVM_Env env, JSVM_Value arraybuffer);

/** Tells whether value is an ArrayBuffer that has been detached. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsDetachedArraybuffer(JSVM_Env env, JSVM_Value value,
    bool* result);

#ifdef JSVM_EXPERIMENTAL
/**
 * Experimental. Creates an ArrayBuffer over caller memory (8-byte aligned), copied or not as the engine
 * decides (*copied tells which). finalizeCb gets a NULL env and must not call JSVM functions.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateArrayBufferFromExternalMemory(JSVM_Env env,
    void* externalData, size_t byteLength, JSVM_FinalizeArrayBuffer finalizeCb, void* finalizeHint,
    bool* copied, JSVM_Value* result);
#endif /* JSVM_EXPERIMENTAL */

/* ------------------------------------------------------------------------
 * Promise
 * ---------------------------------------------------------------------- */

/** Creates a pending promise and the deferred used to settle it. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreatePromise(JSVM_Env env, JSVM_Deferred* deferred,
    JSVM_Value* promise);

/** Resolves the promise of deferred with resolution. The deferred is consumed. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ResolveDeferred(JSVM_Env env, JSVM_Deferred deferred,
    JSVM_Value resolution);

/** Rejects the promise of deferred with rejection. The deferred is consumed. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_RejectDeferred(JSVM_Env env, JSVM_Deferred deferred,
    JSVM_Value rejection);

/** Tells whether value is a promise. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsPromise(JSVM_Env env, JSVM_Value value, bool* isPromise);

/**
 * Attaches fulfilment and/or rejection handlers to promise (like then/catch); *result (optional) gets the
 * derived promise.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_PromiseRegisterHandler(JSVM_Env env, JSVM_Value promise,
    JSVM_Value onFulfilled, JSVM_Value onRejected, JSVM_Value* result);

/* ------------------------------------------------------------------------
 * BigInt
 * ---------------------------------------------------------------------- */

/** Creates a BigInt from an int64_t. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateBigintInt64(JSVM_Env env, int64_t value, JSVM_Value* result);

/** Creates a BigInt from a uint64_t. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateBigintUint64(JSVM_Env env, uint64_t value,
    JSVM_Value* result);

/** Creates a BigInt from wordCount little-endian 64-bit words, negative when signBit is non-zero. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateBigintWords(JSVM_Env env, int signBit, size_t wordCount,
    const uint64_t* words, JSVM_Value* result);

/**
 * Converts a BigInt to int64_t (truncating); *lossless tells whether it was exact. JSVM_BIGINT_EXPECTED for
 * other types.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueBigintInt64(JSVM_Env env, JSVM_Value value,
    int64_t* result, bool* lossless);

/**
 * Converts a BigInt to uint64_t (truncating); *lossless tells whether it was exact. JSVM_BIGINT_EXPECTED for
 * other types.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueBigintUint64(JSVM_Env env, JSVM_Value value,
    uint64_t* result, bool* lossless);

/**
 * Reads the sign and words of a BigInt. With signBit and words both NULL, *wordCount gets the number of words
 * needed.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetValueBigintWords(JSVM_Env env, JSVM_Value value, int* signBit,
    size_t* wordCount, uint64_t* words);

/* ------------------------------------------------------------------------
 * Date
 * ---------------------------------------------------------------------- */

/** Creates a Date from a time value in milliseconds since the epoch. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateDate(JSVM_Env env, double time, JSVM_Value* result);

/** Returns the time value of a Date in milliseconds. JSVM_DATE_EXPECTED for other values. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetDateValue(JSVM_Env env, JSVM_Value value, double* result);

/** Tells whether value is a Date. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsDate(JSVM_Env env, JSVM_Value value, bool* isDate);

/* ------------------------------------------------------------------------
 * Symbols (incl. well-known symbols)
 * ---------------------------------------------------------------------- */

/** Creates a new symbol; description is NULL or a JS string. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateSymbol(JSVM_Env env, JSVM_Value description,
    JSVM_Value* result);

/** Looks up or creates a symbol in the global registry (Symbol.for); length in bytes or JSVM_AUTO_LENGTH. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SymbolFor(JSVM_Env env, const char* utf8description, size_t length,
    JSVM_Value* result);

/** Returns the well-known symbol Symbol.asyncIterator. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolAsyncIterator(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.hasInstance. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolHasInstance(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.isConcatSpreadable. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolIsConcatSpreadable(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.match. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolMatch(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.replace. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolReplace(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.search. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolSearch(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.split. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolSplit(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.toPrimitive. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolToPrimitive(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.unscopables. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolUnscopables(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.toStringTag. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolToStringTag(JSVM_Env env, JSVM_Value* result);

/** Returns the well-known symbol Symbol.iterator. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetSymbolIterator(JSVM_Env env, JSVM_Value* result);

/* ------------------------------------------------------------------------
 * Map / Set / RegExp / Proxy
 * ---------------------------------------------------------------------- */

/** Creates a Proxy for target with the given handler; both must be objects (else JSVM_OBJECT_EXPECTED). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateProxy(JSVM_Env env, JSVM_Value target, JSVM_Value handler,
    JSVM_Value* result);

/** Tells whether value is a Proxy. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsProxy(JSVM_Env env, JSVM_Value value, bool* isProxy);

/** Returns the target of a Proxy. JSVM_INVALID_TYPE if value is not a Proxy. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ProxyGetTarget(JSVM_Env env, JSVM_Value value, JSVM_Value* result);

/** Creates an empty Map. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateMap(JSVM_Env env, JSVM_Value* result);

/** Tells whether value is a Map. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsMap(JSVM_Env env, JSVM_Value value, bool* isMap);

/** Creates an empty Set. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateSet(JSVM_Env env, JSVM_Value* result);

/** Tells whether value is a Set. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsSet(JSVM_Env env, JSVM_Value value, bool* isSet);

/** Tells whether value is a RegExp. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_IsRegExp(JSVM_Env env, JSVM_Value value, bool* result);

/**
 * Creates a RegExp from the pattern string value and the JSVM_RegExpFlags bits in flags. JSVM_STRING_EXPECTED
 * for a non-string pattern.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CreateRegExp(JSVM_Env env, JSVM_Value value,
    JSVM_RegExpFlags flags, JSVM_Value* result);

/* ------------------------------------------------------------------------
 * Instance data
 * ---------------------------------------------------------------------- */

/**
 * Stores one data pointer on env; finalizeCb (optional) runs when env is destroyed. Replacing the data does
 * not finalize the old one.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetInstanceData(JSVM_Env env, void* data, JSVM_Finalize finalizeCb,
    void* finalizeHint);

/** Returns the pointer stored by OH_JSVM_SetInstanceData, or NULL. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetInstanceData(JSVM_Env env, void** data);

/* ------------------------------------------------------------------------
 * Microtasks & message loop
 * ---------------------------------------------------------------------- */

/**
 * Chooses whether microtasks run automatically (JSVM_MICROTASK_AUTO, the default) or only at explicit
 * checkpoints.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetMicrotaskPolicy(JSVM_VM vm, JSVM_MicrotaskPolicy policy);

/** Runs at most one pending platform task of vm; *result tells whether one ran. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_PumpMessageLoop(JSVM_VM vm, bool* result);

/** Runs all queued microtasks of vm. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_PerformMicrotaskCheckpoint(JSVM_VM vm);

/* ------------------------------------------------------------------------
 * Memory: external memory, pressure, GC callbacks, heap threshold
 * ---------------------------------------------------------------------- */

/** Reports a change in native memory kept alive by JS objects; *result gets the new total. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_AdjustExternalMemory(JSVM_Env env, int64_t changeInBytes,
    int64_t* result);

/** Informs the engine of the current memory pressure level. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_MemoryPressureNotification(JSVM_Env env,
    JSVM_MemoryPressureLevel level);

/**
 * Registers the VM's single heap-threshold callback, invoked around GCs while used heap size >= threshold.
 * Not thread-safe.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetHeapThresholdCallback(JSVM_VM vm, uint64_t threshold,
    JSVM_HandlerForHeapThreshold callback, void* data);

/** Removes the heap-threshold callback; threshold, callback and data must match the registration. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_ClearHeapThresholdCallback(JSVM_VM vm, uint64_t threshold,
    JSVM_HandlerForHeapThreshold callback, void* data);

/**
 * Registers a callback run before or after GCs whose type is in the gcType mask. JSVM_INVALID_ARG for a NULL
 * or duplicate handler.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_AddHandlerForGC(JSVM_VM vm, JSVM_CBTriggerTimeForGC triggerTime,
    JSVM_HandlerForGC handler, JSVM_GCType gcType, void* userData);

/** Unregisters a GC callback added with OH_JSVM_AddHandlerForGC (same triggerTime, handler and userData). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_RemoveHandlerForGC(JSVM_VM vm, JSVM_CBTriggerTimeForGC triggerTime,
    JSVM_HandlerForGC handler, void* userData);

/* ------------------------------------------------------------------------
 * Heap statistics
 * ---------------------------------------------------------------------- */

/** Fills *result with heap statistics of vm. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetHeapStatistics(JSVM_VM vm, JSVM_HeapStatistics* result);

/* ------------------------------------------------------------------------
 * CPU profiler
 * ---------------------------------------------------------------------- */

/** Creates and starts a CPU profiler for vm. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_StartCpuProfiler(JSVM_VM vm, JSVM_CpuProfiler* result);

/** Stops profiler and writes the profile as JSON through stream in chunks, ending with a NULL-data call. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_StopCpuProfiler(JSVM_VM vm, JSVM_CpuProfiler profiler,
    JSVM_OutputStream stream, void* streamData);

/* ------------------------------------------------------------------------
 * Heap snapshot
 * ---------------------------------------------------------------------- */

/** Takes a heap snapshot and writes it as JSON through stream in chunks, ending with a NULL-data call. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_TakeHeapSnapshot(JSVM_VM vm, JSVM_OutputStream stream,
    void* streamData);

/** Writes an engine-specific binary heap dump through stream (format not stable). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_TakeRawHeapSnapshot(JSVM_VM vm, JSVM_OutputStream stream,
    void* streamData);

/* ------------------------------------------------------------------------
 * Inspector / debugger
 * ---------------------------------------------------------------------- */

/**
 * Starts a DevTools-protocol inspector server for env on host:port. JSVM_GENERIC_FAILURE if it cannot be
 * started.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_OpenInspector(JSVM_Env env, const char* host, uint16_t port);

/** Closes the inspector of env. JSVM_GENERIC_FAILURE if none is active. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_CloseInspector(JSVM_Env env);

/**
 * Blocks until a debugger client asks to run; with breakNextLine, pauses at the next statement.
 * JSVM_GENERIC_FAILURE if no inspector is active.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_WaitForDebugger(JSVM_Env env, bool breakNextLine);

/**
 * Starts an inspector for env identified by pid and name (local-socket transport). JSVM_INVALID_ARG for a
 * negative pid.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_OpenInspectorWithName(JSVM_Env env, int pid, const char* name);

/* ------------------------------------------------------------------------
 * Version / VM info
 * ---------------------------------------------------------------------- */

/** Returns the highest JSVM-API version supported by the implementation. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetVersion(JSVM_Env env, uint32_t* result);

/** Fills *result with engine name, version and code-cache compatibility tag; no VM needed. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_GetVMInfo(JSVM_VMInfo* result);

/* ------------------------------------------------------------------------
 * VM-level error/event handlers (OOM, fatal, promise reject)
 * ---------------------------------------------------------------------- */

/** Installs (or with NULL removes) the out-of-memory callback of vm. The VM cannot continue after an OOM. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetHandlerForOOMError(JSVM_VM vm, JSVM_HandlerForOOMError handler);

/** Installs (or with NULL removes) the fatal-error callback of vm. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetHandlerForFatalError(JSVM_VM vm,
    JSVM_HandlerForFatalError handler);

/** Installs (or with NULL removes) the promise-rejection callback of vm. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetHandlerForPromiseReject(JSVM_VM vm,
    JSVM_HandlerForPromiseReject handler);

/* ------------------------------------------------------------------------
 * Tracing & debug options
 * ---------------------------------------------------------------------- */

/**
 * Starts process-wide trace collection for the given categories (count 0 and NULL categories select a default
 * set). Not thread-safe.
 */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_TraceStart(size_t count, const JSVM_TraceCategory* categories,
    const char* tag, size_t eventsCount);

/** Stops tracing and delivers the collected trace JSON through stream in a single call. */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_TraceStop(JSVM_OutputStream stream, void* streamData);

/** Turns a per-env debug option on or off (JSVM_SCOPE_CHECK aborts on use of stale values). */
JSVM_EXTERN JSVM_Status JSVM_CDECL OH_JSVM_SetDebugOption(JSVM_Env env, JSVM_DebugOption debugOption,
    bool isEnabled);

EXTERN_C_END

#endif /* ARK_RUNTIME_JSVM_JSVM_H */
