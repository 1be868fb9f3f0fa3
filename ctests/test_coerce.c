/*
 * test_coerce.c: OH_JSVM_CoerceTo* (spec §3.11), and the pending-exception
 * protocol of property access when user code throws: valueOf, toString and
 * Symbol.toPrimitive that throw, getters and setters that throw, proxies
 * whose get/set/has/delete traps throw.
 *
 * A conversion that fails returns the status naming the expected type with
 * the exception pending; a property function whose user code throws returns
 * JSVM_PENDING_EXCEPTION with that very exception pending. Outputs are not
 * written on failure.
 */
#include <stdint.h>

#include "common.h"

#define SENTINEL ((JSVM_Value)(uintptr_t)0x5e17)

static bool take_exception_is(JSVM_Env env, const char *pred)
{
    bool p = false;
    CHECK_OK(env, OH_JSVM_IsExceptionPending(env, &p));
    if (!p)
        return false;
    JSVM_Value e = NULL;
    CHECK_OK(env, OH_JSVM_GetAndClearLastException(env, &e));
    return e && js_check(env, pred, e);
}

typedef JSVM_Status (*coerce_fn)(JSVM_Env, JSVM_Value, JSVM_Value *);

/* coerce(src) succeeds and the predicate holds for the result. */
#define EXPECT_COERCE(env, fn, src, pred) expect_coerce_at((env), (fn), #fn, (src), (pred), __FILE__, __LINE__)
static void expect_coerce_at(JSVM_Env env, coerce_fn fn, const char *fname, const char *src, const char *pred,
                             const char *file, int line)
{
    JSVM_Value v = jt_run_ok(env, src, file, line), r = NULL;
    if (!v)
        return;
    JSVM_Status st = fn(env, v, &r);
    jt_check_last(env, st, fname, file, line);
    jt_checks++;
    char msg[512];
    if (st != JSVM_OK) {
        snprintf(msg, sizeof msg, "%s(%s) returned %d", fname, src, (int)st);
        jt_fail(file, line, msg);
        JSVM_Value e = NULL;
        OH_JSVM_GetAndClearLastException(env, &e);
        return;
    }
    if (!js_check(env, pred, r)) {
        snprintf(msg, sizeof msg, "%s(%s): predicate false: %s", fname, src, pred);
        jt_fail(file, line, msg);
    }
}

/* coerce(src) fails with want, the pending exception satisfies exc_pred,
 * and the result is untouched. */
