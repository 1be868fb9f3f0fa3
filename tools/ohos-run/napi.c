/*
 * napi.c: the N-API subset of include/napi/native_api.h, in plain C over the
 * public JSVM-API. It is linked into the host (jsvm-ohos-run) and exported
 * from it (-rdynamic), so a module loaded with dlopen() resolves its napi_*
 * calls here and its OH_JSVM_* calls in libjsvm.so. It is deliberately not a
 * library of its own: libjsvm.so is the only Go runtime in the process and
 * this layer needs no state outside the host.
 *
 * Model: a napi_env wraps the host's JSVM env (the "ArkTS side" of a
 * device); a napi_value is a JSVM_Value of that env, so values pass between
 * the two APIs by a cast, and each napi function calls its OH_JSVM_*
 * counterpart, with the status mapped to napi_status. Where the two APIs
 * differ, Node-API's behaviour is kept:
 * - napi_set_*property performs writes like sloppy-mode code: a write the
 *   object refuses (read-only property, frozen object), which libjsvm
 *   reports as JSVM_GENERIC_FAILURE with nothing pending, is napi_ok.
 * - napi_define_properties gives a getter or setter precedence over a
 *   method, and ignores napi_static.
 * Two more things are this layer's own: napi_set_*property and
 * napi_define_properties on a primitive are napi_object_expected (JSVM
 * would write to a temporary wrapper object), and the host's diagnostics
 * (jsvm_napi_describe, jsvm_napi_keys) use two small JS helpers compiled
 * once per env.
 */
#include "napi_host.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The host's diagnostic helpers, compiled in jsvm_napi_env_new, held by
 * references. */
enum {
    H_DESCRIBE, /* (e) -> printable string */
    H_KEYS,     /* (o) -> own property names joined by ", " */
    H_COUNT
};

static const char *const helper_src[H_COUNT] = {
    [H_DESCRIBE] = "(function (e) {\n"
                   "  try {\n"
                   "    if (e instanceof Error) {\n"
                   "      var s = String(e), st = typeof e.stack === 'string' ? e.stack.trimEnd() : '';\n"
                   "      if (e.code !== undefined) s += ' (code: ' + String(e.code) + ')';\n"
                   "      return st ? s + '\\n' + st : s;\n"
                   "    }\n"
                   "    if (typeof e === 'string') return e;\n"
                   "    var j = JSON.stringify(e);\n"
                   "    return j === undefined ? String(e) : j;\n"
                   "  } catch (x) { return '(an exception that cannot be printed)'; }\n"
                   "})",
    [H_KEYS] = "(function (o) { return Object.getOwnPropertyNames(o).join(', '); })",
};

/* A function created through N-API. The JSVM_CallbackStruct is kept by
 * libjsvm (not copied), so it lives here until the env is freed. */
struct napi_fn {
    JSVM_CallbackStruct jcb; /* jcb.data points back to this record */
    napi_callback cb;
    void *data;
    napi_env env;
    struct napi_fn *next;
};

struct napi_env__ {
    JSVM_Env jenv;
    JSVM_Ref helpers[H_COUNT];
    struct napi_fn *fns;
    napi_extended_error_info last;
};

/* What a napi_callback_info points to: lives on the trampoline's stack for
 * the duration of one callback. */
struct napi_callback_info__ {
    JSVM_CallbackInfo info;
    void *data;
};

#define JV(v) ((JSVM_Value)(v))
#define NV(v) ((napi_value)(v))

/* ---- status bookkeeping ---- */

static const char *const status_text[] = {
    [napi_ok] = "",
    [napi_invalid_arg] = "Invalid argument",
    [napi_object_expected] = "An object was expected",
    [napi_string_expected] = "A string was expected",
    [napi_name_expected] = "A string or symbol was expected",
    [napi_function_expected] = "A function was expected",
    [napi_number_expected] = "A number was expected",
    [napi_boolean_expected] = "A boolean was expected",
    [napi_array_expected] = "An array was expected",
    [napi_generic_failure] = "Unknown failure",
    [napi_pending_exception] = "An exception is pending",
    [napi_cancelled] = "The async work item was cancelled",
    [napi_escape_called_twice] = "napi_escape_handle already called on scope",
    [napi_handle_scope_mismatch] = "Invalid handle scope usage",
    [napi_callback_scope_mismatch] = "Invalid callback scope usage",
    [napi_queue_full] = "Thread-safe function queue is full",
    [napi_closing] = "Thread-safe function handle is closing",
    [napi_bigint_expected] = "A bigint was expected",
    [napi_date_expected] = "A date was expected",
    [napi_arraybuffer_expected] = "An arraybuffer was expected",
    [napi_detachable_arraybuffer_expected] = "A detachable arraybuffer was expected",
    [napi_would_deadlock] = "Main thread would deadlock",
};

