/*
 * test_wrap.c: OH_JSVM_Wrap, Unwrap, RemoveWrap, AddFinalizer,
 * TypeTagObject and CheckObjectTypeTag (spec §3.15, §2.3, §8 items 7-8;
 * issue 3).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

/* A finalizer record: the data pointer of the finalizer is the record, so
 * calls are counted per data pointer. */
typedef struct {
    int calls;
    JSVM_Env env;
    void *hint;
} fin_rec;

static void CountFin(JSVM_Env env, void *data, void *hint)
{
    fin_rec *r = data;
    r->calls++;
    r->env = env;
    r->hint = hint;
}

static void gc(JSVM_Env env)
{
    CHECK_OK(env, OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
}

static bool take_exception_is(JSVM_Env env, const char *pred)
{
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e && js_check(env, pred, e);
}

static JSVM_Value new_object(JSVM_Env env)
{
    JSVM_Value o = NULL;
    CHECK_OK(env, OH_JSVM_CreateObject(env, &o));
    return o;
}

/* Whether a and b are the same value (Object.is). */
static bool same(JSVM_Env env, JSVM_Value a, JSVM_Value b)
{
    JSVM_Value args[2] = {a, b};
    bool r = false;
    JSVM_Value v = call_js(env, "(function (a, b) { return Object.is(a, b); })", 2, args);
    return v && OH_JSVM_GetValueBool(env, v, &r) == JSVM_OK && r;
}

static JSVM_Value NoopCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct noop_ctor = {NoopCtor, NULL};

/* Proxies whose every trap throws (and counts). */
static const char throwing_proxy_src[] =
    "(() => {\n"
    "  globalThis.trapCalls = 0;\n"
    "  const h = {};\n"
    "  for (const t of ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor',\n"
    "                   'defineProperty', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible',\n"
    "                   'preventExtensions', 'apply', 'construct'])\n"
    "    h[t] = () => { globalThis.trapCalls++; throw new Error('trap ' + t); };\n"
    "  return new Proxy(function () {}, h);\n"
    "})()";

/* ------------------------------------------------------------ tests */

static void wrap_unwrap_remove_plain(void)
{
    jt_fixture f;
    jt_setup(&f);
    int a = 1, b = 2;
    JSVM_Value o = new_object(f.env);
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &a, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == &a);
    /* wrapping twice fails and keeps the first wrap */
    EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, o, &b, NULL, NULL, NULL), JSVM_INVALID_ARG);
    p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == &a);
    /* the same object seen through another handle */
    set_global(f.env, "obj", o);
    JSVM_Value o2 = JT_RUN(f.env, "obj");
    p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o2, &p));
    EXPECT_TRUE(p == &a);
    /* remove: returns the pointer, and the object is unwrapped afterwards */
    p = NULL;
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, o, &p));
    EXPECT_TRUE(p == &a);
    p = &b;
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_INVALID_ARG);
    EXPECT_TRUE(p == &b); /* output untouched on failure */
    EXPECT_STATUS(f.env, OH_JSVM_RemoveWrap(f.env, o, &p), JSVM_INVALID_ARG);
    /* and it can be wrapped again */
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &b, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o2, &p));
    EXPECT_TRUE(p == &b);
    /* RemoveWrap's result is optional */
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, o, NULL));
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_INVALID_ARG);
    /* a NULL native pointer is a valid wrap */
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, NULL, NULL, NULL, NULL));
    p = &a;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, o, &a, NULL, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

/* Any pointer value round-trips exactly: small, odd, tagged (top byte set,
 * as with ARM64 pointer tagging), beyond 2^53, all ones. */
static void wrap_pointer_values(void)
{
    jt_fixture f;
    jt_setup(&f);
    static const uint64_t vals[] = {
        1, 3, 0x7f, 0x80000000ull, 0xffffffffull, 0x100000000ull, 0x00007ffff7a3c010ull,
        (1ull << 53) - 1, 1ull << 53, (1ull << 53) + 1, 0xb400007ff7a3c010ull, 0xff00123456789abcull,
        0x8000000000000000ull, 0xfffffffffffffffeull, 0xffffffffffffffffull,
    };
    const size_t n = sizeof vals / sizeof vals[0];
    JSVM_Value cls = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &noop_ctor, 0, NULL, &cls));
    for (size_t i = 0; i < n; i++) {
        void *ptr = (void *)(uintptr_t)vals[i];
        JSVM_Value objs[4] = {new_object(f.env), JT_RUN(f.env, "Object.freeze([])"), NULL,
                              JT_RUN(f.env, "new Proxy({}, {})")};
        CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &objs[2]));
        for (int k = 0; k < 4; k++) {
            void *p = NULL;
            CHECK_OK(f.env, OH_JSVM_Wrap(f.env, objs[k], ptr, NULL, NULL, NULL));
            CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, objs[k], &p));
            if (p != ptr)
                fprintf(stderr, "  pointer %#llx (object %d): got %p\n", (unsigned long long)vals[i], k, p);
            EXPECT_TRUE(p == ptr);
            p = NULL;
            CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, objs[k], &p));
            EXPECT_TRUE(p == ptr);
            EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, objs[k], &p), JSVM_INVALID_ARG);
            /* and another value on the same object */
            void *ptr2 = (void *)(uintptr_t)(vals[n - 1 - i]);
            CHECK_OK(f.env, OH_JSVM_Wrap(f.env, objs[k], ptr2, NULL, NULL, NULL));
            CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, objs[k], &p));
            EXPECT_TRUE(p == ptr2);
        }
    }
    jt_teardown(&f);
}

