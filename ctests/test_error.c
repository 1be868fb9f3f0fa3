/*
 * test_error.c: the 13 error functions (spec §3.18) and the pending-exception
 * protocol (§2.2).
 */
#include "common.h"

/* ---------------------------------------------------------------- helpers */

static bool is_error(JSVM_Env env, JSVM_Value v)
{
    bool b = false;
    CHECK_OK(env, OH_JSVM_IsError(env, v, &b));
    return b;
}

/* ------------------------------------------------------------ tests */

static JSVM_Value Dummy(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct dummy_cb = {Dummy, NULL};

/* Throw of a number outside a callback: pending until GetAndClear; JS-running
 * functions refuse, env-kind functions work. */
static void throw_value_stays_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value global = NULL, script_src = make_str(f.env, "globalThis.ran = true; 1"), fn = NULL, v = NULL;
    JSVM_Value obj = NULL, cls = JT_RUN(f.env, "(class K {})");
    JSVM_Script script = NULL, script2 = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    CHECK_OK(f.env, OH_JSVM_CompileScript(f.env, script_src, NULL, 0, false, NULL, &script));
    JSVM_Value callee = JT_RUN(f.env, "(function () { globalThis.called = true; })");

    EXPECT_TRUE(!pending(f.env));
    CHECK_OK(f.env, OH_JSVM_Throw(f.env, make_int(f.env, 42)));
    EXPECT_TRUE(pending(f.env));
    EXPECT_TRUE(pending(f.env)); /* asking does not clear it */

    /* JS-running functions: JSVM_PENDING_EXCEPTION, outputs untouched */
    JSVM_Value r = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_RunScript(f.env, script, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, callee, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, script_src, NULL, 0, false, NULL, &script2),
                  JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(script2 == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_CreateFunction(f.env, "x", JSVM_AUTO_LENGTH, &dummy_cb, &fn), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(fn == NULL);
    EXPECT_STATUS(f.env, OH_JSVM_ThrowError(f.env, NULL, "second"), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_ThrowTypeError(f.env, "C", "second"), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_ThrowRangeError(f.env, NULL, "second"), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_ThrowSyntaxError(f.env, NULL, "second"), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_Throw(f.env, make_int(f.env, 43)), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, cls, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);

    /* env-kind functions still work */
    double d = 0;
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 7, &v));
    CHECK_OK(f.env, OH_JSVM_GetValueDouble(f.env, v, &d));
    EXPECT_TRUE(d == 7.0);
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));
    EXPECT_TRUE(obj != NULL);
    JSVM_Value s = NULL, err = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateStringUtf8(f.env, "m", JSVM_AUTO_LENGTH, &s));
    CHECK_OK(f.env, OH_JSVM_CreateError(f.env, NULL, s, &err));
    EXPECT_TRUE(is_error(f.env, err));
    EXPECT_TRUE(pending(f.env));

    /* GetAndClear returns the thrown value (not one of the refused throws) */
    JSVM_Value e = take_exception(f.env);
    int32_t n = 0;
    CHECK_OK(f.env, OH_JSVM_GetValueInt32(f.env, e, &n));
    EXPECT_EQ_INT(n, 42);
    EXPECT_TRUE(!pending(f.env));

    /* and everything works again; nothing ran while it was pending */
    JT_ASSERT_JS(f.env, "typeof ran === 'undefined' && typeof called === 'undefined'");
    CHECK_OK(f.env, OH_JSVM_RunScript(f.env, script, &r));
    JT_ASSERT_JS(f.env, "ran === true");
    jt_teardown(&f);
}

