/*
 * class.c: OH_JSVM_DefineClass, DefineClassWithOptions and
 * DefineClassWithPropertyHandler.
 *
 * A class is an API function (the constructor, core.c) with a prototype
 * object; static descriptors go on the constructor, the others on the
 * prototype with a receiver check. Plain instances are built by the
 * trampoline as objects of jsvm_obj_class_id (native.h).
 *
 * Interceptors: QuickJS consults an exotic class hook only for properties
 * missing from the object's own shape, so hooks cannot see every access.
 * Instances of a class with a property handler are therefore Proxies over a
 * hidden target: every [[Get]], [[Set]], [[Has]], [[Delete]], [[OwnKeys]]
 * and [[GetOwnProperty]] reaches a trap (a C closure) that calls the user's
 * interceptor and falls back to the target when it returns NULL ("not
 * handled"). The constructor callback already sees the proxy as `this`, so
 * wrap/unwrap and the interceptors' thisArg are the same object. With a
 * call-as-function handler the target is itself an API function, so the
 * instance is callable.
 *
 * Ownership: jsvm_class is C memory counted by its users (the constructor's
 * record and each trap closure); it holds no JS values, so no reference
 * cycle can hide from QuickJS's collector. The handler object (owned by the
 * constructor record, gc-marked) holds the traps and the named/indexed data
 * values as properties; the class keeps raw copies valid while a trap runs.
 */
#include <stdlib.h>

#include "native.h"

typedef struct jsvm_class {
    int refs;
    JSVM_Env env;
    JSVM_PropertyHandlerConfigurationStruct *cfg; /* user-owned, may be NULL */
    JSVM_CallbackStruct *call_cb;                  /* user-owned, may be NULL */
    JSValue named_data, indexed_data;              /* raw: owned by the handler */
} jsvm_class;

void jsvm_class_unref(jsvm_class *cls)
{
    if (--cls->refs == 0)
        free(cls);
}

static void jsvm_trap_finalize(void *opaque)
{
    jsvm_class_unref(opaque);
}

/* ------------------------------------------------------------------ */
/* instances                                                           */

JSValue jsvm_class_new_instance(JSVM_Env env, jsvm_fn_rec *ctor, JSValueConst new_target)
{
    JSContext *ctx = env->ctx;
    jsvm_class *cls = ctor->cls;
    JSValue proto = JS_GetPropertyStr(ctx, new_target, "prototype");
    if (JS_IsException(proto))
        return proto;
    if (!JS_IsObject(proto)) {
        JS_FreeValue(ctx, proto);
        proto = JS_GetClassProto(ctx, 1 /* JS_CLASS_OBJECT */);
    }
    JSValue target;
    jsvm_fn_rec *callable = NULL;
    if (cls->call_cb) {
        /* callable instances: the target is an API function running the
         * call-as-function handler */
        target = JS_NewObjectProtoClass(ctx, proto, jsvm_fn_class_id);
        if (!JS_IsException(target)) {
            callable = js_mallocz(ctx, sizeof(*callable));
            if (!callable) {
                JS_FreeValue(ctx, target);
                target = JS_EXCEPTION;
            } else {
                callable->cb = cls->call_cb;
                callable->env = env;
                callable->check_proto = callable->handler = callable->self = JS_UNDEFINED;
                JS_SetOpaque(target, callable);
            }
        }
    } else {
        target = JS_NewObjectProtoClass(ctx, proto, jsvm_obj_class_id);
    }
    JS_FreeValue(ctx, proto);
    if (JS_IsException(target) || !cls->cfg)
        return target;
    JSValue proxy = JS_NewProxy(ctx, target, ctor->handler);
    if (JS_IsException(proxy)) {
        JS_FreeValue(ctx, target);
        return proxy;
    }
    /* the traps receive the target; they find the instance (proxy) here */
    if (callable) {
        callable->self = proxy;
    } else {
        JSVM_Status st = JSVM_OK;
        jsvm_native *n = jsvm_native_of(env, target, 1, &st);
        if (!n) {
            JS_FreeValue(ctx, proxy);
            JS_FreeValue(ctx, target);
            return JS_ThrowOutOfMemory(ctx);
        }
        n->self = proxy;
        n->has_self = 1;
    }
    JS_FreeValue(ctx, target); /* the proxy owns it */
    return proxy;
}