static napi_status done(napi_env env, napi_status st)
{
    env->last.error_code = st;
    env->last.error_message = st == napi_ok ? NULL : status_text[st];
    env->last.engine_error_code = 0;
    env->last.engine_reserved = NULL;
    return st;
}

/* JSVM_Status shares N-API's numbering up to JSVM_WOULD_DEADLOCK; the codes
 * after it have no counterpart in this header. */
static napi_status done_jsvm(napi_env env, JSVM_Status st)
{
    return done(env, st <= JSVM_WOULD_DEADLOCK ? (napi_status)st : napi_generic_failure);
}

#define CHECK_ENV(env)                \
    do {                              \
        if ((env) == NULL)            \
            return napi_invalid_arg;  \
    } while (0)
#define CHECK_ARG(env, cond)                       \
    do {                                           \
        if (!(cond))                               \
            return done((env), napi_invalid_arg);  \
    } while (0)
#define CALL(env, call)                          \
    do {                                         \
        JSVM_Status st_ = (call);                \
        if (st_ != JSVM_OK)                      \
            return done_jsvm((env), st_);        \
    } while (0)

/* Calls helper h with argv; *result may be NULL. */
static JSVM_Status call_helper(napi_env env, int h, size_t argc, const JSVM_Value *argv, JSVM_Value *result)
{
    JSVM_Value fn, undef, ignored;
    JSVM_Status st = OH_JSVM_GetReferenceValue(env->jenv, env->helpers[h], &fn);
    if (st == JSVM_OK)
        st = OH_JSVM_GetUndefined(env->jenv, &undef);
    if (st == JSVM_OK)
        st = OH_JSVM_CallFunction(env->jenv, undef, fn, argc, argv, result ? result : &ignored);
    return st;
}

/* napi_object_expected unless v is an object (functions and externals
 * included). */
static napi_status need_object(napi_env env, napi_value v)
{
    bool is = false;
    JSVM_Status st = OH_JSVM_IsObject(env->jenv, JV(v), &is);
    if (st != JSVM_OK)
        return done_jsvm(env, st);
    return is ? napi_ok : done(env, napi_object_expected);
}

/* The status of a property write. libjsvm reports a write the object
 * refuses as JSVM_GENERIC_FAILURE with nothing pending ("failed set");
 * N-API writes like sloppy-mode code, which ignores the refusal. */
static napi_status set_done(napi_env env, JSVM_Status st)
{
    bool pending = true;
    if (st == JSVM_GENERIC_FAILURE && OH_JSVM_IsExceptionPending(env->jenv, &pending) == JSVM_OK && !pending)
        st = JSVM_OK;
    return done_jsvm(env, st);
}

/* ---- env ---- */

napi_env jsvm_napi_env_new(JSVM_Env jenv)
{
    napi_env env = calloc(1, sizeof *env);
    if (!env)
        return NULL;
    env->jenv = jenv;
    for (int h = 0; h < H_COUNT; h++) {
        JSVM_Value src, fn;
        JSVM_Script script;
        if (OH_JSVM_CreateStringUtf8(jenv, helper_src[h], JSVM_AUTO_LENGTH, &src) != JSVM_OK ||
            OH_JSVM_CompileScript(jenv, src, NULL, 0, false, NULL, &script) != JSVM_OK ||
            OH_JSVM_RunScript(jenv, script, &fn) != JSVM_OK ||
            OH_JSVM_CreateReference(jenv, fn, 1, &env->helpers[h]) != JSVM_OK) {
            jsvm_napi_env_free(env);
            return NULL;
        }
    }
    return env;
}