static void throw_object_identity(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value obj = JT_RUN(f.env, "globalThis.orig = {tag: 'thrown'}; orig");
    CHECK_OK(f.env, OH_JSVM_Throw(f.env, obj));
    EXPECT_TRUE(pending(f.env));
    JSVM_Value e = take_exception(f.env);
    EXPECT_TRUE(!pending(f.env));
    EXPECT_JS(f.env, e, "(e) => e === orig && e.tag === 'thrown'");

    /* strings, undefined and null can be thrown as well */
    CHECK_OK(f.env, OH_JSVM_Throw(f.env, make_str(f.env, "str")));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e === 'str'");
    JSVM_Value u = NULL, nul = NULL;
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &nul));
    CHECK_OK(f.env, OH_JSVM_Throw(f.env, nul));
    EXPECT_TRUE(pending(f.env));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e === null");
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &u));
    CHECK_OK(f.env, OH_JSVM_Throw(f.env, u));
    EXPECT_TRUE(pending(f.env));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e === undefined");
    EXPECT_TRUE(!pending(f.env));

    /* Throw(NULL) */
    EXPECT_STATUS(f.env, OH_JSVM_Throw(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(f.env));
    EXPECT_VM_STATUS(OH_JSVM_Throw(NULL, obj), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

static void get_and_clear_nothing_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value e = NULL;
    CHECK_OK(f.env, OH_JSVM_GetAndClearLastException(f.env, &e));
    EXPECT_TRUE(e != NULL);
    EXPECT_JS(f.env, e, "(e) => e === undefined");
    /* after a clear, again undefined */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "x"));
    e = take_exception(f.env);
    EXPECT_JS(f.env, e, "(e) => e instanceof Error");
    e = take_exception(f.env);
    EXPECT_JS(f.env, e, "(e) => e === undefined");

    EXPECT_STATUS(f.env, OH_JSVM_GetAndClearLastException(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_IsExceptionPending(f.env, NULL), JSVM_INVALID_ARG);
    bool b;
    EXPECT_VM_STATUS(OH_JSVM_GetAndClearLastException(NULL, &e), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_IsExceptionPending(NULL, &b), JSVM_INVALID_ARG);
    /* GetAndClear with a NULL result does not clear */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "kept"));
    EXPECT_STATUS(f.env, OH_JSVM_GetAndClearLastException(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(pending(f.env));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e.message === 'kept'");
    jt_teardown(&f);
}

typedef JSVM_Status (*throw_fn)(JSVM_Env, const char *, const char *);
static const struct {
    const char *name;
    throw_fn fn;
    const char *with_code;    /* predicate for (e) thrown with code "ERR_X", msg "the message" */
    const char *without_code; /* predicate for (e) thrown without code */
} throw_kinds[] = {
    {"ThrowError", OH_JSVM_ThrowError,
     "(e) => e instanceof Error && Object.getPrototypeOf(e) === Error.prototype && e.message === 'the message'"
     " && e.code === 'ERR_X' && e.name === 'Error'",
     "(e) => Object.getPrototypeOf(e) === Error.prototype && e.message === 'plain' && !('code' in e)"},
    {"ThrowTypeError", OH_JSVM_ThrowTypeError,
     "(e) => e instanceof TypeError && Object.getPrototypeOf(e) === TypeError.prototype"
     " && e.message === 'the message' && e.code === 'ERR_X' && e.name === 'TypeError'",
     "(e) => e instanceof TypeError && e.message === 'plain' && !('code' in e)"},
    {"ThrowRangeError", OH_JSVM_ThrowRangeError,
     "(e) => e instanceof RangeError && Object.getPrototypeOf(e) === RangeError.prototype"
     " && e.message === 'the message' && e.code === 'ERR_X' && e.name === 'RangeError'",
     "(e) => e instanceof RangeError && e.message === 'plain' && !('code' in e)"},
    {"ThrowSyntaxError", OH_JSVM_ThrowSyntaxError,
     "(e) => e instanceof SyntaxError && Object.getPrototypeOf(e) === SyntaxError.prototype"
     " && e.message === 'the message' && e.code === 'ERR_X' && e.name === 'SyntaxError'",
     "(e) => e instanceof SyntaxError && e.message === 'plain' && !('code' in e)"},
};

static void throw_error_kinds(void)
{
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof throw_kinds / sizeof throw_kinds[0]; i++) {
        char what[128];
        snprintf(what, sizeof what, "%s with code", throw_kinds[i].name);

        CHECK_OK(f.env, throw_kinds[i].fn(f.env, "ERR_X", "the message"));
        EXPECT_TRUE(pending(f.env));
        JSVM_Value e = take_exception(f.env);
        EXPECT_TRUE(is_error(f.env, e));
        if (!js_check(f.env, throw_kinds[i].with_code, e))
            jt_fail(__FILE__, __LINE__, what);
        /* like a JS-created error: message own and non-enumerable, code an
         * ordinary enumerable property, a stack string */
        EXPECT_JS(f.env, e, "(e) => Object.keys(e).join() === 'code' && e.hasOwnProperty('message')"
                            " && !Object.getOwnPropertyDescriptor(e, 'message').enumerable"
                            " && e.toString() === e.name + ': the message' && typeof e.stack === 'string'");

        snprintf(what, sizeof what, "%s without code", throw_kinds[i].name);
        CHECK_OK(f.env, throw_kinds[i].fn(f.env, NULL, "plain"));
        EXPECT_TRUE(pending(f.env));
        e = take_exception(f.env);
        if (!js_check(f.env, throw_kinds[i].without_code, e))
            jt_fail(__FILE__, __LINE__, what);
        EXPECT_JS(f.env, e, "(e) => Object.keys(e).length === 0 && JSON.stringify(e) === '{}'");

        /* empty message */
        CHECK_OK(f.env, throw_kinds[i].fn(f.env, NULL, ""));
        EXPECT_JS(f.env, take_exception(f.env), "(e) => e.message === ''");

        /* msg NULL: INVALID_ARG, nothing thrown */
        EXPECT_STATUS(f.env, throw_kinds[i].fn(f.env, "ERR_X", NULL), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, throw_kinds[i].fn(f.env, NULL, NULL), JSVM_INVALID_ARG);
        EXPECT_TRUE(!pending(f.env));
        EXPECT_VM_STATUS(throw_kinds[i].fn(NULL, NULL, "m"), JSVM_INVALID_ARG);
    }

    /* the thrown errors use the intrinsic constructors, even if globals were replaced */
    JT_RUN(f.env, "globalThis.SavedTypeError = TypeError; globalThis.TypeError = function Fake() {};");
    CHECK_OK(f.env, OH_JSVM_ThrowTypeError(f.env, NULL, "real"));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof SavedTypeError && e.message === 'real'");

    /* UTF-8 message */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, "\xC3\xA9", "caf\xC3\xA9"));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e.message === 'caf\\u00e9' && e.code === '\\u00e9'");
    jt_teardown(&f);
}

