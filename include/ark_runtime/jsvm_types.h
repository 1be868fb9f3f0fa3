/*
 * libjsvm -- type definitions of the JSVM-API (OH_JSVM_*).
 *
 * This header is part of libjsvm and was written from the project's own
 * specification. It is API- and ABI-compatible with OpenHarmony's
 * ark_runtime/jsvm_types.h: same type names, enum values, struct field order
 * and layout. Normally it is included through "ark_runtime/jsvm.h".
 */
#ifndef ARK_RUNTIME_JSVM_JSVM_TYPE_H
#define ARK_RUNTIME_JSVM_JSVM_TYPE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* C has no built-in char16_t; the UTF-16 functions use 16-bit code units. */
#if !defined(__cplusplus) || (defined(_MSC_VER) && _MSC_VER < 1900)
typedef uint16_t char16_t;
#endif

/* Calling convention of every API function and callback type. */
#ifndef JSVM_CDECL
#ifdef _WIN32
#define JSVM_CDECL __cdecl
#else
#define JSVM_CDECL
#endif
#endif

/* ------------------------------------------------------------------------
 * Opaque handles
 * ---------------------------------------------------------------------- */

/** A virtual machine (engine isolate). */
typedef struct JSVM_VM__* JSVM_VM;
/** A VM scope opened on the current thread. */
typedef struct JSVM_VMScope__* JSVM_VMScope;
/** An env scope opened on the current thread. */
typedef struct JSVM_EnvScope__* JSVM_EnvScope;
/** A compiled script; lives in a handle scope unless retained. */
typedef struct JSVM_Script__* JSVM_Script;
/** An environment: one JS context plus its API state. */
typedef struct JSVM_Env__* JSVM_Env;
/** A running CPU profiler. */
typedef struct JSVM_CpuProfiler__* JSVM_CpuProfiler;
/** A JS value; valid only while its handle scope is open. */
typedef struct JSVM_Value__* JSVM_Value;
/** A counted (strong or weak) reference to a value or data. */
typedef struct JSVM_Ref__* JSVM_Ref;
/** A handle scope. */
typedef struct JSVM_HandleScope__* JSVM_HandleScope;
/** A handle scope that can promote one value to its parent. */
typedef struct JSVM_EscapableHandleScope__* JSVM_EscapableHandleScope;
/** Call information passed to a native callback; valid during the call. */
typedef struct JSVM_CallbackInfo__* JSVM_CallbackInfo;
/** The settling side of a promise; consumed when resolved or rejected. */
typedef struct JSVM_Deferred__* JSVM_Deferred;
/** Engine data that is not a JS value (for example a private key). */
typedef struct JSVM_Data__* JSVM_Data;
/** Result of OH_JSVM_BackgroundDeserialize. */
typedef struct JSVM_DeserializeResult__* JSVM_DeserializeResult;

/* ------------------------------------------------------------------------
 * Enumerations
 * ---------------------------------------------------------------------- */

/** Property attribute bits used in JSVM_PropertyDescriptor.attributes. */
typedef enum {
    JSVM_DEFAULT = 0,
    JSVM_WRITABLE = 1 << 0,
    JSVM_ENUMERABLE = 1 << 1,
    JSVM_CONFIGURABLE = 1 << 2,
    /** Class methods skip the receiver ("this") type check. */
    JSVM_NO_RECEIVER_CHECK = 1 << 3,
    /** The property goes on the class constructor instead of the prototype. */
    JSVM_STATIC = 1 << 10,
    JSVM_DEFAULT_METHOD = JSVM_WRITABLE | JSVM_CONFIGURABLE,
    JSVM_METHOD_NO_RECEIVER_CHECK = JSVM_DEFAULT_METHOD | JSVM_NO_RECEIVER_CHECK,
    JSVM_DEFAULT_JSPROPERTY = JSVM_WRITABLE | JSVM_ENUMERABLE | JSVM_CONFIGURABLE,
    JSVM_JSPROPERTY_NO_RECEIVER_CHECK = JSVM_DEFAULT_JSPROPERTY | JSVM_NO_RECEIVER_CHECK
} JSVM_PropertyAttributes;