void jsvm_napi_env_free(napi_env env)
{
    if (!env)
        return;
    for (int h = 0; h < H_COUNT; h++)
        if (env->helpers[h])
            OH_JSVM_DeleteReference(env->jenv, env->helpers[h]);
    while (env->fns) {
        struct napi_fn *next = env->fns->next;
        free(env->fns);
        env->fns = next;
    }
    free(env);
}

/* ---- registration ---- */

/* Registered modules. napi_module_register runs from constructors inside
 * dlopen(), which the host calls from one thread. */
#define MAX_MODULES 64
static napi_module *modules[MAX_MODULES];
static size_t module_count;

void napi_module_register(napi_module *mod)
{
    if (mod && module_count < MAX_MODULES)
        modules[module_count++] = mod;
}

size_t jsvm_napi_module_count(void)
{
    return module_count;
}

napi_module *jsvm_napi_module_at(size_t i)
{
    return i < module_count ? modules[i] : NULL;
}

/* ---- functions and callbacks ---- */

/* The JSVM callback behind every N-API function: recovers the record from
 * the callback data and calls the module's napi_callback. A NULL return is
 * undefined to JS; an exception the callback threw stays pending and is
 * rethrown into JS by libjsvm. */
static JSVM_Value trampoline(JSVM_Env jenv, JSVM_CallbackInfo info)
{
    void *data = NULL;
    if (OH_JSVM_GetCbInfo(jenv, info, NULL, NULL, NULL, &data) != JSVM_OK || !data)
        return NULL;
    struct napi_fn *fn = data;
    struct napi_callback_info__ cbinfo = {info, fn->data};
    return JV(fn->cb(fn->env, &cbinfo));
}

/* A callback record for cb with data, owned by env (freed with it). */
static napi_status new_callback(napi_env env, napi_callback cb, void *data, struct napi_fn **result)
{
    struct napi_fn *fn = calloc(1, sizeof *fn);
    if (!fn)
        return done(env, napi_generic_failure);
    fn->jcb.callback = trampoline;
    fn->jcb.data = fn;
    fn->cb = cb;
    fn->data = data;
    fn->env = env;
    fn->next = env->fns;
    env->fns = fn;
    *result = fn;
    return napi_ok;
}

static napi_status new_function(napi_env env, const char *name, size_t length, napi_callback cb, void *data,
                                napi_value *result)
{
    struct napi_fn *fn;
    napi_status st = new_callback(env, cb, data, &fn);
    if (st != napi_ok)
        return st;
    JSVM_Value f;
    CALL(env, OH_JSVM_CreateFunction(env->jenv, name, length, &fn->jcb, &f));
    *result = NV(f);
    return done(env, napi_ok);
}

napi_status napi_create_function(napi_env env, const char *utf8name, size_t length, napi_callback cb, void *data,
                                 napi_value *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, cb && result);
    return new_function(env, utf8name, length, cb, data, result);
}

napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t *argc, napi_value *argv,
                             napi_value *this_arg, void **data)
{
    CHECK_ENV(env);
    CHECK_ARG(env, cbinfo && (argv == NULL || argc != NULL));
    CALL(env, OH_JSVM_GetCbInfo(env->jenv, cbinfo->info, argc, (JSVM_Value *)argv, (JSVM_Value *)this_arg, NULL));
    if (data)
        *data = cbinfo->data;
    return done(env, napi_ok);
}

napi_status napi_get_new_target(napi_env env, napi_callback_info cbinfo, napi_value *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, cbinfo && result);
    CALL(env, OH_JSVM_GetNewTarget(env->jenv, cbinfo->info, (JSVM_Value *)result));
    return done(env, napi_ok);
}

napi_status napi_call_function(napi_env env, napi_value recv, napi_value func, size_t argc, const napi_value *argv,
                               napi_value *result)
{
    CHECK_ENV(env);
    JSVM_Value r;
    CALL(env, OH_JSVM_CallFunction(env->jenv, JV(recv), JV(func), argc, (const JSVM_Value *)argv, &r));
    if (result)
        *result = NV(r);
    return done(env, napi_ok);
}

napi_status napi_new_instance(napi_env env, napi_value constructor, size_t argc, const napi_value *argv,
                              napi_value *result)
{
    CHECK_ENV(env);
    CALL(env, OH_JSVM_NewInstance(env->jenv, JV(constructor), argc, (const JSVM_Value *)argv, (JSVM_Value *)result));
    return done(env, napi_ok);
}