/* The instance (proxy) that owns target. */
static JSValue jsvm_instance_of_target(JSVM_Env env, JSValueConst target)
{
    if (JS_GetClassID(target) == jsvm_fn_class_id) {
        jsvm_fn_rec *r = JS_GetOpaque(target, jsvm_fn_class_id);
        return r ? r->self : JS_UNDEFINED;
    }
    jsvm_native *n = jsvm_native_of(env, target, 0, NULL);
    return n && n->has_self ? n->self : JS_UNDEFINED;
}

/* ------------------------------------------------------------------ */
/* traps                                                               */

enum { TRAP_GET, TRAP_SET, TRAP_HAS, TRAP_DELETE, TRAP_OWNKEYS, TRAP_GOPD, TRAP_COUNT };

/* Canonical array index (0 .. 2^32-2) in a property key string. */
static int jsvm_key_index(JSContext *ctx, JSValueConst key, uint32_t *idx)
{
    if (!JS_IsString(key))
        return 0;
    size_t n;
    const char *s = JS_ToCStringLen(ctx, &n, key);
    if (!s)
        return 0;
    int ok = n > 0 && n <= 10 && (n == 1 || s[0] != '0');
    uint64_t v = 0;
    for (size_t i = 0; ok && i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            ok = 0;
        else
            v = v * 10 + (uint64_t)(s[i] - '0');
    }
    JS_FreeCString(ctx, s);
    if (!ok || v > 4294967294u)
        return 0;
    *idx = (uint32_t)v;
    return 1;
}

/* Calls one interceptor in a callback frame. Returns 1 with *out set (owned)
 * when it handled the access, 0 when not handled (NULL result), -1 when it
 * left an exception pending (to be rethrown into JS). */
static int jsvm_intercept(JSVM_Env env, jsvm_class *cls, int kind, JSValueConst key,
                          JSValueConst value, JSValueConst self, JSValue *out)
{
    JSContext *ctx = env->ctx;
    const JSVM_PropertyHandlerConfigurationStruct *c = cls->cfg;
    uint32_t idx = 0;
    int indexed = kind != TRAP_OWNKEYS && jsvm_key_index(ctx, key, &idx);
    JSValue data = indexed ? cls->indexed_data : cls->named_data;
    jsvm_frame f;
    jsvm_frame_begin(env, &f);
    JSVM_Value k = NULL;
    if (kind != TRAP_OWNKEYS)
        k = jsvm_push(env, indexed ? JS_NewUint32(ctx, idx) : JS_DupValue(ctx, key));
    JSVM_Value th = jsvm_push(env, JS_DupValue(ctx, self));
    JSVM_Value d = jsvm_push(env, JS_DupValue(ctx, data));
    JSVM_Value r = NULL;
    int called = 1;
    switch (kind) {
    case TRAP_GET:
    case TRAP_HAS:
    case TRAP_GOPD:
        if (indexed ? c->genericIndexedPropertyGetterCallback : c->genericNamedPropertyGetterCallback)
            r = (indexed ? c->genericIndexedPropertyGetterCallback : c->genericNamedPropertyGetterCallback)(env, k, th, d);
        else
            called = 0;
        break;
    case TRAP_SET: {
        JSVM_Value v = jsvm_push(env, JS_DupValue(ctx, value));
        if (indexed ? c->genericIndexedPropertySetterCallback : c->genericNamedPropertySetterCallback)
            r = (indexed ? c->genericIndexedPropertySetterCallback : c->genericNamedPropertySetterCallback)(env, k, v, th, d);
        else
            called = 0;
        break;
    }
    case TRAP_DELETE:
        if (indexed ? c->genericIndexedPropertyDeleterCallback : c->genericNamedPropertyDeleterCallback)
            r = (indexed ? c->genericIndexedPropertyDeleterCallback : c->genericNamedPropertyDeleterCallback)(env, k, th, d);
        else
            called = 0;
        break;
    case TRAP_OWNKEYS:
        /* value selects which enumerator: 0 named, 1 indexed */
        if (JS_ToBool(ctx, value) ? c->genericIndexedPropertyEnumeratorCallback : c->genericNamedPropertyEnumeratorCallback) {
            JSVM_Value dd = JS_ToBool(ctx, value) ? jsvm_push(env, JS_DupValue(ctx, cls->indexed_data)) : d;
            r = (JS_ToBool(ctx, value) ? c->genericIndexedPropertyEnumeratorCallback : c->genericNamedPropertyEnumeratorCallback)(env, th, dd);
        } else {
            called = 0;
        }
        break;
    }
    int res;
    if (called && JS_HasException(ctx)) {
        res = -1;
    } else if (called && r) {
        *out = JS_DupValue(ctx, jsvm_v(r));
        res = 1;
    } else {
        res = 0;
    }
    jsvm_frame_end(env, &f);
    return res;
}

