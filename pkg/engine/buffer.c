/*
 * buffer.c: ArrayBuffer, backing stores, TypedArray and DataView (buffer.h).
 *
 * Every pointer handed out aliases the engine's bytes: QuickJS keeps an
 * ArrayBuffer's data at a fixed address for its whole life (it is only
 * replaced by detaching), so no copy is made anywhere on these paths.
 *
 * Memory the library does not own (CreateArrayBufferFromBackingStoreData,
 * CreateArrayBufferFromExternalMemory) gets a record (jsvm_extbuf) as the
 * engine's free-callback opaque. It serves two purposes:
 *  - the external-memory finalizer is queued on the env (never called inside
 *    a QuickJS GC step), exactly once, whether the buffer is detached first
 *    or not (the engine calls the free callback at detach and again, with
 *    NULL, at finalization);
 *  - ArrayBuffer.prototype.transfer() would hand caller memory to the
 *    engine's realloc. The env's transfer/transferToImmutable are replaced
 *    by a guard that copies such buffers into engine memory and detaches
 *    the original, and defers to the engine for all others.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "buffer.h"

#define JS_PREAMBLE(env)                   \
    do {                                   \
        if (JS_HasException((env)->ctx))   \
            return JSVM_PENDING_EXCEPTION; \
    } while (0)

/* ------------------------------------------------------------------ */
/* external memory records                                             */

struct jsvm_extbuf {
    JSVM_Env env;                 /* NULL once the env is gone */
    jsvm_extbuf *prev, *next;     /* in env->vals->extbufs while env is set */
    void *obj;                    /* the ArrayBuffer object (lookup key) */
    void *data;                   /* what the finalizer receives */
    JSVM_FinalizeArrayBuffer fin; /* NULL: the caller keeps ownership */
    void *hint;
    uint8_t fired;                /* the finalizer was queued or called */
    uint8_t detaching;            /* we are detaching: finalization follows */
};

/* A queued external-memory finalizer (the queue holds JSVM_Finalize). */
typedef struct {
    JSVM_FinalizeArrayBuffer fin;
    void *data, *hint;
} jsvm_extbuf_call;

static void jsvm_extbuf_run(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    jsvm_extbuf_call *c = data;
    /* the API's contract: no env, must not call JSVM functions */
    c->fin(NULL, c->data, c->hint, false);
    free(c);
}

static void jsvm_extbuf_fire(jsvm_extbuf *r)
{
    if (!r->fin || r->fired)
        return;
    r->fired = 1;
    if (r->env) {
        jsvm_extbuf_call *c = malloc(sizeof(*c));
        if (c) {
            c->fin = r->fin;
            c->data = r->data;
            c->hint = r->hint;
            jsvm_fin_enqueue(r->env, jsvm_extbuf_run, c, NULL);
            return;
        }
    }
    /* No env left (the buffer outlived it) or no memory to queue: call it
     * here, which the contract (NULL env, no JSVM calls) allows. */
    r->fin(NULL, r->data, r->hint, false);
}

static void jsvm_extbuf_unlink(jsvm_extbuf *r)
{
    if (!r->env)
        return;
    if (r->prev)
        r->prev->next = r->next;
    else
        r->env->vals->extbufs = r->next;
    if (r->next)
        r->next->prev = r->prev;
    r->prev = r->next = NULL;
}

/* The engine's free callback for buffers over caller memory. */
static void jsvm_extbuf_free(JSRuntime *rt, void *opaque, void *ptr)
{
    (void)rt;
    (void)ptr;
    jsvm_extbuf *r = opaque;
    jsvm_extbuf_fire(r);
    if (r->detaching)
        return; /* the ArrayBuffer lives on, detached; its finalization calls again */
    jsvm_extbuf_unlink(r);
    free(r);
}

static jsvm_extbuf *jsvm_extbuf_find(JSVM_Env env, void *obj)
{
    for (jsvm_extbuf *r = env->vals->extbufs; r; r = r->next)
        if (r->obj == obj)
            return r;
    return NULL;
}

void jsvm_buffer_orphan_all(JSVM_Env env)
{
    jsvm_extbuf *r = env->vals->extbufs, *n;
    for (; r; r = n) {
        n = r->next;
        r->prev = r->next = NULL;
        r->env = NULL;
    }
    env->vals->extbufs = NULL;
}

