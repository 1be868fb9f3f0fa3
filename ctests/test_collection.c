/*
 * test_collection.c: OH_JSVM_CreateMap/Set/RegExp/Proxy, IsMap/IsSet/
 * IsRegExp/IsProxy and ProxyGetTarget (spec §3.24).
 */
#include <stdint.h>

#include "common.h"

#define CALL_JS(env, fnsrc, argc, argv) call_js_at((env), (fnsrc), (argc), (argv), __FILE__, __LINE__)

#define EXPECT_JS_CALL(env, fnsrc, argc, argv)                                  \
    do {                                                                        \
        JSVM_Value r_ = CALL_JS((env), (fnsrc), (argc), (argv));                \
        bool b_ = false;                                                        \
        jt_checks++;                                                            \
        if (!r_ || OH_JSVM_GetValueBool((env), r_, &b_) != JSVM_OK || !b_)      \
            jt_fail(__FILE__, __LINE__, "JS call did not return true: " fnsrc); \
    } while (0)

typedef JSVM_Status (*is_fn)(JSVM_Env, JSVM_Value, bool *);

static bool is(JSVM_Env env, is_fn f, JSVM_Value v)
{
    bool b = false;
    CHECK_OK(env, f(env, v, &b));
    return b;
}

/* Takes the pending exception and checks it with pred. */
static bool exception_is(JSVM_Env env, const char *pred)
{
    return pending(env) && js_check(env, pred, take_exception(env));
}

/* ---- Map / Set ---- */

static void map_and_set(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value m = NULL, s = NULL, m2 = NULL;
    CHECK_OK(env, OH_JSVM_CreateMap(env, &m));
    CHECK_OK(env, OH_JSVM_CreateMap(env, &m2));
    CHECK_OK(env, OH_JSVM_CreateSet(env, &s));
    EXPECT_JS(env, m, "(m) => m instanceof Map && m.size === 0 && Object.getPrototypeOf(m) === Map.prototype &&"
                      " m.set('k', 1).get('k') === 1 && m.size === 1");
    EXPECT_JS(env, s, "(s) => s instanceof Set && s.size === 0 && s.add(1).add(1).size === 1 && s.has(1)");
    JSVM_Value args[2] = {m, m2};
    EXPECT_JS_CALL(env, "(function (a, b) { return a !== b && b.size === 0; })", 2, args);

    EXPECT_TRUE(is(env, OH_JSVM_IsMap, m));
    EXPECT_TRUE(!is(env, OH_JSVM_IsSet, m));
    EXPECT_TRUE(is(env, OH_JSVM_IsSet, s));
    EXPECT_TRUE(!is(env, OH_JSVM_IsMap, s));
    EXPECT_TRUE(is(env, OH_JSVM_IsMap, JT_RUN(env, "new Map([[1, 2]])")));
    EXPECT_TRUE(is(env, OH_JSVM_IsMap, JT_RUN(env, "class M extends Map {}; new M()")));
    EXPECT_TRUE(is(env, OH_JSVM_IsSet, JT_RUN(env, "new Set([1])")));
    const char *neither[] = {"new WeakMap()", "new WeakSet()", "({})", "[]", "Map", "Map.prototype",
                             "new Proxy(new Map(), {})", "1", "'m'", "null"};
    for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++) {
        JSVM_Value v = JT_RUN(env, neither[i]);
        EXPECT_TRUE(!is(env, OH_JSVM_IsMap, v));
        EXPECT_TRUE(!is(env, OH_JSVM_IsSet, v));
    }

    /* a script replacing the globals does not change what is created */
    JT_RUN(env, "globalThis.RealMap = Map; globalThis.RealSet = Set;"
                "globalThis.Map = function () { return {}; }; globalThis.Set = function () { return []; };");
    CHECK_OK(env, OH_JSVM_CreateMap(env, &m));
    CHECK_OK(env, OH_JSVM_CreateSet(env, &s));
    EXPECT_JS(env, m, "(m) => m instanceof RealMap");
    EXPECT_JS(env, s, "(s) => s instanceof RealSet");
    jt_teardown(&f);
}

/* ---- RegExp ---- */

