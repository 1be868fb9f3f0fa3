/*
 * test_scope.c: handle scopes, escapable scopes and the lifetime of values
 * and scripts (spec 2.3, 3.3, and RetainScript/ReleaseScript of 3.5).
 *
 * Each test opens a VM and an env with an env scope but no handle scope, so
 * that it controls the whole handle-scope stack itself.
 */
#include "common.h"

typedef struct {
    JSVM_VM vm;
    JSVM_VMScope vs;
    JSVM_Env env;
    JSVM_EnvScope es;
} scope_fixture;

static void setup(scope_fixture *f)
{
    jt_init();
    memset(f, 0, sizeof *f);
    EXPECT_VM_STATUS(OH_JSVM_CreateVM(NULL, &f->vm), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_OpenVMScope(f->vm, &f->vs), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f->vm, 0, NULL, &f->env), JSVM_OK);
    CHECK_OK(f->env, OH_JSVM_OpenEnvScope(f->env, &f->es));
}

static void teardown(scope_fixture *f)
{
    CHECK_OK(f->env, OH_JSVM_CloseEnvScope(f->env, f->es));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(f->env), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_CloseVMScope(f->vm, f->vs), JSVM_OK);
    EXPECT_VM_STATUS(OH_JSVM_DestroyVM(f->vm), JSVM_OK);
}

static JSVM_Value str(JSVM_Env env, const char *s)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateStringUtf8(env, s, JSVM_AUTO_LENGTH, &v));
    return v;
}

/* Calls fn(arg) with the global object as receiver. */
static JSVM_Value call1(JSVM_Env env, JSVM_Value fn, JSVM_Value arg)
{
    JSVM_Value global = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    CHECK_OK(env, OH_JSVM_CallFunction(env, global, fn, 1, &arg, &r));
    return r;
}

/* ---- LIFO ---- */

/* Closing the outer scope while an inner one is open is a mismatch, and
 * leaves both scopes (and their values) intact. */
static void close_outer_while_inner_open(void)
{
    scope_fixture f;
    JSVM_HandleScope outer, inner;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
    JSVM_Value a = str(f.env, "outer value");
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &inner));
    EXPECT_TRUE(inner != outer);
    JSVM_Value b = str(f.env, "inner value");

    EXPECT_STATUS(f.env, OH_JSVM_CloseHandleScope(f.env, outer), JSVM_HANDLE_SCOPE_MISMATCH);
    EXPECT_STREQ(jt_str(f.env, a), "outer value");
    EXPECT_STREQ(jt_str(f.env, b), "inner value");

    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, inner));
    EXPECT_STREQ(jt_str(f.env, a), "outer value");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

/* Closing when no handle scope is open is a mismatch (a stale handle). */
static void close_with_no_scope_open(void)
{
    scope_fixture f;
    JSVM_HandleScope hs;
    JSVM_EscapableHandleScope esc;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    EXPECT_STATUS(f.env, OH_JSVM_CloseHandleScope(f.env, hs), JSVM_HANDLE_SCOPE_MISMATCH);

    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
    EXPECT_STATUS(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc), JSVM_HANDLE_SCOPE_MISMATCH);

    /* the env still works after the misuse */
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JT_ASSERT_JS(f.env, "1 + 1 === 2");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    teardown(&f);
}

/* A plain scope closed as escapable, or an escapable one closed as plain, is
 * a mismatch; the right close then succeeds. */
static void close_with_wrong_kind(void)
{
    scope_fixture f;
    JSVM_HandleScope outer, hs;
    JSVM_EscapableHandleScope esc;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));

    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    EXPECT_STATUS(f.env, OH_JSVM_CloseHandleScope(f.env, (JSVM_HandleScope)esc), JSVM_HANDLE_SCOPE_MISMATCH);
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));

    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    EXPECT_STATUS(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, (JSVM_EscapableHandleScope)hs),
                  JSVM_HANDLE_SCOPE_MISMATCH);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));

    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