/* ---- exceptions inside native callbacks ---- */

static int thrower_returned;
/* thrower(kind): throws according to kind, then returns a value that must be ignored. */
static JSVM_Value Thrower(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg = NULL;
    int32_t kind = 0;
    bool p = false;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, arg, &kind));
    switch (kind) {
    case 0: CHECK_OK(env, OH_JSVM_ThrowError(env, "E0", "err")); break;
    case 1: CHECK_OK(env, OH_JSVM_ThrowTypeError(env, "E1", "bad")); break;
    case 2: CHECK_OK(env, OH_JSVM_ThrowRangeError(env, NULL, "range")); break;
    case 3: CHECK_OK(env, OH_JSVM_ThrowSyntaxError(env, NULL, "syntax")); break;
    case 4: CHECK_OK(env, OH_JSVM_Throw(env, make_int(env, 7))); break;
    case 5: {
        JSVM_Value e = NULL;
        CHECK_OK(env, OH_JSVM_CreateRangeError(env, make_str(env, "RC"), make_str(env, "created"), &e));
        CHECK_OK(env, OH_JSVM_Throw(env, e));
        break;
    }
    default: break;
    }
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &p));
    EXPECT_TRUE(p == (kind >= 0 && kind <= 5));
    /* a second throw is refused and does not replace the first */
    if (p)
        EXPECT_STATUS(env, OH_JSVM_ThrowError(env, NULL, "second"), JSVM_PENDING_EXCEPTION);
    thrower_returned++;
    return make_str(env, "ignored return value");
}
static JSVM_CallbackStruct thrower_cb = {Thrower, NULL};

