/*
 * test_check.c: OH_JSVM_Typeof, the Is* predicates, StrictEquals, Equals and
 * Instanceof (spec §3.10).
 *
 * One table of values, each with its expected type and predicate results,
 * is run through all 18 predicates and Typeof; the expectations were written
 * from the ECMAScript semantics (and V8's API where the two could differ:
 * Array.isArray of a proxy, boxed-primitive subclasses).
 */
#include <stdint.h>

#include "common.h"

/* ---------------------------------------------------------------- helpers */

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

static JSVM_Value NativeFn(JSVM_Env env, JSVM_CallbackInfo info)
{
    (void)env;
    (void)info;
    return NULL;
}
static JSVM_CallbackStruct native_cb = {NativeFn, NULL};

/* ---------------------------------------------------------------- table */

enum {
    ARR = 1 << 0,   /* IsArray */
    CALL = 1 << 1,  /* IsCallable and IsFunction */
    CTOR = 1 << 2,  /* IsConstructor */
    NUMO = 1 << 3,  /* IsNumberObject */
    STRO = 1 << 4,  /* IsStringObject */
    BOOLO = 1 << 5, /* IsBooleanObject */
    SYMO = 1 << 6,  /* IsSymbolObject */
    BIGO = 1 << 7,  /* IsBigIntObject */
};

typedef struct {
    const char *src;    /* JS expression; NULL: the native function */
    JSVM_ValueType type;
    int flags;
} value_case;

static const value_case cases[] = {
    {"undefined", JSVM_UNDEFINED, 0},
    {"void 0", JSVM_UNDEFINED, 0},
    {"null", JSVM_NULL, 0},
    {"true", JSVM_BOOLEAN, 0},
    {"false", JSVM_BOOLEAN, 0},
    {"0", JSVM_NUMBER, 0},
    {"-0", JSVM_NUMBER, 0},
    {"1.5", JSVM_NUMBER, 0},
    {"NaN", JSVM_NUMBER, 0},
    {"-Infinity", JSVM_NUMBER, 0},
    {"2 ** 53", JSVM_NUMBER, 0},
    {"-2147483648", JSVM_NUMBER, 0},
    {"''", JSVM_STRING, 0},
    {"'str'", JSVM_STRING, 0},
    {"'a'.repeat(3000) + 'b'.repeat(3000)", JSVM_STRING, 0}, /* may be a rope inside QuickJS */
    {"Symbol('s')", JSVM_SYMBOL, 0},
    {"Symbol()", JSVM_SYMBOL, 0},
    {"Symbol.iterator", JSVM_SYMBOL, 0},
    {"Symbol.for('registered')", JSVM_SYMBOL, 0},
    {"0n", JSVM_BIGINT, 0},
    {"-5n", JSVM_BIGINT, 0},
    {"2n ** 100n", JSVM_BIGINT, 0},
    {"({})", JSVM_OBJECT, 0},
    {"Object.create(null)", JSVM_OBJECT, 0},
    {"[]", JSVM_OBJECT, ARR},
    {"new Array(5)", JSVM_OBJECT, ARR},
    {"(class A extends Array {}, new (class extends Array {})())", JSVM_OBJECT, ARR},
    {"new Proxy([], {})", JSVM_OBJECT, 0}, /* V8's IsArray: not an Array instance */
    {"({ length: 0 })", JSVM_OBJECT, 0},
    {"(function () { return arguments; })()", JSVM_OBJECT, 0},
    {"new Uint8Array(2)", JSVM_OBJECT, 0},
    {"new Date(0)", JSVM_OBJECT, 0},
    {"/re/g", JSVM_OBJECT, 0},
    {"new Map()", JSVM_OBJECT, 0},
    {"new Error('e')", JSVM_OBJECT, 0},
    {"Math", JSVM_OBJECT, 0},
    {"globalThis", JSVM_OBJECT, 0},
    {"Promise.resolve(1)", JSVM_OBJECT, 0},
    {"new Proxy({}, {})", JSVM_OBJECT, 0},
    {"new Number(1)", JSVM_OBJECT, NUMO},
    {"Object(2.5)", JSVM_OBJECT, NUMO},
    {"new (class N extends Number {})(3)", JSVM_OBJECT, NUMO},
    {"Object.create(Number.prototype)", JSVM_OBJECT, 0},
    {"new Proxy(new Number(1), {})", JSVM_OBJECT, 0},
    {"new String('s')", JSVM_OBJECT, STRO},
    {"Object('')", JSVM_OBJECT, STRO},
    {"Object.create(String.prototype)", JSVM_OBJECT, 0},
    {"new Boolean(false)", JSVM_OBJECT, BOOLO},
    {"Object(true)", JSVM_OBJECT, BOOLO},
    {"Object(Symbol('boxed'))", JSVM_OBJECT, SYMO},
    {"Object(Symbol.iterator)", JSVM_OBJECT, SYMO},
    {"Object(1n)", JSVM_OBJECT, BIGO},
    {"Object(0n)", JSVM_OBJECT, BIGO},
    {"Object.create(BigInt.prototype)", JSVM_OBJECT, 0},
    {"(function () {})", JSVM_FUNCTION, CALL | CTOR},
    {"(function named() {}).bind(null)", JSVM_FUNCTION, CALL | CTOR},
    {"(class {})", JSVM_FUNCTION, CALL | CTOR},
    {"(class extends Array {})", JSVM_FUNCTION, CALL | CTOR},
    {"(() => 1)", JSVM_FUNCTION, CALL},
    {"(() => 1).bind(null)", JSVM_FUNCTION, CALL},
    {"(async function () {})", JSVM_FUNCTION, CALL},
    {"(async () => 1)", JSVM_FUNCTION, CALL},
    {"(function* () {})", JSVM_FUNCTION, CALL},
    {"(async function* () {})", JSVM_FUNCTION, CALL},
    {"({ m() {} }).m", JSVM_FUNCTION, CALL},
    {"Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get", JSVM_FUNCTION, CALL},
    {"new Proxy(function () {}, {})", JSVM_FUNCTION, CALL | CTOR},
    {"new Proxy(() => 1, {})", JSVM_FUNCTION, CALL},
    {"Math.max", JSVM_FUNCTION, CALL},
    {"parseInt", JSVM_FUNCTION, CALL},
    {"Function.prototype", JSVM_FUNCTION, CALL},
    {"Object", JSVM_FUNCTION, CALL | CTOR},
    {"Date", JSVM_FUNCTION, CALL | CTOR},
    {"Proxy", JSVM_FUNCTION, CALL | CTOR},
    {"Symbol", JSVM_FUNCTION, CALL | CTOR}, /* new Symbol() throws, but it has [[Construct]] */
    {"BigInt", JSVM_FUNCTION, CALL | CTOR},
    {NULL, JSVM_FUNCTION, CALL | CTOR}, /* OH_JSVM_CreateFunction */
};