static void null_args(void)
{
    scope_fixture f;
    JSVM_HandleScope hs = NULL;
    JSVM_EscapableHandleScope esc = NULL;
    JSVM_Value v = NULL, out = NULL;
    setup(&f);

    EXPECT_VM_STATUS(OH_JSVM_OpenHandleScope(NULL, &hs), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_OpenHandleScope(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_OpenEscapableHandleScope(NULL, &esc), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, NULL), JSVM_INVALID_ARG);

    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    EXPECT_VM_STATUS(OH_JSVM_CloseHandleScope(NULL, hs), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CloseHandleScope(f.env, NULL), JSVM_INVALID_ARG);

    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    v = str(f.env, "x");
    EXPECT_VM_STATUS(OH_JSVM_EscapeHandle(NULL, esc, v, &out), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_EscapeHandle(f.env, NULL, v, &out), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_EscapeHandle(f.env, esc, NULL, &out), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_EscapeHandle(f.env, esc, v, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(out == NULL);
    /* the failed calls did not use up the one escape */
    CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc, v, &out));
    EXPECT_VM_STATUS(OH_JSVM_CloseEscapableHandleScope(NULL, esc), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, NULL), JSVM_INVALID_ARG);
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
    EXPECT_STREQ(jt_str(f.env, out), "x");

    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    teardown(&f);
}

/* ---- escapable scopes ---- */

/* The escaped value lives in the parent after the inner scope closed: a
 * string (read from C) and an object built in JS (read through JS). A second
 * escape fails and does not disturb the first. */
static void escape_value_to_parent(void)
{
    scope_fixture f;
    JSVM_HandleScope outer;
    JSVM_EscapableHandleScope esc;
    JSVM_Value s_out = NULL, o_out = NULL, again = NULL;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
    JSVM_Value getter = JT_RUN(f.env, "(o) => o.list.join('-') + ':' + o.name");

    /* string */
    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    for (int i = 0; i < 300; i++) /* push the escapee onto a later handle chunk */
        str(f.env, "filler");
    JSVM_Value s = str(f.env, "escaped string");
    CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc, s, &s_out));
    EXPECT_STATUS(f.env, OH_JSVM_EscapeHandle(f.env, esc, s, &again), JSVM_ESCAPE_CALLED_TWICE);
    EXPECT_TRUE(again == NULL);
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
    EXPECT_STREQ(jt_str(f.env, s_out), "escaped string");

    /* object built by a script inside the scope */
    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    JSVM_Value o = JT_RUN(f.env, "({list: [1, 2, 3], name: 'obj'})");
    CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc, o, &o_out));
    JSVM_Value other = JT_RUN(f.env, "({list: [], name: 'other'})");
    EXPECT_STATUS(f.env, OH_JSVM_EscapeHandle(f.env, esc, other, &again), JSVM_ESCAPE_CALLED_TWICE);
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
    /* the script's temporaries are gone; the object is intact */
    JT_RUN(f.env, "for (let i = 0; i < 1000; i++) ({garbage: i}); 1");
    EXPECT_STREQ(jt_str(f.env, call1(f.env, getter, o_out)), "1-2-3:obj");
    EXPECT_STREQ(jt_str(f.env, s_out), "escaped string");

    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

/* Escaping through several nested escapable scopes, one level at a time. */
static void escape_through_nested_scopes(void)
{
    scope_fixture f;
    JSVM_HandleScope outer;
    JSVM_EscapableHandleScope esc[5];
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
    for (int i = 0; i < 5; i++)
        CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc[i]));
    JSVM_Value v = str(f.env, "deep");
    for (int i = 4; i >= 0; i--) {
        JSVM_Value up = NULL;
        str(f.env, "noise");
        CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc[i], v, &up));
        CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc[i]));
        v = up;
        EXPECT_STREQ(jt_str(f.env, v), "deep");
    }
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

/* EscapeHandle on an escapable scope that is not the innermost one: the
 * value still lands in that scope's parent and survives both closes. */
