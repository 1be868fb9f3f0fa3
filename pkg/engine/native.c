/*
 * native.c: native records (wrap, type tags, finalizers, weak references),
 * the reference table, externals and private keys. See native.h.
 */
#include <stdlib.h>

#include "native.h"

JSClassID jsvm_obj_class_id;
JSClassID jsvm_ext_class_id;
JSClassID jsvm_holder_class_id;
JSClassID jsvm_pkey_class_id;

/* ------------------------------------------------------------------ */
/* records                                                             */

static void jsvm_weak_unlink(jsvm_ref *r)
{
    jsvm_native *t = r->target;
    if (!t)
        return;
    if (r->wprev)
        r->wprev->wnext = r->wnext;
    else
        t->weak = r->wnext;
    if (r->wnext)
        r->wnext->wprev = r->wprev;
    r->wnext = r->wprev = NULL;
    r->target = NULL;
}

static void jsvm_weak_link(jsvm_ref *r, jsvm_native *t)
{
    r->target = t;
    r->wprev = NULL;
    r->wnext = t->weak;
    if (t->weak)
        t->weak->wprev = r;
    t->weak = r;
}

static void jsvm_native_unlink(jsvm_native *n)
{
    JSVM_Env env = n->env;
    if (!env)
        return;
    if (n->prev)
        n->prev->next = n->next;
    else
        env->natives = n->next;
    if (n->next)
        n->next->prev = n->prev;
    n->next = n->prev = NULL;
}

/* Moves the record's user finalizers to the env's queue (exactly once). */
static void jsvm_native_queue_finalizers(jsvm_native *n)
{
    JSVM_Env env = n->env;
    if (n->wrapped && n->wrap_cb)
        jsvm_fin_enqueue(env, n->wrap_cb, n->wrap_data, n->wrap_hint);
    n->wrapped = 0;
    n->wrap_cb = NULL;
    for (uint32_t i = 0; i < n->nfins; i++)
        jsvm_fin_enqueue(env, n->fins[i].cb, n->fins[i].data, n->fins[i].hint);
    n->nfins = 0;
}

/* Class finalizer of instances, externals and holders: the object died.
 * Runs inside QuickJS's free/GC step, so it only touches C state. */
static void jsvm_native_finalizer(JSRuntime *rt, JSValueConst val)
{
    (void)rt;
    jsvm_native *n = JS_GetOpaque(val, JS_GetClassID(val));
    if (!n)
        return;
    while (n->weak) {
        jsvm_ref *r = n->weak;
        r->alive = 0;
        r->value = JS_UNDEFINED;
        jsvm_weak_unlink(r);
    }
    if (n->env) {
        jsvm_native_queue_finalizers(n);
        jsvm_native_unlink(n);
    }
    free(n->fins);
    free(n);
}

static jsvm_native *jsvm_native_new(JSVM_Env env)
{
    jsvm_native *n = calloc(1, sizeof(*n));
    if (!n)
        return NULL;
    n->env = env;
    n->next = env->natives;
    if (n->next)
        n->next->prev = n;
    env->natives = n;
    return n;
}

typedef struct jsvm_pkey {
    JSValue cls; /* the class whose #p field holds the values */
} jsvm_pkey;

static void jsvm_pkey_finalizer(JSRuntime *rt, JSValueConst val)
{
    jsvm_pkey *k = JS_GetOpaque(val, jsvm_pkey_class_id);
    if (k) {
        JS_FreeValueRT(rt, k->cls);
        free(k);
    }
}

static void jsvm_pkey_mark(JSRuntime *rt, JSValueConst val, JS_MarkFunc *mark)
{
    jsvm_pkey *k = JS_GetOpaque(val, jsvm_pkey_class_id);
    if (k)
        JS_MarkValue(rt, k->cls, mark);
}

/* Allocates our class ids in the same order in every runtime (see
 * jsvm_register_classes), so the global ids are valid everywhere. */
static int jsvm_class(JSRuntime *rt, JSClassID *gid, const char *name,
                      JSClassFinalizer *fin, JSClassGCMark *mark)
{
    JSClassID id = 0;
    JS_NewClassID(rt, &id);
    if (*gid == 0)
        *gid = id;
    else if (*gid != id)
        return -1;
    JSClassDef def;
    memset(&def, 0, sizeof(def));
    def.class_name = name;
    def.finalizer = fin;
    def.gc_mark = mark;
    return JS_NewClass(rt, id, &def);
}