/* One predicate: its name and function. */
typedef JSVM_Status (*pred_fn)(JSVM_Env, JSVM_Value, bool *);
typedef struct {
    const char *name;
    pred_fn fn;
} pred;

static const pred preds[] = {
    {"IsArray", OH_JSVM_IsArray},
    {"IsUndefined", OH_JSVM_IsUndefined},
    {"IsNull", OH_JSVM_IsNull},
    {"IsNullOrUndefined", OH_JSVM_IsNullOrUndefined},
    {"IsBoolean", OH_JSVM_IsBoolean},
    {"IsNumber", OH_JSVM_IsNumber},
    {"IsString", OH_JSVM_IsString},
    {"IsSymbol", OH_JSVM_IsSymbol},
    {"IsBigInt", OH_JSVM_IsBigInt},
    {"IsObject", OH_JSVM_IsObject},
    {"IsFunction", OH_JSVM_IsFunction},
    {"IsCallable", OH_JSVM_IsCallable},
    {"IsConstructor", OH_JSVM_IsConstructor},
    {"IsNumberObject", OH_JSVM_IsNumberObject},
    {"IsStringObject", OH_JSVM_IsStringObject},
    {"IsBooleanObject", OH_JSVM_IsBooleanObject},
    {"IsSymbolObject", OH_JSVM_IsSymbolObject},
    {"IsBigIntObject", OH_JSVM_IsBigIntObject},
};
#define NPREDS (sizeof preds / sizeof preds[0])