static void escape_from_non_innermost_scope(void)
{
    scope_fixture f;
    JSVM_HandleScope outer, inner;
    JSVM_EscapableHandleScope esc;
    JSVM_Value out = NULL;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &inner));
    JSVM_Value v = JT_RUN(f.env, "'from' + ' inner'");
    CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc, v, &out));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, inner));
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
    for (int i = 0; i < 300; i++)
        str(f.env, "overwrite freed slots");
    EXPECT_STREQ(jt_str(f.env, out), "from inner");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

/* Scope functions and RetainScript/ReleaseScript do not run JS: they work
 * while an exception is pending and leave it pending (spec 2.2). */
static void scopes_with_pending_exception(void)
{
    scope_fixture f;
    JSVM_HandleScope outer, hs;
    JSVM_EscapableHandleScope esc;
    JSVM_Value out = NULL, exc = NULL;
    JSVM_Script script = NULL;
    bool pending = false;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, str(f.env, "'ran'"), NULL, 0, false, NULL, &script));

    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "boom"));
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
    CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc, str(f.env, "escaped while pending"), &out));
    CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
    CHECK_OK(f.env, OH_JSVM_RetainScript(f.env, script));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    CHECK_OK(f.env, OH_JSVM_IsExceptionPending(f.env, &pending));
    EXPECT_TRUE(pending);

    CHECK_OK(f.env, OH_JSVM_GetAndClearLastException(f.env, &exc));
    EXPECT_STREQ(jt_str(f.env, JT_RUN(f.env, "'after'")), "after");
    JSVM_Value r = NULL;
    CHECK_OK(f.env, OH_JSVM_RunScript(f.env, script, &r));
    EXPECT_STREQ(jt_str(f.env, r), "ran");
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "again"));
    CHECK_OK(f.env, OH_JSVM_ReleaseScript(f.env, script));
    CHECK_OK(f.env, OH_JSVM_GetAndClearLastException(f.env, &exc));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

/* ---- many values ---- */

/* 100000 strings and objects over nested scopes (far more than one 254-slot
 * handle chunk per level). The first value of each level stays readable
 * while deeper levels open and close. */
static void many_values_nested(void)
{
    enum { LEVELS = 10, PER_LEVEL = 10000 };
    scope_fixture f;
    JSVM_HandleScope hs[LEVELS];
    JSVM_Value first[LEVELS];
    char buf[64];
    setup(&f);

    for (int lv = 0; lv < LEVELS; lv++) {
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs[lv]));
        snprintf(buf, sizeof buf, "level %d", lv);
        first[lv] = str(f.env, buf);
        JSVM_Value v = NULL;
        for (int i = 0; i < PER_LEVEL; i++) {
            JSVM_Status st;
            if (i % 2) {
                st = OH_JSVM_CreateObject(f.env, &v);
            } else {
                snprintf(buf, sizeof buf, "s%d.%d", lv, i);
                st = OH_JSVM_CreateStringUtf8(f.env, buf, JSVM_AUTO_LENGTH, &v);
            }
            if (st != JSVM_OK) { /* one check per failure, not 100000 checks */
                EXPECT_EQ_INT(st, JSVM_OK);
                break;
            }
            if (i == PER_LEVEL - 2)
                EXPECT_STREQ(jt_str(f.env, v), buf);
        }
    }
    for (int lv = LEVELS - 1; lv >= 0; lv--) {
        snprintf(buf, sizeof buf, "level %d", lv);
        EXPECT_STREQ(jt_str(f.env, first[lv]), buf);
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs[lv]));
        if (lv > 0) {
            snprintf(buf, sizeof buf, "level %d", lv - 1);
            EXPECT_STREQ(jt_str(f.env, first[lv - 1]), buf);
        }
    }
    teardown(&f);
}

/* An escapable scope opened at every fill level of a handle chunk (its
 * reserved parent slot and its own first slot land on each side of a chunk
 * boundary at some point); the escaped value must survive every time. */