static void throw_inside_callback(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "thrower", &thrower_cb);
    thrower_returned = 0;

    JT_ASSERT_JS(f.env, "var r = 'unset', c; try { r = thrower(0); } catch (e) { c = e; }"
                        " r === 'unset' && c instanceof Error && c.message === 'err' && c.code === 'E0'");
    JT_ASSERT_JS(f.env, "var r = 'unset', c; try { r = thrower(1); } catch (e) { c = e; }"
                        " r === 'unset' && c instanceof TypeError && c.message === 'bad' && c.code === 'E1'");
    JT_ASSERT_JS(f.env, "var c; try { thrower(2); } catch (e) { c = e; } c instanceof RangeError && !('code' in c)");
    JT_ASSERT_JS(f.env, "var c; try { thrower(3); } catch (e) { c = e; } c instanceof SyntaxError && c.message === 'syntax'");
    JT_ASSERT_JS(f.env, "var c; try { thrower(4); } catch (e) { c = e; } c === 7");
    JT_ASSERT_JS(f.env, "var c; try { thrower(5); } catch (e) { c = e; } c instanceof RangeError && c.code === 'RC'");
    JT_ASSERT_JS(f.env, "thrower(99) === 'ignored return value'");
    /* as a constructor: the exception wins over the constructed object */
    JT_ASSERT_JS(f.env, "var r = 'unset', c; try { r = new thrower(1); } catch (e) { c = e; }"
                        " r === 'unset' && c instanceof TypeError && c.code === 'E1'");
    EXPECT_EQ_INT(thrower_returned, 8);
    EXPECT_TRUE(!pending(f.env));

    /* finally blocks run, the rest of the try block does not */
    JT_ASSERT_JS(f.env, "var log = []; try { try { thrower(1); log.push('after'); } finally { log.push('finally'); } }"
                        " catch (e) { log.push('catch'); } log.join() === 'finally,catch'");

    /* uncaught: the script fails with the error pending */
    JSVM_Status st;
    EXPECT_TRUE(jt_run_status(f.env, "thrower(1); globalThis.reached = true;", &st) == NULL);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(pending(f.env));
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof TypeError && e.code === 'E1'");
    JT_ASSERT_JS(f.env, "typeof reached === 'undefined'");

    /* through CallFunction from C */
    JSVM_Value global = NULL, fn = JT_RUN(f.env, "thrower"), arg = make_int(f.env, 2), r = NULL;
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &global));
    EXPECT_STATUS(f.env, OH_JSVM_CallFunction(f.env, global, fn, 1, &arg, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof RangeError && e.message === 'range'");
    /* and through NewInstance */
    r = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_NewInstance(f.env, fn, 1, &arg, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r == NULL);
    EXPECT_JS(f.env, take_exception(f.env), "(e) => e instanceof RangeError && e.message === 'range'");
    jt_teardown(&f);
}

static JSVM_Status relay_status;
static bool relay_pending;
/* relay(fn): calls fn, leaves any exception pending, returns 'relay-returned'. */
static JSVM_Value Relay(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value fn = NULL, global = NULL, r = NULL;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &fn, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    relay_status = OH_JSVM_CallFunction(env, global, fn, 0, NULL, &r);
    jt_check_last(env, relay_status, "CallFunction in Relay", __FILE__, __LINE__);
    relay_pending = false;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &relay_pending));
    return make_str(env, "relay-returned");
}
static JSVM_CallbackStruct relay_cb = {Relay, NULL};

/* swallow(fn): calls fn and returns what it threw (clearing it). */
static JSVM_Value Swallow(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value fn = NULL, global = NULL, r = NULL, e = NULL;
    bool p = true;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &fn, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &global));
    EXPECT_STATUS(env, OH_JSVM_CallFunction(env, global, fn, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &p));
    EXPECT_TRUE(!p);
    /* JS can run again inside the callback after clearing */
    JSVM_Value again = NULL;
    EXPECT_STATUS(env, OH_JSVM_CallFunction(env, global, fn, 0, NULL, &r), JSVM_PENDING_EXCEPTION);
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &again));
    return e;
}
static JSVM_CallbackStruct swallow_cb = {Swallow, NULL};