/* What predicate p must say for case c. */
static bool expected(const value_case *c, size_t p)
{
    const char *n = preds[p].name;
    JSVM_ValueType t = c->type;
    if (!strcmp(n, "IsArray"))
        return c->flags & ARR;
    if (!strcmp(n, "IsUndefined"))
        return t == JSVM_UNDEFINED;
    if (!strcmp(n, "IsNull"))
        return t == JSVM_NULL;
    if (!strcmp(n, "IsNullOrUndefined"))
        return t == JSVM_NULL || t == JSVM_UNDEFINED;
    if (!strcmp(n, "IsBoolean"))
        return t == JSVM_BOOLEAN;
    if (!strcmp(n, "IsNumber"))
        return t == JSVM_NUMBER;
    if (!strcmp(n, "IsString"))
        return t == JSVM_STRING;
    if (!strcmp(n, "IsSymbol"))
        return t == JSVM_SYMBOL;
    if (!strcmp(n, "IsBigInt"))
        return t == JSVM_BIGINT;
    if (!strcmp(n, "IsObject"))
        return t == JSVM_OBJECT || t == JSVM_FUNCTION;
    if (!strcmp(n, "IsFunction") || !strcmp(n, "IsCallable"))
        return c->flags & CALL;
    if (!strcmp(n, "IsConstructor"))
        return c->flags & CTOR;
    if (!strcmp(n, "IsNumberObject"))
        return c->flags & NUMO;
    if (!strcmp(n, "IsStringObject"))
        return c->flags & STRO;
    if (!strcmp(n, "IsBooleanObject"))
        return c->flags & BOOLO;
    if (!strcmp(n, "IsSymbolObject"))
        return c->flags & SYMO;
    if (!strcmp(n, "IsBigIntObject"))
        return c->flags & BIGO;
    jt_fail(__FILE__, __LINE__, "unknown predicate");
    return false;
}

static JSVM_Value case_value(JSVM_Env env, const value_case *c)
{
    if (c->src)
        return JT_RUN(env, c->src);
    JSVM_Value fn = NULL;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "native", JSVM_AUTO_LENGTH, &native_cb, &fn));
    return fn;
}

/* ---------------------------------------------------------------- tests */

static void typeof_and_predicates(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    int per_type[10] = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const value_case *c = &cases[i];
        const char *what = c->src ? c->src : "(native function)";
        JSVM_Value v = case_value(env, c);
        if (!v)
            continue;
        JSVM_ValueType t = (JSVM_ValueType)-1;
        CHECK_OK(env, OH_JSVM_Typeof(env, v, &t));
        jt_checks++;
        if (t != c->type) {
            char msg[512];
            snprintf(msg, sizeof msg, "Typeof(%s) = %d, want %d", what, (int)t, (int)c->type);
            jt_fail(__FILE__, __LINE__, msg);
        }
        per_type[c->type]++;
        for (size_t p = 0; p < NPREDS; p++) {
            bool got = !expected(c, p);
            CHECK_OK(env, preds[p].fn(env, v, &got));
            jt_checks++;
            if (got != expected(c, p)) {
                char msg[512];
                snprintf(msg, sizeof msg, "%s(%s) = %d, want %d", preds[p].name, what, got, !got);
                jt_fail(__FILE__, __LINE__, msg);
            }
        }
    }
    /* every kind but externals (not implemented yet) is covered */
    for (int k = JSVM_UNDEFINED; k <= JSVM_BIGINT; k++)
        if (k != JSVM_EXTERNAL)
            EXPECT_TRUE(per_type[k] > 0);
    /* typeof agrees with JavaScript's typeof where the two share names */
    JSVM_Value v = NULL;
    JSVM_ValueType t;
    const char *agree[] = {"undefined", "true", "1", "'s'", "Symbol()", "1n", "({})", "(() => 0)"};
    const JSVM_ValueType want[] = {JSVM_UNDEFINED, JSVM_BOOLEAN, JSVM_NUMBER, JSVM_STRING,
                                   JSVM_SYMBOL, JSVM_BIGINT, JSVM_OBJECT, JSVM_FUNCTION};
    for (size_t i = 0; i < sizeof agree / sizeof agree[0]; i++) {
        v = JT_RUN(env, agree[i]);
        CHECK_OK(env, OH_JSVM_Typeof(env, v, &t));
        EXPECT_EQ_INT(t, want[i]);
    }
    /* typeof null is "object" in JS, JSVM_NULL here */
    CHECK_OK(env, OH_JSVM_GetNull(env, &v));
    CHECK_OK(env, OH_JSVM_Typeof(env, v, &t));
    EXPECT_EQ_INT(t, JSVM_NULL);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* Values made through the API, not by scripts. */