/* ---- values: straight mappings ---- */

#define FORWARD(call)               \
    do {                            \
        CHECK_ENV(env);             \
        CALL(env, call);            \
        return done(env, napi_ok);  \
    } while (0)

napi_status napi_get_undefined(napi_env env, napi_value *result)
{
    FORWARD(OH_JSVM_GetUndefined(env->jenv, (JSVM_Value *)result));
}

napi_status napi_get_null(napi_env env, napi_value *result)
{
    FORWARD(OH_JSVM_GetNull(env->jenv, (JSVM_Value *)result));
}

napi_status napi_get_global(napi_env env, napi_value *result)
{
    FORWARD(OH_JSVM_GetGlobal(env->jenv, (JSVM_Value *)result));
}

napi_status napi_get_boolean(napi_env env, bool value, napi_value *result)
{
    FORWARD(OH_JSVM_GetBoolean(env->jenv, value, (JSVM_Value *)result));
}

napi_status napi_create_int32(napi_env env, int32_t value, napi_value *result)
{
    FORWARD(OH_JSVM_CreateInt32(env->jenv, value, (JSVM_Value *)result));
}

napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value *result)
{
    FORWARD(OH_JSVM_CreateUint32(env->jenv, value, (JSVM_Value *)result));
}

napi_status napi_create_int64(napi_env env, int64_t value, napi_value *result)
{
    FORWARD(OH_JSVM_CreateInt64(env->jenv, value, (JSVM_Value *)result));
}

napi_status napi_create_double(napi_env env, double value, napi_value *result)
{
    FORWARD(OH_JSVM_CreateDouble(env->jenv, value, (JSVM_Value *)result));
}

napi_status napi_create_string_utf8(napi_env env, const char *str, size_t length, napi_value *result)
{
    FORWARD(OH_JSVM_CreateStringUtf8(env->jenv, str, length, (JSVM_Value *)result));
}

napi_status napi_create_object(napi_env env, napi_value *result)
{
    FORWARD(OH_JSVM_CreateObject(env->jenv, (JSVM_Value *)result));
}

napi_status napi_create_array(napi_env env, napi_value *result)
{
    FORWARD(OH_JSVM_CreateArray(env->jenv, (JSVM_Value *)result));
}

napi_status napi_create_array_with_length(napi_env env, size_t length, napi_value *result)
{
    FORWARD(OH_JSVM_CreateArrayWithLength(env->jenv, length, (JSVM_Value *)result));
}

napi_status napi_get_value_int32(napi_env env, napi_value value, int32_t *result)
{
    FORWARD(OH_JSVM_GetValueInt32(env->jenv, JV(value), result));
}

napi_status napi_get_value_uint32(napi_env env, napi_value value, uint32_t *result)
{
    FORWARD(OH_JSVM_GetValueUint32(env->jenv, JV(value), result));
}

napi_status napi_get_value_int64(napi_env env, napi_value value, int64_t *result)
{
    FORWARD(OH_JSVM_GetValueInt64(env->jenv, JV(value), result));
}

napi_status napi_get_value_double(napi_env env, napi_value value, double *result)
{
    FORWARD(OH_JSVM_GetValueDouble(env->jenv, JV(value), result));
}

napi_status napi_get_value_bool(napi_env env, napi_value value, bool *result)
{
    FORWARD(OH_JSVM_GetValueBool(env->jenv, JV(value), result));
}

napi_status napi_get_value_string_utf8(napi_env env, napi_value value, char *buf, size_t bufsize, size_t *result)
{
    FORWARD(OH_JSVM_GetValueStringUtf8(env->jenv, JV(value), buf, bufsize, result));
}

/* ---- type checks ---- */

/* JSVM_ValueType and napi_valuetype list the same types in the same order;
 * like Node-API's, OH_JSVM_Typeof works while an exception is pending. */
napi_status napi_typeof(napi_env env, napi_value value, napi_valuetype *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    JSVM_ValueType t;
    CALL(env, OH_JSVM_Typeof(env->jenv, JV(value), &t));
    *result = (napi_valuetype)t;
    return done(env, napi_ok);
}

