/*
 * object.c: objects, properties, keys, prototypes, JSON, type checks and
 * coercions (see object.h for the contract).
 *
 * Ownership: JSValueConst parameters are borrowed. A value an operation
 * creates is either pushed on the handle stack (the slot owns it) or freed
 * before returning; atoms and property enumerations are freed on every path.
 */
#include <stdlib.h>
#include <limits.h>

#include "object.h"

/* The pending-exception protocol of JS-running entry points (as in ops.c). */
#define OBJ_PREAMBLE(env)                                  \
    do {                                                   \
        if (JS_HasException((env)->ctx))                   \
            return JSVM_PENDING_EXCEPTION;                 \
    } while (0)

/* ------------------------------------------------------------------ */
/* type checks                                                         */

/* jsvm_is_external is defined in native.c, beside externals. */

JSVM_Status jsvm_obj_typeof(JSContext *ctx, JSValueConst v, JSVM_ValueType *out)
{
    /* Same order as the reference implementation: functions and externals
     * are objects, so they are tested first. */
    if (JS_IsNumber(v))
        *out = JSVM_NUMBER;
    else if (JS_IsBigInt(v))
        *out = JSVM_BIGINT;
    else if (JS_IsString(v))
        *out = JSVM_STRING;
    else if (JS_IsFunction(ctx, v))
        *out = JSVM_FUNCTION;
    else if (JS_IsObject(v))
        *out = jsvm_is_external(v) ? JSVM_EXTERNAL : JSVM_OBJECT;
    else if (JS_IsBool(v))
        *out = JSVM_BOOLEAN;
    else if (JS_IsUndefined(v))
        *out = JSVM_UNDEFINED;
    else if (JS_IsSymbol(v))
        *out = JSVM_SYMBOL;
    else if (JS_IsNull(v))
        *out = JSVM_NULL;
    else
        return JSVM_INVALID_ARG; /* engine-internal tags never handed out */
    return JSVM_OK;
}

/* Class ids of the boxed primitives. QuickJS does not export its built-in
 * class ids (the JS_CLASS_* enum of quickjs.c); they are compile-time
 * constants, identical in every runtime of the process. Rather than
 * hard-coding their values we read them off objects made by JS_ToObject of
 * one primitive of each kind, once, the first time a check needs them. */
static JSClassID jsvm_box_ids[5];
static int jsvm_box_ready;

static void jsvm_box_init(JSContext *ctx)
{
    /* An env-kind function may run with an exception pending: keep it, and
     * never leave one of ours (allocation failure) behind. */
    int had = JS_HasException(ctx);
    JSValue saved = had ? JS_GetException(ctx) : JS_UNDEFINED;
    JSValue prim[5];
    prim[JSVM_BOX_NUMBER] = JS_NewInt32(ctx, 0);
    prim[JSVM_BOX_STRING] = JS_NewStringLen(ctx, "", 0);
    prim[JSVM_BOX_BOOLEAN] = JS_FALSE;
    prim[JSVM_BOX_SYMBOL] = JS_NewSymbol(ctx, "", false);
    prim[JSVM_BOX_BIGINT] = JS_NewBigInt64(ctx, 0);
    JSClassID ids[5];
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        ids[i] = 0;
        if (JS_IsException(prim[i])) {
            ok = 0;
            continue;
        }
        JSValue o = JS_ToObject(ctx, prim[i]);
        if (JS_IsException(o))
            ok = 0;
        else
            ids[i] = JS_GetClassID(o);
        JS_FreeValue(ctx, o);
        JS_FreeValue(ctx, prim[i]);
    }
    if (JS_HasException(ctx))
        JS_FreeValue(ctx, JS_GetException(ctx));
    if (had)
        JS_Throw(ctx, saved);
    if (!ok)
        return; /* try again next time */
    /* Threads racing here store the same values. */
    for (int i = 0; i < 5; i++)
        __atomic_store_n(&jsvm_box_ids[i], ids[i], __ATOMIC_RELAXED);
    __atomic_store_n(&jsvm_box_ready, 1, __ATOMIC_RELEASE);
}

int jsvm_is_boxed(JSContext *ctx, JSValueConst v, int kind)
{
    if (!JS_IsObject(v))
        return 0;
    if (!__atomic_load_n(&jsvm_box_ready, __ATOMIC_ACQUIRE)) {
        jsvm_box_init(ctx);
        if (!__atomic_load_n(&jsvm_box_ready, __ATOMIC_ACQUIRE))
            return 0;
    }
    return JS_GetClassID(v) == __atomic_load_n(&jsvm_box_ids[kind], __ATOMIC_RELAXED);
}