/** Value categories reported by OH_JSVM_Typeof. */
typedef enum {
    JSVM_UNDEFINED,
    JSVM_NULL,
    JSVM_BOOLEAN,
    JSVM_NUMBER,
    JSVM_STRING,
    JSVM_SYMBOL,
    JSVM_OBJECT,
    JSVM_FUNCTION,
    JSVM_EXTERNAL,
    JSVM_BIGINT
} JSVM_ValueType;

/** Element types of typed arrays. */
typedef enum {
    JSVM_INT8_ARRAY,
    JSVM_UINT8_ARRAY,
    JSVM_UINT8_CLAMPED_ARRAY,
    JSVM_INT16_ARRAY,
    JSVM_UINT16_ARRAY,
    JSVM_INT32_ARRAY,
    JSVM_UINT32_ARRAY,
    JSVM_FLOAT32_ARRAY,
    JSVM_FLOAT64_ARRAY,
    JSVM_BIGINT64_ARRAY,
    JSVM_BIGUINT64_ARRAY
} JSVM_TypedarrayType;

/** Result code of every API function. */
typedef enum {
    JSVM_OK,
    JSVM_INVALID_ARG,
    JSVM_OBJECT_EXPECTED,
    JSVM_STRING_EXPECTED,
    JSVM_NAME_EXPECTED,
    JSVM_FUNCTION_EXPECTED,
    JSVM_NUMBER_EXPECTED,
    JSVM_BOOLEAN_EXPECTED,
    JSVM_ARRAY_EXPECTED,
    JSVM_GENERIC_FAILURE,
    JSVM_PENDING_EXCEPTION,
    JSVM_CANCELLED,
    JSVM_ESCAPE_CALLED_TWICE,
    JSVM_HANDLE_SCOPE_MISMATCH,
    JSVM_CALLBACK_SCOPE_MISMATCH,
    JSVM_QUEUE_FULL,
    JSVM_CLOSING,
    JSVM_BIGINT_EXPECTED,
    JSVM_DATE_EXPECTED,
    JSVM_ARRAYBUFFER_EXPECTED,
    JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED,
    JSVM_WOULD_DEADLOCK,
    JSVM_NO_EXTERNAL_BUFFERS_ALLOWED,
    JSVM_CANNOT_RUN_JS,
    JSVM_INVALID_TYPE,
    JSVM_JIT_MODE_EXPECTED
} JSVM_Status;

/** Whether OH_JSVM_GetAllPropertyNames walks the prototype chain. */
typedef enum {
    JSVM_KEY_INCLUDE_PROTOTYPES,
    JSVM_KEY_OWN_ONLY
} JSVM_KeyCollectionMode;

/** Key filter bits for OH_JSVM_GetAllPropertyNames. */
typedef enum {
    JSVM_KEY_ALL_PROPERTIES = 0,
    JSVM_KEY_WRITABLE = 1,
    JSVM_KEY_ENUMERABLE = 1 << 1,
    JSVM_KEY_CONFIGURABLE = 1 << 2,
    JSVM_KEY_SKIP_STRINGS = 1 << 3,
    JSVM_KEY_SKIP_SYMBOLS = 1 << 4
} JSVM_KeyFilter;

/** Whether integer-like keys are returned as numbers or as strings. */
typedef enum {
    JSVM_KEY_KEEP_NUMBERS,
    JSVM_KEY_NUMBERS_TO_STRINGS
} JSVM_KeyConversion;

/** Memory pressure levels for OH_JSVM_MemoryPressureNotification. */
typedef enum {
    JSVM_MEMORY_PRESSURE_LEVEL_NONE,
    JSVM_MEMORY_PRESSURE_LEVEL_MODERATE,
    JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL,
    /** Requests an immediate full garbage collection. */
    JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY
} JSVM_MemoryPressureLevel;

/** Compile modes (JSVM_COMPILE_MODE option, stored in content.num). */
typedef enum {
    JSVM_COMPILE_MODE_DEFAULT,
    JSVM_COMPILE_MODE_CONSUME_CODE_CACHE,
    JSVM_COMPILE_MODE_EAGER_COMPILE,
    JSVM_COMPILE_MODE_PRODUCE_COMPILE_PROFILE,
    JSVM_COMPILE_MODE_CONSUME_COMPILE_PROFILE
} JSVM_CompileMode;

