/*
 * test_private.c: OH_JSVM_CreatePrivate, SetPrivate, GetPrivate and
 * DeletePrivate (spec §3.13; issue 3).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

static bool take_exception_is(JSVM_Env env, const char *pred)
{
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e && js_check(env, pred, e);
}

static JSVM_Data new_key(JSVM_Env env, const char *desc)
{
    JSVM_Data k = NULL;
    CHECK_OK(env, OH_JSVM_CreatePrivate(env, desc ? make_str(env, desc) : NULL, &k));
    EXPECT_TRUE(k != NULL);
    return k;
}

static JSVM_Value get_private(JSVM_Env env, JSVM_Value o, JSVM_Data k)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_GetPrivate(env, o, k, &v));
    EXPECT_TRUE(v != NULL);
    return v;
}

typedef struct {
    int calls;
} fin_rec;
static void CountFin(JSVM_Env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    ((fin_rec *)data)->calls++;
}

static void gc(JSVM_Env env)
{
    CHECK_OK(env, OH_JSVM_MemoryPressureNotification(env, JSVM_MEMORY_PRESSURE_LEVEL_CRITICAL));
}

static JSVM_Value NoopCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct noop_ctor = {NoopCtor, NULL};

static const char throwing_proxy_src[] =
    "(() => {\n"
    "  globalThis.trapCalls = 0;\n"
    "  const h = {};\n"
    "  for (const t of ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor',\n"
    "                   'defineProperty', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible',\n"
    "                   'preventExtensions', 'apply', 'construct'])\n"
    "    h[t] = () => { globalThis.trapCalls++; throw new Error('trap ' + t); };\n"
    "  return new Proxy({}, h);\n"
    "})()";

/* ------------------------------------------------------------ tests */

static void private_set_get_delete(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Data k = new_key(f.env, "k");
    JSVM_Value o = JT_RUN(f.env, "globalThis.o = {a: 1}; o");
    /* absent: undefined */
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === undefined");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, make_str(f.env, "v1")));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === 'v1'");
    /* overwrite, any value type, object identity kept */
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, make_int(f.env, 2)));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === 2");
    JSVM_Value obj = JT_RUN(f.env, "globalThis.pv = {deep: [1]}; pv");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, obj));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === pv");
    JSVM_Value undef = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, undef));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === undefined");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, JT_RUN(f.env, "Symbol.for('x')")));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === Symbol.for('x')");
    /* delete */
    CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, o, k));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === undefined");
    /* deleting again / an absent key is fine */
    CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, o, k));
    CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, JT_RUN(f.env, "({})"), k));
    /* set again after delete */
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, make_int(f.env, 3)));
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === 3");
    /* through another handle of the same object */
    EXPECT_JS(f.env, get_private(f.env, JT_RUN(f.env, "o"), k), "(v) => v === 3");
    /* the ordinary property is untouched */
    JT_ASSERT_JS(f.env, "o.a === 1 && Object.keys(o).join() === 'a'");
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void private_keys_independent(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Data k1 = new_key(f.env, "same"), k2 = new_key(f.env, "same"), k3 = new_key(f.env, NULL);
    EXPECT_TRUE(k1 != k2);
    JSVM_Value a = JT_RUN(f.env, "({})"), b = JT_RUN(f.env, "({})");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, a, k1, make_int(f.env, 1)));
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, a, k2, make_int(f.env, 2)));
    EXPECT_JS(f.env, get_private(f.env, a, k1), "(v) => v === 1");
    EXPECT_JS(f.env, get_private(f.env, a, k2), "(v) => v === 2");
    EXPECT_JS(f.env, get_private(f.env, a, k3), "(v) => v === undefined");
    /* per object */
    EXPECT_JS(f.env, get_private(f.env, b, k1), "(v) => v === undefined");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, b, k1, make_int(f.env, 10)));
    EXPECT_JS(f.env, get_private(f.env, a, k1), "(v) => v === 1");
    EXPECT_JS(f.env, get_private(f.env, b, k1), "(v) => v === 10");
    /* deleting one key keeps the other */
    CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, a, k1));
    EXPECT_JS(f.env, get_private(f.env, a, k1), "(v) => v === undefined");
    EXPECT_JS(f.env, get_private(f.env, a, k2), "(v) => v === 2");
    EXPECT_JS(f.env, get_private(f.env, b, k1), "(v) => v === 10");
    /* many keys on one object */
    JSVM_Data keys[50];
    for (int i = 0; i < 50; i++) {
        keys[i] = new_key(f.env, "many");
        CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, a, keys[i], make_int(f.env, 100 + i)));
    }
    int bad = 0;
    for (int i = 0; i < 50; i++) {
        int32_t got = -1;
        JSVM_Value v = get_private(f.env, a, keys[i]);
        if (!v || OH_JSVM_GetValueInt32(f.env, v, &got) != JSVM_OK || got != 100 + i)
            bad++;
    }
    EXPECT_EQ_INT(bad, 0);
    JT_ASSERT_JS(f.env, "true");
    jt_teardown(&f);
}