/* ------------------------------------------------------------------ */
/* helpers                                                             */

/* The object operand, ToObject-coerced as the reference implementation
 * does: an object is borrowed (returned as is), a primitive is boxed (a new
 * reference, released with jsvm_release_object), null and undefined throw a
 * TypeError (JS_EXCEPTION). No JS runs. */
static inline JSValue jsvm_to_object(JSContext *ctx, JSValueConst v)
{
    if (JS_IsObject(v))
        return v;
    return JS_ToObject(ctx, v);
}

static inline void jsvm_release_object(JSContext *ctx, JSValueConst orig, JSValue o)
{
    if (!JS_IsObject(orig))
        JS_FreeValue(ctx, o);
}

/* An object whose descriptors and prototype can be read without running
 * user code: not a proxy, and not of a class defined through the API (whose
 * hooks may call native callbacks). Built-in class ids are all below the
 * first id the library allocates (jsvm_fn_class_id, allocated first in
 * every runtime). */
static int jsvm_plain_object(JSValueConst v)
{
    return JS_IsObject(v) && !JS_IsProxy(v) && JS_GetClassID(v) <= jsvm_fn_class_id;
}

/* QuickJS's setters always throw when an object refuses a write (as strict
 * code would); V8's API, like sloppy code, does not. This tells the two
 * failures apart after the fact: did [[Set]] of atom on obj fail because
 * the object refused (read-only data property, accessor without a setter,
 * non-extensible object), rather than because user code threw? Answered
 * only along chains of plain objects, where looking runs no JS; anything
 * else counts as "user code threw". */
static int jsvm_set_refused(JSContext *ctx, JSValueConst obj, JSAtom atom)
{
    JSValue cur = JS_DupValue(ctx, obj);
    int refused = 0, own = 1;
    for (;;) {
        if (!jsvm_plain_object(cur))
            break;
        JSPropertyDescriptor d;
        int r = JS_GetOwnProperty(ctx, &d, cur, atom);
        if (r < 0)
            break;
        if (r > 0) {
            if (d.flags & JS_PROP_GETSET)
                refused = JS_IsUndefined(d.setter);
            else if (!(d.flags & JS_PROP_WRITABLE))
                refused = 1;
            else if (!own)
                refused = JS_IsExtensible(ctx, obj) == 0; /* would add an own property */
            JS_FreeValue(ctx, d.value);
            JS_FreeValue(ctx, d.getter);
            JS_FreeValue(ctx, d.setter);
            break;
        }
        JSValue proto = JS_GetPrototype(ctx, cur);
        JS_FreeValue(ctx, cur);
        cur = proto;
        if (JS_IsException(proto)) {
            cur = JS_UNDEFINED;
            break;
        }
        if (JS_IsNull(proto)) {
            refused = JS_IsExtensible(ctx, obj) == 0;
            break;
        }
        own = 0;
    }
    JS_FreeValue(ctx, cur);
    return refused;
}

/* The status of a failed set (the engine's exception is pending): a
 * refusal is JSVM_GENERIC_FAILURE with the engine's TypeError dropped;
 * anything else keeps the exception pending. */
static JSVM_Status jsvm_set_failed(JSContext *ctx, JSValueConst obj, JSAtom atom)
{
    if (!JS_HasException(ctx))
        return JSVM_GENERIC_FAILURE;
    JSValue exc = JS_GetException(ctx);
    int refused = !JS_IsUncatchableError(exc) && jsvm_set_refused(ctx, obj, atom);
    if (JS_HasException(ctx)) /* the walk itself failed (allocation) */
        JS_FreeValue(ctx, JS_GetException(ctx));
    if (refused) {
        JS_FreeValue(ctx, exc);
        return JSVM_GENERIC_FAILURE;
    }
    JS_Throw(ctx, exc);
    return JSVM_PENDING_EXCEPTION;
}

/* ------------------------------------------------------------------ */
/* property access from C                                              */

