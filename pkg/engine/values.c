/*
 * values.c: per-env intrinsics and the BigInt, Symbol, Date, Map/Set,
 * RegExp, Proxy and external-string operations (values.h).
 *
 * QuickJS's C API has no entry point for several of these (BigInt words,
 * Symbol with a string-valued description, Map/Set creation, a Date's time
 * value). The engine's own builtins do the work instead, called through
 * function values captured when the env was created (jsvm_vals_init), so
 * user scripts replacing globals cannot change the result.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "buffer.h"
#include "ops.h"
#include "promise.h"
#include "values.h"

/* ------------------------------------------------------------------ */
/* per-env state                                                       */

static JSValue jsvm_get(JSContext *ctx, JSValueConst obj, const char *name)
{
    if (JS_IsException(obj) || !JS_IsObject(obj))
        return JS_EXCEPTION;
    return JS_GetPropertyStr(ctx, obj, name);
}

/* The getter of an own accessor property (a new reference), or
 * JS_EXCEPTION. Reading the descriptor does not call the getter. */
static JSValue jsvm_getter(JSContext *ctx, JSValueConst obj, const char *name)
{
    JSPropertyDescriptor d;
    if (JS_IsException(obj) || !JS_IsObject(obj))
        return JS_EXCEPTION;
    JSAtom a = JS_NewAtom(ctx, name);
    if (a == JS_ATOM_NULL)
        return JS_EXCEPTION;
    int r = JS_GetOwnProperty(ctx, &d, obj, a);
    JS_FreeAtom(ctx, a);
    if (r <= 0)
        return JS_EXCEPTION;
    JS_FreeValue(ctx, d.value);
    JS_FreeValue(ctx, d.setter);
    return d.getter;
}

int jsvm_vals_init(JSVM_Env env)
{
    JSContext *ctx = env->ctx;
    struct jsvm_vals *s = calloc(1, sizeof(*s));
    if (!s)
        return -1;
    for (int i = 0; i < JSVM_I_COUNT; i++)
        s->intrinsic[i] = JS_UNDEFINED;
    for (int i = 0; i < JSVM_WK_COUNT; i++)
        s->wk[i] = JS_UNDEFINED;
    jsvm_idtab_init(&s->deferreds, sizeof(jsvm_deferred));
    env->vals = s;

    /* Called from jsvm_env_new: nothing has run in this context yet, so
     * these are the engine's own functions. */
    JSValue g = env->k_global;
    JSValue *in = s->intrinsic;
    JSValue sym = jsvm_get(ctx, g, "Symbol");
    JSValue big = jsvm_get(ctx, g, "BigInt");
    JSValue date = jsvm_get(ctx, g, "Date");
    JSValue dv = jsvm_get(ctx, g, "DataView");
    JSValue u8 = jsvm_get(ctx, g, "Uint8Array");
    JSValue ab = jsvm_get(ctx, g, "ArrayBuffer");
    JSValue prom = jsvm_get(ctx, g, "Promise");
    JSValue bigp = jsvm_get(ctx, big, "prototype");
    JSValue datep = jsvm_get(ctx, date, "prototype");
    JSValue dvp = jsvm_get(ctx, dv, "prototype");
    JSValue u8p = jsvm_get(ctx, u8, "prototype");
    JSValue tap = JS_IsObject(u8p) ? JS_GetPrototype(ctx, u8p) : JS_EXCEPTION;
    JSValue abp = jsvm_get(ctx, ab, "prototype");
    JSValue promp = jsvm_get(ctx, prom, "prototype");

    in[JSVM_I_SYMBOL] = JS_DupValue(ctx, sym);
    in[JSVM_I_SYMBOL_FOR] = jsvm_get(ctx, sym, "for");
    in[JSVM_I_BIGINT] = JS_DupValue(ctx, big);
    in[JSVM_I_BIGINT_ASINTN] = jsvm_get(ctx, big, "asIntN");
    in[JSVM_I_BIGINT_TOSTRING] = jsvm_get(ctx, bigp, "toString");
    in[JSVM_I_DATE_GETTIME] = jsvm_get(ctx, datep, "getTime");
    in[JSVM_I_DATAVIEW] = JS_DupValue(ctx, dv);
    in[JSVM_I_DV_BUFFER] = jsvm_getter(ctx, dvp, "buffer");
    in[JSVM_I_DV_LENGTH] = jsvm_getter(ctx, dvp, "byteLength");
    in[JSVM_I_DV_OFFSET] = jsvm_getter(ctx, dvp, "byteOffset");
    in[JSVM_I_TA_BUFFER] = jsvm_getter(ctx, tap, "buffer");
    in[JSVM_I_TA_LENGTH] = jsvm_getter(ctx, tap, "length");
    in[JSVM_I_TA_OFFSET] = jsvm_getter(ctx, tap, "byteOffset");
    in[JSVM_I_AB_TRANSFER] = jsvm_get(ctx, abp, "transfer");
    in[JSVM_I_AB_TRANSFER_IMM] = jsvm_get(ctx, abp, "transferToImmutable");
    in[JSVM_I_PROMISE_THEN] = jsvm_get(ctx, promp, "then");
    in[JSVM_I_REGEXP] = jsvm_get(ctx, g, "RegExp");
    in[JSVM_I_MAP] = jsvm_get(ctx, g, "Map");
    in[JSVM_I_SET] = jsvm_get(ctx, g, "Set");

    JSValue tmp[] = {sym, big, date, dv, u8, ab, prom, bigp, datep, dvp, u8p, tap, abp, promp};
    for (size_t i = 0; i < sizeof tmp / sizeof tmp[0]; i++)
        JS_FreeValue(ctx, tmp[i]);

    int ok = 1;
    for (int i = 0; i < JSVM_I_COUNT; i++)
        ok &= JS_IsFunction(ctx, in[i]);
    if (ok && jsvm_buffer_install_guard(env) < 0)
        ok = 0;
    if (!ok) {
        if (JS_HasException(ctx))
            JS_FreeValue(ctx, JS_GetException(ctx));
        jsvm_vals_release(env);
        jsvm_vals_free(env);
        return -1;
    }
    return 0;
}

