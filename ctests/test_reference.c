/*
 * test_reference.c: OH_JSVM_CreateReference, DeleteReference, ReferenceRef,
 * ReferenceUnref, GetReferenceValue, CreateDataReference and
 * GetReferenceData (spec §3.17, §8 item 7; issue 3).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

typedef struct {
    int calls;
    JSVM_Env env;
} fin_rec;

static void CountFin(JSVM_Env env, void *data, void *hint)
{
    (void)hint;
    fin_rec *r = data;
    r->calls++;
    r->env = env;
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

static bool same(JSVM_Env env, JSVM_Value a, JSVM_Value b)
{
    JSVM_Value args[2] = {a, b};
    bool r = false;
    JSVM_Value v = call_js(env, "(function (a, b) { return Object.is(a, b); })", 2, args);
    return v && OH_JSVM_GetValueBool(env, v, &r) == JSVM_OK && r;
}

/* The referenced value (NULL if collected); a sentinel checks the output
 * is written. */
static int sentinel_obj;
#define SENTINEL ((JSVM_Value)&sentinel_obj)
static JSVM_Value ref_value(JSVM_Env env, JSVM_Ref ref)
{
    JSVM_Value v = SENTINEL;
    CHECK_OK(env, OH_JSVM_GetReferenceValue(env, ref, &v));
    EXPECT_TRUE(v != SENTINEL);
    return v == SENTINEL ? NULL : v;
}

/* Whether the weakly referenced object is still alive, checked in a scope of
 * its own (so that the check does not keep it alive). */
static bool ref_alive(JSVM_Env env, JSVM_Ref ref, const char *pred)
{
    JSVM_HandleScope hs = NULL;
    bool alive;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JSVM_Value v = ref_value(env, ref);
    alive = v != NULL;
    if (alive && pred)
        EXPECT_TRUE(js_check(env, pred, v));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    return alive;
}

/* An object {m: mark} with a counting finalizer, made in a scope that is
 * closed again; the reference is the only thing that may keep it. */
static JSVM_Ref ref_to_fresh_object(JSVM_Env env, const char *src, uint32_t count, fin_rec *fin)
{
    JSVM_HandleScope hs = NULL;
    JSVM_Ref ref = NULL;
    CHECK_OK(env, OH_JSVM_OpenHandleScope(env, &hs));
    JSVM_Value o = JT_RUN(env, src);
    if (fin)
        CHECK_OK(env, OH_JSVM_AddFinalizer(env, o, fin, CountFin, NULL, NULL));
    CHECK_OK(env, OH_JSVM_CreateReference(env, o, count, &ref));
    CHECK_OK(env, OH_JSVM_CloseHandleScope(env, hs));
    return ref;
}

/* ------------------------------------------------------------ tests */

static void ref_every_value_type(void)
{
    jt_fixture f;
    jt_setup(&f);
    static const char *const srcs[] = {
        "42", "-0.5", "'a string'", "''", "Symbol('sym')", "Symbol.for('reg')", "Symbol.iterator",
        "10n ** 30n", "({o: 1})", "(function fn() {})", "[1, 2, 3]", "undefined", "null", "true", "false",
        "new Date(5)", "/x/", "new Proxy({}, {})", "Object.freeze({})", "new Map([[1, 2]])",
    };
    const size_t n = sizeof srcs / sizeof srcs[0];
    for (uint32_t count = 0; count <= 2; count += 2) {
        JSVM_Ref refs[32];
        JSVM_Value vals[32];
        JSVM_HandleScope hs = NULL;
        for (size_t i = 0; i < n; i++) {
            vals[i] = JT_RUN(f.env, srcs[i]);
            refs[i] = NULL;
            CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, vals[i], count, &refs[i]));
            EXPECT_TRUE(refs[i] != NULL);
        }
        /* distinct ids */
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                EXPECT_TRUE(refs[i] != refs[j]);
        /* the values handles still hold: identical values back */
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        for (size_t i = 0; i < n; i++) {
            JSVM_Value v = ref_value(f.env, refs[i]);
            EXPECT_TRUE(v != NULL);
            if (!v || !same(f.env, v, vals[i]))
                fprintf(stderr, "  value %s (count %u)\n", srcs[i], count);
            EXPECT_TRUE(v && same(f.env, v, vals[i]));
        }
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
        for (size_t i = 0; i < n; i++)
            CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, refs[i]));
    }
    jt_teardown(&f);
}

