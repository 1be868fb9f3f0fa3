/*
 * Runtime check of the types in include/ark_runtime/jsvm.h against the
 * specification: every enum member value (23 enums), every struct size,
 * alignment, field offset and field size (15 structs, LP64 numbers), plus a few
 * macros. Uses only the header, so it links without libjsvm.
 * Generated from spec/jsvm-api.md sections 4, 5 and 7.
 */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "ark_runtime/jsvm.h"

static int g_checks;
static int g_failures;

static void check_eq(const char* what, long long actual, long long expected)
{
    ++g_checks;
    if (actual != expected) {
        ++g_failures;
        printf("MISMATCH %s: got %lld, expected %lld\n", what, actual, expected);
    }
}

#define CHECK(expr, expected) check_eq(#expr, (long long)(expr), (long long)(expected))
#define CHECK_ENUM(member, value) CHECK(member, value)
#define CHECK_FIELD(type, field, off, size)                        \
    do {                                                           \
        CHECK(offsetof(type, field), off);                         \
        CHECK(sizeof(((type*)0)->field), size);                    \
    } while (0)
#define CHECK_STRUCT(type, size, align) \
    do {                                \
        CHECK(sizeof(type), size);      \
        CHECK(_Alignof(type), align);   \
    } while (0)

static void check_enums(void)
{
    /* JSVM_PropertyAttributes */
    CHECK(sizeof(JSVM_PropertyAttributes), sizeof(int));
    CHECK_ENUM(JSVM_DEFAULT, 0);
    CHECK_ENUM(JSVM_WRITABLE, 1);
    CHECK_ENUM(JSVM_ENUMERABLE, 2);
    CHECK_ENUM(JSVM_CONFIGURABLE, 4);
    CHECK_ENUM(JSVM_NO_RECEIVER_CHECK, 8);
    CHECK_ENUM(JSVM_STATIC, 1024);
    CHECK_ENUM(JSVM_DEFAULT_METHOD, 5);
    CHECK_ENUM(JSVM_METHOD_NO_RECEIVER_CHECK, 13);
    CHECK_ENUM(JSVM_DEFAULT_JSPROPERTY, 7);
    CHECK_ENUM(JSVM_JSPROPERTY_NO_RECEIVER_CHECK, 15);
    /* JSVM_ValueType */
    CHECK(sizeof(JSVM_ValueType), sizeof(int));
    CHECK_ENUM(JSVM_UNDEFINED, 0);
    CHECK_ENUM(JSVM_NULL, 1);
    CHECK_ENUM(JSVM_BOOLEAN, 2);
    CHECK_ENUM(JSVM_NUMBER, 3);
    CHECK_ENUM(JSVM_STRING, 4);
    CHECK_ENUM(JSVM_SYMBOL, 5);
    CHECK_ENUM(JSVM_OBJECT, 6);
    CHECK_ENUM(JSVM_FUNCTION, 7);
    CHECK_ENUM(JSVM_EXTERNAL, 8);
    CHECK_ENUM(JSVM_BIGINT, 9);
    /* JSVM_TypedarrayType */
    CHECK(sizeof(JSVM_TypedarrayType), sizeof(int));
    CHECK_ENUM(JSVM_INT8_ARRAY, 0);
    CHECK_ENUM(JSVM_UINT8_ARRAY, 1);
    CHECK_ENUM(JSVM_UINT8_CLAMPED_ARRAY, 2);
    CHECK_ENUM(JSVM_INT16_ARRAY, 3);
    CHECK_ENUM(JSVM_UINT16_ARRAY, 4);
    CHECK_ENUM(JSVM_INT32_ARRAY, 5);
    CHECK_ENUM(JSVM_UINT32_ARRAY, 6);
    CHECK_ENUM(JSVM_FLOAT32_ARRAY, 7);
    CHECK_ENUM(JSVM_FLOAT64_ARRAY, 8);
    CHECK_ENUM(JSVM_BIGINT64_ARRAY, 9);
    CHECK_ENUM(JSVM_BIGUINT64_ARRAY, 10);
    /* JSVM_Status */
    CHECK(sizeof(JSVM_Status), sizeof(int));
    CHECK_ENUM(JSVM_OK, 0);
    CHECK_ENUM(JSVM_INVALID_ARG, 1);
    CHECK_ENUM(JSVM_OBJECT_EXPECTED, 2);
    CHECK_ENUM(JSVM_STRING_EXPECTED, 3);
    CHECK_ENUM(JSVM_NAME_EXPECTED, 4);
    CHECK_ENUM(JSVM_FUNCTION_EXPECTED, 5);
    CHECK_ENUM(JSVM_NUMBER_EXPECTED, 6);
    CHECK_ENUM(JSVM_BOOLEAN_EXPECTED, 7);
    CHECK_ENUM(JSVM_ARRAY_EXPECTED, 8);
    CHECK_ENUM(JSVM_GENERIC_FAILURE, 9);
    CHECK_ENUM(JSVM_PENDING_EXCEPTION, 10);
    CHECK_ENUM(JSVM_CANCELLED, 11);
    CHECK_ENUM(JSVM_ESCAPE_CALLED_TWICE, 12);
    CHECK_ENUM(JSVM_HANDLE_SCOPE_MISMATCH, 13);
    CHECK_ENUM(JSVM_CALLBACK_SCOPE_MISMATCH, 14);
    CHECK_ENUM(JSVM_QUEUE_FULL, 15);
    CHECK_ENUM(JSVM_CLOSING, 16);
    CHECK_ENUM(JSVM_BIGINT_EXPECTED, 17);
    CHECK_ENUM(JSVM_DATE_EXPECTED, 18);
    CHECK_ENUM(JSVM_ARRAYBUFFER_EXPECTED, 19);
    CHECK_ENUM(JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED, 20);
    CHECK_ENUM(JSVM_WOULD_DEADLOCK, 21);
    CHECK_ENUM(JSVM_NO_EXTERNAL_BUFFERS_ALLOWED, 22);
    CHECK_ENUM(JSVM_CANNOT_RUN_JS, 23);
    CHECK_ENUM(JSVM_INVALID_TYPE, 24);
    CHECK_ENUM(JSVM_JIT_MODE_EXPECTED, 25);
    /* JSVM_KeyCollectionMode */
    CHECK(sizeof(JSVM_KeyCollectionMode), sizeof(int));
    CHECK_ENUM(JSVM_KEY_INCLUDE_PROTOTYPES, 0);
    CHECK_ENUM(JSVM_KEY_OWN_ONLY, 1);
    /* JSVM_KeyFilter */
    CHECK(sizeof(JSVM_KeyFilter), sizeof(int));
    CHECK_ENUM(JSVM_KEY_ALL_PROPERTIES, 0);
    CHECK_ENUM(JSVM_KEY_WRITABLE, 1);
    CHECK_ENUM(JSVM_KEY_ENUMERABLE, 2);
    CHECK_ENUM(JSVM_KEY_CONFIGURABLE, 4);
    CHECK_ENUM(JSVM_KEY_SKIP_STRINGS, 8);
    CHECK_ENUM(JSVM_KEY_SKIP_SYMBOLS, 16);
    /* JSVM_KeyConversion */
    CHECK(sizeof(JSVM_KeyConversion), sizeof(int));
    CHECK_ENUM(JSVM_KEY_KEEP_NUMBERS, 0);
    CHECK_ENUM(JSVM_KEY_NUMBERS_TO_STRINGS, 1);
    /* JSVM_MemoryPressureLevel */
    CHECK(sizeof(JSVM_MemoryPressureLevel), sizeof(int));
    CHECK_ENUM(JSVM_MEMORY_PRESSURE_LEVEL_NONE, 0);
    CHECK_ENUM(JSVM_MEMORY_PRESSURE_LEVEL_MODERATE, 1);
    CHECK_ENUM(JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL, 2);
    CHECK_ENUM(JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY, 3);
    /* JSVM_CompileMode */
    CHECK(sizeof(JSVM_CompileMode), sizeof(int));
    CHECK_ENUM(JSVM_COMPILE_MODE_DEFAULT, 0);
    CHECK_ENUM(JSVM_COMPILE_MODE_CONSUME_CODE_CACHE, 1);
    CHECK_ENUM(JSVM_COMPILE_MODE_EAGER_COMPILE, 2);
    CHECK_ENUM(JSVM_COMPILE_MODE_PRODUCE_COMPILE_PROFILE, 3);
    CHECK_ENUM(JSVM_COMPILE_MODE_CONSUME_COMPILE_PROFILE, 4);
    /* JSVM_CompileOptionId */
    CHECK(sizeof(JSVM_CompileOptionId), sizeof(int));
    CHECK_ENUM(JSVM_COMPILE_MODE, 0);
    CHECK_ENUM(JSVM_COMPILE_CODE_CACHE, 1);
    CHECK_ENUM(JSVM_COMPILE_SCRIPT_ORIGIN, 2);
    CHECK_ENUM(JSVM_COMPILE_COMPILE_PROFILE, 3);
    CHECK_ENUM(JSVM_COMPILE_ENABLE_SOURCE_MAP, 4);
    CHECK_ENUM(JSVM_COMPILE_BACKGROUND_DESERIALIZE_RESULT, 5);
    CHECK_ENUM(JSVM_COMPILE_CODE_CACHE_REJECTED, 6);
    /* JSVM_RegExpFlags */
    CHECK(sizeof(JSVM_RegExpFlags), sizeof(int));
    CHECK_ENUM(JSVM_REGEXP_NONE, 0);
    CHECK_ENUM(JSVM_REGEXP_GLOBAL, 1);
    CHECK_ENUM(JSVM_REGEXP_IGNORE_CASE, 2);
    CHECK_ENUM(JSVM_REGEXP_MULTILINE, 4);
    CHECK_ENUM(JSVM_REGEXP_STICKY, 8);
    CHECK_ENUM(JSVM_REGEXP_UNICODE, 16);
    CHECK_ENUM(JSVM_REGEXP_DOT_ALL, 32);
    CHECK_ENUM(JSVM_REGEXP_LINEAR, 64);
    CHECK_ENUM(JSVM_REGEXP_HAS_INDICES, 128);
    CHECK_ENUM(JSVM_REGEXP_UNICODE_SETS, 256);
    /* JSVM_InitializedFlag */
    CHECK(sizeof(JSVM_InitializedFlag), sizeof(int));
    CHECK_ENUM(JSVM_ZERO_INITIALIZED, 0);
    CHECK_ENUM(JSVM_UNINITIALIZED, 1);
    /* JSVM_WasmOptLevel */
    CHECK(sizeof(JSVM_WasmOptLevel), sizeof(int));
    CHECK_ENUM(JSVM_WASM_OPT_BASELINE, 10);
    CHECK_ENUM(JSVM_WASM_OPT_HIGH, 20);
    /* JSVM_CacheType */
    CHECK(sizeof(JSVM_CacheType), sizeof(int));
    CHECK_ENUM(JSVM_CACHE_TYPE_JS, 0);
    CHECK_ENUM(JSVM_CACHE_TYPE_WASM, 1);
    /* JSVM_MicrotaskPolicy */
    CHECK(sizeof(JSVM_MicrotaskPolicy), sizeof(int));
    CHECK_ENUM(JSVM_MICROTASK_EXPLICIT, 0);
    CHECK_ENUM(JSVM_MICROTASK_AUTO, 1);
    /* JSVM_TraceCategory */
    CHECK(sizeof(JSVM_TraceCategory), sizeof(int));
    CHECK_ENUM(JSVM_TRACE_VM, 0);
    CHECK_ENUM(JSVM_TRACE_COMPILE, 1);
    CHECK_ENUM(JSVM_TRACE_EXECUTE, 2);
    CHECK_ENUM(JSVM_TRACE_RUNTIME, 3);
    CHECK_ENUM(JSVM_TRACE_STACK_TRACE, 4);
    CHECK_ENUM(JSVM_TRACE_WASM, 5);
    CHECK_ENUM(JSVM_TRACE_WASM_DETAILED, 6);
    /* JSVM_PromiseRejectEvent */
    CHECK(sizeof(JSVM_PromiseRejectEvent), sizeof(int));
    CHECK_ENUM(JSVM_PROMISE_REJECT_OTHER_REASONS, 0);
    CHECK_ENUM(JSVM_PROMISE_REJECT_WITH_NO_HANDLER, 1);
    CHECK_ENUM(JSVM_PROMISE_ADD_HANDLER_AFTER_REJECTED, 2);
    CHECK_ENUM(JSVM_PROMISE_REJECT_AFTER_RESOLVED, 3);
    CHECK_ENUM(JSVM_PROMISE_RESOLVE_AFTER_RESOLVED, 4);
    /* JSVM_MessageErrorLevel */
    CHECK(sizeof(JSVM_MessageErrorLevel), sizeof(int));
    CHECK_ENUM(JSVM_MESSAGE_LOG, 1);
    CHECK_ENUM(JSVM_MESSAGE_DEBUG, 2);
    CHECK_ENUM(JSVM_MESSAGE_INFO, 4);
    CHECK_ENUM(JSVM_MESSAGE_ERROR, 8);
    CHECK_ENUM(JSVM_MESSAGE_WARNING, 16);
    CHECK_ENUM(JSVM_MESSAGE_ALL, 31);
    /* JSVM_DefineClassOptionsId */
    CHECK(sizeof(JSVM_DefineClassOptionsId), sizeof(int));
    CHECK_ENUM(JSVM_DEFINE_CLASS_NORMAL, 0);
    CHECK_ENUM(JSVM_DEFINE_CLASS_WITH_COUNT, 1);
    CHECK_ENUM(JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER, 2);
    /* JSVM_CBTriggerTimeForGC */
    CHECK(sizeof(JSVM_CBTriggerTimeForGC), sizeof(int));
    CHECK_ENUM(JSVM_CB_TRIGGER_BEFORE_GC, 0);
    CHECK_ENUM(JSVM_CB_TRIGGER_AFTER_GC, 1);
    /* JSVM_GCType */
    CHECK(sizeof(JSVM_GCType), sizeof(int));
    CHECK_ENUM(JSVM_GC_TYPE_SCAVENGE, 1);
    CHECK_ENUM(JSVM_GC_TYPE_MINOR_MARK_COMPACT, 2);
    CHECK_ENUM(JSVM_GC_TYPE_MARK_SWEEP_COMPACT, 4);
    CHECK_ENUM(JSVM_GC_TYPE_INCREMENTAL_MARKING, 8);
    CHECK_ENUM(JSVM_GC_TYPE_PROCESS_WEAK_CALLBACKS, 16);
    CHECK_ENUM(JSVM_GC_TYPE_ALL, 31);
    /* JSVM_GCCallbackFlags */
    CHECK(sizeof(JSVM_GCCallbackFlags), sizeof(int));
    CHECK_ENUM(JSVM_NO_GC_CALLBACK_FLAGS, 0);
    CHECK_ENUM(JSVM_GC_CALLBACK_CONSTRUCT_RETAINED_OBJECT_INFOS, 1);
    CHECK_ENUM(JSVM_GC_CALLBACK_FORCED, 2);
    CHECK_ENUM(JSVM_GC_CALLBACK_SYNCHRONOUS_PHANTOM_CALLBACK_PROCESSING, 3);
    CHECK_ENUM(JSVM_GC_CALLBACK_COLLECT_ALL_AVAILABLE_GARBAGE, 4);
    CHECK_ENUM(JSVM_GC_CALLBACK_COLLECT_ALL_EXTERNAL_MEMORY, 5);
    CHECK_ENUM(JSVM_GC_CALLBACK_SCHEDULE_IDLE_GARBAGE_COLLECTION, 6);
    /* JSVM_DebugOption */
    CHECK(sizeof(JSVM_DebugOption), sizeof(int));
    CHECK_ENUM(JSVM_SCOPE_CHECK, 0);
}

