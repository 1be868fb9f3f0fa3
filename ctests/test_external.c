/*
 * test_external.c: OH_JSVM_CreateExternal, GetValueExternal (spec §3.16),
 * SetInstanceData and GetInstanceData (spec §3.25; issue 3).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

typedef struct {
    int calls;
    JSVM_Env env;
    void *data;
    void *hint;
} fin_rec;

/* Counts per data pointer: the data is the record. */
static void CountFin(JSVM_Env env, void *data, void *hint)
{
    fin_rec *r = data;
    r->calls++;
    r->env = env;
    r->data = data;
    r->hint = hint;
}

/* Counts in the record given as hint (data may be anything). */
static void HintFin(JSVM_Env env, void *data, void *hint)
{
    fin_rec *r = hint;
    r->calls++;
    r->env = env;
    r->data = data;
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

static JSVM_Value NoopCtor(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct noop_ctor = {NoopCtor, NULL};

/* ------------------------------------------------------------ externals */

static void external_round_trip(void)
{
    jt_fixture f;
    jt_setup(&f);
    int a = 1, b = 2;
    JSVM_Value ea = NULL, eb = NULL, ea2 = NULL, en = NULL;
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &a, NULL, NULL, &ea));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &b, NULL, NULL, &eb));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &a, NULL, NULL, &ea2));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, NULL, NULL, NULL, &en));
    EXPECT_TRUE(ea && eb && ea2 && en);
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, ea, &p));
    EXPECT_TRUE(p == &a);
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, eb, &p));
    EXPECT_TRUE(p == &b);
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, ea2, &p));
    EXPECT_TRUE(p == &a);
    p = &b;
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, en, &p));
    EXPECT_TRUE(p == NULL);
    /* seen from JS: an object without prototype or properties */
    set_global(f.env, "ea", ea);
    set_global(f.env, "ea2", ea2);
    JT_ASSERT_JS(f.env, "typeof ea === 'object' && ea !== null && Object.getPrototypeOf(ea) === null");
    JT_ASSERT_JS(f.env, "Reflect.ownKeys(ea).length === 0 && JSON.stringify(ea) === '{}'");
    JT_ASSERT_JS(f.env, "ea !== ea2 && !(ea instanceof Object)");
    /* the same external through another handle */
    JSVM_Value again = JT_RUN(f.env, "ea");
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, again, &p));
    EXPECT_TRUE(p == &a);
    /* a JS property set on it does not change the data */
    JT_RUN(f.env, "ea.x = 1;");
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, again, &p));
    EXPECT_TRUE(p == &a);
    JSVM_ValueType t = JSVM_UNDEFINED;
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, ea, &t));
    EXPECT_EQ_INT(t, JSVM_EXTERNAL);
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, en, &t));
    EXPECT_EQ_INT(t, JSVM_EXTERNAL);
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, JT_RUN(f.env, "Object.create(null)"), &t));
    EXPECT_EQ_INT(t, JSVM_OBJECT);
    /* a wrapped / tagged object stays an object, a wrapped external an external */
    JSVM_Value wo = JT_RUN(f.env, "({})");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, wo, &a, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, wo, &t));
    EXPECT_EQ_INT(t, JSVM_OBJECT);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, eb, &a, NULL, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_Typeof(f.env, eb, &t));
    EXPECT_EQ_INT(t, JSVM_EXTERNAL);
    jt_teardown(&f);
}