/* Primitives have no identity to lose: they stay retrievable at count 0,
 * across GC, after their handles died. */
static void ref_primitives_stay_at_count_zero(void)
{
    jt_fixture f;
    jt_setup(&f);
    static const char *const srcs[] = {
        "7", "3.25", "'str' + 'ing'", "Symbol.for('k')", "2n ** 70n", "undefined", "null", "true",
    };
    static const char *const preds[] = {
        "(v) => v === 7", "(v) => v === 3.25", "(v) => v === 'string'", "(v) => v === Symbol.for('k')",
        "(v) => v === 2n ** 70n", "(v) => v === undefined", "(v) => v === null", "(v) => v === true",
    };
    const size_t n = sizeof srcs / sizeof srcs[0];
    JSVM_Ref refs[8];
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    for (size_t i = 0; i < n; i++)
        CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, JT_RUN(f.env, srcs[i]), 0, &refs[i]));
    /* a unique symbol, only held by its reference */
    JSVM_Ref symref = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, JT_RUN(f.env, "globalThis.uniq = Symbol('u'); uniq"), 0, &symref));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    JT_RUN(f.env, "for (let i = 0; i < 10000; i++) ({g: [i]});");
    gc(f.env);
    for (size_t i = 0; i < n; i++) {
        JSVM_Value v = ref_value(f.env, refs[i]);
        EXPECT_TRUE(v != NULL);
        if (v)
            EXPECT_TRUE(js_check(f.env, preds[i], v));
        /* Ref/Unref work on primitives too */
        uint32_t c = 9;
        CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, refs[i], &c));
        EXPECT_EQ_INT(c, 1);
        CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, refs[i], &c));
        EXPECT_EQ_INT(c, 0);
        v = ref_value(f.env, refs[i]);
        EXPECT_TRUE(v != NULL && js_check(f.env, preds[i], v));
        CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, refs[i]));
    }
    JSVM_Value s = ref_value(f.env, symref);
    EXPECT_TRUE(s != NULL && js_check(f.env, "(v) => v === uniq", s));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, symref));
    jt_teardown(&f);
}

/* count > 0 keeps an object alive; count 0 lets it go. */
static void ref_strong_and_weak_objects(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec fs, fw, fc, ff;
    memset(&fs, 0, sizeof fs);
    memset(&fw, 0, sizeof fw);
    memset(&fc, 0, sizeof fc);
    memset(&ff, 0, sizeof ff);
    JSVM_Ref strong = ref_to_fresh_object(f.env, "({m: 'strong'})", 1, &fs);
    JSVM_Ref weak = ref_to_fresh_object(f.env, "({m: 'weak'})", 0, &fw);
    JSVM_Ref cyc = ref_to_fresh_object(f.env, "(() => { const a = {m: 'cycle'}; a.self = a; return a; })()", 3, &fc);
    JSVM_Ref fn = ref_to_fresh_object(f.env, "(() => { const x = {m: 'fn'}; return function () { return x; }; })()", 1, &ff);
    gc(f.env);
    EXPECT_TRUE(ref_alive(f.env, strong, "(v) => v.m === 'strong'"));
    EXPECT_TRUE(ref_alive(f.env, cyc, "(v) => v.m === 'cycle' && v.self === v"));
    EXPECT_TRUE(ref_alive(f.env, fn, "(v) => typeof v === 'function' && v().m === 'fn'"));
    EXPECT_EQ_INT(fs.calls + fc.calls + ff.calls, 0);
    EXPECT_TRUE(!ref_alive(f.env, weak, NULL));
    EXPECT_EQ_INT(fw.calls, 1);
    /* more allocation and GCs do not change that */
    JT_RUN(f.env, "for (let i = 0; i < 20000; i++) ({g: [i]});");
    gc(f.env);
    EXPECT_TRUE(ref_alive(f.env, strong, "(v) => v.m === 'strong'"));
    EXPECT_TRUE(ref_alive(f.env, cyc, "(v) => v.self === v"));
    /* strong -> weak: collected at the next GC at the latest */
    uint32_t c = 99;
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, strong, &c));
    EXPECT_EQ_INT(c, 0);
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, cyc, &c));
    EXPECT_EQ_INT(c, 2);
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, cyc, &c));
    EXPECT_EQ_INT(c, 1);
    gc(f.env);
    EXPECT_TRUE(!ref_alive(f.env, strong, NULL));
    EXPECT_EQ_INT(fs.calls, 1);
    EXPECT_TRUE(ref_alive(f.env, cyc, "(v) => v.m === 'cycle'"));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, cyc, &c));
    EXPECT_EQ_INT(c, 0);
    gc(f.env);
    EXPECT_TRUE(!ref_alive(f.env, cyc, NULL));
    EXPECT_EQ_INT(fc.calls, 1);
    /* a dead weak reference made strong again stays empty */
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, weak, &c));
    EXPECT_EQ_INT(c, 1);
    EXPECT_TRUE(!ref_alive(f.env, weak, NULL));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, weak, &c));
    EXPECT_EQ_INT(c, 0);
    EXPECT_TRUE(!ref_alive(f.env, weak, NULL));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, strong));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, weak));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, cyc));
    /* deleting the last strong reference lets the object go */
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, fn));
    gc(f.env);
    EXPECT_EQ_INT(ff.calls, 1);
    jt_teardown(&f);
    EXPECT_EQ_INT(fs.calls + fw.calls + fc.calls + ff.calls, 4);
}

