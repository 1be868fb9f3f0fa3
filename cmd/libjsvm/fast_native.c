/*
 * fast_native.c: the OH_JSVM_* functions of native state implemented in C:
 * the per-call lookups a native module makes on hot paths (Unwrap,
 * GetReferenceValue, GetValueExternal, GetInstanceData) and NewInstance.
 * See fast.c for why some functions are C.
 */
#include "ops.h"
#include "journal_gen.h"
#include "native.h"

#define CHECK_ENV(env)               \
    do {                             \
        if (!(env))                  \
            return JSVM_INVALID_ARG; \
    } while (0)
#define RETURN(env, st) return jsvm_set_status((env), (st))
/* Argument errors of JS-running functions: a pending exception wins. */
#define CHECK_ARG_JS(env, cond)                                                                     \
    do {                                                                                            \
        if (!(cond))                                                                                \
            RETURN((env), JS_HasException((env)->ctx) ? JSVM_PENDING_EXCEPTION : JSVM_INVALID_ARG); \
    } while (0)
#define CHECK_ARG(env, cond)                 \
    do {                                     \
        if (!(cond))                         \
            RETURN((env), JSVM_INVALID_ARG); \
    } while (0)

JSVM_Status OH_JSVM_Unwrap(JSVM_Env env, JSVM_Value jsObject, void **result)
{
    CHECK_ENV(env);
    CHECK_ARG_JS(env, jsObject && result);
    RETURN(env, jsvm_op_unwrap(env, jsObject, result, 0));
}

JSVM_Status OH_JSVM_GetReferenceValue(JSVM_Env env, JSVM_Ref ref, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetReferenceValue, env, ref, result);
    CHECK_ARG(env, ref && result);
    jsvm_ref *r = jsvm_ref_lookup(env, ref);
    if (!r || r->is_data)
        RETURN(env, JSVM_INVALID_ARG);
    /* a weak target that was collected reads as NULL (still JSVM_OK) */
    *result = r->alive ? jsvm_push(env, JS_DupValue(env->ctx, r->value)) : NULL;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetReferenceData(JSVM_Env env, JSVM_Ref ref, JSVM_Data *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetReferenceData, env, ref, result);
    CHECK_ARG(env, ref && result);
    jsvm_ref *r = jsvm_ref_lookup(env, ref);
    if (!r || !r->is_data)
        RETURN(env, JSVM_INVALID_ARG);
    *result = (JSVM_Data)jsvm_push(env, JS_DupValue(env->ctx, r->value));
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetValueExternal(JSVM_Env env, JSVM_Value value, void **result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    JSValue v = jsvm_v(value);
    if (!jsvm_is_external(v))
        RETURN(env, JSVM_INVALID_ARG);
    jsvm_native *n = JS_GetOpaque(v, jsvm_ext_class_id);
    *result = n ? n->external_data : NULL;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_SetInstanceData(JSVM_Env env, void *data, JSVM_Finalize finalizeCb, void *finalizeHint)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(SetInstanceData, env, data, finalizeCb, finalizeHint);
    /* Replacing the data does not finalize the old one (as specified). */
    env->instance_data = data;
    env->instance_cb = finalizeCb;
    env->instance_hint = finalizeHint;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_GetInstanceData(JSVM_Env env, void **data)
{
    CHECK_ENV(env);
    CHECK_ARG(env, data);
    *data = env->instance_data;
    RETURN(env, JSVM_OK);
}

JSVM_Status OH_JSVM_NewInstance(JSVM_Env env, JSVM_Value constructor, size_t argc,
                                const JSVM_Value *argv, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(NewInstance, env, constructor, argc, argv, result);
    CHECK_ARG_JS(env, constructor && result && (argc == 0 || argv));
    RETURN(env, jsvm_op_new_instance(env, constructor, argc, argv, result));
}
