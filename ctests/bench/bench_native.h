/*
 * bench_native.h: issue-3 ops of bench_core.c (included there).
 *  k  Unwrap of objects among 100,000 wrapped plain objects (target 2x): a
 *     working set of 1,000 objects taken across the population
 *  l  the same working set among 1,000, m among 200,000 wrapped objects
 *     (flatness: m/l of the JSVM side; the wrap state is per object, so the
 *     population must not matter)
 *  p  Unwrap at random over all 100,000 (memory-bound: shows cache misses)
 *  n  NewInstance of a native class (target 2x)
 *  o  GetReferenceValue of a strong reference (target 2x)
 * Baselines on the same QuickJS build: native data on arbitrary objects kept
 * the way a plain-C embedder would (a symbol-keyed property holding an object
 * of its own class, read with JS_GetProperty + JS_GetOpaque); a constructor
 * made with JS_NewCFunction2(JS_CFUNC_constructor) building objects of its
 * own class; a strong reference as a held JSValue (JS_DupValue/JS_FreeValue).
 */
#define NWRAP 200000

static JSVM_Value jw[NWRAP], jclass, jrefobj;
static JSVM_Ref jref;
static JSVM_HandleScope jwscope;
static JSVM_Value cb_ctor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct cb_ctor_s = {cb_ctor, NULL};

static void jsvm_native_setup(void)
{
    CHECK(OH_JSVM_OpenHandleScope(jenv, &jwscope));
    for (long i = 0; i < NWRAP; i++) {
        CHECK(OH_JSVM_CreateObject(jenv, &jw[i]));
        CHECK(OH_JSVM_Wrap(jenv, jw[i], (void *)(intptr_t)(i + 1), NULL, NULL, NULL));
    }
    CHECK(OH_JSVM_DefineClass(jenv, "P", JSVM_AUTO_LENGTH, &cb_ctor_s, 0, NULL, &jclass));
    CHECK(OH_JSVM_CreateObject(jenv, &jrefobj));
    CHECK(OH_JSVM_CreateReference(jenv, jrefobj, 1, &jref));
    void *p = NULL;
    CHECK(OH_JSVM_Unwrap(jenv, jw[12345], &p));
    if (p != (void *)(intptr_t)12346)
        CHECK(!"Unwrap gives the wrapped pointer");
}

static void jsvm_native_teardown(void)
{
    CHECK(OH_JSVM_DeleteReference(jenv, jref));
    CHECK(OH_JSVM_CloseHandleScope(jenv, jwscope));
}

/* The i-th object of a 1,000-object working set spread over pop objects
 * (pop objects are wrapped in the env, NWRAP in all for k and m; l's
 * population is the first 1,000). */
static long ws_index(long i, long pop) { return ((i * 7919) % 1000) * (pop / 1000); }

static void jsvm_unwrap_ws(long n, long pop, int random)
{
    void *p;
    intptr_t sum = 0;
    for (long i = 0; i < n; i++) {
        bad |= OH_JSVM_Unwrap(jenv, jw[random ? (i * 7919) % pop : ws_index(i, pop)], &p);
        sum += (intptr_t)p;
    }
    sink = (double)sum;
}
static void jsvm_k(long n) { jsvm_unwrap_ws(n, 100000, 0); }
static void jsvm_l(long n) { jsvm_unwrap_ws(n, 1000, 0); }
static void jsvm_m(long n) { jsvm_unwrap_ws(n, NWRAP, 0); }
static void jsvm_p(long n) { jsvm_unwrap_ws(n, 100000, 1); }

static void jsvm_n(long n)
{
    JSVM_HandleScope s;
    JSVM_Value r;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++)
            bad |= OH_JSVM_NewInstance(jenv, jclass, 0, NULL, &r);
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

static void jsvm_o(long n)
{
    JSVM_HandleScope s;
    JSVM_Value r;
    for (long k = 0; k < n; k += 1000) {
        bad |= OH_JSVM_OpenHandleScope(jenv, &s);
        for (int j = 0; j < 1000; j++)
            bad |= OH_JSVM_GetReferenceValue(jenv, jref, &r);
        bad |= OH_JSVM_CloseHandleScope(jenv, s);
    }
}

#ifndef BENCH_JSVM_ONLY
static JSClassID qholder_id, qinst_id;
static JSAtom qkey;
static JSValue qw[NWRAP], qclass, qrefval;

static JSValue q_ctor(JSContext *ctx, JSValueConst new_target, int argc, JSValueConst *argv)
{
    (void)argc;
    (void)argv;
    JSValue proto = JS_GetPropertyStr(ctx, new_target, "prototype");
    JSValue o = JS_NewObjectProtoClass(ctx, proto, qinst_id);
    JS_FreeValue(ctx, proto);
    return o;
}

static void base_native_setup(void)
{
    JSClassDef def;
    memset(&def, 0, sizeof def);
    def.class_name = "Holder";
    JS_NewClassID(qrt, &qholder_id);
    JS_NewClass(qrt, qholder_id, &def);
    def.class_name = "P";
    JS_NewClassID(qrt, &qinst_id);
    JS_NewClass(qrt, qinst_id, &def);
    JSValue sym = JS_NewSymbol(qctx, "native", false);
    qkey = JS_ValueToAtom(qctx, sym);
    JS_FreeValue(qctx, sym);
    for (long i = 0; i < NWRAP; i++) {
        qw[i] = JS_NewObject(qctx);
        JSValue h = JS_NewObjectClass(qctx, (int)qholder_id);
        JS_SetOpaque(h, (void *)(intptr_t)(i + 1));
        JS_DefinePropertyValue(qctx, qw[i], qkey, h, 0);
    }
    qclass = JS_NewCFunction2(qctx, q_ctor, "P", 0, JS_CFUNC_constructor, 0);
    JSValue proto = JS_NewObject(qctx);
    JS_SetConstructor(qctx, qclass, proto);
    JS_FreeValue(qctx, proto);
    qrefval = JS_NewObject(qctx);
}

static void base_native_teardown(void)
{
    for (long i = 0; i < NWRAP; i++)
        JS_FreeValue(qctx, qw[i]);
    JS_FreeValue(qctx, qclass);
    JS_FreeValue(qctx, qrefval);
    JS_FreeAtom(qctx, qkey);
}

static void base_unwrap_ws(long n, long pop, int random)
{
    intptr_t sum = 0;
    for (long i = 0; i < n; i++) {
        JSValue h = JS_GetProperty(qctx, qw[random ? (i * 7919) % pop : ws_index(i, pop)], qkey);
        sum += (intptr_t)JS_GetOpaque(h, qholder_id);
        JS_FreeValue(qctx, h);
    }
    sink = (double)sum;
}
static void base_k(long n) { base_unwrap_ws(n, 100000, 0); }
static void base_l(long n) { base_unwrap_ws(n, 1000, 0); }
static void base_m(long n) { base_unwrap_ws(n, NWRAP, 0); }
static void base_p(long n) { base_unwrap_ws(n, 100000, 1); }

static void base_n(long n)
{
    for (long i = 0; i < n; i++) {
        JSValue o = JS_CallConstructor(qctx, qclass, 0, NULL);
        bad |= JS_IsException(o);
        JS_FreeValue(qctx, o);
    }
}

static void base_o(long n)
{
    for (long i = 0; i < n; i++) {
        JSValue v = JS_DupValue(qctx, qrefval);
        sink += (double)JS_VALUE_GET_TAG(v);
        JS_FreeValue(qctx, v);
    }
}
#endif