int jsvm_native_register_classes(JSRuntime *rt)
{
    if (jsvm_class(rt, &jsvm_obj_class_id, "Object", jsvm_native_finalizer, NULL) < 0 ||
        jsvm_class(rt, &jsvm_ext_class_id, "Object", jsvm_native_finalizer, NULL) < 0 ||
        jsvm_class(rt, &jsvm_holder_class_id, "Object", jsvm_native_finalizer, NULL) < 0 ||
        jsvm_class(rt, &jsvm_pkey_class_id, "Object", jsvm_pkey_finalizer, jsvm_pkey_mark) < 0)
        return -1;
    return 0;
}

/* Runs internal JS with any pending exception set aside, so that "env" kind
 * functions can use it while the user has an exception pending. */
typedef struct {
    JSValue saved;
    int had;
} jsvm_exc_save;

static void jsvm_exc_stash(JSVM_Env env, jsvm_exc_save *s)
{
    s->had = JS_HasException(env->ctx);
    s->saved = s->had ? JS_GetException(env->ctx) : JS_UNDEFINED;
}

static void jsvm_exc_restore(JSVM_Env env, jsvm_exc_save *s)
{
    if (s->had) {
        if (JS_HasException(env->ctx))
            JS_FreeValue(env->ctx, JS_GetException(env->ctx));
        JS_Throw(env->ctx, s->saved);
    }
}

/* #h holds the holder (whose finalizer is the object's death notice); #w
 * holds the wrapped pointer as a number, so that Unwrap reads the object's
 * own shape and nothing else. */
static const char jsvm_stamp_src[] =
    "(() => {\n"
    "  class Base { constructor(o) { return o; } }\n"
    "  class Stamp extends Base {\n"
    "    #h; #w;\n"
    "    constructor(o, h) { super(o); this.#h = h; }\n"
    "    static get(o) { return #h in o ? o.#h : undefined; }\n"
    "    static getw(o) { return #w in o ? o.#w : undefined; }\n"
    "  }\n"
    "  return [Stamp, Stamp.get, Stamp.getw];\n"
    "})()";

/* Evaluates the hidden helper once per env and learns its private name. */
static int jsvm_stamp_init(JSVM_Env env)
{
    JSContext *ctx = env->ctx;
    if (!JS_IsUndefined(env->stamp_ctor))
        return 0;
    jsvm_enter(env);
    JSValue pair = JS_Eval(ctx, jsvm_stamp_src, sizeof(jsvm_stamp_src) - 1, "<libjsvm>",
                           JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    env->vm->depth--;
    if (JS_IsException(pair))
        return -1;
    JSValue ctor = JS_GetPropertyUint32(ctx, pair, 0);
    JSValue get = JS_GetPropertyUint32(ctx, pair, 1);
    JSValue getw = JS_GetPropertyUint32(ctx, pair, 2);
    JS_FreeValue(ctx, pair);
    /* Stamp a throw-away object to read the private name's atom. */
    JSValue dummy = JS_NewObject(ctx);
    JSValue args[2] = {dummy, JS_UNDEFINED};
    JSValue r = JS_CallConstructor(ctx, ctor, 2, args);
    JSPropertyEnum *tab = NULL;
    uint32_t len = 0;
    int ok = !JS_IsException(r) &&
             JS_GetOwnPropertyNames(ctx, &tab, &len, dummy, JS_GPN_PRIVATE_MASK) == 0 && len == 2;
    if (ok) {
        /* fields are listed in definition order: #h, #w */
        env->holder_atom = JS_DupAtom(ctx, tab[0].atom);
        env->wrap_atom = JS_DupAtom(ctx, tab[1].atom);
    }
    if (tab)
        JS_FreePropertyEnum(ctx, tab, len);
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, dummy);
    if (!ok || JS_IsException(ctor) || JS_IsException(get) || JS_IsException(getw)) {
        JS_FreeValue(ctx, ctor);
        JS_FreeValue(ctx, get);
        JS_FreeValue(ctx, getw);
        if (ok) {
            JS_FreeAtom(ctx, env->holder_atom);
            JS_FreeAtom(ctx, env->wrap_atom);
        }
        return -1;
    }
    env->stamp_ctor = ctor;
    env->stamp_get = get;
    env->stamp_getw = getw;
    return 0;
}

