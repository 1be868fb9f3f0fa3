/*
 * test_script.c: OH_JSVM_CompileScript, CompileScriptWithOrigin, RunScript,
 * RetainScript and ReleaseScript (spec §3.5, §2.3).
 */
#include "common.h"

/* ---------------------------------------------------------------- helpers */

/* Compiles src (must succeed). */
static JSVM_Script compile(JSVM_Env env, const char *src)
{
    JSVM_Script s = NULL;
    CHECK_OK(env, OH_JSVM_CompileScript(env, make_str(env, src), NULL, 0, false, NULL, &s));
    return s;
}

static JSVM_Value run(JSVM_Env env, JSVM_Script s)
{
    JSVM_Value r = NULL;
    if (!s)
        return NULL;
    CHECK_OK(env, OH_JSVM_RunScript(env, s, &r));
    return r;
}

static JSVM_Script compile_origin(JSVM_Env env, const char *src, const char *name, size_t line)
{
    JSVM_Script s = NULL;
    JSVM_ScriptOrigin origin = {NULL, name, line, 0};
    CHECK_OK(env, OH_JSVM_CompileScriptWithOrigin(env, make_str(env, src), NULL, 0, false, NULL, &origin, &s));
    return s;
}

#define EXPECT_CONTAINS(hay, needle)                                                       \
    do {                                                                                   \
        const char *h_ = (hay);                                                            \
        jt_checks++;                                                                       \
        if (!strstr(h_, (needle))) {                                                       \
            char m_[1200];                                                                 \
            snprintf(m_, sizeof m_, "\"%s\" not found in: %.1000s", (needle), h_);         \
            jt_fail(__FILE__, __LINE__, m_);                                               \
        }                                                                                  \
    } while (0)

#define EXPECT_NOT_CONTAINS(hay, needle)                                                   \
    do {                                                                                   \
        const char *h_ = (hay);                                                            \
        jt_checks++;                                                                       \
        if (strstr(h_, (needle))) {                                                        \
            char m_[1200];                                                                 \
            snprintf(m_, sizeof m_, "\"%s\" unexpectedly in: %.1000s", (needle), h_);      \
            jt_fail(__FILE__, __LINE__, m_);                                               \
        }                                                                                  \
    } while (0)

/* ------------------------------------------------------------ tests */

static void compile_run_results(void)
{
    jt_fixture f;
    jt_setup(&f);
    int32_t n = 0;
    double d = 0;

    JSVM_Value r = run(f.env, compile(f.env, "6 * 7"));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 42);

    r = run(f.env, compile(f.env, "0.5 + 0.25"));
    CHECK_OK(f.env, OH_JSVM_GetValueDouble(f.env, r, &d));
    EXPECT_TRUE(d == 0.75);

    r = run(f.env, compile(f.env, "['a', 'b', 'c'].join('-')"));
    EXPECT_STREQ(jt_str(f.env, r), "a-b-c");

    r = run(f.env, compile(f.env, "({x: 1, y: [2, 3]})"));
    EXPECT_JS(f.env, r, "(o) => typeof o === 'object' && o.x === 1 && o.y[1] === 3");

    r = run(f.env, compile(f.env, "var z = 1;"));
    EXPECT_JS(f.env, r, "(v) => v === undefined");

    /* completion value of the last statement */
    r = run(f.env, compile(f.env, "let q = 0; for (let i = 0; i < 5; i++) q += i; if (q) { 'big' } else { 'small' }"));
    EXPECT_STREQ(jt_str(f.env, r), "big");

    r = run(f.env, compile(f.env, ""));
    EXPECT_JS(f.env, r, "(v) => v === undefined");

    bool b = true;
    r = run(f.env, compile(f.env, "1 > 2"));
    CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, r, &b));
    EXPECT_TRUE(!b);

    /* eagerCompile is accepted */
    JSVM_Script s = NULL;
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "(function () { return 9; })()"), NULL, 0, true,
                                          NULL, &s));
    r = run(f.env, s);
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 9);

    /* a NUL character inside the source (a string literal) is part of it */
    {
        static const char with_nul[] = "'a\0b'.length + 10 * 'x\0'.length";
        JSVM_Value src = NULL;
        JSVM_Script sn = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateStringUtf8(f.env, with_nul, sizeof with_nul - 1, &src));
        CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, src, NULL, 0, false, NULL, &sn));
        r = run(f.env, sn);
        n = -1;
        if (r)
            CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
        EXPECT_EQ_INT(n, 23);
    }

    /* non-ASCII source */
    r = run(f.env, compile(f.env, "'caf\xC3\xA9 \xE2\x82\xAC'.length"));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &n));
    EXPECT_EQ_INT(n, 6);
    jt_teardown(&f);
}