/* Freezing or sealing a wrapped object does not freeze its wrap. */
static void wrap_then_freeze(void)
{
    jt_fixture f;
    jt_setup(&f);
    static int a, b;
    static fin_rec rec;
    memset(&rec, 0, sizeof rec);
    const char *freezers[] = {"Object.freeze", "Object.seal", "Object.preventExtensions"};
    for (int i = 0; i < 3; i++) {
        JSVM_Value o = JT_RUN(f.env, "({x: 1})"), fz = JT_RUN(f.env, freezers[i]);
        void *p = NULL;
        CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &a, NULL, NULL, NULL));
        call_js(f.env, "(function (f, o) { f(o); })", 2, (JSVM_Value[]){fz, o});
        CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
        EXPECT_TRUE(p == &a);
        CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, o, &p));
        EXPECT_TRUE(p == &a);
        EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_INVALID_ARG);
        CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &b, NULL, NULL, NULL));
        CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
        EXPECT_TRUE(p == &b);
        EXPECT_JS(f.env, o, "(o) => !Object.isExtensible(o) && Reflect.ownKeys(o).join() === 'x'");
    }
    /* tag / finalizer first, wrap after freezing */
    JSVM_TypeTag t = {1, 2};
    JSVM_Value o = JT_RUN(f.env, "({})");
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_TypeTagObject(f.env, o, &t));
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o, &rec, CountFin, NULL, NULL));
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_RemoveWrap(f.env, o, &p), JSVM_INVALID_ARG);
    call_js(f.env, "(function (o) { Object.freeze(o); })", 1, &o);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &a, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == &a);
    bool r = false;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, o, &t, &r));
    EXPECT_TRUE(r);
    jt_teardown(&f);
    EXPECT_EQ_INT(rec.calls, 1);
}

/* Every kind of object can be wrapped, and proxies' traps are not run. */
static void wrap_object_kinds(void)
{
    jt_fixture f;
    jt_setup(&f);
    static const char *const srcs[] = {
        "({a: 1})",
        "Object.freeze({a: 1})",
        "Object.seal({b: 2})",
        "Object.preventExtensions({c: 3})",
        "(function named() {})",
        "(() => 1)",
        "(class K {})",
        "(function () {}).bind(null)",
        "[1, 2, 3]",
        "Object.freeze([1])",
        "new Proxy({}, {})",
        "new Date(0)",
        "new Map()",
        "/re/g",
        "new Uint8Array(4)",
        "new ArrayBuffer(8)",
        "Object.create(null)",
        "new Error('e')",
        "Promise.resolve(1)",
        "Object(Symbol('s'))",
        "new String('boxed')",
        "globalThis.wrapTarget = {}; wrapTarget",
        "(function* g() {})()",
    };
    static int data[sizeof srcs / sizeof srcs[0]];
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        JSVM_Value o = JT_RUN(f.env, srcs[i]);
        void *p = NULL;
        if (!o)
            continue;
        EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, o, &data[i], NULL, NULL, NULL), JSVM_OK);
        EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_OK);
        if (p != &data[i])
            fprintf(stderr, "  kind %s\n", srcs[i]);
        EXPECT_TRUE(p == &data[i]);
        EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, o, &data[0], NULL, NULL, NULL), JSVM_INVALID_ARG);
    }
    /* frozen / sealed objects stay frozen / sealed */
    JSVM_Value fr = JT_RUN(f.env, "globalThis.fr = Object.freeze({x: 1}); fr");
    JSVM_Value se = JT_RUN(f.env, "globalThis.se = Object.seal({y: 2}); se");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, fr, &data[0], NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, se, &data[1], NULL, NULL, NULL));
    JT_ASSERT_JS(f.env, "Object.isFrozen(fr) && Object.isSealed(se) && !Object.isFrozen(se) && !Object.isExtensible(se)");
    JT_ASSERT_JS(f.env, "JSON.stringify(fr) === '{\"x\":1}' && JSON.stringify(se) === '{\"y\":2}'");

    /* a proxy whose traps all throw: nothing reaches them */
    JSVM_Value px = JT_RUN(f.env, throwing_proxy_src);
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, px, &data[2], NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, px, &p));
    EXPECT_TRUE(p == &data[2]);
    EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, px, &data[3], NULL, NULL, NULL), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, px, &p));
    EXPECT_TRUE(p == &data[2]);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, px, &p), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));
    JT_ASSERT_JS(f.env, "trapCalls === 0");
    /* a proxy and its target are distinct objects */
    JSVM_Value tgt = JT_RUN(f.env, "globalThis.tgt = {}; globalThis.prx = new Proxy(tgt, {}); tgt");
    JSVM_Value prx = JT_RUN(f.env, "prx");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, prx, &data[4], NULL, NULL, NULL));
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, tgt, &p), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, tgt, &data[5], NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, prx, &p));
    EXPECT_TRUE(p == &data[4]);
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, tgt, &p));
    EXPECT_TRUE(p == &data[5]);
    /* a revoked proxy */
    JSVM_Value rv = JT_RUN(f.env, "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, rv, &data[6], NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, rv, &p));
    EXPECT_TRUE(p == &data[6]);

    /* native functions, class instances, externals, the global object */
    JSVM_Value fn = NULL, cls = NULL, inst = NULL, ext = NULL, global = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "nf", JSVM_AUTO_LENGTH, &noop_ctor, &fn));
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &noop_ctor, 0, NULL, &cls));
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &data[7], NULL, NULL, &ext));
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    JSVM_Value more[] = {fn, cls, inst, ext, global};
    for (size_t i = 0; i < 5; i++) {
        CHECK_OK(f.env, OH_JSVM_Wrap(f.env, more[i], &data[8 + i], NULL, NULL, NULL));
    }
    for (size_t i = 0; i < 5; i++) {
        p = NULL;
        CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, more[i], &p));
        EXPECT_TRUE(p == &data[8 + i]);
    }
    void *ed = NULL;
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, ext, &ed));
    EXPECT_TRUE(ed == &data[7]);
    /* a class and its instance, a function and its prototype are distinct */
    set_global(f.env, "C", cls);
    JSVM_Value proto = JT_RUN(f.env, "C.prototype");
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, proto, &p), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

