/*
 * snapshot.c: engine steps of startup snapshots (snapshot.h).
 */
#include <stdlib.h>

#include "snapshot.h"
#include "values.h"

/* A new reference to the ArrayBuffer behind v, or JS_UNDEFINED. Reads no
 * user code: the DataView getter is the captured intrinsic. */
static JSValue jsvm_snap_buffer_of(JSVM_Env env, JSValueConst v)
{
    JSContext *ctx = env->ctx;
    if (JS_IsArrayBuffer(v))
        return JS_DupValue(ctx, v);
    JSValue parked = jsvm_park(ctx), ab = JS_UNDEFINED;
    if (JS_GetTypedArrayType(v) >= 0) {
        size_t off, len, bpe;
        ab = JS_GetTypedArrayBuffer(ctx, v, &off, &len, &bpe);
    } else if (JS_IsDataView(v)) {
        ab = jsvm_call_builtin(env, JSVM_I_DV_BUFFER, v, 0, NULL);
    }
    if (JS_IsException(ab) || !JS_IsArrayBuffer(ab)) {
        JS_FreeValue(ctx, ab);
        ab = JS_UNDEFINED;
    }
    jsvm_unpark(ctx, parked);
    return ab;
}

int jsvm_snap_hold(JSVM_Env env, JSVM_Value v)
{
    JSValue ab = jsvm_snap_buffer_of(env, jsvm_v(v));
    if (JS_IsUndefined(ab))
        return -1;
    if (env->jr_nheld == env->jr_capheld) {
        uint32_t cap = env->jr_capheld ? env->jr_capheld * 2 : 8;
        JSValue *h = realloc(env->jr_held, cap * sizeof(*h));
        if (!h) {
            JS_FreeValue(env->ctx, ab);
            return -1;
        }
        env->jr_held = h;
        env->jr_capheld = cap;
    }
    env->jr_held[env->jr_nheld] = ab;
    return (int)env->jr_nheld++;
}

int jsvm_snap_held_bytes(JSVM_Env env, uint32_t i, void **data, size_t *len)
{
    if (i >= env->jr_nheld)
        return -1;
    size_t n = 0;
    uint8_t *p = JS_GetArrayBuffer(env->ctx, &n, env->jr_held[i]);
    if (!p) { /* detached: QuickJS reports it with an exception */
        if (JS_HasException(env->ctx))
            JS_FreeValue(env->ctx, JS_GetException(env->ctx));
        return -1;
    }
    *data = p;
    *len = n;
    return 0;
}

void jsvm_snap_held_write(JSVM_Env env, uint32_t i, const void *data, size_t len)
{
    JSValue parked = jsvm_park(env->ctx);
    void *p = NULL;
    size_t n = 0;
    if (jsvm_snap_held_bytes(env, i, &p, &n) == 0 && n == len)
        memcpy(p, data, len);
    jsvm_unpark(env->ctx, parked);
}

void jsvm_snap_release_held(JSVM_Env env)
{
    for (uint32_t i = 0; i < env->jr_nheld; i++)
        JS_FreeValue(env->ctx, env->jr_held[i]);
    free(env->jr_held);
    env->jr_held = NULL;
    env->jr_nheld = env->jr_capheld = 0;
}

void jsvm_snap_restore_done(JSVM_Env env)
{
    while (env->nscopes > 0) {
        jsvm_scope *s = &env->scopes[env->nscopes - 1];
        if (jsvm_scope_close(env, env->nscopes, s->escapable) != JSVM_OK)
            break;
    }
    if (JS_HasException(env->ctx))
        JS_FreeValue(env->ctx, JS_GetException(env->ctx));
}