/* Wraps caller memory without copying. The record is owned by the buffer. */
static JSVM_Status jsvm_wrap_external(JSVM_Env env, void *data, size_t len,
                                      JSVM_FinalizeArrayBuffer fin, void *hint, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    jsvm_extbuf *r = calloc(1, sizeof(*r));
    if (!r) {
        JS_ThrowOutOfMemory(ctx);
        return JSVM_PENDING_EXCEPTION;
    }
    r->env = env;
    r->data = data;
    r->fin = fin;
    r->hint = hint;
    JSValue ab = JS_NewArrayBuffer(ctx, data, len, jsvm_extbuf_free, r, false);
    if (JS_IsException(ab)) {
        free(r); /* the engine did not take it */
        return JSVM_PENDING_EXCEPTION;
    }
    r->obj = JS_VALUE_GET_PTR(ab);
    r->next = env->vals->extbufs;
    if (r->next)
        r->next->prev = r;
    env->vals->extbufs = r;
    *out = jsvm_push(env, ab);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* engine-owned buffers                                                */

/* Free callback of buffers allocated here with js_mallocz: engine memory,
 * so the engine's own transfer() may realloc it. Called with NULL at the
 * finalization of a buffer that was detached. */
static void jsvm_engine_free(JSRuntime *rt, void *opaque, void *ptr)
{
    (void)opaque;
    if (ptr)
        js_free_rt(rt, ptr);
}

/* A zero-filled engine ArrayBuffer of len bytes, and its data. */
static JSValue jsvm_new_engine_buffer(JSContext *ctx, size_t len, uint8_t **data)
{
    if (len > JSVM_AB_MAX_LENGTH)
        return JS_ThrowRangeError(ctx, "Array buffer allocation failed");
    uint8_t *buf = js_mallocz(ctx, len ? len : 1);
    if (!buf)
        return JS_EXCEPTION;
    JSValue ab = JS_NewArrayBuffer(ctx, buf, len, jsvm_engine_free, NULL, false);
    if (JS_IsException(ab)) {
        js_free(ctx, buf);
        return ab;
    }
    *data = buf;
    return ab;
}

JSVM_Status jsvm_op_create_arraybuffer(JSVM_Env env, size_t len, void **data, JSVM_Value *out)
{
    JS_PREAMBLE(env);
    uint8_t *buf = NULL;
    JSValue ab = jsvm_new_engine_buffer(env->ctx, len, &buf);
    if (JS_IsException(ab))
        return JSVM_PENDING_EXCEPTION; /* RangeError or out of memory */
    if (data)
        *data = buf;
    *out = jsvm_push(env, ab);
    return JSVM_OK;
}

/* Data and length of an ArrayBuffer or SharedArrayBuffer; NULL and 0 when
 * detached. Does not disturb a pending exception. */
static uint8_t *jsvm_ab_data(JSContext *ctx, JSValueConst ab, size_t *len)
{
    JSValue parked = jsvm_park(ctx);
    uint8_t *p = JS_GetArrayBuffer(ctx, len, ab);
    jsvm_unpark(ctx, parked);
    if (!p)
        *len = 0;
    return p;
}

JSVM_Status jsvm_op_arraybuffer_info(JSVM_Env env, JSVM_Value value, void **data, size_t *len)
{
    JSValue v = jsvm_v(value);
    if (!JS_IsArrayBuffer(v))
        return JSVM_INVALID_ARG;
    size_t n;
    uint8_t *p = jsvm_ab_data(env->ctx, v, &n);
    if (data)
        *data = p;
    if (len)
        *len = n;
    return JSVM_OK;
}

JSVM_Status jsvm_op_detach_arraybuffer(JSVM_Env env, JSVM_Value value)
{
    JSValue v = jsvm_v(value);
    if (!JS_IsArrayBuffer(v))
        return JSVM_ARRAYBUFFER_EXPECTED;
    if (JS_IsImmutableArrayBuffer(v) == 1)
        return JSVM_DETACHABLE_ARRAYBUFFER_EXPECTED;
    jsvm_extbuf *r = jsvm_extbuf_find(env, JS_VALUE_GET_PTR(v));
    if (r)
        r->detaching = 1;
    JS_DetachArrayBuffer(env->ctx, v); /* no-op when already detached */
    if (r)
        r->detaching = 0;
    /* An external buffer's finalizer was queued: this is a safe point. */
    if (env->nfins)
        jsvm_fin_drain(env);
    return JSVM_OK;
}

JSVM_Status jsvm_op_alloc_backing_store(size_t len, int initialized, void **data)
{
    size_t n = len ? len : 1; /* a distinct pointer even for 0 bytes */
    void *p = initialized == JSVM_ZERO_INITIALIZED ? calloc(1, n) : malloc(n);
    if (!p)
        return JSVM_GENERIC_FAILURE;
    *data = p;
    return JSVM_OK;
}

void jsvm_op_free_backing_store(void *data)
{
    free(data);
}

JSVM_Status jsvm_op_arraybuffer_from_backing_store(JSVM_Env env, void *data, size_t size,
                                                   size_t offset, size_t len, JSVM_Value *out)
{
    JS_PREAMBLE(env);
    if (len == 0 || size == 0 || offset > size || len > size - offset || len > JSVM_AB_MAX_LENGTH)
        return JSVM_INVALID_ARG;
    return jsvm_wrap_external(env, (uint8_t *)data + offset, len, NULL, NULL, out);
}

JSVM_Status jsvm_op_arraybuffer_from_external(JSVM_Env env, void *data, size_t len,
                                              JSVM_FinalizeArrayBuffer fin, void *hint,
                                              bool *copied, JSVM_Value *out)
{
    JS_PREAMBLE(env);
    if (len > JSVM_AB_MAX_LENGTH || ((uintptr_t)data & 7) != 0 || (!data && len) || (fin && len == 0))
        return JSVM_INVALID_ARG;
    JSVM_Status st;
    if (!data) {
        /* nothing to alias: an empty engine buffer */
        uint8_t *buf;
        JSValue ab = jsvm_new_engine_buffer(env->ctx, 0, &buf);
        if (JS_IsException(ab))
            return JSVM_PENDING_EXCEPTION;
        *out = jsvm_push(env, ab);
        st = JSVM_OK;
    } else {
        st = jsvm_wrap_external(env, data, len, fin, hint, out);
    }
    if (st == JSVM_OK && copied)
        *copied = false; /* always zero-copy */
    return st;
}

/* ------------------------------------------------------------------ */
/* the transfer() guard                                                */

static JSValue jsvm_ab_transfer_guard(JSContext *ctx, JSValueConst this_val, int argc,
                                      JSValueConst *argv, int magic)
{
    JSVM_Env env = JS_GetContextOpaque(ctx);
    jsvm_extbuf *r = NULL;
    if (JS_IsArrayBuffer(this_val))
        r = jsvm_extbuf_find(env, JS_VALUE_GET_PTR(this_val));
    if (!r)
        return JS_Call(ctx, env->vals->intrinsic[magic ? JSVM_I_AB_TRANSFER_IMM : JSVM_I_AB_TRANSFER],
                       this_val, argc, argv);

    /* Caller memory: copy into a new engine buffer, detach the original
     * (which releases the caller's memory through its finalizer). */
    uint64_t want = 0;
    int same = argc < 1 || JS_IsUndefined(argv[0]);
    if (!same && JS_ToIndex(ctx, &want, argv[0]))
        return JS_EXCEPTION;
    size_t len;
    uint8_t *src = JS_GetArrayBuffer(ctx, &len, this_val);
    if (!src)
        return JS_EXCEPTION; /* detached: TypeError */
    if (same)
        want = len;
    uint8_t *dst;
    JSValue nb = jsvm_new_engine_buffer(ctx, (size_t)want, &dst);
    if (JS_IsException(nb))
        return nb;
    memcpy(dst, src, len < want ? len : (size_t)want);
    r->detaching = 1;
    JS_DetachArrayBuffer(ctx, this_val);
    r->detaching = 0;
    if (magic)
        JS_SetImmutableArrayBuffer(nb, true);
    return nb;
}

int jsvm_buffer_install_guard(JSVM_Env env)
{
    JSContext *ctx = env->ctx;
    JSValue ab = JS_GetPropertyStr(ctx, env->k_global, "ArrayBuffer");
    JSValue abp = JS_IsObject(ab) ? JS_GetPropertyStr(ctx, ab, "prototype") : JS_EXCEPTION;
    JS_FreeValue(ctx, ab);
    if (!JS_IsObject(abp))
        return -1;
    static const char *const names[2] = {"transfer", "transferToImmutable"};
    int rc = 0;
    for (int i = 0; i < 2 && rc == 0; i++) {
        JSValue f = JS_NewCFunctionMagic(ctx, jsvm_ab_transfer_guard, names[i], 0,
                                         JS_CFUNC_generic_magic, i);
        /* same attributes as the builtin methods */
        if (JS_IsException(f) ||
            JS_DefinePropertyValueStr(ctx, abp, names[i], f, JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE) < 0)
            rc = -1;
    }
    JS_FreeValue(ctx, abp);
    return rc;
}

/* ------------------------------------------------------------------ */
/* typed arrays and data views                                         */

/* Indexed by JSVM_TypedarrayType (keep in sync with jsvm_types.h;
 * test_buffer.c checks every type). */
static const struct {
    JSTypedArrayEnum qjs;
    uint8_t size;
    const char *name;
} jsvm_ta[] = {
    {JS_TYPED_ARRAY_INT8, 1, "Int8Array"},
    {JS_TYPED_ARRAY_UINT8, 1, "Uint8Array"},
    {JS_TYPED_ARRAY_UINT8C, 1, "Uint8ClampedArray"},
    {JS_TYPED_ARRAY_INT16, 2, "Int16Array"},
    {JS_TYPED_ARRAY_UINT16, 2, "Uint16Array"},
    {JS_TYPED_ARRAY_INT32, 4, "Int32Array"},
    {JS_TYPED_ARRAY_UINT32, 4, "Uint32Array"},
    {JS_TYPED_ARRAY_FLOAT32, 4, "Float32Array"},
    {JS_TYPED_ARRAY_FLOAT64, 8, "Float64Array"},
    {JS_TYPED_ARRAY_BIG_INT64, 8, "BigInt64Array"},
    {JS_TYPED_ARRAY_BIG_UINT64, 8, "BigUint64Array"},
};
#define JSVM_TA_TYPES ((int)(sizeof jsvm_ta / sizeof jsvm_ta[0]))

/* Throws a RangeError with a `code`, as the reference implementation does. */
static void jsvm_throw_range(JSContext *ctx, const char *code, const char *msg)
{
    JSValue e = JS_NewRangeError(ctx, "%s", msg);
    if (JS_IsException(e))
        return; /* out of memory is pending instead */
    JS_DefinePropertyValueStr(ctx, e, "code", JS_NewString(ctx, code),
                              JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE | JS_PROP_ENUMERABLE);
    JS_Throw(ctx, e);
}

JSVM_Status jsvm_op_create_typedarray(JSVM_Env env, int type, size_t len, JSVM_Value abv,
                                      size_t offset, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue ab = jsvm_v(abv);
    if (type < 0 || type >= JSVM_TA_TYPES || !JS_IsArrayBuffer(ab))
        return JSVM_INVALID_ARG;
    size_t size = jsvm_ta[type].size;
    if (offset % size != 0) {
        char msg[96];
        snprintf(msg, sizeof msg, "start offset of %s should be a multiple of %zu", jsvm_ta[type].name, size);
        jsvm_throw_range(ctx, "ERR_JSVM_INVALID_TYPEDARRAY_ALIGNMENT", msg);
        return JSVM_GENERIC_FAILURE;
    }
    size_t blen;
    jsvm_ab_data(ctx, ab, &blen);
    if (offset > blen || len > (blen - offset) / size) {
        jsvm_throw_range(ctx, "ERR_JSVM_INVALID_TYPEDARRAY_LENGTH", "Invalid typed array length");
        return JSVM_GENERIC_FAILURE;
    }
    JSValue args[3] = {ab, JS_NewInt64(ctx, (int64_t)offset), JS_NewInt64(ctx, (int64_t)len)};
    jsvm_vm_enter(env->vm);
    JSValue r = JS_NewTypedArray(ctx, 3, args, jsvm_ta[type].qjs);
    env->vm->depth--;
    if (JS_IsException(r))
        return JSVM_PENDING_EXCEPTION; /* e.g. TypeError for a detached buffer */
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

/* A size_t from a getter's result; 0 when it threw (detached, out of
 * bounds), with the exception dropped. */
static size_t jsvm_size_of(JSContext *ctx, JSValue v)
{
    double d = 0;
    if (JS_IsException(v)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return 0;
    }
    JS_ToFloat64(ctx, &d, v);
    JS_FreeValue(ctx, v);
    return d > 0 ? (size_t)d : 0;
}

JSVM_Status jsvm_op_typedarray_info(JSVM_Env env, JSVM_Value value, JSVM_TypedarrayType *type,
                                    size_t *len, void **data, JSVM_Value *abv, size_t *offset)
{
    JSContext *ctx = env->ctx;
    JSValue v = jsvm_v(value);
    int qt = JS_GetTypedArrayType(v);
    if (qt < 0)
        return JSVM_INVALID_ARG;
    int t = -1;
    for (int i = 0; i < JSVM_TA_TYPES; i++)
        if ((int)jsvm_ta[i].qjs == qt)
            t = i;
    if (t < 0)
        return JSVM_INVALID_ARG; /* Float16Array: no JSVM_TypedarrayType for it */
    /* The engine's own getters: exact for length-tracking views, and 0
     * for detached or out-of-bounds ones (they do not throw for these). */
    JSValue parked = jsvm_park(ctx);
    size_t n = jsvm_size_of(ctx, jsvm_call_builtin(env, JSVM_I_TA_LENGTH, v, 0, NULL));
    size_t off = jsvm_size_of(ctx, jsvm_call_builtin(env, JSVM_I_TA_OFFSET, v, 0, NULL));
    JSValue ab = jsvm_call_builtin(env, JSVM_I_TA_BUFFER, v, 0, NULL);
    if (JS_IsException(ab)) {
        jsvm_unpark(ctx, parked);
        return JSVM_GENERIC_FAILURE;
    }
    size_t blen;
    uint8_t *p = jsvm_ab_data(ctx, ab, &blen);
    jsvm_unpark(ctx, parked);
    if (type)
        *type = (JSVM_TypedarrayType)t;
    if (len)
        *len = n;
    if (data)
        *data = p ? p + off : NULL;
    if (offset)
        *offset = off;
    if (abv)
        *abv = jsvm_push(env, ab);
    else
        JS_FreeValue(ctx, ab);
    return JSVM_OK;
}

JSVM_Status jsvm_op_create_dataview(JSVM_Env env, size_t len, JSVM_Value abv, size_t offset,
                                    JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue ab = jsvm_v(abv);
    if (!JS_IsArrayBuffer(ab))
        return JSVM_INVALID_ARG;
    size_t blen;
    jsvm_ab_data(ctx, ab, &blen);
    if (offset > blen || len > blen - offset) {
        jsvm_throw_range(ctx, "ERR_JSVM_INVALID_DATAVIEW_ARGS",
                         "byteOffset + byteLength should be less than or equal to the size in bytes "
                         "of the array passed in");
        return JSVM_PENDING_EXCEPTION;
    }
    JSValue args[3] = {ab, JS_NewInt64(ctx, (int64_t)offset), JS_NewInt64(ctx, (int64_t)len)};
    jsvm_vm_enter(env->vm);
    JSValue r = JS_CallConstructor(ctx, env->vals->intrinsic[JSVM_I_DATAVIEW], 3, args);
    env->vm->depth--;
    if (JS_IsException(r))
        return JSVM_PENDING_EXCEPTION;
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

JSVM_Status jsvm_op_dataview_info(JSVM_Env env, JSVM_Value value, size_t *len, void **data,
                                  JSVM_Value *abv, size_t *offset)
{
    JSContext *ctx = env->ctx;
    JSValue v = jsvm_v(value);
    if (!JS_IsDataView(v))
        return JSVM_INVALID_ARG;
    /* byteLength and byteOffset throw once the buffer is detached: then
     * both are 0, as V8 reports them. */
    JSValue parked = jsvm_park(ctx);
    size_t n = jsvm_size_of(ctx, jsvm_call_builtin(env, JSVM_I_DV_LENGTH, v, 0, NULL));
    size_t off = jsvm_size_of(ctx, jsvm_call_builtin(env, JSVM_I_DV_OFFSET, v, 0, NULL));
    JSValue ab = jsvm_call_builtin(env, JSVM_I_DV_BUFFER, v, 0, NULL);
    if (JS_IsException(ab)) {
        jsvm_unpark(ctx, parked);
        return JSVM_GENERIC_FAILURE;
    }
    size_t blen;
    uint8_t *p = jsvm_ab_data(ctx, ab, &blen);
    jsvm_unpark(ctx, parked);
    if (len)
        *len = n;
    if (data)
        *data = p ? p + off : NULL;
    if (offset)
        *offset = off;
    if (abv)
        *abv = jsvm_push(env, ab);
    else
        JS_FreeValue(ctx, ab);
    return JSVM_OK;
}