static void external_invalid(void)
{
    jt_fixture f;
    jt_setup(&f);
    int a;
    void *p = &a;
    JSVM_Value undef = NULL, null = NULL, ext = NULL, fn = NULL, cls = NULL, inst = NULL;
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &undef));
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &null));
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "f", JSVM_AUTO_LENGTH, &noop_ctor, &fn));
    CHECK_OK(f.env, OH_JSVM_DefineClass(f.env, "C", JSVM_AUTO_LENGTH, &noop_ctor, 0, NULL, &cls));
    CHECK_OK(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &inst));
    JSVM_Value wrapped = JT_RUN(f.env, "({})");
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, wrapped, &a, NULL, NULL, NULL));
    JSVM_Value not_ext[] = {undef, null, make_int(f.env, 1), make_str(f.env, "e"), JT_RUN(f.env, "({})"),
                            JT_RUN(f.env, "Object.create(null)"), JT_RUN(f.env, "[]"), fn, cls, inst, wrapped,
                            JT_RUN(f.env, "Symbol()"), JT_RUN(f.env, "new Proxy({}, {})")};
    for (size_t i = 0; i < sizeof not_ext / sizeof not_ext[0]; i++)
        EXPECT_STATUS(f.env, OH_JSVM_GetValueExternal(f.env, not_ext[i], &p), JSVM_INVALID_ARG);
    EXPECT_TRUE(p == &a);
    /* a proxy over an external is not an external */
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &a, NULL, NULL, &ext));
    JSVM_Value px = call_js(f.env, "(function (e) { return new Proxy(e, {}); })", 1, &ext);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueExternal(f.env, px, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueExternal(f.env, NULL, &p), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueExternal(f.env, ext, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CreateExternal(f.env, &a, NULL, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CreateExternal(NULL, &a, NULL, NULL, &ext), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetValueExternal(NULL, ext, &p), JSVM_INVALID_ARG);
    /* pending exception: CreateExternal runs JS-kind checks, GetValueExternal is env kind */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    JSVM_Value e2 = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CreateExternal(f.env, &a, NULL, NULL, &e2), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(e2 == NULL);
    p = NULL;
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, ext, &p));
    EXPECT_TRUE(p == &a);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    jt_teardown(&f);
}

static void external_finalizer_on_gc(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec recs[50], nohint;
    static int hint;
    memset(recs, 0, sizeof recs);
    memset(&nohint, 0, sizeof nohint);
    JSVM_HandleScope hs = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    for (int i = 0; i < 50; i++) {
        JSVM_Value e = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &recs[i], CountFin, &hint, &e));
    }
    JSVM_Value e = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &nohint, CountFin, NULL, &e));
    /* an external in a cycle */
    JSVM_Value cyc = JT_RUN(f.env, "({})");
    call_js(f.env, "(function (o, e) { o.e = e; e.o = o; })", 2, (JSVM_Value[]){cyc, e});
    gc(f.env);
    EXPECT_EQ_INT(recs[0].calls, 0);
    EXPECT_EQ_INT(nohint.calls, 0);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    int bad = 0;
    for (int i = 0; i < 50; i++)
        if (recs[i].calls != 1 || recs[i].env != f.env || recs[i].hint != &hint || recs[i].data != &recs[i])
            bad++;
    EXPECT_EQ_INT(bad, 0);
    EXPECT_EQ_INT(nohint.calls, 1);
    EXPECT_TRUE(nohint.hint == NULL);
    gc(f.env);
    jt_teardown(&f);
    bad = 0;
    for (int i = 0; i < 50; i++)
        bad += recs[i].calls != 1;
    EXPECT_EQ_INT(bad, 0);
    EXPECT_EQ_INT(nohint.calls, 1);
}

static void external_finalizer_at_destroy_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec held, scoped, none;
    static int d;
    memset(&held, 0, sizeof held);
    memset(&scoped, 0, sizeof scoped);
    memset(&none, 0, sizeof none);
    JSVM_Value e1 = NULL, e2 = NULL, e3 = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &held, CountFin, &d, &e1));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &scoped, CountFin, NULL, &e2));
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &none, NULL, NULL, &e3));
    set_global(f.env, "heldExt", e1);
    gc(f.env);
    EXPECT_EQ_INT(held.calls + scoped.calls, 0);
    JSVM_Env env = f.env;
    jt_teardown(&f);
    EXPECT_EQ_INT(held.calls, 1);
    EXPECT_EQ_INT(scoped.calls, 1);
    EXPECT_EQ_INT(none.calls, 0);
    EXPECT_TRUE(held.env == env && held.hint == &d && held.data == &held);
}

