/*
 * test_values.c: number/boolean/singleton/object/array creation and the C
 * conversions of numbers (spec §3.8, §3.9, §2.1).
 *
 * Every value is checked twice: read back through the C getters and seen
 * from JavaScript (typeof and strict equality), so that a value that merely
 * round-trips through the library's own representation cannot pass.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>

#include "common.h"

/* ---- helpers ---- */

#define CALL_JS(env, fnsrc, argc, argv) call_js_at((env), (fnsrc), (argc), (argv), __FILE__, __LINE__)

/* The JS function fnsrc, called with argv, must return true. */
#define EXPECT_JS_CALL(env, fnsrc, argc, argv)                                      \
    do {                                                                            \
        JSVM_Value r_ = CALL_JS((env), (fnsrc), (argc), (argv));                    \
        bool b_ = false;                                                            \
        jt_checks++;                                                                \
        if (!r_ || OH_JSVM_GetValueBool((env), r_, &b_) != JSVM_OK || !b_)          \
            jt_fail(__FILE__, __LINE__, "JS call did not return true: " fnsrc);     \
    } while (0)

static JSVM_Value dbl(JSVM_Env env, double d)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateDouble(env, d, &v));
    return v;
}

static int32_t as_i32(JSVM_Env env, JSVM_Value v)
{
    int32_t r = 0x5a5a5a5a;
    CHECK_OK(env, OH_JSVM_GetValueInt32(env, v, &r));
    return r;
}

static uint32_t as_u32(JSVM_Env env, JSVM_Value v)
{
    uint32_t r = 0x5a5a5a5a;
    CHECK_OK(env, OH_JSVM_GetValueUint32(env, v, &r));
    return r;
}

static int64_t as_i64(JSVM_Env env, JSVM_Value v)
{
    int64_t r = 0x5a5a5a5a;
    CHECK_OK(env, OH_JSVM_GetValueInt64(env, v, &r));
    return r;
}

static double as_dbl(JSVM_Env env, JSVM_Value v)
{
    double r = -12345.25;
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, v, &r));
    return r;
}

/* ---- creation and read-back ---- */

static void int32_round_trip(void)
{
    static const int32_t vals[] = {0, 1, -1, 42, -42, 65535, INT32_MAX, INT32_MIN, INT32_MIN + 1};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        JSVM_Value v = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, vals[i], &v));
        EXPECT_TRUE(v != NULL);
        EXPECT_EQ_INT(as_i32(f.env, v), vals[i]);
        EXPECT_EQ_INT(as_i64(f.env, v), vals[i]);
        EXPECT_TRUE(as_dbl(f.env, v) == (double)vals[i]);
        EXPECT_EQ_INT(as_u32(f.env, v), (uint32_t)vals[i]);
        /* JS sees the same number: compare against a double made in JS. */
        JSVM_Value args[2] = {v, dbl(f.env, (double)vals[i])};
        EXPECT_JS_CALL(f.env, "(function (a, b) { return typeof a === 'number' && a === b && (a | 0) === a; })",
                       2, args);
    }
    jt_teardown(&f);
}

static void uint32_round_trip(void)
{
    static const uint32_t vals[] = {0, 1, 42, 0x7fffffffu, 0x80000000u, 0xfffffffeu, UINT32_MAX};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        JSVM_Value v = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateUint32(f.env, vals[i], &v));
        EXPECT_EQ_INT(as_u32(f.env, v), vals[i]);
        EXPECT_EQ_INT(as_i64(f.env, v), (int64_t)vals[i]);
        EXPECT_TRUE(as_dbl(f.env, v) == (double)vals[i]);
        EXPECT_EQ_INT(as_i32(f.env, v), (int32_t)vals[i]); /* ToInt32 wraps */
        JSVM_Value args[2] = {v, dbl(f.env, (double)vals[i])};
        EXPECT_JS_CALL(f.env, "(function (a, b) { return typeof a === 'number' && a === b && a >= 0 && (a >>> 0) === a; })",
                       2, args);
    }
    /* UINT32_MAX is positive in JS, not -1. */
    JSVM_Value m = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateUint32(f.env, UINT32_MAX, &m));
    EXPECT_JS_1(f.env, "(function (a) { return a === 4294967295; })", m);
    jt_teardown(&f);
}

