/*
 * values.h: per-env state and engine operations for the value types beyond
 * the primitives: BigInt, Symbol, Date, Map/Set/RegExp/Proxy and external
 * strings (values.c). ArrayBuffers and views are in buffer.h, promises in
 * promise.h; both share the per-env state declared here.
 *
 * Conventions are those of ops.h: the Go caller has checked env and the
 * mandatory pointers; ops marked "runs JS" follow the pending-exception
 * protocol, the others never leave an exception pending and work while one
 * is pending (they park it, see jsvm_park below).
 */
#ifndef LIBJSVM_VALUES_H
#define LIBJSVM_VALUES_H

#include "core.h"

/* Engine functions captured when the env is created, before any script or
 * native code could replace the globals or prototype properties they come
 * from. The API's operations use these, never a global lookup, so that a
 * script replacing globalThis.Symbol or DataView.prototype.byteLength does
 * not change what the API does (as with V8's intrinsics). */
enum {
    JSVM_I_SYMBOL,          /* Symbol */
    JSVM_I_SYMBOL_FOR,      /* Symbol.for */
    JSVM_I_BIGINT,          /* BigInt */
    JSVM_I_BIGINT_ASINTN,   /* BigInt.asIntN */
    JSVM_I_BIGINT_TOSTRING, /* BigInt.prototype.toString */
    JSVM_I_DATE_GETTIME,    /* Date.prototype.getTime */
    JSVM_I_DATAVIEW,        /* DataView */
    JSVM_I_DV_BUFFER,       /* get DataView.prototype.buffer */
    JSVM_I_DV_LENGTH,       /* get DataView.prototype.byteLength */
    JSVM_I_DV_OFFSET,       /* get DataView.prototype.byteOffset */
    JSVM_I_TA_BUFFER,       /* get %TypedArray%.prototype.buffer */
    JSVM_I_TA_LENGTH,       /* get %TypedArray%.prototype.length */
    JSVM_I_TA_OFFSET,       /* get %TypedArray%.prototype.byteOffset */
    JSVM_I_AB_TRANSFER,     /* ArrayBuffer.prototype.transfer */
    JSVM_I_AB_TRANSFER_IMM, /* ArrayBuffer.prototype.transferToImmutable */
    JSVM_I_PROMISE_THEN,    /* Promise.prototype.then */
    JSVM_I_REGEXP,          /* RegExp */
    JSVM_I_MAP,             /* Map */
    JSVM_I_SET,             /* Set */
    JSVM_I_COUNT
};

/* The 11 well-known symbols of the API, in the order of jsvm_wk_names. */
enum {
    JSVM_WK_ASYNC_ITERATOR,
    JSVM_WK_HAS_INSTANCE,
    JSVM_WK_IS_CONCAT_SPREADABLE,
    JSVM_WK_MATCH,
    JSVM_WK_REPLACE,
    JSVM_WK_SEARCH,
    JSVM_WK_SPLIT,
    JSVM_WK_TO_PRIMITIVE,
    JSVM_WK_UNSCOPABLES,
    JSVM_WK_TO_STRING_TAG,
    JSVM_WK_ITERATOR,
    JSVM_WK_COUNT
};

/* One live JSVM_Deferred: the resolving functions of its promise, in an id
 * table (core.h), so a deferred used a second time (or never issued, or
 * of another env) is recognised instead of dereferenced. */
typedef struct jsvm_deferred {
    JSValue resolve, reject;
} jsvm_deferred;

/* An ArrayBuffer over memory the library does not own (buffer.c). Owned by
 * the ArrayBuffer: freed by its last free callback from the engine. */
typedef struct jsvm_extbuf jsvm_extbuf;

/* Everything values.c, buffer.c and promise.c keep per env. Allocated by
 * jsvm_vals_init (called by jsvm_env_new) and released in two steps by
 * jsvm_env_free: jsvm_vals_release before the context is freed (every
 * JSValue held here), jsvm_vals_free after the last finalizers ran. */
struct jsvm_vals {
    JSValue intrinsic[JSVM_I_COUNT];
    JSValue wk[JSVM_WK_COUNT];      /* read lazily from the captured Symbol */
    jsvm_idtab deferreds;           /* JSVM_Deferred ids -> jsvm_deferred */
    /* Live ArrayBuffers over memory the library does not own. The
     * transfer() guard (buffer.c) looks buffers up here: a linear scan,
     * acceptable because transfer() of many external buffers is rare. */
    jsvm_extbuf *extbufs;
};