static void predicates_on_api_values(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value v = NULL;
    JSVM_ValueType t;
    bool b = false;
    CHECK_OK(env, OH_JSVM_CreateArray(env, &v));
    CHECK_OK(env, OH_JSVM_IsArray(env, v, &b));
    EXPECT_TRUE(b);
    CHECK_OK(env, OH_JSVM_CreateObject(env, &v));
    CHECK_OK(env, OH_JSVM_Typeof(env, v, &t));
    EXPECT_EQ_INT(t, JSVM_OBJECT);
    CHECK_OK(env, OH_JSVM_IsArray(env, v, &b));
    EXPECT_TRUE(!b);
    CHECK_OK(env, OH_JSVM_GetGlobal(env, &v));
    CHECK_OK(env, OH_JSVM_IsObject(env, v, &b));
    EXPECT_TRUE(b);
    CHECK_OK(env, OH_JSVM_GetBoolean(env, false, &v));
    CHECK_OK(env, OH_JSVM_IsBoolean(env, v, &b));
    EXPECT_TRUE(b);
    CHECK_OK(env, OH_JSVM_IsBooleanObject(env, v, &b));
    EXPECT_TRUE(!b);
    CHECK_OK(env, OH_JSVM_CreateInt64(env, INT64_MAX, &v));
    CHECK_OK(env, OH_JSVM_IsNumber(env, v, &b));
    EXPECT_TRUE(b);
    CHECK_OK(env, OH_JSVM_CreateStringUtf16(env, u"\u00e9t\u00e9", JSVM_AUTO_LENGTH, &v));
    CHECK_OK(env, OH_JSVM_Typeof(env, v, &t));
    EXPECT_EQ_INT(t, JSVM_STRING);
    /* a coerced primitive is a boxed one */
    JSVM_Value boxed = NULL;
    CHECK_OK(env, OH_JSVM_CoerceToObject(env, v, &boxed));
    CHECK_OK(env, OH_JSVM_IsStringObject(env, boxed, &b));
    EXPECT_TRUE(b);
    CHECK_OK(env, OH_JSVM_IsString(env, boxed, &b));
    EXPECT_TRUE(!b);
    jt_teardown(&f);
}

/* The checks that never run JS work while an exception is pending, and
 * leave it pending; StrictEquals, Equals and Instanceof refuse. */
static void checks_while_pending(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value num = make_int(env, 1), fn = JT_RUN(env, "Object");
    bool b = false;
    JSVM_ValueType t = JSVM_UNDEFINED;
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "still here"));
    CHECK_OK(env, OH_JSVM_Typeof(env, num, &t));
    EXPECT_EQ_INT(t, JSVM_NUMBER);
    for (size_t p = 0; p < NPREDS; p++) {
        CHECK_OK(env, preds[p].fn(env, fn, &b));
        EXPECT_STATUS(env, preds[p].fn(env, fn, NULL), JSVM_INVALID_ARG);
        EXPECT_STATUS(env, preds[p].fn(env, NULL, &b), JSVM_INVALID_ARG);
    }
    CHECK_OK(env, OH_JSVM_IsConstructor(env, fn, &b));
    EXPECT_TRUE(b);
    EXPECT_STATUS(env, OH_JSVM_Typeof(env, NULL, &t), JSVM_INVALID_ARG);
    b = false;
    EXPECT_STATUS(env, OH_JSVM_StrictEquals(env, num, num, &b), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_StrictEquals(env, num, NULL, &b), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_Equals(env, num, num, &b), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_Equals(env, NULL, num, &b), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, num, fn, &b), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, num, NULL, &b), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(!b);
    EXPECT_TRUE(take_exception_is(env, "(e) => e.message === 'still here'"));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- equality */