static void int64_round_trip(void)
{
    static const int64_t vals[] = {0,
                                   -1,
                                   (int64_t)INT32_MAX + 1,
                                   (int64_t)INT32_MIN - 1,
                                   (int64_t)1 << 40,
                                   -((int64_t)1 << 40),
                                   ((int64_t)1 << 53) - 1,
                                   -(((int64_t)1 << 53) - 1),
                                   (int64_t)1 << 53,
                                   (int64_t)1 << 62,
                                   INT64_MIN};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        JSVM_Value v = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, vals[i], &v));
        /* All of these are exactly representable as doubles. */
        EXPECT_EQ_INT(as_i64(f.env, v), vals[i]);
        EXPECT_TRUE(as_dbl(f.env, v) == (double)vals[i]);
        JSVM_Value args[2] = {v, dbl(f.env, (double)vals[i])};
        EXPECT_JS_CALL(f.env, "(function (a, b) { return typeof a === 'number' && a === b && Number.isInteger(a); })",
                       2, args);
    }
    JSVM_Value v = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, (int64_t)1 << 40, &v));
    EXPECT_JS_1(f.env, "(function (a) { return a === 1099511627776 && a === 2 ** 40; })", v);
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, -((int64_t)1 << 53) + 1, &v));
    EXPECT_JS_1(f.env, "(function (a) { return a === Number.MIN_SAFE_INTEGER; })", v);
    jt_teardown(&f);
}

/* Beyond 2^53 an int64 becomes the nearest double. */
static void int64_precision_loss(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value v = NULL;
    int64_t two53 = (int64_t)1 << 53;

    /* 2^53 + 1 rounds (to even) to 2^53. */
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, two53 + 1, &v));
    EXPECT_TRUE(as_dbl(f.env, v) == 9007199254740992.0);
    EXPECT_EQ_INT(as_i64(f.env, v), two53);
    EXPECT_JS_1(f.env, "(function (a) { return a === 2 ** 53 && !Number.isSafeInteger(a); })", v);

    /* 2^53 + 3 rounds to 2^53 + 4. */
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, two53 + 3, &v));
    EXPECT_EQ_INT(as_i64(f.env, v), two53 + 4);
    EXPECT_JS_1(f.env, "(function (a) { return a === 9007199254740996; })", v);

    /* INT64_MAX becomes 2^63, which reads back saturated. */
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, INT64_MAX, &v));
    EXPECT_TRUE(as_dbl(f.env, v) == 9223372036854775808.0);
    EXPECT_EQ_INT(as_i64(f.env, v), INT64_MAX);
    EXPECT_JS_1(f.env, "(function (a) { return a === 2 ** 63; })", v);

    /* INT64_MIN is exactly -2^63. */
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, INT64_MIN, &v));
    EXPECT_JS_1(f.env, "(function (a) { return a === -(2 ** 63); })", v);
    jt_teardown(&f);
}

static void double_round_trip(void)
{
    static const double vals[] = {0.0, 1.5, -1.5, 3.141592653589793, 1e300, -1e-300, DBL_MAX, DBL_MIN,
                                  5e-324, 9007199254740993.0, 0.1};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        JSVM_Value v = dbl(f.env, vals[i]);
        EXPECT_TRUE(as_dbl(f.env, v) == vals[i]);
        /* The JS number equals the one produced by parsing %.17g in JS. */
        char src[128];
        snprintf(src, sizeof src, "(function (a) { return typeof a === 'number' && a === %.17g; })", vals[i]);
        JSVM_Value args[1] = {v};
        JSVM_Value r = CALL_JS(f.env, src, 1, args);
        bool b = false;
        EXPECT_TRUE(r && OH_JSVM_GetValueBool(f.env, r, &b) == JSVM_OK && b);
    }
    JSVM_Value v = dbl(f.env, 0.1);
    EXPECT_JS_1(f.env, "(function (a) { return a === 0.1 && a + 0.2 !== 0.3; })", v);
    jt_teardown(&f);
}