/* The value of obj's private field (atom: #h or #w; get: the matching JS
 * reader), or JS_UNDEFINED. */
static JSValue jsvm_field_get(JSVM_Env env, JSValueConst obj, JSAtom atom, JSValueConst get)
{
    JSContext *ctx = env->ctx;
    if (JS_IsProxy(obj)) {
        /* An own-property lookup on a proxy without the field would reach
         * its handler with our private name; `#h in o` never does. */
        JSValue h = JS_Call(ctx, get, JS_UNDEFINED, 1, &obj);
        if (JS_IsException(h)) {
            JS_FreeValue(ctx, JS_GetException(ctx));
            return JS_UNDEFINED;
        }
        return h;
    }
    JSPropertyDescriptor d;
    int r = JS_GetOwnProperty(ctx, &d, obj, atom);
    if (r <= 0) {
        if (r < 0)
            JS_FreeValue(ctx, JS_GetException(ctx));
        return JS_UNDEFINED;
    }
    JS_FreeValue(ctx, d.getter);
    JS_FreeValue(ctx, d.setter);
    return d.value;
}

jsvm_native *jsvm_native_of(JSVM_Env env, JSValueConst obj, int create, JSVM_Status *st)
{
    JSContext *ctx = env->ctx;
    JSClassID cid = JS_GetClassID(obj);
    if (cid == jsvm_obj_class_id || cid == jsvm_ext_class_id) {
        jsvm_native *n = JS_GetOpaque(obj, cid);
        if (!n && create) {
            n = jsvm_native_new(env);
            if (!n)
                *st = JSVM_GENERIC_FAILURE;
            else
                JS_SetOpaque(obj, n);
        }
        return n;
    }
    if (JS_IsUndefined(env->stamp_ctor)) {
        if (!create)
            return NULL; /* nothing was ever stamped in this env */
        jsvm_exc_save s;
        jsvm_exc_stash(env, &s);
        int rc = jsvm_stamp_init(env);
        if (rc < 0 && JS_HasException(ctx))
            JS_FreeValue(ctx, JS_GetException(ctx));
        jsvm_exc_restore(env, &s);
        if (rc < 0) {
            *st = JSVM_GENERIC_FAILURE;
            return NULL;
        }
    }
    JSValue h = jsvm_field_get(env, obj, env->holder_atom, env->stamp_get);
    if (JS_IsObject(h)) {
        jsvm_native *n = JS_GetOpaque(h, jsvm_holder_class_id);
        JS_FreeValue(ctx, h);
        return n;
    }
    JS_FreeValue(ctx, h);
    if (!create)
        return NULL;
    /* new Stamp(obj, holder): adds the #h field to obj itself. */
    jsvm_native *n = jsvm_native_new(env);
    JSValue holder = n ? JS_NewObjectProtoClass(ctx, JS_NULL, jsvm_holder_class_id) : JS_EXCEPTION;
    if (JS_IsException(holder)) {
        if (n) {
            jsvm_native_unlink(n);
            free(n);
        }
        JS_FreeValue(ctx, JS_GetException(ctx));
        *st = JSVM_GENERIC_FAILURE;
        return NULL;
    }
    JS_SetOpaque(holder, n);
    jsvm_exc_save s;
    jsvm_exc_stash(env, &s);
    JSValue args[2] = {obj, holder};
    jsvm_enter(env);
    JSValue r = JS_CallConstructor(ctx, env->stamp_ctor, 2, args);
    env->vm->depth--;
    JS_FreeValue(ctx, holder); /* obj's field owns it now (or it dies) */
    int failed = JS_IsException(r);
    JS_FreeValue(ctx, r);
    if (failed)
        JS_FreeValue(ctx, JS_GetException(ctx));
    jsvm_exc_restore(env, &s);
    if (failed) {
        *st = JSVM_GENERIC_FAILURE;
        return NULL; /* the holder died with its record */
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* reference table                                                     */

jsvm_ref *jsvm_ref_lookup(JSVM_Env env, JSVM_Ref ref)
{
    jsvm_ref **p = jsvm_idtab_get(&env->refs, (uintptr_t)ref);
    return p ? *p : NULL;
}

static JSVM_Ref jsvm_ref_add(JSVM_Env env, jsvm_ref *r)
{
    uintptr_t id;
    jsvm_ref **p = jsvm_idtab_add(&env->refs, &id);
    if (!p)
        return NULL;
    *p = r;
    return (JSVM_Ref)id;
}

/* Turns a strong reference to an object into a weak one (count reached 0). */
static JSVM_Status jsvm_ref_make_weak(JSVM_Env env, jsvm_ref *r)
{
    JSVM_Status st = JSVM_OK;
    jsvm_native *n = jsvm_native_of(env, r->value, 1, &st);
    if (!n)
        return st;
    jsvm_weak_link(r, n);
    r->weak = 1;
    r->alive = 1;
    JS_FreeValue(env->ctx, r->value); /* value stays as a raw, unowned handle */
    return JSVM_OK;
}

JSVM_Status jsvm_op_create_ref(JSVM_Env env, JSValueConst v, uint32_t count, int is_data,
                               JSVM_Ref *result)
{
    jsvm_ref *r = calloc(1, sizeof(*r));
    if (!r)
        return JSVM_GENERIC_FAILURE;
    r->env = env;
    r->count = count;
    r->is_data = (uint8_t)is_data;
    r->value = JS_DupValue(env->ctx, v);
    r->alive = 1;
    if (count == 0 && JS_IsObject(v) && !is_data) {
        JSVM_Status st = jsvm_ref_make_weak(env, r);
        if (st != JSVM_OK) {
            JS_FreeValue(env->ctx, r->value);
            free(r);
            return st;
        }
    }
    JSVM_Ref id = jsvm_ref_add(env, r);
    if (!id) {
        jsvm_weak_unlink(r);
        if (!r->weak)
            JS_FreeValue(env->ctx, r->value);
        free(r);
        return JSVM_GENERIC_FAILURE;
    }
    *result = id;
    return JSVM_OK;
}

static void jsvm_ref_free(JSVM_Env env, jsvm_ref *r)
{
    if (r->weak)
        jsvm_weak_unlink(r);
    else
        JS_FreeValue(env->ctx, r->value);
    free(r);
}

JSVM_Status jsvm_op_delete_ref(JSVM_Env env, JSVM_Ref ref)
{
    jsvm_ref *r = jsvm_ref_lookup(env, ref);
    if (!r)
        return JSVM_INVALID_ARG;
    jsvm_idtab_remove(&env->refs, (uintptr_t)ref);
    jsvm_ref_free(env, r);
    return JSVM_OK;
}

JSVM_Status jsvm_op_ref_adjust(JSVM_Env env, JSVM_Ref ref, int delta, uint32_t *result)
{
    jsvm_ref *r = jsvm_ref_lookup(env, ref);
    if (!r)
        return JSVM_INVALID_ARG;
    if (delta > 0) {
        if (r->count == UINT32_MAX)
            return JSVM_GENERIC_FAILURE;
        if (r->count++ == 0 && r->weak) {
            /* weak -> strong: own the value again, if it is still alive */
            jsvm_weak_unlink(r);
            r->weak = 0;
            r->value = r->alive ? JS_DupValue(env->ctx, r->value) : JS_UNDEFINED;
        }
    } else {
        if (r->count == 0)
            return JSVM_GENERIC_FAILURE;
        if (--r->count == 0 && JS_IsObject(r->value) && !r->is_data) {
            JSVM_Status st = jsvm_ref_make_weak(env, r);
            if (st != JSVM_OK) {
                r->count++;
                return st;
            }
        }
    }
    if (result)
        *result = r->count;
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* env teardown                                                        */

void jsvm_native_env_release_refs(JSVM_Env env)
{
    for (uint32_t i = 0; i < env->refs.n; i++) {
        jsvm_ref **p = jsvm_idtab_at(&env->refs, i);
        if (p) {
            jsvm_ref_free(env, *p);
            jsvm_idtab_remove_at(&env->refs, i);
        }
    }
    /* the table itself stays until the env is freed: a late
     * OH_JSVM_DeleteReference with an old id must fail cleanly */
    if (!JS_IsUndefined(env->stamp_ctor)) {
        JS_FreeValue(env->ctx, env->stamp_ctor);
        JS_FreeValue(env->ctx, env->stamp_get);
        JS_FreeValue(env->ctx, env->stamp_getw);
        JS_FreeAtom(env->ctx, env->holder_atom);
        JS_FreeAtom(env->ctx, env->wrap_atom);
        env->stamp_ctor = env->stamp_get = env->stamp_getw = JS_UNDEFINED;
    }
}

void jsvm_native_env_finalize(JSVM_Env env)
{
    /* Objects of this env still alive (reachable from the global object or
     * from other envs): their finalizers run now, at DestroyEnv at the
     * latest, and the records forget the env. */
    while (env->natives) {
        jsvm_native *n = env->natives;
        jsvm_native_queue_finalizers(n);
        jsvm_native_unlink(n);
        n->env = NULL;
    }
}

/* ------------------------------------------------------------------ */
/* wrap, type tags, finalizers                                         */

/* Instances of API classes and externals keep their record in the opaque
 * slot; every other object in its #h field. */
static int jsvm_has_opaque_record(JSValueConst o)
{
    JSClassID cid = JS_GetClassID(o);
    return cid == jsvm_obj_class_id || cid == jsvm_ext_class_id;
}

/* Sets the #w field of a stamped object (takes v). The field exists, so
 * the set never reaches a proxy's handler or a setter. */
static int jsvm_wrap_field_set(JSVM_Env env, JSValueConst o, JSValue v)
{
    int rc = JS_SetProperty(env->ctx, o, env->wrap_atom, v);
    if (rc < 0)
        JS_FreeValue(env->ctx, JS_GetException(env->ctx));
    return rc < 0 ? -1 : 0;
}

JSVM_Status jsvm_op_wrap(JSVM_Env env, JSVM_Value obj, void *data, JSVM_Finalize cb,
                         void *hint, JSVM_Ref *result)
{
    if (JS_HasException(env->ctx)) /* JS-running kind: the protocol's check first */
        return JSVM_PENDING_EXCEPTION;
    JSValue o = jsvm_v(obj);
    if (!JS_IsObject(o))
        return JSVM_INVALID_ARG;
    JSVM_Status st = JSVM_OK;
    jsvm_native *n = jsvm_native_of(env, o, 1, &st);
    if (!n)
        return st;
    if (n->wrapped)
        return JSVM_INVALID_ARG;
    if (!jsvm_has_opaque_record(o)) {
        /* A pointer a double cannot hold exactly (tagged pointers, arbitrary
         * 64-bit values) is marked `true`: Unwrap then reads the record. */
        uintptr_t u = (uintptr_t)data;
        JSValue w = (uintptr_t)(double)u == u && u < ((uintptr_t)1 << 53)
                        ? JS_NewFloat64(env->ctx, (double)u) : JS_TRUE;
        if (jsvm_wrap_field_set(env, o, w) < 0)
            return JSVM_GENERIC_FAILURE;
    }
    if (result && (st = jsvm_op_create_ref(env, o, 0, 0, result)) != JSVM_OK) {
        jsvm_wrap_field_set(env, o, JS_UNDEFINED);
        return st;
    }
    n->wrapped = 1;
    n->wrap_data = data;
    n->wrap_cb = cb;
    n->wrap_hint = hint;
    return JSVM_OK;
}

JSVM_Status jsvm_op_unwrap(JSVM_Env env, JSVM_Value obj, void **result, int remove)
{
    if (JS_HasException(env->ctx)) /* JS-running kind: the protocol's check first */
        return JSVM_PENDING_EXCEPTION;
    JSValue o = jsvm_v(obj);
    if (!JS_IsObject(o))
        return JSVM_INVALID_ARG;
    if (!remove && !jsvm_has_opaque_record(o)) {
        /* the fast path: the pointer mirrored in the #w field */
        if (JS_IsUndefined(env->stamp_ctor))
            return JSVM_INVALID_ARG;
        JSValue w = jsvm_field_get(env, o, env->wrap_atom, env->stamp_getw);
        double d;
        if (JS_VALUE_GET_TAG(w) == JS_TAG_INT)
            d = JS_VALUE_GET_INT(w);
        else if (JS_TAG_IS_FLOAT64(JS_VALUE_GET_TAG(w)))
            d = JS_VALUE_GET_FLOAT64(w);
        else if (JS_IsBool(w))
            d = -1; /* marker: the pointer is only in the record */
        else {
            JS_FreeValue(env->ctx, w);
            return JSVM_INVALID_ARG;
        }
        if (d >= 0) {
            if (result)
                *result = (void *)(uintptr_t)d;
            return JSVM_OK;
        }
    }
    jsvm_native *n = jsvm_native_of(env, o, 0, NULL);
    if (!n || !n->wrapped)
        return JSVM_INVALID_ARG;
    if (result)
        *result = n->wrap_data;
    if (remove) {
        /* the finalizer of the wrap will not run */
        if (!jsvm_has_opaque_record(o))
            jsvm_wrap_field_set(env, o, JS_UNDEFINED);
        n->wrapped = 0;
        n->wrap_cb = NULL;
        n->wrap_data = n->wrap_hint = NULL;
    }
    return JSVM_OK;
}

JSVM_Status jsvm_op_add_finalizer(JSVM_Env env, JSVM_Value obj, void *data, JSVM_Finalize cb,
                                  void *hint, JSVM_Ref *result)
{
    JSValue o = jsvm_v(obj);
    if (!JS_IsObject(o))
        return JSVM_INVALID_ARG;
    JSVM_Status st = JSVM_OK;
    jsvm_native *n = jsvm_native_of(env, o, 1, &st);
    if (!n)
        return st;
    if (n->nfins == n->cap_fins) {
        uint32_t cap = n->cap_fins ? n->cap_fins * 2 : 2;
        jsvm_fin *f = realloc(n->fins, cap * sizeof(*f));
        if (!f)
            return JSVM_GENERIC_FAILURE;
        n->fins = f;
        n->cap_fins = cap;
    }
    if (result && (st = jsvm_op_create_ref(env, o, 0, 0, result)) != JSVM_OK)
        return st;
    n->fins[n->nfins].cb = cb;
    n->fins[n->nfins].data = data;
    n->fins[n->nfins].hint = hint;
    n->nfins++;
    return JSVM_OK;
}

/* check == NULL: attach tag; otherwise *check = whether obj carries tag. */
JSVM_Status jsvm_op_type_tag(JSVM_Env env, JSVM_Value obj, const JSVM_TypeTag *tag, bool *check)
{
    if (JS_HasException(env->ctx)) /* JS-running kind: the protocol's check first */
        return JSVM_PENDING_EXCEPTION;
    JSValue o = jsvm_v(obj);
    if (!JS_IsObject(o))
        return JSVM_OBJECT_EXPECTED;
    JSVM_Status st = JSVM_OK;
    jsvm_native *n = jsvm_native_of(env, o, check == NULL, &st);
    if (check) {
        *check = n && n->tagged && n->tag.lower == tag->lower && n->tag.upper == tag->upper;
        return JSVM_OK;
    }
    if (!n)
        return st;
    if (n->tagged)
        return JSVM_INVALID_ARG;
    n->tagged = 1;
    n->tag = *tag;
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* externals                                                           */

int jsvm_is_external(JSValueConst v)
{
    return JS_GetClassID(v) == jsvm_ext_class_id;
}

JSVM_Status jsvm_op_create_external(JSVM_Env env, void *data, JSVM_Finalize cb, void *hint,
                                    JSVM_Value *result)
{
    if (JS_HasException(env->ctx)) /* JS-running kind: the protocol's check first */
        return JSVM_PENDING_EXCEPTION;
    JSContext *ctx = env->ctx;
    JSValue e = JS_NewObjectProtoClass(ctx, JS_NULL, jsvm_ext_class_id);
    if (JS_IsException(e)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return JSVM_GENERIC_FAILURE;
    }
    jsvm_native *n = jsvm_native_new(env);
    if (!n || (cb && !(n->fins = malloc(sizeof(jsvm_fin))))) {
        JS_FreeValue(ctx, e); /* finalizer frees n (opaque not set: free here) */
        if (n) {
            jsvm_native_unlink(n);
            free(n);
        }
        return JSVM_GENERIC_FAILURE;
    }
    n->external_data = data;
    if (cb) {
        n->fins[0].cb = cb;
        n->fins[0].data = data;
        n->fins[0].hint = hint;
        n->nfins = n->cap_fins = 1;
    }
    JS_SetOpaque(e, n);
    *result = jsvm_push(env, e);
    return JSVM_OK;
}

/* ------------------------------------------------------------------ */
/* private keys                                                        */

/* Each key is a fresh class with its own private name #p; its static
 * methods read and write #p on any object (frozen ones and proxies too)
 * without the value ever being visible to reflection. */
static const char jsvm_pkey_src[] =
    "(() => {\n"
    "  class Base { constructor(o) { return o; } }\n"
    "  class Key extends Base {\n"
    "    #p;\n"
    "    constructor(o, v) { super(o); this.#p = v; }\n"
    "    static set(o, v) { if (#p in o) o.#p = v; else new Key(o, v); }\n"
    "    static get(o) { return #p in o ? o.#p : undefined; }\n"
    "    static del(o) { if (#p in o) o.#p = undefined; }\n"
    "  }\n"
    "  return Key;\n"
    "})()";

JSVM_Status jsvm_op_create_private(JSVM_Env env, JSVM_Value description, JSVM_Data *result)
{
    JSContext *ctx = env->ctx;
    if (description && !JS_IsString(jsvm_v(description)))
        return JSVM_STRING_EXPECTED;
    jsvm_exc_save s;
    jsvm_exc_stash(env, &s);
    jsvm_enter(env);
    JSValue cls = JS_Eval(ctx, jsvm_pkey_src, sizeof(jsvm_pkey_src) - 1, "<libjsvm>",
                          JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    env->vm->depth--;
    JSVM_Status st = JSVM_OK;
    JSValue key = JS_UNDEFINED;
    jsvm_pkey *k = NULL;
    if (JS_IsException(cls) ||
        JS_IsException(key = JS_NewObjectProtoClass(ctx, JS_NULL, jsvm_pkey_class_id)) ||
        !(k = malloc(sizeof(*k)))) {
        if (JS_HasException(ctx))
            JS_FreeValue(ctx, JS_GetException(ctx));
        JS_FreeValue(ctx, cls);
        JS_FreeValue(ctx, key);
        st = JSVM_GENERIC_FAILURE;
    } else {
        k->cls = cls;
        JS_SetOpaque(key, k);
        if (description) /* kept for debugging: the class is named after it */
            JS_DefinePropertyValueStr(ctx, key, "description", JS_DupValue(ctx, jsvm_v(description)), 0);
        *result = (JSVM_Data)jsvm_push(env, key);
    }
    jsvm_exc_restore(env, &s);
    return st;
}

JSVM_Status jsvm_op_private(JSVM_Env env, int op, JSVM_Value obj, JSVM_Data key,
                            JSVM_Value value, JSVM_Value *result)
{
    JSContext *ctx = env->ctx;
    if (JS_HasException(ctx))
        return JSVM_PENDING_EXCEPTION;
    JSValue o = jsvm_v(obj);
    if (!JS_IsObject(o))
        return JSVM_OBJECT_EXPECTED;
    jsvm_pkey *k = JS_GetOpaque(*(JSValue *)key, jsvm_pkey_class_id);
    if (!k)
        return JSVM_INVALID_ARG;
    static const char *const names[] = {"set", "get", "del"};
    JSValue fn = JS_GetPropertyStr(ctx, k->cls, names[op]);
    if (JS_IsException(fn))
        return JSVM_PENDING_EXCEPTION;
    JSValue args[2] = {o, value ? jsvm_v(value) : JS_UNDEFINED};
    jsvm_enter(env);
    JSValue r = JS_Call(ctx, fn, k->cls, op == JSVM_PRIV_SET ? 2 : 1, args);
    JS_FreeValue(ctx, fn);
    if (JS_IsException(r)) {
        jsvm_leave(env);
        return JSVM_PENDING_EXCEPTION;
    }
    if (result)
        *result = jsvm_push(env, r);
    else
        JS_FreeValue(ctx, r);
    jsvm_leave(env);
    return JSVM_OK;
}