static void escape_at_every_chunk_offset(void)
{
    scope_fixture f;
    JSVM_HandleScope outer;
    JSVM_EscapableHandleScope esc;
    JSVM_Value v = NULL, out = NULL;
    char buf[32];
    setup(&f);
    for (int fill = 0; fill < 520; fill++) {
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
        for (int i = 0; i < fill; i++)
            OH_JSVM_CreateInt32(f.env, i, &v);
        CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &esc));
        for (int i = 0; i < fill % 7; i++)
            OH_JSVM_CreateObject(f.env, &v);
        snprintf(buf, sizeof buf, "fill %d", fill);
        CHECK_OK(f.env, OH_JSVM_EscapeHandle(f.env, esc, str(f.env, buf), &out));
        for (int i = 0; i < 300; i++)
            OH_JSVM_CreateInt32(f.env, -i, &v);
        CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, esc));
        JSVM_Value after = str(f.env, "after"); /* reuses the freed slots */
        EXPECT_STREQ(jt_str(f.env, out), buf);
        EXPECT_STREQ(jt_str(f.env, after), "after");
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    }
    teardown(&f);
}

/* 1000 nested scopes, alternately plain and escapable, each holding a value
 * that must still be readable when the scopes unwind. */
static void deeply_nested_scopes(void)
{
    enum { DEPTH = 1000 };
    scope_fixture f;
    static JSVM_HandleScope plain[DEPTH];
    static JSVM_EscapableHandleScope escapable[DEPTH];
    static JSVM_Value vals[DEPTH];
    char buf[32];
    setup(&f);
    for (int i = 0; i < DEPTH; i++) {
        if (i % 2)
            CHECK_OK(f.env, OH_JSVM_OpenEscapableHandleScope(f.env, &escapable[i]));
        else
            CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &plain[i]));
        snprintf(buf, sizeof buf, "depth %d", i);
        vals[i] = str(f.env, buf);
    }
    for (int i = DEPTH - 1; i >= 0; i--) {
        snprintf(buf, sizeof buf, "depth %d", i);
        EXPECT_STREQ(jt_str(f.env, vals[i]), buf);
        if (i % 2)
            CHECK_OK(f.env, OH_JSVM_CloseEscapableHandleScope(f.env, escapable[i]));
        else
            CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, plain[i]));
    }
    teardown(&f);
}

/* Open, fill, close repeatedly: handle slots are reused, values created
 * after a close are correct. */
static void many_scope_cycles(void)
{
    scope_fixture f;
    JSVM_HandleScope outer, hs;
    char buf[32];
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &outer));
    JSVM_Value keep = str(f.env, "kept");
    for (int round = 0; round < 200; round++) {
        JSVM_Value v = NULL;
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        for (int i = 0; i < 600; i++)
            OH_JSVM_CreateInt32(f.env, i, &v);
        snprintf(buf, sizeof buf, "round %d", round);
        v = str(f.env, buf);
        EXPECT_STREQ(jt_str(f.env, v), buf);
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    }
    EXPECT_STREQ(jt_str(f.env, keep), "kept");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, outer));
    teardown(&f);
}

/* Values created with no handle scope open are valid, and released at
 * DestroyEnv (a leak would trip QuickJS's leak assertion at DestroyVM). */
static void values_outside_any_scope(void)
{
    scope_fixture f;
    JSVM_Value o = NULL;
    setup(&f);
    JSVM_Value s = str(f.env, "no scope");
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &o));
    JSVM_Value r = JT_RUN(f.env, "const c = {n: 'cycle'}; c.self = c; c");
    JSVM_Value fn = JT_RUN(f.env, "(x) => typeof x === 'object' ? x.self.n : x + '!'");
    for (int i = 0; i < 1000; i++)
        str(f.env, "more than one chunk");
    EXPECT_STREQ(jt_str(f.env, s), "no scope");
    EXPECT_STREQ(jt_str(f.env, call1(f.env, fn, s)), "no scope!");
    EXPECT_STREQ(jt_str(f.env, call1(f.env, fn, r)), "cycle");
    teardown(&f);
}