/* [[Get]] of atom on target with receiver as `this` for accessors found on
 * the chain (QuickJS exposes no receiver-taking [[Get]]): prototype getters
 * of intercepted instances must see the instance, not the hidden target. */
static JSValue jsvm_get_with_receiver(JSContext *ctx, JSValueConst target, JSAtom atom,
                                      JSValueConst receiver)
{
    JSValue o = JS_DupValue(ctx, target);
    while (JS_IsObject(o)) {
        JSPropertyDescriptor d;
        int rc = JS_IsProxy(o) ? 0 : JS_GetOwnProperty(ctx, &d, o, atom);
        if (JS_IsProxy(o)) { /* let a proxy on the chain answer for itself */
            JSValue v = JS_GetProperty(ctx, o, atom);
            JS_FreeValue(ctx, o);
            return v;
        }
        if (rc < 0) {
            JS_FreeValue(ctx, o);
            return JS_EXCEPTION;
        }
        if (rc > 0) {
            JS_FreeValue(ctx, o);
            if (d.flags & JS_PROP_GETSET) {
                JS_FreeValue(ctx, d.value);
                JS_FreeValue(ctx, d.setter);
                JSValue v = JS_IsFunction(ctx, d.getter) ? JS_Call(ctx, d.getter, receiver, 0, NULL) : JS_UNDEFINED;
                JS_FreeValue(ctx, d.getter);
                return v;
            }
            JS_FreeValue(ctx, d.getter);
            JS_FreeValue(ctx, d.setter);
            return d.value;
        }
        JSValue next = JS_GetPrototype(ctx, o);
        JS_FreeValue(ctx, o);
        o = next;
    }
    return JS_IsException(o) ? o : JS_UNDEFINED;
}

/* [[Set]] with receiver: a setter on the chain runs with the instance as
 * `this`; otherwise the value becomes an own property of the target.
 * Returns 1/0 (success/refused) or -1 (exception). Takes value. */