/** Identifies the meaning of a JSVM_CompileOptions entry. */
typedef enum {
    /** content.num: a JSVM_CompileMode. */
    JSVM_COMPILE_MODE,
    /** content.ptr: a JSVM_CodeCache*. */
    JSVM_COMPILE_CODE_CACHE,
    /** content.ptr: a JSVM_ScriptOrigin*. */
    JSVM_COMPILE_SCRIPT_ORIGIN,
    /** content.ptr: a JSVM_CompileProfile*. */
    JSVM_COMPILE_COMPILE_PROFILE,
    /** content.boolean: enable source-map support. */
    JSVM_COMPILE_ENABLE_SOURCE_MAP,
    /** content.ptr: a JSVM_DeserializeResult. */
    JSVM_COMPILE_BACKGROUND_DESERIALIZE_RESULT,
    /** content.ptr: a bool* receiving whether the code cache was rejected. */
    JSVM_COMPILE_CODE_CACHE_REJECTED
} JSVM_CompileOptionId;

/** RegExp flag bits for OH_JSVM_CreateRegExp. */
typedef enum {
    JSVM_REGEXP_NONE = 0,
    JSVM_REGEXP_GLOBAL = 1 << 0,
    JSVM_REGEXP_IGNORE_CASE = 1 << 1,
    JSVM_REGEXP_MULTILINE = 1 << 2,
    JSVM_REGEXP_STICKY = 1 << 3,
    JSVM_REGEXP_UNICODE = 1 << 4,
    JSVM_REGEXP_DOT_ALL = 1 << 5,
    JSVM_REGEXP_LINEAR = 1 << 6,
    JSVM_REGEXP_HAS_INDICES = 1 << 7,
    JSVM_REGEXP_UNICODE_SETS = 1 << 8
} JSVM_RegExpFlags;

/** Whether newly allocated backing-store memory is zero-filled. */
typedef enum {
    JSVM_ZERO_INITIALIZED,
    JSVM_UNINITIALIZED
} JSVM_InitializedFlag;

/** Optimisation tier for OH_JSVM_CompileWasmFunction. */
typedef enum {
    JSVM_WASM_OPT_BASELINE = 10,
    JSVM_WASM_OPT_HIGH = 20
} JSVM_WasmOptLevel;

/** Which producer allocated a cache buffer (for OH_JSVM_ReleaseCache). */
typedef enum {
    JSVM_CACHE_TYPE_JS,
    JSVM_CACHE_TYPE_WASM
} JSVM_CacheType;

/** When queued microtasks are run. */
typedef enum {
    JSVM_MICROTASK_EXPLICIT = 0,
    JSVM_MICROTASK_AUTO
} JSVM_MicrotaskPolicy;

/** Trace categories for OH_JSVM_TraceStart. */
typedef enum {
    JSVM_TRACE_VM,
    JSVM_TRACE_COMPILE,
    JSVM_TRACE_EXECUTE,
    JSVM_TRACE_RUNTIME,
    JSVM_TRACE_STACK_TRACE,
    JSVM_TRACE_WASM,
    JSVM_TRACE_WASM_DETAILED
} JSVM_TraceCategory;

/** Event kinds passed to JSVM_HandlerForPromiseReject. */
typedef enum {
    JSVM_PROMISE_REJECT_OTHER_REASONS = 0,
    JSVM_PROMISE_REJECT_WITH_NO_HANDLER = 1,
    JSVM_PROMISE_ADD_HANDLER_AFTER_REJECTED = 2,
    JSVM_PROMISE_REJECT_AFTER_RESOLVED = 3,
    JSVM_PROMISE_RESOLVE_AFTER_RESOLVED = 4
} JSVM_PromiseRejectEvent;