static void check_structs(void)
{
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFF
    /* JSVM_CallbackStruct */
    CHECK_STRUCT(JSVM_CallbackStruct, 16, 8);
    CHECK_FIELD(JSVM_CallbackStruct, callback, 0, 8);
    CHECK_FIELD(JSVM_CallbackStruct, data, 8, 8);
    /* JSVM_HeapStatistics */
    CHECK_STRUCT(JSVM_HeapStatistics, 104, 8);
    CHECK_FIELD(JSVM_HeapStatistics, totalHeapSize, 0, 8);
    CHECK_FIELD(JSVM_HeapStatistics, totalHeapSizeExecutable, 8, 8);
    CHECK_FIELD(JSVM_HeapStatistics, totalPhysicalSize, 16, 8);
    CHECK_FIELD(JSVM_HeapStatistics, totalAvailableSize, 24, 8);
    CHECK_FIELD(JSVM_HeapStatistics, usedHeapSize, 32, 8);
    CHECK_FIELD(JSVM_HeapStatistics, heapSizeLimit, 40, 8);
    CHECK_FIELD(JSVM_HeapStatistics, mallocedMemory, 48, 8);
    CHECK_FIELD(JSVM_HeapStatistics, externalMemory, 56, 8);
    CHECK_FIELD(JSVM_HeapStatistics, peakMallocedMemory, 64, 8);
    CHECK_FIELD(JSVM_HeapStatistics, numberOfNativeContexts, 72, 8);
    CHECK_FIELD(JSVM_HeapStatistics, numberOfDetachedContexts, 80, 8);
    CHECK_FIELD(JSVM_HeapStatistics, totalGlobalHandlesSize, 88, 8);
    CHECK_FIELD(JSVM_HeapStatistics, usedGlobalHandlesSize, 96, 8);
    /* JSVM_InitOptions */
    CHECK_STRUCT(JSVM_InitOptions, 32, 8);
    CHECK_FIELD(JSVM_InitOptions, externalReferences, 0, 8);
    CHECK_FIELD(JSVM_InitOptions, argc, 8, 8);
    CHECK_FIELD(JSVM_InitOptions, argv, 16, 8);
    CHECK_FIELD(JSVM_InitOptions, removeFlags, 24, 1);
    /* JSVM_CreateVMOptions */
    CHECK_STRUCT(JSVM_CreateVMOptions, 56, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, maxOldGenerationSize, 0, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, maxYoungGenerationSize, 8, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, initialOldGenerationSize, 16, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, initialYoungGenerationSize, 24, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, snapshotBlobData, 32, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, snapshotBlobSize, 40, 8);
    CHECK_FIELD(JSVM_CreateVMOptions, isForSnapshotting, 48, 1);
    /* JSVM_VMInfo */
    CHECK_STRUCT(JSVM_VMInfo, 32, 8);
    CHECK_FIELD(JSVM_VMInfo, apiVersion, 0, 4);
    CHECK_FIELD(JSVM_VMInfo, engine, 8, 8);
    CHECK_FIELD(JSVM_VMInfo, version, 16, 8);
    CHECK_FIELD(JSVM_VMInfo, cachedDataVersionTag, 24, 4);
    /* JSVM_PropertyDescriptor */
    CHECK_STRUCT(JSVM_PropertyDescriptor, 56, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, utf8name, 0, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, name, 8, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, method, 16, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, getter, 24, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, setter, 32, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, value, 40, 8);
    CHECK_FIELD(JSVM_PropertyDescriptor, attributes, 48, 4);
    /* JSVM_ExtendedErrorInfo */
    CHECK_STRUCT(JSVM_ExtendedErrorInfo, 24, 8);
    CHECK_FIELD(JSVM_ExtendedErrorInfo, errorMessage, 0, 8);
    CHECK_FIELD(JSVM_ExtendedErrorInfo, engineReserved, 8, 8);
    CHECK_FIELD(JSVM_ExtendedErrorInfo, engineErrorCode, 16, 4);
    CHECK_FIELD(JSVM_ExtendedErrorInfo, errorCode, 20, 4);
    /* JSVM_TypeTag */
    CHECK_STRUCT(JSVM_TypeTag, 16, 8);
    CHECK_FIELD(JSVM_TypeTag, lower, 0, 8);
    CHECK_FIELD(JSVM_TypeTag, upper, 8, 8);
    /* JSVM_PropertyHandlerConfigurationStruct */
    CHECK_STRUCT(JSVM_PropertyHandlerConfigurationStruct, 80, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericNamedPropertyGetterCallback, 0, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericNamedPropertySetterCallback, 8, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericNamedPropertyDeleterCallback, 16, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericNamedPropertyEnumeratorCallback, 24, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericIndexedPropertyGetterCallback, 32, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericIndexedPropertySetterCallback, 40, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericIndexedPropertyDeleterCallback, 48, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, genericIndexedPropertyEnumeratorCallback, 56, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, namedPropertyData, 64, 8);
    CHECK_FIELD(JSVM_PropertyHandlerConfigurationStruct, indexedPropertyData, 72, 8);
    /* JSVM_ScriptOrigin */
    CHECK_STRUCT(JSVM_ScriptOrigin, 32, 8);
    CHECK_FIELD(JSVM_ScriptOrigin, sourceMapUrl, 0, 8);
    CHECK_FIELD(JSVM_ScriptOrigin, resourceName, 8, 8);
    CHECK_FIELD(JSVM_ScriptOrigin, resourceLineOffset, 16, 8);
    CHECK_FIELD(JSVM_ScriptOrigin, resourceColumnOffset, 24, 8);
    /* JSVM_CompileOptions */
    CHECK_STRUCT(JSVM_CompileOptions, 16, 8);
    CHECK_FIELD(JSVM_CompileOptions, id, 0, 4);
    CHECK_FIELD(JSVM_CompileOptions, content, 8, 8);
    /* JSVM_CodeCache */
    CHECK_STRUCT(JSVM_CodeCache, 16, 8);
    CHECK_FIELD(JSVM_CodeCache, cache, 0, 8);
    CHECK_FIELD(JSVM_CodeCache, length, 8, 8);
    /* JSVM_CompileProfile */
    CHECK_STRUCT(JSVM_CompileProfile, 16, 8);
    CHECK_FIELD(JSVM_CompileProfile, profile, 0, 8);
    CHECK_FIELD(JSVM_CompileProfile, length, 8, 8);
    /* JSVM_DefineClassOptions */
    CHECK_STRUCT(JSVM_DefineClassOptions, 16, 8);
    CHECK_FIELD(JSVM_DefineClassOptions, id, 0, 4);
    CHECK_FIELD(JSVM_DefineClassOptions, content, 8, 8);
    /* JSVM_PropertyHandler */
    CHECK_STRUCT(JSVM_PropertyHandler, 16, 8);
    CHECK_FIELD(JSVM_PropertyHandler, propertyHandlerCfg, 0, 8);
    CHECK_FIELD(JSVM_PropertyHandler, callAsFunctionCallback, 8, 8);
#else
    printf("test_layout: not an LP64 target, struct layout checks skipped\n");
#endif
}