napi_status napi_strict_equals(napi_env env, napi_value lhs, napi_value rhs, bool *result)
{
    FORWARD(OH_JSVM_StrictEquals(env->jenv, JV(lhs), JV(rhs), result));
}

/* ---- properties ---- */

/* Reads and has-checks go straight to libjsvm, which converts a primitive
 * receiver to an object as Node-API does ("abc".length works; null and
 * undefined are napi_object_expected with a TypeError pending). */

napi_status napi_set_property(napi_env env, napi_value object, napi_value key, napi_value value)
{
    CHECK_ENV(env);
    CHECK_ARG(env, object && key && value);
    napi_status st = need_object(env, object);
    if (st != napi_ok)
        return st;
    return set_done(env, OH_JSVM_SetProperty(env->jenv, JV(object), JV(key), JV(value)));
}

napi_status napi_get_property(napi_env env, napi_value object, napi_value key, napi_value *result)
{
    FORWARD(OH_JSVM_GetProperty(env->jenv, JV(object), JV(key), (JSVM_Value *)result));
}

napi_status napi_has_property(napi_env env, napi_value object, napi_value key, bool *result)
{
    FORWARD(OH_JSVM_HasProperty(env->jenv, JV(object), JV(key), result));
}

napi_status napi_set_named_property(napi_env env, napi_value object, const char *utf8name, napi_value value)
{
    CHECK_ENV(env);
    CHECK_ARG(env, object && utf8name && value);
    napi_status st = need_object(env, object);
    if (st != napi_ok)
        return st;
    return set_done(env, OH_JSVM_SetNamedProperty(env->jenv, JV(object), utf8name, JV(value)));
}

napi_status napi_get_named_property(napi_env env, napi_value object, const char *utf8name, napi_value *result)
{
    FORWARD(OH_JSVM_GetNamedProperty(env->jenv, JV(object), utf8name, (JSVM_Value *)result));
}

napi_status napi_has_named_property(napi_env env, napi_value object, const char *utf8name, bool *result)
{
    FORWARD(OH_JSVM_HasNamedProperty(env->jenv, JV(object), utf8name, result));
}

napi_status napi_set_element(napi_env env, napi_value object, uint32_t index, napi_value value)
{
    CHECK_ENV(env);
    CHECK_ARG(env, object && value);
    napi_status st = need_object(env, object);
    if (st != napi_ok)
        return st;
    return set_done(env, OH_JSVM_SetElement(env->jenv, JV(object), index, JV(value)));
}

napi_status napi_get_element(napi_env env, napi_value object, uint32_t index, napi_value *result)
{
    FORWARD(OH_JSVM_GetElement(env->jenv, JV(object), index, (JSVM_Value *)result));
}

/* Each descriptor is defined by OH_JSVM_DefineProperties on its own, after
 * its functions are made here: they run the module's napi_callback through
 * the trampoline, with the descriptor's data. A definition the object
 * refuses is napi_invalid_arg (napi_generic_failure for a method), as in
 * Node-API; descriptors before it stay defined. */
napi_status napi_define_properties(napi_env env, napi_value object, size_t property_count,
                                   const napi_property_descriptor *properties)
{
    CHECK_ENV(env);
    CHECK_ARG(env, object && (property_count == 0 || properties));
    napi_status st = need_object(env, object);
    if (st != napi_ok)
        return st;
    for (size_t i = 0; i < property_count; i++) {
        const napi_property_descriptor *p = &properties[i];
        if (!p->utf8name && !p->name)
            return done(env, napi_name_expected);
        JSVM_PropertyDescriptor d = {
            .utf8name = p->utf8name,
            .name = p->utf8name ? NULL : JV(p->name),
            /* napi_static only matters for classes */
            .attributes = (JSVM_PropertyAttributes)(p->attributes & (napi_writable | napi_enumerable |
                                                                     napi_configurable)),
        };
        struct napi_fn *fn;
        if (p->getter || p->setter) {
            if (p->getter) {
                if ((st = new_callback(env, p->getter, p->data, &fn)) != napi_ok)
                    return st;
                d.getter = &fn->jcb;
            }
            if (p->setter) {
                if ((st = new_callback(env, p->setter, p->data, &fn)) != napi_ok)
                    return st;
                d.setter = &fn->jcb;
            }
        } else if (p->method) {
            if ((st = new_callback(env, p->method, p->data, &fn)) != napi_ok)
                return st;
            d.method = &fn->jcb;
        } else {
            d.value = JV(p->value);
            if (!d.value)
                CALL(env, OH_JSVM_GetUndefined(env->jenv, &d.value));
        }
        CALL(env, OH_JSVM_DefineProperties(env->jenv, JV(object), 1, &d));
    }
    return done(env, napi_ok);
}