static int jsvm_set_with_receiver(JSContext *ctx, JSValueConst target, JSAtom atom,
                                  JSValue value, JSValueConst receiver)
{
    JSValue o = JS_DupValue(ctx, target);
    while (JS_IsObject(o) && !JS_IsProxy(o)) {
        JSPropertyDescriptor d;
        int rc = JS_GetOwnProperty(ctx, &d, o, atom);
        if (rc < 0) {
            JS_FreeValue(ctx, o);
            JS_FreeValue(ctx, value);
            return -1;
        }
        if (rc > 0) {
            JS_FreeValue(ctx, d.value);
            JS_FreeValue(ctx, d.getter);
            if (d.flags & JS_PROP_GETSET) {
                JS_FreeValue(ctx, o);
                int ok = JS_IsFunction(ctx, d.setter);
                if (ok) {
                    JSValue r = JS_Call(ctx, d.setter, receiver, 1, (JSValueConst *)&value);
                    ok = JS_IsException(r) ? -1 : 1;
                    JS_FreeValue(ctx, r);
                }
                JS_FreeValue(ctx, d.setter);
                JS_FreeValue(ctx, value);
                return ok;
            }
            JS_FreeValue(ctx, d.setter);
            if (!(d.flags & JS_PROP_WRITABLE)) {
                JS_FreeValue(ctx, o);
                JS_FreeValue(ctx, value);
                return 0;
            }
            break; /* a writable data property: assign on the target */
        }
        JSValue next = JS_GetPrototype(ctx, o);
        JS_FreeValue(ctx, o);
        o = next;
    }
    JS_FreeValue(ctx, o);
    return JS_SetProperty(ctx, target, atom, value);
}