static void double_special_values(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value nz = dbl(f.env, -0.0), nan = dbl(f.env, NAN), inf = dbl(f.env, INFINITY),
               ninf = dbl(f.env, -INFINITY);
    double d = as_dbl(f.env, nz);
    EXPECT_TRUE(d == 0.0 && signbit(d));
    EXPECT_TRUE(isnan(as_dbl(f.env, nan)));
    d = as_dbl(f.env, inf);
    EXPECT_TRUE(isinf(d) && d > 0);
    d = as_dbl(f.env, ninf);
    EXPECT_TRUE(isinf(d) && d < 0);
    EXPECT_JS_1(f.env, "(function (a) { return Object.is(a, -0); })", nz);
    EXPECT_JS_1(f.env, "(function (a) { return typeof a === 'number' && Number.isNaN(a); })", nan);
    EXPECT_JS_1(f.env, "(function (a) { return a === Infinity; })", inf);
    EXPECT_JS_1(f.env, "(function (a) { return a === -Infinity; })", ninf);

    /* -0 converts to integer 0 (and +0 in JS via the C round trip). */
    EXPECT_EQ_INT(as_i32(f.env, nz), 0);
    EXPECT_EQ_INT(as_u32(f.env, nz), 0);
    EXPECT_EQ_INT(as_i64(f.env, nz), 0);

    /* Values made in JS read back the same. */
    d = as_dbl(f.env, JT_RUN(f.env, "-0"));
    EXPECT_TRUE(d == 0.0 && signbit(d));
    EXPECT_TRUE(isnan(as_dbl(f.env, JT_RUN(f.env, "0/0"))));
    EXPECT_TRUE(as_dbl(f.env, JT_RUN(f.env, "1/3")) == 1.0 / 3.0);
    EXPECT_TRUE(as_dbl(f.env, JT_RUN(f.env, "2**53 + 2")) == 9007199254740994.0);
    EXPECT_TRUE(as_dbl(f.env, JT_RUN(f.env, "7")) == 7.0);
    jt_teardown(&f);
}

/* ---- conversion rules ---- */

typedef struct {
    double in;
    int32_t i32;
    uint32_t u32;
    int64_t i64;
} conv_case;