/* The wrap adds nothing JS reflection can see. */
static void wrap_invisible_to_js(void)
{
    jt_fixture f;
    jt_setup(&f);
    static int d1, d2, d3;
    JT_RUN(f.env, "globalThis.o = {a: 1, [Symbol.for('s')]: 2}; globalThis.arr = [1, 2];"
                  "globalThis.fn = function fn(x) {}; globalThis.fz = Object.freeze({z: 1});"
                  "globalThis.snap = (x) => JSON.stringify([Reflect.ownKeys(x).map(String),"
                  " Object.getOwnPropertyNames(x), Object.getOwnPropertySymbols(x).map(String),"
                  " Object.keys(x), Object.getOwnPropertyDescriptors(x) && Object.keys(Object.getOwnPropertyDescriptors(x)),"
                  " Object.isExtensible(x), Object.isFrozen(x), Object.isSealed(x)]);"
                  "globalThis.before = [o, arr, fn, fz].map(snap);");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, JT_RUN(f.env, "o"), &d1, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, JT_RUN(f.env, "arr"), &d2, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, JT_RUN(f.env, "fn"), &d3, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, JT_RUN(f.env, "fz"), &d3, NULL, NULL, NULL));
    JSVM_Value r = JT_RUN(f.env, "JSON.stringify([o, arr, fn, fz].map(snap)) === JSON.stringify(before) ? 'same' :"
                                 " JSON.stringify([o, arr, fn, fz].map(snap))");
    EXPECT_STREQ(jt_str(f.env, r), "same");
    JT_ASSERT_JS(f.env, "Reflect.ownKeys(o).length === 2 && Object.keys(o).join() === 'a'");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertySymbols(o).length === 1");
    JT_ASSERT_JS(f.env, "JSON.stringify(o) === '{\"a\":1}' && JSON.stringify(arr) === '[1,2]'");
    JT_ASSERT_JS(f.env, "var ks = []; for (var k in o) ks.push(k); ks.join() === 'a'");
    JT_ASSERT_JS(f.env, "var sp = {...o}; Reflect.ownKeys(sp).length === 2 && sp.a === 1");
    JT_ASSERT_JS(f.env, "var as = Object.assign({}, o); Reflect.ownKeys(as).length === 2");
    JT_ASSERT_JS(f.env, "Object.entries(o).length === 1 && Object.values(o)[0] === 1");
    JT_ASSERT_JS(f.env, "[...arr].length === 2 && arr.length === 2 && Object.keys(arr).join() === '0,1'");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertyNames(fn).sort().join() === 'length,name,prototype'");
    JT_ASSERT_JS(f.env, "typeof structuredClone === 'undefined' || Object.keys(structuredClone(o)).join() === 'a'");
    /* a copy is not wrapped */
    void *p = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, JT_RUN(f.env, "sp"), &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, JT_RUN(f.env, "as"), &p), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

static void wrap_invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    int a;
    void *p = &a;
    JSVM_Value undef = NULL, null = NULL, b = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &null));
    CHECK_OK(f.env, OH_JSVM_GetBoolean(f.env, true, &b));
    JSVM_Value prims[] = {make_int(f.env, 1), make_str(f.env, "s"), undef, null, b, JT_RUN(f.env, "Symbol('x')"),
                          JT_RUN(f.env, "10n")};
    for (size_t i = 0; i < sizeof prims / sizeof prims[0]; i++) {
        EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, prims[i], &a, NULL, NULL, NULL), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, prims[i], &p), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_RemoveWrap(f.env, prims[i], &p), JSVM_INVALID_ARG);
    }
    EXPECT_TRUE(p == &a);
    JSVM_Value o = new_object(f.env);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_RemoveWrap(f.env, o, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, NULL, &a, NULL, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, NULL, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_RemoveWrap(f.env, NULL, &p), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_Wrap(NULL, o, &a, NULL, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_Unwrap(NULL, o, &p), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RemoveWrap(NULL, o, &p), JSVM_INVALID_ARG);
    /* a failed wrap left nothing behind */
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));

    /* JS-running kind: a pending exception wins */
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &a, NULL, NULL, NULL));
    JSVM_Value o2 = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    p = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, o2, &a, NULL, NULL, NULL), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o, &p), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_RemoveWrap(f.env, o, &p), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(p == NULL);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    /* nothing happened while pending */
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == &a);
    EXPECT_STATUS(f.env, OH_JSVM_Unwrap(f.env, o2, &p), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* Finalizers run exactly once, when the object is collected. */
static void wrap_finalizer_on_gc(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec recs[100], cyc;
    static int hint;
    memset(recs, 0, sizeof recs);
    memset(&cyc, 0, sizeof cyc);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    for (int i = 0; i < 100; i++) {
        JSVM_Value o = new_object(f.env);
        CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &recs[i], CountFin, &hint, NULL));
    }
    /* a cycle: only the collector can free it */
    JSVM_Value c = JT_RUN(f.env, "(() => { const a = {}, b = {a}; a.b = b; a.self = a; return a; })()");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, c, &cyc, CountFin, &hint, NULL));
    /* still reachable through the scope's handles */
    gc(f.env);
    EXPECT_EQ_INT(recs[0].calls, 0);
    EXPECT_EQ_INT(cyc.calls, 0);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    int total = 0, bad = 0;
    for (int i = 0; i < 100; i++) {
        total += recs[i].calls;
        if (recs[i].calls != 1 || recs[i].env != f.env || recs[i].hint != &hint)
            bad++;
    }
    EXPECT_EQ_INT(total, 100);
    EXPECT_EQ_INT(bad, 0);
    EXPECT_EQ_INT(cyc.calls, 1);
    EXPECT_TRUE(cyc.env == f.env && cyc.hint == &hint);
    /* more GCs and DestroyEnv do not run them again */
    gc(f.env);
    jt_teardown(&f);
    total = 0;
    for (int i = 0; i < 100; i++)
        total += recs[i].calls;
    EXPECT_EQ_INT(total, 100);
    EXPECT_EQ_INT(cyc.calls, 1);
}