/* Externals can be wrapped, type-tagged, carry private values and extra
 * finalizers; everything finalizes once. */
static void external_wrap_tag_finalize(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec ext_fin, wrap_fin, add_fin;
    memset(&ext_fin, 0, sizeof ext_fin);
    memset(&wrap_fin, 0, sizeof wrap_fin);
    memset(&add_fin, 0, sizeof add_fin);
    JSVM_TypeTag tag = {0xabcdefull, 0x123456ull}, other = {0xabcdefull, 0x123457ull};
    JSVM_HandleScope hs = NULL;
    JSVM_Ref weak = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value e = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &ext_fin, CountFin, NULL, &e));
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, e, &wrap_fin, CountFin, NULL, &weak));
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_Unwrap(f.env, e, &p));
    EXPECT_TRUE(p == &wrap_fin);
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, e, &p));
    EXPECT_TRUE(p == &ext_fin);
    EXPECT_STATUS(f.env, OH_JSVM_Wrap(f.env, e, &add_fin, NULL, NULL, NULL), JSVM_INVALID_ARG);
    bool r = true;
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, e, &tag, &r));
    EXPECT_TRUE(!r);
    CHECK_OK(f.env, OH_JSVM_TypeTagObject(f.env, e, &tag));
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, e, &tag, &r));
    EXPECT_TRUE(r);
    CHECK_OK(f.env, OH_JSVM_CheckObjectTypeTag(f.env, e, &other, &r));
    EXPECT_TRUE(!r);
    EXPECT_STATUS(f.env, OH_JSVM_TypeTagObject(f.env, e, &other), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_AddFinalizer(f.env, e, &add_fin, CountFin, NULL, NULL));
    JSVM_Data key = NULL;
    CHECK_OK(f.env, OH_JSVM_CreatePrivate(f.env, NULL, &key));
    CHECK_OK(f.env, OH_JSVM_SetPrivate(f.env, e, key, make_int(f.env, 9)));
    JSVM_Value pv = NULL;
    CHECK_OK(f.env, OH_JSVM_GetPrivate(f.env, e, key, &pv));
    EXPECT_JS(f.env, pv, "(v) => v === 9");
    /* still an external with its data */
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, e, &p));
    EXPECT_TRUE(p == &ext_fin);
    /* remove the wrap and wrap again */
    CHECK_OK(f.env, OH_JSVM_RemoveWrap(f.env, e, &p));
    EXPECT_TRUE(p == &wrap_fin);
    CHECK_OK(f.env, OH_JSVM_Wrap(f.env, e, &wrap_fin, CountFin, NULL, NULL));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    EXPECT_EQ_INT(ext_fin.calls, 1);
    EXPECT_EQ_INT(wrap_fin.calls, 1);
    EXPECT_EQ_INT(add_fin.calls, 1);
    JSVM_Value v = (JSVM_Value)&hs;
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, weak, &v));
    EXPECT_TRUE(v == NULL);
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, weak));
    jt_teardown(&f);
    EXPECT_EQ_INT(ext_fin.calls, 1);
    EXPECT_EQ_INT(wrap_fin.calls, 1);
    EXPECT_EQ_INT(add_fin.calls, 1);
}