static void callback_propagates_or_clears(void)
{
    jt_fixture f;
    jt_setup(&f);
    def_fn(f.env, "relay", &relay_cb);
    def_fn(f.env, "swallow", &swallow_cb);

    JT_ASSERT_JS(f.env, "var r = 'unset', c; try { r = relay(() => { throw new RangeError('inner'); }); }"
                        " catch (e) { c = e; } r === 'unset' && c instanceof RangeError && c.message === 'inner'");
    EXPECT_EQ_INT(relay_status, JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(relay_pending);
    EXPECT_TRUE(!pending(f.env));

    /* no exception: the callback's value is returned */
    JT_ASSERT_JS(f.env, "relay(() => 1) === 'relay-returned'");
    EXPECT_EQ_INT(relay_status, JSVM_OK);
    EXPECT_TRUE(!relay_pending);

    /* cleared inside the callback: a normal return */
    JT_ASSERT_JS(f.env, "swallow(() => { throw 5; }) === 5");
    JT_ASSERT_JS(f.env, "var s = swallow(() => { throw new TypeError('t'); }); s instanceof TypeError && s.message === 't'");
    EXPECT_TRUE(!pending(f.env));

    /* nested: relay(relay(throwing)) propagates through both */
    JT_ASSERT_JS(f.env, "var c; try { relay(() => relay(() => { throw 'deep'; })); } catch (e) { c = e; } c === 'deep'");
    jt_teardown(&f);
}

/* ---- Create*Error ---- */

typedef JSVM_Status (*create_fn)(JSVM_Env, JSVM_Value, JSVM_Value, JSVM_Value *);
static const struct {
    const char *name;
    create_fn fn;
    const char *pred; /* for code 'CODE', message 'msg' */
} create_kinds[] = {
    {"CreateError", OH_JSVM_CreateError,
     "(e) => Object.getPrototypeOf(e) === Error.prototype && e.message === 'msg' && e.code === 'CODE'"},
    {"CreateTypeError", OH_JSVM_CreateTypeError,
     "(e) => Object.getPrototypeOf(e) === TypeError.prototype && e.message === 'msg' && e.code === 'CODE'"},
    {"CreateRangeError", OH_JSVM_CreateRangeError,
     "(e) => Object.getPrototypeOf(e) === RangeError.prototype && e.message === 'msg' && e.code === 'CODE'"},
    {"CreateSyntaxError", OH_JSVM_CreateSyntaxError,
     "(e) => Object.getPrototypeOf(e) === SyntaxError.prototype && e.message === 'msg' && e.code === 'CODE'"},
};

static void create_error_kinds(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value code = make_str(f.env, "CODE"), msg = make_str(f.env, "msg"), num = make_int(f.env, 1);
    JSVM_Value obj = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));
    for (size_t i = 0; i < sizeof create_kinds / sizeof create_kinds[0]; i++) {
        char what[128];
        JSVM_Value e = NULL;
        CHECK_OK(f.env, create_kinds[i].fn(f.env, code, msg, &e));
        EXPECT_TRUE(!pending(f.env)); /* created, not thrown */
        EXPECT_TRUE(is_error(f.env, e));
        snprintf(what, sizeof what, "%s with code", create_kinds[i].name);
        if (!js_check(f.env, create_kinds[i].pred, e))
            jt_fail(__FILE__, __LINE__, what);
        EXPECT_JS(f.env, e, "(e) => Object.keys(e).join() === 'code' && e.toString() === e.name + ': msg'"
                            " && typeof e.stack === 'string'");

        e = NULL;
        CHECK_OK(f.env, create_kinds[i].fn(f.env, NULL, msg, &e));
        EXPECT_TRUE(is_error(f.env, e));
        EXPECT_JS(f.env, e, "(e) => e.message === 'msg' && !('code' in e) && e instanceof Error");

        /* msg must be a string; code, when given, too */
        JSVM_Value before = e;
        EXPECT_STATUS(f.env, create_kinds[i].fn(f.env, NULL, num, &e), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, create_kinds[i].fn(f.env, NULL, obj, &e), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, create_kinds[i].fn(f.env, num, msg, &e), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, create_kinds[i].fn(f.env, obj, msg, &e), JSVM_STRING_EXPECTED);
        EXPECT_STATUS(f.env, create_kinds[i].fn(f.env, code, NULL, &e), JSVM_INVALID_ARG);
        EXPECT_STATUS(f.env, create_kinds[i].fn(f.env, code, msg, NULL), JSVM_INVALID_ARG);
        EXPECT_VM_STATUS(create_kinds[i].fn(NULL, code, msg, &e), JSVM_INVALID_ARG);
        EXPECT_TRUE(e == before);
        EXPECT_TRUE(!pending(f.env));
    }

    /* a created error can be thrown with Throw and keeps its identity */
    JSVM_Value e = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateTypeError(f.env, code, msg, &e));
    set_global(f.env, "made", e);
    CHECK_OK(f.env, OH_JSVM_Throw(f.env, e));
    EXPECT_JS(f.env, take_exception(f.env), "(x) => x === made");

    /* Create* works while an exception is pending (env kind) */
    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "pending"));
    e = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateRangeError(f.env, NULL, msg, &e));
    EXPECT_TRUE(is_error(f.env, e));
    EXPECT_JS(f.env, take_exception(f.env), "(x) => x.message === 'pending'");
    jt_teardown(&f);
}