/* Objects still reachable at DestroyEnv are finalized by it, once. */
static void wrap_finalizer_at_destroy_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec g1, g2, local, removed;
    static int hint;
    memset(&g1, 0, sizeof g1);
    memset(&g2, 0, sizeof g2);
    memset(&local, 0, sizeof local);
    memset(&removed, 0, sizeof removed);
    JSVM_Value a = JT_RUN(f.env, "globalThis.keepA = {}; keepA");
    JSVM_Value b = JT_RUN(f.env, "globalThis.keepB = [function () {}]; keepB[0]");
    JSVM_Value l = new_object(f.env);
    JSVM_Value r = JT_RUN(f.env, "globalThis.keepR = {}; keepR");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, a, &g1, CountFin, &hint, NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, b, &g2, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, l, &local, CountFin, &hint, NULL)); /* only the open scope holds it */
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, r, &removed, CountFin, &hint, NULL));
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, r, &p));
    EXPECT_TRUE(p == &removed);
    gc(f.env);
    EXPECT_EQ_INT(g1.calls + g2.calls + local.calls, 0);
    JSVM_Env env = f.env;
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, f.scope));
    CHECK_OK(f.env, OH_JSVM_CloseEnvScope(f.env, f.env_scope));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(f.env), JSVM_OK);
    EXPECT_EQ_INT(g1.calls, 1);
    EXPECT_EQ_INT(g2.calls, 1);
    EXPECT_EQ_INT(local.calls, 1);
    EXPECT_EQ_INT(removed.calls, 0);
    EXPECT_TRUE(g1.env == env && g1.hint == &hint && g2.hint == NULL && local.env == env);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(f.vm, f.vm_scope), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(f.vm), JSVM_OK);
    EXPECT_EQ_INT(g1.calls, 1);
    EXPECT_EQ_INT(g2.calls, 1);
    EXPECT_EQ_INT(local.calls, 1);
    EXPECT_EQ_INT(removed.calls, 0);
}

/* An object freed when its scope closed, with no GC or safe point after it:
 * its queued finalizer still runs at DestroyEnv, once. */
static void queued_finalizer_runs_at_destroy_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec rec, added;
    memset(&rec, 0, sizeof rec);
    memset(&added, 0, sizeof added);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value o = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &rec, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o, &added, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    jt_teardown(&f);
    EXPECT_EQ_INT(rec.calls, 1);
    EXPECT_EQ_INT(added.calls, 1);
}

static void remove_wrap_cancels_finalizer(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec rec, rec2;
    memset(&rec, 0, sizeof rec);
    memset(&rec2, 0, sizeof rec2);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value o = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &rec, CountFin, NULL, NULL));
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, o, &p));
    EXPECT_TRUE(p == &rec);
    /* a second wrap's finalizer is the one that runs */
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &rec2, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    EXPECT_EQ_INT(rec.calls, 0);
    EXPECT_EQ_INT(rec2.calls, 1);
    jt_teardown(&f);
    EXPECT_EQ_INT(rec.calls, 0);
    EXPECT_EQ_INT(rec2.calls, 1);
}

/* ---- finalizers that use the API ---- */

typedef struct {
    int calls;
    JSVM_Ref ref;           /* the weak reference Wrap returned */
    JSVM_Status del_status; /* DeleteReference(ref) in the finalizer */
    JSVM_Status obj_status; /* CreateObject in the finalizer */
    JSVM_Status scope_status;
    int obj_ok;
} api_fin;

static void ApiFin(JSVM_Env env, void *data, void *hint)
{
    (void)hint;
    api_fin *a = data;
    JSVM_HandleScope hs = NULL;
    JSVM_Value o = NULL;
    a->calls++;
    a->del_status = OH_JSVM_DeleteReference(env, a->ref);
    jt_check_last(env, a->del_status, "DeleteReference in finalizer", __FILE__, __LINE__);
    a->scope_status = OH_JSVM_OpenHandleScope(env, &hs);
    a->obj_status = OH_JSVM_CreateObject(env, &o);
    jt_check_last(env, a->obj_status, "CreateObject in finalizer", __FILE__, __LINE__);
    a->obj_ok = o != NULL;
    if (a->scope_status == JSVM_OK && OH_JSVM_CloseHandleScope(env, hs) != JSVM_OK)
        a->scope_status = JSVM_GENERIC_FAILURE;
}

