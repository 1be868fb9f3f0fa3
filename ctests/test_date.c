/*
 * test_date.c: OH_JSVM_CreateDate, IsDate, GetDateValue (spec §3.22).
 */
#include <math.h>
#include <stdint.h>

#include "common.h"

#define CALL_JS(env, fnsrc, argc, argv) call_js_at((env), (fnsrc), (argc), (argv), __FILE__, __LINE__)

static JSVM_Value dbl(JSVM_Env env, double d)
{
    JSVM_Value v = NULL;
    CHECK_OK(env, OH_JSVM_CreateDouble(env, d, &v));
    return v;
}

/* The date's time value seen from JS equals want (NaN matches NaN). */
static bool js_time_is(JSVM_Env env, JSVM_Value date, double want)
{
    JSVM_Value args[2] = {date, dbl(env, want)};
    JSVM_Value r = CALL_JS(env, "(function (d, t) { return d instanceof Date && Object.is(d.getTime(), t); })", 2,
                           args);
    bool ok = false;
    return r && OH_JSVM_GetValueBool(env, r, &ok) == JSVM_OK && ok;
}

static bool same(double a, double b) { return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b)); }

static void create_and_read(void)
{
    /* time value in, time value the Date holds (TimeClip: integral,
     * NaN beyond 8.64e15 ms, -0 becomes +0) */
    static const struct {
        double in, out;
    } cases[] = {
        {0, 0},
        {1, 1},
        {-1, -1},
        {1.5e12, 1.5e12},
        {1700000000123.0, 1700000000123.0},
        {-62135596800000.0, -62135596800000.0},
        {8.64e15, 8.64e15},
        {-8.64e15, -8.64e15},
        {8.64e15 + 1, NAN},
        {-8.64e15 - 1, NAN},
        {1.9, 1},
        {-1.9, -1},
        {-0.0, 0},
        {NAN, NAN},
        {INFINITY, NAN},
        {-INFINITY, NAN},
    };
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JSVM_Value d = NULL;
        bool is = false;
        double back = 12345;
        CHECK_OK(env, OH_JSVM_CreateDate(env, cases[i].in, &d));
        CHECK_OK(env, OH_JSVM_IsDate(env, d, &is));
        EXPECT_TRUE(is);
        CHECK_OK(env, OH_JSVM_GetDateValue(env, d, &back));
        jt_checks++;
        if (!same(back, cases[i].out) || !js_time_is(env, d, cases[i].out)) {
            char msg[128];
            snprintf(msg, sizeof msg, "CreateDate(%g): C sees %g, want %g", cases[i].in, back, cases[i].out);
            jt_fail(__FILE__, __LINE__, msg);
        }
    }
    /* the date is a real Date: methods work */
    JSVM_Value d = NULL;
    CHECK_OK(env, OH_JSVM_CreateDate(env, 86400000.0 * 366, &d));
    EXPECT_JS(env, d, "(d) => d.toISOString() === '1971-01-02T00:00:00.000Z' &&"
                      " Object.getPrototypeOf(d) === Date.prototype");
    jt_teardown(&f);
}