/* runIt(src): compiles and runs src, returning its completion value. */
static JSVM_Value RunIt(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value src = NULL, r = NULL;
    JSVM_Script s = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &src, NULL, NULL));
    if (OH_JSVM_CompileScript(env, src, NULL, 0, false, NULL, &s) != JSVM_OK)
        return NULL;
    if (OH_JSVM_RunScript(env, s, &r) != JSVM_OK)
        return NULL;
    return r;
}
static JSVM_CallbackStruct run_it_cb = {RunIt, NULL};

static void global_scope_semantics(void)
{
    jt_fixture f;
    jt_setup(&f);
    run(f.env, compile(f.env, "var v1 = 1; function f1() { return 2; } let l1 = 3; const c1 = 4; class K1 {}"));
    /* var and function declarations become properties of the global object */
    JT_ASSERT_JS(f.env, "globalThis.v1 === 1 && typeof globalThis.f1 === 'function' && globalThis.f1() === 2");
    JT_ASSERT_JS(f.env, "Object.getOwnPropertyDescriptor(globalThis, 'v1').configurable === false");
    /* let/const/class are visible to later scripts but are not properties */
    JT_ASSERT_JS(f.env, "l1 === 3 && c1 === 4 && typeof K1 === 'function'");
    JT_ASSERT_JS(f.env, "!('l1' in globalThis) && !('c1' in globalThis) && !('K1' in globalThis)");
    JT_ASSERT_JS(f.env, "globalThis.l1 === undefined && globalThis.c1 === undefined");
    /* later scripts may update a let binding; const stays constant */
    run(f.env, compile(f.env, "l1 = 30;"));
    JT_ASSERT_JS(f.env, "l1 === 30");
    JSVM_Status st;
    EXPECT_TRUE(jt_run_status(f.env, "c1 = 5;", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof TypeError");
    JT_ASSERT_JS(f.env, "c1 === 4");
    /* redeclaring a lexical binding in a later script is a SyntaxError */
    EXPECT_TRUE(jt_run_status(f.env, "let l1 = 9;", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof SyntaxError");
    JT_ASSERT_JS(f.env, "l1 === 30");

    /* this at top level is the global object; scripts are sloppy */
    JT_ASSERT_JS(f.env, "this === globalThis");
    JT_ASSERT_JS(f.env, "(function () { return this; })() === globalThis");
    JT_ASSERT_JS(f.env, "undeclared = 5; globalThis.undeclared === 5");
    /* a 'use strict' directive makes that script strict */
    EXPECT_TRUE(jt_run_status(f.env, "'use strict'; alsoUndeclared = 1;", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof ReferenceError");

    /* not eval: a script run from a native callback cannot see its JS caller's locals */
    JSVM_Value fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "runIt", JSVM_AUTO_LENGTH, &run_it_cb, &fn));
    JSVM_Value probe = JT_RUN(f.env, "(function (runIt) { let hidden = 1; var alsoHidden = 2;"
                                     " return runIt('typeof hidden + typeof alsoHidden + (this === globalThis)'); })");
    JSVM_Value global = NULL, r = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    if (probe && fn)
        CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, probe, 1, &fn, &r));
    EXPECT_STREQ(jt_str(f.env, r), "undefinedundefinedtrue");

    /* separate envs have separate globals */
    JSVM_Env env2 = NULL;
    JSVM_EnvScope es2 = NULL;
    JSVM_HandleScope hs2 = NULL;
    EXPECT_VM_STATUS(OH_JSVM_CreateEnv(f.vm, 0, NULL, &env2), JSVM_OK);
    CHECK_OK(env2, OH_JSVM_OpenEnvScope(env2, &es2));
    CHECK_OK(env2, OH_JSVM_OpenHandleScope(env2, &hs2));
    JT_ASSERT_JS(env2, "typeof v1 === 'undefined' && typeof l1 === 'undefined'");
    CHECK_OK(env2, OH_JSVM_CloseHandleScope(env2, hs2));
    CHECK_OK(env2, OH_JSVM_CloseEnvScope(env2, es2));
    EXPECT_VM_STATUS(OH_JSVM_DestroyEnv(env2), JSVM_OK);
    jt_teardown(&f);
}

static void syntax_and_runtime_errors(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "function ("), NULL, 0, false, NULL, &s),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(s == NULL);
    EXPECT_TRUE(pending(f.env));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof SyntaxError");
    EXPECT_TRUE(!pending(f.env));

    /* compiling does not run anything */
    s = compile(f.env, "globalThis.sideEffect = 1;");
    JT_ASSERT_JS(f.env, "typeof sideEffect === 'undefined'");
    run(f.env, s);
    JT_ASSERT_JS(f.env, "sideEffect === 1");

    /* a throw at run time */
    JSVM_Value r = NULL;
    s = compile(f.env, "globalThis.before = 1; throw new TypeError('rt'); globalThis.after = 1;");
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, s, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);
    EXPECT_TRUE(pending(f.env));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof TypeError && e.message === 'rt'");
    JT_ASSERT_JS(f.env, "before === 1 && typeof after === 'undefined'");

    s = compile(f.env, "throw 1");
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, s, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e === 1");

    /* ReferenceError */
    s = compile(f.env, "noSuchVariable + 1");
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, s, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof ReferenceError");

    /* deep recursion is a RangeError, not a crash */
    s = compile(f.env, "(function f() { return f() + 1; })()");
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, s, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof RangeError");

    /* compile and run refuse while an exception is pending */
    s = compile(f.env, "globalThis.ranWhilePending = true");
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "p"));
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, s, &r), JSVM_PENDING_EXCEPTION);
    JSVM_Script s2 = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "1"), NULL, 0, false, NULL, &s2),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(s2 == NULL);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e.message === 'p'");
    JT_ASSERT_JS(f.env, "typeof ranWhilePending === 'undefined'");
    jt_teardown(&f);
}