/* A reference keeps an external alive; weak, it lets it go. */
static void external_references(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec fin;
    memset(&fin, 0, sizeof fin);
    JSVM_HandleScope hs = NULL;
    JSVM_Ref ref = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value e = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateExternal(f.env, &fin, CountFin, NULL, &e));
    CHECK_OK(f.env, OH_JSVM_CreateReference(f.env, e, 1, &ref));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    gc(f.env);
    EXPECT_EQ_INT(fin.calls, 0);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Value v = NULL;
    void *p = NULL;
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, ref, &v));
    EXPECT_TRUE(v != NULL);
    CHECK_OK(f.env, OH_JSVM_GetValueExternal(f.env, v, &p));
    EXPECT_TRUE(p == &fin);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    CHECK_OK(f.env, OH_JSVM_ReferenceUnref(f.env, ref, NULL));
    gc(f.env);
    EXPECT_EQ_INT(fin.calls, 1);
    v = (JSVM_Value)&hs;
    CHECK_OK(f.env, OH_JSVM_GetReferenceValue(f.env, ref, &v));
    EXPECT_TRUE(v == NULL);
    CHECK_OK(f.env, OH_JSVM_DeleteReference(f.env, ref));
    jt_teardown(&f);
    EXPECT_EQ_INT(fin.calls, 1);
}

/* ------------------------------------------------------------ instance data */

static void instance_data(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec a, b, c;
    static int hint_a, hint_b, hint_c;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&c, 0, sizeof c);
    void *p = &hint_a;
    /* nothing set yet */
    CHECK_OK(f.env, OH_JSVM_GetInstanceData(f.env, &p));
    EXPECT_TRUE(p == NULL);
    CHECK_OK(f.env, OH_JSVM_SetInstanceData(f.env, &a, CountFin, &hint_a));
    CHECK_OK(f.env, OH_JSVM_GetInstanceData(f.env, &p));
    EXPECT_TRUE(p == &a);
    /* replacing does not finalize the old data */
    CHECK_OK(f.env, OH_JSVM_SetInstanceData(f.env, &b, CountFin, &hint_b));
    EXPECT_EQ_INT(a.calls, 0);
    CHECK_OK(f.env, OH_JSVM_GetInstanceData(f.env, &p));
    EXPECT_TRUE(p == &b);
    gc(f.env);
    EXPECT_EQ_INT(a.calls + b.calls, 0);
    CHECK_OK(f.env, OH_JSVM_SetInstanceData(f.env, &c, CountFin, &hint_c));
    CHECK_OK(f.env, OH_JSVM_SetInstanceData(f.env, &b, CountFin, &hint_b));
    EXPECT_EQ_INT(a.calls + b.calls + c.calls, 0);
    /* env kind: works while an exception is pending */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    p = NULL;
    CHECK_OK(f.env, OH_JSVM_GetInstanceData(f.env, &p));
    EXPECT_TRUE(p == &b);
    EXPECT_TRUE(take_exception_is(f.env, "(e) => e.message === 'pending'"));
    EXPECT_STATUS(f.env, OH_JSVM_GetInstanceData(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetInstanceData(NULL, &p), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_SetInstanceData(NULL, &a, NULL, NULL), JSVM_INVALID_ARG);
    /* the current data's finalizer runs at DestroyEnv with (env, data, hint), once */
    JSVM_Env env = f.env;
    jt_teardown(&f);
    EXPECT_EQ_INT(a.calls, 0);
    EXPECT_EQ_INT(c.calls, 0);
    EXPECT_EQ_INT(b.calls, 1);
    EXPECT_TRUE(b.env == env && b.data == &b && b.hint == &hint_b);
}