static void number_conversions(void)
{
    static const conv_case cases[] = {
        {0.0, 0, 0, 0},
        {1.9, 1, 1, 1},
        {-1.5, -1, 4294967295u, -1},
        {-1.0, -1, 4294967295u, -1},
        {-0.9, 0, 0, 0},
        {0.9, 0, 0, 0},
        {2147483647.0, INT32_MAX, 2147483647u, 2147483647},
        {2147483648.0, INT32_MIN, 2147483648u, 2147483648LL},
        {-2147483648.0, INT32_MIN, 2147483648u, -2147483648LL},
        {-2147483649.0, INT32_MAX, 2147483647u, -2147483649LL},
        {4294967295.0, -1, 4294967295u, 4294967295LL},
        {4294967295.7, -1, 4294967295u, 4294967295LL},
        {4294967296.0, 0, 0, 4294967296LL},
        {4294967297.0, 1, 1, 4294967297LL},
        {4294967301.0, 5, 5, 4294967301LL},
        {-4294967297.5, -1, 4294967295u, -4294967297LL},
        {1e20, 1661992960, 1661992960u, INT64_MAX},
        {-1e20, -1661992960, 2632974336u, INT64_MIN},
        {1e19, -1981284352, 2313682944u, INT64_MAX},
        {-1e19, 1981284352, 1981284352u, INT64_MIN},
        {9007199254740995.0 /* 2^53+4 after rounding */, 4, 4, 9007199254740996LL},
        {9223372036854775808.0, 0, 0, INT64_MAX},
        {-9223372036854775808.0, 0, 0, INT64_MIN},
        {4611686018427387904.0 /* 2^62 */, 0, 0, 4611686018427387904LL},
        {NAN, 0, 0, 0},
        {INFINITY, 0, 0, 0},
        {-INFINITY, 0, 0, 0},
        {5e-324, 0, 0, 0},
    };
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const conv_case *c = &cases[i];
        JSVM_Value v = dbl(f.env, c->in);
        char what[160];
        int32_t i32 = as_i32(f.env, v);
        uint32_t u32 = as_u32(f.env, v);
        int64_t i64 = as_i64(f.env, v);
        jt_checks++;
        if (i32 != c->i32 || u32 != c->u32 || i64 != c->i64) {
            snprintf(what, sizeof what, "%.17g: int32 %d (want %d), uint32 %u (want %u), int64 %lld (want %lld)",
                     c->in, i32, c->i32, u32, c->u32, (long long)i64, (long long)c->i64);
            jt_fail(__FILE__, __LINE__, what);
        }
        /* ToInt32/ToUint32 agree with JS's own x|0 and x>>>0. */
        JSVM_Value args[3] = {v, NULL, NULL};
        CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, i32, &args[1]));
        CHECK_OK(f.env, OH_JSVM_CreateUint32(f.env, u32, &args[2]));
        EXPECT_JS_CALL(f.env, "(function (x, a, b) { return (x | 0) === a && (x >>> 0) === b; })", 3, args);
    }
    jt_teardown(&f);
}

/* The same rules apply to numbers produced by JavaScript itself. */
static void conversions_of_js_numbers(void)
{
    jt_fixture f;
    jt_setup(&f);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "2 ** 31")), INT32_MIN);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "2 ** 32 + 1")), 1);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "-1.5")), -1);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "NaN")), 0);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "Infinity")), 0);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "-Infinity")), 0);
    EXPECT_EQ_INT(as_i32(f.env, JT_RUN(f.env, "-123")), -123);
    EXPECT_EQ_INT(as_u32(f.env, JT_RUN(f.env, "-1")), 4294967295u);
    EXPECT_EQ_INT(as_u32(f.env, JT_RUN(f.env, "2 ** 32 + 5")), 5);
    EXPECT_EQ_INT(as_u32(f.env, JT_RUN(f.env, "3.99")), 3);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "1e19")), INT64_MAX);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "-1e19")), INT64_MIN);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "NaN")), 0);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "-Infinity")), 0);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "-0.9")), 0);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "-2.5")), -2);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "2 ** 53 - 1")), 9007199254740991LL);
    EXPECT_EQ_INT(as_i64(f.env, JT_RUN(f.env, "-(2 ** 40) - 0.5")), -1099511627776LL);
    jt_teardown(&f);
}

/* ---- wrong types ---- */