/* Private values are invisible to every JS reflection API. */
static void private_invisible_to_js(void)
{
    jt_fixture f;
    jt_setup(&f);
    JT_RUN(f.env, "globalThis.o = {a: 1, [Symbol.for('s')]: 2}; globalThis.arr = [1, 2];"
                  "globalThis.fn = function fn() {}; globalThis.fz = Object.freeze({z: 1});"
                  "globalThis.snap = (x) => JSON.stringify([Reflect.ownKeys(x).map(String),"
                  " Object.getOwnPropertyNames(x), Object.getOwnPropertySymbols(x).map(String), Object.keys(x),"
                  " Object.keys(Object.getOwnPropertyDescriptors(x)), Object.isExtensible(x), Object.isFrozen(x)]);"
                  "globalThis.before = [o, arr, fn, fz].map(snap);");
    JSVM_Data k1 = new_key(f.env, "hidden1"), k2 = new_key(f.env, "hidden2");
    const char *names[] = {"o", "arr", "fn", "fz"};
    for (int i = 0; i < 4; i++) {
        JSVM_Value t = JT_RUN(f.env, names[i]);
        CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, t, k1, make_str(f.env, "secret")));
        CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, t, k2, JT_RUN(f.env, "({nested: 'secret'})")));
    }
    JSVM_Value r = JT_RUN(f.env, "JSON.stringify([o, arr, fn, fz].map(snap)) === JSON.stringify(before) ? 'same' :"
                                 " JSON.stringify([o, arr, fn, fz].map(snap))");
    EXPECT_STREQ(jt_str(f.env, r), "same");
    JT_ASSERT_JS(f.env, "Reflect.ownKeys(o).length === 2 && Object.getOwnPropertyNames(o).join() === 'a'");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertySymbols(o).length === 1 && Object.getOwnPropertySymbols(o)[0] === Symbol.for('s')");
    JT_ASSERT_JS(f.env, "JSON.stringify(o) === '{\"a\":1}' && JSON.stringify(arr) === '[1,2]' && JSON.stringify(fz) === '{\"z\":1}'");
    JT_ASSERT_JS(f.env, "!JSON.stringify(o).includes('secret')");
    JT_ASSERT_JS(f.env, "var ks = []; for (var k in o) ks.push(k); ks.join() === 'a'");
    JT_ASSERT_JS(f.env, "var sp = {...o}; Reflect.ownKeys(sp).length === 2");
    JT_ASSERT_JS(f.env, "var as = Object.assign({}, o); Reflect.ownKeys(as).length === 2");
    JT_ASSERT_JS(f.env, "Object.entries(o).length === 1 && Object.values(o).join() === '1'");
    JT_ASSERT_JS(f.env, "[...arr].join() === '1,2' && arr.length === 2");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertyNames(fn).sort().join() === 'length,name,prototype'");
    JT_ASSERT_JS(f.env, "!('hidden1' in o) && !('hidden2' in o) && o.hidden1 === undefined");
    /* copies do not carry the private values */
    JSVM_Value sp = JT_RUN(f.env, "sp"), as = JT_RUN(f.env, "as");
    EXPECT_JS(f.env, get_private(f.env, sp, k1), "(v) => v === undefined");
    EXPECT_JS(f.env, get_private(f.env, as, k1), "(v) => v === undefined");
    /* and the originals still do */
    EXPECT_JS(f.env, get_private(f.env, JT_RUN(f.env, "o"), k2), "(v) => v.nested === 'secret'");
    jt_teardown(&f);
}