static JSValue jsvm_trap(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv,
                         int magic, void *opaque)
{
    (void)this_val;
    jsvm_class *cls = opaque;
    JSVM_Env env = cls->env;
    JSValueConst target = argc > 0 ? argv[0] : JS_UNDEFINED;
    JSValueConst key = argc > 1 ? argv[1] : JS_UNDEFINED;
    JSValue self = jsvm_instance_of_target(env, target);
    JSValue out = JS_UNDEFINED;
    int h;
    JSAtom atom;

    switch (magic) {
    case TRAP_GET:
        h = jsvm_intercept(env, cls, TRAP_GET, key, JS_UNDEFINED, self, &out);
        if (h)
            return h < 0 ? JS_EXCEPTION : out;
        atom = JS_ValueToAtom(ctx, key);
        if (atom == JS_ATOM_NULL)
            return JS_EXCEPTION;
        out = jsvm_get_with_receiver(ctx, target, atom, self);
        JS_FreeAtom(ctx, atom);
        return out;
    case TRAP_SET: {
        JSValueConst value = argc > 2 ? argv[2] : JS_UNDEFINED;
        h = jsvm_intercept(env, cls, TRAP_SET, key, value, self, &out);
        if (h) {
            JS_FreeValue(ctx, out);
            return h < 0 ? JS_EXCEPTION : JS_TRUE;
        }
        atom = JS_ValueToAtom(ctx, key);
        if (atom == JS_ATOM_NULL)
            return JS_EXCEPTION;
        int rc = jsvm_set_with_receiver(ctx, target, atom, JS_DupValue(ctx, value), self);
        JS_FreeAtom(ctx, atom);
        return rc < 0 ? JS_EXCEPTION : JS_NewBool(ctx, rc);
    }
    case TRAP_HAS: {
        atom = JS_ValueToAtom(ctx, key);
        if (atom == JS_ATOM_NULL)
            return JS_EXCEPTION;
        int rc = JS_HasProperty(ctx, target, atom);
        JS_FreeAtom(ctx, atom);
        if (rc != 0)
            return rc < 0 ? JS_EXCEPTION : JS_TRUE;
        /* not on the target: it exists if the getter interceptor has it */
        h = jsvm_intercept(env, cls, TRAP_HAS, key, JS_UNDEFINED, self, &out);
        JS_FreeValue(ctx, out);
        return h < 0 ? JS_EXCEPTION : JS_NewBool(ctx, h > 0);
    }
    case TRAP_DELETE: {
        h = jsvm_intercept(env, cls, TRAP_DELETE, key, JS_UNDEFINED, self, &out);
        if (h < 0)
            return JS_EXCEPTION;
        if (h > 0 && JS_IsBool(out))
            return out; /* a deleter's result counts only when boolean */
        JS_FreeValue(ctx, out);
        atom = JS_ValueToAtom(ctx, key);
        if (atom == JS_ATOM_NULL)
            return JS_EXCEPTION;
        int rc = JS_DeleteProperty(ctx, target, atom, 0);
        JS_FreeAtom(ctx, atom);
        return rc < 0 ? JS_EXCEPTION : JS_NewBool(ctx, rc);
    }
    case TRAP_OWNKEYS: {
        /* the target's own keys, then the enumerators' names not among them
         * (an enumerator's result counts only when it is an array) */
        JSValue keys = JS_NewArray(ctx);
        JSPropertyEnum *tab = NULL;
        uint32_t len = 0, n = 0;
        if (JS_IsException(keys) ||
            JS_GetOwnPropertyNames(ctx, &tab, &len, target, JS_GPN_STRING_MASK | JS_GPN_SYMBOL_MASK) < 0) {
            JS_FreeValue(ctx, keys);
            return JS_EXCEPTION;
        }
        for (uint32_t i = 0; i < len; i++)
            JS_SetPropertyUint32(ctx, keys, n++, JS_AtomToValue(ctx, tab[i].atom));
        JS_FreePropertyEnum(ctx, tab, len);
        for (int which = 1; which >= 0; which--) { /* indices first, as ordinary objects list them */
            JSValue arr = JS_UNDEFINED;
            h = jsvm_intercept(env, cls, TRAP_OWNKEYS, JS_UNDEFINED, JS_NewBool(ctx, which), self, &arr);
            if (h < 0) {
                JS_FreeValue(ctx, keys);
                return JS_EXCEPTION;
            }
            if (h > 0 && JS_IsArray(arr)) {
                int64_t alen = 0;
                JS_GetLength(ctx, arr, &alen);
                for (int64_t j = 0; j < alen; j++) {
                    JSValue k = JS_GetPropertyInt64(ctx, arr, j);
                    JSValue pk = JS_IsNumber(k) ? JS_ToString(ctx, k) : JS_DupValue(ctx, k);
                    JS_FreeValue(ctx, k);
                    if (JS_IsException(pk))
                        continue;
                    atom = JS_ValueToAtom(ctx, pk);
                    int dup = atom != JS_ATOM_NULL && JS_GetOwnProperty(ctx, NULL, target, atom) > 0;
                    for (uint32_t m = 0; !dup && m < n; m++) {
                        JSValue e = JS_GetPropertyUint32(ctx, keys, m);
                        dup = JS_IsStrictEqual(ctx, e, pk);
                        JS_FreeValue(ctx, e);
                    }
                    if (atom != JS_ATOM_NULL)
                        JS_FreeAtom(ctx, atom);
                    if (!dup && (JS_IsString(pk) || JS_IsSymbol(pk)))
                        JS_SetPropertyUint32(ctx, keys, n++, pk);
                    else
                        JS_FreeValue(ctx, pk);
                }
            }
            JS_FreeValue(ctx, arr);
        }
        return keys;
    }
    case TRAP_GOPD: {
        atom = JS_ValueToAtom(ctx, key);
        if (atom == JS_ATOM_NULL)
            return JS_EXCEPTION;
        JSPropertyDescriptor d;
        int rc = JS_GetOwnProperty(ctx, &d, target, atom);
        JS_FreeAtom(ctx, atom);
        if (rc < 0)
            return JS_EXCEPTION;
        JSValue desc = JS_NewObject(ctx);
        if (rc > 0) {
            if (d.flags & JS_PROP_GETSET) {
                JS_SetPropertyStr(ctx, desc, "get", d.getter);
                JS_SetPropertyStr(ctx, desc, "set", d.setter);
                JS_FreeValue(ctx, d.value);
            } else {
                JS_SetPropertyStr(ctx, desc, "value", d.value);
                JS_SetPropertyStr(ctx, desc, "writable", JS_NewBool(ctx, d.flags & JS_PROP_WRITABLE));
                JS_FreeValue(ctx, d.getter);
                JS_FreeValue(ctx, d.setter);
            }
            JS_SetPropertyStr(ctx, desc, "enumerable", JS_NewBool(ctx, d.flags & JS_PROP_ENUMERABLE));
            JS_SetPropertyStr(ctx, desc, "configurable", JS_NewBool(ctx, d.flags & JS_PROP_CONFIGURABLE));
            return desc;
        }
        /* an intercepted property: a plain, configurable data property */
        h = jsvm_intercept(env, cls, TRAP_GOPD, key, JS_UNDEFINED, self, &out);
        if (h <= 0) {
            JS_FreeValue(ctx, desc);
            return h < 0 ? JS_EXCEPTION : JS_UNDEFINED;
        }
        JS_SetPropertyStr(ctx, desc, "value", out);
        JS_SetPropertyStr(ctx, desc, "writable", JS_TRUE);
        JS_SetPropertyStr(ctx, desc, "enumerable", JS_TRUE);
        JS_SetPropertyStr(ctx, desc, "configurable", JS_TRUE);
        return desc;
    }
    }
    return JS_UNDEFINED;
}