/* A weak reference gives the object as long as something else keeps it. */
static void ref_weak_while_reachable(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec fin;
    memset(&fin, 0, sizeof fin);
    JSVM_Ref ref = ref_to_fresh_object(f.env, "globalThis.held = {m: 'held'}; held", 0, &fin);
    gc(f.env);
    EXPECT_TRUE(ref_alive(f.env, ref, "(v) => v === held && v.m === 'held'"));
    /* kept by a handle only */
    JSVM_Value h = JT_RUN(f.env, "held");
    JT_RUN(f.env, "held = null;");
    gc(f.env);
    EXPECT_TRUE(ref_alive(f.env, ref, "(v) => v.m === 'held'"));
    EXPECT_TRUE(same(f.env, ref_value(f.env, ref), h));
    EXPECT_EQ_INT(fin.calls, 0);
    /* weak -> strong -> weak with the handle alive: the same object */
    uint32_t c = 0;
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, &c));
    EXPECT_EQ_INT(c, 1);
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, &c));
    EXPECT_EQ_INT(c, 2);
    EXPECT_TRUE(same(f.env, ref_value(f.env, ref), h));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c));
    EXPECT_EQ_INT(c, 0);
    gc(f.env);
    EXPECT_TRUE(same(f.env, ref_value(f.env, ref), h));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref));
    jt_teardown(&f);
    EXPECT_EQ_INT(fin.calls, 1);
}

/* A weak reference made strong keeps the object across GC after its handles
 * died; made weak again, it lets it go. */
static void ref_weak_strong_weak(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec fin;
    memset(&fin, 0, sizeof fin);
    JSVM_HandleScope hs = NULL;
    JSVM_Ref ref = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value o = JT_RUN(f.env, "({m: 'wsw', list: [1, 2, 3]})");
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o, &fin, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 0, &ref));
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, NULL));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    for (int i = 0; i < 3; i++) {
        gc(f.env);
        EXPECT_TRUE(ref_alive(f.env, ref, "(v) => v.m === 'wsw' && v.list.length === 3"));
        /* weak while a handle holds it, strong again */
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        JSVM_Value v = ref_value(f.env, ref);
        CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, NULL));
        gc(f.env);
        EXPECT_TRUE(same(f.env, ref_value(f.env, ref), v));
        CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, NULL));
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    }
    EXPECT_EQ_INT(fin.calls, 0);
    uint32_t c = 5;
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c));
    EXPECT_EQ_INT(c, 0);
    gc(f.env);
    EXPECT_TRUE(!ref_alive(f.env, ref, NULL));
    EXPECT_EQ_INT(fin.calls, 1);
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref));
    jt_teardown(&f);
    EXPECT_EQ_INT(fin.calls, 1);
}

static JSVM_Value NoopCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct noop_ctor = {NoopCtor, NULL};

/* Weak references work on every kind of object (including proxies whose
 * traps all throw, which must not run). */