int jsvm_vals_init(JSVM_Env env);
void jsvm_vals_release(JSVM_Env env);
void jsvm_vals_free(JSVM_Env env);

/* ---- parking a pending exception ----
 * "env" functions may call engine builtins (never user code) while an
 * exception is pending. jsvm_park takes the pending exception out of the
 * way; jsvm_unpark drops anything the builtins threw and puts it back. */
static inline JSValue jsvm_park(JSContext *ctx)
{
    return JS_GetException(ctx); /* JS_UNINITIALIZED when none */
}

static inline void jsvm_unpark(JSContext *ctx, JSValue parked)
{
    if (JS_HasException(ctx))
        JS_FreeValue(ctx, JS_GetException(ctx));
    if (!JS_IsUninitialized(parked))
        JS_Throw(ctx, parked);
}

/* Calls a captured engine builtin that cannot run user code. The VM depth is
 * raised around it, as for any JS entry (stack limits are latched for the
 * calling thread), but leaving runs no microtasks and no finalizers. */
JSValue jsvm_call_builtin(JSVM_Env env, int which, JSValueConst this_val,
                          int argc, JSValueConst *argv);

/* ---- strings (external strings are copied: QuickJS has none) ---- */
JSVM_Status jsvm_op_external_string(JSVM_Env env, int kind, void *str, size_t len,
                                    JSVM_Finalize fin, void *hint,
                                    JSVM_Value *out, bool *copied);

/* ---- BigInt ---- */
JSVM_Status jsvm_op_bigint_int64(JSVM_Env env, int64_t v, JSVM_Value *out);
JSVM_Status jsvm_op_bigint_uint64(JSVM_Env env, uint64_t v, JSVM_Value *out);
JSVM_Status jsvm_op_bigint_words(JSVM_Env env, int sign, size_t n,
                                 const uint64_t *words, JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_get_bigint_int64(JSVM_Env env, JSVM_Value v, int64_t *out, bool *lossless);
JSVM_Status jsvm_op_get_bigint_uint64(JSVM_Env env, JSVM_Value v, uint64_t *out, bool *lossless);
JSVM_Status jsvm_op_get_bigint_words(JSVM_Env env, JSVM_Value v, int *sign,
                                     size_t *count, uint64_t *words);
/* The largest BigInt QuickJS can hold, in 64-bit words. */
#define JSVM_BIGINT_MAX_WORDS ((1u << 20) / 64u)

/* ---- Symbol ---- */
JSVM_Status jsvm_op_create_symbol(JSVM_Env env, JSVM_Value desc, JSVM_Value *out);
JSVM_Status jsvm_op_symbol_for(JSVM_Env env, const char *s, size_t len, JSVM_Value *out);
JSVM_Status jsvm_op_wellknown_symbol(JSVM_Env env, int which, JSVM_Value *out);

/* ---- Date ---- */
JSVM_Status jsvm_op_create_date(JSVM_Env env, double t, JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_date_value(JSVM_Env env, JSVM_Value v, double *out);  /* runs JS */

/* ---- Map / Set / RegExp / Proxy ---- */
#define JSVM_COLL_MAP 0
#define JSVM_COLL_SET 1
JSVM_Status jsvm_op_create_collection(JSVM_Env env, int kind, JSVM_Value *out);
JSVM_Status jsvm_op_create_regexp(JSVM_Env env, JSVM_Value pattern, int flags,
                                  JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_create_proxy(JSVM_Env env, JSVM_Value target, JSVM_Value handler,
                                 JSVM_Value *out); /* runs JS */
JSVM_Status jsvm_op_proxy_target(JSVM_Env env, JSVM_Value v, JSVM_Value *out);

/* Type tests shared by the Is* exports (no engine state needed). */
#define JSVM_IS_DATE 0
#define JSVM_IS_MAP 1
#define JSVM_IS_SET 2
#define JSVM_IS_REGEXP 3
#define JSVM_IS_PROXY 4
#define JSVM_IS_PROMISE 5
#define JSVM_IS_ARRAYBUFFER 6
#define JSVM_IS_TYPEDARRAY 7
#define JSVM_IS_DATAVIEW 8
#define JSVM_IS_DETACHED 9
int jsvm_op_is(JSVM_Env env, int what, JSVM_Value v);

#endif