static void dates_from_js(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    double t = 0;
    CHECK_OK(env, OH_JSVM_GetDateValue(env, JT_RUN(env, "new Date(Date.UTC(2020, 1, 29, 12, 30, 15, 250))"), &t));
    EXPECT_TRUE(t == 1582979415250.0);
    CHECK_OK(env, OH_JSVM_GetDateValue(env, JT_RUN(env, "new Date('invalid')"), &t));
    EXPECT_TRUE(isnan(t));
    CHECK_OK(env, OH_JSVM_GetDateValue(env, JT_RUN(env, "new Date(-1)"), &t));
    EXPECT_TRUE(t == -1);
    /* a subclass instance is a Date */
    JSVM_Value sub = JT_RUN(env, "class D extends Date {}; new D(5)");
    bool is = false;
    CHECK_OK(env, OH_JSVM_IsDate(env, sub, &is));
    EXPECT_TRUE(is);
    CHECK_OK(env, OH_JSVM_GetDateValue(env, sub, &t));
    EXPECT_TRUE(t == 5);
    /* a date changed by a setter reads its new value */
    JSVM_Value d = JT_RUN(env, "globalThis.dd = new Date(0); dd");
    JT_RUN(env, "dd.setTime(777)");
    CHECK_OK(env, OH_JSVM_GetDateValue(env, d, &t));
    EXPECT_TRUE(t == 777);
    /* replacing getTime/valueOf does not change what the API reads */
    JT_RUN(env, "Date.prototype.getTime = () => 1; Date.prototype.valueOf = () => 2;"
                "Date.prototype[Symbol.toPrimitive] = () => 3;");
    CHECK_OK(env, OH_JSVM_GetDateValue(env, d, &t));
    EXPECT_TRUE(t == 777);
    jt_teardown(&f);
}

static void not_dates(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    const char *vals[] = {"0", "'2020-01-01'", "({})", "Date.prototype", "Date", "null", "undefined",
                          "({ getTime() { return 1; } })", "Object.create(Date.prototype)",
                          "new Proxy(new Date(0), {})"};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        JSVM_Value v = JT_RUN(env, vals[i]);
        bool is = true;
        double t = 99;
        CHECK_OK(env, OH_JSVM_IsDate(env, v, &is));
        EXPECT_TRUE(!is);
        EXPECT_STATUS(env, OH_JSVM_GetDateValue(env, v, &t), JSVM_DATE_EXPECTED);
        EXPECT_TRUE(t == 99);
    }
    EXPECT_TRUE(!pending(env));
    jt_teardown(&f);
}

static void invalid_args(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value d = NULL;
    double t;
    bool b;
    CHECK_OK(env, OH_JSVM_CreateDate(env, 1, &d));
    EXPECT_VM_STATUS(OH_JSVM_CreateDate(NULL, 1, &d), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_CreateDate(env, 1, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_IsDate(NULL, d, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_IsDate(env, NULL, &b), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_IsDate(env, d, NULL), JSVM_INVALID_ARG);
    EXPECT_VM_STATUS(OH_JSVM_GetDateValue(NULL, d, &t), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetDateValue(env, NULL, &t), JSVM_INVALID_ARG);
    EXPECT_STATUS(env, OH_JSVM_GetDateValue(env, d, NULL), JSVM_INVALID_ARG);
    jt_teardown(&f);
}

/* CreateDate and GetDateValue are env+JS in the reference implementation:
 * refused while an exception is pending (even with bad arguments); IsDate
 * works. */
static void pending_exception(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Env env = f.env;
    JSVM_Value d = NULL, made = NULL;
    CHECK_OK(env, OH_JSVM_CreateDate(env, 10, &d));
    CHECK_OK(env, OH_JSVM_ThrowError(env, NULL, "pending"));
    double t = 99;
    bool is = false;
    EXPECT_STATUS(env, OH_JSVM_CreateDate(env, 1, &made), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_CreateDate(env, 1, NULL), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_GetDateValue(env, d, &t), JSVM_PENDING_EXCEPTION);
    EXPECT_STATUS(env, OH_JSVM_GetDateValue(env, d, NULL), JSVM_PENDING_EXCEPTION);
    EXPECT_TRUE(made == NULL && t == 99);
    CHECK_OK(env, OH_JSVM_IsDate(env, d, &is));
    EXPECT_TRUE(is);
    EXPECT_JS(env, take_exception(env), "(e) => e.message === 'pending'");
    CHECK_OK(env, OH_JSVM_GetDateValue(env, d, &t));
    EXPECT_TRUE(t == 10);
    jt_teardown(&f);
}

JT_MAIN("date", JT_TEST(create_and_read), JT_TEST(dates_from_js), JT_TEST(not_dates), JT_TEST(invalid_args),
        JT_TEST(pending_exception))
