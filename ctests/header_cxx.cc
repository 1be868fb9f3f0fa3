/*
 * Compile-only check of include/ark_runtime/jsvm.h (C++).
 * Every OH_JSVM_* function is assigned to a pointer of the exact expected type,
 * so any parameter-type mismatch against the specification fails to compile
 * (error in C++, diagnostic promoted by -Werror in C). Build with -c only.
 * Generated from spec/api-functions.tsv.
 */
#include "ark_runtime/jsvm.h"

namespace {

/* Never called; only its contents are type-checked. */
void check_signatures(void)
{
    /* Process init & VM lifecycle */
    static JSVM_Status(JSVM_CDECL* const p_Init)(const JSVM_InitOptions* options) = OH_JSVM_Init;
    (void)p_Init;
    static JSVM_Status(JSVM_CDECL* const p_CreateVM)(const JSVM_CreateVMOptions* options, JSVM_VM* result) = OH_JSVM_CreateVM;
    (void)p_CreateVM;
    static JSVM_Status(JSVM_CDECL* const p_DestroyVM)(JSVM_VM vm) = OH_JSVM_DestroyVM;
    (void)p_DestroyVM;
    static JSVM_Status(JSVM_CDECL* const p_GetVM)(JSVM_Env env, JSVM_VM* result) = OH_JSVM_GetVM;
    (void)p_GetVM;
    /* Environment (context) lifecycle */
    static JSVM_Status(JSVM_CDECL* const p_CreateEnv)(JSVM_VM vm, size_t propertyCount, const JSVM_PropertyDescriptor* properties, JSVM_Env* result) = OH_JSVM_CreateEnv;
    (void)p_CreateEnv;
    static JSVM_Status(JSVM_CDECL* const p_DestroyEnv)(JSVM_Env env) = OH_JSVM_DestroyEnv;
    (void)p_DestroyEnv;
    /* Scopes: VM / env / handle / escapable */
    static JSVM_Status(JSVM_CDECL* const p_OpenVMScope)(JSVM_VM vm, JSVM_VMScope* result) = OH_JSVM_OpenVMScope;
    (void)p_OpenVMScope;
    static JSVM_Status(JSVM_CDECL* const p_CloseVMScope)(JSVM_VM vm, JSVM_VMScope scope) = OH_JSVM_CloseVMScope;
    (void)p_CloseVMScope;
    static JSVM_Status(JSVM_CDECL* const p_OpenEnvScope)(JSVM_Env env, JSVM_EnvScope* result) = OH_JSVM_OpenEnvScope;
    (void)p_OpenEnvScope;
    static JSVM_Status(JSVM_CDECL* const p_CloseEnvScope)(JSVM_Env env, JSVM_EnvScope scope) = OH_JSVM_CloseEnvScope;
    (void)p_CloseEnvScope;
    static JSVM_Status(JSVM_CDECL* const p_OpenHandleScope)(JSVM_Env env, JSVM_HandleScope* result) = OH_JSVM_OpenHandleScope;
    (void)p_OpenHandleScope;
    static JSVM_Status(JSVM_CDECL* const p_CloseHandleScope)(JSVM_Env env, JSVM_HandleScope scope) = OH_JSVM_CloseHandleScope;
    (void)p_CloseHandleScope;
    static JSVM_Status(JSVM_CDECL* const p_OpenEscapableHandleScope)(JSVM_Env env, JSVM_EscapableHandleScope* result) = OH_JSVM_OpenEscapableHandleScope;
    (void)p_OpenEscapableHandleScope;
    static JSVM_Status(JSVM_CDECL* const p_CloseEscapableHandleScope)(JSVM_Env env, JSVM_EscapableHandleScope scope) = OH_JSVM_CloseEscapableHandleScope;
    (void)p_CloseEscapableHandleScope;
    static JSVM_Status(JSVM_CDECL* const p_EscapeHandle)(JSVM_Env env, JSVM_EscapableHandleScope scope, JSVM_Value escapee, JSVM_Value* result) = OH_JSVM_EscapeHandle;
    (void)p_EscapeHandle;
    /* Multi-thread locking */
    static JSVM_Status(JSVM_CDECL* const p_IsLocked)(JSVM_Env env, bool* isLocked) = OH_JSVM_IsLocked;
    (void)p_IsLocked;
    static JSVM_Status(JSVM_CDECL* const p_AcquireLock)(JSVM_Env env) = OH_JSVM_AcquireLock;
    (void)p_AcquireLock;
    static JSVM_Status(JSVM_CDECL* const p_ReleaseLock)(JSVM_Env env) = OH_JSVM_ReleaseLock;
    (void)p_ReleaseLock;
    /* Script compile / run, code cache, compile options */
    static JSVM_Status(JSVM_CDECL* const p_CompileScript)(JSVM_Env env, JSVM_Value script, const uint8_t* cachedData, size_t cacheDataLength, bool eagerCompile, bool* cacheRejected, JSVM_Script* result) = OH_JSVM_CompileScript;
    (void)p_CompileScript;
    static JSVM_Status(JSVM_CDECL* const p_CompileScriptWithOrigin)(JSVM_Env env, JSVM_Value script, const uint8_t* cachedData, size_t cacheDataLength, bool eagerCompile, bool* cacheRejected, JSVM_ScriptOrigin* origin, JSVM_Script* result) = OH_JSVM_CompileScriptWithOrigin;
    (void)p_CompileScriptWithOrigin;
    static JSVM_Status(JSVM_CDECL* const p_CreateCodeCache)(JSVM_Env env, JSVM_Script script, const uint8_t** data, size_t* length) = OH_JSVM_CreateCodeCache;
    (void)p_CreateCodeCache;
    static JSVM_Status(JSVM_CDECL* const p_RunScript)(JSVM_Env env, JSVM_Script script, JSVM_Value* result) = OH_JSVM_RunScript;
    (void)p_RunScript;
    static JSVM_Status(JSVM_CDECL* const p_CompileScriptWithOptions)(JSVM_Env env, JSVM_Value script, size_t optionCount, JSVM_CompileOptions options[], JSVM_Script* result) = OH_JSVM_CompileScriptWithOptions;
    (void)p_CompileScriptWithOptions;
    static JSVM_Status(JSVM_CDECL* const p_RetainScript)(JSVM_Env env, JSVM_Script script) = OH_JSVM_RetainScript;
    (void)p_RetainScript;
    static JSVM_Status(JSVM_CDECL* const p_ReleaseScript)(JSVM_Env env, JSVM_Script script) = OH_JSVM_ReleaseScript;
    (void)p_ReleaseScript;
    static JSVM_Status(JSVM_CDECL* const p_ReleaseCache)(JSVM_Env env, const uint8_t* cacheData, JSVM_CacheType cacheType) = OH_JSVM_ReleaseCache;
    (void)p_ReleaseCache;
    static JSVM_Status(JSVM_CDECL* const p_BackgroundDeserialize)(JSVM_VM vm, JSVM_CodeCache cacheData, JSVM_DeserializeResult* result) = OH_JSVM_BackgroundDeserialize;
    (void)p_BackgroundDeserialize;
    static JSVM_Status(JSVM_CDECL* const p_ReleaseDeserializeResult)(JSVM_DeserializeResult result) = OH_JSVM_ReleaseDeserializeResult;
    (void)p_ReleaseDeserializeResult;
    /* WebAssembly */
    static JSVM_Status(JSVM_CDECL* const p_CompileWasmModule)(JSVM_Env env, const uint8_t* wasmBytecode, size_t wasmBytecodeLength, const uint8_t* cacheData, size_t cacheDataLength, bool* cacheRejected, JSVM_Value* wasmModule) = OH_JSVM_CompileWasmModule;
    (void)p_CompileWasmModule;
    static JSVM_Status(JSVM_CDECL* const p_CompileWasmFunction)(JSVM_Env env, JSVM_Value wasmModule, uint32_t functionIndex, JSVM_WasmOptLevel optLevel) = OH_JSVM_CompileWasmFunction;
    (void)p_CompileWasmFunction;
    static JSVM_Status(JSVM_CDECL* const p_IsWasmModuleObject)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsWasmModuleObject;
    (void)p_IsWasmModuleObject;
    static JSVM_Status(JSVM_CDECL* const p_CreateWasmCache)(JSVM_Env env, JSVM_Value wasmModule, const uint8_t** data, size_t* length) = OH_JSVM_CreateWasmCache;
    (void)p_CreateWasmCache;
    /* Startup snapshots */
    static JSVM_Status(JSVM_CDECL* const p_CreateEnvFromSnapshot)(JSVM_VM vm, size_t index, JSVM_Env* result) = OH_JSVM_CreateEnvFromSnapshot;
    (void)p_CreateEnvFromSnapshot;
    static JSVM_Status(JSVM_CDECL* const p_CreateSnapshot)(JSVM_VM vm, size_t contextCount, const JSVM_Env* contexts, const char** blobData, size_t* blobSize) = OH_JSVM_CreateSnapshot;
    (void)p_CreateSnapshot;
    /* Value creation (primitives, strings, objects, arrays, singletons) */
    static JSVM_Status(JSVM_CDECL* const p_CreateArray)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_CreateArray;
    (void)p_CreateArray;
    static JSVM_Status(JSVM_CDECL* const p_CreateArrayWithLength)(JSVM_Env env, size_t length, JSVM_Value* result) = OH_JSVM_CreateArrayWithLength;
    (void)p_CreateArrayWithLength;
    static JSVM_Status(JSVM_CDECL* const p_CreateObject)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_CreateObject;
    (void)p_CreateObject;
    static JSVM_Status(JSVM_CDECL* const p_CreateInt32)(JSVM_Env env, int32_t value, JSVM_Value* result) = OH_JSVM_CreateInt32;
    (void)p_CreateInt32;
    static JSVM_Status(JSVM_CDECL* const p_CreateUint32)(JSVM_Env env, uint32_t value, JSVM_Value* result) = OH_JSVM_CreateUint32;
    (void)p_CreateUint32;
    static JSVM_Status(JSVM_CDECL* const p_CreateInt64)(JSVM_Env env, int64_t value, JSVM_Value* result) = OH_JSVM_CreateInt64;
    (void)p_CreateInt64;
    static JSVM_Status(JSVM_CDECL* const p_CreateDouble)(JSVM_Env env, double value, JSVM_Value* result) = OH_JSVM_CreateDouble;
    (void)p_CreateDouble;
    static JSVM_Status(JSVM_CDECL* const p_CreateStringLatin1)(JSVM_Env env, const char* str, size_t length, JSVM_Value* result) = OH_JSVM_CreateStringLatin1;
    (void)p_CreateStringLatin1;
    static JSVM_Status(JSVM_CDECL* const p_CreateStringUtf16)(JSVM_Env env, const char16_t* str, size_t length, JSVM_Value* result) = OH_JSVM_CreateStringUtf16;
    (void)p_CreateStringUtf16;
    static JSVM_Status(JSVM_CDECL* const p_CreateStringUtf8)(JSVM_Env env, const char* str, size_t length, JSVM_Value* result) = OH_JSVM_CreateStringUtf8;
    (void)p_CreateStringUtf8;
    static JSVM_Status(JSVM_CDECL* const p_GetBoolean)(JSVM_Env env, bool value, JSVM_Value* result) = OH_JSVM_GetBoolean;
    (void)p_GetBoolean;
    static JSVM_Status(JSVM_CDECL* const p_GetGlobal)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetGlobal;
    (void)p_GetGlobal;
    static JSVM_Status(JSVM_CDECL* const p_GetNull)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetNull;
    (void)p_GetNull;
    static JSVM_Status(JSVM_CDECL* const p_GetUndefined)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetUndefined;
    (void)p_GetUndefined;
    static JSVM_Status(JSVM_CDECL* const p_CreateExternalStringLatin1)(JSVM_Env env, char* str, size_t length, JSVM_Finalize finalizeCallback, void* finalizeHint, JSVM_Value* result, bool* copied) = OH_JSVM_CreateExternalStringLatin1;
    (void)p_CreateExternalStringLatin1;
    static JSVM_Status(JSVM_CDECL* const p_CreateExternalStringUtf16)(JSVM_Env env, char16_t* str, size_t length, JSVM_Finalize finalizeCallback, void* finalizeHint, JSVM_Value* result, bool* copied) = OH_JSVM_CreateExternalStringUtf16;
    (void)p_CreateExternalStringUtf16;
    /* Value extraction (C conversion) */
    static JSVM_Status(JSVM_CDECL* const p_GetValueBool)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_GetValueBool;
    (void)p_GetValueBool;
    static JSVM_Status(JSVM_CDECL* const p_GetValueDouble)(JSVM_Env env, JSVM_Value value, double* result) = OH_JSVM_GetValueDouble;
    (void)p_GetValueDouble;
    static JSVM_Status(JSVM_CDECL* const p_GetValueInt32)(JSVM_Env env, JSVM_Value value, int32_t* result) = OH_JSVM_GetValueInt32;
    (void)p_GetValueInt32;
    static JSVM_Status(JSVM_CDECL* const p_GetValueInt64)(JSVM_Env env, JSVM_Value value, int64_t* result) = OH_JSVM_GetValueInt64;
    (void)p_GetValueInt64;
    static JSVM_Status(JSVM_CDECL* const p_GetValueStringLatin1)(JSVM_Env env, JSVM_Value value, char* buf, size_t bufsize, size_t* result) = OH_JSVM_GetValueStringLatin1;
    (void)p_GetValueStringLatin1;
    static JSVM_Status(JSVM_CDECL* const p_GetValueStringUtf8)(JSVM_Env env, JSVM_Value value, char* buf, size_t bufsize, size_t* result) = OH_JSVM_GetValueStringUtf8;
    (void)p_GetValueStringUtf8;
    static JSVM_Status(JSVM_CDECL* const p_GetValueStringUtf16)(JSVM_Env env, JSVM_Value value, char16_t* buf, size_t bufsize, size_t* result) = OH_JSVM_GetValueStringUtf16;
    (void)p_GetValueStringUtf16;
    static JSVM_Status(JSVM_CDECL* const p_GetValueUint32)(JSVM_Env env, JSVM_Value value, uint32_t* result) = OH_JSVM_GetValueUint32;
    (void)p_GetValueUint32;
    /* Type checks, typeof, equality */
    static JSVM_Status(JSVM_CDECL* const p_Typeof)(JSVM_Env env, JSVM_Value value, JSVM_ValueType* result) = OH_JSVM_Typeof;
    (void)p_Typeof;
    static JSVM_Status(JSVM_CDECL* const p_Instanceof)(JSVM_Env env, JSVM_Value object, JSVM_Value constructor, bool* result) = OH_JSVM_Instanceof;
    (void)p_Instanceof;
    static JSVM_Status(JSVM_CDECL* const p_IsArray)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsArray;
    (void)p_IsArray;
    static JSVM_Status(JSVM_CDECL* const p_StrictEquals)(JSVM_Env env, JSVM_Value lhs, JSVM_Value rhs, bool* result) = OH_JSVM_StrictEquals;
    (void)p_StrictEquals;
    static JSVM_Status(JSVM_CDECL* const p_Equals)(JSVM_Env env, JSVM_Value lhs, JSVM_Value rhs, bool* result) = OH_JSVM_Equals;
    (void)p_Equals;
    static JSVM_Status(JSVM_CDECL* const p_IsCallable)(JSVM_Env env, JSVM_Value value, bool* isCallable) = OH_JSVM_IsCallable;
    (void)p_IsCallable;
    static JSVM_Status(JSVM_CDECL* const p_IsUndefined)(JSVM_Env env, JSVM_Value value, bool* isUndefined) = OH_JSVM_IsUndefined;
    (void)p_IsUndefined;
    static JSVM_Status(JSVM_CDECL* const p_IsNull)(JSVM_Env env, JSVM_Value value, bool* isNull) = OH_JSVM_IsNull;
    (void)p_IsNull;
    static JSVM_Status(JSVM_CDECL* const p_IsNullOrUndefined)(JSVM_Env env, JSVM_Value value, bool* isNullOrUndefined) = OH_JSVM_IsNullOrUndefined;
    (void)p_IsNullOrUndefined;
    static JSVM_Status(JSVM_CDECL* const p_IsBoolean)(JSVM_Env env, JSVM_Value value, bool* isBoolean) = OH_JSVM_IsBoolean;
    (void)p_IsBoolean;
    static JSVM_Status(JSVM_CDECL* const p_IsNumber)(JSVM_Env env, JSVM_Value value, bool* isNumber) = OH_JSVM_IsNumber;
    (void)p_IsNumber;
    static JSVM_Status(JSVM_CDECL* const p_IsString)(JSVM_Env env, JSVM_Value value, bool* isString) = OH_JSVM_IsString;
    (void)p_IsString;
    static JSVM_Status(JSVM_CDECL* const p_IsSymbol)(JSVM_Env env, JSVM_Value value, bool* isSymbol) = OH_JSVM_IsSymbol;
    (void)p_IsSymbol;
    static JSVM_Status(JSVM_CDECL* const p_IsFunction)(JSVM_Env env, JSVM_Value value, bool* isFunction) = OH_JSVM_IsFunction;
    (void)p_IsFunction;
    static JSVM_Status(JSVM_CDECL* const p_IsObject)(JSVM_Env env, JSVM_Value value, bool* isObject) = OH_JSVM_IsObject;
    (void)p_IsObject;
    static JSVM_Status(JSVM_CDECL* const p_IsBigInt)(JSVM_Env env, JSVM_Value value, bool* isBigInt) = OH_JSVM_IsBigInt;
    (void)p_IsBigInt;
    static JSVM_Status(JSVM_CDECL* const p_IsConstructor)(JSVM_Env env, JSVM_Value value, bool* isConstructor) = OH_JSVM_IsConstructor;
    (void)p_IsConstructor;
    static JSVM_Status(JSVM_CDECL* const p_IsBigIntObject)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsBigIntObject;
    (void)p_IsBigIntObject;
    static JSVM_Status(JSVM_CDECL* const p_IsBooleanObject)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsBooleanObject;
    (void)p_IsBooleanObject;
    static JSVM_Status(JSVM_CDECL* const p_IsStringObject)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsStringObject;
    (void)p_IsStringObject;
    static JSVM_Status(JSVM_CDECL* const p_IsNumberObject)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsNumberObject;
    (void)p_IsNumberObject;
    static JSVM_Status(JSVM_CDECL* const p_IsSymbolObject)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsSymbolObject;
    (void)p_IsSymbolObject;
    /* Coercion (abstract operations) */
    static JSVM_Status(JSVM_CDECL* const p_CoerceToBool)(JSVM_Env env, JSVM_Value value, JSVM_Value* result) = OH_JSVM_CoerceToBool;
    (void)p_CoerceToBool;
    static JSVM_Status(JSVM_CDECL* const p_CoerceToNumber)(JSVM_Env env, JSVM_Value value, JSVM_Value* result) = OH_JSVM_CoerceToNumber;
    (void)p_CoerceToNumber;
    static JSVM_Status(JSVM_CDECL* const p_CoerceToObject)(JSVM_Env env, JSVM_Value value, JSVM_Value* result) = OH_JSVM_CoerceToObject;
    (void)p_CoerceToObject;
    static JSVM_Status(JSVM_CDECL* const p_CoerceToString)(JSVM_Env env, JSVM_Value value, JSVM_Value* result) = OH_JSVM_CoerceToString;
    (void)p_CoerceToString;
    static JSVM_Status(JSVM_CDECL* const p_CoerceToBigInt)(JSVM_Env env, JSVM_Value value, JSVM_Value* result) = OH_JSVM_CoerceToBigInt;
    (void)p_CoerceToBigInt;
    /* Objects, properties, elements, keys, prototypes, JSON */
    static JSVM_Status(JSVM_CDECL* const p_GetArrayLength)(JSVM_Env env, JSVM_Value value, uint32_t* result) = OH_JSVM_GetArrayLength;
    (void)p_GetArrayLength;
    static JSVM_Status(JSVM_CDECL* const p_GetPrototype)(JSVM_Env env, JSVM_Value object, JSVM_Value* result) = OH_JSVM_GetPrototype;
    (void)p_GetPrototype;
    static JSVM_Status(JSVM_CDECL* const p_GetPropertyNames)(JSVM_Env env, JSVM_Value object, JSVM_Value* result) = OH_JSVM_GetPropertyNames;
    (void)p_GetPropertyNames;
    static JSVM_Status(JSVM_CDECL* const p_GetAllPropertyNames)(JSVM_Env env, JSVM_Value object, JSVM_KeyCollectionMode keyMode, JSVM_KeyFilter keyFilter, JSVM_KeyConversion keyConversion, JSVM_Value* result) = OH_JSVM_GetAllPropertyNames;
    (void)p_GetAllPropertyNames;
    static JSVM_Status(JSVM_CDECL* const p_SetProperty)(JSVM_Env env, JSVM_Value object, JSVM_Value key, JSVM_Value value) = OH_JSVM_SetProperty;
    (void)p_SetProperty;
    static JSVM_Status(JSVM_CDECL* const p_GetProperty)(JSVM_Env env, JSVM_Value object, JSVM_Value key, JSVM_Value* result) = OH_JSVM_GetProperty;
    (void)p_GetProperty;
    static JSVM_Status(JSVM_CDECL* const p_HasProperty)(JSVM_Env env, JSVM_Value object, JSVM_Value key, bool* result) = OH_JSVM_HasProperty;
    (void)p_HasProperty;
    static JSVM_Status(JSVM_CDECL* const p_DeleteProperty)(JSVM_Env env, JSVM_Value object, JSVM_Value key, bool* result) = OH_JSVM_DeleteProperty;
    (void)p_DeleteProperty;
    static JSVM_Status(JSVM_CDECL* const p_HasOwnProperty)(JSVM_Env env, JSVM_Value object, JSVM_Value key, bool* result) = OH_JSVM_HasOwnProperty;
    (void)p_HasOwnProperty;
    static JSVM_Status(JSVM_CDECL* const p_SetNamedProperty)(JSVM_Env env, JSVM_Value object, const char* utf8name, JSVM_Value value) = OH_JSVM_SetNamedProperty;
    (void)p_SetNamedProperty;
    static JSVM_Status(JSVM_CDECL* const p_GetNamedProperty)(JSVM_Env env, JSVM_Value object, const char* utf8name, JSVM_Value* result) = OH_JSVM_GetNamedProperty;
    (void)p_GetNamedProperty;
    static JSVM_Status(JSVM_CDECL* const p_HasNamedProperty)(JSVM_Env env, JSVM_Value object, const char* utf8name, bool* result) = OH_JSVM_HasNamedProperty;
    (void)p_HasNamedProperty;
    static JSVM_Status(JSVM_CDECL* const p_SetElement)(JSVM_Env env, JSVM_Value object, uint32_t index, JSVM_Value value) = OH_JSVM_SetElement;
    (void)p_SetElement;
    static JSVM_Status(JSVM_CDECL* const p_GetElement)(JSVM_Env env, JSVM_Value object, uint32_t index, JSVM_Value* result) = OH_JSVM_GetElement;
    (void)p_GetElement;
    static JSVM_Status(JSVM_CDECL* const p_HasElement)(JSVM_Env env, JSVM_Value object, uint32_t index, bool* result) = OH_JSVM_HasElement;
    (void)p_HasElement;
    static JSVM_Status(JSVM_CDECL* const p_DeleteElement)(JSVM_Env env, JSVM_Value object, uint32_t index, bool* result) = OH_JSVM_DeleteElement;
    (void)p_DeleteElement;
    static JSVM_Status(JSVM_CDECL* const p_DefineProperties)(JSVM_Env env, JSVM_Value object, size_t propertyCount, const JSVM_PropertyDescriptor* properties) = OH_JSVM_DefineProperties;
    (void)p_DefineProperties;
    static JSVM_Status(JSVM_CDECL* const p_ObjectFreeze)(JSVM_Env env, JSVM_Value object) = OH_JSVM_ObjectFreeze;
    (void)p_ObjectFreeze;
    static JSVM_Status(JSVM_CDECL* const p_ObjectSeal)(JSVM_Env env, JSVM_Value object) = OH_JSVM_ObjectSeal;
    (void)p_ObjectSeal;
    static JSVM_Status(JSVM_CDECL* const p_JsonParse)(JSVM_Env env, JSVM_Value jsonString, JSVM_Value* result) = OH_JSVM_JsonParse;
    (void)p_JsonParse;
    static JSVM_Status(JSVM_CDECL* const p_JsonStringify)(JSVM_Env env, JSVM_Value jsonObject, JSVM_Value* result) = OH_JSVM_JsonStringify;
    (void)p_JsonStringify;
    static JSVM_Status(JSVM_CDECL* const p_ObjectGetPrototypeOf)(JSVM_Env env, JSVM_Value object, JSVM_Value* result) = OH_JSVM_ObjectGetPrototypeOf;
    (void)p_ObjectGetPrototypeOf;
    static JSVM_Status(JSVM_CDECL* const p_ObjectSetPrototypeOf)(JSVM_Env env, JSVM_Value object, JSVM_Value prototype) = OH_JSVM_ObjectSetPrototypeOf;
    (void)p_ObjectSetPrototypeOf;
    /* Private keys (JSVM_Data) */
    static JSVM_Status(JSVM_CDECL* const p_CreatePrivate)(JSVM_Env env, JSVM_Value description, JSVM_Data* result) = OH_JSVM_CreatePrivate;
    (void)p_CreatePrivate;
    static JSVM_Status(JSVM_CDECL* const p_SetPrivate)(JSVM_Env env, JSVM_Value object, JSVM_Data key, JSVM_Value value) = OH_JSVM_SetPrivate;
    (void)p_SetPrivate;
    static JSVM_Status(JSVM_CDECL* const p_GetPrivate)(JSVM_Env env, JSVM_Value object, JSVM_Data key, JSVM_Value* result) = OH_JSVM_GetPrivate;
    (void)p_GetPrivate;
    static JSVM_Status(JSVM_CDECL* const p_DeletePrivate)(JSVM_Env env, JSVM_Value object, JSVM_Data key) = OH_JSVM_DeletePrivate;
    (void)p_DeletePrivate;
    /* Functions, callbacks, JSVM_CallbackInfo */
    static JSVM_Status(JSVM_CDECL* const p_CallFunction)(JSVM_Env env, JSVM_Value recv, JSVM_Value func, size_t argc, const JSVM_Value* argv, JSVM_Value* result) = OH_JSVM_CallFunction;
    (void)p_CallFunction;
    static JSVM_Status(JSVM_CDECL* const p_CreateFunction)(JSVM_Env env, const char* utf8name, size_t length, JSVM_Callback cb, JSVM_Value* result) = OH_JSVM_CreateFunction;
    (void)p_CreateFunction;
    static JSVM_Status(JSVM_CDECL* const p_GetCbInfo)(JSVM_Env env, JSVM_CallbackInfo cbinfo, size_t* argc, JSVM_Value* argv, JSVM_Value* thisArg, void** data) = OH_JSVM_GetCbInfo;
    (void)p_GetCbInfo;
    static JSVM_Status(JSVM_CDECL* const p_GetNewTarget)(JSVM_Env env, JSVM_CallbackInfo cbinfo, JSVM_Value* result) = OH_JSVM_GetNewTarget;
    (void)p_GetNewTarget;
    static JSVM_Status(JSVM_CDECL* const p_NewInstance)(JSVM_Env env, JSVM_Value constructor, size_t argc, const JSVM_Value* argv, JSVM_Value* result) = OH_JSVM_NewInstance;
    (void)p_NewInstance;
    static JSVM_Status(JSVM_CDECL* const p_CreateFunctionWithScript)(JSVM_Env env, const char* funcName, size_t length, size_t argc, const JSVM_Value* argv, JSVM_Value script, JSVM_Value* result) = OH_JSVM_CreateFunctionWithScript;
    (void)p_CreateFunctionWithScript;
    /* Classes, wrap/unwrap, type tags, finalizers */
    static JSVM_Status(JSVM_CDECL* const p_DefineClass)(JSVM_Env env, const char* utf8name, size_t length, JSVM_Callback constructor, size_t propertyCount, const JSVM_PropertyDescriptor* properties, JSVM_Value* result) = OH_JSVM_DefineClass;
    (void)p_DefineClass;
    static JSVM_Status(JSVM_CDECL* const p_Wrap)(JSVM_Env env, JSVM_Value jsObject, void* nativeObject, JSVM_Finalize finalizeCb, void* finalizeHint, JSVM_Ref* result) = OH_JSVM_Wrap;
    (void)p_Wrap;
    static JSVM_Status(JSVM_CDECL* const p_Unwrap)(JSVM_Env env, JSVM_Value jsObject, void** result) = OH_JSVM_Unwrap;
    (void)p_Unwrap;
    static JSVM_Status(JSVM_CDECL* const p_RemoveWrap)(JSVM_Env env, JSVM_Value jsObject, void** result) = OH_JSVM_RemoveWrap;
    (void)p_RemoveWrap;
    static JSVM_Status(JSVM_CDECL* const p_TypeTagObject)(JSVM_Env env, JSVM_Value value, const JSVM_TypeTag* typeTag) = OH_JSVM_TypeTagObject;
    (void)p_TypeTagObject;
    static JSVM_Status(JSVM_CDECL* const p_CheckObjectTypeTag)(JSVM_Env env, JSVM_Value value, const JSVM_TypeTag* typeTag, bool* result) = OH_JSVM_CheckObjectTypeTag;
    (void)p_CheckObjectTypeTag;
    static JSVM_Status(JSVM_CDECL* const p_AddFinalizer)(JSVM_Env env, JSVM_Value jsObject, void* finalizeData, JSVM_Finalize finalizeCb, void* finalizeHint, JSVM_Ref* result) = OH_JSVM_AddFinalizer;
    (void)p_AddFinalizer;
    static JSVM_Status(JSVM_CDECL* const p_DefineClassWithPropertyHandler)(JSVM_Env env, const char* utf8name, size_t length, JSVM_Callback constructor, size_t propertyCount, const JSVM_PropertyDescriptor* properties, JSVM_PropertyHandlerCfg propertyHandlerCfg, JSVM_Callback callAsFunctionCallback, JSVM_Value* result) = OH_JSVM_DefineClassWithPropertyHandler;
    (void)p_DefineClassWithPropertyHandler;
    static JSVM_Status(JSVM_CDECL* const p_DefineClassWithOptions)(JSVM_Env env, const char* utf8name, size_t length, JSVM_Callback constructor, size_t propertyCount, const JSVM_PropertyDescriptor* properties, JSVM_Value parentClass, size_t option_count, JSVM_DefineClassOptions options[], JSVM_Value* result) = OH_JSVM_DefineClassWithOptions;
    (void)p_DefineClassWithOptions;
    /* External values */
    static JSVM_Status(JSVM_CDECL* const p_CreateExternal)(JSVM_Env env, void* data, JSVM_Finalize finalizeCb, void* finalizeHint, JSVM_Value* result) = OH_JSVM_CreateExternal;
    (void)p_CreateExternal;
    static JSVM_Status(JSVM_CDECL* const p_GetValueExternal)(JSVM_Env env, JSVM_Value value, void** result) = OH_JSVM_GetValueExternal;
    (void)p_GetValueExternal;
    /* References (strong/weak, JSVM_Value and JSVM_Data) */
    static JSVM_Status(JSVM_CDECL* const p_CreateReference)(JSVM_Env env, JSVM_Value value, uint32_t initialRefcount, JSVM_Ref* result) = OH_JSVM_CreateReference;
    (void)p_CreateReference;
    static JSVM_Status(JSVM_CDECL* const p_DeleteReference)(JSVM_Env env, JSVM_Ref ref) = OH_JSVM_DeleteReference;
    (void)p_DeleteReference;
    static JSVM_Status(JSVM_CDECL* const p_ReferenceRef)(JSVM_Env env, JSVM_Ref ref, uint32_t* result) = OH_JSVM_ReferenceRef;
    (void)p_ReferenceRef;
    static JSVM_Status(JSVM_CDECL* const p_ReferenceUnref)(JSVM_Env env, JSVM_Ref ref, uint32_t* result) = OH_JSVM_ReferenceUnref;
    (void)p_ReferenceUnref;
    static JSVM_Status(JSVM_CDECL* const p_GetReferenceValue)(JSVM_Env env, JSVM_Ref ref, JSVM_Value* result) = OH_JSVM_GetReferenceValue;
    (void)p_GetReferenceValue;
    static JSVM_Status(JSVM_CDECL* const p_CreateDataReference)(JSVM_Env env, JSVM_Data data, uint32_t initialRefcount, JSVM_Ref* result) = OH_JSVM_CreateDataReference;
    (void)p_CreateDataReference;
    static JSVM_Status(JSVM_CDECL* const p_GetReferenceData)(JSVM_Env env, JSVM_Ref ref, JSVM_Data* result) = OH_JSVM_GetReferenceData;
    (void)p_GetReferenceData;
    /* Errors & exceptions */
    static JSVM_Status(JSVM_CDECL* const p_GetLastErrorInfo)(JSVM_Env env, const JSVM_ExtendedErrorInfo** result) = OH_JSVM_GetLastErrorInfo;
    (void)p_GetLastErrorInfo;
    static JSVM_Status(JSVM_CDECL* const p_Throw)(JSVM_Env env, JSVM_Value error) = OH_JSVM_Throw;
    (void)p_Throw;
    static JSVM_Status(JSVM_CDECL* const p_ThrowError)(JSVM_Env env, const char* code, const char* msg) = OH_JSVM_ThrowError;
    (void)p_ThrowError;
    static JSVM_Status(JSVM_CDECL* const p_ThrowTypeError)(JSVM_Env env, const char* code, const char* msg) = OH_JSVM_ThrowTypeError;
    (void)p_ThrowTypeError;
    static JSVM_Status(JSVM_CDECL* const p_ThrowRangeError)(JSVM_Env env, const char* code, const char* msg) = OH_JSVM_ThrowRangeError;
    (void)p_ThrowRangeError;
    static JSVM_Status(JSVM_CDECL* const p_ThrowSyntaxError)(JSVM_Env env, const char* code, const char* msg) = OH_JSVM_ThrowSyntaxError;
    (void)p_ThrowSyntaxError;
    static JSVM_Status(JSVM_CDECL* const p_IsError)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsError;
    (void)p_IsError;
    static JSVM_Status(JSVM_CDECL* const p_CreateError)(JSVM_Env env, JSVM_Value code, JSVM_Value msg, JSVM_Value* result) = OH_JSVM_CreateError;
    (void)p_CreateError;
    static JSVM_Status(JSVM_CDECL* const p_CreateTypeError)(JSVM_Env env, JSVM_Value code, JSVM_Value msg, JSVM_Value* result) = OH_JSVM_CreateTypeError;
    (void)p_CreateTypeError;
    static JSVM_Status(JSVM_CDECL* const p_CreateRangeError)(JSVM_Env env, JSVM_Value code, JSVM_Value msg, JSVM_Value* result) = OH_JSVM_CreateRangeError;
    (void)p_CreateRangeError;
    static JSVM_Status(JSVM_CDECL* const p_CreateSyntaxError)(JSVM_Env env, JSVM_Value code, JSVM_Value msg, JSVM_Value* result) = OH_JSVM_CreateSyntaxError;
    (void)p_CreateSyntaxError;
    static JSVM_Status(JSVM_CDECL* const p_GetAndClearLastException)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetAndClearLastException;
    (void)p_GetAndClearLastException;
    static JSVM_Status(JSVM_CDECL* const p_IsExceptionPending)(JSVM_Env env, bool* result) = OH_JSVM_IsExceptionPending;
    (void)p_IsExceptionPending;
    /* ArrayBuffer / backing store / TypedArray / DataView */
    static JSVM_Status(JSVM_CDECL* const p_CreateArraybuffer)(JSVM_Env env, size_t byteLength, void** data, JSVM_Value* result) = OH_JSVM_CreateArraybuffer;
    (void)p_CreateArraybuffer;
    static JSVM_Status(JSVM_CDECL* const p_AllocateArrayBufferBackingStoreData)(size_t byteLength, JSVM_InitializedFlag initialized, void** data) = OH_JSVM_AllocateArrayBufferBackingStoreData;
    (void)p_AllocateArrayBufferBackingStoreData;
    static JSVM_Status(JSVM_CDECL* const p_FreeArrayBufferBackingStoreData)(void* data) = OH_JSVM_FreeArrayBufferBackingStoreData;
    (void)p_FreeArrayBufferBackingStoreData;
    static JSVM_Status(JSVM_CDECL* const p_CreateArrayBufferFromBackingStoreData)(JSVM_Env env, void* data, size_t backingStoreSize, size_t offset, size_t arrayBufferSize, JSVM_Value* result) = OH_JSVM_CreateArrayBufferFromBackingStoreData;
    (void)p_CreateArrayBufferFromBackingStoreData;
    static JSVM_Status(JSVM_CDECL* const p_CreateTypedarray)(JSVM_Env env, JSVM_TypedarrayType type, size_t length, JSVM_Value arraybuffer, size_t byteOffset, JSVM_Value* result) = OH_JSVM_CreateTypedarray;
    (void)p_CreateTypedarray;
    static JSVM_Status(JSVM_CDECL* const p_CreateDataview)(JSVM_Env env, size_t length, JSVM_Value arraybuffer, size_t byteOffset, JSVM_Value* result) = OH_JSVM_CreateDataview;
    (void)p_CreateDataview;
    static JSVM_Status(JSVM_CDECL* const p_GetArraybufferInfo)(JSVM_Env env, JSVM_Value arraybuffer, void** data, size_t* byteLength) = OH_JSVM_GetArraybufferInfo;
    (void)p_GetArraybufferInfo;
    static JSVM_Status(JSVM_CDECL* const p_GetTypedarrayInfo)(JSVM_Env env, JSVM_Value typedarray, JSVM_TypedarrayType* type, size_t* length, void** data, JSVM_Value* arraybuffer, size_t* byteOffset) = OH_JSVM_GetTypedarrayInfo;
    (void)p_GetTypedarrayInfo;
    static JSVM_Status(JSVM_CDECL* const p_GetDataviewInfo)(JSVM_Env env, JSVM_Value dataview, size_t* bytelength, void** data, JSVM_Value* arraybuffer, size_t* byteOffset) = OH_JSVM_GetDataviewInfo;
    (void)p_GetDataviewInfo;
    static JSVM_Status(JSVM_CDECL* const p_IsArraybuffer)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsArraybuffer;
    (void)p_IsArraybuffer;
    static JSVM_Status(JSVM_CDECL* const p_IsTypedarray)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsTypedarray;
    (void)p_IsTypedarray;
    static JSVM_Status(JSVM_CDECL* const p_IsDataview)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsDataview;
    (void)p_IsDataview;
    static JSVM_Status(JSVM_CDECL* const p_DetachArraybuffer)(JSVM_Env env, JSVM_Value arraybuffer) = OH_JSVM_DetachArraybuffer;
    (void)p_DetachArraybuffer;
    static JSVM_Status(JSVM_CDECL* const p_IsDetachedArraybuffer)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsDetachedArraybuffer;
    (void)p_IsDetachedArraybuffer;
#ifdef JSVM_EXPERIMENTAL
    static JSVM_Status(JSVM_CDECL* const p_CreateArrayBufferFromExternalMemory)(JSVM_Env env, void* externalData, size_t byteLength, JSVM_FinalizeArrayBuffer finalizeCb, void* finalizeHint, bool* copied, JSVM_Value* result) = OH_JSVM_CreateArrayBufferFromExternalMemory;
    (void)p_CreateArrayBufferFromExternalMemory;
#endif
    /* Promise */
    static JSVM_Status(JSVM_CDECL* const p_CreatePromise)(JSVM_Env env, JSVM_Deferred* deferred, JSVM_Value* promise) = OH_JSVM_CreatePromise;
    (void)p_CreatePromise;
    static JSVM_Status(JSVM_CDECL* const p_ResolveDeferred)(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value resolution) = OH_JSVM_ResolveDeferred;
    (void)p_ResolveDeferred;
    static JSVM_Status(JSVM_CDECL* const p_RejectDeferred)(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value rejection) = OH_JSVM_RejectDeferred;
    (void)p_RejectDeferred;
    static JSVM_Status(JSVM_CDECL* const p_IsPromise)(JSVM_Env env, JSVM_Value value, bool* isPromise) = OH_JSVM_IsPromise;
    (void)p_IsPromise;
    static JSVM_Status(JSVM_CDECL* const p_PromiseRegisterHandler)(JSVM_Env env, JSVM_Value promise, JSVM_Value onFulfilled, JSVM_Value onRejected, JSVM_Value* result) = OH_JSVM_PromiseRegisterHandler;
    (void)p_PromiseRegisterHandler;
    /* BigInt */
    static JSVM_Status(JSVM_CDECL* const p_CreateBigintInt64)(JSVM_Env env, int64_t value, JSVM_Value* result) = OH_JSVM_CreateBigintInt64;
    (void)p_CreateBigintInt64;
    static JSVM_Status(JSVM_CDECL* const p_CreateBigintUint64)(JSVM_Env env, uint64_t value, JSVM_Value* result) = OH_JSVM_CreateBigintUint64;
    (void)p_CreateBigintUint64;
    static JSVM_Status(JSVM_CDECL* const p_CreateBigintWords)(JSVM_Env env, int signBit, size_t wordCount, const uint64_t* words, JSVM_Value* result) = OH_JSVM_CreateBigintWords;
    (void)p_CreateBigintWords;
    static JSVM_Status(JSVM_CDECL* const p_GetValueBigintInt64)(JSVM_Env env, JSVM_Value value, int64_t* result, bool* lossless) = OH_JSVM_GetValueBigintInt64;
    (void)p_GetValueBigintInt64;
    static JSVM_Status(JSVM_CDECL* const p_GetValueBigintUint64)(JSVM_Env env, JSVM_Value value, uint64_t* result, bool* lossless) = OH_JSVM_GetValueBigintUint64;
    (void)p_GetValueBigintUint64;
    static JSVM_Status(JSVM_CDECL* const p_GetValueBigintWords)(JSVM_Env env, JSVM_Value value, int* signBit, size_t* wordCount, uint64_t* words) = OH_JSVM_GetValueBigintWords;
    (void)p_GetValueBigintWords;
    /* Date */
    static JSVM_Status(JSVM_CDECL* const p_CreateDate)(JSVM_Env env, double time, JSVM_Value* result) = OH_JSVM_CreateDate;
    (void)p_CreateDate;
    static JSVM_Status(JSVM_CDECL* const p_GetDateValue)(JSVM_Env env, JSVM_Value value, double* result) = OH_JSVM_GetDateValue;
    (void)p_GetDateValue;
    static JSVM_Status(JSVM_CDECL* const p_IsDate)(JSVM_Env env, JSVM_Value value, bool* isDate) = OH_JSVM_IsDate;
    (void)p_IsDate;
    /* Symbols (incl. well-known symbols) */
    static JSVM_Status(JSVM_CDECL* const p_CreateSymbol)(JSVM_Env env, JSVM_Value description, JSVM_Value* result) = OH_JSVM_CreateSymbol;
    (void)p_CreateSymbol;
    static JSVM_Status(JSVM_CDECL* const p_SymbolFor)(JSVM_Env env, const char* utf8description, size_t length, JSVM_Value* result) = OH_JSVM_SymbolFor;
    (void)p_SymbolFor;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolAsyncIterator)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolAsyncIterator;
    (void)p_GetSymbolAsyncIterator;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolHasInstance)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolHasInstance;
    (void)p_GetSymbolHasInstance;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolIsConcatSpreadable)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolIsConcatSpreadable;
    (void)p_GetSymbolIsConcatSpreadable;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolMatch)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolMatch;
    (void)p_GetSymbolMatch;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolReplace)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolReplace;
    (void)p_GetSymbolReplace;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolSearch)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolSearch;
    (void)p_GetSymbolSearch;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolSplit)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolSplit;
    (void)p_GetSymbolSplit;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolToPrimitive)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolToPrimitive;
    (void)p_GetSymbolToPrimitive;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolUnscopables)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolUnscopables;
    (void)p_GetSymbolUnscopables;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolToStringTag)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolToStringTag;
    (void)p_GetSymbolToStringTag;
    static JSVM_Status(JSVM_CDECL* const p_GetSymbolIterator)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_GetSymbolIterator;
    (void)p_GetSymbolIterator;
    /* Map / Set / RegExp / Proxy */
    static JSVM_Status(JSVM_CDECL* const p_CreateProxy)(JSVM_Env env, JSVM_Value target, JSVM_Value handler, JSVM_Value* result) = OH_JSVM_CreateProxy;
    (void)p_CreateProxy;
    static JSVM_Status(JSVM_CDECL* const p_IsProxy)(JSVM_Env env, JSVM_Value value, bool* isProxy) = OH_JSVM_IsProxy;
    (void)p_IsProxy;
    static JSVM_Status(JSVM_CDECL* const p_ProxyGetTarget)(JSVM_Env env, JSVM_Value value, JSVM_Value* result) = OH_JSVM_ProxyGetTarget;
    (void)p_ProxyGetTarget;
    static JSVM_Status(JSVM_CDECL* const p_CreateMap)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_CreateMap;
    (void)p_CreateMap;
    static JSVM_Status(JSVM_CDECL* const p_IsMap)(JSVM_Env env, JSVM_Value value, bool* isMap) = OH_JSVM_IsMap;
    (void)p_IsMap;
    static JSVM_Status(JSVM_CDECL* const p_CreateSet)(JSVM_Env env, JSVM_Value* result) = OH_JSVM_CreateSet;
    (void)p_CreateSet;
    static JSVM_Status(JSVM_CDECL* const p_IsSet)(JSVM_Env env, JSVM_Value value, bool* isSet) = OH_JSVM_IsSet;
    (void)p_IsSet;
    static JSVM_Status(JSVM_CDECL* const p_IsRegExp)(JSVM_Env env, JSVM_Value value, bool* result) = OH_JSVM_IsRegExp;
    (void)p_IsRegExp;
    static JSVM_Status(JSVM_CDECL* const p_CreateRegExp)(JSVM_Env env, JSVM_Value value, JSVM_RegExpFlags flags, JSVM_Value* result) = OH_JSVM_CreateRegExp;
    (void)p_CreateRegExp;
    /* Instance data */
    static JSVM_Status(JSVM_CDECL* const p_SetInstanceData)(JSVM_Env env, void* data, JSVM_Finalize finalizeCb, void* finalizeHint) = OH_JSVM_SetInstanceData;
    (void)p_SetInstanceData;
    static JSVM_Status(JSVM_CDECL* const p_GetInstanceData)(JSVM_Env env, void** data) = OH_JSVM_GetInstanceData;
    (void)p_GetInstanceData;
    /* Microtasks & message loop */
    static JSVM_Status(JSVM_CDECL* const p_SetMicrotaskPolicy)(JSVM_VM vm, JSVM_MicrotaskPolicy policy) = OH_JSVM_SetMicrotaskPolicy;
    (void)p_SetMicrotaskPolicy;
    static JSVM_Status(JSVM_CDECL* const p_PumpMessageLoop)(JSVM_VM vm, bool* result) = OH_JSVM_PumpMessageLoop;
    (void)p_PumpMessageLoop;
    static JSVM_Status(JSVM_CDECL* const p_PerformMicrotaskCheckpoint)(JSVM_VM vm) = OH_JSVM_PerformMicrotaskCheckpoint;
    (void)p_PerformMicrotaskCheckpoint;
    /* Memory: external memory, pressure, GC callbacks, heap threshold */
    static JSVM_Status(JSVM_CDECL* const p_AdjustExternalMemory)(JSVM_Env env, int64_t changeInBytes, int64_t* result) = OH_JSVM_AdjustExternalMemory;
    (void)p_AdjustExternalMemory;
    static JSVM_Status(JSVM_CDECL* const p_MemoryPressureNotification)(JSVM_Env env, JSVM_MemoryPressureLevel level) = OH_JSVM_MemoryPressureNotification;
    (void)p_MemoryPressureNotification;
    static JSVM_Status(JSVM_CDECL* const p_SetHeapThresholdCallback)(JSVM_VM vm, uint64_t threshold, JSVM_HandlerForHeapThreshold callback, void* data) = OH_JSVM_SetHeapThresholdCallback;
    (void)p_SetHeapThresholdCallback;
    static JSVM_Status(JSVM_CDECL* const p_ClearHeapThresholdCallback)(JSVM_VM vm, uint64_t threshold, JSVM_HandlerForHeapThreshold callback, void* data) = OH_JSVM_ClearHeapThresholdCallback;
    (void)p_ClearHeapThresholdCallback;
    static JSVM_Status(JSVM_CDECL* const p_AddHandlerForGC)(JSVM_VM vm, JSVM_CBTriggerTimeForGC triggerTime, JSVM_HandlerForGC handler, JSVM_GCType gcType, void* userData) = OH_JSVM_AddHandlerForGC;
    (void)p_AddHandlerForGC;
    static JSVM_Status(JSVM_CDECL* const p_RemoveHandlerForGC)(JSVM_VM vm, JSVM_CBTriggerTimeForGC triggerTime, JSVM_HandlerForGC handler, void* userData) = OH_JSVM_RemoveHandlerForGC;
    (void)p_RemoveHandlerForGC;
    /* Heap statistics */
    static JSVM_Status(JSVM_CDECL* const p_GetHeapStatistics)(JSVM_VM vm, JSVM_HeapStatistics* result) = OH_JSVM_GetHeapStatistics;
    (void)p_GetHeapStatistics;
    /* CPU profiler */
    static JSVM_Status(JSVM_CDECL* const p_StartCpuProfiler)(JSVM_VM vm, JSVM_CpuProfiler* result) = OH_JSVM_StartCpuProfiler;
    (void)p_StartCpuProfiler;
    static JSVM_Status(JSVM_CDECL* const p_StopCpuProfiler)(JSVM_VM vm, JSVM_CpuProfiler profiler, JSVM_OutputStream stream, void* streamData) = OH_JSVM_StopCpuProfiler;
    (void)p_StopCpuProfiler;
    /* Heap snapshot */
    static JSVM_Status(JSVM_CDECL* const p_TakeHeapSnapshot)(JSVM_VM vm, JSVM_OutputStream stream, void* streamData) = OH_JSVM_TakeHeapSnapshot;
    (void)p_TakeHeapSnapshot;
    static JSVM_Status(JSVM_CDECL* const p_TakeRawHeapSnapshot)(JSVM_VM vm, JSVM_OutputStream stream, void* streamData) = OH_JSVM_TakeRawHeapSnapshot;
    (void)p_TakeRawHeapSnapshot;
    /* Inspector / debugger */
    static JSVM_Status(JSVM_CDECL* const p_OpenInspector)(JSVM_Env env, const char* host, uint16_t port) = OH_JSVM_OpenInspector;
    (void)p_OpenInspector;
    static JSVM_Status(JSVM_CDECL* const p_CloseInspector)(JSVM_Env env) = OH_JSVM_CloseInspector;
    (void)p_CloseInspector;
    static JSVM_Status(JSVM_CDECL* const p_WaitForDebugger)(JSVM_Env env, bool breakNextLine) = OH_JSVM_WaitForDebugger;
    (void)p_WaitForDebugger;
    static JSVM_Status(JSVM_CDECL* const p_OpenInspectorWithName)(JSVM_Env env, int pid, const char* name) = OH_JSVM_OpenInspectorWithName;
    (void)p_OpenInspectorWithName;
    /* Version / VM info */
    static JSVM_Status(JSVM_CDECL* const p_GetVersion)(JSVM_Env env, uint32_t* result) = OH_JSVM_GetVersion;
    (void)p_GetVersion;
    static JSVM_Status(JSVM_CDECL* const p_GetVMInfo)(JSVM_VMInfo* result) = OH_JSVM_GetVMInfo;
    (void)p_GetVMInfo;
    /* VM-level error/event handlers (OOM, fatal, promise reject) */
    static JSVM_Status(JSVM_CDECL* const p_SetHandlerForOOMError)(JSVM_VM vm, JSVM_HandlerForOOMError handler) = OH_JSVM_SetHandlerForOOMError;
    (void)p_SetHandlerForOOMError;
    static JSVM_Status(JSVM_CDECL* const p_SetHandlerForFatalError)(JSVM_VM vm, JSVM_HandlerForFatalError handler) = OH_JSVM_SetHandlerForFatalError;
    (void)p_SetHandlerForFatalError;
    static JSVM_Status(JSVM_CDECL* const p_SetHandlerForPromiseReject)(JSVM_VM vm, JSVM_HandlerForPromiseReject handler) = OH_JSVM_SetHandlerForPromiseReject;
    (void)p_SetHandlerForPromiseReject;
    /* Tracing & debug options */
    static JSVM_Status(JSVM_CDECL* const p_TraceStart)(size_t count, const JSVM_TraceCategory* categories, const char* tag, size_t eventsCount) = OH_JSVM_TraceStart;
    (void)p_TraceStart;
    static JSVM_Status(JSVM_CDECL* const p_TraceStop)(JSVM_OutputStream stream, void* streamData) = OH_JSVM_TraceStop;
    (void)p_TraceStop;
    static JSVM_Status(JSVM_CDECL* const p_SetDebugOption)(JSVM_Env env, JSVM_DebugOption debugOption, bool isEnabled) = OH_JSVM_SetDebugOption;
    (void)p_SetDebugOption;
}

} // namespace

int main(void)
{
    (void)&check_signatures; // referenced, never called
    return 0;
}