static void invalid_arguments(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = NULL, good = compile(f.env, "1");
    JSVM_Value num = NULL, obj = NULL, r = NULL, src = make_str(f.env, "1");
    JSVM_ScriptOrigin origin = {NULL, "file.js", 0, 0};
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 5, &num));
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));

    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, num, NULL, 0, false, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, obj, NULL, 0, false, NULL, &s), JSVM_STRING_EXPECTED);
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, NULL, NULL, 0, false, NULL, &s), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, src, NULL, 0, false, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_CompileScript(NULL, src, NULL, 0, false, NULL, &s), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, num, NULL, 0, false, NULL, &origin, &s),
                  JSVM_STRING_EXPECTED);
    EXPECT_STATUS(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, src, NULL, 0, false, NULL, &origin, NULL),
                  JSVM_INVALID_ARG);
    EXPECT_TRUE(s == NULL);
    EXPECT_TRUE(!pending(f.env));

    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, good, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_RunScript(NULL, good, &r), JSVM_INVALID_ARG);
    EXPECT_TRUE(r == NULL);
    jt_teardown(&f);
}

static void run_same_script_twice(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Script s = compile(f.env, "globalThis.n = (globalThis.n || 0) + 1; n * 10");
    int32_t a = 0, b = 0, c = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, s), &a));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, s), &b));
    EXPECT_EQ_INT(a, 10);
    EXPECT_EQ_INT(b, 20);
    JT_ASSERT_JS(f.env, "n === 2");

    /* a script declaring functions can be rerun (var/function redeclaration is fine) */
    JSVM_Script d = compile(f.env, "var cnt = (typeof cnt === 'number' ? cnt : 0) + 1; function g() { return cnt; } g()");
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, d), &a));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, d), &b));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, d), &c));
    EXPECT_EQ_INT(a, 1);
    EXPECT_EQ_INT(b, 2);
    EXPECT_EQ_INT(c, 3);

    /* each run gets fresh objects */
    JSVM_Script o = compile(f.env, "({})");
    JSVM_Value o1 = run(f.env, o), o2 = run(f.env, o), args[2] = {o1, o2}, r = NULL, global = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    JSVM_Value ne = JT_RUN(f.env, "(function (a, b) { return typeof a === 'object' && a !== b; })");
    bool bb = false;
    if (o1 && o2 && ne) {
        CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, ne, 2, args, &r));
        CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, r, &bb));
    }
    EXPECT_TRUE(bb);

    /* a script that threw can be run again */
    JSVM_Script t = compile(f.env, "globalThis.tries = (globalThis.tries || 0) + 1; if (tries < 2) throw 0; tries");
    JSVM_Value tr = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, t, &tr), JSVM_PENDING_EXCEPTION);
    take_exception(f.env);
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, t), &a));
    EXPECT_EQ_INT(a, 2);
    jt_teardown(&f);
}

/* Runs a script that returns a stack string, compiled with the given origin. */
static const char *stack_with_origin(jt_fixture *f, const char *src, const char *name, size_t line)
{
    JSVM_Value r = run(f->env, compile_origin(f->env, src, name, line));
    return jt_str(f->env, r);
}