static void number_getters_reject_non_numbers(void)
{
    static const char *srcs[] = {"'42'", "''", "true", "undefined", "null", "({})", "[1]", "new Number(5)",
                                 "10n", "Symbol('s')", "(function () {})"};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        JSVM_Value v = JT_RUN(f.env, srcs[i]);
        if (!v)
            continue;
        double d = -7.25;
        int32_t i32 = -7;
        uint32_t u32 = 7;
        int64_t i64 = -77;
        EXPECT_STATUS(f.env, OH_JSVM_GetValueDouble(f.env, v, &d), JSVM_NUMBER_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueInt32(f.env, v, &i32), JSVM_NUMBER_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueUint32(f.env, v, &u32), JSVM_NUMBER_EXPECTED);
        EXPECT_STATUS(f.env, OH_JSVM_GetValueInt64(f.env, v, &i64), JSVM_NUMBER_EXPECTED);
        /* Outputs are written only on success. */
        EXPECT_TRUE(d == -7.25);
        EXPECT_EQ_INT(i32, -7);
        EXPECT_EQ_INT(u32, 7);
        EXPECT_EQ_INT(i64, -77);
    }
    /* A string made through the API, as the brief's canonical case. */
    JSVM_Value s = NULL;
    double d = 0;
    CHECK_OK(f.env, OH_JSVM_CreateStringUtf8(f.env, "1.5", JSVM_AUTO_LENGTH, &s));
    EXPECT_STATUS(f.env, OH_JSVM_GetValueDouble(f.env, s, &d), JSVM_NUMBER_EXPECTED);
    /* The failure leaves no exception behind. */
    bool pending = true;
    CHECK_OK(f.env, OH_JSVM_IsExceptionPending(f.env, &pending));
    EXPECT_TRUE(!pending);
    jt_teardown(&f);
}

static void bool_getter_rejects_non_booleans(void)
{
    static const char *srcs[] = {"1", "0", "'true'", "undefined", "null", "({})", "new Boolean(true)", "1n"};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        JSVM_Value v = JT_RUN(f.env, srcs[i]);
        if (!v)
            continue;
        bool b = true;
        EXPECT_STATUS(f.env, OH_JSVM_GetValueBool(f.env, v, &b), JSVM_BOOLEAN_EXPECTED);
        EXPECT_TRUE(b == true); /* untouched */
    }
    JSVM_Value n = NULL;
    bool b = false;
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, 1, &n));
    EXPECT_STATUS(f.env, OH_JSVM_GetValueBool(f.env, n, &b), JSVM_BOOLEAN_EXPECTED);
    EXPECT_TRUE(b == false);
    /* Booleans from JS read back. */
    CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, JT_RUN(f.env, "1 < 2"), &b));
    EXPECT_TRUE(b == true);
    CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, JT_RUN(f.env, "1 > 2"), &b));
    EXPECT_TRUE(b == false);
    jt_teardown(&f);
}

/* ---- singletons ---- */

static void singletons_seen_from_js(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value v[5] = {NULL, NULL, NULL, NULL, NULL};
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &v[0]));
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &v[1]));
    CHECK_OK(f.env, OH_JSVM_GetBoolean(f.env, true, &v[2]));
    CHECK_OK(f.env, OH_JSVM_GetBoolean(f.env, false, &v[3]));
    CHECK_OK(f.env, OH_JSVM_GetGlobal(f.env, &v[4]));
    for (int i = 0; i < 5; i++)
        EXPECT_TRUE(v[i] != NULL);
    EXPECT_JS_CALL(f.env,
                   "(a,b,c,d,g)=>a===undefined&&b===null&&c===true&&d===false&&g===globalThis",
                   5, v);
    /* Each one individually, so that a swap between two is caught. */
    EXPECT_JS_1(f.env, "(function (x) { return typeof x === 'undefined' && arguments.length === 1; })", v[0]);
    EXPECT_JS_1(f.env, "(function (x) { return typeof x === 'object' && x === null; })", v[1]);
    EXPECT_JS_1(f.env, "(function (x) { return typeof x === 'boolean' && x; })", v[2]);
    EXPECT_JS_1(f.env, "(function (x) { return typeof x === 'boolean' && !x; })", v[3]);
    EXPECT_JS_1(f.env, "(function (x) { return x === globalThis && x === this; })", v[4]);

    bool b = false;
    CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, v[2], &b));
    EXPECT_TRUE(b == true);
    CHECK_OK(f.env, OH_JSVM_GetValueBool(f.env, v[3], &b));
    EXPECT_TRUE(b == false);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueBool(f.env, v[0], &b), JSVM_BOOLEAN_EXPECTED);
    EXPECT_STATUS(f.env, OH_JSVM_GetValueBool(f.env, v[1], &b), JSVM_BOOLEAN_EXPECTED);
    double d = 0;
    EXPECT_STATUS(f.env, OH_JSVM_GetValueDouble(f.env, v[1], &d), JSVM_NUMBER_EXPECTED);

    /* The global object is the one scripts see: a global set in JS is a property of it. */
    JT_RUN(f.env, "var fromScript = 17;");
    EXPECT_JS_1(f.env, "(function (g) { return g.fromScript === 17; })", v[4]);
    jt_teardown(&f);
}