static void finalizer_calls_api_at_gc(void)
{
    jt_fixture f;
    jt_setup(&f);
    static api_fin fins[20];
    memset(fins, 0, sizeof fins);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    for (int i = 0; i < 20; i++) {
        JSVM_Value o = (i % 2) ? new_object(f.env)
                               : JT_RUN(f.env, "(() => { const o = {}; o.me = o; return o; })()");
        CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &fins[i], ApiFin, NULL, &fins[i].ref));
        EXPECT_TRUE(fins[i].ref != NULL);
    }
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    for (int i = 0; i < 20; i++) {
        EXPECT_EQ_INT(fins[i].calls, 1);
        EXPECT_EQ_INT(fins[i].del_status, JSVM_OK);
        EXPECT_EQ_INT(fins[i].scope_status, JSVM_OK);
        EXPECT_EQ_INT(fins[i].obj_status, JSVM_OK);
        EXPECT_TRUE(fins[i].obj_ok);
    }
    /* the deleted references are gone */
    EXPECT_STATUS(f.env, OH_JSVM_DeleteReference(f.env, fins[0].ref), JSVM_INVALID_ARG);
    /* garbage made by JS while it runs: finalizers are not run in the middle
     * of a GC step (they create objects) and all run exactly once */
    static api_fin more[300];
    memset(more, 0, sizeof more);
    JSVM_Value undef = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    for (int round = 0; round < 3; round++) {
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        for (int i = 0; i < 100; i++) {
            api_fin *a = &more[round * 100 + i];
            JSVM_Value o = JT_RUN(f.env, "(() => { const o = {big: new Array(1000).fill(0)}; o.me = o; return o; })()");
            CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, a, ApiFin, NULL, &a->ref));
        }
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
        JT_RUN(f.env, "(() => { let keep = []; for (let i = 0; i < 20000; i++) { keep.push({i, a: [i, i]}); if (keep.length > 100) keep = []; } })()");
    }
    gc(f.env);
    int bad = 0;
    for (int i = 0; i < 300; i++)
        if (more[i].calls != 1 || more[i].del_status != JSVM_OK || more[i].obj_status != JSVM_OK || !more[i].obj_ok)
            bad++;
    EXPECT_EQ_INT(bad, 0);
    jt_teardown(&f);
}

static void finalizer_calls_api_at_destroy_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    static api_fin fins[4];
    memset(fins, 0, sizeof fins);
    JSVM_Value o1 = JT_RUN(f.env, "globalThis.k1 = {}; k1");
    JSVM_Value o2 = JT_RUN(f.env, "globalThis.k2 = function () {}; k2");
    JSVM_Value o3 = new_object(f.env); /* only the fixture's scope holds it */
    JSVM_Value o4 = JT_RUN(f.env, "globalThis.k4 = [1]; k4");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o1, &fins[0], ApiFin, NULL, &fins[0].ref));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o2, &fins[1], ApiFin, NULL, &fins[1].ref));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o3, &fins[2], ApiFin, NULL, &fins[2].ref));
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o4, &fins[3], ApiFin, NULL, &fins[3].ref));
    jt_teardown(&f);
    for (int i = 0; i < 4; i++) {
        EXPECT_EQ_INT(fins[i].calls, 1);
        EXPECT_EQ_INT(fins[i].del_status, JSVM_OK);
        EXPECT_EQ_INT(fins[i].scope_status, JSVM_OK);
        EXPECT_EQ_INT(fins[i].obj_status, JSVM_OK);
        EXPECT_TRUE(fins[i].obj_ok);
    }
}

/* A finalizer that releases the last reference to another wrapped object,
 * or wraps a new one: every finalizer still runs exactly once. */
typedef struct {
    int calls;
    JSVM_Ref strong; /* to release in the finalizer */
    int make_new;    /* wrap a fresh object in the finalizer */
    JSVM_Status status;
} chain_fin;
static fin_rec chained_new[8];
static int chained_new_next;

static void ChainFin(JSVM_Env env, void *data, void *hint)
{
    (void)hint;
    chain_fin *c = data;
    c->calls++;
    c->status = JSVM_OK;
    if (c->strong) {
        JSVM_Status st = OH_JSVM_DeleteReference(env, c->strong);
        if (st != JSVM_OK)
            c->status = st;
    }
    if (c->make_new && chained_new_next < 8) {
        JSVM_HandleScope hs = NULL;
        JSVM_Value o = NULL;
        JSVM_Status st = OH_JSVM_OpenHandleScope(env, &hs);
        if (st == JSVM_OK)
            st = OH_JSVM_CreateObject(env, &o);
        if (st == JSVM_OK)
            st = OH_JSVM_Wrap(env, o, &chained_new[chained_new_next++], CountFin, NULL, NULL);
        if (hs && OH_JSVM_CloseHandleScope(env, hs) != JSVM_OK && st == JSVM_OK)
            st = JSVM_GENERIC_FAILURE;
        if (st != JSVM_OK)
            c->status = st;
    }
}