static void regexp_flags(void)
{
    static const struct {
        JSVM_RegExpFlags flags;
        const char *want;
    } cases[] = {
        {JSVM_REGEXP_NONE, ""},
        {JSVM_REGEXP_GLOBAL, "g"},
        {JSVM_REGEXP_IGNORE_CASE, "i"},
        {JSVM_REGEXP_MULTILINE, "m"},
        {JSVM_REGEXP_STICKY, "y"},
        {JSVM_REGEXP_UNICODE, "u"},
        {JSVM_REGEXP_DOT_ALL, "s"},
        {JSVM_REGEXP_HAS_INDICES, "d"},
        {JSVM_REGEXP_UNICODE_SETS, "v"},
        {(JSVM_RegExpFlags)(JSVM_REGEXP_GLOBAL | JSVM_REGEXP_IGNORE_CASE | JSVM_REGEXP_MULTILINE |
                            JSVM_REGEXP_STICKY | JSVM_REGEXP_UNICODE | JSVM_REGEXP_DOT_ALL |
                            JSVM_REGEXP_HAS_INDICES),
         "dgimsuy"},
    };
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JSVM_Value r = NULL;
        CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "a.c"), cases[i].flags, &r));
        EXPECT_TRUE(is(env, OH_JSVM_IsRegExp, r));
        JSVM_Value args[2] = {r, make_str(env, cases[i].want)};
        EXPECT_JS_CALL(env, "(function (r, f) { return r instanceof RegExp && r.source === 'a.c' && r.flags === f; })",
                       2, args);
    }
    /* the flags take effect */
    JSVM_Value r = NULL;
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "^b.C$"),
                                       (JSVM_RegExpFlags)(JSVM_REGEXP_IGNORE_CASE | JSVM_REGEXP_MULTILINE |
                                                          JSVM_REGEXP_DOT_ALL),
                                       &r));
    EXPECT_JS(env, r, "(r) => r.test('a\\nb\\nc') && r.test('x\\nB\\nC')");
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "\\p{L}+"), JSVM_REGEXP_UNICODE, &r));
    EXPECT_JS(env, r, "(r) => r.exec('12\\u00e9t\\u00e9!')[0] === '\\u00e9t\\u00e9'");
    /* v mode: stricter class syntax ("[a-]" is an error only with v) */
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "[a-]"), JSVM_REGEXP_NONE, &r));
    EXPECT_JS(env, r, "(r) => r.test('-')");
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "[a-]"), JSVM_REGEXP_UNICODE_SETS, &r),
                  JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof SyntaxError"));
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "^[a-z]$"), JSVM_REGEXP_UNICODE_SETS, &r));
    EXPECT_JS(env, r, "(r) => r.unicodeSets && r.test('b') && !r.test('1')");
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "b"), JSVM_REGEXP_HAS_INDICES, &r));
    EXPECT_JS(env, r, "(r) => r.exec('ab').indices[0][0] === 1");
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "o"), JSVM_REGEXP_GLOBAL, &r));
    EXPECT_JS(env, r, "(r) => 'foo boo'.replace(r, '0') === 'f00 b00'");
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "o"), JSVM_REGEXP_STICKY, &r));
    EXPECT_JS(env, r, "(r) => { r.lastIndex = 1; return r.test('foo') && r.lastIndex === 2 &&"
                      " (r.lastIndex = 1, !r.test('fxo')) && r.lastIndex === 0; }");

    /* a script replacing RegExp does not change what is created */
    JT_RUN(env, "globalThis.RealRegExp = RegExp; globalThis.RegExp = function () { return {}; };");
    CHECK_OK(env, OH_JSVM_CreateRegExp(env, make_str(env, "x"), JSVM_REGEXP_GLOBAL, &r));
    EXPECT_JS(env, r, "(r) => r instanceof RealRegExp && r.flags === 'g'");
    jt_teardown(&f);
}