static void ref_weak_object_kinds(void)
{
    jt_fixture f;
    jt_setup(&f);
    static const char *const srcs[] = {
        "({})", "Object.freeze({a: 1})", "Object.seal([1])", "(function () {})", "(() => 0)", "[1, 2]",
        "new Proxy({}, {})",
        "new Proxy({}, {get() { trapCalls++; throw 1; }, has() { trapCalls++; throw 1; },"
        " getOwnPropertyDescriptor() { trapCalls++; throw 1; }, defineProperty() { trapCalls++; throw 1; },"
        " ownKeys() { trapCalls++; throw 1; }, getPrototypeOf() { trapCalls++; throw 1; } })",
        "new Map()", "Object.create(null)", "new Date()", "new Uint8Array(16)", "Promise.resolve()",
    };
    enum { NK = sizeof srcs / sizeof srcs[0], NX = 3 };
    static fin_rec fins[NK + NX];
    JSVM_Ref refs[NK + NX];
    memset(fins, 0, sizeof fins);
    JT_RUN(f.env, "globalThis.trapCalls = 0;");
    JSVM_Value cls = NULL;
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &noop_ctor, 0, NULL, &cls));
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    for (size_t i = 0; i < NK; i++) {
        JSVM_Value o = JT_RUN(f.env, srcs[i]);
        CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 0, &refs[i]));
        CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, o, &fins[i], CountFin, NULL, NULL));
    }
    JSVM_Value extra[NX] = {NULL, NULL, NULL};
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &extra[0]));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, NULL, NULL, NULL, &extra[1]));
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "nf", JSVM_AUTO_LENGTH, &noop_ctor, &extra[2]));
    for (size_t i = 0; i < NX; i++) {
        CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, extra[i], 0, &refs[NK + i]));
        CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, extra[i], &fins[NK + i], CountFin, NULL, NULL));
    }
    gc(f.env);
    int bad = 0;
    for (size_t i = 0; i < NK + NX; i++) {
        JSVM_Value v = ref_value(f.env, refs[i]);
        if (!v) {
            fprintf(stderr, "  kind %zu collected while held\n", i);
            bad++;
        }
    }
    EXPECT_EQ_INT(bad, 0);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    bad = 0;
    for (size_t i = 0; i < NK + NX; i++) {
        if (ref_alive(f.env, refs[i], NULL) || fins[i].calls != 1) {
            fprintf(stderr, "  kind %zu not collected\n", i);
            bad++;
        }
        CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, refs[i]));
    }
    EXPECT_EQ_INT(bad, 0);
    JT_ASSERT_JS(f.env, "trapCalls === 0");
    jt_teardown(&f);
}

static void ref_counts(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value o = JT_RUN(f.env, "({})");
    JSVM_Ref ref = NULL;
    uint32_t c = 77;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 2, &ref));
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, &c));
    EXPECT_EQ_INT(c, 3);
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, NULL));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c));
    EXPECT_EQ_INT(c, 3);
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, NULL));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c));
    EXPECT_EQ_INT(c, 1);
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c));
    EXPECT_EQ_INT(c, 0);
    /* below zero: an error, the count stays 0 */
    c = 77;
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c), JSVM_GENERIC_FAILURE);
    EXPECT_EQ_INT(c, 77);
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, ref, NULL), JSVM_GENERIC_FAILURE);
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, ref, &c));
    EXPECT_EQ_INT(c, 1);
    EXPECT_TRUE(same(f.env, ref_value(f.env, ref), o));
    /* primitives count the same way */
    JSVM_Ref pr = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, make_int(f.env, 5), 0, &pr));
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, pr, &c), JSVM_GENERIC_FAILURE);
    for (uint32_t i = 1; i <= 100; i++) {
        CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, pr, &c));
        EXPECT_EQ_INT(c, i);
    }
    for (uint32_t i = 100; i > 0; i--) {
        CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, pr, &c));
        EXPECT_EQ_INT(c, i - 1);
    }
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, pr, &c), JSVM_GENERIC_FAILURE);
    /* env kind: all work with an exception pending */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    JSVM_Ref pr2 = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 1, &pr2));
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, pr2, &c));
    EXPECT_EQ_INT(c, 2);
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, pr2, &c));
    EXPECT_EQ_INT(c, 1);
    JSVM_Value v = NULL;
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, pr2, &v));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, pr2));
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    EXPECT_TRUE(v != NULL && same(f.env, v, o));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, pr));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref));
    jt_teardown(&f);
}