/** Message severity bits (not used by any function at present). */
typedef enum {
    JSVM_MESSAGE_LOG = (1 << 0),
    JSVM_MESSAGE_DEBUG = (1 << 1),
    JSVM_MESSAGE_INFO = (1 << 2),
    JSVM_MESSAGE_ERROR = (1 << 3),
    JSVM_MESSAGE_WARNING = (1 << 4),
    JSVM_MESSAGE_ALL = JSVM_MESSAGE_LOG | JSVM_MESSAGE_DEBUG | JSVM_MESSAGE_INFO | JSVM_MESSAGE_ERROR |
                       JSVM_MESSAGE_WARNING
} JSVM_MessageErrorLevel;

/** Identifies the meaning of a JSVM_DefineClassOptions entry. */
typedef enum {
    /** No extra behaviour. */
    JSVM_DEFINE_CLASS_NORMAL,
    /** content.num: number of internal fields of instances. */
    JSVM_DEFINE_CLASS_WITH_COUNT,
    /** content.ptr: a JSVM_PropertyHandler*. */
    JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER
} JSVM_DefineClassOptionsId;

/** Whether a GC callback runs before or after the collection. */
typedef enum {
    JSVM_CB_TRIGGER_BEFORE_GC,
    JSVM_CB_TRIGGER_AFTER_GC
} JSVM_CBTriggerTimeForGC;

/** Garbage collection kinds (bit mask). */
typedef enum {
    JSVM_GC_TYPE_SCAVENGE = 1 << 0,
    JSVM_GC_TYPE_MINOR_MARK_COMPACT = 1 << 1,
    JSVM_GC_TYPE_MARK_SWEEP_COMPACT = 1 << 2,
    JSVM_GC_TYPE_INCREMENTAL_MARKING = 1 << 3,
    JSVM_GC_TYPE_PROCESS_WEAK_CALLBACKS = 1 << 4,
    JSVM_GC_TYPE_ALL = JSVM_GC_TYPE_SCAVENGE | JSVM_GC_TYPE_MINOR_MARK_COMPACT | JSVM_GC_TYPE_MARK_SWEEP_COMPACT |
                       JSVM_GC_TYPE_INCREMENTAL_MARKING | JSVM_GC_TYPE_PROCESS_WEAK_CALLBACKS
} JSVM_GCType;

/** Extra information passed to GC callbacks (sequential values, not bits). */
typedef enum {
    JSVM_NO_GC_CALLBACK_FLAGS,
    JSVM_GC_CALLBACK_CONSTRUCT_RETAINED_OBJECT_INFOS,
    JSVM_GC_CALLBACK_FORCED,
    JSVM_GC_CALLBACK_SYNCHRONOUS_PHANTOM_CALLBACK_PROCESSING,
    JSVM_GC_CALLBACK_COLLECT_ALL_AVAILABLE_GARBAGE,
    JSVM_GC_CALLBACK_COLLECT_ALL_EXTERNAL_MEMORY,
    JSVM_GC_CALLBACK_SCHEDULE_IDLE_GARBAGE_COLLECTION
} JSVM_GCCallbackFlags;

/** Per-env debug options for OH_JSVM_SetDebugOption. */
typedef enum {
    /** Check that every JSVM_Value used belongs to a still-open handle scope. */
    JSVM_SCOPE_CHECK
} JSVM_DebugOption;

/* ------------------------------------------------------------------------
 * Callback types
 * ---------------------------------------------------------------------- */

/** Releases native data attached to a JS object; should only free memory. */
typedef void(JSVM_CDECL* JSVM_Finalize)(JSVM_Env env, void* finalizeData, void* finalizeHint);

#ifdef JSVM_EXPERIMENTAL
/**
 * Finalizer of OH_JSVM_CreateArrayBufferFromExternalMemory. env may be NULL;
 * it must not call any JSVM function. copied tells whether the engine copied.
 */
typedef void(JSVM_CDECL* JSVM_FinalizeArrayBuffer)(JSVM_Env env, void* finalizeData, void* finalizeHint, bool copied);
#endif

/** Receives output in chunks; data == NULL marks the end. Return false to stop. */
typedef bool(JSVM_CDECL* JSVM_OutputStream)(const char* data, int size, void* streamData);