static void regexp_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value r = NULL;
    /* bad pattern: SyntaxError pending, JSVM_GENERIC_FAILURE */
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "(a"), JSVM_REGEXP_NONE, &r), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof SyntaxError"));
    /* u and v together are invalid */
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "a"),
                                            (JSVM_RegExpFlags)(JSVM_REGEXP_UNICODE | JSVM_REGEXP_UNICODE_SETS), &r),
                  JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof SyntaxError"));
    /* QuickJS has no linear-time engine: refused rather than ignored */
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "a"), JSVM_REGEXP_LINEAR, &r), JSVM_GENERIC_FAILURE);
    EXPECT_TRUE(exception_is(env, "(e) => e instanceof SyntaxError"));
    /* bits outside JSVM_RegExpFlags */
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "a"), (JSVM_RegExpFlags)0x200, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "a"), (JSVM_RegExpFlags)-1, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    /* a pattern must be a string, not even a RegExp */
    const char *bad[] = {"1", "/a/", "({})", "null", "undefined"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, JT_RUN(env, bad[i]), JSVM_REGEXP_NONE, &r),
                      JSVM_STRING_EXPECTED);
    EXPECT_TRUE(r == NULL);
    EXPECT_TRUE(!pending(env));

    /* IsRegExp */
    EXPECT_TRUE(is(env, OH_JSVM_IsRegExp, JT_RUN(env, "/x/g")));
    EXPECT_TRUE(is(env, OH_JSVM_IsRegExp, JT_RUN(env, "class R extends RegExp {}; new R('x')")));
    EXPECT_TRUE(!is(env, OH_JSVM_IsRegExp, JT_RUN(env, "({ [Symbol.match]: true })")));
    EXPECT_TRUE(!is(env, OH_JSVM_IsRegExp, JT_RUN(env, "'/x/'")));
    EXPECT_TRUE(!is(env, OH_JSVM_IsRegExp, JT_RUN(env, "RegExp.prototype")));
    jt_teardown(&f);
}

/* ---- Proxy ---- */

