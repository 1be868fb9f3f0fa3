/*
 * promise.c: promises and deferreds (promise.h).
 *
 * A deferred's resolving functions live in the env's deferred table, an id
 * table (core.h): the handle is an id, so once a deferred is used its id is
 * gone, and a second ResolveDeferred/RejectDeferred with it (or a handle from
 * another env) is JSVM_INVALID_ARG, never a use of freed memory.
 * Generations wrap after 2^32 ids; a stale handle could then alias a newer
 * one (docs/deviations.md).
 */
#include <stdlib.h>

#include "promise.h"

#define JS_PREAMBLE(env)                   \
    do {                                   \
        if (JS_HasException((env)->ctx))   \
            return JSVM_PENDING_EXCEPTION; \
    } while (0)

JSVM_Status jsvm_op_create_promise(JSVM_Env env, JSVM_Deferred *deferred, JSVM_Value *promise)
{
    JSContext *ctx = env->ctx;
    struct jsvm_vals *s = env->vals;
    JS_PREAMBLE(env);
    JSValue funcs[2];
    JSValue p = JS_NewPromiseCapability(ctx, funcs);
    if (JS_IsException(p))
        return JSVM_PENDING_EXCEPTION;
    uintptr_t id;
    jsvm_deferred *d = jsvm_idtab_add(&s->deferreds, &id);
    if (!d) {
        JS_FreeValue(ctx, p);
        JS_FreeValue(ctx, funcs[0]);
        JS_FreeValue(ctx, funcs[1]);
        return JSVM_GENERIC_FAILURE;
    }
    d->resolve = funcs[0];
    d->reject = funcs[1];
    *deferred = (JSVM_Deferred)id;
    *promise = jsvm_push(env, p);
    return JSVM_OK;
}

JSVM_Status jsvm_op_settle_deferred(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value value,
                                    int reject)
{
    JSContext *ctx = env->ctx;
    struct jsvm_vals *s = env->vals;
    JS_PREAMBLE(env);
    jsvm_deferred *d = jsvm_idtab_get(&s->deferreds, (uintptr_t)deferred);
    if (!d)
        return JSVM_INVALID_ARG; /* used already, or not a deferred of this env */
    /* Take the functions out first: the call may create deferreds (and
     * move the table). The deferred is used up even if the call throws. */
    JSValue res = d->resolve, rej = d->reject;
    jsvm_idtab_remove(&s->deferreds, (uintptr_t)deferred);
    JSValue arg = jsvm_v(value);
    jsvm_enter(env);
    /* resolving with a thenable reads its `then`: user code may run */
    JSValue r = JS_Call(ctx, reject ? rej : res, JS_UNDEFINED, 1, &arg);
    JS_FreeValue(ctx, res);
    JS_FreeValue(ctx, rej);
    if (JS_IsException(r)) {
        jsvm_leave(env);
        return JSVM_PENDING_EXCEPTION;
    }
    JS_FreeValue(ctx, r);
    jsvm_leave(env);
    return JSVM_OK;
}

JSVM_Status jsvm_op_promise_then(JSVM_Env env, JSVM_Value promise, JSVM_Value on_ok,
                                 JSVM_Value on_err, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue p = jsvm_v(promise);
    if (!JS_IsPromise(p))
        return JSVM_INVALID_TYPE;
    JSValue args[2] = {on_ok ? jsvm_v(on_ok) : JS_UNDEFINED, on_err ? jsvm_v(on_err) : JS_UNDEFINED};
    if ((on_ok && !JS_IsFunction(ctx, args[0])) || (on_err && !JS_IsFunction(ctx, args[1])))
        return JSVM_INVALID_TYPE;
    /* The captured Promise.prototype.then (catch-only is then(undefined,
     * f)): a script replacing `then` does not change what this does. */
    jsvm_enter(env);
    JSValue r = JS_Call(ctx, env->vals->intrinsic[JSVM_I_PROMISE_THEN], p, 2, args);
    if (JS_IsException(r)) {
        jsvm_leave(env);
        return JSVM_PENDING_EXCEPTION;
    }
    if (out)
        *out = jsvm_push(env, r);
    else
        JS_FreeValue(ctx, r);
    jsvm_leave(env);
    return JSVM_OK;
}

void jsvm_promise_release_all(JSVM_Env env)
{
    struct jsvm_vals *s = env->vals;
    for (uint32_t i = 0; i < s->deferreds.n; i++) {
        jsvm_deferred *d = jsvm_idtab_at(&s->deferreds, i);
        if (d) {
            JS_FreeValue(env->ctx, d->resolve);
            JS_FreeValue(env->ctx, d->reject);
            jsvm_idtab_remove_at(&s->deferreds, i);
        }
    }
}