static void ref_delete_and_stale_ids(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value o = JT_RUN(f.env, "({})"), v = NULL;
    JSVM_Ref ref = NULL, ref2 = NULL;
    uint32_t c = 0;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 1, &ref));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref));
    EXPECT_STATUS(f.env, OH_JSVM_DeleteReference(f.env, ref), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceRef(f.env, ref, &c), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, ref, &c), JSVM_INVALID_ARG);
    v = SENTINEL;
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceValue(f.env, ref, &v), JSVM_INVALID_ARG);
    EXPECT_TRUE(v == SENTINEL);
    /* a new reference (may reuse the slot): the stale id stays invalid */
    for (int i = 0; i < 10; i++) {
        CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, make_int(f.env, i), 1, &ref2));
        EXPECT_TRUE(ref2 != ref);
        EXPECT_STATUS(f.env, OH_JSVM_DeleteReference(f.env, ref), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, OH_JSVM_GetReferenceValue(f.env, ref, &v), JSVM_INVALID_ARG);
        EXPECT_JS(f.env, ref_value(f.env, ref2), "(x) => typeof x === 'number'");
        CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref2));
    }
    /* weak references too, after their object died */
    JSVM_Ref w = ref_to_fresh_object(f.env, "({})", 0, NULL);
    gc(f.env);
    EXPECT_TRUE(!ref_alive(f.env, w, NULL));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, w));
    EXPECT_STATUS(f.env, OH_JSVM_DeleteReference(f.env, w), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceValue(f.env, w, &v), JSVM_INVALID_ARG);
    /* NULL arguments */
    EXPECT_STATUS(f.env, OH_JSVM_CreateReference(f.env, NULL, 1, &ref), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateReference(f.env, o, 1, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_DeleteReference(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceRef(f.env, NULL, &c), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReferenceUnref(f.env, NULL, &c), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceValue(f.env, NULL, &v), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 1, &ref));
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceValue(f.env, ref, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetReferenceValue(NULL, ref, &v), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_DeleteReference(NULL, ref), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref));
    jt_teardown(&f);
}

/* A second env of the same VM has references of its own; destroying it
 * leaves the first env's references intact. */
static void ref_in_second_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env2 = NULL;
    JSVM_EnvScope es2 = NULL;
    JSVM_HandleScope hs2 = NULL;
    JSVM_Ref r1 = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, JT_RUN(f.env, "({one: 1})"), 1, &r1));
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f.vm, 0, NULL, &env2), JSVM_OK);
    CHECK_OK(env2, OH_JSVM_OpenEnvScope(env2, &es2));
    CHECK_OK(env2, OH_JSVM_OpenHandleScope(env2, &hs2));
    JSVM_Ref r2 = NULL;
    CHECK_OK(env2, OH_JSVM_CreateReference(env2, JT_RUN(env2, "({two: 2})"), 1, &r2));
    EXPECT_JS(env2, ref_value(env2, r2), "(v) => v.two === 2");
    CHECK_OK(env2, OH_JSVM_DeleteReference(env2, r2));
    CHECK_OK(env2, OH_JSVM_CloseHandleScope(env2, hs2));
    CHECK_OK(env2, OH_JSVM_CloseEnvScope(env2, es2));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    EXPECT_JS(f.env, ref_value(f.env, r1), "(v) => v.one === 1");
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, r1));
    jt_teardown(&f);
}

/* ---- data references ---- */