/* Values set as globals through CallFunction are visible to later scripts. */
static void values_as_globals(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value v = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, -5, &v));
    set_global(f.env, "gi32", v);
    CHECK_OK(f.env, OH_JSVM_CreateUint32(f.env, 3000000000u, &v));
    set_global(f.env, "gu32", v);
    CHECK_OK(f.env, OH_JSVM_CreateInt64(f.env, -1234567890123LL, &v));
    set_global(f.env, "gi64", v);
    CHECK_OK(f.env, OH_JSVM_CreateDouble(f.env, 2.5, &v));
    set_global(f.env, "gdbl", v);
    CHECK_OK(f.env, OH_JSVM_GetBoolean(f.env, true, &v));
    set_global(f.env, "gtrue", v);
    CHECK_OK(f.env, OH_JSVM_GetNull(f.env, &v));
    set_global(f.env, "gnull", v);
    CHECK_OK(f.env, OH_JSVM_GetUndefined(f.env, &v));
    set_global(f.env, "gundef", v);

    JT_ASSERT_JS(f.env, "typeof gi32 === 'number' && gi32 === -5");
    JT_ASSERT_JS(f.env, "typeof gu32 === 'number' && gu32 === 3000000000");
    JT_ASSERT_JS(f.env, "typeof gi64 === 'number' && gi64 === -1234567890123");
    JT_ASSERT_JS(f.env, "typeof gdbl === 'number' && gdbl === 2.5");
    JT_ASSERT_JS(f.env, "gtrue === true");
    JT_ASSERT_JS(f.env, "gnull === null");
    JT_ASSERT_JS(f.env, "'gundef' in globalThis && gundef === undefined");
    /* Arithmetic on them is ordinary number arithmetic. */
    JT_ASSERT_JS(f.env, "gi32 + gu32 === 2999999995 && gdbl * 2 === 5");
    jt_teardown(&f);
}

/* ---- objects and arrays ---- */

static void create_object(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value a = NULL, b = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &a));
    CHECK_OK(f.env, OH_JSVM_CreateObject(f.env, &b));
    EXPECT_TRUE(a != NULL && b != NULL);
    JSVM_Value args[2] = {a, b};
    EXPECT_JS_CALL(f.env,
                   "(function (a, b) { return typeof a === 'object' && a !== null && a !== b &&"
                   " Object.getPrototypeOf(a) === Object.prototype && Object.getOwnPropertyNames(a).length === 0 &&"
                   " !Array.isArray(a) && Object.isExtensible(a); })",
                   2, args);
    /* It is a live object: a property set in JS is seen by a later call. */
    set_global(f.env, "objA", a);
    JT_RUN(f.env, "objA.x = 1;");
    EXPECT_JS_1(f.env, "(function (o) { return o.x === 1; })", a);
    double d = 0;
    EXPECT_STATUS(f.env, OH_JSVM_GetValueDouble(f.env, a, &d), JSVM_NUMBER_EXPECTED);
    jt_teardown(&f);
}

static void create_array(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value a = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateArray(f.env, &a));
    EXPECT_JS_1(f.env,
                "(function (a) { return Array.isArray(a) && a.length === 0 &&"
                " Object.getPrototypeOf(a) === Array.prototype; })",
                a);
    EXPECT_JS_1(f.env, "(function (a) { a.push(1, 2); return a.length === 2 && a[1] === 2; })", a);
    jt_teardown(&f);
}