static const char *const jsvm_trap_names[TRAP_COUNT] = {
    "get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor",
};

/* The Proxy handler of a class's instances: the traps, and the data values
 * passed to the interceptors (owned here). */
static JSValue jsvm_make_handler(JSVM_Env env, jsvm_class *cls)
{
    JSContext *ctx = env->ctx;
    JSValue h = JS_NewObjectProto(ctx, JS_NULL);
    if (JS_IsException(h))
        return h;
    for (int i = 0; i < TRAP_COUNT; i++) {
        JSValue f = JS_NewCClosure(ctx, jsvm_trap, jsvm_trap_names[i], jsvm_trap_finalize, 3, i, cls);
        if (JS_IsException(f) || JS_DefinePropertyValueStr(ctx, h, jsvm_trap_names[i], f, 0) < 0) {
            JS_FreeValue(ctx, h);
            return JS_EXCEPTION;
        }
        cls->refs++; /* released by the closure's finalizer */
    }
    if (JS_DefinePropertyValueStr(ctx, h, "namedData", JS_DupValue(ctx, cls->named_data), 0) < 0 ||
        JS_DefinePropertyValueStr(ctx, h, "indexedData", JS_DupValue(ctx, cls->indexed_data), 0) < 0) {
        JS_FreeValue(ctx, h);
        return JS_EXCEPTION;
    }
    return h;
}

/* ------------------------------------------------------------------ */
/* DefineClass*                                                        */