static void data_references(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_HandleScope hs = NULL;
    JSVM_Ref dref = NULL, bad = NULL;
    JSVM_Data key = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    CHECK_OK(f.env, OH_JSVM_CreatePrivate(f.env, make_str(f.env, "dkey"), &key));
    EXPECT_STATUS(f.env, OH_JSVM_CreateDataReference(f.env, key, 0, &bad), JSVM_INVALID_ARG);
    EXPECT_TRUE(bad == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_CreateDataReference(f.env, NULL, 1, &bad), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateDataReference(f.env, key, 1, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateDataReference(NULL, key, 1, &bad), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_CreateDataReference(f.env, key, 1, &dref));
    EXPECT_TRUE(dref != NULL);
    /* a value stored with the original key */
    JSVM_Value holder = JT_RUN(f.env, "globalThis.holder = {visible: 1}; holder");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, holder, key, make_str(f.env, "secret")));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    JT_RUN(f.env, "for (let i = 0; i < 10000; i++) ({g: [i]});");
    gc(f.env);
    /* the key from the reference is usable, and is the same key */
    JSVM_Data key2 = NULL;
    CHECK_OK(f.env, OH_JSVM_GetReferenceData(f.env, dref, &key2));
    EXPECT_TRUE(key2 != NULL);
    JSVM_Value got = NULL;
    CHECK_OK(f.env, OH_JSVM_GetPrivate(f.env, JT_RUN(f.env, "holder"), key2, &got));
    EXPECT_JS(f.env, got, "(v) => v === 'secret'");
    JSVM_Value o = JT_RUN(f.env, "({})");
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, o, key2, make_int(f.env, 3)));
    CHECK_OK(f.env, OH_JSVM_GetPrivate(f.env, o, key2, &got));
    EXPECT_JS(f.env, got, "(v) => v === 3");
    CHECK_OK(f.env, OH_JSVM_DeletePrivate(f.env, JT_RUN(f.env, "holder"), key2));
    CHECK_OK(f.env, OH_JSVM_GetPrivate(f.env, JT_RUN(f.env, "holder"), key2, &got));
    EXPECT_JS(f.env, got, "(v) => v === undefined");

    /* the kinds do not mix */
    JSVM_Ref vref = NULL;
    JSVM_Value v = SENTINEL;
    JSVM_Data d = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, o, 1, &vref));
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceData(f.env, vref, &d), JSVM_INVALID_ARG);
    EXPECT_TRUE(d == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceValue(f.env, dref, &v), JSVM_INVALID_ARG);
    EXPECT_TRUE(v == SENTINEL);
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceData(f.env, NULL, &d), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceData(f.env, dref, NULL), JSVM_INVALID_ARG);
    /* counts */
    uint32_t c = 0;
    CHECK_OK(f.env, OH_JSVM_ReferenceRef(f.env, dref, &c));
    EXPECT_EQ_INT(c, 2);
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, dref, &c));
    EXPECT_EQ_INT(c, 1);
    CHECK_OK(f.env, OH_JSVM_GetReferenceData(f.env, dref, &d));
    CHECK_OK(f.env, OH_JSVM_GetPrivate(f.env, o, d, &got));
    EXPECT_JS(f.env, got, "(v) => v === 3");
    /* works with an exception pending (env kind) */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    JSVM_Ref dref2 = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateDataReference(f.env, d, 2, &dref2));
    CHECK_OK(f.env, OH_JSVM_GetReferenceData(f.env, dref2, &d));
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    CHECK_OK(f.env, OH_JSVM_GetPrivate(f.env, o, d, &got));
    EXPECT_JS(f.env, got, "(v) => v === 3");
    /* deleting */
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, dref));
    EXPECT_STATUS(f.env, OH_JSVM_DeleteReference(f.env, dref), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetReferenceData(f.env, dref, &d), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, dref2));
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, vref));
    jt_teardown(&f);
}

/* References left at DestroyEnv are released by it; objects they kept are
 * finalized then. */
static void refs_left_at_destroy_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec fs, fw, fg;
    memset(&fs, 0, sizeof fs);
    memset(&fw, 0, sizeof fw);
    memset(&fg, 0, sizeof fg);
    JSVM_Ref s = ref_to_fresh_object(f.env, "({s: 1})", 2, &fs);
    JSVM_Ref w = ref_to_fresh_object(f.env, "globalThis.g = {w: 1}; g", 0, &fw);
    JSVM_Ref cyc = ref_to_fresh_object(f.env, "(() => { const a = {}; a.a = a; return a; })()", 1, &fg);
    JSVM_Ref p = NULL, d = NULL;
    JSVM_Data key = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, make_str(f.env, "prim"), 0, &p));
    CHECK_OK(f.env, OH_JSVM_CreatePrivate(f.env, NULL, &key));
    CHECK_OK(f.env, OH_JSVM_CreateDataReference(f.env, key, 1, &d));
    (void)s;
    (void)w;
    (void)cyc;
    gc(f.env);
    EXPECT_EQ_INT(fs.calls + fw.calls + fg.calls, 0);
    jt_teardown(&f);
    EXPECT_EQ_INT(fs.calls, 1);
    EXPECT_EQ_INT(fw.calls, 1);
    EXPECT_EQ_INT(fg.calls, 1);
}