static void private_object_kinds(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Data k = new_key(f.env, "kinds");
    JSVM_Value fn = NULL, cls = NULL, inst = NULL, ext = NULL, global = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "nf", JSVM_AUTO_LENGTH, &noop_ctor, &fn));
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &noop_ctor, 0, NULL, &cls));
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &k, NULL, NULL, &ext));
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    JSVM_Value kinds[] = {
        JT_RUN(f.env, "globalThis.frozen = Object.freeze({f: 1}); frozen"),
        JT_RUN(f.env, "Object.seal({})"),
        JT_RUN(f.env, "Object.preventExtensions([])"),
        JT_RUN(f.env, "(function () {})"),
        JT_RUN(f.env, "(() => 0)"),
        JT_RUN(f.env, "[1, 2, 3]"),
        JT_RUN(f.env, "new Proxy({}, {})"),
        JT_RUN(f.env, throwing_proxy_src),
        JT_RUN(f.env, "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()"),
        JT_RUN(f.env, "new Map()"),
        JT_RUN(f.env, "Object.create(null)"),
        fn, cls, inst, ext, global,
    };
    const size_t n = sizeof kinds / sizeof kinds[0];
    for (size_t i = 0; i < n; i++) {
        EXPECT_JS(f.env, get_private(f.env, kinds[i], k), "(v) => v === undefined");
        CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, kinds[i], k, make_int(f.env, (int32_t)i)));
    }
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        int32_t got = -1;
        JSVM_Value v = get_private(f.env, kinds[i], k);
        if (!v || OH_JSVM_GetValueInt32(f.env, v, &got) != JSVM_OK || got != (int32_t)i) {
            fprintf(stderr, "  kind %zu\n", i);
            bad++;
        }
    }
    EXPECT_EQ_INT(bad, 0);
    for (size_t i = 0; i < n; i++) {
        CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, kinds[i], k));
        EXPECT_JS(f.env, get_private(f.env, kinds[i], k), "(v) => v === undefined");
    }
    JT_ASSERT_JS(f.env, "trapCalls === 0 && Object.isFrozen(frozen)");
    /* the external's data is unchanged */
    void *d = NULL;
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, ext, &d));
    EXPECT_TRUE(d == (void *)&k);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

/* A private value is held strongly by its object until deleted. */
static void private_values_kept_alive(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec fin;
    memset(&fin, 0, sizeof fin);
    JSVM_Data k = new_key(f.env, "life");
    JSVM_Value o = JT_RUN(f.env, "globalThis.owner = {}; owner");
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value v = JT_RUN(f.env, "({payload: 'p'})");
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, v, &fin, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, v));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    EXPECT_EQ_INT(fin.calls, 0);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs)); /* the value read must not stay in a handle */
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v.payload === 'p'");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    EXPECT_EQ_INT(fin.calls, 0);
    CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, o, k));
    gc(f.env);
    EXPECT_EQ_INT(fin.calls, 1);
    /* the object with private values is collected normally */
    static fin_rec ofin;
    memset(&ofin, 0, sizeof ofin);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value tmp = JT_RUN(f.env, "({})");
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, tmp, &ofin, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, tmp, k, tmp)); /* a cycle through the private value */
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    EXPECT_EQ_INT(ofin.calls, 1);
    jt_teardown(&f);
}