static void is_error_values(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value obj = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &obj));
    EXPECT_TRUE(!is_error(f.env, obj));
    EXPECT_TRUE(!is_error(f.env, make_str(f.env, "Error: looks like one")));
    EXPECT_TRUE(!is_error(f.env, make_int(f.env, 1)));
    EXPECT_TRUE(!is_error(f.env, JT_RUN(f.env, "({name: 'Error', message: 'm', stack: ''})")));
    EXPECT_TRUE(!is_error(f.env, JT_RUN(f.env, "Object.create(Error.prototype)")));
    EXPECT_TRUE(!is_error(f.env, JT_RUN(f.env, "Error")));
    EXPECT_TRUE(is_error(f.env, JT_RUN(f.env, "new Error('x')")));
    EXPECT_TRUE(is_error(f.env, JT_RUN(f.env, "new TypeError('x')")));
    EXPECT_TRUE(is_error(f.env, JT_RUN(f.env, "new EvalError('x')")));
    EXPECT_TRUE(is_error(f.env, JT_RUN(f.env, "class MyErr extends Error {}; new MyErr('x')")));
    EXPECT_TRUE(is_error(f.env, JT_RUN(f.env, "(() => { try { null.x; } catch (e) { return e; } })()")));
    bool b;
    EXPECT_STATUS(f.env, OH_JSVM_IsError(f.env, NULL, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(f.env, OH_JSVM_IsError(f.env, obj, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_IsError(NULL, obj, &b), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

static void compile_syntax_error_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value src = make_str(f.env, "var = ;");
    JSVM_Script script = NULL;
    EXPECT_STATUS(f.env, OH_JSVM_CompileScript(f.env, src, NULL, 0, false, NULL, &script), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(script == NULL);
    EXPECT_TRUE(pending(f.env));
    JSVM_Value e = take_exception(f.env);
    EXPECT_TRUE(is_error(f.env, e));
    EXPECT_JS(f.env, e, "(e) => e instanceof SyntaxError && typeof e.message === 'string' && e.message.length > 0");
    EXPECT_TRUE(!pending(f.env));
    jt_teardown(&f);
}

static void last_error_info(void)
{
    jt_fixture f;
    jt_setup(&f);
    /* GetLastErrorInfo reports the previous call's status, so it is not
     * checked with EXPECT_STATUS (which compares against itself). */
    const JSVM_ExtendedErrorInfo *info = NULL, *info2 = NULL;
    JSVM_Value e = NULL, num = make_int(f.env, 1);

    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info), JSVM_OK);
    EXPECT_TRUE(info != NULL);
    if (!info) {
        jt_teardown(&f);
        return;
    }
    EXPECT_EQ_INT(info->errorCode, JSVM_OK);
    EXPECT_TRUE(info->errorMessage == NULL);

    EXPECT_STATUS(f.env, OH_JSVM_CreateError(f.env, NULL, num, &e), JSVM_STRING_EXPECTED);
    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info), JSVM_OK);
    EXPECT_EQ_INT(info->errorCode, JSVM_STRING_EXPECTED);
    EXPECT_STREQ(info->errorMessage, "A string was expected");
    EXPECT_TRUE(info->engineReserved == NULL);
    EXPECT_EQ_INT(info->engineErrorCode, 0);
    /* GetLastErrorInfo does not overwrite what it reports */
    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info2), JSVM_OK);
    EXPECT_EQ_INT(info2->errorCode, JSVM_STRING_EXPECTED);

    EXPECT_STATUS(f.env, OH_JSVM_ThrowError(f.env, NULL, NULL), JSVM_INVALID_ARG);
    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info), JSVM_OK);
    EXPECT_EQ_INT(info->errorCode, JSVM_INVALID_ARG);
    EXPECT_STREQ(info->errorMessage, "Invalid argument");

    CHECK_OK(f.env, OH_JSVM_ThrowError(f.env, NULL, "x"));
    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info), JSVM_OK);
    EXPECT_EQ_INT(info->errorCode, JSVM_OK);
    JSVM_Status st;
    jt_run_status(f.env, "1", &st);
    EXPECT_EQ_INT(st, JSVM_PENDING_EXCEPTION);
    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info), JSVM_OK);
    EXPECT_EQ_INT(info->errorCode, JSVM_PENDING_EXCEPTION);
    EXPECT_STREQ(info->errorMessage, "An exception is pending");
    take_exception(f.env);
    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, &info), JSVM_OK);
    EXPECT_EQ_INT(info->errorCode, JSVM_OK);

    EXPECT_EQ_INT(OH_JSVM_GetLastErrorInfo(f.env, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetLastErrorInfo(NULL, &info), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

JT_MAIN("error",
        JT_TEST(throw_value_stays_pending),
        JT_TEST(throw_object_identity),
        JT_TEST(get_and_clear_nothing_pending),
        JT_TEST(throw_error_kinds),
        JT_TEST(throw_inside_callback),
        JT_TEST(callback_propagates_or_clears),
        JT_TEST(create_error_kinds),
        JT_TEST(is_error_values),
        JT_TEST(compile_syntax_error_pending),
        JT_TEST(last_error_info))