static void finalizer_chains(void)
{
    jt_fixture f;
    jt_setup(&f);
    static chain_fin a, b;
    static fin_rec target;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&target, 0, sizeof target);
    memset(chained_new, 0, sizeof chained_new);
    chained_new_next = 0;
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    /* B is only kept by a strong reference that A's finalizer deletes */
    JSVM_Value ob = new_object(f.env), oa = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, ob, &target, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, ob, 1, &a.strong));
    a.make_new = 1;
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, oa, &a, ChainFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    gc(f.env);
    EXPECT_EQ_INT(a.calls, 1);
    EXPECT_EQ_INT(a.status, JSVM_OK);
    EXPECT_EQ_INT(target.calls, 1);
    EXPECT_EQ_INT(chained_new_next, 1);
    EXPECT_EQ_INT(chained_new[0].calls, 1);
    /* the same at DestroyEnv, for an object reachable from the global */
    b.make_new = 1;
    JSVM_Value og = JT_RUN(f.env, "globalThis.chainKeep = {}; chainKeep");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, og, &b, ChainFin, NULL, NULL));
    jt_teardown(&f);
    EXPECT_EQ_INT(b.calls, 1);
    EXPECT_EQ_INT(b.status, JSVM_OK);
    EXPECT_EQ_INT(chained_new_next, 2);
    EXPECT_EQ_INT(chained_new[1].calls, 1);
    EXPECT_EQ_INT(a.calls, 1);
    EXPECT_EQ_INT(target.calls, 1);
    EXPECT_EQ_INT(chained_new[0].calls, 1);
}

/* ---- AddFinalizer ---- */

static void add_finalizer_many(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec recs[10], wrap_rec;
    static int hints[10];
    memset(recs, 0, sizeof recs);
    memset(&wrap_rec, 0, sizeof wrap_rec);
    JSVM_HandleScope hs = NULL;
    JSVM_Ref weak = NULL, wweak = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value o = JT_RUN(f.env, "({tag: 'fin'})");
    for (int i = 0; i < 10; i++)
        CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o, &recs[i], CountFin, &hints[i], i == 0 ? &weak : NULL));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, o, &wrap_rec, CountFin, NULL, &wweak));
    /* AddFinalizer does not wrap */
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == &wrap_rec);
    /* the optional references are weak: the object while it lives */
    JSVM_Value v = NULL;
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, weak, &v));
    EXPECT_TRUE(v != NULL && same(f.env, v, o));
    v = NULL;
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, wweak, &v));
    EXPECT_TRUE(v != NULL && same(f.env, v, o));
    uint32_t cnt = 99;
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, weak, &cnt), JSVM_GENERIC_FAILURE);
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, wweak, &cnt), JSVM_GENERIC_FAILURE);
    EXPECT_EQ_INT(cnt, 99);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    int bad = 0;
    for (int i = 0; i < 10; i++)
        if (recs[i].calls != 1 || recs[i].hint != &hints[i] || recs[i].env != f.env)
            bad++;
    EXPECT_EQ_INT(bad, 0);
    EXPECT_EQ_INT(wrap_rec.calls, 1);
    /* ... and NULL once it was collected */
    v = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, weak, &v));
    EXPECT_TRUE(v == NULL);
    v = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, wweak, &v));
    EXPECT_TRUE(v == NULL);
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, weak));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, wweak));
    jt_teardown(&f);
    for (int i = 0; i < 10; i++)
        EXPECT_EQ_INT(recs[i].calls, 1);
    EXPECT_EQ_INT(wrap_rec.calls, 1);
}

static void add_finalizer_kinds_and_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec recs[6];
    memset(recs, 0, sizeof recs);
    JSVM_Value undef = NULL, ext = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    JSVM_Value o = new_object(f.env);
    EXPECT_STATUS(f.env, OH_JSVM_AddFinalizer(f.env, o, &recs[0], NULL, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_AddFinalizer(f.env, NULL, &recs[0], CountFin, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_AddFinalizer(f.env, make_int(f.env, 1), &recs[0], CountFin, NULL, NULL),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_AddFinalizer(f.env, make_str(f.env, "s"), &recs[0], CountFin, NULL, NULL),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_AddFinalizer(f.env, undef, &recs[0], CountFin, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_AddFinalizer(NULL, o, &recs[0], CountFin, NULL, NULL), JSVM_INVALID_ARG);
    /* env kind: works with an exception pending */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value o2 = new_object(f.env);
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o2, &recs[1], CountFin, NULL, NULL));
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    /* functions, proxies with throwing traps, externals, frozen arrays */
    JSVM_Value px = JT_RUN(f.env, throwing_proxy_src);
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, px, &recs[2], CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, JT_RUN(f.env, "(function () {})"), &recs[3], CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, NULL, NULL, NULL, &ext));
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, ext, &recs[4], CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, JT_RUN(f.env, "Object.freeze([1, 2])"), &recs[5], CountFin, NULL,
                                         NULL));
    JT_ASSERT_JS(f.env, "trapCalls === 0");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    for (int i = 1; i < 6; i++)
        EXPECT_EQ_INT(recs[i].calls, 1);
    EXPECT_EQ_INT(recs[0].calls, 0);
    jt_teardown(&f);
    EXPECT_EQ_INT(recs[0].calls, 0);
}

/* ---- type tags ---- */

