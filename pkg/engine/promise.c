/*
 * promise.c: promises and deferreds (promise.h).
 *
 * A deferred's resolving functions live in a slot of the env's table
 * (values.h). The handle given to the caller is (generation << 32) |
 * (slot + 1); generations come from one process-wide counter, so a handle
 * names exactly one deferred: once it is used the slot's generation is
 * cleared, and a second ResolveDeferred/RejectDeferred with it (or a handle
 * from another env) is JSVM_INVALID_ARG, never a use of freed memory.
 * Generations wrap after 2^32 deferreds; a stale handle could then alias a
 * newer one (docs/deviations.md).
 */
#include <stdlib.h>

#include "promise.h"

_Static_assert(sizeof(uintptr_t) >= 8, "a JSVM_Deferred carries a 32-bit generation and a 32-bit slot");

#define JS_PREAMBLE(env)                   \
    do {                                   \
        if (JS_HasException((env)->ctx))   \
            return JSVM_PENDING_EXCEPTION; \
    } while (0)

static uint32_t jsvm_next_gen(void)
{
    static uint32_t counter;
    uint32_t g;
    do
        g = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    while (g == 0);
    return g;
}

/* A free slot index, or UINT32_MAX when out of memory. */
static uint32_t jsvm_slot_alloc(struct jsvm_vals *s)
{
    if (s->free_deferred) {
        uint32_t i = s->free_deferred - 1;
        s->free_deferred = s->deferreds[i].next_free;
        return i;
    }
    if (s->ndeferreds == s->cap_deferreds) {
        if (s->cap_deferreds >= UINT32_MAX / 2)
            return UINT32_MAX;
        uint32_t cap = s->cap_deferreds ? s->cap_deferreds * 2 : 16;
        jsvm_deferred_slot *d = realloc(s->deferreds, cap * sizeof(*d));
        if (!d)
            return UINT32_MAX;
        s->deferreds = d;
        s->cap_deferreds = cap;
    }
    return s->ndeferreds++;
}

static void jsvm_slot_free(struct jsvm_vals *s, uint32_t i)
{
    s->deferreds[i].gen = 0;
    s->deferreds[i].next_free = s->free_deferred;
    s->free_deferred = i + 1;
    s->live_deferreds--;
}

JSVM_Status jsvm_op_create_promise(JSVM_Env env, JSVM_Deferred *deferred, JSVM_Value *promise)
{
    JSContext *ctx = env->ctx;
    struct jsvm_vals *s = env->vals;
    JS_PREAMBLE(env);
    JSValue funcs[2];
    JSValue p = JS_NewPromiseCapability(ctx, funcs);
    if (JS_IsException(p))
        return JSVM_PENDING_EXCEPTION;
    uint32_t i = jsvm_slot_alloc(s);
    if (i == UINT32_MAX) {
        JS_FreeValue(ctx, p);
        JS_FreeValue(ctx, funcs[0]);
        JS_FreeValue(ctx, funcs[1]);
        return JSVM_GENERIC_FAILURE;
    }
    jsvm_deferred_slot *d = &s->deferreds[i];
    d->gen = jsvm_next_gen();
    d->next_free = 0;
    d->resolve = funcs[0];
    d->reject = funcs[1];
    s->live_deferreds++;
    *deferred = (JSVM_Deferred)(uintptr_t)(((uint64_t)d->gen << 32) | (uint64_t)(i + 1));
    *promise = jsvm_push(env, p);
    return JSVM_OK;
}

JSVM_Status jsvm_op_settle_deferred(JSVM_Env env, JSVM_Deferred deferred, JSVM_Value value,
                                    int reject)
{
    JSContext *ctx = env->ctx;
    struct jsvm_vals *s = env->vals;
    JS_PREAMBLE(env);
    uint64_t h = (uint64_t)(uintptr_t)deferred;
    uint32_t gen = (uint32_t)(h >> 32), i = (uint32_t)h - 1;
    if (gen == 0 || (uint32_t)h == 0 || i >= s->ndeferreds || s->deferreds[i].gen != gen)
        return JSVM_INVALID_ARG; /* used already, or not a deferred of this env */
    /* Take the functions out first: the call may create deferreds (and
     * move the table). The deferred is used up even if the call throws. */
    JSValue res = s->deferreds[i].resolve, rej = s->deferreds[i].reject;
    jsvm_slot_free(s, i);
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
    for (uint32_t i = 0; i < s->ndeferreds; i++) {
        jsvm_deferred_slot *d = &s->deferreds[i];
        if (d->gen) {
            JS_FreeValue(env->ctx, d->resolve);
            JS_FreeValue(env->ctx, d->reject);
            d->gen = 0;
        }
    }
    s->ndeferreds = 0;
    s->free_deferred = 0;
    s->live_deferreds = 0;
}