/** Called when a VM runs out of memory; the VM cannot continue afterwards. */
typedef void(JSVM_CDECL* JSVM_HandlerForOOMError)(const char* location, const char* detail, bool isHeapOOM);

/** Called on a fatal engine error. */
typedef void(JSVM_CDECL* JSVM_HandlerForFatalError)(const char* location, const char* message);

/** Called on promise rejection events; rejectInfo has "promise" and "value". */
typedef void(JSVM_CDECL* JSVM_HandlerForPromiseReject)(JSVM_Env env, JSVM_PromiseRejectEvent rejectEvent,
                                                       JSVM_Value rejectInfo);

/** Called before or after a garbage collection. */
typedef void(JSVM_CDECL* JSVM_HandlerForGC)(JSVM_VM vm, JSVM_GCType gcType, JSVM_GCCallbackFlags flags, void* data);

/** Called when used heap size reaches the registered threshold. */
typedef void(JSVM_CDECL* JSVM_HandlerForHeapThreshold)(JSVM_VM vm, uint64_t threshold, void* data);

/* ------------------------------------------------------------------------
 * Structures
 * ---------------------------------------------------------------------- */

/**
 * A native function plus user data. The engine keeps the pointer, so the
 * struct must outlive every function, class or env created from it.
 */
typedef struct {
    /** The native function; returning NULL means returning undefined. */
    JSVM_Value(JSVM_CDECL* callback)(JSVM_Env env, JSVM_CallbackInfo info);
    /** Retrieved with OH_JSVM_GetCbInfo. */
    void* data;
} JSVM_CallbackStruct;

/** Pointer to a JSVM_CallbackStruct. */
typedef JSVM_CallbackStruct* JSVM_Callback;

/** Heap statistics of a VM (see OH_JSVM_GetHeapStatistics); sizes in bytes. */
typedef struct {
    size_t totalHeapSize;
    size_t totalHeapSizeExecutable;
    size_t totalPhysicalSize;
    size_t totalAvailableSize;
    size_t usedHeapSize;
    size_t heapSizeLimit;
    size_t mallocedMemory;
    size_t externalMemory;
    size_t peakMallocedMemory;
    size_t numberOfNativeContexts;
    size_t numberOfDetachedContexts;
    size_t totalGlobalHandlesSize;
    size_t usedGlobalHandlesSize;
} JSVM_HeapStatistics;

/** Options for OH_JSVM_Init. */
typedef struct {
    /** Zero-terminated table of native addresses referenced by snapshots. */
    const intptr_t* externalReferences;
    /** Engine command-line style flags. */
    int* argc;
    char** argv;
    /** Remove recognised flags from argv. */
    bool removeFlags;
} JSVM_InitOptions;

/** Options for OH_JSVM_CreateVM. */
typedef struct {
    size_t maxOldGenerationSize;
    size_t maxYoungGenerationSize;
    size_t initialOldGenerationSize;
    size_t initialYoungGenerationSize;
    /** Startup snapshot to restore from; must outlive the VM. */
    const char* snapshotBlobData;
    size_t snapshotBlobSize;
    /** Create a VM usable with OH_JSVM_CreateSnapshot. */
    bool isForSnapshotting;
} JSVM_CreateVMOptions;

/** Engine information returned by OH_JSVM_GetVMInfo. */
typedef struct {
    uint32_t apiVersion;
    const char* engine;
    const char* version;
    /** Identifies code-cache compatibility. */
    uint32_t cachedDataVersionTag;
} JSVM_VMInfo;

/**
 * Describes one property. The key is utf8name, or name when utf8name is NULL.
 * getter/setter make an accessor, method a function-valued property, otherwise
 * value is used.
 */
typedef struct {
    const char* utf8name;
    JSVM_Value name;
    JSVM_Callback method;
    JSVM_Callback getter;
    JSVM_Callback setter;
    JSVM_Value value;
    JSVM_PropertyAttributes attributes;
} JSVM_PropertyDescriptor;

/** Details about the last call made on an env (see OH_JSVM_GetLastErrorInfo). */
typedef struct {
    const char* errorMessage;
    void* engineReserved;
    uint32_t engineErrorCode;
    JSVM_Status errorCode;
} JSVM_ExtendedErrorInfo;

