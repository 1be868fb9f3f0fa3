/*
 * libjsvm -- the N-API subset that OpenHarmony JSVM-API modules use to
 * register themselves and expose their entry points (napi_module,
 * napi_module_register, napi_define_properties, napi_get_cb_info, ...).
 *
 * Written for libjsvm from the public Node-API semantics; names, types,
 * struct layouts and enum values match OpenHarmony's napi/native_api.h, so a
 * module's hello.cpp compiles unchanged. On a device these functions come
 * from the ArkTS runtime (libace_napi.z.so). On Linux they are provided by
 * the host that loads the module, jsvm-ohos-run (tools/ohos-run/): its
 * "ArkTS side" is a JSVM env of its own, and a napi_value is a JSVM_Value of
 * that env. Only the functions declared here exist; docs/porting.md lists
 * how they differ from a device.
 *
 * Every function returns a napi_status and records it for
 * napi_get_last_error_info. Outputs are written only on success.
 */
#ifndef LIBJSVM_NAPI_NATIVE_API_H
#define LIBJSVM_NAPI_NATIVE_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h> /* SIZE_MAX */

/* Same guarded definitions as ark_runtime/jsvm.h: either header may come first. */
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

#ifndef NAPI_EXTERN
#define NAPI_EXTERN __attribute__((visibility("default")))
#endif

/** Length value meaning "the string is NUL-terminated". */
#define NAPI_AUTO_LENGTH SIZE_MAX

/** The napi_module.nm_version modules pass. */
#define NAPI_MODULE_VERSION 1

EXTERN_C_START

typedef struct napi_env__* napi_env;
typedef struct napi_value__* napi_value;
typedef struct napi_handle_scope__* napi_handle_scope;
typedef struct napi_callback_info__* napi_callback_info;

/* Status codes; the numbering is Node-API's (and JSVM_Status's). */
typedef enum {
    napi_ok,
    napi_invalid_arg,
    napi_object_expected,
    napi_string_expected,
    napi_name_expected,
    napi_function_expected,
    napi_number_expected,
    napi_boolean_expected,
    napi_array_expected,
    napi_generic_failure,
    napi_pending_exception,
    napi_cancelled,
    napi_escape_called_twice,
    napi_handle_scope_mismatch,
    napi_callback_scope_mismatch,
    napi_queue_full,
    napi_closing,
    napi_bigint_expected,
    napi_date_expected,
    napi_arraybuffer_expected,
    napi_detachable_arraybuffer_expected,
    napi_would_deadlock
} napi_status;

/* What napi_typeof reports. */
typedef enum {
    napi_undefined,
    napi_null,
    napi_boolean,
    napi_number,
    napi_string,
    napi_symbol,
    napi_object,
    napi_function,
    napi_external,
    napi_bigint
} napi_valuetype;

/* Property attributes for napi_define_properties (napi_default: read-only,
 * not enumerable, not configurable). napi_static only matters for classes. */
typedef enum {
    napi_default = 0,
    napi_writable = 1 << 0,
    napi_enumerable = 1 << 1,
    napi_configurable = 1 << 2,
    napi_static = 1 << 10,
    napi_default_method = napi_writable | napi_configurable,
    napi_default_jsproperty = napi_writable | napi_enumerable | napi_configurable
} napi_property_attributes;

typedef napi_value (*napi_callback)(napi_env env, napi_callback_info info);
typedef void (*napi_finalize)(napi_env env, void* finalize_data, void* finalize_hint);

/* One property for napi_define_properties. The name is utf8name or, when
 * utf8name is NULL, the string or symbol name. Exactly one of method,
 * getter/setter or value is used, in that order of preference. */
typedef struct {
    const char* utf8name;
    napi_value name;
    napi_callback method;
    napi_callback getter;
    napi_callback setter;
    napi_value value;
    napi_property_attributes attributes;
    void* data;
} napi_property_descriptor;