void jsvm_vals_release(JSVM_Env env)
{
    struct jsvm_vals *s = env->vals;
    if (!s)
        return;
    for (int i = 0; i < JSVM_I_COUNT; i++) {
        JS_FreeValue(env->ctx, s->intrinsic[i]);
        s->intrinsic[i] = JS_UNDEFINED;
    }
    for (int i = 0; i < JSVM_WK_COUNT; i++) {
        JS_FreeValue(env->ctx, s->wk[i]);
        s->wk[i] = JS_UNDEFINED;
    }
    jsvm_promise_release_all(env);
}

void jsvm_vals_free(JSVM_Env env)
{
    struct jsvm_vals *s = env->vals;
    if (!s)
        return;
    jsvm_buffer_orphan_all(env);
    jsvm_idtab_free(&s->deferreds);
    free(s);
    env->vals = NULL;
}

JSValue jsvm_call_builtin(JSVM_Env env, int which, JSValueConst this_val,
                          int argc, JSValueConst *argv)
{
    jsvm_vm_enter(env->vm);
    JSValue r = JS_Call(env->ctx, env->vals->intrinsic[which], this_val, argc, argv);
    env->vm->depth--;
    return r;
}

static JSValue jsvm_construct_builtin(JSVM_Env env, int which, int argc, JSValueConst *argv)
{
    jsvm_vm_enter(env->vm);
    JSValue r = JS_CallConstructor(env->ctx, env->vals->intrinsic[which], argc, argv);
    env->vm->depth--;
    return r;
}

#define JS_PREAMBLE(env)                   \
    do {                                   \
        if (JS_HasException((env)->ctx))   \
            return JSVM_PENDING_EXCEPTION; \
    } while (0)

/* ------------------------------------------------------------------ */
/* type tests                                                          */