/* 100,000 references: create, read, delete (in random order), again. */
static void many_references(void)
{
    jt_fixture f;
    jt_setup(&f);
    enum { N = 100000 };
    JSVM_Ref *refs = calloc(N, sizeof *refs);
    uint32_t *order = calloc(N, sizeof *order);
    long rss0 = 0;
    for (int round = 0; round < 3; round++) {
        JSVM_HandleScope hs = NULL;
        int bad = 0;
        for (int base = 0; base < N; base += 1000) {
            CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
            JSVM_Value fresh = JT_RUN(f.env, "(() => { const a = []; for (let i = 0; i < 1000; i++) a.push({i}); return a; })()");
            JSVM_Value get = JT_RUN(f.env, "(a, i) => a[i]"), undef = NULL;
            CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
            for (int i = 0; i < 1000; i++) {
                JSVM_Value args[2] = {fresh, make_int(f.env, i)}, el = NULL;
                if (OH_JSVM_CallFunction(f.env, undef, get, 2, args, &el) != JSVM_OK)
                    bad++;
                /* even ones strong, odd ones weak */
                if (OH_JSVM_CreateReference(f.env, el, (uint32_t)((base + i) % 2 == 0), &refs[base + i]) != JSVM_OK)
                    bad++;
            }
            CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
        }
        EXPECT_EQ_INT(bad, 0);
        gc(f.env);
        /* strong ones alive with the right value, weak ones collected */
        bad = 0;
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        JSVM_Value idx = JT_RUN(f.env, "(o) => o.i");
        for (int i = 0; i < N; i += 97) {
            JSVM_Value v = SENTINEL, r = NULL, undef = NULL;
            if (OH_JSVM_GetReferenceValue(f.env, refs[i], &v) != JSVM_OK)
                bad++;
            else if (i % 2 == 1)
                bad += v != NULL;
            else if (!v)
                bad++;
            else {
                int32_t got = -1;
                OH_JSVM_GetUndefined(f.env, &undef);
                if (OH_JSVM_CallFunction(f.env, undef, idx, 1, &v, &r) != JSVM_OK ||
                    OH_JSVM_GetValueInt32(f.env, r, &got) != JSVM_OK || got != i % 1000)
                    bad++;
            }
        }
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
        EXPECT_EQ_INT(bad, 0);
        /* delete in a shuffled order */
        uint32_t seed = 42 + round;
        for (uint32_t i = 0; i < N; i++)
            order[i] = i;
        for (uint32_t i = N - 1; i > 0; i--) {
            seed = seed * 1664525u + 1013904223u;
            uint32_t j = seed % (i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        bad = 0;
        for (uint32_t i = 0; i < N; i++)
            bad += OH_JSVM_DeleteReference(f.env, refs[order[i]]) != JSVM_OK;
        EXPECT_EQ_INT(bad, 0);
        bad = 0;
        for (uint32_t i = 0; i < N; i += 101)
            bad += OH_JSVM_DeleteReference(f.env, refs[i]) != JSVM_INVALID_ARG;
        EXPECT_EQ_INT(bad, 0);
        gc(f.env);
        if (round == 0)
            rss0 = rss_kb();
    }
    /* the rounds after the first do not keep growing */
    long rss1 = rss_kb();
    if (rss0 > 0 && rss1 > 0)
        EXPECT_TRUE(rss1 - rss0 < 64 * 1024);
    free(refs);
    free(order);
    jt_teardown(&f);
}

JT_MAIN("test_reference",
        JT_TEST(ref_every_value_type),
        JT_TEST(ref_primitives_stay_at_count_zero),
        JT_TEST(ref_strong_and_weak_objects),
        JT_TEST(ref_weak_while_reachable),
        JT_TEST(ref_weak_strong_weak),
        JT_TEST(ref_weak_object_kinds),
        JT_TEST(ref_counts),
        JT_TEST(ref_delete_and_stale_ids),
        JT_TEST(ref_in_second_env),
        JT_TEST(data_references),
        JT_TEST(refs_left_at_destroy_env),
        JT_TEST(many_references))