typedef struct {
    const char* error_message;
    void* engine_reserved;
    uint32_t engine_error_code;
    napi_status error_code;
} napi_extended_error_info;

/* A module's init: receives the exports object and returns the exports
 * (NULL means "the object passed in"). */
typedef napi_value (*napi_addon_register_func)(napi_env env, napi_value exports);

typedef struct napi_module {
    int nm_version;
    unsigned int nm_flags;
    const char* nm_filename;
    napi_addon_register_func nm_register_func;
    const char* nm_modname;
    void* nm_priv;
    void* reserved[4];
} napi_module;

/* ---- registration ---- */

/** Registers a module; called from a shared-object constructor. mod must stay valid. */
NAPI_EXTERN void napi_module_register(napi_module* mod);

/**
 * Registers regfunc as the init of module modname when the shared object is
 * loaded (a constructor calling napi_module_register).
 */
#define NAPI_MODULE(modname, regfunc)                                                              \
    EXTERN_C_START                                                                                 \
    static napi_module napi_module_##modname = {NAPI_MODULE_VERSION, 0, __FILE__, regfunc, #modname, \
                                                NULL, {NULL, NULL, NULL, NULL}};                   \
    __attribute__((constructor)) static void napi_module_register_##modname(void)                  \
    {                                                                                              \
        napi_module_register(&napi_module_##modname);                                              \
    }                                                                                              \
    EXTERN_C_END

/** Defines properties on object (usually the exports object in a module's init). */
NAPI_EXTERN napi_status napi_define_properties(napi_env env, napi_value object, size_t property_count,
                                               const napi_property_descriptor* properties);

/* ---- functions and callbacks ---- */

/**
 * Reads a callback's arguments: *argc is the capacity of argv on entry and
 * the actual count on return; missing arguments are filled with undefined.
 * Any output may be NULL. *data is the data pointer given at creation.
 */
NAPI_EXTERN napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t* argc, napi_value* argv,
                                         napi_value* this_arg, void** data);
/** new.target of a construct call, NULL for a plain call. */
NAPI_EXTERN napi_status napi_get_new_target(napi_env env, napi_callback_info cbinfo, napi_value* result);
NAPI_EXTERN napi_status napi_create_function(napi_env env, const char* utf8name, size_t length, napi_callback cb,
                                             void* data, napi_value* result);
NAPI_EXTERN napi_status napi_call_function(napi_env env, napi_value recv, napi_value func, size_t argc,
                                           const napi_value* argv, napi_value* result);
NAPI_EXTERN napi_status napi_new_instance(napi_env env, napi_value constructor, size_t argc, const napi_value* argv,
                                          napi_value* result);

/* ---- values ---- */

NAPI_EXTERN napi_status napi_get_undefined(napi_env env, napi_value* result);
NAPI_EXTERN napi_status napi_get_null(napi_env env, napi_value* result);
NAPI_EXTERN napi_status napi_get_global(napi_env env, napi_value* result);
NAPI_EXTERN napi_status napi_get_boolean(napi_env env, bool value, napi_value* result);
NAPI_EXTERN napi_status napi_create_int32(napi_env env, int32_t value, napi_value* result);
NAPI_EXTERN napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value* result);
NAPI_EXTERN napi_status napi_create_int64(napi_env env, int64_t value, napi_value* result);
NAPI_EXTERN napi_status napi_create_double(napi_env env, double value, napi_value* result);
/** length in bytes, or NAPI_AUTO_LENGTH for a NUL-terminated str. */
NAPI_EXTERN napi_status napi_create_string_utf8(napi_env env, const char* str, size_t length, napi_value* result);
NAPI_EXTERN napi_status napi_create_object(napi_env env, napi_value* result);
NAPI_EXTERN napi_status napi_create_array(napi_env env, napi_value* result);
NAPI_EXTERN napi_status napi_create_array_with_length(napi_env env, size_t length, napi_value* result);

