/*
 * fast.c: the OH_JSVM_* functions implemented in C.
 *
 * These are the calls a native callback makes most (argument access,
 * primitive creation and reading, scopes, exception checks) plus scope and
 * lock bookkeeping. Through Go each would pay a cgo transition (~40 ns, more
 * than the work itself: design-notes §2), so they live beside the handle
 * stack. Each records its status with jsvm_set_status, like Go's exit().
 */
#include <math.h>

#include "ops.h"
#include "journal_gen.h"

#define CHECK_ENV(env)              \
    do {                            \
        if (!(env))                 \
            return JSVM_INVALID_ARG; \
    } while (0)
#define RETURN(env, st) return jsvm_set_status((env), (st))
#define CHECK_ARG(env, cond)                      \
    do {                                          \
        if (!(cond))                              \
            RETURN((env), JSVM_INVALID_ARG);      \
    } while (0)

/* ---- VM and env scopes: bookkeeping only; QuickJS has no isolate entry ---- */

JSVM_Status OH_JSVM_OpenVMScope(JSVM_VM vm, JSVM_VMScope *result)
{
    if (!vm || !result)
        return JSVM_INVALID_ARG;
    *result = (JSVM_VMScope)(++vm->vm_scopes);
    return JSVM_OK;
}

JSVM_Status OH_JSVM_CloseVMScope(JSVM_VM vm, JSVM_VMScope scope)
{
    if (!vm || !scope)
        return JSVM_INVALID_ARG;
    /* Out-of-order closes are tolerated, as in the reference implementation. */
    if (vm->vm_scopes)
        vm->vm_scopes--;
    return JSVM_OK;
}

JSVM_Status OH_JSVM_OpenEnvScope(JSVM_Env env, JSVM_EnvScope *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, result);
    *result = (JSVM_EnvScope)(++env->env_scopes);
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_CloseEnvScope(JSVM_Env env, JSVM_EnvScope scope)
{
    CHECK_ENV(env);
    CHECK_ARG(env, scope);
    if (env->env_scopes)
        env->env_scopes--;
    RETURN(env, JSVM_OK);
}

/* ---- handle scopes ---- */

JSVM_Status OH_JSVM_OpenHandleScope(JSVM_Env env, JSVM_HandleScope *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(OpenHandleScope, env, result);
    CHECK_ARG(env, result);
    uintptr_t h;
    JSVM_Status st = jsvm_scope_open(env, 0, &h);
    if (st == JSVM_OK)
        *result = (JSVM_HandleScope)h;
    RETURN(env, st);
}

JSVM_Status OH_JSVM_CloseHandleScope(JSVM_Env env, JSVM_HandleScope scope)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CloseHandleScope, env, scope);
    CHECK_ARG(env, scope);
    RETURN(env, jsvm_scope_close(env, (uintptr_t)scope, 0));
}

JSVM_Status OH_JSVM_OpenEscapableHandleScope(JSVM_Env env, JSVM_EscapableHandleScope *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(OpenEscapableHandleScope, env, result);
    CHECK_ARG(env, result);
    uintptr_t h;
    JSVM_Status st = jsvm_scope_open(env, 1, &h);
    if (st == JSVM_OK)
        *result = (JSVM_EscapableHandleScope)h;
    RETURN(env, st);
}

JSVM_Status OH_JSVM_CloseEscapableHandleScope(JSVM_Env env, JSVM_EscapableHandleScope scope)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CloseEscapableHandleScope, env, scope);
    CHECK_ARG(env, scope);
    RETURN(env, jsvm_scope_close(env, (uintptr_t)scope, 1));
}

JSVM_Status OH_JSVM_EscapeHandle(JSVM_Env env, JSVM_EscapableHandleScope scope,
                                 JSVM_Value escapee, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(EscapeHandle, env, scope, escapee, result);
    CHECK_ARG(env, scope && escapee && result);
    RETURN(env, jsvm_scope_escape(env, (uintptr_t)scope, escapee, result));
}