int jsvm_op_is(JSVM_Env env, int what, JSVM_Value value)
{
    JSValue v = jsvm_v(value);
    switch (what) {
    case JSVM_IS_DATE: return JS_IsDate(v);
    case JSVM_IS_MAP: return JS_IsMap(v);
    case JSVM_IS_SET: return JS_IsSet(v);
    case JSVM_IS_REGEXP: return JS_IsRegExp(v);
    case JSVM_IS_PROXY: return JS_IsProxy(v);
    case JSVM_IS_PROMISE: return JS_IsPromise(v);
    case JSVM_IS_ARRAYBUFFER: return JS_IsArrayBuffer(v);
    case JSVM_IS_TYPEDARRAY: return JS_GetTypedArrayType(v) >= 0;
    case JSVM_IS_DATAVIEW: return JS_IsDataView(v);
    case JSVM_IS_DETACHED: {
        if (!JS_IsArrayBuffer(v))
            return 0;
        /* The engine's only test is JS_GetArrayBuffer, which throws on a
         * detached buffer: park whatever is pending around it. */
        size_t n;
        JSValue parked = jsvm_park(env->ctx);
        uint8_t *p = JS_GetArrayBuffer(env->ctx, &n, v);
        jsvm_unpark(env->ctx, parked);
        return p == NULL;
    }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* external strings                                                    */

JSVM_Status jsvm_op_external_string(JSVM_Env env, int kind, void *str, size_t len,
                                    JSVM_Finalize fin, void *hint,
                                    JSVM_Value *out, bool *copied)
{
    /* QuickJS strings always own their characters, so the string is a
     * copy; as the API allows for engines that cannot make external
     * strings, the caller is told so and its buffer is released at once,
     * exactly once. */
    JSVM_Status st = jsvm_op_string(env, kind, str, len, out);
    if (st != JSVM_OK)
        return st; /* the caller keeps its buffer; no finalizer */
    *copied = true;
    if (fin)
        fin(env, str, hint);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* BigInt                                                              */

JSVM_Status jsvm_op_bigint_int64(JSVM_Env env, int64_t v, JSVM_Value *out)
{
    JSValue parked = jsvm_park(env->ctx);
    JSValue b = JS_NewBigInt64(env->ctx, v);
    int failed = JS_IsException(b);
    jsvm_unpark(env->ctx, parked);
    if (failed)
        return JSVM_GENERIC_FAILURE;
    *out = jsvm_push(env, b);
    return JSVM_OK;
}

JSVM_Status jsvm_op_bigint_uint64(JSVM_Env env, uint64_t v, JSVM_Value *out)
{
    JSValue parked = jsvm_park(env->ctx);
    JSValue b = JS_NewBigUint64(env->ctx, v);
    int failed = JS_IsException(b);
    jsvm_unpark(env->ctx, parked);
    if (failed)
        return JSVM_GENERIC_FAILURE;
    *out = jsvm_push(env, b);
    return JSVM_OK;
}

static const char jsvm_hex[] = "0123456789abcdef";

static char *jsvm_put_hex64(char *p, uint64_t w)
{
    for (int sh = 60; sh >= 0; sh -= 4)
        *p++ = jsvm_hex[(w >> sh) & 15];
    return p;
}

/* BigInt from words. QuickJS has no C entry point for this: the words are
 * written as a hexadecimal literal and parsed by the BigInt builtin. A "-0x"
 * literal is not valid syntax, so a negative value -M is parsed as
 * 2^(64n+1) - M, which is "1" followed by the n words of 2^(64n) - M, and
 * reinterpreted as a (64n+1)-bit signed value with BigInt.asIntN. */
JSVM_Status jsvm_op_bigint_words(JSVM_Env env, int sign, size_t n,
                                 const uint64_t *words, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    while (n > 0 && words[n - 1] == 0)
        n--;
    JSValue r;
    if (n == 0) {
        r = JS_NewBigInt64(ctx, 0); /* no negative zero */
    } else if (n == 1 && !sign) {
        r = JS_NewBigUint64(ctx, words[0]);
    } else if (n == 1 && words[0] <= (uint64_t)1 << 63) {
        r = JS_NewBigInt64(ctx, (int64_t)(0 - words[0]));
    } else if (n > JSVM_BIGINT_MAX_WORDS) {
        /* checked before building a string of 16 * n characters */
        JS_ThrowRangeError(ctx, "Maximum BigInt size exceeded");
        return JSVM_PENDING_EXCEPTION;
    } else {
        size_t len = 3 + 16 * n; /* "0x", the "1" of a negative, digits */
        char small[3 + 16 * 8], *buf = small;
        if (len > sizeof small) {
            buf = malloc(len);
            if (!buf) {
                JS_ThrowOutOfMemory(ctx);
                return JSVM_PENDING_EXCEPTION;
            }
        }
        buf[0] = '0';
        buf[1] = 'x';
        buf[2] = '1';
        char *end = buf + len;
        if (sign) {
            /* 2^(64n) - M: invert and add one, low word first */
            uint64_t carry = 1;
            for (size_t i = 0; i < n; i++) {
                uint64_t w = ~words[i] + carry;
                carry = carry && w == 0;
                jsvm_put_hex64(end - 16 * (i + 1), w);
            }
        } else {
            for (size_t i = 0; i < n; i++)
                jsvm_put_hex64(end - 16 * (i + 1), words[i]);
            buf[2] = '0'; /* a leading zero digit is harmless */
        }
        JSValue str = JS_NewStringLen(ctx, buf, len);
        if (buf != small)
            free(buf);
        if (JS_IsException(str))
            return JSVM_PENDING_EXCEPTION;
        r = jsvm_call_builtin(env, JSVM_I_BIGINT, JS_UNDEFINED, 1, &str);
        JS_FreeValue(ctx, str);
        if (sign && !JS_IsException(r)) {
            JSValue args[2] = {JS_NewInt64(ctx, (int64_t)(64 * n + 1)), r};
            JSValue neg = jsvm_call_builtin(env, JSVM_I_BIGINT_ASINTN, JS_UNDEFINED, 2, args);
            JS_FreeValue(ctx, r);
            r = neg;
        }
    }
    if (JS_IsException(r))
        return JSVM_PENDING_EXCEPTION; /* RangeError (too large) or out of memory */
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

/* Whether the BigInt v equals the BigInt made from r (as signed or not). */
static int jsvm_bigint_is(JSContext *ctx, JSValueConst v, uint64_t r, int is_signed)
{
    JSValue parked = jsvm_park(ctx);
    JSValue t = is_signed ? JS_NewBigInt64(ctx, (int64_t)r) : JS_NewBigUint64(ctx, r);
    int eq = !JS_IsException(t) && JS_IsStrictEqual(ctx, v, t);
    JS_FreeValue(ctx, t);
    jsvm_unpark(ctx, parked);
    return eq;
}

JSVM_Status jsvm_op_get_bigint_int64(JSVM_Env env, JSVM_Value value, int64_t *out, bool *lossless)
{
    JSValue v = jsvm_v(value);
    int64_t r;
    if (!JS_IsBigInt(v))
        return JSVM_BIGINT_EXPECTED;
    /* value modulo 2^64, two's complement: cannot fail for a BigInt */
    JS_ToBigInt64(env->ctx, &r, v);
    *out = r;
    *lossless = JS_VALUE_GET_TAG(v) == JS_TAG_SHORT_BIG_INT ||
                jsvm_bigint_is(env->ctx, v, (uint64_t)r, 1);
    return JSVM_OK;
}

JSVM_Status jsvm_op_get_bigint_uint64(JSVM_Env env, JSVM_Value value, uint64_t *out, bool *lossless)
{
    JSValue v = jsvm_v(value);
    uint64_t r;
    if (!JS_IsBigInt(v))
        return JSVM_BIGINT_EXPECTED;
    JS_ToBigUint64(env->ctx, &r, v);
    *out = r;
    if (JS_VALUE_GET_TAG(v) == JS_TAG_SHORT_BIG_INT)
        *lossless = (int64_t)r >= 0;
    else
        *lossless = jsvm_bigint_is(env->ctx, v, r, 0);
    return JSVM_OK;
}

static int jsvm_hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Sign and words of a BigInt, as V8's BigInt::ToWordsArray: *count is in
 * (capacity of words) and out (words needed, even when fewer fit); the
 * lowest words that fit are written. With sign and words both NULL only
 * the count is reported. The engine's toString(16) gives the magnitude. */
JSVM_Status jsvm_op_get_bigint_words(JSVM_Env env, JSVM_Value value, int *sign,
                                     size_t *count, uint64_t *words)
{
    JSContext *ctx = env->ctx;
    JSValue v = jsvm_v(value);
    if (!JS_IsBigInt(v))
        return JSVM_BIGINT_EXPECTED;
    size_t cap = *count;
    int query = !sign && !words;
    if (JS_VALUE_GET_TAG(v) == JS_TAG_SHORT_BIG_INT) {
        int64_t r;
        JS_ToBigInt64(ctx, &r, v);
        if (!query) {
            *sign = r < 0;
            if (cap > 0 && r != 0)
                words[0] = r < 0 ? 0 - (uint64_t)r : (uint64_t)r;
        }
        *count = r != 0;
        return JSVM_OK;
    }
    JSValue parked = jsvm_park(ctx);
    JSValue radix = JS_NewInt32(ctx, 16);
    JSValue s = jsvm_call_builtin(env, JSVM_I_BIGINT_TOSTRING, v, 1, &radix);
    size_t len = 0;
    const char *hex = JS_IsException(s) ? NULL : JS_ToCStringLen(ctx, &len, s);
    JS_FreeValue(ctx, s);
    if (!hex) {
        jsvm_unpark(ctx, parked);
        return JSVM_GENERIC_FAILURE;
    }
    const char *d = hex, *end = hex + len;
    int neg = 0;
    if (d < end && *d == '-') {
        neg = 1;
        d++;
    }
    while (d < end && *d == '0')
        d++;
    size_t ndig = (size_t)(end - d);
    size_t need = (ndig + 15) / 16;
    if (!query) {
        *sign = neg;
        /* word i holds the digits [end - 16(i+1), end - 16i) */
        for (size_t i = 0; i < need && i < cap; i++) {
            const char *hi = end - 16 * (i + 1);
            if (hi < d)
                hi = d;
            uint64_t w = 0;
            for (const char *q = hi; q < end - 16 * i; q++)
                w = (w << 4) | (uint64_t)jsvm_hexval(*q);
            words[i] = w;
        }
    }
    *count = need;
    JS_FreeCString(ctx, hex);
    jsvm_unpark(ctx, parked);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* Symbol                                                              */

JSVM_Status jsvm_op_create_symbol(JSVM_Env env, JSVM_Value desc, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue d = desc ? jsvm_v(desc) : JS_UNDEFINED;
    if (desc && !JS_IsString(d))
        return JSVM_STRING_EXPECTED;
    /* The Symbol builtin keeps the description exactly (any UTF-16);
     * JS_NewSymbol would go through a C string. */
    JSValue parked = jsvm_park(ctx);
    JSValue r = jsvm_call_builtin(env, JSVM_I_SYMBOL, JS_UNDEFINED, desc ? 1 : 0, &d);
    int failed = JS_IsException(r);
    jsvm_unpark(ctx, parked);
    if (failed)
        return JSVM_GENERIC_FAILURE;
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

JSVM_Status jsvm_op_symbol_for(JSVM_Env env, const char *s, size_t len, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    if (len == JSVM_AUTO_LENGTH)
        len = s ? strlen(s) : 0;
    if (len > INT_MAX)
        return JSVM_INVALID_ARG;
    JSValue parked = jsvm_park(ctx);
    JSValue key = JS_NewStringLen(ctx, len ? s : "", len);
    JSValue r = JS_IsException(key) ? key : jsvm_call_builtin(env, JSVM_I_SYMBOL_FOR, JS_UNDEFINED, 1, &key);
    JS_FreeValue(ctx, key);
    int failed = JS_IsException(r);
    jsvm_unpark(ctx, parked);
    if (failed)
        return JSVM_GENERIC_FAILURE;
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

static const char *const jsvm_wk_names[JSVM_WK_COUNT] = {
    "asyncIterator", "hasInstance", "isConcatSpreadable", "match", "replace", "search",
    "split", "toPrimitive", "unscopables", "toStringTag", "iterator",
};

JSVM_Status jsvm_op_wellknown_symbol(JSVM_Env env, int which, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue *slot = &env->vals->wk[which];
    if (!JS_IsSymbol(*slot)) {
        /* Symbol.iterator and friends are non-writable, non-configurable
         * data properties of the captured Symbol: the engine's symbols. */
        JSValue parked = jsvm_park(ctx);
        JSValue v = JS_GetPropertyStr(ctx, env->vals->intrinsic[JSVM_I_SYMBOL], jsvm_wk_names[which]);
        jsvm_unpark(ctx, parked);
        if (!JS_IsSymbol(v)) {
            JS_FreeValue(ctx, v);
            return JSVM_GENERIC_FAILURE;
        }
        *slot = v;
    }
    *out = jsvm_push(env, JS_DupValue(ctx, *slot));
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* Date                                                                */

JSVM_Status jsvm_op_create_date(JSVM_Env env, double t, JSVM_Value *out)
{
    JS_PREAMBLE(env);
    /* JS_NewDate applies TimeClip: NaN outside +-8.64e15, fractions cut */
    JSValue d = JS_NewDate(env->ctx, t);
    if (JS_IsException(d))
        return JSVM_PENDING_EXCEPTION;
    *out = jsvm_push(env, d);
    return JSVM_OK;
}

JSVM_Status jsvm_op_date_value(JSVM_Env env, JSVM_Value value, double *out)
{
    JS_PREAMBLE(env);
    JSValue v = jsvm_v(value);
    if (!JS_IsDate(v))
        return JSVM_DATE_EXPECTED;
    /* the captured getTime reads the time value; valueOf could be replaced */
    JSValue t = jsvm_call_builtin(env, JSVM_I_DATE_GETTIME, v, 0, NULL);
    if (JS_IsException(t))
        return JSVM_PENDING_EXCEPTION;
    double d = NAN;
    JS_ToFloat64(env->ctx, &d, t); /* a number: cannot fail */
    *out = d;
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* Map / Set / RegExp / Proxy                                          */

JSVM_Status jsvm_op_create_collection(JSVM_Env env, int kind, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue parked = jsvm_park(ctx);
    /* new Map() / new Set() without an iterable runs no user code */
    JSValue r = jsvm_construct_builtin(env, kind == JSVM_COLL_SET ? JSVM_I_SET : JSVM_I_MAP, 0, NULL);
    int failed = JS_IsException(r);
    jsvm_unpark(ctx, parked);
    if (failed)
        return JSVM_GENERIC_FAILURE;
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

JSVM_Status jsvm_op_create_regexp(JSVM_Env env, JSVM_Value pattern, int flags, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JS_PREAMBLE(env);
    JSValue p = jsvm_v(pattern);
    if (!JS_IsString(p))
        return JSVM_STRING_EXPECTED;
    /* JSVM_RegExpFlags bits as flag letters. 'l' (linear) has no QuickJS
     * counterpart and is passed on so that the engine rejects it with a
     * SyntaxError rather than silently dropping a guarantee the caller
     * asked for (docs/deviations.md). Bits outside the enum were refused
     * by the caller. */
    static const struct {
        int bit;
        char letter;
    } map[] = {
        {JSVM_REGEXP_GLOBAL, 'g'},      {JSVM_REGEXP_IGNORE_CASE, 'i'}, {JSVM_REGEXP_MULTILINE, 'm'},
        {JSVM_REGEXP_STICKY, 'y'},      {JSVM_REGEXP_UNICODE, 'u'},     {JSVM_REGEXP_DOT_ALL, 's'},
        {JSVM_REGEXP_LINEAR, 'l'},      {JSVM_REGEXP_HAS_INDICES, 'd'}, {JSVM_REGEXP_UNICODE_SETS, 'v'},
    };
    char f[16];
    int n = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (flags & map[i].bit)
            f[n++] = map[i].letter;
    f[n] = 0;
    JSValue fs = JS_NewStringLen(ctx, f, (size_t)n);
    if (JS_IsException(fs))
        return JSVM_PENDING_EXCEPTION;
    JSValue args[2] = {p, fs};
    JSValue r = jsvm_construct_builtin(env, JSVM_I_REGEXP, 2, args);
    JS_FreeValue(ctx, fs);
    if (JS_IsException(r))
        return JSVM_GENERIC_FAILURE; /* the SyntaxError stays pending */
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

JSVM_Status jsvm_op_create_proxy(JSVM_Env env, JSVM_Value target, JSVM_Value handler,
                                 JSVM_Value *out)
{
    JS_PREAMBLE(env);
    JSValue t = jsvm_v(target), h = jsvm_v(handler);
    if (!JS_IsObject(t) || !JS_IsObject(h))
        return JSVM_OBJECT_EXPECTED;
    JSValue r = JS_NewProxy(env->ctx, t, h);
    if (JS_IsException(r))
        return JSVM_PENDING_EXCEPTION;
    *out = jsvm_push(env, r);
    return JSVM_OK;
}

JSVM_Status jsvm_op_proxy_target(JSVM_Env env, JSVM_Value value, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue v = jsvm_v(value);
    if (!JS_IsProxy(v))
        return JSVM_INVALID_TYPE;
    JSValue parked = jsvm_park(ctx);
    JSValue t = JS_GetProxyTarget(ctx, v);
    if (JS_IsException(t))
        t = JS_NULL; /* a revoked proxy has no target (V8 reports null) */
    jsvm_unpark(ctx, parked);
    *out = jsvm_push(env, t);
    return JSVM_OK;
}