static void type_tags(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_TypeTag t1 = {0x1111111122222222ull, 0x3333333344444444ull};
    JSVM_TypeTag t1_copy = {0x1111111122222222ull, 0x3333333344444444ull};
    JSVM_TypeTag other_lower = {0x1111111122222223ull, 0x3333333344444444ull};
    JSVM_TypeTag other_upper = {0x1111111122222222ull, 0x3333333344444445ull};
    JSVM_TypeTag swapped = {0x3333333344444444ull, 0x1111111122222222ull};
    JSVM_TypeTag zero = {0, 0};
    JSVM_Value a = new_object(f.env), b = new_object(f.env), c = new_object(f.env);
    bool r = true;
    /* untagged: false */
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &t1, &r));
    EXPECT_TRUE(!r);
    r = true;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &zero, &r));
    EXPECT_TRUE(!r);
    CHECK_OK(f.env, OH_JSVM_TypeTagObject(f.env, a, &t1));
    r = false;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &t1, &r));
    EXPECT_TRUE(r);
    /* by value */
    r = false;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &t1_copy, &r));
    EXPECT_TRUE(r);
    JSVM_TypeTag *heap = malloc(sizeof *heap);
    *heap = t1;
    r = false;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, heap, &r));
    EXPECT_TRUE(r);
    free(heap);
    const JSVM_TypeTag *mismatches[] = {&other_lower, &other_upper, &swapped, &zero};
    for (int i = 0; i < 4; i++) {
        r = true;
        CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, mismatches[i], &r));
        EXPECT_TRUE(!r);
    }
    /* per object */
    r = true;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, b, &t1, &r));
    EXPECT_TRUE(!r);
    CHECK_OK(f.env, OH_JSVM_TypeTagObject(f.env, b, &other_upper));
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, b, &other_upper, &r));
    EXPECT_TRUE(r);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, b, &t1, &r));
    EXPECT_TRUE(!r);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &t1, &r));
    EXPECT_TRUE(r);
    /* the zero tag is a tag */
    CHECK_OK(f.env, OH_JSVM_TypeTagObject(f.env, c, &zero));
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, c, &zero, &r));
    EXPECT_TRUE(r);
    /* tagging twice fails, the first tag stays */
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, a, &t1), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, a, &other_lower), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, c, &t1), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &t1, &r));
    EXPECT_TRUE(r);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &other_lower, &r));
    EXPECT_TRUE(!r);
    /* through another handle to the same object */
    set_global(f.env, "tagged", a);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, JT_RUN(f.env, "tagged"), &t1, &r));
    EXPECT_TRUE(r);
    /* invisible */
    JT_ASSERT_JS(f.env, "Reflect.ownKeys(tagged).length === 0 && JSON.stringify(tagged) === '{}'");
    /* tags and wraps are independent */
    int d;
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, a, &d, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, a, &p));
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, a, &t1, &r));
    EXPECT_TRUE(r);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void type_tag_kinds_and_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_TypeTag t = {7, 9}, u = {9, 7};
    bool r = true;
    JSVM_Value undef = NULL, null = NULL, ext = NULL, fn = NULL, cls = NULL, inst = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &null));
    JSVM_Value prims[] = {undef, null, make_int(f.env, 3), make_str(f.env, "s"), JT_RUN(f.env, "Symbol()")};
    for (size_t i = 0; i < sizeof prims / sizeof prims[0]; i++) {
        EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, prims[i], &t), JSVM_OBJECT_EXPECTED);
        r = true;
        EXPECT_STATUS(f.env, OH_JSVM_CheckObjectTypeTag(f.env, prims[i], &t, &r), JSVM_OBJECT_EXPECTED);
    }
    JSVM_Value o = new_object(f.env);
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, o, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, NULL, &t), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CheckObjectTypeTag(f.env, o, &t, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CheckObjectTypeTag(f.env, o, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_TypeTagObject(NULL, o, &t), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CheckObjectTypeTag(NULL, o, &t, &r), JSVM_INVALID_ARG);
    /* pending exception */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, o, &t), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_CheckObjectTypeTag(f.env, o, &t, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, o, &t, &r));
    EXPECT_TRUE(!r); /* the tag was not set while pending */

    /* object kinds */
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &t, NULL, NULL, &ext));
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "fn", JSVM_AUTO_LENGTH, &noop_ctor, &fn));
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &noop_ctor, 0, NULL, &cls));
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst));
    JSVM_Value kinds[] = {ext, fn, cls, inst, JT_RUN(f.env, "Object.freeze({})"), JT_RUN(f.env, "[1]"),
                          JT_RUN(f.env, throwing_proxy_src), JT_RUN(f.env, "new Proxy({}, {})")};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        r = true;
        CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, kinds[i], &t, &r));
        EXPECT_TRUE(!r);
        CHECK_OK(f.env, OH_JSVM_TypeTagObject(f.env, kinds[i], (i % 2) ? &t : &u));
        r = false;
        CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, kinds[i], (i % 2) ? &t : &u, &r));
        EXPECT_TRUE(r);
        CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, kinds[i], (i % 2) ? &u : &t, &r));
        EXPECT_TRUE(!r);
        EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, kinds[i], &t), JSVM_INVALID_ARG);
    }
    JT_ASSERT_JS(f.env, "trapCalls === 0");
    /* the class's instances are not tagged by tagging the class */
    JSVM_Value inst2 = NULL;
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst2));
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, inst2, &u, &r));
    EXPECT_TRUE(!r);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, inst2, &t, &r));
    EXPECT_TRUE(!r);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

/* ---- scale: Unwrap stays right among 100,000 wrapped objects ---- */

#define NWRAP 100000
static unsigned char wrap_fins[NWRAP];
static int wrap_slots[NWRAP];
static int next_slot;
static int unwrap_bad, unwrap_checked;

