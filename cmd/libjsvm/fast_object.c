/*
 * fast_object.c: the OH_JSVM_* object and type-check functions implemented
 * in C (see fast.c for why some functions are C).
 *
 * Embedders call these in loops: property get/set by name, key and index
 * (the benchmark target: 8 named sets + gets from C within 2x of plain
 * QuickJS, docs/bench.md), typeof and the Is* checks, StrictEquals. Through
 * Go each would pay a cgo transition, more than the work itself. The engine
 * side is pkg/engine/object.c.
 *
 * JS-running functions (env+JS in the spec) check for a pending exception
 * first, then their arguments; the type checks (env) work while one is
 * pending and never throw.
 */
#include "object.h"
#include "journal_gen.h"

#define CHECK_ENV(env)               \
    do {                             \
        if (!(env))                  \
            return JSVM_INVALID_ARG; \
    } while (0)
#define RETURN(env, st) return jsvm_set_status((env), (st))
#define CHECK_ARG(env, cond)                 \
    do {                                     \
        if (!(cond))                         \
            RETURN((env), JSVM_INVALID_ARG); \
    } while (0)
/* The pending-exception check of env+JS functions, before the arguments. */
#define CHECK_NO_PENDING(env)                          \
    do {                                               \
        if (JS_HasException((env)->ctx))               \
            RETURN((env), JSVM_PENDING_EXCEPTION);     \
    } while (0)

/* ---- properties ---- */

JSVM_Status OH_JSVM_SetNamedProperty(JSVM_Env env, JSVM_Value object, const char *utf8name, JSVM_Value value)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(SetNamedProperty, env, object, utf8name, value);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && utf8name && value);
    RETURN(env, jsvm_obj_set_named(env, jsvm_v(object), utf8name, jsvm_v(value)));
}

JSVM_Status OH_JSVM_GetNamedProperty(JSVM_Env env, JSVM_Value object, const char *utf8name, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetNamedProperty, env, object, utf8name, result);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && utf8name && result);
    RETURN(env, jsvm_obj_get_named(env, jsvm_v(object), utf8name, result));
}

JSVM_Status OH_JSVM_HasNamedProperty(JSVM_Env env, JSVM_Value object, const char *utf8name, bool *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(HasNamedProperty, env, object, utf8name, result);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && utf8name && result);
    RETURN(env, jsvm_obj_has_named(env, jsvm_v(object), utf8name, result));
}

JSVM_Status OH_JSVM_SetProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key, JSVM_Value value)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(SetProperty, env, object, key, value);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && key && value);
    RETURN(env, jsvm_obj_set(env, jsvm_v(object), jsvm_v(key), jsvm_v(value)));
}

JSVM_Status OH_JSVM_GetProperty(JSVM_Env env, JSVM_Value object, JSVM_Value key, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetProperty, env, object, key, result);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && key && result);
    RETURN(env, jsvm_obj_get(env, jsvm_v(object), jsvm_v(key), result));
}

JSVM_Status OH_JSVM_SetElement(JSVM_Env env, JSVM_Value object, uint32_t index, JSVM_Value value)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(SetElement, env, object, index, value);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && value);
    RETURN(env, jsvm_obj_set_index(env, jsvm_v(object), index, jsvm_v(value)));
}

JSVM_Status OH_JSVM_GetElement(JSVM_Env env, JSVM_Value object, uint32_t index, JSVM_Value *result)
{
    CHECK_ENV(env);
    JSVM_JOURNALED(GetElement, env, object, index, result);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, object && result);
    RETURN(env, jsvm_obj_get_index(env, jsvm_v(object), index, result));
}

/* ---- type checks ---- */

JSVM_Status OH_JSVM_Typeof(JSVM_Env env, JSVM_Value value, JSVM_ValueType *result)
{
    CHECK_ENV(env);
    CHECK_ARG(env, value && result);
    RETURN(env, jsvm_obj_typeof(env->ctx, jsvm_v(value), result));
}

/* StrictEquals is env+JS in the spec (it refuses while an exception is
 * pending) although === never runs JS. */
JSVM_Status OH_JSVM_StrictEquals(JSVM_Env env, JSVM_Value lhs, JSVM_Value rhs, bool *result)
{
    CHECK_ENV(env);
    CHECK_NO_PENDING(env);
    CHECK_ARG(env, lhs && rhs && result);
    *result = JS_IsStrictEqual(env->ctx, jsvm_v(lhs), jsvm_v(rhs));
    RETURN(env, JSVM_OK);
}

/* The Is* predicates: (env, value, bool *result), JSVM_INVALID_ARG for a
 * NULL value or result, never throw. */
#define IS_FUNCTION(name, expr)                                          \
    JSVM_Status OH_JSVM_##name(JSVM_Env env, JSVM_Value value, bool *result) \
    {                                                                    \
        CHECK_ENV(env);                                                  \
        CHECK_ARG(env, value && result);                                 \
        JSValue v = jsvm_v(value);                                       \
        JSContext *ctx = env->ctx;                                       \
        (void)ctx;                                                       \
        *result = (expr);                                                \
        RETURN(env, JSVM_OK);                                            \
    }

/* JS_IsArray is true for Array instances only, not for proxies of arrays:
 * V8's Value::IsArray, which the reference implementation uses, agrees. */
IS_FUNCTION(IsArray, JS_IsArray(v))
IS_FUNCTION(IsUndefined, JS_IsUndefined(v))
IS_FUNCTION(IsNull, JS_IsNull(v))
IS_FUNCTION(IsNullOrUndefined, JS_IsNull(v) || JS_IsUndefined(v))
IS_FUNCTION(IsBoolean, JS_IsBool(v))
IS_FUNCTION(IsNumber, JS_IsNumber(v))
IS_FUNCTION(IsString, JS_IsString(v))
IS_FUNCTION(IsSymbol, JS_IsSymbol(v))
IS_FUNCTION(IsBigInt, JS_IsBigInt(v))
IS_FUNCTION(IsObject, JS_IsObject(v))
/* Callable objects, proxies of functions included (V8: IsFunction is
 * IsCallable). */
IS_FUNCTION(IsFunction, JS_IsFunction(ctx, v))
IS_FUNCTION(IsCallable, JS_IsFunction(ctx, v))
/* The object's [[Construct]] bit: functions, classes, bound functions of
 * constructors, proxies of constructors; not arrows, methods, async or
 * generator functions. */
IS_FUNCTION(IsConstructor, JS_IsConstructor(ctx, v))
IS_FUNCTION(IsNumberObject, jsvm_is_boxed(ctx, v, JSVM_BOX_NUMBER))
IS_FUNCTION(IsStringObject, jsvm_is_boxed(ctx, v, JSVM_BOX_STRING))
IS_FUNCTION(IsBooleanObject, jsvm_is_boxed(ctx, v, JSVM_BOX_BOOLEAN))
IS_FUNCTION(IsSymbolObject, jsvm_is_boxed(ctx, v, JSVM_BOX_SYMBOL))
IS_FUNCTION(IsBigIntObject, jsvm_is_boxed(ctx, v, JSVM_BOX_BIGINT))