/* Instance data is per env; NULL data and NULL finalizers are allowed. */
static void instance_data_per_env(void)
{
    jt_fixture f;
    jt_setup(&f);
    static fin_rec r1, r2;
    static int other;
    memset(&r1, 0, sizeof r1);
    memset(&r2, 0, sizeof r2);
    JSVM_Env env2 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f.vm, 0, NULL, &env2), JSVM_OK);
    void *p = &other;
    CHECK_OK(env2, OH_JSVM_GetInstanceData(env2, &p));
    EXPECT_TRUE(p == NULL);
    CHECK_OK(f.env, OH_JSVM_SetInstanceData(f.env, &r1, CountFin, NULL));
    CHECK_OK(env2, OH_JSVM_GetInstanceData(env2, &p));
    EXPECT_TRUE(p == NULL);
    CHECK_OK(env2, OH_JSVM_SetInstanceData(env2, &other, HintFin, &r2));
    CHECK_OK(f.env, OH_JSVM_GetInstanceData(f.env, &p));
    EXPECT_TRUE(p == &r1);
    CHECK_OK(env2, OH_JSVM_GetInstanceData(env2, &p));
    EXPECT_TRUE(p == &other);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    EXPECT_EQ_INT(r2.calls, 1);
    EXPECT_TRUE(r2.env == env2 && r2.data == &other);
    EXPECT_EQ_INT(r1.calls, 0);
    /* NULL data with a finalizer: the finalizer still gets called with NULL */
    static fin_rec r3;
    memset(&r3, 0, sizeof r3);
    JSVM_Env env3 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f.vm, 0, NULL, &env3), JSVM_OK);
    CHECK_OK(env3, OH_JSVM_SetInstanceData(env3, NULL, HintFin, &r3));
    p = &other;
    CHECK_OK(env3, OH_JSVM_GetInstanceData(env3, &p));
    EXPECT_TRUE(p == NULL);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env3), JSVM_OK);
    EXPECT_EQ_INT(r3.calls, 1);
    EXPECT_TRUE(r3.data == NULL);
    /* data without a finalizer */
    JSVM_Env env4 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f.vm, 0, NULL, &env4), JSVM_OK);
    CHECK_OK(env4, OH_JSVM_SetInstanceData(env4, &other, NULL, NULL));
    CHECK_OK(env4, OH_JSVM_GetInstanceData(env4, &p));
    EXPECT_TRUE(p == &other);
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env4), JSVM_OK);
    jt_teardown(&f);
    EXPECT_EQ_INT(r1.calls, 1);
}

/* The instance-data finalizer runs while the env is still usable: it can
 * read the instance data and use the API. */
static JSVM_Status inst_fin_get_status = JSVM_GENERIC_FAILURE;
static void *inst_fin_seen;
static JSVM_Status inst_fin_obj_status = JSVM_GENERIC_FAILURE;
static void InstFinUsesApi(JSVM_Env env, void *data, void *hint)
{
    (void)data;
    (void)hint;
    JSVM_HandleScope hs = NULL;
    JSVM_Value o = NULL;
    inst_fin_get_status = OH_JSVM_GetInstanceData(env, &inst_fin_seen);
    if (OH_JSVM_OpenHandleScope(env, &hs) == JSVM_OK) {
        inst_fin_obj_status = OH_JSVM_CreateObject(env, &o);
        OH_JSVM_CloseHandleScope(env, hs);
    }
}

static void instance_data_finalizer_uses_api(void)
{
    jt_fixture f;
    jt_setup(&f);
    static int d;
    inst_fin_get_status = JSVM_GENERIC_FAILURE;
    inst_fin_obj_status = JSVM_GENERIC_FAILURE;
    inst_fin_seen = NULL;
    CHECK_OK(f.env, OH_JSVM_SetInstanceData(f.env, &d, InstFinUsesApi, NULL));
    jt_teardown(&f);
    EXPECT_EQ_INT(inst_fin_get_status, JSVM_OK);
    EXPECT_EQ_INT(inst_fin_obj_status, JSVM_OK);
    EXPECT_TRUE(inst_fin_seen == &d || inst_fin_seen == NULL);
}

JT_MAIN("test_external",
        JT_TEST(external_round_trip),
        JT_TEST(external_invalid),
        JT_TEST(external_finalizer_on_gc),
        JT_TEST(external_finalizer_at_destroy_env),
        JT_TEST(external_wrap_tag_finalize),
        JT_TEST(external_references),
        JT_TEST(instance_data),
        JT_TEST(instance_data_per_env),
        JT_TEST(instance_data_finalizer_uses_api))