static void check_misc(void)
{
    CHECK(sizeof(JSVM_VM), sizeof(void*));
    CHECK(sizeof(JSVM_VMScope), sizeof(void*));
    CHECK(sizeof(JSVM_EnvScope), sizeof(void*));
    CHECK(sizeof(JSVM_Script), sizeof(void*));
    CHECK(sizeof(JSVM_Env), sizeof(void*));
    CHECK(sizeof(JSVM_CpuProfiler), sizeof(void*));
    CHECK(sizeof(JSVM_Value), sizeof(void*));
    CHECK(sizeof(JSVM_Ref), sizeof(void*));
    CHECK(sizeof(JSVM_HandleScope), sizeof(void*));
    CHECK(sizeof(JSVM_EscapableHandleScope), sizeof(void*));
    CHECK(sizeof(JSVM_CallbackInfo), sizeof(void*));
    CHECK(sizeof(JSVM_Deferred), sizeof(void*));
    CHECK(sizeof(JSVM_Data), sizeof(void*));
    CHECK(sizeof(JSVM_DeserializeResult), sizeof(void*));
    CHECK(sizeof(JSVM_Callback), sizeof(void*));
    CHECK(sizeof(JSVM_PropertyHandlerCfg), sizeof(void*));
    CHECK(sizeof(char16_t), 2);
    CHECK(JSVM_AUTO_LENGTH == SIZE_MAX, 1);
    CHECK(JSVM_VERSION_EXPERIMENTAL, 2147483647);
#ifdef JSVM_EXPERIMENTAL
    CHECK(JSVM_VERSION, JSVM_VERSION_EXPERIMENTAL);
#else
    CHECK(JSVM_VERSION, 8);
#endif
}

int main(void)
{
    check_enums();
    check_structs();
    check_misc();
    if (g_failures != 0) {
        printf("test_layout: FAILED (%d of %d checks)\n", g_failures, g_checks);
        return 1;
    }
    printf("test_layout: OK (%d checks)\n", g_checks);
    return 0;
}