typedef struct {
    const char *a, *b;
    bool strict, loose;
} eq_case;

static void strict_and_loose_equality(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, "globalThis.o = {}; globalThis.s = Symbol('q');");
    static const eq_case eqs[] = {
        {"1", "1", true, true},
        {"1", "1.0", true, true},
        {"0", "-0", true, true},
        {"NaN", "NaN", false, false},
        {"1", "'1'", false, true},
        {"'abc'", "'ab' + 'c'", true, true},
        {"null", "undefined", false, true},
        {"null", "0", false, false},
        {"undefined", "undefined", true, true},
        {"o", "o", true, true},
        {"o", "({})", false, false},
        {"o", "'[object Object]'", false, true},
        {"[1, 2]", "'1,2'", false, true},
        {"true", "1", false, true},
        {"false", "''", false, true},
        {"s", "s", true, true},
        {"s", "Symbol('q')", false, false},
        {"1n", "1n", true, true},
        {"1n", "1", false, true},
        {"2n ** 70n", "2n ** 70n", true, true},
        {"new Number(1)", "1", false, true},
        {"new Number(1)", "new Number(1)", false, false},
        {"'a'.repeat(5000) + 'b'", "'a'.repeat(5000) + 'b'", true, true},
    };
    for (size_t i = 0; i < sizeof eqs / sizeof eqs[0]; i++) {
        JSVM_Value a = JT_RUN(env, eqs[i].a), b = JT_RUN(env, eqs[i].b);
        bool strict = !eqs[i].strict, loose = !eqs[i].loose, rev = !eqs[i].loose;
        CHECK_OK(env, OH_JSVM_StrictEquals(env, a, b, &strict));
        CHECK_OK(env, OH_JSVM_Equals(env, a, b, &loose));
        CHECK_OK(env, OH_JSVM_Equals(env, b, a, &rev));
        jt_checks++;
        if (strict != eqs[i].strict || loose != eqs[i].loose || rev != eqs[i].loose) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s vs %s: strict %d loose %d/%d", eqs[i].a, eqs[i].b, strict, loose, rev);
            jt_fail(__FILE__, __LINE__, msg);
        }
    }
    /* the same handle, and two handles of one value */
    JSVM_Value x = JT_RUN(env, "o"), y = JT_RUN(env, "o");
    bool r = false;
    CHECK_OK(env, OH_JSVM_StrictEquals(env, x, y, &r));
    EXPECT_TRUE(r);

    /* == runs valueOf/toString; an exception stays pending */
    JSVM_Value counting = JT_RUN(env, "globalThis.calls = 0; ({ valueOf() { calls++; return 42; } })");
    CHECK_OK(env, OH_JSVM_Equals(env, counting, make_int(env, 42), &r));
    EXPECT_TRUE(r);
    JT_ASSERT_JS(env, "calls === 1");
    /* === never does */
    CHECK_OK(env, OH_JSVM_StrictEquals(env, counting, make_int(env, 42), &r));
    EXPECT_TRUE(!r);
    JT_ASSERT_JS(env, "calls === 1");
    JSVM_Value thrower = JT_RUN(env, "({ [Symbol.toPrimitive]() { throw new TypeError('no prim'); } })");
    r = true;
    EXPECT_STATUS(env, OH_JSVM_Equals(env, thrower, make_str(env, "x"), &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(r); /* untouched */
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError && e.message === 'no prim'"));
    /* argument checks */
    EXPECT_STATUS(env, OH_JSVM_StrictEquals(env, NULL, x, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_StrictEquals(env, x, x, NULL), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_Equals(env, x, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_Equals(env, x, x, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

/* ---------------------------------------------------------------- instanceof */

static void instance_of(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JT_RUN(env, "globalThis.Base = class Base {}; globalThis.Derived = class Derived extends Base {};"
                " globalThis.d = new Derived(); globalThis.Evens = class { static [Symbol.hasInstance](v) { return v % 2 === 0; } };"
                " globalThis.EvensObj = { [Symbol.hasInstance](v) { return true; } };");
    struct {
        const char *obj, *ctor;
        bool want;
    } io[] = {
        {"d", "Derived", true},
        {"d", "Base", true},
        {"d", "Object", true},
        {"d", "Array", false},
        {"[]", "Array", true},
        {"Object.create(null)", "Object", false},
        {"1", "Number", false}, /* primitives are not instances */
        {"new Number(1)", "Number", true},
        {"d", "Base.bind(null)", true},
        {"4", "Evens", true}, /* Symbol.hasInstance decides, even for primitives */
        {"5", "Evens", false},
        {"new Proxy(d, {})", "Base", true},
    };
    for (size_t i = 0; i < sizeof io / sizeof io[0]; i++) {
        JSVM_Value o = JT_RUN(env, io[i].obj), c = JT_RUN(env, io[i].ctor);
        bool r = !io[i].want;
        CHECK_OK(env, OH_JSVM_Instanceof(env, o, c, &r));
        jt_checks++;
        if (r != io[i].want) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s instanceof %s = %d", io[i].obj, io[i].ctor, r);
            jt_fail(__FILE__, __LINE__, msg);
        }
    }
    /* native constructors made by the API */
    JSVM_Value ctor = NULL, inst = NULL;
    bool r = false;
    CHECK_OK(env, OH_JSVM_CreateFunction(env, "Native", JSVM_AUTO_LENGTH, &native_cb, &ctor));
    CHECK_OK(env, OH_JSVM_NewInstance(env, ctor, 0, NULL, &inst));
    CHECK_OK(env, OH_JSVM_Instanceof(env, inst, ctor, &r));
    EXPECT_TRUE(r);
    CHECK_OK(env, OH_JSVM_Instanceof(env, JT_RUN(env, "d"), ctor, &r));
    EXPECT_TRUE(!r);

    JSVM_Value d = JT_RUN(env, "d"), nul = NULL, und = NULL;
    CHECK_OK(env, OH_JSVM_GetNull(env, &nul));
    CHECK_OK(env, OH_JSVM_GetUndefined(env, &und));
    /* null/undefined constructor: JSVM_OBJECT_EXPECTED, TypeError pending */
    r = true;
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, nul, &r), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, und, &r), JSVM_OBJECT_EXPECTED);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    /* any other non-function: JSVM_FUNCTION_EXPECTED, TypeError pending */
    /* (a non-function with Symbol.hasInstance too: the reference
     * implementation requires a function before instanceof runs) */
    const char *not_fns[] = {"({})", "5", "'Base'", "[]", "EvensObj"};
    for (size_t i = 0; i < sizeof not_fns / sizeof not_fns[0]; i++) {
        EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, JT_RUN(env, not_fns[i]), &r), JSVM_FUNCTION_EXPECTED);
        EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError && e.code === 'ERR_NAPI_CONS_FUNCTION' &&"
                                           " e.message === 'Constructor must be a function'"));
    }
    EXPECT_TRUE(r); /* untouched by the failures */
    /* user code that throws */
    JSVM_Value badHas = JT_RUN(env, "(function () {}).bind(null)");
    JT_RUN(env, "globalThis.Throwing = function () {};"
                " Object.defineProperty(Throwing, Symbol.hasInstance, { value() { throw new RangeError('hi'); } });");
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, JT_RUN(env, "Throwing"), &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof RangeError && e.message === 'hi'"));
    /* a function whose prototype is not an object */
    JSVM_Value noProto = JT_RUN(env, "var np = function () {}; np.prototype = 1; np");
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, noProto, &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    /* an arrow function has no prototype at all */
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, JT_RUN(env, "(() => 1)"), &r), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(take_exception_is(env, "(e) => e instanceof TypeError"));
    /* a primitive lhs with a bound function is simply false */
    CHECK_OK(env, OH_JSVM_Instanceof(env, make_int(env, 1), badHas, &r));
    EXPECT_TRUE(!r);
    /* argument checks */
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, NULL, ctor, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, NULL, &r), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_Instanceof(env, d, ctor, NULL), JSVM_INVALID_ARG);
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

JT_MAIN("check",
        JT_TEST(typeof_and_predicates),
        JT_TEST(predicates_on_api_values),
        JT_TEST(checks_while_pending),
        JT_TEST(strict_and_loose_equality),
        JT_TEST(instance_of))