/* ---- VM lock ---- */

JSVM_Status OH_JSVM_AcquireLock(JSVM_Env env)
{
    CHECK_ENV(env);
    jsvm_lock(env->vm);
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_ReleaseLock(JSVM_Env env)
{
    CHECK_ENV(env);
    /* Record before unlocking: afterwards the env belongs to another thread. */
    jsvm_set_status(env, JSVM_OK);
    jsvm_unlock_if_owner(env->vm);
    return JSVM_OK;
}

JSVM_Status OH_JSVM_IsLocked(JSVM_Env env, bool *isLocked)
{
    CHECK_ENV(env);
    CHECK_ARG(env, isLocked);
    *isLocked = jsvm_lock_held_by_me(env->vm) != 0;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetVM(JSVM_Env env, JSVM_VM *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, result);
    *result = env->vm;
    RETURN(env, JSVM_OK);
}

/* ---- primitives ---- */

JSVM_Status OH_JSVM_CreateInt32(JSVM_Env env, int32_t value, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CreateInt32, env, value, result);
    CHECK_ARG(env, result);
    *result = jsvm_push(env, JS_NewInt32(env->ctx, value));
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_CreateUint32(JSVM_Env env, uint32_t value, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CreateUint32, env, value, result);
    CHECK_ARG(env, result);
    *result = jsvm_push(env, JS_NewUint32(env->ctx, value));
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_CreateInt64(JSVM_Env env, int64_t value, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CreateInt64, env, value, result);
    CHECK_ARG(env, result);
    *result = jsvm_push(env, JS_NewInt64(env->ctx, value));
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_CreateDouble(JSVM_Env env, double value, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CreateDouble, env, value, result);
    CHECK_ARG(env, result);
    *result = jsvm_push(env, JS_NewFloat64(env->ctx, value));
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetUndefined(JSVM_Env env, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetUndefined, env, result);
    CHECK_ARG(env, result);
    *result = (JSVM_Value)&env->k_undefined;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetNull(JSVM_Env env, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetNull, env, result);
    CHECK_ARG(env, result);
    *result = (JSVM_Value)&env->k_null;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetBoolean(JSVM_Env env, bool value, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetBoolean, env, value, result);
    CHECK_ARG(env, result);
    *result = (JSVM_Value)(value ? &env->k_true : &env->k_false);
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetGlobal(JSVM_Env env, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetGlobal, env, result);
    CHECK_ARG(env, result);
    *result = (JSVM_Value)&env->k_global;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetValueBool(JSVM_Env env, JSVM_Value value, bool *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    JSValue v = jsvm_v(value);
    if (!JS_IsBool(v))
        RETURN(env, JSVM_BOOLEAN_EXPECTED);
    *result = JS_VALUE_GET_BOOL(v);
    RETURN(env, JSVM_OK);
}

/* The double behind a number value; false for non-numbers. */
static inline int jsvm_number(JSValue v, double *d)
{
    int tag = JS_VALUE_GET_TAG(v);
    if (tag == JS_TAG_INT) {
        *d = JS_VALUE_GET_INT(v);
        return 1;
    }
    if (JS_TAG_IS_FLOAT64(tag)) {
        *d = JS_VALUE_GET_FLOAT64(v);
        return 1;
    }
    return 0;
}

JSVM_Status OH_JSVM_GetValueDouble(JSVM_Env env, JSVM_Value value, double *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    if (!jsvm_number(jsvm_v(value), result))
        RETURN(env, JSVM_NUMBER_EXPECTED);
    RETURN(env, JSVM_OK);
}

/* ECMAScript ToInt32: modulo 2^32, NaN and infinities to 0. */
static inline int32_t jsvm_to_int32(double d)
{
    if (!isfinite(d))
        return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0)
        m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

JSVM_Status OH_JSVM_GetValueInt32(JSVM_Env env, JSVM_Value value, int32_t *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    JSValue v = jsvm_v(value);
    double d;
    if (JS_VALUE_GET_TAG(v) == JS_TAG_INT)
        *result = JS_VALUE_GET_INT(v);
    else if (jsvm_number(v, &d))
        *result = jsvm_to_int32(d);
    else
        RETURN(env, JSVM_NUMBER_EXPECTED);
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetValueUint32(JSVM_Env env, JSVM_Value value, uint32_t *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    JSValue v = jsvm_v(value);
    double d;
    if (JS_VALUE_GET_TAG(v) == JS_TAG_INT)
        *result = (uint32_t)JS_VALUE_GET_INT(v);
    else if (jsvm_number(v, &d))
        *result = (uint32_t)jsvm_to_int32(d);
    else
        RETURN(env, JSVM_NUMBER_EXPECTED);
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetValueInt64(JSVM_Env env, JSVM_Value value, int64_t *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    double d;
    if (!jsvm_number(jsvm_v(value), &d))
        RETURN(env, JSVM_NUMBER_EXPECTED);
    /* Truncate toward zero; non-finite is 0; out of range saturates. */
    if (!isfinite(d))
        *result = 0;
    else if (d >= 9223372036854775808.0)
        *result = INT64_MAX;
    else if (d <= -9223372036854775808.0)
        *result = INT64_MIN;
    else
        *result = (int64_t)d;
    RETURN(env, JSVM_OK);
}

/* ---- callbacks ---- */

JSVM_Status OH_JSVM_GetCbInfo(JSVM_Env env, JSVM_CallbackInfo cbinfo, size_t *argc,
                              JSVM_Value *argv, JSVM_Value *thisArg, void **data)
{
    CHECK_ENV(env);
    CHECK_ARG(env, cbinfo && (argv == NULL || argc != NULL));
    struct JSVM_CallbackInfo__ *info = (struct JSVM_CallbackInfo__ *)cbinfo;
    if (argv) {
        size_t cap = *argc, have = (size_t)info->argc, i = 0;
        for (; i < cap && i < have; i++)
            argv[i] = (JSVM_Value)&info->argv[i];
        for (; i < cap; i++)
            argv[i] = (JSVM_Value)&env->k_undefined;
    }
    if (argc)
        *argc = (size_t)info->argc;
    if (thisArg)
        *thisArg = (JSVM_Value)&info->this_val;
    if (data)
        *data = info->data;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetNewTarget(JSVM_Env env, JSVM_CallbackInfo cbinfo, JSVM_Value *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, cbinfo && result);
    struct JSVM_CallbackInfo__ *info = (struct JSVM_CallbackInfo__ *)cbinfo;
    *result = info->is_construct ? (JSVM_Value)&info->new_target : NULL;
    RETURN(env, JSVM_OK);
}

/* ---- calls: the common way C code runs JS, so without a Go transition ---- */

JSVM_Status OH_JSVM_CallFunction(JSVM_Env env, JSVM_Value recv, JSVM_Value func, size_t argc,
                                 const JSVM_Value *argv, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(CallFunction, env, recv, func, argc, argv, result);
    if (!recv || !func || (argc > 0 && !argv))
        /* the pending-exception check comes first for JS-running functions */
        RETURN(env, JS_HasException(env->ctx) ? JSVM_PENDING_EXCEPTION : JSVM_INVALID_ARG);
    RETURN(env, jsvm_op_call(env, recv, func, argc, argv, result));
}

/* ---- errors ---- */

JSVM_Status OH_JSVM_IsExceptionPending(JSVM_Env env, bool *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, result);
    *result = JS_HasException(env->ctx);
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_IsError(JSVM_Env env, JSVM_Value value, bool *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    *result = JS_IsError(jsvm_v(value));
    RETURN(env, JSVM_OK);
}

/* Does not record a status itself: it reports the previous call's. */
JSVM_Status OH_JSVM_GetLastErrorInfo(JSVM_Env env, const JSVM_ExtendedErrorInfo **result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, result);
    *result = &env->last_error;
    return JSVM_OK;
}