JSVM_Status jsvm_op_define_class(JSVM_Env env, const char *name, size_t len, JSVM_Callback ctor_cb,
                                 size_t n, const JSVM_PropertyDescriptor *props, JSVM_Value parent,
                                 JSVM_PropertyHandlerCfg cfg, JSVM_Callback call_cb,
                                 JSVM_Value *result)
{
    JSContext *ctx = env->ctx;
    if (JS_HasException(ctx))
        return JSVM_PENDING_EXCEPTION;
    if (len == JSVM_AUTO_LENGTH)
        len = strlen(name);
    JSValue par = parent ? jsvm_v(parent) : JS_UNDEFINED;
    if (parent && JS_GetClassID(par) != jsvm_fn_class_id)
        return JSVM_INVALID_ARG; /* a parent must be a class made by this API */
    jsvm_enter(env);
    JSVM_Status st = JSVM_OK;
    JSValue ctor = jsvm_new_function(env, name, len, ctor_cb);
    JSValue proto = JS_UNDEFINED;
    if (JS_IsException(ctor)) {
        st = JSVM_GENERIC_FAILURE;
        goto done;
    }
    proto = JS_GetPropertyStr(ctx, ctor, "prototype");
    if (JS_IsException(proto)) {
        st = JSVM_PENDING_EXCEPTION;
        goto done;
    }
    if (parent) {
        JSValue pproto = JS_GetPropertyStr(ctx, par, "prototype");
        int rc = JS_IsObject(pproto) ? JS_SetPrototype(ctx, proto, pproto) : -1;
        JS_FreeValue(ctx, pproto);
        if (rc < 0 || JS_SetPrototype(ctx, ctor, par) < 0) {
            if (JS_HasException(ctx))
                JS_FreeValue(ctx, JS_GetException(ctx));
            st = JSVM_INVALID_ARG; /* inheritance failed */
            goto done;
        }
    }
    if (cfg || call_cb) {
        jsvm_fn_rec *r = JS_GetOpaque(ctor, jsvm_fn_class_id);
        jsvm_class *cls = calloc(1, sizeof(*cls));
        if (!cls) {
            st = JSVM_GENERIC_FAILURE;
            goto done;
        }
        cls->refs = 1; /* the constructor's record */
        cls->env = env;
        cls->cfg = cfg;
        cls->call_cb = call_cb;
        cls->named_data = cfg && cfg->namedPropertyData ? jsvm_v(cfg->namedPropertyData) : JS_UNDEFINED;
        cls->indexed_data = cfg && cfg->indexedPropertyData ? jsvm_v(cfg->indexedPropertyData) : JS_UNDEFINED;
        r->cls = cls;
        if (cfg) {
            r->handler = jsvm_make_handler(env, cls);
            if (JS_IsException(r->handler)) {
                r->handler = JS_UNDEFINED;
                st = JSVM_PENDING_EXCEPTION;
                goto done;
            }
        }
    }
    st = jsvm_define_props_ex(env, ctor, n, props, JSVM_PROPS_STATIC, JS_UNDEFINED);
    if (st == JSVM_OK)
        st = jsvm_define_props_ex(env, proto, n, props, JSVM_PROPS_INSTANCE, proto);
done:
    JS_FreeValue(ctx, proto);
    if (st == JSVM_OK) {
        *result = jsvm_push(env, ctor);
    } else {
        JS_FreeValue(ctx, ctor);
        if (st != JSVM_PENDING_EXCEPTION && JS_HasException(ctx))
            JS_FreeValue(ctx, JS_GetException(ctx));
    }
    jsvm_leave(env);
    return st;
}

JSVM_Status jsvm_op_define_class_options(JSVM_Env env, const char *name, size_t len,
                                         JSVM_Callback ctor_cb, size_t n,
                                         const JSVM_PropertyDescriptor *props, JSVM_Value parent,
                                         size_t nopts, const JSVM_DefineClassOptions *opts,
                                         JSVM_Value *result)
{
    JSVM_PropertyHandlerCfg cfg = NULL;
    JSVM_Callback call_cb = NULL;
    for (size_t i = 0; i < nopts; i++) {
        switch (opts[i].id) {
        case JSVM_DEFINE_CLASS_NORMAL:
            break;
        case JSVM_DEFINE_CLASS_WITH_COUNT:
            /* internal field count: QuickJS objects need no reserved slots
             * and no JSVM function reads internal fields; accepted. */
            if (opts[i].content.num < 0)
                return JSVM_INVALID_ARG;
            break;
        case JSVM_DEFINE_CLASS_WITH_PROPERTY_HANDLER: {
            JSVM_PropertyHandler *ph = opts[i].content.ptr;
            if (!ph || !ph->propertyHandlerCfg)
                return JSVM_INVALID_ARG;
            cfg = ph->propertyHandlerCfg;
            call_cb = ph->callAsFunctionCallback;
            break;
        }
        default:
            return JSVM_INVALID_ARG;
        }
    }
    return jsvm_op_define_class(env, name, len, ctor_cb, n, props, parent, cfg, call_cb, result);
}