/* ---- scripts and scopes ---- */

static JSVM_Script compile(JSVM_Env env, const char *src)
{
    JSVM_Script script = NULL;
    CHECK_OK(env, OH_JSVM_CompileScript(env, str(env, src), NULL, 0, false, NULL, &script));
    return script;
}

static int32_t run_int(JSVM_Env env, JSVM_Script script)
{
    JSVM_Value r = NULL;
    int32_t n = -1;
    CHECK_OK(env, OH_JSVM_RunScript(env, script, &r));
    if (r)
        CHECK_OK(env, OH_JSVM_GetValueInt32(env, r, &n));
    return n;
}

/* A retained script outlives the scope it was compiled in and can be run
 * again in later scopes until released. */
static void retained_script_outlives_scope(void)
{
    scope_fixture f;
    JSVM_HandleScope hs;
    setup(&f);

    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Script script = compile(f.env, "globalThis.runs = (globalThis.runs | 0) + 1");
    EXPECT_EQ_INT(run_int(f.env, script), 1);
    CHECK_OK(f.env, OH_JSVM_RetainScript(f.env, script));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));

    for (int i = 2; i <= 4; i++) {
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        /* churn the handle stack so a freed script would be overwritten */
        for (int k = 0; k < 600; k++)
            str(f.env, "churn");
        EXPECT_EQ_INT(run_int(f.env, script), i);
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    }

    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    CHECK_OK(f.env, OH_JSVM_ReleaseScript(f.env, script));
    JT_ASSERT_JS(f.env, "runs === 4");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    teardown(&f);
}

/* A script that is not retained is usable inside its scope (the scope's
 * close then frees it; using it afterwards is undefined, so not tested). */
static void scoped_script_usable_in_scope(void)
{
    scope_fixture f;
    JSVM_HandleScope hs, inner;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &inner));
    JSVM_Script script = compile(f.env, "globalThis.k = (globalThis.k | 0) + 10");
    EXPECT_EQ_INT(run_int(f.env, script), 10);
    EXPECT_EQ_INT(run_int(f.env, script), 20);
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, inner));
    /* its effects stay */
    JT_ASSERT_JS(f.env, "k === 20");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    teardown(&f);
}

static void retain_release_errors(void)
{
    scope_fixture f;
    JSVM_HandleScope hs;
    setup(&f);
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
    JSVM_Script script = compile(f.env, "7");

    /* release of a script that was never retained */
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseScript(f.env, script), JSVM_INVALID_ARG);
    /* ... leaves it usable */
    EXPECT_EQ_INT(run_int(f.env, script), 7);

    CHECK_OK(f.env, OH_JSVM_RetainScript(f.env, script));
    EXPECT_STATUS(f.env, OH_JSVM_RetainScript(f.env, script), JSVM_INVALID_ARG);
    EXPECT_EQ_INT(run_int(f.env, script), 7);

    EXPECT_STATUS(f.env, OH_JSVM_RetainScript(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseScript(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RetainScript(NULL, script), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseScript(NULL, script), JSVM_INVALID_ARG);

    CHECK_OK(f.env, OH_JSVM_ReleaseScript(f.env, script));
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    teardown(&f);
}

JT_MAIN("scope",
        JT_TEST(close_outer_while_inner_open),
        JT_TEST(close_with_no_scope_open),
        JT_TEST(close_with_wrong_kind),
        JT_TEST(null_args),
        JT_TEST(escape_value_to_parent),
        JT_TEST(escape_through_nested_scopes),
        JT_TEST(escape_from_non_innermost_scope),
        JT_TEST(scopes_with_pending_exception),
        JT_TEST(many_values_nested),
        JT_TEST(many_scope_cycles),
        JT_TEST(escape_at_every_chunk_offset),
        JT_TEST(deeply_nested_scopes),
        JT_TEST(values_outside_any_scope),
        JT_TEST(retained_script_outlives_scope),
        JT_TEST(scoped_script_usable_in_scope),
        JT_TEST(retain_release_errors))