/** A 128-bit type tag, compared by value. */
typedef struct {
    uint64_t lower;
    uint64_t upper;
} JSVM_TypeTag;

/**
 * Property interceptors for class instances. Any member may be NULL. A
 * callback returning NULL leaves the operation to the default behaviour.
 * namedPropertyData / indexedPropertyData are passed as the last argument.
 */
typedef struct {
    JSVM_Value(JSVM_CDECL* genericNamedPropertyGetterCallback)(JSVM_Env env, JSVM_Value name, JSVM_Value thisArg,
                                                               JSVM_Value namedPropertyData);
    JSVM_Value(JSVM_CDECL* genericNamedPropertySetterCallback)(JSVM_Env env, JSVM_Value name, JSVM_Value property,
                                                               JSVM_Value thisArg, JSVM_Value namedPropertyData);
    JSVM_Value(JSVM_CDECL* genericNamedPropertyDeleterCallback)(JSVM_Env env, JSVM_Value name, JSVM_Value thisArg,
                                                                JSVM_Value namedPropertyData);
    JSVM_Value(JSVM_CDECL* genericNamedPropertyEnumeratorCallback)(JSVM_Env env, JSVM_Value thisArg,
                                                                   JSVM_Value namedPropertyData);
    JSVM_Value(JSVM_CDECL* genericIndexedPropertyGetterCallback)(JSVM_Env env, JSVM_Value index, JSVM_Value thisArg,
                                                                 JSVM_Value indexedPropertyData);
    JSVM_Value(JSVM_CDECL* genericIndexedPropertySetterCallback)(JSVM_Env env, JSVM_Value index, JSVM_Value property,
                                                                 JSVM_Value thisArg, JSVM_Value indexedPropertyData);
    JSVM_Value(JSVM_CDECL* genericIndexedPropertyDeleterCallback)(JSVM_Env env, JSVM_Value index, JSVM_Value thisArg,
                                                                  JSVM_Value indexedPropertyData);
    JSVM_Value(JSVM_CDECL* genericIndexedPropertyEnumeratorCallback)(JSVM_Env env, JSVM_Value thisArg,
                                                                     JSVM_Value indexedPropertyData);
    JSVM_Value namedPropertyData;
    JSVM_Value indexedPropertyData;
} JSVM_PropertyHandlerConfigurationStruct;

/** Pointer to a JSVM_PropertyHandlerConfigurationStruct. */
typedef JSVM_PropertyHandlerConfigurationStruct* JSVM_PropertyHandlerCfg;

/** Source location information for compiled scripts. */
typedef struct {
    /** Optional source map URL. */
    const char* sourceMapUrl;
    /** Script name (required). */
    const char* resourceName;
    size_t resourceLineOffset;
    size_t resourceColumnOffset;
} JSVM_ScriptOrigin;

/** One option of OH_JSVM_CompileScriptWithOptions; id selects the union member. */
typedef struct {
    JSVM_CompileOptionId id;
    union {
        void* ptr;
        int num;
        bool boolean;
    } content;
} JSVM_CompileOptions;

/** A code cache buffer. */
typedef struct {
    uint8_t* cache;
    size_t length;
} JSVM_CodeCache;

/** Compile profile data (JSVM_COMPILE_COMPILE_PROFILE option). */
typedef const struct {
    int* profile;
    size_t length;
} JSVM_CompileProfile;

/** One option of OH_JSVM_DefineClassWithOptions; id selects the union member. */
typedef struct {
    JSVM_DefineClassOptionsId id;
    union {
        void* ptr;
        int num;
        bool boolean;
    } content;
} JSVM_DefineClassOptions;

/** Payload of JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER. */
typedef struct {
    JSVM_PropertyHandlerCfg propertyHandlerCfg;
    /** Called when an instance is invoked as a function (may be NULL). */
    JSVM_Callback callAsFunctionCallback;
} JSVM_PropertyHandler;

#endif /* ARK_RUNTIME_JSVM_JSVM_TYPE_H */