JSVM_Status jsvm_obj_set_named(JSVM_Env env, JSValueConst obj, const char *name, JSValueConst val)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_OK;
    jsvm_enter(env);
    if (JS_SetPropertyStr(ctx, o, name, JS_DupValue(ctx, val)) < 0) {
        JSAtom atom = JS_NewAtom(ctx, name);
        st = atom == JS_ATOM_NULL ? JSVM_PENDING_EXCEPTION : jsvm_set_failed(ctx, o, atom);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

/* The value of an own data property of a plain object, read without
 * entering JS (nothing can run: no getter, no proxy trap), which saves the
 * entry bookkeeping on the most common get. 1: found, *out owns it; 0: not
 * an own data property (use the general path); -1: exception. */
static int jsvm_get_own_data(JSContext *ctx, JSValueConst o, JSAtom atom, JSValue *out)
{
    if (!jsvm_plain_object(o))
        return 0;
    JSPropertyDescriptor d;
    int r = JS_GetOwnProperty(ctx, &d, o, atom);
    if (r <= 0)
        return r;
    if (d.flags & JS_PROP_GETSET) {
        JS_FreeValue(ctx, d.getter);
        JS_FreeValue(ctx, d.setter);
        JS_FreeValue(ctx, d.value);
        return 0;
    }
    *out = d.value; /* getter and setter are undefined */
    return 1;
}

/* [[Get]] of atom on o: own data properties of plain objects directly,
 * anything else (inherited, accessors, proxies) inside jsvm_enter/leave. */
static JSVM_Status jsvm_get_atom(JSVM_Env env, JSValueConst o, JSAtom atom, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue r;
    int own = jsvm_get_own_data(ctx, o, atom, &r);
    if (own < 0)
        return JSVM_PENDING_EXCEPTION;
    if (own > 0) {
        *out = jsvm_push(env, r);
        return JSVM_OK;
    }
    jsvm_enter(env);
    r = JS_GetProperty(ctx, o, atom);
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    if (!JS_IsException(r)) {
        *out = jsvm_push(env, r);
        st = JSVM_OK;
    }
    jsvm_leave(env);
    return st;
}

JSVM_Status jsvm_obj_get_named(JSVM_Env env, JSValueConst obj, const char *name, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    JSAtom atom = JS_NewAtom(ctx, name);
    if (atom != JS_ATOM_NULL) {
        st = jsvm_get_atom(env, o, atom, out);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_release_object(ctx, obj, o);
    return st;
}

JSVM_Status jsvm_obj_has_named(JSVM_Env env, JSValueConst obj, const char *name, bool *out)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSAtom atom = JS_NewAtom(ctx, name);
    if (atom == JS_ATOM_NULL) {
        jsvm_release_object(ctx, obj, o);
        return JSVM_PENDING_EXCEPTION;
    }
    jsvm_enter(env);
    int r = JS_HasProperty(ctx, o, atom);
    jsvm_leave(env);
    JS_FreeAtom(ctx, atom);
    jsvm_release_object(ctx, obj, o);
    if (r < 0)
        return JSVM_PENDING_EXCEPTION;
    *out = r != 0;
    return JSVM_OK;
}

JSVM_Status jsvm_obj_set(JSVM_Env env, JSValueConst obj, JSValueConst key, JSValueConst val)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    jsvm_enter(env);
    JSAtom atom = JS_ValueToAtom(ctx, key); /* ToPropertyKey: may run toString */
    if (atom != JS_ATOM_NULL) {
        st = JSVM_OK;
        if (JS_SetProperty(ctx, o, atom, JS_DupValue(ctx, val)) < 0)
            st = jsvm_set_failed(ctx, o, atom);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

JSVM_Status jsvm_obj_get(JSVM_Env env, JSValueConst obj, JSValueConst key, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    /* ToPropertyKey runs JS (toString, Symbol.toPrimitive) for object keys
     * only. */
    int key_runs_js = JS_IsObject(key);
    if (key_runs_js)
        jsvm_enter(env);
    JSAtom atom = JS_ValueToAtom(ctx, key);
    if (atom != JS_ATOM_NULL) {
        st = jsvm_get_atom(env, o, atom, out);
        JS_FreeAtom(ctx, atom);
    }
    if (key_runs_js)
        jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

JSVM_Status jsvm_obj_set_index(JSVM_Env env, JSValueConst obj, uint32_t index, JSValueConst val)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_OK;
    jsvm_enter(env);
    if (JS_SetPropertyUint32(ctx, o, index, JS_DupValue(ctx, val)) < 0) {
        JSAtom atom = JS_NewAtomUInt32(ctx, index);
        st = atom == JS_ATOM_NULL ? JSVM_PENDING_EXCEPTION : jsvm_set_failed(ctx, o, atom);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

JSVM_Status jsvm_obj_get_index(JSVM_Env env, JSValueConst obj, uint32_t index, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    JSValue o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    JSAtom atom = JS_NewAtomUInt32(ctx, index); /* below 2^31: no allocation */
    if (atom != JS_ATOM_NULL) {
        st = jsvm_get_atom(env, o, atom, out);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_release_object(ctx, obj, o);
    return st;
}

/* ------------------------------------------------------------------ */
/* has / delete / own                                                  */

/* The atom of a key operand: ToPropertyKey of a value (may run JS) or an
 * index. JS_ATOM_NULL with an exception pending on failure. */
static JSAtom jsvm_key_atom(JSContext *ctx, int kind, JSVM_Value key, uint32_t index)
{
    if (kind == JSVM_KEY_INDEX)
        return JS_NewAtomUInt32(ctx, index);
    return JS_ValueToAtom(ctx, jsvm_v(key));
}

JSVM_Status jsvm_op_has(JSVM_Env env, JSVM_Value object, int kind, JSVM_Value key, uint32_t index, bool *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    int r = -1;
    jsvm_enter(env);
    JSAtom atom = jsvm_key_atom(ctx, kind, key, index);
    if (atom != JS_ATOM_NULL) {
        r = JS_HasProperty(ctx, o, atom);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    if (r < 0)
        return JSVM_PENDING_EXCEPTION;
    *out = r != 0;
    return JSVM_OK;
}

JSVM_Status jsvm_op_delete(JSVM_Env env, JSVM_Value object, int kind, JSVM_Value key, uint32_t index, bool *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    int r = -1;
    jsvm_enter(env);
    JSAtom atom = jsvm_key_atom(ctx, kind, key, index);
    if (atom != JS_ATOM_NULL) {
        /* No JS_PROP_THROW: a non-configurable property is reported as
         * false, as sloppy-mode delete (and V8's API) does. */
        r = JS_DeleteProperty(ctx, o, atom, 0);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    if (r < 0)
        return JSVM_PENDING_EXCEPTION;
    if (out)
        *out = r != 0;
    return JSVM_OK;
}

JSVM_Status jsvm_op_has_own(JSVM_Env env, JSVM_Value object, JSVM_Value key, bool *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSValue k = jsvm_v(key);
    if (!JS_IsString(k) && !JS_IsSymbol(k)) {
        jsvm_release_object(ctx, obj, o);
        return JSVM_NAME_EXPECTED; /* no conversion, nothing thrown */
    }
    int r = -1;
    JSAtom atom = JS_ValueToAtom(ctx, k); /* a name: no JS runs */
    if (atom != JS_ATOM_NULL) {
        jsvm_enter(env);
        r = JS_GetOwnProperty(ctx, NULL, o, atom); /* proxies: the trap runs */
        jsvm_leave(env);
        JS_FreeAtom(ctx, atom);
    }
    jsvm_release_object(ctx, obj, o);
    if (r < 0)
        return JSVM_PENDING_EXCEPTION;
    *out = r != 0;
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* DefineProperties                                                    */

JSVM_Status jsvm_op_define_properties(JSVM_Env env, JSVM_Value object, size_t n,
                                      const JSVM_PropertyDescriptor *props)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_OK;
    jsvm_enter(env);
    /* One descriptor at a time, so a failure is attributed to its
     * descriptor. jsvm_define_props defines with JS_PROP_THROW: a definition
     * the object refuses (non-configurable property, non-extensible object)
     * throws a TypeError. The reference implementation reports those as
     * JSVM_INVALID_ARG (JSVM_GENERIC_FAILURE for methods) with nothing
     * pending; on a plain object nothing else can throw (no user code runs
     * while defining), so the TypeError is dropped and that status returned.
     * On proxies the trap's exception stays pending. */
    for (size_t i = 0; i < n && st == JSVM_OK; i++) {
        const JSVM_PropertyDescriptor *p = &props[i];
        st = jsvm_define_props(env, o, 1, p, 0, 0);
        if (st == JSVM_PENDING_EXCEPTION && jsvm_plain_object(o)) {
            JSValue exc = JS_GetException(ctx);
            if (JS_IsError(exc) && !JS_IsUncatchableError(exc)) {
                JS_FreeValue(ctx, exc);
                st = (p->method && !p->getter && !p->setter) ? JSVM_GENERIC_FAILURE : JSVM_INVALID_ARG;
            } else {
                JS_Throw(ctx, exc);
            }
        }
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

/* ------------------------------------------------------------------ */
/* GetAllPropertyNames                                                 */

/* A set of atoms (open addressing; JS_ATOM_NULL marks a free slot). It holds
 * a reference to each atom it contains. */
typedef struct {
    JSAtom *slot;
    uint32_t cap, n;
} jsvm_atom_set;

static uint32_t jsvm_atom_hash(JSAtom a)
{
    uint32_t h = (uint32_t)a * 0x9E3779B1u;
    return h ^ (h >> 16);
}

/* 1 if atom was added, 0 if it was there already, -1 on allocation failure. */
static int jsvm_atom_set_add(JSContext *ctx, jsvm_atom_set *s, JSAtom atom)
{
    if ((s->n + 1) * 2 > s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 64;
        JSAtom *slot = calloc(cap, sizeof(*slot));
        if (!slot)
            return -1;
        for (uint32_t i = 0; i < s->cap; i++) {
            JSAtom a = s->slot[i];
            if (a == JS_ATOM_NULL)
                continue;
            uint32_t j = jsvm_atom_hash(a) & (cap - 1);
            while (slot[j] != JS_ATOM_NULL)
                j = (j + 1) & (cap - 1);
            slot[j] = a;
        }
        free(s->slot);
        s->slot = slot;
        s->cap = cap;
    }
    uint32_t j = jsvm_atom_hash(atom) & (s->cap - 1);
    while (s->slot[j] != JS_ATOM_NULL) {
        if (s->slot[j] == atom)
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->slot[j] = JS_DupAtom(ctx, atom);
    s->n++;
    return 1;
}

static void jsvm_atom_set_free(JSContext *ctx, jsvm_atom_set *s)
{
    for (uint32_t i = 0; i < s->cap; i++)
        if (s->slot[i] != JS_ATOM_NULL)
            JS_FreeAtom(ctx, s->slot[i]);
    free(s->slot);
}

/* A growable array of owned values, becoming the result array. */
typedef struct {
    JSValue *v;
    uint32_t n, cap;
} jsvm_values;

static int jsvm_values_add(jsvm_values *a, JSValue v)
{
    if (a->n == a->cap) {
        uint32_t cap = a->cap ? a->cap * 2 : 16;
        JSValue *nv = realloc(a->v, cap * sizeof(*nv));
        if (!nv)
            return -1;
        a->v = nv;
        a->cap = cap;
    }
    a->v[a->n++] = v;
    return 0;
}

static void jsvm_values_free(JSContext *ctx, jsvm_values *a)
{
    for (uint32_t i = 0; i < a->n; i++)
        JS_FreeValue(ctx, a->v[i]);
    free(a->v);
}

/* If s (a string) is a canonical array index ("0".."4294967294", no sign
 * or leading zero), stores it in *idx and returns 1. */
static int jsvm_array_index(JSContext *ctx, JSValueConst s, uint32_t *idx)
{
    size_t len = 0;
    const char *c = JS_ToCStringLen(ctx, &len, s);
    int ok = 0;
    if (!c)
        return -1;
    if (len >= 1 && len <= 10 && c[0] >= '0' && c[0] <= '9' && (c[0] != '0' || len == 1)) {
        uint64_t n = 0;
        ok = 1;
        for (size_t i = 0; i < len && ok; i++) {
            if (c[i] < '0' || c[i] > '9')
                ok = 0;
            else
                n = n * 10 + (uint64_t)(c[i] - '0');
        }
        if (ok && n > 4294967294u)
            ok = 0;
        if (ok)
            *idx = (uint32_t)n;
    }
    JS_FreeCString(ctx, c);
    return ok;
}

/* The key as the caller wants it: a symbol, a string, or (KEEP_NUMBERS) a
 * number for an array index. JS_EXCEPTION on failure. */
static JSValue jsvm_key_value(JSContext *ctx, JSAtom atom, int keep_numbers)
{
    JSValue k = JS_AtomToValue(ctx, atom);
    if (JS_IsException(k) || !keep_numbers || !JS_IsString(k))
        return k;
    uint32_t idx;
    int r = jsvm_array_index(ctx, k, &idx);
    if (r < 0) {
        JS_FreeValue(ctx, k);
        return JS_EXCEPTION;
    }
    if (r == 0)
        return k;
    JS_FreeValue(ctx, k);
    return JS_NewInt64(ctx, idx);
}

/* Whether the own property atom of o passes the WRITABLE / CONFIGURABLE
 * filter bits: 1 yes, 0 no (or gone), -1 exception. Accessors count as
 * writable: V8 records no read-only attribute for them, and its filter
 * checks that attribute. */
static int jsvm_key_attrs_pass(JSContext *ctx, JSValueConst o, JSAtom atom, int filter)
{
    JSPropertyDescriptor d;
    int r = JS_GetOwnProperty(ctx, &d, o, atom);
    if (r <= 0)
        return r;
    int pass = 1;
    if ((filter & JSVM_KEY_WRITABLE) && !(d.flags & JS_PROP_GETSET) && !(d.flags & JS_PROP_WRITABLE))
        pass = 0;
    if ((filter & JSVM_KEY_CONFIGURABLE) && !(d.flags & JS_PROP_CONFIGURABLE))
        pass = 0;
    JS_FreeValue(ctx, d.value);
    JS_FreeValue(ctx, d.getter);
    JS_FreeValue(ctx, d.setter);
    return pass;
}

/* Collects the keys of o (and its prototypes unless own_only) into out.
 * Each object contributes its own keys in [[OwnPropertyKeys]] order
 * (integer indices ascending, then strings, then symbols, in creation
 * order), receiver first. Along the prototype chain a key appears once: a
 * property on a nearer object shadows one of the same key further up, even
 * when the nearer one is filtered out (for-in semantics: a non-enumerable
 * own property hides an enumerable inherited one). -1: exception pending. */
static int jsvm_collect_keys(JSContext *ctx, JSValueConst o, int own_only, int filter, int keep_numbers,
                             jsvm_values *out)
{
    int gpn = ((filter & JSVM_KEY_SKIP_STRINGS) ? 0 : JS_GPN_STRING_MASK) |
              ((filter & JSVM_KEY_SKIP_SYMBOLS) ? 0 : JS_GPN_SYMBOL_MASK);
    if (!gpn)
        return 0;
    if (filter & JSVM_KEY_ENUMERABLE)
        gpn |= JS_GPN_SET_ENUM; /* proxies: ask for enumerability only when filtered on */
    int need_attrs = (filter & (JSVM_KEY_WRITABLE | JSVM_KEY_CONFIGURABLE)) != 0;
    jsvm_atom_set seen = {NULL, 0, 0};
    JSValue cur = JS_DupValue(ctx, o);
    int rc = 0;
    while (JS_IsObject(cur)) {
        JSPropertyEnum *tab = NULL;
        uint32_t len = 0;
        if (JS_GetOwnPropertyNames(ctx, &tab, &len, cur, gpn) < 0) {
            rc = -1;
            break;
        }
        for (uint32_t i = 0; i < len && rc == 0; i++) {
            JSAtom atom = tab[i].atom;
            if (!own_only) {
                int added = jsvm_atom_set_add(ctx, &seen, atom);
                if (added < 0) {
                    JS_ThrowOutOfMemory(ctx);
                    rc = -1;
                    break;
                }
                if (added == 0)
                    continue; /* shadowed by a nearer object's property */
            }
            if ((filter & JSVM_KEY_ENUMERABLE) && !tab[i].is_enumerable)
                continue;
            if (need_attrs) {
                int pass = jsvm_key_attrs_pass(ctx, cur, atom, filter);
                if (pass < 0) {
                    rc = -1;
                    break;
                }
                if (!pass)
                    continue;
            }
            JSValue k = jsvm_key_value(ctx, atom, keep_numbers);
            if (JS_IsException(k) || jsvm_values_add(out, k) < 0) {
                if (!JS_IsException(k)) {
                    JS_FreeValue(ctx, k);
                    JS_ThrowOutOfMemory(ctx);
                }
                rc = -1;
            }
        }
        JS_FreePropertyEnum(ctx, tab, len);
        if (rc < 0 || own_only)
            break;
        JSValue proto = JS_GetPrototype(ctx, cur); /* proxies: the trap runs */
        JS_FreeValue(ctx, cur);
        cur = proto;
        if (JS_IsException(proto)) {
            cur = JS_UNDEFINED;
            rc = -1;
        }
    }
    JS_FreeValue(ctx, cur);
    jsvm_atom_set_free(ctx, &seen);
    return rc;
}

JSVM_Status jsvm_op_property_names(JSVM_Env env, JSVM_Value object, int mode, int filter, int conversion,
                                   JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    jsvm_values keys = {NULL, 0, 0};
    jsvm_enter(env);
    int rc = jsvm_collect_keys(ctx, o, mode == JSVM_KEY_OWN_ONLY, filter, conversion == JSVM_KEY_KEEP_NUMBERS,
                               &keys);
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    if (rc == 0) {
        if (keys.n > INT_MAX) {
            JS_ThrowRangeError(ctx, "too many keys");
        } else {
            JSValue arr = JS_NewArrayFrom(ctx, (int)keys.n, keys.v); /* takes the keys */
            keys.n = 0;
            if (!JS_IsException(arr)) {
                *out = jsvm_push(env, arr);
                st = JSVM_OK;
            }
        }
    }
    jsvm_values_free(ctx, &keys);
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

/* ------------------------------------------------------------------ */
/* arrays, prototypes, integrity, JSON                                 */

JSVM_Status jsvm_op_array_length(JSVM_Env env, JSVM_Value value, uint32_t *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue v = jsvm_v(value);
    if (!JS_IsArray(v)) {
        *out = 0;
        return JSVM_ARRAY_EXPECTED;
    }
    int64_t len = 0;
    if (JS_GetLength(ctx, v, &len) < 0) /* an Array's own length: no JS */
        return JSVM_PENDING_EXCEPTION;
    *out = (uint32_t)len;
    return JSVM_OK;
}

JSVM_Status jsvm_op_get_prototype(JSVM_Env env, JSVM_Value object, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    jsvm_enter(env);
    JSValue p = JS_GetPrototype(ctx, o); /* proxies: the trap runs */
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    if (!JS_IsException(p)) {
        *out = jsvm_push(env, p);
        st = JSVM_OK;
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

JSVM_Status jsvm_op_set_prototype(JSVM_Env env, JSVM_Value object, JSVM_Value proto)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    JSValue p = jsvm_v(proto);
    if (!JS_IsObject(p)) { /* JS null included, as in the reference implementation */
        jsvm_release_object(ctx, obj, o);
        return JSVM_INVALID_ARG;
    }
    JSVM_Status st = JSVM_OK;
    jsvm_enter(env);
    if (JS_SetPrototype(ctx, o, p) < 0) {
        /* QuickJS throws when an object refuses (non-extensible, cycle,
         * immutable prototype); V8 reports false, which the reference maps
         * to JSVM_GENERIC_FAILURE. A plain object runs no JS here, so its
         * exception is such a refusal. A proxy's stays pending. */
        st = JSVM_PENDING_EXCEPTION;
        if (jsvm_plain_object(o)) {
            JSValue exc = JS_GetException(ctx);
            if (!JS_IsUncatchableError(exc)) {
                JS_FreeValue(ctx, exc);
                st = JSVM_GENERIC_FAILURE;
            } else {
                JS_Throw(ctx, exc);
            }
        }
    }
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return st;
}

JSVM_Status jsvm_op_integrity(JSVM_Env env, JSVM_Value object, int freeze)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue obj = jsvm_v(object), o = jsvm_to_object(ctx, obj);
    if (JS_IsException(o))
        return JSVM_OBJECT_EXPECTED;
    jsvm_enter(env);
    int r = freeze ? JS_FreezeObject(ctx, o) : JS_SealObject(ctx, o);
    jsvm_leave(env);
    jsvm_release_object(ctx, obj, o);
    return r < 0 ? JSVM_PENDING_EXCEPTION : JSVM_OK;
}

JSVM_Status jsvm_op_json_parse(JSVM_Env env, JSVM_Value str, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue s = jsvm_v(str);
    if (!JS_IsString(s))
        return JSVM_STRING_EXPECTED;
    size_t len = 0;
    const char *text = JS_ToCStringLen(ctx, &len, s); /* NUL-terminated, as JS_ParseJSON needs */
    if (!text)
        return JSVM_PENDING_EXCEPTION;
    jsvm_enter(env);
    JSValue r = JS_ParseJSON(ctx, text, len, "<json>");
    JS_FreeCString(ctx, text);
    JSVM_Status st = JSVM_PENDING_EXCEPTION; /* a SyntaxError stays pending */
    if (!JS_IsException(r)) {
        *out = jsvm_push(env, r);
        st = JSVM_OK;
    }
    jsvm_leave(env);
    return st;
}

JSVM_Status jsvm_op_json_stringify(JSVM_Env env, JSVM_Value value, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    jsvm_enter(env);
    JSValue r = JS_JSONStringify(ctx, jsvm_v(value), JS_UNDEFINED, JS_UNDEFINED);
    /* JSON.stringify gives undefined for undefined, functions and symbols;
     * V8's JSON::Stringify converts that to the string "undefined", so the
     * result is always a string. */
    if (JS_IsUndefined(r))
        r = JS_NewStringLen(ctx, "undefined", 9);
    JSVM_Status st = JSVM_PENDING_EXCEPTION;
    if (!JS_IsException(r)) {
        *out = jsvm_push(env, r);
        st = JSVM_OK;
    }
    jsvm_leave(env);
    return st;
}

/* ------------------------------------------------------------------ */
/* checks that may run JS                                              */

JSVM_Status jsvm_op_instanceof(JSVM_Env env, JSVM_Value object, JSVM_Value ctor, bool *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue c = jsvm_v(ctor);
    if (JS_IsNull(c) || JS_IsUndefined(c)) {
        /* ToObject(constructor) fails: its TypeError stays pending. */
        JS_FreeValue(ctx, JS_ToObject(ctx, c));
        return JSVM_OBJECT_EXPECTED;
    }
    if (!JS_IsFunction(ctx, c)) {
        /* The reference implementation throws this TypeError itself. */
        JSValue e = JS_NewTypeError(ctx, "%s", "Constructor must be a function");
        if (!JS_IsException(e)) {
            JSValue code = JS_NewStringLen(ctx, "ERR_NAPI_CONS_FUNCTION", 22);
            if (JS_IsException(code) ||
                JS_DefinePropertyValueStr(ctx, e, "code", code,
                                          JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE | JS_PROP_ENUMERABLE) < 0) {
                JS_FreeValue(ctx, e);
                return JSVM_PENDING_EXCEPTION;
            }
            JS_Throw(ctx, e);
        }
        return JSVM_FUNCTION_EXPECTED;
    }
    jsvm_enter(env);
    int r = JS_IsInstanceOf(ctx, jsvm_v(object), c); /* Symbol.hasInstance may run */
    jsvm_leave(env);
    if (r < 0)
        return JSVM_PENDING_EXCEPTION;
    *out = r != 0;
    return JSVM_OK;
}

JSVM_Status jsvm_op_equals(JSVM_Env env, JSVM_Value a, JSVM_Value b, bool *out)
{
    OBJ_PREAMBLE(env);
    jsvm_enter(env);
    int r = JS_IsEqual(env->ctx, jsvm_v(a), jsvm_v(b)); /* valueOf/toString may run */
    jsvm_leave(env);
    if (r < 0)
        return JSVM_PENDING_EXCEPTION;
    *out = r != 0;
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* coercions                                                           */

/* ToBigInt(v). QuickJS does not export it; BigInt.asIntN(2^53 - 1, v)
 * performs exactly ToBigInt on v and then returns it unchanged (no BigInt
 * has that many bits). The function is reached from the engine's own
 * BigInt.prototype (the prototype of a BigInt primitive), not through the
 * global `BigInt`, which scripts may shadow. */
static JSValue jsvm_to_bigint(JSContext *ctx, JSValueConst v)
{
    if (JS_IsBigInt(v))
        return JS_DupValue(ctx, v);
    JSValue zero = JS_NewBigInt64(ctx, 0);
    if (JS_IsException(zero))
        return zero;
    JSValue proto = JS_GetPrototype(ctx, zero);
    JS_FreeValue(ctx, zero);
    if (JS_IsException(proto))
        return proto;
    JSValue ctor = JS_GetPropertyStr(ctx, proto, "constructor");
    JS_FreeValue(ctx, proto);
    if (JS_IsException(ctor))
        return ctor;
    JSValue fn = JS_GetPropertyStr(ctx, ctor, "asIntN");
    JSValue r;
    if (JS_IsException(fn)) {
        r = fn;
    } else if (!JS_IsFunction(ctx, fn)) {
        r = JS_ThrowTypeError(ctx, "BigInt.asIntN is not a function");
    } else {
        JSValue args[2] = {JS_NewFloat64(ctx, 9007199254740991.0), v};
        r = JS_Call(ctx, fn, ctor, 2, args);
    }
    JS_FreeValue(ctx, fn);
    JS_FreeValue(ctx, ctor);
    return r;
}

JSVM_Status jsvm_op_coerce(JSVM_Env env, int kind, JSVM_Value value, JSVM_Value *out)
{
    JSContext *ctx = env->ctx;
    OBJ_PREAMBLE(env);
    JSValue v = jsvm_v(value), r;
    JSVM_Status fail;
    if (kind == JSVM_COERCE_BOOL) {
        /* ToBoolean runs no JS and cannot fail; answer with a constant slot. */
        *out = (JSVM_Value)(JS_ToBool(ctx, v) > 0 ? &env->k_true : &env->k_false);
        return JSVM_OK;
    }
    jsvm_enter(env);
    switch (kind) {
    case JSVM_COERCE_NUMBER:
        r = JS_ToNumber(ctx, v);
        fail = JSVM_NUMBER_EXPECTED;
        break;
    case JSVM_COERCE_OBJECT:
        r = JS_ToObject(ctx, v);
        fail = JSVM_OBJECT_EXPECTED;
        break;
    case JSVM_COERCE_STRING:
        r = JS_ToString(ctx, v);
        fail = JSVM_STRING_EXPECTED;
        break;
    default:
        r = jsvm_to_bigint(ctx, v);
        fail = JSVM_BIGINT_EXPECTED;
        break;
    }
    JSVM_Status st = fail; /* the conversion's exception stays pending */
    if (!JS_IsException(r)) {
        *out = jsvm_push(env, r);
        st = JSVM_OK;
    }
    jsvm_leave(env);
    return st;
}