static void SlotFin(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    int *slot = data;
    if (slot >= wrap_slots && slot < wrap_slots + NWRAP && wrap_fins[slot - wrap_slots] < 255)
        wrap_fins[slot - wrap_slots]++;
}

/* wrapNext(o): wraps o with the next slot. */
static JSVM_Value WrapNext(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value o = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &o, NULL, NULL));
    if (next_slot >= NWRAP)
        return NULL;
    JSVM_Status st = OH_JSVM_Wrap(env, o, &wrap_slots[next_slot], SlotFin, NULL, NULL);
    if (st != JSVM_OK)
        unwrap_bad++;
    next_slot++;
    return NULL;
}
static JSVM_CallbackStruct wrap_next_cb = {WrapNext, NULL};

/* checkAt(o, i): Unwrap(o) must be &wrap_slots[i]. */
static JSVM_Value CheckAt(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2];
    int32_t i = -1;
    void *p = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL));
    OH_JSVM_GetValueInt32(env, argv[1], &i);
    unwrap_checked++;
    if (i < 0 || i >= NWRAP || OH_JSVM_Unwrap(env, argv[0], &p) != JSVM_OK || p != &wrap_slots[i])
        unwrap_bad++;
    return NULL;
}
static JSVM_CallbackStruct check_at_cb = {CheckAt, NULL};

static void unwrap_among_many(void)
{
    jt_fixture f;
    jt_setup(&f);
    memset(wrap_fins, 0, sizeof wrap_fins);
    next_slot = unwrap_bad = unwrap_checked = 0;
    def_fn(f.env, "wrapNext", &wrap_next_cb);
    def_fn(f.env, "checkAt", &check_at_cb);
    /* a mix of kinds: plain objects, arrays, functions, class-like objects */
    JT_RUN(f.env, "globalThis.objs = [];"
                  "globalThis.mk = (i) => (i % 4 === 0 ? {i} : i % 4 === 1 ? [i] : i % 4 === 2 ? function () { return i; } :"
                  " Object.freeze({i}));"
                  "globalThis.seed = 12345;"
                  "globalThis.rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };"
                  "globalThis.grow = (n) => { while (objs.length < n) { const o = mk(objs.length); objs.push(o); wrapNext(o); } };"
                  "globalThis.probe = (k) => { for (let j = 0; j < k; j++) { const i = rnd(objs.length); checkAt(objs[i], i); } };");
    JT_RUN(f.env, "grow(1000); probe(2000); checkAt(objs[0], 0); checkAt(objs[999], 999);");
    EXPECT_EQ_INT(next_slot, 1000);
    EXPECT_EQ_INT(unwrap_checked, 2002);
    EXPECT_EQ_INT(unwrap_bad, 0);
    JT_RUN(f.env, "grow(100000); probe(5000); for (let i = 0; i < 1000; i++) checkAt(objs[i], i);"
                  " for (let i = 99000; i < 100000; i++) checkAt(objs[i], i);");
    EXPECT_EQ_INT(next_slot, NWRAP);
    EXPECT_EQ_INT(unwrap_checked, 2002 + 7000);
    EXPECT_EQ_INT(unwrap_bad, 0);
    /* a swapped pair is noticed (the check can fail) */
    int before = unwrap_bad;
    JT_RUN(f.env, "checkAt(objs[5], 6)");
    EXPECT_EQ_INT(unwrap_bad, before + 1);
    unwrap_bad = before;
    /* from C as well */
    JSVM_Value o = JT_RUN(f.env, "objs[54321]");
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, o, &p));
    EXPECT_TRUE(p == &wrap_slots[54321]);
    /* drop the first half: exactly those are finalized */
    JT_RUN(f.env, "objs.fill(null, 0, 50000);");
    gc(f.env);
    int once = 0, none = 0, other = 0;
    for (int i = 0; i < NWRAP; i++) {
        if (i < 50000)
            once += wrap_fins[i] == 1;
        else
            none += wrap_fins[i] == 0;
        other += wrap_fins[i] > 1;
    }
    EXPECT_EQ_INT(once, 50000);
    EXPECT_EQ_INT(none, 50000);
    EXPECT_EQ_INT(other, 0);
    JT_RUN(f.env, "for (let i = 50000; i < 100000; i += 7) checkAt(objs[i], i);");
    EXPECT_EQ_INT(unwrap_bad, 0);
    jt_teardown(&f);
    once = 0;
    for (int i = 0; i < NWRAP; i++)
        once += wrap_fins[i] == 1;
    EXPECT_EQ_INT(once, NWRAP);
}

JT_MAIN("test_wrap",
        JT_TEST(wrap_unwrap_remove_plain),
        JT_TEST(wrap_pointer_values),
        JT_TEST(wrap_then_freeze),
        JT_TEST(wrap_object_kinds),
        JT_TEST(wrap_invisible_to_js),
        JT_TEST(wrap_invalid_args),
        JT_TEST(wrap_finalizer_on_gc),
        JT_TEST(wrap_finalizer_at_destroy_env),
        JT_TEST(queued_finalizer_runs_at_destroy_env),
        JT_TEST(remove_wrap_cancels_finalizer),
        JT_TEST(finalizer_calls_api_at_gc),
        JT_TEST(finalizer_calls_api_at_destroy_env),
        JT_TEST(finalizer_chains),
        JT_TEST(add_finalizer_many),
        JT_TEST(add_finalizer_kinds_and_errors),
        JT_TEST(type_tags),
        JT_TEST(type_tag_kinds_and_errors),
        JT_TEST(unwrap_among_many))