/* ---- errors and exceptions ---- */

napi_status napi_throw(napi_env env, napi_value error)
{
    FORWARD(OH_JSVM_Throw(env->jenv, JV(error)));
}

napi_status napi_throw_error(napi_env env, const char *code, const char *msg)
{
    FORWARD(OH_JSVM_ThrowError(env->jenv, code, msg));
}

napi_status napi_throw_type_error(napi_env env, const char *code, const char *msg)
{
    FORWARD(OH_JSVM_ThrowTypeError(env->jenv, code, msg));
}

napi_status napi_throw_range_error(napi_env env, const char *code, const char *msg)
{
    FORWARD(OH_JSVM_ThrowRangeError(env->jenv, code, msg));
}

napi_status napi_create_error(napi_env env, napi_value code, napi_value msg, napi_value *result)
{
    FORWARD(OH_JSVM_CreateError(env->jenv, JV(code), JV(msg), (JSVM_Value *)result));
}

napi_status napi_create_type_error(napi_env env, napi_value code, napi_value msg, napi_value *result)
{
    FORWARD(OH_JSVM_CreateTypeError(env->jenv, JV(code), JV(msg), (JSVM_Value *)result));
}

napi_status napi_create_range_error(napi_env env, napi_value code, napi_value msg, napi_value *result)
{
    FORWARD(OH_JSVM_CreateRangeError(env->jenv, JV(code), JV(msg), (JSVM_Value *)result));
}

napi_status napi_is_error(napi_env env, napi_value value, bool *result)
{
    FORWARD(OH_JSVM_IsError(env->jenv, JV(value), result));
}

napi_status napi_is_exception_pending(napi_env env, bool *result)
{
    FORWARD(OH_JSVM_IsExceptionPending(env->jenv, result));
}

napi_status napi_get_and_clear_last_exception(napi_env env, napi_value *result)
{
    FORWARD(OH_JSVM_GetAndClearLastException(env->jenv, (JSVM_Value *)result));
}

napi_status napi_get_last_error_info(napi_env env, const napi_extended_error_info **result)
{
    CHECK_ENV(env);
    if (!result)
        return done(env, napi_invalid_arg);
    /* Reports the call before this one, so the record is not overwritten. */
    *result = &env->last;
    return napi_ok;
}

/* ---- scopes ---- */

napi_status napi_open_handle_scope(napi_env env, napi_handle_scope *result)
{
    FORWARD(OH_JSVM_OpenHandleScope(env->jenv, (JSVM_HandleScope *)result));
}

napi_status napi_close_handle_scope(napi_env env, napi_handle_scope scope)
{
    FORWARD(OH_JSVM_CloseHandleScope(env->jenv, (JSVM_HandleScope)scope));
}

/* ---- host diagnostics ---- */

static char *string_of(napi_env env, JSVM_Value s)
{
    size_t len = 0;
    if (OH_JSVM_GetValueStringUtf8(env->jenv, s, NULL, 0, &len) != JSVM_OK)
        return NULL;
    char *buf = malloc(len + 1);
    if (buf && OH_JSVM_GetValueStringUtf8(env->jenv, s, buf, len + 1, &len) != JSVM_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

char *jsvm_napi_describe(napi_env env, napi_value value)
{
    JSVM_Value s;
    if (call_helper(env, H_DESCRIBE, 1, (JSVM_Value[]){JV(value)}, &s) != JSVM_OK)
        return NULL;
    return string_of(env, s);
}

char *jsvm_napi_keys(napi_env env, napi_value object)
{
    JSVM_Value s;
    if (need_object(env, object) != napi_ok || call_helper(env, H_KEYS, 1, (JSVM_Value[]){JV(object)}, &s) != JSVM_OK)
        return NULL;
    return string_of(env, s);
}