static void private_invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Data k = new_key(f.env, "k");
    JSVM_Value o = JT_RUN(f.env, "({})"), v = NULL, undef = NULL, null = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &null));
    JSVM_Value prims[] = {make_int(f.env, 1), make_str(f.env, "s"), undef, null, JT_RUN(f.env, "Symbol()"),
                          JT_RUN(f.env, "5n")};
    for (size_t i = 0; i < sizeof prims / sizeof prims[0]; i++) {
        EXPECT_STATUS(f.env, OH_JSVM_SetPrivate(f.env, prims[i], k, o), JSVM_OBJECT_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetPrivate(f.env, prims[i], k, &v), JSVM_OBJECT_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_DeletePrivate(f.env, prims[i], k), JSVM_OBJECT_EXPECTED);
    }
    EXPECT_TRUE(v == NULL);
    /* a JSVM_Data that is not a private key */
    JSVM_Value not_keys[] = {o, make_str(f.env, "k"), JT_RUN(f.env, "Symbol('k')"), make_int(f.env, 4),
                             JT_RUN(f.env, "({description: 'k'})")};
    for (size_t i = 0; i < sizeof not_keys / sizeof not_keys[0]; i++) {
        JSVM_Data bad = (JSVM_Data)not_keys[i];
        EXPECT_STATUS(f.env, OH_JSVM_SetPrivate(f.env, o, bad, o), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_GetPrivate(f.env, o, bad, &v), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_DeletePrivate(f.env, o, bad), JSVM_INVALID_ARG);
    }
    JT_ASSERT_JS(f.env, "true");
    /* NULL arguments */
    EXPECT_STATUS(f.env, OH_JSVM_SetPrivate(f.env, NULL, k, o), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_SetPrivate(f.env, o, NULL, o), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_SetPrivate(f.env, o, k, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetPrivate(f.env, o, k, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetPrivate(f.env, o, NULL, &v), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DeletePrivate(f.env, o, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreatePrivate(f.env, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreatePrivate(NULL, NULL, &k), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetPrivate(NULL, o, k, o), JSVM_INVALID_ARG);
    /* descriptions must be strings */
    JSVM_Data k2 = NULL;
    JSVM_Value non_strings[] = {make_int(f.env, 1), JT_RUN(f.env, "Symbol('d')"), o, null, undef};
    for (size_t i = 0; i < sizeof non_strings / sizeof non_strings[0]; i++)
        EXPECT_STATUS(f.env, OH_JSVM_CreatePrivate(f.env, non_strings[i], &k2), JSVM_STRING_EXPECTED);
    EXPECT_TRUE(k2 == NULL);
    CHECK_OK(f.env, OH_JSVM_CreatePrivate(f.env, make_str(f.env, ""), &k2));
    CHECK_OK(f.env, OH_JSVM_CreatePrivate(f.env, NULL, &k2));
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k2, o));
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void private_pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Data k = new_key(f.env, "k");
    JSVM_Value o = JT_RUN(f.env, "({})"), v = NULL;
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, make_int(f.env, 1)));
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    EXPECT_STATUS(f.env, OH_JSVM_SetPrivate(f.env, o, k, make_int(f.env, 2)), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_GetPrivate(f.env, o, k, &v), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_DeletePrivate(f.env, o, k), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(v == NULL);
    /* CreatePrivate is env kind: works while pending, keeps the exception */
    JSVM_Data k2 = NULL;
    CHECK_OK(f.env, OH_JSVM_CreatePrivate(f.env, make_str(f.env, "while pending"), &k2));
    EXPECT_TRUE(k2 != NULL);
    EXPECT_TRUE(pending(f.env));
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e instanceof Error && e.message === 'pending'"));
    /* nothing changed while pending */
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === 1");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k2, make_int(f.env, 5)));
    EXPECT_JS(f.env, get_private(f.env, o, k2), "(v) => v === 5");
    EXPECT_JS(f.env, get_private(f.env, o, k), "(v) => v === 1");
    jt_teardown(&f);
}

/* Keys are env values: a key from an inner scope dies with it unless a data
 * reference keeps it; values set with it stay on the objects. */
static void private_key_lifetime(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_HandleScope hs = NULL;
    JSVM_Ref kref = NULL;
    JSVM_Value o = JT_RUN(f.env, "globalThis.carrier = {}; carrier");
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Data k = new_key(f.env, "scoped");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, k, make_str(f.env, "kept")));
    CHECK_OK(f.env, OH_JSVM_CreateDataReference(f.env, k, 1, &kref));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    JSVM_Data k2 = NULL;
    CHECK_OK(f.env, OH_JSVM_GetReferenceData(f.env, kref, &k2));
    EXPECT_JS(f.env, get_private(f.env, o, k2), "(v) => v === 'kept'");
    JT_ASSERT_JS(f.env, "Reflect.ownKeys(carrier).length === 0");
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, kref));
    /* a key whose handle died cannot be named again, and the object lives on */
    gc(f.env);
    JT_ASSERT_JS(f.env, "typeof carrier === 'object' && JSON.stringify(carrier) === '{}'");
    jt_teardown(&f);
}

JT_MAIN("test_private",
        JT_TEST(private_set_get_delete),
        JT_TEST(private_keys_independent),
        JT_TEST(private_invisible_to_js),
        JT_TEST(private_object_kinds),
        JT_TEST(private_values_kept_alive),
        JT_TEST(private_invalid_args),
        JT_TEST(private_pending_exception),
        JT_TEST(private_key_lifetime))