static void proxies(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value target = JT_RUN(env, "({ a: 1 })");
    JSVM_Value handler = JT_RUN(env, "({ get(t, k) { return k === 'b' ? 'trapped' : t[k]; } })");
    JSVM_Value p = NULL, t = NULL;
    CHECK_OK(env, OH_JSVM_CreateProxy(env, target, handler, &p));
    EXPECT_JS(env, p, "(p) => p.a === 1 && p.b === 'trapped' && typeof p === 'object'");
    EXPECT_TRUE(is(env, OH_JSVM_IsProxy, p));
    EXPECT_TRUE(!is(env, OH_JSVM_IsProxy, target));
    CHECK_OK(env, OH_JSVM_ProxyGetTarget(env, p, &t));
    JSVM_Value args[2] = {t, target};
    EXPECT_JS_CALL(env, "(function (a, b) { return a === b; })", 2, args);

    /* a function target makes a callable proxy */
    JSVM_Value fnt = JT_RUN(env, "(function () { return 5; })");
    CHECK_OK(env, OH_JSVM_CreateProxy(env, fnt, JT_RUN(env, "({})"), &p));
    EXPECT_JS(env, p, "(p) => typeof p === 'function' && p() === 5");

    /* proxies of proxies: the target is the inner proxy */
    JSVM_Value inner = p, outer = NULL;
    CHECK_OK(env, OH_JSVM_CreateProxy(env, inner, JT_RUN(env, "({})"), &outer));
    CHECK_OK(env, OH_JSVM_ProxyGetTarget(env, outer, &t));
    args[0] = t;
    args[1] = inner;
    EXPECT_JS_CALL(env, "(function (a, b) { return a === b; })", 2, args);
    EXPECT_TRUE(is(env, OH_JSVM_IsProxy, t));

    /* proxies made in JS, and a revoked one (no target: null, as V8) */
    JSVM_Value r = JT_RUN(env, "globalThis.rv = Proxy.revocable({ z: 1 }, {}); rv.proxy");
    EXPECT_TRUE(is(env, OH_JSVM_IsProxy, r));
    CHECK_OK(env, OH_JSVM_ProxyGetTarget(env, r, &t));
    EXPECT_JS(env, t, "(t) => t.z === 1");
    JT_RUN(env, "rv.revoke()");
    EXPECT_TRUE(is(env, OH_JSVM_IsProxy, r));
    CHECK_OK(env, OH_JSVM_ProxyGetTarget(env, r, &t));
    EXPECT_JS(env, t, "(t) => t === null");
    EXPECT_TRUE(!pending(env));

    /* non-objects */
    const char *prim[] = {"1", "'s'", "null", "undefined", "Symbol()", "1n"};
    JSVM_Value obj = JT_RUN(env, "({})");
    for (size_t i = 0; i < sizeof prim / sizeof prim[0]; i++) {
        JSVM_Value v = JT_RUN(env, prim[i]);
        p = NULL;
        EXPECT_STATUS(env, OH_JSVM_CreateProxy(env, v, obj, &p), JSVM_OBJECT_EXPECTED);
        EXPECT_STATUS(env, OH_JSVM_CreateProxy(env, obj, v, &p), JSVM_OBJECT_EXPECTED);
        EXPECT_TRUE(p == NULL);
        EXPECT_TRUE(!is(env, OH_JSVM_IsProxy, v));
        t = NULL;
        EXPECT_STATUS(env, OH_JSVM_ProxyGetTarget(env, v, &t), JSVM_INVALID_TYPE);
        EXPECT_TRUE(t == NULL);
    }
    EXPECT_STATUS(env, OH_JSVM_ProxyGetTarget(env, obj, &t), JSVM_INVALID_TYPE);
    EXPECT_STATUS(env, OH_JSVM_ProxyGetTarget(env, JT_RUN(env, "Proxy"), &t), JSVM_INVALID_TYPE);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* CreateRegExp and CreateProxy are env+JS; the rest are env functions that
 * work while an exception is pending and keep it. */
static void pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value obj = JT_RUN(env, "({})"), px = JT_RUN(env, "new Proxy({ q: 1 }, {})"), pat = make_str(env, "x");
    JSVM_Value m = NULL, s = NULL, r = NULL, p = NULL, t = NULL;
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, pat, JSVM_REGEXP_NONE, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, NULL, JSVM_REGEXP_NONE, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, pat, (JSVM_RegExpFlags)0x400, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateProxy(env, obj, obj, &p), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateProxy(env, obj, NULL, &p), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL && p == NULL);
    CHECK_OK(env, OH_JSVM_CreateMap(env, &m));
    CHECK_OK(env, OH_JSVM_CreateSet(env, &s));
    CHECK_OK(env, OH_JSVM_ProxyGetTarget(env, px, &t));
    EXPECT_TRUE(is(env, OH_JSVM_IsMap, m));
    EXPECT_TRUE(is(env, OH_JSVM_IsSet, s));
    EXPECT_TRUE(is(env, OH_JSVM_IsProxy, px));
    EXPECT_TRUE(!is(env, OH_JSVM_IsRegExp, obj));
    EXPECT_TRUE(exception_is(env, "(e) => e.message === 'pending'"));
    EXPECT_JS(env, m, "(m) => m instanceof Map");
    EXPECT_JS(env, t, "(t) => t.q === 1");
    jt_teardown(&f);
}

static void invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value v = JT_RUN(env, "({})"), r = NULL;
    bool b = false;
    EXPECT_STATUS(env, OH_JSVM_CreateMap(env, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateSet(env, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, make_str(env, "a"), JSVM_REGEXP_NONE, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateRegExp(env, NULL, JSVM_REGEXP_NONE, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateProxy(env, NULL, v, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateProxy(env, v, v, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_ProxyGetTarget(env, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_ProxyGetTarget(env, v, NULL), JSVM_INVALID_ARG);
    is_fn fns[] = {OH_JSVM_IsMap, OH_JSVM_IsSet, OH_JSVM_IsRegExp, OH_JSVM_IsProxy};
    for (size_t i = 0; i < 4; i++) {
        EXPECT_STATUS(env, fns[i](env, NULL, &b), JSVM_INVALID_ARG);
        EXPECT_STATUS(env, fns[i](env, v, NULL), JSVM_INVALID_ARG);
        EXPECT_VM_STATUS(fns[i](NULL, v, &b), JSVM_INVALID_ARG);
    }
    EXPECT_TRUE(r == NULL && !pending(env));
    jt_teardown(&f);
}

JT_MAIN("collection", JT_TEST(map_and_set), JT_TEST(regexp_flags), JT_TEST(regexp_errors), JT_TEST(proxies),
        JT_TEST(pending_exception), JT_TEST(invalid_args))