#define EXPECT_COERCE_FAILS(env, fn, src, want, exc_pred) \
    expect_coerce_fails_at((env), (fn), #fn, (src), (want), (exc_pred), __FILE__, __LINE__)
static void expect_coerce_fails_at(JSVM_Env env, coerce_fn fn, const char *fname, const char *src,
                                   JSVM_Status want, const char *exc_pred, const char *file, int line)
{
    JSVM_Value v = jt_run_ok(env, src, file, line), r = SENTINEL;
    if (!v)
        return;
    JSVM_Status st = fn(env, v, &r);
    jt_check_last(env, st, fname, file, line);
    jt_checks++;
    char msg[512];
    if (st != want || r != SENTINEL) {
        snprintf(msg, sizeof msg, "%s(%s) returned %d (want %d)%s", fname, src, (int)st, (int)want,
                 r != SENTINEL ? ", result written" : "");
        jt_fail(file, line, msg);
    }
    jt_checks++;
    if (!take_exception_is(env, exc_pred)) {
        snprintf(msg, sizeof msg, "%s(%s): pending exception wrong or missing: %s", fname, src, exc_pred);
        jt_fail(file, line, msg);
    }
}

/* ---------------------------------------------------------------- bool */

static void coerce_to_bool(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    struct {
        const char *src;
        bool want;
    } t[] = {
        {"undefined", false}, {"null", false}, {"false", false}, {"0", false}, {"-0", false}, {"NaN", false},
        {"''", false}, {"0n", false}, {"true", true}, {"1", true}, {"-1", true}, {"Infinity", true},
        {"'0'", true}, {"'false'", true}, {"' '", true}, {"1n", true}, {"({})", true}, {"[]", true},
        {"(() => 0)", true}, {"Symbol()", true}, {"new Boolean(false)", true},
        /* no user code runs */
        {"({ valueOf() { throw 1; }, toString() { throw 2; } })", true},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        JSVM_Value r = NULL;
        bool b = !t[i].want;
        CHECK_OK(env, OH_JSVM_CoerceToBool(env, JT_RUN(env, t[i].src), &r));
        CHECK_OK(env, OH_JSVM_GetValueBool(env, r, &b));
        jt_checks++;
        if (b != t[i].want) {
            char msg[256];
            snprintf(msg, sizeof msg, "CoerceToBool(%s) = %d", t[i].src, b);
            jt_fail(__FILE__, __LINE__, msg);
        }
        if (t[i].want)
            EXPECT_JS(env, r, "(v) => v === true");
        else
            EXPECT_JS(env, r, "(v) => v === false");
    }
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- number */

static void coerce_to_number(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    coerce_fn fn = OH_JSVM_CoerceToNumber;
    EXPECT_COERCE(env, fn, "42", "(n) => n === 42");
    EXPECT_COERCE(env, fn, "'42'", "(n) => n === 42");
    EXPECT_COERCE(env, fn, "' 12\\n'", "(n) => n === 12");
    EXPECT_COERCE(env, fn, "''", "(n) => Object.is(n, 0)");
    EXPECT_COERCE(env, fn, "'-0'", "(n) => Object.is(n, -0)");
    EXPECT_COERCE(env, fn, "'0x10'", "(n) => n === 16");
    EXPECT_COERCE(env, fn, "'1e3'", "(n) => n === 1000");
    EXPECT_COERCE(env, fn, "'12px'", "(n) => Number.isNaN(n)");
    EXPECT_COERCE(env, fn, "true", "(n) => n === 1");
    EXPECT_COERCE(env, fn, "false", "(n) => Object.is(n, 0)");
    EXPECT_COERCE(env, fn, "null", "(n) => Object.is(n, 0)");
    EXPECT_COERCE(env, fn, "undefined", "(n) => Number.isNaN(n)");
    EXPECT_COERCE(env, fn, "[5]", "(n) => n === 5");
    EXPECT_COERCE(env, fn, "[]", "(n) => Object.is(n, 0)");
    EXPECT_COERCE(env, fn, "[1, 2]", "(n) => Number.isNaN(n)");
    EXPECT_COERCE(env, fn, "({})", "(n) => Number.isNaN(n)");
    EXPECT_COERCE(env, fn, "new Date(5)", "(n) => n === 5");
    EXPECT_COERCE(env, fn, "new Number(-3.5)", "(n) => n === -3.5");
    EXPECT_COERCE(env, fn, "({ valueOf() { return 7; }, toString() { return '8'; } })", "(n) => n === 7");
    EXPECT_COERCE(env, fn, "({ valueOf() { return {}; }, toString() { return '8'; } })", "(n) => n === 8");
    EXPECT_COERCE(env, fn, "({ [Symbol.toPrimitive](hint) { return hint === 'number' ? 3 : 0; } })",
                  "(n) => n === 3");
    /* failures: JSVM_NUMBER_EXPECTED, exception pending */
    const JSVM_Status NE = JSVM_NUMBER_EXPECTED;
    EXPECT_COERCE_FAILS(env, fn, "Symbol('s')", NE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "1n", NE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "Object(1n)", NE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "({ valueOf() { throw new RangeError('vo'); } })", NE,
                        "(e) => e instanceof RangeError && e.message === 'vo'");
    EXPECT_COERCE_FAILS(env, fn, "({ valueOf() { return {}; }, toString() { throw 'ts'; } })", NE,
                        "(e) => e === 'ts'");
    EXPECT_COERCE_FAILS(env, fn, "({ [Symbol.toPrimitive]() { throw new EvalError('tp'); } })", NE,
                        "(e) => e instanceof EvalError && e.message === 'tp'");
    EXPECT_COERCE_FAILS(env, fn, "({ [Symbol.toPrimitive]() { return {}; } })", NE,
                        "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "({ valueOf() { return Symbol(); } })", NE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "Object.create(null)", NE, "(e) => e instanceof TypeError");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- string */

static void coerce_to_string(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    coerce_fn fn = OH_JSVM_CoerceToString;
    EXPECT_COERCE(env, fn, "1", "(s) => s === '1'");
    EXPECT_COERCE(env, fn, "-0", "(s) => s === '0'");
    EXPECT_COERCE(env, fn, "1.5e300", "(s) => s === '1.5e+300'");
    EXPECT_COERCE(env, fn, "'same'", "(s) => s === 'same'");
    EXPECT_COERCE(env, fn, "null", "(s) => s === 'null'");
    EXPECT_COERCE(env, fn, "undefined", "(s) => s === 'undefined'");
    EXPECT_COERCE(env, fn, "true", "(s) => s === 'true'");
    EXPECT_COERCE(env, fn, "10n", "(s) => s === '10'");
    EXPECT_COERCE(env, fn, "[1, [2, 3]]", "(s) => s === '1,2,3'");
    EXPECT_COERCE(env, fn, "({})", "(s) => s === '[object Object]'");
    EXPECT_COERCE(env, fn, "({ toString() { return 'ts'; }, valueOf() { return 1; } })", "(s) => s === 'ts'");
    EXPECT_COERCE(env, fn, "({ [Symbol.toPrimitive](hint) { return hint; } })", "(s) => s === 'string'");
    EXPECT_COERCE(env, fn, "new String('boxed')", "(s) => s === 'boxed'");
    /* failures: JSVM_STRING_EXPECTED, exception pending */
    const JSVM_Status SE = JSVM_STRING_EXPECTED;
    EXPECT_COERCE_FAILS(env, fn, "Symbol('s')", SE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "({ toString() { throw new SyntaxError('str'); } })", SE,
                        "(e) => e instanceof SyntaxError && e.message === 'str'");
    EXPECT_COERCE_FAILS(env, fn, "({ [Symbol.toPrimitive]() { throw 99; } })", SE, "(e) => e === 99");
    EXPECT_COERCE_FAILS(env, fn, "Object.create(null)", SE, "(e) => e instanceof TypeError");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- object */

static void coerce_to_object(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    coerce_fn fn = OH_JSVM_CoerceToObject;
    EXPECT_COERCE(env, fn, "1", "(o) => typeof o === 'object' && o instanceof Number && o.valueOf() === 1");
    EXPECT_COERCE(env, fn, "'ab'", "(o) => o instanceof String && o.length === 2 && o[1] === 'b'");
    EXPECT_COERCE(env, fn, "false", "(o) => o instanceof Boolean && o.valueOf() === false");
    EXPECT_COERCE(env, fn, "Symbol.iterator", "(o) => typeof o === 'object' && o.valueOf() === Symbol.iterator");
    EXPECT_COERCE(env, fn, "5n", "(o) => typeof o === 'object' && o.valueOf() === 5n");
    /* objects come back as themselves */
    JSVM_Value o = JT_RUN(env, "globalThis.theObj = { k: 1 }; theObj"), r = NULL;
    CHECK_OK(env, OH_JSVM_CoerceToObject(env, o, &r));
    EXPECT_JS(env, r, "(v) => v === theObj");
    JSVM_Value fnv = JT_RUN(env, "globalThis.theFn = function () {}; theFn");
    CHECK_OK(env, OH_JSVM_CoerceToObject(env, fnv, &r));
    EXPECT_JS(env, r, "(v) => v === theFn");
    /* null and undefined: JSVM_OBJECT_EXPECTED with a TypeError pending */
    EXPECT_COERCE_FAILS(env, fn, "null", JSVM_OBJECT_EXPECTED, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "undefined", JSVM_OBJECT_EXPECTED, "(e) => e instanceof TypeError");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- bigint */

static void coerce_to_bigint(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    coerce_fn fn = OH_JSVM_CoerceToBigInt;
    EXPECT_COERCE(env, fn, "7n", "(b) => b === 7n");
    EXPECT_COERCE(env, fn, "-(2n ** 200n)", "(b) => b === -(2n ** 200n)");
    EXPECT_COERCE(env, fn, "true", "(b) => b === 1n");
    EXPECT_COERCE(env, fn, "false", "(b) => b === 0n");
    EXPECT_COERCE(env, fn, "'123'", "(b) => b === 123n");
    EXPECT_COERCE(env, fn, "' 0x1F '", "(b) => b === 31n");
    EXPECT_COERCE(env, fn, "'0b101'", "(b) => b === 5n");
    EXPECT_COERCE(env, fn, "''", "(b) => b === 0n");
    EXPECT_COERCE(env, fn, "'-7'", "(b) => b === -7n");
    EXPECT_COERCE(env, fn, "'123456789012345678901234567890'", "(b) => b === 123456789012345678901234567890n");
    EXPECT_COERCE(env, fn, "Object(9n)", "(b) => b === 9n");
    EXPECT_COERCE(env, fn, "({ valueOf() { return 5n; } })", "(b) => b === 5n");
    EXPECT_COERCE(env, fn, "({ valueOf() { return '77'; } })", "(b) => b === 77n");
    EXPECT_COERCE(env, fn, "[]", "(b) => b === 0n");
    /* failures: JSVM_BIGINT_EXPECTED, exception pending */
    const JSVM_Status BE = JSVM_BIGINT_EXPECTED;
    EXPECT_COERCE_FAILS(env, fn, "1", BE, "(e) => e instanceof TypeError"); /* Numbers do not convert */
    EXPECT_COERCE_FAILS(env, fn, "1.5", BE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "undefined", BE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "null", BE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "Symbol()", BE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "'1.5'", BE, "(e) => e instanceof SyntaxError");
    EXPECT_COERCE_FAILS(env, fn, "'12abc'", BE, "(e) => e instanceof SyntaxError");
    EXPECT_COERCE_FAILS(env, fn, "({ valueOf() { return 1; } })", BE, "(e) => e instanceof TypeError");
    EXPECT_COERCE_FAILS(env, fn, "({ valueOf() { throw new URIError('vo'); } })", BE,
                        "(e) => e instanceof URIError && e.message === 'vo'");
    EXPECT_COERCE_FAILS(env, fn, "({ [Symbol.toPrimitive]() { throw 'tp'; } })", BE, "(e) => e === 'tp'");
    /* a script that replaces the global BigInt does not change the conversion */
    JT_RUN(env, "globalThis.BigInt = function () { throw 'hijacked'; };");
    EXPECT_COERCE(env, fn, "'42'", "(b) => b === 42n");
    EXPECT_COERCE_FAILS(env, fn, "2", BE, "(e) => e instanceof TypeError");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- protocol */

static void coerce_arguments_and_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    coerce_fn fns[] = {OH_JSVM_CoerceToBool, OH_JSVM_CoerceToNumber, OH_JSVM_CoerceToObject,
                       OH_JSVM_CoerceToString, OH_JSVM_CoerceToBigInt};
    JSVM_Value v = JT_RUN(env, "true"), r = SENTINEL;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        EXPECT_STATUS(env, fns[i](env, NULL, &r), JSVM_INVALID_ARG);
        EXPECT_STATUS(env, fns[i](env, v, NULL), JSVM_INVALID_ARG);
        EXPECT_VM_STATUS(fns[i](NULL, v, &r), JSVM_INVALID_ARG);
    }
    EXPECT_TRUE(!pending(env));
    /* refused while an exception is pending, before the argument checks,
     * and no user code runs */
    JSVM_Value spy = JT_RUN(env, "globalThis.ran = 0; ({ valueOf() { ran++; return 1n; }, toString() { ran++; return ''; } })");
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "first"));
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        EXPECT_STATUS(env, fns[i](env, spy, &r), JSVM_PENDING_EXCEPTION);
        EXPECT_STATUS(env, fns[i](env, NULL, &r), JSVM_PENDING_EXCEPTION);
        EXPECT_STATUS(env, fns[i](env, spy, NULL), JSVM_PENDING_EXCEPTION);
    }
    EXPECT_TRUE(r == SENTINEL);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'first'"));
    JT_ASSERT_JS(env, "ran === 0");
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- throwing user code */

/* Getters, setters and proxy traps that throw: JSVM_PENDING_EXCEPTION with
 * their exception, for every get/set/has/delete entry point. */
static void throwing_accessors_and_proxies(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    const JSVM_Status P = JSVM_PENDING_EXCEPTION;
    JSVM_Value k = make_str(env, "p"), v = make_int(env, 1), r = SENTINEL;
    bool b = true;

    /* own and inherited accessors */
    JSVM_Value acc = JT_RUN(env, "({ get p() { throw new Error('get p'); }, set p(x) { throw new Error('set p'); },"
                                 "   get 0() { throw new Error('get 0'); }, set 0(x) { throw new Error('set 0'); } })");
    EXPECT_STATUS(env, OH_JSVM_GetNamedProperty(env, acc, "p", &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'get p'"));
    EXPECT_STATUS(env, OH_JSVM_GetProperty(env, acc, k, &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'get p'"));
    EXPECT_STATUS(env, OH_JSVM_GetElement(env, acc, 0, &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'get 0'"));
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, acc, "p", v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'set p'"));
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, acc, k, v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'set p'"));
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, acc, 0, v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'set 0'"));
    JSVM_Value heir = JT_RUN(env, "Object.create({ get p() { throw 42; }, set p(x) { throw 43; } })");
    EXPECT_STATUS(env, OH_JSVM_GetNamedProperty(env, heir, "p", &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 42"));
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, heir, "p", v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e === 43"));
    /* a setter throwing a TypeError is the setter's exception, not a refusal */
    JSVM_Value typeErrSetter = JT_RUN(env, "({ set p(x) { throw new TypeError('from setter'); } })");
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, typeErrSetter, "p", v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError && e.message === 'from setter'"));
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, typeErrSetter, k, v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'from setter'"));

    /* proxies */
    JSVM_Value px = JT_RUN(env,
                           "new Proxy({}, {"
                           "  get(t, key) { throw new Error('get ' + String(key)); },"
                           "  set(t, key) { throw new Error('set ' + String(key)); },"
                           "  has(t, key) { throw new Error('has ' + String(key)); },"
                           "  deleteProperty(t, key) { throw new Error('delete ' + String(key)); },"
                           "  getOwnPropertyDescriptor(t, key) { throw new Error('gopd ' + String(key)); },"
                           "})");
    EXPECT_STATUS(env, OH_JSVM_GetNamedProperty(env, px, "p", &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'get p'"));
    EXPECT_STATUS(env, OH_JSVM_GetProperty(env, px, k, &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'get p'"));
    EXPECT_STATUS(env, OH_JSVM_GetElement(env, px, 3, &r), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'get 3'"));
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, px, "p", v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'set p'"));
    EXPECT_STATUS(env, OH_JSVM_SetProperty(env, px, k, v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'set p'"));
    EXPECT_STATUS(env, OH_JSVM_SetElement(env, px, 3, v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'set 3'"));
    EXPECT_STATUS(env, OH_JSVM_HasNamedProperty(env, px, "p", &b), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'has p'"));
    EXPECT_STATUS(env, OH_JSVM_HasProperty(env, px, k, &b), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'has p'"));
    EXPECT_STATUS(env, OH_JSVM_HasElement(env, px, 3, &b), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'has 3'"));
    EXPECT_STATUS(env, OH_JSVM_DeleteProperty(env, px, k, &b), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'delete p'"));
    EXPECT_STATUS(env, OH_JSVM_DeleteElement(env, px, 3, &b), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'delete 3'"));
    EXPECT_STATUS(env, OH_JSVM_HasOwnProperty(env, px, k, &b), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'gopd p'"));
    EXPECT_TRUE(r == SENTINEL && b == true);

    /* traps that answer "no" without throwing */
    JSVM_Value no = JT_RUN(env, "new Proxy({ p: 1 }, { deleteProperty() { return false; }, has() { return false; } })");
    CHECK_OK(env, OH_JSVM_DeleteProperty(env, no, k, &b));
    EXPECT_TRUE(!b);
    CHECK_OK(env, OH_JSVM_HasNamedProperty(env, no, "p", &b));
    EXPECT_TRUE(!b);
    /* a set trap returning false: QuickJS reports it as a TypeError (see
     * docs/deviations.md) */
    JSVM_Value refuse = JT_RUN(env, "new Proxy({}, { set() { return false; } })");
    EXPECT_STATUS(env, OH_JSVM_SetNamedProperty(env, refuse, "p", v), P);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));

    /* nothing is left behind: the objects still work */
    JSVM_Value ok = JT_RUN(env, "new Proxy({}, {})");
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, ok, "p", v));
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, ok, "p", &r));
    EXPECT_JS(env, r, "(x) => x === 1");
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- microtasks */

static int job_ran;
static JSVM_Value Job(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    job_ran++;
    return NULL;
}
static JSVM_CallbackStruct job_cb = {Job, NULL};

/* Property functions are JS entry points: promise jobs queued by a setter or
 * getter run when the call returns (default microtask policy), as for
 * CallFunction. The job reports through a native function, so no further
 * API call is needed to observe it. */
static void user_code_jobs_run_on_return(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    def_fn(env, "job", &job_cb);
    JSVM_Value obj = JT_RUN(env, "({ set p(v) { Promise.resolve().then(job); }, get p() { Promise.resolve().then(job); return 1; } })");
    JSVM_Value r = NULL, k = make_str(env, "p");
    job_ran = 0;
    CHECK_OK(env, OH_JSVM_SetNamedProperty(env, obj, "p", make_int(env, 1)));
    EXPECT_EQ_INT(job_ran, 1);
    CHECK_OK(env, OH_JSVM_GetNamedProperty(env, obj, "p", &r));
    EXPECT_EQ_INT(job_ran, 2);
    CHECK_OK(env, OH_JSVM_GetProperty(env, obj, k, &r));
    EXPECT_EQ_INT(job_ran, 3);
    CHECK_OK(env, OH_JSVM_SetProperty(env, obj, k, r));
    EXPECT_EQ_INT(job_ran, 4);
    JSVM_Value coerced = JT_RUN(env, "({ valueOf() { Promise.resolve().then(job); return 2; } })");
    CHECK_OK(env, OH_JSVM_CoerceToNumber(env, coerced, &r));
    EXPECT_EQ_INT(job_ran, 5);
    jt_teardown(&f);
}

JT_MAIN("coerce",
        JT_TEST(coerce_to_bool),
        JT_TEST(coerce_to_number),
        JT_TEST(coerce_to_string),
        JT_TEST(coerce_to_object),
        JT_TEST(coerce_to_bigint),
        JT_TEST(coerce_arguments_and_pending),
        JT_TEST(throwing_accessors_and_proxies),
        JT_TEST(user_code_jobs_run_on_return))