static void create_array_with_length(void)
{
    static const size_t lens[] = {0, 1, 5, 1000, 100000};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        JSVM_Value a = NULL, n = NULL;
        CHECK_OK(f.env, OH_JSVM_CreateArrayWithLength(f.env, lens[i], &a));
        CHECK_OK(f.env, OH_JSVM_CreateUint32(f.env, (uint32_t)lens[i], &n));
        JSVM_Value args[2] = {a, n};
        EXPECT_JS_CALL(f.env,
                       "(function (a, n) { return Array.isArray(a) && a.length === n &&"
                       " Object.getPrototypeOf(a) === Array.prototype; })",
                       2, args);
    }
    JSVM_Value a = NULL;
    CHECK_OK(f.env, OH_JSVM_CreateArrayWithLength(f.env, 5, &a));
    EXPECT_JS_1(f.env, "(function (a) { return a.length === 5 && Array.isArray(a); })", a);
    /* The elements are holes, as with new Array(5). */
    EXPECT_JS_1(f.env, "(function (a) { return !(0 in a) && !(4 in a) && a[4] === undefined && Object.keys(a).length === 0; })", a);
    EXPECT_JS_1(f.env, "(function (a) { a[7] = 'x'; return a.length === 8; })", a);
    jt_teardown(&f);
}

static void create_array_with_huge_length(void)
{
    static const size_t lens[] = {(size_t)UINT32_MAX + 1, (size_t)1 << 40, SIZE_MAX - 1, SIZE_MAX};
    jt_fixture f;
    jt_setup(&f);
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        JSVM_Value a = (JSVM_Value)&f; /* sentinel: must stay untouched */
        EXPECT_STATUS(f.env, OH_JSVM_CreateArrayWithLength(f.env, lens[i], &a), JSVM_INVALID_ARG);
        EXPECT_TRUE(a == (JSVM_Value)&f);
    }
    bool pending = true;
    CHECK_OK(f.env, OH_JSVM_IsExceptionPending(f.env, &pending));
    EXPECT_TRUE(!pending);
    jt_teardown(&f);
}

/* Values are independent: creating many does not disturb earlier ones. */
static void many_values_stay_distinct(void)
{
    enum { N = 2000 };
    static JSVM_Value vals[N];
    jt_fixture f;
    jt_setup(&f);
    for (int i = 0; i < N; i++) {
        if (i % 2)
            CHECK_OK(f.env, OH_JSVM_CreateInt32(f.env, i, &vals[i]));
        else
            CHECK_OK(f.env, OH_JSVM_CreateDouble(f.env, i + 0.5, &vals[i]));
    }
    int bad = 0;
    for (int i = 0; i < N; i++) {
        double d = -1;
        if (OH_JSVM_GetValueDouble(f.env, vals[i], &d) != JSVM_OK || d != (i % 2 ? (double)i : i + 0.5))
            bad++;
    }
    EXPECT_EQ_INT(bad, 0);
    jt_teardown(&f);
}

JT_MAIN("values", JT_TEST(int32_round_trip), JT_TEST(uint32_round_trip), JT_TEST(int64_round_trip),
        JT_TEST(int64_precision_loss), JT_TEST(double_round_trip), JT_TEST(double_special_values),
        JT_TEST(number_conversions), JT_TEST(conversions_of_js_numbers),
        JT_TEST(number_getters_reject_non_numbers), JT_TEST(bool_getter_rejects_non_booleans),
        JT_TEST(singletons_seen_from_js), JT_TEST(values_as_globals), JT_TEST(create_object),
        JT_TEST(create_array), JT_TEST(create_array_with_length), JT_TEST(create_array_with_huge_length),
        JT_TEST(many_values_stay_distinct))