static void origin_resource_name_and_line(void)
{
    jt_fixture f;
    jt_setup(&f);
    /* the error is created on line 3 of the script */
    const char *src = "// line 1\n// line 2\nnew Error('here').stack";

    EXPECT_CONTAINS(stack_with_origin(&f, src, "my_resource.js", 0), "my_resource.js");
    EXPECT_CONTAINS(stack_with_origin(&f, src, "my_resource.js", 0), "my_resource.js:3");
    EXPECT_NOT_CONTAINS(stack_with_origin(&f, src, "my_resource.js", 0), "my_resource.js:13");

    /* resourceLineOffset shifts reported lines */
    EXPECT_CONTAINS(stack_with_origin(&f, src, "shifted.js", 10), "shifted.js:13");
    EXPECT_NOT_CONTAINS(stack_with_origin(&f, src, "shifted.js", 10), "shifted.js:3:");
    EXPECT_NOT_CONTAINS(stack_with_origin(&f, src, "shifted.js", 10), "shifted.js:3)");

    /* functions defined in the script keep its name when called later */
    run(f.env, compile_origin(f.env, "function thrower() {\n  throw new Error('later');\n}", "lib/defs.js", 100));
    JSVM_Status st;
    EXPECT_TRUE(jt_run_status(f.env, "thrower()", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    JSVM_Value e = take_exception(f.env);
    JSVM_Value stack = call_js(f.env, "(e) => String(e.stack)", 1, &e);
    EXPECT_CONTAINS(jt_str(f.env, stack), "lib/defs.js:102");

    /* uncaught errors in origin scripts, syntax errors included, are reported normally */
    JSVM_Script s = NULL;
    JSVM_ScriptOrigin origin = {NULL, "broken.js", 0, 0};
    EXPECT_STATUS(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, make_str(f.env, "let = = 1"), NULL, 0, false, NULL,
                                                         &origin, &s),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(s == NULL);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof SyntaxError");

    /* results are the same as with CompileScript */
    int32_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, compile_origin(f.env, "40 + 2", "calc.js", 0)), &n));
    EXPECT_EQ_INT(n, 42);
    JT_ASSERT_JS(f.env, "typeof thrower === 'function'"); /* declarations land on the global */

    /* origin NULL / resourceName NULL */
    JSVM_ScriptOrigin no_name = {NULL, NULL, 0, 0};
    s = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, make_str(f.env, "1"), NULL, 0, false, NULL, NULL, &s),
                  JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env,
                  OH_JSVM_CompileScriptWithOrigin(f.env, make_str(f.env, "1"), NULL, 0, false, NULL, &no_name, &s),
                  JSVM_INVALID_ARG);
    EXPECT_TRUE(s == NULL);
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void cached_data_rejected(void)
{
    jt_fixture f;
    jt_setup(&f);
    static const uint8_t junk[16] = {0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    JSVM_Script s = NULL;
    bool rejected = false;
    int32_t n = 0;

    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "1 + 1"), junk, sizeof junk, false, &rejected, &s));
    EXPECT_TRUE(rejected);
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, s), &n));
    EXPECT_EQ_INT(n, 2);

    rejected = false;
    s = NULL;
    JSVM_ScriptOrigin origin = {NULL, "cached.js", 0, 0};
    CHECK_OK(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, make_str(f.env, "2 + 2"), junk, sizeof junk, false,
                                                    &rejected, &origin, &s));
    EXPECT_TRUE(rejected);
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, s), &n));
    EXPECT_EQ_INT(n, 4);

    /* cacheRejected is only written when a cache is supplied */
    rejected = true;
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "3"), NULL, 0, false, &rejected, &s));
    EXPECT_TRUE(rejected);
    rejected = true;
    CHECK_OK(f.env, OH_JSVM_CompileScriptWithOrigin(f.env, make_str(f.env, "3"), NULL, 0, false, &rejected, &origin,
                                                    &s));
    EXPECT_TRUE(rejected);

    /* a cache without cacheRejected is fine too */
    s = NULL;
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "5"), junk, sizeof junk, false, NULL, &s));
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, s), &n));
    EXPECT_EQ_INT(n, 5);

    /* a syntax error still fails with a cache supplied */
    s = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, make_str(f.env, "(("), junk, sizeof junk, false, &rejected, &s),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(s == NULL);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof SyntaxError");
    jt_teardown(&f);
}