NAPI_EXTERN napi_status napi_get_value_int32(napi_env env, napi_value value, int32_t* result);
NAPI_EXTERN napi_status napi_get_value_uint32(napi_env env, napi_value value, uint32_t* result);
NAPI_EXTERN napi_status napi_get_value_int64(napi_env env, napi_value value, int64_t* result);
NAPI_EXTERN napi_status napi_get_value_double(napi_env env, napi_value value, double* result);
NAPI_EXTERN napi_status napi_get_value_bool(napi_env env, napi_value value, bool* result);
/**
 * Copies a string's UTF-8 bytes into buf (bufsize includes the NUL; the copy
 * is truncated to fit). With buf NULL, *result is the full length in bytes.
 */
NAPI_EXTERN napi_status napi_get_value_string_utf8(napi_env env, napi_value value, char* buf, size_t bufsize,
                                                   size_t* result);
NAPI_EXTERN napi_status napi_typeof(napi_env env, napi_value value, napi_valuetype* result);
NAPI_EXTERN napi_status napi_strict_equals(napi_env env, napi_value lhs, napi_value rhs, bool* result);

/* ---- properties ---- */

NAPI_EXTERN napi_status napi_set_property(napi_env env, napi_value object, napi_value key, napi_value value);
NAPI_EXTERN napi_status napi_get_property(napi_env env, napi_value object, napi_value key, napi_value* result);
NAPI_EXTERN napi_status napi_has_property(napi_env env, napi_value object, napi_value key, bool* result);
NAPI_EXTERN napi_status napi_set_named_property(napi_env env, napi_value object, const char* utf8name,
                                                napi_value value);
NAPI_EXTERN napi_status napi_get_named_property(napi_env env, napi_value object, const char* utf8name,
                                                napi_value* result);
NAPI_EXTERN napi_status napi_has_named_property(napi_env env, napi_value object, const char* utf8name,
                                                bool* result);
NAPI_EXTERN napi_status napi_set_element(napi_env env, napi_value object, uint32_t index, napi_value value);
NAPI_EXTERN napi_status napi_get_element(napi_env env, napi_value object, uint32_t index, napi_value* result);

/* ---- errors and exceptions ---- */

NAPI_EXTERN napi_status napi_throw(napi_env env, napi_value error);
/** Throws a new Error (TypeError, RangeError) with message msg and, when code is not NULL, a code property. */
NAPI_EXTERN napi_status napi_throw_error(napi_env env, const char* code, const char* msg);
NAPI_EXTERN napi_status napi_throw_type_error(napi_env env, const char* code, const char* msg);
NAPI_EXTERN napi_status napi_throw_range_error(napi_env env, const char* code, const char* msg);
/** Creates (without throwing) an error; code may be NULL, msg must be a string. */
NAPI_EXTERN napi_status napi_create_error(napi_env env, napi_value code, napi_value msg, napi_value* result);
NAPI_EXTERN napi_status napi_create_type_error(napi_env env, napi_value code, napi_value msg, napi_value* result);
NAPI_EXTERN napi_status napi_create_range_error(napi_env env, napi_value code, napi_value msg, napi_value* result);
NAPI_EXTERN napi_status napi_is_error(napi_env env, napi_value value, bool* result);
NAPI_EXTERN napi_status napi_is_exception_pending(napi_env env, bool* result);
NAPI_EXTERN napi_status napi_get_and_clear_last_exception(napi_env env, napi_value* result);
/** The status of the last napi_* call on env; valid until the next call. */
NAPI_EXTERN napi_status napi_get_last_error_info(napi_env env, const napi_extended_error_info** result);

/* ---- scopes ---- */

NAPI_EXTERN napi_status napi_open_handle_scope(napi_env env, napi_handle_scope* result);
NAPI_EXTERN napi_status napi_close_handle_scope(napi_env env, napi_handle_scope scope);

EXTERN_C_END

#endif /* LIBJSVM_NAPI_NATIVE_API_H */