static void retain_release(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_STATUS(f.env, OH_JSVM_RetainScript(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseScript(f.env, NULL), JSVM_INVALID_ARG);
    JSVM_Script s = compile(f.env, "1");
    EXPECT_VM_STATUS(OH_JSVM_RetainScript(NULL, s), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_ReleaseScript(NULL, s), JSVM_INVALID_ARG);

    /* releasing a script that was never retained */
    EXPECT_STATUS(f.env, OH_JSVM_ReleaseScript(f.env, s), JSVM_INVALID_ARG);
    EXPECT_JS(f.env, run(f.env, s), "(v) => v === 1"); /* still usable */

    /* a retained script survives its handle scope */
    JSVM_HandleScope inner = NULL;
    JSVM_Script kept = NULL;
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &inner));
    kept = compile(f.env, "globalThis.keptRuns = (globalThis.keptRuns || 0) + 1; 'kept'");
    CHECK_OK(f.env, OH_JSVM_RetainScript(f.env, kept));
    EXPECT_STATUS(f.env, OH_JSVM_RetainScript(f.env, kept), JSVM_INVALID_ARG); /* already retained */
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, inner));

    JSVM_Value r = NULL;
    CHECK_OK(f.env, OH_JSVM_RunScript(f.env, kept, &r));
    EXPECT_STREQ(jt_str(f.env, r), "kept");
    /* and in a later handle scope */
    CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &inner));
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_RunScript(f.env, kept, &r));
    EXPECT_STREQ(jt_str(f.env, r), "kept");
    CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, inner));
    JT_ASSERT_JS(f.env, "keptRuns === 2");
    CHECK_OK(f.env, OH_JSVM_ReleaseScript(f.env, kept));

    /* retain/release within one scope; a retained script is freed by DestroyEnv if never released */
    JSVM_Script leak = compile(f.env, "2");
    CHECK_OK(f.env, OH_JSVM_RetainScript(f.env, leak));
    EXPECT_JS(f.env, run(f.env, leak), "(v) => v === 2");
    jt_teardown(&f);
}

static void many_scripts_in_scopes(void)
{
    jt_fixture f;
    jt_setup(&f);
    /* scripts are freed with their handle scope: compiling many in short scopes works */
    for (int i = 0; i < 2000; i++) {
        JSVM_HandleScope hs = NULL;
        char src[64];
        int32_t n = -1;
        CHECK_OK(f.env, OH_JSVM_OpenHandleScope(f.env, &hs));
        snprintf(src, sizeof src, "%d + 1", i);
        CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, run(f.env, compile(f.env, src)), &n));
        if (n != i + 1) {
            EXPECT_EQ_INT(n, i + 1);
            CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
            break;
        }
        CHECK_OK(f.env, OH_JSVM_CloseHandleScope(f.env, hs));
    }
    jt_teardown(&f);
}

/* A JSVM_Script is a handle like a JSVM_Value: one compiled inside a native
 * callback belongs to the callback's scope and is released when it returns,
 * so a callback compiling scripts in a loop does not accumulate them. */
static void scripts_in_callbacks_released(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value fn = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateFunction(f.env, "runIt", JSVM_AUTO_LENGTH, &run_it_cb, &fn));
    JSVM_Value loop = JT_RUN(f.env, "(function (runIt, n) { let s = 0;"
                                    " for (let i = 0; i < n; i++) s += runIt('var t = [1, 2, 3].map((x) => x * 2); t[2]');"
                                    " return s; })");
    JSVM_Value global = NULL, args[2] = {fn, NULL}, r = NULL;
    int32_t total = 0;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 1000, &args[1]));
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, loop, 2, args, &r)); /* warm up */
    long before = rss_kb();
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 200000, &args[1]));
    r = NULL;
    CHECK_OK(f.env, OH_JSVM_CallFunction(f.env, global, loop, 2, args, &r));
    long after = rss_kb();
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, r, &total));
    EXPECT_EQ_INT(total, 6 * 200000);
    EXPECT_TRUE(before > 0 && after > 0);
    if (after - before > 32 * 1024) {
        char msg[128];
        snprintf(msg, sizeof msg, "RSS grew by %ld KiB over 200000 callback-compiled scripts", after - before);
        jt_fail(__FILE__, __LINE__, msg);
    }
    jt_teardown(&f);
}

JT_MAIN("script",
        JT_TEST(compile_run_results),
        JT_TEST(global_scope_semantics),
        JT_TEST(syntax_and_runtime_errors),
        JT_TEST(invalid_arguments),
        JT_TEST(run_same_script_twice),
        JT_TEST(origin_resource_name_and_line),
        JT_TEST(cached_data_rejected),
        JT_TEST(retain_release),
        JT_TEST(many_scripts_in_scopes),
        JT_TEST(scripts_in_callbacks_released))
